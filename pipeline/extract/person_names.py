"""Which PER spans name persons, what their names are, and which mentions are one person.

natasha's PER spans are cleaned first: initials written apart join the name
(`Путин В.В.`), an alias in brackets is cut (`Брендт Кристенсен (Brendt Christensen)`),
and a title or form of address in front is taken off (`Император Акихито` → Акихито,
the title kept for the position). A span is not a person when named_after or a rule of NOT_PERSON
says so (a street, a place, something named after a person, a family). Mentions are
one person when the full words of the shorter name are among the longer one's, its
initials match the rest (`В. В. Путин` ~ `Владимир Путин`), patronymics optional
(person_groups.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

from ..models import morph_analyzer
from ..normalize import NAME_GRAMMEMES, UD_CASES, is_case_known, name_form, person_name
from ..vocab import load_set
from .common import OPEN_QUOTES, entities, word_lemmas
from .titles import case_of, is_head, normal_forms

INDECLINABLE_ENDINGS = set("оеиуюэ")


@dataclass
class Mention:
    start: int  # the name's tokens [start, end), title taken off
    end: int
    title_start: int  # == start when no title stood in front
    name: str
    case: str  # OpenCorpora case of the name as written
    gender: Optional[str]
    sent: int = 0  # start of its sentence
    fixed: bool = False  # the surname does not decline (Келли, Фухимори): its case is unknown


# --- cleaning ---------------------------------------------------------------

def is_initial(doc, i: int) -> bool:
    text = doc[i].text
    return (len(text) <= 2 and text[:1].isupper() and text.isalpha()
            and i + 1 < len(doc) and doc[i + 1].text == ".")


def _keeps_dot(doc, i: int) -> bool:
    """A name's last word before a dot is an initial that keeps it (`Орлов В.`, `Путин В.В.`), not
    a two-letter name ending a sentence (`вице-президент компании Чэнь Ли.`)."""
    return is_initial(doc, i) and (len(doc[i].text) == 1 or i > 0 and doc[i - 1].text == ".")


def _only_initials(doc, start: int, end: int) -> bool:
    return all(is_initial(doc, i) or doc[i].text == "." or doc[i].is_space for i in range(start, end))


def per_spans(doc) -> List[Tuple[int, int]]:
    """PER entities as token spans, initials written apart joined: `Путин` + `В.В.`."""
    spans: List[Tuple[int, int]] = []
    for ent in entities(doc):
        if ent.label_ != "PER" and not _person_shaped(doc, ent):
            continue
        if spans and spans[-1][1] == ent.start and (_only_initials(doc, ent.start, ent.end)
                                                     or _only_initials(doc, *spans[-1])):
            spans[-1] = (spans[-1][0], ent.end)
        else:
            spans.append((ent.start, ent.end))
    return spans


def _person_shaped(doc, ent) -> bool:
    """`Айдос Кенжебаев`, tagged LOC by the NER: two capitalised words, a first name and a
    surname by the dictionary, neither a place name, and no place preposition in front."""
    if ent.label_ != "LOC" or len(ent) != 2 or not all(t.text[:1].isupper() and t.is_alpha for t in ent):
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ in load_set("place_prepositions.txt"):
        return False
    first, last = (morph_analyzer().parse(t.text) for t in ent)
    return (any("Name" in p.tag for p in first) and any("Surn" in p.tag for p in last)
            and not any("Geox" in p.tag for p in first + last))


def _is_verb(word: str) -> bool:
    """The dictionary's first reading of the word is a verb in the past: `Беседовала`, `Записал`
    (not `Берни`, which reads as an imperative)."""
    parses = morph_analyzer().parse(word.lower())
    return len(word) > 3 and bool(parses) and parses[0].tag.POS == "VERB" and "past" in parses[0].tag


def _is_title(token) -> bool:
    """A word in front of a name that is not part of it: `Император`, `Мадам`, `Безлюдная`."""
    text = token.text
    parses = [p for p in morph_analyzer().parse(text.lower()) if p.is_known]
    if any("Name" in p.tag.grammemes for p in parses):
        return False  # `Раис Ханнанов`: a first name, though раис is a title too
    if not text[:1].isupper() or is_head(token) or text.lower() in load_set("honorifics.txt"):
        return True
    if token.is_sent_start and parses and all(
            p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and not NAME_GRAMMEMES & p.tag.grammemes
            for p in parses):
        return True  # `Поп-звезда Мадонна`: a word for a person, capitalised by the sentence only
    return bool(parses) and all(p.tag.POS == "ADJF" and not NAME_GRAMMEMES & p.tag.grammemes for p in parses)


def clean_span(doc, start: int, end: int) -> Optional[Tuple[int, int, int]]:
    """(title start, name start, name end) of a PER span, or None if nothing is left."""
    end = next((i for i in range(start, end) if doc[i].text == "("), end)
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct
                           and not (doc[end - 1].text == "." and _keeps_dot(doc, end - 2))):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start < end < len(doc) and doc[end].text == "." and _keeps_dot(doc, end - 1):
        end += 1  # `Орлов В.В.`: the last initial keeps its dot
    if end - start >= 2 and doc[end - 1].text == doc[end - 2].text:
        end -= 1  # `Максим Дадашев Дадашев`: a caption run into the text
    while start < end - 1 and _is_verb(doc[start].text):
        start += 1  # `Беседовала Лилия Габдуллина`: a byline's verb, which the tagger may call a name
    title_start = start
    while start < end - 1 and _is_title(doc[start]):
        start += 1
    return (title_start, start, end) if start < end else None


# --- not a person -------------------------------------------------------------

def not_capitalised(doc, title_start, start, end) -> bool:
    return not doc[start].text[:1].isupper()


def named_after(doc, title_start, start, end) -> bool:
    """`на улице Гагарина`, `конкурс имени Петра Чайковского`, `клан Гамбино`."""
    i = title_start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {".", "«", "\"", "—", "–", ":"}):
        i -= 1
    if i < 0 or not normal_forms(doc[i].text) & load_set("non_person_cues.txt"):
        return False
    # `Лауреат Нобелевской премии Жорес Алфёров выступил`: a name in the nominative right
    # after the cue in another case starts the clause; it is not what the cue is named after
    apposition = i + 1 < title_start and doc[i + 1].text in {"—", "–", ":"}
    cue_case = case_of(doc[i])
    return apposition or cue_case in {None, "nomn"} or name_form(doc[start:end])[0] != "nomn" \
        or _is_fixed(doc[start:end])


def place_word(doc, title_start, start, end) -> bool:
    """`Даунинг-стрит`, `Пикадилли-сёркус`."""
    parts = load_set("non_person_parts.txt")
    return any(part.lower() in parts for token in doc[start:end] for part in token.text.split("-"))


def someone_elses(doc, title_start, start, end) -> bool:
    """`Вдова Солженицына` names the widow, not Солженицын."""
    return bool(normal_forms(doc[title_start].text) & load_set("kinship.txt"))


def _nominal_parses(text: str):
    return [p for p in morph_analyzer().parse(text.lower()) if p.tag.POS in {"NOUN", "ADJF"}]


def _compound_of_known(parse) -> bool:
    """`киноистория`: a known prefix on a dictionary word, as pymorphy3 reads it."""
    units = [type(unit).__name__ for unit, *_ in parse.methods_stack]
    return units == ["DictionaryAnalyzer", "KnownPrefixAnalyzer"]


def common_word(doc, title_start, start, end) -> bool:
    """One word the dictionary knows only as a thing or place: `Кинопрограмма`, `Дувр`,
    `Киноистория` (a known prefix on a known word); but not right after a word for a
    relative (`внебрачная дочь Стефани`)."""
    if end - start != 1 or _after_relative(doc, title_start):
        return False
    parses = [p for p in morph_analyzer().parse(doc[start].text.lower()) if p.is_known or _compound_of_known(p)]
    return bool(parses) and not any(
        p.tag.POS == "NOUN" and ("anim" in p.tag.grammemes or NAME_GRAMMEMES & p.tag.grammemes)
        for p in parses)


def _after_relative(doc, title_start: int) -> bool:
    i = title_start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and bool(normal_forms(doc[i].text) & load_set("kinship.txt"))


def mixed_script(doc, title_start, start, end) -> bool:
    """A word of Cyrillic and Latin letters at once is a typo, not a name: `Католичеcкой`."""
    text = doc[start:end].text + _glued_letters(doc, end - 1)
    return any(any("a" <= c <= "z" for c in word) and any("а" <= c <= "я" or c == "ё" for c in word)
               for word in text.lower().split())


def _glued_letters(doc, i: int) -> str:
    """The letters written on after token i with no space: razdel cuts a word where the
    script changes (`Католиче` + `cкой`). Read from the tokens, not `doc.text`, which spaCy
    builds anew on every call."""
    tail = []
    while i + 1 < len(doc) and not doc[i].whitespace_:
        following = doc[i + 1].text
        letters = 0
        while letters < len(following) and following[letters].isalpha():
            letters += 1
        tail.append(following[:letters])
        if letters < len(following):
            break
        i += 1
    return "".join(tail)


def modifies_noun(doc, title_start, start, end) -> bool:
    """One adjective before the noun it qualifies: `Хризантемового трона`, `Мариинского театра`."""
    if end - start != 1 or end >= len(doc):
        return False
    parses = _nominal_parses(doc[start].text)
    adjective = doc[start].pos_ == "ADJ" or all(p.tag.POS == "ADJF" for p in parses)
    following = doc[end]
    return adjective and following.pos_ == "NOUN" and following.text[:1].islower()


def family(doc, title_start, start, end) -> bool:
    """One surname in the plural: `отравление Скрипалей`, `клан Шаймиевых`."""
    token = doc[start]
    if end - start != 1 or token.morph.get("Number") != ["Plur"]:
        return False
    case = UD_CASES.get((token.morph.get("Case") or [""])[0])
    return any("plur" in p.tag.grammemes and case in p.tag.grammemes for p in _nominal_parses(token.text))


def initials_only(doc, title_start, start, end) -> bool:
    """`Дж` or `В. В.` alone: no word of the name is written in full."""
    return _only_initials(doc, start, end)


def thing_named(doc, title_start, start, end) -> bool:
    """One word after a noun of a thing in its case: `на платформе Флайборд`, `в городе Пауэй`."""
    if end - start != 1 or title_start < 1:
        return False
    noun = doc[title_start - 1]
    return (noun.pos_ == "NOUN" and noun.text.islower() and noun.morph.get("Animacy") == ["Inan"]
            and noun.morph.get("Case") == doc[start].morph.get("Case") and not is_head(noun))


def place_elsewhere(doc, title_start, start, end) -> bool:
    """One word the text names as a place or organisation elsewhere: `Пауэй` (в городе Пауэй)."""
    if end - start != 1:
        return False
    word = doc[start].lemma_.lower()
    return any(token.lemma_.lower() == word for ent in entities(doc) if ent.label_ in {"LOC", "ORG"} for token in ent)


def named_thing(doc, title_start, start, end) -> bool:
    """One word before a quoted name, not a name itself: `Агропромпарк «Уфимский»` (but
    `произведение Комитаса «Журавль»`)."""
    if end - start != 1 or end >= len(doc) or doc[end].text not in OPEN_QUOTES:
        return False
    return not any(NAME_GRAMMEMES & p.tag.grammemes for p in morph_analyzer().parse(doc[start].text.lower()))


def region_or_agency(doc, title_start, start, end) -> bool:
    """`Смоленщина`, `Пензастата` (rules/non_person_endings.txt), `Итоги-2024`."""
    if any(char.isdigit() for token in doc[start:end] for char in token.text):
        return True
    word = doc[start].text.lower()
    return end - start == 1 and (any(word.endswith(ending) for ending in load_set("non_person_endings.txt"))
                                 or bool(word_lemmas(doc[start]) & load_set("non_person_words.txt")))


def title_of_something(doc, title_start, start, end) -> bool:
    """One title with its complement: `в пресс-службе Раиса республики` (раис, not Раиса)."""
    if end - start != 1 or end >= len(doc) or not is_head(doc[start]):
        return False
    following = doc[end]
    return following.text.islower() and following.pos_ == "NOUN" and following.morph.get("Case") == ["Gen"]


def title_alone(doc, title_start, start, end) -> bool:
    """`поставили Премьер-министр и Тимур Галиев`: a title written with a capital, no name."""
    return end - start == 1 and is_head(doc[start])


# named_after is tried first, apart: a list after a namesake is dropped with it (find_mentions)
NOT_PERSON = [not_capitalised, initials_only, thing_named, place_elsewhere, place_word,
              someone_elses, common_word, mixed_script, modifies_noun, family, named_thing, title_of_something,
              region_or_agency, title_alone]


def find_mentions(doc) -> List[Mention]:
    mentions = []
    dropped_end = None  # where the last span named after something ended: `кланов — Бонанно`
    for span_start, span_end in per_spans(doc):
        cleaned = clean_span(doc, span_start, span_end)
        if cleaned is not None and named_after(doc, *cleaned) or _listed_with(doc, dropped_end, span_start):
            dropped_end = span_end
            continue
        if cleaned is None or any(rule(doc, *cleaned) for rule in NOT_PERSON):
            continue
        title_start, start, end = cleaned
        case, gender = name_form(doc[start:end])
        mentions.append(Mention(start, end, title_start, person_name(doc[start:end]), case, gender,
                                doc[start].sent.start, _is_fixed(doc[start:end])))
    return mentions


def _listed_with(doc, dropped_end: Optional[int], start: int) -> bool:
    """`пять кланов — Бонанно, Гамбино и Луккезе`: listed right after a span that is no person."""
    if dropped_end is None or start <= dropped_end:
        return False
    joins = [t.text for t in doc[dropped_end:start] if not t.is_space]
    return 1 <= len(joins) <= 2 and all(text in {",", "и"} for text in joins)


@lru_cache(maxsize=65536)
def is_indeclinable(word: str) -> bool:
    """A surname with one form for every case: `Келли` (the dictionary says so), `Фухимори`
    (unknown to it and ending in a vowel Russian nouns do not end in)."""
    parses = morph_analyzer().parse(word.lower())
    if any("Fixd" in p.tag.grammemes and NAME_GRAMMEMES & p.tag.grammemes for p in parses):
        return True
    return not any(p.is_known for p in parses) and word[-1:].lower() in INDECLINABLE_ENDINGS


def _is_fixed(tokens) -> bool:
    """Whether no word of a name shows its case: `Луи Блерио`, not `Ханна Ингрэм-Мур`."""
    words = [token.text for token in tokens if token.is_alpha and len(token.text) > 1]
    if len(words) >= 2 and words[0].lower() in load_set("east_asian_surnames.txt") and is_indeclinable(words[-1]):
        return True  # `Ван Цзяньго`, `Чжан Вэй`
    return bool(words) and all(is_indeclinable(word) for word in words) and not is_case_known(tokens)
