"""A signing with its subject left out: the subject of the sentence before signs."""
import pytest

from extract_helpers import agreement, records_of


CASES = [
    # a region's head named after his title signs himself, for his region
    ("Губернатор Амурской области Вадим Корнеев подвёл итоги визита в Китай. Также подписал соглашение с "
     "компанией Heilongjiang Dongfang Soybean Industry о строительстве завода.",
     [agreement("соглашение", [("Вадим Корнеев", "PER"), ("Heilongjiang Dongfang Soybean Industry", "ORG"),
                               ("Амурская область", "LOC")])]),
    # a company opens the sentence before; the next one signs without a subject
    ("Компания «Иртыш-Полимер» открыла цех в Павлодаре. Кроме того, подписала меморандум "
     "с акиматом Павлодарской области о второй очереди.",
     [agreement("меморандум", [("Иртыш-Полимер", "ORG"), ("Павлодарская область", "LOC")])]),
    # a region's government as the subject before
    ("Правительство Курской области провело инвестиционный совет. Кроме того, подписало "
     "соглашение с компанией «Сейм-Агро».",
     [agreement("соглашение", [("Курская область", "LOC"), ("Сейм-Агро", "ORG")])]),
    # a post the lead tells of (`в своём телеграм-канале`): its author signs in the first person
    ("Губернатор подписал соглашение с заводом\n\nГлава Рязанской области Павел Малков в своём "
     "телеграм-канале рассказал о встрече с инвесторами. Публикуем пост.\n\n«Хорошие новости для "
     "Скопина 👇\n\n✅ Подписал соглашение с компанией «Ока-Пласт». Завод появится в Скопине.\n\n#инвестиции»",
     [agreement("соглашение", [("Рязанская область", "LOC"), ("Павел Малков", "PER"), ("Ока-Пласт", "ORG")])]),
    # `пост` as a job is no post: the lead's person is no author
    ("Иван Петров покинул пост главы района. Губернатор посетил завод. Там же подписал соглашение с ООО «Альфа».",
     [agreement("соглашение", [("Альфа", "ORG")])]),
    # a passive signing names no agent: the company before is not added
    ("В Курске открылся завод компании «Сейм-Агро». Кроме того, подписано соглашение "
     "с правительством Курской области.",
     [agreement("соглашение", [("Курская область", "LOC")])]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_the_subject_before_signs_when_left_out(nlp, text, expected):
    assert records_of(nlp, text, "agreements") == expected
