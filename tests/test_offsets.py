"""Offsets point into the raw text: mentions hold their evidence, spans keep their rule, doc.text is the input.

Evidence is marked in the text with brackets: 'технопарк «[Чирчик]»' (parse_marked in conftest).
"""
import json

import pytest

from conftest import parse_marked

LISTS = ("parks", "agreements", "contracts", "persons")

PARK = ("В [Калужской области] индустриальный парк «[Ворсино]» площадью [1200 га] объединяет [27] резидентов. "
        "Управляющей компанией парка выступает АО «[Корпорация развития Калужской области]».")
PARK_SPACED = "Технопарк  «[Чирчик]»\n\n\tв Ташкентской области  занимает [50 тыс. кв. м].\r\nТам  работают [15] предприятий."
AGREEMENT = "Компания «КАМАЗ» и правительство Татарстана подписали [соглашение] на сумму [2,5 млрд рублей]."
AGREEMENT_SPACED = "  \n\n[Меморандум]\tподписали АО «Татнефть» и  компания «Газпром».\n"
CONTRACT = "По итогам форума заключили 50 [контрактов] на общую сумму более [462,2 млн рублей]."
PERSON = "Слово предоставили [заместителю губернатора Краснодарского края] [Александру Руппелю]."
PERSON_SPACED = "Проект\tподдержал  [генеральный директор «Химграда»] [Айрат Гиззатуллин].\n\n"

# (marked text, record list, field, value): every marked piece lies inside one mention of that record
RECORD_CASES = [
    ("В Калужской области индустриальный парк «[Ворсино]» площадью 1200 га объединяет 27 резидентов.",
     "parks", "name", "Ворсино"),
    ("Технопарк  «[Чирчик]»\n\n\tв Ташкентской области  занимает 50 тыс. кв. м.", "parks", "name", "Чирчик"),
    ("Резиденты технополиса «[Химград]» в Казани получили льготы.\n\nОператором технополиса "
     "«[Химград]» является АО «Татнефтехиминвест».", "parks", "name", "Химград"),
    ("Компания «КАМАЗ» и правительство Татарстана подписали [соглашение] на сумму 2,5 млрд рублей.",
     "agreements", "kind", "соглашение"),
    (AGREEMENT_SPACED, "agreements", "kind", "меморандум"),
    (CONTRACT, "contracts", "count", 50),
]


def plain(marked: str) -> str:
    return parse_marked(marked)[0]


def find_record(records: dict, list_name: str, field: str, value) -> dict:
    found = [item for item in records[list_name] if item[field] == value]
    assert len(found) == 1, f"no single {list_name} record with {field}={value!r}: {records[list_name]}"
    return found[0]


@pytest.mark.parametrize("marked,list_name,field,value", RECORD_CASES, ids=[f"{c[1]}:{c[3]}" for c in RECORD_CASES])
def test_record_mention_holds_its_evidence(nlp, marked, list_name, field, value):
    text, pieces = parse_marked(marked)
    record = find_record(nlp(text)._.records, list_name, field, value)
    for start, end in pieces:
        assert any(s <= start and end <= e for s, e in record["mentions"]), \
            (text[start:end], [text[s:e] for s, e in record["mentions"]])


# (text, name in the record, the name as written): a person's mention is the name as written, inflected
PERSON_CASES = [
    (PERSON, "Александр Руппель", "Александру Руппелю"),
    (PERSON_SPACED, "Айрат Гиззатуллин", "Айрат Гиззатуллин"),
    ("По словам губернатора Краснодарского края Вениамина Кондратьева, спрос растёт.",
     "Вениамин Кондратьев", "Вениамина Кондратьева"),
]


@pytest.mark.parametrize("marked,name,written", PERSON_CASES, ids=[c[1] for c in PERSON_CASES])
def test_person_mention_is_the_name_as_written(nlp, marked, name, written):
    text = plain(marked)
    person = find_record(nlp(text)._.records, "persons", "name", name)
    assert [text[start:end] for start, end in person["mentions"]] == [written]


# (marked text, doc.spans key, label of each marked piece in order)
SPAN_CASES = [
    (PARK, "park", ["location", "name", "area", "residents", "operator"]),
    (PARK_SPACED, "park", ["name", "area", "residents"]),
    (AGREEMENT, "agreement", ["kind", "sum"]),
    (AGREEMENT_SPACED, "agreement", ["kind"]),
    (CONTRACT, "contract", ["sum", "sum"]),
    (PERSON, "person", ["position", "name"]),
    (PERSON_SPACED, "person", ["position", "name"]),
]


