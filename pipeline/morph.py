"""natasha_morph: natasha's NewsMorphTagger sets token.pos_ and token.morph.

Sentences from a whole batch of docs go through the tagger together.
"""
from __future__ import annotations

from spacy.language import Language

from .batching import BatchedComponent
from .models import morph_tagger


def word_sentences(doc):
    """Non-space tokens of each sentence: the unit natasha's taggers work on."""
    for sent in doc.sents:
        tokens = [token for token in sent if not token.is_space]
        if tokens:
            yield tokens


class NatashaMorph(BatchedComponent):
    def process(self, docs):
        sentences = [tokens for doc in docs for tokens in word_sentences(doc)]
        tagged = morph_tagger().tag([[token.text for token in tokens] for tokens in sentences])
        for tokens, tags in zip(sentences, tagged):
            for token, (pos, feats) in zip(tokens, tags):
                token.pos_ = pos
                token.set_morph(feats)
        for doc in docs:
            for token in doc:
                if token.is_space:
                    token.pos_ = "SPACE"
        return docs


@Language.factory("natasha_morph", assigns=["token.pos", "token.morph"])
def make_natasha_morph(nlp, name, batch_size: int = 64):
    return NatashaMorph(batch_size)
