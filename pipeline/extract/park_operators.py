"""Park operators: the organisation that builds, runs or manages a park.

An organisation is a park's operator when an operator cue (rules/operator_cues.txt)
ties it to the park: the cue before it (`Оператором технополиса «Х» является АО «Y»`,
`парк «Х», управляющей компанией которого выступает «Y»`) or after it
(`«Y», которая развивает индустриальный парк «Х»`).

Not an operator: who paid (`при поддержке фонда «Y»`, rules/operator_sponsor_words.txt), a
company that builds in a park (`«Y», которое построит на территории ТОР завод`), a cue with a
noun of its own (`Владелец завода — компания «Y»`). Other ways news name an operator live
beside this module: operator_references.py (`компания`, `она`, `мы` for a company named
before), operator_names.py (abbreviations, `одноимённый`, `АО «Технопарк Мордовии»`),
operator_possessors.py (`парк «Х» компании «Y»`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional, Tuple

from ..models import morph_analyzer
from ..normalize import is_legal_form
from ..vocab import load_list, load_set
from .agreement_nouns import match_agreement
from .common import (DASHES, WITH, add_evidence, entities_in, has_sign_verb, index_by_first_word, lemmas_at,
                     may_be_nominative, parenthetical_tokens, quoted_spans, word_lemmas)
from .park_mentions import GENERIC_REFERENCES, ParkMention, is_declined_form, match_kind, name_key, possessed_noun
from ..records import ORG
from .org_names import expand_abbreviation, is_short_name, org_name
from .parties import headed_names, is_event, sentence_parties
from .party_references import bare_head_names, referred_party
from .state_bodies import is_state_body
from .operator_trusts import ends_management
from .operator_objects import (coordinated, coordinated_before, governs_park, included_parks, is_count_modifier,
                               listed_parks_after, all_parks_counted, parks_count, parks_counted_back, parks_named_next)


CUE_AFTER_ORG = 8  # `«Y» и сегодня остается управляющей компанией`: the cue's words within this many
CUE_BEFORE_ORG = 5  # `управляющей компанией которого выступает АО «Y»`, `управление зоной взяло на себя АО «Y»`


@lru_cache(maxsize=None)
def operator_cues() -> tuple:
    return tuple(tuple(words.split()) for words in load_list("operator_cues.txt"))


@lru_cache(maxsize=None)
def cues_by_first_word() -> dict:
    """The cues indexed by their first lemma, so each token tries only its own cues;
    entries are (place in the table, cue)."""
    return index_by_first_word({cue: (place, cue) for place, cue in enumerate(operator_cues())})


MANAGER = "управляющ"  # `управляющий филиалом`, whatever the case
MANAGING = {"управлять", "управляющий"}
RUNNER_NOUNS = {"организация", "компания", "структура"}  # `управляющей организацией`: the runner itself


def _manages_other(doc, end: int) -> bool:
    """`управляющий Северо-Западным филиалом ПСБ`: a manager's title over what is no park."""
    title = doc[end - 1]
    finite = title.pos_ in {"VERB", "AUX"} and title.morph.get("VerbForm") != ["Part"]
    if not title.lower_.startswith(MANAGER) or finite or not word_lemmas(title) & MANAGING:
        return False  # (`управляет парком`: the verb of running; a participle is read like the title)
    j = end
    while j < len(doc) and (doc[j].pos_ == "ADJ" or doc[j].is_space):
        j += 1
    # (not a park's kind however it opens, `одноимённым промышленным кластером`; not the runner's
    # own noun, `Управляющей организацией является АНО «Y»`)
    return j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].morph.get("Case") == ["Ins"] \
        and not word_lemmas(doc[j]) & (GENERIC_REFERENCES | RUNNER_NOUNS) \
        and not any(match_kind(doc, k) is not None for k in range(end, j + 1))


def find_cue(doc, low: int, high: int) -> Optional[int]:
    """Index of the first operator cue (`управляющая компания`, `развивает`) in [low, high);
    `управляющий партнёр` is a position, not a cue."""
    for i in range(low, high):
        if cue_end(doc, i, high) is not None:
            return i
    return None


def cue_end(doc, i: int, high: int) -> Optional[int]:
    """The token after the operator cue that starts at `i` (the first such cue of the table),
    or None."""
    index = cues_by_first_word()
    candidates = sorted(entry for first in word_lemmas(doc[i]) for _, entry in index.get(first, ()))
    for _, cue in candidates:
        end = i + len(cue)
        if lemmas_at(doc, i, cue, high) \
                and not (end < len(doc) and word_lemmas(doc[end]) & load_set("positions.txt")) \
                and not _manages_other(doc, end) and not _former_holder(doc[i]) and not _other_business(doc, i, end):
            return end
    return None


def _other_business(doc, i: int, end: int) -> bool:
    """A verb that runs a park only with the park for its object (rules/operator_object_verbs.txt:
    `ООО «Х» ведёт три индустриальных парка`, `площадку «Y» ведёт АО «Х»`), here with none:
    `Переговоры … ведут с управляющей компанией`, `ВЕДУЩИЙ:`."""
    if end != i + 1 or not word_lemmas(doc[i]) & load_set("operator_object_verbs.txt"):
        return False
    if doc[i].morph.get("VerbForm") != ["Fin"]:
        return True
    j = end
    while j < len(doc) and (is_count_modifier(doc[j]) or doc[j].pos_ == "DET" or doc[j].like_num) \
            and match_kind(doc, j) is None:
        j += 1
    after = j < len(doc) and (match_kind(doc, j) is not None or bool(word_lemmas(doc[j]) & GENERIC_REFERENCES))
    k = i - 1
    while k > 0 and i - k <= OBJECT_VERB_GAP and _joins_verbs(doc[k]):
        k -= 1  # `Парк строила и до сих пор ведёт АО «Х»`: a verb before sharing the object
    before = k >= 0 and (doc[k].text in {"»", "\""} or bool(word_lemmas(doc[k]) & GENERIC_REFERENCES))
    return not (after or before)


OBJECT_VERB_GAP = 6  # `строила и до сих пор ведёт`: words from the object-taking verb back to the object
STILL = {"до", "сих", "пор"}  # `до сих пор`


def _joins_verbs(token) -> bool:
    """A word between a park and a verb that runs it: an adverb, `и`, `до сих пор`, a finite verb
    coordinated with it."""
    return token.pos_ in {"ADV", "CCONJ", "PART"} or token.lower_ in STILL \
        or token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Fin"]


def _former_holder(token) -> bool:
    """`ООО «Y», которой принадлежал парк`: a past owner (rules/operator_former_verbs.txt)."""
    return token.morph.get("Tense") == ["Past"] and bool(word_lemmas(token) & load_set("operator_former_verbs.txt"))


