"""`show`: marks drawn as nested elements, evidence given to its record, cards, whole pages."""
import pytest

from html_helpers import parse_page
from pipeline.cli import main
from pipeline.review import Mark, agrees, card_fields, owner, render_text, review_page, show_number

# (case, text, marks as (start, end, class), expected HTML)
TEXT_CASES = [
    ("no marks, escaped", "a<b>&\"c'", [], "a&lt;b&gt;&amp;&quot;c&#x27;"),
    ("one mark", "Парк «Ворсино»", [(5, 14, "x")],
     'Парк <span class="x" data-mark="m0">«Ворсино»</span>'),
    ("nested: the longer one outside", "abcdef", [(2, 4, "in"), (1, 5, "out")],
     'a<span class="out" data-mark="m1">b<span class="in" data-mark="m0">cd</span>e</span>f'),
    ("crossing: the later one is cut in two", "abcdef", [(0, 3, "a"), (2, 5, "b")],
     '<span class="a" data-mark="m0">ab<span class="b" data-mark="m1">c</span></span>'
     '<span class="b" data-mark="m1">de</span>f'),
    ("same range: in the order given", "ab", [(0, 2, "p"), (0, 2, "q")],
     '<span class="p" data-mark="m0"><span class="q" data-mark="m1">ab</span></span>'),
    ("empty and out-of-range marks are dropped", "ab", [(1, 1, "e"), (1, 3, "o"), (-1, 1, "n")], "ab"),
    ("touching marks stay apart", "a<b", [(0, 1, "l"), (1, 3, "r")],
     '<span class="l" data-mark="m0">a</span><span class="r" data-mark="m1">&lt;b</span>'),
]


@pytest.mark.parametrize("text,marks,expected", [case[1:] for case in TEXT_CASES],
                         ids=[case[0] for case in TEXT_CASES])
def test_render_text_nests_marks_and_escapes_the_text(text, marks, expected):
    assert render_text(text, [Mark(start, end, css) for start, end, css in marks]) == expected


def test_render_text_escapes_attribute_values():
    mark = Mark(0, 1, "x", {"title": 'a "b" <c>', "data-record": "r&1"})
    assert render_text("Z", [mark], "k") == (
        '<span class="x" data-mark="k0" title="a &quot;b&quot; &lt;c&gt;" data-record="r&amp;1">Z</span>')


PARKS = [
    {"name": "Навоийский", "area": {"value": 180, "unit": "тыс. м2", "m2": 180000.0},
     "operator": "Мастер", "mentions": [[100, 120]]},
    {"name": "Чирчик", "area": None, "operator": "Химград", "mentions": [[200, 210]]},
    {"name": "Джизак", "area": None, "operator": None, "mentions": []},
]
# (case, span start, end, label, text, expected owner)
OWNER_CASES = [
    ("a name inside a mention", 202, 208, "name", "Чирчик", 1),
    ("a mention with no agreeing name is nobody's", 202, 208, "name", "Ворсино", None),
    ("an operator goes to the park whose operator it names, not the nearest",
     190, 198, "operator", "КИП «Мастер»", 0),
    ("an inflected operator", 211, 220, "operator", "«Химграда»", 1),
    ("an area goes to the park whose area it is", 210, 230, "area", "180 тысяч квадратных метров", 0),
    ("an area no park kept is nobody's", 125, 130, "area", "38 тыс. кв. м", None),
    ("a park without mentions gets nothing", 0, 5, "name", "Джизак", None),
]


@pytest.mark.parametrize("start,end,label,text,expected", [case[1:] for case in OWNER_CASES],
                         ids=[case[0] for case in OWNER_CASES])
def test_owner_gives_evidence_to_the_record_whose_value_it_shows(start, end, label, text, expected):
    assert owner(start, end, label, text, PARKS) == expected


def test_owner_takes_the_nearest_of_agreeing_records():
    persons = [{"name": "Александр Руппель", "position": "губернатор", "mentions": [[0, 17]]},
               {"name": "Иван Руппель", "position": "губернатор", "mentions": [[300, 312]]}]
    assert [owner(start, start + 10, "position", "губернатора", persons) for start in (20, 280)] == [0, 1]


@pytest.mark.parametrize("item,label,text,expected", [
    ({"residents": {"count": 27}}, "residents", "двадцать семь", True),
    ({"residents": {"count": 27}}, "residents", "девять", False),
    ({"sum": {"amount": 462_200_000.0}}, "sum", "более 462,2 млн рублей", True),
    ({"location": "Уфа"}, "location", "в Уфе", True),
    ({"kind": "меморандум"}, "kind", "соглашение", False),
])
def test_agrees_reads_numbers_and_inflected_words(item, label, text, expected):
    assert agrees(item, label, text) is expected


