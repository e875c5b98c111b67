"""Those who attend, help or report a signing are no parties: `В присутствии губернатора
Самарской области … компания «Х» и банк «Y» подписали соглашение`, `При поддержке Фонда
развития промышленности компания «Х» заключила контракт с …`, `Как сообщает пресс-служба
правительства Омской области, компания «Х» подписала …`, `ПАО «Х» информирует, что его дочернее
общество ООО «Y» заключило контракт …`.

`в`/`при`/`без` and a witness noun (rules/witness_nouns.txt) open a phrase that runs over the
genitive words, names and quotes after it; `как сообщает`, `по данным`, `по информации`
(rules/source_openers.txt), `по словам`, `как рассказал` before a signing
(rules/speaker_openers.txt) and `на основании`, `в соответствии с` (rules/basis_openers.txt)
open one that runs to the next comma, as does a relative clause of hosting (`, которое провёл …`,
rules/host_verbs.txt). The parties inside are dropped.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple

from ..normalize import is_legal_form
from ..records import PER
from ..vocab import load_list, load_set, load_table
from .common import SOURCE_STARTS, index_by_first_word, lemmas_at, word_lemmas

OPENERS = {"в", "во", "при", "без"}  # `без участия правительства области`: no party either
INSIDE = {"«", "»", "\"", "-", "—"}


def _phrase_end(doc, start: int, limit: int) -> int:
    """The end of the genitive phrase after a witness noun, over a place inside it (`полномочного
    представителя президента в Дальневосточном федеральном округе`) and the person's name in
    whatever case the tagger gave it (`… торговли Шерзода Ахмедова`)."""
    end = start
    while end < limit:
        token = doc[end]
        if is_legal_form(token.text) and end > start:
            break  # `В присутствии министра … Рустема Салихова ООО «Кама Агрегат» и …`: a company opens
        if token.is_space or token.text in INSIDE or token.morph.get("Case") == ["Gen"] \
                or (token.ent_iob_ == "I") or token.ent_type_ == "PER" \
                or (token.pos_ == "PROPN" and not token.morph.get("Case")):
            end += 1
        elif token.text in {"и", ","} and end + 1 < limit and doc[end + 1].morph.get("Case") == ["Gen"] \
                and doc[end + 1].pos_ != "PROPN":  # `министра инвестиций, промышленности и торговли`
            end += 1
        elif token.lower_ in PLACE_PREPOSITIONS and end > start and end + 1 < limit \
                and doc[end + 1].morph.get("Case") == ["Loc"]:
            end += 1
            while end < limit and doc[end].morph.get("Case") == ["Loc"]:
                end += 1
        else:
            break
    return end


PLACE_PREPOSITIONS = {"в", "во", "на"}


def _comma_after(doc, start: int, limit: int) -> int:
    end = start
    while end < limit and doc[end].text != ",":
        end += 1
    return end


ATTENDING = {"присутствовать", "присутствовавший"}  # the participle of attending
REPORTING = {"сообщить", "сообщать"}  # `…, сообщила пресс-служба …` closing a sentence


def _titled_person_start(doc, comma: int, floor: int) -> int:
    """The start of the person named right before a comma, with his title's words."""
    i = comma
    while i > floor and doc[i - 1].ent_type_ == "PER":
        i -= 1
    return i


