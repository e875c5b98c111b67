"""Whose rouble a bare `рублей` is: a text about Belarus → the sum's currency (GUIDELINES)."""
import pytest

from extract_helpers import records_of

SUMS = [
    # a Belarusian paragraph of a Belarusian text: BYN
    ("Минский облисполком и СООО «Борисов Пласт» подписали инвестиционный договор на 24 млн рублей.\n\n"
     "Всего в Минской области работают 12 индустриальных площадок.",
     [(24e6, "BYN")]),
    # a Russian partner's region in the paragraph: RUB, however Belarusian the rest
    ("Делегация Гомельской области провела переговоры в Беларуси и в Минске.\n\nГомельский завод «Сельмаш» и "
     "ООО «Сибагро» из Новосибирской области заключили контракт на 2,4 млрд рублей.",
     [(2.4e9, "RUB")]),
    # the currency written with the sum decides by itself
    ("Минский облисполком и СООО «Борисов Пласт» подписали договор на 24 млн российских рублей.\n\n"
     "Всего в Минской области работают 12 индустриальных площадок.",
     [(24e6, "RUB")]),
    # one Belarusian supplier named in a Russian text is no Belarusian text
    ("Мы подписали договор аренды с ООО «Агроупак» на 1,8 млн рублей в год, оборудование компания купила у "
     "белорусского производителя.",
     [(1.8e6, "RUB")]),
]


@pytest.mark.parametrize("text,expected", SUMS, ids=[s[0][:50] for s in SUMS])
def test_a_bare_rouble_takes_the_country_of_its_text(nlp, text, expected):
    sums = [(a["sum"]["amount"], a["sum"]["currency"]) for a in records_of(nlp, text, "agreements") if a["sum"]]
    assert sums == expected
