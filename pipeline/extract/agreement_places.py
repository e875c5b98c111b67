"""Parks an agreement sentence speaks of as places or objects, which sign nothing: `в парке
«Х»`, `о создании технопарка «Х»`, `инфраструктуры парка «Х»`, `управляющая компания
индустриального парка «Х»`.

A park named otherwise may sign (`КИП «Мастер» и хокимият подписали`, `директором КИП
«Мастер»`, `ассоциация «Волга-Авто»`, `меморандум между технопарком «Сейм» и …`).
"""
from __future__ import annotations

from ..normalize import strip_quotes
from ..vocab import load_set
from .common import DASHES, PARTNER_PREPOSITIONS, quoted_spans, word_lemmas
from .park_mentions import GENERIC_REFERENCES, is_declined_form, match_kind
from .parties import ORG_NOUNS


def park_places(doc) -> set:
    """Tokens of parks spoken of as places or objects (`в парке «Х»`, `создании технопарка «Х»`).

    A park named otherwise may sign (`КИП «Мастер» и хокимият подписали`,
    `директором КИП «Мастер»`, `ассоциация «Волга-Авто»`).
    """
    spans = doc.spans["park"] if "park" in doc.spans else []
    places = set()
    for span in spans:
        if span.label_ != "mention":
            continue
        if _created_after(doc, span.end) or _in_relative_clause(doc, span):
            # `парк «Х» создан по соглашению между …`; `АО «Y», которому принадлежит парк «Х», …`
            places.update(range(span.start, span.end))
            continue
        if span.start == 0:
            continue
        i = span.start - 1
        while i > 0 and doc[i].pos_ == "ADJ":
            i -= 1  # `о создании малой промышленной зоны «Х»`
        i = _past_kind_phrase(doc, i)
        i = _past_restating_dash(doc, i)
        if i > 0 and word_lemmas(doc[i]) & GENERIC_REFERENCES and span.start - i == 1:
            i -= 1  # `инфраструктуры парка «Х»`: the generic word before a name-only mention
            while i > 0 and doc[i].pos_ == "ADJ":
                i -= 1
        if i > 1 and doc[i].morph.get("Case") == ["Loc"] and doc[i - 1].pos_ == "ADP" \
                and doc[i].lemma_.lower() not in load_set("park_object_words.txt"):
            i -= 2  # `о создании в регионе индустриального парка «Х»`
            while i > 0 and doc[i].pos_ == "ADJ":
                i -= 1
        if doc[i].pos_ == "ADP" and doc[i].lower_ not in PARTNER_PREPOSITIONS \
                or doc[i].lemma_.lower() in load_set("park_object_words.txt") \
                or doc[i].lemma_.lower() in load_set("park_managing_nouns.txt") and _instrumental(doc, span) \
                or _of_common_noun(doc, i, span.start) or _kind_governed(doc, i, span.start):
            places.update(range(span.start, span.end))
    return places | _declined_after_org_noun(doc)


def _instrumental(doc, span) -> bool:
    """Whether a park mention's first noun is in the instrumental (`управления парком «Х»`)."""
    noun = next((t for t in span if t.pos_ in {"NOUN", "PROPN"}), None)
    return noun is not None and noun.morph.get("Case") == ["Ins"]


RELATIVE_REACH = 6  # `, которому принадлежит индустриальный парк «Х»`: words from the comma to the park


def _in_relative_clause(doc, span) -> bool:
    """A park inside a relative clause that signs nothing (`АО «Y», которому принадлежит
    индустриальный парк «Х», …`): what the clause says of the name before it."""
    sent = doc[span.start].sent
    comma = next((t.i for t in reversed(doc[max(sent.start, span.start - RELATIVE_REACH):span.start]) if t.text == ","), None)
    if comma is None or comma + 1 >= span.start or "который" not in word_lemmas(doc[comma + 1]):
        return False
    close = next((t.i for t in doc[span.end:sent.end] if t.text == ","), sent.end)
    return not any(t.lemma_.lower() in load_set("sign_verbs.txt") for t in doc[comma:close])


