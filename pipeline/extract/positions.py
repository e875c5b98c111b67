"""Position phrases next to a person's name.

A position phrase is a title from rules/positions.txt (the head), its modifiers on
the left (`генеральный`, `бывший`, `исполняющий обязанности`) and its complements on
the right: genitives (`губернатора Краснодарского края`), a preposition's phrase
(`по экономическому развитию`, `от штата Вермонт`), quoted and Latin names
(`«Бананц»`, `Huixin Yin Tong`). The head agrees in case with the name it
describes, which tells `дочь президента Иванку Трамп` (no position) from
`советник президента Джаред Кушнер`.

- before the name: `министр промышленности и торговли России Денис Мантуров` (the chains
  of titles before a name are in position_chains.py);
- after it: `Денис Мантуров, министр …`, `Денис Мантуров (министр …)`, `… — министр`.
The verbs that introduce a position are in position_verbs.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..normalize import is_legal_form
from ..vocab import load_set
from .common import CLOSE_QUOTES, DASHES, OPEN_QUOTES, WITH
from .position_partitive import PARTITIVE_RULE, partitive_agrees, partitive_start
from .titles import (NOMINAL_POS, acting_end, acting_lead, acting_start, case_of, has_lemma,
                     is_full_form, is_head, is_plural, lead_agrees, may_be_animate, normal_forms,
                     possible_cases)

MODIFIER_POS = {"ADJ", "VERB", "NUM", "DET"}
# prepositions that open a complement: по экономическому развитию, от штата Вермонт
COMPLEMENT_ADPS = {"по", "от", "при", "за", "из"}
PLACE_ADPS = {"в", "во"}  # only before a place: посол России в США
SLOT_ADPS = {"на", "в"}  # only before a post or a title: кандидат на пост мэра, кандидат в президенты
AFTER_NAME = {",", "—", "–", "(", "-"}  # Денис Мантуров, министр …
TITLE_JOINS = {",", "и"}  # продюсер и актёр Игорь Жижикин; генерал, замначальника штаба
DATE_ADPS = {"с", "со", "по", "в", "до"}  # временный премьер Мали с 1991 по 1992 годы Сумана Сакко
MAX_TITLES = 4
LIST_PUNCT = {"—", "–", ":"}  # музыкантами группы — Вадимом Голутвиным, …


@dataclass
class Phrase:
    """Token span [start, end) of a position; `head` is the title, `lead` the word
    the phrase agrees through (the title, or `исполняющий` before it); `verb` the verb
    that gives it, if one does."""
    start: int
    head: int
    end: int
    lead: int
    rule: str
    verb: Optional[int] = None
    one_of: bool = False  # `один из основателей`: a plural title naming one person
    aside: Optional[Tuple[int, int]] = None  # `— ООО «Х» —` between the title and the name


def _is_modifier(doc, i: int, limit: int) -> bool:
    """A modifier left of a title; `управляющий` is one before `директор`, a title alone."""
    token = doc[i]
    if token.lower_ == "временно":
        return True
    if token.pos_ not in {"ADJ", "VERB", "NUM"} or case_of(token) is None or not is_full_form(token.text):
        return False  # a short participle (`назначен`) is a predicate, not a modifier
    return not is_head(token) or (i + 1 < limit and doc[i + 1].pos_ in NOMINAL_POS and is_head(doc[i + 1]))


def modifiers_start(doc, first: int, floor: int) -> int:
    """Extend a phrase left over the modifiers agreeing with its first word."""
    case = case_of(doc[first])
    start = first
    while start - 1 >= floor:
        token = doc[start - 1]
        if token.pos_ == "ADV" and token.lower_ == "временно":
            start -= 1
        elif token.pos_ in MODIFIER_POS and case_of(token) == case and token.text[:1].isalnum() \
                and is_full_form(token.text):
            start -= 1
        else:
            break
    return start


def quote_end(doc, i: int, limit: int) -> Optional[int]:
    depth = 0
    for j in range(i, limit):
        if doc[j].text in OPEN_QUOTES:
            depth += 1
        elif doc[j].text in CLOSE_QUOTES or doc[j].text == '"':
            depth -= 1
            if depth <= 0 or not any(t.text in CLOSE_QUOTES for t in doc[j + 1:limit]):
                return j + 1  # (`АО «ОЭЗ «Волжский берег» Игорь …`: one closing mark for both)
    return None


def _entity_end(doc, i: int) -> int:
    i += 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    return i


def is_latin(token) -> bool:
    return token.is_alpha and token.text.isascii()


def _is_genitive(token) -> bool:
    case = case_of(token)
    if token.pos_ in NOMINAL_POS:
        return case in {"gent", None} or token.text.isupper() or _mistagged_genitive(token, case)
    return token.pos_ in MODIFIER_POS and (case == "gent" or _mistagged_genitive(token, case))


def _mistagged_genitive(token, case: Optional[str]) -> bool:
    """A genitive the tagger gave another case the form cannot have: `исполнителю
    ритм-н-блюза` (not a dative), `федерации северной ходьбы` (not a locative)."""
    possible = possible_cases(token.text)
    return "gent" in possible and case not in possible


def _slot_follows(doc, i: int, limit: int) -> bool:
    """Whether a post (rules/position_slots.txt) or a title follows, past its modifiers."""
    while i < limit and doc[i].pos_ == "ADJ" and not is_head(doc[i]):
        i += 1
    return i < limit and (has_lemma(doc[i], "position_slots.txt") or is_head(doc[i]))


def _after_by(doc, head: int, i: int) -> bool:
    """Token i follows a `по` complement's noun: `по работе` before `с резидентами`."""
    words = [t for t in doc[head + 1:i] if not t.is_space]
    return len(words) >= 2 and words[-2].lower_ == "по" and words[-1].pos_ == "NOUN"


