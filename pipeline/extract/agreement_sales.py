"""Sales told by their verb: `ГК «Стройлогистик» приобрела имущественный комплекс технопарка … .
Продавцом выступило ООО «Фармтех-Недвижимость». … сумма сделки составила около 4 млрд рублей`
is a sale contract (`договор`) between the buyer and the seller.

A word of rules/sale_words.tsv (`купить`, `приобрести`, `продать`, `сделка по покупке`) with an
organisation or a region before it as its subject; the other side after `у` (`купила у АО «Х»`),
after the verb with `продать` (`продала парк АО «Y»`), or named by its role in one of the next
two sentences (`Продавцом выступило …`, `Покупатель — …`: the other role of rules/sale_roles.tsv).
What is sold is a park or a word of rules/sale_objects.tsv after the word. A contract (or a deal
with one side alone) told near the sale with one of the two sides takes the other; with none
told, the sale is a new one, its sum the deal's (`Сумма сделки — …`, or `за 612 млн рублей` in the
sale's sentence).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Dict, List, NamedTuple, Optional

from ..normalize import is_legal_form
from ..records import PER, Money
from ..vocab import load_set, load_table
from .agreement_merge import same_party
from .agreement_sums import named_sums
from .common import DASHES, sentence_quantities, word_lemmas
from .money import deal_money
from .parties import ORG_NOUNS, Party, sentence_parties

SALE_KIND = "договор"
ROLE_SENTENCES = 2  # `Продавцом выступило …` within this many sentences after the sale
TOLD_SENTENCES = 3  # an agreement told within this many sentences after the sale is the sale's
SUBJECT_ROLES = {"buyer", "seller"}
PRICE_WORD = "за"  # `на электронных торгах за 612 млн руб.`
SELLER_WORD = "у"  # `приобрело у АО «Лискинский механический завод» …`


@lru_cache(maxsize=None)
def sold_things() -> Dict[str, str]:
    """rules/sale_objects.tsv: lemma → `company` or `property`."""
    return dict(load_table("sale_objects.tsv", 2))


@lru_cache(maxsize=None)
def sale_roles() -> Dict[str, str]:
    """rules/sale_words.tsv: lemma → the side its subject takes (`buyer`, `seller`)."""
    return dict(load_table("sale_words.tsv", 2))


class Sale(NamedTuple):
    index: int  # the sentence
    at: int  # the sale word
    subject: Party
    other: Party
    money: Optional[Money]


def sales(doc, sentences, places: set, park_names: set) -> List[Sale]:
    """The sales the sentences tell; `park_names` the parks' names in lower case."""
    found = []
    parks = _park_starts(doc)
    for index, sent in enumerate(sentences):
        word = _sale_word(doc, sent, parks)
        if word is None:
            continue
        parties = [p for p in sentence_parties(doc, sent, places, False) if p.type != PER]
        subject = next((p for p in reversed(parties) if p.end <= word.i and _is_subject(doc, p)), None)
        if subject is None:
            continue
        other = _other_in_sentence(doc, word, subject, parties, park_names) \
            or _other_by_role(doc, sentences, index, places, sale_roles()[word.lemma_.lower()])
        if other is None or same_party(other, subject):
            continue
        found.append(Sale(index, word.i, subject, other, _price(doc, sent, word) or _deal_sum(doc, sentences, index)))
    return found


