"""Where a park is: the place the text gives next to one of its mentions.

After the name: `«Х» (Навоийская область)`, `«Х» в Елабуге`, `«Коканд» Ферганской области`,
`«Академпарк» из Новосибирска`, `под Димитровградом`, `расположенный в 15 км от Казани`,
`созданная в 2016 году на левобережье Ульяновска`; in brackets the most specific of an
address (`(Ульяновская область, г. Димитровград)`); before the kind, in the same clause:
`В Тимашевске Краснодарского края начал работу агропромышленный парк «Х»`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional

from ..models import morph_analyzer
from ..normalize import ADJECTIVE_ENDINGS, UD_CASES, UD_GENDERS, inflect_word, match_shape, phrase_nominative
from ..vocab import load_set, load_table
from .common import (CITY, DASHES, LEVEL_NOUNS, REGION_NOUNS, RELATIVE, SAME_NAMED, SOURCE_STARTS, add_evidence,
                     article_region, entities, entities_in, paragraph_start, word_lemmas)
from .park_mentions import match_kind
from .place_abbreviations import (DISTRICT, abbreviated_places, after_settlement_noun, dotted_place_nouns,
                                  place_abbreviations, written_out)
from .region_names import known_town
from .state_bodies import region_aliases

REACH = 7          # words after a name where its place may stand
REACH_AFTER_CUE = 16  # … and after `расположенный`, `созданная`, `размещается`
REACH_BEFORE = 8   # words between a place and the kind it comes before
PLACE_NOUN_WORDS = 3  # `в посёлке городского типа` between a preposition and the place
STOPS = {".", ";", "—", "–", "(", ")", "«", "»", "\"", ":"}
DOTTED_UNITS = {"тыс", "кв", "млн"}  # `площадью 12,5 тыс. кв. м в …`: nor the dots of a size's unit


def location_near(doc, m, mentions: List, first: bool) -> Optional[str]:
    """The place given for a park next to mention m. After a later mention a bare `в
    <country>` usually belongs to another noun (`проекты технополиса «Х» в Узбекистане`)."""
    sent = doc[m.start].sent
    # another park's mention bounds the reach; the same park's (`на площадке завода`) does not
    following = [other.start for other in mentions if other.start >= m.end and other.key != m.key]
    limit = min([sent.end, m.end + REACH_AFTER_CUE] + following)
    bracketed = _place_in_brackets(doc, m.end, limit)
    if bracketed is not None:
        return record_place(doc, bracketed, "place_in_brackets")
    end = _past_speaker_aside(doc, _past_apposition(doc, m), limit)
    same_named = _same_named_town(doc, m, limit)
    if same_named is not None:
        return same_named
    for place in places_in(doc, sent, end, limit):
        if not leads_to_place(doc, end, place):
            if qualifies_noun(doc, place) or _names_street(doc, place):
                continue  # `созданный корпорацией развития Омской области на окраине Омска`
            break
        name = phrase_nominative(place)
        if not first and name.lower() in load_set("countries.txt"):
            break
        if _shares_plural_noun(doc, place):  # `в Грязинском и Елецком районах`: sites in several places
            return _region_of_sites(doc, sent, place)
        return record_place(doc, _narrowest(doc, sent, place), "place_after_name")
    return _place_before(doc, m, mentions) or _place_of_subject(doc, m, mentions) or _city_named_before(doc, m, end, limit)


SPEAKER_ASIDE = 6  # words of a speaker's aside between its commas


def _past_speaker_aside(doc, end: int, limit: int) -> int:
    """`Индустриальный парк «Тобол», по словам министра, занимает 64 гектара на окраине
    Кургана`: past a speaker's aside (rules/speaker_openers.txt) right after the name."""
    words = [t for t in doc[end:limit] if not t.is_space]
    if len(words) < 4 or words[0].text != "," or words[1].lower_ not in SOURCE_STARTS \
            or not word_lemmas(words[2]) & load_set("speaker_openers.txt"):
        return end
    closing = next((t for t in words[3:SPEAKER_ASIDE + 3] if t.text == ","), None)
    return closing.i + 1 if closing is not None else end


SHARED_REACH = 8  # `в Михайловском, Черниговском и Спасском районах`: tokens to the shared noun


def _shares_plural_noun(doc, place) -> bool:
    """`в Грязинском и Елецком районах`: the place is one of adjectives sharing a plural place noun."""
    if not place[-1].lower_.endswith(ADJECTIVE_ENDINGS) or len(place) != 1:
        return False
    for token in doc[place.end:min(len(doc), place.end + SHARED_REACH)]:
        if token.text in {",", "и"} or token.pos_ == "ADJ" or token.ent_type_ == "LOC" and token.text[:1].isupper():
            continue
        return token.morph.get("Number") == ["Plur"] and bool(word_lemmas(token) & (LEVEL_NOUNS | TOWN_NOUNS))
    return False


def _region_of_sites(doc, sent, place) -> Optional[str]:
    """A zone with sites in several districts or towns is placed in their region (GUIDELINES):
    the one its sentence names, else the article's; None when neither is known."""
    regions = [ent for ent in entities_in(sent) if ent.label_ == "LOC" and specificity(phrase_nominative(ent)) == 1]
    if regions:
        return record_place(doc, regions[0], "region_of_sites")
    return article_region(doc)


SAME_NAMED_REACH = 10  # `«Хромтау», создана в 2021 году в одноимённом городе`: tokens from the name to `в`
SAME_NAMED_PREPOSITIONS = {"в", "во", "у", "под", "возле", "около", "близ"}  # `у одноимённой деревни`
PART_PREPOSITIONS = {"на"}  # `на окраине одноимённого города`: only before a part of the town
TOWN_NOUNS = {CITY, "наукоград", "моногород", "райцентр"}  # `в одноимённом наукограде`