ITS = {"его", "её", "ее"}  # `его оператор`: the park named before in the sentence


def _operated_park(doc, sent, org, mentions, park_for) -> Optional[ParkMention]:
    """The park an organisation runs: `парк «Х», управляющей компанией которого выступает «Y»`,
    `Оператором технополиса «Х» является АО «Y»`, `реализуемый КИП «Мастер»`, or
    `«Y», которая развивает индустриальный парк «Х»`."""
    inside = {i for m in mentions for i in range(m.start, m.end)}
    aside = _comparison_aside(doc, sent, org[0])
    inside |= aside | parenthetical_tokens(doc, org[1], min(sent.end, org[1] + CUE_AFTER_ORG))
    # a park's words do not count against the reach: `оператор агропромышленного парка «Х» — «Y»`;
    # nor do those of a comparison set off by commas: `Управляет ТОР, как и остальными …, КРДВ`
    reach = org[0] - CUE_BEFORE_ORG - _restated_words(doc, org[0], sent.start) - len(aside) \
        - _written_legal_form(doc, org[0], sent.start)
    low = _past_park_words(reach, org[0], mentions)
    low = max([sent.start, low] + [t.i + 1 for t in doc[max(sent.start, low):org[0]]
                                    if t.i not in inside and _has_break(doc, t.i, t.i + 1, inside)
                                    and not _is_label_colon(doc, t.i, sent.start)])
    cue = find_cue(doc, low, org[0])
    if cue is not None and not _is_sponsor(doc, cue, org[0]) and not _subject_of_passive(doc, cue, org) \
            and not _partner_between(doc, cue, org[0]) and not _signs_with_cue(doc, cue, org[0]):
        between = [m for m in mentions if cue <= m.start and m.end <= org[0]]
        if between and _joined_after(doc, between[-1].end, org[0]):
            return None  # `управляющая компания ОЭЗ «Х» и ООО «Y» подписали …`: «Y» is another side
        before = [m for m in mentions if m.end <= cue and m.start >= sent.start
                  and not _is_place_of(doc, m, org[0]) and not _is_possessor(doc, m, sent.start)]
        if any("который" in word_lemmas(t) for t in doc[cue:org[0]]):
            # `на площадке ТОР «Х» в области, управляющей компанией которой является «Y»`: the
            # clause speaks of the park right before it, wherever that park stands
            before = [m for m in mentions if m.end <= cue and m.start >= sent.start] or before
        found = (between or before or [None])[-1]
        if found is None and cue > sent.start and doc[cue - 1].lower_ in ITS:
            # `Число резидентов технопарка «Х» выросло, сообщил его оператор — АО «Y»`
            found = next((m for m in reversed(mentions) if sent.start <= m.start and m.end <= cue), None)
        if found is None and not _speaks_of_other(doc, sent, cue, inside):
            found = park_for(doc, mentions, org[0], org[1])
            end = cue_end(doc, cue, sent.end)
            # (not `… участники кластера «Х» …, сообщила специализированная организация кластера — АО «Y»`:
            # the cue governs the park's word)
            if found is not None and sent.start <= found.start and _is_possessor(doc, found, sent.start) \
                    and not _object_pronoun_after(doc, cue) and not (end is not None and _bare_park_word(doc, end, sent.end)):
                found = None  # `Один из корпусов «Х» … принадлежит компании «Y»` (not `площадь «Х» — 118 га, управляет им …`)
        if found is not None:
            return found
    appositive = _cue_in_apposition(doc, sent, org, mentions)
    if appositive is not None:
        return appositive
    if _assigned_role(doc, sent, org):
        return park_for(doc, mentions, org[0], org[1])  # `Функции управляющей компании возложены на АО «Y»`
    if _bare_cue_before_comma(doc, sent, org) and not _speaks_of_other(doc, sent, org[0], inside):
        return park_for(doc, mentions, org[0], org[1])  # `Его управляющая компания, АО «Y», …`
    # `управляющая компания «Y», которая развивает парк «Х»`: a cue before a company that
    # names no park leaves the clause after it to speak
    after_org = _past_clause_aside(doc, org[1], sent.end, inside)
    cue = find_cue(doc, after_org, min(sent.end, after_org + CUE_AFTER_ORG))
    gap = doc[after_org:cue] if cue is not None else []
    if cue is not None and (_is_sponsor(doc, org[1], cue) or _is_ceremony(doc, org, cue)
                            or _is_other_conjunct(doc, gap, cue)
                            or any(word_lemmas(t) & load_set("positions.txt") for t in gap)):
        return None  # `«Фонтанке» рассказал генеральный директор управляющей компании`: the title's
    if cue is not None and (not _has_break(doc, after_org, cue, inside) or _is_apposition(doc, gap, cue)
                            or _participle_after_comma(doc, org[1]) == cue or any("который" in word_lemmas(t) for t in gap)):
        end = cue_end(doc, cue, sent.end)
        apposed = _park_after_restating_dash(doc, end, sent.end, mentions) if end is not None else None
        if apposed is not None and doc[end - 1].pos_ == "VERB":
            return apposed  # `ЛАЭЗ управляет и второй площадкой — промышленной зоной «Пикалёво-2»`
        after = [m for m in mentions if cue < m.start <= cue + 3]
        if after:
            return after[0] if _cue_governs(doc, cue, after[0]) else None
        listed = listed_parks_after(doc, sent, end, mentions) if end is not None else []
        if listed and doc[end - 1].pos_ == "VERB":
            # `Корпорация … управляет двумя индустриальными парками региона — «Х» … и «Y» …`
            return listed[0]
        if end is not None and doc[end - 1].pos_ == "NOUN":  # `управляющая компания ТОР, в том числе «Х»`
            found = listed or included_parks(doc, sent, end, mentions)
            if not found and (_bare_park_word(doc, end, sent.end) or _possessive_before(doc, cue)
                              or _role_before(doc, cue, end, sent.end) or _as_role(doc, cue, org)):
                # `«Y» остается управляющей компанией площадки`, `…, которое остаётся её управляющей компанией`,
                # `«Y», которая выполняет функции управляющей компании`, `«Y» как управляющей компании`
                return park_for(doc, mentions, org[0], org[1])
            return (found or [None])[0]
    return None


def _past_park_words(reach: int, start: int, mentions) -> int:
    """The reach `reach` moved back by the words of the parks within it (and of the parks its
    moving brings in: `Функции оператора парка «А» и зоны «Б» переданы …` reaches both)."""
    low, counted = reach, set()
    while True:
        more = [m for m in mentions if low < m.end and m.start < start and m.start not in counted]
        if not more:
            return low
        counted |= {m.start for m in more}
        low -= sum(m.end - m.start for m in more)


