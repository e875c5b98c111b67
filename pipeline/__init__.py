"""Facts about Russian industrial parks, agreements, contract totals and persons.

    >>> from pipeline import extract_records
    >>> [record] = extract_records([("doc1", "Технопарк «Чирчик» ...")])
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Tuple

from .nlp import build_nlp, shared_nlp

__all__ = ["build_nlp", "extract_records", "record_of"]


def record_of(doc, doc_id: str, title: Optional[str] = None) -> dict:
    record = dict(doc._.records)
    record["doc_id"] = doc_id
    if title:
        record["title"] = title
    return {key: record[key] for key in ("doc_id", "title", "parks", "agreements", "contracts", "persons")}


def extract_records(articles: Iterable[Tuple[str, str]], nlp=None, batch_size: int = 32) -> Iterator[dict]:
    """Records of (doc_id, text) pairs, in order."""
    nlp = nlp or shared_nlp()
    pairs = ((text, doc_id) for doc_id, text in articles)
    for doc, doc_id in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield record_of(doc, doc_id)
