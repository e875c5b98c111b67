"""A signing party named by a common noun: `Компания подписала с хокимиятом … соглашение`,
`В июне мы подписали соглашение с «Х»`.

The noun (rules/subject_nouns.txt) is the subject when it stands in the nominative before
the signing verb with no name of its own after it (`компания «Х»` names itself). It stands
for the organisation the article has named most often before it, the newest of equals: news
call their protagonist `компания` after naming it once or twice. Parks are places, not it.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from ..normalize import is_cyrillic, is_legal_form
from ..records import LOC, ORG, PER
from ..vocab import load_set
from .park_mentions import GENERIC_REFERENCES, is_declined_form, kind_expansions, match_kind, park_named_last_before, role_at
from .common import (DASHES, PARTNER_PREPOSITIONS, PRONOUN_REACH, SIDE, WITH, entities, first_sign_verb,
                     names_park, nearest_before, paragraph_start, quoted_spans, word_lemmas)
from .org_names import org_name
from .parties import Party, sentence_parties, with_place
from .persons import named_org
from .region_names import region_name
from .state_bodies import is_state_body, name_lemmas
from .titles import possible_cases

QUOTES = {"«", "\"", "„"}
GUEST_PRONOUNS = {"мы", "вы"}  # the guest's `мы`, the interviewer's `вы` (rules/subject_nouns.txt)
THIRD_PERSON = {"он", "она", "оно"}
POSSESSORS = {"наш", "мой", "ваш"}  # `Парком управляет корпорация «Х». Она подписала …`


def _subject_noun(doc, sent, named_too: bool = False) -> Optional[int]:
    """Index of a subject noun before the sign verb of the sentence, if any, or None. A relative clause
    signs for its own subject: `Парк создан в рамках соглашения, которое компания заключила …`
    (the park signs nothing). A noun with its name after it stands for no one else, unless
    `named_too`."""
    found = None
    for token in sent:
        if token.lemma_.lower() in load_set("sign_verbs.txt"):
            return found
        if "который" in word_lemmas(token):
            if _signs_inside_clause(doc, token.i, sent.end):
                found = None  # `…, которое компания заключила`: the clause signs for its own subject
            continue
        if found is not None or not word_lemmas(token) & _subject_words() \
                or token.ent_type_ and not _bare_kind_entity(doc, token):
            continue
        if token.i > sent.start and doc[token.i - 1].lemma_.lower() in POSSESSORS:
            continue  # `наша компания`: the speaker's own (agreement_signers.ours_named)
        if token.pos_ == "PRON" and token.i > sent.start and doc[token.i - 1].lower_ in WITH:
            continue  # `С ним мы подписали …`: the partner (pronoun_partner)
        if token.pos_ == "PRON" or token.morph.get("Case") == ["Nom"] or _subject_read_as_object(doc, token, sent):
            if (named_too or not _named_after_description(doc, token.i, sent.end)) \
                    and not _in_apposition(doc, token.i, sent.start):
                found = token.i
    return found


def _bare_kind_entity(doc, token) -> bool:
    """`В марте ОЭЗ подписала …`: a park kind's abbreviation the tagger took for a name of its own."""
    alone = token.ent_iob_ == "B" and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")
    if not alone or not word_lemmas(token) & load_set("park_subject_nouns.txt") \
            or _named_after(doc, token.i, token.sent.end):
        return False  # `соглашение ОЭЗ «Шексна» с …`: the zone named, a party of its own
    before = doc[token.i - 1] if token.i > token.sent.start else None
    # `размещении в ОЭЗ`, `управляющие компании ОЭЗ заключили`: a place, or another noun's genitive
    return before is None or before.pos_ != "ADP" and not (before.pos_ == "NOUN" and before.morph.get("Case") == ["Nom"])


def _subject_read_as_object(doc, token, sent) -> bool:
    """`«Амурсоя Процессинг» и банк заключили`: a noun the tagger read as an object, right
    before a finite signing verb, and joined by `и` to a subject before it when the verb is
    plural (`Банк заключил` alone: its number agrees)."""
    if token.morph.get("Case") != ["Acc"] or token.i + 1 >= sent.end:
        return False
    verb = doc[token.i + 1]
    if verb.lemma_.lower() not in load_set("sign_verbs.txt") or verb.morph.get("VerbForm") != ["Fin"]:
        return False
    if verb.morph.get("Number") == ["Plur"]:
        return token.i > sent.start and doc[token.i - 1].lower_ == "и"
    return verb.morph.get("Number") == token.morph.get("Number")


DESCRIPTION_WORDS = 4  # `Производитель отопительного оборудования ООО «Термокуб»`
GENITIVE_ONLY = frozenset({"gent"})


def _named_after_description(doc, i: int, end: int) -> bool:
    """A name right after the noun, or after its describing words (`Производитель отопительного
    оборудования ООО «Термокуб»`): the noun names its company itself."""
    k = _description_end(doc, i, end)
    if k + 1 < end and doc[k].text in DASHES:
        k += 1  # `управляющая компания зоны — АО «ОЭЗ «Ангара-Синтез»» — подписала` (_named_between_dashes)
    following = doc[k] if k < end else None
    return following is not None and (following.text in QUOTES or bool(following.ent_type_) or following.pos_ == "PROPN"
                                      or (k > i + 1 and is_legal_form(following.text)))


def _description_end(doc, i: int, end: int) -> int:
    """The token after the genitive words describing the noun at i (`резидент агротехнопарка`,
    a genitive the tagger may read as a nominative)."""
    k = i + 1
    while k < end and k - i <= DESCRIPTION_WORDS and doc[k].text.islower() and doc[k].pos_ in {"ADJ", "NOUN"} \
            and (doc[k].morph.get("Case") == ["Gen"] or possible_cases(doc[k].text) == GENITIVE_ONLY):
        k += 1
    return k


