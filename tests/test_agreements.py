"""Agreements: a Russian sentence in, the exact agreement records out (mentions aside)."""
import pytest

from extract_helpers import records_of


def agreement(kind, signatories, sum=None):
    return {"kind": kind, "signatories": [{"name": n, "type": t} for n, t in signatories], "sum": sum}


def money(amount, currency, qualifier=None):
    return {"amount": amount, "currency": currency, "qualifier": qualifier}


CASES = [
    # organisations in the instrumental after «между»; a region via its government
    ("Соглашение между правительством Татарстана и компанией «Полиформ» подписали в Казани.",
     [agreement("соглашение", [("Татарстан", "LOC"), ("Полиформ", "ORG")])]),
    # parties as subjects before the verb, a sum after the noun, legal forms dropped
    ("ООО «Зауралье-Агротех» и ТОО «KazAgroParts» подписали договор на поставку сеялок на 4,6 млрд тенге.",
     [agreement("договор", [("Зауралье-Агротех", "ORG"), ("KazAgroParts", "ORG")],
                money(4.6e9, "KZT"))]),
    # parties in the genitive after the noun; a foreign Latin name untouched
    ("Первое – меморандум о сотрудничестве краевой компании «АТИСС» и узбекской «Industrial Group Energy East».",
     [agreement("меморандум", [("АТИСС", "ORG"), ("Industrial Group Energy East", "ORG")])]),
    # the signers in the next sentence join the agreement, persons beside organisations
    ("Администрация Липецкой области и компания «Черноземье» подписали соглашение о строительстве завода. "
     "Документ подписали глава региона Игорь Артамонов и генеральный директор компании Виктор Дронов.",
     [agreement("соглашение", [("Липецкая область", "LOC"), ("Черноземье", "ORG"),
                               ("Игорь Артамонов", "PER"), ("Виктор Дронов", "PER")])]),
    # a government body named by the region's adjective signs as the region
    ("Правительство Смоленской области и Минский облисполком подписали дорожную карту.",
     [agreement("дорожная карта", [("Смоленская область", "LOC"), ("Минская область", "LOC")])]),
    # the region of the article signs as «правительство области»
    ("В Тульской области построят завод стекла\n\nПравительство области и компания «Стеклопак» "
     "подписали соглашение.",
     [agreement("соглашение", [("Тульская область", "LOC"), ("Стеклопак", "ORG")])]),
    # an abbreviation in brackets after a name is the same party; a source is no party
    ("ПАО «Кузбасская химическая компания» (КХК) и ОАО «Полесьехимсервис» подписали договор, "
     "как стало известно «Деловому вестнику».",
     [agreement("договор", [("Кузбасская химическая компания", "ORG"), ("Полесьехимсервис", "ORG")])]),
    # officials sign for their regions; the signers of the next sentence join
    ("Вторым документом стал меморандум о создании сервисного центра. Его подписали губернатор "
     "Омской области Виталий Хоценко и директор «Агросервиса» Ерлан Жумабеков.",
     [agreement("меморандум", [("Омская область", "LOC"), ("Виталий Хоценко", "PER"),
                               ("Агросервис", "ORG"), ("Ерлан Жумабеков", "PER")])]),
    # a government noun the tagger takes for an adjective; a park created is no party
    ("Камский индустриальный парк «Мастер» и хокимият Самаркандской области подписали соглашение "
     "о создании малой промышленной зоны «Самарканд-Агротех».",
     [agreement("соглашение", [("Мастер", "ORG"), ("Самаркандская область", "LOC")])]),
    # counted agreements are a total, not one agreement; the event is not a party
    ("На форуме «Иннопром» компании региона заключили 18 соглашений на 171,8 млрд рублей.", []),
    # a speaker is not a signatory
    ("Компания «Татнефть» подписала контракт с «Камазом», — сообщил Иван Петров.",
     [agreement("контракт", [("Татнефть", "ORG"), ("Камаз", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_agreements_are_read_with_their_parties(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected


def test_a_number_far_before_a_genitive_noun_makes_it_a_total(nlp):
    text = "Участники заключили два знаковых для развития промышленности соглашения с компанией «Х»."
    assert nlp(text)._.records["agreements"] == []


def test_mentions_sharing_an_organisation_are_one_agreement(nlp):
    text = ("ПАО «Кузбасская химическая компания» подписало договор с ОАО «Полесьехимсервис». "
            "Договор подписали генеральный директор КХК Виктор Осипов и генеральный директор "
            "«Полесьехимсервиса» Андрей Климович.")
    agreements = nlp(text)._.records["agreements"]
    assert [a["kind"] for a in agreements] == ["договор"]
