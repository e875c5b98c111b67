"""A region that signs without its name: `правительство области`, `администрацией провинции`,
`край подписал`, `акимат уже подписал меморандум`.

A bare region word (`области`, `провинции`) stands for the article's one region when that is
one of its kind, else for the last region named before with that word (`в провинции Цзянсу`
→ Цзянсу). A bare body
(rules/bare_government_nouns.txt) as the subject or the `с` partner of a signing stands for
the last region named before with a body of its own (`с акиматом Алматинской области`).
A head (`глава`) before a bare region or municipality noun is such a body too, a person's
name after it notwithstanding: `глава округа Сергей Ерёмин` signs for the округ named before.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Optional

from ..vocab import load_set, load_table
from .common import (AND, CITY, LEVEL_NOUNS, PARTNER_PREPOSITIONS, REGION_NOUNS, article_region, coordinated_partner,
                     entities, is_source, may_be_nominative, names_a_side, paragraph_start, word_lemmas)
from .region_names import region_name

# words that name a region without its name: `правительство области`, `край подписал`
HOME_REGION_WORDS = {"область", "край", "регион", "республика", "провинция", "штат"}
REGION = "регион"  # names no region itself: the one its paragraph named last
HEAD = "глава"  # `глава региона`: the region's head, signing for it


def is_bare_region_word(token) -> bool:
    """`области`, `региона`, `край` standing for a region not named there (no adjective, no name)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    # `хокимият области`: the tagger may take the body before it for an adjective
    return token.lemma_.lower() in HOME_REGION_WORDS and not token.ent_type_ \
        and not (before is not None and before.pos_ == "ADJ"
                 and not word_lemmas(before) & load_set("government_nouns.txt"))


def _is_bare_municipality(doc, token, sent) -> bool:
    """`администрация округа`: a municipality noun with no name or adjective after it."""
    if token.lemma_.lower() not in load_set("municipality_nouns.txt") or token.ent_type_:
        return False
    following = doc[token.i + 1] if token.i + 1 < sent.end else None
    # (a person's name after it names no place: `глава округа Сергей Ерёмин`)
    return following is None or following.ent_type_ == "PER" or not (
        following.ent_type_ or following.pos_ in {"PROPN", "ADJ"} or following.text in {"«", "\""})


def _municipality_signs(doc, token, sent) -> bool:
    """`округ подписал`, `с районом`: a bare municipality noun (no adjective before it, no name
    after it) as the subject or the `с` partner of a signing."""
    before = doc[token.i - 1] if token.i > sent.start else None
    return _is_bare_municipality(doc, token, sent) and not (before is not None and before.pos_ == "ADJ") \
        and (_signs_alone(doc, token, sent) or _verb_agrees(doc, token, sent))


def _names_region(ent, noun: Optional[str], governed: bool) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    words = set().union(*(word_lemmas(t) for t in ent))
    if before is not None:
        words |= word_lemmas(before)
    if governed:
        bodies = load_set("government_nouns.txt")
        if all(word_lemmas(t) & bodies for t in ent):
            return False  # `Хокимият` the tagger took for a place is the body, no region
        if before is not None and before.lemma_.lower() in LEVEL_NOUNS | {CITY} and ent.start > 1:
            words |= word_lemmas(doc[ent.start - 2])  # `Хокимият города Коканда`
        return bool(words & bodies)
    if noun == "республика" and words & load_set("republics.txt"):
        return True  # `в Татарстане` … `республика подписала`
    return noun is None or noun in words


def region_before(doc, i: int, noun: Optional[str] = None, governed: bool = False) -> Optional[str]:
    """The last region named before token i (with `noun`, or after a government body)."""
    for ent in reversed([e for e in entities(doc) if e.end <= i and e.label_ == "LOC"]):
        if _names_region(ent, noun, governed) and not _head_title_taken_for_place(ent):
            return region_name(ent)
    return None


def _region_of_body(doc, i: int, body) -> Optional[str]:
    """The last region named before token i right after the same body noun as `body`."""
    for ent in reversed([e for e in entities(doc) if e.end <= i and e.label_ == "LOC" and e.start > 0]):
        if word_lemmas(doc[ent.start - 1]) & word_lemmas(body) & load_set("bare_government_nouns.txt"):
            return region_name(ent)
    return None


def _head_title_taken_for_place(ent) -> bool:
    """`Глава округа` in a headline, which the tagger took for a place: a head's title and no
    adjective or name after it."""
    return bool(word_lemmas(ent[0]) & load_set("region_head_positions.txt")) \
        and not any(t.pos_ in {"ADJ", "PROPN"} for t in ent[1:])



