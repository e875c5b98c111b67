"""THE parser of numbers, money and areas: every extractor reads its quantities here.

`find_quantities(text)` scans raw text once with one regex, compiled on first use from
the tables in rules/ (number_words.tsv, currencies.tsv, area_units.tsv), and returns
`Quantity` objects whose [start, end) offsets are exact evidence:

    >>> parse_money("контракты на общую сумму более 462,2 млн рублей")
    Money(amount=462200000.0, currency='RUB', qualifier='более')

A table phrase is space-separated tokens: `word*` is every form of the word (its
pymorphy3 lexeme, keeping the forms whose best parse has that lemma: семь, семи, but
not семью), `abbr.` is the abbreviation with or without its dot, anything else is
itself. Case is ignored everywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Tuple

from .models import morph_analyzer
from .records import QUALIFIERS, Area, Money
from .vocab import load_table

KINDS = ("money", "area", "percent", "year", "number")
WORD_KINDS = ("number", "scale", "count", "half", "qualifier", "percent", "year")
CURRENCY_POSITIONS = ("after", "before", "both", "before_scaled")
# a scale word before a м2 unit names the unit (spec §1): 180 тыс. кв. м -> 180 тыс. м2
SCALED_M2_UNITS = {Decimal(1000): "тыс. м2", Decimal(1000000): "млн м2"}
RANGE_QUALIFIER = "до"  # 12-15 млн евро, от 2 до 3 млрд: the upper bound, qualifier до
YEARS = range(1900, 2101)

_FLAGS = re.IGNORECASE
_NO_LETTER = r"(?![^\W\d_])"
_SPACES = " \u00a0\u2009\u202f"
# 1 750 / 462,2 / 1.5; not a date (12.05.2021), not the 021 of 2021
_DIGITS = rf"(?:\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d+)(?:[.,]\d+)?(?![.,]?\d)"
_S = r"[^\S\r\n]"  # a space within one quantity: not a line break
_DASH = rf"(?:{_S}?[-–]{_S}?|—)"
_NUMBER_TOKEN = re.compile(rf"{_DIGITS}|[^\W\d_]+")
_SHARED_SCALE_JOIN = re.compile(rf"{_S}*(?:,|(?:,{_S}*)?(?P<word>и|или)(?![^\W\d_])){_S}*", _FLAGS)
_GLUED = re.compile(r"-?[^\W\d_]")  # digits glued to a word (5G, 5-летний, i7): not a quantity
# after "62 га. Сейчас", "$ 1,2 млрд.\n": the dot ends the sentence, not the quantity
_SENTENCE_START = re.compile(rf"{_S}*(?:[A-ZА-ЯЁ«\"“„]|[\r\n]|$)")


@dataclass(frozen=True)
class Quantity:
    kind: str              # "money" | "area" | "percent" | "year" | "number"
    start: int             # [start, end): qualifier words, number, scale word, currency/unit
    end: int
    value: float           # money amount / area in m2 / the plain number (scale applied)
    qualifier: Optional[str]  # one of records.QUALIFIERS or None
    money: Optional[Money] = None
    area: Optional[Area] = None
    scaled: bool = False   # a scale word (тыс., млн, миллиард...) was present


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=None)
def _word_forms(lemma: str) -> Tuple[str, ...]:
    """Every form of LEMMA whose best parse has LEMMA as its normal form, ё and е alike."""
    morph = morph_analyzer()
    forms = {form.word for parse in morph.parse(lemma) if _fold(parse.normal_form) == _fold(lemma)
             for form in parse.lexeme}
    kept = {form for form in forms if _fold(morph.parse(form)[0].normal_form) == _fold(lemma)}
    kept = kept or {lemma.lower()}
    return tuple(sorted(kept | {_fold(form) for form in kept}, key=len, reverse=True))


def _token_forms(token: str) -> Tuple[str, ...]:
    """The folded words one table token stands for (for number and scale words)."""
    if token.endswith("*"):
        return tuple({_fold(form) for form in _word_forms(token[:-1])})
    return (_fold(token.rstrip(".") or token),)


def _token_regex(token: str) -> str:
    if token.endswith("*"):
        forms = "|".join(re.escape(form) for form in _word_forms(token[:-1]))
        return f"(?:{forms}){_NO_LETTER}"
    if token.endswith(".") and len(token) > 1:
        return re.escape(token[:-1]) + rf"(?:\.|{_NO_LETTER})"
    if token[-1].isalpha():
        return re.escape(token) + _NO_LETTER
    return re.escape(token) + (r"(?!\d)" if token[-1].isdigit() else "")


def _phrase_regex(phrase: str) -> str:
    tokens = phrase.split()
    parts = [_token_regex(tokens[0])]
    for previous, token in zip(tokens, tokens[1:]):
        parts += [_S + ("*" if previous.endswith(".") else "+"), _token_regex(token)]
    return "".join(parts)


class _Table:
    """The phrases of one table: an alternation to scan with, and the cells of a match."""

    def __init__(self, rows: Iterable[Tuple[str, ...]]):
        rows = sorted(rows, key=lambda row: (len(row[0].split()), len(row[0])), reverse=True)
        self.rows = [(re.compile(_phrase_regex(row[0]), _FLAGS), row[1:]) for row in rows]
        self.pattern = "(?:" + ("|".join(regex.pattern for regex, _ in self.rows) or "(?!)") + ")"

    def cells(self, text: str) -> Tuple[str, ...]:
        for regex, cells in self.rows:
            if regex.fullmatch(text):
                return cells
        raise LookupError(f"no table row matches {text!r}")


@dataclass(frozen=True)
class _Vocabulary:
    words: Dict[str, Tuple[Decimal, str]]  # folded number/scale/count word -> (value, its kind)
    number: str       # the regex of one number
    qualifiers: _Table
    percent: _Table
    before: _Table    # currencies before the number: $700 млн
    after: _Table     # currencies after the number: 60 млн долларов
    areas: _Table
    unit_m2: Dict[str, float]   # normalised unit -> m2 per unit
    year_word: re.Pattern       # a year word right after a number: 2021 года


def _word_rows() -> Dict[str, List[Tuple[str, str]]]:
    rows: Dict[str, List[Tuple[str, str]]] = {kind: [] for kind in WORD_KINDS}
    for kind, phrase, value in load_table("number_words.tsv", 3):
        if kind not in rows:
            raise ValueError(f"rules/number_words.tsv: unknown kind {kind!r} of {phrase!r}")
        if kind == "qualifier" and value != "-" and value not in QUALIFIERS:
            raise ValueError(f"rules/number_words.tsv: {phrase!r} -> {value!r} is not a qualifier")
        rows[kind].append((phrase, value))
    return rows


def _currency_tables() -> Tuple[_Table, _Table]:
    rows = load_table("currencies.tsv", 3)
    for phrase, _, position in rows:
        if position not in CURRENCY_POSITIONS:
            raise ValueError(f"rules/currencies.tsv: {phrase!r} has position {position!r}")
    before = _Table(row for row in rows if row[2].startswith("before") or row[2] == "both")
    return before, _Table(row for row in rows if row[2] in ("after", "both"))


def _number_regex(rows: Dict[str, List[Tuple[str, str]]]) -> str:
    """A number: 1 750, двадцати семи, 462,2 млн, около миллиарда, 1 тысячи 500."""
    numbers = _Table((phrase,) for phrase, _ in rows["number"]).pattern
    scales = _Table((phrase,) for phrase, _ in rows["scale"] + rows["count"]).pattern
    # a scale word alone is a number (`около миллиарда`); a count word alone is not (`десятки компаний`)
    scale_words = _Table((phrase,) for phrase, _ in rows["scale"] if phrase.endswith("*")).pattern
    halves = _Table((phrase,) for phrase, _ in rows["half"]).pattern
    words = rf"{numbers}(?:{_S}+{numbers})*"
    core = rf"(?:{_DIGITS}|{words})(?:{_S}+{halves})?"
    group = rf"{core}{_S}*{scales}"
    small = rf"(?:\d{{1,3}}(?![.,]?\d)|{words})"
    return rf"(?:(?:{group}|{scale_words})(?:{_S}+{group})*(?:{_S}+{small})?|{core})"


@lru_cache(maxsize=None)
def _vocabulary() -> _Vocabulary:
    rows = _word_rows()
    words = {form: (Decimal(value), kind)
             for kind in ("number", "scale", "count") for phrase, value in rows[kind]
             for form in _token_forms(phrase)}
    for phrase, value in rows["half"]:  # `с половиной`: the last word adds the value, the others nothing
        *others, last = phrase.split()
        words.update({_fold(word): (Decimal(0), "half") for word in others})
        words.update({form: (Decimal(value), "half") for form in _token_forms(last)})
    before, after = _currency_tables()
    area_rows = load_table("area_units.tsv", 3)
    unit_m2 = {unit: float(m2) for _, unit, m2 in area_rows}
    unit_m2.update({unit: 1.0 for unit in SCALED_M2_UNITS.values()})
    year_word = re.compile(rf"{_S}*" + _Table(rows["year"]).pattern, _FLAGS)
    return _Vocabulary(words, _number_regex(rows), _Table(rows["qualifier"]),
                       _Table(rows["percent"]), before, after, _Table(area_rows), unit_m2, year_word)


@lru_cache(maxsize=None)
def _scanner() -> re.Pattern:
    """[qualifier] [currency] [[от] [currency] low (-|до) [currency]] number [currency|unit|%]."""
    v = _vocabulary()
    num, pre = v.number, v.before.pattern
    low = (rf"(?:(?P<rfrom>от{_S}+)?(?:(?P<prelow>{pre}){_S}*)?(?P<low>{num})"
           rf"(?(rfrom)(?:{_S}*[-–—]{_S}*|{_S}+до{_S}+)|{_DASH})(?:(?P<pre2>{pre}){_S}*)?)?")
    post = rf"(?P<cur>{v.after.pattern})|(?P<unit>{v.areas.pattern})|(?P<pct>{v.percent.pattern})"
    return re.compile(
        rf"(?<![\w\-])(?<!\d[.,])(?:(?P<qual>{v.qualifiers.pattern}){_S}*)?(?:(?P<pre>{pre}){_S}*)?"
        rf"{low}(?P<num>{num})(?:{_S}*(?:{post}))?", _FLAGS)


def _evaluate(text: str) -> Tuple[Decimal, bool, Optional[Decimal]]:
    """(value, a scale word was present, the scale word the number ends with or None)."""
    words = _vocabulary().words
    total = group = Decimal(0)
    scaled, last_scale = False, None
    for token in _NUMBER_TOKEN.findall(text):
        if token[0].isdigit():
            value, kind = Decimal(re.sub(f"[{_SPACES}]", "", token).replace(",", ".")), "number"
        else:
            value, kind = words[_fold(token)]
        if kind == "half":  # `двадцать восемь с половиной тысяч`: half a unit more
            group += value
        elif kind == "count":  # `три десятка`: a count of tens, no scale of money
            total, group = total + (group or 1) * value, Decimal(0)
        elif kind == "scale":
            total, group, scaled, last_scale = total + (group or 1) * value, Decimal(0), True, value
        else:
            group, last_scale = group + value, None
    return total + group, scaled, last_scale


def _is_year(text: Optional[str]) -> bool:
    return text is not None and re.fullmatch(r"\d{4}", text) is not None and int(text) in YEARS


def _sign(match: re.Match) -> Optional[str]:
    """The currency written before the number or either bound of a range: $700 млн."""
    return match.group("pre") or match.group("prelow") or match.group("pre2")


def _trim_dot(text: str, end: int) -> int:
    """Leave out an abbreviation's dot that also ends the sentence: 62 га. Сейчас..."""
    return end - 1 if text[end - 1] == "." and _SENTENCE_START.match(text, end) else end


