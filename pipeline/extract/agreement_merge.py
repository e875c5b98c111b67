"""One record per agreement: mentions of one kind whose parties overlap are one agreement.

A headline `Минпромторг и Кировская область подписали соглашение` and the text's
`Министерство промышленности и торговли России и правительство Кировской области
подписали соглашение` are one agreement, named as fully as the text names it. Names
compare by their words' normal forms, a ministry's abbreviation spelled out
(state_bodies.name_lemmas), and by initials (`КХК`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, List, Optional, Tuple

from ..normalize import without_generic_noun
from ..records import LOC, ORG, PER, Agreement, Signatory
from ..vocab import load_set, load_table
from .agreement_anaphora import opens_with_side
from .common import add_evidence, contains_words, full_latin_name, full_short_name
from .park_mentions import is_declined_form
from .org_names import shortens
from .parties import Party
from .state_bodies import is_informal_region, name_lemmas, region_aliases


def same_party(one: Party, other: Party) -> bool:
    return _same_party_name(one, other)


def same_typed_party(one: Party, other: Party) -> bool:
    """One party named twice, of one type: a region inside an organisation's name is another
    party (`правительством Оренбургской области, корпорацией`)."""
    return one.type == other.type and _same_party_name(one, other)


def _same_party_name(one: Party, other: Party) -> bool:
    """Names of one party; an abbreviation may also take the parts of a hyphenated word as
    words (`ЮУрГУ` of `Южно-Уральский государственный университет`, whose lemma is one word)."""
    words, others = _words(one), _words(other)
    return _same_name(words, others) or _abbreviation_of(_written_parts(one), others) \
        or _abbreviation_of(_written_parts(other), words)


def _written_parts(party: Party) -> List[str]:
    return [part for word in party.name.lower().split() for part in word.split("-") if part]


def merge_mentions(doc, found: list) -> List[Agreement]:
    """One agreement per kind and set of parties: a subset of known parties, or signing
    persons alone, are the agreement of that kind already known."""
    agreements: List[Agreement] = []
    for m in found:
        persons_only = all(p.type == PER for p in m.parties)
        same = next((a for a in reversed(agreements) if a.kind == m.kind and not _other_sums(a, m)
                     and (persons_only or _overlaps(a, m.parties) or _signers_of(a, m.parties) and not m.listed
                          or _same_sum(a, m))),
                    None)
        if same is None and m.anaphoric:
            same = _spoken_of_again(agreements, m, _side_opened(doc, m))
        if same is None:
            same = Agreement(kind=m.kind)
            agreements.append(same)
        _prefer_fuller_names(same, m.parties)
        known = [Party(0, 0, s.name, s.type) for s in same.signatories]
        parties = _fullest(doc, m.parties)
        same.signatories += [Signatory(p.name, p.type) for p in _unique(known + parties)[len(known):]]
        same.sum = named_currency(same.sum, m.sum) if same.sum else m.sum
        same.mentions.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])))
        add_evidence(doc, "agreement", m.start, m.end, "kind", "agreement_noun")
    return agreements


BARE_CURRENCY = "RUB"  # `рублей` with no country: a headline's shorthand for `белорусских рублей` too


@lru_cache(maxsize=None)
def _other_roubles() -> frozenset:
    """Currencies of rules/currencies.tsv named by a country's rouble (`белорусских рублей`)."""
    return frozenset(code for words, code, _ in load_table("currencies.tsv", 3) if "рубль" in words) - {BARE_CURRENCY}


def named_currency(first, other):
    """The first sum, unless another of the same amount names the rouble a bare `рублей` left
    open (`инвестдоговор на 86,4 млн рублей` in a headline, `86,4 млн белорусских рублей` in the text)."""
    if other is not None and first.currency == BARE_CURRENCY and other.currency in _other_roubles() \
            and other.amount == first.amount:
        return other
    return first


def _other_sums(agreement: Agreement, m) -> bool:
    """`Тогда компания также заключала с областной администрацией соглашение — на 1,6 млрд`:
    the same sides with another sum sign another agreement."""
    return agreement.sum is not None and m.sum is not None and agreement.sum.amount != m.sum.amount


def _same_sum(agreement: Agreement, m) -> bool:
    """A headline's `начал работу с соглашения на 640 млн рублей` and the text's agreement of
    that kind and sum are one, whatever names each gives its sides."""
    return agreement.sum is not None and agreement.sum == m.sum


