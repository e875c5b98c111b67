"""Where parks are named: a kind followed by a name, and the name alone later.

`Камского индустриального парка «Мастер»`, `КИП «Мастер»`, `ОЭЗ Алабуга`,
`особая экономическая зона (ОЭЗ) «Алабуга»` are kind mentions; `«Химграда»`
alone is a name mention of a park already known by its kind.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from spacy.attrs import LEMMA, ORTH

from ..models import morph_analyzer
from ..normalize import inflect_word, is_legal_form, is_oblique_place, strip_quotes
from ..numbers import parse_number
from ..vocab import load_list, load_set, load_table
from .common import (DASHES, ends_with_colon, index_by_first_word, is_bullet, is_counted, legal_form_quotes, lemmas_at,
                     line_end, may_be_nominative, paragraph_start, quoted_spans, sentence_after, sentence_before,
                     word_lemmas, words_from)

MAX_NAME_WORDS = 3
# words that speak of a park already named: `в парке работают 15 предприятий`
GENERIC_REFERENCES = frozenset({"парк", "зона", "площадка"})
# bare words that name a park of the kind the article names ending in them: `зона «Хромтау»`
# after `индустриальная зона «Актобе-Батыс»`, `парк «Озёры»` after `индустриальный парк …`
GENERIC_KIND_WORDS = ("парк", "зона")


@dataclass
class ParkMention:
    start: int            # first token of the mention (kind or name)
    end: int              # token after the name
    name: str
    key: str              # canonical name, shared by all mentions of one park
    kind: Optional[str]
    kind_abbreviated: bool
    name_start: int
    rule: str
    grouped: bool = False  # one of several parks named together: `в технопарках «А» и «Б»`


@lru_cache(maxsize=None)
def kind_table() -> Dict[Tuple[str, ...], str]:
    return {tuple(words.lower().split()): kind for words, kind in load_table("park_kinds.tsv", 2)}  # lemmas: lower case


@lru_cache(maxsize=None)
def abbreviation_table() -> Dict[Tuple[str, ...], str]:
    return {tuple(words.split()): kind for words, kind in load_table("park_abbreviations.tsv", 2)}


@lru_cache(maxsize=None)
def role_nouns() -> Tuple[Tuple[str, ...], ...]:
    """The lemma sequences of rules/operator_role_nouns.txt (`управляющий компания`), split once."""
    return tuple(tuple(words.split()) for words in load_list("operator_role_nouns.txt"))


def role_at(doc, i: int, end: Optional[int] = None) -> Optional[Tuple[str, ...]]:
    """The runner's role of rules/operator_role_nouns.txt whose words start at token i
    (`управляющей компании`), all before `end`, or None."""
    return next((words for words in role_nouns() if lemmas_at(doc, i, words, end)), None)


def park_named_last_before(parks: List[dict], offset: int) -> Optional[dict]:
    """The park record with a mention starting last before character `offset`, or None."""
    before = [(start, park) for park in parks for start, _ in park.get("mentions") or [] if start < offset]
    return max(before, key=lambda found: found[0])[1] if before else None


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Canonical form of a name: lower case, ё→е, each word's normal form."""
    words = strip_quotes(name).lower().replace("ё", "е").split()
    return " ".join(morph_analyzer().parse(word)[0].normal_form for word in words)


CASE_ENDING = 2  # letters a case ending may change: `Прииртышье` → `Прииртышья`


def is_declined_form(text: str, name: str) -> bool:
    """Whether `text` is `name` with its words declined: the same words up to their endings
    (names the dictionary does not know get no reliable normal form)."""
    words, name_words = text.lower().split(), name.lower().split()
    return len(words) == len(name_words) and all(
        len(a) > CASE_ENDING + 2 and a[:-CASE_ENDING] == b[:len(a) - CASE_ENDING] and abs(len(a) - len(b)) <= CASE_ENDING
        or _same_stem(a, b) for a, b in zip(words, name_words))


def _lemma_forms(token) -> frozenset:
    return _with_last_parts(word_lemmas(token))


@lru_cache(maxsize=65536)
def _with_last_parts(forms: frozenset) -> frozenset:
    """The forms and the last part of each hyphenated one: `компания-резидент` → `резидент`."""
    return forms | {form.split("-")[-1] for form in forms}


@lru_cache(maxsize=None)
def abbreviations_by_first_word() -> Dict[str, Tuple[Tuple[Tuple[str, ...], str], ...]]:
    """The abbreviation table indexed by its first word, so each token tries only its own entries."""
    return index_by_first_word(abbreviation_table())


@lru_cache(maxsize=None)
def kinds_by_first_word() -> Dict[str, Tuple[Tuple[Tuple[str, ...], str], ...]]:
    """The kind table indexed by its first lemma, so each token tries only its own entries."""
    return index_by_first_word(kind_table())


def match_kind(doc, i: int) -> Optional[Tuple[int, str, bool]]:
    """(end, kind, abbreviated) of the longest park kind starting at token i (None past the end)."""
    if i >= len(doc) or doc[i].is_space:
        return None
    best = None
    for words, kind in abbreviations_by_first_word().get(doc[i].text, ()):
        tokens = words_from(doc, i, len(words))
        if len(tokens) == len(words) and tuple(t.text for t in tokens) == words:
            if best is None or tokens[-1].i + 1 > best[0]:
                best = (tokens[-1].i + 1, kind, True)
    index = kinds_by_first_word()
    for form in _lemma_forms(doc[i]):
        for words, kind in index.get(form, ()):
            tokens = words_from(doc, i, len(words))
            if len(tokens) == len(words) and all(w in _lemma_forms(t) for w, t in zip(words, tokens)):
                if best is None or tokens[-1].i + 1 > best[0] or best[2]:
                    best = (tokens[-1].i + 1, kind, False)
    return best


ZONE_NAME_WORDS = 6  # words of a zone's name in quotes


