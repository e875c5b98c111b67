"""Position patterns of general news: a sentence → the exact persons (name, position, org)."""
import pytest


def person(name, position=None, org=None):
    return {"name": name, "position": position, "org": org}


# how the words of a position are read: spaces, tagger slips, vocabulary
READING = [
    ("И.\u00a0о. главы администрации Кировского района Игорь Сомов открыл сквер.",
     [person("Игорь Сомов", "и. о. главы администрации Кировского района", "Кировский район")]),
    ("Школьники встретились с главой федерации северной (скандинавской) ходьбы в Томской области "
     "Анной Бекетовой.",
     [person("Анна Бекетова", "глава федерации северной (скандинавской) ходьбы в Томской области",
             "Томская область")]),
    ("Известному исполнителю ритм-н-блюза Джону Миллеру предъявили иск.",
     [person("Джон Миллер", "исполнитель ритм-н-блюза")]),
    ("Её научный руководитель — профессор Олег Лапин, языковед и литературовед.",
     [person("Олег Лапин", "литературовед")]),
]

# which of several positions, and whose
CHOICE = [
    ("Свергнутый президент Гаити Жан Мартель покинул страну.",
     [person("Жан Мартель", "президент Гаити", "Гаити")]),
    ("Тренер Иван Петров после матча сказал: «Он был отличным вратарём».",
     [person("Иван Петров", "тренер")]),
    ("Иван Петров сказал: «Я назначен главным тренером».",
     [person("Иван Петров", "главный тренер")]),
]

# titles stacked with no comma, the fuller one recorded
STACKED = [
    ("Министр обороны Украины генерал армии Иван Петров посетил часть.",
     [person("Иван Петров", "министр обороны Украины", "Украина")]),
    ("На выборах соперничают лидер партии «Народный союз» (НС) действующий президент 70-летний "
     "Поль Мбаса и глава движения «За перемены» премьер-министр Жан Ндиайе.",
     [person("Поль Мбаса", "лидер партии", "Народный союз"),
      person("Жан Ндиайе", "глава движения", "За перемены")]),
]

CASES = READING + CHOICE + STACKED


@pytest.mark.parametrize("text,expected", CASES, ids=[case[0][:50] for case in CASES])
def test_position_patterns(nlp, text, expected):
    found = [{key: item[key] for key in ("name", "position", "org")} for item in nlp(text)._.persons]
    assert found == expected
