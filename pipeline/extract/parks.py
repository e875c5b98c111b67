"""park_extractor: named parks with kind, location, area, resident count and operator.

Values are read from quantities and entities near a park mention and attached
to the park they describe: the nearest mention before them in the sentence,
else the park last spoken of in the two sentences before, else a mention
right after them in the same clause.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional

from spacy.language import Language

from ..models import morph_analyzer
from ..normalize import is_legal_form, phrase_nominative
from ..records import Park, Residents, to_dict
from ..vocab import load_set, load_table
from .common import (add_evidence, article_region, counted_noun, lemmas, quoted_spans,
                     sentence_quantities, token_window, word_lemmas)
from .park_mentions import (GENERIC_REFERENCES, KindReference, ParkMention, expand_kind, find_kind_mentions, find_name_mentions,
                            full_kinds)
from .park_operators import attach_creators, attach_operators

SALIENCE_SENTENCES = 2
OPERATOR_SALIENCE = 5  # `Оператором технопарка выступает …` a paragraph after the park's name
# words of a size phrase between a park's name and its place
SIZE_WORDS = {"площадь", "общий", "занять", "занимать", "га", "гектар", "кв", ".", "м", "м2", "м²", "тыс", "км", "около", "более", "свыше", "почти"}
CLAUSE_BREAKS = {",", "—", "–", ";", ":", "(", ")"}
TERRITORY_UNITS = {"га", "км2"}


@lru_cache(maxsize=None)
def value_cues() -> Dict[str, str]:
    return dict(load_table("park_value_cues.tsv", 2))


@dataclass
class ParkDraft:
    """A park being read: its record plus what decides between competing values."""
    park: Park
    kind_abbreviated: bool = False
    areas: List[tuple] = field(default_factory=list)  # (closeness, area)

    def finish(self) -> Park:
        """The area read closest to the park's name, territory (га, км²) before buildings."""
        if self.areas:
            closest = min(closeness for closeness, _ in self.areas)
            areas = [area for closeness, area in self.areas if closeness == closest]
            territory = [area for area in areas if area.unit in TERRITORY_UNITS]
            self.park.area = (territory or areas)[0]
        return self.park


class ParkExtractor:
    def __call__(self, doc):
        mentions, references = find_kind_mentions(doc)
        mentions, references = drop_org_parts(doc, mentions, references)
        parks: Dict[str, ParkDraft] = {}
        for m in mentions:
            _add_mention(doc, parks, m)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        known = {key: draft.park.name for key, draft in parks.items()}
        for m in find_name_mentions(doc, known, taken):
            mentions.append(m)
            _add_mention(doc, parks, m)
        mentions.sort(key=lambda m: m.start)
        linked = resolve_references(doc, mentions, references, OPERATOR_SALIENCE)
        mentions = resolve_references(doc, mentions, references)
        attach_values(doc, mentions, parks, linked)
        region = article_region(doc)
        for draft in parks.values():
            if draft.park.location is None and region is not None:
                draft.park.location = region
        written_out = full_kinds(mentions, references)
        for draft in parks.values():
            draft.park.kind = expand_kind(draft.park.kind, written_out)
        doc._.parks = [to_dict(draft.finish()) for draft in parks.values()]
        return doc


def _add_mention(doc, parks: Dict[str, ParkDraft], m: ParkMention) -> None:
    draft = parks.setdefault(m.key, ParkDraft(Park(name=m.name)))
    park = draft.park
    if m.kind and (park.kind is None or (draft.kind_abbreviated and not m.kind_abbreviated)):
        park.kind = m.kind
        draft.kind_abbreviated = m.kind_abbreviated
    park.mentions.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])))
    add_evidence(doc, "park", m.name_start, m.end, "name", m.rule)
    add_evidence(doc, "park", m.start, m.end, "mention", m.rule)