CLAUSE_ASIDE_REACH = 12  # words of a clause set off by commas between a company and its verb
RELATIVE_ADVERBS = {"где", "куда", "откуда"}


def _past_clause_aside(doc, end: int, sent_end: int, inside: set) -> int:
    """`ТОО «Онтустик Индастриал», где ВПМ принадлежит 49%, с прошлого года управляет …`,
    `ООО «Х», созданное в 2020 году, развивает …`: the index after a relative or participle
    clause set off by commas right after an organisation (naming no park), else `end`."""
    if end + 1 >= sent_end or doc[end].text != ",":
        return end
    opener = doc[end + 1]
    if not (opener.lower_ in RELATIVE_ADVERBS or opener.morph.get("VerbForm") == ["Part"]
            or any("который" in word_lemmas(t) for t in doc[end + 1:min(end + 3, sent_end)])):
        return end
    closing = next((k for k in range(end + 2, min(sent_end, end + 2 + CLAUSE_ASIDE_REACH)) if doc[k].text == ","), None)
    if closing is None or any(k in inside for k in range(end + 1, closing)):
        return end
    owner = any(word_lemmas(t) & load_set("operator_builder_cues.txt") for t in doc[end + 1:closing])
    if find_cue(doc, end + 1, closing) is not None and not owner:
        return end  # `АО «Y», которое управляет им, …`: the clause itself says who runs it
    return closing + 1


RESTATED_REACH = 4  # `дочерняя структура вуза — ООО «Y»`: words of the noun phrase a name restates


AND = "и"


def _joined_after(doc, start: int, end: int) -> bool:
    """`и` alone between a park's name and the organisation after it (past its legal form): two
    things listed (not `Строить парк и управлять им будет …`)."""
    words = [t for t in doc[start:end] if not t.is_space and not is_legal_form(t.text) and t.text not in {"«", "»", "\""}]
    return len(words) == 1 and words[0].lower_ == AND


def _restated_words(doc, start: int, floor: int) -> int:
    """`управляет им дочерняя структура вуза — ООО «Y»`, `управляет площадкой частная компания — ООО
    «Y»`: the dash before a name and the common noun phrase before it that the name restates; they
    do not count against the cue's reach."""
    j = start - 1
    while j > floor and doc[j].is_space:
        j -= 1
    if j <= floor or doc[j].text not in DASHES:
        return 0
    k = j
    while k - 1 >= floor and j - k < RESTATED_REACH and doc[k - 1].pos_ in {"ADJ", "NOUN"} and doc[k - 1].text.islower():
        k -= 1
    return start - k if k < j else 0


LEGAL_FORM_WORDS = 6  # `государственное автономное учреждение Ростовской области`


def _written_legal_form(doc, start: int, floor: int) -> int:
    """How many words before a quoted name spell out its legal form (rules/legal_form_nouns.txt:
    `государственное автономное учреждение Ростовской области «Х»`); they do not count against
    the cue's reach."""
    k = start
    while k - 1 >= floor and start - k < LEGAL_FORM_WORDS and (doc[k - 1].ent_type_ == "LOC" or doc[k - 1].text.islower()
                                                             and doc[k - 1].pos_ in {"ADJ", "NOUN"}):
        k -= 1
    heads = [t for t in doc[k:start] if t.text.islower() and word_lemmas(t) & load_set("legal_form_nouns.txt")]
    return start - k if heads else 0


def _park_after_restating_dash(doc, i: int, end: int, mentions) -> Optional[ParkMention]:
    """`… и второй площадкой — промышленной зоной «Х»`: the park right after a dash that restates
    the common noun phrase before it (`и`, `также` aside)."""
    j = i
    while j < end and j - i <= RESTATED_REACH and (doc[j].is_space or doc[j].lower_ in {"и", "также", "ещё", "еще"}
                                                  or doc[j].pos_ in {"ADJ", "NOUN"} and doc[j].text.islower()):
        j += 1
    if j == i or j >= end or doc[j].text not in DASHES:
        return None
    return next((m for m in mentions if j < m.start <= j + 2), None)


ASSIGN_REACH = 3  # `возложены на АО «Y»`: words from the verb to the organisation
FROM = {"от"}


def _assigned_role(doc, sent, org) -> bool:
    """`Функции управляющей компании возложены на АО «Y»`, `Полномочия управляющей компании в
    соответствии с постановлением возложены на …`: a verb of giving (rules/operator_assign_verbs.txt)
    just before the organisation, and before it in the sentence a role word
    (rules/operator_role_words.txt) with an operator cue right after it."""
    verb = next((t for t in doc[max(sent.start, org[0] - ASSIGN_REACH):org[0]]
                 if word_lemmas(t) & load_set("operator_assign_verbs.txt")), None)
    if verb is None or any(t.lower_ in FROM for t in doc[verb.i + 1:org[0]]):
        return False  # (`переданы от ООО «X» к АО «Y»`: X gives the role away)
    return any(word_lemmas(t) & load_set("operator_role_words.txt") and cue_end(doc, t.i + 1, verb.i) is not None
               for t in doc[sent.start:verb.i])


COMPARISON = ("как", "и")  # `, как и других дальневосточных ТОР,`


def _comparison_aside(doc, sent, start: int) -> set:
    """Tokens of a comparison set off by commas right before `start` (`Управляющей компанией «Рудной»,
    как и других дальневосточных ТОР, выступает КРДВ`), commas included, or of a contrast (`управляет
    не мэрия, а АО «Х»`) from `не` on; empty when none."""
    close = next((t.i for t in reversed(doc[sent.start:start]) if t.text == ","), None)
    if close is None:
        return set()
    words = [t for t in doc[close + 1:start] if not t.is_space]
    if [t.lower_ for t in words] == [BUT]:  # `управляет не мэрия, а АО «Х»`: the one denied
        denied = next((t.i for t in reversed(doc[max(sent.start, close - CONTRAST_REACH):close]) if t.lower_ == NOT), None)
        return set(range(denied, start)) if denied is not None else set()
    opening = next((t.i for t in reversed(doc[sent.start:close]) if t.text == ","), None)
    if opening is None or [t.lower_ for t in doc[opening + 1:opening + 3]] != list(COMPARISON):
        return set()
    return set(range(opening, close + 1))


NOT, BUT = "не", "а"
CONTRAST_REACH = 4  # `не городская администрация, а …`: words between `не` and the comma


OBJECT_PRONOUNS = {"им", "ею", "ей", "ими"}  # `управляет им АО «Y»`: the park spoken of


def _object_pronoun_after(doc, cue: int) -> bool:
    end = cue_end(doc, cue, len(doc)) or cue + 1
    return end < len(doc) and doc[end].lower_ in OBJECT_PRONOUNS