def _named_between_dashes(doc, i: int, end: int) -> Optional[Party]:
    """`Управляющая компания зоны — АО «ОЭЗ «Ангара-Синтез»» — подписала …`: the organisation
    named after a dash right after the noun at i and its description."""
    k = _description_end(doc, i, end)
    if k + 1 >= end or doc[k].text not in DASHES:
        return None
    ent = next((e for e in entities(doc) if e.start == k + 1 and e.label_ == "ORG"), None)
    if ent is None and is_legal_form(doc[k + 1].text):
        ent = next((e for e in entities(doc) if k + 1 < e.start <= k + 3 and e.label_ == "ORG"), None)
    name = org_name(ent) if ent is not None else ""
    return Party(ent.start, ent.end, name, ORG) if name else None


PARTNER_NAME_REACH = 4


PARTNER_PRONOUNS = {"ним", "ней", "нею", "ними"}  # `мы подписали с ним соглашение`
PLURAL_PARTNER = "ними"


def pronoun_partner(doc, sentences, index: int, places: set) -> Optional[Party]:
    """`Самый крупный — завод «Уралэлектромаш». В марте мы подписали с ним соглашение`: a
    pronoun after `с` in a signing sentence is the last organisation the nearest sentence
    before naming one names (PRONOUN_REACH sentences back)."""
    sent = sentences[index]
    pronoun = next((t for t in sent if t.lower_ in PARTNER_PRONOUNS and t.i > sent.start
                    and doc[t.i - 1].lower_ in WITH), None)
    if pronoun is None:
        return None
    # `Первым стало ООО «Х». Компания наладит выпуск … Соглашение с ней заключила администрация …`;
    # `с ними`: several, named together in the sentence before
    reach = 1 if pronoun.lower_ == PLURAL_PARTNER else PRONOUN_REACH
    named = nearest_before(sentences, index, reach, lambda earlier: [
        p for p in sentence_parties(doc, earlier, places, False)
        if p.type == ORG and not names_park(doc, p)])  # (`… выбрала «Бадам-Индастри». С ней мы …`)
    return Party(pronoun.i, pronoun.i + 1, named[-1].name, ORG) if named else None


def role_partner(doc, sent) -> Optional[Party]:
    """`Соглашения … с управляющей компанией подписали ООО «А» и ООО «Б»`: a runner's role after `с`
    (rules/operator_role_nouns.txt) with no name of its own after it is the operator of the park
    named last up to it."""
    for token in sent:
        if token.lower_ not in WITH or token.i + 1 >= sent.end:
            continue
        role = role_at(doc, token.i + 1, sent.end)
        if role is None:
            continue
        end = token.i + 1 + len(role)
        if _named_after(doc, end - 1, sent.end):
            continue  # `с управляющей компанией ОЭЗ — АО «…»`: named, read as a party
        park = park_named_last_before(doc._.parks, doc[end - 1].idx)
        if park is not None and park.get("operator"):
            return Party(token.i + 1, end, park["operator"], ORG)
    return None


def _partner_noun(doc, sent) -> Optional[int]:
    """`Соглашение с инвестором подписали …`, `соглашением между технополисом и …` where no
    subject noun signs: a subject noun or a park's kind in the instrumental after `с` or
    `между`, with no name of its own after it, is the partner named before or the park."""
    for token in sent:
        if not token.text.islower() or token.ent_type_ or token.morph.get("Case") != ["Ins"] \
                or token.pos_ not in {"NOUN", "ADJ"} \
                or not word_lemmas(token) & (_subject_words() | load_set("park_subject_nouns.txt")) \
                or word_lemmas(token) & load_set("bare_org_heads.txt"):
            continue  # `между технополисом и …`: the park; `с корпорацией`: named_by_head's (`с комбинатом`
            # the tagger may read as an adjective)
        before = doc[token.i - 1] if token.i > sent.start else None
        if before is not None and before.lower_ in PARTNER_PREPOSITIONS and not _named_after(doc, token.i, sent.end):
            return token.i
    return None


def _named_after(doc, i: int, end: int) -> bool:
    """Whether a name follows the noun at i, past genitive words (`с производителем уплотнителей
    Zhongding`), before any preposition or verb (`с инвестором на форуме «Россия»` names none)."""
    for token in doc[i + 1:min(end, i + 1 + PARTNER_NAME_REACH)]:
        if token.text in QUOTES or token.ent_type_ or token.pos_ == "PROPN" or (token.is_alpha and not is_cyrillic(token.text)):
            return True
        if token.pos_ not in {"NOUN", "ADJ"}:  # the tagger may miss the genitive: no case test
            return False
    return False


def _signs_inside_clause(doc, i: int, end: int) -> bool:
    """Whether the relative clause opening at token i holds the sign verb (up to its comma):
    not `Корпорация, которая управляет парком, оформила договор`."""
    for token in doc[i + 1:end]:
        if token.text == ",":
            return False
        if token.lemma_.lower() in load_set("sign_verbs.txt"):
            return True
    return True


def _in_apposition(doc, i: int, floor: int) -> bool:
    """`ООО «Х», управляющая компания парка «Y», …`: a noun set off by a comma after a name
    describes that name; it stands for no one else."""
    if doc[i].pos_ == "PRON":
        return False  # `…, которая станет якорным инвестором, мы заключили`: a pronoun describes nothing
    following = next((t for t in doc[i + 1:i + 3] if not t.is_space), None)
    if following is not None and following.pos_ in {"VERB", "AUX"} and following.morph.get("VerbForm") == ["Fin"]:
        return False  # `Как стало известно «…», компания подписала`: the subject after a source
    j = i - 1
    while j > floor and (doc[j].is_space or doc[j].pos_ in {"ADJ", "VERB"}):
        j -= 1
    return j > floor and doc[j].text == ","


def _subject_words() -> frozenset:
    return load_set("subject_nouns.txt") | load_set("park_subject_nouns.txt") | THIRD_PERSON


def _most_named_park(doc, kind_words: frozenset = frozenset()) -> Optional[dict]:
    """The park record the article names most often (the first of equals); of a kind holding
    one of `kind_words`, when given."""
    parks = [p for p in doc._.parks if not kind_words or kind_words & set((p.get("kind") or "").split())]
    return min(parks, key=lambda park: -len(park.get("mentions") or []), default=None)


