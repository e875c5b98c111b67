"""pipeline/batch.py: a batch of articles → their records, long ones in pieces, failures isolated."""
import pytest
from spacy.language import Language

from pipeline import record_of
from pipeline.batch import Piece, extract_batch, records_of, tasks_of
from pipeline.io import Article

PARK = "Технопарк «Чирчик» в Ташкентской области.\nТам работают 15 предприятий-резидентов."
DEALS = "Итоги форума\n\nЗаключили 50 контрактов на общую сумму более 462,2 млн рублей."
PERSON = "Слово предоставили заместителю губернатора Краснодарского края Александру Руппелю."
LISTS = ("parks", "agreements", "contracts", "persons")


def articles(*texts):
    return [Article(f"d{i}", text, f"d{i}.txt") for i, text in enumerate(texts)]


def test_a_short_article_gets_the_record_the_pipeline_gives_its_text(nlp):
    texts = (PARK, DEALS, "", " \n\t ", PERSON)
    assert extract_batch(nlp, articles(*texts), 2) == [record_of(nlp(text), f"d{i}") for i, text in enumerate(texts)]


def test_a_given_title_replaces_the_first_line(nlp):
    [record] = extract_batch(nlp, [Article("x", PARK, "in.jsonl:1", "Заголовок")], 8)
    assert record["title"] == "Заголовок"


def evidence(record: dict, text: str) -> list:
    return sorted((name, text[start:end]) for name in LISTS for item in record[name]
                  for start, end in item["mentions"])


def test_a_long_article_in_pieces_keeps_global_offsets_to_the_same_evidence(nlp, monkeypatch):
    monkeypatch.setattr("pipeline.batch.PIECE_CHARS", 120)
    parts = [PARK, DEALS, PERSON, PARK]
    text = "\n\n".join(parts)
    [record] = extract_batch(nlp, articles(text), 8)
    alone = [evidence(nlp(part)._.records, part) for part in parts]
    assert evidence(record, text) == sorted(pair for found in alone for pair in found)
    assert [park["name"] for park in record["parks"]] == ["Чирчик"]  # found twice, kept once
    assert len(record["parks"][0]["mentions"]) == 2
    assert record["title"] == "Технопарк «Чирчик» в Ташкентской области."


# (case, piece lengths, batch_size, task sizes): tasks hold at most batch_size pieces and ~BATCH_CHARS
TASK_CASES = [
    ("by count", [10] * 5, 2, [2, 2, 1]),
    ("by characters", [40_000, 40_000, 40_000], 32, [2, 1]),
    ("a piece longer than the limit is a task of its own", [10, 300_000, 10], 32, [1, 1, 1]),
    ("no pieces, no tasks", [], 4, []),
]


@pytest.mark.parametrize("lengths,batch_size,sizes", [c[1:] for c in TASK_CASES], ids=[c[0] for c in TASK_CASES])
def test_tasks_of_bounds_pieces_and_characters(lengths, batch_size, sizes):
    pieces = [Piece(0, 0, "я" * length) for length in lengths]
    tasks = tasks_of(pieces, batch_size)
    assert [len(task) for task in tasks] == sizes
    assert [piece for task in tasks for piece in task] == pieces


@Language.component("test_batch_fail_on_marker")
def fail_on_marker(doc):
    if "СБОЙ" in doc.text:
        raise RuntimeError("marker found")
    return doc


@pytest.fixture(scope="module")
def failing_nlp():
    from pipeline.nlp import build_nlp
    nlp = build_nlp()
    nlp.add_pipe("test_batch_fail_on_marker", before="record_assembler")
    return nlp


def test_an_article_the_pipeline_fails_on_gets_an_empty_record_and_the_others_theirs(nlp, failing_nlp, caplog):
    batch = articles(PARK, "Заголовок со словом СБОЙ\n" + DEALS, PERSON)
    records = records_of(failing_nlp, batch, 8)
    assert records[1] == {"doc_id": "d1", "title": "Заголовок со словом СБОЙ", "parks": [], "agreements": [],
                          "contracts": [], "persons": [], "failed": "RuntimeError: marker found"}
    assert [records[0], records[2]] == [record_of(nlp(PARK), "d0"), record_of(nlp(PERSON), "d2")]
    assert caplog.messages == ["d1.txt:d1: extraction failed: RuntimeError: marker found"]


def test_a_long_article_fails_when_one_of_its_pieces_fails(failing_nlp, monkeypatch):
    monkeypatch.setattr("pipeline.batch.PIECE_CHARS", 120)
    text = "\n\n".join([PARK, DEALS, "СБОЙ", PERSON])
    [record] = extract_batch(failing_nlp, articles(text), 8)
    assert record["failed"] == "RuntimeError: marker found"
    assert all(record[name] == [] for name in LISTS)