def with_legal_names(agreements: List[Agreement], legal: Iterable[str], parks: set) -> List[Agreement]:
    """`Ферротек` is `Ферротек Индастриз`, named in full with its legal form: a one-word Russian
    company name that one full name opens (a park signing in its own name stays: `Алабуга`)."""
    legal = list(legal)
    for agreement in agreements:
        for signatory in agreement.signatories:
            if signatory.type == ORG and signatory.name.lower() not in parks:
                signatory.name = full_short_name(signatory.name, legal)
        agreement.signatories = distinct_by_name(agreement.signatories)
    return agreements


def with_declined_names(agreements: List[Agreement], legal: Iterable[str], written: Iterable[str]) -> List[Agreement]:
    """`с «Катунь Фармом»` is `Катунь Фарм`, `проект «Сибнасоса»` is `Сибнасос-Тюмень`: a party left
    in a case the dictionary could not undo is the one company named with its legal form whose name
    (or first part before a hyphen) it declines; not a name written so after a legal form
    (`written`: `ООО «Оптиком-Рязань»`)."""
    legal, written = set(legal), set(written)
    for agreement in agreements:
        for signatory in agreement.signatories:
            if signatory.type != ORG or signatory.name in legal or signatory.name in written:
                continue
            declined = {name for name in legal if is_declined_form(signatory.name, name)
                        or " " not in signatory.name and "-" in name and signatory.name != name.split("-")[0]
                        and is_declined_form(signatory.name, name.split("-")[0])}
            if len(declined) == 1:
                signatory.name = declined.pop()
        agreement.signatories = distinct_by_name(agreement.signatories)
    return agreements


def without_parent_names(agreements: List[Agreement], parks: set) -> List[Agreement]:
    """`директор «Биопака»` beside `ООО «Биопак-Ярославль»`, a holding `Ярмолпрод` beside its
    `«Ярмолпрод Черноземье»`: an organisation whose name opens another signatory's name of the
    same agreement (word by word, hyphens too) is that company's short name or its parent, and
    only the company signs (GUIDELINES: a parent of the subsidiary that signs is no party)."""
    for agreement in agreements:
        words = {id(s): _name_words(s.name) for s in agreement.signatories if s.type == ORG and s.name.lower() not in parks}
        agreement.signatories = [s for s in agreement.signatories if id(s) not in words or not any(
            len(other) > len(words[id(s)]) and other[:len(words[id(s)])] == words[id(s)]
            for key, other in words.items() if key != id(s))]
    return agreements


def _name_words(name: str) -> tuple:
    return tuple(name.lower().replace("ё", "е").replace("-", " ").split())


def with_full_names(agreements: List[Agreement], named: Iterable[str] = ()) -> List[Agreement]:
    """`Al Noor` in a later agreement is `Al Noor Industrial Holding` of an earlier one, `Lutai`
    is `Shandong Lutai Tyre`: a foreign company named by words of a longer name the article
    gives another signatory, or gives in Latin letters anywhere (`named`: `встреча с делегацией
    компании Ege Seramik Yapı Malzemeleri A.Ş.`), takes that name (Russian names are left
    alone: a park `Алабуга` is no short form of its operator `Алабуга Девелопмент`)."""
    names = {s.name for a in agreements for s in a.signatories if s.type == ORG} | set(named)
    for agreement in agreements:
        for signatory in agreement.signatories:
            if signatory.type == ORG:
                signatory.name = full_latin_name(signatory.name, names)
        agreement.signatories = distinct_by_name(agreement.signatories)
    return agreements


def without_headline_restatements(doc, agreements: List[Agreement]) -> List[Agreement]:
    """`Омская область и Кыргызстан утвердили дорожную карту` over the text's `Дорожную карту
    подписали правительство Омской области и Министерство экономики … Кыргызской Республики`:
    a headline's agreement that shares a side with the one agreement of its kind the text tells
    is that agreement, named more loosely; the text's names stay."""
    headline_end = doc.text.find("\n")
    if headline_end < 0:
        return agreements

    def in_headline(agreement: Agreement) -> bool:
        return bool(agreement.mentions) and all(end <= headline_end for _, end in agreement.mentions)

    kept = []
    for agreement in agreements:
        if in_headline(agreement):
            told = [a for a in agreements if a is not agreement and a.kind == agreement.kind and not in_headline(a)]
            mine = [Party(0, 0, s.name, s.type) for s in agreement.signatories]
            if len(told) == 1 and any(same_party(p, Party(0, 0, s.name, s.type)) or _stem_of(p.name, s.name)
                                      for p in mine for s in told[0].signatories):
                told[0].sum = told[0].sum or agreement.sum
                continue
        kept.append(agreement)
    return kept


