"""build_nlp(): the only place the Language is assembled."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import lemmatizer, morph, ner, tokenizer  # noqa: F401  (register factories)
from .extract import EXTRACTORS  # registers the extractor factories
from .models import fix_pymorphy3_unnamed_letters

TOKENIZER = {"@tokenizers": "pipeline.razdel_tokenizer.v1"}


def build_nlp(batch_size: int = 64) -> Language:
    fix_pymorphy3_unnamed_letters()  # before spaCy's lemmatizer makes its analyzer
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": TOKENIZER}})
    nlp.add_pipe("natasha_morph", config={"batch_size": batch_size})
    nlp.add_pipe("column_lemmatizer")
    nlp.initialize()
    nlp.add_pipe("natasha_ner", config={"batch_size": batch_size})
    for name in EXTRACTORS:
        nlp.add_pipe(name)
    nlp.add_pipe("record_assembler")
    return nlp


@lru_cache(maxsize=None)
def shared_nlp() -> Language:
    """One Language per process, for the CLI and tests."""
    return build_nlp()
