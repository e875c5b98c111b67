"""Sides told by their role in the deal after the agreement is named: `Правительство области
заключило концессионное соглашение … Концессионером стало ООО «Х»`, `Контракт получило ООО «Y».
Заказчиком выступает АО «Z»`, `Арендодателем в обоих случаях выступило ООО «W»`, `Подписали
трёхсторонний меморандум. Наши партнёры — университет и компания «V»`.

A role noun of rules/deal_role_nouns.txt in the instrumental, a copula (rules/operator_copulas.txt)
and an organisation make that organisation a side of the agreement just told.
"""
from __future__ import annotations

from typing import List, Optional

from ..records import PER
from ..vocab import load_set
from .common import POSSESSIVES, word_lemmas
from .parties import Party, sentence_parties

ROLE_REACH = 4  # words between the role noun and the copula (`Арендодателем в обоих случаях выступило`)
BOTH = {"оба", "обоих", "обоим", "обе"}  # `в обоих случаях`: the two agreements told last


PARTNERS = "партнёр"  # `Наши партнёры — Череповецкий государственный университет и компания «Х»`


def role_parties(doc, sent, places: set) -> List[Party]:
    """The organisations a sentence names by their role in the deal: one after a role noun and a
    copula, or all after `партнёры` and a dash."""
    listed = _listed_partners(doc, sent, places) or _listed_sides(doc, sent, places)
    if listed:
        return listed
    party = _role_party(doc, sent, places)
    return [party] if party is not None else []


def _listed_partners(doc, sent, places: set) -> List[Party]:
    for token in sent:
        if token.lemma_.lower().replace("ё", "е") != PARTNERS.replace("ё", "е") or token.morph.get("Case") != ["Nom"] \
                or token.morph.get("Number") != ["Plur"]:
            continue  # (not `Ещё один иностранный партнёр — …`: a new one introduced)
        dash = next((t for t in doc[token.i + 1:min(sent.end, token.i + 3)] if not t.is_space), None)
        if dash is not None and dash.text in {"—", "–"}:
            return [p for p in sentence_parties(doc, sent, places, False) if p.start > dash.i and p.type != PER]
    return []


SIDES = "сторона"  # `Сторонами документа выступили администрация округа в лице главы …, ООО «Х» в лице …`


def _listed_sides(doc, sent, places: set) -> List[Party]:
    """Every party (signers `в лице` too) after `Сторонами (документа) выступили`."""
    for token in sent:
        if token.lemma_.lower() != SIDES or token.morph.get("Case") != ["Ins"] or token.morph.get("Number") != ["Plur"]:
            continue
        copula = next((t for t in doc[token.i + 1:min(sent.end, token.i + 1 + ROLE_REACH)]
                       if t.lemma_.lower() in load_set("operator_copulas.txt")), None)
        if copula is not None:
            return [p for p in sentence_parties(doc, sent, places, True) if p.start > copula.i]
    return []


def _role_party(doc, sent, places: set) -> Optional[Party]:
    """The organisation a sentence names by its role in the deal, or None."""
    for token in sent:
        if token.morph.get("Case") != ["Ins"] or not word_lemmas(token) & load_set("deal_role_nouns.txt"):
            continue
        if token.i > sent.start and doc[token.i - 1].lower_ in POSSESSIVES:
            continue  # `Его поставщиком выступает ООО «Х»`: a role toward a company, not in the deal
        copula = next((t for t in doc[token.i + 1:min(sent.end, token.i + 1 + ROLE_REACH)]
                       if t.lemma_.lower() in load_set("operator_copulas.txt")), None)
        if copula is None:
            continue
        after = [p for p in sentence_parties(doc, sent, places, False) if p.start > copula.i and p.type != PER]
        return after[0] if after else None
    return None


def role_count(sent) -> int:
    """How many of the agreements told last the role speaks of: two for `в обоих случаях`."""
    return 2 if any(t.lower_ in BOTH for t in sent) else 1


def add_role_parties(agreements: List, parties: List[Party], same_party) -> bool:
    """Give the parties to each agreement that lacks them; whether any took one."""
    took = False
    for agreement in agreements:
        for party in parties:
            if not any(same_party(party, p) for p in agreement.parties):
                agreement.parties.append(party)
                took = True
    return took
