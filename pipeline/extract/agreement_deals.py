"""Deals told one by one after a plural signing: `КРДВ … заключила с новыми резидентами
соглашения. ООО «Х» построит цех. Инвестиции по соглашению составят 640 млн рублей. Соглашение с
АО «Y» на 1,05 млрд руб. …`, `Соглашения … с управляющей компанией — АО «Z» — компании
подписали`.

The signer of the plural deals (the subject, or the one organisation the plural noun signs
with) is the other side of each deal told next with one organisation alone; a sum named as an
agreement's beside one company no agreement has yet is that company's deal.
"""
from __future__ import annotations

from typing import Callable, List, Optional, Tuple

from ..models import morph_analyzer
from ..normalize import is_legal_form
from ..numbers import parse_number
from ..records import ORG, PER
from ..vocab import load_set
from .agreement_merge import same_party
from .agreement_nouns import kind_at, plural_kind_at
from .common import POSSESSIVES, SIDE, WITH, first_sign_verb, is_bullet, is_counted, sentence_quantities, word_lemmas
from .parties import Party, sentence_parties

MANY_DEALS = 6  # agreements after `заключила с резидентами соглашения` that the signer may share


RESIDENT_DEAL_REACH = 12  # sentences after `заключила с резидентами соглашения` its deals are told in


def resident_deals(doc, sentences, index: int, named: list, found: list, side: Tuple[int, List[Party]],
                   places: set, kind_before, make_mention) -> list:
    """After plural deals with residents, a sum the text names as an agreement's (`Объём
    инвестиций по соглашению — 6,2 млрд`, `Её соглашение предусматривает вложение 4,5 млрд`)
    beside one company no agreement has yet is that company's deal, told apart. `kind_before(doc,
    i)` is the agreement kind last named before token i; `make_mention(start, end, kind, parties,
    money)` builds a mention."""
    start, sides = side
    if sentences[index].start < start or index - _sentence_index(sentences, start) > RESIDENT_DEAL_REACH:
        return []
    known = [p for m in found for p in m.parties] + sides
    told = []
    for item in named:
        if doc[item.noun].morph.get("Number") == ["Plur"]:
            continue  # `Общая сумма соглашений превышает 76 млрд`: the deals together
        for k in (index, index - 1):
            if k < 0 or sentences[k].start < start:
                continue
            new = [p for p in sentence_parties(doc, sentences[k], places, False)
                   if p.type == ORG and not any(same_party(p, q) for q in known)]
            if len(new) == 1:
                kind = kind_before(doc, item.noun) or "соглашение"
                told.append(make_mention(item.noun, item.noun + 1, kind, new, item.money))
                known += new
                break
    return told


def partners_counted(doc, sent) -> int:
    """`подписала соглашения с тремя новыми резидентами`: how many partners a plural signing
    counts after `с` (0 when none)."""
    partners = load_set("deal_partner_nouns.txt")
    for token in sent:
        if token.lower_ not in WITH:
            continue
        words = [t for t in doc[token.i + 1:min(sent.end, token.i + 5)] if not t.is_space]
        noun = next((k for k, t in enumerate(words) if t.pos_ == "NOUN"), None)
        if noun is not None and word_lemmas(words[noun]) & partners and words[noun].morph.get("Number") == ["Plur"]:
            count = next((parse_number(t.text) for t in words[:noun] if t.pos_ == "NUM" or t.like_num), None)
            return int(count) if count else 0
    return 0


