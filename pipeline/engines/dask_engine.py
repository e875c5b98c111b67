"""--engine dask: the local engine's tasks on the workers of a dask.distributed cluster.

The same batches and tasks as with --jobs (`pipeline.workers`: `batch.run_task` with the
worker process's own Language, `shared_nlp()`, built once per process), submitted through
the dask client's executor instead of a process pool. Inputs are read lazily here; results
come back in input order with about 2 tasks per worker thread in flight, so memory stays
flat on both sides; writing, validation, --resume and --errors stay with `pipeline.stream`.
Workers need this package installed (`pip install '.[dask]'`) and one thread each, as a
LocalCluster here has them (`dask worker ADDRESS --nthreads 1 --nworkers N` elsewhere).
"""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from typing import Iterable, Iterator, Optional

from ..batch import chunks
from ..io import Item
from ..workers import Result, in_order

INSTALL = "--engine dask needs dask.distributed: pip install 'pipeline[dask]' (or '.[dask]' here)"


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ImportError(INSTALL) from None


@contextmanager
def connect(scheduler: Optional[str], workers: int):
    """A client of the scheduler at `scheduler`, or of a LocalCluster of `workers` processes."""
    require_dask()
    from distributed import Client, LocalCluster
    with ExitStack() as stack:
        if scheduler is None:
            scheduler = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"))
        yield stack.enter_context(Client(scheduler))


def extract_items(items: Iterable[Item], jobs: int, batch_size: int,
                  scheduler: Optional[str] = None) -> Iterator[Result]:
    """`workers.extract_items` on the cluster at `scheduler`, or on a LocalCluster of `jobs` workers."""
    with connect(scheduler, jobs) as client:
        threads = max(1, sum(client.nthreads().values()))
        executor = client.get_executor(pure=False)
        yield from in_order(executor, chunks(items, batch_size), batch_size, 2 * threads)