def _same_named_town(doc, m, limit: int) -> Optional[str]:
    """`парк «Черняховск», расположенный в одноимённом городе`, `на окраине одноимённого города`: a
    town or village the park is named after (`город` or rules/settlement_nouns.txt), or a part of
    it, is the park's place, its name as the park's."""
    for token in doc[m.end:min(limit, m.end + SAME_NAMED_REACH)]:
        if token.lower_ not in SAME_NAMED_PREPOSITIONS | PART_PREPOSITIONS or token.i + 2 >= len(doc):
            continue
        k = token.i + 1  # (`на окраине одноимённого города`: past a part of the town)
        while k < min(token.i + 1 + PART_REACH, len(doc) - 1) \
                and (doc[k].pos_ == "ADJ" and doc[k].lemma_.lower() not in SAME_NAMED
                     or word_lemmas(doc[k]) & load_set("place_part_nouns.txt")):
            k += 1
        if token.lower_ not in SAME_NAMED_PREPOSITIONS and k == token.i + 1 or k + 1 >= len(doc):
            continue
        same, noun = doc[k], doc[k + 1]
        if same.lemma_.lower() in SAME_NAMED and word_lemmas(noun) & (load_set("settlement_nouns.txt") | TOWN_NOUNS):
            add_evidence(doc, "park", token.i, noun.i + 1, "location", "same_named_town")
            return m.name
    return None


PART_REACH = 3  # `на северной окраине города`: words from the place preposition to `города`
DATELINE_MIN = 3  # letters: a capitalised word longer is a dateline's city, not an abbreviation


def _city_named_before(doc, m, end: int, limit: int) -> Optional[str]:
    """`«Северная» на окраине города`, `в черте города`, `расположен на окраине города` after
    `Администрация города Заречного` or a dateline `АЛМАТЫ.`: a part of a bare `города` right
    after the name (past a verb of place) is in the last city the text named before it."""
    words = [t for t in doc[end:limit] if not t.is_space][:PART_REACH + 3]
    if words and word_lemmas(words[0]) & load_set("location_cues.txt"):
        words = words[1:]  # `«Плещеево» расположен на южной окраине города`
    words = words[:PART_REACH + 2]
    if not words or not word_lemmas(words[0]) & load_set("place_prepositions.txt"):
        return None
    town = next((k for k, t in enumerate(words[1:PART_REACH + 1], 1) if t.lemma_.lower() == CITY), None)
    if town is None or not any(word_lemmas(t) & load_set("place_part_nouns.txt") for t in words[1:town]) \
            or town + 1 < len(words) and (words[town + 1].ent_type_ == "LOC" or words[town + 1].text[:1].isupper()):
        return None  # `на окраине города Заречного`: named, read as a place
    cities = [ent for ent in entities(doc) if ent.label_ == "LOC" and ent.end <= m.start and ent.text[:1].isupper()
              and match_kind(doc, ent.start) is None  # (`Технопарк` opening a sentence, tagged a place)
              and _is_city(phrase_nominative(ent))]
    if not cities:
        return None
    name = record_place(doc, cities[-1], "place_of_bare_city")
    return name.title() if name.isupper() and len(name) > DATELINE_MIN else name  # a dateline's `АЛМАТЫ`


def _is_city(name: str) -> bool:
    """A city or town: neither a region nor a district."""
    return specificity(name) == 2 and not is_district(name)


APPOSITION_DASHES = {"—", "–", "-"}


def _past_apposition(doc, m) -> int:
    """`Ещё один индустриальный парк – «Ковылкинский» – проектируется в …`: a name set off by
    dashes goes on past the closing one."""
    after = next((t for t in doc[m.end:m.end + 2] if not t.is_space), None)
    if after is None or after.text not in APPOSITION_DASHES:
        return m.end
    opening = next((t.i for t in doc[m.start:m.end] if t.text in {"«", "\""}), m.start)  # `парк – «Х»` or `– «Х»`
    before = next((t for t in reversed(doc[max(0, opening - 3):opening]) if not t.is_space), None)
    return after.i + 1 if before is not None and before.text in APPOSITION_DASHES else m.end


def city_of_adjective(lemma: str, doc=None) -> Optional[str]:
    """`томский` → Томск, `казанский` → Казань: the place a city's adjective names
    (rules/city_adjective_endings.tsv), when the dictionary knows it as one; of several it knows
    (`самарский`: Самар, Самара), the one the text of `doc` names (_named_places), else the first."""
    candidates = city_candidates(lemma)
    if not candidates:
        return None
    named = _named_places(doc) if len(candidates) > 1 and doc is not None else frozenset()
    return next((c for c in candidates if c in named), candidates[0]).capitalize()


@lru_cache(maxsize=4096)
def city_candidates(lemma: str) -> tuple:
    found = []
    for ending, replacement in load_table("city_adjective_endings.tsv", 2):
        if not lemma.endswith(ending):
            continue
        candidate = lemma[:len(lemma) - len(ending)] + replacement.strip("-")
        if len(candidate) > 2 and candidate not in found and any(
                p.is_known and "Geox" in p.tag and "nomn" in p.tag and p.word == candidate
                for p in morph_analyzer().parse(candidate)):
            found.append(candidate)
    return tuple(found)


def _named_places(doc) -> frozenset:
    """The tagger's lemmas of the capitalised words of the text: the places it names (`в Самаре`
    → самара; not every reading, `Самары` may be a form of Самар too)."""
    return frozenset(t.lemma_.lower() for t in doc if t.text[:1].isupper())


EMPHATIC_PARTICLES = {"же"}


@lru_cache(maxsize=None)
def place_adjectives() -> Dict[str, str]:
    """`подмосковный` → Подмосковье (rules/place_adjectives.tsv)."""
    return dict(load_table("place_adjectives.tsv", 2))


def adjective_place(doc, m, placed: bool = False) -> Optional[str]:
    """`томским технопарком «Академический»`, `стерлитамакский технопарк «Х»`: a city's adjective
    right before the kind, for a park the text places nowhere else; a land's (`подмосковный` →
    Подмосковье, rules/place_adjectives.tsv) only for a park not `placed` at all."""
    i = m.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].lower_ in EMPHATIC_PARTICLES):
        i -= 1  # `пермский же технополис «Звёздный»`
    if i < 0 or doc[i].pos_ != "ADJ" or m.kind is None \
            or not (doc[i].text.islower() or _opens_sentence(doc, i) and _quoted_name(doc, m)):
        return None  # `Саратовский индустриальный парк` opening a paragraph may be the park's own name
        # (not `Томский технопарк «Кедроград»`, named in quotes)
    lemma = doc[i].lemma_.lower()
    land = place_adjectives().get(lemma)
    city = (land if not placed else None) if land else city_of_adjective(lemma, doc)
    if city is not None:
        add_evidence(doc, "park", i, i + 1, "location", "adjective_of_city")
    return city


