"""pipeline/output.py and pipeline/resume.py: files that only ever hold complete lines."""
import io
import json
import os

import pytest

from pipeline.io import Article
from pipeline.output import LineFile, cut_partial_line
from pipeline.resume import compact, content_hash, load_done

CUT_CASES = [
    ("complete lines stay", b'{"a": 1}\n{"b": 2}\n', b'{"a": 1}\n{"b": 2}\n'),
    ("a partial last line is cut", b'{"a": 1}\n{"b": ', b'{"a": 1}\n'),
    ("a file of one partial line becomes empty", b'{"a": 1', b""),
    ("an empty file stays empty", b"", b""),
    ("a partial line longer than one read block", b"x\n" + b"y" * 70_000, b"x\n"),
]


@pytest.mark.parametrize("data,kept", [c[1:] for c in CUT_CASES], ids=[c[0] for c in CUT_CASES])
def test_cut_partial_line_keeps_the_complete_lines(tmp_path, data, kept):
    path = tmp_path / "out.jsonl"
    path.write_bytes(data)
    assert cut_partial_line(path) == len(data) - len(kept)
    assert path.read_bytes() == kept


def leftovers(folder):
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_a_file_is_replaced_only_when_committed(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    lines = LineFile(str(path))
    lines.write('{"doc_id": "новый"}')
    assert path.read_text(encoding="utf-8") == "old\n"
    lines.commit()
    assert path.read_text(encoding="utf-8") == '{"doc_id": "новый"}\n'
    assert path.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_discarded_file_leaves_the_old_one_and_no_temporary_file(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    lines = LineFile(str(path))
    lines.write("new")
    lines.discard()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_appending_cuts_a_partial_line_first_and_keeps_lines_when_discarded(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "b", "par')
    lines = LineFile(str(path), append=True)
    lines.write('{"doc_id": "b"}')
    lines.discard()
    assert path.read_text(encoding="utf-8") == '{"doc_id": "a"}\n{"doc_id": "b"}\n'


def test_lines_to_a_stream_are_flushed_whole():
    class Stream(io.StringIO):
        flushed = []

        def flush(self):
            self.flushed.append(self.getvalue())
    stream = Stream()
    lines = LineFile(None, stream=stream)
    lines.write("one")
    lines.write("two")
    assert stream.flushed == ["one\n", "one\ntwo\n"]


def write_lines(path, *records):
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")


A, B = Article("a", "Текст А", "a.txt"), Article("b", "Текст Б", "b.txt")


def test_an_article_is_done_when_the_output_holds_its_doc_id_and_the_state_its_hash(tmp_path):
    output = tmp_path / "out.jsonl"
    write_lines(output, {"doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "c"})
    write_lines(tmp_path / "out.jsonl.state", {"doc_id": "a", "sha256": content_hash(A)},
                {"doc_id": "b", "sha256": "an old hash"}, {"doc_id": "gone", "sha256": "x"})
    done = load_done(str(output))
    changed_b = Article("b", "Текст Б, исправленный", "b.txt")
    assert [done.holds(article) for article in (A, B, changed_b, Article("c", "В", "c.txt"))] == [
        True, False, False, False]
    assert not done.repeated


@pytest.mark.parametrize("article,other", [
    (A, Article("a", "Текст А ", "a.txt")),
    (A, Article("a", "Текст А", "a.txt", "Заголовок")),
], ids=["text", "title"])
def test_the_content_hash_changes_with_text_and_title(article, other):
    assert content_hash(article) != content_hash(other)
    assert content_hash(article) == content_hash(Article(article.doc_id, article.text, "elsewhere.txt"))


def test_compact_keeps_the_last_line_of_each_doc_id(tmp_path):
    path = tmp_path / "out.jsonl"
    write_lines(path, {"doc_id": "a", "v": 1}, {"doc_id": "b", "v": 1}, {"doc_id": "a", "v": 2}, {"no": "id"})
    compact(path)
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == [
        {"doc_id": "b", "v": 1}, {"doc_id": "a", "v": 2}, {"no": "id"}]
    assert leftovers(tmp_path) == []
