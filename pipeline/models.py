"""Model loaders: each model is loaded once per process.

This is the only module that imports natasha. The navec embedding is shared by
the morphology and NER taggers. pymorphy3 is the only analyzer our code calls.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def news_embedding():
    from natasha import NewsEmbedding
    limit_blas_threads()
    return NewsEmbedding()


def limit_blas_threads() -> None:
    """One BLAS thread in this process: slovnet multiplies small matrices, and once spaCy's
    thinc is imported (`thinc.util` is enough) OpenBLAS with 2 threads ran both taggers 5×
    slower than with 1 on our 2-core machine (`make bench`, README). Cores are used by
    processes (`--jobs`, the dask engine), not by BLAS threads."""
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=None)
def morph_tagger():
    from natasha import NewsMorphTagger

    from .taggers import MorphTagger
    return MorphTagger(NewsMorphTagger(news_embedding()))


@lru_cache(maxsize=None)
def ner_tagger():
    from natasha import NewsNERTagger

    from .taggers import NERTagger
    return NERTagger(NewsNERTagger(news_embedding()))


@lru_cache(maxsize=None)
def morph_analyzer():
    import pymorphy3
    fix_pymorphy3_unnamed_letters()
    return MemoParses(pymorphy3.MorphAnalyzer())


class MemoParses:
    """A pymorphy3 MorphAnalyzer whose parse(word) is memoised, the rest passed through.

    The extractors and name normalisation parse the same words again and again (each name
    form, each vocabulary match); a parse depends on the word alone. Each call gets a list
    of its own (the Parse records are immutable named tuples). The memo is cleared when
    full, so that memory stays flat over a long run."""

    def __init__(self, analyzer, size: int = 100_000):
        self.analyzer = analyzer
        self.size = size
        self.parses = {}

    def parse(self, word: str) -> list:
        parses = self.parses.get(word)
        if parses is None:
            if len(self.parses) >= self.size:
                self.parses.clear()
            parses = self.parses[word] = tuple(self.analyzer.parse(word))
        return list(parses)

    def __getattr__(self, name):
        analyzer = self.__dict__.get("analyzer")  # absent while unpickling
        if analyzer is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(analyzer, name)


def fix_pymorphy3_unnamed_letters() -> None:
    """pymorphy3 2.0 tells Latin words by their letters' Unicode names, and raises ValueError
    on a letter that has none in this Python's unicodedata (Tangut ideographs, U+17000 …):
    one such letter made a whole article fail (found by tests/test_fuzz.py). A letter
    without a name is not Latin. Idempotent; every analyzer in the process shares it."""
    import unicodedata

    from pymorphy3 import shapes
    if getattr(shapes.is_latin_char, "fixed", False):
        return

    def is_latin_char(char: str) -> bool:
        return "LATIN" in unicodedata.name(char, "")
    is_latin_char.fixed = True
    shapes.is_latin_char = is_latin_char