STEM = 6  # letters a headline's declined name shares with the text's (`«Технопривода»`, `Технопривод-Калуга`)


def _stem_of(headline_name: str, name: str) -> bool:
    """A headline's name in another case that opens the text's name (`Технопривода` →
    `Технопривод-Калуга`): the same company, declined or shortened."""
    stem = headline_name.lower()[:-2]  # (a case ending off)
    return len(stem) >= STEM and name.lower().startswith(stem)


def with_states_named(agreements: List[Agreement], bodies: Iterable[str]) -> List[Agreement]:
    """`Министерство экономики` signs, and the article names `Министерство экономики
    Азербайджанской Республики` (`bodies`: the state bodies it names with their state): the
    body signs under that name, as GUIDELINES keeps a ministry's state. Only when one such
    name fits."""
    bodies = {body: name_lemmas(body) for body in bodies}
    for agreement in agreements:
        for signatory in agreement.signatories:
            if signatory.type != ORG:
                continue
            words = name_lemmas(signatory.name)
            fuller = {body for body, lemmas in bodies.items()
                      if len(lemmas) > len(words) and lemmas[:len(words)] == words}
            if len(fuller) == 1:
                signatory.name = fuller.pop()
    return agreements


def with_fuller_names(agreements: List[Agreement], named: Iterable[Tuple[str, str]]) -> List[Agreement]:
    """`Сокольский округ` (a headline's) is the `Сокольский муниципальный округ` the text names,
    `Корпорация развития Дагестана` the `Корпорация развития Республики Дагестан`, `КБР` the
    `Кабардино-Балкарская Республика`: a party named by some words of one longer name the article
    gives (`named`: (name, type)), the same first and last words and only a formal name's words
    added (shortens), or by that name's initials, takes the longer name and its type."""
    named = {(name, kind) for name, kind in named if name}
    for agreement in agreements:
        for signatory in agreement.signatories:
            if signatory.type not in (ORG, LOC):
                continue
            fuller = {(name, kind) for name, kind in named if shortens(signatory.name, name)}
            if len(fuller) == 1:
                signatory.name, signatory.type = fuller.pop()
        agreement.signatories = distinct_by_name(agreement.signatories)
    return agreements


def with_formal_regions(agreements: List[Agreement], places: Iterable[str]) -> List[Agreement]:
    """`Ленобласть` signs, and the article names `Ленинградская область` anywhere (`places`):
    the region signs under its formal name (one party, as GUIDELINES has it)."""
    formal = {name_lemmas(place): place for place in places if not is_informal_region(place)}
    known = {name_lemmas(place): place for place in places}
    for agreement in agreements:
        for signatory in agreement.signatories:
            head, _, rest = signatory.name.partition(" ")
            if signatory.type == ORG and head.lower() in load_set("bare_government_nouns.txt") \
                    and name_lemmas(rest) in known:
                # `Правительство Республики Дагестан` (a signer's body): the region it governs
                signatory.name, signatory.type = known[name_lemmas(rest)], LOC
            if signatory.type == LOC and is_informal_region(signatory.name):
                signatory.name = formal.get(name_lemmas(signatory.name), signatory.name)
            # (`Восток Логистик Групп`: a direction opens no place's name)
            city = without_generic_noun(signatory.name, load_set("place_nouns.txt") - load_set("compass_words.txt"))
            if signatory.type in (LOC, ORG) and city != signatory.name:
                # `городского округа «Город Йошкар-Ола»`: the city
                signatory.name, signatory.type = city, LOC
            region = without_generic_noun(signatory.name, load_set("party_region_nouns.txt"))
            if signatory.type in (LOC, ORG) and region != signatory.name:
                # `Республика Мордовия … заключила` (tagged ORG): the region, named without its noun
                signatory.name, signatory.type = region, LOC
        agreement.signatories = distinct_by_name(agreement.signatories)
    return agreements