def zone_name_after(doc, quote: int) -> Optional[str]:
    """`АО «ОЭЗ «Сура»»`, `АО «ОЭЗ ППТ «Тверца»` (its outer quote never closed): after the opening
    quote at token `quote`, a park's kind and a name in quotes of its own (quotes inside it kept in
    balance: `«ОЭЗ «Технополис «Москва»»»`): that name, the zone's, or None."""
    kind = match_kind(doc, quote + 1) if quote + 1 < len(doc) else None
    # (`АО «Особая экономическая зона промышленно-производственного типа «Узловая»»`: past the type)
    opening = _skip_type_phrase(doc, kind[0]) if kind is not None and kind[0] < len(doc) else None
    if opening is None or opening >= len(doc) or doc[opening].text not in {"«", "\""}:
        return None
    depth = 1
    for t in doc[opening + 1:min(len(doc), opening + 1 + ZONE_NAME_WORDS)]:
        depth += (t.text == "«") - (t.text in {"»", "\""})
        if depth == 0 or t.text == "\"":
            return strip_quotes(doc[opening + 1:t.i].text)
    return None


def _skip_type_phrase(doc, i: int) -> int:
    """Past `промышленно-производственного типа` in `особой экономической зоны
    промышленно-производственного типа «Миасс»`."""
    for j in range(i, min(i + 4, len(doc))):
        if doc[j].lemma_.lower() == "тип" or doc[j].text.lower() == "типа":
            return j + 1
        if doc[j].is_punct:
            break
    return i


def _skip_parenthetical(doc, i: int) -> int:
    """Past `(ОЭЗ)` in `особая экономическая зона (ОЭЗ) «Алабуга»`."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper():
        return i + 3
    return i


def _next_word(doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


DASHED_NAME_REACH = 3  # `индустриальная зона региона — «Рудный-Металл»`


def _dashed_name(doc, i: int, quoted_at: Dict[int, object]) -> Optional[int]:
    """The dash before a quoted name that a kind in the nominative leads to past a genitive or
    two (`вторая индустриальная зона региона — «Рудный-Металл»`); not a kind in another case,
    which an operator cue governs (`Оператор индустриального парка — «Х»`)."""
    if doc[i - 1].morph.get("Case") != ["Nom"]:
        if doc[i].text == "," and i + 2 in quoted_at and may_be_nominative(doc[i - 1]) \
                and _closed_by_comma(doc, quoted_at[i + 2].end + 1):
            return i  # `Второй индустриальный парк, «Осенцы-2», площадью 48,5 га` (`парк` read as Acc)
        if doc[i].text in {"—", "–"} and i + 2 in quoted_at and doc[i - 1].morph.get("Number") == ["Sing"] \
                and not _run_by_role(doc, i - 1):
            return i  # `о создании нового технопарка — «Белкино-Тех»`, `построят технопарк — «Х»` (not
            # `управляем двумя парками — «А» и «Б»`, a list for the counted parks' rules)
        return None
    for j in range(i, min(i + DASHED_NAME_REACH + 1, len(doc))):
        if doc[j].text in {"—", "–"}:
            return j if j + 2 in quoted_at else None
        if doc[j].text == "," and j == i and j + 2 in quoted_at and _closed_by_comma(doc, quoted_at[j + 2].end + 1):
            return j  # `Вторая индустриальная площадка, «Осенцы-2», занимает 48,5 га`
        if doc[j].is_space or (doc[j].text.islower() and doc[j].morph.get("Case") == ["Gen"]):
            continue
        return None
    return None


ROLE_REACH = 4  # `управляющей компанией индустриального парка — «Х»`: words back from the kind to a role


def _run_by_role(doc, i: int) -> bool:
    """Whether a role or title governs the kind ending at token i (`Оператор индустриального парка
    — «Х»`, `директор технопарка — «Х»`): the name after the dash is the role's holder."""
    roles = load_set("operator_role_nouns.txt") | load_set("positions.txt")
    j = i
    while j >= 0 and i - j <= ROLE_REACH:
        if word_lemmas(doc[j]) & roles:
            return True
        if doc[j].pos_ not in {"ADJ", "NOUN"}:
            return False
        j -= 1
    return False


def _closed_by_comma(doc, i: int) -> bool:
    """A comma right after a quoted name set off by a comma before it: an apposition."""
    return i < len(doc) and doc[i].text == ","


FIELD_WORDS = {"сфера", "область"}  # `технопарк в сфере высоких технологий «Жигулёвская долина»`
FIELD_REACH = 4


GENITIVE_FIELD_REACH = 3  # `технопарк высоких технологий «Малахит»`


def _skip_field_phrase(doc, i: int, quoted_at: Dict[int, object]) -> int:
    """Past `в сфере высоких технологий` or `высоких технологий` before a quoted name; not past
    an owner's noun (`технопарк компании «Веста»`, rules/operator_possessor_heads.txt)."""
    owners = load_set("operator_possessor_heads.txt") | load_set("business_nouns.txt")
    for j in range(i, min(i + GENITIVE_FIELD_REACH, len(doc))):
        token = doc[j]
        if not (token.text.islower() and token.is_alpha and token.morph.get("Case") == ["Gen"]
                and token.pos_ in {"ADJ", "NOUN"} and not word_lemmas(token) & owners):
            break
        if j + 2 in quoted_at and j > i and token.pos_ == "NOUN":
            return j + 1  # the opening quote
    if i + 1 < len(doc) and doc[i].lower_ == "в" and doc[i + 1].lemma_.lower() in FIELD_WORDS:
        for j in range(i + 2, min(i + 2 + FIELD_REACH, len(doc))):
            if j + 1 in quoted_at:
                return j
            if not (doc[j].text.islower() and doc[j].is_alpha):
                break
    return i


def _skip_region(doc, i: int, quoted_at: Dict[int, object]) -> int:
    """Past a region in the genitive before a quoted name: `индустриальный парк Калужской
    области «Ворсино»`, `промышленный кластер Республики Башкортостан «Химия Приуралья»`."""
    if i >= len(doc) or doc[i].ent_type_ != "LOC" or doc[i].morph.get("Case") != ["Gen"]:
        return i
    j = i
    while j < len(doc) and doc[j].ent_type_ == "LOC" and (j == i or doc[j].ent_iob_ == "I"):
        j += 1
    return j if j + 1 in quoted_at else i