def _main_park(doc) -> Optional[str]:
    park = _most_named_park(doc)
    return park["name"] if park else None


def sides_named_by_kind(doc, sent) -> List[Party]:
    """`Со стороны кластера соглашение подписал …, со стороны технополиса — …`: a bare park noun
    after `со стороны` is the park of that kind the article names most (not a generic `парка`,
    whose side is often its operator)."""
    found = []
    for token in sent:
        if token.lemma_.lower() != SIDE or token.i == sent.start or doc[token.i - 1].lower_ not in WITH:
            continue
        noun = doc[token.i + 1] if token.i + 1 < sent.end else None
        following = doc[token.i + 2] if token.i + 2 < sent.end else None
        if noun is None or not word_lemmas(noun) & load_set("park_subject_nouns.txt") \
                or word_lemmas(noun) & GENERIC_REFERENCES \
                or (following is not None and (following.text in QUOTES or following.ent_type_)):
            continue
        park = _most_named_park(doc, word_lemmas(noun))
        if park is not None:
            found.append(Party(noun.i, noun.i + 1, park["name"], ORG))
    return found


def _park_of_kind_just_named(doc, sentences, index: int, noun: int) -> Optional[str]:
    """`… технопарк «Ширак-Тех» в Гюмри. Технопарк и компания «Х» подписали …`: a park's kind
    stands for the park of that kind named last, in its sentence or the one before, rather than
    for the park the article names most."""
    park = park_named_last_before(doc._.parks, doc[noun].idx)
    floor = doc[sentences[max(index - 1, 0)].start].idx
    if park is None or not word_lemmas(doc[noun]) & set((park.get("kind") or "").split()) \
            or not any(start >= floor for start, _ in park.get("mentions") or []):
        return None
    return park["name"]


def _park_of_kind(doc, i: int) -> Optional[str]:
    """`ОЭЗ`, `администрация СЭЗ`: the park of the kind at token i the text names last before it,
    or the first it names when none comes before; None when it names none of that kind."""
    kind = match_kind(doc, i)
    if kind is None:
        return None
    kinds = {kind[1], *kind_expansions().get(kind[1], ())}
    parks = [p for p in getattr(doc._, "parks", None) or [] if p.get("kind") in kinds]
    park = park_named_last_before(parks, doc[i].idx) or (parks[0] if parks else None)
    return park["name"] if park else None


def _main_park_runner(doc, guest_org: Optional[str] = None) -> Optional[str]:
    """A park director's `мы`: the company that runs the park the article speaks of most, or
    the guest's company a bare noun of his title stood for (`управляющий партнёр компании`), or
    the park itself when the text names no operator."""
    park = _most_named_park(doc)
    return (park.get("operator") or guest_org or park["name"]) if park else guest_org


def _park_names(doc) -> set:
    """The article's park names, lower case."""
    return {park["name"].lower() for park in getattr(doc._, "parks", None) or []}


def interviewee(doc) -> Optional[dict]:
    """The person an interview is with: named in its headline (`Рустам Ахметшин: «…»`)."""
    headline_end = doc.text.find("\n")
    persons = getattr(doc._, "persons", None) or []
    guest = next((p for p in persons if headline_end > 0
                  and any(start < headline_end for start, _ in p.get("mentions") or [])), None)
    if guest is not None or headline_end < 0 or "\n— " not in doc.text:
        return guest
    # `«…»: глава корпорации — о резидентах` over `Генеральный директор … Анна Кочубей возглавила
    # компанию … Мы поговорили с ней …` and answers after dashes: the person the lead names first
    lead_start, lead_end = _lead_bounds(doc)
    in_lead = [p for p in persons if _named_in(p, lead_start, lead_end) and not _asks(p)]
    # (`Новосибирская компания «Х» … рассказал её генеральный директор Евгений Марков`: a title
    # with no organisation of its own speaks for the lead's company, speaker_organisation)
    # (`мы поговорили с директором парка Андреем Ветлугиным`: a park's director speaks for its runner)
    parks = _park_names(doc)
    return _named_first([p for p in in_lead if named_org(doc, p) or _in_headline(doc, p.get("org"))]) \
        or _named_first([p for p in in_lead if p.get("position") and not p.get("org")]) \
        or _named_first([p for p in in_lead if p.get("position") and (p.get("org") or "").lower() in parks])


def post_author(doc) -> Optional[dict]:
    """The author of a post the article retells: the person its lead names first, when the lead
    speaks of a post or a channel (rules/post_words.txt: `Губернатор Тамбовской области Андрей
    Селиверстов в своём телеграм-канале рассказал …`)."""
    if doc.text.find("\n") < 0:
        return None
    lead_start, lead_end = _lead_bounds(doc)
    lead = doc.char_span(lead_start, lead_end, alignment_mode="expand")
    if lead is None or not any(word_lemmas(t) & load_set("post_words.txt") for t in lead):
        return None
    return _named_first([p for p in getattr(doc._, "persons", None) or []
                         if _named_in(p, lead_start, lead_end) and not _asks(p)])


RELEASE_VERBS = {"сообщать", "информировать", "объявлять"}  # `Компания «Х» сообщает об итогах …`


def release_company(doc) -> Optional[str]:
    """The company whose press release the article is: the lead's first organisation, the subject
    of a present-tense `сообщает`, `информирует`, `объявляет` (its `мы` is the company)."""
    if doc.text.find("\n") < 0:
        return None
    lead_start, lead_end = _lead_bounds(doc)
    lead = doc.char_span(lead_start, lead_end, alignment_mode="expand")
    if lead is None:
        return None
    first = next(lead.sents, None)
    if first is None:
        return None
    verb = next((t for t in first if t.lemma_.lower() in RELEASE_VERBS and t.morph.get("Tense") == ["Pres"]), None)
    orgs = [p for p in sentence_parties(doc, first, set(), False) if p.type == ORG]
    if verb is not None:
        orgs = [p for p in orgs if p.end <= verb.i]
        return orgs[0].name if orgs else None
    # `АО «Х» подводит итоги … В течение двух дней наша компания заключила …`: a lead opening
    # with a company that speaks of itself as `мы` outside quotes
    if orgs and _opens_with(doc, first, orgs[0]) and _speaks_as_we(doc, lead):
        return orgs[0].name
    return None


