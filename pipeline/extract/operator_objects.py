"""Which parks an operator cue speaks of: the object of a verb cue, parks joined to it,
parks counted back (`обеих территорий`), listed after a kind, or named after `в том числе`.
"""
from __future__ import annotations

from typing import List, Optional

from ..numbers import parse_number
from ..vocab import load_set
from .common import sentence_after, word_lemmas
from .park_mentions import GENERIC_REFERENCES, ParkMention, match_kind, past_aside, past_place

TRANSPARENT_NOUNS = {"проект", "строительство", "создание", "развитие"}  # `реализует проект технопарка «Х»`
LIST_OPENERS = {"—", "–", ":"}  # `двумя площадками: …`, `Три индустриальных — «А», «Б» и «В»`


def coordinated(doc, sent, first: ParkMention, mentions) -> List[ParkMention]:
    """`управляет СЭЗ «Наманган» и малой промышленной зоной «Чуст» в Чустском районе`: parks
    joined to the object by `и` or a comma (an adjective of the kind may come between, or a
    counted kind and a dash: `и двумя технопарками — «Позимь» …`), past the place or the
    bracketed card of the park before (`«Челны-Запад» (Набережные Челны, 74 га), «Агрыз» …`)."""
    objects = [first]
    for m in mentions:
        if m.start < objects[-1].end or m.start >= sent.end:
            continue
        start = objects[-1].end
        while start < m.start and doc[start].is_space:
            start += 1
        # `«Ворсино» в Боровском районе и «Детчино»`: past the place of the park before
        between = [t for t in doc[past_place(doc, past_aside(doc, start)):m.start] if not t.is_space]
        if not between or between[0].text not in {"и", ","} or not all(_joins(t) for t in between[1:]):
            break
        objects.append(m)
    return objects


JOINING_WORDS = {"и", ",", "а", "также"}  # `«Ягорба» и «Заречье», а также технопарком «Северная верфь»`


def coordinated_before(doc, sent, last: ParkMention, mentions) -> List[ParkMention]:
    """`индустриальными парками «Ягорба» и «Заречье», а также технопарком «Северная верфь» …
    управляет АО «Х»`: the parks joined before the one nearest the cue."""
    objects = [last]
    for m in reversed(mentions):
        if m.start >= objects[0].start or m.start < sent.start:
            continue
        start = past_place(doc, past_aside(doc, m.end))
        while start < objects[0].start and doc[start].is_space:
            start += 1
        between = [t for t in doc[start:objects[0].start] if not t.is_space]
        if not between or not any(t.text in JOINING_WORDS for t in between) \
                or not all(t.text in JOINING_WORDS or _joins(t) for t in between):
            break
        objects.insert(0, m)
    return objects


def _joins(token) -> bool:
    """A word that may stand between two coordinated parks past `и` or a comma: an adjective,
    a conjunction, a count of a kind and the dash after it (`двумя технопарками —`)."""
    return token.pos_ in {"ADJ", "CCONJ", "NUM"} or token.text in {"—", "–"} \
        or token.pos_ == "NOUN" and match_kind(token.doc, token.i) is not None


SHARED_OBJECT_JOINS = {"и", "или"}


def governs_park(doc, start: int, park: ParkMention) -> bool:
    """The park is the object of the verb before `start`, past adverbs and prepositional
    phrases (`построит в Тимашевском районе агропромышленный парк «Y»`), not part of one
    (`построит на территории ТОР завод`, `построит завод в парке «Y»`)."""
    between = [t for t in doc[start:park.start] if t.lemma_.lower() not in TRANSPARENT_NOUNS or t.i != park.start - 1]
    if len(between) >= 2 and between[0].lower_ in SHARED_OBJECT_JOINS and between[1].pos_ == "VERB":
        between = between[2:]  # `строит и развивает технополис «Y»`: two verbs of one object
    while between and between[-1].pos_ == "ADJ" and between[-1].morph.get("Case") == doc[park.start].morph.get("Case") \
            and not (len(between) > 1 and between[-2].pos_ == "ADP"):
        between.pop()  # `управляющая частным технопарком «Ротор»`: the park's own adjective, in its case
        # (not `под Новосибирском`, a place after its preposition)
    if not _only_adverbials(between):
        return False
    words = [t for t in between if not t.is_space]
    if words and words[-1].pos_ == "NOUN":  # a noun of a prepositional phrase before the park
        return doc[park.start].morph.get("Case") in (["Nom"], ["Acc"], ["Ins"])  # Acc often read as Nom
    return True