def _coordination_ok(doc, i: int, limit: int, in_phrase: bool = False) -> bool:
    """`промышленности и торговли`, `инвестиций, промышленности`: coordinated complements; in a
    prepositional phrase any case both share (`по науке и инновациям`)."""
    before, after = doc[i - 1], doc[i + 1] if i + 1 < limit else None
    case = case_of(before) if in_phrase else "gent"
    return (after is not None and before.pos_ in NOMINAL_POS | {"ADJ"} and case_of(before) == case
            and not _titles_here(before) and after.pos_ in NOMINAL_POS | {"ADJ"}
            and (case_of(after) == case or _caseless(after)) and not _titles_here(after) and after.ent_type_ != "PER")


def _caseless(token) -> bool:
    """`промышленности и ТЭК`: an abbreviation in capitals takes the case of what it joins."""
    return token.is_alpha and len(token.text) > 1 and token.text.isupper()


def _titles_here(token) -> bool:
    """A title word that names a person here: `энергетики` after `промышленности и` is the
    inanimate `энергетика`, not the plural of `энергетик`."""
    return is_head(token) and token.morph.get("Animacy") != ["Inan"]


def is_org_noun(token) -> bool:
    """`компании`, `девелопера`, `технопарка`: a noun of rules/position_org_nouns.txt or
    rules/position_park_nouns.txt."""
    if "-" in token.text.strip("-"):  # `компании-резидента`: a compound headed by a company noun
        return bool(normal_forms(token.text.split("-")[0]) & load_set("position_org_nouns.txt"))
    return has_lemma(token, "position_org_nouns.txt") or is_park_noun(token)


def is_park_noun(token) -> bool:
    """`технопарка`, `зоны`: a park noun of rules/position_park_nouns.txt."""
    return has_lemma(token, "position_park_nouns.txt")


def _is_manner(token) -> bool:
    """`по образованию`, `по профессии`: how one is what one is, not what of."""
    return has_lemma(token, "position_not_complements.txt")


def _short_brackets_end(doc, i: int, limit: int) -> Optional[int]:
    """Past a word or two in brackets inside a complement, if that is what stands there."""
    closing = next((j for j in range(i + 1, min(i + 4, limit)) if doc[j].text == ")"), None)
    if closing is None or closing + 1 >= limit or any(t.ent_type_ == "PER" for t in doc[i:closing]):
        return None
    return closing + 1


