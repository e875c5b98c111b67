"""`python -m pipeline evaluate … --html FILE`: the evaluation as one self-contained page.

The P/R/F1 table of `format_table`, a bar chart of F1 per fact type (inline SVG), and
every missed and spurious fact, each with the sentence `find_sentence` picks from the
article (given `--texts`), the name it found there marked.
"""
from __future__ import annotations

import html
from typing import Callable, Dict, List, Optional, Tuple, Union

from .evaluate import (Fact, Report, TypeScore, _fact_names, _fold, _show_fact, errors_by_type,
                       find_sentence, load_all, load_texts, score, sentence_finder)
from .review import render_page

LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT = 170, 420, 24  # chart geometry, px
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
Paths = Union[str, List[str]]


def score_rows(report: Report) -> List[Tuple[str, TypeScore]]:
    return list(report.scores.items()) + [("micro", report.micro)]


def render_table(report: Report) -> str:
    """The table of `format_table` as HTML: type (linked to its errors), tp, fp, fn, P, R, F1,
    the micro average last."""
    head = "".join(f"<th>{name}</th>" for name in ("type", "tp", "fp", "fn", "P", "R", "F1"))
    rows = []
    for name, row in score_rows(report):
        shown = f'<a href="#errors-{name}">{name}</a>' if name != "micro" and row.fp + row.fn else name
        cells = [shown, row.tp, row.fp, row.fn] + [f"{value:.3f}" for value in
                                                    (row.precision, row.recall, row.f1)]
        css = ' class="micro"' if name == "micro" else ""
        rows.append(f"<tr{css}>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (f'<table class="scores"><thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody></table>")


def render_bar(index: int, name: str, row: TypeScore) -> str:
    y, width = 4 + index * ROW_HEIGHT, row.f1 * BAR_WIDTH
    family = name.split(".")[0]
    return (f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{name}</text>'
            f'<rect class="bar t-{family}" data-type="{name}" data-f1="{row.f1:.3f}" x="{LABEL_WIDTH}" '
            f'y="{y + 3}" width="{width:.1f}" height="{ROW_HEIGHT - 6}"><title>{name}: F1 {row.f1:.3f}'
            f'</title></rect><text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 16}">{row.f1:.3f}</text>')


def render_chart(report: Report) -> str:
    """Horizontal F1 bars, one per fact type and one for the micro average, on a 0–1 axis."""
    rows = score_rows(report)
    height = ROW_HEIGHT * len(rows) + 24
    width = LABEL_WIDTH + BAR_WIDTH + 60
    ticks = "".join(
        f'<line class="axis" x1="{LABEL_WIDTH + tick * BAR_WIDTH:g}" y1="0" '
        f'x2="{LABEL_WIDTH + tick * BAR_WIDTH:g}" y2="{height - 18}"/>'
        f'<text x="{LABEL_WIDTH + tick * BAR_WIDTH:g}" y="{height - 4}" text-anchor="middle">{tick:g}</text>'
        for tick in TICKS)
    bars = "\n".join(render_bar(index, name, row) for index, (name, row) in enumerate(rows))
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="F1 per fact type">'
            f"{ticks}\n{bars}</svg>")


def mark_name(sentence: str, names: List[str]) -> str:
    """The escaped sentence with the first of `names` found in it (or, as `find_sentence`
    looks, the first five letters of a first word) marked, widened to whole words."""
    folded = _fold(sentence)
    names = [_fold(name) for name in names if name.split()]
    start = -1
    if len(folded) == len(sentence):  # folding kept the offsets
        for needle in names + [name.split()[0][:5] for name in names]:
            start = folded.find(needle)
            if start >= 0:
                end = start + len(needle)
                break
    if start < 0:
        return html.escape(sentence)
    while start > 0 and sentence[start - 1].isalnum():
        start -= 1
    while end < len(sentence) and sentence[end].isalnum():
        end += 1
    return (html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end]) + "</mark>"
            + html.escape(sentence[end:]))


def render_error(label: str, fact_type: str, fact: Fact, sentences_of: Callable) -> str:
    names = _fact_names(fact_type, fact)
    sentence = find_sentence(names, sentences_of(fact[0]))
    quote = f"<blockquote>{mark_name(sentence, names)}</blockquote>" if sentence else ""
    return (f'<li class="{label}" data-type="{fact_type}"><span class="tag">{label}</span>'
            f"<code>{html.escape(_show_fact(fact))}</code>{quote}</li>")


def render_errors(report: Report, texts: Optional[Dict[str, str]] = None) -> str:
    """Misses and false hits grouped by fact type, as `format_errors` lists them."""
    sentences_of = sentence_finder(texts or {})
    sections = []
    for fact_type, missed, spurious in errors_by_type(report):
        items = [render_error(label, fact_type, fact, sentences_of)
                 for label, facts in (("missed", missed), ("spurious", spurious)) for fact in facts]
        sections.append(f'<h3 id="errors-{fact_type}">{fact_type}: {len(missed)} missed, '
                        f'{len(spurious)} spurious</h3>\n<ul class="errors">\n'
                        + "\n".join(items) + "\n</ul>")
    return "\n".join(sections) or "<p>no errors</p>"


def render_report(report: Report, texts: Optional[Dict[str, str]] = None, about: str = "") -> str:
    """The whole page; `about` is a line saying what was scored."""
    hint = "" if texts else '<p class="meta">give --texts to see the sentence of each error</p>'
    body = (f'<p class="meta">{html.escape(about)}</p>\n<h2>Scores</h2>\n{render_table(report)}\n'
            f"<h2>F1 per fact type</h2>\n{render_chart(report)}\n"
            f"<h2>Errors</h2>\n{hint}{render_errors(report, texts)}\n")
    return render_page("Evaluation report", body)


def write_report(gold: Paths, pred: Paths, path: str, *, types: Optional[List[str]] = None,
                 lenient_positions: bool = False, texts: Optional[str] = None) -> None:
    """Score `pred` against `gold` and write the page to `path`."""
    gold_records = load_all(gold)
    report = score(gold_records, load_all(pred), types=types, lenient_positions=lenient_positions)
    names = [gold] if isinstance(gold, str) else gold
    preds = [pred] if isinstance(pred, str) else pred
    count = len(gold_records)
    about = f"gold: {' '.join(names)} · predictions: {' '.join(preds)} · {count} document"
    about += ("" if count == 1 else "s") + (f" · texts: {texts}" if texts else "")
    page = render_report(report, load_texts(texts) if texts else None, about)
    with open(path, "w", encoding="utf-8") as out:
        out.write(page)