def _opens_sentence(doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space and "\n" in doc[i - 1].text


def _quoted_name(doc, m) -> bool:
    """A park mention whose name stands in quotes after its kind."""
    return m.name_start > m.start and any(t.text in {"«", "\"", "„"} for t in doc[m.name_start - 1:m.name_start + 1])


def inner_place(doc, m) -> Optional[str]:
    """`индустриальный парк Калужской области «Ворсино»`: a place between the kind and the name."""
    places = [ent for ent in entities_in(doc[m.start + 1:m.name_start]) if ent.label_ == "LOC"
              and ent[0].morph.get("Case") == ["Gen"]]  # not a kind word the tagger took for one
    if not places:
        return None
    add_evidence(doc, "park", places[0].start, places[0].end, "location", "place_inside_mention")
    return phrase_nominative(places[0])  # the whole region: `Республики Башкортостан`


FRAME_PREPOSITIONS = {"в", "во"}


def paragraph_place(doc, m, under_heading: bool = True) -> Optional[str]:
    """`В Дзержинске ситуация схожая. Промышленный парк «Ольгино» …`: a paragraph that opens
    with a city or district after `в` frames the parks it names without a place of their own; so
    does a digest item's label (`Калужская область. …`), unless `в` and a place follow it, and
    a heading line (`Кузбасс`) over a paragraph, if `under_heading`."""
    start = _past_dateline(doc, paragraph_start(doc, m.start), m.start)
    words = [t for t in doc[start:m.start] if not t.is_space][:1]
    label = _place_label(doc, words[0]) if words else None
    if label is not None:  # `Калужская область. Минэкономразвития … в индустриальном парке «Х»`
        words = [t for t in doc[label.end + 1:m.start] if not t.is_space][:1]  # (`Мордовия. В Саранске …`)
        return _framing_place(doc, words, m) or record_place(doc, label, "place_of_paragraph")
    heading = _heading_label(doc, start) if under_heading else None
    if heading is not None and not _framing_place(doc, words, m):  # `Кузбасс\n\nНа выставке в … кластера «Х»`
        return record_place(doc, heading, "place_of_heading")
    return _framing_place(doc, words, m)


def _heading_label(doc, start: int):
    """A digest's heading line right before the paragraph at `start` that is a place and nothing
    else (`Чувашия`, `Липецкая область`), or None."""
    if start == 0:
        return None
    before = [t for t in doc[paragraph_start(doc, start - 1):start] if not t.is_space]
    if not before or before[0].i == 0:
        return None  # (not the headline)
    place = next((ent for ent in entities(doc) if ent.label_ == "LOC" and ent.start == before[0].i), None)
    if place is None and len(before) == 1 and _dictionary_place(before[0]):
        place = doc[before[0].i:before[0].i + 1]  # `Татарстан` the tagger joined to the line after
    return place if place is not None and place.end == before[-1].i + 1 else None


def _framing_place(doc, words, m) -> Optional[str]:
    """The city or district after `в` that opens a paragraph (`words`: its first word)."""
    if not words or words[0].lower_ not in FRAME_PREPOSITIONS:
        return None
    place = next((ent for ent in entities_in(words[0].sent) if ent.label_ == "LOC" and ent.start == words[0].i + 1), None)
    if place is None:
        return None
    name = phrase_nominative(most_specific_part(place))
    return record_place(doc, most_specific_part(place), "place_of_paragraph") if specificity(name) >= 1 else None


LABEL_ENDS = {".", ":", "—", "–"}  # `Калужская область.`, `Татарстан:` opening a digest's item


def _place_label(doc, first):
    """A place alone opening a paragraph as its label, closed by a dot, colon or dash (a news
    digest's item: `Тамбовская область. Индустриальный парк «Х» …`), or None."""
    if first.text.isupper():
        return None  # `ПЕРМЬ. Технопарк …`: a dateline, where the news was filed
    place = next((ent for ent in entities_in(first.sent) if ent.label_ == "LOC" and ent.start == first.i), None)
    after = next((t for t in doc[place.end:place.end + 2] if not t.is_space), None) if place is not None else None
    return place if after is not None and after.text in LABEL_ENDS else None


DATELINE_WORDS = 8  # `УФА, 18 сентября.`, `КУРГАН, 14 октября. /ТАСС/.`


def _past_dateline(doc, start: int, limit: int) -> int:
    """The start of a paragraph past its dateline (`УФА, 18 сентября. В Кармаскалинском районе …`):
    a first sentence of a few words opening with a word in capitals."""
    first = next((t for t in doc[start:limit] if not t.is_space), None)
    if first is None or not (first.text.isupper() and first.is_alpha and len(first.text) > 1):
        return start
    sent = first.sent
    return sent.end if sent.end < limit and len(sent) <= DATELINE_WORDS else start


def qualifies_noun(doc, place) -> bool:
    """A place in the genitive right after a common noun names whose that thing is
    (`корпорацией развития Омской области`, `при поддержке правительства Липецкой области`),
    not where the park is: a place further on may still be the park's."""
    before = place.start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or place[0].morph.get("Case") != ["Gen"]:
        return False
    noun = doc[before]
    return noun.pos_ == "NOUN" and noun.text.islower() and not word_lemmas(noun) & load_set("place_nouns.txt")


NARROWING_STEPS = 3  # `в Свердловской обл., в 12 км от Екатеринбурга, у пос. Монетный`


def _narrowest(doc, sent, place):
    """The place narrowed step by step (_narrowed) as far as the text goes."""
    for _ in range(NARROWING_STEPS):
        narrower = _narrowed(doc, sent, place)
        if narrower is place:
            break
        place = narrower
    return place


def _narrowed(doc, sent, place):
    """`в Узбекистане, в Самаркандской области`: a place narrowed by the next one after a
    comma and the same preposition (no comma after a part of a place: `на берегу Волги в Тутаеве`),
    past the region a district lies in (`… округа Вологодской области, вблизи посёлка …`) and past
    a river along the place (`в Усолье, на правом берегу Камы`); a village is narrower than a
    distance from a city."""
    words = [t for t in doc[_past_own_region(doc, place, sent.end):sent.end] if not t.is_space][:DISTANCE_WORDS + 2]
    if words and words[0].text == "." and place[-1].lower_ + "." in place_abbreviations():
        words = words[1:]  # `в Свердловской обл., в 12 км от Екатеринбурга`
    words = words[:DISTANCE_WORDS + 1]
    # (`на левом берегу Волги в Тутаеве`: after a part of a place no comma is needed)
    part_of = place.start > 0 and bool(word_lemmas(doc[place.start - 1]) & load_set("place_part_nouns.txt"))
    joined = part_of and bool(words) and words[0].text != ","
    linked = words if joined else words[1:] if words and words[0].text == "," else []  # from the preposition on
    if not linked or not word_lemmas(linked[0]) & load_set("place_prepositions.txt"):
        return place
    opening = linked[0].i + 1
    distance = _distance_to(linked)
    if distance is not None and after_settlement_noun(doc, place.start):
        return place  # `у посёлка Солонцы Емельяновского района, в 8 км от центра Красноярска`
    if distance is not None:  # `в Чуйской области, в 20 км от Бишкека`: near the city
        opening = distance
    part = opening
    while part < sent.end and (word_lemmas(doc[part]) & load_set("place_nouns.txt") or doc[part].pos_ == "ADJ"
                               or doc[part].text in dotted_place_nouns() and part + 1 < sent.end
                               and doc[part + 1].text == "."
                               or doc[part].text == "." and doc[part - 1].text in dotted_place_nouns()) \
            and not doc[part].ent_type_:
        part += 1  # `на левом берегу Иртыша, на северо-западной окраине Омска`: a part of the city
    named = any(word_lemmas(t) & load_set("place_part_nouns.txt") for t in doc[opening:part])
    if not joined and any(word_lemmas(t) & load_set("shore_nouns.txt") for t in doc[opening:part]):
        # `в Усолье, на правом берегу Камы`: the river along the town; a place after the river
        # narrows on (`в Омской области, на левом берегу Иртыша, на окраине Омска`)
        river = next((e for e in places_in(doc, sent, part, sent.end) if e.start == part), None)
        further = _narrowed(doc, sent, river) if river is not None else None
        return further if further is not None and further is not river else place
    # `в Калининском районе, у деревни Бурашево`: a settlement in the district, narrower
    settled = any(word_lemmas(t) & load_set("settlement_nouns.txt") for t in doc[opening:part]) \
        or after_settlement_noun(doc, part)  # `у пос. Монетный`
    after = [ent for ent in places_in(doc, sent, opening, part + 1) if ent.start == (part if named or settled else opening)]
    if not after:
        return place
    if settled:
        return after[0]
    narrower, wider = specificity(phrase_nominative(after[0])), specificity(phrase_nominative(place))
    if (narrower > wider or (named or joined and distance is None) and narrower == wider
            or is_district(phrase_nominative(after[0])) and not is_district(phrase_nominative(place))):
        return after[0]  # (`на левом берегу Енисея, в Октябрьском районе …`: the district, narrower)
    return place


def _past_own_region(doc, place, end: int) -> int:
    """Past a place in the genitive right after `place`, the region it lies in
    (`Шекснинского муниципального округа Вологодской области, вблизи …`)."""
    after = next((e for e in entities_in(doc[place.end:end]) if e.label_ == "LOC"), None)
    if after is not None and after.start == place.end and after[-1].morph.get("Case") == ["Gen"] \
            and specificity(phrase_nominative(after)) <= specificity(phrase_nominative(place)):
        return after.end
    return place.end


def is_district(name: str) -> bool:
    """`Октябрьский район`: a district, narrower than the city it lies in."""
    return name.lower().split()[-1:] == [DISTRICT]


DISTANCE_WORDS = 5  # `, в 20 км от` before the place


def _distance_to(words) -> Optional[int]:
    """`в 20 км от`: the token after `от` or `с` that follows a word of distance, or None."""
    return next((t.i + 1 for t in words if _ends_distance(t.doc, t.i)), None)


def _ends_distance(doc, i: int) -> bool:
    """`от` or `с` at token i closing a distance: `в 20 км от`."""
    return i >= 2 and bool(word_lemmas(doc[i]) & {"от", "с"}) \
        and bool(word_lemmas(doc[i - 1]) & load_set("proximity_words.txt")) and doc[i - 2].like_num


def record_place(doc, place, rule: str) -> str:
    place = most_specific_part(place)
    add_evidence(doc, "park", place.start, place.end, "location", rule)
    name = _settlement_name(doc, place) or _town_written_elsewhere(doc, place) or _tagged_adjective_town(place) \
        or phrase_nominative(place)
    return written_out(name) or name  # `Аксайском р-не` → Аксайский район


def _town_written_elsewhere(doc, place) -> Optional[str]:
    """`в Кстове`: Кстов or Кстово to the dictionary (or to its guesses, for a town it does not
    know: `Токмока`); the one the text writes out elsewhere, as a word or a part of a name
    (`технопарк «Кстово-Тех»`, `СЭЗ «Токмок-Ордо»`); None when it writes neither or both."""
    if len(place) != 1:
        return None
    case = UD_CASES.get((place[0].morph.get("Case") or [None])[0])  # (`под Богородском`: not Богородское)
    parses = [p for p in morph_analyzer().parse(place[0].text.lower())
              if p.tag.POS == "NOUN" and (case is None or case in p.tag)]
    towns = {p.normal_form for p in parses if "Geox" in p.tag.grammemes and p.is_known}
    guessed = not any(p.is_known for p in parses)
    if guessed:  # `мэрия Токмока`, a town the dictionary only guesses at
        towns = {p.normal_form for p in parses}
    if len(towns) < 2:
        return None
    # (a guess is checked against names' parts only: `Токмока` is written as a genitive too)
    words = {w.lower() for t in doc if t.is_alpha and not guessed or "-" in t.text for w in t.text.split("-")}
    written = [town for town in towns if town in words]
    return match_shape(written[0], place[0].text) if len(written) == 1 else None


def _tagged_adjective_town(place) -> Optional[str]:
    """`в Коврове`, a town the tagger read as an adjective though it has no adjective's ending:
    the dictionary's nominative (Ковров); None for other places (`в Березовском` is one)."""
    if len(place) != 1 or place[0].pos_ != "ADJ" or place[0].lower_.endswith(ADJECTIVE_ENDINGS):
        return None
    return known_town(place[0].text) or None


def _settlement_name(doc, place) -> Optional[str]:
    """`у станицы Роговской` → Роговская, `у села Никольского` → Никольское: a one-word name
    shaped as an adjective agrees with the settlement's noun before it."""
    noun = doc[place.start - 1] if place.start > 0 else None
    if noun is None or len(place) != 1 or not word_lemmas(noun) & load_set("settlement_nouns.txt") \
            or not place[0].text.lower().endswith(ADJECTIVE_ENDINGS):
        return None
    grammemes = morph_analyzer().parse(noun.lemma_.lower())[0].tag
    gender = UD_GENDERS.get(grammemes.gender)
    case = (noun.morph.get("Case") or [None])[0]
    agreeing = {grammemes.gender, UD_CASES.get(case)}  # (`у деревни Кривское` keeps its own form)
    if gender is None or not any(agreeing <= parse.tag.grammemes for parse in morph_analyzer().parse(place[0].text.lower())):
        return None
    return inflect_word(place[0].text, "ADJ", case, "Sing", gender)


def last_place_is_settlement(doc) -> bool:
    """Whether the place recorded last follows a settlement's noun (rules/settlement_nouns.txt:
    `у станицы Роговской`), narrower than the district it lies in."""
    spans = doc.spans["park"] if "park" in doc.spans else []
    last = next((span for span in reversed(spans) if span.label_ == "location"), None)
    return last is not None and after_settlement_noun(doc, last.start)


def most_specific_part(place):
    """`Белебее Республики Башкортостан` → `Белебее`, `Кстовского района Нижегородской
    области` → `Кстовского района`: a place named with the region it lies in."""
    for i in range(1, len(place)):
        token, before = place[i], place[i - 1]
        # (`Камские Поляны`: an adjective governs no genitive; but `Октябрьский Борского округа`
        # is a settlement and its district)
        opens_genitive = token.morph.get("Case") == ["Gen"] and before.morph.get("Case") not in (["Gen"], []) \
            and (not _dictionary_adjective(before) or _level_in_genitive(place[i:]))
        # (`Республика Татарстан`: a level noun opening the place is the place's own)
        after_level = i > 1 and before.lemma_.lower() in LEVEL_NOUNS and token.pos_ in {"ADJ", "PROPN"}
        if opens_genitive or after_level:
            return place[:i]
    return place


def _level_in_genitive(tokens) -> bool:
    """`Борского округа`, `Кстовского района`: an adjective and a level noun, both in the genitive."""
    return len(tokens) >= 2 and tokens[0].pos_ == "ADJ" and tokens[1].lemma_.lower() in LEVEL_NOUNS \
        and tokens[1].morph.get("Case") == ["Gen"]


def _dictionary_adjective(token) -> bool:
    """Whether the dictionary reads the word first as a full adjective (`Камские`), whatever the tagger said."""
    return morph_analyzer().parse(token.text.lower())[0].tag.POS == "ADJF"


def places_in(doc, sent, start: int, end: int) -> List:
    """LOC entities in [start, end) but streets (rules/street_nouns.txt), and names pymorphy3
    knows as places that NER missed."""
    places = [ent for ent in entities_in(sent) if ent.label_ == "LOC" and start <= ent.start < end
              and not any(word_lemmas(t) & load_set("street_nouns.txt") for t in ent)]  # `на Иркутском тракте`
    # a place the tagger called a person after a place preposition counts (`у Ессентуков`)
    taken = {i for ent in entities_in(sent) for i in range(ent.start, ent.end)
             if not (ent.label_ == "PER" and len(ent) == 1 and ent.start > 0
                     and word_lemmas(doc[ent.start - 1]) & load_set("place_prepositions.txt"))}
    for token in doc[start:end]:
        if token.i not in taken and not token.is_sent_start and _dictionary_place(token):
            places.append(doc[token.i:token.i + 1])
    places += [span for span in abbreviated_places(doc, start, end)
               if not any(place.start <= span.start < place.end for place in places)]
    return sorted(places, key=lambda span: span.start)


def _dictionary_place(token) -> bool:
    """A capitalised word pymorphy3 knows as a place name (Geox) in one of its two likeliest readings."""
    return token.text[:1].isupper() and any("Geox" in parse.tag for parse in morph_analyzer().parse(token.text)[:2])


def specificity(name: str) -> int:
    """0 a country, 1 a region (область, край, республика, округ; `Кузбасс`, `Татарстан`), 2 a
    city or district."""
    lower = (written_out(name) or name).lower()  # `Ульяновская обл.`: a region
    if lower in load_set("countries.txt"):
        return 0
    if set(lower.split()) & REGION_NOUNS or lower in load_set("republics.txt") or lower in region_aliases():
        return 1
    return 2


def _place_in_brackets(doc, start: int, limit: int):
    """`«Х» (Ульяновская область, г. Димитровград)`: an address in brackets right after
    the name gives its most specific place."""
    i = start
    while i < limit and doc[i].is_space:
        i += 1
    if i >= limit or doc[i].text != "(":
        return None
    close = next((j for j in range(i + 1, doc[i].sent.end) if doc[j].text == ")"), None)
    if close is None:
        return None
    places = places_in(doc, doc[i].sent, i + 1, close)
    if len(places) == 1:  # `(г. Краснокамск)`: one place after its place noun
        # `(212 га, Кстовский район)`: the place's own item of a bracketed card
        low = max([i] + [t.i for t in doc[i + 1:places[0].start] if t.text == ","])
        high = min([close] + [t.i for t in doc[places[0].end:close] if t.text == ","])
        rest = [t for t in doc[low + 1:high] if not (t.is_space or places[0].start <= t.i < places[0].end)]
        words = [word_lemmas(t) for t in rest]
        own_noun = any(word_lemmas(t) & load_set("place_nouns.txt") for t in places[0])  # `Кстовский район`
        return places[0] if (rest or own_noun) and _only_place_nouns(words, rest) else None
    if len(places) < 2:
        return None
    # (`Краснодарский край, Тимашевский р-н, ст. Медвёдовская`: the village in the district)
    return max(places, key=lambda place: _narrowness(doc, place))


def _narrowness(doc, place) -> tuple:
    """How narrow a place of an address is: its level, then a settlement, then a district."""
    name = phrase_nominative(place)
    return specificity(name), after_settlement_noun(doc, place.start), is_district(written_out(name) or "")


def _is_preposition(words: List[set], i: int) -> bool:
    """`в`, `на`, `под`, `из`, `вблизи`; `от`, `с` after a word of distance (`в 15 км от`)."""
    if words[i] & load_set("place_prepositions.txt"):
        return True
    if i > 2 and words[i] & {"от"} and words[i - 1] & load_set("compass_words.txt") and words[i - 2] & {"к"}:
        return bool(words[i - 3] & load_set("proximity_words.txt"))  # `в 60 км к северу от`
    return i > 0 and bool(words[i] & {"от", "с"}) and bool(words[i - 1] & load_set("proximity_words.txt"))


def leads_to_place(doc, start: int, ent) -> bool:
    """`(` alone, a genitive right after the name, or a preposition with at most place nouns
    after it (`в городе`, `на территории`), reached past a size or distance (`площадью 86
    га в`, `в 15 км от`) or past a cue of location (`расположенный`, `созданная в 2016 году на`)."""
    between = [t for t in doc[start:ent.start] if not t.is_space]
    if [t.text for t in between] == ["("]:
        return True
    if not between:
        return ent[-1].morph.get("Case") == ["Gen"]
    if len(between) > 3 and between[0].text in DASHES and between[1].lower_ == COPULA:
        between = between[2:]  # `Наша зона — это 530 гектаров в Карманинском районе`
    elif len(between) > 2 and between[0].text in DASHES and between[1].like_num:
        between = between[1:]  # `«Камбарка» — 58 гектаров у села Шолья`
    words = [word_lemmas(t) for t in between]
    prepositions = [i for i in range(len(between)) if _is_preposition(words, i)]
    if not prepositions:
        return _heading_place(doc, between, words, ent)
    last = prepositions[-1]
    if not _only_place_nouns(words[last + 1:], between[last + 1:]) or len(between) - last > PLACE_NOUN_WORDS + 1:
        return False
    head = between[:last]
    if [t.text for t in head] in (["—"], ["–"]):
        return True  # `Технопарк «Х» — в Набережных Челнах`
    if _site_phrase(words, head) or _street_phrase(words, head) or _road_phrase(words[:last], head):
        return True  # `на территории бывшего завода «Электрон» в …`, `на улице Окружной в Пензе`
    commas = [k for k, t in enumerate(head) if t.text == ","]
    relative = 1 if commas and commas[-1] + 1 < len(head) and head[commas[-1] + 1].lemma_.lower() == RELATIVE else 0
    if commas and not any(t.text in STOPS and not _dotted_noun(between, k) for k, t in enumerate(head)) \
            and len(head) - commas[-1] - relative <= 2 \
            and any(forms & load_set("location_cues.txt") for forms in words[commas[-1]:last]):
        return True  # `зона «Х» площадью 48 га, расположенная в городе …`, `…, который находится в …`
    if any(t.text in STOPS and not _dotted_noun(between, k) for k, t in enumerate(head)) \
            or any(t.text == "," for t in head[1:]):
        return False
    if any(forms & load_set("location_cues.txt") for forms in words[:last]):
        return True
    if [t.text for t in head] in ([], ["("], [","]) or _site_phrase(words, head):
        return True
    size = load_set("size_words.txt") | load_set("proximity_words.txt") | load_set("compass_words.txt") | {"к"}
    # `в 12 км от Твери`: a preposition before the distance belongs to it
    return all(t.like_num or forms & size or (k + 1 < len(head) and head[k + 1].like_num and _is_preposition(words, k))
               for k, (forms, t) in enumerate(zip(words[:last], head)))


COPULA = "это"  # `— это 530 гектаров в …`

SITE_WORDS = 6  # `на территории бывшего электролампового завода`


def _site_phrase(words: List[set], head) -> bool:
    """`на территории бывшего электролампового завода в …`, `на месте старых цехов в …`: a site
    (rules/site_nouns.txt) named by what stood there, between the name and the place; after a
    verb of place and its circumstances, and before a comma (`работает с 2019 года на землях
    бывшего совхоза «Давыдовский», у села …`)."""
    words = words[:len(head)]
    if len(head) > 2 and head[-1].text == ",":
        head, words = head[:-1], words[:-1]
    head, words = _without_quoted(head, words)  # (`на территории бывшего завода «Электрон» в …`)
    site = next((k for k in range(len(head) - 1) if _is_preposition(words, k) and words[k + 1] & load_set("site_nouns.txt")),
                None)
    if site is None or site > 0 and not (words[0] & load_set("location_cues.txt") and _only_circumstances(head[1:site])):
        return False
    head = head[site:]
    return 2 <= len(head) <= SITE_WORDS and all(t.pos_ in {"ADJ", "NOUN"} and t.is_alpha for t in head[1:])


STREET_WORDS = 5  # `на улице Маршала Жукова`, `на проспекте Ленина, 12`


def _street_phrase(words: List[set], head) -> bool:
    """`на улице Окружной в Пензе`, `на шоссе Космонавтов в Перми`: a street (rules/street_nouns.txt)
    and its name between the name and the place."""
    return 3 <= len(head) <= STREET_WORDS and _is_preposition(words, 0) and bool(words[1] & load_set("street_nouns.txt")) \
        and head[2].text[:1].isupper() and all(t.text[:1].isupper() or t.like_num or t.text == "," for t in head[2:])


def _road_phrase(words: List[set], head) -> bool:
    """`расположен на трассе Р-132 «Калуга — Тула», в 5 км от Венёва`, `находится на трассе М-3, у
    деревни Ерденево`: a road and its name (past a verb of place, its quoted name and a distance
    after it) between the name and the place."""
    road = next((k for k in range(1, len(head)) if words[k] & load_set("street_nouns.txt")), None)
    if road is None:
        return False
    # (`— находится на трассе`, `площадью 212 га расположен на трассе`: a verb of place, a size)
    lead = load_set("location_cues.txt") | load_set("size_words.txt")
    if not all(t.text in DASHES or t.like_num or forms & lead for t, forms in zip(head[:road - 1], words[:road - 1])):
        return False
    head, words = head[road - 1:], words[road - 1:]
    if len(head) > 3 and head[-2].like_num and words[-1] & load_set("proximity_words.txt") and _is_preposition(words, len(head) - 3):
        head, words = head[:-3], words[:-3]  # (`, в 5 км от`: the distance of the place after it)
    if not head or head[-1].text != ",":
        return False
    head, words = _without_quoted(head[:-1], words[:-1])
    return _street_phrase(words, head)


ROAD_NAME_WORDS = 8  # `на трассе Р-132 «Калуга — Тула — Михайлов — Рязань»`: words of a road's quoted name


def _names_street(doc, place) -> bool:
    """`на улице Окружной`: the place is a street's name after its noun; or a word of a road's
    quoted name (`на трассе М-3 «Украина»`)."""
    if place.start > 0 and word_lemmas(doc[place.start - 1]) & load_set("street_nouns.txt"):
        return True
    opening = next((t.i for t in reversed(doc[max(0, place.start - ROAD_NAME_WORDS):place.start])
                    if t.text in {"«", "\"", "»"}), None)
    if opening is None or doc[opening].text == "»":
        return False
    before = [t for t in doc[max(0, opening - 2):opening] if not t.is_space]
    return any(word_lemmas(t) & load_set("street_nouns.txt") for t in before)


def _without_quoted(tokens, words):
    """Tokens (and their lemma sets) without a quoted name closing them."""
    if len(tokens) > 2 and tokens[-1].text in {"»", "\""}:
        opening = next((k for k in range(len(tokens) - 2, 0, -1) if tokens[k].text in {"«", "\""}), None)
        if opening is not None:
            return tokens[:opening], words[:opening]
    return tokens, words


def _heading_place(doc, between, words: List[set], ent) -> bool:
    """`1. Индустриальный парк «Кубань-Север», Тихорецк` / `…, г. Лабинск` ending its line or
    before a dash and the card's figures: a list item's heading gives the park and its place after
    a comma."""
    if not between or between[0].text != "," or not _only_place_nouns(words[1:], between[1:]):
        return False
    following = next((t for t in doc[ent.end:ent.end + 2] if not (t.is_space and "\n" not in t.text)), None)
    # (or its card goes on after a dash: `Малая промышленная зона «Джамбай», Джамбайский район — 24,5 га`)
    return following is None or "\n" in following.text or following.text in {"—", "–"}


def _only_place_nouns(words: List[set], tokens) -> bool:
    """`в городе`, `на территории`, `на южной окраине`: place nouns after a preposition, an
    adjective before one."""
    return all(forms & load_set("place_nouns.txt") or t.text == "." or (t.pos_ == "ADJ" and k + 1 < len(tokens))
               or forms & INTENSIFIERS for k, (forms, t) in enumerate(zip(words, tokens)))


INTENSIFIERS = {"сам", "самый"}  # `расположен в самом Самарканде`


def _dotted_noun(tokens, k: int) -> bool:
    return tokens[k].text == "." and k > 0 and (tokens[k - 1].text.lower() in dotted_place_nouns()
                                                or tokens[k - 1].text.lower() in DOTTED_UNITS)


def headline_places(doc, references) -> List[tuple]:
    """(kind, place) of the headline's unnamed parks placed before their kind (`В Мичуринске
    создадут технопарк для …`): the place of the one park of that kind the article names."""
    found = []
    for ref in references:
        if ref.kind is None or ref.group or "\n" in doc[:ref.start].text:
            continue  # only the first line, a kind written out
        place = _place_before(doc, ref, [], IN_PREPOSITIONS | NEAR_PREPOSITIONS)
        if place is not None:
            found.append((ref.kind, place))
    return found


def place_near_before(doc, m, mentions: List) -> Optional[str]:
    """`Под Бийском работает агропромышленный парк «Х»`, `У села Засечное строится …`: a place
    near which the park lies, before the kind; weaker than any place the text gives it
    elsewhere (`Под Новосибирском появится парк «Х»` in a headline, `в Новосибирском районе` in
    the text)."""
    return _place_before(doc, m, mentions, NEAR_PREPOSITIONS)


IN_PREPOSITIONS = frozenset({"в", "во"})
SITE_PREPOSITIONS = IN_PREPOSITIONS | {"на"}  # `В пригороде Хабаровска`, `на территории технопарка`


def _place_before(doc, m, mentions: List, prepositions=IN_PREPOSITIONS) -> Optional[str]:
    """`В Пятигорске работает технопарк «Х»`, `В Буинском районе республики в прошлом
    месяце начал работу агропромышленный парк «Х»`: a place after `в`, then only a verb,
    time words, region nouns and a light object before the kind."""
    sent = doc[m.start].sent
    earlier = [other.end for other in mentions if other.end <= m.start]
    floor = max([sent.start] + earlier)
    ents = [e for e in entities_in(sent) if e.label_ == "LOC" and floor <= e.start and e.end <= m.start]
    for k in range(len(ents), max(0, len(ents) - 2), -1):  # (`…, вдоль Владивостокского шоссе, …`: a
        found = _place_led_to(doc, m, floor, ents[:k], prepositions)  # place in an aside: the one before it)
        if found is not None:
            return found
    return None


def _place_led_to(doc, m, floor: int, ents, prepositions) -> Optional[str]:
    ent, end = _chain_head(doc, ents)
    before = ent.start - 1
    while before > floor and doc[before].pos_ == "ADJ" and doc[before].text.islower():
        before -= 1  # `в соседнем Пятигорске`
    if before >= 0 and _ends_distance(doc, before):
        before -= 3  # `в 20 км от Хабаровска начал работу индустриальный парк «Х»`: near the city
    nouns = before
    while nouns > floor and (word_lemmas(doc[nouns]) & load_set("place_nouns.txt")
                             or (doc[nouns].pos_ == "ADJ" and doc[nouns].text.islower())):
        nouns -= 1  # `В пригороде Хабаровска`, `на северо-западной окраине Омска`
    led = nouns < before and doc[nouns].lemma_.lower() in SITE_PREPOSITIONS
    near = nouns < before and doc[nouns].lemma_.lower() in NEAR_PREPOSITIONS  # `У посёлка Октябрьский`
    preposition = "в" if led else doc[nouns].lemma_.lower() if near else doc[before].lemma_.lower() if before >= 0 else ""
    between = _without_aside([t for t in doc[end:m.start] if not t.is_space])
    opening = nouns if led or near else before
    if between and between[0].text == "," and opening > floor and doc[opening - 1].text == ",":
        between = between[1:]  # `На севере региона, в Тарском районе, началось строительство …`
    while between and between[-1].pos_ == "ADJ":
        between.pop()  # `строится вторая индустриальная зона`: the kind's own modifiers
    between = _without_dash_apposition(between)
    if [t.text for t in between[:1]] == [","] and _only_place_nouns([word_lemmas(t) for t in between[2:]], between[2:]) \
            and len(between) > 2 and between[1].lower_ in SITE_PREPOSITIONS:
        between = []  # `находится в Бердске, на территории технопарка «Х»`: the site within the town
    if preposition in prepositions and len(between) <= REACH_BEFORE and _only_circumstances(between):
        return record_place(doc, ent, "place_before_kind")
    return None


NEAR_PREPOSITIONS = frozenset({"под", "у", "около", "вблизи", "близ", "возле"})  # `Под Бийском работает …`


def _without_dash_apposition(tokens) -> list:
    """`строится ещё один проект — индустриальный парк`: a noun the kind stands in apposition to
    after a dash (with its adverbs, numerals and adjectives) is left out."""
    if not tokens or tokens[-1].text not in DASHES:
        return tokens
    k = len(tokens) - 2
    if k < 0 or tokens[k].pos_ != "NOUN":
        return tokens
    while k > 0 and tokens[k - 1].pos_ in {"ADJ", "NUM", "ADV", "DET"}:
        k -= 1
    return tokens[:k]


def _without_aside(tokens) -> list:
    """`В пригороде Хабаровска, вдоль Владивостокского шоссе, работает …`: an aside set off by
    commas right after the place, opened by a preposition and holding no verb, is left out."""
    if len(tokens) < 3 or tokens[0].text != "," or tokens[1].pos_ != "ADP":
        return tokens
    closing = next((k for k in range(2, len(tokens)) if tokens[k].text == ","), None)
    if closing is None or any(t.pos_ in {"VERB", "AUX"} for t in tokens[1:closing]):
        return tokens
    return tokens[closing + 1:]


def _place_of_subject(doc, m, mentions: List) -> Optional[str]:
    """`Технопарк «Х» открылся в 2019 году в здании бывшего завода на улице Пролетарской в
    Саранске`: a park that opens its sentence is where the sentence's one city after `в` is,
    however far, when no comma or other park stands between."""
    sent = doc[m.start].sent
    if any(not t.is_space for t in doc[sent.start:m.start]):
        return None
    stop = min([other.start for other in mentions if other.start >= m.end] + [sent.end])
    if any(t.text in {",", ";", ":", "—", "–"} for t in doc[m.end:stop]):
        return None
    cities = [ent for ent in entities_in(sent) if ent.label_ == "LOC" and m.end <= ent.start < stop
              and ent.start > 0 and doc[ent.start - 1].lower_ in {"в", "во"}
              and specificity(phrase_nominative(ent)) == 2 and not qualifies_noun(doc, ent)]
    return record_place(doc, cities[0], "place_of_subject") if len(cities) == 1 else None


def _chain_head(doc, ents):
    """`в Тимашевске Краснодарского края`: the first of places that follow each other, and
    the end of the last."""
    last = ents[-1]
    # `В Елабуге (Татарстан) открылся технопарк`: the region in brackets
    bracketed = last.end < len(doc) and doc[last.end].text == ")" and last.start > 0 \
        and doc[last.start - 1].text == "("
    head = last
    for ent in reversed(ents[:-1]):
        gap = [t.text for t in doc[ent.end:head.start] if not t.is_space]
        if bracketed and head is last and gap == ["("]:
            head = ent
            continue
        if gap or head[-1].morph.get("Case") != ["Gen"]:
            break
        head = ent
    return head, last.end + 1 if bracketed else last.end


def _only_circumstances(tokens) -> bool:
    """Verbs, adverbs, time phrases (`в прошлом месяце`), region nouns in the genitive
    (`республики`), and a noun object right after a verb (`начал работу`)."""
    times = load_set("time_nouns.txt")
    for k, t in enumerate(tokens):
        forms = word_lemmas(t)
        if t.pos_ in {"VERB", "AUX", "ADV", "PART"}:
            continue
        if t.pos_ == "NOUN" and (forms & times or forms & REGION_NOUNS):
            continue
        if t.pos_ == "NOUN" and k > 0 and tokens[k - 1].pos_ in {"VERB", "AUX"} \
                and (t.morph.get("Case") == ["Acc"] or forms & load_set("built_object_words.txt")):
            continue  # `начал работу`, `началось строительство`
        if t.pos_ in {"ADP", "ADJ", "NUM"} or t.like_num:
            rest = tokens[k + 1:]
            if any(word_lemmas(r) & times for r in rest[:3]):
                continue
        return False
    return True
