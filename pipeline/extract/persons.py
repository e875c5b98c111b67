"""person_extractor: named persons with their positions and organisations.

Persons come from natasha's PER entities; mentions of one person (`Александр
Руппель`, `Руппеля`) are merged under the fullest name. A position is a phrase
headed by a title from rules/positions.txt, read next to the name: before it
(`заместитель губернатора Краснодарского края Александр Руппель`) or after it
(`Денис Мантуров, министр промышленности`, `(генеральный директор)`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional

from spacy.language import Language

from ..normalize import person_name, phrase_nominative, strip_legal_form, strip_quotes
from ..records import Person, to_dict
from ..vocab import load_list
from .common import add_evidence, mention, quoted_spans

MAX_POSITION_TOKENS = 12
# word classes that may stand inside a position phrase
PHRASE_POS = {"NOUN", "PROPN", "ADJ", "CCONJ", "ADP", "DET", "NUM", "X"}
PHRASE_PUNCT = {"«", "»", "\"", "-", "„", "“"}
# modifiers that may stand left of a position head: генеральный директор
MODIFIER_POS = {"ADJ", "VERB"}
# organisation nouns dropped with the organisation cut out of a position
ORG_NOUNS = {"компания", "группа", "холдинг", "корпорация", "концерн", "общество", "ао", "ооо", "пао"}


@lru_cache(maxsize=None)
def position_heads() -> frozenset:
    return frozenset(word.lower() for word in load_list("positions.txt"))


def is_position_head(token) -> bool:
    return token.lemma_.lower() in position_heads() or token.text.lower() in position_heads()


def _phrase_ok(token) -> bool:
    return token.pos_ in PHRASE_POS or token.text in PHRASE_PUNCT


def position_before(doc, ent) -> Optional[tuple]:
    """(start, end) of the position phrase ending right before the name, if any."""
    sent_start = ent.sent.start
    start = None
    i = ent.start - 1
    while i >= max(sent_start, ent.start - MAX_POSITION_TOKENS):
        token = doc[i]
        if token.is_space or not _phrase_ok(token) or token.ent_type_ == "PER":
            break
        if is_position_head(token):
            start = i
        i -= 1
    if start is None:
        return None
    while start - 1 >= sent_start and doc[start - 1].pos_ in MODIFIER_POS \
            and doc[start - 1].morph.get("Case") == doc[start].morph.get("Case"):
        start -= 1
    return start, ent.start


def position_after(doc, ent) -> Optional[tuple]:
    """(start, end) of the position right after the name: `Х, министр …` or `Х (министр …)`."""
    i = ent.end
    if i >= ent.sent.end or doc[i].text not in {",", "(", "—", "–"}:
        return None
    i += 1
    start = i
    while i < ent.sent.end and doc[i].pos_ in MODIFIER_POS:
        i += 1
    if i >= ent.sent.end or not is_position_head(doc[i]):
        return None
    end = i + 1
    while end < ent.sent.end and _phrase_ok(doc[end]) and doc[end].ent_type_ != "PER" \
            and doc[end].pos_ != "CCONJ":
        end += 1
    return start, end


def org_in(doc, start: int, end: int) -> Optional[tuple]:
    """(name, first token) of the organisation or region a position phrase names."""
    for span in quoted_spans_in(doc, start, end):
        return strip_legal_form(strip_quotes(phrase_nominative(span))), span.start - 1
    for ent in doc[start:end].ents:
        if ent.label_ in {"ORG", "LOC"}:
            return strip_legal_form(strip_quotes(phrase_nominative(ent))), ent.start
    return None


def quoted_spans_in(doc, start: int, end: int):
    return [span for span in quoted_spans(doc) if span.start >= start and span.end <= end]


def read_position(doc, start: int, end: int) -> tuple:
    """(position, org): the org named by a quoted company is cut out of the position."""
    found = org_in(doc, start, end)
    org = found[0] if found else None
    cut = end
    if found and doc[found[1]].text in {"«", "\""}:
        cut = found[1]
        while cut > start and doc[cut - 1].lemma_.lower() in ORG_NOUNS:
            cut -= 1
    text = phrase_nominative(doc[start:cut]).strip(" ,")
    if not text:
        return None, org
    first = doc[start]
    if first.pos_ != "PROPN" and not first.text.isupper():
        text = text[:1].lower() + text[1:]
    return text, org


class PersonExtractor:
    def __call__(self, doc):
        persons: List[Person] = []
        for ent in doc.ents:
            if ent.label_ != "PER" or not ent.text[:1].isupper():
                continue
            name = person_name(ent)
            person = _merge(persons, name)
            person.mentions.append(tuple(mention(ent)))
            add_evidence(doc, "person", ent.start, ent.end, "name", "per_entity")
            span = position_before(doc, ent) or position_after(doc, ent)
            if span and person.position is None:
                person.position, person.org = read_position(doc, *span)
                add_evidence(doc, "person", span[0], span[1], "position", "position_next_to_name")
        doc._.persons = [to_dict(person) for person in persons]
        return doc


def _merge(persons: List[Person], name: str) -> Person:
    """The person `name` refers to: same words, or a shorter/longer form of a known name."""
    words = name.lower().split()
    for person in reversed(persons):
        known = person.name.lower().split()
        if _contains(known, words) or _contains(words, known):
            if len(words) > len(known):
                person.name = name
            return person
    person = Person(name=name)
    persons.append(person)
    return person


def _contains(longer: List[str], shorter: List[str]) -> bool:
    size = len(shorter)
    return any(longer[i:i + size] == shorter for i in range(len(longer) - size + 1))


@Language.factory("person_extractor", assigns=["doc._.persons", "doc.spans"], requires=["doc.ents"])
def make_person_extractor(nlp, name):
    return PersonExtractor()