def name_after(doc, i: int, quoted_at: Dict[int, object]) -> Optional[Tuple[int, int, str, str]]:
    """(start, end, name, rule) of the park name at token i: quoted, or capitalised words."""
    kind_head = doc[i - 1] if i > 0 else None
    i = _next_word(doc, _skip_type_phrase(doc, _skip_parenthetical(doc, i)))
    i = _skip_region(doc, _skip_field_phrase(doc, i, quoted_at), quoted_at)
    dash = _dashed_name(doc, i, quoted_at) if 0 < i < len(doc) else None
    if dash is not None:
        i = _next_word(doc, dash + 1)
    if i < len(doc) and i + 1 in quoted_at:
        span = quoted_at[i + 1]
        return i, span.end + 1, _quoted_name(span, kind_head), "kind_quoted_name"
    if i < len(doc) and word_lemmas(doc[i]) & load_set("place_nouns.txt"):
        return None  # `в северной промзоне ЗАТО Заречный`: a place, not the zone's name
    end = i
    while end < len(doc) and end - i < MAX_NAME_WORDS and _is_bare_name_word(doc[end]):
        end += 1
    if end > i:
        return i, end, doc[i:end].text, "kind_bare_name"
    return None


def _is_bare_name_word(token) -> bool:
    if not token.text[:1].isupper() or token.is_punct or token.is_sent_start:
        return False
    if token.ent_type_ == "LOC" and (token.morph.get("Case") not in (["Nom"], []) or is_oblique_place(token.text)):
        return False  # индустриальный парк Калужской области, в промзоне Шадринска: a place, not a name
    if token.ent_type_ == "PER":
        return False  # директор технопарка Алексей Кудашкин: a person, not the park's name
    if token.ent_type_ == "ORG" and token.morph.get("Case") == ["Gen"]:
        return False  # реестр промышленных кластеров Минпромторга: whose register, not a name
    return token.pos_ in {"PROPN", "NOUN", "ADJ", "X"}


@dataclass
class KindReference:
    """A kind without a name (`на территории ОЭЗ`, `технопарк`, `парк`): a park spoken of again."""
    start: int
    end: int
    kind: Optional[str] = None  # None for a generic word: `парк`, `зона`, `площадка`
    abbreviated: bool = False
    group: bool = False  # `три индустриальных парка`: a kind written out, no park spoken of


_STARTS_KIND: Dict[Tuple[int, int], bool] = {}  # (ORTH, LEMMA) → may start a kind or a reference


def _kind_starts(doc) -> set:
    """Indexes of the words that may start a kind or a generic reference (`парк`), read off
    the ORTH and LEMMA columns: each distinct word is looked up once per process, not at
    every token of every doc."""
    starts = set()
    for i, key in enumerate(map(tuple, doc.to_array([ORTH, LEMMA]).tolist())):
        may_start = _STARTS_KIND.get(key)
        if may_start is None:
            if len(_STARTS_KIND) >= 100_000:
                _STARTS_KIND.clear()  # memory stays flat over a long run
            token = doc[i]
            forms = _lemma_forms(token)
            may_start = _STARTS_KIND[key] = (
                token.text in abbreviations_by_first_word() or any(f in kinds_by_first_word() for f in forms)
                or bool(word_lemmas(token) & GENERIC_REFERENCES))
        if may_start:
            starts.add(i)
    return starts


QUOTED_NAME_KINDS = {"кластер"}  # `кластер «Сухонский лес»`, not `кластеры Чустского и Папского районов`


def find_kind_mentions(doc) -> Tuple[List[ParkMention], List[KindReference]]:
    quoted_at = {span.start: span for span in quoted_spans(doc)}
    found: List[ParkMention] = []
    references: List[KindReference] = []
    starts = _kind_starts(doc)
    i = 0
    while i < len(doc):
        if i not in starts:
            i += 1
            continue
        kind = match_kind(doc, i)
        if kind is None:
            if word_lemmas(doc[i]) & GENERIC_REFERENCES and not _is_group(doc, i):
                references.append(KindReference(i, i + 1))
            elif word_lemmas(doc[i]) & GENERIC_REFERENCES and doc[i].morph.get("Number") == ["Plur"] and is_counted(doc, i):
                # `Мы управляем тремя парками.`: the names after it may be read (generic_word_names)
                references.append(KindReference(i, i + 1, group=True))
            i += 1
            continue
        end, kind_text, abbreviated = kind
        named = name_after(doc, end, quoted_at)
        if named and named[3] != "kind_quoted_name" and (
                abbreviated and kind_text == "индустриальный парк" or kind_text in QUOTED_NAME_KINDS):
            named = None
        if named:
            start, name_end, name, rule = named
            found.append(ParkMention(i, name_end, name, name_key(name), kind_text, abbreviated,
                                     start, rule))
            if rule == "kind_quoted_name" and _is_group(doc, i):
                joined = coordinated_names(doc, name_end, quoted_at, kind_text, abbreviated)
                for grouped in found[-1:] + joined if joined else []:
                    grouped.grouped = True
                if not joined and found[-1].key in _legal_form_names(doc):
                    found.pop()  # `оператора промышленных парков «ИДП»` … `АО «ИДП»`: the company whose parks they are
                    i = name_end
                    continue
                found.extend(joined)
            i = found[-1].end
        elif _is_group(doc, i):
            listed = listed_names(doc, i, end, quoted_at, kind_text, abbreviated)
            found.extend(listed)
            references.append(KindReference(i, end, kind_text, abbreviated, group=True))
            # (past names in its sentence; the sentences after a count are read again for their own kinds)
            i = listed[-1].end if listed and listed[-1].start < doc[i].sent.end else end
        else:
            references.append(KindReference(i, end, kind_text, abbreviated))
            i = end
    pronouns = [KindReference(t.i, t.i + 1) for t in doc if t.lower_ in PLACED_PRONOUNS and _placed_pronoun(doc, t.i)]
    return found, sorted(references + pronouns, key=lambda r: r.start)


PLACED_PRONOUNS = {"он", "она", "оно"}  # `«Ворсино» — один из крупнейших парков. Он расположен в …`


