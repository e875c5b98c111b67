"""Sides named with `со стороны` / `от имени`: the place that names a side signs, unless the
signer's title names its body or region; a partner after `с` is the other side."""
import pytest

from extract_helpers import agreement, money, records_of


CASES = [
    # a region named as a side signs beside its person, and the company after `с` with it
    ("Со стороны Челябинской области соглашение с ООО «Уральские метизы» подписал первый заместитель "
     "губернатора Вадим Зорин.",
     [agreement("соглашение", [("Челябинская область", "LOC"), ("Уральские метизы", "ORG"), ("Вадим Зорин", "PER")])]),
    # … and the side of all the documents listed after it
    ("От имени Челябинской области все документы подписал первый заместитель губернатора Вадим Зорин. "
     "Главные из них — списком.\n\n"
     "* С ООО «Уральские метизы» — о модернизации производства. По соглашению — 3,2 млрд руб.\n"
     "* С АО «Троицкий электромеханический завод» — о локализации выпуска электродвигателей.",
     [agreement("соглашение", [("Челябинская область", "LOC"), ("Вадим Зорин", "PER"), ("Уральские метизы", "ORG")],
                money(3_200_000_000, "RUB")),
      agreement("соглашение", [("Челябинская область", "LOC"), ("Вадим Зорин", "PER"),
                               ("Троицкий электромеханический завод", "ORG")])]),
    # a title naming the side's region again makes it the party, in its formal name
    ("Компания ООО «Певек Энерго Сервис» и Чукотский автономный округ подписали соглашение. От имени Чукотки "
     "документ подписала первый заместитель губернатора округа Анна Кутузова.",
     [agreement("соглашение", [("Певек Энерго Сервис", "ORG"), ("Чукотский автономный округ", "LOC"),
                               ("Анна Кутузова", "PER")])]),
    # an abbreviation the tagger took for a place names no region
    ("ГОРБУНОВА: Соглашение с Южно-Уральским государственным университетом от имени центра я подписывала "
     "в сентябре, со стороны ЮУрГУ — ректор.",
     [agreement("соглашение", [("Южно-Уральский государственный университет", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_a_side_signs_as_the_text_names_it(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