def _year(match: re.Match, text: str) -> Optional[Quantity]:
    """2021 года, в 2020–2022 годах, 2021-2025: a year, which extractors skip."""
    if not _is_year(match.group("num")) or _sign(match) or match.group("cur"):
        return None
    if match.group("unit") or match.group("pct"):
        return None
    low = match.group("low")
    if low is not None and not _is_year(low):
        return None
    word = _vocabulary().year_word.match(text, match.end("num"))
    if word is None and low is None:
        return None
    start = match.start("low") if low is not None else match.start("num")
    end = _trim_dot(text, word.end() if word else match.end("num"))
    return Quantity("year", start, end, float(match.group("num")), None)


def _money(match: re.Match, value: Decimal, scaled: bool, qualifier: Optional[str]) -> Optional[Money]:
    vocabulary = _vocabulary()
    if match.group("cur"):
        return Money(float(value), vocabulary.after.cells(match.group("cur"))[0], qualifier)
    sign = _sign(match)
    if sign is None:
        return None
    code, position = vocabulary.before.cells(sign)
    if position == "before_scaled" and not scaled:
        return None
    return Money(float(value), code, qualifier)


def _area(unit_text: str, value: Decimal, last_scale: Optional[Decimal]) -> Area:
    unit, m2 = _vocabulary().areas.cells(unit_text)
    if unit == "м2" and last_scale in SCALED_M2_UNITS:
        return Area(float(value / last_scale), SCALED_M2_UNITS[last_scale], float(value))
    return Area(float(value), unit, float(value * Decimal(m2)))