def _placed_pronoun(doc, i: int) -> bool:
    """A pronoun opening a sentence before a verb of place or size (rules/location_cues.txt,
    rules/park_occupy_verbs.txt), or after such a verb opening it: a park spoken of again, `Он
    расположен в Боровском районе`, `Он занимает два здания общей площадью …`, `Находится он в …`."""
    cues = load_set("location_cues.txt") | load_set("park_occupy_verbs.txt")
    if doc[i].lower_ not in PLACED_PRONOUNS:
        return False
    if i > 0 and doc[i - 1].is_sent_start and word_lemmas(doc[i - 1]) & cues:
        return True  # `Находится он на северной окраине Челябинска`
    following = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].is_sent_start and following is not None and bool(word_lemmas(following) & cues)


@lru_cache(maxsize=None)
def kind_expansions() -> Dict[str, Tuple[str, ...]]:
    table: Dict[str, Tuple[str, ...]] = {}
    for short, full in load_table("park_kind_expansions.tsv", 2):
        table[short] = table.get(short, ()) + (full,)
    return table


def expand_kind(kind: Optional[str], full_kinds: set) -> Optional[str]:
    """`ТОР` → `территория опережающего развития` when the article uses the full form."""
    for full in kind_expansions().get(kind or "", ()):
        if full in full_kinds:
            return full
    return kind


def full_kinds(mentions, references) -> set:
    """Every kind the article writes out in full, named or not."""
    kinds = {m.kind for m in mentions if m.kind and not m.kind_abbreviated}
    return kinds | {r.kind for r in references if r.kind and not r.abbreviated}


def _is_group(doc, i: int) -> bool:
    return doc[i].morph.get("Number") == ["Plur"] or is_counted(doc, i)


PLACE_REACH = 6  # `«Ворсино» в Боровском районе и «Детчино»`: the words of a place between two names


def past_place(doc, i: int) -> int:
    """Past a place after a listed name (`в Боровском районе`, `на территории … района`) to the
    `и` or comma after it; i itself when no place stands there."""
    if i >= len(doc) or not word_lemmas(doc[i]) & load_set("place_prepositions.txt"):
        return i
    j = i + 1
    while j < len(doc) and j - i <= PLACE_REACH and doc[j].text not in {",", "и", "«", "\"", ".", ";"}:
        j += 1
    return j if j < len(doc) and doc[j].text in {",", "и"} else i


ASIDE_REACH = 12  # `«Кстово-Восток» (212 га, Кстовский район) и «Борский»`: a short card in brackets


def past_aside(doc, i: int) -> int:
    """Past a bracketed aside after a listed name (its area, its district) to the word after it;
    i itself when none stands there."""
    if i >= len(doc) or doc[i].text != "(":
        return i
    close = next((j for j in range(i + 1, min(len(doc), i + ASIDE_REACH)) if doc[j].text in {")", "("}), None)
    return _next_word(doc, close + 1) if close is not None and doc[close].text == ")" else i


JOINED_MODIFIERS = 2  # `и строящийся «К»`, `и самый новый «К»`: words between the joint and the name


def coordinated_names(doc, i: int, quoted_at, kind: str, abbreviated: bool) -> List[ParkMention]:
    """The names joined to a plural kind's first one: `индустриальных парков «Северный»,
    «Западный» и «Южный»`."""
    found = []
    while True:
        joint = past_place(doc, past_aside(doc, _next_word(doc, i)))
        if joint >= len(doc) or doc[joint].text not in {",", "и"}:
            return found
        quote = _next_word(doc, joint + 1)
        for _ in range(JOINED_MODIFIERS):  # `и строящийся «Кропоткин-Восток»`: the park's own adjective
            if quote < len(doc) and doc[quote].text.islower() and (doc[quote].pos_ == "ADJ"
                                                                    or doc[quote].morph.get("VerbForm") == ["Part"]):
                quote = _next_word(doc, quote + 1)
        span = quoted_at.get(quote + 1)
        if quote >= len(doc) or span is None:
            return found
        name = strip_quotes(span.text)
        found.append(ParkMention(quote, span.end + 1, name, name_key(name), kind, abbreviated,
                                 quote, "listed_after_kind", grouped=True))
        i = span.end + 1


def listed_names(doc, start: int, end: int, quoted_at, kind: str, abbreviated: bool) -> List[ParkMention]:
    """`три индустриальных парка …: «Собинский» (…), «Ковровский» (…) и «Гусевской» (…)`; a
    heading ending in a colon, its parks on the lines after it, one name opening each:
    `Состояние индустриальных парков:\n«Сурская долина» (Пензенский район) — 124 га, …;`; a
    counted kind, the sentences after it opening with a name each (_counted_sentences)."""
    sent = doc[start].sent
    colon = _line_ending_colon(doc, end, sent.end)
    if colon is not None:  # `Три индустриальных парка, которыми управляет …:` and a card under it per park
        cards = _card_heads(doc, colon, quoted_at, kind, abbreviated)
        if len(cards) > 1:
            return cards
    found = []
    for open_at in range(end, sent.end if colon is None else colon):
        span = quoted_at.get(open_at + 1)
        if span is None or span.end >= sent.end:
            continue
        if _names_organisation(doc, open_at):
            continue
        name = _quoted_name(span, doc[end - 1])
        found.append(ParkMention(open_at, span.end + 1, name, name_key(name), kind, abbreviated,
                                 open_at, "listed_after_kind"))
    if not found and ends_with_colon(sent):
        found = _lines_under_heading(doc, sent, quoted_at, kind, abbreviated)
    if not found:
        found = _counted_sentences(doc, start, quoted_at, kind, abbreviated)
    return found


def _line_ending_colon(doc, start: int, end: int) -> Optional[int]:
    """A colon between tokens start and end that ends its line."""
    return next((t.i for t in doc[start:end] if t.text == ":" and t.i + 1 < len(doc)
                 and doc[t.i + 1].is_space and "\n" in doc[t.i + 1].text), None)


def _lines_after(doc, i: int):
    """The lines after token i, as (first token, token after the last) pairs; blank lines give
    empty ones."""
    start = i + 1
    for k in range(i + 1, len(doc) + 1):
        if k == len(doc) or doc[k].is_space and "\n" in doc[k].text:
            yield start, k
            for _ in range(doc[k].text.count("\n") - 1 if k < len(doc) else 0):
                yield k, k
            start = k + 1


