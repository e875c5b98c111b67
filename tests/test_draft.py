"""`draft-gold`: one pretty <doc_id>.json per article, keys in spec order, nothing overwritten
without --force."""
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.draft import dump_draft, is_file_name
from pipeline.evaluate import load_records

CHIRCHIK = "Технопарк «Чирчик» в Ташкентской области\nТам работают 15 предприятий-резидентов.\n"
CHIRCHIK_DRAFT = """{
 "doc_id": "chirchik",
 "title": "Технопарк «Чирчик» в Ташкентской области",
 "parks": [
  {
   "name": "Чирчик",
   "kind": "технопарк",
   "location": "Ташкентская область",
   "area": null,
   "residents": {
    "count": 15,
    "qualifier": null
   },
   "operator": null,
   "mentions": [
    [
     0,
     18
    ]
   ]
  }
 ],
 "agreements": [],
 "contracts": [],
 "persons": []
}
"""
DEALS = "Итоги форума\nЗаключили 50 контрактов на общую сумму более 462,2 млн рублей."
OLD = '{"doc_id": "chirchik"}\n'


def test_dump_draft_puts_keys_in_spec_order():
    scrambled = {"persons": [{"mentions": [], "org": None, "position": "мэр", "name": "Ёлкин"}],
                 "contracts": [{"sum": {"qualifier": None, "currency": "RUB", "amount": 1e9},
                                "mentions": [[1, 2]], "count": None}],
                 "agreements": [{"sum": None, "mentions": [], "signatories": [{"type": "ORG", "name": "А"}],
                                 "kind": "соглашение"}],
                 "parks": [], "title": None, "doc_id": "d"}
    text = dump_draft(scrambled)
    data = json.loads(text)
    assert list(data) == ["doc_id", "title", "parks", "agreements", "contracts", "persons"]
    assert list(data["agreements"][0]) == ["kind", "signatories", "sum", "mentions"]
    assert list(data["agreements"][0]["signatories"][0]) == ["name", "type"]
    assert list(data["contracts"][0]) == ["count", "sum", "mentions"]
    assert list(data["contracts"][0]["sum"]) == ["amount", "currency", "qualifier"]
    assert list(data["persons"][0]) == ["name", "position", "org", "mentions"]
    assert '\n "persons": [\n  {\n   "name": "Ёлкин",' in text and text.endswith("}\n")


@pytest.mark.parametrize("doc_id,expected", [
    ("000_de51c27f7437c0f1", True), ("dev a01", True), ("статья-1", True),
    ("", False), (".", False), ("..", False), ("../x", False), ("a/b", False), ("a\\b", False),
    ("c:x", False), ("a\nb", False), ("a\x00b", False),
])
def test_is_file_name_refuses_paths_and_control_characters(doc_id, expected):
    assert is_file_name(doc_id) is expected


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    (tmp_path / "chirchik.txt").write_text(CHIRCHIK, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "chirchik.txt").write_text(CHIRCHIK, encoding="utf-8")
    (tmp_path / "deals.txt").write_text(DEALS, encoding="utf-8")
    (tmp_path / "odd.jsonl").write_text('{"id": "../escape", "text": "Текст."}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_draft_gold_writes_the_exact_pretty_record(workdir):
    assert main(["draft-gold", "chirchik.txt", "-o", "drafts/new"]) == 0
    assert (workdir / "drafts" / "new" / "chirchik.json").read_text(encoding="utf-8") == CHIRCHIK_DRAFT


# (case, file there before, argv, exit status, stderr, {file: content after, or None if absent})
CASES = [
    ("two articles, two files", None, ["chirchik.txt", "deals.txt"], 0, "",
     {"chirchik.json": CHIRCHIK_DRAFT, "deals.json": "contracts"}),
    ("an existing file is kept", OLD, ["chirchik.txt", "deals.txt"], 1,
     "chirchik.txt:chirchik: drafts/chirchik.json exists (--force overwrites it)\n",
     {"chirchik.json": OLD, "deals.json": "contracts"}),
    ("--force overwrites it", OLD, ["chirchik.txt", "--force"], 0, "", {"chirchik.json": CHIRCHIK_DRAFT}),
    ("a doc_id twice in one run: the first one wins", None, ["chirchik.txt", "news", "--force"], 1,
     "news/chirchik.txt:chirchik: doc_id already drafted in this run\n", {"chirchik.json": CHIRCHIK_DRAFT}),
    ("a doc_id that is a path is refused", None, ["odd.jsonl", "deals.txt"], 1,
     "odd.jsonl:1:../escape: doc_id cannot be a file name\n",
     {"deals.json": "contracts", "../escape.json": None}),
    ("an unreadable input is reported", None, ["missing.txt", "deals.txt"], 1,
     "missing.txt: no such file or folder\n", {"deals.json": "contracts", "missing.json": None}),
]


@pytest.mark.parametrize("before,argv,status,stderr,after", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_draft_gold_never_overwrites_without_force(workdir, capsys, before, argv, status, stderr, after):
    drafts = workdir / "drafts"
    if before is not None:
        drafts.mkdir()
        (drafts / "chirchik.json").write_text(before, encoding="utf-8")
    assert main(["draft-gold", *argv, "-o", "drafts"]) == status
    assert capsys.readouterr().err == stderr
    for name, content in after.items():
        path = drafts / name
        if content is None:
            assert not path.exists()
        elif content == "contracts":
            assert json.loads(path.read_text(encoding="utf-8"))["contracts"] == [
                {"count": 50, "sum": {"amount": 462200000.0, "currency": "RUB", "qualifier": "более"},
                 "mentions": [[26, 74]]}]
        else:
            assert path.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in drafts.iterdir()) == sorted(n for n, c in after.items() if c is not None)


def test_drafts_are_gold_the_scorer_reads(workdir):
    assert main(["draft-gold", "chirchik.txt", "deals.txt", "-o", "drafts"]) == 0
    assert sorted(load_records(str(workdir / "drafts"))) == ["chirchik", "deals"]


def test_draft_gold_into_a_file_is_a_usage_error(workdir, capsys):
    assert main(["draft-gold", "chirchik.txt", "-o", "deals.txt"]) == 2
    assert capsys.readouterr().err.startswith("draft-gold: cannot write to deals.txt: ")
    assert Path("deals.txt").read_text(encoding="utf-8") == DEALS
