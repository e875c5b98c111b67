"""Parks in a text table: a header line of cells split by `|` whose columns say what they give
(rules/park_table_columns.tsv), then one line per park:

    | № | Парк          | Регион         | Площадь | Резиденты | Управляющая компания     |
    |---|---------------|----------------|---------|-----------|--------------------------|
    | 1 | «Приволжский» | Самарская обл. | 680 га  | 58        | АО «Приволжская корпорация» |

The kind comes from a column of its own, from the name's cell (`«Приокский», индустриальный
парк`), or from the last kind the text names before the table (`рейтинг индустриальных парков`).
A dash, `н/д` or `нет данных` gives nothing; a footnote's asterisk is no part of a value. The
place is the narrowest part of its cell (`Ленинградская обл., Волховский р-н` → Волховский район).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from ..models import morph_analyzer
from ..normalize import inflect_word
from ..numbers import parse_area, parse_quantity
from ..records import Area, Residents
from ..vocab import load_set, load_table
from .park_mentions import match_kind
from .park_places import NEAR_PREPOSITIONS
from .org_names import org_name
from .place_abbreviations import written_out

Cell = Tuple[int, int, str]  # [start, end) in the text, and the cell's words


@dataclass
class TableRow:
    name: str
    start: int  # the name's cell in the text
    end: int
    tokens: Tuple[int, int]  # the name's cell in the doc's tokens
    kind: Optional[str]
    location: Optional[str]
    area: Optional[Area]
    residents: Optional[Residents]
    operator: Optional[str]


RULE = "|"
SEPARATOR_MARKS = set("-=+|: —–")  # `|---|---|`, `-----------`
EMPTY_CELLS = {"", "—", "–", "-", "н/д", "нет данных", "нет", "?"}
FOOTNOTE_MARKS = "*¹²³"
NAME_WORDS = 5  # a name's cell longer than this is text, not a name


@lru_cache(maxsize=None)
def table_columns() -> Dict[str, str]:
    return dict(load_table("park_table_columns.tsv", 2))


def table_rows(doc) -> List[TableRow]:
    """Each row of each table of parks in the doc's text."""
    lines = _lines(doc.text)
    rows: List[TableRow] = []
    k = 0
    while k < len(lines):
        header = _cells(lines[k])
        columns = _columns(header)
        k += 1
        if columns is None:
            continue
        # (`ТОР | Город | Резиденты`: a header naming the kind over the names gives it)
        kind_before = _cell_kind(doc, header[columns["name"]]) or _kind_before(doc, lines[k - 1][0])
        while k < len(lines) and (RULE in lines[k][2] or _is_separator(lines[k][2])):
            cells = _cells(lines[k])
            if not _is_separator(lines[k][2]) and len(cells) == len(header):
                row = _row(doc, cells, columns, kind_before)
                if row is not None:
                    rows.append(row)
            k += 1
    return rows


def _lines(text: str) -> List[Cell]:
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, start + len(line), line))
        start += len(line) + 1
    return found


def _is_separator(text: str) -> bool:
    return bool(text.strip()) and set(text.strip()) <= SEPARATOR_MARKS


def _cells(line: Cell) -> List[Cell]:
    """The cells of a line split by `|` (none for a line without one), stripped of spaces;
    empty cells outside the first and last rule are dropped."""
    start, _, text = line
    if RULE not in text:
        return []
    cells, offset = [], start
    for part in text.split(RULE):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        cells.append((offset + lead, offset + lead + len(stripped), stripped))
        offset += len(part) + 1
    if cells and not cells[0][2] and text.lstrip().startswith(RULE):
        cells = cells[1:]
    if cells and not cells[-1][2] and text.rstrip().endswith(RULE):
        cells = cells[:-1]
    return cells


def _header_field(cell: Cell) -> Optional[str]:
    words = cell[2].replace("/", " ").split()
    if not words:
        return None
    lemma = morph_analyzer().parse(words[0].lower().strip("«»\"().,:"))[0].normal_form
    return table_columns().get(lemma)


def _columns(header: List[Cell]) -> Optional[Dict[str, int]]:
    """field → column of a header that has a name column and one more; None for other lines."""
    if len(header) < 2:
        return None
    columns: Dict[str, int] = {}
    for k, cell in enumerate(header):
        field = _header_field(cell)
        if field is not None and field not in columns:
            columns[field] = k
    return columns if "name" in columns and len(columns) >= 2 else None


