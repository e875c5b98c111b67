"""Parks named by the status they are given: `Площадке «Сурский берег» присвоен статус
регионального индустриального парка`, `Правительство Москвы присвоило статус технопарка
комплексу «Лефорт-Текстиль»`, `Комплекс «Лефорт-Текстиль» получил статус технопарка`.

A kind right after `статус` names the park of the quoted name the clause gives after the
kind (`комплексу «Х»`) or before `статус` (`Площадке «Х» присвоен`), a name no legal form
makes a company's.
"""
from __future__ import annotations

from typing import List, Optional

from ..normalize import is_legal_form
from .common import quoted_spans
from .park_mentions import KindReference, ParkMention, nominative_name, name_key

STATUS = "статус"
STATUS_REACH = 2  # words between `статус` and the kind: `статус регионального индустриального парка`
NAME_REACH = 5  # words between the kind (or `статус`) and the quoted name
CLAUSE_ENDS = {",", ";", ":", ".", "—", "–", "(", ")"}


def _status_before(doc, r: KindReference) -> Optional[int]:
    """The index of `статус` right before the kind, or None."""
    for i in range(r.start - 1, max(-1, r.start - 1 - STATUS_REACH), -1):
        if doc[i].lemma_.lower() == STATUS:
            return i
        if doc[i].pos_ != "ADJ":
            return None
    return None


def _name_span(doc, spans, low: int, high: int):
    """The first quoted name starting in [low, high) with no clause end or legal form before it."""
    for span in spans:
        if low <= span.start - 1 < high and not any(t.text in CLAUSE_ENDS for t in doc[low:span.start - 1]) \
                and not (span.start >= 2 and is_legal_form(doc[span.start - 2].text)) and span.text[:1].isupper():
            return span
    return None


def status_names(doc, mentions: List[ParkMention], references: List[KindReference]) -> List[ParkMention]:
    found: List[ParkMention] = []
    spans = quoted_spans(doc)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for r in references:
        if r.kind is None or r.group:
            continue
        status = _status_before(doc, r)
        if status is None:
            continue
        sent = doc[r.start].sent
        span = _name_span(doc, spans, r.end, min(sent.end, r.end + NAME_REACH)) \
            or _name_span(doc, spans, max(sent.start, status - NAME_REACH), status)
        if span is None or span.start in taken:
            continue
        name = nominative_name(span)
        found.append(ParkMention(span.start - 1, span.end + 1, name, name_key(name), r.kind, r.abbreviated,
                                 span.start - 1, "status_name"))
        taken.update(range(span.start - 1, span.end + 1))
    return found
