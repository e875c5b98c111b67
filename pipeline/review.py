"""`python -m pipeline show`: one self-contained HTML page of articles, their entities,
their fact evidence and their records as cards.

The text is cut at every mark's start and end. Marks nest, outer ones first; a mark
that runs past the end of an enclosing one is closed there and opened again, so one
mark may be drawn as several elements sharing its `data-mark` id. Evidence spans
(`doc.spans[<fact>]`) do not say which record they support: each is given to the
record of its fact whose value of the span's attribute agrees with the span's text and
whose mention is nearest (distance 0 when they overlap); evidence of a value that no
record kept (a superseded area, say) is shown unlinked.
"""
from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from . import record_of
from .io import Article, InputError, iter_articles
from .nlp import shared_nlp
from .numbers import find_quantities
from .records import AGREEMENT, CONTRACT, PARK, PERSON

log = logging.getLogger("pipeline")

TEMPLATES = Path(__file__).parent / "templates"
LISTS = ((PARK, "parks"), (AGREEMENT, "agreements"), (CONTRACT, "contracts"), (PERSON, "persons"))
ALWAYS_HELD = {"name", "mention"}  # span labels that stand for the record itself
NUMBER_FIELDS = {"area": "m2", "residents": "count", "sum": "amount"}  # the number of a value

PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
<h1>{title}</h1>
{body}
<script>
{script}</script>
</body>
</html>
"""
LEGEND = ('<p class="legend">' + "".join(
    f'<span class="mention t-{fact}">{fact}</span>' for fact, _ in LISTS)
    + '<span class="ent ent-PER">PER</span><span class="ent ent-ORG">ORG</span>'
    + '<span class="ent ent-LOC">LOC</span></p>')


def template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def render_page(title: str, body: str, script: str = "") -> str:
    """A whole page: the house CSS and `script` inline, nothing fetched."""
    return PAGE.format(title=html.escape(title), css=template("page.css"), body=body, script=script)


# --- marks ------------------------------------------------------------------

@dataclass
class Mark:
    start: int
    end: int
    classes: str
    data: Dict[str, str] = field(default_factory=dict)  # attributes, e.g. {"data-record": "a0-parks-1"}


def open_tag(mark: Mark, key: str) -> str:
    attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in mark.data.items())
    return f'<span class="{mark.classes}" data-mark="{key}"{attributes}>'


def render_text(text: str, marks: List[Mark], prefix: str = "m") -> str:
    """Escaped text with every mark inside [0, len(text)) as nested <span> elements."""
    marks = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, i))
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    pieces: List[str] = []
    opened: List[int] = []
    for left, right in zip(bounds, bounds[1:]):
        active = [i for i in order if marks[i].start <= left and right <= marks[i].end]
        kept = 0
        while kept < min(len(opened), len(active)) and opened[kept] == active[kept]:
            kept += 1
        pieces.extend("</span>" for _ in opened[kept:])
        pieces.extend(open_tag(marks[i], f"{prefix}{i}") for i in active[kept:])
        opened = active
        pieces.append(html.escape(text[left:right]))
    pieces.extend("</span>" for _ in opened)
    return "".join(pieces)


def gap(start: int, end: int, mentions: List[list]) -> int:
    """Characters between [start, end) and the nearest mention; 0 when they overlap."""
    return min(max(0, m_start - end, start - m_end) for m_start, m_end in mentions)


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def stem(word: str) -> str:
    """Enough of a word to find it inflected: Химград → химгр, Уфа → уф."""
    return fold(word)[:max(2, min(5, len(word) - 1))]


def agrees(item: dict, label: str, text: str) -> bool:
    """Whether a span's text may have given the item's value: a stem of a word of a text
    value, or a quantity equal to an area, a count or a sum (within 0.5 %), occurs in it.
    Other values always agree."""
    value = item.get("name") if label in ALWAYS_HELD else item.get(label)
    if isinstance(value, str):
        return any(stem(word) in fold(text) for word in value.split())
    number = value.get(NUMBER_FIELDS.get(label)) if isinstance(value, dict) else None
    if isinstance(number, (int, float)):
        return any(abs(found.value - number) <= 0.005 * abs(number) for found in find_quantities(text))
    return True


def owner(start: int, end: int, label: str, text: str, items: List[dict]) -> Optional[int]:
    """The index of the item a span labelled `label` supports: of the items that hold
    that attribute with a value agreeing with the span's text, the nearest; else None."""
    held = [index for index, item in enumerate(items) if item["mentions"]
            and (label in ALWAYS_HELD or item.get(label) not in (None, "", []))
            and agrees(item, label, text)]
    return min(held, key=lambda index: gap(start, end, items[index]["mentions"]), default=None)


def evidence_mark(prefix: str, fact: str, list_name: str, span, items: List[dict]) -> Mark:
    index = owner(span.start_char, span.end_char, span.label_, span.text, items)
    title = f"{fact}.{span.label_} · {span._.rule}"
    if index is None:
        classes, record, title = f"hl ev unlinked t-{fact}", "", title + " · in no record"
    else:
        classes, record = f"hl ev t-{fact}", f"{prefix}-{list_name}-{index}"
    data = {"data-record": record, "data-attr": span.label_, "data-rule": span._.rule or "", "title": title}
    return Mark(span.start_char, span.end_char, classes, data)


