"""pipeline/pieces.py: long texts cut at paragraph breaks, records joined with global offsets."""
import pytest

from pipeline.pieces import merge_records, split_text

# (case, text, limit, the pieces)
SPLIT_CASES = [
    ("a short text is one piece", "Абзац один.\n\nАбзац два.", 100, ["Абзац один.\n\nАбзац два."]),
    ("the empty text is one empty piece", "", 10, [""]),
    ("cut after the last paragraph break in the window",
     "Раз два.\n\nТри четыре.\n\nПять шесть.", 26, ["Раз два.\n\nТри четыре.\n\n", "Пять шесть."]),
    ("a line break when there is no paragraph break",
     "Раз два.\nТри четыре.\nПять.", 15, ["Раз два.\n", "Три четыре.\n", "Пять."]),
    ("a sentence end when there is no line break",
     "Раз два. Три четыре. Пять.", 12, ["Раз два. ", "Три четыре. ", "Пять."]),
    ("a space when there is no sentence end", "раз два три четыре", 9, ["раз два ", "три ", "четыре"]),
    ("a hard cut in a text without any break", "абвгдеёжз", 4, ["абвг", "деёж", "з"]),
]


@pytest.mark.parametrize("text,limit,pieces", [case[1:] for case in SPLIT_CASES], ids=[c[0] for c in SPLIT_CASES])
def test_split_text_cuts_at_the_best_break_within_the_limit(text, limit, pieces):
    found = split_text(text, limit)
    assert [piece for _, piece in found] == pieces
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in found)
    assert all(len(piece) <= limit for _, piece in found)


def test_split_text_refuses_a_limit_below_one():
    with pytest.raises(ValueError, match="at least 1"):
        split_text("текст", 0)


def person(name, *mentions):
    return {"name": name, "position": None, "org": None, "mentions": [list(m) for m in mentions]}


def record(*persons):
    return {"doc_id": "a", "title": "Заголовок", "parks": [], "agreements": [], "contracts": [],
            "persons": list(persons)}


MERGE_CASES = [
    ("one piece at 0 is given back as is",
     [(0, record(person("Иван Петров", (0, 11)), person("Иван Петров", (20, 31))))],
     record(person("Иван Петров", (0, 11)), person("Иван Петров", (20, 31)))),
    ("later pieces are shifted by their offset",
     [(0, record(person("Иван Петров", (0, 11)))), (100, record(person("Анна Ли", (5, 12))))],
     record(person("Иван Петров", (0, 11)), person("Анна Ли", (105, 112)))),
    ("an item found again adds its mentions to the first",
     [(0, record(person("Анна Ли", (5, 12)))), (100, record(person("Иван Петров", (0, 11)))),
      (200, record(person("Анна Ли", (1, 8))))],
     record(person("Анна Ли", (5, 12), (201, 208)), person("Иван Петров", (100, 111)))),
    ("items that differ in any value stay apart",
     [(0, record(person("Анна Ли", (5, 12)))), (100, record(dict(person("Анна Ли", (1, 8)), org="Химград")))],
     record(person("Анна Ли", (5, 12)), dict(person("Анна Ли", (101, 108)), org="Химград"))),
]


@pytest.mark.parametrize("parts,merged", [case[1:] for case in MERGE_CASES], ids=[c[0] for c in MERGE_CASES])
def test_merge_records_joins_pieces_with_global_offsets(parts, merged):
    assert merge_records(parts) == merged
