"""Who may be a party to an agreement: organisations, regions and persons in a sentence.

`соглашение между правительством Татарстана и компанией «Х»` gives LOC Татарстан
and ORG Х; `документ подписали глава региона Рустам Минниханов и генеральный
директор «Y» Иван Петров` gives PER and ORG parties. Places after a
preposition (`в Ташкенте`), events (`на выставке «ИННОПРОМ»`) and parks are
not parties.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Set, Tuple

from ..normalize import LATIN_NAME_CONNECTORS, inflect_word, is_cyrillic, is_latin_word, is_legal_form, person_name, strip_quotes
from ..models import morph_analyzer
from ..records import LOC, ORG, PER
from ..vocab import load_set, load_list, load_table
from .region_names import GENDERS
from .agreement_sides import keep_side_parties
from .agreement_witnesses import drop_witnesses
from .party_asides import drop_described
from .common import (AND, DASHES, PARTNER_PREPOSITIONS, QUOTE_TOKENS, REGION_NOUNS, WITH, PerDoc, coordinated_partner,
                     entities, entities_in, first_sign_verb, is_bullet, is_counted, is_source, names_a_side,
                     paragraph_start, quoted_spans, word_lemmas)
from .home_regions import home_region, region_adjectives
from .org_names import branch_parent_after, expand_abbreviation, is_short_name, org_name
from .park_mentions import match_kind, name_key
from .region_names import region_name, shared_noun_regions
from .state_bodies import state_body_spans

NOT_PARTY_PREPOSITIONS = {"в", "во", "на", "из", "о", "об", "по", "для", "к", "при", "от", "до", "за"}
ORG_NOUNS = {"компания", "предприятие", "холдинг", "группа", "корпорация", "концерн", "завод",
             "фирма", "банк", "фонд", "агентство", "общество", "объединение", "производитель",
             "госкорпорация", "министерство", "ассоциация", "университет", "институт"}


@dataclass
class Party:
    start: int
    end: int
    name: str
    type: str
    governed: bool = False  # a region named after `правительство`, `администрация`…


def _prev_word(doc, i: int, floor: int):
    i -= 1
    while i >= floor and (doc[i].is_space or doc[i].text in {"«", "\"", "„"} or doc[i].pos_ == "ADJ"):
        i -= 1
    return doc[i] if i >= floor else None


ROUTE_REACH = 6  # `на трассе Павлодар — Омск`: the route noun within this many tokens before a name


def _on_route(doc, start: int, floor: int) -> bool:
    """A name after a route or a site's part (rules/route_nouns.txt), past adjectives, quotes
    and the other end of a route (`трассе Павлодар — Омск`, `в секторе «Кричев»`)."""
    i = start - 1
    while i >= max(floor, start - ROUTE_REACH) and (doc[i].is_space or doc[i].text in {"«", "\"", "„", "—", "–", "-"}
                                                     or doc[i].pos_ == "ADJ" or doc[i].ent_type_ == "LOC"):
        i -= 1
    return i >= floor and bool(word_lemmas(doc[i]) & load_set("route_nouns.txt"))


def _introduced_by(doc, start: int, floor: int) -> Optional[str]:
    token = _prev_word(doc, start, floor)
    if token is None:
        return None
    if token.lemma_.lower() in ORG_NOUNS or token.text in {"ООО", "АО", "ПАО", "ОАО", "ЗАО"}:
        token = _prev_word(doc, token.i, floor) or token
    elif is_legal_form(token.text) and token.text.isupper():
        # `входящее в калининградскую ГК «Х»`: the word before the form and its describers
        token = _prev_word(doc, token.i, floor) or token
        while token.pos_ == "ADJ" and token.text.islower() and _prev_word(doc, token.i, floor) is not None:
            token = _prev_word(doc, token.i, floor)
    return token.lemma_.lower()


def _joined_to_thing(doc, start: int, floor: int) -> bool:
    """`по направлениям «Гидравлические машины» и «Мехатроника»`: a quoted name joined by `и` or a
    comma to a quoted thing (rules/object_nouns.txt) is one more of them."""
    joint = _prev_word(doc, start, floor)
    if joint is None or joint.lower_ not in {"и", ","} or joint.i - 1 <= floor or doc[joint.i - 1].text not in QUOTE_TOKENS:
        return False
    opening = next((t.i for t in reversed(doc[floor:joint.i - 1]) if t.text in QUOTE_TOKENS), None)
    return opening is not None and _introduced_by(doc, opening, floor) in load_set("object_nouns.txt")


SPEECH_ENDS = {",", "!", "?", "…", "."}


def is_direct_speech(doc, span) -> bool:
    """`«Это важный проект для региона», — сказал …`, `…: «Мы готовы…»`: words quoted as said,
    not a name: a quote opening its sentence is closed before a dash and a speech verb (not
    `с «Камазом» — крупнейшим производителем`, `с «Камазом», — сообщил …`), or a colon stands
    before the opening quote."""
    opening = doc[span.start - 1]
    # (after `$38 млн.`, a dot the sentence splitter took for an abbreviation's, a sentence starts)
    if not (opening.is_sent_start or doc[opening.i - 1].is_space or doc[opening.i - 1].text in DASHES
            or doc[opening.i - 1].text.endswith((".", "!", "?"))):
        return _after_colon(doc, span)  # `с «Камазом», — сообщил …`: a name inside the clause
    after = [t for t in doc[span.end + 1:span.end + 7] if not t.is_space]
    if after and after[0].text in SPEECH_ENDS:
        after = after[1:]
    if after and after[0].text in DASHES \
            and any(t.lemma_.lower() in load_set("speech_verbs.txt") for t in after[1:4]):
        return True
    return _after_colon(doc, span)


def _after_colon(doc, span) -> bool:
    """`…: «Мы готовы…»`, not a name that opens the clause after a colon (`Оператор не остался
    без новостей: «ЛенИндустрия» подписала …`, `…: «Исетские композиты» и ТОО «Х» подписали`)."""
    before = [t for t in doc[max(0, span.start - 3):span.start - 1] if not t.is_space]
    after = next((t for t in doc[span.end + 1:span.end + 3] if not t.is_space), None)
    if after is not None and (after.pos_ in {"VERB", "AUX"} or after.lower_ == "и") and len(span) <= NAME_WORDS:
        return False  # (`…: «Исетские композиты» и ТОО «Х» подписали …`: two names)
    return bool(before) and before[-1].text == ":"


NAME_WORDS = 4  # a quote this short with a verb right after it is a name, not words said


def is_dateline(doc, start: int, end: int) -> bool:
    """`ГРОДНО, 3 сентября —`, a line opening `Тула, 3 июня 2025 г. — ПАО «Х» …`: a place in capitals,
    or one opening its line, before a date is where the news was filed."""
    words = [t for t in doc[start:end] if t.is_alpha]
    in_capitals = all(t.text.isupper() and len(t.text) > 1 for t in words)
    if not words or not (in_capitals or paragraph_start(doc, start) == start):
        return False
    after = [t for t in doc[end:end + 4] if not t.is_space]
    return len(after) >= 3 and after[0].text == "," and after[1].like_num \
        and bool(word_lemmas(after[2]) & load_set("month_names.txt"))


LABEL_ASIDE = 8  # tokens of a bracketed aside after a speaker label


def is_speaker_label(doc, start: int, end: int) -> bool:
    """`КОРРЕСПОНДЕНТ:`, `ВЕДУЩАЯ (Ольга Сафина):`, `«Вестник»:` (the paper asking) opening a line of
    a transcript: who speaks, not a name."""
    words = [t for t in doc[start:end] if t.is_alpha]
    quoted = end - start > 2 and doc[start].text in QUOTE_TOKENS and doc[end - 1].text in QUOTE_TOKENS
    if not words or not (quoted or all(t.text.isupper() and len(t.text) > 1 for t in words)):
        return False
    after = next((t for t in doc[end:end + 2] if not t.is_space), None)
    if after is not None and after.text == "(":  # `(Ольга Сафина)`, `(синхрон)` before the colon
        closing = next((t for t in doc[after.i:after.i + LABEL_ASIDE] if t.text == ")"), None)
        after = next((t for t in doc[closing.i + 1:closing.i + 3] if not t.is_space), None) if closing else None
    return after is not None and after.text == ":" and (paragraph_start(doc, start) == start or doc[start - 1].is_space)


STAMP_REACH = 60  # tokens from the article's start: a title, a dateline, the stamp


def is_agency_stamp(doc, start: int, end: int) -> bool:
    """`КАРАГАНДА. 3 октября. ИНТЕРФАКС-КАЗАХСТАН –`, `/ТАСС/`: the agency that filed the news,
    in capitals between slashes or before a dash, where an article opens."""
    if start > STAMP_REACH:
        return False
    before = doc[start - 1] if start > 0 else None
    after = next((t.text for t in doc[end:end + 2] if not t.is_space), "")
    if before is not None and before.text == "/" and after == "/":
        return True  # `/ТАСС/`, `/Интерфакс-Сибирь/`
    words = [t for t in doc[start:end] if any(char.isalpha() for char in t.text)]
    if not words or not all(t.text.isupper() and len(t.text) > 1 for t in words):
        return False
    return after in DASHES and (before is None or before.text == "." or before.is_space)


def is_outlet_line(doc, start: int, end: int) -> bool:
    """`Заголовок\n\n«Деловой Курск»\n\nОпределён подрядчик …`: a quoted name alone on the line
    right under the headline is the outlet the news comes from."""
    first_break = doc.text.find("\n")
    if first_break < 0 or doc[start].idx <= first_break:
        return False
    line_start = doc.text.rfind("\n", 0, doc[start].idx) + 1
    line_end = doc.text.find("\n", doc[end - 1].idx)
    line_end = len(doc.text) if line_end < 0 else line_end
    line = doc.text[line_start:line_end].strip()
    return not doc.text[first_break:line_start].strip() and line == doc[start:end].text.strip()


def is_event(doc, start: int, end: int, floor: int) -> bool:
    """`на выставке «ИННОПРОМ»`, `Ярославский инвестфорум`, `ПМЭФ`: an event, not a party."""
    text = strip_quotes(doc[start:end].text)
    if any(text.startswith(name) for name in load_list("event_names.txt")):
        return True
    before = _prev_word(doc, start, floor)
    if before is not None and is_legal_form(before.text):
        return False  # `На полях форума АО «Корпорация развития …»`: an event has no legal form
    if doc[start].lemma_.lower() in ORG_NOUNS or any(
            word_lemmas(t) & load_set("bare_org_heads.txt") for t in doc[start:end] if t.text.islower()):
        return False  # `на полях форума Министерство промышленности …`, `на форуме Мичуринский … университет`
    full = expand_abbreviation(doc, text)
    if full != text and not any(_is_event_word(word) for word in full.split()):
        return False  # `на форуме КРДВ заключила`: КРДВ the text defined as a corporation
    words = [t.lemma_.lower() for t in doc[max(floor, start - 3):end]]
    return any(word in load_set("event_nouns.txt") or word.endswith(("форум", "forum")) for word in words)


def _is_event_word(word: str) -> bool:
    """`форума`, `выставка`, `Forum`: a word of rules/event_nouns.txt in any form."""
    forms = {p.normal_form for p in morph_analyzer().parse(strip_quotes(word).lower())}
    return bool(forms & load_set("event_nouns.txt")) or any(form.endswith(("форум", "forum")) for form in forms)


NESTED_WORDS = 3  # `«Самарский литейный завод «Волга-Алюминий»`: words between an outer opening quote and an inner one


def _nested_opening(doc, span, floor: int) -> Optional[int]:
    """The outer opening quote of a name that holds this quoted one (`«Корпорация «МСП»`,
    `ООО «Самарский литейный завод «Волга-Алюминий»`, one closing quote for both, as news writes
    it), its first word capitalised; not a park's kind (`«ОЭЗ ППТ «Узловая»`)."""
    i = span.start - 2  # the word before the inner opening quote
    words, capitalised = 0, True
    while i > floor and words < NESTED_WORDS and doc[i].is_alpha:
        capitalised = capitalised and doc[i].text[:1].isupper()
        i, words = i - 1, words + 1
    if not words or i < floor or doc[i].text != "«" or not doc[i + 1].text[:1].isupper() \
            or match_kind(doc, i + 1) is not None:
        return None
    # (`«Наш агропромышленный парк «Кубанская житница» …»`: a quoted speech, unless a legal form opens it)
    return i if capitalised or i > 0 and is_legal_form(doc[i - 1].text) else None


