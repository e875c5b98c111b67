"""Parks in text tables: a header naming the columns, then a row per park. Each row is a table
of our own and the exact park records it yields (mentions aside)."""
import pytest

from extract_helpers import area, park, records_of, residents


CASES = [
    # a markdown table under a heading that names the kind; `обл.` written out, `н/д` and `—` give
    # nothing, a footnote's asterisk is no part of the count; a park the text names again takes the
    # place the text gives
    ("Рейтинг индустриальных парков Урала по числу резидентов\n\n"
     "| № | Парк | Регион | Площадь | Резиденты | Управляющая компания |\n"
     "|---|------|--------|---------|-----------|----------------------|\n"
     "| 1 | «Исеть-Север» | Свердловская обл. | 320 га | 41 | АО «Уральская корпорация площадок» |\n"
     "| 2 | «Миасс-Юг» | Челябинская обл. | 95,5 га | более 20 | н/д |\n"
     "| 3 | «Тобол-Инвест» | Курганская обл. | 1,1 тыс. га | 12* | — |\n\n"
     "* данные на 1 октября.\n\n"
     "Лидер рейтинга, «Исеть-Север», расположен у села Кашино под Березовским.",
     [park("Исеть-Север", "индустриальный парк", "Кашино", area(320.0, "га", 3_200_000.0), residents(41),
           "Уральская корпорация площадок"),
      park("Миасс-Юг", "индустриальный парк", "Челябинская область", area(95.5, "га", 955_000.0),
           residents(20, "более")),
      park("Тобол-Инвест", "индустриальный парк", "Курганская область", area(1100.0, "га", 11_000_000.0),
           residents(12))]),
    # a dashed table; the narrowest part of the place's cell; the kind the header names over the
    # names; a zone's company written as the zone
    ("Сводная таблица\n\n"
     "---------------------------------------------\n"
     "ОЭЗ        | Регион                      | Площадь | УК\n"
     "---------------------------------------------\n"
     "«Ладожская» | Ленинградская обл., Кировский р-н | 410 га | АО «ОЭЗ «Ладожская»»\n"
     "«Онежская»  | Республика Карелия          | 1,4 кв. км | —\n"
     "---------------------------------------------\n",
     [park("Ладожская", "ОЭЗ", "Кировский район", area(410.0, "га", 4_100_000.0), operator="Ладожская"),
      park("Онежская", "ОЭЗ", "Карелия", area(1.4, "км2", 1_400_000.0))]),
    # the kind in a column of its own, or in the name's cell
    ("ПЛОЩАДКА | ТИП | ГОРОД | РЕЗИДЕНТЫ\n"
     "«Приобский» | индустриальный парк | Сургут | 9\n"
     "«Нефтетех» | технопарк | Нефтеюганск | 15\n",
     [park("Приобский", "индустриальный парк", "Сургут", residents=residents(9)),
      park("Нефтетех", "технопарк", "Нефтеюганск", residents=residents(15))]),
    ("Парк | Регион, город | Резиденты\n"
     "«Сосновский», агропромышленный парк | Тамбовская область, Мичуринск | 7\n",
     [park("Сосновский", "агропромышленный парк", "Мичуринск", residents=residents(7))]),
    # `Где`, `Район`, `Размер`, `Арендаторов`: headers in plain words
    ("Площадка | Тип | Где | Размер | Арендаторов\n"
     "«Ижора-Тех» | технопарк | Колпино | 9 тыс. кв. м | 31\n",
     [park("Ижора-Тех", "технопарк", "Колпино", area(9.0, "тыс. м2", 9_000.0), residents(31))]),
    ("Парк | Район | Резиденты\n"
     "«Зеленодольск-Юг» | Зеленодольский р-н | 6\n",
     [park("Зеленодольск-Юг", None, "Зеленодольский район", residents=residents(6))]),
    # a cell's words before the place's name: a place noun in apposition, or a part of a place or a
    # preposition that puts the name in the genitive
    ("Парк | Где | Резиденты\n"
     "«Курск-Восток» | восточная окраина Курска | 11\n"
     "«Пущино-Био» | наукоград Пущино | 23\n"
     "«Шахтинский» | в 12 км от Шахт | 4\n"
     "«Кстово-Хим» | в 10 км от Нижнего Новгорода | 7\n",
     [park("Курск-Восток", None, "Курск", residents=residents(11)),
      park("Пущино-Био", None, "Пущино", residents=residents(23)),
      park("Шахтинский", None, "Шахты", residents=residents(4)),
      park("Кстово-Хим", None, "Нижний Новгород", residents=residents(7))]),
    # a table of companies or a timeline is no table of parks
    ("Компания | продукция | инвестиции\nООО «Волга-Пласт» | трубы | 1,2 млрд руб.\n", []),
    ("09:40 | Открытие форума\n10:15 | Пленарная сессия\n", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_parks_are_read_from_text_tables(nlp, text, expected):
    assert records_of(nlp, text, "parks") == expected