def _prefer_fuller_names(agreement: Agreement, parties: List[Party]) -> None:
    """A party named again more fully keeps the fuller name: `Минпромторг` in a headline,
    `Министерство промышленности и торговли России` in the text; a country in a headline,
    its ministry in the text (a body that contains the place's name). Not when the place
    is named again as a party of its own."""
    for signatory in agreement.signatories:
        known = _words(Party(0, 0, signatory.name, signatory.type))
        if any(party.name.lower() == signatory.name.lower() for party in parties):
            continue  # named again as it is: the fuller names are other parties
        for party in parties:
            same_type = party.type == signatory.type or (signatory.type == LOC and party.type == ORG)
            fuller = len(party.name.split()) > len(signatory.name.split()) or (
                is_informal_region(signatory.name) and not is_informal_region(party.name))
            if same_type and fuller and _same_name(_words(party), known):
                signatory.name, signatory.type = party.name, party.type


def _overlaps(agreement: Agreement, parties: List[Party]) -> bool:
    """The same agreement: its known parties contain the new ones, or the reverse, or both
    name one organisation (a shared region alone is not enough: a region signs many)."""
    known = [Party(0, 0, s.name, s.type) for s in agreement.signatories]
    if not known:
        return False
    new_in_known = all(any(_same_side(p, k) for k in known) for p in parties)
    known_in_new = all(any(_same_side(k, p) for p in parties) for k in known)
    shared_org = any(_same_name(_words(p), _words(k)) for p in parties if p.type == ORG
                     for k in known if k.type == ORG)
    # `Компания заключила с АО «Сетевая компания» договор`: a new organisation makes it another
    # deal, as does a region where the known deal has none (`Администрация района заключила с
    # управляющей компанией соглашение`)
    new_region = not any(k.type == LOC for k in known) and any(p.type == LOC for p in parties)
    # (`в 2021 году компания подписала соглашение с Тульской областью` after its Kaluga deal: another region's)
    other_region = any(p.type == LOC for p in parties) and any(k.type == LOC for k in known) and not any(
        _same_side(p, k) for p in parties if p.type == LOC for k in known if k.type == LOC)
    return new_in_known or known_in_new or (shared_org and not _names_new_org(known, parties) and not new_region
                                            and not other_region)


def _same_side(one: Party, other: Party) -> bool:
    """One party named twice: `Тульская область` is not `Корпорация развития Тульской области`,
    though a region's ministry may stand for the region."""
    if one.type != other.type and not any(_is_body(p) for p in (one, other) if p.type == ORG):
        return False
    return _same_name(_words(one), _words(other))


def _is_body(party: Party) -> bool:
    return bool(set(_words(party)) & load_set("state_body_nouns.txt"))


def _side_opened(doc, m) -> bool:
    """`Со стороны муниципалитета соглашение подписал …`: the mention's sentence opens with a side."""
    sent = doc[m.start].sent
    return opens_with_side([t for t in doc[sent.start:m.start] if not t.is_space])


def _spoken_of_again(agreements: List[Agreement], m, side_opened: bool = False) -> Optional[Agreement]:
    """`Первое соглашение заключено с «Х». Соглашение на 2,3 млрд рублей подписал вице-губернатор
    …`: an agreement noun opening its sentence is the last agreement of its kind, unless it
    names a company that one does not have (another deal)."""
    last = next((a for a in reversed(agreements) if a.kind == m.kind), None)
    if last is None:
        return None
    known = [Party(0, 0, s.name, s.type) for s in last.signatories]
    # (`Соглашение о её создании правительство Армении подписало с «Мегри Фри Зоун»` after a deal
    # of «Мегри Фри Зоун» with a company: a region that two known sides lack signs another)
    sides = [k for k in known if k.type != PER]
    # (a sentence that opens with a side, `Со стороны муниципалитета соглашение подписал …`, adds one)
    new_region = len(sides) >= 2 and not side_opened \
        and any(p.type == LOC and not any(_same_side(p, k) for k in known) for p in m.parties)
    return None if _names_new_org(known, m.parties) or new_region else last


def _names_new_org(known: List[Party], parties: List[Party]) -> bool:
    """Whether the parties name an organisation the known ones do not."""
    return any(p.type == ORG and not any(_same_side(p, k) for k in known) for p in parties)


