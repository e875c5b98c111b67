"""natasha_morph: natasha's NewsMorphTagger sets token.pos_ and token.morph.

Sentences from a whole batch of docs go through the tagger together.
"""
from __future__ import annotations

from spacy.attrs import IS_SPACE, MORPH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS

from .batching import BatchedComponent
from .models import morph_tagger

SPACE = POS_IDS["SPACE"]


def word_sentences(doc):
    """(token indexes, texts) of the non-space tokens of each sentence: the unit natasha's
    taggers work on."""
    texts = [token.text for token in doc]
    is_space = doc.to_array(IS_SPACE).tolist()
    for sent in doc.sents:
        indexes = [i for i in range(sent.start, sent.end) if not is_space[i]]
        if indexes:
            yield indexes, [texts[i] for i in indexes]


class NatashaMorph(BatchedComponent):
    """Tags go into each doc at once, as its POS and MORPH columns (Doc.from_array): the
    same values as token.pos_ and token.set_morph() set one token at a time."""

    def process(self, docs):
        sentences = [(doc, indexes, words) for doc in docs for indexes, words in word_sentences(doc)]
        tagged = morph_tagger().tag([words for _, _, words in sentences])
        values = {id(doc): ([], [], []) for doc in docs}  # token indexes, POS ids, MORPH keys
        morph_keys = {None: 0}
        for (doc, indexes, _), tags in zip(sentences, tagged):
            token_indexes, pos_ids, keys = values[id(doc)]
            for i, (pos, feats) in zip(indexes, tags):
                key = morph_keys.get(feats)
                if key is None:
                    key = morph_keys[feats] = doc.vocab.morphology.add(feats)
                token_indexes.append(i)
                pos_ids.append(POS_IDS[pos])
                keys.append(key)
        for doc in docs:
            column = doc.to_array([POS, MORPH])
            token_indexes, pos_ids, keys = values[id(doc)]
            column[token_indexes, 0] = pos_ids
            column[token_indexes, 1] = keys
            column[doc.to_array(IS_SPACE).astype(bool), 0] = SPACE
            doc.from_array([POS, MORPH], column)
        return docs


@Language.factory("natasha_morph", assigns=["token.pos", "token.morph"])
def make_natasha_morph(nlp, name, batch_size: int = 64):
    return NatashaMorph(batch_size)
