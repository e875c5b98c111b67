"""Inputs (a .txt file, a folder of them, a JSONL file, '-' for stdin) and JSONL output.

Every input yields an Article or an InputError, never an exception, so that one
broken file does not stop a batch.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union


@dataclass
class Article:
    doc_id: str
    text: str
    source: str
    title: Optional[str] = None


@dataclass
class InputError:
    source: str
    message: str
    doc_id: Optional[str] = None

    def __str__(self):
        where = f"{self.source}:{self.doc_id}" if self.doc_id else self.source
        return f"{where}: {self.message}"


Item = Union[Article, InputError]


def decode(data: bytes, source: str) -> str:
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def read_text_file(path: Path) -> Item:
    try:
        return Article(path.stem, decode(path.read_bytes(), str(path)), str(path))
    except (OSError, ValueError) as error:
        return InputError(str(path), getattr(error, "strerror", None) or str(error), path.stem)


def article_from_json(data, source: str, line: int) -> Item:
    where = f"{source}:{line}"
    if not isinstance(data, dict):
        return InputError(where, "expected a JSON object")
    doc_id = data.get("doc_id", data.get("id"))
    text = data.get("text")
    if doc_id is None:
        return InputError(where, "no 'doc_id' or 'id'")
    if not isinstance(text, str):
        return InputError(where, "no 'text' string", str(doc_id))
    return Article(str(doc_id), text, where, data.get("title"))


def read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"{source}:{number}", f"invalid JSON: {error.msg}")
            continue
        yield article_from_json(data, source, number)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as error:
        yield InputError(str(path), error.strerror or str(error))
        return
    with handle:
        try:
            yield from read_jsonl_lines(handle, str(path))
        except UnicodeDecodeError as error:
            yield InputError(str(path), f"not UTF-8 text ({error.reason})")


def read_stdin(stream=None) -> Iterator[Item]:
    """A JSONL stream when every line is a JSON object, else one article named 'stdin'."""
    text = (stream or sys.stdin).read()
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        yield from read_jsonl_lines(text.splitlines(), "<stdin>")
    else:
        yield Article("stdin", text, "<stdin>")


def iter_articles(inputs: Iterable[str]) -> Iterator[Item]:
    """Articles from every input, lazily, in order; folders are read recursively, sorted."""
    for name in inputs:
        if name == "-":
            yield from read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield read_text_file(file) if file.is_file() else InputError(str(file), "not a file")
        elif path.suffix == ".jsonl":
            yield from read_jsonl_file(path)
        elif path.exists():
            yield read_text_file(path)
        else:
            yield InputError(name, "no such file or folder")


def dump_record(record: dict) -> str:
    """One JSON line: UTF-8 as is, keys in spec order."""
    return json.dumps(record, ensure_ascii=False)
