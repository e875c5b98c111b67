"""Operators named by a word that stands for an organisation named before.

News name the operating company once and then speak of it as `компания`, `корпорация`,
`она` or, in an interview, `мы`:
`… генеральный директор ООО «Х» … Компания управляет парком с 2019 года`,
`«Х» станет управляющей компанией. Ранее она построила индустриальный парк «Y»`,
`Корпорация управляет двумя площадками — индустриальным парком «A» … и технопарком «B»`,
`Генеральный директор УК «Х» Иван Петров, чья компания управляет технопарком «Y»`.

The word is the subject of an operator verb (rules/operator_verbs.txt) whose object is
the park: the park right after the verb (past an adverb or a place: `построит в
Тимашевском районе агропромышленный парк «Y»`), a list of parks after a dash, or `им`
for the park named just before. A park after a preposition (`построит завод в парке «Y»`)
is where a resident builds, not what the company runs.
"""
from __future__ import annotations

from typing import List, Optional

from ..models import morph_analyzer
from ..normalize import is_legal_form, strip_quotes
from ..numbers import parse_number
from ..records import ORG
from ..vocab import load_set
from .common import add_evidence, quoted_spans, word_lemmas
from .park_mentions import GENERIC_REFERENCES, ParkMention, match_kind, name_key
from .parties import org_name, sentence_parties
from .party_references import referred_party

CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–"}
LIST_OPENERS = {"—", "–", ":"}
OBJECT_REACH = 8        # `построит в Тимашевском районе агропромышленный парк «Y»`
PRONOUN_REACH = 2       # sentences back to the company `она` stands for
OBJECT_PRONOUNS = {"им", "его", "ею", "ей", "ими", "их"}   # `мы управляем им с 2021 года`
TRANSPARENT_NOUNS = {"проект", "строительство", "создание", "развитие"}  # `реализует проект технопарка «Х»`
SUBJECT_PRONOUNS = {"она", "он", "оно"}  # `АО «Х» … Ранее оно построило`
WHOSE = "чей"           # `Иван Петров, чья компания управляет …`


def attach_referred_operators(doc, sentences, mentions: List[ParkMention], parks) -> None:
    """Parks whose operator is named by a subject noun or pronoun; `mentions` include parks
    spoken of by kind (`управляет парком`). Parks with an operator keep it."""
    park_keys = {m.key for m in mentions}
    for index, sent in enumerate(sentences):
        for verb in sent:
            if verb.pos_ != "VERB" or not word_lemmas(verb) & load_set("operator_verbs.txt"):
                continue
            earlier = sentences[index - 1].start if index else sent.start
            targets = [m for m in _objects(doc, sent, verb.i, mentions, earlier)
                       if parks[m.key].park.operator is None]
            if not targets:
                continue
            name = _subject_company(doc, sentences, index, verb.i, mentions, park_keys)
            for m in targets:
                if name and name_key(name) != m.key:
                    parks[m.key].park.operator = name
                    add_evidence(doc, "park", m.start, m.end, "operator", "operator_referred")


