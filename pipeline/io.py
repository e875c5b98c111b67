"""Inputs (a .txt file, a folder of them, a JSONL file, '-' for stdin), read lazily; JSONL lines out.

Every input yields an Article or an InputError, never an exception, so that one
broken file does not stop a batch. Texts are decoded from bytes as they are
(pipeline/decode.py: UTF-8 with or without a BOM, a legacy Russian encoding with a
warning, no newline translation), so that offsets point into the text as read.
JSONL files and JSONL on stdin are read one line at a time.
"""
from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .decode import DecodeError, decode_text, decode_utf8

log = logging.getLogger("pipeline")

STDIN = "<stdin>"

# InputError kinds (the `error` of an --errors line), besides decode.BINARY and decode.UNDECODABLE
MISSING = "missing"
NOT_A_FILE = "not-a-file"
UNREADABLE = "unreadable"
BAD_JSON = "bad-json"
BAD_ARTICLE = "bad-article"


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
    error: str = UNREADABLE

    def __str__(self):
        where = f"{self.source}:{self.doc_id}" if self.doc_id else self.source
        return f"{where}: {self.message}"


Item = Union[Article, InputError]


def file_problem(path: Path) -> Optional[InputError]:
    """Why `path` cannot be read as a text file (a folder, a broken link, a device …), or None."""
    if path.is_symlink() and not path.exists():
        return InputError(str(path), "broken symbolic link", path.stem, NOT_A_FILE)
    if path.is_dir():
        return InputError(str(path), "a folder, not a file", path.stem, NOT_A_FILE)
    if not path.exists():
        return InputError(str(path), "no such file or folder", None, MISSING)
    if not path.is_file():
        return InputError(str(path), "not a regular file", path.stem, NOT_A_FILE)
    return None


def read_text_file(path: Path) -> Item:
    problem = file_problem(path)
    if problem is not None:
        return problem
    try:
        data = path.read_bytes()
    except OSError as error:
        return InputError(str(path), error.strerror or str(error), path.stem, UNREADABLE)
    try:
        text, encoding = decode_text(data)
    except DecodeError as error:
        return InputError(str(path), str(error), path.stem, error.kind)
    if encoding:
        log.warning("%s: warning: not UTF-8, read as %s", path, encoding)
    return Article(path.stem, text, str(path))


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
        return InputError(where, "expected a JSON object", None, BAD_ARTICLE)
    doc_id = data.get("doc_id", data.get("id"))
    text, title = data.get("text"), data.get("title")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or doc_id == "":
        return InputError(where, "no 'doc_id' or 'id' (a string or an integer)", None, BAD_ARTICLE)
    doc_id = str(doc_id)
    if not isinstance(text, str):
        return InputError(where, "no 'text' string", doc_id, BAD_ARTICLE)
    if title is not None and not isinstance(title, str):
        return InputError(where, "'title' is not a string", doc_id, BAD_ARTICLE)
    if not all(is_unicode(value) for value in (doc_id, text, title or "")):
        return InputError(where, "invalid Unicode (a lone surrogate)", doc_id, BAD_ARTICLE)
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
            yield InputError(f"{source}:{number}", f"invalid JSON: {error.msg}", None, BAD_JSON)
            continue
        yield article_from_json(data, source, number)


def decode_lines(lines: Iterable[Union[bytes, str]], source: str) -> Iterator[Union[str, InputError]]:
    """Each line decoded on its own (strict UTF-8), so that one bad line does not hide the others."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, str):
            yield line[1:] if number == 1 and line.startswith("\ufeff") else line
            continue
        try:
            yield decode_utf8(line)
        except DecodeError as error:
            yield InputError(f"{source}:{number}", str(error), None, error.kind)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(str(path), error.strerror or str(error), None, UNREADABLE)
        return
    with handle:
        yield from read_jsonl_lines(decode_lines(handle, str(path)), str(path))


def stdin_text(data: Union[bytes, str]) -> Item:
    """The whole of stdin as one article named 'stdin'."""
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
        if not is_unicode(text):
            return InputError(STDIN, "invalid Unicode (a lone surrogate)", None, BAD_ARTICLE)
        return Article("stdin", text, STDIN)
    try:
        text, encoding = decode_text(data)
    except DecodeError as error:
        return InputError(STDIN, str(error), None, error.kind)
    if encoding:
        log.warning("%s: warning: not UTF-8, read as %s", STDIN, encoding)
    return Article("stdin", text, STDIN)


def read_stdin(stream=None) -> Iterator[Item]:
    """JSONL, read line by line, when the first non-blank line opens a JSON object; else the
    whole stream is one article named 'stdin'.

    `stream` is a binary or text stream (default: the bytes of sys.stdin, so that
    the text is decoded by us whatever the locale). Lines end at \\n only (a JSON
    string may hold U+2028 as it is).
    """
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    head = []
    for line in iter(stream.readline, stream.read(0)):
        head.append(line)
        if line.strip():
            break
    first = head[-1] if head else ""
    first = first.decode("utf-8", "replace") if isinstance(first, bytes) else first
    if first.lstrip("\ufeff \t").startswith("{"):
        lines = chain(head, iter(stream.readline, stream.read(0)))
        yield from read_jsonl_lines(decode_lines(lines, STDIN), STDIN)
    else:
        yield stdin_text(stream.read(0).join(head) + stream.read())


def read_folder(path: Path) -> Iterator[Item]:
    files = sorted(path.rglob("*.txt"))
    if not files:
        yield InputError(str(path), "no .txt files in this folder", None, MISSING)
    for file in files:
        yield read_text_file(file)


def iter_articles(inputs: Iterable[str]) -> Iterator[Item]:
    """Articles from every input, lazily, in order; folders are read recursively, sorted."""
    for name in inputs:
        if name == "-":
            yield from read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            yield from read_folder(path)
        elif not path.exists() and not path.is_symlink():
            yield InputError(name, "no such file or folder", None, MISSING)
        elif path.suffix.lower() == ".jsonl" and path.is_file():
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
