"""Which sums are deal money: the money of a signed deal, not investment, revenue or budget.

A sum is deal money unless a trap word (rules/money_traps.txt) stands just
before or after it: `объём инвестиций 255 млн долларов`, `7 млрд. инвестиций`,
`выручка резидентов 115,7 млрд рублей`. A scaled number without a currency
(`615,5 млрд`) takes the currency of the nearest sum before it in its paragraph, else after
it there, else before it in the document, else RUB (context_currency).
"""
from __future__ import annotations

from typing import Optional

from ..numbers import find_quantities
from ..vocab import load_set
from ..records import Money
from .common import counted_noun, lemmas, token_window
from .roubles import national_rouble

DEFAULT_CURRENCY = "RUB"


def is_trap(doc, span) -> bool:
    left, right = token_window(doc, span.start, span.end, 4, 2, span.sent)
    near = lemmas(left) + lemmas(right)
    return any(word in load_set("money_traps.txt") for word in near)


def context_currency(doc, char: int) -> str:
    """The currency of the sum nearest before `char` in its paragraph, else of the nearest after it
    there, else of the nearest before it in the text, else roubles (`Товарооборот … больше
    миллиарда долларов` paragraphs after `почти 60 миллиардов` does not make those dollars)."""
    paragraph_start = doc.text.rfind("\n", 0, char) + 1
    paragraph_end = doc.text.find("\n", char)
    paragraph_end = len(doc.text) if paragraph_end < 0 else paragraph_end
    before = within = after = None
    for quantity in find_quantities(doc.text):
        if quantity.kind == "money" and quantity.money and quantity.money.currency:
            if quantity.start < char:
                before = quantity
                within = quantity if quantity.start >= paragraph_start else within
            elif after is None and quantity.start < paragraph_end:
                after = quantity
    nearest = within or after or before
    if nearest is None:
        return DEFAULT_CURRENCY
    return national_rouble(doc, nearest.money, nearest.start, nearest.end).currency


def deal_money(doc, quantity, span, named: bool = False) -> Optional[Money]:
    """The Money of a quantity that may be a deal's sum, or None; `named`: the text ties the
    sum to its deal by name (`инвестиции по соглашению составят …`), so trap words don't count."""
    if not named and is_trap(doc, span):
        return None
    if quantity.kind == "money" and quantity.money is not None:
        money = quantity.money
        if money.currency is None:
            money = Money(money.amount, context_currency(doc, span.start_char), money.qualifier)
        return Money(money.amount, money.currency, money.qualifier)
    if quantity.kind == "number" and quantity.scaled and quantity.value >= 1e5 \
            and counted_noun(doc, span) is None:  # not `40 млн условных банок`
        return Money(quantity.value, context_currency(doc, span.start_char), quantity.qualifier)
    return None