def sentence_parties(doc, sent, excluded: Set[int], sign: bool) -> List[Party]:
    """Parties named in a sentence; `excluded` are token indices of parks spoken of as places."""
    parties: List[Party] = []
    covered: Set[int] = set(excluded) | _aliases(doc, sent)
    _add_region_bodies(doc, sent, parties, covered)
    _add_bare_region_bodies(doc, sent, parties, covered)
    _add_home_region(doc, sent, parties, covered, sign)
    for start, end in headed_names(doc, sent):
        if not covered.intersection(range(start, end)):
            _add_org(doc, sent, parties, covered, start, end, doc[start:end])
    for start, end, name in state_body_spans(doc, sent):
        if start not in covered:
            _add_org(doc, sent, parties, covered, start, end, doc[start:end], name)
    for start, end in latin_names(doc, sent):
        if not covered.intersection(range(start, end)):
            _add_org(doc, sent, parties, covered, start, end, doc[start:end])
    for span in quoted_spans(doc):
        if sent.start <= span.start and span.end <= sent.end and span.start not in covered:
            if is_direct_speech(doc, span):
                covered.update(range(span.start - 1, span.end + 1))
                continue
            outer = _nested_opening(doc, span, sent.start)
            if outer is not None:  # `АО «Корпорация «МСП»`: the whole name
                _add_org(doc, sent, parties, covered, outer, span.end + 1, doc[outer:span.end + 1])
            else:
                _add_org(doc, sent, parties, covered, span.start - 1, span.end + 1, span)
    _add_defined_abbreviations(doc, sent, parties, covered)
    for ent in entities_in(sent):
        if covered.intersection(range(ent.start, ent.end)):
            continue
        if ent.label_ == "ORG":
            span = with_place(doc, ent) if ent[-1].text not in QUOTE_TOKENS else ent
            covered.update(range(span.start, span.end))
            _add_org(doc, sent, parties, covered, span.start, span.end, span)
        elif ent.label_ == "LOC":
            _add_region(doc, sent, parties, covered, ent, sign)
        elif ent.label_ == "PER" and len(ent) == 1 and ent.start > sent.start and is_government(doc[ent.start - 1]):
            # `хокимият Каттакургана`: a town the tagger took for a name
            covered.add(ent.start)
            parties.append(Party(ent.start, ent.end, inflect_word(ent.text, "PROPN", None, "Sing", place=True),
                                 LOC, governed=True))
        elif ent.label_ == "PER" and sign and not _is_speaker(doc, ent) and not _is_address(doc, ent, sent) \
                and not all(is_government(t) for t in ent) and _is_person(doc, ent):
            parties.append(Party(ent.start, ent.end, person_name(ent), PER))
    parties = drop_described(doc, sent, drop_witnesses(doc, sent, keep_side_parties(doc, sent, parties)))
    return _without_counted(doc, _without_addresses(sorted(parties, key=lambda party: party.start)))


