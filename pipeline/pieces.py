"""Very long articles in pieces: bounded memory for the models, offsets kept global.

A text longer than PIECE_CHARS is cut into pieces of at most PIECE_CHARS characters,
each at the last paragraph break before the limit (else a line break, a sentence end,
a space; a hard cut only in a text without any). Each piece goes through the pipeline
on its own; `merge_records` shifts its mentions by the piece's offset and joins the
pieces' records, an item found again in a later piece adding its mentions to the first.
An article of at most PIECE_CHARS characters is one piece, and its record is what the
pipeline gives for the whole text.
"""
from __future__ import annotations

import json
from typing import Dict, List, Tuple

# ~1,500 words, 2.5 times the longest article of corpus/ and nerel-dev. The extractors cost
# more per character in longer docs: a 3 MB article took ~400 s of CPU in pieces of 100k
# characters, 141 s in pieces of 20k, 118 s in pieces of 10k.
PIECE_CHARS = 10_000
BREAKS = ("\n\n", "\n", ". ", " ")  # where a piece may end, best first
LISTS = ("parks", "agreements", "contracts", "persons")


def piece_end(text: str, start: int, limit: int) -> int:
    """Where the piece that starts at `start` ends: after the last break in its window."""
    end = start + limit
    if end >= len(text):
        return len(text)
    for mark in BREAKS:
        found = text.rfind(mark, start, end)
        if found > start:
            return found + len(mark)
    return end


def split_text(text: str, limit: int = PIECE_CHARS) -> List[Tuple[int, str]]:
    """(offset, piece) pairs that join to `text`; one pair (0, text) for a short text."""
    if limit < 1:
        raise ValueError(f"piece limit must be at least 1, got {limit}")
    pieces, start = [], 0
    while True:
        end = piece_end(text, start, limit)
        pieces.append((start, text[start:end]))
        if end >= len(text):
            return pieces
        start = end


def shifted(item: dict, offset: int) -> dict:
    return dict(item, mentions=[[start + offset, end + offset] for start, end in item["mentions"]])


def item_key(item: dict) -> str:
    return json.dumps({key: value for key, value in item.items() if key != "mentions"},
                      ensure_ascii=False, sort_keys=True)


def merge_records(parts: List[Tuple[int, dict]]) -> dict:
    """One record of the (offset, record) of each piece, in order; doc_id and title of the first."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    merged = dict(parts[0][1], **{name: [] for name in LISTS})
    for name in LISTS:
        first: Dict[str, dict] = {}
        for offset, record in parts:
            for item in record[name]:
                item = shifted(item, offset)
                key = item_key(item)
                if key in first:
                    first[key]["mentions"].extend(item["mentions"])
                else:
                    first[key] = item
                    merged[name].append(item)
    return merged
