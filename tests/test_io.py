"""pipeline/io.py: every input becomes Articles or InputErrors, in order, never an exception."""
import io
import json
import os
from pathlib import Path

import pytest

from pipeline.io import Article, InputError, dump_record, iter_articles, read_stdin

PARK = "Технопарк «Чирчик»\nв Ташкентской области"
CP1251 = "Парк «Химград»".encode("cp1251")  # b"\xcf\xe0..." : 0xCF opens a 2-byte sequence, 0xE0 cannot follow
LEGACY_TEXT = "Технопарк «Чирчик» в Ташкентской области.\nТам работают 15 предприятий-резидентов."
KOI8 = LEGACY_TEXT.replace("«", '"').replace("»", '"')  # KOI8-R has no guillemets

# (case, files to create {relative path: bytes}, inputs, expected items)
FILE_CASES = [
    ("txt file: doc_id is the stem, text as is",
     {"a.txt": PARK.encode()}, ["a.txt"],
     [Article("a", PARK, "a.txt")]),
    ("txt file keeps \\r\\n, tabs and double spaces",
     {"a.txt": b"\xd0\x9f\xd0\xb0\xd1\x80\xd0\xba\r\n\t  x"}, ["a.txt"],
     [Article("a", "Парк\r\n\t  x", "a.txt")]),
    ("utf-8 with BOM: the BOM is dropped",
     {"bom.txt": b"\xef\xbb\xbf" + PARK.encode()}, ["bom.txt"],
     [Article("bom", PARK, "bom.txt")]),
    ("folder: recursive, sorted, only .txt",
     {"news/b.txt": b"B", "news/a.txt": b"A", "news/sub/c.txt": b"C", "news/notes.md": b"M",
      "news/a.json": b"{}"},
     ["news"],
     [Article("a", "A", "news/a.txt"), Article("b", "B", "news/b.txt"),
      Article("c", "C", "news/sub/c.txt")]),
    ("several inputs keep the order given",
     {"b.txt": b"B", "a.txt": b"A"}, ["b.txt", "a.txt"],
     [Article("b", "B", "b.txt"), Article("a", "A", "a.txt")]),
    ("jsonl: doc_id or id (an integer becomes a string), optional title",
     {"in.jsonl": '{"doc_id": "x1", "text": "Парк", "title": "Заголовок"}\n'
                  '\n'
                  '{"id": 7, "text": "Второй\\nабзац"}\n'.encode()},
     ["in.jsonl"],
     [Article("x1", "Парк", "in.jsonl:1", "Заголовок"), Article("7", "Второй\nабзац", "in.jsonl:3")]),
    ("jsonl with a BOM and \\r\\n line ends",
     {"in.jsonl": b'\xef\xbb\xbf{"id": "a", "text": "A"}\r\n{"id": "b", "text": "B"}\r\n'},
     ["in.jsonl"],
     [Article("a", "A", "in.jsonl:1"), Article("b", "B", "in.jsonl:2")]),
    ("jsonl: a text holding U+2028 stays one line",
     {"in.jsonl": '{"id": "a", "text": "раз\u2028два"}\n{"id": "b", "text": "B"}\n'.encode()},
     ["in.jsonl"],
     [Article("a", "раз\u2028два", "in.jsonl:1"), Article("b", "B", "in.jsonl:2")]),
    ("jsonl: bad lines are errors naming file:line, the rest is still read",
     {"in.jsonl": b'{"id": "a", "text": "A"}\n'
                  b'{"id": "b", "text": \n'
                  b'{"id": "c", "title": "no text"}\n'
                  b'{"text": "no id"}\n'
                  b'["not", "an", "object"]\n'
                  b'{"id": "f", "text": "F", "title": 5}\n'
                  b'{"id": "g", "text": "\\ud800"}\n'
                  b'{"id": "h", "text": "\xff"}\n'
                  b'{"id": "i", "text": "I"}\n'},
     ["in.jsonl"],
     [Article("a", "A", "in.jsonl:1"),
      InputError("in.jsonl:2", "invalid JSON: Expecting value", None, "bad-json"),
      InputError("in.jsonl:3", "no 'text' string", "c", "bad-article"),
      InputError("in.jsonl:4", "no 'doc_id' or 'id' (a string or an integer)", None, "bad-article"),
      InputError("in.jsonl:5", "expected a JSON object", None, "bad-article"),
      InputError("in.jsonl:6", "'title' is not a string", "f", "bad-article"),
      InputError("in.jsonl:7", "invalid Unicode (a lone surrogate)", "g", "bad-article"),
      InputError("in.jsonl:8", "not UTF-8 text (invalid start byte at byte 21)", None, "undecodable"),
      Article("i", "I", "in.jsonl:9")]),
    ("binary file (NUL bytes) is an error naming the file",
     {"bin.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, ["bin.txt"],
     [InputError("bin.txt", "binary file (contains NUL bytes)", "bin", "binary")]),
    ("binary file without NUL bytes (control characters) is an error",
     {"ctl.txt": bytes(range(1, 32)) * 4}, ["ctl.txt"],
     [InputError("ctl.txt", "binary file (104 control characters in the first 124)", "ctl", "binary")]),
    ("bytes that no encoding reads are an error naming the file",
     {"bad.txt": bytes(range(128, 256)) * 2}, ["bad.txt"],
     [InputError("bad.txt", "not UTF-8 text (invalid start byte at byte 0), nor text in cp1251, koi8_r, "
                            "cp866, iso8859_5", "bad", "undecodable")]),
    ("cp1251 file is decoded",
     {"cp.txt": LEGACY_TEXT.encode("cp1251")}, ["cp.txt"], [Article("cp", LEGACY_TEXT, "cp.txt")]),
    ("koi8-r file is decoded",
     {"koi.txt": KOI8.encode("koi8_r")}, ["koi.txt"], [Article("koi", KOI8, "koi.txt")]),
    ("utf-16 file with a BOM is decoded",
     {"u16.txt": LEGACY_TEXT.encode("utf-16")}, ["u16.txt"], [Article("u16", LEGACY_TEXT, "u16.txt")]),
    ("empty and whitespace-only files are articles",
     {"news/empty.txt": b"", "news/blank.txt": b" \n\t\r\n"}, ["news"],
     [Article("blank", " \n\t\r\n", "news/blank.txt"), Article("empty", "", "news/empty.txt")]),
    ("missing .txt path",
     {}, ["nope.txt"],
     [InputError("nope.txt", "no such file or folder", None, "missing")]),
    ("missing .jsonl path",
     {}, ["nope.jsonl"],
     [InputError("nope.jsonl", "no such file or folder", None, "missing")]),
    ("folder without .txt files",
     {"empty/a.json": b"{}"}, ["empty"],
     [InputError("empty", "no .txt files in this folder", None, "missing")]),
    ("a bad file among good ones does not stop the others",
     {"news/a.txt": b"A", "news/b.txt": b"\x00", "news/c.txt": b"C"}, ["news", "nope"],
     [Article("a", "A", "news/a.txt"),
      InputError("news/b.txt", "binary file (contains NUL bytes)", "b", "binary"),
      Article("c", "C", "news/c.txt"),
      InputError("nope", "no such file or folder", None, "missing")]),
]


@pytest.mark.parametrize("files,inputs,expected", [case[1:] for case in FILE_CASES],
                         ids=[case[0] for case in FILE_CASES])
def test_iter_articles_reads_each_input_kind(tmp_path, monkeypatch, files, inputs, expected):
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    assert list(iter_articles(inputs)) == expected


STDIN_CASES = [
    ("plain text is one article named stdin",
     "Технопарк «Чирчик»\n\nВторой абзац\n",
     [Article("stdin", "Технопарк «Чирчик»\n\nВторой абзац\n", "<stdin>")]),
    ("text with \\r\\n and tabs is kept as is",
     "Парк\r\n\tТекст  два", [Article("stdin", "Парк\r\n\tТекст  два", "<stdin>")]),
    ("a first line that opens a JSON object makes JSONL: a text line after it is an error",
     '{"id": "a", "text": "A"}\nобычный текст\n',
     [Article("a", "A", "<stdin>:1"), InputError("<stdin>:2", "invalid JSON: Expecting value", None, "bad-json")]),
    ("JSON after a first text line: still one text",
     'Заголовок\n{"id": "a", "text": "A"}\n',
     [Article("stdin", 'Заголовок\n{"id": "a", "text": "A"}\n', "<stdin>")]),
    ("blank lines before JSONL are skipped, lines keep their numbers",
     '\n\n{"id": "a", "text": "A"}\n', [Article("a", "A", "<stdin>:3")]),
    ("empty stdin is one empty article", "", [Article("stdin", "", "<stdin>")]),
    ("JSONL lines are articles, numbered by line",
     '{"id": "a", "text": "A", "title": "T"}\n\n{"doc_id": "b", "text": "B"}\n',
     [Article("a", "A", "<stdin>:1", "T"), Article("b", "B", "<stdin>:3")]),
    ("JSONL with a U+2028 inside a string",
     '{"id": "a", "text": "раз\u2028два"}\n{"id": "b", "text": "B"}\n',
     [Article("a", "раз\u2028два", "<stdin>:1"), Article("b", "B", "<stdin>:2")]),
    ("JSONL with a broken line: an error for it, the rest read",
     '{"id": "a", "text": "A"}\n{"id": "b", \n{"id": "c", "text": "C"}\n',
     [Article("a", "A", "<stdin>:1"),
      InputError("<stdin>:2", "invalid JSON: Expecting property name enclosed in double quotes", None,
                 "bad-json"),
      Article("c", "C", "<stdin>:3")]),
    ("bytes: UTF-8 with a BOM, the BOM dropped",
     b"\xef\xbb\xbf\xd0\x9f\xd0\xb0\xd1\x80\xd0\xba", [Article("stdin", "Парк", "<stdin>")]),
    ("bytes: JSONL with a BOM",
     b'\xef\xbb\xbf{"id": "a", "text": "A"}\n', [Article("a", "A", "<stdin>:1")]),
    ("bytes: cp1251 is decoded",
     LEGACY_TEXT.encode("cp1251"), [Article("stdin", LEGACY_TEXT, "<stdin>")]),
    ("bytes: binary is an error",
     b"ab\x00cd", [InputError("<stdin>", "binary file (contains NUL bytes)", None, "binary")]),
    ("bytes: a JSONL line that is not UTF-8 is an error, the others are read",
     b'{"id": "a", "text": "A"}\n{"id": "b", "text": "\xff"}\n{"id": "c", "text": "C"}\n',
     [Article("a", "A", "<stdin>:1"),
      InputError("<stdin>:2", "not UTF-8 text (invalid start byte at byte 21)", None, "undecodable"),
      Article("c", "C", "<stdin>:3")]),
]


@pytest.mark.parametrize("data,expected", [case[1:] for case in STDIN_CASES],
                         ids=[case[0] for case in STDIN_CASES])
def test_read_stdin_tells_one_text_from_jsonl(data, expected):
    stream = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    assert list(read_stdin(stream)) == expected


def test_read_stdin_reads_bytes_of_sys_stdin(monkeypatch):
    """Decoded by us, not by the locale: a cp1251 stdin is Russian text, not latin-1 mojibake."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(LEGACY_TEXT.encode("cp1251")),
                                                      encoding="latin-1"))
    assert list(iter_articles(["-"])) == [Article("stdin", LEGACY_TEXT, "<stdin>")]


def test_a_legacy_encoding_is_named_in_a_warning_with_the_file(tmp_path, monkeypatch, caplog):
    (tmp_path / "cp.txt").write_bytes(LEGACY_TEXT.encode("cp1251"))
    monkeypatch.chdir(tmp_path)
    assert [item.doc_id for item in iter_articles(["cp.txt"])] == ["cp"]
    assert caplog.messages == ["cp.txt: warning: not UTF-8, read as cp1251"]


def make_folder_entry(root: Path, kind: str):
    """news/a.txt, then news/x.txt as `kind`: a folder, a broken link, a named pipe."""
    (root / "news").mkdir()
    (root / "news/a.txt").write_bytes(b"A")
    if kind == "folder":
        (root / "news/x.txt").mkdir()
        (root / "news/x.txt/inner.txt").write_bytes(b"I")
    elif kind == "broken link":
        os.symlink(root / "gone.txt", root / "news/x.txt")
    elif kind == "named pipe":
        os.mkfifo(root / "news/x.txt")


# (kind of news/x.txt, expected items of ["news"], expected items of ["news/x.txt"])
ENTRY_CASES = [
    ("folder",
     [Article("a", "A", "news/a.txt"), InputError("news/x.txt", "a folder, not a file", "x", "not-a-file"),
      Article("inner", "I", "news/x.txt/inner.txt")],
     [Article("inner", "I", "news/x.txt/inner.txt")]),
    ("broken link",
     [Article("a", "A", "news/a.txt"), InputError("news/x.txt", "broken symbolic link", "x", "not-a-file")],
     [InputError("news/x.txt", "broken symbolic link", "x", "not-a-file")]),
    ("named pipe",
     [Article("a", "A", "news/a.txt"), InputError("news/x.txt", "not a regular file", "x", "not-a-file")],
     [InputError("news/x.txt", "not a regular file", "x", "not-a-file")]),
]


@pytest.mark.parametrize("kind,in_folder,named", [case for case in ENTRY_CASES], ids=[c[0] for c in ENTRY_CASES])
def test_entries_that_are_not_files_are_reported_not_read(tmp_path, monkeypatch, kind, in_folder, named):
    make_folder_entry(tmp_path, kind)
    monkeypatch.chdir(tmp_path)
    assert list(iter_articles(["news"])) == in_folder
    assert list(iter_articles(["news/x.txt"])) == named


def test_an_unreadable_file_is_reported_and_the_next_one_read(tmp_path, monkeypatch):
    """Root reads files whatever their mode, so the refusal is simulated."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news/a.txt").write_bytes(b"A")
    (tmp_path / "news/b.txt").write_bytes(b"B")
    read_bytes = Path.read_bytes

    def refuse_a(path):
        if path.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)
    monkeypatch.setattr(Path, "read_bytes", refuse_a)
    monkeypatch.chdir(tmp_path)
    assert list(iter_articles(["news"])) == [
        InputError("news/a.txt", "Permission denied", "a", "unreadable"), Article("b", "B", "news/b.txt")]


