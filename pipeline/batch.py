"""One batch of articles → their records, in order: the unit every engine runs.

An article goes through the pipeline in pieces (pipeline/pieces.py: one piece unless
it is longer than PIECE_CHARS), and pieces go in tasks of at most batch_size pieces
and about BATCH_CHARS characters, so that memory stays bounded whatever the size of
an article, and the pieces of one long article can run on several workers.

Failures are isolated per document at the batch boundary: if a task fails, each of
its pieces is retried alone, and an article with a piece the pipeline fails on still
gets its record, with empty lists and a `failed` key ("RuntimeError: …") that the
caller pops.
"""
from __future__ import annotations

import logging
from itertools import islice
from typing import Iterable, Iterator, List, NamedTuple, TextIO, Union

from .extract.assemble import title_of
from .io import Article
from .pieces import PIECE_CHARS, merge_records, split_text

log = logging.getLogger("pipeline")

BATCH_CHARS = 100_000
KEYS = ("doc_id", "title", "parks", "agreements", "contracts", "persons")  # spec order
Found = Union[dict, str]  # what a piece gave: doc._.records, or why the pipeline failed on it


class Piece(NamedTuple):
    article: int  # index of the article in its batch
    offset: int
    text: str


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


def article_pieces(articles: List[Article]) -> List[Piece]:
    return [Piece(index, offset, text) for index, article in enumerate(articles)
            for offset, text in split_text(article.text, PIECE_CHARS)]


def tasks_of(pieces: List[Piece], batch_size: int) -> List[List[Piece]]:
    """Runs of at most batch_size pieces and about BATCH_CHARS characters (at least one piece)."""
    tasks, task, chars = [], [], 0
    for piece in pieces:
        if task and (len(task) >= batch_size or chars + len(piece.text) > BATCH_CHARS):
            tasks.append(task)
            task, chars = [], 0
        task.append(piece)
        chars += len(piece.text)
    return tasks + [task] if task else tasks


def run_task(nlp, texts: List[str], batch_size: int) -> List[Found]:
    """doc._.records of each text; if the task fails, each text is retried alone."""
    try:
        return [doc._.records for doc in nlp.pipe(texts, batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - the batch boundary: find the text that failed
        found: List[Found] = []
        for text in texts:
            try:
                found.append(nlp(text)._.records)
            except Exception as error:  # noqa: BLE001
                found.append(f"{type(error).__name__}: {error}")
        return found


def assemble(articles: List[Article], pieces: List[Piece], found: List[Found]) -> List[dict]:
    """Each article's record from what its pieces gave, doc_id and title set."""
    parts: List[list] = [[] for _ in articles]
    for piece, result in zip(pieces, found):
        parts[piece.article].append((piece.offset, result))
    records = []
    for article, results in zip(articles, parts):
        failures = [result for _, result in results if isinstance(result, str)]
        if failures:
            records.append(dict(empty_record(article), failed=failures[0]))
            continue
        record = merge_records(results)
        record = dict(record, doc_id=article.doc_id, title=article.title or title_of(article.text))
        records.append({key: record[key] for key in KEYS})
    return records


def extract_batch(nlp, articles: List[Article], batch_size: int) -> List[dict]:
    """Records of one batch, in order, without logging; a failed one carries `failed`."""
    pieces = article_pieces(articles)
    found = [result for task in tasks_of(pieces, batch_size)
             for result in run_task(nlp, [piece.text for piece in task], batch_size)]
    return assemble(articles, pieces, found)


def records_of(nlp, articles: List[Article], batch_size: int) -> List[dict]:
    """Records for one batch; if the batch fails, each piece is retried alone, and each
    article that still fails is logged and gets an empty record with `failed` set."""
    records = extract_batch(nlp, articles, batch_size)
    for article, record in zip(articles, records):
        if record.get("failed"):
            log.error("%s:%s: extraction failed: %s", article.source, article.doc_id, record["failed"])
    return records


def process(inputs: Iterable[str], out: TextIO, batch_size: int = 32, jobs: int = 1) -> int:
    """Extract every input into the text stream `out`; returns the number of failures.
    `python -m pipeline extract` runs `stream.extract`, which adds -o, --resume and --errors."""
    from .io import iter_articles
    from .stream import Sink, write_results
    sink = Sink(None, None, False, stream=out)
    write_results(sink, iter_articles(inputs), jobs, batch_size)
    sink.commit()
    return sink.counts.failed