def _partner_between(doc, cue: int, start: int) -> bool:
    """`контракт УК с китайской компанией «Y»`, `управляющая компания подписала соглашение с ООО
    «Y»`: `с` and the instrumental (or a legal form) between the cue and the organisation make it
    a partner of the runner, not the runner (not `с момента создания`)."""
    return any(t.lower_ in WITH and (t.i + 1 < start and doc[t.i + 1].morph.get("Case") == ["Ins"]
                                     or t.i + 1 <= start and is_legal_form(doc[t.i + 1].text))
               or t.lower_ == BETWEEN for t in doc[cue:start])


BETWEEN = "между"  # `соглашения о создании ОЭЗ между Минэкономразвития, …`: a party, no runner


def _signs_with_cue(doc, cue: int, start: int) -> bool:
    """`соглашения с управляющей компанией подписали ООО «Y» и ООО «Z»`: the runner is the partner
    of the organisation that is the subject of a finite verb after it, not that organisation
    (not `совместно с управляющей компанией ООО «Y»`, its name right after the cue)."""
    return cue > 0 and doc[cue - 1].lower_ in WITH \
        and any(t.morph.get("VerbForm") == ["Fin"] for t in doc[cue:start])


def _role_before(doc, cue: int, end: int, limit: int) -> bool:
    """`выполняет функции управляющей компании`: a role word (rules/operator_role_words.txt) right
    before a cue noun that governs no noun of its own after it."""
    following = doc[end] if end < limit else None
    return cue > 0 and bool(word_lemmas(doc[cue - 1]) & load_set("operator_role_words.txt")) \
        and (following is None or following.is_punct)


AS = "как"


def _as_role(doc, cue: int, org) -> bool:
    """`поручил «Y» как управляющей компании подготовить …`: `как` between the organisation and
    a cue noun gives the organisation that role."""
    return cue == org[1] + 1 and doc[org[1]].lower_ == AS


def _possessive_before(doc, cue: int) -> bool:
    """`её управляющей компанией`: the cue belongs to what `её` stands for, the park spoken of."""
    return cue > 0 and doc[cue - 1].lower_ in ITS


def _subject_of_passive(doc, cue: int, org) -> bool:
    """`Рядом с зоной строится логистический центр «Х»`: after a passive cue (`строится`,
    `создаётся`) the builder is in the instrumental (`строится компанией «Y»`); a name in
    another case is what is built."""
    if not doc[cue].lemma_.lower().endswith("ся") or doc[cue].pos_ != "VERB":
        return False
    words = [t for t in doc[cue + 1:org[0] + 1] if t.is_alpha and t.text.islower()]  # the nouns before the name
    return bool(words) and any(t.morph.get("Case") == ["Nom"] for t in words) \
        and not any(t.morph.get("Case") == ["Ins"] for t in words)


def _is_label_colon(doc, i: int, floor: int) -> bool:
    """`— оператор: АО «Y»`, `Управляющая компания: ООО «Y»`: a colon right after a cue labels
    the organisation after it, as in a list of a park's facts; it is no clause break."""
    return doc[i].text == ":" and any(cue_end(doc, start, i) == i for start in range(max(floor, i - 3), i))


def _is_other_conjunct(doc, gap, cue: int) -> bool:
    """`руководители ООО «Х» и управляющей компании парка`, `«Х» подписал с управляющей компанией
    парка`: a cue noun joined to the organisation by `и` or a preposition is another party,
    not the organisation's role."""
    head = (cue_end(doc, cue, len(doc)) or cue + 1) - 1
    if any(t.lemma_.lower() in load_set("operator_copulas.txt") for t in gap):
        return False  # `«Х» и сегодня остается управляющей компанией`: `и` is an adverb's
    return doc[head].pos_ == "NOUN" and any(t.pos_ in {"CCONJ", "ADP"} for t in gap)


def _is_ceremony(doc, org, cue: int) -> bool:
    """`Минпромторг открыл технопарк «Х»`: a state body that opens or launches a park opens it
    as a ceremony, it does not run it."""
    return bool(word_lemmas(doc[cue]) & load_set("operator_ceremony_verbs.txt")) and is_state_body(doc[org[0]])


def _is_sponsor(doc, start: int, end: int) -> bool:
    """`созданный при поддержке фонда «Y»`, `построен за счёт средств «Y»`, `«Y» профинансирует
    создание парка`: who paid, not who runs."""
    return any(word_lemmas(t) & load_set("operator_sponsor_words.txt") for t in doc[start:end])


def _is_place_of(doc, m, org_start: int) -> bool:
    """`В технопарке «Х» построит завод компания «Y»`: a park after a preposition is where the
    cue happens, unless `который` ties the cue to it (`в парке «Х», которым управляет «Y»`)."""
    before = doc[m.start - 1] if m.start > 0 else None
    return before is not None and before.pos_ == "ADP" \
        and not any("который" in word_lemmas(t) for t in doc[m.end:org_start]) \
        and _participle_after_comma(doc, m.end) is None  # `в парке «Х», созданном АО «Y»`


def _is_possessor(doc, m, floor: int) -> bool:
    """`Один из корпусов «Толмачёвского» … принадлежит компании «Y»`: a park that owns a thing
    named before it is not what the cue speaks of (a cue noun itself aside)."""
    owned = possessed_noun(doc, m, floor)
    return owned is not None and find_cue(doc, owned, owned + 1) is None


def _participle_after_comma(doc, i: int) -> Optional[int]:
    """The participle that opens a clause with the comma at i (spaces aside), describing the
    name before it: `ООО «Х», владеющее парком «Y»`, `в парке «Х», созданном АО «Y»`."""
    words = [t for t in doc[i:min(len(doc), i + 3)] if not t.is_space]
    if len(words) >= 2 and words[0].text == "," and words[1].morph.get("VerbForm") == ["Part"]:
        return words[1].i
    return None


