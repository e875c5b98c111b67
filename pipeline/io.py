"""Inputs (a .txt file, a folder of them, a JSONL file, '-' for stdin) and JSONL output.

Every input yields an Article or an InputError, never an exception, so that one
broken file does not stop a batch. Texts are decoded from bytes as they are
(UTF-8, a leading BOM dropped, no newline translation), so that offsets point
into the file as read.
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
STDIN = "<stdin>"


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


def is_unicode(text: str) -> bool:
    """False for text with a lone surrogate (JSON lets "\\ud800" through); it cannot be written."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def article_from_json(data, source: str, line: int) -> Item:
    where = f"{source}:{line}"
    if not isinstance(data, dict):
        return InputError(where, "expected a JSON object")
    doc_id = data.get("doc_id", data.get("id"))
    text, title = data.get("text"), data.get("title")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or doc_id == "":
        return InputError(where, "no 'doc_id' or 'id' (a string or an integer)")
    doc_id = str(doc_id)
    if not isinstance(text, str):
        return InputError(where, "no 'text' string", doc_id)
    if title is not None and not isinstance(title, str):
        return InputError(where, "'title' is not a string", doc_id)
    if not all(is_unicode(value) for value in (doc_id, text, title or "")):
        return InputError(where, "invalid Unicode (a lone surrogate)", doc_id)
    return Article(doc_id, text, where, title)


def read_jsonl_lines(lines: Iterable[Union[str, InputError]], source: str) -> Iterator[Item]:
    """Articles of JSONL lines; a line already found unreadable is passed on as is."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(f"{source}:{number}", f"invalid JSON: {error.msg}")
            continue
        yield article_from_json(data, source, number)


def decode_lines(lines: Iterable[bytes], source: str) -> Iterator[Union[str, InputError]]:
    """Each line decoded on its own, so that one bad line does not hide the others."""
    for number, line in enumerate(lines, 1):
        try:
            yield decode(line, source)
        except ValueError as error:
            yield InputError(f"{source}:{number}", str(error))


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(str(path), error.strerror or str(error))
        return
    with handle:
        yield from read_jsonl_lines(decode_lines(handle, str(path)), str(path))


def split_lines(text: str) -> list:
    """Lines split on \\n only: str.splitlines() also splits on U+2028, U+0085 …,
    which JSON strings may hold as they are."""
    return text.split("\n")


def read_stdin(stream=None) -> Iterator[Item]:
    """A JSONL stream when every line is a JSON object, else one article named 'stdin'.

    `stream` is a binary or text stream (default: the bytes of sys.stdin, so that
    the text is decoded as UTF-8 whatever the locale).
    """
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    data = stream.read()
    if isinstance(data, bytes):
        try:
            data = decode(data, STDIN)
        except ValueError as error:
            yield InputError(STDIN, str(error))
            return
    text = data[1:] if data.startswith("\ufeff") else data
    lines = split_lines(text)
    filled = [line for line in lines if line.strip()]
    if filled and all(line.lstrip().startswith("{") for line in filled):
        yield from read_jsonl_lines(lines, STDIN)
    elif not is_unicode(text):
        yield InputError(STDIN, "invalid Unicode (a lone surrogate)")
    else:
        yield Article("stdin", text, STDIN)


def read_folder(path: Path) -> Iterator[Item]:
    files = sorted(path.rglob("*.txt"))
    if not files:
        yield InputError(str(path), "no .txt files in this folder")
    for file in files:
        yield read_text_file(file) if file.is_file() else InputError(str(file), "not a file")


def iter_articles(inputs: Iterable[str]) -> Iterator[Item]:
    """Articles from every input, lazily, in order; folders are read recursively, sorted."""
    for name in inputs:
        if name == "-":
            yield from read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            yield from read_folder(path)
        elif not path.exists():
            yield InputError(name, "no such file or folder")
        elif path.suffix.lower() == ".jsonl":
            yield from read_jsonl_file(path)
        else:
            yield read_text_file(path)


# characters that JSON lets through raw but str.splitlines() and JavaScript take for line ends
LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dump_record(record: dict) -> str:
    """One JSON line: UTF-8 as is, keys in spec order; U+0085, U+2028 and U+2029
    are escaped so that the line stays one line for any reader."""
    line = json.dumps(record, ensure_ascii=False)
    for char, escape in LINE_BREAKS.items():
        line = line.replace(char, escape)
    return line
