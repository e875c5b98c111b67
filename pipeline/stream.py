"""`extract`: inputs → one JSON line per article, streamed in input order.

Inputs are read lazily and each batch's records are written as soon as they and all
before them are done, so memory stays flat whatever the corpus. Every record is
checked against the spec's schema (and its mentions against its text) before it is
written; one that fails is reported and replaced by the article's empty record, so
no invalid line is ever written. Failed inputs go to stderr, one readable line each,
and with `errors` to a JSONL file: {"source", "doc_id", "error", "message"}.
Progress shows on stderr when it is a terminal, and a one-line summary ends the run.
"""
from __future__ import annotations

import io
import json
import logging
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, TextIO

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from .batch import empty_record
from .io import Article, InputError, Item, dump_record, iter_articles
from .output import LineFile
from .resume import Done, compact, content_hash, load_done, state_path
from .validate import mention_problem, record_problem
from .workers import extract_items

log = logging.getLogger("pipeline")

EXTRACTION_FAILED = "extraction"
INVALID_RECORD = "invalid-record"


class UsageError(ValueError):
    """A run that cannot start: exit status 2."""


def default_jobs() -> int:
    """All the cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


@dataclass
class Counts:
    read: int = 0
    written: int = 0
    failed: int = 0
    skipped: int = 0

    def summary(self, seconds: float) -> str:
        done = self.read - self.skipped
        skipped = f", {self.skipped} already in the output" if self.skipped else ""
        return (f"extract: {self.read} articles read, {self.written} records written, "
                f"{self.failed} failed{skipped}, {seconds:.1f} s, {done / max(seconds, 1e-9):.1f} articles/s")


class Sink:
    """The files of one run: records (stdout or -o), the state beside -o, the errors file."""

    def __init__(self, output: Optional[str], errors: Optional[str], resume: bool,
                 stream: Optional[TextIO] = None):
        self.files = []
        self.stream = stream
        self.output = output
        try:
            self.done = load_done(output) if resume else None
        except OSError as error:
            raise UsageError(f"cannot resume {output}: {error.strerror or error}") from None
        self.records = self.open(output, resume)
        self.state = self.open(state_path(output), resume) if output else None
        self.errors = self.open(errors, False) if errors else None
        self.counts = Counts()

    def open(self, path: Optional[str], append: bool) -> LineFile:
        try:
            if path and os.path.isdir(path):
                raise IsADirectoryError(21, "a folder, not a file")
            self.files.append(LineFile(path, append=append, stream=self.stream))
        except OSError as error:
            self.discard()
            raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
        return self.files[-1]

    def interrupted(self, resume: bool) -> str:
        if resume:
            return f"the {self.counts.written} records written are kept in {self.output}; --resume goes on from there"
        if self.output:
            return f"{self.output} is unchanged"
        return f"after {self.counts.written} records"

    def fail(self, source: str, doc_id: Optional[str], error: str, message: str, shown: str) -> None:
        self.counts.failed += 1
        log.error("%s", shown)
        if self.errors:
            self.errors.write(json.dumps({"source": source, "doc_id": doc_id, "error": error,
                                          "message": message}, ensure_ascii=False))

    def put_error(self, item: InputError) -> None:
        self.counts.read += 1
        self.fail(item.source, item.doc_id, item.error, item.message, str(item))

    def put_record(self, article: Article, record: dict) -> None:
        self.counts.read += 1
        where = f"{article.source}:{article.doc_id}"
        failed = record.pop("failed", None)
        problem = None if failed else record_problem(record) or mention_problem(record, article.text)
        if failed or problem:
            record = empty_record(article)
        self.records.write(dump_record(record))
        self.counts.written += 1
        if failed:
            self.fail(article.source, article.doc_id, EXTRACTION_FAILED, failed, f"{where}: extraction failed: {failed}")
        elif problem:
            self.fail(article.source, article.doc_id, INVALID_RECORD, problem, f"{where}: invalid record: {problem}")
        elif self.state:
            self.state.write(json.dumps({"doc_id": article.doc_id, "sha256": content_hash(article)},
                                        ensure_ascii=False))
        if self.done is not None:
            self.done.add(article.doc_id)

    def commit(self) -> None:
        """Records first, then the state (a state never vouches for a record not yet in place)."""
        for file in self.files:
            file.commit()
        if self.done is not None and self.done.repeated:
            compact(self.records.path)
            compact(self.state.path)

    def discard(self) -> None:
        for file in self.files:
            file.discard()


def skip_done(items: Iterable[Item], done: Done, counts: Counts) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Article) and done.holds(item):
            counts.read += 1
            counts.skipped += 1
        else:
            yield item


@contextmanager
def interrupt_on_sigterm():
    """SIGTERM stops the run as Ctrl-C does: temporary files are removed, appended lines stay."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's last flush of it does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def progress_bar(quiet: bool):
    """A bar of articles on stderr when it is a terminal; log lines are printed above it."""
    enabled = not quiet and getattr(sys.stderr, "isatty", lambda: False)()
    bar = tqdm(unit=" articles", disable=not enabled, file=sys.stderr, dynamic_ncols=True)
    return bar, logging_redirect_tqdm([log]) if enabled else nullcontext()


def write_results(sink: Sink, items: Iterable[Item], jobs: int, batch_size: int, bar=None,
                  engine=extract_items) -> None:
    """`engine`: a function with the contract of workers.extract_items (pipeline.engines)."""
    for batch, records in engine(items, jobs, batch_size):
        records = iter(records)
        for item in batch:
            if isinstance(item, InputError):
                sink.put_error(item)
            else:
                sink.put_record(item, next(records))
            if bar is not None:
                bar.update()


def extract(inputs: Iterable[str], output: Optional[str] = None, errors: Optional[str] = None,
            jobs: int = 1, batch_size: int = 32, resume: bool = False, quiet: bool = False,
            engine=extract_items) -> int:
    """Run extract; the exit status: 0 all processed, 1 some failed, 130 interrupted,
    141 stdout closed by its reader."""
    if resume and not output:
        raise UsageError("--resume needs -o FILE (it appends to that file)")
    started = time.monotonic()
    sink = Sink(output, errors, resume)
    items = iter_articles(inputs)
    if sink.done is not None:
        items = skip_done(items, sink.done, sink.counts)
    bar, redirect = progress_bar(quiet)
    try:
        with interrupt_on_sigterm(), redirect, bar:
            write_results(sink, items, jobs, batch_size, bar, engine)
    except KeyboardInterrupt:
        sink.discard()
        log.error("extract: interrupted: %s", sink.interrupted(resume))
        return 130
    except BrokenPipeError:  # `extract … | head`: the reader of stdout has gone
        sink.discard()
        silence_stdout()
        return 141
    except BaseException:
        sink.discard()
        raise
    sink.commit()
    if not quiet:
        log.info("%s", sink.counts.summary(time.monotonic() - started))
    return 1 if sink.counts.failed else 0
