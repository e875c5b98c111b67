"""Operators of every park a sentence quantifies: `Все три площадки находятся под управлением
АО «Корпорация развития Вологодской области»`, `Управляющей компанией всех дальневосточных ТОР
выступает Корпорация развития Дальнего Востока и Арктики`.

A quantifier (`все`, `оба`) before a park word in the plural, in a sentence with an operator
cue (rules/operator_cues.txt) and one organisation named, makes that organisation the
operator of every park of that kind the article names (of every park for a word of no kind:
`площадки`; of the two named last for `оба`), those that have none yet.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional

from ..records import ORG
from ..vocab import load_set, load_table
from .common import add_evidence, is_counted, word_lemmas
from .operator_objects import keys_in_order
from .park_mentions import GENERIC_KIND_WORDS, GENERIC_REFERENCES, ParkMention, match_kind, name_key
from .parties import sentence_parties
from .party_references import referred_party
from .state_bodies import name_lemmas

ALL = {"весь", "оба", "обе"}
BOTH = {"оба", "обе"}
QUANTIFIED_REACH = 3  # words between the quantifier and the park word: `все три площадки`, `всех дальневосточных ТОР`
NO_KIND = ""


@lru_cache(maxsize=None)
def _same_kinds() -> Dict[str, FrozenSet[str]]:
    """A kind → the kinds that name it too (`ТОР` and `территория опережающего развития`)."""
    same: Dict[str, set] = {}
    for short, full in load_table("park_kind_expansions.tsv", 2):
        for kind in (short, full):
            same.setdefault(kind, {kind}).update({short, full})
    return {kind: frozenset(kinds) for kind, kinds in same.items()}


def _quantified_kind(doc, sent, i: int) -> Optional[str]:
    """The kind of the park word a quantifier at token i counts (NO_KIND for `площадки`,
    `парки`), or None when it counts no park word."""
    j = i + 1
    while j < sent.end and j - i <= QUANTIFIED_REACH:
        kind = match_kind(doc, j)
        if kind is not None:
            return kind[1]
        words = word_lemmas(doc[j]) & (GENERIC_REFERENCES | load_set("operator_park_words.txt"))
        if (doc[j].morph.get("Number") == ["Plur"] or is_counted(doc, j)) and words:  # (`три площадки`: a genitive singular)
            # `обеих зон`: the parks whose kind ends in the word; `площадки`: every park
            return next((word for word in words if word in GENERIC_KIND_WORDS), NO_KIND)
        if doc[j].pos_ not in {"ADJ", "NUM"} and not doc[j].like_num:
            return None
        j += 1
    return None


def attach_quantified_operators(doc, sentences, mentions: List[ParkMention], parks) -> None:
    from .park_operators import find_cue  # park_operators imports the park readers
    park_keys = {m.key for m in mentions}
    for index, sent in enumerate(sentences):
        for token in sent:
            kind = _quantified_kind(doc, sent, token.i) if word_lemmas(token) & ALL else None
            if kind is None or find_cue(doc, sent.start, sent.end) is None and not _runs(sent):
                continue
            orgs = {p.name for p in sentence_parties(doc, sent, set(), False)
                    if p.type == ORG and name_key(p.name) not in park_keys}
            if not orgs:  # `С этой даты агентство становится управляющей компанией всех трёх площадок`
                referred = referred_party(doc, sentences, index, set(), park_keys)
                # (the noun in the name it stands for: `агентство` for АО «Костромское агентство …»)
                headed = referred is not None and bool(word_lemmas(doc[referred.start]) & set(name_lemmas(referred.name)))
                orgs = {referred.name} if headed and name_key(referred.name) not in park_keys else set()
            if len(orgs) != 1:
                continue
            name = orgs.pop()
            counted = [m for m in mentions if _of_kind(parks[m.key].park.kind, m.kind, kind)]
            if word_lemmas(token) & BOTH:  # `Управляет обеими территориями …`: the two named last
                counted = _last_two(counted, sent.end)
            for m in counted:
                park = parks[m.key].park
                # (a builder or a runner of the past gives way: `… строило и вело ООО «Х»` before the handover)
                if park.operator is None or park.operator == name or parks[m.key].operator_former \
                        or parks[m.key].operator_builds:
                    park.operator = name
                    add_evidence(doc, "park", m.start, m.end, "operator", "operator_of_all")


def _runs(sent) -> bool:
    """A finite verb of running a park (rules/operator_verbs.txt: `Все три площадки ведёт …`)."""
    return any(t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Fin"] and word_lemmas(t) & load_set("operator_verbs.txt")
               for t in sent)


def _of_kind(park_kind: Optional[str], mention_kind: Optional[str], kind: str) -> bool:
    if kind == NO_KIND:
        return True
    kinds = _same_kinds().get(kind, frozenset({kind}))
    if kind in GENERIC_KIND_WORDS:  # `зона` → `особая экономическая зона`, ОЭЗ, ТОР (a territory: no)
        kinds = frozenset(k for k in (park_kind, mention_kind) if k and any(
            full.split()[-1] == kind for full in _same_kinds().get(k, frozenset({k}))))
    return park_kind in kinds or mention_kind in kinds


def _last_two(counted: List[ParkMention], before: int) -> List[ParkMention]:
    """The mentions of the last two parks named before token `before`, or of the first two
    after it when fewer come before (`управляющей компанией обеих зон — АО «Х»` in the lead)."""
    keys = keys_in_order(reversed([m for m in counted if m.start < before]))
    if len(keys) < 2:
        keys = keys_in_order(m for m in counted if m.start >= before)
    return [m for m in counted if m.key in keys[:2]]
