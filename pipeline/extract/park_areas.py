"""Which area beside a park is the park's own size.

The territory (га, км²) comes first. The area of buildings counts only when they are
the park's own: named with the park after them, held by the park through a verb, or
given as the park's size in apposition. An area inside a park (`участок площадью 12 га
в индустриальном парке «Ханино»`) is a part of it, not its size.
"""
from __future__ import annotations

from typing import List, Optional

from ..numbers import parse_quantity
from ..records import Area
from ..vocab import load_set
from .common import SINGULAR_POSSESSIVES, sentences_back, word_lemmas

BUILDING = "building"
PREPOSITIONS_INTO = {"в", "во", "на"}
CLAUSE_BREAKS = {",", ";", "(", ")"}


def _next_word(doc, i: int, end: int) -> Optional[int]:
    while i < end and doc[i].is_space:
        i += 1
    return i if i < end else None


def whole_of_part(doc, span, area: Area) -> Optional[Area]:
    """`свободными остаются 14 га из 156`: an area followed by `из` and a bare number is a part
    of the whole, which takes the part's unit. Returns the whole, or the part itself when `из`
    is followed by something else."""
    i = _next_word(doc, span.end, span.sent.end)
    if i is None or doc[i].lower_ != "из" or not area.value:
        return area
    j = _next_word(doc, i + 1, span.sent.end)
    whole = parse_quantity(doc[j].text) if j is not None and doc[j].like_num else None
    if whole is None or whole.kind != "number":
        return area
    after = _next_word(doc, j + 1, span.sent.end)
    if after is not None and parse_quantity(doc[j:after + 1].text).kind == "area":
        return None  # `14 га из 156 га`: the whole is an area of its own
    if after is not None and doc[after].pos_ == "NOUN":
        return area  # `14 га из 156 участков`: a count of something else
    return Area(whole.value, area.unit, whole.value * area.m2 / area.value)


def is_inside_park(doc, span, target) -> bool:
    """`участок площадью 12 га в индустриальном парке «Ханино»`, `цех на 3 тыс. кв. м на
    территории ОЭЗ`: the value stands before `в`/`на` and the park it would go to."""
    i = _next_word(doc, span.end, span.sent.end)
    if i is None or doc[i].lemma_.lower() not in PREPOSITIONS_INTO:
        return False
    i = _next_word(doc, i + 1, span.sent.end)
    if i is not None and "территория" in word_lemmas(doc[i]):
        i = _next_word(doc, i + 1, span.sent.end)
    return i is not None and i == target.start


def buildings_are_park(doc, span, buildings: List, mentions) -> bool:
    """Buildings whose area is the park's size: `общая площадь помещений технопарка`,
    `технопарк «Х» занимает здание площадью 21 тыс. м²`, `технопарк «Вектор» в городе
    Набережные Челны — 12 тыс. кв. м производственных помещений`."""
    starts = {m.start for m in mentions}
    return any(_park_after(doc, token, starts) for token in buildings) \
        or _held_by_park(doc, span, buildings, mentions) or _in_apposition(doc, span, mentions) \
        or _possessed_by_park(doc, buildings, mentions) or _bare_of_subject_park(doc, span, buildings, mentions)


def _park_after(doc, token, starts: set) -> bool:
    """`помещений технопарка`, `корпусов парка «Х»`: the park in the genitive after the noun."""
    i = _next_word(doc, token.i + 1, token.sent.end)
    while i is not None and doc[i].pos_ == "ADJ":
        i = _next_word(doc, i + 1, token.sent.end)
    return i is not None and i in starts


def _held_by_park(doc, span, buildings, mentions) -> bool:
    """A park, then a verb of holding (`занимает`, `размещается в`), then the buildings."""
    first = min(token.i for token in buildings)
    before = [m for m in mentions if span.sent.start <= m.start and m.end <= first]
    if not before or first > span.start:
        return False
    between = doc[before[-1].end:first]
    breaks = [t.i for t in between if t.text in CLAUSE_BREAKS]
    if breaks and before[0].start == span.sent.start:
        # `Технопарк расположен в Октябрьском районе, на улице Телегина, и занимает два корпуса …`:
        # the park opening the sentence holds what its verb after the last break names
        between = doc[breaks[-1] + 1:first]
    elif breaks:
        return False
    return any(word_lemmas(t) & load_set("park_occupy_verbs.txt") for t in between)


def _possessed_by_park(doc, buildings, mentions) -> bool:
    """`Технопарк «Х» открылся в 2022 году. Его корпуса общей площадью 31,5 тыс. кв. м …`, `В его
    лабораторном корпусе площадью 9,8 тыс. кв. м …`: `его` before the buildings, with a park the
    last thing named before it in its sentence or the one before, no organisation between."""
    first = min(token.i for token in buildings)
    i = first - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    if i < 0 or doc[i].lower_ not in SINGULAR_POSSESSIVES:
        return False
    opening = sentences_back(doc, doc[i].sent, 1)
    before = [m for m in mentions if opening <= m.start and m.end <= i]
    return bool(before) and not any(t.ent_type_ == "ORG" for t in doc[before[-1].end:i])


def _bare_of_subject_park(doc, span, buildings, mentions) -> bool:
    """`Технопарк размещается в здании бывшего завода, общая площадь помещений — 18,6 тыс. кв. м`:
    `площадь` and buildings no one's name follows, in a sentence a park opens and no
    organisation's name stands in."""
    sent = span.sent
    if not any(m.start == sent.start for m in mentions) or any(t.ent_type_ == "ORG" for t in doc[sent.start:span.start]):
        return False
    for token in buildings:
        after = _next_word(doc, token.i + 1, sent.end)
        if token.i > sent.start and "площадь" in word_lemmas(doc[token.i - 1]) \
                and after is not None and doc[after].pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return True
    return False


def _in_apposition(doc, span, mentions) -> bool:
    """Only the park's place and a dash or colon stand between the park and the value."""
    before = [m for m in mentions if span.sent.start <= m.start and m.end <= span.start]
    if not before:
        return False
    between = [t for t in doc[before[-1].end:span.start] if not t.is_space]
    return bool(between) and between[-1].text in {"—", "–", ":"} and all(
        t.is_punct or t.pos_ == "ADP" or t.ent_type_ == "LOC" or word_lemmas(t) & load_set("place_nouns.txt")
        for t in between)
