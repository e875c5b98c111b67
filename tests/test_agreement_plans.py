"""Signed documents only: plans are no agreements; datelines and venues are no parties."""
import pytest

from extract_helpers import agreement, records_of


CASES = [
    # a labour agreement; a signing spoken of as a point in time; an analyst a paragraph away
    ("На заводе «Ижмаш» подписали новый коллективный договор.", []),
    ("«Он хочет заехать в цех через полгода после подписания договора аренды», — объясняет Елена "
     "Мухаметзянова, управляющий партнер компании «Индастри Лаб».", []),
    ("Компания получила налоговые льготы, предусмотренные контрактом.\n\nВедущий аналитик ИК «Северный "
     "капитал» Рустам Абдуллаев настроен осторожнее.", []),
    # an agreement to be prepared is no agreement; a plan beside a signing is no plan
    ("КРДВ и компания Primorsk Seafood договорились подготовить к концу года соглашение о строительстве завода.", []),
    ("Компания «Альфа» планирует построить завод и подписала соглашение с компанией «Бета».",
     [agreement("соглашение", [("Альфа", "ORG"), ("Бета", "ORG")])]),
    # an infinitive after a plan word: not signed yet
    ("Холдинг «Сибагро» планирует подписать соглашение с правительством Алтайского края в ноябре.", []),
    # future tense, in a clause after the company's own words
    ("В «Томскнефтехиме» допускают, что весной подпишут с администрацией области контракт на поставку сырья.", []),
    # `будет подписан`: future passive
    ("Договор между АО «Ижмаш-Сервис» и компанией «Удмуртлес» будет подписан в декабре.", []),
    # a signed agreement keeps its place beside a plan in the next sentence
    ("Компания «Вятка-Пласт» и правительство Кировской области подписали соглашение. "
     "Следующим станет договор с Фондом развития промышленности, который компания рассчитывает "
     "заключить летом.",
     [agreement("соглашение", [("Вятка-Пласт", "ORG"), ("Кировская область", "LOC")])]),
    # a past signing and a plan in one sentence: the signing is reported
    ("«Курганстальмост» подписал контракт с компанией «Мостострой-12» и намерен заключить ещё два.",
     [agreement("контракт", [("Курганстальмост", "ORG"), ("Мостострой-12", "ORG")])]),
    # a dateline city in capitals is where the news was filed
    ("ВИТЕБСК, 12 мая — Витебский облисполком и правительство Брянской области подписали "
     "дорожную карту.",
     [agreement("дорожная карта", [("Витебская область", "LOC"), ("Брянская область", "LOC")])]),
    # a park named as the venue (`на площадке`) is no party
    ("Соглашение между правительством Самарской области и ООО «ВолгаТерм» подписано на площадке "
     "особой экономической зоны «Тольятти».",
     [agreement("соглашение", [("Самарская область", "LOC"), ("ВолгаТерм", "ORG")])]),
    # agreed to sign, ready to sign, may be signed: all still to come
    ("Стороны договорились подписать соглашение с компанией «Кубань-Вино» в сентябре.", []),
    ("Соглашение между «Ставрополь-Агро» и «Кавказ-Транс» может быть подписано в ноябре.", []),
    # a document in the making, one proposed, and one never signed are no agreements
    ("Курганская область и белорусский «Амкодор» готовят соглашение о сборке тракторов.", []),
    ("Белорусская сторона также предлагает заключить контракт на поставку 40 тракторов.", []),
    ("Напомним, в 2023 году меморандум с турецкой компанией Demir Makina так и не был подписан.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_only_signed_documents_with_their_parties(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