def partners_told(doc, sent, known: list, places: set) -> List[Party]:
    """`ООО «Амурский рыбокомбинат» построит завод …, а АО «Тайга Пеллет» запустит …`: the
    organisations a sentence after a counted signing with partners names as subjects, none of
    them known before nor in the genitive (`заём Фонда …`: whose money); on a list's line a
    person opening it too (`- индивидуальный предприниматель Рамиль Гарипов — 45 соток`)."""
    told, others = [], []
    parks = getattr(doc._, "parks", None) or []
    # (`«Уссурийская долина» расположена …`, `Управляющая компания — «Копейск-Инвест»`: a park or
    # its operator spoken of, no partner)
    spoken_of = {name.lower() for park in parks for name in (park["name"], park.get("operator")) if name}
    parties = [p for p in sentence_parties(doc, sent, places, False) if p.name.lower() not in spoken_of]
    opening = next((t for t in sent if not t.is_space), None)
    listed_line = opening is not None and is_bullet(opening)
    if listed_line:  # `- индивидуальный предприниматель Рамиль Гарипов — …`
        parties = sorted(parties + [p for p in sentence_parties(doc, sent, places, True) if p.type == PER],
                         key=lambda party: party.start)
    for party in parties:
        if party.type not in {ORG, PER} or any(same_party(party, q) for q in known + told) \
                or doc[party.start].morph.get("Case") == ["Gen"]:
            continue  # (`остальное — заём Фонда развития промышленности`: whose money, no partner)
        others.append(party)
        words = _words_before(doc, sent, party)
        after = next((t for t in doc[party.end:sent.end] if not t.is_space and t.text not in {"»", "\""}), None)
        # opening its clause, not a person's company (`директор ООО «Х» Сергей Пак`); a person
        # only opening a list's line (`- индивидуальный предприниматель Рамиль Гарипов — 45 соток`)
        bullet = listed_line and bool(words) and words[0].i == opening.i
        if party.type == PER and not bullet:
            continue
        if (not words or bullet or words[0].text in CLAUSE_STARTS or words[0].lower_ in CLAUSE_STARTS
                or _became_partner(words)) and not (after is not None and after.ent_type_ == PER):
            told.append(party)
    if not told and len(others) == 1 and _stands_alone(doc, sent, others[0]) \
            and any(q.kind == "money" for q, _ in sentence_quantities(sent)):
        return others  # `Ещё 95 млн рублей фонд направит ООО «Б»`, `Третьим заёмщиком стало АО «В»: 50 млн рублей …`
    return told


def partners_listed_with(doc, sent, known: list, places: set) -> List[Party]:
    """`Крупнейшие — с ООО «УралДизель» (…), с ООО «Сысертский композит» (…) и с китайской Shaanxi
    Hanyu`: the organisations a sentence after a counted signing lists after `с`, none known before."""
    return [party for party in sentence_parties(doc, sent, places, False)
            if party.type == ORG and not any(same_party(party, q) for q in known)
            and _listed_with(_words_before(doc, sent, party))]


def _words_before(doc, sent, party) -> list:
    """The words before a party's name, read back from it, its legal form, quotes and the lower-case
    nouns and adjectives of what it is or builds (`— завод гофрированной упаковки ООО «Х»`) passed."""
    words = [t for t in reversed(doc[sent.start:party.start]) if not t.is_space
             and not is_legal_form(t.text) and t.text not in {"«", "\""}]
    while words and words[0].pos_ in {"NOUN", "ADJ"} and (words[0].text.islower() or words[0].is_sent_start):
        words = words[1:]
    return words


def with_them(doc, sent) -> bool:
    """`Соглашения с ними заключены …`: partners as a pronoun after `с`."""
    return any(t.lower_ in WITH and t.i + 1 < sent.end and doc[t.i + 1].lower_ in THEM for t in sent)


def _listed_with(words) -> bool:
    """`Крупнейшие — с ООО «Х» (…), с ООО «Y» (…) и с китайской Z` (words read back from the name):
    a partner after `с` that opens its item of a list, not a co-builder (`вместе с АО «Y»`) nor a
    sentence's adverbial (`С «Чувашскими приборами» договорились об арендной плате …`)."""
    return len(words) > 1 and words[0].lower_ in WITH \
        and (words[1].text in LIST_ITEM_STARTS or words[1].lower_ in LIST_ITEM_STARTS)


def _became_partner(words) -> bool:
    """`Первым новым резидентом стало ООО «Х»`, `Резидентом также стало …` (words read back from
    the name): the copula's subject in a partner's role (rules/deal_partner_nouns.txt)."""
    role = words[1:1 + ROLE_REACH]
    # (not another's partner: `Его поставщиком выступает ООО «Дальснаб»`)
    return bool(words) and bool(word_lemmas(words[0]) & BECOME) \
        and any(word_lemmas(t) & load_set("deal_partner_nouns.txt") for t in role) \
        and not any(t.lower_ in POSSESSIVES for t in role)