def _add_defined_abbreviations(doc, sent, parties, covered) -> None:
    """`…, КРДВ, которая …, заключила`: an abbreviation the text defined in brackets after an
    organisation's full name (`Корпорация развития Дальнего Востока и Арктики (КРДВ)`) is that
    organisation wherever it stands, tagged or not (tagged a place too: `НКР заключила …`)."""
    for token in sent:
        if token.i in covered or token.ent_type_ not in {"", "LOC"} or not is_short_name(token.text) \
                or (token.i > 0 and doc[token.i - 1].text == "("):
            continue
        full = expand_abbreviation(doc, token.text)
        if full != token.text:
            covered.add(token.i)
            parties.append(Party(token.i, token.i + 1, full, ORG))


def _without_addresses(parties: List[Party]) -> List[Party]:
    """`Администрация Тосненского района Ленинградской области`: a place right after another
    place (no word between) only says where that one is; it signs nothing of its own."""
    kept: List[Party] = []
    for party in parties:
        if party.type == LOC and kept and kept[-1].type == LOC and kept[-1].end == party.start > kept[-1].start:
            continue
        kept.append(party)
    return kept


def _without_counted(doc, parties: List[Party]) -> List[Party]:
    """`Два министерства Узбекистана и Jiangsu Sunway подписали …`: a counted body is several,
    named elsewhere; it is no party of its own."""
    return [p for p in parties if not (p.type == ORG and p.end > p.start and _counted_body(doc, p.start))]


def _counted_body(doc, i: int) -> bool:
    return doc[i].lemma_.lower() in load_set("state_body_nouns.txt") and is_counted(doc, i)


_names_written = PerDoc()


def names_written(doc) -> List[Tuple[str, str]]:
    """(name, type) of each place and organisation the text names, an organisation with the
    region after it (`Корпорация развития` + `Республики Дагестан`); none with a bracketed alias.
    Read once per doc (the parks' operators and the agreements' parties both ask)."""
    memo = _names_written(doc)
    if "names" not in memo:
        memo["names"] = _names_in(doc)
    return memo["names"]


def _names_in(doc) -> List[Tuple[str, str]]:
    found = []
    for ent in entities(doc):
        span = with_place(doc, ent) if ent.label_ == ORG else ent
        if ent.label_ in (LOC, ORG) and not any(t.text in {"(", ")"} for t in doc[span.start:min(len(doc), span.end + 1)]):
            found.append((region_name(ent) if ent.label_ == LOC else org_name(span), ent.label_))
    return found


