"""The record's JSON Schema (pipeline/schema/record.json, spec §1) and the checks built on it.

`record_problem` names the first field that breaks the schema, as a path:
`parks[0].area.m2: 'x' is not of type 'number'`. `mention_problem` adds what no
schema can say: every mention lies inside the article's text.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from jsonschema import Draft202012Validator

SCHEMA = Path(__file__).parent / "schema" / "record.json"
LISTS = ("parks", "agreements", "contracts", "persons")


@lru_cache(maxsize=None)
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def field_path(path) -> str:
    """['parks', 0, 'area', 'm2'] → 'parks[0].area.m2'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def record_problem(record) -> Optional[str]:
    """'field: what is wrong' for the first schema error (the shallowest), or None."""
    errors = sorted(validator().iter_errors(record), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return None
    error = errors[0]
    where = field_path(error.absolute_path) or "record"
    return f"{where}: {error.message}"


def mention_problem(record: dict, text: str) -> Optional[str]:
    """'field: …' for the first mention that is not a non-empty [start, end) inside `text`."""
    for name in LISTS:
        for index, item in enumerate(record.get(name) or []):
            for number, (start, end) in enumerate(item.get("mentions") or []):
                if not 0 <= start < end <= len(text):
                    return (f"{name}[{index}].mentions[{number}]: [{start}, {end}] is not inside "
                            f"the text of {len(text)} characters")
    return None
