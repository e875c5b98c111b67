"""Signers an agreement sentence implies rather than names: one side that signs every
document listed (`От имени региона документы подписал …`), the speaker of an interview
(`нашей компанией`, `Второй документ — договор с компанией «Y»` in the speaker's words), a
bare head noun for the body named before (`между министерством и …`), and persons under the
full names their person records hold.
"""
from __future__ import annotations

from typing import List, Optional

from ..numbers import parse_number
from ..records import LOC, ORG, PER
from ..vocab import load_set
from .agreement_anaphora import MORE, THE_REST, opens_with_side
from .agreement_merge import same_party, same_typed_party
from .agreement_nouns import kind_at
from .common import WITH, article_region, ends_with_colon, entities, is_counted, sentence_after, sentence_before, word_lemmas
from .elided_subjects import speaks_as_we
from .park_mentions import GENERIC_REFERENCES
from .org_names import expand_abbreviation
from .parties import ORG_NOUNS, Party, is_government
from .region_names import region_name
from .state_bodies import name_lemmas
from .party_references import GENERIC_PLACES, WITH_REACH, speaker_party


def signs_many(doc, sent) -> bool:
    """`От имени региона документы подписал первый вице-губернатор …`: a person signs all the
    documents the article lists (uncounted: `подписано 14 соглашений` is a total)."""
    return any(t.lemma_.lower() in load_set("agreement_references.txt") and t.morph.get("Number") == ["Plur"]
               and not is_counted(doc, t.i) for t in sent) or _documents_pronoun(doc, sent)


THEY = "они"


def _documents_pronoun(doc, sent) -> bool:
    """`… подписало три документа. Все они подписаны губернатором …`: `они` after `все` speaks
    of the documents the sentence before counts."""
    before = sentence_before(doc, sent)
    return before is not None and any(
        t.lower_ == THEY and t.i > sent.start and doc[t.i - 1].lemma_.lower() in ALL for t in sent) \
        and any(t.lemma_.lower() in load_set("agreement_references.txt") and is_counted(doc, t.i) for t in before)


ALL = {"весь", "оба"}


def signed_back(doc, sent) -> int:
    """`Все три документа … подписал …`, `Оба соглашения подписал …`: how many of the agreements
    just named one signing covers (0 when it speaks of no such set)."""
    found = _set_signed_back(doc, sent)
    return found[1] if found else 0


def kind_signed_back(doc, sent) -> Optional[str]:
    """The kind of the set signed back (`Все три соглашения …` → соглашение); None for a
    word of no kind (`Все три документа …`), which covers the agreements of every kind."""
    found = _set_signed_back(doc, sent)
    kind = kind_at(doc, found[0].i) if found else None
    return kind[1] if kind else None


def _set_signed_back(doc, sent):
    """(the word for the documents, how many) of a signing that covers a set just named."""
    one_side = opens_with_side([t for t in sent if not t.is_space])
    for token in sent:
        if token.lemma_.lower() not in load_set("agreement_references.txt") \
                or not (token.morph.get("Number") == ["Plur"] or is_counted(doc, token.i)):
            continue  # `три документа` is a singular genitive after the number
        before = [t for t in doc[max(sent.start, token.i - 3):token.i] if not t.is_space]
        if not any(t.lemma_.lower() in ALL for t in before) and not one_side:
            continue  # (`От имени правительства три документа подписал …`: one side signs them all)
        if any(t.lemma_.lower() == "оба" for t in before):
            return token, 2
        number = next((parse_number(t.text) for t in before if parse_number(t.text)), None)
        return token, int(number) if number else 0
    return None


def signs_next(doc, sent) -> int:
    """`Ещё два документа со стороны региона подписал министр …`, `Под четырьмя из них подписи
    поставил …`: how many agreements told next the signing covers (0 when the sentence counts no
    more documents)."""
    for token in sent:
        if token.lemma_.lower() in load_set("agreement_references.txt") and is_counted(doc, token.i) \
                and token.i >= sent.start + 2 and (doc[token.i - 2].lower_ in MORE or word_lemmas(doc[token.i - 2]) & THE_REST
                                                   or _first_told_next(doc, sent)):
            number = parse_number(doc[token.i - 1].text)
            return int(number) if number else 0
    return _part_signed(doc, sent)


OF_THEM = ("из", "них")