def with_place(doc, ent):
    """`Министерство промышленности и строительства` + `Республики Казахстан`, `Центр поддержки
    экспорта` + `Курской области`: a region in the genitive right after an organisation's
    name is part of it; so is the parent of a branch (`Набережночелнинский институт` +
    `Казанского федерального университета`, rules/branch_heads.txt); a company's regional branch
    is the company alone (`Волго-Вятского банка` + `ПАО Сбербанк`, branch_parent_after)."""
    parent = branch_parent_after(doc, ent)
    if parent is not None:
        return parent  # `Волго-Вятского банка` + `ПАО Сбербанк`: the branch signs as the company
    following = next((e for e in entities(doc) if e.start == ent.end and e.label_ in ("LOC", "ORG")), None)
    if following is None or following[0].morph.get("Case") != ["Gen"]:
        return ent
    if following.label_ == "ORG" and not any(word_lemmas(t) & load_set("branch_heads.txt") for t in ent):
        return ent
    return doc[ent.start:following.end]


def _latin_word(token) -> bool:
    """A word in Latin letters, Turkish and German ones included (`Yıldız`, `Kessler`), not one letter."""
    return len(token.text) > 1 and is_latin_word(token.text)


# what joins the words of a Latin name: `Özdemir Tekstil Sanayi ve Ticaret`, `Smith and Sons`
LATIN_JOINS = LATIN_NAME_CONNECTORS | {"-", ","}


def latin_names(doc, sent):
    """(start, end) of company names in Latin letters NER left untagged, after a company noun,
    an adjective or a partner's preposition (`Компания Al Noor Industrial Holding L.L.C. из ОАЭ`,
    `с немецкой Kessler Verpackung GmbH`, `С Xinjiang Tianrun Chemical мы подписали`)."""
    i = sent.start
    while i < sent.end:
        if not _latin_word(doc[i]) or doc[i].ent_type_ or i == sent.start:
            i += 1
            continue
        before = doc[i - 1]
        end = i
        while end < sent.end and (_latin_word(doc[end]) or doc[end].text in LATIN_JOINS and end + 1 < sent.end
                                  and _latin_word(doc[end + 1])) and not doc[end].ent_type_:
            end += 1
        if before.lemma_.lower() in ORG_NOUNS or before.pos_ == "ADJ" or _org_noun_governs(doc, i, sent.start) \
                or _joined_to_name(doc, i, sent.start) \
                or before.lower_ in PARTNER_PREPOSITIONS and not all(t.text.isupper() for t in sent if t.is_alpha):
            # (`МЕМОРАНДУМ С ERMAK BORU`: a heading in capitals, told again below)
            yield i, end
        i = end


def _joined_to_name(doc, i: int, floor: int) -> bool:
    """`ООО «Сибагромаш» и Henan Dongfang Agricultural Equipment Co., Ltd.`: a Latin name joined
    by `и` or a comma to an organisation's name."""
    if i - 2 < floor or doc[i - 1].lower_ not in {"и", ","}:
        return False
    last = doc[i - 2]
    return last.text in {"»", "\""} or last.ent_type_ == "ORG"


GENITIVE_REACH = 3  # `производителем полимерной плёнки Ashok Polymers`


def _org_noun_governs(doc, i: int, floor: int) -> bool:
    """A company noun and its genitive words right before token i (`с индийским
    производителем полимерной плёнки Ashok Polymers`)."""
    j = i - 1
    while j > floor and i - j <= GENITIVE_REACH and doc[j].pos_ in {"NOUN", "ADJ"} \
            and doc[j].morph.get("Case") == ["Gen"] and doc[j].lemma_.lower() not in ORG_NOUNS:
        j -= 1
    return j < i - 1 and doc[j].lemma_.lower() in ORG_NOUNS


HEAD_GENITIVES = 3  # `корпорация развития`, `фонд поддержки технологического предпринимательства`


def headed_names(doc, sent):
    """(start, end) of unquoted organisation names of a head noun (rules/operator_org_heads.txt),
    a genitive noun or two and a place: `корпорацией развития Омской области`, `Корпорация
    развития Республики Башкортостан` (when NER tags no place), `Корпорации развития
    Среднего Урала и Пермского края`."""
    places = {ent.start: ent for ent in entities_in(sent) if ent.label_ == "LOC"}
    for token in sent:
        if token.lemma_.lower() not in load_set("operator_org_heads.txt"):
            continue
        i = token.i + 1
        while i < sent.end and i - token.i <= HEAD_GENITIVES and i not in places \
                and doc[i].pos_ in {"NOUN", "ADJ"} and doc[i].morph.get("Case") == ["Gen"] \
                and not doc[i].text[:1].isupper():
            i += 1
        if i == token.i + 1:
            continue
        end = _place_end(doc, sent, i, places)
        if end is None:
            continue
        if end + 1 < sent.end and doc[end].lower_ == "и" and not is_legal_form(doc[end + 1].text) \
                and doc[end + 1].lemma_.lower() not in load_set("operator_org_heads.txt"):  # `и Фонда развития …`
            end = _place_end(doc, sent, end + 1, places) or end  # `и Пермского края`, `и Арктики`
        start = token.i
        while start - 1 >= sent.start and doc[start - 1].pos_ == "ADJ" and doc[start - 1].text[:1].isupper():
            start -= 1  # `Торгово-промышленной палатой провинции Шаньдун`
        yield start, end


