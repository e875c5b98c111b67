"""Loaders for the word lists and tables in pipeline/rules/.

Each file has one entry per line; `#` starts a comment (with an example of
the entry in use). Tables separate columns by a tab.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

RULES_DIR = Path(__file__).parent / "rules"


def _lines(name: str):
    path = RULES_DIR / name
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line


@lru_cache(maxsize=None)
def load_list(name: str) -> Tuple[str, ...]:
    """The entries of rules/NAME, in file order."""
    return tuple(line for _, line in _lines(name))


@lru_cache(maxsize=None)
def load_table(name: str, columns: int) -> Tuple[Tuple[str, ...], ...]:
    """Rows of a tab-separated rules/NAME; a row with another width is an error."""
    rows: List[Tuple[str, ...]] = []
    for number, line in _lines(name):
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if len(cells) != columns:
            raise ValueError(f"rules/{name}:{number}: expected {columns} tab-separated columns, "
                             f"got {len(cells)}: {line!r}")
        rows.append(cells)
    return tuple(rows)


@lru_cache(maxsize=None)
def load_set(name: str) -> frozenset:
    """The entries of rules/NAME in lower case, for membership tests on lemmas."""
    return frozenset(entry.lower() for entry in load_list(name))