def test_jsonl_on_stdin_is_read_line_by_line():
    """The second article comes out before the stream has been read to its end."""
    class Lines(io.BytesIO):
        def read(self, size=-1):
            assert size == 0, "read the whole stream"
            return b""
    stream = Lines(b'{"id": "a", "text": "A"}\n{"id": "b", "text": "B"}\n')
    assert [item.doc_id for item in read_stdin(stream)] == ["a", "b"]


@pytest.mark.parametrize("error,shown", [
    (InputError("corpus/a.txt", "binary file (contains NUL bytes)", "a", "binary"),
     "corpus/a.txt:a: binary file (contains NUL bytes)"),
    (InputError("in.jsonl:3", "invalid JSON: Expecting value"), "in.jsonl:3: invalid JSON: Expecting value"),
])
def test_input_error_shows_where_and_what(error, shown):
    assert str(error) == shown


DUMP_CASES = [
    ({"doc_id": "a", "title": "Парк «Химград»", "parks": []},
     '{"doc_id": "a", "title": "Парк «Химград»", "parks": []}'),
    ({"doc_id": "a", "title": "раз\nдва\tтри"}, '{"doc_id": "a", "title": "раз\\nдва\\tтри"}'),
    ({"doc_id": "a", "title": "раз\u2028два\u2029три\u0085"},
     '{"doc_id": "a", "title": "раз\\u2028два\\u2029три\\u0085"}'),
]


@pytest.mark.parametrize("record,line", DUMP_CASES, ids=["cyrillic as is", "control escaped",
                                                         "unicode line breaks escaped"])
def test_dump_record_is_one_utf8_line_in_key_order(record, line):
    assert dump_record(record) == line
    assert line.splitlines() == [line]
    assert json.loads(line) == record