@pytest.mark.parametrize("value,expected", [
    (180000.0, "180\u202f000"), (462.2, "462,2"), (27, "27"), (1.5e9, "1\u202f500\u202f000\u202f000")])
def test_show_number_groups_thousands_with_a_decimal_comma(value, expected):
    assert show_number(value) == expected


CARD_CASES = [
    ("park", {"name": "Навоийский", "kind": "СПП", "location": "Навоийская область",
              "area": {"value": 180.0, "unit": "тыс. м2", "m2": 180000.0},
              "residents": {"count": 27, "qualifier": "более"}, "operator": "Мастер"},
     [("kind", "СПП"), ("location", "Навоийская область"),
      ("area", "180\u202f000 м² (as written: 180 тыс. м2)"), ("residents", "более 27"),
      ("operator", "Мастер")]),
    ("agreement", {"kind": "меморандум", "signatories": [{"name": "АТИСС", "type": "ORG"},
                                                          {"name": "Руппель", "type": "PER"}], "sum": None},
     [("kind", "меморандум"), ("signatories", "АТИСС (ORG), Руппель (PER)"), ("sum", None)]),
    ("contract", {"count": 50, "sum": {"amount": 462200000.0, "currency": "RUB", "qualifier": "более"}},
     [("count", "50"), ("sum", "более 462\u202f200\u202f000 RUB")]),
    ("contract", {"count": None, "sum": {"amount": 7e8, "currency": "USD", "qualifier": None}},
     [("count", None), ("sum", "700\u202f000\u202f000 USD")]),
    ("person", {"name": "Александр Руппель", "position": "заместитель губернатора", "org": None},
     [("position", "заместитель губернатора"), ("org", None)]),
]


@pytest.mark.parametrize("fact,item,expected", CARD_CASES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(CARD_CASES)])
def test_card_fields_show_each_value_readably(fact, item, expected):
    assert card_fields(fact, item) == expected


VORSINO = ("В Калужской области индустриальный парк «Ворсино» площадью 1200 га объединяет "
           "27 резидентов, сообщил губернатор Владислав Шапша.\n<script>alert(1)</script> & «Газпром»")


@pytest.fixture
def vorsino_page(tmp_path, nlp):
    (tmp_path / "vorsino.txt").write_text(VORSINO, encoding="utf-8")
    page, failures = review_page([str(tmp_path / "vorsino.txt")], nlp)
    assert failures == 0
    return page


def test_review_page_holds_the_exact_text_cards_and_mentions(vorsino_page):
    page = parse_page(vorsino_page)
    assert page.texts == [VORSINO]
    assert [card.attrs["id"] for card in page.cards] == ["a0-parks-0", "a0-persons-0"]
    assert sorted((m.attrs["data-record"], m.text) for m in page.marks_of("mention")) == [
        ("a0-parks-0", "индустриальный парк «Ворсино»"), ("a0-persons-0", "Владислав Шапша")]
    assert sorted((m.attrs["data-record"], m.attrs["data-attr"], m.text) for m in page.marks_of("ev")) == [
        ("a0-parks-0", "area", "1200 га"), ("a0-parks-0", "location", "Калужской области"),
        ("a0-parks-0", "mention", "индустриальный парк «Ворсино»"), ("a0-parks-0", "name", "«Ворсино»"),
        ("a0-parks-0", "residents", "27"), ("a0-persons-0", "name", "Владислав Шапша"),
        ("a0-persons-0", "position", "губернатор")]


def test_review_page_is_self_contained_and_escaped(vorsino_page):
    page = parse_page(vorsino_page)
    assert [tag for tag in ("link", "img", "iframe") if page.tags[tag]] == []
    assert [script.attrs for script in page.tags["script"]] == [{}]  # one inline script, no src
    assert "http" not in vorsino_page
    assert "<script>alert(1)</script>" not in vorsino_page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in vorsino_page


def test_show_writes_the_page_and_reports_unreadable_inputs(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Технопарк «Чирчик» в Ташкентской области", encoding="utf-8")
    output = tmp_path / "review.html"
    assert main(["show", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-o", str(output)]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'missing.txt'}: no such file or folder\n"
    page = parse_page(output.read_text(encoding="utf-8"))
    assert [card.attrs["id"] for card in page.cards] == ["a0-parks-0"]
    assert [h2.text for h2 in page.tags["h2"]] == ["a"]


def test_show_prints_the_page_without_output_and_fails_on_a_bad_output(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Итоги форума\nЗаключили 50 контрактов на сумму 1 млрд рублей.",
                                    encoding="utf-8")
    assert main(["show", str(tmp_path / "a.txt")]) == 0
    assert [card.attrs["id"] for card in parse_page(capsys.readouterr().out).cards] == ["a0-contracts-0"]
    assert main(["show", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "dir.html")]) == 2
    assert capsys.readouterr().err.startswith(f"show: cannot write {tmp_path / 'no' / 'dir.html'}: ")