def _place_end(doc, sent, i: int, places) -> Optional[int]:
    """The end of the place starting at token i: a LOC entity, else capitalised genitive words
    with a region noun after an adjective (`Республики Башкортостан`, `Пермского края`)."""
    if i >= sent.end:
        return None
    if i in places:
        return places[i].end
    if doc[i].morph.get("Case") != ["Gen"]:
        return None
    end = i
    # a name after `Республики` may be tagged in any case (`Башкортостан`)
    while end < sent.end and end - i < 3 and doc[end].ent_type_ != "PER" and (
            doc[end].text[:1].isupper() and doc[end].pos_ in {"PROPN", "ADJ", "NOUN"}
            or (end > i and doc[end - 1].pos_ == "ADJ" and doc[end].lemma_.lower() in REGION_NOUNS)):
        end += 1  # (not into `… Арктики Антон Белозёров`, the person after the name)
    return end if end > i and doc[end - 1].pos_ != "ADJ" else None


def _add_org(doc, sent, parties, covered, start, end, span, name: Optional[str] = None) -> None:
    covered.update(range(start, end))
    if all(t.pos_ == "ADJ" or t.is_punct for t in span) and doc[start].text not in QUOTE_TOKENS:
        return  # `Омская группа …`: NER took the adjective for an organisation (not `«Обской»`)
    if all(is_government(t) for t in span if not t.is_punct):
        return  # `Акимат` alone before `Костанайской области`: the region signs
    if doc[start].text in QUOTE_TOKENS and start + 1 < end and doc[start + 1].text[:1].islower() \
            and is_cyrillic(doc[start + 1].text):
        return  # `назвал Урал «естественным партнёром индийского машиностроения»`: words quoted
    if doc[start].text in QUOTE_TOKENS and any(t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Fin"] and _may_be_verb(t)
                                               for t in doc[start + 1:end]):
        return  # `«Резиденты приходят к нам за инженерами»: директор …`: a quote of speech (not
        # `«Копейский завод гидроцилиндров»`, a noun the tagger read as a verb)
    inner = [t for t in doc[start:end] if t.is_alpha]
    if doc[start].text in QUOTE_TOKENS and inner and inner[-1].pos_ == "ADP":
        return  # `"Годом ранее в "Хабаровске"…`: straight quotes paired across a sentence
    if _names_no_party(span) or _common_words_only(doc, span, sent):
        return  # `Арбитражный суд … расторг договор`, `Отдельным блоком прошло соглашение`
    kind = match_kind(doc, start)
    if kind is not None and kind[0] >= end:
        return  # `В ОЭЗ «Заокская»`: NER took the kind alone for an organisation
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and (words[0].lemma_.lower() in _agreement_words()
                            or words[0].lower_.rpartition("-")[2] in _agreement_word_forms()):
        return  # `заключили СПИК`, `EPC-контракт получило …`: NER took the document for an organisation
    if len(words) == 1 and words[0].lemma_.lower() in load_set("deal_role_nouns.txt"):
        return  # `Арендодателем выступило АО «Х»`: NER took the role for an organisation
    if name_key(" ".join(t.text for t in words)) in load_set("operator_cues.txt"):
        return  # `Управляющая компания — АО «Х»`: NER took the role for an organisation
    if is_event(doc, start, end, sent.start) or is_dateline(doc, start, end) or is_agency_stamp(doc, start, end) \
            or is_speaker_label(doc, start, end) or is_outlet_line(doc, start, end):
        return
    before = _introduced_by(doc, start, sent.start)
    if before in NOT_PARTY_PREPOSITIONS or is_source(doc, start) or _on_route(doc, start, sent.start):
        return  # `в «Х»`, `как стало известно «Деловому вестнику»`
    if before in load_set("object_nouns.txt") or _joined_to_thing(doc, start, sent.start):
        return  # `судов класса «река-море»`, `пункт пропуска «Краскино»`: a thing (and one joined to it)
    if before in load_set("media_nouns.txt"):
        return  # `в эфире «Клязьма-ТВ»`, `телеканала «Ярославия»`: the news's medium
    if before in load_set("built_object_words.txt") and _prev_word(doc, start, sent.start).lemma_.lower() in ORG_NOUNS:
        return  # `построить завод ПЭТ-преформ`: the plant to be built
    if before in load_set("facility_nouns.txt") and _introduced_by(doc, _prev_word(doc, start, sent.start).i, sent.start) \
            in load_set("built_object_words.txt"):
        return  # `о создании логистического центра «Нижнеленинское»`: the centre to be created
    if before in load_set("government_nouns.txt") and not _after_legal_form(doc, start) and not _park_name_at(doc, start) \
            or before in load_set("stake_nouns.txt"):
        return  # `правительства «Х»` is the region's (not `руководство ООО «Х»`, `администрация
        # «Великого камня»`, a park's own); `100% долей ООО «Y»` is what is sold
    region = governed_region(doc, start, end)
    if region is not None:
        parties.append(Party(start, end, region, LOC, governed=True))
        return
    name = expand_abbreviation(doc, name or org_name(span))  # `ЛАРТ` defined in brackets earlier
    if name and {name.lower(), strip_quotes(span.text).strip().lower()} & load_set("news_outlets.txt"):
        return  # `Ведомости`, `(БелТА)`: the source of the news
    if name:
        parties.append(Party(start, end, name, ORG))


def _park_name_at(doc, start: int) -> bool:
    """Whether a park's name opens at token `start` (its quote)."""
    spans = doc.spans["park"] if "park" in doc.spans else []
    return any(span.label_ == "name" and span.start == start for span in spans)


def _names_no_party(span) -> bool:
    """A name opening with a word of rules/non_party_heads.txt, or headed by one (its first noun):
    a court, a branch (`Северо-Западным филиалом`), `В-четвёртых`."""
    words = [t for t in span if not t.is_punct]
    first_noun = next((t for t in words if t.pos_ == "NOUN"), None)
    return any(bool((word_lemmas(t) | {t.lower_}) & load_set("non_party_heads.txt"))
               for t in words[:1] + ([first_noun] if first_noun is not None else []))


def _may_be_verb(token) -> bool:
    """Some dictionary reading of the word is a finite verb (`приходят`; not `гидроцилиндров`)."""
    return any(parse.tag.POS == "VERB" for parse in morph_analyzer().parse(token.text.lower()))


