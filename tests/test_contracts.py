"""Contract totals: a Russian sentence in, the exact contract records out (mentions aside)."""
import pytest

from extract_helpers import records_of


def contract(count, amount, currency, qualifier=None):
    return {"count": count, "sum": {"amount": amount, "currency": currency, "qualifier": qualifier}}


CASES = [
    ("Участники экспозиции заключили 50 контрактов о поставках на общую сумму более 462,2 миллиона рублей.",
     [contract(50, 462.2e6, "RUB", "более")]),
    ("По итогам форума подписаны соглашения на 171,8 млрд рублей.",
     [contract(None, 171.8e9, "RUB")]),
    ("Китайские инвесторы подписали 21 соглашение на $128 млн.",
     [contract(21, 128e6, "USD")]),
    ("Всего заключены контракты на сумму, превышающую $ 700 млн.",
     [contract(None, 700e6, "USD", "более")]),
    ("Регион подписал пять соглашений на 12-15 млн евро.",
     [contract(5, 15e6, "EUR", "до")]),
    ("Подписано 40 документов на 615,5 млрд, тогда как годом ранее — на 179 млрд рублей.",
     [contract(40, 615.5e9, "RUB"), contract(None, 179e9, "RUB")]),
    # `Их общая стоимость` after a sentence that counts the deals; a sum of deals opening its sentence,
    # its count in the next (`Всего … заключили 21 документ`); a headline's rounded restatement
    ("Красноярский экономический форум завершился подписанием 46 соглашений. Их общая стоимость составила "
     "312,4 млрд рублей, сообщил министр.",
     [contract(46, 312.4e9, "RUB")]),
    ("Общая стоимость контрактов, подписанных делегациями Восточно-Казахстанской области и Алтайского края на "
     "полях форума, превысила 240 млрд тенге. Всего за два дня стороны заключили 21 документ.",
     [contract(21, 240e9, "KZT", "более")]),
    ("Итоги КЭФ: край подписал соглашения на 312 млрд рублей\n\nФорум завершился подписанием 46 соглашений. "
     "Их общая стоимость составила 312,4 млрд рублей.",
     [contract(46, 312.4e9, "RUB")]),
    # a headline's count with a rounder sum restates the body's total
    ("Свердловская область заключила на «Иннопроме» 47 соглашений на 212 млрд рублей\n\nПравительство "
     "Свердловской области подписало 47 соглашений с инвесторами на общую сумму 212,4 млрд рублей.",
     [contract(47, 212.4e9, "RUB")]),
    # a count before coordinated nouns with an adjective; a count, a dash, then its noun
    ("Всего по итогам визита делегации подписаны 14 соглашений и экспортных контрактов на сумму $212 млн.",
     [contract(14, 212e6, "USD")]),
    ("На форуме подписано 105 документов. Из них 48 — экспортные контракты на 1,9 млрд долл.",
     [contract(48, 1.9e9, "USD")]),
    # a count said in the sentence before the sum of those deals; not one that went to a sum already
    ("Резиденты ТОР «Амур» подписали с поставщиками девять контрактов на оборудование. Общая сумма "
     "контрактов, по оценке сторон, составляет около 2 млрд рублей.",
     [contract(9, 2e9, "RUB", "около")]),
    ("Компании заключили 12 контрактов на 3 млрд рублей. Общая сумма контрактов за год составила 10 млрд рублей.",
     [contract(12, 3e9, "RUB"), contract(None, 10e9, "RUB")]),
    # `общей стоимостью` right after the counted documents; `объём подписанных соглашений`
    ("В ходе визита подписаны 12 документов общей стоимостью $2,5 млрд.",
     [contract(12, 2.5e9, "USD")]),
    ("Общий объём подписанных соглашений составил 95 млрд рублей.",
     [contract(None, 95e9, "RUB")]),
    ("Общий объём инвестиций по соглашениям составил 95 млрд рублей.", []),
    # traps: turnover, investment volume, budget money are not contract sums
    ("Товарооборот превысил $ 376 миллионов, а объём инвестиций проекта составил 255 миллионов долларов.", []),
    ("На это выделят 300 миллиардов сумов из бюджета.", []),
    ("Выручка резидентов выросла на 20% до 115,7 млрд рублей.", []),
    # deals under negotiation are no contracts
    ("Директор завода рассказал, что ведутся переговоры об экспортных контрактах на 900 млн рублей.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_contract_totals(nlp, text, expected):
    assert records_of(nlp, text, "contracts") == expected