def record_marks(prefix: str, doc, record: dict) -> List[Mark]:
    """Entities, the mentions of every record, and the evidence spans of every fact."""
    marks = [Mark(ent.start_char, ent.end_char, f"ent ent-{ent.label_}", {"title": ent.label_})
             for ent in doc.ents]
    for fact, list_name in LISTS:
        items = record[list_name]
        for index, item in enumerate(items):
            data = {"data-record": f"{prefix}-{list_name}-{index}", "title": fact}
            marks.extend(Mark(start, end, f"hl mention t-{fact}", data) for start, end in item["mentions"])
        marks.extend(evidence_mark(prefix, fact, list_name, span, items)
                     for span in doc.spans.get(fact, []))
    return marks


# --- cards ------------------------------------------------------------------

def show_number(value) -> str:
    """180000.0 → '180 000', 462.2 → '462,2' (a narrow space between thousands)."""
    return format(value, ",.15g").translate({ord(","): "\u202f", ord("."): ","})


def with_qualifier(qualifier: Optional[str], text: str) -> str:
    return f"{qualifier} {text}" if qualifier else text


def show_area(area: Optional[dict]) -> Optional[str]:
    if not area:
        return None
    return f"{show_number(area['m2'])} м² (as written: {show_number(area['value'])} {area['unit']})"


def show_money(money: Optional[dict]) -> Optional[str]:
    if not money:
        return None
    amount = f"{show_number(money['amount'])} {money.get('currency') or ''}".strip()
    return with_qualifier(money.get("qualifier"), amount)


def show_count(count: Optional[dict]) -> Optional[str]:
    return with_qualifier(count.get("qualifier"), str(count["count"])) if count else None


def show_parties(parties: List[dict]) -> Optional[str]:
    return ", ".join(f"{party['name']} ({party['type']})" for party in parties) or None


def card_fields(fact: str, item: dict) -> List[Tuple[str, Optional[str]]]:
    """(attribute, shown value or None) of one record, in card order."""
    if fact == PARK:
        return [("kind", item.get("kind")), ("location", item.get("location")),
                ("area", show_area(item.get("area"))), ("residents", show_count(item.get("residents"))),
                ("operator", item.get("operator"))]
    if fact == AGREEMENT:
        return [("kind", item.get("kind")), ("signatories", show_parties(item.get("signatories") or [])),
                ("sum", show_money(item.get("sum")))]
    if fact == CONTRACT:
        count = item.get("count")
        return [("count", None if count is None else str(count)), ("sum", show_money(item.get("sum")))]
    return [("position", item.get("position")), ("org", item.get("org"))]


def card_title(fact: str, item: dict) -> str:
    return item.get("name") or item.get("kind") or ("contracts" if fact == CONTRACT else fact)


def render_card(fact: str, item: dict, key: str) -> str:
    rows = []
    for attribute, value in card_fields(fact, item):
        shown = html.escape(value) if value is not None else '<span class="none">—</span>'
        rows.append(f'<dt>{attribute}</dt><dd class="field" id="{key}-{attribute}" '
                    f'data-record="{key}" data-attr="{attribute}">{shown}</dd>')
    return (f'<section class="card t-{fact}" id="{key}" data-record="{key}" tabindex="0">'
            f'<span class="type">{fact}</span><h3>{html.escape(card_title(fact, item))}</h3>'
            f'<dl>{"".join(rows)}</dl></section>')


def render_cards(prefix: str, record: dict) -> str:
    cards = [render_card(fact, item, f"{prefix}-{list_name}-{index}")
             for fact, list_name in LISTS for index, item in enumerate(record[list_name])]
    return "\n".join(cards) or '<p class="none">no records</p>'


# --- articles ---------------------------------------------------------------

def render_article(prefix: str, article: Article, doc, record: Optional[dict]) -> str:
    """One article: its heading, its marked text and its cards; `record` None if extraction failed."""
    title = (record or {}).get("title") or article.title or ""
    if record is None:
        text, cards = html.escape(article.text), '<p class="failed">extraction failed</p>'
    else:
        text = render_text(article.text, record_marks(prefix, doc, record), f"{prefix}m")
        cards = render_cards(prefix, record)
    return (f'<h2 id="{prefix}">{html.escape(article.doc_id)}</h2>'
            f'<p class="meta">{html.escape(title)} · {html.escape(article.source)}</p>\n'
            f'<div class="article"><div class="text">{text}</div>'
            f'<aside class="cards">\n{cards}\n</aside></div>\n')


def analyse(nlp, article: Article) -> Tuple[object, Optional[dict]]:
    """(doc, record), or (None, None) when the pipeline fails on this article."""
    try:
        doc = nlp(article.text)
    except Exception as error:  # noqa: BLE001 - the batch boundary: report, show the text
        log.error("%s:%s: extraction failed: %s: %s", article.source, article.doc_id,
                  type(error).__name__, error)
        return None, None
    return doc, record_of(doc, article.doc_id, article.title)


def review_page(inputs: Iterable[str], nlp=None) -> Tuple[str, int]:
    """The review page of every input, and the number of inputs that failed."""
    nlp = nlp or shared_nlp()
    sections, failures = [], 0
    for item in iter_articles(inputs):
        if isinstance(item, InputError):
            log.error("%s", item)
            failures += 1
            continue
        doc, record = analyse(nlp, item)
        failures += record is None
        sections.append(render_article(f"a{len(sections)}", item, doc, record))
    body = LEGEND + "\n" + "".join(sections)
    return render_page("Review of extracted facts", body, template("review.js")), failures
