"""`python -m pipeline extract|evaluate`: in-process through cli.main, and once as a real process."""
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import record_of
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
KEYS = ["doc_id", "title", "parks", "agreements", "contracts", "persons"]

CHIRCHIK = "Технопарк «Чирчик» в Ташкентской области\nТам работают 15 предприятий-резидентов.\n"
VORSINO = "\n  Индустриальный парк «Ворсино»\n\nПарк объединяет 27 резидентов."
DEALS = "Итоги форума\nЗаключили 50 контрактов на общую сумму более 462,2 млн рублей."
JSONL = ('{"doc_id": "x1", "text": "Соглашение подписали.", "title": "Заголовок"}\n'
         '{"id": 7, "text": "Первая строка\\nвторая"}\n')

FILES = {"a.txt": CHIRCHIK, "b.txt": VORSINO, "news/b.txt": VORSINO, "news/a.txt": CHIRCHIK,
         "news/sub/c.txt": DEALS, "in.jsonl": JSONL}
TITLE_A, TITLE_B, TITLE_C = "Технопарк «Чирчик» в Ташкентской области", "Индустриальный парк «Ворсино»", "Итоги форума"


def write_files(root: Path, files: dict):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def run(argv, stdin: bytes = None, monkeypatch=None) -> int:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    try:
        return main(argv)
    except SystemExit as exit:  # argparse
        return exit.code


def parse_lines(text: str) -> list:
    return [json.loads(line) for line in text.splitlines()]


SUMMARY = re.compile(r"extract: (\d+) articles read, (\d+) records written, (\d+) failed, [\d.]+ s, [\d.]+ articles/s")


