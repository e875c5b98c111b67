"""A signer named by position alone: `Подписи под документом поставили глава региона и
генеральный директор агрохолдинга Тимур Аваков` after `сообщил губернатор Краснодарского
края Сергей Лавриненко`.

A region head's position (rules/region_head_positions.txt) before a bare region word
(`глава региона`, `губернатор области`) or alone, with no name after it, is the one person of
the article whose position opens with such a word; before a bare municipality noun (`глава
района`), the one such person whose position names a municipality. Two such persons leave it unnamed. A title
alone beside the signing verb (`Министр подписал и второй документ`,
rules/bare_signer_titles.txt) is the one person whose position opens with that title.
"""
from __future__ import annotations

from typing import List

from ..models import morph_analyzer
from ..records import ORG, PER
from ..vocab import load_set
from .agreement_witnesses import drop_witnesses
from .common import DASHES, first_sign_verb, normal_forms, word_lemmas
from .home_regions import is_bare_region_word
from .parties import Party, sentence_parties
from .party_references import interviewee, ministry_of
from .persons import named_org
from .position_verbs import PRONOUNS
from .state_bodies import name_lemmas


def _region_heads(doc, title: str = "", titles: str = "region_head_positions.txt") -> List[str]:
    """Persons whose position opens with a region head's title (or one of `titles`); with
    `title`, only those with that title (`губернатор`, not the `аким` of the other side)."""
    names = []
    for person in doc._.persons:
        words = (person.get("position") or "").lower().split()
        if words and words[0] in load_set(titles) and person["name"] not in names \
                and (not title or words[0] == title):
            names.append(person["name"])
    return names


ABSENCE_REACH = 2  # `без участия главы`


def _is_unnamed_head(doc, token, sent) -> bool:
    if not word_lemmas(token) & load_set("region_head_positions.txt") or token.ent_type_:
        return False
    if token.i > sent.start and word_lemmas(doc[token.i - 1]) & load_set("source_cues.txt"):
        return False  # `сообщает пресс-служба акима области`: the news came from him
    if any(word_lemmas(t) & load_set("absence_words.txt") for t in doc[max(sent.start, token.i - ABSENCE_REACH):token.i]):
        return False  # `подписаны без участия главы республики`: he took no part
    j = token.i + 1
    if j < sent.end and (is_bare_region_word(doc[j]) or _is_municipality_word(doc[j])):
        j += 1
    return j >= sent.end or not (doc[j].ent_type_ or doc[j].pos_ in {"PROPN", "NOUN", "ADJ"})


