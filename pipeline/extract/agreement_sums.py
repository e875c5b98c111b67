"""Sums the text ties to an agreement by naming it: `Стоимость соглашения — $120 млн`,
`Сумма контракта составляет 1,2 трлн сумов`, `Инвестиции по соглашению составят 1,3 млрд
рублей`, `Объём вложений в рамках документа — 42 млн евро`.

A cue (rules/agreement_sum_cues.txt) stands right before an agreement noun or `документ`
(rules/agreement_references.txt), and the first sum after that noun in the sentence is the
agreement's, trap words before the cue notwithstanding (the cue names whose money it is).
A trap word between the noun and the sum gives the money to something else: `в рамках
соглашения компания построит завод стоимостью 5 млрд рублей` is the plant's cost.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

from ..records import Money
from ..vocab import load_set
from .common import sentence_quantities, word_lemmas
from .money import deal_money

SUM_REACH = 8  # words between the named agreement and its sum


@dataclass
class NamedSum:
    noun: int  # token index of the agreement noun the cue names
    money: Money
    start: int  # the sum's tokens
    end: int


def _names_agreement(doc, i: int) -> bool:
    """Token i is an agreement noun after a cue, passing over adjectives: `стоимость
    инвестиционного договора`."""
    j = i + 1
    while j < len(doc) and j - i <= 3 and (doc[j].is_space or doc[j].pos_ == "ADJ"):
        j += 1
    return j < len(doc) and bool(word_lemmas(doc[j]) & load_set("agreement_references.txt"))


def _noun_after(doc, i: int) -> int:
    j = i + 1
    while doc[j].is_space or doc[j].pos_ == "ADJ":
        j += 1
    return j


def named_sums(doc, sent) -> List[NamedSum]:
    found = []
    quantities = list(sentence_quantities(sent))
    for token in sent:
        if not (token.lemma_.lower() in load_set("agreement_sum_cues.txt") and _names_agreement(doc, token.i)):
            continue
        noun = _noun_after(doc, token.i)
        after = [(q, span) for q, span in quantities if span.start > noun]
        if not after:
            continue
        quantity, span = after[0]
        between = [t for t in doc[noun + 1:span.start] if not t.is_space]
        if len(between) > SUM_REACH or any(t.lemma_.lower() in load_set("money_traps.txt") for t in between):
            continue
        money = deal_money(doc, quantity, span, named=True)
        if money is not None:
            found.append(NamedSum(noun, money, span.start, span.end))
    return found