def _speaks_of_other(doc, sent, cue: int, inside: set) -> bool:
    """`Владелец завода — компания «Y»`, `Завод принадлежит компании «Y»`: a cue with a noun of
    its own (a subject before it, an object after it, the word a participle describes) speaks
    of that, not of a park named before."""
    end = cue_end(doc, cue, sent.end) or cue + 1
    start = cue
    while start > sent.start and doc[start - 1].text not in {",", ";", ":", "—", "("}:
        start -= 1
    # (`директор УК «Y»`, `сообщила пресс-служба специализированной организации кластера — АО «Y»`:
    # a title or a source of the cue's company, no noun of its own)
    subject = any(t.pos_ == "NOUN" and t.morph.get("Case") == ["Nom"] and t.i not in inside
                  and not word_lemmas(t) & (load_set("positions.txt") | load_set("source_cues.txt"))
                  for t in doc[start:cue])
    # `100% её долей принадлежит АО «Y»`: who owns a company's shares, not a park
    stake = any(word_lemmas(t) & load_set("stake_nouns.txt") for t in doc[start:cue])
    after = doc[end] if end < sent.end else None
    owned = after is not None and after.pos_ == "NOUN" and after.morph.get("Case") in (["Gen"], ["Acc"]) \
        and after.i not in inside and not word_lemmas(after) & load_set("operator_park_words.txt")
    # `Владелец завода`, `построит завод`; not `Девелопер проекта — …`
    # `ООО «Х», принадлежащее холдингу «Y», …`: a participle opening the clause describes the
    # word before the comma; not one that is part of a cue noun (`, управляющей компанией
    # выступает «Y»`)
    described = start == cue and start > sent.start and doc[start - 1].text == "," \
        and doc[cue].morph.get("VerbForm") == ["Part"] and end == cue + 1
    return subject or owned or described or stake or _object_before(doc, start, cue, inside)


def _object_before(doc, start: int, cue: int, inside: set) -> bool:
    """`Крупнейший проект реализует ООО «Y»`, `Завод построила компания «Y»`: an object put before
    an active verb, with no park of its own after it, is what the verb speaks of."""
    if doc[cue].pos_ != "VERB" or doc[cue].morph.get("VerbForm") not in (["Fin"], []):
        return False
    objects = [t for t in doc[start:cue] if t.pos_ == "NOUN" and t.morph.get("Case") == ["Acc"] and t.i not in inside]
    return any(not any(u.i in inside or word_lemmas(u) & load_set("operator_park_words.txt")
                       for u in doc[t.i + 1:cue]) for t in objects)


def _cue_governs(doc, cue: int, park) -> bool:
    """`управляющая компания индустриального парка «Х»`: a cue noun governs the park right after
    it; a cue verb its object (`развивает в области парк «Х»`), not a park a resident builds
    in (`«Y», которое построит на территории ТОР завод`)."""
    end = cue_end(doc, cue, len(doc)) or cue + 1
    if doc[end - 1].pos_ == "NOUN":
        return not any(t.pos_ == "ADP" for t in doc[end:park.start])
    return governs_park(doc, end, park)


def _is_apposition(doc, gap, cue: int) -> bool:
    """`ООО «Х», девелопер и оператор индустриального парка «Y»`: a cue noun set off by a comma,
    a dash or a bracket (`ООО «Х» (оператор парка «Y»)`) right after the organisation describes it."""
    head = (cue_end(doc, cue, len(doc)) or cue + 1) - 1  # `управляющая компания`: the cue's noun
    return [t.text for t in gap if not t.is_space] in ([","], ["—"], ["–"], ["("]) and doc[head].pos_ == "NOUN"


def _cue_in_apposition(doc, sent, org, mentions) -> Optional[ParkMention]:
    """`Управляющая компания технопарка, АО «Y», вложила …`: the organisation set off by a
    comma right after a cue and the park it governs."""
    comma = org[0] - 1
    while comma > sent.start and doc[comma].is_space:
        comma -= 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    for m in mentions:
        if m.end == comma and m.start > sent.start:
            for cue in range(max(sent.start, m.start - 4), m.start):
                if cue_end(doc, cue, m.start) == m.start:
                    return m
    return None


def _bare_park_word(doc, i: int, end: int) -> bool:
    """`площадки`, `парка`, `территории` (rules/operator_park_words.txt) with no name after it:
    the park the text speaks of."""
    if i >= end or not word_lemmas(doc[i]) & (GENERIC_REFERENCES | load_set("operator_park_words.txt")):
        return False
    following = doc[i + 1] if i + 1 < end else None
    return following is None or not (following.text in {"«", "\""} or following.ent_type_ or following.pos_ == "PROPN")


def _bare_cue_before_comma(doc, sent, org) -> bool:
    """`Его управляющая компания, АО «Y», рассчитывает …`, `Управляющая компания, ООО «Y», …`:
    a cue with no park of its own, set off from the organisation by a comma, speaks of the park
    spoken of."""
    comma = org[0] - 1
    while comma > sent.start and doc[comma].is_space:
        comma -= 1
    if comma <= sent.start or doc[comma].text != ",":
        return False
    for cue in range(max(sent.start, comma - 3), comma):
        if cue_end(doc, cue, comma) == comma:
            opening = [t for t in doc[sent.start:cue] if not t.is_space]
            return all(t.pos_ in {"DET", "PRON"} for t in opening)
    return False


def _has_break(doc, start: int, end: int, inside: set) -> bool:
    """A clause boundary, or another name, between a cue and an organisation (a park named
    between them is no break)."""
    return any(t.text in {",", ";", ":", "(", ")", "«", "\""} for t in doc[start:end] if t.i not in inside)


def _is_park_itself(doc, org, mentions) -> bool:
    """`технопарк «Чирчик»` is a park, not an operator; `КИП «Мастер»`, `«Химграда»` may be both,
    but not as the object of a finite verb (`Предприятие управляет СЭЗ «Наманган» и …`); a park's
    name alone right after a cue noun is the park the cue governs (`Оператором «Кстово-Востока»
    выступает …`)."""
    for m in mentions:
        if m.kind and m.start <= org[0] < m.end:
            if not m.kind_abbreviated or _after_finite_verb(doc, m.start) or _spoken_of_as_place(doc, m.start):
                return True
        if not m.kind and m.start <= org[0] < m.end and (_after_cue_noun(doc, m.start) or _governed_by_verb(doc, m)):
            return True
    return False


def _governed_by_verb(doc, m) -> bool:
    """`Управлять «Ижорским» будет «Ижора Парк Менеджмент»`: a park's name that cannot be a
    nominative right after an operator verb is what the verb runs (`Парком управляет «Y»`: the runner)."""
    j = m.start
    while j > 0 and doc[j - 1].is_space:
        j -= 1
    words = [t for t in doc[m.start:m.end] if t.is_alpha]
    return j > 0 and bool(word_lemmas(doc[j - 1]) & load_set("operator_verbs.txt")) \
        and bool(words) and not may_be_nominative(words[0])


def _after_cue_noun(doc, i: int) -> bool:
    j = i
    while j > 0 and doc[j - 1].is_space:
        j -= 1
    # (a role noun, whose complement is the park; not `по модели «Химграда»`, `под управлением «Y»`)
    return any(cue_end(doc, start, j) == j and doc[j - 1].pos_ == "NOUN" and doc[start].pos_ != "ADP"
               for start in range(max(0, j - 3), j))


SITE_REACH = 4  # `на территории бывшего машиностроительного завода «Х»`


