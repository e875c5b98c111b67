"""park_extractor: named parks with kind, location, area, resident count and operator.

Values are read from quantities and entities near a park mention and attached
to the park they describe: the nearest mention before them in the sentence,
else the park last spoken of in the two sentences before, else a mention
right after them in the same clause.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional

from spacy.language import Language

from ..models import morph_analyzer
from ..numbers import parse_number
from ..normalize import is_legal_form, without_generic_noun
from ..records import ORG, Park, Residents, to_dict
from ..vocab import load_set, load_table
from .common import (CITY, DASHES, QUOTE_TOKENS, add_evidence, article_region, counted_noun, full_latin_name, full_short_name,
                     latin_org_names, lemmas, lemmas_at, paragraph_start, quoted_spans, sentence_quantities,
                     token_window, word_lemmas)
from .park_areas import BUILDING, buildings_are_park, is_inside_park, whole_of_part
from .park_mentions import (GENERIC_KIND_WORDS, GENERIC_REFERENCES, QUOTED_NAME_KINDS, KindReference, ParkMention, elided_kind_names,
                            expand_kind, find_kind_mentions, find_name_mentions, full_kinds, generic_word_names, kind_expansions,
                            match_kind, name_key, names_before_kind, numbered_item_names, partitive_names, possessed_noun,
                            quoted_before_kind, role_nouns)
from .operator_names import attach_named_after_parks, attach_same_named
from .operator_possessors import attach_possessors
from .operator_quantified import attach_quantified_operators
from .operator_references import attach_new_managers, attach_possessing_nouns, attach_referred_operators
from .org_names import expand_abbreviation, fuller_org_name, legal_form_org_names
from .parties import names_written
from .operator_trusts import attach_handovers, attach_trust_managers
from .park_operators import attach_creators, attach_operators
from .park_cards import card_place, in_card
from .park_tables import table_rows
from .role_employers import employ_by_role
from .park_places import (adjective_place, headline_places, inner_place, is_district, last_place_is_settlement,
                          location_near, paragraph_place, place_near_before, record_place, specificity)
from .place_abbreviations import DISTRICT, written_out
from .park_statuses import status_names

SALIENCE_SENTENCES = 2
OPERATOR_SALIENCE = 5  # `Оператором технопарка выступает …` a paragraph after the park's name
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
    operator_builds: bool = False  # the operator was read after a builder's cue (`девелопер`)
    operator_former: bool = False  # … after a past cue verb (`«Х» управлял технопарком`): a former one

    def finish(self) -> Park:
        """The territory (га, км²) before buildings (spec §1), then the size it has grown to
        (the last such), then the area read closest to the park's name."""
        territory = [(closeness, area) for closeness, area in self.areas if area.unit in TERRITORY_UNITS]
        areas = territory or self.areas
        if areas:
            closest = min(closeness for closeness, _ in areas)
            told = [area for closeness, area in areas if closeness == closest]
            self.park.area = told[-1] if closest == REACHED else told[0]  # (the size reached last)
        if self.park.location:  # `Республика Башкортостан` → Башкортостан, as GUIDELINES names regions
            self.park.location = without_generic_noun(written_out(self.park.location) or self.park.location,
                                                      GENERIC_PLACE_NOUNS)
        return self.park


GENERIC_PLACE_NOUNS = {"республика"}
REACHED = -1  # an area's closeness when a growth cue gives it as reached (rules/area_reached_cues.txt)


class ParkExtractor:
    def __call__(self, doc):
        mentions, references = find_kind_mentions(doc)
        mentions, references = drop_org_parts(doc, mentions, references)
        mentions = sorted(mentions + names_before_kind(doc, mentions, references)
                          + quoted_before_kind(doc, mentions, references), key=lambda m: m.start)
        mentions = sorted(mentions + status_names(doc, mentions, references), key=lambda m: m.start)
        parks: Dict[str, ParkDraft] = {}
        for m in mentions:
            _add_mention(doc, parks, m)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        known = {key: draft.park.name for key, draft in parks.items()}
        # a table's parks are named in the text around it too (`Лидер рейтинга, самарский
        # «Приволжский», расположен у села Тимофеевка`); their cells are read as the table's
        rows = table_rows(doc)
        known.update((name_key(row.name), row.name) for row in rows)
        taken |= {i for row in rows for i in range(*row.tokens)}
        for m in find_name_mentions(doc, known, taken):
            mentions.append(m)
            _add_mention(doc, parks, m)
        named_by_word, references = generic_word_names(doc, mentions, references, known)
        for m in named_by_word:
            mentions.append(m)
            _add_mention(doc, parks, m)
        elided = elided_kind_names(doc, known)  # `… четырьмя парками. Три индустриальных — «А», «Б» и «В»`
        elided_keys = {m.key for m in elided}
        elided += [m for m in partitive_names(doc, references, known) if m.key not in elided_keys]
        elided_keys = {m.key for m in elided}
        elided += [m for m in numbered_item_names(doc, references, known) if m.key not in elided_keys]
        for m in elided:
            mentions.append(m)
            _add_mention(doc, parks, m)
        named_by_word = named_by_word + elided
        # the names the bare word or an elided kind gives are found again where they stand alone
        # (`«Гаврилов-Ям» в Гаврилов-Ямском районе (118 га) …`)
        taken |= {i for m in named_by_word for i in range(m.start, m.end)}
        for m in find_name_mentions(doc, {m.key: parks[m.key].park.name for m in named_by_word}, taken):
            mentions.append(m)
            _add_mention(doc, parks, m)
        mentions.sort(key=lambda m: m.start)
        linked = resolve_references(doc, mentions, references, OPERATOR_SALIENCE)
        mentions = resolve_references(doc, mentions, references)
        attach_values(doc, mentions, parks, linked)
        for kind, place in headline_places(doc, references):
            # `В Мичуринске создадут технопарк …`: the one park of that kind, placed no narrower
            of_kind = [draft.park for draft in parks.values() if draft.park.kind == kind]
            if len(of_kind) == 1 and (of_kind[0].location is None
                                      or specificity(place) > specificity(of_kind[0].location)):
                of_kind[0].location = place
        add_table_rows(doc, parks, rows)
        region = article_region(doc)
        for key, draft in parks.items():
            if draft.park.location is None:  # a region found for the park itself stays
                # the most specific place that opens a paragraph naming the park (a headline's
                # `В Башкирии …` gives way to the text's `В Кармаскалинском районе …`)
                own = [m for m in mentions if m.key == key]  # (a digest's heading only over its first)
                framed = [place for place in (paragraph_place(doc, m, m is own[0]) for m in own) if place]
                draft.park.location = max(framed, key=specificity, default=None)
            if draft.park.location is None and region is not None:
                draft.park.location = region
        kinds_written_out = full_kinds(mentions, references)
        latin_names = latin_org_names(doc)
        legal_names = legal_form_org_names(doc)
        organisations = [name for name, kind in names_written(doc) if kind == ORG]
        for draft in parks.values():
            draft.park.kind = expand_kind(draft.park.kind, kinds_written_out)
            if draft.park.operator:  # `генеральный директор ПКР … Мы управляем …`: the name ПКР stands for
                # (`Huafeng` for the `Zhejiang Huafeng Textile Group` named before)
                draft.park.operator = fuller_org_name(full_short_name(
                    full_latin_name(expand_abbreviation(doc, draft.park.operator), latin_names), legal_names), organisations)
        doc._.parks = [to_dict(draft.finish()) for draft in parks.values()]
        employ_by_role(doc, doc._.parks)
        return doc