def add_sales(doc, sentences, found: list, sold: List[Sale], mention: Callable) -> None:
    """Give each sale's missing side to the agreement told with it, or tell the sale as a new one."""
    for sale in sold:
        window_start = sentences[sale.index].start
        window_end = sentences[min(len(sentences) - 1, sale.index + TOLD_SENTENCES)].end
        # (a contract, or a deal with one side alone: `Договор купли-продажи подписан …`; not
        # another deal of the buyer's told next, `Кроме того, «Х» подписало соглашение с областью`)
        told = [m for m in found if window_start <= m.start < window_end
                and (m.kind == SALE_KIND or len([p for p in m.parties if p.type != PER]) < 2)
                and any(same_party(p, side) for p in m.parties for side in (sale.subject, sale.other))]
        if told:
            for agreement in told:
                for side in (sale.subject, sale.other):
                    if not any(same_party(side, p) for p in agreement.parties):
                        agreement.parties.append(side)
                if agreement.sum is None and sale.money is not None:
                    agreement.sum = sale.money
            continue
        found.append(mention(sale.at, sale.at + 1, SALE_KIND, [sale.subject, sale.other], sale.money))


def _park_starts(doc) -> List[int]:
    """Token indexes where the parks found are mentioned (their `mention` evidence spans)."""
    return [span.start for span in (doc.spans["park"] if "park" in doc.spans else []) if span.label_ == "mention"]


def _sale_word(doc, sent, parks: List[int]):
    """The sentence's word of buying or selling, when what follows it is a park, a company (a
    word of rules/sale_objects.tsv or a legal form), a share or property."""
    for token in sent:
        if sale_roles().get(token.lemma_.lower()) not in SUBJECT_ROLES:
            continue
        if token.pos_ == "VERB" and token.morph.get("VerbForm") not in (["Fin"], []):
            continue  # (`купленный`, `продав`: no clause of its own)
        after = doc[token.i + 1:sent.end]
        if any(word_lemmas(t) & set(sold_things()) or is_legal_form(t.text) for t in after) \
                or any(token.i < start < sent.end for start in parks):
            return token
    return None


def _is_subject(doc, party: Party) -> bool:
    """A party in the nominative opening its clause: no preposition before it, past its
    adjectives, legal form and organisation noun (`ГК «Стройлогистик»`, `Нижегородская группа …`)."""
    i = party.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ == "ADJ" or is_legal_form(doc[i].text)
                      or doc[i].text in {"«", "\""} or doc[i].lemma_.lower() in ORG_NOUNS):
        i -= 1
    if i >= 0 and doc[i].pos_ == "ADP":
        return False
    head = next((t for t in doc[i + 1:party.start] if t.is_alpha and not is_legal_form(t.text)), doc[party.start])
    return head.morph.get("Case") in (["Nom"], [])


def _other_in_sentence(doc, word, subject: Party, parties: List[Party], park_names: set) -> Optional[Party]:
    """`купила … у АО «Х»`: the seller after `у`; `продала … компании «Y»`: the buyer after the
    verb, in the dative (a noun in the dative before its name, or the name declined so)."""
    role = sale_roles()[word.lemma_.lower()]
    for party in parties:
        if party.start <= word.i or same_party(party, subject) or party.name.lower() in park_names:
            continue
        if any(t.text in {",", ";", "—"} or t.pos_ == "VERB" for t in doc[word.i + 1:party.start]):
            break  # (`продал проект, и теперь парком управляет ООО «Х»`: another clause)
        i = party.start - 1
        while i > word.i and (doc[i].is_space or doc[i].pos_ == "ADJ" or is_legal_form(doc[i].text)
                              or doc[i].text in {"«", "\""}):
            i -= 1
        before = doc[i]
        if role == "buyer" and (before.lower_ == SELLER_WORD
                                or before.pos_ == "NOUN" and i > word.i and doc[i - 1].lower_ == SELLER_WORD):
            return party  # `у АО «Х»`, `у группы «Х»`
        if role == "seller" and word.pos_ == "VERB" and (
                before.pos_ == "NOUN" and before.morph.get("Case") == ["Dat"]
                or doc[party.start].morph.get("Case") == ["Dat"]
                or before.pos_ != "NOUN" and _sold_between(doc, word.i, i)
                or {sold_things().get(lemma) for lemma in word_lemmas(before)} == {"property"} and i < party.start - 1):
            return party  # `продала … компании «Y»`, `продал парк АО «Y»` (what is sold named first)
    return None


