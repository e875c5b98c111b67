"""The company a story is about signs the deals it tells with a partner alone."""
import pytest

from extract_helpers import agreement, money, records_of

CASES = [
    # the headline's company, named again in the text, is the other side of `контракт — с «Х»`
    ("«Волгастанкомаш» отчитался о заказах\n\nЗавод «Волгастанкомаш» за полгода получил заказы на 2 млрд "
     "рублей.\n\n• крупнейший контракт — с ПАО «Камский дизель»: 11 станков на 640 млн руб.;\n\n"
     "В «Волгастанкомаше» рассчитывают удвоить выпуск.",
     [agreement("контракт", [("Камский дизель", "ORG"), ("Волгастанкомаш", "ORG")], money(6.4e8, "RUB"))]),
    # `он`, or a noun of the company's name (`завод`), signing with no side before the verb: the
    # story's company, named by its abbreviation too (the noun that stands for it comes in text order)
    ("Уральский завод теплообменного оборудования построит цех\n\nАО «Уральский завод теплообменного "
     "оборудования» (УЗТО) начинает стройку. Завод основан в 1994 году. В марте он заключил специальный "
     "инвестиционный контракт с Минпромторгом России. Для УЗТО это не первый такой проект. В прошлом году "
     "завод подписал соглашение с Пермским краем.",
     [agreement("контракт", [("Минпромторг России", "ORG"), ("Уральский завод теплообменного оборудования", "ORG")]),
      agreement("соглашение", [("Уральский завод теплообменного оборудования", "ORG"), ("Пермский край", "LOC")])]),
    # the noun opening its sentence
    ("Уральский завод теплообменного оборудования построит цех\n\nАО «Уральский завод теплообменного "
     "оборудования» начинает стройку. Завод заключил специальный инвестиционный контракт с Минпромторгом России.",
     [agreement("контракт", [("Уральский завод теплообменного оборудования", "ORG"), ("Минпромторг России", "ORG")])]),
    # a company the lead does not name is no story's company
    ("Сыроварня откроется в Тамбове\n\nВ Тамбовской области построят сыроварню. Сбыт продукции закрыт "
     "соглашением с ООО «Торговый дом «Черноземье»». ООО «Молочная линия» вложит в проект 2 млрд рублей, "
     "сообщили в «Молочной линии».",
     [agreement("соглашение", [("Торговый дом Черноземье", "ORG")])]),
    # the partner itself is the company the story is about: nothing to add
    ("ООО «Вектор» получило заказ\n\nООО «Вектор» выпустит 20 станков. Контракт с «Вектором» подписан в мае.",
     [agreement("контракт", [("Вектор", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_the_story_company_signs_with_a_partner_alone(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
