"""Signings still to come or that never were: `стороны планируют подписать соглашение`,
`подпишут`, `будет подписано`, `готовят соглашение`, `так и не был подписан`. Records keep signed documents, so an agreement named in such a sentence is no
agreement, and the sentence adds no signers to the one before.

A sentence is a plan when it has a signing verb and every one of them is in the future
(`подпишут`, `будет подписано`) or an infinitive beside a plan word
(rules/agreement_plan_cues.txt). A past or present signing verb anywhere makes it a report:
`подписали соглашение и планируют подписать ещё одно` keeps the first.
"""
from __future__ import annotations

from ..vocab import load_set
from .agreement_anaphora import DOCUMENT
from .common import PARTNER_PREPOSITIONS, word_lemmas

FUTURE_AUXILIARY = {"будет", "будут"}


def _is_future(token) -> bool:
    if token.morph.get("Tense") == ["Fut"]:
        return True
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.morph.get("VerbForm") == ["Part"] and previous is not None \
        and previous.lower_ in FUTURE_AUXILIARY


def _sign_verbs(sent) -> list:
    """The signing verbs of a sentence (rules/sign_verbs.txt), as verbs."""
    return [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in load_set("sign_verbs.txt")]


def is_planned_signing(sent) -> bool:
    verbs = _sign_verbs(sent)
    if not verbs:
        return False
    planned = any(word_lemmas(t) & load_set("agreement_plan_cues.txt") for t in sent)
    return all(_is_future(t) or (_is_infinitive(t) and planned) or _is_negated(t) for t in verbs)


PAST_AUXILIARY = {"был", "была", "было", "были"}
NOT = "не"


def _is_negated(token) -> bool:
    """`меморандум так и не был подписан`, `соглашение не подписали`, `подписано не было`: no signing."""
    i = token.i - 1
    while i >= 0 and token.i - i <= 2 and (token.doc[i].lower_ in PAST_AUXILIARY or token.doc[i].is_space):
        i -= 1
    if i >= 0 and token.doc[i].lower_ == NOT:
        return True
    after = [t.lower_ for t in token.doc[token.i + 1:token.i + 5] if not t.is_space]
    if after[:2] == list(SO_AND):
        after = after[2:]  # `подписано так и не было`
    return token.morph.get("VerbForm") == ["Part"] and len(after) >= 2 and after[0] == NOT and after[1] in PAST_AUXILIARY


SO_AND = ("так", "и")


