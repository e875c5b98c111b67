"""`Со стороны X документ подписал <должность> <имя>, со стороны Y — <должность> <имя>`.

Each `со стороны` opens a side that runs to the next one or to the end of the sentence.
A side that names its party (an organisation, a state body, a region) signs as that party
and its person signs on its behalf; an organisation inside the person's position phrase
(`директор Департамента международного сотрудничества`) is a unit of that party, not a party
of its own. A side named by a common noun (`со стороны инвестора`), or by a place with a body or region
in its person's title (`со стороны Узбекистана … министр инвестиций …`), keeps the
organisations of its position phrase: they are the party.
"""
from __future__ import annotations

from typing import List, Tuple

from ..records import LOC, PER
from .common import PARTNER_PREPOSITIONS, SIDE, WITH

NAME_GAP = 1  # tokens between `стороны` and the party's name: a quote


def _side_bounds(doc, sent) -> List[Tuple[int, int]]:
    """(after `стороны`, end) of each side in the sentence."""
    starts = [t.i + 1 for t in sent if t.lemma_.lower() == SIDE and t.i > sent.start
              and doc[t.i - 1].text.lower() in WITH and t.morph.get("Number") != ["Plur"]]
    return [(start, starts[n + 1] - 2 if n + 1 < len(starts) else sent.end) for n, start in enumerate(starts)]


def keep_side_parties(doc, sent, parties: list) -> list:
    """Parties without the units inside the position phrases of sides that name their party."""
    dropped = set()
    for start, end in _side_bounds(doc, sent):
        inside = [p for p in parties if start <= p.start < end]
        named = next((p for p in inside if p.start - start <= NAME_GAP and p.type != PER), None)
        if named is None:
            continue
        units = [p for p in inside if p is not named and p.type != PER and not _partner(doc, start, p)]
        if named.type == LOC and units:
            dropped.add(id(named))  # `Со стороны Южного Урала … губернатора Челябинской области`: the title's
            continue  # body or region is the side, in its formal name
        dropped.update(id(p) for p in units)
    return [p for p in parties if id(p) not in dropped]


PARTNER_REACH = 3  # `с ООО «Х»`: words between the preposition and the party


def _partner(doc, side_start: int, party) -> bool:
    """`Со стороны области соглашение с ООО «Х» подписал …`: a party after `с` or `между` is the
    other side, no unit of the signer's title."""
    return any(t.lower_ in PARTNER_PREPOSITIONS for t in doc[max(side_start, party.start - PARTNER_REACH):party.start])