WE = {"мы", "наш"}


def release_side(doc, sent, parties: List[Party]) -> Optional[Party]:
    """`Одновременно с дирекцией СЭЗ «Х» подписан договор аренды` in a company's release: a
    passive signing with partners after `с` alone has the company on the other side."""
    verb = first_sign_verb(sent)
    if verb is None or verb.morph.get("Variant") != ["Short"] or verb.morph.get("VerbForm") != ["Part"]:
        return None
    sides = [p for p in parties if p.type != PER]
    if not any(t.lower_ in WITH for t in sent) or not all(_after_with(doc, p) for p in sides):
        return None  # (the partner may be a park, read as a side later: `с дирекцией СЭЗ «Х»`)
    company = release_company(doc)
    return Party(verb.i, verb.i + 1, company, ORG) if company else None


WITH_REACH = 4  # `с дирекцией СЭЗ «Х»`: words between `с` and the name


def _after_with(doc, party: Party) -> bool:
    """`с дирекцией СЭЗ «Х»`: `с` a few words before the party, no punctuation but quotes between."""
    for t in reversed(doc[max(0, party.start - WITH_REACH - 1):party.start]):
        if t.lower_ in WITH:
            return True
        if t.is_punct and t.text not in {"«", "\""}:
            return False
    return False


def _opens_with(doc, sent, party: Party) -> bool:
    """Whether nothing but the party's legal form, quotes and adjectives stand before it."""
    return all(t.is_space or t.text in {"«", "\""} or is_legal_form(t.text) or t.pos_ == "ADJ"
               for t in doc[sent.start:party.start])


def _speaks_as_we(doc, span) -> bool:
    """`мы`, `наш` in a span outside quoted names (quoted_spans keeps quotes of at most eight
    words, so `мы` in longer quoted speech counts too)."""
    quoted = {i for q in quoted_spans(doc) for i in range(q.start, q.end)}
    return any(t.lemma_.lower() in WE and t.i not in quoted for t in span)


def _lead_bounds(doc) -> Tuple[int, int]:
    """Character offsets of the lead: the first paragraph after the headline's line."""
    headline_end = doc.text.find("\n")
    lead_start = len(doc.text) - len(doc.text[headline_end:].lstrip())
    lead_end = doc.text.find("\n", lead_start)
    return lead_start, len(doc.text) if lead_end < 0 else lead_end


def _lead_company(doc) -> Optional[str]:
    """The organisation the lead names first, unless it is a park of the article."""
    lead_start, lead_end = _lead_bounds(doc)
    parks = _park_names(doc)
    for sent in doc.sents:
        if lead_start <= sent.start_char < lead_end:
            for party in sentence_parties(doc, sent, set(), False):
                if party.type == ORG:
                    # (`Томский технопарк «Новатор» … Его директор … рассказала «Сибирскому
                    # инвестору»`: a park first speaks for itself)
                    return None if party.name.lower() in parks or names_park(doc, party) else party.name
    return None


def _named_in(person: dict, start: int, end: int) -> bool:
    return any(start <= at < end for at, _ in person.get("mentions") or [])


def _named_first(persons: List[dict]) -> Optional[dict]:
    """The person of `persons` the text names first, or None."""
    return min(persons, key=lambda p: min(start for start, _ in p["mentions"])) if persons else None


def _in_headline(doc, org: Optional[str]) -> bool:
    """`основатель «Техполимер-Волги» — о переезде`: the headline names the guest's organisation
    (in any case), so the lead's `Основатель компании Игорь Лаптев` speaks for it; a park's
    director (`Директор технопарка «Кедр»`) speaks for its runner instead."""
    words = (org or "").lower().split()
    if not words:
        return False
    headline = doc.text[:max(0, doc.text.find("\n"))].lower()
    parks = _park_names(doc)
    return org.lower() not in parks and all(word[:max(4, len(word) - 2)] in headline for word in words)


def _asks(person: dict) -> bool:
    """A journalist (rules/interviewer_titles.txt): who asks, not who answers."""
    position = (person.get("position") or "").lower()
    return any(position == title or position.startswith(title + " ") for title in load_set("interviewer_titles.txt"))


ATTRIBUTION_REACH = 8  # `», — говорит генеральный директор корпорации Станислав Белов`: words to the name


def quoted_speaker_org(doc, i: int) -> Optional[str]:
    """`«Мы управляем двумя площадками …», — говорит генеральный директор корпорации Станислав
    Белов`: the organisation of the person the angle quote holding token i is attributed to (a
    dash after it, his name a few words on), when his record names one; with no such attribution,
    the speaker of the label line above the quote (_labelled_speaker_org); None otherwise."""
    closing = _closing_quote(doc, i)
    if closing is None:
        return _labelled_speaker_org(doc, i)
    after = [t for t in doc[closing + 1:min(len(doc), closing + 1 + ATTRIBUTION_REACH)] if not t.is_space]
    if not any(t.text in DASHES for t in after[:2]):
        return _labelled_speaker_org(doc, i)
    person = _person_named(doc, after)
    return person.get("org") if person is not None else None


def _person_named(doc, words) -> Optional[dict]:
    """The person record with a mention inside the text of `words` (tokens, in order), or None."""
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return next((p for p in getattr(doc._, "persons", None) or []
                 if any(start <= a < end for a, _ in p.get("mentions") or [])), None)


LABEL_WORDS = 16       # `Светлана Рудакова, генеральный директор АО «Елецпромпарк»`: a speaker's label line
LABEL_PARAGRAPHS = 6   # paragraphs of one speaker's quoted words back to the label
OPENING_MARKS = {"«", "„", "\"", "—", "–"}


