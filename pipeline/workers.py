"""Batches of inputs → the records of their articles, in input order, here or in worker processes.

Both engines cut a batch's articles into the same tasks (batch.tasks_of) and run each
with batch.run_task, so their records are the same, byte for byte. The pool starts
only when there is more than one task: N worker processes, each loading the models
once (`shared_nlp()`), with about 2·N tasks in flight, so that memory stays flat
however long the input; the pieces of one long article run on several workers.
Workers ignore Ctrl-C: the parent stops them after their current task.
"""
from __future__ import annotations

import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Iterable, Iterator, List, Tuple

from .batch import Found, Piece, article_pieces, assemble, chunks, extract_batch, run_task, tasks_of
from .io import Article, Item
from .nlp import shared_nlp

Batch = List[Item]
Result = Tuple[Batch, List[dict]]  # a batch and the records of its articles, in order


def articles_of(batch: Batch) -> List[Article]:
    return [item for item in batch if isinstance(item, Article)]


def extract_here(batches: Iterable[Batch], batch_size: int) -> Iterator[Result]:
    """In this process; the models are loaded at the first article."""
    for batch in batches:
        articles = articles_of(batch)
        yield batch, extract_batch(shared_nlp(), articles, batch_size) if articles else []


def start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    shared_nlp()


def run_in_worker(texts: List[str], batch_size: int) -> List[Found]:
    return run_task(shared_nlp(), texts, batch_size)


def task_results(task: List[Piece], future: Future) -> List[Found]:
    """What the task's pieces gave; a worker that died fails each of them."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - BrokenProcessPool, a result that would not pickle …
        return [f"worker failed: {type(error).__name__}: {error}"] * len(task)


class Submitted:
    """A batch whose tasks are running in the pool."""

    def __init__(self, pool: ProcessPoolExecutor, batch: Batch, batch_size: int):
        self.batch, self.articles = batch, articles_of(batch)
        self.pieces = article_pieces(self.articles)
        self.tasks = tasks_of(self.pieces, batch_size)
        self.futures = [pool.submit(run_in_worker, [piece.text for piece in task], batch_size)
                        for task in self.tasks]

    def result(self) -> Result:
        found = [result for task, future in zip(self.tasks, self.futures)
                 for result in task_results(task, future)]
        return self.batch, assemble(self.articles, self.pieces, found)


def in_order(executor, batches: Iterable[Batch], batch_size: int, in_flight: int) -> Iterator[Result]:
    """Results of the batches whose tasks run on `executor` (this pool, or a dask client's:
    engines/dask_engine.py), in order, with about `in_flight` tasks submitted at a time."""
    pending: deque = deque()
    for batch in batches:
        pending.append(Submitted(executor, batch, batch_size))
        while sum(len(item.futures) for item in pending) > in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def extract_in_pool(batches: Iterable[Batch], jobs: int, batch_size: int) -> Iterator[Result]:
    pool = ProcessPoolExecutor(jobs, initializer=start_worker)
    try:
        yield from in_order(pool, batches, batch_size, 2 * jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def has_one_task(head: List[Batch], batch_size: int) -> bool:
    """True for input that is one batch of one task: a pool would only add its start-up."""
    if len(head) != 1:
        return len(head) == 0
    return len(tasks_of(article_pieces(articles_of(head[0])), batch_size)) <= 1


def extract_items(items: Iterable[Item], jobs: int, batch_size: int) -> Iterator[Result]:
    """Results of batches of batch_size items, in order; a pool of `jobs` workers when it pays."""
    batches = chunks(items, batch_size)
    head = list(islice(batches, 2))
    if jobs <= 1 or has_one_task(head, batch_size):
        return extract_here(chain(head, batches), batch_size)
    return extract_in_pool(chain(head, batches), jobs, batch_size)
