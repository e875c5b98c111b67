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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="articles → JSONL records")
    extract.add_argument("inputs", nargs="+", metavar="INPUT",
                         help=".txt file, folder of .txt (recursive), .jsonl file, or - for stdin")
    extract.add_argument("-o", "--output", help="JSONL file to write (default: stdout)")
    extract.add_argument("--batch-size", type=int, default=32)
    extract.set_defaults(function=run_extract)

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
    evaluate.set_defaults(function=run_evaluate)
    return parser


def run_extract(args) -> int:
    from .batch import process
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        failures = process(args.inputs, out, batch_size=args.batch_size)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failures else 0


def run_evaluate(args) -> int:
    from .evaluate import evaluate_files
    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    try:
        text = evaluate_files(args.gold, args.pred, types=types,
                              lenient_positions=args.lenient_positions, as_json=args.json,
                              errors=args.errors, texts=args.texts)
    except (ValueError, OSError) as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 2
    print(text)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    return args.function(args)