def complement_end(doc, head: int, limit: int, allow_per: bool = False) -> int:
    """End of the complements right of a title (exclusive); they stop before `limit`."""
    i, end, any_case = head + 1, head + 1, False
    in_phrase = False  # the last noun stood in a prepositional phrase (`по науке`), whose case `и` carries on
    while i < limit:
        token = doc[i]
        if token.is_space:
            i += 1
        elif token.text in OPEN_QUOTES or token.text == '"':
            closing = quote_end(doc, i, limit)
            if closing is None:
                break
            i = end = closing
        elif token.lower_ in PLACE_ADPS | {"на"} and i + 2 < limit and doc[i - 1].pos_ in {"ADJ", "VERB"} \
                and has_lemma(doc[i + 1], "position_scope_nouns.txt"):
            i += 2  # `крупнейшего в крае агрохолдинга`: the adjective's scope
        elif token.text == "(" and (closing := _short_brackets_end(doc, i, limit)):
            i = end = closing  # `службы по надзору (Роскомнадзора)`, `северной (скандинавской) ходьбы`
        elif token.ent_type_ == "PER":
            if not (allow_per and case_of(token) == "gent" != case_of(doc[head])):
                break
            return _entity_end(doc, i)  # `советник кампании Бориса Ельцина`: a name in the genitive ends it
        elif token.ent_type_ in {"ORG", "LOC"} or is_latin(token):
            i = end = i + 1
        elif token.text in LEGAL_FORM_MARKS and end == i and _inside_legal_form(doc, i, head, limit):
            i = end = i + 1  # `Hebei Huayu Paper Machinery Co., Ltd.`: a foreign legal form's own marks
        elif token.pos_ in NOMINAL_POS | MODIFIER_POS and (any_case or _is_genitive(token)):
            i += 1
            if token.pos_ in NOMINAL_POS:
                in_phrase = any_case and not _is_genitive(token)
                end, any_case = i, False
        elif token.lower_ in COMPLEMENT_ADPS and i + 1 < limit and not _is_manner(doc[i + 1]):
            i, any_case = i + 1, True
        elif token.lower_ in WITH and i + 1 < limit and _after_by(doc, head, i):
            i, any_case = i + 1, True  # `директор по работе с резидентами`, `по связям с общественностью`
        elif token.lower_ in PLACE_ADPS and i + 1 < limit and doc[i + 1].ent_type_ == "LOC":
            i += 1
        elif token.lower_ in SLOT_ADPS and _slot_follows(doc, i + 1, limit):
            i, any_case = i + 1, True  # `кандидат на президентский пост`, `кандидат в президенты`
        elif token.text in {",", "и"} and _coordination_ok(doc, i, limit, in_phrase):
            i += 1
            any_case = in_phrase  # `проректор по науке и инновациям`
        else:
            break
    return end


LEGAL_FORM_MARKS = {",", "."}


def _inside_legal_form(doc, i: int, head: int, limit: int) -> bool:
    """A dot or comma of a Latin name's legal form: after a Latin word, before a legal form
    (`Co., Ltd`) or closing one (`Ltd.`)."""
    before = i - 1
    while before > head and doc[before].text in LEGAL_FORM_MARKS:
        before -= 1
    after = i + 1
    while after < limit and doc[after].text in LEGAL_FORM_MARKS:
        after += 1
    if before <= head or not is_latin(doc[before]):
        return False
    return after < limit and is_latin(doc[after]) and is_legal_form(doc[after].text) \
        or doc[i].text == "." and is_legal_form(doc[before].text)


def _name_modifiers_only(doc, start: int, end: int, plural: bool, apposition: bool = False) -> bool:
    """Whether [start, end) holds only words describing the name or dating the position:
    `30-летнего`, `с 1991 по 1992 годы`, `по образованию`, `—` after a plural title, a comma
    setting the name apart (`apposition`)."""
    for token in doc[start:end]:
        if token.is_space or (token.pos_ in {"ADJ", "NUM"} and not is_head(token)) or _is_manner(token):
            continue
        if token.lower_ in DATE_ADPS or token.lemma_ == "год" or (plural and token.text in LIST_PUNCT):
            continue
        if apposition and token.text == ",":
            continue
        return False
    return True


CLAUSE_OPENERS = {",", ":", ";", "."}


def _dashed_label(doc, start: int, reach: int, end: int, low: int) -> bool:
    """`…, ведущий — Артём Сайфуллин`, `Модератор — Иван Петров`: a title opening its clause and a
    dash alone before the name."""
    between = [t for t in doc[reach:end] if not t.is_space]
    opens = start == low or start == doc[start].sent.start or doc[start - 1].text in CLAUSE_OPENERS
    return len(between) == 1 and between[0].text in DASHES and opens


def _lead_of(doc, head: int, floor: int) -> Tuple[int, int]:
    """(first word, lead) of a title: the title itself, or the acting prefix before it."""
    acting = acting_start(doc, head, floor)
    if acting is None:
        return head, head
    return acting, acting_lead(doc, acting, head)


def phrase_ending_at(doc, end: int, cases: set, low: int, rule: str) -> Optional[Phrase]:
    """The leftmost agreeing title in [low, end) whose complements reach `end`."""
    for head in range(low, end):
        if not is_head(doc[head]):
            continue
        first, lead = _lead_of(doc, head, low)
        one = partitive_start(doc, modifiers_start(doc, first, low), low) if is_plural(doc[head]) else None
        if one is None and not lead_agrees(doc, lead, head, cases):
            continue
        reach = complement_end(doc, head, end, allow_per=True)
        if cases == {"gent"} and any(t.pos_ == "ADP" for t in doc[head:reach]):
            continue  # `генералов полиции по делу Голунова`: the name is in the complement
        if one is not None and not partitive_agrees(doc, one, reach, end, cases):
            continue
        if _name_modifiers_only(doc, reach, end, is_plural(doc[head]) and one is None, one is not None) \
                or _dashed_label(doc, modifiers_start(doc, first, low), reach, end, low):
            start = modifiers_start(doc, first, low)
            if _of_relative(doc, start, lead, low, cases):
                continue
            return Phrase(start, head, without_apposition(doc, head, reach, end), lead,
                          rule if one is None else PARTITIVE_RULE, one_of=one is not None)
    return None


