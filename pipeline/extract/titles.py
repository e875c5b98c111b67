"""What a word is to a position: a title, a modifier of one, its case.

A title is a word of rules/positions.txt (`директором`), one made from it by a prefix
of rules/position_prefixes.txt (`экс-президента`, `замминистра`), or a hyphenated word
with a title part (`рок-музыкант`). A title agrees with the name it describes when the
tagger's case is one the name stands in, unless the dictionary rules the tagger out
(`госсоветника` is no nominative). `исполняющий обязанности` and `и. о.` stand before a
title (rules/position_acting.txt); the first agrees through the participle.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..models import morph_analyzer
from ..normalize import PARSE_CASES, UD_CASES
from ..vocab import load_list, load_set

NOMINAL_POS = {"NOUN", "PROPN"}


@lru_cache(maxsize=65536)
def normal_forms(word: str) -> frozenset:
    return frozenset(parse.normal_form for parse in morph_analyzer().parse(word.lower()))


def has_lemma(token, vocabulary: str) -> bool:
    """Whether a word, or one of its normal forms, is an entry of rules/<vocabulary>."""
    words = load_set(vocabulary)
    return token.lower_ in words or bool(normal_forms(token.text) & words)


def _is_title_word(word: str) -> bool:
    heads = load_set("positions.txt") | load_set("position_honour_heads.txt")
    if normal_forms(word) & heads or word.lower() in heads:
        return True
    for prefix in load_list("position_prefixes.txt"):
        rest = word.lower()[len(prefix):]
        if word.lower().startswith(prefix) and len(rest) > 3 and normal_forms(rest) & heads:
            return True
    return False


def is_fixed_title(word: str) -> bool:
    """`замначальника`, `замминистра`: a title with a genitive inside, the same in every case."""
    heads = load_set("positions.txt")
    lower = word.lower()
    return lower.startswith("зам") and not lower.startswith("замест") and bool(normal_forms(lower[3:]) & heads)


@lru_cache(maxsize=65536)
def is_title(word: str) -> bool:
    """A title or a hyphenated word with a title part: директором, экс-президента, рок-музыкант."""
    if _is_title_word(word):
        return True
    parts = word.split("-")
    return len(parts) > 1 and any(len(part) > 2 and _is_title_word(part) for part in parts)


def is_head(token) -> bool:
    return token.pos_ in NOMINAL_POS | {"ADJ"} and is_title(token.text)


def case_of(token) -> Optional[str]:
    """The OpenCorpora case of a token from the tagger, None when it has none."""
    values = token.morph.get("Case")
    return UD_CASES.get(values[0]) if values else None


@lru_cache(maxsize=65536)
def possible_cases(word: str) -> frozenset:
    """Cases the dictionary allows for a noun or adjective form (all of them if it has none)."""
    cases = set()
    for parse in morph_analyzer().parse(word.lower()):
        if parse.tag.POS in {"NOUN", "ADJF", "PRTF"}:
            cases |= {case for case, grammemes in PARSE_CASES.items() if grammemes & parse.tag.grammemes}
    return frozenset(cases or PARSE_CASES)


@lru_cache(maxsize=65536)
def may_be_animate(word: str) -> bool:
    """Whether the dictionary lets a noun name a being: `республиканца`, not `ритм-н-блюза`
    (the tagger calls both animate); a word it does not know may."""
    parses = [p for p in morph_analyzer().parse(word.lower()) if p.tag.POS == "NOUN"]
    return not parses or any("anim" in p.tag.grammemes for p in parses)


def agrees(token, cases: set) -> bool:
    """Whether a title stands in one of the name's cases, by the tagger and the dictionary."""
    if not cases or is_fixed_title(token.text):
        return True
    if "nomn" in cases and token.text.lower() in load_set("positions.txt"):
        return True  # the title's own form is its nominative, whatever the tagger says (`Хоким`)
    possible = possible_cases(token.text)
    case = case_of(token)
    if case is not None and case not in cases and case in possible:
        return False  # the tagger's case, unless the dictionary rules it out (госсоветника: Nom)
    return bool(possible & cases)


def is_plural(token) -> bool:
    """The tagger's plural, unless the word is written as the title's own singular form
    (`подписями хоким Андижанской области`: the tagger reads `хоким` with `подписями`)."""
    return token.morph.get("Number") == ["Plur"] and token.text.lower() not in load_set("positions.txt")


def is_skipped_modifier(token) -> bool:
    """`71-летний`, `легендарный`: describes the person, not the position."""
    skipped = load_set("position_skip_modifiers.txt")
    return any(normal_forms(part) & skipped for part in token.text.split("-") if part)


@lru_cache(maxsize=None)
def acting_sequences():
    return tuple(tuple(entry.split()) for entry in load_list("position_acting.txt"))


def acting_start(doc, head: int, floor: int) -> Optional[int]:
    """Start of `исполняющий обязанности` / `и. о.` right before a title, if there; a space
    inside (`И.\u00a0о.`, a no-break space) is no gap."""
    for sequence in acting_sequences():
        i, matched = head - 1, True
        for word in reversed(sequence):
            while i >= floor and doc[i].is_space:
                i -= 1
            if i < floor or not _is_word(doc[i], word):
                matched = False
                break
            i -= 1
        if matched and head <= len(doc):
            return i + 1
    return None


def acting_end(doc, start: int, limit: int) -> Optional[int]:
    """End of `исполняющий обязанности` / `и. о.` starting at token `start`, if one does."""
    for sequence in acting_sequences():
        i = start
        for word in sequence:
            while i < limit and doc[i].is_space and i > start:
                i += 1
            if i >= limit or not _is_word(doc[i], word):
                break
            i += 1
        else:
            return i
    return None


def _is_word(token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def acting_lead(doc, start: int, head: int) -> int:
    """The word an acting phrase agrees through: `исполняющего`; `и. о.`, which never changes."""
    return next((i for i in range(start, head) if doc[i].pos_ in {"VERB", "ADJ"} and case_of(doc[i])), start)


def lead_agrees(doc, lead: int, head: int, cases: set) -> bool:
    if lead != head and doc[lead].pos_ not in {"VERB", "ADJ"}:
        return True  # `и. о. главы ведомства` fits a name in any case
    return agrees(doc[lead], cases)


@lru_cache(maxsize=65536)
def is_full_form(word: str) -> bool:
    """Whether a modifier may be an attribute: `назначенный`, not the predicate `застрелен`."""
    return any(p.tag.POS in {"ADJF", "PRTF", "NUMR", "NPRO"} for p in morph_analyzer().parse(word.lower()))
