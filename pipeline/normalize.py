"""Names and phrases to the nominative, quotes and legal forms stripped.

Works on spaCy tokens carrying natasha's POS and morphology; inflection is
pymorphy3's. Capitalisation follows the word as written (shape recovery, as
natasha's norm.py does).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from .models import morph_analyzer
from .vocab import load_list

# UD case → OpenCorpora grammemes that may stand for it
CASE_GRAMMEMES = {
    "Nom": {"nomn"}, "Gen": {"gent", "gen2"}, "Dat": {"datv"}, "Acc": {"accs"},
    "Ins": {"ablt"}, "Loc": {"loct", "loc2"}, "Voc": {"voct"},
}
# UD POS → OpenCorpora POS of the parses that may stand for it
POS_CLASSES = {
    "NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "PRTF"},
    "DET": {"ADJF", "NPRO"}, "NUM": {"ADJF", "NUMR"}, "VERB": {"PRTF"},
}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
QUOTES = "«»\"„“”‘’'`"
OUTER_PUNCTUATION = QUOTES + " \t\n.,;:!?—–-()[]"


def match_shape(word: str, template: str) -> str:
    """`word` written with the capitalisation of `template`, part by hyphenated part."""
    parts = word.split("-")
    shapes = template.split("-")
    if len(parts) != len(shapes):
        shapes = [template] * len(parts)
    return "-".join(_shape_one(part, shape) for part, shape in zip(parts, shapes))


def _shape_one(word: str, template: str) -> str:
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word.lower()


def _parse_for(text: str, pos: str, case: Optional[str], names: bool = False):
    """The pymorphy3 parse that agrees with the tagger's POS and case."""
    parses = morph_analyzer().parse(text)
    classes = POS_CLASSES.get(pos)
    wanted_case = CASE_GRAMMEMES.get(case or "", set())

    def fits(parse, by_case=True, by_name=True):
        if classes and parse.tag.POS not in classes or "Apro" in parse.tag.grammemes:
            return False  # never a pronoun: «Кама-Тех» is not a form of «тот»
        if by_case and wanted_case and not (wanted_case & parse.tag.grammemes):
            return False
        return not (by_name and names) or bool(NAME_GRAMMEMES & parse.tag.grammemes)

    for by_name, by_case in ((True, True), (False, True), (True, False), (False, False)):
        for parse in parses:
            if fits(parse, by_case, by_name):
                return parse
    return None


def inflect_word(text: str, pos: str, case: Optional[str], number: Optional[str] = None,
                 gender: Optional[str] = None, names: bool = False) -> str:
    """`text` in the nominative, keeping its number (and taking `gender` for adjectives)."""
    if case == "Nom" or not _is_cyrillic(text) or (len(text) > 1 and text.isupper()):
        return text  # acronyms (КРДВ, ОЭЗ) do not decline
    parse = _parse_for(text, pos, case, names)
    if parse is None:
        return text
    target = {"nomn"}
    if "plur" in parse.tag.grammemes or number == "Plur":
        target.add("plur")
    elif gender in GENDERS and parse.tag.POS in {"ADJF", "PRTF"}:
        target.add(GENDERS[gender])
    inflected = parse.inflect(target) or parse.inflect({"nomn"})
    return match_shape(inflected.word, text) if inflected else text


def _is_cyrillic(text: str) -> bool:
    return any("а" <= char.lower() <= "я" or char in "ёЁ" for char in text)


def _morph(token, key: str) -> Optional[str]:
    values = token.morph.get(key)
    return values[0] if values else None


def _join(words: Sequence[str], tokens) -> str:
    return "".join(word + token.whitespace_ for word, token in zip(words, tokens)).strip()


def phrase_nominative(tokens) -> str:
    """A noun phrase in the nominative: modifiers agree with the head, the rest as written.

    «Камского индустриального парка» → «Камский индустриальный парк»,
    «заместителя губернатора Краснодарского края» → «заместитель губернатора Краснодарского края».
    """
    tokens = [token for token in tokens if not token.is_space]
    head = next((i for i, token in enumerate(tokens) if token.pos_ in {"NOUN", "PROPN"}), None)
    if head is None:
        return _join([token.text for token in tokens], tokens)
    head_token = tokens[head]
    number, gender = _morph(head_token, "Number"), _morph(head_token, "Gender")
    words = []
    for i, token in enumerate(tokens):
        if i < head and token.pos_ in {"ADJ", "DET", "NUM", "VERB", "PROPN"}:
            words.append(inflect_word(token.text, token.pos_, _morph(token, "Case"), number, gender))
        elif i == head:
            words.append(inflect_word(token.text, token.pos_, _morph(token, "Case"), number))
        else:
            words.append(token.text)
    return _join(words, tokens)


def person_name(tokens) -> str:
    """A person's name in the nominative, word by word (Руппеля → Руппель)."""
    tokens = [token for token in tokens if not token.is_space]
    words = []
    for token in tokens:
        if token.is_punct or not token.text[:1].isupper():
            words.append(token.text)
            continue
        pos = "PROPN" if token.pos_ not in {"NOUN", "PROPN", "ADJ"} else token.pos_
        words.append(inflect_word(token.text, pos, _morph(token, "Case"), "Sing", names=True))
    return _join(words, tokens)


def strip_quotes(text: str) -> str:
    """Quotes removed, outer punctuation stripped, white space collapsed."""
    cleaned = "".join(char for char in text if char not in QUOTES)
    return " ".join(cleaned.split()).strip(OUTER_PUNCTUATION)


@lru_cache(maxsize=None)
def legal_forms() -> frozenset:
    return frozenset(form.lower() for form in load_list("legal_forms.txt"))


def strip_legal_form(text: str) -> str:
    """«АО «Технополис «Химград»» → «Технополис «Химград»»: legal forms at either end dropped.

    Multi-word forms count too: `Акционерное общество «Х»`, `Fratelli Conti Srl`.
    """
    words = text.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for form in legal_forms():
            size = len(form.split())
            if size < len(words) and " ".join(w.strip(QUOTES) for w in words[:size]).lower() == form:
                words, changed = words[size:], True
            elif size < len(words) and " ".join(w.strip(QUOTES + ",") for w in words[-size:]).lower() == form:
                words, changed = words[:-size], True
    return " ".join(words)


def is_legal_form(word: str) -> bool:
    return word.strip(QUOTES).lower() in legal_forms()