def messages(err: str) -> list:
    """stderr's lines before the summary line that ends every extract run."""
    *lines, summary = err.splitlines()
    assert SUMMARY.fullmatch(summary), summary
    return lines


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    write_files(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# (case, argv, stdin, expected (doc_id, title) of each output line)
EXTRACT_CASES = [
    ("a txt file", ["extract", "a.txt"], None, [("a", TITLE_A)]),
    ("a folder, recursive and sorted", ["extract", "news"], None,
     [("a", TITLE_A), ("b", TITLE_B), ("c", TITLE_C)]),
    ("a folder in batches of 2 keeps the order", ["extract", "news", "--batch-size", "2"], None,
     [("a", TITLE_A), ("b", TITLE_B), ("c", TITLE_C)]),
    ("a jsonl file: given ids and titles", ["extract", "in.jsonl"], None,
     [("x1", "Заголовок"), ("7", "Первая строка")]),
    ("stdin as one text", ["extract", "-"], VORSINO.encode(), [("stdin", TITLE_B)]),
    ("stdin as JSONL", ["extract", "-"], JSONL.encode(), [("x1", "Заголовок"), ("7", "Первая строка")]),
    ("several inputs in the order given", ["extract", "b.txt", "in.jsonl", "-", "a.txt"], DEALS.encode(),
     [("b", TITLE_B), ("x1", "Заголовок"), ("7", "Первая строка"), ("stdin", TITLE_C), ("a", TITLE_A)]),
]


@pytest.mark.parametrize("argv,stdin,expected", [case[1:] for case in EXTRACT_CASES],
                         ids=[case[0] for case in EXTRACT_CASES])
def test_extract_writes_one_line_per_article_in_input_order(workdir, monkeypatch, capsys, argv, stdin, expected):
    assert run(argv, stdin, monkeypatch) == 0
    out, err = capsys.readouterr()
    records = parse_lines(out)
    assert [(r["doc_id"], r["title"]) for r in records] == expected
    assert all(list(record) == KEYS for record in records)
    assert messages(err) == []


def test_extract_record_is_the_pipeline_record_of_the_raw_text(workdir, capsys, nlp):
    assert run(["extract", "news/sub/c.txt", "b.txt"]) == 0
    records = parse_lines(capsys.readouterr().out)
    assert records == [record_of(nlp(DEALS), "c"), record_of(nlp(VORSINO), "b")]
    assert [p["name"] for p in records[1]["parks"]] == ["Ворсино"]
    [[start, end]] = records[1]["parks"][0]["mentions"]
    assert "«Ворсино»" in VORSINO[start:end]  # offsets into the file as read, leading \n and spaces kept


def test_extract_output_option_writes_the_file_not_stdout(workdir, capsys):
    (workdir / "out").mkdir()
    assert run(["extract", "a.txt", "in.jsonl", "-o", "out/records.jsonl"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and messages(err) == []
    lines = (workdir / "out/records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["a", "x1", "7"]


def test_extract_reports_unreadable_inputs_and_writes_the_rest(workdir, capsys):
    write_files(workdir, {"news/b.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                          "news/d.txt": "Статья в кодировке cp1251".encode("cp1251")})
    assert run(["extract", "news", "missing.txt", "in.jsonl"]) == 1
    out, err = capsys.readouterr()
    assert [r["doc_id"] for r in parse_lines(out)] == ["a", "d", "c", "x1", "7"]
    assert parse_lines(out)[1]["title"] == "Статья в кодировке cp1251"
    assert messages(err) == [
        "news/d.txt: warning: not UTF-8, read as cp1251",
        "news/b.txt:b: binary file (contains NUL bytes)",
        "missing.txt: no such file or folder",
    ]
    assert SUMMARY.fullmatch(err.splitlines()[-1]).groups() == ("7", "5", "2")


@Language.component("test_fail_on_marker")
def fail_on_marker(doc):
    if "СБОЙ" in doc.text:
        raise RuntimeError("marker found")
    return doc


def test_extract_keeps_a_line_with_empty_lists_for_an_article_the_pipeline_fails_on(
        workdir, capsys, monkeypatch):
    from pipeline.nlp import build_nlp
    nlp = build_nlp()
    nlp.add_pipe("test_fail_on_marker", before="record_assembler")
    monkeypatch.setattr("pipeline.workers.shared_nlp", lambda: nlp)
    write_files(workdir, {"news/b.txt": "Заголовок со словом СБОЙ\nТехнопарк «Чирчик»."})
    assert run(["extract", "news"]) == 1
    out, err = capsys.readouterr()
    records = parse_lines(out)
    assert [r["doc_id"] for r in records] == ["a", "b", "c"]
    assert records[1] == {"doc_id": "b", "title": "Заголовок со словом СБОЙ", "parks": [],
                          "agreements": [], "contracts": [], "persons": []}
    assert records[0]["parks"] != [] and records[2]["contracts"] != []
    assert messages(err) == ["news/b.txt:b: extraction failed: RuntimeError: marker found"]


GOLD = {"doc_id": "d1", "title": None, "agreements": [], "contracts": [],
        "parks": [{"name": "Ворсино", "kind": "индустриальный парк", "location": None, "area": None,
                   "residents": None, "operator": None, "mentions": []}],
        "persons": [{"name": "Александр Руппель", "position": "заместитель губернатора Краснодарского края",
                     "org": None, "mentions": []}]}
PRED = {"doc_id": "d1", "title": None, "agreements": [], "contracts": [],
        "parks": [{"name": "Ворсино", "kind": "технопарк", "location": None, "area": None,
                   "residents": None, "operator": None, "mentions": []}],
        "persons": [{"name": "Руппелю", "position": None, "org": None, "mentions": []},
                    {"name": "Иван Петров", "position": "директор", "org": None, "mentions": []}]}


@pytest.fixture
def scored(tmp_path, monkeypatch):
    """gold.jsonl and pred/d1.json: park 1 tp; park.kind 1 fp 1 fn; person 1 tp ("Руппелю" ~
    "Александр Руппель") 1 fp; person.position 1 fp 1 fn; micro tp 2, fp 3, fn 2."""
    write_files(tmp_path, {"gold.jsonl": json.dumps(GOLD, ensure_ascii=False) + "\n",
                           "pred/d1.json": json.dumps(PRED, ensure_ascii=False)})
    monkeypatch.chdir(tmp_path)
    return ["evaluate", "--gold", "gold.jsonl", "--pred", "pred"]


ZERO = "    0     0     0  0.000  0.000  0.000"
TABLE = f"""\
type                    tp    fp    fn      P      R     F1
park                     1     0     0  1.000  1.000  1.000
park.kind                0     1     1  0.000  0.000  0.000
park.location        {ZERO}
park.area            {ZERO}
park.residents       {ZERO}
park.operator        {ZERO}
agreement            {ZERO}
agreement.signatory  {ZERO}
agreement.sum        {ZERO}
contract.sum         {ZERO}
contract.count       {ZERO}
person                   1     1     0  0.500  1.000  0.667
person.position          0     1     1  0.000  0.000  0.000
micro                    2     3     2  0.400  0.500  0.444
"""


def test_evaluate_prints_the_table_of_every_fact_type(scored, capsys):
    assert run(scored) == 0
    assert capsys.readouterr() == (TABLE, "")


def test_evaluate_json_has_the_micro_scores(scored, capsys):
    assert run(scored + ["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["micro"] == {"tp": 2, "fp": 3, "fn": 2, "precision": 0.4, "recall": 0.5,
                               "f1": pytest.approx(4 / 9)}
    assert report["scores"]["person"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0,
                                          "f1": pytest.approx(2 / 3)}


def test_evaluate_types_restricts_the_rows(scored, capsys):
    assert run(scored + ["--types", "person"]) == 0
    assert capsys.readouterr().out == (
        "type       tp    fp    fn      P      R     F1\n"
        "person      1     1     0  0.500  1.000  0.667\n"
        "micro       1     1     0  0.500  1.000  0.667\n")


USAGE_ERRORS = [
    ("no command", []),
    ("unknown command", ["frobnicate"]),
    ("extract without inputs", ["extract"]),
    ("extract with an unknown option", ["extract", "--frobnicate", "a.txt"]),
    ("batch size 0", ["extract", "a.txt", "--batch-size", "0"]),
    ("batch size not a number", ["extract", "a.txt", "--batch-size", "many"]),
    ("output in a missing folder", ["extract", "a.txt", "-o", "missing/records.jsonl"]),
    ("errors file in a missing folder", ["extract", "a.txt", "--errors", "missing/errors.jsonl"]),
    ("output that is a folder", ["extract", "a.txt", "-o", "pred"]),
    ("resume without an output file", ["extract", "a.txt", "--resume"]),
    ("jobs 0", ["extract", "a.txt", "--jobs", "0"]),
    ("evaluate without --pred", ["evaluate", "--gold", "gold.jsonl"]),
    ("evaluate with an unknown type", ["evaluate", "--gold", "gold.jsonl", "--pred", "pred", "--types", "parks"]),
    ("evaluate with a missing gold", ["evaluate", "--gold", "missing", "--pred", "pred"]),
]


@pytest.mark.parametrize("argv", [case[1] for case in USAGE_ERRORS], ids=[case[0] for case in USAGE_ERRORS])
def test_usage_errors_exit_2_with_a_message_and_no_output(scored, capsys, argv):
    write_files(Path.cwd(), {"a.txt": CHIRCHIK})
    assert run(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err != ""
    assert not Path("missing/records.jsonl").exists()


SUBPROCESS_CASES = [
    ("one text on stdin", CHIRCHIK.encode(), {}, 0, [("stdin", TITLE_A)], []),
    ("JSONL on stdin", JSONL.encode(), {}, 0, [("x1", "Заголовок"), ("7", "Первая строка")], []),
    ("UTF-8 out whatever PYTHONIOENCODING says", CHIRCHIK.encode(), {"PYTHONIOENCODING": "latin-1"},
     0, [("stdin", TITLE_A)], []),
    ("cp1251 on stdin is read, with a warning", CHIRCHIK.encode("cp1251"), {}, 0, [("stdin", TITLE_A)],
     ["<stdin>: warning: not UTF-8, read as cp1251"]),
    ("binary on stdin", b"\x89PNG\x00\x00", {}, 1, [], ["<stdin>: binary file (contains NUL bytes)"]),
]


@pytest.mark.parametrize("stdin,env,status,expected,err", [case[1:] for case in SUBPROCESS_CASES],
                         ids=[case[0] for case in SUBPROCESS_CASES])
def test_python_m_pipeline_extract_reads_stdin(stdin, env, status, expected, err):
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-"], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=120, env={**os.environ, **env})
    assert (done.returncode, messages(done.stderr.decode("utf-8"))) == (status, err)
    records = parse_lines(done.stdout.decode("utf-8"))
    assert [(r["doc_id"], r["title"]) for r in records] == expected
    assert all(list(record) == KEYS for record in records)