def _stands_alone(doc, sent, party) -> bool:
    """The one new organisation of a sentence with money, not after a preposition (`в ООО «Х»`) nor a
    person's company (`директор ООО «Х» Сергей Пак`)."""
    before = next((t for t in reversed(doc[sent.start:party.start]) if not t.is_space and t.text not in {"«", "\""}
                   and not is_legal_form(t.text)), None)
    after = next((t for t in doc[party.end:sent.end] if not t.is_space and t.text not in {"»", "\""}), None)
    return not (before is not None and before.pos_ == "ADP") and not (after is not None and after.ent_type_ == PER) \
        and not (before is not None and word_lemmas(before) & load_set("positions.txt"))


CLAUSE_STARTS = {",", "—", "–", "а", "и"}  # `…, а АО «Б» запустит`, `Третий резидент, ООО «В», …`
LIST_ITEM_STARTS = CLAUSE_STARTS | {":"}  # `Крупнейшие — с …, с … и с …`, `Среди них: с …`
THEM = {"ними", "всеми"}  # `Соглашения с ними заключены …`, `…три новые компании, и со всеми корпорация заключила …`
BECOME = {"стать", "становиться", "выступить", "выступать"}  # `Партнёрами правительства выступили …`
ROLE_REACH = 3  # `Первым новым резидентом стало`, `Резидентом также стало`


def _sentence_index(sentences, token: int) -> int:
    return next((k for k, sent in enumerate(sentences) if sent.start <= token < sent.end), len(sentences))


def add_missing_side(doc, found: list, one_side) -> None:
    """`КРДВ заключила с новыми резидентами соглашения. Соглашение с АО «Х» на 1,05 млрд …`: an
    agreement told after with one organisation alone has the plural deals' signer on the other
    side (an agreement of two named sides keeps them: `«Х» и Y заключили договор`; deals spoken
    of together, `Общая сумма соглашений …`, are none of them)."""
    for start, stop, sides in _reaches(one_side):
        told = [m for m in found if start <= m.start < stop and doc[m.start].morph.get("Number") != ["Plur"]]
        for mention in told[:MANY_DEALS]:
            others = [p for p in mention.parties if p.type != PER]
            if len(others) == 1 and not any(same_party(s, others[0]) for s in sides):
                mention.parties += sides


def add_host_side(found: list, hosts, alone_with_partner) -> None:
    """`Правительство Ленинградской области подписало на ПМЭФ 12 соглашений. … С АО «Х» заключено
    соглашение …`: an agreement told after a counted signing with one organisation alone, named
    as the partner after `с`, has the counting sentence's subject on the other side.
    `alone_with_partner(mention)`: that organisation when the mention has it alone after `с`."""
    for start, stop, sides in _reaches(hosts):
        for mention in (m for m in found if start <= m.start < stop):
            partner = alone_with_partner(mention)
            if partner is not None and not any(same_party(s, partner) for s in sides):
                mention.parties += sides


def _reaches(signings):
    """(from token, to token, sides) of each (from token, sides) signing: a later signing has
    the deals told after it."""
    for k, (start, sides) in enumerate(signings):
        yield start, signings[k + 1][0] if k + 1 < len(signings) else float("inf"), sides


def signs_with_many(doc, sent, plural_kind_at) -> Optional[str]:
    """`заключила с новыми резидентами соглашения` ("partners": plural agreements with partners
    named by a plural noun of rules/deal_partner_nouns.txt after `с`), `Соглашения … с
    управляющей компанией — АО «Х» — компании подписали` ("subjects": the plural noun signs);
    None for other signings. `plural_kind_at(doc, i)`: a plural agreement noun at token i."""
    plural = [t for t in sent if plural_kind_at(doc, t.i)]
    if not plural:
        return None
    counted = any(is_counted(doc, t.i) for t in plural)
    partners = load_set("deal_partner_nouns.txt")
    for token in sent:
        if token.lower_ in WITH:
            noun = next((t for t in doc[token.i + 1:min(sent.end, token.i + 5)] if t.pos_ not in {"ADJ", "NUM"}), None)
            if noun is not None and noun.morph.get("Number") == ["Plur"] and word_lemmas(noun) & partners:
                return "partners"
            if noun is not None and noun.lower_ in THEM:
                return "partners"  # `Соглашения с ними заключены …` after the partners counted
        if counted and not _with_one(doc, sent):
            continue  # `подписали 23 соглашения`, its deals mostly untold: only partners named after `с`
        if token.pos_ == "NOUN" and _reads_as_plural_subject(doc, token) \
                and word_lemmas(token) & partners and token.text.islower() and token.i not in {t.i for t in plural}:
            return "subjects"
    return None


