"""One benchmark configuration in a process of its own: `python -m bench.measure MODE FILE …`.

Prints one JSON object: start-up seconds (imports and model loads), articles, seconds,
peak RSS in MB per process, and for `ours` the peak RSS and time after every checkpoint.
Models load lazily, so start-up includes one tiny article through the whole pipeline.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from itertools import islice
from typing import List

BATCH_SIZE = 32
WARM_UP = "Технопарк «Тест» в Калужской области подписал соглашение."


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def cpu_seconds(who=resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def iter_articles(path: str, limit: int):
    from pipeline.io import Article
    with open(path, encoding="utf-8") as lines:
        for item in map(json.loads, islice(lines, limit)):
            yield Article(item["doc_id"], item["text"], path)


def read_articles(path: str, limit: int) -> list:
    return list(iter_articles(path, limit))


def load_pipeline():
    from pipeline.batch import records_of
    from pipeline.io import Article
    from pipeline.nlp import shared_nlp
    records_of(shared_nlp(), [Article("warm-up", WARM_UP, "bench")], BATCH_SIZE)
    return shared_nlp()


def run_one(path: str, limit: int, checkpoints: List[int], budget: float) -> dict:
    """One process; stops at a checkpoint when the next block would pass `budget` seconds."""
    started = time.perf_counter()
    from pipeline.batch import records_of
    nlp = load_pipeline()
    startup = time.perf_counter() - started
    articles = iter_articles(path, limit)  # read as it goes: RSS is the pipeline's, not the corpus's
    marks, done, last = [], 0, (0, 0.0)
    began, cpu = time.perf_counter(), cpu_seconds()
    for mark in checkpoints:
        for start in range(done, mark, BATCH_SIZE):
            records_of(nlp, list(islice(articles, min(BATCH_SIZE, mark - start))), BATCH_SIZE)
        done, elapsed = mark, time.perf_counter() - began
        marks.append({"articles": mark, "seconds": elapsed, "cpu_seconds": cpu_seconds() - cpu,
                      "peak_rss_mb": peak_rss_mb()})
        per_article = (elapsed - last[1]) / (mark - last[0])
        last = (mark, elapsed)
        following = [m for m in checkpoints if m > mark]
        if following and elapsed + per_article * (following[0] - mark) > budget:
            break
    return {"startup": startup, "articles": done, "seconds": marks[-1]["seconds"],
            "peak_rss_mb": peak_rss_mb(), "checkpoints": marks}


def _wait_loaded(barrier) -> None:
    load_pipeline()  # the taggers load at the first article
    barrier.wait()  # so that each worker runs one of these


def run_pool(path: str, limit: int, processes: int) -> dict:
    """`--jobs` as the CLI runs it (pipeline.workers), timed from when every worker has loaded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from pipeline.batch import chunks
    from pipeline.workers import in_order, start_worker
    articles = read_articles(path, limit)
    started = time.perf_counter()
    with multiprocessing.Manager() as manager, ProcessPoolExecutor(processes, initializer=start_worker) as pool:
        barrier = manager.Barrier(processes)
        for future in [pool.submit(_wait_loaded, barrier) for _ in range(processes)]:
            future.result()
        startup = time.perf_counter() - started
        began = time.perf_counter()
        results = in_order(pool, chunks(articles, BATCH_SIZE), BATCH_SIZE, 2 * processes)
        done = sum(len(records) for _, records in results)
        seconds = time.perf_counter() - began
    return {"startup": startup, "articles": done, "seconds": seconds,
            "peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)}


def run_dask(path: str, limit: int, processes: int) -> dict:
    """The dask engine's batches on a LocalCluster of `processes` workers, one thread each."""
    from distributed import Client, LocalCluster
    from pipeline.engines.dask_engine import extract_items
    articles = read_articles(path, limit)
    started = time.perf_counter()
    with LocalCluster(n_workers=processes, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        client.run(load_pipeline)
        startup = time.perf_counter() - started
        began = time.perf_counter()
        results = extract_items(articles, processes, BATCH_SIZE, scheduler=cluster.scheduler_address)
        done = sum(len(records) for _, records in results)
        seconds = time.perf_counter() - began
        peaks = client.run(peak_rss_mb)
    return {"startup": startup, "articles": done, "seconds": seconds, "peak_rss_mb": max(peaks.values())}


def run_natasha(path: str, limit: int, one_blas_thread: bool) -> dict:
    """natasha's own per-document pipeline, as its README runs it."""
    started = time.perf_counter()
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    if one_blas_thread:
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=1, user_api="blas")
    embedding = NewsEmbedding()
    segmenter, morph_vocab = Segmenter(), MorphVocab()
    morph_tagger, ner_tagger = NewsMorphTagger(embedding), NewsNERTagger(embedding)
    startup = time.perf_counter() - started
    texts = [article.text for article in read_articles(path, limit)]
    began, cpu = time.perf_counter(), cpu_seconds()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        for span in doc.spans:
            span.normalize(morph_vocab)
    return {"startup": startup, "articles": len(texts), "seconds": time.perf_counter() - began,
            "cpu_seconds": cpu_seconds() - cpu, "peak_rss_mb": peak_rss_mb()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.measure")
    parser.add_argument("mode", choices=["ours", "pool", "dask", "natasha", "natasha-default"])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, required=True)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--checkpoints", default="", help="comma-separated article counts (ours)")
    parser.add_argument("--budget", type=float, default=float("inf"), help="seconds (ours)")
    args = parser.parse_args(argv)
    if args.mode == "ours":
        marks = sorted({int(m) for m in args.checkpoints.split(",") if m} | {args.limit})
        result = run_one(args.corpus, args.limit, marks, args.budget)
    elif args.mode == "pool":
        result = run_pool(args.corpus, args.limit, args.processes)
    elif args.mode == "dask":
        result = run_dask(args.corpus, args.limit, args.processes)
    else:
        result = run_natasha(args.corpus, args.limit, one_blas_thread=args.mode == "natasha")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