def _is_bare_title(doc, token, sent) -> bool:
    """`Министр подписал …`, `… подписал министр.`: a title of rules/bare_signer_titles.txt
    next to the signing verb, nothing of a position before or after it."""
    alone = token.ent_type_ == "PER" and token.ent_iob_ == "B" and (
        token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")  # `Премьер-министр` the tagger took for a name
    if (token.ent_type_ and not alone) or not word_lemmas(token) & load_set("bare_signer_titles.txt"):
        return False
    before = doc[token.i - 1] if token.i > sent.start else None
    after = doc[token.i + 1] if token.i + 1 < sent.end else None
    if before is not None and before.pos_ == "ADJ" or after is not None and (
            after.ent_type_ == "PER" and after.ent_iob_ == "I" or after.ent_type_ and not alone
            or after.pos_ in {"PROPN", "NOUN", "ADJ"} or after.text in DASHES):
        return False
    # (`Подписи под документом поставили Премьер-министр и …`: the verb of the signature noun)
    signature = next((t for t in doc[sent.start:token.i] if t.lemma_.lower() == SIGNATURE), None)
    return any(t is not None and t.lemma_.lower() in load_set("sign_verbs.txt") for t in (before, after)) \
        or before is not None and before.pos_ == "VERB" and signature is not None and signature.i < before.i


SIGNATURE = "подпись"


def speaking_signer(doc, sent) -> List[Party]:
    """`Подписи ставили я и аким …` in an interview: the person the headline names, and the
    organisation the headline or the text names for that person."""
    me = next((t for t in sent if t.lower_ == "я"), None)
    guest = interviewee(doc) if me is not None else None
    if guest is None:
        return []
    # not a park's runner guessed for a bare `директор технопарка`; a minister's ministry
    organisation = ministry_of(guest) or named_org(doc, guest)
    return [Party(me.i, me.i + 1, guest["name"], PER)] + ([Party(me.i, me.i, organisation, ORG)] if organisation else [])


def _head_of_named_region(doc, token, sent) -> List[str]:
    """`Второй документ глава Зауралья подписал с …`: a region head's title before a region's
    name and no person's: the persons with such a title over that region (`губернатор Курганской
    области Виктор Осинцев`)."""
    if token.ent_type_ or not word_lemmas(token) & load_set("region_head_positions.txt") \
            or token.morph.get("Case") == ["Gen"]:
        return []  # (`заместитель губернатора Курганской области`: another's title)
    j = token.i + 1
    if j >= sent.end or doc[j].ent_type_ != "LOC" or doc[j].ent_iob_ != "B" or doc[j].morph.get("Case") != ["Gen"]:
        return []
    end = j + 1
    while end < sent.end and doc[end].ent_iob_ == "I":
        end += 1
    if end < sent.end and (doc[end].ent_type_ == "PER" or doc[end].pos_ == "PROPN"):
        return []  # `глава Зауралья Виктор Осинцев`: named here
    region = set(name_lemmas(doc[j:end].text))
    heads = _region_heads(doc)
    over = [name for name in heads if region <= set(name_lemmas(_position_of(doc, name)))]
    # (`хоким Наманганской области подписали` after `во главе с хокимом области Бахтиёром
    # Юлдашевым`: the one with that title whose position names its region by a bare word)
    return over or [name for name in _region_heads(doc, token.lemma_.lower())
                    if _bare_region_title(_position_of(doc, name))]


def _bare_region_title(position: str) -> bool:
    """`хоким области`, `глава региона`: a title over a region its words do not name."""
    words = position.split()
    return len(words) == 2 and words[1].lower() in BARE_REGION_WORDS


BARE_REGION_WORDS = {"области", "региона", "края", "республики", "района", "города"}


def _position_of(doc, name: str) -> str:
    return next((p.get("position") or "" for p in doc._.persons if p["name"] == name), "")


def _regional_word_after(doc, token, sent) -> bool:
    """`глава области`, `глава региона`: a region's head, not a district's or a city's."""
    after = doc[token.i + 1] if token.i + 1 < sent.end else None
    return after is not None and is_bare_region_word(after)


def _is_municipality_word(token) -> bool:
    """`района`, `округа`, `города` bare after a head's title: a municipality's head."""
    return token.lemma_.lower() in load_set("municipality_nouns.txt") and not token.ent_type_


def _municipal_word_after(doc, token, sent) -> bool:
    after = doc[token.i + 1] if token.i + 1 < sent.end else None
    return after is not None and _is_municipality_word(after)


def _over_municipalities(doc, heads: List[str]) -> List[str]:
    """The heads whose position names a municipality (`глава Тихорецкого района`)."""
    regional = set(_over_regions(doc, heads))
    return [name for name in heads if name not in regional]


def _over_regions(doc, heads: List[str]) -> List[str]:
    """The heads whose position names no municipality (`губернатор Пензенской области`, not `глава
    администрации Бессоновского района`)."""
    return [name for name in heads
            if not any(normal_forms(word.lower()) & load_set("municipality_nouns.txt")
                       for word in _position_of(doc, name).split())]


def unnamed_signers(doc, sent) -> List[Party]:
    """Persons a signing sentence names only by their region head's position, not as witnesses
    (`в присутствии главы региона подписано соглашение`), or as `я`."""
    heads = None
    found = []
    for token in sent:
        if _is_unnamed_head(doc, token, sent):
            heads = _region_heads(doc) if heads is None else heads
            if _municipal_word_after(doc, token, sent):  # `глава района`: the one head of a municipality
                titled = _over_municipalities(doc, heads)
            else:
                regional = _over_regions(doc, heads) if _regional_word_after(doc, token, sent) else heads
                titled = regional if len(regional) == 1 else _region_heads(doc, token.lemma_.lower()) if len(heads) > 1 else heads
        else:
            titled = _head_of_named_region(doc, token, sent) or (
                _region_heads(doc, token.lemma_.lower(), "bare_signer_titles.txt")
                if _is_bare_title(doc, token, sent) else [])
        if len(titled) == 1:  # `сам губернатор` beside an `аким` of the other side
            found.append(Party(token.i, token.i + 1, titled[0], PER))
    return drop_witnesses(doc, sent, found)[:1] + speaking_signer(doc, sent) + pronoun_signer(doc, sent)


SIGNING_PRONOUNS = {"он": "Masc", "она": "Fem"}  # the verb's gender a pronoun signs with


def pronoun_signer(doc, sent) -> List[Party]:
    """`Его провёл Игорь Никонов … Он же от имени края подписал три документа`: `он`/`она` as
    the subject of the signing verb is the one person the sentence before names (of the verb's
    gender)."""
    verb = first_sign_verb(sent)
    pronoun = next((t for t in doc[sent.start:verb.i] if t.lower_ in SIGNING_PRONOUNS), None) if verb is not None else None
    if pronoun is None or verb.morph.get("Gender") != [SIGNING_PRONOUNS[pronoun.lower_]] or sent.start == 0:
        return []
    named = {p.name for p in sentence_parties(doc, doc[sent.start - 1].sent, set(), True) if p.type == PER}
    if len(named) != 1:
        return []
    name = named.pop()
    gender = morph_analyzer().parse(name.split()[0])[0].tag.gender  # `Иван` masc, `Ольга` femn
    if gender is not None and gender != PRONOUNS[pronoun.lower_]:
        return []  # `… выступил Иван Петров. Она подписала …`: someone else
    return [Party(pronoun.i, pronoun.i + 1, name, PER)]