def _only_adverbials(tokens) -> bool:
    """Nothing between the verb and the park but adverbs and prepositional phrases (`с 2019
    года`, `в Тимашевском районе`): no object of its own (`построит завод в парке`)."""
    after_preposition = False
    for token in tokens:
        if token.is_space:
            continue
        if token.pos_ in {"ADV", "PART"}:
            after_preposition = False
        elif token.pos_ == "ADP":
            after_preposition = True
        elif not (after_preposition and token.pos_ in {"ADJ", "NOUN", "PROPN", "NUM", "DET"}):
            return False
    return not (tokens and tokens[-1].pos_ == "ADP")


def parks_count(doc, low: int, high: int, back: bool = True) -> Optional[int]:
    """How many parks `оба`, `все три` or a number before a park noun (`двумя площадками`)
    in [low, high) counts, or None; with `back` False, None for `оба` and `все три`, which
    speak of parks named before."""
    count = None
    for token in doc[low:high]:
        if token.lemma_.lower() == "оба" or "оба" in word_lemmas(token):
            if _other_noun_after(doc, token.i, high):
                continue  # `Обе структуры принадлежат республике`: two of something else
            if not back:
                return None
            count = 2
        elif token.lemma_.lower() == "весь" and token.i + 1 < high and doc[token.i + 1].pos_ == "NUM":
            if not back:
                return None
            number = parse_number(doc[token.i + 1].text)
            count = int(number) if number else None
        elif count is None and (token.pos_ == "NUM" or token.like_num) and _park_noun_after(doc, token.i, high):
            number = parse_number(token.text)  # `Мы управляем двумя площадками`
            count = int(number) if number and 1 < number < 10 else None
    return count


def parks_counted_back(doc, low: int, high: int, mentions) -> set:
    """`Управляющей компанией обеих территорий является АО «Х»`, `всех трёх парков`: a cue
    over `оба` or `все` + a number speaks of that many parks named last before it."""
    count = parks_count(doc, low, high)
    if count is None:
        return set()
    keys = keys_in_order(reversed([m for m in mentions if m.end <= low]))
    return set(keys[:count]) if len(keys) >= count else set()


def keys_in_order(mentions) -> List[str]:
    """The parks' keys of `mentions`, each once, in the order the mentions come."""
    return list(dict.fromkeys(m.key for m in mentions))


NEXT_SENTENCES_PER_PARK = 2  # `Компания управляет тремя площадками.` and the parks described after it


def parks_named_next(doc, sent, count: Optional[int], mentions) -> List[ParkMention]:
    """`Сегодня компания управляет тремя площадками. Старейший парк группы — «А» … Вторым
    появился парк «Б» … Самый молодой — «В»`: a count with no park of its own speaks of the
    first that many parks the next sentences name (at most two sentences a park), or every
    park named after it when the story names just that many."""
    if not count or any(sent.start <= m.start < sent.end for m in mentions):
        return []
    later = {m.key: m for m in reversed(mentions) if m.start >= sent.end}
    if len(later) == count:
        return list(later.values())  # `управляет всеми тремя парками региона`, and the story names three after
    following, found = sentence_after(doc, sent), []
    for _ in range(count * NEXT_SENTENCES_PER_PARK):
        if following is None or len(found) == count:
            break
        for m in mentions:
            if following.start <= m.start < following.end and len(found) < count \
                    and m.key not in {f.key for f in found}:
                found.append(m)
        following = sentence_after(doc, following)
    return found if len(found) == count else []


