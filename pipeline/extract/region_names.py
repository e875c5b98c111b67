"""Names of regions and countries that sign (type LOC), as the text names them.

`правительство Республики Башкортостан` → Башкортостан (a government's noun and a generic noun
before a proper name are dropped, as for a park's place: rules/party_region_nouns.txt); `Смоленская и Минская
области подписали` → Смоленская область, Минская область (adjectives sharing one plural
region noun are one region each).
"""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Span

from ..models import morph_analyzer
from ..normalize import ADJECTIVE_ENDINGS, inflect_word, match_shape, phrase_nominative
from ..vocab import load_set
from .common import REGION_NOUNS, PerDoc, word_lemmas

GENDERS = {"femn": "Fem", "masc": "Masc", "neut": "Neut"}
LIST_JOINS = {"и", ","}


_region_names = PerDoc()


def region_name(tokens) -> str:
    """A region's name in the nominative without a generic noun before its proper name; a
    span's answer is kept for its doc (signers' sides and formal names ask of every place)."""
    if isinstance(tokens, Span):
        memo = _region_names(tokens.doc)
        key = (tokens.start, tokens.end)
        if key not in memo:
            memo[key] = _region_name(tokens)
        return memo[key]
    return _region_name(tokens)


def _region_name(tokens) -> str:
    tokens = [t for t in tokens if not t.is_space]
    if len(tokens) > 1 and word_lemmas(tokens[0]) & load_set("government_nouns.txt") and tokens[1].text[:1].isupper():
        tokens = tokens[1:]  # `Правительством Чувашской Республики`, all of it a place to the tagger
    if len(tokens) > 1 and word_lemmas(tokens[0]) & load_set("party_region_nouns.txt") \
            and (tokens[1].pos_ == "PROPN" or tokens[1].text[:1].isupper()):  # (the tagger may call it a noun)
        tokens = tokens[1:]
    if len(tokens) == 2 and tokens[1].lemma_.lower() in REGION_NOUNS and tokens[0].text.lower().endswith(ADJECTIVE_ENDINGS):
        return _adjective_region(tokens[0], tokens[1])
    if len(tokens) == 1:
        town = known_town(tokens[0].text)
        if town:
            return town
    return phrase_nominative(tokens)


def known_town(word: str) -> str:
    """`Мичуринска` the tagger called a nominative: a place the dictionary knows only in
    another case is put in the nominative by the dictionary."""
    places = [p for p in morph_analyzer().parse(word.lower()) if "Geox" in p.tag.grammemes and p.is_known]
    if not places or any("nomn" in p.tag.grammemes for p in places):
        return ""
    nominative = places[0].inflect({"nomn"})
    return match_shape(nominative.word, word) if nominative else ""


def _adjective_region(adjective, noun) -> str:
    """`Туркестанской области`, whatever the tagger made of the adjective (`Аким Туркестанской
    области` reads it as a name): the adjective agrees with the region noun."""
    case = (noun.morph.get("Case") or [None])[0]
    head = inflect_word(noun.text, "NOUN", case, "Sing")
    gender = GENDERS.get(morph_analyzer().parse(head.lower())[0].tag.gender)
    return f"{inflect_word(adjective.text, 'ADJ', case, 'Sing', gender)} {head}"


def _plural_region_noun(ent):
    last = ent[-1]
    if last.lemma_.lower() in REGION_NOUNS and last.morph.get("Number") == ["Plur"] and len(ent) >= 2:
        return last
    return None


def shared_noun_regions(doc, ent, floor: int) -> List[Tuple[int, str]]:
    """(start token, name) of each region in `Смоленская и Минская области`, or [] when the
    entity is not a plural region noun after coordinated adjectives."""
    noun = _plural_region_noun(ent)
    if noun is None:
        return []
    adjectives = [t for t in ent[:-1] if t.pos_ == "ADJ"]
    i = ent.start - 1
    while i >= floor and (doc[i].is_space or doc[i].text in LIST_JOINS or doc[i].pos_ == "ADJ"):
        if doc[i].pos_ == "ADJ" and doc[i].text[:1].isupper():
            adjectives.insert(0, doc[i])
        i -= 1
    if len(adjectives) < 2:
        return []
    parse = morph_analyzer().parse(noun.lemma_.lower())[0]
    gender = GENDERS.get(parse.tag.gender)
    singular = noun.lemma_.lower()
    return [(adj.i, f"{inflect_word(adj.text, 'ADJ', None, 'Sing', gender)} {singular}") for adj in adjectives]
