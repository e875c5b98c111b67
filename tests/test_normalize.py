import pytest

from pipeline.normalize import match_shape, strip_legal_form, strip_quotes

SHAPES = [
    ("химград", "Химграда", "Химград"),
    ("оэз", "ОЭЗ", "ОЭЗ"),
    ("ханты-мансийский", "Ханты-Мансийского", "Ханты-Мансийский"),
    ("Парк", "парка", "парк"),
    ("ураллестех", "УралЛесТеха", "УралЛесТех"),  # inner capitals kept where the letters agree
    ("кампус", "КамПуса", "КамПус"),
]


@pytest.mark.parametrize("word,template,expected", SHAPES)
def test_match_shape_copies_capitalisation(word, template, expected):
    assert match_shape(word, template) == expected


@pytest.mark.parametrize("text,expected", [
    ("«Химград»", "Химград"),
    ("«Industrial Group Energy East»", "Industrial Group Energy East"),
    ("  „Мастер“, ", "Мастер"),
])
def test_strip_quotes(text, expected):
    assert strip_quotes(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("ООО «Промтех»", "«Промтех»"),
    ("АО Технополис «Химград»", "Технополис «Химград»"),
    ("ПАО КАМАЗ", "КАМАЗ"),
    ("ГАУ «Центр развития»", "«Центр развития»"),
    ("МКУ «Центр поддержки предпринимательства»", "«Центр поддержки предпринимательства»"),  # municipal institution
    ("КФХ «Заря»", "«Заря»"),  # a peasant farm
    ("ГКП «Астана Инвест»", "«Астана Инвест»"),  # Kazakhstan's state municipal enterprise
    ("СПК «Сарыарка»", "СПК «Сарыарка»"),  # Kazakhstan's social-entrepreneurial corporation keeps its СПК
    ("Автономная некоммерческая организация «Агентство инвестиций»", "«Агентство инвестиций»"),
    ("Татнефть", "Татнефть"),
    ("Nordfjord Processing AS", "Nordfjord Processing"),  # European forms: AS, AB, AG, Oy, B.V., s.r.o.
    ("Hoffmann Kunststofftechnik AG", "Hoffmann Kunststofftechnik"),
    ("ГАУ КК «Центр инновационного развития Кубани»", "«Центр инновационного развития Кубани»"),  # a region's code
    ("ООО «Стрела УК»", "«Стрела УК»"),  # a Cyrillic form at the end is a word of the name
])
def test_strip_legal_form(text, expected):
    assert strip_legal_form(text) == expected


def _span(nlp, text, words):
    doc = nlp(text)
    start = next(i for i, t in enumerate(doc) if t.text == words.split()[0])
    return doc[start:start + len(words.split())]


PHRASES = [
    ("Благодаря вкладу Камского индустриального парка «Мастер»", "Камского индустриального парка",
     "Камский индустриальный парк"),
    ("Проект реализуют в Навоийской области.", "Навоийской области", "Навоийская область"),
    ("Завод построят в Набережных Челнах.", "Набережных Челнах", "Набережные Челны"),
    ("Об итогах сообщил заместителя губернатора Краснодарского края", "заместителя губернатора Краснодарского края",
     "заместитель губернатора Краснодарского края"),
    ("Он был назначен главным тренером футбольного клуба", "главным тренером футбольного клуба",
     "главный тренер футбольного клуба"),
    ("Встреча прошла с министром промышленности и торговли Республики Татарстан",
     "министром промышленности и торговли Республики Татарстан",
     "министр промышленности и торговли Республики Татарстан"),
    # a hyphenated adjective keeps its hyphen, whatever the dictionary's fused lemma
    ("Соглашение подписано с Южно-Уральским государственным университетом",
     "Южно-Уральским государственным университетом", "Южно-Уральский государственный университет"),
    # an adjective the tagger reads as a neuter noun agrees with the head all the same
    ("Лаборатория принадлежит Пермскому инженерному университету.", "Пермскому инженерному университету",
     "Пермский инженерный университет"),
    # a head the tagger reads in another case than its adjective takes the adjective's case when
    # the dictionary has it so (карьера: a quarry's genitive, not a career)
    ("Со стороны инвестора меморандум подписал директор «Зейского карьера» Павел Гринько.", "Зейского карьера",
     "Зейский карьер"),
]


@pytest.mark.parametrize("text,words,expected", PHRASES, ids=[p[2] for p in PHRASES])
def test_phrase_nominative(nlp, text, words, expected):
    from pipeline.normalize import phrase_nominative
    assert phrase_nominative(_span(nlp, text, words)) == expected


NAMES = [
    ("Об этом рассказал Александру Руппелю губернатор.", "Александру Руппелю", "Александр Руппель"),
    ("Встреча с Джаредом Кушнером прошла вчера.", "Джаредом Кушнером", "Джаред Кушнер"),
    ("Слово предоставили Айрату Гиззатуллину.", "Айрату Гиззатуллину", "Айрат Гиззатуллин"),
    ("Интервью у Марии Ивановой взяли вчера.", "Марии Ивановой", "Мария Иванова"),
    # a first name only a woman bears reads the surname as hers
    ("Алсу Гарипова", "Алсу Гарипова", "Алсу Гарипова"),  # a byline on its own line
    # after a feminine verb with no comma between, a name that may be a woman's is hers; a kin
    # word before it makes it his
    ("«Кредиты нужны, их не хватало», — отметила заместитель председателя правительства области Наиля Гарипова.",
     "Наиля Гарипова", "Наиля Гарипова"),
    ("Об этом рассказала жена Наиля Гарипова.", "Наиля Гарипова", "Наиль Гарипов"),
]


@pytest.mark.parametrize("text,words,expected", NAMES, ids=[n[2] for n in NAMES])
def test_person_name_nominative(nlp, text, words, expected):
    from pipeline.normalize import person_name
    assert person_name(_span(nlp, text, words)) == expected
