"""`make bench`: every configuration in a fresh process, one after the other; a table at the end.

    BENCH_N=2000 BENCH_MEMORY_N=10000 BENCH_BUDGET=1200 .venv/bin/python -m bench.run

BENCH_N articles for throughput; the one-process run goes on to BENCH_MEMORY_N articles for
the memory comparison, unless the next thousand would end past BENCH_BUDGET seconds: then it
stops at the last thousand reached, and the table says so. Results go to stdout and to
out/bench/results.{json,md}.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

from .corpus import ROOT, write_corpus
from .report import render

OUT = ROOT / "out" / "bench"


def setting(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(memory_kb / 1024 ** 2, 1),
            "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def measure(mode: str, corpus: Path, limit: int, *options: str) -> dict:
    """One configuration in a process of its own; its JSON result with the load around it."""
    command = [sys.executable, "-m", "bench.measure", mode, str(corpus), "--limit", str(limit), *options]
    print(f"bench: {mode} {' '.join(options)} on {limit} articles …", file=sys.stderr, flush=True)
    before = load_average()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(mode=mode, load_before=before, load_after=load_average())
    print(f"bench: {json.dumps(result)}", file=sys.stderr, flush=True)
    return result


def count_tokens(corpus: Path, limit: int) -> int:
    from razdel import tokenize
    with corpus.open(encoding="utf-8") as lines:
        return sum(sum(1 for _ in tokenize(json.loads(line)["text"])) for _, line in zip(range(limit), lines))


def run_all(n: int, memory_n: int, budget: float) -> dict:
    corpus = write_corpus(max(n, memory_n), OUT)
    runs = {
        "natasha": measure("natasha-default", corpus, n),
        "natasha_1": measure("natasha", corpus, n),
        "two": measure("pool", corpus, n, "--processes", "2"),
    }
    if find_spec("distributed"):
        runs["dask"] = measure("dask", corpus, n, "--processes", "2")
    marks = sorted({n, *range(1000, memory_n + 1, 1000)})
    runs["one"] = measure("ours", corpus, max(n, memory_n), "--checkpoints", ",".join(map(str, marks)),
                          "--budget", str(budget))
    return {"machine": machine(), "n": n, "memory_n": memory_n, "budget": budget,
            "tokens": count_tokens(corpus, n), "runs": runs}


def main() -> int:
    n, memory_n = setting("BENCH_N", 2000), setting("BENCH_MEMORY_N", 10000)
    results = run_all(n, memory_n, setting("BENCH_BUDGET", 1200))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    table = render(results)
    (OUT / "results.md").write_text(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