def _names_site(doc, org) -> bool:
    """`зоны «Арарат-Тех» на территории бывшего завода «Электрон»`: an organisation named after a
    site noun (rules/site_nouns.txt) and the genitives of what stood there is where the park is."""
    j = org[0] - 1
    while j >= 0 and doc[j].text in {"«", "\""}:
        j -= 1
    floor = max(0, j - SITE_REACH)
    while j >= floor and doc[j].pos_ in {"ADJ", "NOUN"} and doc[j].morph.get("Case") == ["Gen"] \
            and not word_lemmas(doc[j]) & load_set("site_nouns.txt"):
        j -= 1
    return j >= 0 and j < org[0] - 1 and bool(word_lemmas(doc[j]) & load_set("site_nouns.txt"))


def _spoken_of_as_place(doc, i: int) -> bool:
    """`на площадке ТОР «Белогорск»`, `в ОЭЗ «Х»`: a park after a place preposition or a site
    noun (rules/site_nouns.txt) is where things happen, not who runs them."""
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].pos_ == "ADJ"):
        j -= 1
    return j >= 0 and bool(word_lemmas(doc[j]) & (load_set("place_prepositions.txt") | load_set("site_nouns.txt")))


def _after_finite_verb(doc, i: int) -> bool:
    while i > 0 and doc[i - 1].is_space:
        i -= 1
    return i > 0 and doc[i - 1].pos_ == "VERB" and doc[i - 1].morph.get("VerbForm") == ["Fin"]


def attach_operators(doc, sent, mentions, parks, park_for) -> set:
    """Operators named next to a cue; returns the starts of park mentions used as operators.
    `park_for(doc, mentions, start, end)` names the park a phrase with no park beside it speaks of."""
    used = set()
    if ends_management(sent):
        return used  # `Мэрия расторгла договор доверительного управления технопарком с ООО «Х»`
    # `управляет парком та же корпорация развития`: a bare head for the organisation named before
    bare = {(p.start, p.end): p.name for p in bare_head_names(doc, sent)}
    spans = _org_spans(doc, sent)
    spans = sorted(spans + [span for span in bare if not any(s < span[1] and span[0] < e for s, e in spans)])
    for org in spans:
        if _is_park_itself(doc, org, mentions) or _names_site(doc, org):
            continue
        keys = _listed_with(doc, sent, org, mentions) | _counted_back(doc, sent, org, mentions)
        counted_next = {m.key for m in _counted_next(doc, sent, org, mentions)} if not keys else set()
        target = None if counted_next else \
            _operated_park(doc, sent, org, [m for m in mentions if m.start not in used], park_for)
        keys |= counted_next
        keys |= {m.key for m in _cue_after_relative_clause(doc, sent, org, mentions)
                 + _its_runner_in_clause(doc, sent, org, mentions, park_for)}
        if target is not None and not target.start <= org[0] < target.end:
            keys.add(target.key)
            if target.start >= org[1]:  # `«Y» обслуживает СЭЗ «Х» и промзону «Z»`
                keys |= {m.key for m in coordinated(doc, sent, target, mentions)}
            elif _finite_cue_between(doc, target.end, org[0]) or _cue_opens_parks(doc, sent, target, mentions):
                # `парками «Ягорба» и «Заречье» управляет АО «Х»`: a finite verb cue between the parks
                # and it; `Функции оператора парка «А» и зоны «Б» переданы …`: a cue before them all
                keys |= {m.key for m in coordinated_before(doc, sent, target, mentions)}
        name = bare.get(org) or expand_abbreviation(doc, _org_name(doc, org, mentions))
        cue = _nearest_cue(doc, sent, org)
        if cue is not None and _changes_runner(doc, org, cue):
            continue  # `Акимат области сменил оператора зоны «Х»`: who changes it, not who runs it
        builds = cue is not None and bool(word_lemmas(doc[cue]) & load_set("operator_builder_cues.txt"))
        former = cue is not None and _past_verb(doc[cue])
        successor = _successor_named(doc, sent, org, spans) if former else None
        if successor is not None:  # `До 1 июля ею управляло АО «Х», теперь — АО «Y»`: Y runs it now
            org, former, builds = successor, False, False
            name = bare.get(org) or expand_abbreviation(doc, _org_name(doc, org, mentions))
        elif former and org in bare:
            continue  # `Первые годы управлял технопарком сам университет`: a bare past runner is none
        for park_key in keys:
            park = parks[park_key].park
            # (a builder or a former runner gives way to one who runs it now: `Сам «Х» управлял
            # технопарком … Управлять технопарком будет ООО «Y»`)
            free = park.operator is None or parks[park_key].operator_builds and not builds \
                or parks[park_key].operator_former and not former
            if name and name_key(name) != park_key and not is_declined_form(name, park.name) and free:
                park.operator = name
                parks[park_key].operator_builds = builds
                parks[park_key].operator_former = former
                used |= {m.start for m in mentions if org[0] <= m.start < org[1] or m.start <= org[0] < m.end}
                add_evidence(doc, "park", org[0], org[1], "operator", "operator_cue")
    return used


SUCCESSOR_REACH = 4  # `, теперь — специально созданное АО «Y»`: words from the dash to the name


def _successor_named(doc, sent, org, spans) -> Optional[Tuple[int, int]]:
    """`До 1 июля ею управляло АО «Х», теперь — АО «Y»`: the organisation after a word of now
    (rules/operator_now_words.txt) and a dash, the verb left out, right after a former runner."""
    words = [t for t in doc[org[1]:sent.end] if not t.is_space and t.text not in {")", "("}]
    while words and (words[0].text == "," or words[0].lower_ == "а" or is_short_name(words[0].text) and words[0].i > org[1]):
        words = words[1:]  # `(УАРТ), а теперь —`
    if len(words) < 2 or words[0].lower_ not in load_set("operator_now_words.txt") or words[1].text not in DASHES:
        return None
    dash = words[1].i
    return next((span for span in spans if dash < span[0] <= dash + SUCCESSOR_REACH), None)


def _finite_cue_between(doc, start: int, end: int) -> bool:
    """A cue between parks and a company that joins them all: a finite verb (`управляет`) or a
    phrase after a preposition (`находящиеся под управлением`), not a participle of a project
    (`реализованный проект по модели «Х»`)."""
    cue = find_cue(doc, start, end)
    return cue is not None and (doc[cue].pos_ == "VERB" and doc[cue].morph.get("VerbForm") == ["Fin"]
                                or doc[cue].pos_ == "ADP")


CUE_OPENING_PARKS = 2  # `Функции оператора индустриального парка «А» …`: words from the cue's end to the first park


