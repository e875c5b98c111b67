"""Positions a verb gives (rules/position_verbs.tsv): who holds them.

- a title in the instrumental: `Иван Петров является генеральным директором компании`,
  `избран президентом`, `назначил главным тренером Ивана Петрова`;
- a slot noun (rules/position_slots.txt) with the title in the genitive: `занимает пост
  генерального директора`, `назначен на должность министра`;
- the phrase before the verb: `пост генерального директора занимал Раис Ханнанов`,
  `Операторами стали Михаил Агранович и Михаил Хасая`.
The holder is the subject (a name in the nominative before the verb, the name before
`который`, or the last person of that gender for `он`/`она`), or, for verbs whose
holder is the object in the active voice (`назначил`), the name after the phrase.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from ..vocab import load_set, load_table
from .common import CLOSE_QUOTES, OPEN_QUOTES, tokens_tagged
from .person_names import Mention
from .position_partitive import partitive_start
from .positions import Phrase, complement_end, modifiers_start, phrase_at, without_apposition
from .titles import acting_lead, acting_start, case_of, is_head, is_plural, normal_forms, possible_cases

SKIPPED_POS = {"ADV", "PART", "AUX", "SPACE"}
MAX_BEFORE_VERB = 12
PRONOUNS = {"он": "masc", "она": "femn"}
RELATIVES = {"который"}


@lru_cache(maxsize=None)
def position_verbs() -> Dict[str, str]:
    return {lemma: holder for lemma, holder in load_table("position_verbs.tsv", 2)}


def _skip(doc, i: int, limit: int) -> int:
    while i < limit and doc[i].pos_ in SKIPPED_POS:
        i += 1
    return i


def _is_slot(token) -> bool:
    return bool(normal_forms(token.text) & load_set("position_slots.txt"))


def phrase_after_verb(doc, verb: int, limit: int,
                      mentions: List[Mention]) -> Tuple[Optional[Phrase], Optional[int]]:
    """(the position after a verb, the mention standing between them: `назначил Ивана Петрова главой`)."""
    i = _skip(doc, _past_time(doc, _skip(doc, verb + 1, limit), limit), limit)
    between = next((k for k, m in enumerate(mentions) if m.title_start == i), None)
    if between is not None:
        i = _skip(doc, mentions[between].end, limit)
    if i < limit and doc[i].pos_ == "ADP":
        i = _skip(doc, i + 1, limit)
    if i < limit and _is_slot(doc[i]):
        return phrase_at(doc, _skip(doc, i + 1, limit), {"gent"}, limit, "position_verb", False), between
    return phrase_at(doc, i, {"ablt"}, limit, "position_verb", False), between


TIME_NOUNS = {"год"}  # `назначенный в 2024 году директором`


def _past_time(doc, i: int, limit: int) -> int:
    """The token after a time phrase at i (`в марте`, `в 2024 году`), or i."""
    if i + 1 >= limit or doc[i].lower_ != "в":
        return i
    k = i + 1
    if doc[k].like_num and k + 1 < limit:
        k += 1
    return k + 1 if _is_time_word(doc[k]) else i


def _is_time_word(token) -> bool:
    """`марте`, `году`: a month or a year."""
    return token.lemma_.lower() in load_set("month_names.txt") or token.lemma_.lower() in TIME_NOUNS


def phrase_before_verb(doc, verb: int, floor: int) -> Optional[Phrase]:
    """`пост генерального директора [занимал]`, `Операторами [стали]`: a phrase ending at the verb
    (or at a participle's aside before it: `Генеральным директором АО «Х», управляющего парком
    «Y», [назначен]`)."""
    verb = _aside_start(doc, verb, floor)
    for k in range(verb - 1, max(floor, verb - MAX_BEFORE_VERB) - 1, -1):
        if _is_slot(doc[k]):
            phrase = phrase_at(doc, k + 1, {"gent"}, verb, "position_verb", False)
        elif is_head(doc[k]) and case_of(doc[k]) == "ablt":
            phrase = phrase_at(doc, modifiers_start(doc, k, floor), {"ablt"}, verb, "position_verb", False)
        elif is_head(doc[k]) and _acting_in_instrumental(doc, k, floor) is not None:
            # `Исполняющей обязанности генерального директора фонда назначена …`
            phrase = phrase_at(doc, _acting_in_instrumental(doc, k, floor), {"ablt"}, verb, "position_verb", False)
        elif is_head(doc[k]) and is_plural(doc[k]):
            phrase = _partitive_before(doc, k, verb, floor)
        else:
            continue
        if phrase is not None and _skip(doc, phrase.end, verb) == verb:
            return phrase
    return None


ASIDE_WORDS = 10  # `, управляющего индустриальным парком «Тура»,`


def _aside_start(doc, verb: int, floor: int) -> int:
    """The comma opening a participle's aside that ends right before the verb, or the verb."""
    closing = verb - 1
    while closing > floor and doc[closing].is_space:
        closing -= 1
    if closing <= floor or doc[closing].text != ",":
        return verb
    for k in range(closing - 1, max(floor, closing - ASIDE_WORDS) - 1, -1):
        if doc[k].text == ",":
            first = doc[k + 1] if k + 1 < closing else None
            participle = first is not None and (first.morph.get("VerbForm") == ["Part"] or first.lemma_.lower() in RELATIVES)
            return k if participle else verb
    return verb


def _acting_in_instrumental(doc, head: int, floor: int) -> Optional[int]:
    """Start of `исполняющим обязанности` in the instrumental before a title, or None."""
    start = acting_start(doc, modifiers_start(doc, head, floor), floor)
    if start is None or case_of(doc[acting_lead(doc, start, head)]) != "ablt":
        return None
    return start


def _partitive_before(doc, head: int, verb: int, floor: int) -> Optional[Phrase]:
    """`Одним из кандидатов на пост является …`: `одним из` and a plural title before the verb."""
    start = modifiers_start(doc, head, floor)
    one = partitive_start(doc, start, floor)
    if one is None or "ablt" not in possible_cases(doc[one].text):
        return None
    return Phrase(start, head, complement_end(doc, head, verb), head, "position_verb", one_of=True)


def _is_predicate(token) -> bool:
    """A finite verb or a participle: not `надеясь стать профессором`."""
    return token.morph.get("VerbForm") in (["Fin"], ["Part"], [])


def _is_full_participle(token) -> bool:
    """`назначенный`, not the short `назначен` of a predicate."""
    return token.morph.get("VerbForm") == ["Part"] and token.morph.get("Variant") != ["Short"]


def _participle_holder(doc, token, phrase, sent, mentions: List[Mention]) -> Optional[int]:
    """Whom a participle's position belongs to: the name before its comma (`Сергей Балыкин,
    назначенный в апреле заместителем …`), else the name after the phrase (`Назначенный в марте
    генеральным директором корпорации Максим Ерофеев`)."""
    before = token.i - 1
    while before > sent.start and (doc[before].is_space or _in_time_phrase(doc, before)):
        before -= 1  # `Олег Рябинин, в марте назначенный министром …`
    if before <= sent.start or doc[before].text in {";", ":"}:
        return _first_after(doc, phrase.end, sent, mentions, {"nomn"})
    if doc[before].text == ",":
        named = next((k for k, m in enumerate(mentions) if m.end == before), None)
        if named is not None:
            return named
    return _subject(doc, token.i, sent, mentions)


def _in_time_phrase(doc, i: int) -> bool:
    """`в марте`, `в 2024 году`: a word of a time phrase before a participle."""
    return _is_time_word(doc[i]) or doc[i].like_num \
        or (doc[i].lower_ == "в" and i + 1 < len(doc) and _past_time(doc, i, len(doc)) > i)


def _is_active(token) -> bool:
    return token.morph.get("VerbForm") != ["Part"] and token.morph.get("Voice") != ["Pass"]


def _relative_antecedent(doc, verb: int, sent, mentions: List[Mention]) -> Optional[int]:
    """`Иван Петров, который является …`: the name before `, который`."""
    i = verb - 1
    while i > sent.start and doc[i].pos_ in SKIPPED_POS:
        i -= 1
    if doc[i].lemma_.lower() not in RELATIVES:
        return None
    comma = i - 1
    return next((k for k, m in enumerate(mentions) if m.end == comma), None)


def _pronoun_antecedent(doc, verb: int, sent, mentions: List[Mention]) -> Optional[int]:
    """`… Он был главным советником`: the last person named before the sentence, of its gender."""
    pronoun = next((t for t in doc[sent.start:verb] if t.lower_ in PRONOUNS and case_of(t) == "nomn"), None)
    if pronoun is None:
        return None
    earlier = [k for k, m in enumerate(mentions) if m.end <= sent.start and not _attribute(doc, m)]
    if not earlier or not _genders_of(mentions, earlier[-1]) & {PRONOUNS[pronoun.lower_], None}:
        return None  # only the person spoken of last, if the pronoun fits them
    return earlier[-1]


def _genders_of(mentions: List[Mention], k: int) -> set:
    """The genders the mentions of one surname are read with: the tagger may read a foreign
    name in `-а` as feminine once (`Шейк Модибо Диарра`) and as masculine elsewhere."""
    surname = mentions[k].name.split()[-1]
    return {m.gender for m in mentions if m.name.split()[-1] == surname} | {mentions[k].gender}


def quote_start(doc, verb: int, sent) -> Optional[int]:
    """Where the quotation a verb stands in opens, within its sentence; None outside quotes."""
    opened: List[int] = []
    straight = None
    for token in doc[sent.start:verb]:
        if token.text in OPEN_QUOTES and not (token.text in CLOSE_QUOTES and opened):
            opened.append(token.i)
        elif token.text in CLOSE_QUOTES and opened:
            opened.pop()
        elif token.text == '"':
            straight = token.i if straight is None else None
    starts = opened + ([straight] if straight is not None else [])
    return max(starts) if starts else None


def _third_person_quoted(doc, verb: int, sent) -> Optional[int]:
    """Where a quotation opens when `он`/`она` speaks of someone in it before the verb
    (`заявил: «Он был отличным боксёром»`): the speaker is not who the verb is about."""
    quoted = quote_start(doc, verb, sent)
    if quoted is None or not any(t.lower_ in PRONOUNS and case_of(t) == "nomn" for t in doc[quoted:verb]):
        return None
    return quoted


def _is_alias(doc, mention: Mention) -> bool:
    """`Фрэнк Кали по прозвищу (Фрэнки Бой)`: a name after a word of rules/alias_cues.txt."""
    i = mention.title_start - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return i >= 0 and bool(normal_forms(doc[i].text) & load_set("alias_cues.txt"))


def _subject(doc, verb: int, sent, mentions: List[Mention]) -> Optional[int]:
    """The holder of a verb's position; of a third person in a quotation, only a name
    inside the quotation, never the speaker outside it."""
    relative = _relative_antecedent(doc, verb, sent, mentions)
    if relative is not None:
        return relative
    quoted = _third_person_quoted(doc, verb, sent)
    floor = sent.start if quoted is None else quoted
    before = [k for k, m in enumerate(mentions) if floor <= m.start and m.end <= verb and m.case == "nomn"
              and not _is_alias(doc, m)]
    if before:
        return before[-1]
    return _pronoun_antecedent(doc, verb, sent, mentions) if quoted is None else None


def _attribute(doc, mention: Mention) -> bool:
    """`в администрации Джорджа Буша`: a name in the genitive after a noun qualifies the noun;
    `он` in the next sentence is rarely that name."""
    before = mention.title_start - 1
    return (mention.case == "gent" and mention.title_start == mention.start and before >= 0
            and doc[before].pos_ == "NOUN" and doc[before].text.islower()) or _of_noun(doc, mention)


def _of_noun(doc, mention: Mention) -> bool:
    """`друг В.Лукашенко`: a name that does not decline, right after a noun, is its attribute."""
    before = mention.title_start - 1
    return (mention.fixed and mention.title_start == mention.start and before >= 0
            and doc[before].pos_ == "NOUN" and doc[before].text.islower())


def _first_after(doc, position: int, sent, mentions: List[Mention], cases: set) -> Optional[int]:
    return next((k for k, m in enumerate(mentions)
                 if position <= m.start < sent.end and m.case in cases and not _of_noun(doc, m)), None)


def verb_positions(doc, mentions: List[Mention]) -> List[Tuple[int, Phrase]]:
    """(mention index, phrase) of every position a verb gives someone named in the text."""
    found = []
    for token in tokens_tagged(doc, ("VERB", "AUX")):
        holder = position_verbs().get(token.lemma_.lower())
        if holder is None or not _is_predicate(token):
            continue
        sent = token.sent
        phrase, between = phrase_after_verb(doc, token.i, sent.end, mentions)
        if phrase is not None:
            if holder == "object" and _is_active(token):
                k = between if between is not None else _first_after(doc, phrase.end, sent, mentions, {"accs", "gent"})
                if k is not None and between is None:
                    phrase.end = without_apposition(doc, phrase.head, phrase.end, mentions[k].title_start)
            elif _is_full_participle(token):
                k = _participle_holder(doc, token, phrase, sent, mentions)
            else:
                k = _subject(doc, token.i, sent, mentions)
        else:
            phrase = phrase_before_verb(doc, token.i, sent.start)
            k = _first_after(doc, token.i + 1, sent, mentions, {"nomn"}) if phrase is not None else None
        if phrase is not None and k is not None:
            phrase.verb = token.i
            found.append((k, phrase))
    return found