def _labelled_speaker_org(doc, i: int) -> Optional[str]:
    """`Светлана Рудакова, генеральный директор АО «Елецпромпарк»` on a line of its own, then
    «Мы управляем …» in the paragraphs after it: the organisation of the person the nearest label
    before token i names, when every paragraph from the label to i is that speaker's quoted
    words (opening with a quote mark or a dash, or inside a quote left open)."""
    start = paragraph_start(doc, i)
    for _ in range(LABEL_PARAGRAPHS):
        end = start - 1
        while end > 0 and doc[end].is_space:
            end -= 1
        if end <= 0:
            return None
        label = paragraph_start(doc, end)
        words = [t for t in doc[label:end + 1] if not t.is_space]
        person = _label_person(doc, words) if len(words) <= LABEL_WORDS else None
        if person is not None:
            return person.get("org") if _quoted_from(doc, end + 1, i) else None
        start = label
    return None


def _label_person(doc, words) -> Optional[dict]:
    """The person a label line names (no finite verb in it, no closing stop), or None."""
    if not words or words[-1].text in {".", "!", "?", ":"} \
            or any(t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm") == ["Fin"] for t in words):
        return None
    return _person_named(doc, words)


def _quoted_from(doc, start: int, i: int) -> bool:
    """Every paragraph from token `start` to token i opens with a quote mark or a dash, or inside
    a quote an earlier one left open."""
    depth = 0
    for k in range(start, i):
        token = doc[k]
        if not token.is_space and (k == start or "\n" in doc[k - 1].text) and depth == 0 \
                and token.text not in OPENING_MARKS:
            return False
        depth += (token.text in {"«", "„"}) - (token.text in {"»", "“"})
        depth = max(depth, 0)
    return True


def _closing_quote(doc, i: int) -> Optional[int]:
    """The `»` closing the angle quote that token i stands in, within its paragraph, or None."""
    depth, j = 0, i - 1
    while j >= 0 and "\n" not in doc[j].text:
        depth += (doc[j].text == "»") - (doc[j].text == "«")
        if depth < 0:
            break
        j -= 1
    if j < 0 or doc[j].text != "«":
        return None
    depth, k = 0, i
    while k < len(doc) and "\n" not in doc[k].text:
        depth += (doc[k].text == "«") - (doc[k].text == "»")
        if depth < 0:
            return k
        k += 1
    return None


def speaker_organisation(doc) -> Optional[str]:
    """`мы подписали` in an interview: the organisation of the person in the headline, else of
    the person the article quotes most (`Генеральный директор технопарка «БиоГрад» Елена
    Соколова рассказала …`), when that person is named with one. An interviewee named with no
    organisation speaks for the main park's runner."""
    guest = interviewee(doc)
    if guest is not None:
        told = guest.get("org") if _in_headline(doc, guest.get("org")) else None
        lead = _lead_company(doc) if not guest.get("org") else None
        ministry = ministry_of(guest)
        ministry = ministry if ministry and _ministry_named_as_body(doc, guest) else None
        return ministry or named_org(doc, guest) or told or lead or _main_park_runner(doc, guest.get("org"))
    releaser = release_company(doc)
    if releaser is not None:
        return releaser
    persons = [p for p in getattr(doc._, "persons", None) or [] if named_org(doc, p) and not _asks(p)]
    if not persons:
        return None
    return max(persons, key=lambda p: len(p.get("mentions") or []))["org"]


MINISTER = "министр"


def ministry_of(person: dict) -> Optional[str]:
    """A minister's `мы` is the ministry his title names: `министр промышленности, энергетики и
    инноваций Республики Башкортостан` → Министерство промышленности, энергетики и инноваций
    Республики Башкортостан (not a deputy's)."""
    words = (person.get("position") or "").split()
    if len(words) < 2 or words[0].lower() != MINISTER:
        return None
    return "Министерство " + " ".join(words[1:])


MINISTRY = "министерство"


def _ministry_named_as_body(doc, person: dict) -> bool:
    """Whether the text names a ministry as a body (`Министерство экономики …`, `в министерстве`),
    outside the minister's own title: a regional minister's `мы` is his region otherwise
    (GUIDELINES)."""
    titles = person.get("mentions") or []
    return any(t.lemma_.lower() == MINISTRY and not any(start <= t.idx < end for start, end in titles) for t in doc)


def speaker_party(doc, i: int) -> Optional[Party]:
    """`мы` at token i: the speaker's organisation, else the runner of the main park."""
    name = quoted_speaker_org(doc, i) or speaker_organisation(doc) or _main_park_runner(doc)
    return _speaking_party(doc, i, name) if name else None


def _speaking_party(doc, i: int, name: str) -> Party:
    """A governor's `мы` is his region (`Тверская область`, a place the text names), else an
    organisation."""
    places = {region_name(ent) for ent in entities(doc) if ent.label_ == "LOC"}
    return Party(i, i + 1, _park_runner(doc, _park_own_name(doc, name)), LOC if name in places else ORG)


def _park_runner(doc, name: str) -> str:
    """A park director's `мы` is the company that runs the park when the text names one
    (`Управляет парком ООО «Клязьма Девелопмент»`), else the park itself (GUIDELINES)."""
    park = next((p for p in getattr(doc._, "parks", None) or [] if p["name"] == name), None)
    return park.get("operator") or name if park is not None else name


def _park_own_name(doc, name: str) -> str:
    """`СЭЗ Полесье` (a director's organisation) is the park, which signs under its own name
    (`Полесье`): the kind, written out or abbreviated, before a park's name is dropped."""
    for park in getattr(doc._, "parks", None) or []:
        kind, _, rest = name.rpartition(" " + park["name"])
        if kind and not rest and (kind.isupper() or kind.lower() == (park.get("kind") or "").lower()):
            return park["name"]
    return name


GENERIC_HEADS = {"компания", "предприятие"}
HEADED_REACH = 1  # `… АО «Симбирская промышленная корпорация». … корпорация подписала`: the sentence before


def referred_party(doc, sentences, index: int, places: set, park_names: set) -> Optional[Party]:
    """The organisation a subject noun of sentences[index] stands for; `технопарк` signing
    is the park the article speaks of most."""
    sent = sentences[index]
    noun = _subject_noun(doc, sent)
    if noun is None:
        described = _subject_noun(doc, sent, named_too=True)
        named = _named_between_dashes(doc, described, sent.end) if described is not None else None
        if named is not None:
            return named  # (sentence_parties leaves out a name between dashes, an aside)
        noun = _partner_noun(doc, sent)
    return party_for_noun(doc, sentences, index, noun, places, park_names) if noun is not None else None


def referred_partner(doc, sentences, index: int, places: set, park_names: set) -> Optional[Party]:
    """`Мы подписали с компанией соглашение`: the partner a noun after `с` stands for when a
    subject noun or pronoun signs too (referred_party reads the subject)."""
    if _subject_noun(doc, sentences[index], named_too=True) is None:
        return None  # (`Управляющая компания парка — АО «Х» — подписала с комбинатом договор`)
    noun = _partner_noun(doc, sentences[index])
    return party_for_noun(doc, sentences, index, noun, places, park_names) if noun is not None else None


def party_for_noun(doc, sentences, index: int, noun: int, places: set, park_names: set) -> Optional[Party]:
    """The organisation the bare noun at token `noun` of sentences[index] stands for, whatever
    its case (`Компания подписала …`, `Вторая площадка корпорации — …`)."""
    sent = sentences[index]
    if word_lemmas(doc[noun]) & load_set("park_subject_nouns.txt"):
        park = _park_of_kind_just_named(doc, sentences, index, noun) or _park_of_kind(doc, noun) or _main_park(doc)
        return Party(noun, noun + 1, park, ORG) if park else None
    if doc[noun].lemma_.lower() in THIRD_PERSON:
        return _only_organisation_before(doc, sentences, index, places, park_names, noun)
    speaker = quoted_speaker_org(doc, noun) or speaker_organisation(doc) if doc[noun].lemma_.lower() in GUEST_PRONOUNS \
        else None
    if speaker is not None:
        return _speaking_party(doc, noun, speaker)
    counts: Dict[str, List] = {}
    headed: Dict[str, int] = {}  # names with the noun in them → the last sentence naming one
    business = bool(word_lemmas(doc[noun]) & load_set("business_nouns.txt")) \
        and not (noun > 0 and word_lemmas(doc[noun - 1]) & RUNNER[0])  # `управляющая компания` may be a corporation
    # `корпорация` stands for the one named with it however far back; `компания`, in so many
    # names, only for one in the sentence before
    generic = bool(word_lemmas(doc[noun]) & GENERIC_HEADS)
    for order, earlier in enumerate(sentences[:index]):
        for party in sentence_parties(doc, earlier, places, False):
            key = party.name.lower()
            if party.type == ORG and key not in park_names and not names_park(doc, party) \
                    and not (business and _public_body(doc, party)):  # `компания` is no ministry
                seen = counts.setdefault(key, [0, 0, party.name])
                seen[0] += 1
                seen[1] = order
                if _named_with(doc, party, doc[noun]) and (index - order <= HEADED_REACH or not generic):
                    headed[key] = order
    if headed:
        # `АО «Симбирская промышленная корпорация» … корпорация подписала`: the noun in a name
        return Party(noun, noun + 1, counts[max(headed, key=headed.get)][2], ORG)
    described = _described(doc, noun, counts)
    if described is not None:  # `АО «Волгализинг» … лизинговая компания подписала`
        return Party(noun, noun + 1, described, ORG)
    if word_lemmas(doc[noun]) & load_set("role_subject_nouns.txt"):
        return None  # `Оператор тоже …`: a role stands for no company merely named often
    if not counts:
        # a park director's `мы`: the company that runs the park, or the park
        runner = _main_park_runner(doc) if doc[noun].lemma_.lower() in GUEST_PRONOUNS else None
        return Party(noun, noun + 1, runner, ORG) if runner else None
    # `Свердловская область\n\nЭкспертный совет включил ООО «Х» … Соглашение с инвестором подписала …`:
    # the paragraph's own companies first
    # (a speaker's `мы` is his organisation, however far back)
    start = paragraph_start(doc, sent.start)
    local = {key: seen for key, seen in counts.items() if sentences[seen[1]].start >= start} \
        if doc[noun].pos_ != "PRON" else {}
    _, _, name = max((local or counts).values(), key=lambda seen: (seen[0], seen[1]))
    return Party(noun, noun + 1, name, ORG)


STEM = 5  # `лизинговая` → `лизин`, found in `Волгализинг`


def _described(doc, noun: int, counts: Dict[str, List]) -> Optional[str]:
    """The one organisation named before whose name holds the stem of the adjective before the
    noun (`лизинговая компания` for «Волгализинг»), or None."""
    before = doc[noun - 1] if noun > 0 else None
    if before is None or before.pos_ != "ADJ" or not before.text.islower() or len(before.lemma_) <= STEM:
        return None
    stem = before.lemma_.lower()[:STEM]
    named = [name for key, (_, _, name) in counts.items() if stem in key.replace("ё", "е")]
    return named[0] if len(named) == 1 else None


def _public_body(doc, party: Party) -> bool:
    """A state body or a development institution (`Корпорация развития …`, `Агентство …`,
    rules/development_institutions.txt): no `компания` or `инвестор` stands for it."""
    words = list(name_lemmas(party.name))[:2]  # (`КРДВ` stands for its full name)
    return is_state_body(doc[party.start]) or any(
        words[:len(head.split())] == head.split() for head in load_set("development_institutions.txt"))


def _only_organisation_before(doc, sentences, index: int, places: set, park_names: set, noun: int) -> Optional[Party]:
    """What `она` stands for: the one organisation of the sentence before, when it names one, or
    the one it names before its finite verb, its subject (`ООО «Х» заключило соглашение с банком
    «Y». Кроме того, она подписала …`)."""
    if index == 0:
        return None
    before = sentences[index - 1]
    named = {p.name: p for p in sentence_parties(doc, before, places, False)
             if p.type == ORG and p.name.lower() not in park_names and not names_park(doc, p)}
    verb = next((t.i for t in before if t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm") == ["Fin"]), None)
    if len(named) > 1 and verb is not None:
        named = {name: p for name, p in named.items() if p.end <= verb}
    return Party(noun, noun + 1, next(iter(named)), ORG) if len(named) == 1 else None


def _named_with(doc, party: Party, noun) -> bool:
    """Whether a party's name holds the noun that now stands for it (`корпорация` in
    `Симбирская промышленная корпорация`); a pronoun is in no name."""
    if noun.pos_ == "PRON":
        return False
    i = party.start - 1  # `банк «Тихоокеанский капитал»`: the noun right before the name
    while i >= 0 and (doc[i].text in QUOTES or is_legal_form(doc[i].text)):
        i -= 1
    return any(word_lemmas(t) & word_lemmas(noun) for t in doc[max(i, 0):party.end] if t.is_alpha)


def _name_tokens(ent) -> list:
    """An organisation's name without its legal form and quotes."""
    return [t for t in ent if t.text not in QUOTES and t.text != "»" and not is_legal_form(t.text)]


def _name_words(ent) -> List[str]:
    """The lemmas of an organisation's name without its legal form and quotes."""
    return [t.lemma_.lower() for t in _name_tokens(ent)]


def _head_after_adjectives(ent) -> List[str]:
    """`АО «Самарская областная корпорация промышленного развития»` → [корпорация]: the lemma of
    the first noun of a name that opens with adjectives, or [] for a name that does not."""
    words = _name_tokens(ent)
    k = 0
    while k < len(words) and words[k].pos_ == "ADJ":
        k += 1
    return [words[k].lemma_.lower()] if 0 < k < len(words) and words[k].pos_ == "NOUN" else []


HEAD_WORDS = 2  # `корпорация развития`, `фонд развития промышленности`


def named_by_head(doc, sentences, index: int) -> List[Party]:
    """`соглашение между министерством и корпорацией China Xinda`: a bare head noun
    (rules/bare_org_heads.txt) in any
    case, with no name of its own after it, is the last organisation named before whose name
    opens with that noun (`Министерство промышленности и строительства Республики Казахстан`)."""
    sent = sentences[index]
    return bare_head_names(doc, sent) + _park_runner_named(doc, sent) + _zone_administrations(doc, sent)


ZONE_BODIES = {"администрация", "дирекция"}  # `администрация СЭЗ «Витебск»`


def _zone_administrations(doc, sent) -> List[Party]:
    """`Договор … администрация СЭЗ «Витебск» заключила …`: a zone's administration or
    directorate that signs is the zone (GUIDELINES), a park the text names."""
    found = []
    for token in sent:
        if token.lemma_.lower() not in ZONE_BODIES or token.i + 1 >= sent.end:
            continue
        kind = match_kind(doc, token.i + 1)
        named = _park_quoted_at(doc, sent, kind[0]) if kind is not None else None
        if named is not None:
            close, park = named
            found.append(Party(kind[0] + 1, close, park["name"], ORG))
        elif kind is not None and not _named_after(doc, kind[0] - 1, sent.end):
            park = _park_of_kind(doc, token.i + 1)  # `администрация СЭЗ заключила …`: the zone told of
            if park is not None:
                found.append(Party(token.i, kind[0], park, ORG))
    return found


def _park_quoted_at(doc, sent, j: int):
    """(closing quote, park record) of a park the text names, quoted from token j on, or None."""
    if j >= sent.end or doc[j].text not in QUOTES:
        return None
    close = next((k for k in range(j + 1, sent.end) if doc[k].text in {"»", "\""}), None)
    if close is None:
        return None
    quoted = doc[j + 1:close].text
    park = next((p for p in getattr(doc._, "parks", None) or []
                 if p["name"].lower() == quoted.lower() or is_declined_form(quoted, p["name"])), None)
    return (close, park) if park is not None else None


def bare_head_names(doc, sent) -> List[Party]:
    """Bare head nouns of rules/bare_org_heads.txt in `sent` (`корпорацией`, `Корпорация развития
    региона`, `та же корпорация развития`), each as the last organisation named before whose
    name opens with the same words."""
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma not in load_set("bare_org_heads.txt"):
            continue
        capital_opening = token.i == sent.start or doc[token.i - 1].is_space
        if _owner_of_subsidiary(doc, sent, token):
            continue  # `дочерняя компания университета — ООО «Агротех-Сибирь»`: the university owns it
        place_adjective = _place_adjective_before(doc, sent, token)
        if not (token.text.islower() or capital_opening) \
                or token.ent_type_ and not (token.ent_type_ == "ORG" and token.ent_iob_ == "B") and place_adjective is None:
            continue
        end = token.i + 1  # `корпорация развития`: genitive words of the name, no place after them
        while end < sent.end and end - token.i <= HEAD_WORDS and doc[end].pos_ == "NOUN" and doc[end].text.islower() \
                and doc[end].morph.get("Case") == ["Gen"] and not word_lemmas(doc[end]) & GENERIC_PLACES:
            end += 1
        last = end  # `Корпорация развития региона`: the region spoken of, no name
        if end < sent.end and word_lemmas(doc[end]) & GENERIC_PLACES:
            last = end + 1
        if token.ent_type_ and (last < len(doc) and doc[last].ent_iob_ == "I" or doc[last - 1].ent_type_ != "ORG"):
            continue  # the tagger's organisation is a name of its own, not this bare phrase
        following = doc[last] if last < sent.end else None
        if following is not None and (following.text in QUOTES or following.ent_type_ or following.pos_ in {"PROPN", "NOUN", "ADJ"}) \
                and not word_lemmas(following) & load_set("agreement_references.txt"):
            continue  # `заключило с корпорацией соглашение`: the document, no name of the body
        words = [t.lemma_.lower() for t in doc[token.i:end]]
        earlier = [with_place(doc, ent) for ent in entities(doc) if ent.end <= sent.start and ent.label_ == "ORG"
                   and (_name_words(ent)[:len(words)] == words or words == _head_after_adjectives(ent))]
        if place_adjective is not None:  # `Смоленская корпорация` for `Корпорация … Смоленской области`
            earlier = [name for name in earlier if any(word_lemmas(t) & place_adjective for t in name)]
        if earlier:
            start = token.i - 1 if place_adjective is not None else token.i
            found.append(Party(start, last, _name_of(doc, earlier[-1]), ORG))
    return found


def _owner_of_subsidiary(doc, sent, token) -> bool:
    """A head right after a subsidiary's noun (rules/subsidiary_nouns.txt), past its quotes:
    `«дочка» группы`, `дочерняя компания университета`, `структура холдинга`."""
    j = token.i - 1
    while j > sent.start and doc[j].text in QUOTES | {"»"}:
        j -= 1
    if j < sent.start:
        return False
    subsidiary = load_set("subsidiary_nouns.txt")
    return bool(word_lemmas(doc[j]) & subsidiary) or j > sent.start and doc[j].pos_ == "NOUN" \
        and bool(word_lemmas(doc[j - 1]) & subsidiary)


def _name_of(doc, ent) -> str:
    """An organisation's name, its quoted part alone after a head word (`Банк «Амур-Капитал»` →
    Амур-Капитал), as the sentence naming it gives it."""
    quoted = next((q for q in quoted_spans(doc) if q.start == ent.start + 2 and q.end + 1 == ent.end), None)
    return org_name(doc[quoted.start - 1:quoted.end + 1]) if quoted is not None else org_name(ent)


def _place_adjective_before(doc, sent, token):
    """The lemmas of `Смоленская` when the tagger took `Смоленская корпорация` for a name of its
    own: a capitalised adjective opening the entity right before the head noun."""
    if token.ent_iob_ != "I" or token.i == sent.start:
        return None
    before = doc[token.i - 1]
    if before.ent_iob_ != "B" or before.pos_ != "ADJ" or not before.text[:1].isupper():
        return None
    return word_lemmas(before)


GENERIC_PLACES = {"регион", "область", "край", "республика"}  # `корпорация развития региона`


RUNNER = ({"управляющий", "управлять"}, "компания")  # the tagger may read the participle as the verb
RUNNER_ABBREVIATIONS = {"УК"}
OPERATOR = "оператор"


KIND_WORDS = 3  # `управляющая компания индустриального парка «Х»`: the kind's words before the name


def _runner_of_named_park(doc, sent, i: int) -> Optional[Party]:
    """The operator of the park a runner's noun names right after it (`управляющая компания
    зоны «Х»`), standing where the park's name stands; None when the text gives it none."""
    j = i
    while j < min(sent.end, i + KIND_WORDS) and doc[j].text not in QUOTES \
            and (doc[j].pos_ == "ADJ" or word_lemmas(doc[j]) & GENERIC_REFERENCES or match_kind(doc, j)):
        j += 1
    named = _park_quoted_at(doc, sent, j) if j > i else None
    if named is None or not named[1].get("operator"):
        return None
    close, park = named
    return Party(j + 1, close, park["operator"], ORG)


def _name_follows(doc, i: int, end: int) -> bool:
    """A name at token i (past a legal form): `, АО «Х»`, `— ООО «Y»`, `, Корпорация развития …`."""
    while i < end and (doc[i].is_space or is_legal_form(doc[i].text)):
        i += 1
    return i < end and (doc[i].text in QUOTES or doc[i].ent_type_ in {"ORG", "PER"} or doc[i].pos_ == "PROPN"
                        or doc[i].text[:1].isupper() and doc[i].is_alpha)


def _park_runner_named(doc, sent) -> List[Party]:
    """`заключила с управляющей компанией соглашение`: a bare `управляющая компания` (no name,
    at most a park word after it) is the operator of the park the article speaks of most."""
    park = _most_named_park(doc)
    for token in sent:
        short = token.text in RUNNER_ABBREVIATIONS  # `контракт УК с китайской компанией`
        operator = token.lemma_.lower() == OPERATOR and token.text.islower() \
            and token.morph.get("Case") == ["Nom"] and token.morph.get("Number") == ["Sing"]  # `Летом оператор заключил …`
        if not short and not operator and (token.i + 1 >= sent.end or token.lemma_.lower() not in RUNNER[0]
                                           or doc[token.i + 1].lemma_.lower() != RUNNER[1]):
            continue
        end = token.i + (2 if not short and not operator else 1)
        named = _runner_of_named_park(doc, sent, end)
        if named is not None:
            return [named]  # `управляющая компания зоны «Коканд-Текстиль»`: that park's operator
        after = next((t for t in doc[end:sent.end] if not t.is_space), None)
        kind = match_kind(doc, after.i) if after is not None else None
        if after is not None and (word_lemmas(after) & GENERIC_REFERENCES or kind):
            # `управляющая компания ОЭЗ заключила …`: the park's word or kind, no name after it
            after = next((t for t in doc[(kind[0] if kind else after.i + 1):sent.end] if not t.is_space), None)
            if kind and after is not None and after.text in {",", "—", "–"}:
                continue  # `управляющая компания ОЭЗ — …`: named after the dash
        if operator and not (after is not None and after.pos_ in {"VERB", "AUX", "ADV", "PART"}):
            continue  # `Его оператор — компания …`, `оператор связи`: named, or another trade's
        if park is None or not park.get("operator"):
            continue
        if after is None or not (after.text in QUOTES or after.ent_type_ or after.pos_ == "PROPN"
                                 or after.text in {",", "—", "–"} and _name_follows(doc, after.i + 1, sent.end)):
            return [Party(token.i, end, park["operator"], ORG)]  # (not `управляющей компанией, АО «Х»`)
    return []