@pytest.mark.parametrize("marked,key,labels", SPAN_CASES, ids=[f"{c[1]}:{i}" for i, c in enumerate(SPAN_CASES)])
def test_evidence_span_with_its_label_covers_the_marked_words(nlp, marked, key, labels):
    text, pieces = parse_marked(marked)
    doc = nlp(text)
    spans = doc.spans[key]
    assert len(pieces) == len(labels)
    for (start, end), label in zip(pieces, labels):
        assert any(span.label_ == label and span.start_char <= start and end <= span.end_char
                   for span in spans), (text[start:end], label, [(s.text, s.label_) for s in spans])


ALL_TEXTS = [plain(case[0]) for case in SPAN_CASES] + [
    "В рамках выставки заключено 12 соглашений на общую сумму свыше $700 млн.",
    "Резиденты технополиса «Химград» в Казани получили льготы.\n\nОператором технополиса «Химград» "
    "является АО «Татнефтехиминвест». На площади 20 га работают более 100 компаний-резидентов.",
]


@pytest.mark.parametrize("text", ALL_TEXTS, ids=[text[:30] for text in ALL_TEXTS])
def test_every_mention_is_a_trimmed_slice_of_the_text(nlp, text):
    records = nlp(text)._.records
    mentions = [pair for name in LISTS for item in records[name] for pair in item["mentions"]]
    assert mentions, "the text should give at least one record"
    for start, end in mentions:
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    json.dumps(records)  # plain JSON values only


@pytest.mark.parametrize("text", ALL_TEXTS, ids=[text[:30] for text in ALL_TEXTS])
def test_every_evidence_span_names_its_rule(nlp, text):
    doc = nlp(text)
    assert set(doc.spans) & {"park", "agreement", "contract", "person"}
    for key, group in doc.spans.items():
        for span in group:
            assert isinstance(span._.rule, str) and span._.rule, (key, span.text, span.label_)


WHITESPACE_TEXTS = [
    "",
    " ",
    "\n\n",
    "Парк\n\nТехнопарк «Чирчик»",
    "\tТехнопарк\t«Чирчик»\t",
    "Технопарк  «Чирчик»  в  Ташкентской  области",
    "  \n \n\t Технопарк «Чирчик».  \n",
    "Технопарк «Чирчик»\r\nв Ташкентской области\r\n",
    "Технопарк\u00a0«Чирчик» в\u2009Ташкентской\u2028области\u3000",
]


@pytest.mark.parametrize("text", WHITESPACE_TEXTS, ids=[repr(text) for text in WHITESPACE_TEXTS])
def test_doc_text_is_the_input_text(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert all(doc.text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


# The same facts whatever the whitespace inside a phrase: news files are full of no-break spaces.
WHITESPACE_VARIANTS = [
    ("Слово предоставили заместителю губернатора Краснодарского края Александру{}Руппелю.", "persons"),
    ("Проект поддержал генеральный директор «Химграда»{}Айрат Гиззатуллин.", "persons"),
    ("Технопарк «Чирчик» в Ташкентской{}области занимает 50 тыс. кв. м.", "parks"),
    ("В Калужской области индустриальный{}парк «Ворсино» объединяет 27 резидентов.", "parks"),
    ("Компания «КАМАЗ» и правительство Татарстана подписали соглашение на сумму 2,5{}млрд{}рублей.",
     "agreements"),
]
SPACES = {"nbsp": "\u00a0", "two spaces": "  ", "tab": "\t"}


def without_mentions(items: list) -> list:
    return [{key: value for key, value in item.items() if key != "mentions"} for item in items]


@pytest.mark.parametrize("space", SPACES.values(), ids=SPACES.keys())
@pytest.mark.parametrize("template,list_name", WHITESPACE_VARIANTS,
                         ids=[f"{c[1]}:{i}" for i, c in enumerate(WHITESPACE_VARIANTS)])
def test_whitespace_inside_a_phrase_does_not_change_the_record(nlp, template, list_name, space):
    expected = without_mentions(nlp(template.format(" ", " "))._.records[list_name])
    assert expected
    assert without_mentions(nlp(template.format(space, space))._.records[list_name]) == expected
