"""An aside between dashes right after a party that says whose part it is (rules/party_kin_words.txt)
describes it: `ООО «Хайхуа Рус» — российская «дочка» китайской Shandong Haihua Chemical —
заключили …`. The organisations inside own or hold the party; they are not parties. Other
asides stay: after a common noun the aside is the name itself (`оператор площадки — АО
«Корпорация развития …» — заключил`), and dashes also join sides and their signers
(`со стороны региона — губернатор …, со стороны инвестора — …`). An aside set off by a comma
that opens with kin (`с компанией «Х», дочерним предприятием группы компаний «Y»`) is one too.
"""
from __future__ import annotations

from ..vocab import load_set
from .common import names_park, word_lemmas

DASHES = {"—", "–"}


def drop_described(doc, sent, parties: list) -> list:
    """The parties without those inside a dashed aside of kin right after another party."""
    dashes = [t.i for t in sent if t.text in DASHES]
    dropped = set()
    # (the last aside may close with the sentence: `… с ООО «Х» — российской «дочкой» холдинга Y.`)
    for opening, closing in zip(dashes, dashes[1:] + [sent.end]):
        before = opening - 1
        while before > sent.start and doc[before].is_space:
            before -= 1
        if not any(p.start <= before < max(p.end, p.start + 1) for p in parties):
            continue
        if not any(word_lemmas(t) & load_set("party_kin_words.txt") for t in doc[opening + 1:closing]):
            continue
        dropped |= {id(p) for p in parties if opening < p.start and p.end <= closing}
    for comma in (t.i for t in sent if t.text == ","):
        # `с компанией «Сурские масла», дочерним предприятием группы компаний «Благо».`: an aside
        # set off by a comma that opens with kin (after a park, `технопарк «Х», принадлежащий АО
        # «Y»`, the owner speaks for it, so stays)
        if not any(p.end == comma and not names_park(doc, p) for p in parties) \
                or not any(word_lemmas(t) & load_set("party_kin_words.txt") for t in doc[comma + 1:comma + 1 + KIN_OPENING]):
            continue
        closing = next((t.i for t in doc[comma + 1:sent.end] if t.text in DASHES | {",", ";"}), sent.end)
        dropped |= {id(p) for p in parties if comma < p.start and p.end <= closing}
    return [p for p in parties if id(p) not in dropped]


KIN_OPENING = 2  # `, дочерним предприятием …`, `, входящим в группу …`: words after the comma
