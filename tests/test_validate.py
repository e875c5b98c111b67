"""pipeline/validate.py: the shipped JSON Schema of spec §1, and mentions inside the text."""
import json
from importlib import resources

import pytest

from pipeline.evaluate import load_records
from pipeline.validate import mention_problem, record_problem


def record(**lists):
    return {"doc_id": "d1", "title": None, "parks": [], "agreements": [], "contracts": [], "persons": [],
            **lists}


PARK = {"name": "Химград", "kind": "технопарк", "location": "Республика Татарстан",
        "area": {"value": 180, "unit": "тыс. м2", "m2": 180000.0}, "residents": {"count": 27, "qualifier": "более"},
        "operator": "Мастер", "mentions": [[0, 7]]}
AGREEMENT = {"kind": "меморандум", "signatories": [{"name": "АТИСС", "type": "ORG"}],
             "sum": {"amount": 5e9, "currency": "RUB", "qualifier": None}, "mentions": []}
CONTRACT = {"count": 50, "sum": {"amount": 462200000.0, "currency": "RUB", "qualifier": "более"}, "mentions": []}
PERSON = {"name": "Александр Руппель", "position": None, "org": None, "mentions": [[3, 20]]}

VALID = [
    ("empty lists", record()),
    ("every fact type", record(parks=[PARK], agreements=[AGREEMENT], contracts=[CONTRACT], persons=[PERSON])),
    ("gold may leave optional keys out", record(parks=[{"name": "Химград"}], persons=[{"name": "Руппель"}],
                                                contracts=[{"count": 3}])),
    ("nulls where a value is unknown", record(parks=[dict(PARK, area=None, residents=None, kind=None)],
                                              contracts=[{"count": None, "sum": None, "mentions": []}])),
]


@pytest.mark.parametrize("data", [c[1] for c in VALID], ids=[c[0] for c in VALID])
def test_spec_records_are_valid(data):
    assert record_problem(data) is None


INVALID = [
    ("not an object", [], "record: [] is not of type 'object'"),
    ("no doc_id", {k: v for k, v in record().items() if k != "doc_id"}, "record: 'doc_id' is a required property"),
    ("an unknown key", dict(record(), lang="ru"),
     "record: Additional properties are not allowed ('lang' was unexpected)"),
    ("a list that is null", record(persons=None), "persons: None is not of type 'array'"),
    ("an area in words", record(parks=[dict(PARK, area={"value": 1, "unit": "га", "m2": "десять"})]),
     "parks[0].area.m2: 'десять' is not of type 'number'"),
    ("an unknown unit", record(parks=[dict(PARK, area={"value": 1, "unit": "акр", "m2": 4047})]),
     "parks[0].area.unit: 'акр' is not one of ['м2', 'тыс. м2', 'млн м2', 'га', 'км2']"),
    ("a blank name", record(persons=[dict(PERSON, name=" ")]), "persons[0].name: ' ' does not match '\\\\S'"),
    ("a currency that is not ISO 4217", record(contracts=[dict(CONTRACT, sum={"amount": 1, "currency": "руб."})]),
     "contracts[0].sum.currency: 'руб.' does not match '^[A-Z]{3}$'"),
    ("a signatory of no type", record(agreements=[dict(AGREEMENT, signatories=[{"name": "АТИСС", "type": "X"}])]),
     "agreements[0].signatories[0].type: 'X' is not one of ['ORG', 'PER', 'LOC']"),
    ("a mention of one offset", record(persons=[dict(PERSON, mentions=[[3]])]),
     "persons[0].mentions[0]: [3] is too short"),
    ("a negative offset", record(persons=[dict(PERSON, mentions=[[-1, 4]])]),
     "persons[0].mentions[0][0]: -1 is less than the minimum of 0"),
]


@pytest.mark.parametrize("data,problem", [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_record_problem_names_the_field_and_what_is_wrong(data, problem):
    assert record_problem(data) == problem


MENTIONS = [
    ("inside", "Слово Руппелю дали.", [[6, 13]], None),
    ("up to the end", "Руппель", [[0, 7]], None),
    ("past the end", "Руппель", [[0, 8]], "persons[0].mentions[0]: [0, 8] is not inside the text of 7 characters"),
    ("empty", "Руппель", [[0, 7], [3, 3]], "persons[0].mentions[1]: [3, 3] is not inside the text of 7 characters"),
]


@pytest.mark.parametrize("text,mentions,problem", [c[1:] for c in MENTIONS], ids=[c[0] for c in MENTIONS])
def test_mention_problem_checks_each_mention_against_the_text(text, mentions, problem):
    assert mention_problem(record(persons=[dict(PERSON, mentions=mentions)]), text) == problem


def test_the_schema_ships_as_package_data():
    schema = json.loads(resources.files("pipeline").joinpath("schema/record.json").read_text(encoding="utf-8"))
    assert schema["required"] == ["doc_id", "parks", "agreements", "contracts", "persons"]


def test_evaluate_names_file_line_and_field_of_a_record_against_the_schema(tmp_path):
    path = tmp_path / "gold.jsonl"
    bad = record(parks=[dict(PARK, residents={"count": 2.5, "qualifier": None})])
    path.write_text(json.dumps(record(), ensure_ascii=False) + "\n" + json.dumps(dict(bad, doc_id="d2")) + "\n",
                    encoding="utf-8")
    with pytest.raises(ValueError) as error:
        load_records(str(path))
    assert str(error.value) == f"{path}:2: parks[0].residents.count: 2.5 is not of type 'integer'"
