"""Sales told by their verb are sale contracts between the buyer and the seller."""
import pytest

from extract_helpers import agreement, money, records_of

CASES = [
    # the buyer before `приобрела`, the seller by its role in the next sentence, the deal's sum after
    ("Холдинг «Уралинвест» приобрёл технопарк «Сигнал» в Екатеринбурге. Продавцом выступило АО "
     "«Сигнал-Девелопмент». Сумма сделки составила 2,1 млрд рублей.",
     [agreement("договор", [("Уралинвест", "ORG"), ("Сигнал-Девелопмент", "ORG")], money(2.1e9, "RUB"))]),
    # `сделку по покупке` a company: the subject buys; the seller told after, a contract signed told too
    ("Группа «Омега» закрыла сделку по покупке 100% долей ООО «Кама УК», которая управляет парком "
     "«Кама». Продавцом выступило ООО «Прикамье Актив». Договор купли-продажи подписан в марте.",
     [agreement("договор", [("Прикамье Актив", "ORG"), ("Омега", "ORG")])]),
    # the seller after `у`, the price after `за`
    ("ООО «Черноземснаб» приобрело у АО «Лискимаш» имущественный комплекс индустриального парка "
     "«Лиски» за 410 млн рублей.",
     [agreement("договор", [("Черноземснаб", "ORG"), ("Лискимаш", "ORG")], money(4.1e8, "RUB"))]),
    # `продал парк АО «Y»`: what is sold named first, the buyer after it
    ("В 2019 году «Вектор Девелопмент» продал парк АО «Корпорация развития Ярославии». Сумма сделки "
     "составила 530 млн рублей.",
     [agreement("договор", [("Вектор Девелопмент", "ORG"), ("Корпорация развития Ярославии", "ORG")],
                money(5.3e8, "RUB"))]),
    # the company sold is no side: `по продаже ООО «Х»`, `продала управляющую компанию ООО «Х»`
    ("Группа «Невский контур» закрыла сделку по продаже ООО «Промтерра Менеджмент». Покупателем стал "
     "фонд «Балтийские активы».",
     [agreement("договор", [("Невский контур", "ORG"), ("Балтийские активы", "ORG")])]),
    # another clause after the sale: the company that runs the park now is not its buyer
    ("Площадку начинал строить девелопер «Сибирские активы», но в 2021 году продал проект, и теперь "
     "парком управляет ООО «Иртыш Девелопмент».",
     []),
    # another deal of the buyer's told next keeps its own sides; the sale stays a contract
    ("ООО «Черноземснаб» приобрело у АО «Лискимаш» имущественный комплекс парка «Лиски» за 410 млн рублей. "
     "Кроме того, ООО «Черноземснаб» подписало соглашение с правительством Воронежской области.",
     [agreement("соглашение", [("Черноземснаб", "ORG"), ("Воронежская область", "LOC")]),
      agreement("договор", [("Черноземснаб", "ORG"), ("Лискимаш", "ORG")], money(4.1e8, "RUB"))]),
    # a role told after the sale that is the buyer's own names no seller
    ("Холдинг «Уралинвест» приобрёл технопарк «Сигнал». Покупателем выступила дочерняя компания ООО «Урал-Парк».",
     []),
    # no other side named: no sale
    ("В 2022 году территорию выкупила Корпорация развития Пензенской области.", []),
    # the price paid, told from a source a few sentences on, a range as its upper bound
    ("Группа купила парк\n\nИнвестиционная группа «Северный капитал» закрыла сделку по покупке индустриального "
     "парка «Ясногорский». Продавцом выступило ООО «Промтерра Девелопмент». Официально стороны сумму сделки не "
     "раскрывают. По данным источника, покупатель заплатил от 2,3 до 2,6 млрд руб.",
     [agreement("договор", [("Северный капитал", "ORG"), ("Промтерра Девелопмент", "ORG")], money(2.6e9, "RUB", "до"))]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_a_sale_is_a_contract_between_buyer_and_seller(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
