"""column_lemmatizer: spaCy's pymorphy3 lemmatizer for Russian, memoised and written as one column.

spaCy's own component sets `token.lemma_` one token at a time and parses every token
again. This one reads each doc's ORTH, POS and MORPH columns (all that the pymorphy3
lemmatizer looks at), asks spaCy's RussianLemmatizer only about keys it has not seen, and
writes the LEMMA column with one `Doc.from_array`. The lemmas are spaCy's own.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.ru.lemmatizer import RussianLemmatizer, oc2ud
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
                lemma = self.memo[key] = strings.add(self._lemma(doc[i]))
            lemmas[i, 0] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def _lemma(self, token) -> str:
        """spaCy's lemma, or where spaCy gives the word itself back: for a verb whose tagged
        aspect or tense no dictionary reading shares, the first known verb reading's (`скрепил`
        tagged imperfective → скрепить); for a word the dictionary knows in no reading of the
        tagged part of speech, its first known reading's (`скрепил` tagged a noun)."""
        lemma = self.lemmatizer.lemmatize(token)[0]
        if lemma != token.lower_ or token.pos_ not in OPEN_CLASSES:
            return lemma
        parses = [p for p in self.lemmatizer._morph.parse(token.text) if p.is_known]
        if any(p.normal_form == lemma for p in parses):
            return lemma  # the word is a lemma of its own (most nominatives): nothing to mend
        known = [(p, oc2ud(str(p.tag))[0]) for p in parses]
        same = [p for p, pos in known if OPEN_CLASSES[pos] == OPEN_CLASSES[token.pos_]] if all(
            pos in OPEN_CLASSES for _, pos in known) else None
        if same is None:
            return lemma  # a pronoun, number or particle reading: the tagger may be right
        if token.pos_ == "VERB" and same:
            return same[0].normal_form
        return known[0][0].normal_form if known and not same else lemma


OPEN_CLASSES = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "ADJ": "ADJ"}


@Language.factory("column_lemmatizer", assigns=["token.lemma"])
def make_column_lemmatizer(nlp, name):
    return ColumnLemmatizer(nlp.vocab)
