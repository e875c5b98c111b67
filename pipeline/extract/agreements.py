"""agreement_extractor: signed agreements with their kind, parties and sum.

An agreement is a singular agreement noun (rules/agreement_kinds.tsv) whose
parties are named in its sentence, or, when the sentence names none, in the
sentence before it (`…подписали соглашение на 2 млрд рублей` after the parties
were introduced) or after it (`Второе соглашение предусматривает… Кооперацию
наладят «ПромАгроТехнологии»…`). Plural nouns (`18 соглашений`) are totals and
belong to contracts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from spacy.language import Language

from ..records import Agreement, Money, Signatory, to_dict
from ..vocab import load_table
from .common import add_evidence, sentence_quantities
from .money import deal_money
from .parties import Party, lemma_set, sentence_parties


@dataclass
class AgreementMention:
    start: int
    end: int
    kind: str
    parties: List[Party] = field(default_factory=list)
    sum: Optional[Money] = None


@lru_cache(maxsize=None)
def kind_table() -> Dict[Tuple[str, ...], str]:
    return {tuple(words.split()): kind for words, kind in load_table("agreement_kinds.tsv", 2)}


def match_agreement(doc, i: int) -> Optional[Tuple[int, str]]:
    best = None
    for words, kind in kind_table().items():
        end = i + len(words)
        if end <= len(doc) and [t.lemma_.lower() for t in doc[i:end]] == list(words):
            if best is None or end > best[0]:
                best = (end, kind)
    if best and doc[i].morph.get("Number") == ["Plur"]:
        return None
    return best


def _park_tokens(doc) -> set:
    spans = doc.spans["park"] if "park" in doc.spans else []
    return {i for span in spans if span.label_ in {"name", "operator"} for i in range(span.start, span.end)}


def _has_sign_verb(sent) -> bool:
    return any(t.lemma_.lower() in lemma_set("sign_verbs.txt") for t in sent)


class AgreementExtractor:
    def __call__(self, doc):
        parks = _park_tokens(doc)
        sentences = list(doc.sents)
        found: List[AgreementMention] = []
        for index, sent in enumerate(sentences):
            mentions = _sentence_mentions(doc, sent)
            if not mentions:
                continue
            sign = _has_sign_verb(sent)
            parties = sentence_parties(doc, sent, parks, sign)
            if not parties:
                parties = _parties_nearby(doc, sentences, index, parks, sign)
            _share_parties(mentions, parties)
            _read_sums(doc, sent, mentions)
            found.extend(m for m in mentions if m.parties)
        doc._.agreements = [to_dict(a) for a in _merge(doc, found)]
        return doc


def _sentence_mentions(doc, sent) -> List[AgreementMention]:
    mentions, i = [], sent.start
    while i < sent.end:
        match = match_agreement(doc, i)
        if match:
            mentions.append(AgreementMention(i, match[0], match[1]))
            i = match[0]
        else:
            i += 1
    return mentions


def _parties_nearby(doc, sentences, index: int, parks: set, sign: bool) -> List[Party]:
    order = (index - 1, index + 1) if sign else (index + 1, index - 1)
    for other in order:
        if 0 <= other < len(sentences) and not _sentence_mentions(doc, sentences[other]):
            parties = sentence_parties(doc, sentences[other], parks, _has_sign_verb(sentences[other]))
            if parties:
                return parties
    return []


def _share_parties(mentions: List[AgreementMention], parties: List[Party]) -> None:
    """Each party goes to the agreement mention nearest to it in the sentence."""
    for party in parties:
        nearest = min(mentions, key=lambda m: _distance(m, party))
        nearest.parties.append(party)


def _distance(m: AgreementMention, party: Party) -> int:
    if party.start >= m.end:
        return party.start - m.end
    return (m.start - party.end) * 2  # parties before the noun are subjects: `X и Y подписали`


def _read_sums(doc, sent, mentions: List[AgreementMention]) -> None:
    for quantity, span in sentence_quantities(sent):
        owner = [m for m in mentions if m.end <= span.start and span.start - m.end <= 12]
        if not owner:
            continue
        money = deal_money(doc, quantity, span)
        if money is not None and owner[-1].sum is None:
            owner[-1].sum = money
            add_evidence(doc, "agreement", span.start, span.end, "sum", "money_after_agreement")


def _merge(doc, found: List[AgreementMention]) -> List[Agreement]:
    """One agreement per kind and set of parties; a subset of known parties is the same one."""
    agreements: List[Agreement] = []
    for m in found:
        names = {p.name.lower() for p in m.parties}
        same = next((a for a in agreements if a.kind == m.kind and _overlaps(a, names)), None)
        if same is None:
            same = Agreement(kind=m.kind)
            agreements.append(same)
        known = {s.name.lower() for s in same.signatories}
        same.signatories += [Signatory(p.name, p.type) for p in _unique(m.parties) if p.name.lower() not in known]
        same.sum = same.sum or m.sum
        same.mentions.append((doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])))
        add_evidence(doc, "agreement", m.start, m.end, "kind", "agreement_noun")
    return agreements


def _overlaps(agreement: Agreement, names: set) -> bool:
    known = {s.name.lower() for s in agreement.signatories}
    return bool(known) and (names <= known or known <= names)


def _unique(parties: List[Party]) -> List[Party]:
    seen, unique = set(), []
    for party in parties:
        if party.name.lower() not in seen:
            seen.add(party.name.lower())
            unique.append(party)
    return unique


@Language.factory("agreement_extractor", assigns=["doc._.agreements", "doc.spans"],
                  requires=["doc.ents", "doc._.parks"])
def make_agreement_extractor(nlp, name):
    return AgreementExtractor()