def drop_org_parts(doc, mentions: List[ParkMention], references):
    """Kind words that belong to an organisation, not a park: `«АгроПарк Зауралье»`,
    `«Дирекция технопарков Ташкентской области»` (the kind inside quotes) are no parks;
    `технопарком АО «Х»` is the park spoken of again, then its operator."""
    inside = {i for span in quoted_spans(doc) for i in range(span.start, span.end)}
    kept, references = [], list(references)
    for m in mentions:
        if m.start in inside and m.rule != "listed_after_kind":
            continue
        if is_legal_form(m.name):
            references.append(KindReference(m.start, m.name_start, m.kind, m.kind_abbreviated))
            continue
        kept.append(m)
    return kept, sorted(references, key=lambda r: r.start)


def resolve_references(doc, mentions: List[ParkMention], references,
                       reach: int = SALIENCE_SENTENCES) -> List[ParkMention]:
    """A kind alone speaks of the park last named within `reach` sentences."""
    resolved = list(mentions)
    for reference in (r for r in references if not r.group):
        before = [m for m in mentions if m.end <= reference.start]
        if before and _sentence_distance(doc, before[-1].end - 1, reference.start) <= reach:
            last = before[-1]
            resolved.append(ParkMention(reference.start, reference.end, last.name, last.key, None,
                                        False, reference.start, "kind_reference"))
    return sorted(resolved, key=lambda m: m.start)


def park_for(doc, mentions: List[ParkMention], start: int, end: int,
             reach: int = SALIENCE_SENTENCES) -> Optional[ParkMention]:
    """The park a value at tokens [start, end) describes."""
    sent = doc[start].sent
    after = [m for m in mentions if sent.start <= m.start and m.start >= end and m.start < sent.end]
    if after and not any(t.text in CLAUSE_BREAKS for t in doc[end:after[0].start]) \
            and not any(sent.start <= m.end <= start for m in mentions):
        return after[0]
    before = [m for m in mentions if m.end <= start]
    if not before:
        return None
    last = before[-1]
    sentences_back = _sentence_distance(doc, last.end - 1, start)
    return last if sentences_back <= reach else None


def _sentence_distance(doc, left: int, right: int) -> int:
    return sum(1 for token in doc[left + 1:right + 1] if token.is_sent_start and not token.is_space)


def _operated_park_for(doc, mentions, start, end):
    return park_for(doc, mentions, start, end, OPERATOR_SALIENCE)


def attach_values(doc, mentions: List[ParkMention], parks: Dict[str, ParkDraft],
                  linked: List[ParkMention]) -> None:
    """Values near the parks; operators reach further back (`linked`): `Оператор парка —
    АО «Y»` a paragraph after the park was named still speaks of it."""
    if not mentions:
        return
    sentences = list(doc.sents)
    operators = set()
    for sent in sentences:
        operators |= attach_operators(doc, sent, linked, parks, _operated_park_for)
    attach_creators(doc, sentences, mentions, parks)
    # a park named as another's operator (`по модели «Химграда»`) is not what follows speaks of
    subjects = [m for m in mentions if m.start not in operators]
    for sent in sentences:
        for quantity, span in sentence_quantities(sent):
            if quantity.kind == "area":
                _attach_area(doc, subjects, parks, quantity, span)
            elif quantity.kind == "number" and not quantity.scaled:
                _attach_residents(doc, subjects, parks, quantity, span)
    seen = set()
    for m in subjects:
        park = parks[m.key].park
        if park.location is None:
            park.location = location_near(doc, m, mentions, first=m.key not in seen)
        seen.add(m.key)


def _is_plan(left_tokens) -> bool:
    return any(token.lemma_.lower() in load_set("plan_cues.txt") for token in left_tokens)


def _closeness(doc, mention: ParkMention, span) -> int:
    """0: the park is named in the value's sentence; 1: spoken of by kind there; 2: earlier."""
    if doc[mention.start].sent.start != span.sent.start:
        return 2
    return 1 if mention.rule == "kind_reference" else 0


