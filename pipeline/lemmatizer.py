"""column_lemmatizer: spaCy's pymorphy3 lemmatizer for Russian, memoised and written as one column.

spaCy's own component sets `token.lemma_` one token at a time and parses every token
again. This one reads each doc's ORTH, POS and MORPH columns (all that the pymorphy3
lemmatizer looks at), asks spaCy's RussianLemmatizer only about keys it has not seen, and
writes the LEMMA column with one `Doc.from_array`. The lemmas are spaCy's own.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.ru.lemmatizer import RussianLemmatizer
from spacy.language import Language


class ColumnLemmatizer:
    """A class with plain state, so that the pipeline pickles for nlp.pipe(n_process=2).

    The memo is cleared when full, so that memory stays flat over a long run."""

    def __init__(self, vocab, size: int = 100_000):
        self.lemmatizer = RussianLemmatizer(vocab, None, mode="pymorphy3")
        self.size = size
        self.memo = {}

    def __call__(self, doc):
        keys = doc.to_array([ORTH, POS, MORPH]).tolist()
        lemmas = doc.to_array([LEMMA]).reshape(-1, 1)
        strings = doc.vocab.strings
        for i, key in enumerate(map(tuple, keys)):
            if lemmas[i, 0]:
                continue  # a lemma set before is kept, as spaCy's lemmatizer does
            lemma = self.memo.get(key)
            if lemma is None:
                if len(self.memo) >= self.size:
                    self.memo.clear()
                lemma = self.memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i, 0] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("column_lemmatizer", assigns=["token.lemma"])
def make_column_lemmatizer(nlp, name):
    return ColumnLemmatizer(nlp.vocab)
