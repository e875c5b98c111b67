"""The spec §3 scorer on hand-made gold/pred pairs whose P/R/F1 were computed by hand."""
import json

import pytest

from pipeline.evaluate import (
    Report, TypeScore, canonicalize, document_facts, evaluate_files, find_sentence, format_errors,
    format_table, load_records, load_texts, report_to_json, score,
)
from pipeline.records import FACT_TYPES


def record(doc_id="d1", parks=(), agreements=(), contracts=(), persons=()):
    return {"doc_id": doc_id, "title": None, "parks": list(parks), "agreements": list(agreements),
            "contracts": list(contracts), "persons": list(persons)}


def park(name, kind=None, location=None, m2=None, residents=None, operator=None):
    area = {"value": m2, "unit": "м2", "m2": m2} if m2 is not None else None
    count = {"count": residents, "qualifier": None} if residents is not None else None
    return {"name": name, "kind": kind, "location": location, "area": area,
            "residents": count, "operator": operator, "mentions": []}


def agreement(kind, *names, amount=None, currency="RUB"):
    money = {"amount": amount, "currency": currency, "qualifier": None} if amount else None
    return {"kind": kind, "signatories": [{"name": name, "type": "ORG"} for name in names],
            "sum": money, "mentions": []}


def contract(count=None, amount=None, currency="RUB"):
    money = {"amount": amount, "currency": currency, "qualifier": "более"} if amount else None
    return {"count": count, "sum": money, "mentions": []}


def person(name, position=None):
    return {"name": name, "position": position, "org": None, "mentions": []}


def docs(*records):
    return {item["doc_id"]: item for item in records}


FULL = record(
    parks=[park("Химград", "технопарк", "Республика Татарстан", 180000.0, 27, "Мастер")],
    agreements=[agreement("меморандум", "АТИСС", "Industrial Group Energy East", amount=5e9)],
    contracts=[contract(50, 462_200_000.0)],
    persons=[person("Александр Руппель", "заместитель губернатора Краснодарского края")],
)


# --- canonicalize -----------------------------------------------------------

CANONICAL = [
    ("«Химграда»", "химград"),
    ("Химград", "химград"),
    ("Краснодарского края", "краснодарский край"),
    ("Краснодарский край", "краснодарский край"),
    ("  (главным   тренером), ", "главный тренер"),
    ("главный тренер футбольного клуба «Бананц»", "главный тренер футбольный клуб бананца"),
    ("Пётр Ёлкин — директор", "петр елкин директор"),
    ("Алёна", "ален"),  # ё → е comes first, so Алёна and Алена canonicalise alike,
    ("Industrial Group", "industrial group"),
    ("", ""),
    (None, ""),
    ("«»", ""),
]


@pytest.mark.parametrize("text,expected", CANONICAL, ids=[str(c[0]) for c in CANONICAL])
def test_canonicalize_gives_lower_case_normal_forms_without_quotes(text, expected):
    assert canonicalize(text) == expected


# --- facts ------------------------------------------------------------------

def test_document_facts_follow_the_spec_table():
    facts = document_facts(FULL)
    names = frozenset({"атисса", "industrial group energy east"})
    assert facts == {
        "park": {("d1", "химград")},
        "park.kind": {("d1", "химград", "технопарк")},
        "park.location": {("d1", "химград", "республика татарстан")},
        "park.area": {("d1", "химград", 180000.0)},
        "park.residents": {("d1", "химград", 27)},
        "park.operator": {("d1", "химград", "мастер")},
        "agreement": {("d1", "меморандум", names)},
        "agreement.signatory": {("d1", "атисса"), ("d1", "industrial group energy east")},
        "agreement.sum": {("d1", names, 5e9, "RUB")},
        "contract.sum": {("d1", 462_200_000.0, "RUB")},
        "contract.count": {("d1", 50)},
        "person": {("d1", "александр руппель")},
        "person.position": {("d1", "александр руппель", "заместитель губернатор краснодарский край")},
    }


def test_document_facts_emit_no_attribute_fact_for_null_values():
    facts = document_facts(record(parks=[park("Химград")], agreements=[agreement("соглашение", "АТИСС")],
                                  contracts=[contract(None, None)], persons=[person("Руппель")]))
    emitted = {fact_type for fact_type, items in facts.items() if items}
    assert emitted == {"park", "agreement", "agreement.signatory", "person"}


