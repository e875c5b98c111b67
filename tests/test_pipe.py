"""nlp.pipe with worker processes gives what one process gives: records, evidence spans and rules."""
import multiprocessing

import pytest

from pipeline.nlp import build_nlp

# fork: the Linux default up to Python 3.13; spawn: macOS and Windows, and a check that every
# factory is registered by importing pipeline.nlp (workers start from a fresh interpreter)
START_METHODS = [method for method in ("fork", "spawn") if method in multiprocessing.get_all_start_methods()]

ARTICLES = [
    ("park", "В Калужской области индустриальный парк «Ворсино» площадью 1200 га объединяет 27 резидентов."),
    ("agreement", "Компания «КАМАЗ» и правительство Татарстана подписали соглашение на сумму 2,5 млрд рублей."),
    ("contracts", "Итоги форума\n\nЗаключили 50 контрактов на общую сумму более 462,2 млн рублей."),
    ("person", "Слово предоставили заместителю губернатора Краснодарского края Александру Руппелю."),
    ("empty", ""),
    # a bare `технопарка` taken to stand for the park named before leaves a note on the doc,
    # which must survive serialisation to worker processes
    ("referred org", "В Чебоксарах открыт технопарк «Волга-Тех». «Мест нет», — рассказал директор технопарка "
                     "Алексей Кудашкин."),
    ("two facts", "Технопарк  «Чирчик»\tв Ташкентской области.\nМеморандум подписали АО «Татнефть» и "
                  "компания «Газпром»."),
]


def outputs(nlp, n_process: int) -> list:
    docs = nlp.pipe([(text, doc_id) for doc_id, text in ARTICLES], as_tuples=True,
                    n_process=n_process, batch_size=2)
    return [(doc_id, doc.text, doc._.records,
             sorted((key, span.label_, span.start_char, span.end_char, span._.rule)
                    for key, group in doc.spans.items() for span in group))
            for doc, doc_id in docs]


@pytest.fixture(params=START_METHODS)
def start_method(request):
    previous = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method(request.param, force=True)
    yield request.param
    multiprocessing.set_start_method(previous, force=True)


def test_pipe_n_process(start_method):
    nlp = build_nlp()
    one = outputs(nlp, n_process=1)
    two = outputs(nlp, n_process=2)
    assert [doc_id for doc_id, *_ in one] == [doc_id for doc_id, _ in ARTICLES]
    assert [text for _, text, *_ in one] == [text for _, text in ARTICLES]
    found = {name for _, _, records, _ in one for name in ("parks", "agreements", "contracts", "persons")
             if records[name]}
    assert found == {"parks", "agreements", "contracts", "persons"}
    assert all(rule for *_, spans in one for *_, rule in spans)
    assert two == one