def _common_words_only(doc, span, sent) -> bool:
    """`Отдельным блоком` at a sentence's start: lower-case common words (the first capitalised
    by the sentence), no organisation's noun among them, no quotes, no Latin: no name at all."""
    words = [t for t in span if not t.is_space]
    if len(words) < 2 or words[0].i != sent.start or any(not t.is_alpha for t in words) \
            or any(not t.text.islower() for t in words[1:]) or any(not is_cyrillic(t.text) for t in words):
        return False
    heads = ORG_NOUNS | load_set("bare_org_heads.txt") | load_set("branch_heads.txt") | load_set("state_body_nouns.txt") \
        | load_set("positions.txt")  # (`Старооскольский аграрный техникум` opening the sentence is a name)
    return not any(word_lemmas(t) & heads or is_government(t) or is_legal_form(t.text) for t in words)


def _after_legal_form(doc, start: int) -> bool:
    """`ООО «Х»`: a company's name opens with its legal form or follows it."""
    return is_legal_form(doc[start].text) or start > 0 and is_legal_form(doc[start - 1].text)


@lru_cache(maxsize=None)
def _agreement_word_forms() -> frozenset:
    """Every form of the one-word agreement kinds (`контракт`, `контракта`, …)."""
    return frozenset(form.word for word in _agreement_words() for parse in morph_analyzer().parse(word)[:1]
                     for form in parse.lexeme)


@lru_cache(maxsize=None)
def _agreement_words() -> frozenset:
    """One-word agreement kinds of rules/agreement_kinds.tsv (`спик`, `меморандум`)."""
    return frozenset(words for words, _ in load_table("agreement_kinds.tsv", 2) if " " not in words)


NOMINATIVE_ADJECTIVE_ENDINGS = {"ое", "ий", "ый", "ая", "яя", "ее"}  # of an adjective in the nominative


ADDRESS_REACH = 4  # `(УЗТА, Каменск-Уральский)`: tokens from the bracket to the place


def _in_address_brackets(doc, start: int) -> bool:
    """A place that opens a bracket (`(Елабужский район)`) or follows an abbreviation in one
    (`(УЗТА, Каменск-Уральский)`): where the company before it is, no party."""
    if start > 0 and doc[start - 1].text == "(":
        return True
    before = [t for t in doc[max(0, start - ADDRESS_REACH):start]]
    return len(before) >= 3 and before[-1].text == "," and before[-3].text == "(" and is_short_name(before[-2].text)


def _add_region(doc, sent, parties, covered, ent, sign: bool) -> None:
    """A region is a party after a government noun (`правительство Татарстана`), after
    `с`/`между`, or as the subject of signing (`Омская область и … подписали`)."""
    covered.update(range(ent.start, ent.end))
    if all(t.pos_ == "ADJ" for t in ent) or _in_address_brackets(doc, ent.start) or match_kind(doc, ent.end) is not None \
            or ent.end < sent.end and is_legal_form(doc[ent.end].text) and ent[-1].text[-2:] in NOMINATIVE_ADJECTIVE_ENDINGS:
        return  # `Омская группа «Х»`, `(Елабужский район)`, `Китайско-Белорусский индустриальный парк`,
        # `Стерлитамакское АО «Башполимер»` (the adjective before a legal form says where the company is)
    if all(is_government(t) for t in ent):
        return  # `Акимат` taken for a place: a body, read by home_regions
    if _names_no_party(ent):
        return  # `В-четвёртых, область … заключили`: a word of the list, no place
    if word_lemmas(ent[0]) & load_set("region_head_positions.txt"):
        return  # `Глава округа подписал …`: a head's post the tagger took for a place
    if is_dateline(doc, ent.start, ent.end) or is_agency_stamp(doc, ent.start, ent.end):
        return  # `ГРОДНО, 3 сентября —`: where the news was filed; `/Интерфакс-Сибирь/`: who filed it
    if _on_route(doc, ent.start, sent.start):
        return  # `на трассе Павлодар — Омск`: places on a road
    before = _prev_word(doc, ent.start, sent.start)
    case = ent[0].morph.get("Case")
    partner_case = case
    settlement = before is not None and bool(word_lemmas(before) & load_set("settlement_nouns.txt"))
    if before is not None and word_lemmas(before) & load_set("place_nouns.txt"):
        partner_case = before.morph.get("Case") or case  # `и провинцией Шэньси`: the noun shows the case
        before = _prev_word(doc, before.i, sent.start) or before  # `в городе Кокшетау`: a place
    lemma = before.lemma_.lower() if before is not None else None
    adjacent = doc[ent.start - 1] if ent.start > sent.start else None
    # `хокимият Самаркандской области`: the tagger may take the government noun for an adjective
    governed = any(t is not None and (is_government(t) or heads_region(t, case)) for t in (before, adjacent))
    if governed and before is not None and _attached_to(doc, before.i, sent.start):
        return  # `Экспертный совет при правительстве Челябинской области`: whose council, no side
    if settlement and not governed:
        return  # `65 га у соседней деревни Савватьево`: a village signs only through its administration
    if not governed and (lemma in PARTNER_PREPOSITIONS or lemma in {"и", ","}) and _in_later_clause(doc, ent.start, sent):
        return  # `…, которая организует перевозки между Хабаровском и Тунцзяном`: its own verb's places
    # `Со стороны Челябинской области документ подписал …`; not when a title names it again
    # (`От имени Чукотки … первый заместитель губернатора округа …`: the region, in its formal name;
    # `со стороны ЮУрГУ`: an abbreviation the tagger took for a place is no region)
    sided = case == ["Gen"] and names_a_side(doc, ent[0]) and not any(is_short_name(t.text) for t in ent) \
        and not any(_bare_region_noun(t) for t in doc[ent.end:_side_end(doc, ent.end, sent.end)])
    if governed or sided or _region_of_agreement(doc, ent, adjacent, case) or (lemma in PARTNER_PREPOSITIONS and case in (["Ins"], ["Gen"])) \
            or (lemma in {"и", ","} and partner_case in (["Ins"], ["Gen"]) and coordinated_partner(doc, before.i, sent.start)) or (
            sign and lemma not in NOT_PARTY_PREPOSITIONS and case == ["Nom"] and lemma not in ORG_NOUNS
            and not _in_later_clause(doc, ent.start, sent)):
        shared = shared_noun_regions(doc, ent, sent.start)  # `Смоленская и Минская области`
        for start, name in shared or [(ent.start, region_name(ent))]:
            parties.append(Party(start, ent.end, name, LOC, governed))