def test_document_facts_count_the_same_signatory_once():
    facts = document_facts(record(agreements=[agreement("соглашение", "АТИСС", "Химград"),
                                              agreement("меморандум", "АТИСС")]))
    assert facts["agreement.signatory"] == {("d1", "атисса"), ("d1", "химград")}
    assert len(facts["agreement"]) == 2


# --- scoring table ----------------------------------------------------------
# (id, gold records, pred records, score kwargs, {type: (tp, fp, fn, P, R, F1)})

SCORES = [
    ("perfect match", [FULL], [FULL], {},
     {"park": (1, 0, 0, 1.0, 1.0, 1.0), "agreement.signatory": (2, 0, 0, 1.0, 1.0, 1.0),
      "micro": (14, 0, 0, 1.0, 1.0, 1.0)}),
    ("missing park",
     [record(parks=[park("Химград"), park("Алабуга")])], [record(parks=[park("Химград")])], {},
     {"park": (1, 0, 1, 1.0, 0.5, 2 / 3), "micro": (1, 0, 1, 1.0, 0.5, 2 / 3)}),
    ("spurious person",
     [record(persons=[person("Александр Руппель")])],
     [record(persons=[person("Александр Руппель"), person("Айрат Гиззатуллин")])], {},
     {"person": (1, 1, 0, 0.5, 1.0, 2 / 3)}),
    ("inflected forms canonicalise equal",
     [record(parks=[park("Химград", location="Краснодарский край")])],
     [record(parks=[park("«Химграда»", location="Краснодарского края")])], {},
     {"park": (1, 0, 0, 1.0, 1.0, 1.0), "park.location": (1, 0, 0, 1.0, 1.0, 1.0)}),
    ("surname alone matches the full name",
     [record(persons=[person("Александр Руппель", "губернатор")])],
     [record(persons=[person("Руппель", "губернатор")])], {},
     {"person": (1, 0, 0, 1.0, 1.0, 1.0), "person.position": (1, 0, 0, 1.0, 1.0, 1.0)}),
    ("another surname does not match",
     [record(persons=[person("Александр Руппель")])], [record(persons=[person("Александр Иванов")])], {},
     {"person": (0, 1, 1, 0.0, 0.0, 0.0)}),
    ("one surname matches only one of two gold persons",
     [record(persons=[person("Александр Руппель"), person("Иван Руппель")])],
     [record(persons=[person("Руппель")])], {},
     {"person": (1, 0, 1, 1.0, 0.5, 2 / 3)}),
    ("a name must be whole words of the other, not a substring",  # "ян" is inside "иван"
     [record(persons=[person("Иван Руппель")])], [record(persons=[person("Ян Руппель"), person("Руп")])], {},
     {"person": (0, 2, 1, 0.0, 0.0, 0.0)}),
    ("exact match is taken before the subsequence one",
     [record(persons=[person("Руппель")])],
     [record(persons=[person("Александр Руппель"), person("Руппель")])], {},
     {"person": (1, 1, 0, 0.5, 1.0, 2 / 3)}),
    ("amount within 0.5 %",  # |462.2 - 460| / 462.2 = 0.48 %
     [record(contracts=[contract(50, 462_200_000.0)])], [record(contracts=[contract(50, 460_000_000.0)])], {},
     {"contract.sum": (1, 0, 0, 1.0, 1.0, 1.0), "contract.count": (1, 0, 0, 1.0, 1.0, 1.0)}),
    ("amount beyond 0.5 %",  # |462.2 - 459| / 462.2 = 0.69 %
     [record(contracts=[contract(50, 462_200_000.0)])], [record(contracts=[contract(49, 459_000_000.0)])], {},
     {"contract.sum": (0, 1, 1, 0.0, 0.0, 0.0), "contract.count": (0, 1, 1, 0.0, 0.0, 0.0)}),
    ("amount in another currency",
     [record(contracts=[contract(None, 700e6, "USD")])], [record(contracts=[contract(None, 700e6, "RUB")])], {},
     {"contract.sum": (0, 1, 1, 0.0, 0.0, 0.0), "contract.count": (0, 0, 0, 0.0, 0.0, 0.0)}),
    ("area matches by m2 whatever the unit",
     [record(parks=[park("Химград", m2=180000.0)])],
     [record(parks=[dict(park("Химград"), area={"value": 18, "unit": "га", "m2": 180500.0})])], {},
     {"park.area": (1, 0, 0, 1.0, 1.0, 1.0)}),
    ("area beyond 0.5 %",  # 181000 / 180000 = +0.55 %
     [record(parks=[park("Химград", m2=180000.0)]), record("d2", parks=[park("Алабуга", m2=2e7)])],
     [record(parks=[park("Химград", m2=181000.0)]), record("d2", parks=[park("Алабуга", m2=2e7)])], {},
     {"park.area": (1, 1, 1, 0.5, 0.5, 0.5)}),
    ("agreement signatories in another order",
     [record(agreements=[agreement("соглашение", "АТИСС", "Industrial Group Energy East", amount=1e9)])],
     [record(agreements=[agreement("соглашение", "Industrial Group Energy East", "АТИСС", amount=1e9)])], {},
     {"agreement": (1, 0, 0, 1.0, 1.0, 1.0), "agreement.signatory": (2, 0, 0, 1.0, 1.0, 1.0),
      "agreement.sum": (1, 0, 0, 1.0, 1.0, 1.0)}),
    ("one signatory found, the agreement not",
     [record(agreements=[agreement("соглашение", "АТИСС", "Industrial Group Energy East")])],
     [record(agreements=[agreement("соглашение", "АТИСС", "Химград")])], {},
     {"agreement": (0, 1, 1, 0.0, 0.0, 0.0), "agreement.signatory": (1, 1, 1, 0.5, 0.5, 0.5)}),
    ("strict positions on a NEREL-like pair",
     [record(persons=[person("Андрея Тихонова", "главным тренером")])],
     [record(persons=[person("Андрей Тихонов", "главный тренер футбольного клуба «Бананц»")])], {},
     {"person": (1, 0, 0, 1.0, 1.0, 1.0), "person.position": (0, 1, 1, 0.0, 0.0, 0.0)}),
    ("lenient positions on a NEREL-like pair",
     [record(persons=[person("Андрея Тихонова", "главным тренером")])],
     [record(persons=[person("Андрей Тихонов", "главный тренер футбольного клуба «Бананц»")])],
     {"lenient_positions": True},
     {"person": (1, 0, 0, 1.0, 1.0, 1.0), "person.position": (1, 0, 0, 1.0, 1.0, 1.0)}),
    ("lenient positions still need contiguous words",
     [record(persons=[person("Андрей Тихонов", "главный футбольный тренер")])],
     [record(persons=[person("Андрей Тихонов", "главный тренер")])], {"lenient_positions": True},
     {"person.position": (0, 1, 1, 0.0, 0.0, 0.0)}),
    ("a null position is no fact, so it never matches",
     [record(persons=[person("Андрей Тихонов", "тренер")])], [record(persons=[person("Андрей Тихонов")])],
     {"lenient_positions": True},
     {"person": (1, 0, 0, 1.0, 1.0, 1.0), "person.position": (0, 0, 1, 0.0, 0.0, 0.0)}),
    ("types restrict the scored facts",
     [FULL], [record(persons=FULL["persons"])], {"types": ["person.position", "park"]},
     {"park": (0, 0, 1, 0.0, 0.0, 0.0), "person.position": (1, 0, 0, 1.0, 1.0, 1.0),
      "micro": (1, 0, 1, 1.0, 0.5, 2 / 3)}),
    ("a gold doc missing from pred is all misses; a pred-only doc is ignored",
     [record("d1", parks=[park("Химград")]), record("d2", parks=[park("Алабуга")], persons=[person("Руппель")])],
     [record("d1", parks=[park("Химград")]), record("d3", parks=[park("Мастер")])], {},
     {"park": (1, 0, 1, 1.0, 0.5, 2 / 3), "person": (0, 0, 1, 0.0, 0.0, 0.0),
      "micro": (1, 0, 2, 1.0, 1 / 3, 0.5)}),
    ("facts of another document do not match",
     [record("d1", parks=[park("Химград")])], [record("d1"), record("d2", parks=[park("Химград")])], {},
     {"park": (0, 0, 1, 0.0, 0.0, 0.0)}),
]


