"""`extract` at scale: --jobs, --resume, --errors, the summary, and output that is never half-written."""
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import process
from pipeline.cli import main
from test_cli import SUMMARY, messages, parse_lines, write_files

ROOT = Path(__file__).resolve().parent.parent
PARK = "Технопарк «Чирчик» в Ташкентской области\nТам работают 15 предприятий-резидентов.\n"
DEALS = "Итоги форума\nЗаключили 50 контрактов на общую сумму более 462,2 млн рублей."
PERSON = "Визит\nСлово предоставили заместителю губернатора Краснодарского края Александру Руппелю."


def run(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exit:
        return exit.code


def read_lines(path) -> list:
    return Path(path).read_text(encoding="utf-8").splitlines()


def temporary_files(folder) -> list:
    return sorted(path.name for path in Path(folder).iterdir() if path.name.endswith(".tmp"))


@pytest.fixture
def news(tmp_path, monkeypatch):
    write_files(tmp_path, {"news/a.txt": PARK, "news/b.txt": DEALS, "news/c.txt": PERSON})
    monkeypatch.chdir(tmp_path)
    return tmp_path


SAMPLE_EVERY = 8  # every eighth corpus article (about 300): many batches of 4, in minutes not tens of them


def test_two_jobs_write_what_one_job_writes_byte_for_byte(tmp_path, capsys):
    sample = tmp_path / "sample"
    sample.mkdir()
    for path in sorted((ROOT / "corpus").rglob("*.txt"))[::SAMPLE_EVERY]:
        shutil.copy(path, sample / path.name)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(["extract", str(sample), "-o", str(one), "--jobs", "1", "--batch-size", "4"]) == 0
    assert run(["extract", str(sample), "-o", str(two), "--jobs", "2", "--batch-size", "4"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(read_lines(one)) == len(list(sample.glob("*.txt"))) > 200
    assert [SUMMARY.fullmatch(line).group(3) for line in capsys.readouterr().err.splitlines()] == ["0", "0"]


def test_errors_file_has_a_json_line_per_failed_input_and_the_exit_status_is_1(news, capsys):
    write_files(news, {"news/d.txt": b"\x00\x01binary", "in.jsonl": '{"id": "j1", "text": "Текст"}\n{"id": 2}\n'})
    status = run(["extract", "news", "in.jsonl", "missing.txt", "-o", "out.jsonl", "--errors", "errors.jsonl"])
    assert status == 1
    assert [json.loads(line) for line in read_lines("errors.jsonl")] == [
        {"source": "news/d.txt", "doc_id": "d", "error": "binary", "message": "binary file (contains NUL bytes)"},
        {"source": "in.jsonl:2", "doc_id": "2", "error": "bad-article", "message": "no 'text' string"},
        {"source": "missing.txt", "doc_id": None, "error": "missing", "message": "no such file or folder"},
    ]
    assert [json.loads(line)["doc_id"] for line in read_lines("out.jsonl")] == ["a", "b", "c", "j1"]
    assert messages(capsys.readouterr().err) == [
        "news/d.txt:d: binary file (contains NUL bytes)", "in.jsonl:2:2: no 'text' string",
        "missing.txt: no such file or folder"]


def test_a_record_that_breaks_the_schema_is_reported_and_replaced_by_the_empty_record(news, monkeypatch, capsys):
    from pipeline import workers
    extract_batch = workers.extract_batch

    def with_a_bad_mention(nlp, articles, batch_size):
        records = extract_batch(nlp, articles, batch_size)
        records[0]["parks"][0]["mentions"] = [[0, 10_000]]
        return records
    monkeypatch.setattr(workers, "extract_batch", with_a_bad_mention)
    assert run(["extract", "news/a.txt", "--errors", "errors.jsonl"]) == 1
    out, err = capsys.readouterr()
    assert parse_lines(out) == [{"doc_id": "a", "title": "Технопарк «Чирчик» в Ташкентской области", "parks": [],
                                 "agreements": [], "contracts": [], "persons": []}]
    problem = f"parks[0].mentions[0]: [0, 10000] is not inside the text of {len(PARK)} characters"
    assert messages(err) == [f"news/a.txt:a: invalid record: {problem}"]
    assert json.loads(read_lines("errors.jsonl")[0])["error"] == "invalid-record"


def interrupt_at_batch(monkeypatch, number: int):
    from pipeline import workers
    extract_batch, calls = workers.extract_batch, []

    def interrupted(nlp, articles, batch_size):
        calls.append(1)
        if len(calls) == number:
            raise KeyboardInterrupt
        return extract_batch(nlp, articles, batch_size)
    monkeypatch.setattr(workers, "extract_batch", interrupted)


def test_an_interrupted_run_leaves_the_old_file_and_no_temporary_file(news, monkeypatch, capsys):
    Path("out.jsonl").write_text("old\n", encoding="utf-8")
    interrupt_at_batch(monkeypatch, 2)
    assert run(["extract", "news", "-o", "out.jsonl", "--batch-size", "1", "--jobs", "1"]) == 130
    assert read_lines("out.jsonl") == ["old"]
    assert temporary_files(news) == []
    assert capsys.readouterr().err == "extract: interrupted: out.jsonl is unchanged\n"


def test_resume_after_an_interrupted_run_writes_what_one_whole_run_writes(news, monkeypatch, capsys):
    assert run(["extract", "news", "-o", "whole.jsonl", "--jobs", "1"]) == 0
    interrupt_at_batch(monkeypatch, 3)
    assert run(["extract", "news", "-o", "out.jsonl", "--resume", "--batch-size", "1", "--jobs", "1"]) == 130
    assert [json.loads(line)["doc_id"] for line in read_lines("out.jsonl")] == ["a", "b"]
    monkeypatch.undo()
    monkeypatch.chdir(news)
    assert run(["extract", "news", "-o", "out.jsonl", "--resume", "--jobs", "1"]) == 0
    assert Path("out.jsonl").read_bytes() == Path("whole.jsonl").read_bytes()
    assert ", 2 already in the output, " in capsys.readouterr().err.splitlines()[-1]


def test_resume_extracts_only_new_and_changed_articles_and_keeps_one_line_each(news, capsys):
    assert run(["extract", "news", "-o", "out.jsonl"]) == 0
    before = read_lines("out.jsonl")
    write_files(news, {"news/b.txt": DEALS.replace("50", "70"), "news/d.txt": PARK.replace("15", "25")})
    capsys.readouterr()
    assert run(["extract", "news", "-o", "out.jsonl", "--resume"]) == 0
    lines = read_lines("out.jsonl")
    assert [json.loads(line)["doc_id"] for line in lines] == ["a", "c", "b", "d"]
    assert [lines[0], lines[1]] == [before[0], before[2]]
    assert json.loads(lines[2])["contracts"][0]["count"] == 70
    assert [json.loads(line)["doc_id"] for line in read_lines("out.jsonl.state")] == ["a", "c", "b", "d"]
    assert capsys.readouterr().err.startswith(
        "extract: 4 articles read, 2 records written, 0 failed, 2 already in the output, ")


def test_resume_cuts_the_partial_line_a_killed_run_left(news, capsys):
    assert run(["extract", "news", "-o", "whole.jsonl"]) == 0
    shutil.copy("whole.jsonl", "out.jsonl")
    shutil.copy("whole.jsonl.state", "out.jsonl.state")
    data = Path("whole.jsonl").read_bytes()
    second_end = data.index(b"\n", data.index(b"\n") + 1) + 1
    Path("out.jsonl").write_bytes(data[:second_end + 20])  # a, b and the start of c
    assert run(["extract", "news", "-o", "out.jsonl", "--resume"]) == 0
    assert Path("out.jsonl").read_bytes() == data


def test_the_progress_bar_shows_on_a_terminal_and_the_summary_ends_the_run(news, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert run(["extract", "news", "-o", "out.jsonl"]) == 0
    shown = terminal.getvalue()
    assert "3 articles" in shown and "\r" in shown
    assert SUMMARY.fullmatch(shown.splitlines()[-1])


def test_quiet_prints_nothing_on_success(news, capsys):
    assert run(["extract", "news", "-q"]) == 0
    out, err = capsys.readouterr()
    assert len(parse_lines(out)) == 3 and err == ""


def test_process_writes_to_a_stream_and_counts_failures(news, capsys):
    out = io.StringIO()
    assert process(["news", "missing.txt"], out) == 1
    assert [record["doc_id"] for record in parse_lines(out.getvalue())] == ["a", "b", "c"]


def test_records_are_written_as_their_batch_ends_not_when_the_input_does(nlp):
    from pipeline.io import Article
    from pipeline.stream import Sink, write_results
    out = io.StringIO()
    written_when_read = []

    def articles():
        for number in range(7):
            written_when_read.append(out.getvalue().count("\n"))
            yield Article(f"a{number}", PARK, "a.txt")
    write_results(Sink(None, None, False, stream=out), articles(), jobs=1, batch_size=2)
    assert written_when_read == [0, 0, 0, 0, 4, 4, 6]  # two batches read ahead, no more
    assert out.getvalue().count("\n") == 7


def test_state_lines_name_each_article_written(news):
    assert run(["extract", "news", "-o", "out.jsonl", "-q"]) == 0
    state = [json.loads(line) for line in read_lines("out.jsonl.state")]
    assert [entry["doc_id"] for entry in state] == ["a", "b", "c"]
    assert all(len(entry["sha256"]) == 64 for entry in state)
    assert os.path.exists("out.jsonl") and temporary_files(news) == []


def start_extract(argv, cwd) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "extract", *argv], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})


def wait_for_lines(folder: Path, pattern: str, count: int, process: subprocess.Popen) -> None:
    """Until a file matching `pattern` holds `count` complete lines (the run is then still going)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for path in folder.glob(pattern):
            if path.read_bytes().count(b"\n") >= count:
                return
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.02)
    raise AssertionError(f"no {pattern} with {count} lines")


@pytest.fixture
def corpus_copy(tmp_path):
    """30 corpus articles: enough for a run to be stopped in the middle."""
    (tmp_path / "news").mkdir()
    for path in sorted((ROOT / "corpus").glob("*.txt"))[:30]:
        shutil.copy(path, tmp_path / "news" / path.name)
    return tmp_path


def test_a_killed_run_resumes_where_it_stopped(corpus_copy, monkeypatch):
    argv = ["news", "--jobs", "1", "--batch-size", "1", "-q"]
    monkeypatch.chdir(corpus_copy)
    assert run(["extract", *argv, "-o", "whole.jsonl"]) == 0
    killed = start_extract(argv + ["-o", "out.jsonl", "--resume"], corpus_copy)
    wait_for_lines(corpus_copy, "out.jsonl", 3, killed)
    killed.send_signal(signal.SIGKILL)
    assert killed.wait(timeout=60) == -signal.SIGKILL
    assert len(read_lines(corpus_copy / "out.jsonl")) < 30
    resumed = start_extract(argv + ["-o", "out.jsonl", "--resume"], corpus_copy)
    assert resumed.wait(timeout=300) == 0
    assert (corpus_copy / "out.jsonl").read_bytes() == (corpus_copy / "whole.jsonl").read_bytes()


def test_sigterm_leaves_the_old_output_and_no_temporary_file(corpus_copy):
    (corpus_copy / "out.jsonl").write_text("old\n", encoding="utf-8")
    stopped = start_extract(["news", "--jobs", "1", "--batch-size", "1", "-o", "out.jsonl"], corpus_copy)
    wait_for_lines(corpus_copy, ".out.jsonl.*.tmp", 2, stopped)
    stopped.send_signal(signal.SIGTERM)
    assert stopped.wait(timeout=60) == 130
    assert read_lines(corpus_copy / "out.jsonl") == ["old"]
    assert temporary_files(corpus_copy) == []
    assert stopped.stderr.read().decode().endswith("extract: interrupted: out.jsonl is unchanged\n")


def test_a_reader_that_goes_away_ends_the_run_quietly_with_141(corpus_copy):
    reader = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", "news", "--jobs", "1", "--batch-size", "1"],
                              cwd=corpus_copy, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert json.loads(reader.stdout.readline())["doc_id"] == "000_de51c27f7437c0f1"
    reader.stdout.close()
    assert reader.wait(timeout=120) == 141
    assert reader.stderr.read() == b""
