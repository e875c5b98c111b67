"""State bodies as parties, named by their words rather than by the tagger.

`министерство экономического развития Ставропольского края` (lower case, no entity),
`Министерство инвестиций, промышленности и торговли Республики Узбекистан` (the tagger
cuts the state off as a place), `Минпромторга России` (an abbreviation and its state).

A body noun (rules/state_body_nouns.txt) or a ministry abbreviation
(rules/ministry_abbreviations.tsv) opens the name; the genitive words after it, joined by
commas and `и`, belong to it, up to and including the region or country it belongs to.
The name keeps its state as written: records name a ministry `Минпромторг России`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from ..models import morph_analyzer
from ..normalize import phrase_nominative
from ..vocab import load_set, load_table
from .common import PerDoc, word_lemmas

NAME_REACH = 12  # words of a body's name: `Министерство инвестиций, промышленности и торговли Республики Узбекистан`
JOINS = {",", "и"}


@lru_cache(maxsize=None)
def ministry_abbreviations() -> Dict[str, str]:
    return dict(load_table("ministry_abbreviations.tsv", 2))


def abbreviation_of(text: str) -> Optional[str]:
    """The abbreviation a word is a form of: `Минпромторга` → минпромторг."""
    lower = text.lower()
    order = _abbreviation_order()
    shorts = [lower[:len(lower) - cut] for cut in range(3) if lower[:len(lower) - cut] in order]
    return min(shorts, key=order.get) if shorts else None  # the table's first, as the table reads


@lru_cache(maxsize=None)
def _abbreviation_order() -> Dict[str, int]:
    return {short: n for n, short in enumerate(ministry_abbreviations())}


def _opens_body(token) -> bool:
    """A state body's noun, a ministry's abbreviation, or an organisation the tagger found that
    is named by its region (`Корпорацией развития` before `Дальнего Востока и Арктики`)."""
    if token.ent_iob_ == "B" and token.ent_type_ == "ORG":
        end = _entity_end(token.doc, token.i)
        heads = any(word_lemmas(t) & load_set("regional_org_heads.txt") for t in token.doc[token.i:end])
        if heads and end < len(token.doc) and token.doc[end].ent_type_ == "LOC" \
                and token.doc[end].morph.get("Case") == ["Gen"]:
            return True
    return _names_ministry(token) or _field_first_end(token.doc, token.i, len(token.doc)) is not None


FIELD_FIRST_BODIES = {"комитет"}
FIELD_FIRST_WORDS = 9  # `по управлению имуществом и земельным отношениям города`: tokens from the body to the state


def _field_first_end(doc, start: int, limit: int) -> Optional[int]:
    """`комитет по управлению имуществом и земельным отношениям города Челябинска`: a body whose
    field (`по` and a noun in the dative, then nouns and adjectives joined by `и`) comes before the
    state it belongs to; the end of the name past that state, or None when no state closes it."""
    if doc[start].lemma_.lower() not in FIELD_FIRST_BODIES or start + 2 >= limit or doc[start + 1].lower_ != FIELD:
        return None
    end = start + 2
    if doc[end].pos_ != "NOUN" or doc[end].morph.get("Case") != ["Dat"]:
        return None
    end += 1
    while end < limit and end - start <= FIELD_FIRST_WORDS:
        token = doc[end]
        if token.ent_type_ == "LOC" and token.morph.get("Case") == ["Gen"]:
            return _regions_end(doc, end, limit)
        if token.lower_ == "и" or token.pos_ in {"NOUN", "ADJ"} and token.morph.get("Case") in (["Gen"], ["Ins"], ["Dat"]) \
                and not token.ent_type_:
            end += 1
        else:
            return None
    return None


def _names_ministry(token) -> bool:
    """A state body's noun or a ministry's abbreviation: `министерство`, `Минпромторг`."""
    return bool(word_lemmas(token) & load_set("state_body_nouns.txt")) or abbreviation_of(token.text) is not None


def is_state_body(token) -> bool:
    """Does a state body's name start at this token (`Минпромторг`, `правительство`, `министерство`)?"""
    return _names_ministry(token) or bool(word_lemmas(token) & load_set("government_nouns.txt"))


def _entity_end(doc, start: int) -> int:
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _is_genitive_word(token) -> bool:
    """A genitive word that may go on a body's name: not a person, not another organisation."""
    return token.pos_ in {"NOUN", "PROPN", "ADJ"} and token.morph.get("Case") == ["Gen"] \
        and token.ent_type_ != "PER" and not (token.ent_type_ == "ORG" and token.ent_iob_ == "B")


