"""Cards: a park named alone on its line with its facts on the lines right under it,
as list-heavy summaries write them:

    Промышленная зона «Искра»
    - Расположение: Бердск.
    - Площадь: 48,5 гектара.
    - Резиденты: шесть предприятий.

Every line of the card speaks of the park, however many lines down; the place is read
after a label of rules/park_card_place_labels.txt, or after a preposition of place.
"""
from __future__ import annotations

from ..vocab import load_set
from .common import entities_in, line_end, paragraph_start, word_lemmas
from .place_abbreviations import abbreviated_places

LINE_MARKS = {"-", "—", "–", "•", "*", "·", ".", ")"}  # bullets and `1.` / `1)` numbering


def heads_card(doc, m) -> bool:
    """Whether mention m is alone on its line (a bullet or a place in brackets aside) and a
    line follows it directly, with no blank line between."""
    start, end = paragraph_start(doc, m.start), line_end(doc, m.end)
    before = [t for t in doc[start:m.start] if not t.is_space]
    if any(t.is_alpha and t.pos_ != "ADJ" for t in before):
        return False  # (`Малая промышленная зона «Х»`: a qualifier the kind left out is no text)
    after = [t for t in doc[m.end:end] if not t.is_space]
    if after and (after[0].text != "(" or after[-1].text != ")"):
        return False
    return end < len(doc) and doc[end].text.count("\n") == 1


def in_card(doc, m, i: int) -> bool:
    """Whether token i stands on the lines of the card mention m heads."""
    if i < m.end or not heads_card(doc, m):
        return False
    return not any(t.text.count("\n") > 1 for t in doc[m.end:i] if t.is_space)


HEADING_WORDS = 6  # `Справка: индустриальный парк «Х»`, `Коротко о парке:`: a card's heading line


def _heads_labelled_card(doc, m) -> bool:
    """Whether mention m stands in a short heading line that ends with a colon (`Коротко о
    парке:`) or opens with a label and its colon (`Справка: индустриальный парк «Х»`), with a line
    right under it: a card whose labelled lines (only) speak of the park."""
    start, end = paragraph_start(doc, m.start), line_end(doc, m.end)
    words = [t for t in doc[start:end] if not t.is_space]
    if not words or len([t for t in words if t.is_alpha]) > HEADING_WORDS or end >= len(doc) \
            or doc[end].text.count("\n") != 1:
        return False
    return words[-1].text == ":" or len(words) > 1 and words[1].text == ":" and words[1].i < m.start


def card_place(doc, m):
    """The place a card gives: after a label (`- Расположение: наукоград Кольцово.`, `📍 Кстово`),
    or else the first place after `в`, `на`, `под`, `у` in its lines (`Самый молодой проект в
    списке находится в Суздальском районе`), or None."""
    headed = heads_card(doc, m)
    if not headed and not _heads_labelled_card(doc, m):
        return None
    lines = []
    i = line_end(doc, m.end)
    while i < len(doc) and doc[i].text.count("\n") == 1:
        lines.append(doc[i + 1:line_end(doc, i + 1)])
        i = lines[-1].end
    labels = load_set("park_card_place_labels.txt")
    for line in lines:
        words = [t for t in line if not (t.is_space or t.text in LINE_MARKS)]
        if len(words) > 1 and words[1].text == ":" and word_lemmas(words[0]) & labels:
            # the label itself may be tagged a place (`Расположение`): only what follows the colon
            return _labelled_place(doc, words[1].i + 1, line)
        if len(words) > 1 and not words[0].is_alpha and words[0].text in labels:  # a pictograph needs no colon: `📍 Кстово`
            return _labelled_place(doc, words[0].i + 1, line)
    if not headed:
        return None
    for line in lines:
        for ent in entities_in(line):
            if ent.label_ == "LOC" and _after_place_preposition(doc, ent.start, line.start):
                return ent
    return None


def _labelled_place(doc, start: int, line):
    """The place after a label: the first one the tagger found, or, in an address (`Адрес:
    Брестская область, Пинский район, аг. Ласицк`), its last part, the most specific."""
    bounds = [start] + [t.i + 1 for t in doc[start:line.end] if t.text == ","] + [line.end + 1]
    parts = [(a, b - 1) for a, b in zip(bounds, bounds[1:])]
    if len(parts) > 1:  # an address, broad to narrow: its last part that is no street or house
        parts = [(a, b) for a, b in parts if not _street_part(doc, a, b)][-1:] + parts[:1]
    for a, b in parts:
        place = next(iter(abbreviated_places(doc, a, b)), None) \
            or next((ent for ent in entities_in(line) if ent.label_ == "LOC" and a <= ent.start < b), None) \
            or _capitalised_after(doc, a, b)  # (`Безенчукский р-н`: a district the tagger cut short)
        if place is not None:
            return place
    return None


def _street_part(doc, start: int, end: int) -> bool:
    """`ул. Кленовая`, `Промышленная ул.`, `12`: a part of an address that names a street or a house."""
    words = [t for t in doc[start:end] if not t.is_space]
    return not words or words[0].like_num or any(word_lemmas(t) & load_set("street_nouns.txt") for t in words)


def _capitalised_after(doc, start: int, end: int):
    """`- Где: г. Коканд, …`, `- Где: Кувасай, в 3 км от …`: a town the tagger missed, written
    first after the label, past a place noun (rules/place_nouns.txt) and its dot."""
    i = start
    while i < end and (doc[i].is_space or doc[i].text == "." or word_lemmas(doc[i]) & load_set("place_nouns.txt")):
        i += 1
    first = i
    while i < end and doc[i].text[:1].isupper() and (doc[i].is_alpha or "-" in doc[i].text):
        i += 1
    return doc[first:i] if i > first and (i == end or doc[i].text in {",", ".", ";", "("}) else None


CARD_PREPOSITIONS = {"в", "во", "на", "под", "у", "близ", "вблизи", "около"}  # not `из`: where goods come from


def _after_place_preposition(doc, i: int, floor: int) -> bool:
    """`в Суздальском районе`, `в центре Коврова`, `на окраине Мурома`: a preposition of place,
    a place noun or an adjective between."""
    j = i - 1
    while j > floor and (doc[j].is_space or doc[j].pos_ == "ADJ"
                         or word_lemmas(doc[j]) & load_set("place_nouns.txt")):
        j -= 1
    return j >= floor and doc[j].lower_ in CARD_PREPOSITIONS
