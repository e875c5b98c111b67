"""build_nlp(): the only place the Language is assembled."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import morph, ner, tokenizer  # noqa: F401  (register factories)
from .extract import EXTRACTORS  # registers the extractor factories
from .models import fix_pymorphy3_unnamed_letters

TOKENIZER = {"@tokenizers": "pipeline.razdel_tokenizer.v1"}


def build_nlp(batch_size: int = 64) -> Language:
    fix_pymorphy3_unnamed_letters()  # before spaCy's lemmatizer makes its analyzer
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("natasha_morph", config={"batch_size": batch_size})
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    lemmatizer.lemmatize = CachedLemmas(lemmatizer.lemmatize)
    nlp.initialize()
    nlp.add_pipe("natasha_ner", config={"batch_size": batch_size})
    for name in EXTRACTORS:
        nlp.add_pipe(name)
    nlp.add_pipe("record_assembler")
    return nlp


class CachedLemmas:
    """spaCy's pymorphy3 lemmatize(token), memoised on all it reads: text, POS and morphology.

    News repeats its words, and each pymorphy3 parse costs more than the lookup. The cache
    is cleared when full, so that memory stays flat over a long run. A class, not a closure:
    the lemmatizer must pickle for nlp.pipe(n_process=2) under spawn.
    """

    def __init__(self, lemmatize, size: int = 100_000):
        self.lemmatize = lemmatize
        self.size = size
        self.cache = {}

    def __call__(self, token):
        key = (token.text, token.pos, token.morph.key)
        lemmas = self.cache.get(key)
        if lemmas is None:
            if len(self.cache) >= self.size:
                self.cache.clear()
            lemmas = self.cache[key] = self.lemmatize(token)
        return lemmas


@lru_cache(maxsize=None)
def shared_nlp() -> Language:
    """One Language per process, for the CLI and tests."""
    return build_nlp()