def _is_infinitive(token) -> bool:
    """`подписать`, or `быть подписано` (`может быть подписано в ноябре`)."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.morph.get("VerbForm") == ["Inf"] or (
        token.morph.get("VerbForm") == ["Part"] and previous is not None and previous.lower_ == "быть")


PLAN_REACH = 6  # `договорились подготовить к концу года соглашение`


def is_planned_document(doc, sent, noun: int) -> bool:
    """`КРДВ и компания «Х» договорились подготовить к концу года соглашение`: an agreement
    noun that is the object of an infinitive beside a plan word is a document to come."""
    if _planned_after(doc, sent, noun) or _in_the_making(sent) or _postponed(doc, sent):
        return True
    window = [t for t in doc[max(sent.start, noun - PLAN_REACH):noun] if not t.is_space]
    governing = next((t for t in reversed(window) if t.pos_ != "ADJ"), None)
    if governing is not None and governing.pos_ == "VERB" and (word_lemmas(governing) & load_set("agreement_plan_cues.txt")
                                                                or governing.morph.get("Tense") == ["Fut"]):
        return True  # `Область и «Х» готовят соглашение о …`, `подпишут меморандум`: a document to come
    if governing is not None and word_lemmas(governing) & load_set("signing_nouns.txt") and any(
            word_lemmas(t) & load_set("agreement_plan_cues.txt") for t in window[max(0, window.index(governing) - 2):window.index(governing)]):
        return True  # `на осень запланировано подписание соглашения`, `ожидается подписание меморандума`
    infinitives = [t for t in window if t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Inf"]]
    if not infinitives or any(t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm") != ["Inf"]
                              for t in doc[infinitives[-1].i:noun]):
        return False  # `планирует построить завод и подписала соглашение`: signed
    # (the infinitive itself may be one: `рекомендовал министерству подготовить проект соглашения`)
    return any(word_lemmas(t) & load_set("agreement_plan_cues.txt")
               for t in doc[max(sent.start, infinitives[-1].i - 2):infinitives[-1].i + 1])


STAGE_WORDS = {"стадия", "этап", "процесс"}  # `в стадии согласования`, `на этапе проработки`


def _in_the_making(sent) -> bool:
    """`Еще одно соглашение … находится в стадии согласования`, `документ пока на согласовании`:
    no signing verb, and a word of the making (rules/agreement_making_words.txt) after a stage
    word or `на`."""
    if _sign_verbs(sent):
        return False
    for token in sent:
        if token.i == sent.start or not word_lemmas(token) & load_set("agreement_making_words.txt"):
            continue
        before = token.doc[token.i - 1]
        if word_lemmas(before) & STAGE_WORDS or (before.lower_ == "на" and token.morph.get("Case") == ["Loc"]):
            return True
    return False


def _postponed(doc, sent) -> bool:
    """`Подписание соглашения с ООО «Х» перенесено`, `Среди перенесённых документов — меморандум …`:
    no signing reported, and a word of putting off (rules/agreement_postponement_words.txt) in the
    sentence of a signing noun, or right before the document."""
    if _sign_verbs(sent) and not is_planned_signing(sent):
        return False
    signing = any(word_lemmas(t) & load_set("signing_nouns.txt") for t in sent)
    for token in sent:
        if word_lemmas(token) & load_set("agreement_postponement_words.txt"):
            following = doc[token.i + 1] if token.i + 1 < sent.end else None
            if signing or following is not None and following.lemma_.lower() == DOCUMENT or _is_predicate(token):
                return True  # (`Ожидавшееся соглашение … отложено`: the document itself put off)
    return False


def _is_predicate(token) -> bool:
    """A finite verb or a short participle: what the sentence says of its subject (`отложено`,
    `перенесли`), not a participle beside a noun (`перенесённых документов`)."""
    return token.morph.get("VerbForm") == ["Fin"] or token.morph.get("Variant") == ["Short"]


PLAN_AFTER_REACH = 10  # `Соглашение с казахстанской компанией «Астана-Агро» готовим …`


def _planned_after(doc, sent, noun: int) -> bool:
    """`Соглашение с узбекским партнёром готовим к подписанию`: the first verb after the noun,
    in its clause, is a plan word (rules/agreement_plan_cues.txt)."""
    for token in doc[noun + 1:min(sent.end, noun + PLAN_AFTER_REACH + 1)]:
        if token.text in {",", ";", ":", "—", "("}:
            return False
        if token.pos_ in {"VERB", "AUX"}:
            return bool(word_lemmas(token) & load_set("agreement_plan_cues.txt"))
    return False


BEFORE_NOUN = 4   # words before an agreement noun read for what speaks of it
PARTNER_AFTER = 4  # words after it that may open its own partner (`с компанией «Х»`)


def _words_before(doc, sent, noun: int) -> list:
    """The words (adjectives aside) in the BEFORE_NOUN tokens before the noun, in its sentence."""
    return [t for t in doc[max(sent.start, noun - BEFORE_NOUN):noun] if not t.is_space and t.pos_ != "ADJ"]


def _partner_after(doc, sent, noun: int) -> bool:
    """A partner preposition in the PARTNER_AFTER tokens after the noun (`соглашения с компанией «Х»`)."""
    return any(t.lower_ in PARTNER_PREPOSITIONS for t in doc[noun + 1:min(sent.end, noun + 1 + PARTNER_AFTER)])


def is_generic_signing(doc, sent, noun: int) -> bool:
    """`через полгода после подписания договора аренды`: a signing spoken of in general, as a
    point in time or a purpose, names no agreement that was signed."""
    words = _words_before(doc, sent, noun)
    return len(words) >= 2 and words[-1].lemma_.lower() in load_set("signing_nouns.txt") \
        and words[-2].lower_ in load_set("signing_time_prepositions.txt") \
        and not _partner_after(doc, sent, noun)  # `после подписания соглашения с компанией «Х»` names one


def is_companion_reference(doc, sent, noun: int) -> bool:
    """`Параллельно с соглашением о реализации проекта корпорация и «Х» подписали договор аренды`:
    an agreement noun after a phrase of rules/companion_openers.txt, with no partner of its own
    after it, speaks of one already told (the caller checks one of its kind was)."""
    if _partner_after(doc, sent, noun):
        return False
    words = [t.lower_ for t in _words_before(doc, sent, noun)]
    return any(words[-len(opener.split()):] == opener.split() for opener in load_set("companion_openers.txt"))