@pytest.mark.parametrize("gold,pred,kwargs,expected", [case[1:] for case in SCORES],
                         ids=[case[0] for case in SCORES])
def test_score(gold, pred, kwargs, expected):
    report = score(docs(*gold), docs(*pred), **kwargs)
    for fact_type, (tp, fp, fn, precision, recall, f1) in expected.items():
        row = report.micro if fact_type == "micro" else report.scores[fact_type]
        assert (row.tp, row.fp, row.fn) == (tp, fp, fn), fact_type
        assert (row.precision, row.recall, row.f1) == pytest.approx((precision, recall, f1)), fact_type


def test_score_pairs_exact_facts_first():
    gold = docs(record(persons=[person("Руппель")]))
    pred = docs(record(persons=[person("Александр Руппель"), person("Руппель")]))
    report = score(gold, pred, types=["person"])
    assert report.spurious == [("person", ("d1", "александр руппель"))]


def test_score_lists_all_types_in_spec_order_and_micro_sums_them():
    report = score(docs(FULL), docs(record(parks=FULL["parks"])))
    assert list(report.scores) == list(FACT_TYPES)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (6, 0, 8)


def test_score_types_keep_spec_order():
    report = score(docs(FULL), docs(FULL), types=["person", "park"])
    assert list(report.scores) == ["park", "person"]


