"""agreement_attachment: which agreement of a sentence each of its parties signs.

Each party goes to the agreement noun nearest to it within its clause (`;`, `, а` break
one), a partner after `с` to one named before it; a subject before a list of documents with
partners of their own signs them all."""
from __future__ import annotations

from typing import List, Optional

from ..normalize import is_legal_form
from ..records import PER
from .agreement_nouns import AgreementMention, kind_at
from .common import WITH, first_sign_verb
from .parties import ORG_NOUNS, Party, is_government


def share_parties(doc, mentions: List[AgreementMention], parties: List[Party]) -> None:
    """Each party goes to the agreement mention nearest to it in the sentence; a partner after
    `с` to one named before it. `Компания заключила соглашение с правительством региона, договор
    аренды с ООО «Х» и меморандум с техникумом`: the subject before a list of documents, each
    with a partner of its own, signs them all."""
    partners = set()
    for party in parties:
        eligible = [m for m in mentions if not _clause_break(doc, min(m.end, party.end), max(m.start, party.start))] \
            or mentions  # (`…, а банк «Y» заключил с «Z» соглашение`: the agreement of its clause)
        if after_partner_word(doc, party):
            partners.add(party.start)
            # (`…, а в тот же день компания заключила с ВТБ кредитное соглашение`: the one of its clause)
            eligible = [m for m in eligible if m.end <= party.start] or eligible
        nearest = min(eligible, key=lambda m: _distance(m, party))
        nearest.parties.append(party)
    first = min(m.start for m in mentions)
    subjects = [p for p in parties if p.end <= first and p.start not in partners]
    if len(mentions) > 1 and subjects and all(any(p.start in partners for p in m.parties) for m in mentions):
        for mention in mentions:
            if not _clause_break(doc, first, mention.start):  # a clause of its own has its own subject
                mention.parties += [p for p in subjects if p not in mention.parties]


CLAUSE_OPENERS = {"а", "но", "однако"}  # after a comma, a new clause with a signing of its own


def _clause_break(doc, start: int, end: int) -> bool:
    """A clause break between tokens start and end: `;` or `, а` (rules of CLAUSE_OPENERS)."""
    return any(t.text == ";" or t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in CLAUSE_OPENERS
               for t in doc[start:end])


def after_partner_word(doc, party: Party, words=WITH) -> bool:
    """`с правительством Курганской области`, `с ООО «Х»`: a party right after `с` (or another of
    `words`), past its adjectives, legal form and body."""
    i = party.start - 1
    while i > 0 and (doc[i].is_space or before_name(doc[i])):
        i -= 1
    return i >= 0 and doc[i].lower_ in words


def before_name(token) -> bool:
    """An adjective, legal form, opening quote, organisation noun or state body before a name
    (`с правительством Курганской области`, `АО «Х»`)."""
    return token.pos_ == "ADJ" or is_legal_form(token.text) or token.text in {"«", "\""} \
        or token.lemma_.lower() in ORG_NOUNS or is_government(token)


def is_signing_subject(doc, sent, party: Party) -> bool:
    """A party that is the subject of an active signing verb after it: `Правительство
    Ленинградской области подписало …` (not `в Торжке подписаны …`, a place of a passive one)."""
    verb = first_sign_verb(sent)
    if verb is None or verb.i < party.end or verb.morph.get("VerbForm") == ["Part"]:
        return False
    i = party.start
    while i > sent.start and before_name(doc[i - 1]):
        i -= 1
    # (a legal form or a quote opening the phrase shows no case: `АО «Х» заключило …`)
    nominative = doc[i].morph.get("Case") == ["Nom"] or is_legal_form(doc[i].text) or doc[i].text in {"«", "\""}
    return nominative and not (i > sent.start and doc[i - 1].pos_ == "ADP")


def partner_alone(doc, mention: AgreementMention) -> Optional[Party]:
    """The one organisation of an agreement when it is named after `с` (`соглашение с банком
    «Х»`), None for an agreement with another side or none."""
    others = [p for p in mention.parties if p.type != PER]
    if len(others) != 1 or not after_partner_word(doc, others[0]) or _own_subject(doc, doc[mention.start].sent):
        return None
    return others[0]


def _own_subject(doc, sent) -> bool:
    """`Тот же завод заключил с «Х» контракт`: a noun in the nominative before an active signing
    verb, the agreement's own other side (named or not; an agreement noun is none)."""
    verb = first_sign_verb(sent)
    return verb is not None and verb.morph.get("VerbForm") != ["Part"] and any(
        t.pos_ in {"NOUN", "PROPN"} and t.morph.get("Case") == ["Nom"] and not kind_at(doc, t.i)
        for t in doc[sent.start:verb.i])


def _distance(m: AgreementMention, party: Party) -> int:
    if party.start >= m.end:
        return party.start - m.end
    return (m.start - party.end) * 2  # parties before the noun are subjects: `X и Y подписали`
