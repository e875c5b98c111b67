"""`один из основателей НТВ Игорь Малашенко`: a plural title after `один из` names one person.

The title stands in the genitive plural; `один` (`одного`, `одним`, `одна`, …) is what
agrees with the name, and the position is the title in the singular (`основатель`).
A comma may set the name apart (`одного из боссов «Коза Ностры», 78-летнего Франческо
Бонуры`), and a name the text leaves undeclined agrees through the words describing it.
"""
from __future__ import annotations

from typing import Optional

from .titles import agrees, normal_forms, possible_cases

PARTITIVE_RULE = "position_one_of"
PARTITIVE_WORD = "один"
PARTITIVE_ADP = "из"


def partitive_start(doc, start: int, floor: int) -> Optional[int]:
    """Index of `один` when `один из` stands right before a phrase starting at `start`,
    past an adverb of degree (`одним из наиболее вероятных кандидатов`)."""
    i = start - 1
    while i > floor and (doc[i].is_space or doc[i].pos_ == "ADV"):
        i -= 1
    if i <= floor or doc[i].lower_ != PARTITIVE_ADP:
        return None
    i -= 1
    while i > floor and doc[i].is_space:
        i -= 1
    return i if i >= floor and PARTITIVE_WORD in normal_forms(doc[i].text) else None


def partitive_agrees(doc, one: int, reach: int, name_start: int, cases: set) -> bool:
    """Whether `один` agrees with the name, or with a word describing it (`78-летнего`)."""
    if agrees(doc[one], cases):
        return True
    forms = possible_cases(doc[one].text)
    return any(token.pos_ == "ADJ" and possible_cases(token.text) & forms for token in doc[reach:name_start])