def _with_one(doc, sent) -> bool:
    """`Три договора подписали резиденты … с его управляющей компанией`: `с` and a singular noun,
    the one side all the counted deals share."""
    for token in sent:
        if token.lower_ in WITH:
            noun = next((t for t in doc[token.i + 1:min(sent.end, token.i + 4)] if t.pos_ == "NOUN"), None)
            if noun is not None and noun.morph.get("Number") == ["Sing"] and noun.morph.get("Case") == ["Ins"]:
                return True
    return False


VERB_AFTER_SUBJECT = 3  # `три компании подписали соглашения`, `три компании в марте подписали …`


def _subject_count(doc, token) -> int:
    """The nominative number right before a noun that a plural signing verb before it governs as
    its subject (`договоры подписали сразу две компании` → 2), or right after it (`три компании
    подписали соглашения` → 3), else 0."""
    number = doc[token.i - 1] if token.i > 0 else None
    if number is None or not (number.pos_ == "NUM" or number.like_num) or number.morph.get("Case") not in (["Nom"], []):
        return 0
    signs = load_set("sign_verbs.txt")
    verbs = [t for t in doc[token.sent.start:number.i] if t.lemma_.lower() in signs][-1:] \
        or [t for t in doc[token.i + 1:min(token.sent.end, token.i + 1 + VERB_AFTER_SUBJECT)] if t.lemma_.lower() in signs][:1]
    if not verbs or verbs[-1].morph.get("Number") != ["Plur"]:
        return 0
    value = parse_number(number.text)
    return int(value) if value else 0


def subjects_counted(doc, sent) -> int:
    """`договоры аренды подписали сразу две компании`: how many partners sign, counted as the
    subject after the verb (0 when none)."""
    partners = load_set("deal_partner_nouns.txt")
    for token in sent:
        count = _subject_count(doc, token) if word_lemmas(token) & partners else 0
        if count:
            return count
    return 0


COUNT_BEFORE_SENTENCES = 2  # `одобрил проекты трёх новых резидентов. … В тот же день новички подписали …`


def partners_counted_before(doc, sentences, index: int) -> int:
    """`Наблюдательный совет одобрил проекты трёх новых резидентов. … Новички подписали
    соглашения`: the count of partners (rules/deal_partner_nouns.txt) the sentences just before
    give (its own before the pronoun first), the last one (0 when none)."""
    partners = load_set("deal_partner_nouns.txt")
    # (`К парку присоединились три новые компании, и со всеми …`: its own sentence first)
    for sent in reversed(sentences[max(0, index - COUNT_BEFORE_SENTENCES):index + 1]):
        for token in reversed(list(sent)):
            if sent.start == sentences[index].start and (token.lower_ in THEM or any(
                    t.lower_ in THEM for t in doc[sent.start:token.i])):
                continue  # (in its own sentence, only what comes before the pronoun)
            if not word_lemmas(token) & partners:
                continue  # (`три компании`: a singular genitive after the number)
            number = next((parse_number(t.text) for t in reversed(doc[max(sent.start, token.i - 3):token.i])
                           if t.pos_ == "NUM" or t.like_num), None)
            if number and 1 < number <= MANY_DEALS:
                return int(number)
    return 0


def deals_counted(doc, sent, plural_kind_at) -> int:
    """`Три договора подписали …`: the count of a counted plural agreement noun (0 for none)."""
    for token in sent:
        if plural_kind_at(doc, token.i) and is_counted(doc, token.i):
            number = next((parse_number(t.text) for t in reversed(doc[max(sent.start, token.i - 3):token.i])
                           if t.pos_ == "NUM" or t.like_num), None)
            return int(number) if number else 0
    return 0