def _part_signed(doc, sent) -> int:
    """`Под четырьмя из них от имени региона подписи поставил …`: a person signs a part of the
    documents counted before, told next (not `Пять из них подписаны с …`, the partners named)."""
    words = [t for t in sent if not t.is_space]
    if any(t.lower_ in WITH for t in words) or not any(t.ent_type_ == PER for t in words):
        return 0
    for k, token in enumerate(words[:4]):
        if tuple(t.lower_ for t in words[k + 1:k + 3]) == OF_THEM and (token.pos_ == "NUM" or token.like_num):
            number = parse_number(token.text)
            return int(number) if number else 0
    return 0


FIRST = "первый"


TOLD_NEXT_SENTENCES = 2  # `Церемония прошла в присутствии …` may come between


def _first_told_next(doc, sent) -> bool:
    """`Он же подписал три документа. Первый — соглашение с …`: one of the next sentences opens
    with the first of them."""
    following = sent
    for _ in range(TOLD_NEXT_SENTENCES):
        following = sentence_after(doc, following)
        if following is None:
            return False
        words = [t for t in following if not t.is_space][:2]
        # `Первый — соглашение с …`, `Первое соглашение …`; not `Первый заместитель губернатора …`
        if len(words) == 2 and words[0].lemma_.lower() == FIRST and (
                words[1].text in {"—", "–", ":"} or words[1].lemma_.lower() in load_set("agreement_references.txt")):
            return True
    return False


def name_persons_fully(doc, found: list) -> None:
    """A person who signs under a short name (`Корнилов`) takes the person record's fullest
    one (`Дмитрий Корнилов`)."""
    for mention in found:
        for k, party in enumerate(mention.parties):
            person = person_record(doc, party)
            if person is not None and len(person["name"]) > len(party.name):
                mention.parties[k] = Party(party.start, party.end, person["name"], PER, party.governed)


def add_signer_sides(doc, found: list) -> None:
    """A person who signs signs for the region or city of his title (`Подписи поставили
    Кудрявцев и …` after `Мэр Новосибирска Максим Кудрявцев …`), unless a party of the agreement
    already holds that name (`министерство … Пензенской области` holds Пензенская область)."""
    persons = {p["name"]: p for p in getattr(doc._, "persons", None) or []}
    places = {name_lemmas(region_name(e)): region_name(e) for e in entities(doc)
              if e.label_ == "LOC" and not any(is_government(t) for t in e)}  # not `Гродненский облисполком`
    for mention in found:
        for party in [p for p in mention.parties if p.type == PER]:
            person = persons.get(party.name) or {}
            org = person.get("org") or (article_region(doc) if _heads_the_region(person.get("position")) else None)
            if not org:
                continue  # (`глава региона Андрей Северцев` in an article of one region: that region)
            words = name_lemmas(org)
            if any(set(words) <= set(name_lemmas(q.name)) for q in mention.parties):
                continue
            place = places.get(words) or _governed_place(words, places)
            if place is None and _company_side(doc, org, mention, party, persons):
                # `руководитель исполкома … Тихонов и Ринат Садыков подписали` after `генеральный
                # директор «Алюмпрофиль-Поволжье» Ринат Садыков`: no company signs otherwise
                mention.parties.append(Party(party.start, party.start, org, ORG))
                continue
            if place is None or place.lower() in load_set("countries.txt") and any(p.type == ORG for p in mention.parties):
                continue  # a body or company of a title is often named otherwise; a state is too wide,
                # but for officials signing with no organisation (`министр торговли Турции`, a commission's protocol)
            side = Party(party.start, party.start, place, LOC, governed=True)
            if not any(same_party(side, q) for q in mention.parties):
                mention.parties.append(side)


REGION_WORDS = GENERIC_PLACES | {"субъект"}  # (an `округ` may be a town's)
TOWN_HEADS = {"мэр"}  # of rules/region_head_positions.txt, a town's head only


def _heads_the_region(position: Optional[str]) -> bool:
    """`глава региона`, `хоким области`: a region's head (rules/region_head_positions.txt) whose title
    names the region by its common noun only (not `губернатор` or `хоким` alone, who may head a town
    or only attend)."""
    words = name_lemmas(position) if position else ()
    return len(words) > 1 and words[0] in load_set("region_head_positions.txt") - TOWN_HEADS and set(words[1:]) <= REGION_WORDS


