"""One agreement of many spoken of alone; a region head signing by position alone."""
import pytest

from extract_helpers import agreement, records_of


CASES = [
    # `одно из соглашений` is one agreement; `глава региона` is the governor named before
    ("Об итогах форума рассказал губернатор Пермского края Дмитрий Махонин. Одно из самых "
     "крупных соглашений — между правительством Пермского края и компанией «Кама-Полимер». "
     "Документ подписали глава региона и директор компании Олег Соснин.",
     [agreement("соглашение", [("Пермский край", "LOC"), ("Кама-Полимер", "ORG"),
                               ("Дмитрий Махонин", "PER"), ("Олег Соснин", "PER")])]),
    # two region heads in the article: `губернатор` alone names no one
    ("Губернатор Орловской области Андрей Клычков и губернатор Курской области Роман Старовойт "
     "встретились в Орле. Правительство Орловской области и компания «Орёл-Агро» подписали "
     "соглашение. Документ подписали губернатор и директор компании Павел Зуев.",
     [agreement("соглашение", [("Орловская область", "LOC"), ("Орёл-Агро", "ORG"),
                               ("Павел Зуев", "PER")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_signers_named_by_position_alone(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