def _region_of_agreement(doc, ent, adjacent, case) -> bool:
    """`Соглашение Челябинской области с АО «Х» …`, `Подписание соглашения Республики Адыгея и ООО
    «Х»`: a region in the genitive right after the agreement's noun, with its partner after `с` or
    `и`, is the agreement's side."""
    if case != ["Gen"] or adjacent is None or adjacent.lower_ not in _agreement_word_forms():
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and after.lower_ in WITH | {AND}


def _bare_region_noun(token) -> bool:
    """`округа`, `региона` with no adjective or name: a region the text names elsewhere."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.lemma_.lower() in REGION_NOUNS | {"регион"} and not token.ent_type_ \
        and not (before is not None and before.pos_ == "ADJ")


def _side_end(doc, start: int, end: int) -> int:
    """Where the side named at `start` ends: at the next side's comma (`, со стороны …`) or the sentence's end."""
    for token in doc[start:end]:
        if token.text == "," and token.i + 3 < end and names_a_side(doc, doc[token.i + 3]):
            return token.i
    return end


def _in_later_clause(doc, i: int, sent) -> bool:
    """`мы подписали с ВЭБ.РФ дорожную карту …, там есть и Родники, и Южа`: a place in a clause of
    its own verb after the signing's is that verb's subject, not a signer."""
    verb = first_sign_verb(sent)
    if verb is None or verb.i >= i:
        return False
    comma = next((t.i for t in doc[verb.i:i] if t.text == ","), None)
    return comma is not None and any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() not in load_set("sign_verbs.txt")
                                     for t in doc[comma:i])


ATTACHED_TO = "при"


def _attached_to(doc, i: int, floor: int) -> bool:
    """`при правительстве`: a body a council or commission belongs to."""
    before = _prev_word(doc, i, floor)
    return before is not None and before.lower_ == ATTACHED_TO


def heads_region(token, case) -> bool:
    """`главой Чувашии`: the head of the region in the genitive after it signs for it, as
    `губернатор` does (rules/region_head_positions.txt)."""
    return case == ["Gen"] and bool(word_lemmas(token) & load_set("region_head_positions.txt"))


def is_government(token) -> bool:
    """`правительство`, `акимат`; `министров` after `Кабинет` (a two-word entry)."""
    if word_lemmas(token) & load_set("government_nouns.txt"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and any(f"{first} {second}" in load_set("government_nouns.txt")
                                      for first in word_lemmas(before) for second in word_lemmas(token))


def _add_home_region(doc, sent, parties, covered, sign: bool) -> None:
    found = home_region(doc, sent, sign)
    if found is not None and found[0] not in covered:  # not a body another rule named already
        parties.append(Party(found[0], found[1], found[2], LOC, governed=True))


ALIAS_WORDS = 3  # `Пермский национальный исследовательский политехнический университет (Пермский политех)`


def _aliases(doc, sent) -> Set[int]:
    """Tokens of `(КХК)` after `«Кузбасская химическая компания»`, of `(Пермский политех)` after
    an organisation's name: the same organisation again."""
    aliases = set()
    for token in sent:
        if token.text != "(" or token.i == 0:
            continue
        if token.i + 2 < sent.end and doc[token.i + 2].text == ")" \
                and doc[token.i + 1].text.isupper() and doc[token.i - 1].text in {"»", "\""}:
            aliases.add(token.i + 1)
            continue
        closing = next((t.i for t in doc[token.i + 1:min(sent.end, token.i + ALIAS_WORDS + 2)] if t.text == ")"), None)
        words = doc[token.i + 1:closing] if closing is not None else []
        if len(words) > 1 and doc[token.i - 1].ent_type_ == "ORG" and token.ent_iob_ != "I" and words[0].text[:1].isupper() \
                and all(t.is_alpha and t.ent_type_ in {"", "ORG"} for t in words):
            aliases.update(range(token.i + 1, closing))
    return aliases


def governed_region(doc, start: int, end: int) -> Optional[str]:
    """The region a government body stands for: `хокимият Самаркандской области` →
    Самаркандская область, `Минский облисполком` → Минская область."""
    tokens = list(doc[start:end])
    heads = [i for i, t in enumerate(tokens) if is_government(t)]
    if not heads:
        return None
    for ent in entities_in(doc[start:end]):
        # not `Гродненский облисполком` itself, nor its adjective alone (`Минским облисполкомом`)
        if ent.label_ == "LOC" and not any(is_government(t) for t in ent) and not all(t.pos_ == "ADJ" for t in ent):
            return region_name(ent)
    head = heads[0]
    bodies = region_bodies()
    body = next((bodies[lemma] for lemma in word_lemmas(tokens[head]) if lemma in bodies), None)
    kinds = region_adjectives()
    kind = next((kinds[lemma] for lemma in word_lemmas(tokens[head - 1]) if lemma in kinds), None) if head > 0 else None
    if head > 1 and kind is not None and _may_be_adjective(tokens[head - 2]):
        head, body = head - 1, kind  # `Андижанский областной хокимият` → Андижанская область
    if head > 0 and body is not None and _may_be_adjective(tokens[head - 1]):
        gender = GENDERS.get(morph_analyzer().parse(body)[0].tag.gender)
        adjective = inflect_word(tokens[head - 1].text, "ADJ", None, "Sing", gender)
        if adjective == tokens[head - 1].text and gender == "Masc":
            # `Шкловского райисполкома`: an adjective the dictionary knows only as a surname
            adjective = inflect_word(adjective, "NOUN", None, "Sing", names=True)
        return f"{adjective} {body}"
    return None


