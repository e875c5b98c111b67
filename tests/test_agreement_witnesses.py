"""Those who attend or support a signing are no parties; a chamber keeps its country."""
import pytest

from extract_helpers import agreement, records_of


CASES = [
    # `в присутствии` a governor: neither he nor his region signs
    ("В присутствии губернатора Самарской области Вячеслава Федорищева компания «Тольяттиазот» "
     "и банк «Солид» подписали соглашение.",
     [agreement("соглашение", [("Тольяттиазот", "ORG"), ("Солид", "ORG")])]),
    # `при поддержке` a fund: the fund helps, the companies sign
    ("При поддержке Фонда развития промышленности компания «Ковров-Мех» заключила контракт "
     "с заводом «Владимир-Литьё».",
     [agreement("контракт", [("Ковров-Мех", "ORG"), ("Владимир-Литьё", "ORG")])]),
    # `при участии` a minister, between the noun and the verb
    ("Соглашение при участии министра экономики Чувашии Дмитрия Иванова подписали компания "
     "«Чебоксары-Агро» и банк «Чувашкредит».",
     [agreement("соглашение", [("Чебоксары-Агро", "ORG"), ("Чувашкредит", "ORG")])]),
    # a chamber named by its country keeps the country the tagger cuts off
    ("Меморандум о взаимопонимании подписали Российский экспортный центр и Торгово-промышленная "
     "палата Узбекистана.",
     [agreement("меморандум", [("Российский экспортный центр", "ORG"),
                               ("Торгово-промышленная палата Узбекистана", "ORG")])]),
    # the source of the news, up to its comma, does not sign
    ("Как сообщает пресс-служба правительства Омской области, компания «Омск-Пласт» подписала "
     "договор с банком «Сибирь».",
     [agreement("договор", [("Омск-Пласт", "ORG"), ("Сибирь", "ORG")])]),
    ("По информации агентства ТАСС, «Росатом» и правительство Мурманской области заключили соглашение.",
     [agreement("соглашение", [("Росатом", "ORG"), ("Мурманская область", "LOC")])]),
    # quoted speech before `— сказал` is no organisation's name
    ("«Это важный проект для региона», — сказал губернатор Ульяновской области Алексей Русских "
     "после подписания соглашения с компанией «Симбирск-Агро».",
     [agreement("соглашение", [("Ульяновская область", "LOC"), ("Симбирск-Агро", "ORG")])]),
    # a dash after a quoted name that opens an apposition keeps the name
    ("Компания «Татнефть» подписала контракт с «Камазом» — крупнейшим производителем грузовиков.",
     [agreement("контракт", [("Татнефть", "ORG"), ("Камаз", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_witnesses_do_not_sign(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