def _card_heads(doc, colon: int, quoted_at, kind: str, abbreviated: bool) -> List[ParkMention]:
    """Cards under a heading's colon: each park's quoted name alone on its line, its facts on
    the lines under it opening with a dash or bullet (park_cards), until a line of prose."""
    found: List[ParkMention] = []
    for start, end in _lines_after(doc, colon):
        words = [t for t in doc[start:end] if not t.is_space]
        if not words:
            continue
        if is_bullet(words[0]) or words[0].text in DASHES:
            if not found:
                return []  # (a list of lines, no cards: _lines_under_heading)
            continue
        span = quoted_at.get(words[0].i + 1) if words[0].text in {"«", "\""} else None
        if span is None or span.end + 1 < end and any(not t.is_space for t in doc[span.end + 1:end]):
            break  # a line of prose ends the cards
        name = strip_quotes(span.text)
        found.append(ParkMention(words[0].i, span.end + 1, name, name_key(name), kind, abbreviated,
                                 words[0].i, "listed_after_kind"))
    return found


LINE_CONJUNCTIONS = {"и", "а"}  # `И «Малоярославец-Парк» в Калужской области, который …`


def _counted_sentences(doc, start: int, quoted_at, kind: str, abbreviated: bool) -> List[ParkMention]:
    """`Мы управляем четырьмя индустриальными парками. «Ступино-Запад» под Ступином — 86 гектаров
    … И «Малоярославец-Парк» …`: a counted kind with no name in its sentence speaks of the names
    the next sentences open with, one each, when exactly that many do."""
    number = parse_number(doc[start - 1].text) if start > 0 and (doc[start - 1].pos_ == "NUM" or doc[start - 1].like_num) else None
    count = int(number) if number and number == int(number) else 0
    found: List[ParkMention] = []
    following = sentence_after(doc, doc[start].sent)
    while count > 1 and following is not None and len(found) < count:
        opening = _name_opening(following, quoted_at, kind, abbreviated, LINE_CONJUNCTIONS)
        if opening is None:
            break
        found.append(opening)
        following = sentence_after(doc, following)
    if count > 1 and len(found) != count:
        found = _counted_in_paragraph(doc, doc[start].sent, count, quoted_at, kind, abbreviated)
    return found if count > 1 and len(found) == count else []


def _counted_in_paragraph(doc, sent, count: int, quoted_at, kind: str, abbreviated: bool) -> List[ParkMention]:
    """`Мы управляем четырьмя индустриальными парками, … Самый большой — «А»: 140 гектаров …
    Дальше «Б» …, «В» … и самый молодой — «Г»`: the quoted names of the rest of the paragraph
    (none after a noun, an adjective or a capital: `компанией «Х»`), when exactly that many."""
    found: List[ParkMention] = []
    following = sentence_after(doc, sent)
    while following is not None and paragraph_start(doc, following.start) <= sent.start:
        for open_at in range(following.start, following.end):
            span = quoted_at.get(open_at + 1)
            if span is None or span.end >= following.end or _names_organisation(doc, open_at):
                continue
            name = strip_quotes(span.text)
            if name_key(name) not in {m.key for m in found}:
                found.append(ParkMention(open_at, span.end + 1, name, name_key(name), kind, abbreviated,
                                         open_at, "listed_after_kind"))
        following = sentence_after(doc, following)
    return found if len(found) == count else []


def _names_organisation(doc, open_at: int) -> bool:
    """`АО «Корпорация развития …»`, `компанией «Х»`: a quote after a noun, an adjective or a
    capital opens an organisation's name."""
    before = doc[open_at - 1] if open_at > 0 else None
    return before is not None and (before.pos_ in {"NOUN", "PROPN", "ADJ"} or before.text.isupper())


def _lines_under_heading(doc, heading, quoted_at, kind: str, abbreviated: bool) -> List[ParkMention]:
    """The names opening the lines after a heading, as long as each line opens with one."""
    found = []
    i = heading.end
    while i < len(doc):
        line = doc[i].sent
        opening = _name_opening(line, quoted_at, kind, abbreviated)
        if opening is None:
            break
        found.append(opening)
        i = line.end
    return found


def _name_opening(line, quoted_at, kind: str, abbreviated: bool, skipped=frozenset()) -> Optional[ParkMention]:
    """The park a line or sentence opens with by a quoted name (past a bullet and a word of
    `skipped`), of `kind`; None when it opens otherwise."""
    words = [t for t in line if not t.is_space and not is_bullet(t)]
    if words and words[0].lower_ in skipped:
        words = words[1:]
    span = quoted_at.get(words[0].i + 1) if words and words[0].text in {"«", "\""} else None
    if span is None or span.end >= line.end:
        return None
    name = strip_quotes(span.text)
    return ParkMention(words[0].i, span.end + 1, name, name_key(name), kind, abbreviated, words[0].i, "listed_after_kind")


def generic_word_names(doc, mentions, references, known: Dict[str, str]):
    """`Компания построит парк «Озёры»`, `Второй парк — «Х» —`, `зону «Хромтау» обслуживает …`: a
    quoted name after the bare word `парк` or `зона` (a dash between them allowed) is a park of
    the kind the article names (`индустриальный парк`, `индустриальная зона`) when it names one
    ending in that word; an article that names none may speak of a city park. Returns (new
    mentions, the references left)."""
    named = [k for k in [m.kind for m in mentions] + [r.kind for r in references] if k]
    kinds = {word: Counter(k for k in named if k.endswith(" " + word)).most_common(1) for word in GENERIC_KIND_WORDS}
    if not any(kinds.values()):
        return [], references
    kinds[SITE_WORD] = Counter(named).most_common(1)  # `площадками «А» и «Б»`: the kind the article names most
    quoted_at = {span.start: span for span in quoted_spans(doc)}
    companies = _legal_form_names(doc)
    found, left = [], []
    for r in references:
        opening = _next_word(doc, r.end)
        if opening < len(doc) and doc[opening].text in DASHES:
            opening = _next_word(doc, opening + 1)  # `Второй парк — «Благодарненский» — расположен`
        span = quoted_at.get(opening + 1)
        name = strip_quotes(span.text) if span is not None else None
        word = next((w for w in GENERIC_KIND_WORDS if w in word_lemmas(doc[r.start])), None)
        kind = kinds[word][0][0] if word and kinds[word] else None
        counted = _counted_sentences(doc, r.start, quoted_at, kind, False) if r.kind is None and kind and not name else []
        counted = [m for m in counted if m.key not in known and m.key not in companies]
        if r.kind is None and kind and name and name_key(name) not in known and name_key(name) not in companies:
            found.append(ParkMention(r.start, span.end + 1, name, name_key(name), kind, False,
                                     opening, "generic_word_quoted_name"))
        elif counted:  # `Мы управляем тремя парками. «А» в … — самый зрелый … «Б» … И «В» …`
            found.extend(counted)
        else:
            left.append(r)
    return found + _generic_word_lists(doc, quoted_at, kinds, set(known) | companies), left