def _sold_between(doc, start: int, end: int) -> bool:
    """A word of rules/sale_objects.tsv between tokens start and end: what is sold."""
    return any(word_lemmas(t) & set(sold_things()) for t in doc[start + 1:end])


def _other_by_role(doc, sentences, index: int, places: set, role: str) -> Optional[Party]:
    """`Продавцом выступило ООО «Х»`, `Покупатель — АО «Y»` in one of the next sentences, the role
    other than the subject's."""
    for sent in sentences[index + 1:index + 1 + ROLE_SENTENCES]:
        noun = next((t for t in sent if sale_role_nouns().get(t.lemma_.lower()) not in (None, role)), None)
        if noun is None:
            continue
        if noun.morph.get("Case") == ["Ins"]:  # `Продавцом выступило …`
            copula = next((t for t in doc[noun.i + 1:min(sent.end, noun.i + 4)]
                           if t.lemma_.lower() in load_set("operator_copulas.txt")), None)
            start = copula.i if copula is not None else None
        else:  # `Покупатель — АО «Y»`
            dash = next((t for t in doc[noun.i + 1:min(sent.end, noun.i + 3)] if not t.is_space), None)
            start = dash.i if dash is not None and dash.text in DASHES else None
        after = [p for p in sentence_parties(doc, sent, places, False) if start is not None and p.start > start
                 and p.type != PER]
        if after:
            return after[0]
    return None


@lru_cache(maxsize=None)
def sale_role_nouns() -> Dict[str, str]:
    """rules/sale_roles.tsv: role noun → `seller` or `buyer`."""
    return dict(load_table("sale_roles.tsv", 2))


DEAL = "сделка"  # `Сумма сделки составила 4,3 млрд руб.`
SUM_SENTENCES = 2  # the deal's sum within this many sentences after the sale


def _deal_sum(doc, sentences, index: int) -> Optional[Money]:
    """The deal's sum named in the sale's sentence or the next ones (`Сумма сделки — …`, `сумма
    покупки`), or paid a few sentences on (`По данным источника, покупатель заплатил от 2,3 до
    2,6 млрд руб.`)."""
    for sent in sentences[index:index + 1 + SUM_SENTENCES]:
        named = [n for n in named_sums(doc, sent) if doc[n.noun].lemma_.lower() in set(sale_roles()) | {DEAL}]
        if named:
            return named[0].money
    for sent in sentences[index:index + 1 + PAID_SENTENCES]:
        sourced = any(word_lemmas(t) & load_set("source_cues.txt") for t in sent)
        paid = next((t for t in sent if price_verbs().get(t.lemma_.lower()) == PAID
                     or sourced and price_verbs().get(t.lemma_.lower()) == SOURCED), None)
        if paid is None:
            continue
        for quantity, span in sentence_quantities(sent):
            if span.start > paid.i and (money := deal_money(doc, quantity, span, named=True)) is not None:
                return money
    return None


PAID, SOURCED = "paid", "sourced"


@lru_cache(maxsize=None)
def price_verbs() -> Dict[str, str]:
    """rules/sale_price_verbs.tsv: verb → `paid` or `sourced`."""
    table = dict(load_table("sale_price_verbs.tsv", 2))
    wrong = sorted(verb for verb, how in table.items() if how not in (PAID, SOURCED))
    if wrong:
        raise ValueError(f"sale_price_verbs.tsv: not `paid` or `sourced`: {', '.join(wrong)}")
    return table


PAID_SENTENCES = 4  # `Официально стороны сумму сделки не раскрывают. По данным источника, покупатель заплатил …`


def _price(doc, sent, word) -> Optional[Money]:
    """`за 612 млн руб.` after the sale word in its sentence."""
    for quantity, span in sentence_quantities(sent):
        if span.start > word.i and span.start > 0 and doc[span.start - 1].lower_ == PRICE_WORD:
            return deal_money(doc, quantity, span, named=True)
    return None