def test_score_rejects_unknown_types_listing_valid_ones():
    with pytest.raises(ValueError, match=r"unknown fact types \['parks'\].*park\.kind"):
        score(docs(FULL), docs(FULL), types=["park", "parks"])


def test_score_reports_missed_and_spurious_facts():
    gold = docs(record(parks=[park("Химград"), park("Алабуга")]))
    pred = docs(record(parks=[park("Химграда"), park("Мастер")]))
    report = score(gold, pred, types=["park"])
    assert report.missed == [("park", ("d1", "алабуг"))]
    assert report.spurious == [("park", ("d1", "мастер"))]


def test_type_score_is_zero_when_undefined():
    row = TypeScore()
    assert (row.precision, row.recall, row.f1) == (0.0, 0.0, 0.0)


# --- loading ----------------------------------------------------------------

def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_load_records_reads_jsonl_skipping_blank_lines(tmp_path):
    path = write_jsonl(tmp_path / "pred.jsonl", [json.dumps(record("a")), "", json.dumps(record("b"))])
    assert list(load_records(path)) == ["a", "b"]


def test_load_records_reads_a_folder_recursively_in_sorted_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text(json.dumps(record("x")), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(record("y")), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a record", encoding="utf-8")
    assert list(load_records(str(tmp_path))) == ["y", "x"]


def test_load_records_reads_a_single_json_file(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(FULL, ensure_ascii=False, indent=1), encoding="utf-8")
    assert load_records(str(path)) == {"d1": FULL}


BAD_LINES = [
    ("{not json", r"bad JSON"),
    ('["a list"]', r"a record must be a JSON object"),
    (json.dumps({"parks": []}), r"missing doc_id"),
    (json.dumps(dict(record("b"), persons=None)), r"'persons' must be a list, got NoneType"),
    (json.dumps({k: v for k, v in record("b").items() if k != "contracts"}), r"missing list 'contracts'"),
    (json.dumps(record("b", parks=[{"kind": "технопарк"}])), r"parks\[0\]\.name must be a non-empty string"),
    (json.dumps(record("b", parks=[dict(park("Х"), area=180)])), r"parks\[0\]\.area must be an object"),
    (json.dumps(record("b", contracts=[{"sum": {"amount": "5 млн"}}])), r"contracts\[0\]\.sum\.amount"),
    (json.dumps(record("b", agreements=[{"kind": "договор", "signatories": ["АТИСС"]}])),
     r"agreements\[0\]\.signatories"),
    (json.dumps(record("a")), r"duplicate doc_id 'a'"),
]


@pytest.mark.parametrize("line,problem", BAD_LINES, ids=[case[1] for case in BAD_LINES])
def test_load_records_names_file_line_and_problem(tmp_path, line, problem):
    path = write_jsonl(tmp_path / "pred.jsonl", [json.dumps(record("a")), "", line])
    with pytest.raises(ValueError, match=rf"pred\.jsonl:3: {problem}"):
        load_records(path)


def test_load_records_names_the_bad_file_in_a_folder(tmp_path):
    (tmp_path / "ok.json").write_text(json.dumps(record("a")), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: bad JSON"):
        load_records(str(tmp_path))


def test_load_records_rejects_a_missing_path(tmp_path):
    with pytest.raises(ValueError, match="no such file or folder"):
        load_records(str(tmp_path / "absent.jsonl"))


def test_load_texts_reads_txt_recursively_by_stem(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d1.txt").write_text("Текст.", encoding="utf-8")
    (tmp_path / "d1.json").write_text("{}", encoding="utf-8")
    assert load_texts(str(tmp_path)) == {"d1": "Текст."}


# --- output -----------------------------------------------------------------

def small_report():
    return Report(scores={"park": TypeScore(1, 0, 1), "person": TypeScore(0, 1, 0)},
                  micro=TypeScore(1, 1, 1),
                  missed=[("park", ("d1", "алабуг"))],
                  spurious=[("person", ("d1", "айрат гиззатуллин"))])


def test_format_table_has_three_decimals_and_micro_last():
    assert format_table(small_report()) == "\n".join([
        "type       tp    fp    fn      P      R     F1",
        "park        1     0     1  1.000  0.500  0.667",
        "person      0     1     0  0.000  0.000  0.000",
        "micro       1     1     1  0.500  0.500  0.500",
    ])


def test_report_to_json_is_json_ready():
    gold = docs(record(agreements=[agreement("соглашение", "Химград", "АТИСС")]))
    report = score(gold, docs(record()), types=["agreement"])
    data = json.loads(json.dumps(report_to_json(report), ensure_ascii=False))
    assert data["scores"]["agreement"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0,
                                           "recall": 0.0, "f1": 0.0}
    assert data["micro"]["fn"] == 1
    assert data["missed"] == [{"type": "agreement", "fact": ["d1", "соглашение", ["атисса", "химград"]]}]
    assert data["spurious"] == []


TEXT = ("Технопарк «Химград» открыт в 2010 году. Рядом — ОЭЗ «Алабуга» в Татарстане.\n"
        "Айрату Гиззатуллину вручили награду.")


SENTENCES = ["Технопарк «Химград» открыт.", "Рядом — ОЭЗ «Алабуга».", "Айрату Гиззатуллину вручили награду."]
FIND = [
    (["химград"], "Технопарк «Химград» открыт."),  # the name itself
    (["айрат гиззатуллин"], "Айрату Гиззатуллину вручили награду."),  # "айрат" of the first word
    (["атисса", "алабуг"], "Рядом — ОЭЗ «Алабуга»."),  # any name of a signatory set
    (["мастер"], None),
    ([], None),
]


@pytest.mark.parametrize("names,expected", FIND, ids=[repr(case[0]) for case in FIND])
def test_find_sentence_looks_for_the_name_then_its_first_letters(names, expected):
    assert find_sentence(names, SENTENCES) == expected


def test_format_errors_groups_by_type_with_the_sentence():
    assert format_errors(small_report(), {"d1": TEXT}) == "\n".join([
        "park: 1 missed, 0 spurious",
        "  missed    d1  алабуг",
        "            > Рядом — ОЭЗ «Алабуга» в Татарстане.",
        "person: 0 missed, 1 spurious",
        "  spurious  d1  айрат гиззатуллин",
        "            > Айрату Гиззатуллину вручили награду.",
    ])


def test_format_errors_without_texts_shows_only_facts():
    assert format_errors(small_report()) == "\n".join([
        "park: 1 missed, 0 spurious",
        "  missed    d1  алабуг",
        "person: 0 missed, 1 spurious",
        "  spurious  d1  айрат гиззатуллин",
    ])


def test_format_errors_shows_sets_and_amounts():
    gold = docs(record(agreements=[agreement("соглашение", "Химград", "АТИСС", amount=462_200_000.0)]))
    report = score(gold, docs(record()), types=["agreement.sum", "contract.sum"])
    assert format_errors(report, {"d1": "Химград подписал соглашение."}) == "\n".join([
        "agreement.sum: 1 missed, 0 spurious",
        "  missed    d1  {атисса, химград} | 462200000 | RUB",
        "            > Химград подписал соглашение.",
    ])


def test_format_errors_says_so_when_there_are_none():
    assert format_errors(score(docs(FULL), docs(FULL))) == "no errors"


def test_evaluate_files_prints_the_table_and_errors(tmp_path):
    gold = tmp_path / "gold"
    (gold / "texts").mkdir(parents=True)
    (gold / "d1.json").write_text(json.dumps(record(parks=[park("Химград"), park("Алабуга")])),
                                  encoding="utf-8")
    (gold / "texts" / "d1.txt").write_text(TEXT, encoding="utf-8")
    pred = write_jsonl(tmp_path / "pred.jsonl", [json.dumps(record(parks=[park("Химграда")]))])
    output = evaluate_files(str(gold), pred, types=["park"], errors=True, texts=str(gold / "texts"))
    assert output == "\n".join([
        "type      tp    fp    fn      P      R     F1",
        "park       1     0     1  1.000  0.500  0.667",
        "micro      1     0     1  1.000  0.500  0.667",
        "",
        "park: 1 missed, 0 spurious",
        "  missed    d1  алабуг",
        "            > Рядом — ОЭЗ «Алабуга» в Татарстане.",
    ])
    data = json.loads(evaluate_files(str(gold), pred, types=["park"], as_json=True))
    assert data["micro"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 2 / 3}
