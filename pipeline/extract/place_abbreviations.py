"""Places written with abbreviated nouns, as addresses, cards and tables write them: `Калужская
обл.`, `Аксайском р-не` (rules/place_abbreviations.tsv), `с. Косыревка`, `у пос. Монетный`
(rules/dotted_place_nouns.tsv). The places are read where the tagger misses them, and written out.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional

from ..normalize import ADJECTIVE_ENDINGS
from ..vocab import load_set, load_table
from .common import word_lemmas

DISTRICT = "район"

DROPPED = "-"  # rules/place_abbreviations.tsv: a word left out (`г.`)


@lru_cache(maxsize=None)
def place_abbreviations() -> Dict[str, str]:
    return dict(load_table("place_abbreviations.tsv", 2))


def written_out(place: str) -> Optional[str]:
    """A place with its abbreviations written out: `Калужская обл.` → Калужская область
    (the abbreviation's period may have been left out of the place)."""
    words = []
    for word in place.split():
        full = place_abbreviations().get(word.lower(), place_abbreviations().get(word.lower() + ".", word))
        if full != DROPPED:
            words.append(full)
    return " ".join(words) or None


@lru_cache(maxsize=None)
def dotted_place_nouns() -> Dict[str, str]:
    return dict(load_table("dotted_place_nouns.tsv", 2))


def abbreviated_places(doc, start: int, end: int) -> List:
    """Places written with an abbreviated noun, which the tagger misses or takes for an
    organisation: `Аксайском р-не` (a district, rules/place_abbreviations.tsv), `с. Косыревка`,
    `у пос. Монетный` (a name after a dotted noun, rules/dotted_place_nouns.tsv)."""
    found = []
    for token in doc[start:end]:
        i = token.i
        if place_abbreviations().get(token.lower_) == DISTRICT and i > start \
                and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_.endswith(ADJECTIVE_ENDINGS):
            found.append(doc[i - 1:i + 1])
        elif after_dotted_noun(doc, i) and token.text[:1].isupper() and token.is_alpha:
            found.append(doc[i:i + 1])
    return found


def after_dotted_noun(doc, i: int) -> bool:
    """Whether token i follows an abbreviated place noun and its dot: `с. Косыревка` (written
    lower case: `С. Иванов` is a person's initial)."""
    return i >= 2 and doc[i - 1].text == "." and doc[i - 2].text in dotted_place_nouns()


def after_settlement_noun(doc, i: int) -> bool:
    """Whether token i follows a settlement's noun (rules/settlement_nouns.txt: `у станицы`) or
    its dotted abbreviation (`ст.`, `с.`; rules/dotted_place_nouns.tsv)."""
    if i > 0 and word_lemmas(doc[i - 1]) & load_set("settlement_nouns.txt"):
        return True
    return after_dotted_noun(doc, i) and dotted_place_nouns()[doc[i - 2].text] in load_set("settlement_nouns.txt")