@lru_cache(maxsize=None)
def region_bodies() -> Dict[str, str]:
    """Bodies named by their region's adjective → the region's noun: облисполком → область."""
    return dict(load_table("region_bodies.tsv", 2))


def _add_region_bodies(doc, sent, parties, covered) -> None:
    """`с Витебским облисполкомом`, whatever entity the tagger made of the adjective."""
    bodies = region_bodies().keys()
    for token in sent:
        if token.i > sent.start and word_lemmas(token) & bodies and token.i - 1 not in covered:
            region = governed_region(doc, token.i - 1, token.i + 1)
            if region is not None:
                covered.update(range(token.i - 1, token.i + 1))
                parties.append(Party(token.i - 1, token.i + 1, region, LOC, governed=True))


def _add_bare_region_bodies(doc, sent, parties, covered) -> None:
    """`Облисполком и ООО «Х» подписали …` after `Витебский облисполком` earlier: the body's
    region named before."""
    bodies = region_bodies().keys()
    for token in sent:
        compound = _compound_body(token) if token.i not in covered else None
        if compound is not None:  # `Миноблисполком` in a headline, `Минский облисполком` below
            named = [t.i for t in doc if t.i > 0 and compound[1] in word_lemmas(t)
                     and doc[t.i - 1].lower_.startswith(compound[0]) and _may_be_adjective(doc[t.i - 1])]
            region = governed_region(doc, named[0] - 1, named[0] + 1) if named else None
            if region is not None:
                covered.add(token.i)
                parties.append(Party(token.i, token.i + 1, region, LOC, governed=True))
            continue
        if token.i in covered or not word_lemmas(token) & bodies or (token.i > 0 and _may_be_adjective(doc[token.i - 1])):
            continue
        earlier = [t.i for t in doc[:sent.start] if word_lemmas(t) & word_lemmas(token) and t.i > 0
                   and _may_be_adjective(doc[t.i - 1])]
        region = governed_region(doc, earlier[-1] - 1, earlier[-1] + 1) if earlier else None
        if region is not None:
            covered.add(token.i)
            parties.append(Party(token.i, token.i + 1, region, LOC, governed=True))


COMPOUND_PREFIX = 3  # `Миноблисполком`, `Гомельоблисполком`: at least this much of the region's adjective


def _compound_body(token) -> Optional[Tuple[str, str]]:
    """`Миноблисполком` → ("мин", "облисполком"): a region's stem written onto a body's name."""
    lower = token.lower_
    for body in region_bodies():
        at = lower.find(body)
        if at >= COMPOUND_PREFIX and lower[:at].isalpha():
            return lower[:at], body
    return None


def _may_be_adjective(token) -> bool:
    """`Витебским` before `облисполкомом`: the tagger may take the adjective for a name; the
    dictionary may know it only as a surname (`Слуцкий`, `Шкловского`)."""
    return token.pos_ == "ADJ" or any(parse.tag.POS == "ADJF" or "Surn" in parse.tag.grammemes
                                      and token.lower_.endswith(SURNAME_ADJECTIVE_ENDINGS)
                                      for parse in morph_analyzer().parse(token.text.lower()))


SURNAME_ADJECTIVE_ENDINGS = ("ский", "цкий", "ского", "цкого", "скому", "цкому", "ским", "цким", "ском", "цком")


def _is_person(doc, ent) -> bool:
    """A name the person extractor kept (`Самаркандский инвестфорум`, `Хокимият также подписал`
    are tagged as names and are none)."""
    persons = getattr(doc._, "persons", None)
    if persons is None:
        return True
    start, end = ent.start_char, ent.end_char
    return any(a < end and start < b for p in persons for a, b in p.get("mentions") or [])


def _is_address(doc, ent, sent) -> bool:
    """`— Ержан Болатович, весной вы подписали …`: the interviewer addresses the guest."""
    before = [t for t in doc[sent.start:ent.start] if not (t.is_space or t.text in DASHES)]
    dash = any(t.text in DASHES for t in doc[sent.start:ent.start])
    return dash and not before and ent.end < sent.end and doc[ent.end].text == ","


SPEAKER_REACH = 12  # `— сообщила руководитель делегации, заместитель председателя … Ирина Щукина`


def _list_line_next(doc, i: int) -> bool:
    """A list's line opens right after token `i`: a line break, then a dash or bullet and `с` or a
    company (`— с ООО «А» — …`, `— ООО «Б» (…) — 2,6 млрд руб.`)."""
    words = [t for t in doc[i + 1:i + 4] if not t.is_space]
    breaks = i + 1 < len(doc) and doc[i + 1].is_space and "\n" in doc[i + 1].text
    return breaks and len(words) >= 2 and (words[0].text in DASHES or is_bullet(words[0])) \
        and (words[1].lower_ in WITH or is_legal_form(words[1].text) or words[1].text in QUOTE_TOKENS)


def _is_speaker(doc, ent) -> bool:
    """The person who says, not who signs: `— сказал Х`, `Х: «…»`, `сообщила … Х`."""
    if ent.end < len(doc) and doc[ent.end].text == ":":
        # `… три соглашения подписал премьер-министр … Рустем Абдуллин:` before the list's lines:
        # the signer after his verb, no speaker
        verb = first_sign_verb(ent.sent)
        return not (verb is not None and verb.i < ent.start and _list_line_next(doc, ent.end))
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lemma_.lower() in load_set("sign_verbs.txt"):
        return False  # `— заявил … Алексей Карев, подписавший документ со стороны региона`: he signed too
    before = doc[max(ent.sent.start, ent.start - SPEAKER_REACH):ent.start]
    after = doc[ent.end:min(ent.sent.end, ent.end + 2)]
    if after and after[0].text == ",":
        after = []  # `… и вице-президент «Х» Ли Вэй, сообщили в пресс-службе`: the source speaks
    return any(t.lemma_.lower() in load_set("speech_verbs.txt") for t in list(before) + list(after))