def _company_side(doc, org: str, mention, signer, persons: dict) -> bool:
    """Whether a signer's company, written as such in the text, is the side an agreement lacks:
    one with no organisation, or one whose every side is another signer's (`подписали гендиректор
    КРДВ Олег Веснин и директор компании Андрей Сухов`, Сухов's company named before)."""
    if f"«{org}»" not in doc.text:
        return False
    sides = [p for p in mention.parties if p.type != PER]
    if not any(p.type == ORG for p in sides):
        return True
    others = [(persons.get(p.name) or {}).get("org") for p in mention.parties if p.type == PER and p.name != signer.name]
    # every side named is another signer's (`подписали директор технопарка …, ректор ЧГУ … и
    # генеральный директор компании …`): the last signer's company is the side left
    return 0 < len(sides) <= len(others) and all(
        any(other and same_party(Party(0, 0, expand_abbreviation(doc, other), ORG), side) for other in others)
        for side in sides)


def _governed_place(words, places: dict):
    """`Кабинет министров Чувашии` → Чувашия: a government body's name closing with a place."""
    bodies = load_set("government_nouns.txt")
    for k in range(1, len(words)):  # `правительство …`, or a two-word body (`кабинет министр …`)
        if (words[0] in bodies or " ".join(words[:k]) in bodies) and tuple(words[k:]) in places:
            return places[tuple(words[k:])]
    return None


def add_shared_signers(doc, found: list, shared) -> None:
    """Each (from token, parties, how many) of `shared` joins the agreement mentions from that
    token on: every one, or the first `how many` (`Оба документа подписал …` before the two); a
    side's region signs no deal of another region."""
    for start, parties, count in shared:
        regions = [p for p in parties if p.type == LOC]
        after = [m for m in found if m.start >= start]
        if count is not None:  # the first `count` agreements, not one spoken of again between them
            news = [m for k, m in enumerate(after) if not m.anaphoric or _new_side(m, after[k - 1] if k else None)][:count]
            after = [m for m in after if m.start <= news[-1].start] if news else []
        # (`… все документы подписал Y` before a lease told later, signed by its own two: not that one)
        own = [group for m in after if count is None and (group := _signed_by_its_own(m, after))]
        after = [m for m in after if not any(m is n for group in own for n in group)]
        for mention in after:
            if regions and any(q.type == LOC and not any(same_party(q, r) for r in regions) and not _is_municipality(q)
                               for q in mention.parties):
                continue  # `Хабаровский край … подписал соглашение с …`: another region's deal (a
                # district of the region signs beside it: `правительство области, администрация района и …`)
            if _others_deal(doc, mention, parties) or _list_head_signs(doc, mention, parties):
                continue
            mention.parties += [p for p in parties if not any(same_party(p, q) for q in mention.parties)]


def _list_head_signs(doc, mention, shared: list) -> bool:
    """`Со стороны КРДВ документы подписал … Сергей Волков:` before the lines of his list: each
    line's deal already holds the person its list's head names, not one who signed the others."""
    line = doc[mention.start].sent.start
    return any(p.type == PER and p.start < line and ends_with_colon(doc[p.start].sent)
               and not any(same_party(p, q) for q in shared) for p in mention.parties)


def _others_deal(doc, mention, shared: list) -> bool:
    """`От имени области все документы подписал …`, then `Кроме того, АО «Х» и университет
    заключили договор`: a deal whose first side is its subject and which has two sides of its
    own, neither the side whose signer signed all documents, is not one of them
    (`трёхстороннее соглашение с фондом … и компанией «Х»` is: the region is its third)."""
    sides = sorted((p for p in mention.parties if p.type != PER), key=lambda p: p.start)
    ours = [p for p in shared if p.type != PER]
    if len({p.name.lower() for p in sides}) < 2 or not ours:
        return False
    if any(t.lower_ in WITH for t in doc[max(0, sides[0].start - WITH_REACH):sides[0].start]):
        return False

    def named(party):
        return Party(party.start, party.end, expand_abbreviation(doc, party.name), party.type)
    return not any(same_party(named(p), named(q)) for p in sides for q in ours)


def _signed_by_its_own(mention, after) -> list:
    """The mention and the next of its kind that speaks of it again, when between them two sides or
    more each have a person signing for it already (`… подписали договор аренды. Договор со стороны
    корпорации подписал её генеральный директор …, со стороны компании — директор …`); else []."""
    again = next((m for m in after if m.start > mention.start and m.kind == mention.kind), None)
    group = [mention] + ([again] if again is not None and again.anaphoric else [])
    parties = [p for m in group for p in m.parties]
    sides = {p.name for p in parties if p.type != PER}
    return group if len(sides) >= 2 and len({p.name for p in parties if p.type == PER}) >= len(sides) else []


def _is_municipality(party) -> bool:
    """`Бессоновский район`, `Ржевский муниципальный округ`: a place named as a municipality."""
    return any(word in load_set("municipality_nouns.txt") for word in party.name.lower().split())


