"""razdel tokenizer for spaCy: the Doc's text is the input text, byte for byte.

Tokens are razdel tokens; a gap of exactly one space becomes the previous
token's trailing space, any other gap (newlines, several spaces, tabs) becomes
a whitespace token of its own. Sentence starts come from razdel's sentenize,
except inside «…», and every line break also starts a sentence (titles and
paragraphs carry no final full stop in news files).
"""
from __future__ import annotations

from functools import lru_cache
from typing import List

import numpy
from razdel import sentenize, tokenize
from spacy.attrs import SENT_START
from spacy.tokens import Doc
from spacy.util import registry

from .models import morph_analyzer
from .normalize import is_cyrillic
from .vocab import load_list, load_set


def split_words(text: str):
    """(words, spaces) for spaCy's Doc, covering `text` exactly."""
    words: List[str] = []
    spaces: List[bool] = []
    position = 0
    for token in _with_domain_names(list(tokenize(text)), text):
        _add_gap(words, spaces, text[position:token.start])
        words.append(token.text)
        spaces.append(False)
        position = token.stop
    _add_gap(words, spaces, text[position:])
    return words, spaces


DOMAIN = "РФ"  # `ВЭБ.РФ`, `ДОМ.РФ`: a name written as a web domain


def _with_domain_names(tokens, text: str):
    """razdel tokens with `ВЭБ`, `.`, `РФ` written without spaces joined into one (`ВЭБ.РФ`)."""
    joined = []
    k = 0
    while k < len(tokens):
        if k + 2 < len(tokens) and tokens[k + 1].text == "." and tokens[k + 2].text == DOMAIN \
                and tokens[k].stop == tokens[k + 1].start and tokens[k + 1].stop == tokens[k + 2].start \
                and tokens[k].text[:1].isupper():
            start, stop = tokens[k].start, tokens[k + 2].stop
            joined.append(type(tokens[k])(start, stop, text[start:stop]))
            k += 3
            continue
        joined.append(tokens[k])
        k += 1
    return joined


def _add_gap(words, spaces, gap):
    if not gap:
        return
    if gap == " " and words and not words[-1].isspace():
        spaces[-1] = True
        return
    words.append(gap)
    spaces.append(False)


def sentence_starts(text: str) -> set:
    """Character offsets where sentences start.

    razdel's sentences, except inside «…» (`на выставке «ИННОПРОМ. Центральная Азия»`
    is one sentence) or before a lower-case word (`16,5 тыс. кв. м объединяет`), plus
    every line start.
    """
    inside = _inside_guillemets(text)
    starts = {s.start for s in sentenize(text)
              if not inside[s.start] and not text[s.start:s.start + 1].islower() and not _opens_with_legal_form(text, s.start)
              and not _name_after_titled_company(text, s.start) and not _bracket_after_legal_form(text, s.start)}
    starts.update(index + 1 for index, char in enumerate(text) if char == "\n")
    return starts


def _opens_with_legal_form(text: str, start: int) -> bool:
    """`Shakti Metalworks Pvt. Ltd.`: razdel ends a sentence at `Pvt.`; no sentence opens with a
    Latin legal form (rules/legal_forms.txt)."""
    word = text[start:start + 12].split(" ", 1)[0].rstrip(".,").lower()
    return bool(word) and word.isascii() and word in _latin_legal_forms()


def _bracket_after_legal_form(text: str, start: int) -> bool:
    """`Anhui Jinhe Building Materials Co., Ltd. (Китай) — …`: razdel ends a sentence at `Ltd.`; no
    sentence opens with a bracket right after a Latin legal form (but for a quoted Russian name in
    it, `Co., Ltd. («Шаньдун Хуажуй Компрессор»)`, which the tagger reads apart best)."""
    if not text.startswith("(", start) or text.startswith(("(«", "(\""), start):
        return False
    return _after_latin_legal_form(text, start)


def _after_latin_legal_form(text: str, start: int) -> bool:
    """The last word before `start` is a Latin legal form (rules/legal_forms.txt): `Co., Ltd.`."""
    last = text[max(0, start - LEGAL_FORM_WINDOW):start].rstrip().rstrip(".").split()[-1:]
    return bool(last) and last[0].rstrip(".,").lower() in _latin_legal_forms()


LEGAL_FORM_WINDOW = 16  # characters before a sentence start where a legal form is looked for
NAME_WINDOW = 200  # characters read on each side of a sentence start after a legal form
TITLE_REACH = 4  # Cyrillic words before a Latin name in which a position's head is looked for


def _name_after_titled_company(text: str, start: int) -> bool:
    """`… председатель правления китайской Hebei Huayu Co., Ltd. Чжан Вэйминь подписали …`: razdel
    ends a sentence at the legal form closing a foreign company's name; not when a position
    (rules/positions.txt) comes just before the name and a person's name (two capitalised
    Cyrillic words) just after it (the sentence start at `start`)."""
    if not _after_latin_legal_form(text, start):
        return False  # (most starts: read no further)
    words = text[max(0, start - NAME_WINDOW):start].rstrip().rstrip(".").split()
    name = [word.strip(".,;:!?»") for word in text[start:start + NAME_WINDOW].split()[:2]]
    if len(name) < 2 or not all(w[:1].isupper() and is_cyrillic(w) and w.isalpha() for w in name):
        return False
    while words and words[-1].isascii():
        words.pop()  # the company's Latin name and legal forms
    analyzer = morph_analyzer()
    return any(analyzer.parse(word.lower())[0].normal_form in load_set("positions.txt")
               for word in words[-TITLE_REACH:])


@lru_cache(maxsize=None)
def _latin_legal_forms() -> frozenset:
    return frozenset(form.rstrip(".").lower() for form in load_list("legal_forms.txt") if form.isascii())


def _inside_guillemets(text: str) -> List[bool]:
    """For each offset: is it inside an open «…» on its line."""
    inside, depth = [], 0
    for char in text:
        inside.append(depth > 0)
        if char == "«":
            depth += 1
        elif char == "»" and depth:
            depth -= 1
        elif char == "\n":
            depth = 0
    inside.append(False)
    return inside


class RazdelTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = split_words(text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if words:  # as token.is_sent_start = True / False: 1 / -1 (Doc(sent_starts=…) is slower)
            flags = sentence_flags(words, spaces, sentence_starts(text))
            doc.from_array([SENT_START], numpy.array([1 if flag else -1 for flag in flags]).astype(numpy.uint64))
        return doc

    # spaCy serialisation hooks: the tokenizer has no state of its own
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        pass

    def from_disk(self, path, **kwargs):
        return self


def sentence_flags(words: List[str], spaces: List[bool], starts: set) -> List[bool]:
    """token.is_sent_start of each word, given to the Doc as it is made: a word token starts
    a sentence after a line break, at a start in `starts`, or first; a whitespace token
    only if first."""
    flags: List[bool] = []
    pending = True  # the next word token starts a sentence
    offset = 0
    for i, (word, space) in enumerate(zip(words, spaces)):
        if word.isspace():  # spaCy's token.is_space
            flags.append(i == 0)
            pending = pending or "\n" in word
        else:
            flags.append(pending or offset in starts or i == 0)
            pending = False
        offset += len(word) + space
    return flags


@registry.tokenizers("pipeline.razdel_tokenizer.v1")
def create_razdel_tokenizer():
    def make(nlp):
        return RazdelTokenizer(nlp.vocab)
    return make