def _add_mention(doc, parks: Dict[str, ParkDraft], m: ParkMention) -> None:
    draft = parks.setdefault(m.key, ParkDraft(Park(name=m.name)))
    park = draft.park
    if m.kind and (park.kind is None or (draft.kind_abbreviated and not m.kind_abbreviated)
                   or m.kind.endswith(" " + park.kind)):  # `Кластер «Х»`, then `промышленного кластера «Х»`
        park.kind = m.kind
        draft.kind_abbreviated = m.kind_abbreviated
    park.mentions.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])))
    add_evidence(doc, "park", m.name_start, m.end, "name", m.rule)
    add_evidence(doc, "park", m.start, m.end, "mention", m.rule)


def add_table_rows(doc, parks: Dict[str, ParkDraft], rows) -> None:
    """The parks of a text table (park_tables.py): a row fills what the text left unsaid of a
    park it names, and adds a park it names nowhere else."""
    for row in rows:
        draft = parks.setdefault(name_key(row.name), ParkDraft(Park(name=row.name)))
        park = draft.park
        park.mentions.append((row.start, row.end))
        add_evidence(doc, "park", *row.tokens, "name", "table_row")
        park.kind = park.kind or row.kind
        park.location = park.location or row.location
        if not draft.areas and park.area is None:
            park.area = row.area
        park.residents = park.residents or row.residents
        park.operator = park.operator or row.operator


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
    """A kind alone speaks of a park named before it: a written kind (`СЭЗ`, `технополис`) of
    the last park of that kind, however far back (`… СЭЗ создана в 2011 году. Её площадь —
    3 300 га`); a generic word (`парк`, `площадка`) of the park last named within a few
    sentences (`reach`), or of the one park an article names (or has named so far)."""
    kinds: Dict[str, set] = {}
    for m in mentions:
        if m.kind:
            kinds.setdefault(m.key, set()).add(m.kind)
    one_park = len(kinds) == 1
    resolved = list(mentions)
    quoted = {i for span in quoted_spans(doc) for i in range(span.start, span.end)}
    for reference in (r for r in references if not r.group and r.start not in quoted):
        target = _referent(doc, reference, [m for m in mentions if m.end <= reference.start], kinds, one_park, reach)
        if target is not None:
            resolved.append(ParkMention(reference.start, reference.end, target.name, target.key, None,
                                        False, reference.start, "kind_reference"))
    return sorted(resolved, key=lambda m: m.start)


def _referent(doc, reference, before: List[ParkMention], kinds: Dict[str, set], one_park: bool, reach: int):
    if not before:
        return None
    if reference.kind:
        same = [m for m in before if any(_same_kind(reference.kind, kind) for kind in kinds.get(m.key, ()))]
        if same:
            return same[-1]
        if reference.kind in QUOTED_NAME_KINDS:  # a bare `кластер` speaks of a cluster named before, of
            # no park of another kind (`фармацевтический кластер региона объединяет 20 предприятий`)
            clusters = [m for m in before if any(kind.endswith(reference.kind) for kind in kinds.get(m.key, ()))]
            return clusters[-1] if clusters else None
    topical = [m for m in before if not _is_affiliation(doc, m)] or before
    last = topical[-1]
    # (or the one park named so far: `… парка «Кстово». … Парк площадью 119,6 га расположен …`)
    distance = _sentence_distance(doc, last.end - 1, reference.start)
    if one_park or len({m.key for m in before}) == 1 or distance <= reach:
        return last
    # `… ТОР «Усолье-Сибирское» … резидентов индустриального парка «Ангара-Восток». … Парк площадью
    # 64 га расположен …`: a word that fits the kind of only one park named so far speaks of it a paragraph on
    if distance <= WORD_KIND_REACH and not _is_heading(doc[reference.start].sent) \
            and _only_park_of_word(doc[reference.start], before, kinds) == last.key:
        return last  # (not a digest's heading over the next park: `Челябинская область: парк подписывает сам`)
    return None


SENTENCE_ENDS = {".", "!", "?", "…"}


def _is_heading(sent) -> bool:
    """A line with no sentence's end: a heading (`Узбекистан: технопарк на 42 гектарах`)."""
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in {"»", "\"", ")"}), None)
    return last is None or last.text not in SENTENCE_ENDS


PARAGRAPH_SENTENCES = 5
WORD_KIND_REACH = PARAGRAPH_SENTENCES  # sentences a word of one park's kind reaches back