def opens_with_counted_adjective(words, openers) -> bool:
    """`Три индустриальных — …`: words opening with a count, an adjective (of a kind left out)
    and one of `openers` (a dash, for a list to operate on a colon too)."""
    return len(words) > 2 and (words[0].pos_ == "NUM" or words[0].like_num) and words[1].pos_ == "ADJ" \
        and words[2].text in openers


def elided_kind_names(doc, known: Dict[str, str]) -> List[ParkMention]:
    """`Мы управляем четырьмя парками. Три индустриальных — «Лесной» под Костромой, «Заречье-2» …
    и «Медведица» …`: a sentence opening with a count and the adjective of a kind whose noun
    the sentence before gives (`парками`), then a dash: the names after it are parks of that kind."""
    quoted_at = {span.start: span for span in quoted_spans(doc)}
    known = set(known) | _legal_form_names(doc)
    found = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if len(words) < 4 or not opens_with_counted_adjective(words, DASHES) or sent.start == 0:
            continue
        before = doc[sent.start - 1].sent
        nouns = {w for t in before for w in word_lemmas(t) & set(GENERIC_KIND_WORDS)}
        kind = next((kind_table().get((adjective, noun)) for adjective in word_lemmas(words[1]) for noun in nouns
                     if kind_table().get((adjective, noun))), None)
        if kind is None:
            continue
        found.extend(m for m in listed_names(doc, words[1].i, words[2].i + 1, quoted_at, kind, False)
                     if m.key not in known)
    return found


PARTITIVE = ("из", "них")  # `Самая заполненная из них, «Тербуны», …`
PARTITIVE_OPENING = 3  # words before it at most: `Самая заполненная`, `Старейший`
PARTITIVE_REACH = 2  # paragraphs back to the kind it picks out of: its own and the one before


def partitive_names(doc, references, known: Dict[str, str]) -> List[ParkMention]:
    """`Ступенью ниже — ОЭЗ регионального уровня. Самая заполненная из них, «Тербуны», находится
    …`: a sentence opening with an adjective and `из них`, then (past a comma or a dash) a quoted
    name: a park of the last kind named before it in its paragraph or the one before."""
    quoted_at = {span.start: span for span in quoted_spans(doc)}
    known = set(known) | _legal_form_names(doc)
    found = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        k = next((k for k in range(1, min(len(words) - 1, PARTITIVE_OPENING + 1))
                  if (words[k].lower_, words[k + 1].lower_) == PARTITIVE), None)
        if k is None or not any(w.pos_ == "ADJ" for w in words[:k]) or k + 2 >= len(words):
            continue
        opening = words[k + 2] if words[k + 2].text in {"«", "\""} else words[k + 3] if k + 3 < len(words) \
            and words[k + 2].text in {","} | set(DASHES) and words[k + 3].text in {"«", "\""} else None
        span = quoted_at.get(opening.i + 1) if opening is not None else None
        if span is None or span.end >= sent.end:
            continue
        floor = _paragraph_back(doc, sent.start, PARTITIVE_REACH)
        kind_of = [r for r in references if r.kind and floor <= r.start < sent.start]
        name = strip_quotes(span.text)
        if kind_of and name_key(name) not in known:
            found.append(ParkMention(opening.i, span.end + 1, name, name_key(name), kind_of[-1].kind,
                                     kind_of[-1].abbreviated, opening.i, "partitive_name"))
    return found


ITEM_MARKS = {".", ")"}  # `1. «Пенза-Север» по-прежнему впереди`, `2) «Сурский»`


def numbered_item_names(doc, references, known: Dict[str, str]) -> List[ParkMention]:
    """`Топ-7 индустриальных парков …` over `1. «Каширский двор» (Московская обл.) — 64
    резидента.` … `2. «Ока-Индастриал» …`: a numbered list whose items open with a quoted name
    (two or more of them), under a plural kind of the headline, else of the paragraph right
    before the list: the names are parks of that kind. A name the text gives a kind of its own
    keeps it (`В специальной экономической зоне «Сарыарка» …`)."""
    quoted_at = {span.start: span for span in quoted_spans(doc)}
    items = [m for start, end in _lines_after(doc, -1) for m in _numbered_item(doc, start, end, quoted_at)]
    if len(items) < 2:
        return []
    first = items[0].start
    headline_end = line_end(doc, 0)
    intro = paragraph_start(doc, max(paragraph_start(doc, first) - 1, 0))
    groups = [r for r in references if r.group and r.kind and r.start < first]
    kind_of = [r for r in groups if r.start < headline_end] or [r for r in groups if r.start >= intro]
    if not kind_of:
        return []
    kind, abbreviated = kind_of[-1].kind, kind_of[-1].abbreviated
    known = set(known) | _legal_form_names(doc)
    return [ParkMention(m.start, m.end, m.name, m.key, kind, abbreviated, m.name_start, "numbered_item_name",
                        grouped=m.grouped) for m in items if m.key not in known]


