"""Which mentions name one person, and under which name.

Two names are one person when every full word of the shorter one is a word of the
longer one, or a form of it (`Трифонова` ~ `Трифонов`), and its initials start the
longer one's other words (`Б. Обама` ~ `Барак Обама`, `Путин В.В.` ~ `Владимир
Владимирович Путин`). A patronymic (rules/patronymic_endings.txt) is left out of the
comparison (`Андрей Викторович` ~ `Андрей Лыков`). The person is named by its fullest
mention; a short mention joins the person mentioned nearest before it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple

from ..models import morph_analyzer
from ..vocab import load_list
from .person_names import Mention


def _is_first_name(word: str) -> bool:
    return any(p.is_known and "Name" in p.tag.grammemes for p in morph_analyzer().parse(word))


@lru_cache(maxsize=65536)
def is_patronymic(word: str) -> bool:
    """`Викторович` (from Виктор), not `Агранович`: the stem must be a known first name."""
    for ending in load_list("patronymic_endings.txt"):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) > 1 and any(_is_first_name(stem + tail) for tail in ("", "й", "а")):
            return True
    return False


def same_word(one: str, other: str) -> bool:
    """Equal, or two forms of one name: `Трифонова` ~ `Трифонов`, `Гарсии` ~ `Гарсия`."""
    if one == other:
        return True
    common = next((k for k, (a, b) in enumerate(zip(one, other)) if a != b), min(len(one), len(other)))
    return common >= 4 and common >= max(len(one), len(other)) - 2


def name_key(name: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(full words without patronymics, initials) of a name, lower case, ё as е."""
    full, initials = [], []
    for piece in name.lower().replace("ё", "е").split():
        parts = piece.split(".")
        for k, part in enumerate(parts):
            part = part.strip(",;:!?«»\"()")
            if not part:
                continue
            if len(part) == 1 or (k < len(parts) - 1 and len(part) <= 2):
                initials.append(part)
            elif not (full and is_patronymic(part)):  # a name never starts with a patronymic
                full.append(part)
    return tuple(full), tuple(initials)


def same_person(one: tuple, other: tuple) -> bool:
    """Whether two name keys can name one person: `Б. Обама` ~ `Барак Обама`."""
    (short, short_initials), (long, long_initials) = sorted([one, other], key=lambda key: len(key[0]))
    rest = list(long)
    for word in short:
        match = next((other for other in rest if same_word(word, other)), None)
        if match is None:
            return False
        rest.remove(match)
    rest += list(long_initials)
    return bool(short) and all(any(word.startswith(initial) for word in rest) for initial in short_initials)


def _fullness(mention: Mention) -> tuple:
    full, initials = name_key(mention.name)
    return len(full), len(full) + len(initials), mention.case == "nomn", -mention.start


def group_mentions(mentions: List[Mention]) -> List[List[int]]:
    """Indices of the mentions of each person, fullest name first; a short name joins the
    person mentioned nearest before it (`Кеннеди` after `Джона Кеннеди`)."""
    groups: List[List[int]] = []
    for index in sorted(range(len(mentions)), key=lambda k: _fullness(mentions[k]), reverse=True):
        key = name_key(mentions[index].name)
        fits = [group for group in groups if same_person(key, name_key(mentions[group[0]].name))
                and not _apart_in_sentence(mentions, index, group)]
        if not fits:
            groups.append([index])
            continue
        start = mentions[index].start
        min(fits, key=lambda group: _distance(start, [mentions[k].start for k in group])).append(index)
    return sorted(groups, key=lambda group: min(mentions[k].start for k in group))


def _apart_in_sentence(mentions: List[Mention], index: int, group: List[int]) -> bool:
    """`Михаил Агранович и Михаил Хасая`: two other names in one sentence are two persons."""
    words = _written_words(mentions[index].name)
    return any(mentions[k].sent == mentions[index].sent and not _within(words, _written_words(mentions[k].name))
               for k in group)


def _written_words(name: str) -> List[str]:
    """The words of a name written in full, patronymics included."""
    return [word for word in name.lower().replace("ё", "е").replace(".", ". ").split() if len(word.strip(".")) > 1]


def _within(one: List[str], other: List[str]) -> bool:
    """Whether the words of one name are all among the other's, or the other way round."""
    def inside(short, long):
        return all(any(same_word(word, other_word) for other_word in long) for word in short)
    return inside(one, other) or inside(other, one)


def _distance(start: int, starts: List[int]) -> tuple:
    before = [start - other for other in starts if other < start]
    return (0, min(before)) if before else (1, min(abs(other - start) for other in starts))
