"""The benchmark's results as Markdown: the machine, a table of configurations, memory, targets."""
from __future__ import annotations

from typing import List, Optional

ROWS = [  # (key in runs, label)
    ("one", "ours, 1 process"),
    ("two", "ours, 2 processes (`--jobs 2`: pipeline.workers)"),
    ("dask", "ours, dask LocalCluster, 2 workers × 1 thread"),
    ("natasha", "natasha per document, BLAS default threads"),
    ("natasha_1", "natasha per document, 1 BLAS thread"),
]


def at_n(results: dict, key: str) -> Optional[dict]:
    """A run's figures over the first N articles (the one-process run goes on past N)."""
    run = results["runs"].get(key)
    if run is None or key != "one":
        return run
    mark = next(m for m in run["checkpoints"] if m["articles"] == results["n"])
    return dict(run, **mark)


def rate(run: dict) -> float:
    return run["articles"] / run["seconds"]


def row(results: dict, key: str, label: str) -> str:
    run = at_n(results, key)
    if run is None:
        return f"| {label} | not run (dask is not installed) | | | | | |"
    per_cpu = f"{run['articles'] / run['cpu_seconds']:.1f}" if "cpu_seconds" in run else "–"
    return (f"| {label} | {run['articles']} | {rate(run):.1f} | {results['tokens'] / run['seconds']:,.0f} | "
            f"{per_cpu} | {run['startup']:.2f} | {run['peak_rss_mb']:.0f} | "
            f"{run['load_before']:.1f} → {run['load_after']:.1f} |")


def memory_lines(results: dict) -> List[str]:
    marks = results["runs"]["one"]["checkpoints"]
    first = next((m for m in marks if m["articles"] == 1000), marks[0])
    last = marks[-1]
    growth = (last["peak_rss_mb"] - first["peak_rss_mb"]) / first["peak_rss_mb"]
    lines = ["| articles (1 process) | " + " | ".join(f"{m['articles']:,}" for m in marks) + " |",
             "| --- |" + " --- |" * len(marks),
             "| peak RSS, MB | " + " | ".join(f"{m['peak_rss_mb']:.0f}" for m in marks) + " |",
             "| seconds | " + " | ".join(f"{m['seconds']:.0f}" for m in marks) + " |", ""]
    if last["articles"] < results["memory_n"]:
        projected = last["seconds"] / last["articles"] * results["memory_n"] / 60
        lines.append(f"The memory run stopped at {last['articles']:,} articles, not {results['memory_n']:,}: "
                     f"{results['memory_n']:,} would take about {projected:.0f} min at this rate, past the "
                     f"{results['budget'] / 60:.0f} min budget (BENCH_BUDGET).")
    lines.append(f"Peak RSS grew {100 * growth:+.1f} % from {first['articles']:,} to {last['articles']:,} articles.")
    return lines, first, last, growth


def targets(results: dict, first: dict, last: dict, growth: float) -> List[str]:
    runs = results["runs"]
    one, two = rate(at_n(results, "one")), rate(runs["two"])
    natasha = max(rate(runs["natasha"]), rate(runs["natasha_1"]))
    peak = max(at_n(results, key)["peak_rss_mb"] for key in ("one", "two", "dask") if key in runs)
    startup = runs["one"]["startup"]
    checks = [
        ("1 process ≥ 1.0× natasha per document (its faster setting)", f"{one / natasha:.2f}×", one >= natasha),
        ("2 processes ≥ 1.7× 1 process", f"{two / one:.2f}×", two >= 1.7 * one),
        ("peak RSS ≤ 700 MB per process", f"{peak:.0f} MB", peak <= 700),
        (f"peak RSS within 10 % from {first['articles']:,} to {last['articles']:,} articles",
         f"{100 * growth:+.1f} %", abs(growth) <= 0.10),
        ("start-up ≤ 3 s (imports, models, one warm-up article)", f"{startup:.2f} s", startup <= 3),
    ]
    return ["| target | measured | met |", "| --- | --- | --- |"] + [
        f"| {name} | {value} | {'yes' if met else '**no**'} |" for name, value, met in checks]


def render(results: dict) -> str:
    m = results["machine"]
    memory, first, last, growth = memory_lines(results)
    lines = [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}, "
             f"{m['date']}. Corpus: {results['n']:,} generated articles ({results['tokens']:,} razdel "
             "tokens) for throughput.", "",
             "| configuration | articles | articles/s | tokens/s | articles per CPU-s | start-up, s | "
             "peak RSS per process, MB | load average before → after |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    lines += [row(results, key, label) for key, label in ROWS]
    return "\n".join(lines + [""] + memory + [""] + targets(results, first, last, growth))
