"""Operator names that need more than the words beside a cue: a company that shares the
park's name (`одноимённый`), a company named after the park (`АО «Технопарк Мордовии»`).
Abbreviations defined earlier are expanded by parties.expand_abbreviation.
"""
from __future__ import annotations

from typing import List

from ..normalize import is_legal_form, strip_quotes
from .common import add_evidence, quoted_spans, word_lemmas
from .park_mentions import ParkMention, match_kind, name_key


SAME_NAMED = {"одноимённый", "одноименный"}
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


def attach_named_after_parks(doc, mentions: List[ParkMention], parks) -> None:
    """`Генеральный директор АО «Технопарк Мордовии» … технопарк «Мордовия»`: a company whose
    quoted name is a park's kind and the park's name (in any case) runs that park. A name in
    quotes of its own (`АО «ОЭЗ «Тольятти»»`) is left alone: annotators disagree on it."""
    for span in quoted_spans(doc):
        kind = match_kind(doc, span.start)
        if kind is None or not is_legal_form(doc[span.start - 2].text if span.start >= 2 else ""):
            continue
        rest = doc[kind[0]:span.end]
        if not len(rest) or any(t.text in {"«", "\"", "»"} for t in rest):
            continue
        key = name_key(rest.text)
        if key in parks and parks[key].park.operator is None:
            name = strip_quotes(span.text)
            parks[key].park.operator = name
            add_evidence(doc, "park", span.start, span.end, "operator", "operator_named_after_park")