def _new_side(mention, before) -> bool:
    """`Соглашение с АО «Х» касается …`: a mention opening its sentence with a side the one
    before it lacks is a new agreement, not that one spoken of again."""
    return any(p.type != PER and not (before is not None and any(same_party(p, q) for q in before.parties))
               for p in mention.parties)


def with_heads_named(parties: List[Party], named: List[Party]) -> List[Party]:
    """Bare head nouns (`министерством`) replaced by, or joined by, the names they stand for."""
    for party in named:
        same_place = [k for k, p in enumerate(parties) if p.start <= party.start < p.end]
        if same_place:
            parties[same_place[0]] = party
        elif not any(same_typed_party(party, p) for p in parties):
            parties = sorted(parties + [party], key=lambda p: p.start)
    return parties


OURS = {"наш"}  # `между правительством области, нашей компанией и …`


def ours_named(doc, sent, parties: List[Party]) -> List[Party]:
    """`нашей компанией`, `наш технопарк` among the parties, or any noun after `наш` signing
    (`наш центр подписал меморандум`): the speaker's organisation."""
    for token in sent:
        if token.lemma_.lower() in OURS and token.i + 1 < sent.end \
                and (doc[token.i + 1].lemma_.lower() in ORG_NOUNS | GENERIC_REFERENCES | load_set("position_park_nouns.txt")
                     or _signs_next(doc, token.i + 1, sent.end)):
            speaker = speaker_party(doc, token.i)
            if speaker is not None and not any(same_party(speaker, p) for p in parties):
                return sorted(parties + [speaker], key=lambda party: party.start)
    return parties


def _signs_next(doc, i: int, end: int) -> bool:
    """A noun in the nominative right before a signing verb: its subject."""
    return doc[i].pos_ == "NOUN" and doc[i].morph.get("Case") == ["Nom"] and i + 1 < end \
        and doc[i + 1].lemma_.lower() in load_set("sign_verbs.txt")


def our_side(doc, before, sent, parties: List[Party]) -> List[Party]:
    """`Мы подписали соглашение с «Х». Второй документ — договор с компанией «Y»`: a document
    with one partner after `с`, told in the speaker's words, has the speaker on the other side."""
    if len(parties) != 1 or not speaks_as_we(before, sent):
        return []
    before_party = [t for t in doc[max(sent.start, parties[0].start - 3):parties[0].start] if not t.is_space]
    if not any(t.lower_ in WITH for t in before_party):
        return []
    speaker = speaker_party(doc, sent.start)
    return [speaker] if speaker is not None and not same_party(speaker, parties[0]) else []


def person_record(doc, party: Party):
    """The person record one of whose mentions a signing person's tokens overlap, or None."""
    if party.type != PER or party.end <= party.start:
        return None
    start, end = doc[party.start].idx, doc[party.end - 1].idx + len(doc[party.end - 1])
    return next((p for p in getattr(doc._, "persons", None) or []
                 if any(a < end and start < b for a, b in p.get("mentions") or [])), None)


def person_side(doc, party: Party):
    """The organisation or region a signing person's title names (`директор «УралЛесТеха»
    Павел Гречко` → УралЛесТех), from the person's record; None when the title names none."""
    org = (person_record(doc, party) or {}).get("org")
    return Party(party.start, party.start, org, ORG) if org else None


def sides_of(doc, party: Party, mentions: list) -> list:
    """The agreement mentions among `mentions` whose parties hold the side `party` signs for:
    a person's organisation or region, or an organisation named again (`Турецкую сторону
    представляли председатель совета директоров Bursa Örme …, генеральный директор Kayseri
    Denim …` after three documents each signed by one of them)."""
    side = person_side(doc, party) if party.type == PER else party
    if side is None:
        return []
    return [m for m in mentions if any(q.type != PER and same_party(side, q) for q in m.parties)]


def place_by_side(doc, parties: List[Party], recent: list, default: list, latest_first: bool = True) -> None:
    """Each party of a sentence that tells who signed joins the recent agreements of its
    side (the last of them alone when it is one, unless `latest_first` is off: `соглашение и
    меморандум подписал …` names both); a party with no such side joins the `default` ones."""
    for party in parties:
        owners = sides_of(doc, party, recent)
        if latest_first and any(m is recent[-1] for m in owners):
            owners = [recent[-1]]  # `Документ подписали губернатор … и …`: the one just named
        for mention in owners or default:
            mention.parties.append(party)