def _kind_before(doc, char: int) -> Optional[str]:
    """The last park kind the text names before the table (`рейтинг индустриальных парков`)."""
    kind = None
    for token in doc:
        if token.idx >= char:
            break
        match = match_kind(doc, token.i)
        if match is not None:
            kind = match[1]
    return kind


def _span(doc, cell: Cell):
    return doc.char_span(cell[0], cell[1], alignment_mode="expand") if cell[1] > cell[0] else None


def _value(cell: Cell) -> str:
    text = cell[2].strip().strip(FOOTNOTE_MARKS).strip()
    return "" if text.lower() in EMPTY_CELLS else text


def _row(doc, cells: List[Cell], columns: Dict[str, int], kind_before: Optional[str]) -> Optional[TableRow]:
    name_cell = cells[columns["name"]]
    span = _span(doc, name_cell)
    name, name_kind = _name_and_kind(doc, span) if span is not None else (None, None)
    if not name:
        return None
    kind = _cell_kind(doc, cells[columns["kind"]]) if "kind" in columns else None
    return TableRow(
        name=name, start=name_cell[0], end=name_cell[1], tokens=(span.start, span.end),
        kind=kind or name_kind or kind_before,
        location=_place(_value(cells[columns["location"]])) if "location" in columns else None,
        area=parse_area(_value(cells[columns["area"]])) if "area" in columns else None,
        residents=_residents(_value(cells[columns["residents"]])) if "residents" in columns else None,
        operator=_operator(doc, cells[columns["operator"]]) if "operator" in columns else None)


def _name_and_kind(doc, span) -> Tuple[Optional[str], Optional[str]]:
    """`«Приокский», индустриальный парк` → (Приокский, индустриальный парк); `ОЭЗ «Алабуга»`,
    `Артём-Порт` → the name; None for a cell that is no name (a number, words in lower case)."""
    kind, words = None, []
    i = span.start
    while i < span.end:
        match = match_kind(doc, i)
        if match is not None and match[0] <= span.end:
            kind, i = match[1], match[0]
            continue
        if doc[i].text not in {",", "«", "»", "\""}:
            words.append(doc[i])
        i += 1
    if not words or len(words) > NAME_WORDS or not words[0].text[:1].isupper() or words[0].like_num:
        return None, kind
    quoted = [t for t in span if t.text == "«"]
    if quoted:  # the name is what the quotes hold, as written
        first = quoted[0].i + 1
        last = next((t.i for t in doc[first:span.end] if t.text == "»"), span.end)
        return doc[first:last].text or None, kind
    return " ".join(t.text for t in words), kind


def _cell_kind(doc, cell: Cell) -> Optional[str]:
    span = _span(doc, cell)
    if span is None:
        return None
    return next((match[1] for t in span if (match := match_kind(doc, t.i)) is not None), None)


GOVERNING_PREPOSITIONS = NEAR_PREPOSITIONS | {"от"}  # `в 15 км от Калуги`


def _place(text: str) -> Optional[str]:
    """The narrowest part of a place's cell, its abbreviations written out, past the lower-case
    words before its name (`наукоград Кольцово` → Кольцово, `северная окраина Курска` → Курск)."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    place = written_out(parts[-1]) if parts else None
    if place is None:
        return None
    words = place.split()
    named = next((k for k, word in enumerate(words) if word[:1].isupper()), 0)
    if named == 0:
        return place
    before, words = words[named - 1], words[named:]
    # `окраина Курска`, `в 10 км от Нижнего Новгорода`: the name after a part of a place or a
    # preposition is in the genitive (`наукоград Кольцово`, in apposition, is not)
    governed = before.lower() in GOVERNING_PREPOSITIONS or any(
        parse.normal_form in load_set("place_part_nouns.txt") for parse in morph_analyzer().parse(before))
    return " ".join(inflect_word(word, "PROPN", "Gen" if governed else "Nom", place=True) for word in words)


def _residents(text: str) -> Optional[Residents]:
    quantity = parse_quantity(text) if text else None
    if quantity is None or quantity.kind != "number" or quantity.value != int(quantity.value):
        return None
    return Residents(count=int(quantity.value), qualifier=quantity.qualifier)


def _operator(doc, cell: Cell) -> Optional[str]:
    if not _value(cell):
        return None
    span = _span(doc, cell)
    return (org_name(span) or None) if span is not None else None
