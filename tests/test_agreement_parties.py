"""Who signs: state bodies, regions named by their bodies or by shared nouns, sides."""
import pytest

from extract_helpers import agreement, records_of


CASES = [
    # a ministry in lower case, with its region, is one organisation named as written
    ("Вчера министерство сельского хозяйства Омской области и компания «Иртыш-Зерно» подписали "
     "соглашение о строительстве элеватора.",
     [agreement("соглашение", [("Министерство сельского хозяйства Омской области", "ORG"),
                               ("Иртыш-Зерно", "ORG")])]),
    # a ministry keeps the country the tagger cuts off; an abbreviation keeps its country too
    ("Министерство энергетики Республики Казахстан и Минэнерго России подписали меморандум "
     "о поставках газа.",
     [agreement("меморандум", [("Министерство энергетики Республики Казахстан", "ORG"),
                               ("Минэнерго России", "ORG")])]),
    # a region body named by its adjective signs as the region, in any case
    ("Договор о передаче участка холдинг «Белагропром» заключил с Гомельским облисполкомом.",
     [agreement("договор", [("Белагропром", "ORG"), ("Гомельская область", "LOC")])]),
    # adjectives sharing one plural region noun are one region each
    ("Тверская и Витебская области подписали дорожную карту о кооперации.",
     [agreement("дорожная карта", [("Тверская область", "LOC"), ("Витебская область", "LOC")])]),
    # `Республика` before a region's own name is dropped, as for places
    ("Правительство Республики Мордовия и компания «Саранск-Кабель» подписали соглашение.",
     [agreement("соглашение", [("Мордовия", "LOC"), ("Саранск-Кабель", "ORG")])]),
    # sides named by `со стороны`: the party, its signer; a department of it is no party
    ("Стороны подписали меморандум о сотрудничестве. Со стороны Министерства промышленности "
     "Республики Беларусь документ подписал первый заместитель министра Игорь Ляшенко, со стороны "
     "Минпромторга России — директор Департамента станкостроения Михаил Иванов.",
     [agreement("меморандум", [("Министерство промышленности Республики Беларусь", "ORG"),
                               ("Игорь Ляшенко", "PER"), ("Минпромторг России", "ORG"),
                               ("Михаил Иванов", "PER")])]),
    # a ministry's abbreviation in the headline and its full name in the text: one party,
    # named fully
    ("Минсельхоз и Тамбовская область подписали соглашение о селекционном центре\n\n"
     "ТАМБОВ, 5 мая. Министерство сельского хозяйства России и администрация Тамбовской области "
     "подписали соглашение о создании селекционного центра.",
     [agreement("соглашение", [("Министерство сельского хозяйства России", "ORG"),
                               ("Тамбовская область", "LOC")])]),
    # signers named in a ceremony sentence before `Стороны подписали …` sign with their sides
    ("Со стороны области в церемонии участвовал губернатор Курганской области Вадим Шумков, "
     "со стороны инвестора — директор ООО «Тобол-Молоко» Ирина Белова. Стороны подписали "
     "соглашение на 900 млн рублей.",
     [agreement("соглашение", [("Курганская область", "LOC"), ("Вадим Шумков", "PER"),
                               ("Тобол-Молоко", "ORG"), ("Ирина Белова", "PER")],
                {"amount": 9e8, "currency": "RUB", "qualifier": None})]),
    # a company whose shares are sold, and the park it owns, are objects of the deal
    ("Фонд «Развитие Прикамья» купил у холдинга «Уралинвест» 75% акций АО «Чусовской терминал», "
     "которое владеет технопарком «Чусовой». Договор купли-продажи стороны подписали в марте.",
     [agreement("договор", [("Развитие Прикамья", "ORG"), ("Уралинвест", "ORG")])]),
    # `технопарк` signing without a name is the park the article speaks of
    ("Технопарк «Дон-Тех» открыл второй корпус. В апреле технопарк подписал соглашение о "
     "подготовке кадров с Пермским политехническим университетом.",
     [agreement("соглашение", [("Дон-Тех", "ORG"), ("Пермский политехнический университет", "ORG")])]),
    # plural agreements after a verb and a prepositional phrase are a total, not one agreement
    ("Татарстан заключил на выставке в Шанхае соглашения на 2,1 млрд юаней.", []),
    # an organisation named by its region: the tagger's name ends before the region
    ("Компания «Амурсталь» подписала с Корпорацией развития Дальнего Востока и Арктики соглашение "
     "о ведении деятельности на ТОР «Комсомольск».",
     [agreement("соглашение", [("Амурсталь", "ORG"), ("Корпорация развития Дальнего Востока и Арктики", "ORG")])]),
    # a country in the headline, its ministry in the text: the ministry is the party
    ("Чувашия и Казахстан подписали соглашение о создании технопарка\n\nЧЕБОКСАРЫ, 5 мая. "
     "Правительство Чувашии и Министерство промышленности Республики Казахстан подписали "
     "соглашение о создании технопарка.",
     [agreement("соглашение", [("Чувашия", "LOC"), ("Министерство промышленности Республики Казахстан", "ORG")])]),
    # a region beside an agency named after it: both sign
    ("Правительство Чувашии, Агентство инвестиционного развития Чувашской Республики и компания "
     "«Волга-Пласт» подписали соглашение.",
     [agreement("соглашение", [("Чувашия", "LOC"), ("Агентство инвестиционного развития Чувашской Республики", "ORG"),
                               ("Волга-Пласт", "ORG")])]),
    # an informal region name in the headline is the formal one of the text
    ("Кузбасс подписал соглашение с компанией «Уголь-Пласт»\n\nКЕМЕРОВО, 3 марта. Правительство "
     "Кемеровской области и компания «Уголь-Пласт» подписали соглашение о строительстве цеха.",
     [agreement("соглашение", [("Кемеровская область", "LOC"), ("Уголь-Пласт", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_agreement_parties_are_named_as_records_name_them(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected


REGION_HEAD_CASES = [
    # `глава` before a region in the genitive signs for the region, as `губернатор` does
    ("Соглашение было подписано главой Чувашии Олегом Николаевым и генеральным директором "
     "компании «Промтрактор» Сергеем Ивановым.",
     [("Олег Николаев", "PER"), ("Промтрактор", "ORG"), ("Сергей Иванов", "PER"), ("Чувашия", "LOC")]),
    # a quoted name of several words after a common noun is taken as written
    ("Турецкая компания «Анадолу Текстиль» и Кировская область подписали соглашение.",
     [("Анадолу Текстиль", "ORG"), ("Кировская область", "LOC")]),
    # `глава компании` is no region's
    ("Глава компании «Альфа» Иван Петров и Курская область подписали соглашение.",
     [("Альфа", "ORG"), ("Иван Петров", "PER"), ("Курская область", "LOC")]),
]


@pytest.mark.parametrize("text,expected", REGION_HEAD_CASES, ids=[c[0][:60] for c in REGION_HEAD_CASES])
def test_a_region_head_signs_for_the_region(nlp, text, expected):
    [found] = records_of(nlp, text, "agreements")
    assert sorted((s["name"], s["type"]) for s in found["signatories"]) == sorted(expected)
