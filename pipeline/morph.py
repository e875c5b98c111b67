"""natasha_morph: natasha's NewsMorphTagger sets token.pos_ and token.morph.

Sentences from a whole batch of docs go through the tagger together. The tagger reads a
capitalised verb opening a sentence as a name now and then (`Подписали 14 соглашений …` →
PROPN, Case=Gen); such a sentence is tagged again with that word in lower case, when the
dictionary knows the word only as a verb form. A verb after a personal pronoun read as an
adverb (`Мы управляем четырьмя парками`) is the verb the dictionary knows for that person.
"""
from __future__ import annotations

from spacy.attrs import IS_SPACE, MORPH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS

from .batching import BatchedComponent
from .models import morph_analyzer, morph_tagger

SPACE = POS_IDS["SPACE"]
VERB_FORMS = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}  # pymorphy's parts of speech of a verb


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
        words_of = [words for _, _, words in sentences]
        tagged = _verbs_opening_retagged(words_of, [_verbs_after_pronouns(words, tags) for words, tags
                                                    in zip(words_of, morph_tagger().tag(words_of))])
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


def _verbs_opening_retagged(sentences, tagged):
    """The (pos, feats) of each word of each sentence, but a sentence the tagger opened with a
    verb read as a name tagged once more with the verb in lower case, the verb taking that tag."""
    tagged = list(tagged)
    again = [k for k, (words, tags) in enumerate(zip(sentences, tagged))
             if tags and tags[0][0] == "PROPN" and _only_verb(words[0])]
    if again:
        retagged = morph_tagger().tag([[sentences[k][0].lower()] + sentences[k][1:] for k in again])
        for k, tags in zip(again, retagged):
            tagged[k] = [tags[0]] + list(tagged[k][1:])
    return tagged


PERSONS = {"я": ("1per", "sing"), "ты": ("2per", "sing"), "мы": ("1per", "plur"), "вы": ("2per", "plur")}
UD_VERB_FEATURES = {"impf": "Aspect=Imp", "perf": "Aspect=Perf", "sing": "Number=Sing", "plur": "Number=Plur",
                    "1per": "Person=1", "2per": "Person=2", "pres": "Tense=Pres", "futr": "Tense=Fut"}


def _verbs_after_pronouns(words, tags):
    """`Мы управляем четырьмя парками`, `технопарком управляем мы`: the tagger reads a verb next
    to a personal pronoun as an adverb or a noun now and then; a word the dictionary knows as
    that person's verb and never as an adverb is the verb (its features from the dictionary's
    reading)."""
    tags = list(tags)
    for k in range(len(words)):
        # (the pronoun before the verb, or right after it: `технопарком управляем мы`)
        pronoun = next((j for j in (k - 1, k + 1) if 0 <= j < len(words) and tags[j][0] == "PRON"
                        and words[j].lower() in PERSONS), None)
        person = PERSONS.get(words[pronoun].lower()) if pronoun is not None else None
        if person is None or tags[k][0] not in {"ADV", "ADJ", "NOUN", "PROPN"}:
            continue
        parses = morph_analyzer().parse(words[k].lower())
        verb = next((p for p in parses if p.tag.POS == "VERB" and set(person) <= p.tag.grammemes), None)
        if verb is not None and not any(p.tag.POS == "ADVB" for p in parses):
            feats = sorted(["Mood=Ind", "VerbForm=Fin"]
                           + [UD_VERB_FEATURES[g] for g in verb.tag.grammemes if g in UD_VERB_FEATURES])
            tags[k] = ("VERB", "|".join(feats))
    return tags


def _only_verb(word: str) -> bool:
    """A capitalised word the dictionary knows only as a verb form (`Подписали`)."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    parses = morph_analyzer().parse(word.lower())
    return bool(parses) and all(p.tag.POS in VERB_FORMS for p in parses)


@Language.factory("natasha_morph", assigns=["token.pos", "token.morph"])
def make_natasha_morph(nlp, name, batch_size: int = 64):
    return NatashaMorph(batch_size)