def _numbered_item(doc, start: int, end: int, quoted_at) -> List[ParkMention]:
    """The quoted names a line opens with past its number (`6–7. «Орёл-Север» и «Орёл-Юг»`)."""
    words = [t for t in doc[start:end] if not t.is_space]
    if len(words) < 4 or not words[0].text[:1].isdigit() or not (words[0].pos_ == "NUM" or words[0].like_num) \
            or words[1].text not in ITEM_MARKS or words[2].text not in {"«", "\""}:
        return []
    span = quoted_at.get(words[2].i + 1)
    if span is None or span.end >= end:
        return []
    name = strip_quotes(span.text)
    first = ParkMention(words[2].i, span.end + 1, name, name_key(name), None, False, words[2].i, "numbered_item_name")
    joined = coordinated_names(doc, span.end + 1, quoted_at, None, False)
    first.grouped = bool(joined)  # (`«Орёл-Север» и «Орёл-Юг» — 24 резидента на двоих`: neither's own)
    return [first] + joined


def _paragraph_back(doc, i: int, count: int) -> int:
    """Where the paragraph `count` - 1 paragraphs before token i's starts."""
    start = paragraph_start(doc, i)
    for _ in range(count - 1):
        if start == 0:
            break
        start = paragraph_start(doc, start - 1)
    return start


def _lists_parks(word) -> bool:
    """A heading that lists parks: the plural park word as its subject (`Парки региона:`) or a
    word of rules/park_heading_words.txt in it (`Портфель парков:`, `Сведения по зонам:`)."""
    return word.morph.get("Case") == ["Nom"] or any(t.lemma_.lower() in load_set("park_heading_words.txt")
                                                     for t in word.sent)


def _legal_form_names(doc) -> set:
    """Keys of the names the text writes after a legal form somewhere (`АО «Тульская промышленная
    недвижимость»`): a company's, not a park's, after a bare `парком`."""
    return {name_key(strip_quotes(span.text)) for span in legal_form_quotes(doc)}


SITE_WORD = "площадка"  # `управление площадками «Кстово-Восток» и «Борская долина» переходит к …`
MANAGEMENT_WORDS = {"управление", "управлять", "управляющий", "оператор"}


def _after_management(doc, i: int) -> bool:
    """The bare `площадками` right after a word of running them (`управление площадками`,
    `управляет площадками`): sites run, parks, not plots or venues."""
    return i > 0 and bool(word_lemmas(doc[i - 1]) & MANAGEMENT_WORDS)


def _generic_word_lists(doc, quoted_at, kinds, known: set) -> List[ParkMention]:
    """`управляющей компанией парков «Гаврилов-Ям», «Тутаев-Индустрия» и «Новосёлки-2»`: two or
    more quoted names after the plural bare word, of the kind the article names ending in it;
    a heading with the plural bare word that ends in a colon and lists parks (`Портфель парков
    (данные на 31 декабря):`), the lines after it opening with a name each."""
    found = []
    headings = set()
    for t in doc:
        word = next((w for w in GENERIC_KIND_WORDS + (SITE_WORD,) if w in word_lemmas(t)), None)
        kind = kinds[word][0][0] if word and kinds[word] else None
        if kind is None or t.morph.get("Number") != ["Plur"]:
            continue
        if word == SITE_WORD and not _after_management(doc, t.i):
            continue
        if ends_with_colon(t.sent) and t.sent.start not in headings and _lists_parks(t):
            headings.add(t.sent.start)
            found.extend(m for m in _lines_under_heading(doc, t.sent, quoted_at, kind, False) if m.key not in known)
            continue
        span = quoted_at.get(t.i + 2)  # `парков «…`: the name opens past the quote mark
        if span is None:
            continue
        name = strip_quotes(span.text)
        first = ParkMention(t.i, span.end + 1, name, name_key(name), kind, False, t.i + 1,
                            "generic_word_listed_names", grouped=True)
        joined = coordinated_names(doc, span.end + 1, quoted_at, kind, False)
        if joined:
            found.extend(m for m in [first] + joined if m.key not in known)
    return found


NAME_BEFORE_KIND_WORDS = 4  # a park's quoted name has at most this many words


def names_before_kind(doc, mentions, references) -> List[ParkMention]:
    """`Томский «Кедр» устроен иначе. Технопарк вырос из …`, `«Дубна-Синтез». Технопарк в Дубне
    …`: a sentence opening with a bare kind speaks of the quoted name the sentence before it in
    its paragraph gives first, when that sentence names no park and no company by the name
    (not `компания «Х»`, `ООО «Х»`)."""
    found: List[ParkMention] = []
    parks_at = {m.start for m in mentions} | {m.name_start for m in mentions}
    for r in references:
        if r.kind is None or r.group:
            continue
        sent = doc[r.start].sent
        opening = next((t.i for t in sent if not t.is_space), None)
        before = sentence_before(doc, sent) if opening == r.start else None
        if before is None or paragraph_start(doc, before.start) != paragraph_start(doc, sent.start) \
                or any(before.start <= m.start < before.end for m in mentions):
            continue
        span = next((q for q in quoted_spans(doc) if before.start <= q.start < before.end), None)
        if span is None or span.start - 1 in parks_at or len(span) > NAME_BEFORE_KIND_WORDS \
                or not span.text[:1].isupper() or _names_company(doc, span.start - 1):
            continue
        name = nominative_name(span)
        written = strip_quotes(span.text)
        if any(m.key == name_key(name) or is_declined_form(written, m.name) for m in mentions + found) \
                or doc[span.start - 2].pos_ == "VERB" \
                or _company_named(doc, written):
            continue  # `В «Воткинском» 41,5 га`: a park named before; `ООО «Х»` elsewhere: a company
        found.append(ParkMention(span.start - 1, span.end + 1, name, name_key(name), r.kind, r.abbreviated,
                                 span.start - 1, "name_before_kind"))
    return found


def quoted_before_kind(doc, mentions, references) -> List[ParkMention]:
    """`«Волго-Каспийский» агропромышленный парк в Наримановском районе строится с нуля`: a
    quoted adjective right before a kind with no name of its own, of the kind's first word's
    gender, is that park's name, unless a company holds the name (`ООО «Х»` here or elsewhere);
    not after a preposition (`В «Сколково» технопарк …`) and no noun (`Для «Росатома» …`)."""
    found: List[ParkMention] = []
    parks_at = {m.start for m in mentions} | {m.name_start for m in mentions}
    spans = {q.end: q for q in quoted_spans(doc)}  # by the closing quote's index
    for r in references:
        span = spans.get(r.start - 1)
        if r.kind is None or r.group or span is None or span.start - 1 in parks_at or len(span) != 1 \
                or not span.text[:1].isupper() or _names_company(doc, span.start - 1) \
                or not _agrees_with(span[0], doc[r.start]) \
                or span.start > 1 and doc[span.start - 2].pos_ == "ADP":
            continue
        name = nominative_name(span)
        written = strip_quotes(span.text)
        if any(m.key == name_key(name) for m in mentions + found) \
                or _company_named(doc, written):
            continue
        found.append(ParkMention(span.start - 1, r.end, name, name_key(name), r.kind, r.abbreviated,
                                 span.start - 1, "quoted_before_kind"))
    return found


