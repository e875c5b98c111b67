"""A signing whose subject is left out: `«Арго» открыл завод в Омске. Кроме того, подписал
соглашение с правительством Омской области.` The subject of the sentence before signs.

The signing verb is finite and active, and nothing before it in its sentence can be its
subject (no noun, pronoun or name in the nominative); the sentence before opens with an
organisation, or a region's body or head (`Губернатор Омской области … посетил завод`), in
the nominative, which is its subject.
"""
from __future__ import annotations

from typing import Optional

from ..records import ORG, PER
from ..vocab import load_set
from ..normalize import person_name
from .common import entities_in, paragraph_start
from .parties import Party, sentence_parties
from .party_references import interviewee, post_author, speaker_party


WE = {"мы", "наш"}


def speaks_as_we(before, sent) -> bool:
    """The speaker's own words: `мы`, `нас`, `наш` in this sentence or earlier in its paragraph
    (the sentence before at least)."""
    doc = sent.doc
    return any(t.lemma_.lower() in WE or t.lower_ in {"нас", "нам", "нами"}
               for t in doc[paragraph_start(doc, before.start):sent.end])


def _sign_verb(sent):
    return next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in load_set("sign_verbs.txt")), None)


def _has_subject_before(sent, verb) -> bool:
    """A noun, pronoun or name in the nominative before the verb; a name after a preposition
    (`на выставке в Шанхае`) is a circumstance."""
    doc = sent.doc
    # (a sentence the splitter kept whole after a quote opened: `«Первый день ВЭФ — и сразу результат.
    # Подписал …`; not `им. М. Т. Калашникова`, `млн руб. в`)
    start = max([sent.start] + [t.i + 1 for t in doc[sent.start + 1:verb.i] if t.text in SENTENCE_ENDS
                                and _ends_sentence(doc, t.i)])
    return any(t.morph.get("Case") == ["Nom"] and t.pos_ in {"NOUN", "PROPN", "PRON"}
               or (t.ent_type_ and t.morph.get("Case") in (["Nom"], []) and not (t.i > 0 and doc[t.i - 1].pos_ == "ADP"))
               for t in doc[start:verb.i])


SENTENCE_ENDS = {".", "!", "?"}
SHORT_WORD = 4  # shorter words before a dot may be abbreviations: `руб.`, `им.`


def _ends_sentence(doc, i: int) -> bool:
    """A stop after a whole lower-case word, a capitalised word after it."""
    before, after = doc[i - 1], doc[i + 1] if i + 1 < len(doc) else None
    return before.is_alpha and before.is_lower and len(before.text) >= SHORT_WORD \
        and after is not None and after.text[:1].isupper()


def _has_subject_after(sent, verb) -> bool:
    """`Свою сделку заключила и ОЭЗ «Иннополис»`: the subject right after the verb, past `и`,
    `также` and the like."""
    doc = sent.doc
    i = verb.i + 1
    while i < sent.end and (doc[i].is_space or doc[i].pos_ in {"CCONJ", "ADV", "PART"}):
        i += 1
    return i < sent.end and doc[i].pos_ in {"NOUN", "PROPN"} and doc[i].morph.get("Case") in (["Nom"], [])


def _subjectless_sign_verb(sent):
    """The sentence's finite active signing verb when nothing before or right after it can be
    its subject, or None."""
    verb = _sign_verb(sent)
    if verb is None or verb.morph.get("VerbForm") != ["Fin"] or verb.morph.get("Voice") == ["Pass"] \
            or _has_subject_before(sent, verb) or _has_subject_after(sent, verb):
        return None
    return verb


def elided_subject(doc, sentences, index: int, places: set) -> Optional[Party]:
    if index == 0:
        return None
    sent = sentences[index]
    verb = _subjectless_sign_verb(sent)
    if verb is None:
        return None
    before = sentences[index - 1]
    if verb.morph.get("Number") == ["Plur"] and speaks_as_we(before, sent):
        return speaker_party(doc, verb.i)  # `— В мае мы подписали … А в сентябре заключили контракт …`
    if _author_signs(doc, verb) is not None:
        return speaker_party(doc, verb.i)  # `Глава Тамбовской области Игорь Светлов: … Сегодня подписал соглашение`
    parties = sentence_parties(doc, before, places, False)
    first = parties[0] if parties else None
    words_before = [t for t in doc[before.start:first.start] if not t.is_space and not t.is_punct] if first else None
    if first is None or not (first.type == ORG or first.governed) or any(t.pos_ not in {"NOUN", "ADJ"} for t in words_before or []):
        return None
    if first.governed and words_before:
        opening = words_before[-1]  # `Правительство Омской области`: the body's case
    else:
        opening = doc[first.start] if doc[first.start].is_alpha else doc[min(first.start + 1, first.end - 1)]
    if opening.morph.get("Case") not in (["Nom"], []):
        return None
    head = _named_head(doc, first, before) if first.governed and verb.morph.get("Number") == ["Sing"] else None
    if head is not None:  # `Губернатор Амурской области Вадим Корнеев …. Также подписал …`: he signs
        # (a plural `Подписали` after `Мэр Череповца Вадим Германов:` is the city's `we`)
        return Party(verb.i, verb.i + 1, person_name(head), PER)
    return Party(verb.i, verb.i + 1, first.name, first.type, first.governed)


def _named_head(doc, region: Party, sent):
    """The person named right after a region's title (`Губернатор Амурской области Вадим
    Корнеев`), or None."""
    return next((ent for ent in entities_in(sent) if ent.label_ == "PER" and ent.start == region.end), None)


def elided_author(doc, sentences, index: int) -> Optional[Party]:
    """The author of a post whose headline names him (`Глава Тамбовской области Игорь Светлов: …`)
    signing in the first person with the subject left out (`Сегодня подписал соглашение с …`)."""
    verb = _subjectless_sign_verb(sentences[index])
    if verb is None:
        return None
    author = _author_signs(doc, verb)
    return Party(verb.i, verb.i + 1, author["name"], PER) if author is not None else None


def _author_signs(doc, verb) -> Optional[dict]:
    """The person the headline names as the interviewee or author (`Name: «…»`), or the author
    of a post the lead tells of, when the signing verb with no subject is a singular past
    form, the author's first person."""
    if verb.morph.get("Number") != ["Sing"] or verb.morph.get("Tense") != ["Past"]:
        return None
    guest = interviewee(doc)
    headline_end = doc.text.find("\n")
    if guest is None or headline_end < 0 or not any(start < headline_end for start, _ in guest.get("mentions") or []):
        return post_author(doc)
    return guest
