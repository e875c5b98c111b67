"""Parks: a Russian sentence in, the exact park records of the spec out (mentions aside)."""
import pytest

from extract_helpers import records_of


def park(name, kind, location=None, area=None, residents=None, operator=None):
    return {"name": name, "kind": kind, "location": location, "area": area,
            "residents": residents, "operator": operator}


def area(value, unit, m2):
    return {"value": value, "unit": unit, "m2": m2}


def residents(count, qualifier=None):
    return {"count": count, "qualifier": qualifier}


CASES = [
    # kind + quoted name in an oblique case, place in parentheses, area in words
    ("Проект реализуется в технопарке «Чирчик» (Ташкентская область) площадью 12 гектаров.",
     [park("Чирчик", "технопарк", "Ташкентская область", area(12.0, "га", 120000.0))]),
    # name in the genitive after a noun, residents without the word «резидент»
    ("В индустриальном парке «Ворсино» в Калужской области разместились 36 компаний.",
     [park("Ворсино", "индустриальный парк", "Калужская область", residents=residents(36))]),
    # abbreviation defined in the text; territory in км²; qualifier
    ("Особая экономическая зона (ОЭЗ) «Алабуга» занимает 45 кв. км, в ней работают более 70 резидентов.",
     [park("Алабуга", "особая экономическая зона", None, area(45.0, "км2", 45000000.0),
           residents(70, "более"))]),
    # values in a later sentence attach to the park spoken of
    ("Технопарк «Идея» открылся в 2019 году. Сегодня в нём работают 42 резидента, а площадь достигает 12 га.",
     [park("Идея", "технопарк", None, area(12.0, "га", 120000.0), residents(42))]),
    # jobs and investment are not residents or area; building area is not the territory
    ("Индустриальный парк «Чеховский» занимает более 130 га, объем построенной недвижимости превышает "
     "700 тыс. кв. м, создано 10,5 тыс. рабочих мест.",
     [park("Чеховский", "индустриальный парк", None, area(130.0, "га", 1300000.0))]),
    # a planned count is not the count of today
    ("В промышленном парке «Станкомаш» планируется разместить 50 резидентов.",
     [park("Станкомаш", "промышленный парк")]),
    # operator by cue after the park
    ("Индустриальный парк «Богородский» площадью 134 га, управляет им «Нижегородская корпорация развития».",
     [park("Богородский", "индустриальный парк", None, area(134.0, "га", 1340000.0),
           operator="Нижегородская корпорация развития")]),
    # operator before the park, with a relative clause
    ("Компания «Уралпромпарк», которая развивает индустриальный парк «Берёзовский», выходит в Узбекистан.",
     [park("Берёзовский", "индустриальный парк", operator="Уралпромпарк")]),
    # a list sentence: three parks after a counted kind, each with its figures
    ("В регионе работают три индустриальных парка: «Собинский» (186 га, 14 резидентов), "
     "«Ковровский» (72,4 га, девять резидентов) и «Гусевской» (почти 40 гектаров).",
     [park("Собинский", "индустриальный парк", None, area(186.0, "га", 1860000.0), residents(14)),
      park("Ковровский", "индустриальный парк", None, area(72.4, "га", 724000.0), residents(9)),
      park("Гусевской", "индустриальный парк", None, area(40.0, "га", 400000.0))]),
    # one operator for every park of a list
    ("Работают два технопарка, управляющей компанией которых выступает АО «Технопарки Тулы»: «Октава» и «Искра».",
     [park("Октава", "технопарк", operator="Технопарки Тулы"), park("Искра", "технопарк", operator="Технопарки Тулы")]),
    # counts of residents without the word «резидент»: in brackets, «в ней», «число … достигло»
    ("Работает промзона «Карши-Пром» (27 гектаров, четыре предприятия).",
     [park("Карши-Пром", "промышленная зона", area=area(27.0, "га", 270000.0), residents=residents(4))]),
    ("Индустриальный парк «Кумертау» заполнен частично: в нём три компании.",
     [park("Кумертау", "индустриальный парк", residents=residents(3))]),
    ("В ОЭЗ «Миасс» пришёл новый инвестор. С его приходом число резидентов выросло до шести.",
     [park("Миасс", "ОЭЗ", residents=residents(6))]),
    ("Агропарк «Уфимский» растёт. Здесь уже работают девять сельхозпредприятий.",
     [park("Уфимский", "агропромышленный парк", residents=residents(9))]),
    # the place before the kind, in the same clause
    ("В Пятигорске продолжает заполняться технопарк «Машук-Тех».",
     [park("Машук-Тех", "технопарк", "Пятигорск")]),
    # the full kind written anywhere replaces the abbreviation
    ("Территории опережающего развития привлекают инвесторов. В ТОР «Надвоицы» пришли пять компаний-резидентов.",
     [park("Надвоицы", "территория опережающего развития", residents=residents(5))]),
    # operator named after the park with a copula, the park between cue and company
    ("Оператором технополиса «Химград» является АО «Татнефтехиминвест».",
     [park("Химград", "технополис", operator="Татнефтехиминвест")]),
    ("Технопарк «Заря» открыт в Твери. Его оператор — АО «Тверская корпорация развития».",
     [park("Заря", "технопарк", "Тверь", operator="Тверская корпорация развития")]),
    # a place in the genitive right after the name; a place pymorphy3 knows though NER missed it
    ("В свободной экономической зоне «Коканд» Ферганской области построят завод.",
     [park("Коканд", "свободная экономическая зона", "Ферганская область")]),
    ("Индустриальный парк «Крутогорье» под Димитровградом быстро заполняется.",
     [park("Крутогорье", "индустриальный парк", "Димитровград")]),
    # a size may stand between the name and its place
    ("Создан агропромышленный парк «Заокский» площадью 86 га в Заокском районе.",
     [park("Заокский", "агропромышленный парк", "Заокский район", area(86.0, "га", 860000.0))]),
    # the one region of the title is the place of a park with none of its own
    ("Во Владимирской области открыли индустриальный парк\n\nИндустриальный парк «Ладога» принял первых "
     "резидентов.",
     [park("Ладога", "индустриальный парк", "Владимирская область")]),
    # a quote left open at the end of a line does not hide the parks after it
    ("Управляет зоной АО «ОЭЗ ППТ «Узловая».\n\nТехнопарк «Октава» (Тула) объединяет 14 резидентов.",
     [park("Узловая", "ОЭЗ"), park("Октава", "технопарк", "Тула", residents=residents(14))]),
    # a written kind speaks of the last park of that kind, however far back; a generic word
    # of the one park an article names; nested straight quotes name a park
    ("Группа работает с СЭЗ «Экибастуз» и индустриальной зоной «Восток». Зона «Восток» растёт. "
     "Компания ищет арендаторов. Проекты обсуждаются. СЭЗ создана в 2012 году. Её площадь — 2 100 га.",
     [park("Экибастуз", "СЭЗ", area=area(2100.0, "га", 21000000.0)), park("Восток", "индустриальная зона")]),
    ("Технополис «Кристалл» принял нового участника. Тот вложит 2 млрд рублей. Запуск — в 2026 году. "
     "Будет создано 300 мест. Технополис занимает около 80 Га.",
     [park("Кристалл", "технополис", area=area(80.0, "га", 800000.0))]),
    ("Директор сказал: «В \"Сосновском\" уже 19 резидентов», — о индустриальном парке «Сосновский».",
     [park("Сосновский", "индустриальный парк", residents=residents(19))]),
    # a plan stated at the head of the clause covers the numbers after it
    ("В технопарке «Луч» 12 резидентов. По плану к 2028 году в технопарке разместятся до 30 компаний.",
     [park("Луч", "технопарк", residents=residents(12))]),
    # the area of buildings is the park's size only when they are the park's own
    ("Общая площадь помещений технопарка «Сфера» составит 18 тыс. кв. м.",
     [park("Сфера", "технопарк", area=area(18.0, "тыс. м2", 18000.0))]),
    ("Технопарк «Нева-Лаб» размещается в трёх корпусах общей площадью 16 тыс. кв. м.",
     [park("Нева-Лаб", "технопарк", area=area(16.0, "тыс. м2", 16000.0))]),
    ("В перечень вошёл технопарк «Орбита» в Калуге — 9,5 тыс. кв. м помещений.",
     [park("Орбита", "технопарк", "Калуга", area(9.5, "тыс. м2", 9500.0))]),
    ("В технопарке «Кедр» 12 резидентов. Один из них построил корпус площадью 6 тыс. кв. м.",
     [park("Кедр", "технопарк", residents=residents(12))]),
    ("Общая площадь корпусов технопарка «Кедр» — 40 тыс. кв. м. Его территория — 14 га.",
     [park("Кедр", "технопарк", area=area(14.0, "га", 140000.0))]),
    # an area inside a park, an extension and a plan are not the park's size
    ("Компания арендовала участок площадью 5 га в индустриальном парке «Дубрава».",
     [park("Дубрава", "индустриальный парк")]),
    ("Индустриальный парк «Ясный» занимает 40 га, вторая очередь площадью 25 га появится к 2028 году.",
     [park("Ясный", "индустриальный парк", area=area(40.0, "га", 400000.0))]),
    ("Промзона «Заречная» работает с 2019 года. Власти рассчитывают, что площадь зоны расширят до 200 га.",
     [park("Заречная", "промышленная зона")]),
    # `площадка` is the park itself; a park named as a signer's employer is not what it speaks of
    ("Промзону «Ока» создадут по соглашению, которое подписал директор ОЭЗ «Тула» Иван Петров. "
     "Площадка займёт 30 гектаров.",
     [park("Ока", "промышленная зона", area=area(30.0, "га", 300000.0)), park("Тула", "ОЭЗ")]),
    # an unnamed cluster and a logistics centre are not parks
    ("Создание межгосударственного промышленного кластера и логистического центра обсудили в Ташкенте.",
     []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_parks_are_read_with_their_attributes(nlp, text, expected):
    assert records_of(nlp, text, "parks") == expected


def test_a_quoted_name_alone_is_the_park_named_before(nlp):
    text = "Технополис «Химград» растёт. Резиденты «Химграда» выпустили продукции на 10 млрд рублей."
    parks = nlp(text)._.records["parks"]
    assert [p["name"] for p in parks] == ["Химград"]
    assert [text[s:e] for s, e in parks[0]["mentions"]] == ["Технополис «Химград»", "«Химграда»"]
