"""The company a story is about signs the deals it tells with a partner alone: `«Микроникс»
расширяет производство. … Оборудование поставит китайская Shenzhen Jinghong Automation: контракт
с ней на 36 млн юаней был подписан в апреле` is a contract between the two.

The story's company is the organisation (no park) its headline or lead names that the text
names most (twice at least); an agreement whose one organisation is a partner after `с` takes it
as the other side (the partner being another company), and so does one signed by `он`, `она`
or a subject noun of its name (`завод`) with no side before the verb (`В марте он заключил
специальный инвестиционный контракт с Минпромторгом России`).

When no company leads the story, the side that signs most of the other agreements of two named
sides (twice at least, more than any other; a region too) signs one with a partner alone: a
region's signing day `Акимат области и ТОО «А» подписали …. Также акимат и ТОО «Б» …. Кроме
того, подписан договор с ТОО «В»`.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Optional

from ..records import ORG, PER
from ..vocab import load_set
from .agreement_merge import same_party
from .common import first_sign_verb
from .org_names import expand_abbreviation
from .parties import Party, sentence_parties
from .state_bodies import name_lemmas

LEAD_SENTENCES = 2  # the headline and the lead's first sentence
MIN_MENTIONS = 2


def story_company(doc, sentences, places: set, park_names: set) -> Optional[Party]:
    """The organisation the headline or lead names that the text names most, or None;
    `park_names` the parks' names in lower case."""
    counts: Counter = Counter()
    first: dict = {}
    leading = set()
    for index, sent in enumerate(sentences):
        for party in sentence_parties(doc, sent, places, False):
            if party.type != ORG or party.name.lower() in load_set("news_outlets.txt") | park_names:
                continue  # (a park signing in its own name is no company the story is about)
            name = expand_abbreviation(doc, party.name)  # (`УЗТО` for the name it abbreviates)
            counts[name] += 1
            first.setdefault(name, Party(party.start, party.end, name, ORG))
            if index < LEAD_SENTENCES:
                leading.add(name)
    ranked = [name for name, n in counts.most_common() if n >= MIN_MENTIONS]
    if not ranked or ranked[0] not in leading or (len(ranked) > 1 and counts[ranked[1]] == counts[ranked[0]]):
        return None
    return first[ranked[0]]


def add_story_company(doc, found: list, story: Callable[[], Optional[Party]], alone_with_partner: Callable) -> None:
    """Give the story's company to each agreement with a partner alone (not itself), or signed
    by a pronoun with no side before the verb (`В марте он заключил … контракт с Минпромторгом`).
    `story()` finds the company, asked only when some agreement may take it."""
    candidates = [(m, alone_with_partner(m)) for m in found]
    candidates = [(m, partner) for m, partner in candidates if partner is not None or _subject_words(doc, m)]
    company = story() if candidates else None
    usual = usual_signer(found) if candidates and company is None else None
    if company is None and usual is None:
        return
    for mention, partner in candidates:
        if usual is not None:
            if partner is not None and not same_party(partner, usual):
                mention.parties.append(Party(mention.start, mention.start + 1, usual.name, usual.type))
        elif partner is not None and not same_party(partner, company) \
                or _subject_word_signs(doc, mention, company) and not any(same_party(p, company) for p in mention.parties):
            mention.parties.append(Party(mention.start, mention.start + 1, company.name, ORG))


PRONOUNS = {"он", "она", "оно"}


def _subject_words(doc, mention) -> list:
    """The pronouns and lower-case nouns in the nominative before the signing verb of the
    mention's sentence, when no organisation or region of the mention stands before that verb."""
    sent = doc[mention.start].sent
    verb = first_sign_verb(sent)
    if verb is None or any(p.type != PER and sent.start <= p.start < verb.i for p in mention.parties):
        return []
    return [t for t in doc[sent.start:verb.i] if t.morph.get("Case") == ["Nom"]
            and (t.pos_ == "PRON" and t.lemma_.lower() in PRONOUNS
                 or t.pos_ == "NOUN" and (not t.text[:1].isupper() or t.i == sent.start))]


def _subject_word_signs(doc, mention, company: Party) -> bool:
    """A third-person pronoun, or a subject noun the company's name holds or any business noun
    (`завод` of `Уральский завод …`, `компания`), before the signing verb (_subject_words)."""
    own = set(name_lemmas(company.name)) | load_set("business_nouns.txt") | load_set("subject_nouns.txt")
    return any(t.pos_ == "PRON" or t.lemma_.lower() in own for t in _subject_words(doc, mention))


def usual_signer(found: list) -> Optional[Party]:
    """The organisation or region that signs most of the other agreements found (two at
    least, more than any other)."""
    counts: list = []
    for mention in found:
        sides = {p.name: p for p in mention.parties if p.type != PER}
        if len(sides) < 2:
            continue  # (a partner alone tells no signer)
        for party in sides.values():
            known = next((entry for entry in counts if same_party(entry[0], party)), None)
            if known is None:
                counts.append([party, 1])
            else:
                known[1] += 1
    counts.sort(key=lambda entry: -entry[1])
    if not counts or counts[0][1] < MIN_MENTIONS or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]
