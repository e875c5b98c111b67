"""Whose rouble a bare `рублей` is: a Belarusian rouble in a text about Belarus (GUIDELINES).

The words of rules/rouble_countries.tsv decide. A bare rouble is Belarusian when its paragraph
names Belarus's words alone and the whole text names more of them than of Russia's, two at
least (one Belarusian supplier in a Russian interview is no Belarusian text). A paragraph that
names no country's word stays RUB. `российских` or `белорусских` written with the sum decide by
themselves (rules/currencies.tsv).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Tuple

from ..records import Money
from ..vocab import load_table

ROUBLE = "RUB"
BELARUSIAN = "BYN"
ROUBLE_STEM = "руб"  # `рублей`, `руб.`
OWN_COUNTRY = ("российск", "белорусск", "бел.")  # `млн российских рублей`, `бел. руб.`


@lru_cache(maxsize=None)
def _countries() -> Dict[str, str]:
    return {lemma: currency for lemma, currency in load_table("rouble_countries.tsv", 2)}


def _cues(doc) -> List[Tuple[int, str]]:
    """(character offset, currency) of every word of rules/rouble_countries.tsv, once per doc."""
    if "rouble_cues" not in doc.user_data:
        countries = _countries()
        doc.user_data["rouble_cues"] = [
            (token.idx, countries.get(token.lemma_.lower()) or countries[token.lower_])
            for token in doc if token.lemma_.lower() in countries or token.lower_ in countries]
    return doc.user_data["rouble_cues"]


def national_rouble(doc, money: Money, start: int, end: int) -> Money:
    """`money` read from doc.text[start:end], its bare rouble made the Belarusian one where the
    text speaks of Belarus alone."""
    written = doc.text[start:end].lower()
    if money.currency != ROUBLE or ROUBLE_STEM not in written or any(word in written for word in OWN_COUNTRY):
        return money
    first = doc.text.rfind("\n", 0, start) + 1
    last = doc.text.find("\n", end)
    last = len(doc.text) if last < 0 else last
    cues = [currency for _, currency in _cues(doc)]
    local = {currency for at, currency in _cues(doc) if first <= at < last}
    belarusian, russian = cues.count(BELARUSIAN), len(cues) - cues.count(BELARUSIAN)
    if local == {BELARUSIAN} and belarusian > max(russian, 1):
        return Money(money.amount, BELARUSIAN, money.qualifier)
    return money