def _name_end(doc, start: int, limit: int) -> int:
    """End of a body's name opened at `start`: genitive words, joined by commas and `и`, and
    the region or country closing it (`… торговли Республики Узбекистан`)."""
    field_first = _field_first_end(doc, start, limit)
    if field_first is not None:
        return field_first
    end = min(_entity_end(doc, start), limit) if doc[start].ent_iob_ == "B" else start + 1
    while end < limit and end - start <= NAME_REACH:
        token = doc[end]
        if token.ent_type_ == "LOC" and (token.morph.get("Case") == ["Gen"] or _is_region_abbreviation(token)):
            # the state closes the name (`Минпромторг РТ`), or a field after it (`Департамент города
            # Москвы по конкурентной политике`)
            regions_end = _regions_end(doc, end, limit)
            return _field_end(doc, regions_end, limit) if word_lemmas(doc[start]) & FIELD_BODIES else regions_end
        if _is_genitive_word(token):
            end += 1
        elif token.text in JOINS and end + 1 < limit and _is_genitive_word(doc[end + 1]) \
                and doc[end + 1].ent_iob_ != "B":
            end += 1
        else:
            break
    while end > start + 1 and doc[end - 1].text in JOINS:
        end -= 1
    return end


FIELD = "по"
FIELD_BODIES = {"департамент", "комитет", "управление", "служба"}  # not `Минпромторг России по развитию …`, a topic
FIELD_WORDS = 4  # `по конкурентной политике`, `по делам молодёжи`


def _field_end(doc, start: int, limit: int) -> int:
    """End of a body's field after its state (`по конкурентной политике`): `по`, adjectives, a
    noun in the dative and genitive words after it; `start` when there is none."""
    if start >= limit or doc[start].lower_ != FIELD:
        return start
    end = start + 1
    while end < limit and end - start <= FIELD_WORDS and doc[end].pos_ == "ADJ":
        end += 1
    if end >= limit or doc[end].pos_ != "NOUN" or doc[end].morph.get("Case") != ["Dat"]:
        return start
    end += 1
    while end < limit and end - start <= FIELD_WORDS and _is_genitive_word(doc[end]):
        end += 1
    return end


def _is_region_abbreviation(token) -> bool:
    """`РТ`, `РБ`: a region's abbreviation (rules/region_aliases.tsv), which has no case."""
    return token.text.isupper() and token.text.lower() in region_aliases()


def _regions_end(doc, start: int, limit: int) -> int:
    """End of the genitive region at `start` and of one joined to it by `и` (`Дальнего Востока
    и Арктики`)."""
    end = start + 1
    while end < limit and doc[end].ent_iob_ == "I" and not _opens_alias(doc, end):
        end += 1
    if end + 1 < limit and doc[end].text == "и" and doc[end + 1].ent_iob_ == "B" \
            and doc[end + 1].ent_type_ == "LOC" and doc[end + 1].morph.get("Case") == ["Gen"]:
        end += 2
        while end < limit and doc[end].ent_iob_ == "I" and not _opens_alias(doc, end):
            end += 1
    return end


def _opens_alias(doc, i: int) -> bool:
    """`(Минпромторг РТ)` after `Республики Татарстан`, which the tagger's place may take in: a
    bracket opening a body's short name, not a part of the place (`Республики Саха (Якутия)`)."""
    return doc[i].text == "(" and i + 1 < len(doc) and (_opens_body(doc[i + 1]) or doc[i + 1].text.isupper())


def state_body_spans(doc, sent) -> List[Tuple[int, int, str]]:
    """(start, end, name) of the state bodies named in a sentence; a short name in brackets
    right after a body (`Министерство промышленности и торговли Республики Татарстан (Минпромторг
    РТ)`) is no body of its own, and stands for the full name wherever the text uses it."""
    aliases = _body_aliases(doc)
    spans = _named_bodies(doc, sent)
    return [(start, end, aliases.get(_alias_key(name), name)) for k, (start, end, name) in enumerate(spans)
            if not (k and _is_alias(doc, spans[k - 1], start))]


_aliases_memo = PerDoc()  # "aliases" → the map; a sentence's (start, end) → its bodies


