"""Agreements listed by partner after a plural noun: `подписал три соглашения: с компанией «А» на
1 млрд рублей, с «Б» — на 2 млрд и с «В»`, `подписала еще два соглашения — с казахстанской
QazAgroParts и узбекской Samarkand Avtodetal`.

After a plural or counted agreement noun and a colon or dash, each `с <party>` is one agreement
of that kind between the parties that sign before the noun and that partner, with the sum
that follows the partner (`на 1 млрд рублей`) up to the next one. The count stays a total.
"""
from __future__ import annotations

from typing import Callable, List, Optional

from ..numbers import parse_quantity
from ..records import PER
from .common import sentence_quantities, words_from
from .money import deal_money

LIST_OPENERS = {":", "—", "–", "-"}
PARTNER_PREPOSITIONS = {"с", "со"}
PARTY_REACH = 4  # `с казахстанской компанией «Х»`: words between `с` and the name


def plural_kind(doc, i: int, kinds: dict) -> Optional[tuple]:
    """(end, kind) of an agreement noun at token i, whatever its number."""
    best = None
    for words, kind in kinds.get(doc[i].lemma_.lower(), ()):
        tokens = words_from(doc, i, len(words))
        if [t.lemma_.lower() for t in tokens] == list(words) and (best is None or tokens[-1].i + 1 > best[0]):
            best = (tokens[-1].i + 1, kind)
    return best


def listed_agreements(doc, sent, parties, kinds: dict, single: Callable[[object, int], object],
                      make: Callable) -> list:
    """(agreement mention, its sum's tokens or None), one per partner listed after a plural
    agreement noun of `sent`.
    `single(doc, i)` is the matcher of singular agreements, which a listed noun must not be;
    `make(start, end, kind, parties, sum)` builds a mention."""
    found = []
    for token in sent:
        if single(doc, token.i) or not _is_many(doc, token.i, sent.start):
            continue
        noun = plural_kind(doc, token.i, kinds)
        if noun is None:
            continue
        end, kind = noun
        opener = next((t for t in doc[end:sent.end] if not t.is_space), None)
        if opener is None or opener.text not in LIST_OPENERS:
            continue
        signers = [p for p in parties if p.end <= token.i]
        starts = [t.i for t in doc[opener.i + 1:sent.end] if t.lower_ in PARTNER_PREPOSITIONS
                  or (t.lower_ == "и" and _after_partner(parties, t.i))]
        for k, prep in enumerate(starts):
            limit = starts[k + 1] if k + 1 < len(starts) else sent.end
            partner = next((p for p in parties if prep < p.start <= prep + PARTY_REACH and p.type != PER), None)
            if partner is None:
                continue
            money, span = _money_between(doc, sent, partner.end, limit)
            found.append((make(prep, partner.end, kind, signers + [partner], money), span))
    return found


def _is_many(doc, i: int, floor: int) -> bool:
    """`три соглашения`, `соглашения`, not `Второй меморандум`."""
    if doc[i].morph.get("Number") == ["Plur"]:
        return True
    j = i - 1
    while j >= floor and (doc[j].is_space or doc[j].pos_ == "ADJ" and not doc[j].morph.get("NumType")):
        j -= 1
    if j < floor:
        return False
    quantity = parse_quantity(doc[j].text)
    return quantity is not None and quantity.kind == "number" and quantity.value > 1


def _after_partner(parties, i: int) -> bool:
    """`с казахстанской QazAgroParts и узбекской Samarkand Avtodetal`: `и` between two names."""
    return any(p.end <= i <= p.end + 1 for p in parties) and any(i < p.start <= i + PARTY_REACH for p in parties)


def _money_between(doc, sent, start: int, end: int):
    """(money, its tokens) of the first sum in [start, end), or (None, None)."""
    for quantity, span in sentence_quantities(sent):
        if start <= span.start < end:
            money = deal_money(doc, quantity, span, named=True)
            return (money, span) if money is not None else (None, None)
    return None, None
