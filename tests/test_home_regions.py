"""A region that signs without its name stands for the region the article named before."""
import pytest

from extract_helpers import agreement, records_of


CASES = [
    # bare `республика` is the republic named before, though its name has no `республика`
    ("Парк «Сокол» открылся в Татарстане. Соглашение о создании площадки республика и «Сокол "
     "Девелопмент» подписали еще в 2022 году.",
     [agreement("соглашение", [("Татарстан", "LOC"), ("Сокол Девелопмент", "ORG")])]),
    # `хокимият области`, the body tagged as an adjective, is the region named before
    ("Хоким Навоийской области Шухрат Бахронов провёл переговоры с делегацией компании Henan "
     "Machinery. По итогам встречи хокимият области и компания подписали меморандум.",
     [agreement("меморандум", [("Навоийская область", "LOC"), ("Henan Machinery", "ORG")])]),
    # a bare body signing is the region last named with a body of its own
    ("Компания «Астана-Лог» подписала с акиматом Карагандинской области договор аренды. "
     "Тремя годами раньше акимат подписал меморандум с корейской фирмой Daewon Steel.",
     [agreement("договор", [("Астана-Лог", "ORG"), ("Карагандинская область", "LOC")]),
      agreement("меморандум", [("Карагандинская область", "LOC"), ("Daewon Steel", "ORG")])]),
    # `администрацией провинции` is the province named before, without its generic noun
    ("Наш завод работает в провинции Хэнань. В прошлом году мы подписали соглашение "
     "с администрацией провинции о расширении производства.",
     [agreement("соглашение", [("Хэнань", "LOC")])]),
    # `правительство области` in an article about one region is that region
    ("В Пензенской области появится завод кабеля\n\nПравительство области и компания "
     "«Сура-Кабель» подписали соглашение о строительстве.",
     [agreement("соглашение", [("Пензенская область", "LOC"), ("Сура-Кабель", "ORG")])]),
    # a park created `в регионе` is the object of the agreement, not a party
    ("Холдинг «Волгоградпромстрой» подписал с правительством Саратовской области соглашение "
     "о создании в регионе технопарка «Энгельс-Тех».",
     [agreement("соглашение", [("Волгоградпромстрой", "ORG"), ("Саратовская область", "LOC")])]),
    # a capitalised bare body at a sentence start, which the tagger takes for a name
    ("Компания «Астана-Лог» подписала с акиматом Карагандинской области договор аренды. "
     "Акимат также подписал меморандум с корейской фирмой Daewon Steel.",
     [agreement("договор", [("Астана-Лог", "ORG"), ("Карагандинская область", "LOC")]),
      agreement("меморандум", [("Карагандинская область", "LOC"), ("Daewon Steel", "ORG")])]),
    # `со стороны региона` makes the article's region one side of the signing
    ("В Тульской области построят завод стекла\n\nКомпания «Стеклопак» подписала соглашение о "
     "строительстве завода. Со стороны региона документ подписал вице-губернатор Иван Петров, "
     "со стороны компании — директор Пётр Иванов.",
     [agreement("соглашение", [("Стеклопак", "ORG"), ("Тульская область", "LOC"),
                               ("Иван Петров", "PER"), ("Пётр Иванов", "PER")])]),
    # `региона` is the region its paragraph named last, in an article about several
    ("В Свердловской области парки растут быстро.\n\nДругой пример — Курганская область. Правительство "
     "региона и компания «Зауралмаш» подписали соглашение на полмиллиарда рублей.",
     [agreement("соглашение", [("Курганская область", "LOC"), ("Зауралмаш", "ORG")],
                {"amount": 5e8, "currency": "RUB", "qualifier": None})]),
    # `администрация округа` is the district named before with that noun
    ("Глава Богородского муниципального округа Иван Соколов открыл цех. Еще в 2021 году администрация "
     "округа заключила договор аренды с ООО «Богородская кожа».",
     [agreement("договор", [("Богородский муниципальный округ", "LOC"), ("Богородская кожа", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_unnamed_regions_are_the_ones_named_before(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