def _qualifier(match: re.Match) -> Optional[str]:
    if match.group("low") is not None:
        return RANGE_QUALIFIER
    phrase = match.group("qual")
    value = _vocabulary().qualifiers.cells(phrase)[0] if phrase else "-"
    return None if value == "-" else value


def _quantity(match: re.Match, text: str) -> Optional[Quantity]:
    year = _year(match, text)
    if year is not None:
        return year
    if text[match.end() - 1].isdigit() and _GLUED.match(text, match.end()):
        return None
    value, scaled, last_scale = _evaluate(match.group("num"))
    qualifier = _qualifier(match)
    span = dict(start=match.start(), end=_trim_dot(text, match.end()), qualifier=qualifier,
                scaled=scaled)
    if match.group("unit"):
        area = _area(match.group("unit"), value, last_scale)
        return Quantity("area", value=area.m2, area=area, **span)
    kind = "percent" if match.group("pct") else "number"
    if match.group("cur") or _sign(match):
        money = _money(match, value, scaled, qualifier)
        if money is None:
            return None
        return Quantity("money", value=money.amount, money=money, **span)
    return Quantity(kind, value=float(value), **span)


def _with_shared_scale(found: List[Tuple[re.Match, Quantity]], text: str) -> List[Quantity]:
    """`3,2 и 5,4 млрд рублей`, `1,2, 3,4 и 5,6 млрд`: bare numbers listed before a scaled one, the
    list closed by `и` or `или`, take its scale word (not its currency or unit, which the
    extractors give by context); read right to left so the scale passes along the list."""
    quantities = [quantity for _, quantity in found]
    scale, closed = None, False  # the scale word passed back, and whether `и`/`или` closed the list
    for k in range(len(found) - 1, -1, -1):
        match, quantity = found[k]
        if k + 1 < len(found) and scale is not None:
            join = _SHARED_SCALE_JOIN.fullmatch(text, quantity.end, found[k + 1][1].start)
            closed = closed or (join is not None and join.group("word") is not None)
            if join is not None and closed and quantity.kind == "number" and not quantity.scaled \
                    and quantity.qualifier is None and not _is_year(match.group("num")) and match.group("low") is None:
                quantities[k] = replace(quantity, value=float(Decimal(str(quantity.value)) * scale), scaled=True)
                continue
        scale, closed = None, False
        if quantity.scaled and match.group("low") is None and quantity.kind in {"number", "money", "area"}:
            scale = _evaluate(match.group("num"))[2]  # (no scale word, no scale: not evaluated again)
    return quantities


