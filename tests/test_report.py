"""`evaluate --html`: the score table, the F1 bars and the errors with their sentences."""
import json

import pytest

from html_helpers import parse_page
from pipeline.cli import main
from pipeline.evaluate import Report, TypeScore, score
from pipeline.report import mark_name, render_chart, render_errors, render_report, render_table

TEXT = ("Технопарк «Химград» открыт в 2010 году. Рядом — ОЭЗ «Алабуга» в Татарстане.\n"
        "Айрату Гиззатуллину вручили награду <b>за всё</b>.")


def record(parks=(), persons=()):
    return {"doc_id": "d1", "title": None, "agreements": [], "contracts": [],
            "parks": [{"name": name, "mentions": []} for name in parks],
            "persons": [{"name": name, "position": None, "mentions": []} for name in persons]}


GOLD = {"d1": record(parks=["Химград", "Алабуга"])}
PRED = {"d1": record(parks=["Химграда"], persons=["Айрат Гиззатуллин"])}


@pytest.fixture(scope="module")
def small_report():
    return score(GOLD, PRED, types=["park", "person"])


def test_render_table_has_a_row_per_type_then_micro(small_report):
    page = parse_page(render_table(small_report))
    rows = [[cell.text for cell in page.tags["td"][start:start + 7]] for start in range(0, 21, 7)]
    assert rows == [["park", "1", "0", "1", "1.000", "0.500", "0.667"],
                    ["person", "0", "1", "0", "0.000", "0.000", "0.000"],
                    ["micro", "1", "1", "1", "0.500", "0.500", "0.500"]]
    assert [a.attrs["href"] for a in page.tags["a"]] == ["#errors-park", "#errors-person"]
    assert [tr.attrs.get("class") for tr in page.tags["tr"]] == [None, None, None, "micro"]


def test_render_chart_draws_a_bar_per_type_as_long_as_its_f1():
    report = Report(scores={"park": TypeScore(tp=1, fn=1), "agreement.sum": TypeScore(fp=3),
                            "person.position": TypeScore(tp=4)}, micro=TypeScore(tp=5, fp=3, fn=1))
    bars = parse_page(render_chart(report)).tags["rect"]
    assert [(bar.attrs["data-type"], bar.attrs["class"], bar.attrs["width"]) for bar in bars] == [
        ("park", "bar t-park", "280.0"), ("agreement.sum", "bar t-agreement", "0.0"),
        ("person.position", "bar t-person", "420.0"), ("micro", "bar t-micro", "300.0")]  # 10/14 × 420


# (case, sentence, names, expected HTML)
MARK_CASES = [
    ("the name, widened to the word", "Технопарк «Химграда» открыт.", ["химград"],
     "Технопарк «<mark>Химграда</mark>» открыт."),
    ("ё and е alike", "Пётр Ёлкин пришёл.", ["елкин"], "Пётр <mark>Ёлкин</mark> пришёл."),
    ("the first five letters of a first word", "Слово — Краснодарскому краю.", ["краснодарский край"],
     "Слово — <mark>Краснодарскому</mark> краю."),
    ("the text is escaped", "<b>Химград</b> & Ко", ["химград"],
     "&lt;b&gt;<mark>Химград</mark>&lt;/b&gt; &amp; Ко"),
    ("no name found", "Ничего <здесь>.", ["мастер"], "Ничего &lt;здесь&gt;."),
]


@pytest.mark.parametrize("sentence,names,expected", [case[1:] for case in MARK_CASES],
                         ids=[case[0] for case in MARK_CASES])
def test_mark_name_marks_what_find_sentence_found(sentence, names, expected):
    assert mark_name(sentence, names) == expected


def test_render_errors_lists_each_error_with_its_sentence(small_report):
    page = parse_page(render_errors(small_report, {"d1": TEXT}))
    assert [(h3.attrs["id"], h3.text) for h3 in page.tags["h3"]] == [
        ("errors-park", "park: 1 missed, 0 spurious"), ("errors-person", "person: 0 missed, 1 spurious")]
    assert [(li.attrs["class"], li.attrs["data-type"], li.text) for li in page.tags["li"]] == [
        ("missed", "park", "missedd1  алабугРядом — ОЭЗ «Алабуга» в Татарстане."),
        ("spurious", "person",
         "spuriousd1  айрат гиззатуллинАйрату Гиззатуллину вручили награду <b>за всё</b>.")]
    assert [mark.text for mark in page.tags["mark"]] == ["Алабуга", "Айрату"]


def test_render_errors_without_texts_has_no_sentences(small_report):
    page = parse_page(render_errors(small_report))
    assert [li.text for li in page.tags["li"]] == ["missedd1  алабуг", "spuriousd1  айрат гиззатуллин"]
    assert page.tags["blockquote"] == []


def test_render_report_without_errors_says_so():
    page = render_report(score(GOLD, GOLD), about="gold: a <b>")
    assert "<p>no errors</p>" in page
    assert '<p class="meta">gold: a &lt;b&gt;</p>' in page
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # the SVG namespace only


def write(path, content: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_evaluate_html_writes_the_page_and_still_prints_the_table(tmp_path, capsys):
    gold = write(tmp_path / "gold" / "d1.json", json.dumps(GOLD["d1"], ensure_ascii=False))
    pred = write(tmp_path / "pred.jsonl", json.dumps(PRED["d1"], ensure_ascii=False) + "\n")
    write(tmp_path / "texts" / "d1.txt", TEXT)
    output = tmp_path / "report.html"
    argv = ["evaluate", "--gold", gold, "--pred", pred, "--types", "park,person",
            "--texts", str(tmp_path / "texts"), "--html", str(output)]
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "micro       1     1     1  0.500  0.500  0.500"
    page = parse_page(output.read_text(encoding="utf-8"))
    assert [rect.attrs["data-type"] for rect in page.tags["rect"]] == ["park", "person", "micro"]
    assert [li.attrs["class"] for li in page.tags["li"]] == ["missed", "spurious"]
    assert len(page.tags["blockquote"]) == 2
    assert page.tags["p"][0].text == (
        f"gold: {gold} · predictions: {pred} · 1 document · texts: {tmp_path / 'texts'}")


def test_evaluate_html_to_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    gold = write(tmp_path / "d1.json", json.dumps(GOLD["d1"], ensure_ascii=False))
    assert main(["evaluate", "--gold", gold, "--pred", gold, "--html", str(tmp_path / "no" / "r.html")]) == 2
    assert capsys.readouterr().err.startswith("evaluate: [Errno 2] No such file or directory")
