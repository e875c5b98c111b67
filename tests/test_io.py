"""pipeline/io.py: every input becomes Articles or InputErrors, in order, never an exception."""
import io
import json

import pytest

from pipeline.io import Article, InputError, dump_record, iter_articles, read_stdin

PARK = "Технопарк «Чирчик»\nв Ташкентской области"
CP1251 = "Парк «Химград»".encode("cp1251")  # b"\xcf\xe0..." : 0xCF opens a 2-byte sequence, 0xE0 cannot follow

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
      InputError("in.jsonl:2", "invalid JSON: Expecting value"),
      InputError("in.jsonl:3", "no 'text' string", "c"),
      InputError("in.jsonl:4", "no 'doc_id' or 'id' (a string or an integer)"),
      InputError("in.jsonl:5", "expected a JSON object"),
      InputError("in.jsonl:6", "'title' is not a string", "f"),
      InputError("in.jsonl:7", "invalid Unicode (a lone surrogate)", "g"),
      InputError("in.jsonl:8", "not UTF-8 text (invalid start byte at byte 21)"),
      Article("i", "I", "in.jsonl:9")]),
    ("binary file (NUL bytes) is an error naming the file",
     {"bin.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, ["bin.txt"],
     [InputError("bin.txt", "binary file (contains NUL bytes)", "bin")]),
    ("cp1251 file is an error naming the file",
     {"cp.txt": CP1251}, ["cp.txt"],
     [InputError("cp.txt", "not UTF-8 text (invalid continuation byte at byte 0)", "cp")]),
    ("missing .txt path",
     {}, ["nope.txt"],
     [InputError("nope.txt", "no such file or folder")]),
    ("missing .jsonl path",
     {}, ["nope.jsonl"],
     [InputError("nope.jsonl", "no such file or folder")]),
    ("folder without .txt files",
     {"empty/a.json": b"{}"}, ["empty"],
     [InputError("empty", "no .txt files in this folder")]),
    ("a bad file among good ones does not stop the others",
     {"news/a.txt": b"A", "news/b.txt": b"\x00", "news/c.txt": b"C"}, ["news", "nope"],
     [Article("a", "A", "news/a.txt"),
      InputError("news/b.txt", "binary file (contains NUL bytes)", "b"),
      Article("c", "C", "news/c.txt"),
      InputError("nope", "no such file or folder")]),
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
    ("one JSON line among text lines: still one text",
     '{"id": "a", "text": "A"}\nобычный текст\n',
     [Article("stdin", '{"id": "a", "text": "A"}\nобычный текст\n', "<stdin>")]),
    ("JSONL lines are articles, numbered by line",
     '{"id": "a", "text": "A", "title": "T"}\n\n{"doc_id": "b", "text": "B"}\n',
     [Article("a", "A", "<stdin>:1", "T"), Article("b", "B", "<stdin>:3")]),
    ("JSONL with a U+2028 inside a string",
     '{"id": "a", "text": "раз\u2028два"}\n{"id": "b", "text": "B"}\n',
     [Article("a", "раз\u2028два", "<stdin>:1"), Article("b", "B", "<stdin>:2")]),
    ("JSONL with a broken line: an error for it, the rest read",
     '{"id": "a", "text": "A"}\n{"id": "b", \n{"id": "c", "text": "C"}\n',
     [Article("a", "A", "<stdin>:1"),
      InputError("<stdin>:2", "invalid JSON: Expecting property name enclosed in double quotes"),
      Article("c", "C", "<stdin>:3")]),
    ("bytes: UTF-8 with a BOM, the BOM dropped",
     b"\xef\xbb\xbf\xd0\x9f\xd0\xb0\xd1\x80\xd0\xba", [Article("stdin", "Парк", "<stdin>")]),
    ("bytes: JSONL with a BOM",
     b'\xef\xbb\xbf{"id": "a", "text": "A"}\n', [Article("a", "A", "<stdin>:1")]),
    ("bytes: cp1251 is an error",
     CP1251, [InputError("<stdin>", "not UTF-8 text (invalid continuation byte at byte 0)")]),
    ("bytes: binary is an error",
     b"ab\x00cd", [InputError("<stdin>", "binary file (contains NUL bytes)")]),
]


@pytest.mark.parametrize("data,expected", [case[1:] for case in STDIN_CASES],
                         ids=[case[0] for case in STDIN_CASES])
def test_read_stdin_tells_one_text_from_jsonl(data, expected):
    stream = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    assert list(read_stdin(stream)) == expected


def test_read_stdin_reads_bytes_of_sys_stdin(monkeypatch):
    """Decoded as UTF-8 by us, not by the locale: a cp1251 stdin is an error, not mojibake."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CP1251), encoding="latin-1"))
    assert list(iter_articles(["-"])) == [
        InputError("<stdin>", "not UTF-8 text (invalid continuation byte at byte 0)")]


@pytest.mark.parametrize("error,shown", [
    (InputError("corpus/a.txt", "binary file (contains NUL bytes)", "a"),
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