def _of_relative(doc, start: int, lead: int, low: int, cases: set) -> bool:
    """`брат «короля поп-музыки» Жермен Джексон`: a title in the genitive after a word for a
    relative (rules/kinship.txt) is the relative's, unless the name is in the genitive too
    (`сын президента Алана Гарсии`) or the relative is the title's apposition (`у его
    супруги певицы Бейонсе`)."""
    i = start - 1
    while i >= low and (doc[i].is_space or doc[i].text in OPEN_QUOTES or doc[i].text == '"'):
        i -= 1
    if i < low or case_of(doc[lead]) != "gent" or (cases and "gent" in cases) or case_of(doc[i]) == "gent":
        return False
    return has_lemma(doc[i], "kinship.txt")


def names_group(doc, phrase: Phrase) -> bool:
    """Whether a phrase titles several persons: a plural title, not `один из основателей`."""
    return is_plural(doc[phrase.head]) and not phrase.one_of


def without_apposition(doc, head: int, reach: int, name_start: int) -> int:
    """`на пост главы ФБР республиканца Джеймса Коми`: a noun for a person (not a title) right
    before the name describes the name; the phrase ends before it."""
    last = reach - 1
    if reach == name_start and last > head and doc[last].pos_ == "NOUN" and not is_head(doc[last]) \
            and doc[last].morph.get("Animacy") == ["Anim"] and may_be_animate(doc[last].text) \
            and not is_org_noun(doc[last]):
        return last
    return reach


def phrase_at(doc, i: int, cases: set, limit: int, rule: str, allow_per: bool = True) -> Optional[Phrase]:
    """A position starting at token i: modifiers, an acting prefix, then an agreeing title."""
    start = i
    while i < limit and not _acting_length(doc, i) and _is_modifier(doc, i, limit):
        i += 1
    acting = i
    i += _acting_length(doc, i)
    if acting < i:  # `исполняющей обязанности генерального директора`
        while i < limit and _is_modifier(doc, i, limit):
            i += 1
    if i >= limit or not is_head(doc[i]):
        return None
    lead = acting_lead(doc, acting, i) if acting < i else i
    if not lead_agrees(doc, lead, i, cases):
        return None
    return Phrase(start, i, complement_end(doc, i, limit, allow_per), lead, rule)


def _acting_length(doc, i: int) -> int:
    """Length of `исполняющий обязанности` / `и. о.` starting at token i, 0 if none does."""
    end = acting_end(doc, i, len(doc))
    return end - i if end is not None else 0


def _after_brackets(doc, i: int, limit: int) -> int:
    """Past an alias in brackets right after a name: `Томас Шефер (Thomas Schäfer), министр`."""
    if i < limit and doc[i].text == "(":
        closing = next((j for j in range(i, limit) if doc[j].text == ")"), None)
        if closing is not None and not any(is_head(t) for t in doc[i:closing]):
            return closing + 1
    return i


def _names_next(doc, phrase: Phrase, limit: int) -> bool:
    """`Путин, министр обороны Шойгу`: the title stands before the next name, in its case."""
    i = phrase.end
    while i < limit and doc[i].text in TITLE_JOINS:  # `…, выдающийся спортсмен и актёр Олег Тактаров`
        joined = phrase_at(doc, i + 1, {case_of(doc[phrase.lead])}, limit, phrase.rule, False)
        if joined is None:
            break
        i = joined.end
    while i < limit and (doc[i].is_space or doc[i].pos_ == "ADJ"):
        i += 1
    return i < limit and doc[i].ent_type_ == "PER" and case_of(doc[i]) == case_of(doc[phrase.lead])


def phrases_after(doc, name_end: int, cases: set, limit: int) -> List[Phrase]:
    """`Денис Мантуров, министр …`, `(министр …)`, `— министр …, председатель …`."""
    found = []
    i = _after_brackets(doc, name_end, limit)
    while i < limit and doc[i].text in (TITLE_JOINS if found else AFTER_NAME) and len(found) < MAX_TITLES:
        in_brackets = cases | {"nomn"} if cases and doc[i].text == "(" else cases  # `(генеральный директор …)`
        phrase = phrase_at(doc, i + 1, in_brackets, limit, "position_after")
        if phrase is None or _names_next(doc, phrase, limit):
            break
        found.append(phrase)
        i = phrase.end
    return found
