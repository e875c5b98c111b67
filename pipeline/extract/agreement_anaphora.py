"""Agreements spoken of again or anew: `Соглашение на 2,3 млрд рублей подписал …` opening a
sentence after `Первое соглашение заключено с «Х»` is the same agreement; `Второй документ — с
немецкой Krauss …` is a new one, of the kind the article has been listing.

An agreement noun opening its sentence (or after `этот`, `данный`) with no ordinal before it
(rules/agreement_ordinals.txt) speaks of the last agreement of its kind; `документ` or
`партнёр` after an ordinal names a new agreement.
"""
from __future__ import annotations

from ..vocab import load_set
from .common import ONE, word_lemmas

DEMONSTRATIVES = {"этот", "данный", "указанный", "подписанный", "соответствующий"}  # `Соответствующее соглашение`
DOCUMENT = "документ"
COPULAS = {"стать", "быть", "являться"}


def _word_before(doc, i: int, floor: int):
    i -= 1
    while i >= floor and (doc[i].is_space or doc[i].pos_ == "ADJ" and not _is_ordinal(doc[i])):
        i -= 1
    return doc[i] if i >= floor else None


def _is_ordinal(token) -> bool:
    """`Второй`, `ещё`, and `один` after `ещё` (`Ещё один документ заключён …`)."""
    if word_lemmas(token) & load_set("agreement_ordinals.txt"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.lemma_.lower() in ONE and before is not None and bool(word_lemmas(before) & MORE)


MORE = {"ещё", "еще"}
THE_REST = {"остальной", "остальные", "прочий", "прочие"}  # `Остальные документы …`: those not told yet


def is_anaphoric(doc, sent, start: int) -> bool:
    """`Соглашение на 2,3 млрд рублей подписал …`: the noun opens its sentence, no ordinal."""
    before = [t for t in doc[sent.start:start] if not t.is_space]
    if any(_is_ordinal(t) for t in before):
        return False
    if len(before) >= 3 and opens_with_side(before) and len(before) <= SIDE_REACH:
        return True  # `Со стороны холдинга соглашение подписала …`
    if len(before) == 2 and before[0].lower_ == FROM and before[1].pos_ in {"NOUN", "PROPN"} \
            and before[1].morph.get("Case") == ["Gen"]:
        return True  # `От завода соглашение подписал управляющий директор …`
    return not before or all(word_lemmas(t) & DEMONSTRATIVES for t in before)


SIDE_OPENERS = (["со", "стороны"], ["от", "имени"])
FROM = "от"
SIDE_REACH = 6  # `со стороны китайской корпорации` and the like before the noun


def opens_with_side(words) -> bool:
    """`Со стороны корпорации …`, `От имени правительства …`: words (no blanks) opening with a side."""
    return [t.lower_ for t in words[:2]] in SIDE_OPENERS


def is_new_document(doc, sent, i: int) -> bool:
    """`Второй документ — с немецкой Krauss …`, `Вторым партнером корпорации стало АО «Y»`: a new
    agreement named by a noun of rules/new_agreement_nouns.txt after an ordinal."""
    if doc[i].lemma_.lower() not in load_set("new_agreement_nouns.txt") or doc[i].morph.get("Number") == ["Plur"]:
        return False  # `пятёрка крупнейших торговых партнёров`: many, no agreement
    before = _word_before(doc, i, sent.start)
    if before is not None and before.lemma_.lower() in COPULAS:
        before = _word_before(doc, before.i, sent.start)  # `Крупнейшим стал документ о …`
    return before is not None and _is_ordinal(before)


def is_governed_reference(doc, sent, start: int) -> bool:
    """`Сумма соглашения не раскрывается`, `по условиям договора`: an agreement noun in the
    genitive after a common noun speaks of an agreement, it names none."""
    before = _word_before(doc, start, sent.start)
    return before is not None and before.pos_ == "NOUN" \
        and doc[start].morph.get("Case") == ["Gen"] and not _is_ordinal(before)
