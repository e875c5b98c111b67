"""Operator names that need more than the words beside a cue: a company that shares the
park's name (`одноимённый`), a company named after the park (`АО «Технопарк Мордовии»`,
`АО «ОЭЗ «Сура»»`).
Abbreviations defined earlier are expanded by parties.expand_abbreviation.
"""
from __future__ import annotations

from typing import List

from ..normalize import is_legal_form, strip_quotes
from ..vocab import load_set
from .common import SAME_NAMED, add_evidence, quoted_spans, word_lemmas
from .org_names import role_name_opening
from .park_mentions import ParkMention, match_kind, name_key, zone_name_after


OPENING_QUOTES = {"«", "\""}
SAME_NAMED_REACH = 4  # `ассоциация «Х», управляющая одноимённым промышленным кластером`


def attach_same_named(doc, sentences, parks) -> None:
    """`ассоциация «Волга-Авто», управляющая одноимённым промышленным кластером`: a company
    that runs the park bearing its own name is its operator, the one case where the two names
    are one."""
    from .park_operators import find_cue  # park_operators imports this module
    for span in quoted_spans(doc):
        key = name_key(span.text)
        if key not in parks or parks[key].park.operator is not None:
            continue
        sent = doc[span.start].sent
        window = doc[span.end + 1:min(sent.end, span.end + 1 + SAME_NAMED_REACH)]
        same = next((t.i for t in window if word_lemmas(t) & SAME_NAMED), None)
        if same is None or match_kind(doc, same + 1) is None:
            continue
        if find_cue(doc, span.end + 1, same) is not None:
            parks[key].park.operator = parks[key].park.name
            add_evidence(doc, "park", span.start, span.end, "operator", "operator_same_named")


def _after_legal_form(doc, quote: int) -> bool:
    """`АО «…`, `акционерное общество «…` (rules/legal_form_nouns.txt written out) before the quote."""
    before = doc[quote - 1]
    return is_legal_form(before.text) or before.text.islower() and bool(word_lemmas(before) & load_set("legal_form_nouns.txt"))


def attach_named_after_parks(doc, mentions: List[ParkMention], parks) -> None:
    """`Генеральный директор АО «Технопарк Мордовии» … технопарк «Мордовия»`: a company whose
    quoted name is a park's kind and the park's name (in any case) runs that park. A name in
    quotes of its own (`АО «ОЭЗ «Сура»»`) is the park's own name: the zone's company is written
    as the zone (GUIDELINES)."""
    starts = {span.start: span for span in quoted_spans(doc)}
    for quote in doc:
        if quote.text not in OPENING_QUOTES or quote.i < 1 or not _after_legal_form(doc, quote.i):
            continue
        kind = match_kind(doc, quote.i + 1)
        if kind is None:
            _attach_role_named(doc, quote.i, starts, parks)
            continue
        if kind[0] >= len(doc):
            continue
        outer = starts.get(quote.i + 1)
        zone = zone_name_after(doc, quote.i)  # `АО «ОЭЗ «Сура»»` (its outer quote may never close)
        if zone is not None:
            key, name_span = name_key(zone), starts.get(kind[0] + 1)
        else:
            name_span = doc[kind[0]:outer.end] if outer is not None else None
            if name_span is not None and any(t.text in OPENING_QUOTES | {"»"} for t in name_span):
                continue
            key = name_key(name_span.text) if name_span else None
        if not name_span:
            continue
        if key in parks and parks[key].park.operator is None:
            parks[key].park.operator = parks[key].park.name if zone is not None else strip_quotes(outer.text)
            span = outer or name_span
            add_evidence(doc, "park", span.start, span.end, "operator", "operator_named_after_park")


def _attach_role_named(doc, quote: int, starts: dict, parks) -> None:
    """`ООО «УК «Пашино»»`, `ТОО «Управляющая компания СЭЗ «Сарыарка»»`: a company named by its
    role (rules/operator_role_nouns.txt), a park's kind perhaps after it, and a park's name in
    quotes of its own runs that park, and is written as the park (GUIDELINES)."""
    inner = role_name_opening(doc, quote + 1)
    span = starts.get(inner + 1) if inner is not None else None
    key = name_key(span.text) if span is not None else None
    if key in parks and parks[key].park.operator is None:
        parks[key].park.operator = parks[key].park.name
        add_evidence(doc, "park", span.start, span.end, "operator", "operator_named_after_park")
