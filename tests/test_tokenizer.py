import pytest

from pipeline.tokenizer import sentence_starts, split_words

TEXTS = [
    "Технопарк «Чирчик» открылся.",
    "  Парк  «Химград»\n\nРезидентов: 27.\t Конец ",
    "\n\nЗаголовок\nТекст статьи, 1 750 резидентов.\r\n",
    "",
    "   ",
    "Сумма — $700 млн,а площадь 45,2 тыс. кв. м²",
]


@pytest.mark.parametrize("text", TEXTS, ids=[repr(t) for t in TEXTS])
def test_doc_text_equals_input_text(nlp, text):
    assert nlp.make_doc(text).text == text


@pytest.mark.parametrize("text", TEXTS, ids=[repr(t) for t in TEXTS])
def test_words_and_spaces_cover_the_text(text):
    words, spaces = split_words(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text


def test_token_offsets_are_file_offsets(nlp):
    text = "Заголовок\n\nВ ОЭЗ «Алабуга» 27 резидентов."
    doc = nlp.make_doc(text)
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text


def test_a_line_break_starts_a_sentence(nlp):
    doc = nlp.make_doc("Заголовок без точки\nПервое предложение. Второе предложение.")
    assert [s.text.strip() for s in doc.sents] == [
        "Заголовок без точки", "Первое предложение.", "Второе предложение."]


def test_sentence_starts_include_razdel_sentences():
    assert {0, 20} <= sentence_starts("Первое предложение. Второе.")


def test_no_sentence_break_inside_guillemets(nlp):
    doc = nlp.make_doc("Делегация работала на выставке «ИННОПРОМ. Центральная Азия» в Ташкенте. Итоги подвели.")
    assert [s.text for s in doc.sents] == [
        "Делегация работала на выставке «ИННОПРОМ. Центральная Азия» в Ташкенте.", "Итоги подвели."]


def test_no_sentence_break_before_a_lower_case_word(nlp):
    doc = nlp.make_doc("Технопарк общей площадью 16,5 тыс. кв. м объединяет 14 резидентов. Это много.")
    assert len(list(doc.sents)) == 2


def test_no_sentence_opens_with_a_latin_legal_form(nlp):
    doc = nlp.make_doc("Соглашение подписала индийская Pune Forgings Pvt. Ltd. в первый день выставки. Итоги подвели.")
    assert [s.text for s in doc.sents] == [
        "Соглашение подписала индийская Pune Forgings Pvt. Ltd. в первый день выставки.", "Итоги подвели."]


def test_no_sentence_opens_with_a_bracket_after_a_latin_legal_form(nlp):
    doc = nlp.make_doc("— Anhui Jinhe Building Materials Co., Ltd. (Китай) — керамогранит, $92 млн;\n— ООО «Альфа» — трубы.")
    assert [s.text.strip() for s in doc.sents] == [
        "— Anhui Jinhe Building Materials Co., Ltd. (Китай) — керамогранит, $92 млн;", "— ООО «Альфа» — трубы."]


LEGAL_FORM_BEFORE_NAME_CASES = [
    # a position, a foreign company, its legal form, the person's name: one sentence
    ("Генеральный директор турецкой Ege Ambalaj Co., Ltd. Мехмет Айдын подписал контракт. Итоги подвели.",
     ["Генеральный директор турецкой Ege Ambalaj Co., Ltd. Мехмет Айдын подписал контракт.", "Итоги подвели."]),
    ("Губернатор и вице-президент индийской Tata Forge Pvt. Ltd. Амит Шарма подписали соглашение.",
     ["Губернатор и вице-президент индийской Tata Forge Pvt. Ltd. Амит Шарма подписали соглашение."]),
    # no position before the company: the legal form ends the sentence
    ("Соглашение подписано с Ege Ambalaj Co., Ltd. Мехмет Айдын рассказал о планах.",
     ["Соглашение подписано с Ege Ambalaj Co., Ltd.", "Мехмет Айдын рассказал о планах."]),
    # no person's name after it
    ("Контракт подписал директор Ege Ambalaj Co., Ltd. Компания построит завод.",
     ["Контракт подписал директор Ege Ambalaj Co., Ltd.", "Компания построит завод."]),
]


@pytest.mark.parametrize("text,expected", LEGAL_FORM_BEFORE_NAME_CASES)
def test_a_legal_form_between_a_position_and_a_name_ends_no_sentence(nlp, text, expected):
    assert [s.text for s in nlp.make_doc(text).sents] == expected


def test_a_name_written_as_a_domain_is_one_token():
    words, _ = split_words("правительство края и ВЭБ.РФ подписали соглашение. ДОМ.РФ тоже.")
    assert "ВЭБ.РФ" in words and "ДОМ.РФ" in words