def _cue_opens_parks(doc, sent, last, mentions) -> bool:
    """`Функции оператора индустриального парка «А» и промышленной зоны «Б» переданы …`,
    `передал управление индустриальными зонами «А» и «Б» новому оператору`: a cue noun right before
    the first of the parks joined before `last` governs each of them."""
    first = coordinated_before(doc, sent, last, mentions)[0]
    if first is last:
        return False
    # (a noun: `Проекты создали технопарк «А», парк «Б» — проект, реализованный по модели «Х»`, a verb
    # of another subject, does not)
    for i in range(max(sent.start, first.start - CUE_OPENING_PARKS - 3), first.start):
        end = cue_end(doc, i, first.start)
        if end is not None and first.start - end <= CUE_OPENING_PARKS and any(t.pos_ == "NOUN" for t in doc[i:end]):
            return True
    return False


def _its_runner_in_clause(doc, sent, org, mentions, park_for) -> List[ParkMention]:
    """`ООО «Х», которое построит инфраструктуру парка и станет его управляющей компанией`: a
    cue after `его`/`её` anywhere in the company's relative clause makes it the runner of the
    park spoken of."""
    words = _relative_clause_after(doc, sent, org)
    if not words:
        return []
    close = next((t.i for t in words[2:] if t.text in {",", ";"}), sent.end)
    for i in range(words[1].i + 1, close):
        if _possessive_before(doc, i) and cue_end(doc, i, close) is not None:
            found = park_for(doc, mentions, org[0], org[1])
            return [found] if found is not None else []
    return []


def _relative_clause_after(doc, sent, org) -> list:
    """The words after a company from its comma on, when they open a relative clause (`, которое
    …`); [] otherwise."""
    words = [t for t in doc[org[1]:sent.end] if not t.is_space]
    return words if len(words) >= 2 and words[0].text == "," and "который" in word_lemmas(words[1]) else []


def _cue_after_relative_clause(doc, sent, org, mentions) -> List[ParkMention]:
    """`ООО «Х», которое управляет парком «А» в Татарстане, стало оператором зоны «Б»`: the cue
    after the company's relative clause and the park right after it."""
    words = _relative_clause_after(doc, sent, org)
    if not words:
        return []
    close = next((t.i for t in words[2:] if t.text == ","), None)
    if close is None:
        return []
    cue = find_cue(doc, close + 1, min(sent.end, close + 1 + CUE_AFTER_ORG))
    end = cue_end(doc, cue, sent.end) if cue is not None else None
    if end is None or _has_break(doc, close + 1, cue, set()):
        return []
    after = [m for m in mentions if end <= m.start <= end + 3]
    return after[:1] if after and _cue_governs(doc, cue, after[0]) else []


BUILDER_REACH = 12  # `Девелопером индустриального парка «Х» выступила группа компаний «Y»`


def _nearest_cue(doc, sent, org) -> Optional[int]:
    """The cue next to an organisation: the nearest before it, else the first after it."""
    cue = next((i for i in range(org[0] - 1, max(sent.start, org[0] - BUILDER_REACH) - 1, -1)
                if cue_end(doc, i, org[0]) is not None), None)
    return cue if cue is not None else find_cue(doc, org[1], min(sent.end, org[1] + CUE_AFTER_ORG))


def _changes_runner(doc, org, cue: int) -> bool:
    """An active verb of rules/operator_change_verbs.txt between the organisation and the cue
    after it (not `ООО «Х» назначено управляющей компанией`, which names the operator)."""
    return cue >= org[1] and any(t.lemma_.lower() in load_set("operator_change_verbs.txt")
                                 and t.morph.get("VerbForm") in (["Fin"], ["Inf"]) for t in doc[org[1]:cue])


def _past_verb(token) -> bool:
    """`управлял`, `обслуживала`: a verb in the past imperfective, what was so before."""
    return token.pos_ == "VERB" and token.morph.get("Tense") == ["Past"] and token.morph.get("Aspect") == ["Imp"]


def _listed_with(doc, sent, org, mentions) -> set:
    """`три индустриальных парка, управляющей компанией которых выступает АО «Х»: «А», «Б» и «В»`:
    a plural `которых` makes the company the operator of every park the sentence lists."""
    before = doc[max(sent.start, org[0] - CUE_BEFORE_ORG):org[0]]
    if not any(t.text.lower() == "которых" for t in before):
        return set()
    return {m.key for m in mentions if m.rule == "listed_after_kind" and sent.start <= m.start < sent.end}


def _counted_back(doc, sent, org, mentions) -> set:
    """`Управляющей компанией обеих территорий является АО «Х»`: the parks named last."""
    low = max(sent.start, org[0] - CUE_BEFORE_ORG - 3)  # `всех трёх площадок` takes three words more
    cue = find_cue(doc, low, org[0])
    if cue is None or _has_break(doc, cue, org[0], {i for m in mentions for i in range(m.start, m.end)}):
        return set()  # `Управляем обоими сами, «Реж» заполнился`: the park after the comma runs nothing
    return parks_counted_back(doc, low, org[0], mentions) or all_parks_counted(doc, low, org[0], mentions)


def _counted_next(doc, sent, org, mentions) -> List[ParkMention]:
    """`Теперь под управлением «Х» находятся три площадки. Крупнейшая из них — парк «А» …`,
    `АО «Х» управляет двумя площадками.`: a cue tied to the organisation and a count of parks
    with none named in the sentence speaks of the parks the next sentences name."""
    inside = {i for m in mentions for i in range(m.start, m.end)}
    # (`Управляющей компанией всех трёх территорий выступает АО «Х»`: the count's words on top)
    cue = find_cue(doc, max(sent.start, org[0] - CUE_BEFORE_ORG - 3), org[0])
    if cue is None or _has_break(doc, cue, org[0], inside):
        cue = find_cue(doc, org[1], min(sent.end, org[1] + CUE_AFTER_ORG))
        if cue is None or _has_break(doc, org[1], cue, inside) and not any(
                "который" in word_lemmas(t) for t in doc[org[1]:cue]) \
                and _participle_after_comma(doc, org[1]) != cue:  # `«Х», которая управляет тремя парками`, `«Х», управляющее тремя …`
            return []
    first_told = not any(m.start < sent.start for m in mentions)  # `управляет всеми тремя парками` opening the story
    # (`передало две региональные площадки под управление АО «Х»`: the count before the cue)
    low = max(sent.start, min(cue, org[1]) - COUNT_BEFORE_CUE)
    return parks_named_next(doc, sent, parks_count(doc, low, sent.end, back=first_told), mentions)


COUNT_BEFORE_CUE = 4  # `две региональные промышленные площадки под управление …`


