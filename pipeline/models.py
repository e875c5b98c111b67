"""Model loaders: each model is loaded once per process.

This is the only module that imports natasha. The navec embedding is shared by
the morphology and NER taggers. pymorphy3 is the only analyzer our code calls.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def news_embedding():
    from natasha import NewsEmbedding
    return NewsEmbedding()


@lru_cache(maxsize=None)
def morph_tagger():
    from natasha import NewsMorphTagger
    return NewsMorphTagger(news_embedding())


@lru_cache(maxsize=None)
def ner_tagger():
    from natasha import NewsNERTagger
    return NewsNERTagger(news_embedding())


@lru_cache(maxsize=None)
def morph_analyzer():
    import pymorphy3
    return pymorphy3.MorphAnalyzer()
