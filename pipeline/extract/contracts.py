"""contract_extractor: totals of signed contracts, deals and agreements.

`заключили 50 контрактов … на общую сумму более 462,2 млн рублей`,
`подписаны соглашения на 171,8 млрд рублей`, `21 соглашение на $128 млн`.
A sum counts when a deal noun (rules/deal_nouns.txt) stands before it in the
sentence, it is deal money (see money.py), and no agreement already owns it.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.language import Language

from ..vocab import load_set
from ..records import Contract, to_dict
from .common import add_evidence, counted_noun, sentence_quantities
from .money import deal_money

MAX_GAP = 14  # tokens between a deal noun and its sum


def _owned_sums(doc) -> set:
    spans = doc.spans["agreement"] if "agreement" in doc.spans else []
    return {span.start for span in spans if span.label_ == "sum"}


def _deal_noun_before(doc, sent, start: int):
    for i in range(start - 1, max(sent.start, start - MAX_GAP) - 1, -1):
        if doc[i].lemma_.lower() in load_set("deal_nouns.txt"):
            return doc[i]
    return None


def _count_of(doc, sent, noun) -> Optional[int]:
    for quantity, span in sentence_quantities(sent):
        if quantity.kind == "number" and not quantity.scaled and (counted_noun(doc, span) or doc[0]).i == noun.i:
            return int(quantity.value)
    return None


class ContractExtractor:
    def __call__(self, doc):
        owned = _owned_sums(doc)
        contracts: List[Contract] = []
        seen = set()
        for sent in doc.sents:
            counted = set()
            for quantity, span in sentence_quantities(sent):
                if span.start in owned or quantity.kind not in {"money", "number"}:
                    continue
                noun = _deal_noun_before(doc, sent, span.start)
                if noun is None or not any(t.lemma_ == "на" for t in doc[noun.i:span.start]):
                    continue
                money = deal_money(doc, quantity, span)
                if money is None:
                    continue
                # a count belongs to the first sum after its noun: `40 документов на 615,5 млрд,
                # тогда как годом ранее — на 179 млрд` is 40 and then a total without count
                count = None if noun.i in counted else _count_of(doc, sent, noun)
                counted.add(noun.i)
                key = (count, round(money.amount), money.currency)
                if key in seen:
                    continue
                seen.add(key)
                contracts.append(Contract(count=count, sum=money,
                                          mentions=[(noun.idx, span.end_char)]))
                add_evidence(doc, "contract", noun.i, span.end, "sum", "deal_noun_na_sum")
        doc._.contracts = [to_dict(c) for c in contracts]
        return doc


@Language.factory("contract_extractor", assigns=["doc._.contracts", "doc.spans"],
                  requires=["doc._.agreements"])
def make_contract_extractor(nlp, name):
    return ContractExtractor()