def _city_before(doc, i: int) -> Optional[str]:
    """`администрация города` after `Администрация Таганрога`: the last place named before with
    a government body and no region or district noun, the city; else a city named earlier in the
    same sentence (`Завод «Уралавтобус» в Уфе заключил с администрацией города договор`)."""
    places = [e for e in entities(doc) if e.end <= i and e.label_ == "LOC"]
    for ent in reversed(places):
        if _names_region(ent, None, True):
            return None if any(t.lemma_.lower() in LEVEL_NOUNS for t in ent) else region_name(ent)
    sent = doc[i].sent if i < len(doc) else None
    for ent in reversed([e for e in places if sent is not None and e.start >= sent.start]):
        name = region_name(ent)
        if not any(t.lemma_.lower() in LEVEL_NOUNS | REGION_NOUNS for t in ent) \
                and name.lower() not in load_set("countries.txt") | load_set("republics.txt"):
            return name
    return None


def _is_bare_body(doc, token, sent) -> bool:
    """`акимат подписал`, `с облисполкомом`: a body with no region, organisation or name after it."""
    if not word_lemmas(token) & load_set("bare_government_nouns.txt"):
        return False
    following_inside = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    if token.ent_type_ and (token.ent_iob_ != "B" or following_inside):
        return False  # a body the tagger took for a name of its own (`Акимат`) stays a body
    following = doc[token.i + 1] if token.i + 1 < sent.end else None
    if _qualified_by(following) or following is not None and is_bare_region_word(following):
        return False
    return _signs_alone(doc, token, sent) or names_a_side(doc, token) or _subject_of_next_verb(doc, token, sent)


def _subject_of_next_verb(doc, token, sent) -> bool:
    """`С каждой из компаний хокимият подписал …`: a body right before a finite verb, with a
    nominative reading whatever case the tagger gave it."""
    verb = next((t for t in doc[token.i + 1:sent.end] if not t.is_space), None)
    return verb is not None and verb.pos_ == "VERB" and verb.morph.get("VerbForm") == ["Fin"] and may_be_nominative(token)


def _is_bare_governor(doc, token, sent) -> bool:
    """`губернатор и директор «Х» подписали`, `с губернатором`: a title of
    rules/governor_titles.txt with no name, region or other word of a position after it, as the
    subject or the `с` partner."""
    if not word_lemmas(token) & load_set("governor_titles.txt") or token.ent_type_:
        return False
    return not _qualified_by(doc[token.i + 1] if token.i + 1 < sent.end else None) and _signs_alone(doc, token, sent)


def _is_named_governor(doc, token, sent) -> bool:
    """`Губернатор Владимир Лосев подписал …`: a title of rules/governor_titles.txt right before
    the person's name, no region in it, as the subject or the `с` partner."""
    return bool(word_lemmas(token) & load_set("governor_titles.txt")) and not token.ent_type_ \
        and token.i + 1 < sent.end and doc[token.i + 1].ent_type_ == "PER" and _signs_alone(doc, token, sent)


def _qualified_by(following) -> bool:
    """A name, adjective, noun or quote right after a body or title: it is named there."""
    return following is not None and (following.ent_type_ or following.pos_ in {"PROPN", "ADJ", "NOUN"}
                                      or following.text in {"«", "\""})


def _signs_alone(doc, token, sent) -> bool:
    """A body or title as the subject (nominative) or after `с`/`между` (instrumental)."""
    case = token.morph.get("Case")
    previous = doc[token.i - 1].lower_ if token.i > sent.start else ""
    return case == ["Nom"] or (case == ["Ins"] and previous in PARTNER_PREPOSITIONS)


def _person_named_after(doc, i: int, sent) -> bool:
    """`глава региона Игорь Самойлов`: a name follows token i (the person signs, named)."""
    following = doc[i + 1] if i + 1 < sent.end else None
    return following is not None and (following.ent_type_ == "PER" or following.pos_ == "PROPN")


def _is_partner(doc, token) -> bool:
    """`соглашение между областью и компанией «Х»`, `с краем`, `с министерством и областью`: a
    region word in the instrumental after `между`, `с`, or joined by `и` to a partner after them."""
    return token.i > 0 and token.morph.get("Case") == ["Ins"] and (
        doc[token.i - 1].lower_ in PARTNER_PREPOSITIONS
        or doc[token.i - 1].lower_ == AND and coordinated_partner(doc, token.i - 1, token.sent.start)
        and not (token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "LOC"))  # (`и провинцией Шэньси`)


def _verb_agrees(doc, token, sent) -> bool:
    """`Меморандум … регион заключил с …`: a noun the tagger read as an object after the
    document, right before a finite verb of its gender and number, is the subject."""
    verb = next((t for t in doc[token.i + 1:sent.end] if not t.is_space), None)
    if verb is None or verb.pos_ != "VERB" or verb.morph.get("VerbForm") != ["Fin"] \
            or token.morph.get("Case") != ["Acc"] or verb.morph.get("Number") != token.morph.get("Number"):
        return False
    return verb.morph.get("Gender") in ([], token.morph.get("Gender"))


