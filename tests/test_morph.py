import pytest

# (sentence, word, its part of speech, features it must have)
OPENING_VERBS = [
    # natasha tags this opening verb PROPN, Case=Gen: tagged again in lower case
    ("Подписали 14 соглашений на общую сумму 126 млрд рублей.", "Подписали", "VERB",
     {"Number": ["Plur"], "Tense": ["Past"], "VerbForm": ["Fin"]}),
    ("Заключили 9 соглашений на 40 млрд рублей — рекорд нашего участия.", "Заключили", "VERB",
     {"Number": ["Plur"], "Tense": ["Past"]}),
    # a name that opens a sentence stays a name
    ("Подольск получил статус территории опережающего развития.", "Подольск", "PROPN", {}),
    ("Шадринский литейный завод подписал соглашение.", "подписал", "VERB", {"Number": ["Sing"]}),
    # natasha tags this verb after `Мы` ADV: the verb of that person the dictionary knows
    ("— Мы управляем четырьмя парками.", "управляем", "VERB",
     {"Number": ["Plur"], "Person": ["1"], "VerbForm": ["Fin"]}),
    # … and a noun before it (`управляем мы`)
    ("С 2020 года технопарком управляем мы, ООО «Удмуртпромактив»: ищем арендаторов.", "управляем", "VERB",
     {"Number": ["Plur"], "Person": ["1"]}),
    # an adverb after a pronoun stays one
    ("Мы быстро растём.", "быстро", "ADV", {}),
]


@pytest.mark.parametrize("text, word, pos, feats", OPENING_VERBS, ids=[row[0][:30] for row in OPENING_VERBS])
def test_opening_word_tags(nlp, text, word, pos, feats):
    token = next(t for t in nlp(text) if t.text == word)
    assert token.pos_ == pos
    assert {key: token.morph.get(key) for key in feats} == feats
