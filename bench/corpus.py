"""A benchmark corpus of N articles recombined from corpus/ and corpus/heldout/.

Article i takes a title and 3–9 paragraphs (the seed articles have 6 on average) drawn
with a generator seeded by i, and every number in them is replaced by another of the same
shape, so that no two texts are the same and the vocabulary keeps growing a little, as an
archive's does (new sums, dates, counts). The same N gives the same corpus on every run.
"""
from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("corpus/*.txt", "corpus/heldout/*.txt")
NUMBER = re.compile(r"\d+")
SEED = 20240601


@lru_cache(maxsize=None)
def pieces() -> Tuple[List[str], List[str]]:
    """(titles, paragraphs) of the source articles: parts between blank lines."""
    titles, paragraphs = [], []
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            parts = [part.strip() for part in path.read_text(encoding="utf-8").split("\n\n")]
            parts = [part for part in parts if part]
            titles.append(parts[0])
            paragraphs.extend(parts[1:])
    return titles, paragraphs


def vary_number(digits: str, rng: random.Random) -> str:
    """Another number of the same shape: a year stays a plausible year, a count keeps its length."""
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(2010, 2030))
    if len(digits) == 1 or digits[0] == "0":
        return "".join(rng.choice("0123456789") for _ in digits)
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def article(i: int) -> dict:
    rng = random.Random(SEED * 1_000_003 + i)
    titles, paragraphs = pieces()
    parts = [rng.choice(titles)] + rng.sample(paragraphs, rng.randint(3, 9))
    text = "\n\n".join(NUMBER.sub(lambda match: vary_number(match.group(), rng), part) for part in parts)
    return {"doc_id": f"bench-{i:06d}", "text": text}


def articles(count: int) -> Iterator[dict]:
    return (article(i) for i in range(count))


def write_corpus(count: int, folder: Path) -> Path:
    """The corpus as JSONL in `folder` (kept between runs: it is the same for the same count)."""
    path = folder / f"bench-{count}.jsonl"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8") as out:
            for item in articles(count):
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        partial.rename(path)
    return path
