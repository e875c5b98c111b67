"""The company a story is about signs the deals it tells with a partner alone: `«Микроникс»
расширяет производство. … Оборудование поставит китайская Shenzhen Jinghong Automation: контракт
с ней на 36 млн юаней был подписан в апреле` is a contract between the two.

The story's company is the organisation (no park) its headline or lead names that the text
names most (twice at least); an agreement whose one organisation is a partner after `с` takes it as the
other side, when no state side signs and the partner is another company.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, List, Optional

from ..records import ORG
from ..vocab import load_set
from .agreement_merge import same_party
from .parties import Party, sentence_parties

LEAD_SENTENCES = 2  # the headline and the lead's first sentence
MIN_MENTIONS = 2


def story_company(doc, sentences, places: set) -> Optional[Party]:
    """The organisation the headline or lead names that the text names most, or None."""
    counts: Counter = Counter()
    first: dict = {}
    leading = set()
    parks = {park["name"].lower() for park in getattr(doc._, "parks", None) or []}
    for index, sent in enumerate(sentences):
        for party in sentence_parties(doc, sent, places, False):
            if party.type != ORG or party.name.lower() in load_set("news_outlets.txt") | parks:
                continue  # (a park signing in its own name is no company the story is about)
            counts[party.name] += 1
            first.setdefault(party.name, party)
            if index < LEAD_SENTENCES:
                leading.add(party.name)
    ranked = [name for name, n in counts.most_common() if n >= MIN_MENTIONS]
    if not ranked or ranked[0] not in leading or (len(ranked) > 1 and counts[ranked[1]] == counts[ranked[0]]):
        return None
    return first[ranked[0]]


def add_story_company(found: list, company: Optional[Party], alone_with_partner: Callable) -> None:
    """Give the story's company to each agreement with a partner alone (not itself)."""
    if company is None:
        return
    for mention in found:
        partner = alone_with_partner(mention)
        if partner is not None and not same_party(partner, company):
            mention.parties.append(Party(mention.start, mention.start + 1, company.name, ORG))