def witness_spans(doc, sent) -> List[Tuple[int, int]]:
    spans = []
    for token in sent:
        if token.i + 1 >= sent.end:
            continue
        following = doc[token.i + 1]
        if token.lower_ in OPENERS and word_lemmas(following) & load_set("witness_nouns.txt"):
            spans.append((token.i, _phrase_end(doc, token.i + 2, sent.end)))
        elif token.text == "," and following.lemma_.lower() in ATTENDING and token.i > sent.start:
            # `Генеральный консул Индии Раджеш Кумар Варма, присутствовавший на подписании, …`: the
            # person and title before the participle
            spans.append((_titled_person_start(doc, token.i, sent.start), token.i))
        elif token.lemma_.lower() in ATTENDING and token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Fin"]:
            # `…, на церемонии также присутствовали глава округа … и депутаты`: the clause of
            # attending, from its comma to the sentence's end (opening it, to its comma)
            start = next((t.i for t in reversed(doc[sent.start:token.i]) if t.text in {",", ";"}), None)
            if start is None:  # `На церемонии присутствовал губернатор …, соглашение подписали …`: to its comma
                spans.append((sent.start, _comma_after(doc, token.i, sent.end)))
            else:
                spans.append((start, next((t.i for t in doc[token.i:sent.end] if t.text == ";"), sent.end)))
        elif token.text == "," and "который" in word_lemmas(following) and token.i + 2 < sent.end \
                and word_lemmas(doc[token.i + 2]) & load_set("host_verbs.txt"):
            # `… на заседании совета, которое провёл губернатор Роман Вишняков`: who held the
            # meeting, to the clause's end
            spans.append((token.i, _comma_after(doc, token.i + 1, sent.end)))
        elif _opens_basis(doc, token, sent.end):
            # `на основании постановления Правительства РФ от …,`: what the signing rests on
            spans.append((token.i, _comma_after(doc, token.i + 1, sent.end)))
        elif token.text == "," and following.lemma_.lower() in REPORTING and token.i + 2 < sent.end \
                and word_lemmas(doc[token.i + 2]) & load_set("source_cues.txt"):
            # `…, сообщила пресс-служба правительства Алтайского края.`: who gave the news
            spans.append((token.i, sent.end))
        elif token.lower_ in SOURCE_STARTS and word_lemmas(following) & load_set("source_openers.txt"):
            end = _comma_after(doc, token.i + 2, sent.end)
            if end < sent.end:  # a source closes with a comma before the news it gives
                spans.append((token.i, end))
        elif token.lower_ in SOURCE_STARTS and word_lemmas(following) & load_set("speaker_openers.txt"):
            end = _comma_after(doc, token.i + 2, sent.end)
            if end < sent.end and any(_tells_of_agreement(t) for t in doc[end:sent.end]):
                spans.append((token.i, end))  # a speaker tells of a signing or judges an agreement
    return spans


@lru_cache(maxsize=None)
def _agreement_words() -> frozenset:
    """The first lemmas of rules/agreement_kinds.tsv: `соглашение`, `контракт`, `дорожный` …"""
    return frozenset(words.split()[0] for words, _ in load_table("agreement_kinds.tsv", 2))


def _tells_of_agreement(token) -> bool:
    """A sign verb or an agreement's word: `…, компания «Х» подписала …`, `…, контракт снижает риски`."""
    return token.lemma_.lower() in load_set("sign_verbs.txt") or token.lemma_.lower() in _agreement_words()


@lru_cache(maxsize=None)
def _basis_openers() -> dict:
    """The lemma sequences of rules/basis_openers.txt, indexed by first word."""
    return index_by_first_word({tuple(words.split()): None for words in load_list("basis_openers.txt")})


def _opens_basis(doc, token, end: int) -> bool:
    """Whether a basis phrase of rules/basis_openers.txt opens at the token."""
    by_first = _basis_openers()
    return any(lemmas_at(doc, token.i, lemmas, end)
               for first in word_lemmas(token) & by_first.keys() for lemmas, _ in by_first[first])


def drop_witnesses(doc, sent, parties: list) -> list:
    spans = witness_spans(doc, sent)
    parties = [p for p in parties if not any(start <= p.start < end for start, end in spans)]
    return _without_reporter(doc, sent, parties)


REPORT_VERBS = {"информировать", "сообщать", "сообщить", "объявить", "объявлять"}  # with speech_verbs.txt
THAT = "что"


def _without_reporter(doc, sent, parties: list) -> list:
    """`ПАО «Уралмашпром» информирует, что его дочернее общество ООО «УМП-Трейд» заключило
    контракт с …`: who reports, before `, что`, is no party when the clause after names its own
    signing organisation before the sign verb."""
    for token in sent:
        if token.lower_ != THAT or token.i - 2 < sent.start or doc[token.i - 1].text != ",":
            continue
        verb = doc[token.i - 2]
        if not (word_lemmas(verb) & (REPORT_VERBS | load_set("speech_verbs.txt"))):
            continue
        sign = next((t.i for t in doc[token.i:sent.end] if t.lemma_.lower() in load_set("sign_verbs.txt")), None)
        if sign is None or not any(token.i < p.start < sign and p.type != PER for p in parties):
            continue
        return [p for p in parties if not p.end <= verb.i]
    return parties
