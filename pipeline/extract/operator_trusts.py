"""Trust managers: the company a park is handed to in trust management runs it.

`Область передала технопарк в доверительное управление ООО «Х»` and `Договор доверительного
управления парком министерство и ООО «Х» подписали …` make the company (not the state body or
region that owns the park) the park's operator: the park the sentence names, else the one the
sentence before names, else the park the article names most. A contract ended (`расторгла договор
доверительного управления`) hands over nothing. Management that passes to a company (`управление
ТОР «Онега» перешло к КРДВ`) makes it the operator over any before.
"""
from __future__ import annotations

from collections import Counter
from typing import List, Optional

from ..records import ORG
from ..vocab import load_set
from .common import add_evidence, contains_words, entities_in, has_sign_verb, lemmas, lemmas_at, sentence_before, word_lemmas
from .park_mentions import ParkMention, name_key, role_at
from .org_names import expand_abbreviation, org_name
from .parties import Party, is_government, sentence_parties
from .state_bodies import is_state_body, name_lemmas

TRUST = ("доверительный", "управление")
INTO = "в"  # `в доверительное управление ООО «Х»`: the manager right after


def attach_trust_managers(doc, sentences, mentions: List[ParkMention], parks) -> None:
    park_keys = {m.key for m in mentions}
    places = {i for m in mentions for i in range(m.start, m.end)}
    for sent in sentences:
        at = next((t.i for t in sent if lemmas_at(doc, t.i, TRUST, sent.end)), None)
        if at is None or ends_management(sent):
            continue
        manager = _manager(doc, sent, at, places, park_keys)
        if manager is None:
            continue
        handing = lemmas(doc[sent.start:at])
        for key in _parks_handed(doc, sent, mentions):
            park = parks[key].park
            # (over the owner the sentence names handing it: `ППК, которой принадлежит парк, передала
            # площадку в доверительное управление ООО «Y»`)
            if (park.operator is None or contains_words(handing, list(name_lemmas(park.operator)))) \
                    and name_key(manager.name) != key:
                park.operator = manager.name
                add_evidence(doc, "park", manager.start, manager.end, "operator", "trust_manager")


MANAGEMENT = "управление"
TO = "к"
TO_REACH = 3  # `перешло к …`, `перешло теперь к …`: words from the verb to `к`
HANDOVER_REACH = 3  # `к Корпорации развития …`, `к АО «Х»`: words from `к` to the name


def attach_handovers(doc, sentences, mentions: List[ParkMention], parks) -> None:
    """`С 1 января управление ТОР «Онега» перешло к Корпорации развития Дальнего Востока и
    Арктики`: management passing to a company after `к` makes it the operator of the parks its
    sentence names before the verb, over any who ran them before. `функции управляющей компании
    перешли от А к Б` names no park: the one the sentence before names, or the article's main one."""
    park_keys = {m.key for m in mentions}
    for sent in sentences:
        verb = next((t for t in sent if word_lemmas(t) & load_set("operator_handover_verbs.txt")
                     and (any(w.lemma_.lower() == MANAGEMENT for w in doc[sent.start:t.i])
                          or _runner_functions(doc, sent.start, t.i))), None)
        to = _to_after(doc, sent, verb.i) if verb is not None else None
        if to is None or ends_management(sent):
            continue
        ent = next((e for e in entities_in(sent) if e.label_ == "ORG" and to < e.start <= to + HANDOVER_REACH), None)
        name = expand_abbreviation(doc, org_name(ent)) if ent is not None else None
        named = [m.key for m in mentions if sent.start <= m.start < verb.i]
        if not named and _runner_functions(doc, sent.start, verb.i):
            named = _parks_handed(doc, sent, mentions)  # `функции управляющей компании перешли к …`
        if not name or name_key(name) in park_keys:
            continue
        for key in dict.fromkeys(named):
            parks[key].park.operator = name
            add_evidence(doc, "park", ent.start, ent.end, "operator", "handover")


FUNCTIONS = "функция"


def _runner_functions(doc, start: int, end: int) -> bool:
    """`функции управляющей компании`, `функции оператора парка` between `start` and `end`: the
    role of a park's runner (rules/operator_role_nouns.txt) after `функции`."""
    return any(t.lemma_.lower() == FUNCTIONS and role_at(doc, t.i + 1, end) for t in doc[start:end])


FROM = "от"
FROM_REACH = 10  # `перешло от АО «ЛенОблСтрой» к …`: words from `от` to `к`


def _to_after(doc, sent, verb: int) -> Optional[int]:
    """The `к` the management passed to: within a few words of the verb, or after the `от` phrase
    of the one it passed from (`перешло от АО «ЛенОблСтрой» к ООО «Ладога Индастриал»`)."""
    near = doc[verb + 1:min(sent.end, verb + TO_REACH)]
    to = next((t.i for t in near if t.lower_ == TO), None)
    start = next((t.i for t in near if t.lower_ == FROM), None)
    if to is not None or start is None:
        return to
    for t in doc[start + 1:min(sent.end, start + FROM_REACH)]:
        if t.text in {",", ";", "—"}:
            return None
        if t.lower_ == TO:
            return t.i
    return None


def ends_management(sent) -> bool:
    """`Мэрия расторгла договор доверительного управления …`: a sentence that ends a management
    contract (rules/operator_end_verbs.txt) hands no park to anyone."""
    return any(word_lemmas(t) & load_set("operator_end_verbs.txt") for t in sent)


def _manager(doc, sent, at: int, places: set, park_keys: set) -> Optional[Party]:
    """The company that gets the park: the first after `в доверительное управление`, else the one
    company among the sides of a trust contract or of a signed handover into trust."""
    companies = [p for p in sentence_parties(doc, sent, places, True)
                 if p.type == ORG and name_key(p.name) not in park_keys and not _public(doc, p)]
    if at > sent.start and doc[at - 1].lower_ == INTO:
        after = [p for p in companies if p.start > at]
        if after:
            return after[0]
        if not has_sign_verb(sent):
            return None  # `… передать парк в доверительное управление` with no one named to take it
        # `Хокимият и компания Daewon подписали соглашение о передаче зоны в доверительное управление`
    return companies[0] if len(companies) == 1 else None


def _public(doc, party: Party) -> bool:
    """A ministry, a department, a government: who owns the park, not who runs it."""
    return any(is_state_body(t) or is_government(t) for t in doc[party.start:party.end])


def _parks_handed(doc, sent, mentions: List[ParkMention]) -> List[str]:
    """The parks the sentence names, else those the sentence before names, else the one the
    article names most."""
    named = [m.key for m in mentions if sent.start <= m.start < sent.end]
    if not named:
        before = sentence_before(doc, sent)
        named = [m.key for m in mentions if before is not None and before.start <= m.start < before.end]
    if not named and mentions:
        counts = Counter(m.key for m in mentions).most_common(2)
        if len(counts) == 1 or counts[0][1] > counts[1][1]:
            named = [counts[0][0]]  # the park the article speaks of most
    return list(dict.fromkeys(named))