def _only_park_of_word(token, before: List[ParkMention], kinds: Dict[str, set]) -> Optional[str]:
    """The one park named so far whose kind ends in the generic word (`парк`: технопарк,
    индустриальный парк; `зона`: ОЭЗ, промышленная зона), if only one is."""
    words = word_lemmas(token) & set(GENERIC_KIND_WORDS)
    if not words:
        return None
    keys = {m.key for m in before
            if any(full.endswith(word) for kind in kinds.get(m.key, ())
                   for full in (kind,) + kind_expansions().get(kind, ()) for word in words)}
    return next(iter(keys)) if len(keys) == 1 else None


def _is_affiliation(doc, m: ParkMention) -> bool:
    """`подписано генеральным директором КИП «Мастер»`: a park named as a person's employer
    is not what a following `площадка` speaks of."""
    i = m.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ == "ADJ"):
        if "\n" in doc[i].text:
            return False  # `Туймазы: новый управляющий\n\nИндустриальный парк «Х» …`: a heading's word
        i -= 1
    return i >= 0 and bool(word_lemmas(doc[i]) & load_set("positions.txt"))


def _same_kind(one: str, other: str) -> bool:
    """`СЭЗ` and `специальная экономическая зона` are one kind; so is a kind and itself."""
    expansions = kind_expansions()
    return one == other or one in expansions.get(other, ()) or other in expansions.get(one, ())


def park_for(doc, mentions: List[ParkMention], start: int, end: int,
             reach: int = SALIENCE_SENTENCES) -> Optional[ParkMention]:
    """The park a value at tokens [start, end) describes."""
    sent = doc[start].sent
    after = [m for m in mentions if sent.start <= m.start and m.start >= end and m.start < sent.end]
    if after and not any(t.text in CLAUSE_BREAKS for t in doc[_past_restating(doc, end):after[0].start]) \
            and not any(sent.start <= m.end <= start for m in mentions):
        return after[0]
    before = [m for m in mentions if m.end <= start]
    if not before:
        return None
    last = before[-1]
    if _unnamed_kind_between(doc, mentions, max(last.end, sent.start), start):
        return None
    sentences_back = _sentence_distance(doc, last.end - 1, start)
    if sentences_back <= reach or in_card(doc, last, start):
        return last
    # `Портовая ОЭЗ «Х» создана … Ее площадь … Управляющей компанией … Сейчас статус резидента
    # имеют 16 компаний`: a paragraph that has named one park goes on about it
    same_paragraph = paragraph_start(doc, start) <= last.start
    return last if same_paragraph and sentences_back <= PARAGRAPH_SENTENCES else None


def _unnamed_kind_between(doc, mentions: List[ParkMention], left: int, right: int) -> bool:
    """`Завод разместится в ОЭЗ «Х». … фармацевтический кластер региона объединяет более 20
    предприятий`: a park's kind in the value's sentence, its subject, that speaks of no park named
    is what the value describes, not the park named before."""
    for i in range(left, right):
        token = doc[i]  # (its subject: not `на гектарах бывшей промзоны`)
        if token.morph.get("Case") != ["Nom"] or token.morph.get("Number") != ["Sing"] \
                or word_lemmas(token) & GENERIC_REFERENCES or match_kind(doc, i) is None:
            continue
        if not any(m.start <= i < m.end for m in mentions) \
                and not any(span.start <= i < span.end for span in quoted_spans(doc)):  # `ООО «Волга-Технопарк»`
            return True
    return False
RESTATING = {"столько"}  # `Пять резидентов — столько теперь в парке «Х»`: the dash restates the value


def _past_restating(doc, end: int) -> int:
    """Past a dash and the word restating the value before it, to the clause that tells of it."""
    words = [t for t in doc[end:end + 5] if not t.is_space]
    for k in range(len(words) - 1):
        if words[k].text in {"—", "–"} and words[k + 1].lower_ in RESTATING:
            return words[k + 1].i + 1
        if not words[k].is_alpha:  # (the counted noun only between: `резидентов — столько`)
            break
    return end


def _sentence_distance(doc, left: int, right: int) -> int:
    return sum(1 for token in doc[left + 1:right + 1] if token.is_sent_start and not token.is_space)


def _operated_park_for(doc, mentions, start, end):
    """The park an operator cue speaks of; in a text of one park, that park however far back
    (`… — сообщил генеральный директор управляющей компании АО «Y»` after a list of residents)."""
    found = park_for(doc, mentions, start, end, OPERATOR_SALIENCE)
    if found is None and len({m.key for m in mentions}) == 1 and _after_role_noun(doc, start):
        found = next((m for m in reversed(mentions) if m.end <= start), None)
    return found


ROLE_NOUN_REACH = 2  # `управляющей компании АО «Y»`: a legal form between the role and the name


def _after_role_noun(doc, start: int) -> bool:
    """An organisation right after a role noun of rules/operator_role_nouns.txt in a person's
    title (`генеральный директор управляющей компании АО «Y»`; not `после смены оператора «Y»
    подписал …`)."""
    for role in role_nouns():
        for end in range(start, max(0, start - ROLE_NOUN_REACH) - 1, -1):
            first = end - len(role)
            if lemmas_at(doc, first, role, end):
                titled = first > 0 and bool(word_lemmas(doc[first - 1]) & load_set("positions.txt"))
                return titled and all(t.ent_type_ == "ORG" or is_legal_form(t.text) for t in doc[end:start])
    return False