def _clause_start(doc, sent, i: int) -> int:
    start = i
    while start > sent.start and doc[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    return start


def _subject(doc, sent, verb: int) -> Optional[int]:
    """The subject word of the verb's clause: a noun of rules/subject_nouns.txt in the
    nominative with no name of its own after it, or a personal pronoun."""
    for token in doc[_clause_start(doc, sent, verb):verb]:
        lemma = token.lemma_.lower()
        if token.pos_ == "PRON" and (lemma in SUBJECT_PRONOUNS or lemma == "мы") \
                and token.morph.get("Case") in ([], ["Nom"]):
            return token.i
        if lemma in load_set("subject_nouns.txt") and token.morph.get("Case") == ["Nom"] and not token.ent_type_:
            following = doc[token.i + 1]
            if not (following.text in {"«", "\""} or following.ent_type_ or following.pos_ == "PROPN"):
                return token.i
    return None


def _subject_company(doc, sentences, index, verb, mentions, park_keys) -> Optional[str]:
    sent = sentences[index]
    subject = _subject(doc, sent, verb)
    places = {i for m in mentions for i in range(m.start, m.end)}
    if subject is None:
        if _first_person_plural(doc[verb]):
            return _speaker_company(doc, sentences[:index + 1], places, park_keys)
        return None
    if subject > sent.start and doc[subject - 1].lemma_.lower() == WHOSE:
        return _last_company(doc, sent, places, park_keys, before=subject)
    if doc[subject].lemma_.lower() in SUBJECT_PRONOUNS:
        for earlier in reversed(sentences[max(0, index - PRONOUN_REACH):index]):
            name = _first_company(doc, earlier, places, park_keys)
            if name:
                return name
        return None
    referred = referred_party(doc, sentences, index, places, park_keys)
    if referred is None and _speaks_for_itself(doc, subject):
        # `Наша компания управляет им с 2020 года, — сказал директор ООО «Х»`
        return _first_company(doc, sent, places, park_keys)
    return referred.name if referred else None


def _speaks_for_itself(doc, subject: int) -> bool:
    return doc[subject].lemma_.lower() == "мы" or (subject > 0 and doc[subject - 1].lemma_.lower() == "наш")


COMPANY_WORDS = 6  # a longer quotation is a phrase said, not a name: `«Инвестору нужен готовый цех, а не поле»`


def _companies(doc, sent, places, park_keys):
    return [p for p in sentence_parties(doc, sent, places, False)
            if p.type == ORG and name_key(p.name) not in park_keys
            and len(p.name.split()) <= COMPANY_WORDS and "," not in p.name]


def _last_company(doc, sent, places, park_keys, before: int) -> Optional[str]:
    """`Генеральный директор УК «Х» Иван Петров, чья компания …`: the company named before `чья`."""
    named = [p for p in _companies(doc, sent, places, park_keys) if p.end <= before]
    return named[-1].name if named else None


def _first_person_plural(token) -> bool:
    """`управляем`, `построили` as `мы` would say them (the tagger may read a sentence-initial
    `Управляем` as a short participle, so every pymorphy3 reading counts)."""
    if token.morph.get("Person") == ["1"] and token.morph.get("Number") == ["Plur"]:
        return True
    return any({"VERB", "1per", "plur"} <= parse.tag.grammemes for parse in morph_analyzer().parse(token.text))


def _speaker_company(doc, sentences, places, park_keys) -> Optional[str]:
    """`Управляем обоими сами`: a verb in the first person plural with no subject speaks for
    the company the article names first (an interview's headline or lead names the guest's)."""
    for sent in sentences:
        name = _first_company(doc, sent, places, park_keys)
        if name:
            return name
    return None


def _first_company(doc, sent, places, park_keys) -> Optional[str]:
    """`«Х» станет управляющей компанией технопарка. Ранее она …`: the company a sentence
    speaks of first (its subject, in news order)."""
    named = _companies(doc, sent, places, park_keys)
    return named[0].name if named else None


def _objects(doc, sent, verb: int, mentions, earlier: int) -> List[ParkMention]:
    """The parks the verb governs as its object; `им`, `его` the park named last, in its
    sentence or the one before (`С технопарка «Х». Мы построили его в 2015 году`); `обоими`
    the two parks named last."""
    after = verb + 1
    while after < sent.end and doc[after].is_space:
        after += 1
    if after < sent.end and doc[after].lower_ in OBJECT_PRONOUNS:
        before = [m for m in mentions if m.end <= verb and m.start >= earlier]
        return before[-1:]
    if after < sent.end and "оба" in word_lemmas(doc[after]):
        counted = parks_counted_back(doc, after, after + 1, mentions)
        return [m for m in mentions if m.key in counted and m.end <= after][-2:]
    listed = _listed_objects(doc, sent, after, mentions)
    if listed:
        return listed
    for m in mentions:
        if after <= m.start < min(sent.end, after + OBJECT_REACH):
            return coordinated(doc, sent, m, mentions) if governs_park(doc, after, m) else []
    return []


def coordinated(doc, sent, first: ParkMention, mentions) -> List[ParkMention]:
    """`управляет СЭЗ «Наманган» и малой промышленной зоной «Чуст» в Чустском районе`: parks
    joined to the object by `и` or a comma (an adjective of the kind may come between)."""
    objects = [first]
    for m in mentions:
        if m.start < objects[-1].end or m.start >= sent.end:
            continue
        between = [t for t in doc[objects[-1].end:m.start] if not t.is_space]
        if not between or between[0].text not in {"и", ","} or any(t.pos_ not in {"ADJ", "CCONJ"} for t in between[1:]):
            break
        objects.append(m)
    return objects


def _listed_objects(doc, sent, after: int, mentions) -> List[ParkMention]:
    """`управляет двумя площадками — индустриальным парком «A» … и технопарком «B»`: a
    counted generic word, a dash or a colon, then every park of the clause not after a
    preposition."""
    i = after
    while i < sent.end and (doc[i].pos_ in {"NUM", "ADJ"} or doc[i].is_space):
        i += 1
    if i >= sent.end or not (word_lemmas(doc[i]) & (GENERIC_REFERENCES | {"территория"}) or match_kind(doc, i)):
        return []
    opener = i + 1
    while opener < sent.end and doc[opener].text not in LIST_OPENERS and opener - i <= 2:
        opener += 1
    if opener >= sent.end or doc[opener].text not in LIST_OPENERS:
        return []
    end = next((t.i for t in doc[opener + 1:sent.end] if t.text in {";", "("}), sent.end)
    return [m for m in mentions if opener < m.start < end and doc[m.start - 1].pos_ != "ADP"]


def governs_park(doc, start: int, park: ParkMention) -> bool:
    """The park is the object of the verb before `start`, past adverbs and prepositional
    phrases (`построит в Тимашевском районе агропромышленный парк «Y»`), not part of one
    (`построит на территории ТОР завод`, `построит завод в парке «Y»`)."""
    between = [t for t in doc[start:park.start] if t.lemma_.lower() not in TRANSPARENT_NOUNS or t.i != park.start - 1]
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


def parks_counted_back(doc, low: int, high: int, mentions) -> set:
    """`Управляющей компанией обеих территорий является АО «Х»`, `всех трёх парков`: a cue
    over `оба` or `все` + a number speaks of that many parks named last before it."""
    count = None
    for token in doc[low:high]:
        if token.lemma_.lower() == "оба" or "оба" in word_lemmas(token):
            count = 2
        elif token.lemma_.lower() == "весь" and token.i + 1 < high and doc[token.i + 1].pos_ == "NUM":
            number = parse_number(doc[token.i + 1].text)
            count = int(number) if number else None
    if count is None:
        return set()
    keys: List[str] = []
    for m in reversed([m for m in mentions if m.end <= low]):
        if m.key not in keys:
            keys.append(m.key)
    return set(keys[:count]) if len(keys) >= count else set()


SAME_NAMED = {"одноимённый", "одноименный"}
SAME_NAMED_REACH = 4  # `ассоциация «Х», управляющая одноимённым промышленным кластером`


def attach_same_named(doc, sentences, parks) -> None:
    """`ассоциация «Волга-Авто», управляющая одноимённым промышленным кластером`: a company
    that runs the park bearing its own name is its operator, the one case where the two names
    are one."""
    from .park_operators import find_cue  # park_operators imports this module
    for span in quoted_spans(doc):
        key = name_key(span.text)
        if key not in parks or parks[key].park.operator is not None:
            continue
        sent = doc[span.start].sent
        window = doc[span.end + 1:min(sent.end, span.end + 1 + SAME_NAMED_REACH)]
        same = next((t.i for t in window if word_lemmas(t) & SAME_NAMED), None)
        if same is None or match_kind(doc, same + 1) is None:
            continue
        if find_cue(doc, span.end + 1, same) is not None:
            parks[key].park.operator = parks[key].park.name
            add_evidence(doc, "park", span.start, span.end, "operator", "operator_same_named")


MANAGER_REACH = 2  # sentences after `перешёл под управление корпорации развития` that name it


def attach_new_managers(doc, sentences, mentions, parks) -> None:
    """`Парк «Y» перешёл под управление краевой корпорации развития. АО «Корпорация развития
    Пермского края» завершило сделку …`: a company described by common nouns is the one a
    following sentence names with all those nouns. The park's new manager is its operator,
    before any owner the story names later."""
    park_keys = {m.key for m in mentions}
    places = {i for m in mentions for i in range(m.start, m.end)}
    for index, sent in enumerate(sentences):
        for token in sent:
            if token.lower_ != "под" or token.i + 1 >= sent.end or doc[token.i + 1].lemma_.lower() != "управление":
                continue
            nouns = _description_nouns(doc, sent, token.i + 2)
            before = [m for m in mentions if sent.start <= m.start and m.end <= token.i]
            if not nouns or not before or parks[before[-1].key].park.operator is not None:
                continue
            for later in sentences[index:index + MANAGER_REACH + 1]:
                named = [p for p in _companies(doc, later, places, park_keys)
                         if set(nouns) <= set(name_key(p.name).split())]
                if named:
                    parks[before[-1].key].park.operator = named[0].name
                    add_evidence(doc, "park", before[-1].start, before[-1].end, "operator", "operator_new_manager")
                    break


def _description_nouns(doc, sent, start: int) -> List[str]:
    """The nouns of `краевой корпорации развития` when they name no company of their own
    (no quotes or name after them) and the first is an organisation's head noun."""
    nouns, i = [], start
    while i < sent.end and doc[i].pos_ in {"ADJ", "NOUN"} and not doc[i].ent_type_:
        if doc[i].pos_ == "NOUN":
            nouns.append(doc[i].lemma_.lower())
        i += 1
    if i < sent.end and (doc[i].text in {"«", "\""} or doc[i].ent_type_ or doc[i].pos_ == "PROPN"):
        return []
    heads = load_set("operator_org_heads.txt") | {"компания"}
    return nouns if nouns and nouns[0] in heads else []


def expand_abbreviation(doc, name: str) -> str:
    """`Корпорация развития Дальнего Востока и Арктики (КРДВ) … управляющей компанией выступает
    КРДВ`: an abbreviation the article defined in brackets after a company's full name is that
    name."""
    if not name or " " in name or not name.isupper():
        return name
    for token in doc[1:len(doc) - 1]:
        if token.text == name and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")":
            opening = token.i - 1
            starts = [span.start - 1 for span in quoted_spans(doc) if span.end + 1 == opening]
            starts += [ent.start for ent in doc[opening].sent.ents  # NER may take the brackets in
                       if ent.label_ == "ORG" and ent.start < opening <= ent.end]
            full = org_name(doc[starts[0]:opening]) if starts else ""
            if full and full != name:
                return full
    return name


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


def listed_parks_after(doc, sent, start: int, mentions) -> List[ParkMention]:
    """`ООО «Х» — оператор двух индустриальных парков: «Северный» и «Южный»`: the parks listed
    after a counted kind right after a cue."""
    i = start
    while i < sent.end and (doc[i].pos_ in {"NUM", "ADJ"} or doc[i].is_space) and match_kind(doc, i) is None:
        i += 1
    if i >= sent.end or match_kind(doc, i) is None:
        return []
    return [m for m in mentions if m.rule == "listed_after_kind" and i < m.start < sent.end]


def attach_named_after_parks(doc, mentions: List[ParkMention], parks) -> None:
    """`Генеральный директор АО «Технопарк Мордовии» … технопарк «Мордовия»`: a company whose
    quoted name is a park's kind and the park's name (in any case) runs that park. A name in
    quotes of its own (`АО «ОЭЗ «Тольятти»»`) is left alone: annotators disagree on it."""
    for span in quoted_spans(doc):
        kind = match_kind(doc, span.start)
        if kind is None or not is_legal_form(doc[span.start - 2].text if span.start >= 2 else ""):
            continue
        rest = doc[kind[0]:span.end]
        if not len(rest) or any(t.text in {"«", "\"", "»"} for t in rest):
            continue
        key = name_key(rest.text)
        if key in parks and parks[key].park.operator is None:
            name = strip_quotes(span.text)
            parks[key].park.operator = name
            add_evidence(doc, "park", span.start, span.end, "operator", "operator_named_after_park")
