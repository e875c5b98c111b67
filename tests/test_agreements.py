"""Agreements: a Russian sentence in, the exact agreement records out (mentions aside)."""
import pytest

from extract_helpers import agreement, money, records_of


CASES = [
    # `СПИК`, `инвестсоглашение`: kinds by abbreviation or compound; the document is no party
    ("Минпромторг России и компания «Агроком-Юг» заключили СПИК на 7,4 млрд рублей.",
     [agreement("контракт", [("Минпромторг России", "ORG"), ("Агроком-Юг", "ORG")], money(7.4e9, "RUB"))]),
    ("Правительство Тульской области подписало инвестсоглашение с компанией «Альфа».",
     [agreement("соглашение", [("Тульская область", "LOC"), ("Альфа", "ORG")])]),
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
    # a park after `оператор` is what the company runs, not a party
    ("ООО «Технополис-Девелопмент», оператор технопарка «Кама-Лаб», подписало договор с банком «Приволжье».",
     [agreement("договор", [("Технополис-Девелопмент", "ORG"), ("Приволжье", "ORG")])]),
    # a speaker is not a signatory
    ("Компания «Татнефть» подписала контракт с «Камазом», — сообщил Иван Петров.",
     [agreement("контракт", [("Татнефть", "ORG"), ("Камаз", "ORG")])]),
    # an agreement spoken of again, opening its sentence or governed by a noun, borrows no one
    ("Акимат Павлодара и компания «Ертис Полимер» подписали меморандум о строительстве завода.\n\n"
     "Площадкой управляет СПК «Павлодар». Меморандум стал крупнейшим среди подписанных на форуме документов.",
     [agreement("меморандум", [("Павлодар", "LOC"), ("Ертис Полимер", "ORG")])]),
    ("Мэрия Барнаула и компания «АлтайМаш» подписали соглашение о строительстве завода. Сумма соглашения "
     "не раскрывается. Девелопер площадки — ООО «Алтай Девелопмент».",
     [agreement("соглашение", [("Барнаул", "LOC"), ("АлтайМаш", "ORG")])]),
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


SUM_CASES = [
    # `объемом` links a sum to the agreement before it, as `на сумму` does
    ("Правительство Приморского края и Газпромбанк заключили соглашение объемом 10 млрд ₽ о финансировании "
     "проектов резидентов.",
     [agreement("соглашение", [("Приморский край", "LOC"), ("Газпромбанк", "ORG")], money(10e9, "RUB"))]),
    # `Документ на сумму …` in the next sentence is the agreement's
    ("Крупнейшее соглашение подписано между правительством Свердловской области и АО «Уральский завод "
     "спецсталей». Документ на сумму 8,7 млрд рублей предусматривает модернизацию производства.",
     [agreement("соглашение", [("Свердловская область", "LOC"), ("Уральский завод спецсталей", "ORG")],
                money(8.7e9, "RUB"))]),
    # `Сумма договора` a paragraph later still names the договор signed before
    ("Компания «Волжский кабель» и исполком Зеленодольского района заключили договор аренды участка. "
     "Участок находится в промпарке. Компания построит там завод. На заводе будут работать 200 человек. "
     "Участок передается в аренду на 10 лет. Сумма договора за весь срок аренды составит 21 млн рублей.",
     [agreement("договор", [("Волжский кабель", "ORG"), ("Зеленодольский район", "LOC")], money(21e6, "RUB"))]),
    # a later sentence names the agreement with its sum and signs nothing: the sum is the
    # agreement's; a new signing with a sum of its own is another agreement
    ("Правительство Чувашии и Чувашский государственный университет подписали соглашение о создании "
     "центра. Соглашение на сумму около миллиарда рублей предусматривает строительство корпуса.",
     [agreement("соглашение", [("Чувашия", "LOC"), ("Чувашский государственный университет", "ORG")],
                money(1e9, "RUB", "около"))]),
    ("Правительство Чувашии и компания «Альфа» подписали соглашение о создании центра. Ранее регион "
     "заключил соглашение на сумму 5 млрд рублей с компанией «Бета».",
     [agreement("соглашение", [("Чувашия", "LOC"), ("Альфа", "ORG")]),
      agreement("соглашение", [("Чувашия", "LOC"), ("Бета", "ORG")], money(5e9, "RUB"))]),
    # the sum in the next sentence, named by `сумма контракта`, in сумы
    ("ООО «Агромаш» и компания «Kokand Textile» подписали контракт на поставку прядильных машин. "
     "Сумма контракта составляет 85 млрд сумов.",
     [agreement("контракт", [("Агромаш", "ORG"), ("Kokand Textile", "ORG")], money(85e9, "UZS"))]),
    # `инвестиции по соглашению`: a trap word, but the sum is the agreement's by name
    ("Правительство Курской области и компания «Сейм-Пласт» подписали соглашение о строительстве цеха. "
     "Инвестиции по соглашению составят 780 млн рублей.",
     [agreement("соглашение", [("Курская область", "LOC"), ("Сейм-Пласт", "ORG")], money(780e6, "RUB"))]),
    # `в рамках документа`, in euros, with a dash for the verb
    ("Компания «Нордвуд» и правительство Карелии подписали меморандум о сотрудничестве. "
     "Объём вложений в рамках документа — 17 млн евро.",
     [agreement("меморандум", [("Нордвуд", "ORG"), ("Карелия", "LOC")], money(17e6, "EUR"))]),
    # `стоимость договора` with an adjective between, dollar sign before the number
    ("Минский облисполком и ООО «Белтехснаб» заключили договор о поставке оборудования. "
     "Общая стоимость инвестиционного договора — $ 12 млн.",
     [agreement("договор", [("Минская область", "LOC"), ("Белтехснаб", "ORG")], money(12e6, "USD"))]),
    # the cost of a project is not the agreement's sum, nor a plant's cost after `в рамках`
    ("Правительство Курской области и компания «Сейм-Пласт» подписали соглашение о строительстве цеха. "
     "Стоимость проекта оценивается в 780 млн рублей. В рамках соглашения компания построит склад "
     "стоимостью 90 млн рублей.",
     [agreement("соглашение", [("Курская область", "LOC"), ("Сейм-Пласт", "ORG")])]),
    # a sum right after `соглашение на` is the agreement's beside `кредитное`, `финансирования`
    ("Банк «Приморье» и ООО «Тихоокеанский терминал» заключили кредитное соглашение на 3 млрд рублей "
     "для финансирования строительства причала.",
     [agreement("соглашение", [("Приморье", "ORG"), ("Тихоокеанский терминал", "ORG")], money(3e9, "RUB"))]),
]


@pytest.mark.parametrize("text,expected", SUM_CASES, ids=[c[0][:60] for c in SUM_CASES])
def test_agreement_sums_named_by_the_document_are_its_own(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected


SUBJECT_CASES = [
    # `компания` signs: the organisation the article has named most
    ("Девелопер «Уралпромстрой» вышел на рынок Казахстана. По данным «Уралпромстроя», спрос на "
     "площадки растёт. Компания подписала с акиматом Костанайской области соглашение о создании "
     "индустриального парка.",
     [agreement("соглашение", [("Уралпромстрой", "ORG"), ("Костанайская область", "LOC")])]),
    # `мы подписали` in an interview: the speaker's organisation
    ("Директор УК «Сибирские площадки» Анна Орлова рассказала о планах. — В марте мы подписали "
     "соглашение с компанией «Томь-Агро».",
     [agreement("соглашение", [("Сибирские площадки", "ORG"), ("Томь-Агро", "ORG")])]),
    # `компания «Х»` names itself: no one else joins
    ("Холдинг «Северсталь-Метиз» открыл завод. Компания «Вологда-Пак» подписала договор с "
     "компанией «Череповецкий терминал».",
     [agreement("договор", [("Вологда-Пак", "ORG"), ("Череповецкий терминал", "ORG")])]),
]


@pytest.mark.parametrize("text,expected", SUBJECT_CASES, ids=[c[0][:60] for c in SUBJECT_CASES])
def test_a_signing_company_named_by_a_common_noun_is_the_one_spoken_of(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