CREATED_GAP = {"был", "была", "было", "будет", "в", "году"}  # `создан в 2022 году`, `была создана`


def _created_after(doc, end: int) -> bool:
    """Whether a passive participle of creating (rules/park_created_words.txt) follows a park."""
    words = [t for t in doc[end:end + 4] if not (t.is_space or t.is_quote or t.lower_ in CREATED_GAP)]
    return bool(words) and words[0].morph.get("VerbForm") == ["Part"] \
        and bool(word_lemmas(words[0]) & load_set("park_created_words.txt"))


KIND_PHRASE_REACH = 5  # `в особой экономической зоне регионального уровня «Х»`


def _past_kind_phrase(doc, i: int) -> int:
    """Back over a kind and the type phrase between it and a name-only mention (`зоне
    регионального уровня «Усманская»`) to the word before the kind, when a kind is there."""
    j = i
    while j > 0 and i - j < KIND_PHRASE_REACH and doc[j].pos_ in {"ADJ", "NOUN"} and doc[j].text.islower() \
            and not word_lemmas(doc[j]) & load_set("positions.txt") and doc[j].lemma_.lower() not in ORG_NOUNS:
        if match_kind(doc, j) is not None:
            k = j - 1
            while k > 0 and doc[k].pos_ == "ADJ":
                k -= 1
            return k
        j -= 1
    return i


def _past_restating_dash(doc, i: int) -> int:
    """`о создании третьего парка — индустриального парка «Х»`: back over a dash that restates a
    park word before it, and that word's adjectives, to the word before them."""
    if i < 2 or doc[i].text not in DASHES or not (word_lemmas(doc[i - 1]) & GENERIC_REFERENCES
                                                  or match_kind(doc, i - 1) is not None):
        return i
    j = i - 2
    while j > 0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j


def _kind_governed(doc, i: int, start: int) -> bool:
    """`управляющая компания индустриального парка «Х»`: a park named with its kind in the
    genitive after a noun, an organisation's included, is what that noun has, not a party
    (`ассоциация «Волга-Авто»` names the association itself)."""
    return doc[i].pos_ == "NOUN" and doc[i].text.islower() and match_kind(doc, start) is not None \
        and doc[start].morph.get("Case") == ["Gen"] and not _title(doc[i])


def _of_common_noun(doc, i: int, start: int) -> bool:
    """`по финансированию инфраструктуры парка «Х»`: a park in the genitive after a common
    noun is what the thing belongs to; not after a title (`директором КИП «Мастер»`) or an
    organisation noun (`ассоциация «Волга-Авто»`)."""
    noun = doc[i]
    park_words = [t for t in doc[i + 1:start + 2] if t.pos_ in {"NOUN", "PROPN"}]
    # (`корпуса IT-парка «Х»`: a kind in Latin letters the tagger gives no case)
    return noun.pos_ == "NOUN" and noun.text.islower() and park_words and park_words[0].morph.get("Case") in (["Gen"], []) \
        and noun.lemma_.lower() not in ORG_NOUNS and not _title(noun)


def _title(noun) -> bool:
    """A person's title (`директором КИП «Мастер»`), not a plural of partners (`с двумя
    инвесторами промышленного парка «Южный»`)."""
    return bool(word_lemmas(noun) & load_set("positions.txt")) and noun.morph.get("Number") != ["Plur"]


def _declined_after_org_noun(doc) -> set:
    """`Управляющая компания «Прииртышья»`: a park's quoted name that the writer declined after
    an organisation noun is what the organisation runs (`ассоциация «Волга-Авто»`, named as
    written, is the association itself)."""
    names = [park["name"] for park in doc._.parks]
    found = set()
    for span in quoted_spans(doc):
        inner = strip_quotes(span.text)
        i = span.start - 2  # the word before the opening quote
        if i < 0 or inner in names or not any(is_declined_form(inner, name) for name in names):
            continue
        if doc[i].pos_ == "NOUN" and doc[i].text.islower() and doc[i].lemma_.lower() in ORG_NOUNS:
            found.update(range(span.start, span.end))
    return found