def _company_named(doc, written: str) -> bool:
    """Whether the text names a company by this name anywhere (`ООО «Х»`, `компания «Х»`)."""
    return any(strip_quotes(q.text) == written and _names_company(doc, q.start - 1) for q in quoted_spans(doc))


def _agrees_with(name, kind_word) -> bool:
    """`«Северный» индустриальный`, `«Волго-Каспийский» агропромышленный`: an adjective (as the
    dictionary reads it, whatever the tagger says) of the kind word's gender."""
    adjective = any(p.tag.POS == "ADJF" for p in morph_analyzer().parse(name.text.lower()))
    return adjective and name.morph.get("Gender") == kind_word.morph.get("Gender")


def _same_stem(written: str, name: str) -> bool:
    """`технокампусом-63` ~ `технокампус-63` (lower case): a word declined before its suffix
    after a hyphen, the same up to two letters of ending."""
    head, _, tail = written.partition("-")
    known_head, _, known_tail = name.partition("-")
    return bool(tail) and tail == known_tail and len(known_head) >= 4 and head.lower().startswith(known_head.lower()[:-1]) \
        and len(head) - len(known_head) <= 2


def _names_company(doc, opening: int) -> bool:
    """The word before a quote makes the name a company's: a legal form, an organisation's
    noun (`компания «Х»`), any lower-case noun (`завод «Х»`)."""
    before = next((t for t in reversed(doc[max(0, opening - 2):opening]) if not t.is_space), None)
    return before is not None and (is_legal_form(before.text) or before.pos_ == "NOUN" and before.text.islower()
                                   or before.ent_type_ == "ORG")


def find_name_mentions(doc, known: Dict[str, str], taken: set) -> List[ParkMention]:
    """Quoted names alone (`резидентов «Химграда»`) of parks known by a kind mention."""
    found = []
    for span in quoted_spans(doc):
        if span.start in taken:
            continue
        name = nominative_name(span)
        key = name_key(name)
        if key not in known:  # `«Соснового бора»`: the lemmas the tagger gave its words are the
            # name as written (the dictionary alone reads `бор` as a form of `бора`)
            tagged = _tagged_key(span)
            key = next((k for k, known_name in known.items() if known_name.lower().replace("ё", "е") == tagged), key)
        if key not in known:  # `«Прииртышья»`: a name the dictionary does not know, declined
            key = next((k for k, known_name in known.items() if is_declined_form(strip_quotes(span.text), known_name)), key)
        if key in known:
            found.append(ParkMention(span.start - 1, span.end + 1, known[key], key, None, False,
                                     span.start - 1, "quoted_name_alone"))
    return found


def _tagged_key(span) -> str:
    """A quoted name's key from the lemmas the tagger gave its words in context."""
    return " ".join(t.lemma_.lower().replace("ё", "е") for t in span if not t.is_punct)


def nominative_name(span) -> str:
    """A one-word quoted name standing alone declines: «Химграда» → Химград."""
    if len(span) == 1:
        token = span[0]
        case = token.morph.get("Case")
        return inflect_word(token.text, token.pos_, case[0] if case else None, "Sing")
    return strip_quotes(span.text)


AGREEING_CASES = {"Ins": "ablt", "Loc": "loct", "Dat": "datv"}  # whose endings no nominative name has


def _quoted_name(span, kind_head) -> str:
    """A park's quoted name after its kind as written, but a one-word name declined with the kind
    (`технопарком — «Кожуховским»`, `в технопарке «Кожуховском»` → Кожуховский): the kind in the
    instrumental, locative or dative, the name with no nominative reading and one in that case
    (not `Технопарк «Кванта»`, `парка … «Гусевской»`)."""
    case = AGREEING_CASES.get((kind_head.morph.get("Case") or [None])[0]) if kind_head is not None else None
    word = span[0]
    parses = morph_analyzer().parse(word.text.lower())
    # (a word the dictionary does not know by the readings it guesses: `Прикумским`)
    if case and len(span) == 1 and word.is_alpha and not any("nomn" in parse.tag for parse in parses) \
            and any(case in parse.tag for parse in parses):
        return _undeclined(word.text)
    return strip_quotes(span.text)


def _undeclined(word: str) -> str:
    """A word no reading of which is a nominative, in the nominative singular, read as an
    adjective or as a noun (a surname's form: `Кожуховским` → Кожуховский)."""
    for pos in ("ADJ", "NOUN"):
        nominative = inflect_word(word, pos, None, singular=True)
        if nominative != word:
            return nominative
    return word


def _declined_name(first, m) -> bool:
    """`корпус «Рамеева»`: a name alone written otherwise than the park's name is declined, in
    a case the tagger may have missed."""
    return m.kind is None and bool(m.name) and first.text != m.name.split()[0] and is_declined_form(first.text, m.name.split()[0])


def possessed_noun(doc, m, floor: int) -> Optional[int]:
    """The common noun a park in the genitive follows and owns (`корпусов «Толмачёвского»`),
    or None: not a place noun (`на территории парка` is the park), a kind or a title."""
    i = m.start - 1
    while i > floor and (doc[i].is_space or doc[i].pos_ == "ADJ"):
        i -= 1
    first = next((t for t in doc[m.start:m.end] if t.is_alpha), None)
    if i < floor or doc[i].pos_ != "NOUN" or not doc[i].text.islower() or first is None \
            or not (first.morph.get("Case") == ["Gen"] or _declined_name(first, m)) or match_kind(doc, i) is not None:
        return None
    if word_lemmas(doc[i]) & (load_set("positions.txt") | load_set("place_nouns.txt")):
        return None
    return i
