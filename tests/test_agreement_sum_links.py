"""A sum after the parties named after the agreement noun is the agreement's."""
import pytest

from extract_helpers import agreement, money, records_of


CASES = [
    # `стоимостью` after the parties: the agreement's own cost
    ("В ходе визита было подписано соглашение между ТОО «КазСталь» и акиматом Карагандинской "
     "области стоимостью $50 млн.",
     [agreement("соглашение", [("КазСталь", "ORG"), ("Карагандинская область", "LOC")], money(5e7, "USD"))]),
    # `на сумму` after a party in the instrumental
    ("Контракт с компанией «Сибмаш» на сумму 700 млн рублей подписал завод «Уралтрак».",
     [agreement("контракт", [("Сибмаш", "ORG"), ("Уралтрак", "ORG")], money(7e8, "RUB"))]),
    # a plant's cost after the agreement's subject is not the agreement's sum
    ("Подписано соглашение о строительстве завода стоимостью 5 млрд рублей между компанией "
     "«Арктур» и правительством Тверской области.",
     [agreement("соглашение", [("Арктур", "ORG"), ("Тверская область", "LOC")])]),
    # `на` and a sum before the signing verb and the noun
    ("На 2 млрд рублей подписано соглашение между компанией «Омь-Агро» и правительством "
     "Новосибирской области.",
     [agreement("соглашение", [("Омь-Агро", "ORG"), ("Новосибирская область", "LOC")], money(2e9, "RUB"))]),
    # `стоимостью` right after the noun; an agreement about investment or supplies owns the sum after its topic
    ("Компания «Уралсталь» и Оренбургская область подписали соглашение стоимостью 7,5 млрд рублей.",
     [agreement("соглашение", [("Уралсталь", "ORG"), ("Оренбургская область", "LOC")], money(7.5e9, "RUB"))]),
    ("Компания «Уралсталь» и Оренбургская область подписали соглашение об инвестициях на 7,5 млрд рублей.",
     [agreement("соглашение", [("Уралсталь", "ORG"), ("Оренбургская область", "LOC")], money(7.5e9, "RUB"))]),
    ("Вчера на 300 млн рублей был подписан контракт между ООО «Приокский литейный завод» и АО «Вагонмаш».",
     [agreement("контракт", [("Приокский литейный завод", "ORG"), ("Вагонмаш", "ORG")], money(3e8, "RUB"))]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_a_sum_after_the_parties_is_the_agreements(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