def attach_values(doc, mentions: List[ParkMention], parks: Dict[str, ParkDraft],
                  linked: List[ParkMention]) -> None:
    """Values near the parks; operators reach further back (`linked`): `Оператор парка —
    АО «Y»` a paragraph after the park was named still speaks of it."""
    if not mentions:
        return
    sentences = list(doc.sents)
    attach_new_managers(doc, sentences, linked, parks)
    operators = set()
    for sent in sentences:
        operators |= attach_operators(doc, sent, linked, parks, _operated_park_for)
    attach_creators(doc, sentences, mentions, parks)
    attach_trust_managers(doc, sentences, mentions, parks)
    attach_referred_operators(doc, sentences, linked, parks)
    attach_possessing_nouns(doc, sentences, linked, parks)
    attach_quantified_operators(doc, sentences, linked, parks)
    attach_handovers(doc, sentences, mentions, parks)
    attach_same_named(doc, sentences, parks)
    attach_named_after_parks(doc, mentions, parks)
    attach_possessors(doc, mentions, parks)
    # a park named as another's operator (`по модели «Химграда»`) is not what follows speaks of
    subjects = [m for m in mentions if m.start not in operators]
    for sent in sentences:
        for quantity, span in sentence_quantities(sent):
            if quantity.kind == "area":
                _attach_area(doc, subjects, parks, quantity, span)
            elif quantity.kind == "number" and not quantity.scaled:
                _attach_residents(doc, subjects, parks, quantity, span)
    _attach_ordinal_residents(doc, subjects, parks)
    seen = set()
    settlements = any(word_lemmas(t) & load_set("settlement_nouns.txt") for t in doc)
    for m in subjects:
        park = parks[m.key].park
        # `В Кузбассе открылся парк «Х». Площадка расположена в Рудничном районе Кемерова`:
        # the most specific place the text gives (a city's district before the city, a village
        # or stanitsa before its district: `Парк разместится у станицы Роговской`)
        open_place = park.location is None or specificity(park.location) < 2 or not is_district(park.location)
        if not (open_place or settlements):
            seen.add(m.key)
            continue
        place = location_near(doc, m, mentions, first=m.key not in seen) or _card_place(doc, m) \
            or inner_place(doc, m)
        if place is not None and settlements and last_place_is_settlement(doc):
            park.location = place
        elif open_place:
            # (a district read at a bare `парка` may be another park's: `парка в Тосненском районе`)
            if place is not None and (park.location is None or specificity(place) > specificity(park.location)
                                      or is_district(place) and not is_district(park.location)
                                      and (m.rule != "kind_reference" or _names_city_again(doc, m, park.location))):
                park.location = place
        seen.add(m.key)
    for m in subjects:  # `Под Бийском работает парк «Х»`, when the text places it nowhere else
        park = parks[m.key].park
        park.location = park.location or place_near_before(doc, m, mentions)
    for m in subjects:  # `казанский технополис «Химград»`: the city's adjective, when nothing better
        park = parks[m.key].park
        if park.location is None or specificity(park.location) < 2:
            park.location = adjective_place(doc, m, park.location is not None) or park.location


def _names_city_again(doc, m, city: str) -> bool:
    """`Технопарк … в Кировском округе Омска` for a park placed in Омск: a bare kind's sentence
    names the park's own city with the district (or `в Октябрьском районе города`), so the district
    is that park's."""
    key = name_key(city)
    sent = doc[m.start].sent
    if " " in key:
        return False
    return any(name_key(t.text) == key for t in sent if t.is_alpha) \
        or any(t.lemma_.lower() == CITY and t.i > sent.start and doc[t.i - 1].lemma_.lower() == DISTRICT
               and not (t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()) for t in sent)  # (not `города Клинцы`)


def _card_place(doc, m) -> Optional[str]:
    place = card_place(doc, m)
    return record_place(doc, place, "place_on_card") if place is not None else None


def _is_plan(left_tokens) -> bool:
    return any(token.lemma_.lower() in load_set("plan_cues.txt") for token in left_tokens)


@lru_cache(maxsize=None)
def resident_count_traps(where: str) -> frozenset:
    return frozenset(lemma for lemma, place in load_table("resident_count_traps.tsv", 2) if place == where)


def _has_trap(tokens, where: str) -> bool:
    """`пополнился тремя резидентами`, `9 новых резидентов` (near the count); `в составе
    делегации работали 12 резидентов` (in its clause): not the park's count today."""
    traps = resident_count_traps(where)
    return any(word_lemmas(t) & traps for t in tokens)


def _is_future(tokens) -> bool:
    """`число резидентов вырастет до 25`, `будут работать 40 компаний`: a count to come, not
    the park's count today."""
    return any(t.pos_ in {"VERB", "AUX"} and (t.morph.get("Tense") == ["Fut"] or t.lower_ in FUTURE_OF_BE)
               for t in tokens)