def find_quantities(text: str) -> List[Quantity]:
    """Every quantity in TEXT, left to right, non-overlapping, with exact offsets."""
    found = [(match, _quantity(match, text)) for match in _scanner().finditer(text)]
    return _with_shared_scale([(match, quantity) for match, quantity in found if quantity is not None], text)


def parse_quantity(text: str) -> Optional[Quantity]:
    """The first quantity in TEXT."""
    for match in _scanner().finditer(text):
        quantity = _quantity(match, text)
        if quantity is not None:
            return quantity
    return None


def parse_money(text: str) -> Optional[Money]:
    """The first money in TEXT: более 462,2 млн рублей -> Money(462200000.0, 'RUB', 'более')."""
    return next((q.money for q in find_quantities(text) if q.kind == "money"), None)


def parse_area(text: str) -> Optional[Area]:
    """The first area in TEXT: 523,9 га -> Area(523.9, 'га', 5239000.0)."""
    return next((q.area for q in find_quantities(text) if q.kind == "area"), None)


def parse_number(text: str) -> Optional[float]:
    """The first number in TEXT as written, scale applied, unit dropped: 180 тыс. кв. м -> 180000."""
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    if quantity.area is not None:
        return quantity.area.m2 / _vocabulary().unit_m2[quantity.area.unit]
    return quantity.value