def _other_noun_after(doc, i: int, high: int) -> bool:
    """A noun right after token i (past adjectives) that is no park's kind or word."""
    j = i + 1
    while j < high and doc[j].pos_ == "ADJ" and match_kind(doc, j) is None:
        j += 1
    return j < high and doc[j].pos_ == "NOUN" and not _park_noun_after(doc, i, high) \
        and not word_lemmas(doc[j]) & (GENERIC_REFERENCES | {"территория"})


def _park_noun_after(doc, i: int, high: int) -> bool:
    """`двумя площадками`, `тремя индустриальными парками`: a park's kind or a bare park word
    after the number at token i, past adjectives."""
    j = i + 1
    while j < high and doc[j].pos_ == "ADJ" and match_kind(doc, j) is None:
        j += 1
    return j < high and (match_kind(doc, j) is not None or bool(word_lemmas(doc[j]) & load_set("counted_park_words.txt")))


def all_parks_counted(doc, low: int, high: int, mentions) -> set:
    """`Три парка региона, которыми управляет АНО «Х», …`: a number and a park noun before a
    relative clause with the cue speak of every park of the article, when it names that many."""
    relative = [t.i for t in doc[low:high] if "который" in word_lemmas(t)]
    if not relative:
        return set()
    count = None
    for token in doc[max(0, relative[0] - 6):relative[0]]:
        following = doc[token.i + 1]
        if token.pos_ == "NUM" or parse_number(token.text) is not None:
            if match_kind(doc, token.i + 1) is not None or word_lemmas(following) & GENERIC_REFERENCES:
                number = parse_number(token.text)
                count = int(number) if number else None
    keys = {m.key for m in mentions}
    return keys if count is not None and count > 1 and len(keys) == count else set()


INCLUDING = (("в", "том", "числе"), ("включая",), ("в", "частности"))
INCLUDING_REACH = 8  # `управляющая компания территорий опережающего развития, в том числе ТОР «Х»`


def included_parks(doc, sent, start: int, mentions) -> List[ParkMention]:
    """`КРДВ — единая управляющая компания территорий опережающего развития, в том числе ТОР
    «Хабаровск», и свободного порта`: the parks a cue's kind names after `в том числе`,
    `включая`, `в частности`."""
    for i in range(start, min(sent.end, start + INCLUDING_REACH)):
        for words in INCLUDING:
            if tuple(t.lower_ for t in doc[i:i + len(words)]) == words:
                first = next((m for m in mentions if m.start == i + len(words)), None)
                return coordinated(doc, sent, first, mentions) if first else []
    return []


def is_count_modifier(token) -> bool:
    """A number, an adjective or a participle read as one (`двумя действующими индустриальными
    парками`), or a blank, before a counted park kind."""
    return token.pos_ in {"NUM", "ADJ"} or token.morph.get("VerbForm") == ["Part"] or token.is_space


def listed_parks_after(doc, sent, start: int, mentions) -> List[ParkMention]:
    """`ООО «Х» — оператор двух индустриальных парков: «Северный» и «Южный»`: the parks listed
    after a counted kind right after a cue."""
    i = start
    while i < sent.end and is_count_modifier(doc[i]) and match_kind(doc, i) is None:
        i += 1
    if i + 1 < sent.end and word_lemmas(doc[i]) & load_set("counted_park_words.txt") and doc[i + 1].text in LIST_OPENERS:
        # `управляет двумя площадками: индустриальными парками «Заречный» … и «Шахтёрский» …`
        kind = match_kind(doc, i + 2)
        first = next((m for m in mentions if m.start == i + 2 or kind and m.start == kind[0]), None)
        return coordinated(doc, sent, first, mentions) if first is not None else []
    if i >= sent.end or match_kind(doc, i) is None:
        return []
    return [m for m in mentions if m.rule == "listed_after_kind" and i < m.start < sent.end]
