"""Engines: where the tasks of `extract` run (a batch's articles, long ones in pieces:
`batch.tasks_of`, each run by `batch.run_task` with the process's own Language).

`local`: this process, or a pool of `--jobs` worker processes (`pipeline.workers`); `dask`:
the workers of a dask.distributed cluster (`dask_engine.py`, `pip install '.[dask]'`). An
engine is a function with the contract of `workers.extract_items`.
"""
from __future__ import annotations

from functools import partial
from typing import Optional

ENGINES = ("local", "dask")


def engine_items(engine: str = "local", scheduler: Optional[str] = None):
    """The extract_items function of an engine; stream.UsageError when it cannot run."""
    from ..stream import UsageError
    if engine == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        from ..workers import extract_items
        return extract_items
    if engine == "dask":
        from .dask_engine import extract_items, require_dask
        try:
            require_dask()
        except ImportError as error:
            raise UsageError(str(error)) from None
        return partial(extract_items, scheduler=scheduler)
    raise UsageError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
