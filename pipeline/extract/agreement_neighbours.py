"""agreement_neighbours: the parties of a signing sentence and of the sentences around it.

A signing sentence's parties take in a region head named by post alone and sides named by
kind; an agreement whose sentence names no one borrows the organisations of the sentence
before (when it signs) or after, the sides of a meeting told a few sentences back, or the
signers of a follow-up (`Его подписали …`)."""
from __future__ import annotations

from typing import List

from ..records import ORG, PER
from ..vocab import load_set
from .agreement_merge import same_party
from .agreement_nouns import sentence_mentions
from .agreement_plans import is_planned_signing
from .agreement_signers import person_record
from .common import has_sign_verb, paragraph_start
from .parties import Party, sentence_parties
from .persons import REFERRED_ORGS
from .party_references import sides_named_by_kind
from .unnamed_signers import unnamed_signers


def signing_parties(doc, sent, places: set) -> List[Party]:
    """Parties of a signing sentence, a region head named by position alone among them."""
    parties = sentence_parties(doc, sent, places, True)
    sides = [p for p in sides_named_by_kind(doc, sent) if not any(same_party(p, q) for q in parties)]
    found = sorted(parties + unnamed_signers(doc, sent) + sides, key=lambda party: party.start)
    return found + _referred_sides(doc, found)


MANAGING = "управляющ"  # `директор управляющей компании`, whatever the case
TITLE_REACH = 4  # words of the title before the signer's name


def _referred_sides(doc, parties: List[Party]) -> List[Party]:
    """`директор управляющей компании Михаил Зонов подписал …`: a park's runner a bare noun of a
    signer's title stands for (the person's record, persons.REFERRED_ORGS) signs with him."""
    referred = doc.user_data.get(REFERRED_ORGS, ())
    runners = {park.get("operator") for park in getattr(doc._, "parks", None) or []} - {None}
    found: List[Party] = []
    for party in parties:
        record = person_record(doc, party) if party.type == PER else None
        if record is None or record["name"] not in referred or record.get("org") not in runners \
                or not any(t.lower_.startswith(MANAGING) for t in doc[max(0, party.start - TITLE_REACH):party.start]):
            continue
        side = Party(party.start, party.end, record["org"], ORG)
        if not any(same_party(side, q) for q in parties + found if q.type != PER):
            found.append(side)
    return found


def _is_follow_up(doc, sent, places: set) -> bool:
    if sentence_mentions(doc, sent) or not has_sign_verb(sent):
        return False
    return any(p.type == PER for p in sentence_parties(doc, sent, places, True))


MEETING_REACH = 3  # sentences back to the meeting `по итогам встречи` speaks of


def meeting_before(doc, sentences, index: int, places: set) -> List[Party]:
    """`По итогам встречи стороны подписали …`: the parties of the meeting a few sentences
    back, the persons who met included."""
    if not _has_side_cue(sentences[index]):
        return []
    for k in range(index - 1, max(-1, index - 1 - MEETING_REACH), -1):
        if _has_side_cue(sentences[k]):
            return sentence_parties(doc, sentences[k], places, True)
    return []


def _has_side_cue(sent) -> bool:
    """`договорились`, `встреча`, `переговоры` (rules/side_cues.txt) in a sentence."""
    return any(t.lemma_.lower() in load_set("side_cues.txt") for t in sent)


def came_to_terms(doc, sent, places: set) -> List[Party]:
    """The parties of a sentence that came to terms (rules/side_cues.txt) naming no agreement
    and planning no signing, or none."""
    if not _has_side_cue(sent) or sentence_mentions(doc, sent) or is_planned_signing(sent):
        return []
    parties = signing_parties(doc, sent, places)
    return parties if any(p.type != PER for p in parties) else []


def agrees(sent) -> bool:
    """A sentence whose parties came to terms, met or signed (rules/side_cues.txt): the sides
    the next one speaks of."""
    return _has_side_cue(sent) or any(t.pos_ == "VERB" and t.lemma_.lower() in load_set("sign_verbs.txt") for t in sent)


def parties_nearby(doc, sentences, index: int, places: set, sign: bool, back_only: bool = False) -> List[Party]:
    """Organisations and regions of the sentence before (when this one signs) or after;
    only before for an agreement spoken of again."""
    if not back_only and index + 1 < len(sentences) and _is_follow_up(doc, sentences[index + 1], places):
        # `Вторым документом стал меморандум … Его подписали директор «Х» … и …`
        return sentence_parties(doc, sentences[index + 1], places, True)
    order = (index - 1,) if back_only else (index - 1, index + 1) if sign else (index + 1, index - 1)
    for other in order:
        if 0 <= other < len(sentences) and not sentence_mentions(doc, sentences[other]):
            # `Со стороны региона в церемонии участвовал … Стороны подписали соглашение`:
            # a signing ceremony names its signers beside their organisations
            ceremony = has_sign_verb(sentences[other])
            if not (sign or ceremony) and _paragraph_break(doc, sentences[index], sentences[other]):
                continue  # an agreement named in passing borrows no one from another paragraph
            parties = [p for p in sentence_parties(doc, sentences[other], places, ceremony)
                       if (p.type == ORG or p.governed or (ceremony and p.type == PER))
                       and (ceremony or not _names_park_by_kind(doc, p))]  # (`появится технопарк «Шексна»`)
            if parties:
                return parties
    return []


def _names_park_by_kind(doc, party: Party) -> bool:
    """Whether a party is a park named with its kind (`технопарк «Шексна»`): in a sentence that
    signs nothing, the park spoken of, no side."""
    spans = doc.spans["park"] if "park" in doc.spans else []
    return any(span.label_ == "mention" and span.start <= party.start < span.end and span.start < party.start
               for span in spans)


def _paragraph_break(doc, one, other) -> bool:
    """Whether a line break stands between two sentences."""
    low, high = (one, other) if one.start < other.start else (other, one)
    return paragraph_start(doc, high.start + 1) >= low.end
