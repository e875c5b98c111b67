"""Chains of titles before a name: the one reaching the name and those joined on its left.

- coordinated: `российский ультрамарафонец и североходец, член клуба Дмитрий Ерохин`;
- stacked with no comma: `министр обороны Украины генерал армии Иван Петров`;
- before an honour, after a dash: `скрипач — лауреат премии «Грэмми» Иван Петров` (but
  not a relation: `Его учитель — лауреат премии …`);
- before a word for a relative: `глава фонда и вдова поэта Анна Петрова`.
"""
from __future__ import annotations

from dataclasses import replace

from typing import List, Optional

from .common import POSSESSIVES, word_lemmas
from .positions import MAX_TITLES, TITLE_JOINS, Phrase, complement_end, modifiers_start, phrase_ending_at
from .titles import agrees, has_lemma

MAX_BEFORE = 18  # tokens searched left of a name for the start of its position
HONOUR_JOINS = {"—", "–"}  # пианист — лауреат премии «Грэмми» Иван Петров


def _joined_before(doc, start: int, low: int, honour: bool = False) -> Optional[int]:
    """Index of the `,` / `и` right before token `start`, if a coordinated title may precede;
    a dash before an honour too (`пианист — лауреат премии «Грэмми» Иван Петров`)."""
    i = start - 1
    while i > low and doc[i].is_space:
        i -= 1
    joins = TITLE_JOINS | (HONOUR_JOINS if honour else set())
    return i if i > low and doc[i].text in joins else None


def phrases_before(doc, name_start: int, cases: set, floor: int) -> List[Phrase]:
    """Positions before a name: the one reaching it and those coordinated with it on the left
    (`российский ультрамарафонец и североходец, член клуба Дмитрий Ерохин`) or stacked on it
    (`министр обороны генерал армии Сергей Шойгу`)."""
    low = max(floor, name_start - MAX_BEFORE)
    found = []
    phrase = phrase_ending_at(doc, name_start, cases, low, "position_before")
    clause = _clause_before(doc, name_start, floor)
    if phrase is None and clause is not None:  # `директором АО «Х», управляющей технопарком, Рустамом …`
        phrase = phrase_ending_at(doc, clause, cases, max(floor, clause - MAX_BEFORE), "position_before")
        if phrase is not None:
            phrase = replace(phrase, aside=(clause + 1, name_start))
    if phrase is None:  # `глава ассоциации и супруга композитора Анна Петрова`
        relative = _relative_start(doc, name_start, cases, low)
        join = _joined_before(doc, relative, low) if relative is not None else None
        phrase = phrase_ending_at(doc, join, cases, low, "position_before") if join is not None else None
    if phrase is not None:
        phrase = _with_dashed_title(doc, phrase, cases, low)
    while phrase is not None and len(found) < MAX_TITLES:
        found.append(phrase)
        join = _joined_before(doc, phrase.start, low, has_lemma(doc[phrase.head], "position_honour_heads.txt"))
        # a title stacked on the next with no comma: `лидер партии «Зану» действующий президент …`
        phrase = phrase_ending_at(doc, phrase.start if join is None else join, cases, low, "position_before")
        while phrase is not None and join is not None and _joint(doc, phrase, join, found[-1]):
            # `основатель и генеральный директор компании «Х»`: one position, kept whole
            found[-1] = replace(found[-1], start=phrase.start)
            join = _joined_before(doc, phrase.start, low)
            phrase = phrase_ending_at(doc, phrase.start if join is None else join, cases, low, "position_before")
        if phrase is not None and join is not None and doc[join].text in HONOUR_JOINS and _possessed(doc, phrase):
            break  # `Его учитель — лауреат премии …`: a relation to someone, not a position
    return found


DASHES = {"—", "–"}
AND = "и"


def _joint(doc, earlier: Phrase, join: int, later: Phrase) -> bool:
    """`основатель и генеральный директор`: a bare company title (rules/joint_titles.txt) joined
    by `и` to another such title of the same name."""
    return doc[join].lower_ == AND and earlier.end == join and earlier.end - earlier.start == 1 \
        and has_lemma(doc[earlier.head], "joint_titles.txt") and has_lemma(doc[later.head], "joint_titles.txt")


def _with_dashed_title(doc, phrase: Phrase, cases: set, low: int) -> Phrase:
    """`первый вице-губернатор — председатель правительства Самарской области Михаил Осинцев`:
    two titles of one post joined by a dash are one position, kept whole (GUIDELINES)."""
    i = phrase.start - 1
    while i > low and doc[i].is_space:
        i -= 1
    if i <= low or doc[i].text not in DASHES or not cases or has_lemma(doc[phrase.head], "position_honour_heads.txt"):
        return phrase  # (`пианист — лауреат премии …`: an honour, no post)
    earlier = phrase_ending_at(doc, i, cases, low, phrase.rule)
    if earlier is None or any(t.ent_type_ == "PER" for t in doc[earlier.start:i]) or _possessed(doc, earlier):
        return phrase  # (`Его учитель — академик …`: a relation to someone)
    return replace(earlier, end=phrase.end)


ASIDE_MARKS = {","} | DASHES
CLAUSE_REACH = 12  # words of a clause set off between a title and its name


def _clause_before(doc, name_start: int, floor: int) -> Optional[int]:
    """The opening mark of a clause set off by commas or dashes right before a name, which
    describes the organisation of the title before it (`директором АО «Х», управляющей
    технопарком, Рустамом`, `Генеральный директор ООО «Х», которая управляет технопарком «Y»,
    Ирина Волкова`); between dashes a verbless aside does too (`генеральный директор ТОО «Х» —
    управляющей компании зоны — Айдос Кенжебаев`)."""
    i = name_start - 1
    while i > floor and doc[i].is_space:
        i -= 1
    if i <= floor or doc[i].text not in ASIDE_MARKS:
        return None
    dashed = doc[i].text in DASHES
    for j in range(i - 1, max(floor, i - CLAUSE_REACH), -1):
        if doc[j].text in ASIDE_MARKS:
            opener = doc[j + 1] if j + 1 < i else None
            if opener is None or (doc[j].text in DASHES) != dashed:
                return None
            if "который" in word_lemmas(opener) or opener.morph.get("VerbForm") == ["Part"]:
                return j
            if dashed and not any(t.pos_ in {"VERB", "AUX"} or t.ent_type_ == "PER" for t in doc[j + 1:i]):
                return j
            return None
    return None


def _possessed(doc, phrase: Phrase) -> bool:
    """Whether a possessive (`его`, `наш`) stands right before a phrase."""
    i = phrase.start - 1
    return i >= 0 and (doc[i].lower_ in POSSESSIVES or doc[i].morph.get("Poss") == ["Yes"])


def _relative_start(doc, name_start: int, cases: set, low: int) -> Optional[int]:
    """Start of a word for a relative and its genitive reaching the name (`супруга
    композитора Анна Петрова`): no position, but titles coordinated with it are the name's."""
    for k in range(low, name_start):
        if has_lemma(doc[k], "kinship.txt") and agrees(doc[k], cases) \
                and complement_end(doc, k, name_start, allow_per=True) == name_start:
            return None if _plural_predicate(doc, name_start) else modifiers_start(doc, k, low)
    return None


def _plural_predicate(doc, name_start: int) -> bool:
    """`Директор школы и мать ученика Анна Петрова пришли`: two persons, not one."""
    sent = doc[name_start].sent
    verb = next((t for t in doc[name_start:sent.end] if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.morph.get("Number") == ["Plur"]