def _reads_as_plural_subject(doc, token) -> bool:
    """A plural nominative noun; or one right before a plural signing verb that may read so
    (`в ОЭЗ компании подписали`: the tagger may take `компании` for a singular genitive); or one
    counted by a nominative number after a plural signing verb (`подписали сразу две компании`)."""
    if token.morph.get("Number") == ["Plur"] and token.morph.get("Case") == ["Nom"]:
        return True
    if _subject_count(doc, token):
        return True
    verb = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return verb is not None and verb.lemma_.lower() in load_set("sign_verbs.txt") \
        and verb.morph.get("Number") == ["Plur"] \
        and any({"nomn", "plur"} in parse.tag for parse in morph_analyzer().parse(token.lower_))


PARTNER_REACH = 8  # `с управляющей компанией ОЭЗ — АО «ОЭЗ «Сейм»`: tokens from `с` to the partner's name


def split_by_subjects(doc, sent, mentions, mention_type) -> list:
    """`Соглашения … с управляющей компанией ОЭЗ — АО «ОЭЗ «Сейм» — подписали ООО «А», ООО «Б» и АО
    «В»`: a plural agreement noun, one partner after the sentence's one `с` and several organisations
    signing is one agreement of each organisation with the partner (`mention_type` makes them); a
    person may only sign for a side named after `со стороны`, and signs each."""
    if len(mentions) != 1:
        return mentions
    mention = mentions[0]
    sides = [t.i for t in sent if t.lower_ in WITH and t.i + 1 < sent.end and doc[t.i + 1].lemma_.lower() == SIDE]
    withs = [t.i for t in sent if t.lower_ in WITH and t.i not in sides]
    verb = first_sign_verb(sent)
    # (a person signs for a side named after `со стороны`, every deal's: `Со стороны управляющей
    # компании документы подписал ее генеральный директор …`)
    persons = [p for p in mention.parties if p.type == PER]
    if len(withs) != 1 or verb is None or any(not any(s < p.start for s in sides) for p in persons) \
            or not _plural_signed(doc, mention.start, verb):
        return mentions
    # the partner's phrase runs from `с` to the verb after it, or to the sentence's end; the signing
    # organisations stand outside it (before the verb when it runs to the end)
    stop = verb.i if verb.i > withs[0] else sent.end
    partners = [p for p in mention.parties if p.type != PER and withs[0] < p.start < stop]
    subjects = [p for p in mention.parties if p.type == ORG and not withs[0] < p.start < stop
                and (stop < sent.end or p.start < verb.i) and not any(s < p.start for s in sides)]
    if len(partners) != 1 or partners[0].start > withs[0] + PARTNER_REACH or len(subjects) < 2:
        return mentions
    return [mention_type(party.start, party.end, mention.kind, [party, partners[0]] + persons) for party in subjects]


def _plural_signed(doc, i: int, verb) -> bool:
    """The agreement noun at token i is plural, as the tagger reads it, or as a plural signing verb
    reads a form that may be one (`В четверг соглашения … подписали …`, not `подписание соглашения`)."""
    if doc[i].morph.get("Number") == ["Plur"]:
        return True
    may_be = any(p.tag.number == "plur" and p.tag.case in {"nomn", "accs"} for p in morph_analyzer().parse(doc[i].lower_))
    before = doc[i - 1] if i > 0 else None
    # (`В ОЭЗ «Х» в Чердаклинском районе соглашения … подписали …`: a place's name governs no document)
    governed = before is not None and (before.pos_ == "ADP" or before.pos_ == "NOUN" and before.morph.get("Case") != ["Acc"]
                                       and before.ent_type_ != "LOC")
    return may_be and verb.morph.get("Number") == ["Plur"] and not governed


def plural_by_subjects(doc, sent, parties_of: Callable[[], list], mention_type) -> list:
    """`ООО «А» и АО «Б» подписали договоры аренды с АО «Х»`: a plural agreement noun, not counted,
    signed by several named organisations with one partner, is one agreement of each with it
    (split_by_subjects); [] when the sentence does not read so. `parties_of()` reads the sentence's
    parties, only once a plural noun is found."""
    noun = next((t.i for t in sent if plural_kind_at(doc, t.i) and not is_counted(doc, t.i)), None)
    if noun is None:
        return []
    end, kind = kind_at(doc, noun)
    plural = mention_type(noun, end, kind, list(parties_of()))
    split = split_by_subjects(doc, sent, [plural], mention_type)
    return split if len(split) > 1 else []
