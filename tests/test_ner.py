"""The NER stage's repairs of natasha's spans: a sentence → the entity spans the doc ends with."""
import pytest

ENTITIES = [
    # a place's span run on into the brackets of an organisation's abbreviation ends before them
    ("Со следующего месяца технопарком управляет Фонд развития инноваций Тюменской области (ФРИТО).",
     [("Фонд развития инноваций", "ORG"), ("Тюменской области", "LOC")]),
    # a bracket that is part of the place's name stays
    ("Руководитель Республики Саха (Якутия) приехал.", [("Республики Саха (Якутия)", "LOC")]),
    # a preposition opening a sentence the tagger took into the name goes; a common noun left alone
    # is no name
    ("Со Сбербанком у нас кредитное соглашение с лимитом 4 млрд рублей.",
     [("Сбербанком", "ORG")]),
    ("— Для округа это очень важный день.", []),
    # capitalised Latin words before a legal form, Turkish letters and `ve` among them, the form
    # split into tokens (`A` `.` `Ş` `.`)
    ("Соглашение заключено с Özdemir Tekstil Sanayi ve Ticaret A.Ş. в марте.",
     [("Özdemir Tekstil Sanayi ve Ticaret", "ORG")]),
]


@pytest.mark.parametrize("text,expected", ENTITIES, ids=[e[0][:50] for e in ENTITIES])
def test_entity_spans(nlp, text, expected):
    assert [(ent.text, ent.label_) for ent in nlp(text).ents] == expected
