"""Batch extraction: articles in, JSON lines out, in input order.

Failures are isolated per document at the batch boundary: an unreadable
input is reported and skipped; a document the pipeline fails on is reported
and still gets its line, with empty lists.
"""
from __future__ import annotations

import logging
from itertools import islice
from typing import Iterable, Iterator, List, TextIO

from . import record_of
from .extract.assemble import title_of
from .io import Article, InputError, dump_record, iter_articles
from .nlp import shared_nlp

log = logging.getLogger("pipeline")


def chunks(items: Iterable, size: int) -> Iterator[List]:
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


def empty_record(article: Article) -> dict:
    return {"doc_id": article.doc_id, "title": article.title or title_of(article.text),
            "parks": [], "agreements": [], "contracts": [], "persons": []}


def records_of(nlp, articles: List[Article], batch_size: int) -> List[dict]:
    """Records for one batch; if the batch fails, each article is retried alone."""
    pairs = [(a.text, a) for a in articles]
    try:
        return [record_of(doc, a.doc_id, a.title) for doc, a in nlp.pipe(pairs, as_tuples=True,
                                                                         batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - the batch boundary: find the article that failed
        records = []
        for article in articles:
            try:
                records.append(record_of(nlp(article.text), article.doc_id, article.title))
            except Exception as error:  # noqa: BLE001
                log.error("%s:%s: extraction failed: %s: %s", article.source, article.doc_id,
                          type(error).__name__, error)
                records.append(dict(empty_record(article), failed=True))
        return records


def process(inputs: Iterable[str], out: TextIO, batch_size: int = 32) -> int:
    """Extract every input into `out`; returns the number of failures."""
    nlp = shared_nlp()
    failures = 0
    for chunk in chunks(iter_articles(inputs), batch_size):
        articles = []
        for item in chunk:
            if isinstance(item, InputError):
                log.error("%s", item)
                failures += 1
            else:
                articles.append(item)
        for record in records_of(nlp, articles, batch_size) if articles else []:
            failures += bool(record.pop("failed", False))
            out.write(dump_record(record) + "\n")
        out.flush()
    return failures