def _body_aliases(doc) -> Dict[str, str]:
    """Short name → full name of the bodies the doc names with a short name in brackets."""
    memo = _aliases_memo(doc)
    if "aliases" not in memo:
        found = {}
        for sent in doc.sents:
            spans = _named_bodies(doc, sent)
            for before, (start, _, name) in zip(spans, spans[1:]):
                if _is_alias(doc, before, start) and _alias_key(name) != _alias_key(before[2]):
                    found[_alias_key(name)] = before[2]
        memo["aliases"] = found
    return memo["aliases"]


def _is_alias(doc, before: Tuple[int, int, str], start: int) -> bool:
    return start > 0 and doc[start - 1].text == "(" and before[1] == start - 1


def _alias_key(name: str) -> str:
    return name.strip(" )").lower()


def _named_bodies(doc, sent) -> List[Tuple[int, int, str]]:
    """(start, end, name) of the bodies a sentence names, short names in brackets among them;
    kept for the doc (the alias map reads every sentence, the parties each one again)."""
    memo = _aliases_memo(doc)
    key = (sent.start, sent.end)
    if key not in memo:
        memo[key] = _scan_bodies(doc, sent)
    return memo[key]


def _scan_bodies(doc, sent) -> List[Tuple[int, int, str]]:
    found = []
    i = sent.start
    while i < sent.end:
        if _opens_body(doc[i]) and not _under_title(doc, i, sent.start):
            end = _name_end(doc, i, sent.end)
            start = i + 1 if doc[i].pos_ == "ADV" and i == sent.start and end > i + 1 else i
            found.append((start, end, body_name(doc[start:end])))  # not `Параллельно` NER took in
            i = end
        else:
            i += 1
    return found


def _under_title(doc, i: int, floor: int) -> bool:
    """`директор департамента инфраструктуры ЕАБР`: a body noun in the genitive right after a
    person's title is part of the title, no body of its own (a ministry's name keeps its own)."""
    return i > floor and doc[i].lemma_.lower() in TITLE_PARTS and bool(word_lemmas(doc[i - 1]) & load_set("positions.txt"))


TITLE_PARTS = {"департамент"}  # body nouns that also name a part of an organisation


def body_name(span) -> str:
    """`Минпромторга России` → Минпромторг России, `министерства экономического развития` →
    Министерство экономического развития."""
    short = abbreviation_of(span[0].text)
    if short is None:
        name = phrase_nominative(span)
        return name[:1].upper() + name[1:]  # a body's name is a proper name
    head = span[0].text[:len(short)]
    rest = span[1:].text
    return f"{head} {rest}".strip()


@lru_cache(maxsize=4096)
def name_lemmas(name: str) -> Tuple[str, ...]:
    """The words of a name in normal form, an abbreviation spelled out: `Минпромторг России` →
    министерство промышленность и торговля россия; an informal region as its formal name
    (`Кубань` → краснодарский край)."""
    words = []
    capitalised = {w.lower() for w in name.replace(",", " ").split() if w[:1].isupper()}
    for word in name.lower().replace(",", " ").split():
        short = abbreviation_of(word) if word.startswith("мин") else None
        if short is not None:
            words.extend(ministry_abbreviations()[short].split())
        else:
            lemma = morph_analyzer().parse(word)[0].normal_form
            if lemma in load_set("party_region_nouns.txt"):
                continue  # `Республики Татарстан` is `РТ`, `Татарстан`
            # `Удмуртия` → удмуртский (республика), as `Удмуртской Республики` reads
            words.extend(w for w in ((formal_region(lemma) if word in capitalised else None) or lemma).split()
                         if w == lemma or w not in load_set("party_region_nouns.txt"))
    return tuple(words)


@lru_cache(maxsize=None)
def region_aliases() -> Dict[str, str]:
    """Informal region names and the formal ones they stand for (rules/region_aliases.tsv)."""
    return dict(load_table("region_aliases.tsv", 2))


def formal_region(lemma: str) -> Optional[str]:
    """The formal name (lemmas) of an informal region name: from rules/region_aliases.tsv, or
    by its ending (rules/region_alias_endings.tsv: `витебщина` → витебский область)."""
    known = region_aliases().get(lemma)
    if known is not None:
        return known
    if morph_analyzer().word_is_known(lemma):
        return None  # `женщина`, `причина`: words of the dictionary, no region's
    for ending, formal in load_table("region_alias_endings.tsv", 2):
        if lemma.endswith(ending) and len(lemma) > len(ending) + 2:
            return lemma[:-len(ending)] + formal
    return None


def is_informal_region(name: str) -> bool:
    words = name.split()
    return len(words) == 1 and words[0][:1].isupper() \
        and formal_region(morph_analyzer().parse(words[0].lower())[0].normal_form) is not None
