"""Park operators: how newsrooms name the company that builds, runs or manages a park.
Each row is a sentence of our own and the exact park records it yields (mentions aside)."""
import pytest

from extract_helpers import records_of


def park(name, kind, location=None, area=None, residents=None, operator=None):
    return {"name": name, "kind": kind, "location": location, "area": area,
            "residents": residents, "operator": operator}


CASES = [
    # a cue before the company names no park: the relative clause after it does
    ("Казанская управляющая компания «Татпромпарк», которая развивает технопарк «Волжский», "
     "сменила руководителя.",
     [park("Волжский", "технопарк", operator="Татпромпарк")]),
    # `компания` as subject stands for the company named before
    ("Технопарк «Омега» заполнен. Об этом сообщил директор ООО «Омега-Девелопмент» Пётр Лаптев. "
     "Компания управляет технопарком с 2018 года.",
     [park("Омега", "технопарк", operator="Омега-Девелопмент")]),
    # a pronoun subject: the company the sentence before spoke of
    ("АО «Сварог» станет оператором новой площадки. Ранее оно построило индустриальный парк «Дубрава».",
     [park("Дубрава", "индустриальный парк", operator="Сварог")]),
    ("ООО «Приокский девелопер» купило участок под Калугой. Ранее она создала технопарк «Ока-Сити».",
     [park("Ока-Сити", "технопарк", operator="Приокский девелопер")]),
    # a list of parks after a counted generic object and a dash
    ("Назначен новый глава АО «Корпорация развития Мордовии». Корпорация управляет тремя площадками — "
     "технопарком «Мордовия», индустриальным парком «Саранск» и промышленным парком «Рузаевка».",
     [park("Мордовия", "технопарк", operator="Корпорация развития Мордовии"),
      park("Саранск", "индустриальный парк", operator="Корпорация развития Мордовии"),
      park("Рузаевка", "промышленный парк", operator="Корпорация развития Мордовии")]),
    # a place between the verb and the park
    ("Соглашение подписал агрохолдинг «Донская нива». Холдинг построит в Аксайском районе "
     "агропромышленный парк «Аксай-Агро».",
     [park("Аксай-Агро", "агропромышленный парк", "Аксайский район", operator="Донская нива")]),
    # an interview: `мы управляем им`, `им` the park just named
    ("Директор УК «Север-Парк» рассказал о планах. — Наша главная площадка — технопарк «Полярный», "
     "мы управляем им с 2020 года.",
     [park("Полярный", "технопарк", operator="Север-Парк")]),
    # `чья компания`: the company the person was introduced with
    ("Директор ООО «Камень-Инвест» Анна Лис, чья компания развивает индустриальный парк «Уральский», "
     "рассказала о льготах.",
     [park("Уральский", "индустриальный парк", operator="Камень-Инвест")]),
    # a company that builds a plant in a park is its resident, not its operator
    ("ООО «Стеклотара» выбрало площадку. Компания построит завод в индустриальном парке «Рязанский».",
     [park("Рязанский", "индустриальный парк")]),
    ("Директор ООО «Полимер» Иван Жуков рассказал о заводе. Она разместится в технопарке «Звезда».",
     [park("Звезда", "технопарк")]),
    # `обеих` / `всех трёх`: a cue over a count speaks of the parks named last
    ("Новых инвесторов получили ОЭЗ «Лотос» и ОЭЗ «Каспий». "
     "Оператором обеих зон выступает АО «Астраханская корпорация развития».",
     [park("Лотос", "ОЭЗ", operator="Астраханская корпорация развития"),
      park("Каспий", "ОЭЗ", operator="Астраханская корпорация развития")]),
    ("В области работают три технопарка: «Искра», «Гранит» и «Кедр». "
     "Управляющей компанией всех трёх площадок является ООО «Технопарки Прикамья».",
     [park("Искра", "технопарк", operator="Технопарки Прикамья"),
      park("Гранит", "технопарк", operator="Технопарки Прикамья"),
      park("Кедр", "технопарк", operator="Технопарки Прикамья")]),
    # `одноимённый`: a company that runs the park bearing its own name
    ("Соглашение подписала ассоциация «Сибирь-Агро», которая управляет одноимённым "
     "агропромышленным парком. Агропромышленный парк «Сибирь-Агро» создан в 2020 году.",
     [park("Сибирь-Агро", "агропромышленный парк", operator="Сибирь-Агро")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_park_operators_are_read_from_how_newsrooms_name_them(nlp, text, expected):
    assert records_of(nlp, text, "parks") == expected
