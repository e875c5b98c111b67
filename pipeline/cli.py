"""Command line: `python -m pipeline extract …` and `python -m pipeline evaluate …`.

JSONL goes to stdout (or -o), logs and per-input errors to stderr.
Exit status: 0 all inputs processed, 1 some inputs failed (the rest written), 2 usage error.
"""
from __future__ import annotations

import argparse
import logging
import sys
from typing import List, Optional

log = logging.getLogger("pipeline")


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def add_extract_parser(sub) -> None:
    extract = sub.add_parser("extract", help="articles → JSONL records")
    extract.add_argument("inputs", nargs="+", metavar="INPUT",
                         help=".txt file, folder of .txt (recursive), .jsonl file, or - for stdin")
    extract.add_argument("-o", "--output", help="JSONL file to write (default: stdout); written to a "
                         "temporary file beside it and renamed at the end, with FILE.state beside it")
    extract.add_argument("--batch-size", type=positive_int, default=32, help="articles per batch (default: 32)")
    extract.add_argument("-j", "--jobs", type=positive_int, metavar="N",
                         help="worker processes (default: all cores)")
    extract.add_argument("--resume", action="store_true",
                         help="append to -o FILE only the articles it does not hold yet (doc_id and content hash)")
    extract.add_argument("--errors", metavar="FILE",
                         help="also write each failed input as a JSON line: source, doc_id, error, message")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    extract.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local: this machine (default); dask: a dask.distributed cluster "
                         "(pip install '.[dask]'), a LocalCluster of --jobs workers unless --scheduler")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler to use")
    extract.set_defaults(function=run_extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    add_extract_parser(sub)

    evaluate = sub.add_parser("evaluate", help="score predictions against gold (spec §3)")
    evaluate.add_argument("--gold", required=True, nargs="+",
                          help="folders of .json (recursive), .json or .jsonl files")
    evaluate.add_argument("--pred", required=True, nargs="+",
                          help="folders of .json (recursive), .json or .jsonl files")
    evaluate.add_argument("--types", help="comma-separated fact types to score (default: all)")
    evaluate.add_argument("--lenient-positions", action="store_true",
                          help="positions match when one is a contiguous word run of the other")
    evaluate.add_argument("--json", action="store_true", help="print JSON instead of a table")
    evaluate.add_argument("--errors", action="store_true", help="list every missed and spurious fact")
    evaluate.add_argument("--texts", help="folder of the articles, to show each error's sentence")
    evaluate.add_argument("--html", metavar="FILE", help="also write the report as an HTML page")
    evaluate.set_defaults(function=run_evaluate)

    show = sub.add_parser("show", help="articles → one HTML page of their facts, for review")
    show.add_argument("inputs", nargs="+", metavar="INPUT", help="as for extract")
    show.add_argument("-o", "--output", help="HTML file to write (default: stdout)")
    show.set_defaults(function=run_show)

    draft = sub.add_parser("draft-gold", help="articles → one <doc_id>.json gold draft each")
    draft.add_argument("inputs", nargs="+", metavar="INPUT", help="as for extract")
    draft.add_argument("-o", "--output", required=True, metavar="FOLDER", help="folder of the drafts")
    draft.add_argument("--force", action="store_true", help="overwrite drafts that exist")
    draft.set_defaults(function=run_draft)
    return parser


def utf8_stdout():
    """sys.stdout, writing UTF-8 whatever the locale or PYTHONIOENCODING say (JSONL is UTF-8)."""
    if (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "") != "utf8":
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="strict")
    return sys.stdout


def run_extract(args) -> int:
    from .engines import engine_items
    from .stream import UsageError, default_jobs, extract
    if not args.output:
        utf8_stdout()
    try:
        engine = engine_items(args.engine, args.scheduler)
        return extract(args.inputs, output=args.output, errors=args.errors, jobs=args.jobs or default_jobs(),
                       batch_size=args.batch_size, resume=args.resume, quiet=args.quiet, engine=engine)
    except UsageError as error:
        print(f"extract: {error}", file=sys.stderr)
        return 2


def run_evaluate(args) -> int:
    from .evaluate import evaluate_files
    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    try:
        text = evaluate_files(args.gold, args.pred, types=types,
                              lenient_positions=args.lenient_positions, as_json=args.json,
                              errors=args.errors, texts=args.texts)
        if args.html:
            from .report import write_report
            write_report(args.gold, args.pred, args.html, types=types,
                         lenient_positions=args.lenient_positions, texts=args.texts)
    except (ValueError, OSError) as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 2
    print(text, file=utf8_stdout())
    return 0


def run_show(args) -> int:
    from .review import review_page
    page, failures = review_page(args.inputs)
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(page)
        else:
            utf8_stdout().write(page)
    except OSError as error:
        print(f"show: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 1 if failures else 0


def run_draft(args) -> int:
    from .draft import write_drafts
    try:
        failures = write_drafts(args.inputs, args.output, force=args.force)
    except OSError as error:
        print(f"draft-gold: cannot write to {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 1 if failures else 0


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    # our messages go to the stderr of this call (not the first call's, as with
    # logging.basicConfig, which also lets every library's INFO lines through)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level = log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        return args.function(args)
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