def _attach_area(doc, mentions, parks, quantity, span) -> None:
    left, right = token_window(doc, span.start, span.end, 5, 3, span.sent)
    cues = {value_cues().get(lemma) for lemma in lemmas(left[-3:] + right)}
    if "not_area" in cues or _is_plan(left):
        return
    target = park_for(doc, mentions, span.start, span.end)
    if target is None or quantity.area is None:
        return
    parks[target.key].areas.append((_closeness(doc, target, span), quantity.area))
    add_evidence(doc, "park", span.start, span.end, "area", "area_near_park")


COUNT_LOOKBACK = 10  # `число резидентов ОЭЗ ППТ «Миасс» выросло до шести`


def _is_resident_count(doc, span) -> bool:
    """`27 резидентов`, `36 компаний-резидентов`; `разместились 15 предприятий`, `(18,5 га,
    шесть предприятий)`, `в ней три компании`; `число компаний … достигло 58`; not jobs."""
    noun = counted_noun(doc, span)
    if noun is None:
        return _is_count_of_residents(doc, span)
    forms = word_lemmas(noun)
    cues = {value_cues().get(form) for form in forms} - {None}
    if cues:
        return cues == {"residents"}
    if not _is_resident_noun(forms):
        return False
    window = doc[max(span.sent.start, span.start - 6):min(span.sent.end, span.end + 6)]
    return any(word_lemmas(t) & load_set("resident_verbs.txt") for t in window) \
        or _in_brackets(doc, span) or _after_in_it(doc, span)


def _is_resident_noun(forms: set) -> bool:
    """`компания`, `предприятие`, and compounds ending in them: `сельхозпредприятие`."""
    return any(form.endswith(noun) for form in forms for noun in load_set("resident_nouns.txt"))


def _in_brackets(doc, span) -> bool:
    """`«Фергана-Текстиль» (18,5 га, шесть предприятий)`: a count in the park's brackets."""
    for token in reversed(list(doc[max(span.sent.start, span.start - 8):span.start])):
        if token.text == ")":
            return False
        if token.text == "(":
            return True
    return False


def _after_in_it(doc, span) -> bool:
    """`в парке пять компаний`, `в ней три компании`: the park, or a pronoun for it, just before."""
    before = [t for t in doc[max(span.sent.start, span.start - 3):span.start] if not t.is_space]
    return len(before) >= 2 and before[-2].lemma_.lower() in {"в", "на"} and (
        before[-1].pos_ == "PRON" or word_lemmas(before[-1]) & GENERIC_REFERENCES)


def _is_count_of_residents(doc, span) -> bool:
    """A bare number after `число/количество резидентов (компаний)` or after `резидентов`."""
    left, _ = token_window(doc, span.start, span.end, COUNT_LOOKBACK, 0, span.sent)
    words = [word_lemmas(t) for t in left]
    if any(value_cues().get(lemma) == "residents" for lemma in lemmas(left[-4:])):
        return True
    counted = any(forms & {"число", "количество"} for forms in words)
    return counted and any(_is_resident_noun(forms) or "резидент" in forms for forms in words)


def _qualifier(doc, span, qualifier):
    """`выросло до шести` reaches six: `до` after a verb of growth is no upper bound."""
    before = doc[span.start - 1] if span.start > 0 else None
    if qualifier == "до" and before is not None and word_lemmas(before) & load_set("growth_verbs.txt"):
        return None
    return qualifier


def _attach_residents(doc, mentions, parks, quantity, span) -> None:
    if quantity.value != int(quantity.value) or quantity.value <= 0:
        return
    left, _ = token_window(doc, span.start, span.end, 6, 0, span.sent)
    if not _is_resident_count(doc, span) or _is_plan(left):
        return
    target = park_for(doc, mentions, span.start, span.end)
    if target is None:
        return
    parks[target.key].park.residents = Residents(count=int(quantity.value),
                                                 qualifier=_qualifier(doc, span, quantity.qualifier))
    add_evidence(doc, "park", span.start, span.end, "residents", "count_of_residents")