def _signers_of(agreement: Agreement, parties: List[Party]) -> bool:
    """`Соглашение подписано между акимом Карагандинской области Ерланом Жумабековым и
    директором компании …`: persons who sign, beside parties already known, sign the same."""
    known = [Party(0, 0, s.name, s.type) for s in agreement.signatories]
    others = [p for p in parties if p.type != PER]
    return bool(known) and len(others) < len(parties) \
        and all(any(_same_name(_words(p), _words(k)) for k in known) for p in others)


def _words(party: Party) -> List[str]:
    """The words of a party's name in normal form, a ministry's abbreviation spelled out; an
    abbreviation (`УрФУ`, `КХК`) as written."""
    if " " not in party.name and sum(char.isupper() for char in party.name) >= 2 and not party.name.startswith("Мин") \
            and party.name.lower() not in region_aliases():  # `РТ` is Татарстан
        return [party.name.lower()]
    return list(name_lemmas(party.name))


def _unique(parties: List[Party]) -> List[Party]:
    """Parties without repeats: `Республика Башкортостан` after `Башкортостан`, or `КХК`
    after `Кузбасская химическая компания`, is a repeat; a region inside an organisation's
    name (`Татарстан`, `Агентство инвестиционного развития Республики Татарстан`) is not."""
    unique: List[Party] = []
    for party in parties:
        if not any(known.type == party.type and _same_party_name(known, party) for known in unique):
            unique.append(party)
    return unique


def _fullest(doc, parties: List[Party]) -> List[Party]:
    """One sentence's parties, a park left out when a company that signs bears its name
    (`парк «Ольгино»` beside `компания «Ольгино Девелопмент»`), an informal region beside
    its formal name."""
    parks = {i for span in doc.spans.get("park", []) if span.label_ == "mention" for i in range(span.start, span.end)}
    parties = [p for p in parties if not _kind_part(doc, p)]
    kept = [p for p in parties if not (p.start in parks and any(
        q is not p and q.type == p.type and len(_words(q)) > len(_words(p)) and contains_words(_words(q), _words(p))
        for q in parties))]
    # `Кубань` beside `Краснодарский край`: the region under its formal name
    return [p for p in kept if not (is_informal_region(p.name) and any(
        q is not p and q.type == p.type and not is_informal_region(q.name) and _same_name(_words(q), _words(p))
        for q in kept))]


def _kind_part(doc, party: Party) -> bool:
    """`Промышленный кластер Республики Башкортостан` of `Промышленный кластер Республики
    Башкортостан «Химия Приуралья»`: words of a park's mention before its name, which the park
    itself stands for."""
    spans = doc.spans.get("park", [])
    names = [span for span in spans if span.label_ == "name"]
    return party.type == ORG and any(
        span.label_ == "mention" and span.start <= party.start and party.end <= name.start
        and span.start <= name.start < span.end for span in spans for name in names)


def _same_name(one: List[str], other: List[str]) -> bool:
    return contains_words(one, other) or contains_words(other, one) \
        or _abbreviation_of(one, other) or _abbreviation_of(other, one)


def _abbreviation_of(words: List[str], short: List[str]) -> bool:
    """`КХК` of Кузбасская химическая компания, `УрФУ` of Уральский федеральный университет:
    one word split into the beginnings of the other name's words, in order, one or two
    letters each."""
    if len(short) != 1 or len(words) < 2:
        return False
    return _splits_into_prefixes(short[0], [w for w in words if w not in {"и", "по"}])


def _splits_into_prefixes(abbreviation: str, words: List[str]) -> bool:
    if not words:
        return not abbreviation
    if not abbreviation:
        return False
    return any(_opens_word(abbreviation[:n], words[0]) and _splits_into_prefixes(abbreviation[n:], words[1:])
               for n in (1, 2, 3) if n <= len(abbreviation))


def _opens_word(letters: str, word: str) -> bool:
    """The word begins with the first letter and holds the others in order: `уф` of
    `уральский`, `нх` of `нефтехимический` (a compound gives a letter of each root: ЮНХК)."""
    if not letters or not word.startswith(letters[0]):
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in letters[1:])


def distinct_by_name(items: list) -> list:
    """Signatories or parties with a (name, type) not given before, in their order."""
    seen, kept = set(), []
    for item in items:
        if (item.name, item.type) not in seen:
            seen.add((item.name, item.type))
            kept.append(item)
    return kept
