"""A park's owner named in the genitive right after it: `Индустриальный парк «Ворсино»
компании «Меридиан» занимает 300 га`, `резиденты технопарка «Икар» группы компаний «Веста»`.

The head noun (rules/operator_possessor_heads.txt) must be a genitive singular and name one
company: `компания «Веста» открыла завод в парке` (the subject) and `компании «Веста» и
«Зенит»` (a plural, often residents) are not owners. After a park in a prepositional phrase
the genitive cannot be told from a dative (`в технопарке «Икар» компании «Веста» выделили
участок`), so such parks are left alone.
"""
from __future__ import annotations

from typing import List

from ..vocab import load_set
from .common import add_evidence, quoted_spans
from .park_mentions import ParkMention
from .org_names import org_name

HEAD_REACH = 2  # `группы компаний «Веста»`: the head, one more word, then the quotes


def attach_possessors(doc, mentions: List[ParkMention], parks) -> None:
    opening = {span.start - 1: span for span in quoted_spans(doc)}
    for m in mentions:
        if not m.kind or parks[m.key].park.operator is not None or m.end >= len(doc) \
                or (m.start > 0 and doc[m.start - 1].pos_ == "ADP"):
            continue  # `в технопарке «Икар» компании «Веста» выделили участок`: a dative, not an owner
        head = doc[m.end]
        if head.lemma_.lower() not in load_set("operator_possessor_heads.txt") \
                or head.morph.get("Case") != ["Gen"] or head.morph.get("Number") != ["Sing"]:
            continue
        span = next((opening[i] for i in range(m.end + 1, m.end + 1 + HEAD_REACH) if i in opening), None)
        if span is None or _is_list(doc, span.end + 1):
            continue
        name = org_name(doc[span.start - 1:span.end + 1])
        if name:
            parks[m.key].park.operator = name
            add_evidence(doc, "park", span.start, span.end, "operator", "operator_possessor")


def _is_list(doc, i: int) -> bool:
    """`компании «Веста» и «Зенит»`: several companies, not one owner."""
    return i + 1 < len(doc) and doc[i].lower_ in {"и", ","} and doc[i + 1].text in {"«", "\""}