def location_near(doc, m: ParkMention, mentions: List[ParkMention], first: bool) -> Optional[str]:
    """The place given for a park next to its name.

    After it: `«Х» (Навоийская область)`, `«Х» в Елабуге`, `«Коканд» Ферганской области`,
    `«Академпарк» из Новосибирска`, `под Димитровградом`; before it, in the same clause:
    `в Пятигорске работает технопарк «Х»`. After a later mention a bare `в <country>`
    usually belongs to another noun (`реализация проектов технополиса «Х» в Узбекистане`).
    """
    sent = doc[m.start].sent
    following = [other.start for other in mentions if other.start >= m.end]
    limit = min([sent.end, m.end + 7] + following)
    for place in places_in(doc, sent, m.end, limit):
        if not _leads_to_place(doc, m.end, place):
            break
        name = phrase_nominative(place)
        if not first and name.lower() in load_set("countries.txt"):
            break
        add_evidence(doc, "park", place.start, place.end, "location", "place_after_name")
        return name
    return _place_before(doc, m, mentions)


def places_in(doc, sent, start: int, end: int) -> List:
    """LOC entities in [start, end), and names pymorphy3 knows as places that NER missed."""
    places = [ent for ent in sent.ents if ent.label_ == "LOC" and start <= ent.start < end]
    taken = {i for ent in sent.ents for i in range(ent.start, ent.end)}
    for token in doc[start:end]:
        if token.i not in taken and token.text[:1].isupper() and not token.is_sent_start \
                and any("Geox" in parse.tag for parse in morph_analyzer().parse(token.text)[:2]):
            places.append(doc[token.i:token.i + 1])
    return sorted(places, key=lambda span: span.start)


def _place_before(doc, m: ParkMention, mentions: List[ParkMention]) -> Optional[str]:
    sent = doc[m.start].sent
    earlier = [other.end for other in mentions if other.end <= m.start]
    floor = max([sent.start] + earlier)
    for ent in reversed([e for e in sent.ents if e.label_ == "LOC" and floor <= e.start and e.end <= m.start]):
        between = [t for t in doc[ent.end:m.start] if not t.is_space]
        preposition = doc[ent.start - 1].lemma_.lower() if ent.start > 0 else ""
        if preposition in {"в", "во"} and len(between) <= 3 and not any(
                t.is_punct or t.pos_ in {"NOUN", "PROPN", "CCONJ"} for t in between):
            add_evidence(doc, "park", ent.start, ent.end, "location", "place_before_kind")
            return phrase_nominative(ent)
        break
    return None


def _leads_to_place(doc, start: int, ent) -> bool:
    """`(` alone, `в`/`на`/`под`/`из` with at most a place noun, a genitive right after the
    name, or a cue: `расположенный в`."""
    between = [t for t in doc[start:ent.start] if not t.is_space]
    if [t.text for t in between] == ["("]:
        return True
    if not between:
        return ent[-1].morph.get("Case") == ["Gen"]
    if between[-1].text in {".", ";", "—", "–"}:
        return False
    words = [t.lemma_.lower() for t in between]
    preposition = next((i for i, w in enumerate(words) if w in {"в", "во", "на", "под", "из"}), None)
    if preposition is None or len(words) - preposition > 2:
        return False
    before = words[:preposition]
    if bool(set(before) & load_set("location_cues.txt")) or before in (["("], [","]):
        return True
    # `«Заокский» площадью 86 га в Заокском районе`: a size may stand between
    return all(t.like_num or t.lemma_.lower() in SIZE_WORDS for t in between[:preposition])


@Language.factory("park_extractor", assigns=["doc._.parks", "doc.spans"], requires=["doc.ents"])
def make_park_extractor(nlp, name):
    return ParkExtractor()