def _is_target(doc, span, clause) -> bool:
    """`а число резидентов — довести до 80`, `должно вырасти до 20`, `площадь собираются
    увеличить до 65 гектаров`: `до` a value after a verb in the infinitive in its clause is a
    target, not the value."""
    up_to = doc[span.start].lower_ == "до" or (span.start > 0 and doc[span.start - 1].lower_ == "до")
    return up_to and any(t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm") == ["Inf"] for t in clause)


FUTURE_OF_BE = {"буду", "будешь", "будет", "будем", "будете", "будут"}  # the tagger calls them present


def _until_break(tokens) -> list:
    """The words of a value's own clause: `занимает 40 га, вторая очередь …` stops at the comma."""
    for i, token in enumerate(tokens):
        if token.text in CLAUSE_BREAKS:
            return tokens[:i]
    return tokens


def _clause_before(doc, span) -> list:
    """Words from the start of the value's clause to the value: `По плану к 2028 году в
    технопарке разместятся до 30 компаний` is a plan however far back `плану` stands."""
    start = span.start
    while start > span.sent.start and doc[start - 1].text not in CLAUSE_BREAKS:
        start -= 1
    if start > span.sent.start + 1 and doc[start].lower_ in {"что", "чтобы"} and doc[start - 1].text == ",":
        start -= 1  # `В компании рассчитывают, что число резидентов вырастет до 25`: the main clause too
        while start > span.sent.start and doc[start - 1].text not in CLAUSE_BREAKS:
            start -= 1
    return [token for token in doc[start:span.start] if not token.is_space]


def _closeness(doc, mention: ParkMention, span) -> int:
    """0: the park is named in the value's sentence; 1: spoken of by kind there; 2: earlier."""
    if doc[mention.start].sent.start != span.sent.start:
        return 2
    return 1 if mention.rule == "kind_reference" else 0


def _attach_area(doc, mentions, parks, quantity, span) -> None:
    left, right = token_window(doc, span.start, span.end, 5, 3, span.sent)
    near = _with_buildings_owner(doc, left[-3:]) + _until_break(right)
    cues = {value_cues().get(lemma) for lemma in lemmas([t for t in near if not _former_owner_of_building(doc, t)])}
    clause = left + _clause_before(doc, span)
    # (`после расширения её площадь составила …`: no plan or extension, what it has grown to)
    reached = _reached(doc, span, clause)
    if not reached and ("not_area" in cues or _is_plan(clause) or _is_target(doc, span, clause)):
        return  # `площадь собираются увеличить до 65 гектаров`: a target
    if _allotted_plot(near, clause):
        return  # `Под него выделен участок в 7 га`: a resident's plot
    target = park_for(doc, mentions, span.start, span.end)
    if target is None or target.grouped and not _in_own_brackets(doc, target, span) or quantity.area is None \
            or is_inside_park(doc, span, target):
        return  # a size said of several parks together is none of theirs
    if _measures_owned(doc, target, span):
        return  # `Один из корпусов «Х» площадью 12 тыс. кв. м`: the size of what the park owns
    if _measures_other_named(doc, mentions, span):
        return  # `логистический центр «Толмачёво-Карго» площадью 32 га`: another thing's size
    buildings = [t for t in near if value_cues().get(t.lemma_.lower()) == BUILDING]
    if buildings and not buildings_are_park(doc, span, buildings, mentions):
        return
    area = whole_of_part(doc, span, quantity.area)
    if area is not None:
        parks[target.key].areas.append((REACHED if reached else _closeness(doc, target, span), area))
        add_evidence(doc, "park", span.start, span.end, "area", "area_near_park")


INCREMENT = "на"  # `расширение ещё на 60 гектаров`: by how much, not the size reached


OWNER_REACH = 3  # `корпусов бывшего моторного завода`: words from the building to whose it was


def _former_owner_of_building(doc, token) -> bool:
    """`пять корпусов бывшего моторного завода общей площадью 40 тыс. кв. м`: a plant in the
    genitive after buildings is whose they were, not the thing measured."""
    if token.morph.get("Case") != ["Gen"] or value_cues().get(token.lemma_.lower()) in {None, BUILDING}:
        return False  # (only a word that would say the value is no park's: `завода`)
    k = token.i - 1
    while k > token.i - 1 - OWNER_REACH and k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1
    return k >= 0 and value_cues().get(doc[k].lemma_.lower()) == BUILDING


def _with_buildings_owner(doc, words) -> list:
    """The words before a value, from the buildings whose former owner stands among them on."""
    owner = next((t for t in words if _former_owner_of_building(doc, t)), None)
    if owner is None:
        return list(words)
    k = owner.i - 1
    while doc[k].pos_ == "ADJ":
        k -= 1
    return [doc[k]] + [t for t in words if t.i > k]


def _reached(doc, span, clause) -> bool:
    """`площадь парка выросла до 86 га`, `После расширения её площадь составила 348 гектаров`:
    a growth verb (rules/area_reached_cues.txt) in the past, or its noun after `после` (not
    `территория вырастет до 212 гектаров`, a plan; not `заявку на расширение зоны до 450 гектаров`;
    not an increment, `на 40 га`)."""
    before = next((t for t in reversed(doc[span.sent.start:span.start]) if not t.is_space), None)
    if before is not None and before.lower_ == INCREMENT or any(_not_yet(t) for t in clause):
        return False
    for t in clause:
        if t.lemma_.lower() not in load_set("area_reached_cues.txt"):
            continue
        if t.pos_ in {"VERB", "AUX"} and t.morph.get("Tense") == ["Past"]:
            return True
        k = t.i - 1
        while k > span.sent.start and doc[k].pos_ == "ADJ":
            k -= 1  # `после прошлогоднего расширения`
        if t.pos_ == "NOUN" and k >= 0 and doc[k].lower_ == AFTER:
            return True
    return False


AFTER = "после"


def _not_yet(token) -> bool:
    """A verb of what is still to come: `вырастет`, `должна вырасти`."""
    return token.pos_ in {"VERB", "AUX"} and (token.morph.get("Tense") == ["Fut"] or token.morph.get("VerbForm") == ["Inf"]
                                              or token.morph.get("Tense") == ["Pres"] and token.morph.get("Aspect") == ["Perf"])


PLOT = "участок"


def _allotted_plot(near, clause) -> bool:
    """`выделен участок в 7 га`, `получила участок площадью 12 га`: a plot given to someone."""
    return PLOT in lemmas(near) and any(lemma in load_set("plot_allotment_verbs.txt") for lemma in lemmas(clause))


NAMED_SIZE_GAP = 2  # `«Толмачёво-Карго» площадью 32 га`, `«Х» на 32 га`


def _measures_other_named(doc, mentions, span) -> bool:
    """A size right after a quoted name that is no park's measures what that name names;
    not when the name is a genitive's (`три корпуса бывшего завода «Х» общей площадью …`
    measures the buildings)."""
    for quoted in quoted_spans(doc):
        if quoted.sent.start != span.sent.start or quoted.end > span.start or quoted.start < 2:
            continue
        if doc[quoted.start - 2].morph.get("Case") == ["Gen"]:
            continue
        between = [t for t in doc[quoted.end:span.start] if not (t.is_space or t.is_quote)]
        if len(between) <= NAMED_SIZE_GAP and not any(m.start <= quoted.start < m.end for m in mentions):
            return True
    return False


def _measures_owned(doc, target, span) -> bool:
    """A size right after a park that follows one of the things it owns measures that thing
    (`Один из корпусов «Х» площадью 12 тыс. кв. м`, `Второй корпус «Х» на 12 тыс. кв. м`,
    rules/one_building_words.txt), not the park (`помещений технопарка «Х» площадью …` is all
    of them: the park's size)."""
    between = [t for t in doc[target.end:span.start] if not t.is_space]
    owned = possessed_noun(doc, target, span.sent.start)
    if len(between) > 2 or owned is None:
        return False
    words = [t for t in doc[max(span.sent.start, owned - 2):owned] if not t.is_space]
    parts = load_set("part_words.txt") | load_set("one_building_words.txt")
    return bool(words) and (bool(word_lemmas(words[-1]) & parts)
                            or (len(words) == 2 and words[-1].lower_ == "из" and bool(word_lemmas(words[0]) & parts)))


THEM = "их"
COUNT_LOOKBACK = 14  # `число резидентов ОЭЗ ППТ «Миасс» выросло до шести`, `… технопарка «Бирюса» в Красноярске за 2024 год выросло с 51 до 64`


def _is_resident_count(doc, span) -> bool:
    """`27 резидентов`, `36 компаний-резидентов`; `разместились 15 предприятий`, `(18,5 га,
    шесть предприятий)`, `в ней три компании`; `число компаний … достигло 58`; not jobs."""
    noun = counted_noun(doc, span)
    if noun is None:
        return _is_count_of_residents(doc, span) or _answers_resident_question(doc, span)
    forms = word_lemmas(noun)
    cues = {value_cues().get(form) for form in forms} - {None}
    if cues:
        return cues == {"residents"}
    if not _is_resident_noun(forms):
        return False
    window = doc[max(span.sent.start, span.start - 6):min(span.sent.end, _past_restating(doc, span.end) + 6)]
    return any(word_lemmas(t) & load_set("resident_verbs.txt") for t in window) \
        or _in_brackets(doc, span) or _among_card_figures(doc, span) or _after_in_it(doc, span) or _is_count_of_residents(doc, span)


def _is_resident_noun(forms: set) -> bool:
    """`компания`, `предприятие`, and compounds ending in them: `сельхозпредприятие`."""
    return any(form.endswith(noun) for form in forms for noun in load_set("resident_nouns.txt"))


PARTNER_OPENERS = {",", ".", "!", "?", "—", "–", ":", "«", "вместе", "уже"}  # `вместе с двумя резидентами`


def _counts_partners(doc, span) -> bool:
    """`С двумя резидентами уже ведутся переговоры`, `вместе с двумя крупнейшими резидентами`,
    `соглашения с тремя якорными арендаторами`: `с` opening its clause or after a deal's noun
    counts partners (not `закончил год со 118 резидентами`)."""
    words = [t for t in doc[max(span.sent.start, span.start - 3):span.start] if not t.is_space]
    if not words or not _has_trap(words[-1:], "before"):
        return False
    return len(words) == 1 and words[0].i == span.sent.start or len(words) >= 2 and (
        words[-2].i < span.sent.start or words[-2].lower_ in PARTNER_OPENERS
        or bool(word_lemmas(words[-2]) & load_set("agreement_references.txt")))  # `соглашения с тремя арендаторами`


def _among_card_figures(doc, span) -> bool:
    """`«Джамбай», Джамбайский район — 24,5 га, 31 предприятие`, `«Сарань»: 180 га, 4 участника`:
    a count among the figures after a dash or a colon that follows a park's quoted name in its
    line."""
    words = [t for t in doc[span.sent.start:span.start] if not t.is_space]
    dash = next((k for k in range(len(words) - 1, -1, -1) if words[k].text in {"—", "–", ":"}), None)
    if dash is None or not any(t.text in {"»", "\""} for t in words[:dash]) \
            or words[dash].text == ":" and words[dash - 1].text not in {"»", "\""}:
        return False  # (a colon right after the name: `38 участников: 22 предприятия, …` lists a part)
    return all(t.text == "," or t.like_num or t.pos_ in {"NUM", "NOUN", "ADJ"} or t.text == "." for t in words[dash + 1:])


def _in_own_brackets(doc, target, span) -> bool:
    """`парках «Кстово-Восток» (212 га, Кстовский район) и «Борский» (78,5 га)`: a value in the
    brackets right after one of several parks named together is that park's own."""
    between = [t for t in doc[target.end:span.start] if not t.is_space]
    return target.end <= span.start and bool(between) and between[0].text == "(" \
        and not any(t.text in {")", "(", "«", "\""} for t in between[1:])


def _in_brackets(doc, span) -> bool:
    """`«Фергана-Текстиль» (18,5 га, шесть предприятий)`: a count in the park's brackets."""
    for token in reversed(list(doc[max(span.sent.start, span.start - 8):span.start])):
        if token.text == ")":
            return False
        if token.text == "(":
            return True
    return False


PREPOSITIONAL_PRONOUNS = {"нём", "нем", "ней"}  # `Сейчас в нём 26 компаний`: the tagger may take `нём` for a noun


def _after_in_it(doc, span) -> bool:
    """`в парке пять компаний`, `в ней три компании`, `в парке уже 12 инвесторов`, `в технопарке
    теперь 68 компаний`: the park, its kind or a pronoun for it, just before (an adverb aside)."""
    before = [t for t in doc[max(span.sent.start, span.start - 4):span.start] if not (t.is_space or t.pos_ == "ADV")]
    return len(before) >= 2 and before[-2].lemma_.lower() in {"в", "на"} and (
        before[-1].pos_ == "PRON" or before[-1].lower_ in PREPOSITIONAL_PRONOUNS or bool(word_lemmas(before[-1]) & GENERIC_REFERENCES)
        or match_kind(doc, before[-1].i) is not None)  # `Всего в технопарке теперь 68 компаний`


def _is_count_of_residents(doc, span) -> bool:
    """A bare number after `число/количество резидентов (компаний)` or after `резидентов`."""
    left, _ = token_window(doc, span.start, span.end, COUNT_LOOKBACK, 0, span.sent)
    words = [word_lemmas(t) for t in left]
    if any(value_cues().get(lemma) == "residents" for lemma in lemmas(left[-4:])):
        return True
    if left and left[-1].lower_ == THEM and (any("резидент" in forms for forms in words) or _residents_just_before(doc, span)):
        return True  # `Два года назад резидентами числились 11 компаний, сейчас их 19`, `… ещё два резидента. Теперь их 14`
    if _now_after_earlier(left):
        return True  # `резидентов было одиннадцать, сейчас — сорок два`
    if _count_after_noun(left):
        return True  # `участников 22`, `арендаторов сейчас 16`, `Предприятий в зоне двенадцать`
    # `число резидентов`, not `в том числе два производителя` (a part of them)
    counted = any(forms & {"число", "количество"} and not (k > 0 and left[k - 1].lower_ == "том")
                  for k, forms in enumerate(words))
    return counted and any(_is_resident_noun(forms) or "резидент" in forms for forms in words)


def _residents_just_before(doc, span) -> bool:
    """`В парке зарегистрированы ещё два резидента. Теперь их 14`: the sentence before a count of
    `их` that opens its own counts residents (not `Резиденты технопарка создали 300 рабочих мест`)."""
    sent = span.sent
    if sent.start == 0 or any(not (t.is_space or t.pos_ == "ADV") for t in doc[sent.start:span.start - 1]):
        return False
    return any("резидент" in word_lemmas(t) and _counted(doc, t) for t in doc[sent.start - 1].sent)


COUNT_AFTER_NOUN = 3  # `резидентов было уже 23`: words from the noun to its count


def _counted(doc, noun) -> bool:
    """A number before the noun, past its adjectives (`два новых резидента`), or a few words after
    it (`резидентов было уже 23`)."""
    i = noun.i - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    after = doc[noun.i + 1:min(noun.sent.end, noun.i + 1 + COUNT_AFTER_NOUN)]
    return i >= 0 and (doc[i].like_num or doc[i].pos_ == "NUM") or any(t.like_num for t in after)


INVERTED_REACH = 4  # `Участников у неё 34`: words from the counted noun to the number


def _count_after_noun(left) -> bool:
    """`участников 22`, `арендаторов сейчас 16`, `Предприятий в зоне двенадцать`: a number after
    a resident noun in the genitive plural, with only adverbs, prepositions and their words
    between, states how many there are."""
    # (`Резидентов у «Кулибина» 14`: the quotes of a name between are no punctuation)
    words = [t for t in left if not t.is_space and t.text not in QUOTE_TOKENS][-INVERTED_REACH:]
    for k in range(len(words) - 1, -1, -1):
        token = words[k]
        if token.pos_ in {"VERB", "AUX", "NUM", "PUNCT"} or token.like_num:
            return False
        if token.morph.get("Case") == ["Gen"] and token.morph.get("Number") == ["Plur"] \
                and (_is_resident_noun(word_lemmas(token)) or "резидент" in word_lemmas(token)):
            return all(t.pos_ in {"ADV", "ADP", "PRON", "NOUN", "PROPN"} for t in words[k + 1:])
    return False


NOW = {"сейчас", "теперь", "сегодня", "ныне"}
QUOTE_MARKS = {"»", "\""}
NOW_REACH = 3  # `, а сейчас уже —` between the earlier count and today's


def _now_after_earlier(left) -> bool:
    """`резидентов было одиннадцать, сейчас — сорок два`: today's count after an earlier one
    of residents in its sentence, the noun left out."""
    words = [t for t in left if not (t.is_space or t.is_punct)]
    now = next((k for k in range(len(words) - 1, max(-1, len(words) - 1 - NOW_REACH), -1)
                if words[k].lower_ in NOW), None)
    marks = [t for t in left if not t.is_space]
    if now is None and len(marks) > 1 and marks[-1].text in DASHES and marks[-2].text in QUOTE_MARKS:
        # `в ТОР «Хабаровск» работают 126 резидентов, в ТОР «Комсомольск» — 71`; the earlier
        # clause's time goes with it (`Годом ранее …, в «Y» — 66`, `может вырасти до 35, а «Y» — до 40`)
        if _has_trap(words, "past") or _is_plan(words) or _is_future(words) \
                or any(t.morph.get("VerbForm") == ["Inf"] for t in words):  # (`может`: a plan cue)
            return False
        now = len(words)
    if now is None:
        return False
    earlier = words[:now]
    return any(t.like_num for t in earlier) and any(
        "резидент" in word_lemmas(t) or _is_resident_noun(word_lemmas(t)) for t in earlier)


def _qualifier(doc, span, qualifier):
    """`выросло до шести` reaches six: `до` after a verb of growth is no upper bound."""
    before = doc[span.start - 1] if span.start > 0 else None
    if qualifier == "до" and before is not None and word_lemmas(before) & load_set("growth_verbs.txt"):
        return None
    return qualifier


def _attach_residents(doc, mentions, parks, quantity, span) -> None:
    if quantity.value != int(quantity.value) or quantity.value <= 0:
        return
    left, right = token_window(doc, span.start, span.end, 6, 4, span.sent)
    clause = ([] if _now_them(left) else left) + _clause_before(doc, span)
    if span.end < len(doc) and _is_ordinal(doc[span.end]):
        return  # `двадцать третьим резидентом`: part of an ordinal, no count
    if _is_part_of_count(clause) or _opens_part(right):
        return  # `41 резидент, из них 14 — с российским капиталом`, `из 31 резидента двадцать …`,
        # `17 резидентов, девять из них уже ведут …`
    # (`число участников превысит 35`: the verb is inside the quantity, as its qualifier)
    if not _is_resident_count(doc, span) or _is_plan(clause) or _is_future(clause + list(span) + _until_break(right)) \
            or _is_target(doc, span, clause) \
            or _has_trap(left[-3:] + right[:2], "near") or _has_trap(clause + _until_break(right), "clause") \
            or _counts_partners(doc, span):
        return
    target = park_for(doc, mentions, span.start, span.end) or _our_park(doc, mentions, left) \
        or (_most_named(mentions) if _answers_resident_question(doc, span) else None)
    if target is None or target.grouped and not _in_own_brackets(doc, target, span):
        return  # `в технопарках «А» и «Б» работают 40 компаний`: a count of both
    if parks[target.key].park.residents is not None and (_has_trap(left[-3:] + clause, "past")
                                                          or _was_in_month(left[-3:] + clause)):
        return  # `выросло до 31, годом ранее работали 20 компаний`, `…, в январе их было 24`:
        # today's count is given
    parks[target.key].park.residents = Residents(count=int(quantity.value),
                                                 qualifier=_qualifier(doc, span, quantity.qualifier))
    add_evidence(doc, "park", span.start, span.end, "residents", "count_of_residents")


def _now_them(left) -> bool:
    """`…, теперь их 14`: a count of today in a clause of its own, the words before the comma
    (`зарегистрированы ещё два резидента`) telling what was added, not what is planned."""
    words = [t for t in left if not t.is_space]
    return len(words) >= 3 and words[-1].lower_ == THEM and words[-2].lower_ in NOW and words[-3].text == ","


PART_OF = {"них", "которых"}  # `из них 14`, `из которых 14`


def _is_part_of_count(clause) -> bool:
    """A count after `из них` or after `из N …` in its clause is a part of the residents."""
    words = [t for t in clause if not t.is_punct]
    if len(words) >= 2 and words[-2].lower_ == "из" and words[-1].lower_ in PART_OF:
        return True
    return any(t.lower_ == "из" and k + 1 < len(words) and words[k + 1].like_num for k, t in enumerate(words[:-1]))


WAS = {"было", "были", "был", "была"}
THEIR = "их"


def _was_in_month(tokens) -> bool:
    """`в январе их было 24`: a month and a past `быть` date a count the pronoun refers back to
    (not `на 1 января было зарегистрировано 83 резидента`, a count of its own)."""
    words = {t.lower_ for t in tokens}
    return bool(words & WAS) and THEIR in words and any(word_lemmas(t) & load_set("month_names.txt") for t in tokens)


def _opens_part(right) -> bool:
    """`девять из них`, `пять из которых`: a count right before `из них` is a part of the residents."""
    words = [t.lower_ for t in right[:2]]
    return len(words) == 2 and words[0] == "из" and words[1] in PART_OF


def _is_ordinal(token) -> bool:
    return token.pos_ == "ADJ" and any("Anum" in p.tag for p in morph_analyzer().parse(token.text)[:1])


ORDINAL_DIGITS = re.compile(r"^(\d+)-(?:м|й|ым|им|ой|ом|го|му)$")  # `23-м`, `100-й`


def _attach_ordinal_residents(doc, mentions, parks) -> None:
    """`«Х» стал 23-м резидентом «Ханкайской»`: the newcomer's rank is the park's count, when the
    text gives no count of its own."""
    for token in doc:
        rank = _rank(doc, token)
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if rank is None or following is None or following.lemma_.lower() != RESIDENT \
                or following.morph.get("Number") == ["Plur"] or _is_future(doc[token.sent.start:token.i]):
            continue  # (`станет девятым резидентом`: not yet)
        target = park_for(doc, mentions, token.i, token.i + 2)
        if target is not None and not target.grouped and parks[target.key].park.residents is None:
            parks[target.key].park.residents = Residents(count=rank, qualifier=None)
            add_evidence(doc, "park", token.i, token.i + 2, "residents", "rank_of_newest_resident")


def _rank(doc, token) -> Optional[int]:
    """`23-м` → 23, `девятый` → 9, `двадцать третьим` (at `третьим`) → 23 (rules/ordinal_words.tsv)."""
    match = ORDINAL_DIGITS.match(token.text)
    if match is not None:
        return int(match.group(1))
    value = ordinal_values().get(token.lemma_.lower().replace("ё", "е"))
    if value is None:
        return None
    start = token.i
    while start > token.sent.start and doc[start - 1].pos_ == "NUM" and doc[start - 1].is_alpha:
        start -= 1
    tens = parse_number(doc[start:token.i].text) if start < token.i else None
    return value + int(tens or 0)


@lru_cache(maxsize=None)
def ordinal_values() -> Dict[str, int]:
    return {lemma.replace("ё", "е"): int(value) for lemma, value in load_table("ordinal_words.tsv", 2)}


RESIDENT = "резидент"
OUR = {"нас", "нам"}  # `— Сейчас у нас 34 резидента`: in an interview, the park the speaker runs


def _our_park(doc, mentions: List[ParkMention], left) -> Optional[ParkMention]:
    """The park an interview speaks of most, for a count said `у нас`."""
    if not mentions or not any(t.lower_ in OUR for t in left[-4:]):
        return None
    return _most_named(mentions)


def _answers_resident_question(doc, span) -> bool:
    """`— Сколько у вас резидентов?\n\n— Двадцать два.`: a number opening an answer to a
    question about residents."""
    words = [t for t in doc[span.sent.start:span.start] if not t.is_space]
    if len(words) > 1 or (words and words[0].text not in DASHES) or span.sent.start == 0:
        return False
    question = doc[span.sent.start - 1].sent
    marks = [t.text for t in question if not t.is_space]
    return bool(marks) and marks[-1] == "?" and any("резидент" in word_lemmas(t) for t in question)


def _most_named(mentions: List[ParkMention]) -> Optional[ParkMention]:
    if not mentions:
        return None
    counts = Counter(m.key for m in mentions)
    key = max(counts, key=counts.get)
    return next(m for m in mentions if m.key == key)


@Language.factory("park_extractor", assigns=["doc._.parks", "doc.spans"], requires=["doc.ents"])
def make_park_extractor(nlp, name):
    return ParkExtractor()
