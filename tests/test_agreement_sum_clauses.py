"""Money the text ties to an agreement by a relative clause or by `сделка`."""
import pytest

from extract_helpers import agreement, money, records_of


CASES = [
    # `, по которому инвестор вложит …`: what the agreement holds
    ("Правительство Томской области и компания «Томь-Лес» подписали соглашение, по которому "
     "инвестор вложит в лесопильный комбинат 3 млрд рублей.",
     [agreement("соглашение", [("Томская область", "LOC"), ("Томь-Лес", "ORG")], money(3e9, "RUB"))]),
    # `, согласно которому` with the sum in tenge
    ("Акимат Костанайской области и ТОО «Тобол-Агро» заключили меморандум, согласно которому "
     "компания направит на модернизацию элеваторов 12 млрд тенге.",
     [agreement("меморандум", [("Костанайская область", "LOC"), ("Тобол-Агро", "ORG")], money(12e9, "KZT"))]),
    # a plant's cost in the clause is not the agreement's
    ("Правительство Томской области и компания «Томь-Лес» подписали соглашение, в рамках которого "
     "компания построит цех стоимостью 800 млн рублей.",
     [agreement("соглашение", [("Томская область", "LOC"), ("Томь-Лес", "ORG")])]),
    # `сумма сделки` in the next sentence names the agreement just signed
    ("Компания «Кузбасс-Уголь» и банк «Сибирь» заключили кредитный договор. Сумма сделки — "
     "1,2 млрд рублей.",
     [agreement("договор", [("Кузбасс-Уголь", "ORG"), ("Сибирь", "ORG")], money(1.2e9, "RUB"))]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_sums_tied_to_the_agreement(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