def _home_region_of(doc, sent, noun: str) -> Optional[str]:
    """The article's region when it is one of this noun (`области` in a Tula article), else the
    last region named with the noun (`провинции` after `в провинции Цзянсу`)."""
    home = article_region(doc)
    if home is not None and (noun in home.lower().split()
                             or noun == "республика" and home.lower() in load_set("republics.txt")):
        return home  # (`Башкортостан`, named without its noun, is a republic)
    if noun == REGION:  # `Другой пример — Челябинская область. Правительство региона и …`
        return _paragraph_region(doc, sent, REGION_NOUNS) or home
    return region_before(doc, sent.start, noun) or home


def _region_adjective(doc, token, sent) -> Optional[str]:
    """`с областной администрацией`, `региональное правительство`: the region noun an adjective
    before a body stands for (rules/region_adjectives.tsv), when no name follows the body."""
    if token.i <= sent.start:
        return None
    following = doc[token.i + 1] if token.i + 1 < sent.end else None
    if following is not None and (following.ent_type_ or following.pos_ == "PROPN" or is_bare_region_word(following)):
        return None
    adjectives = region_adjectives()
    return next((adjectives[w] for w in word_lemmas(doc[token.i - 1]) if w in adjectives), None)


@lru_cache(maxsize=None)
def region_adjectives() -> Dict[str, str]:
    """`областной` → область, `краевой` → край (rules/region_adjectives.tsv)."""
    return dict(load_table("region_adjectives.tsv", 2))


def home_region(doc, sent, sign: bool):
    """(start, end, region) of a region the sentence names without its name, or None."""
    for token in sent:
        following = doc[token.i + 1] if token.i + 1 < sent.end else None
        governs = bool(word_lemmas(token) & load_set("government_nouns.txt")) or token.lemma_.lower() == HEAD
        if governs and following is not None and is_bare_region_word(following):
            region = _home_region_of(doc, sent, following.lemma_.lower())
            end = token.i + 2
        elif governs and following is not None and _is_bare_municipality(doc, following, sent):
            # (a head's district may be named earlier in his sentence: `администрация Боровичского
            # района в лице главы района`)
            region = region_before(doc, token.i if token.lemma_.lower() == HEAD else sent.start,
                                   following.lemma_.lower()) \
                or (_city_before(doc, token.i) if following.lemma_.lower() == CITY else None)
            end = token.i + 2
        elif is_bare_region_word(token) and (token.morph.get("Case") == ["Nom"] or names_a_side(doc, token)
                                             or _is_partner(doc, token) or _verb_agrees(doc, token, sent)):
            region, end = _home_region_of(doc, sent, token.lemma_.lower()), token.i + 1
        elif word_lemmas(token) & load_set("government_nouns.txt") and (noun := _region_adjective(doc, token, sent)):
            region = _home_region_of(doc, sent, noun)
            end = token.i + 1
            token = doc[token.i - 1]  # the party starts at the adjective
        elif sign and _municipality_signs(doc, token, sent) \
                and (region := region_before(doc, sent.start, token.lemma_.lower())):
            end = token.i + 1  # `Смоленский муниципальный округ … В 2023 году округ подписал …`
        elif sign and _is_bare_body(doc, token, sent):
            # (`Хокимият Самаркандской области …` before `хокимият подписал`: the region of that body,
            # not of a governor named since)
            region = _region_of_body(doc, sent.start, token) or region_before(doc, sent.start, governed=True) \
                or article_region(doc)
            end = token.i + 1
        elif sign and _is_bare_governor(doc, token, sent):
            region, end = article_region(doc), token.i + 1
        elif sign and token.lemma_.lower() == HEAD and following is not None and following.lemma_.lower() == REGION \
                and token.morph.get("Case") == ["Nom"] and not _person_named_after(doc, following.i, sent):
            region, end = article_region(doc), token.i + 2  # `Глава региона и директор «Х» подписали`
        else:
            continue
        if region is not None and not is_source(doc, token.i):  # `сообщили в пресс-службе краевого правительства`
            return token.i, end, region
    governor = next((t for t in sent if _is_named_governor(doc, t, sent)), None) if sign else None
    if governor is not None:
        # `Калужская область. Губернатор Владимир Лосев подписал …`, with no other region word in
        # his sentence: his region is the one his paragraph named last, else the article's
        region = _paragraph_region(doc, sent, STATE_REGION_NOUNS) or article_region(doc)
        if region is not None and not is_source(doc, governor.i):
            return governor.i, governor.i + 1, region
    return None


STATE_REGION_NOUNS = {"область", "край", "республика"}  # a governor's, not a district's


def _paragraph_region(doc, sent, nouns: set) -> Optional[str]:
    """The region the sentence's paragraph named last before it: a place with one of `nouns`
    (`Челябинская область`), or a republic named alone (`Татарстан`)."""
    floor = paragraph_start(doc, sent.start)
    named = [e for e in entities(doc) if floor <= e.start and e.end <= sent.start and e.label_ == "LOC"
             and (any(t.lemma_.lower() in nouns for t in e) or word_lemmas(e[0]) & load_set("republics.txt"))]
    return region_name(named[-1]) if named else None