def _org_spans(doc, sent):
    """Token ranges that may name an organisation: quoted names (with a legal form before
    them) and ORG entities; not events, kinds (`РИП`) or bare nouns (`Смоленская компания`)."""
    found = []
    for span in quoted_spans(doc):
        if sent.start <= span.start < sent.end:
            start = span.start - 1
            while start - 1 >= sent.start and (doc[start - 1].text.isupper() and 2 <= len(doc[start - 1]) <= 4
                                               or is_legal_form(doc[start - 1].text)) \
                    and match_kind(doc, start - 1) is None:  # (`Управляет ОЭЗ АО «Y»`: the park is no part of it;
                # `С "Промтеррой"` opening a sentence: a preposition)
                start -= 1
            found.append((start, span.end + 1))
    for ent in entities_in(sent):
        if ent.label_ == "ORG" and not any(s <= ent.start < e or ent.start <= s < ent.end for s, e in found) \
                and not (len(ent) <= 2 and ent[-1].text.islower()) and match_kind(doc, ent.start) is None \
                and not _common_word_opening(ent):
            found.append((ent.start, ent.end))
    for named in headed_names(doc, sent):
        # `Агентство инновационного развития Калужской области`: NER may stop before the place
        found = [(s, e) for s, e in found if not (s == named[0] and e < named[1])]
        if not any(s < named[1] and named[0] < e for s, e in found):
            found.append(named)
    return [_with_alias(doc, sent, org) for org in sorted(found) if not is_event(doc, org[0], org[1], sent.start)]


def _with_alias(doc, sent, org):
    """`АО «Камский промышленный оператор» (КПО), управляющая компания …`: the short name in
    brackets right after an organisation's name goes with it."""
    start, end = org
    if end + 2 < sent.end and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].text.isupper():
        return start, end + 3
    return org


NAME_TAGS = {"Orgn", "Abbr", "Geox", "Name", "Surn", "Trad"}  # pymorphy3 tags of proper names


def _common_word_opening(ent) -> bool:
    """`Арендодателем выступила …`: a dictionary common noun capitalised only because it opens
    the sentence, which NER may tag ORG."""
    if len(ent) != 1 or not ent[0].is_sent_start:
        return False
    parses = morph_analyzer().parse(ent[0].text.lower())
    return bool(parses) and all(p.is_known and p.tag.POS == "NOUN" and not (NAME_TAGS & p.tag.grammemes) for p in parses)


def _org_name(doc, span, mentions) -> Optional[str]:
    for m in mentions:
        if m.start <= span[0] < m.end or span[0] <= m.start < span[1]:
            return m.name
    name = org_name(doc[span[0]:span[1]])
    return name[:1].upper() + name[1:] if name else None


CREATION_REACH = 4  # `о создании в регионе индустриального парка «Х»`


def attach_creators(doc, sentences, mentions, parks) -> None:
    """`«Y» подписала с хокимиятом соглашение о создании технопарка «Х»`: the organisation that
    signs for a park's creation builds it. Within the clause (a list sentence holds several
    deals, split by `;`): the one organisation that is no park, else the one park that signs
    (`КИП «Мастер» и хокимият подписали соглашение о создании зоны «Х»`), else the company
    a `компания подписала` stands for."""
    for index, sent in enumerate(sentences):
        signer_index = index if has_sign_verb(sent) else _signed_next(doc, sentences, index)
        if signer_index is None:
            continue
        for m in mentions:
            park = parks[m.key].park
            window = doc[max(sent.start, m.start - CREATION_REACH):m.start]
            lemmas = {t.lemma_.lower() for t in window}
            creation, activity = "создание" in lemmas, ACTIVITY <= lemmas
            if not sent.start <= m.start < sent.end or park.operator is not None or not (creation or activity):
                continue
            clause = _clause(doc, sent, m.start)
            if not any(match_agreement(doc, i) for i in range(clause.start, m.start)):
                continue
            signing = clause if signer_index == index else sentences[signer_index]
            name = _creator(doc, sentences, signer_index, signing, m, mentions) if creation \
                else _manager(doc, signing, m)
            if name is None and creation and signer_index != index:
                # `Крупнейшим документом стало соглашение между хокимиятом и группой «Y» о создании
                # парка «Х». Документ подписали хоким … и президент группы …`: the sides named here
                name = _creator(doc, sentences, index, clause, m, mentions)
            if name and name_key(name) != m.key:
                park.operator = name
                add_evidence(doc, "park", m.start, m.end, "operator", "creator_signs" if creation else "manager_signs")


# `соглашение об осуществлении деятельности резидента ТОР «Х»`: a resident signs it with the
# park's management company
ACTIVITY = {"осуществление", "деятельность"}


def _manager(doc, clause, m) -> Optional[str]:
    """Of the organisations that sign a resident's agreement on activity in a park, the one
    headed by a development body's noun (rules/operator_org_heads.txt: `Корпорация развития
    Дальнего Востока и Арктики`), when only one is."""
    places = set(range(m.start, m.end))
    heads = [p for p in sentence_parties(doc, clause, places, True)
             if p.type == ORG and p.name.split()[0].lower() in load_set("operator_org_heads.txt")]
    return heads[0].name if len(heads) == 1 else None


FOLLOW_UP_OPENERS = {"его", "её", "ее", "документ", "соглашение"}


def _signed_next(doc, sentences, index: int) -> Optional[int]:
    """`Второй документ — соглашение о создании парка «Х». Его подписали генеральный директор
    корпорации … и глава …`: the next sentence, opened by a word for the document, signs it."""
    if index + 1 >= len(sentences) or not has_sign_verb(sentences[index + 1]):
        return None
    first = next((t for t in sentences[index + 1] if not t.is_space), None)
    return index + 1 if first is not None and first.lower_ in FOLLOW_UP_OPENERS else None


def _clause(doc, sent, i: int):
    start = max([t.i + 1 for t in doc[sent.start:i] if t.text == ";"] + [sent.start])
    end = min([t.i for t in doc[i:sent.end] if t.text == ";"] + [sent.end])
    return doc[start:end]


def _creator(doc, sentences, index, clause, created, mentions) -> Optional[str]:
    places = set(range(created.start, created.end))
    parks = {m.key for m in mentions}
    orgs = [p for p in sentence_parties(doc, clause, places, True) if p.type == ORG]
    # (a ministry signing for a zone's creation creates it as a state, it runs nothing)
    companies = [p for p in orgs if name_key(p.name) not in parks and not is_state_body(doc[p.start])]
    signing_parks = [p for p in orgs if name_key(p.name) in parks]
    if len(companies) == 1:
        return companies[0].name
    if not companies and len(signing_parks) == 1:
        return signing_parks[0].name
    if not orgs:
        referred = referred_party(doc, sentences, index, places, parks)
        return referred.name if referred else None
    return None
