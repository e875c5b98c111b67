"""Names and phrases to the nominative, quotes and legal forms stripped.

Works on spaCy tokens carrying natasha's POS and morphology; inflection is
pymorphy3's. Capitalisation follows the word as written (shape recovery, as
natasha's norm.py does).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional, Sequence, Tuple

from .models import morph_analyzer
from .vocab import load_list, load_set, load_table

# UD case → OpenCorpora grammemes that may stand for it
CASE_GRAMMEMES = {
    "Nom": {"nomn"}, "Gen": {"gent", "gen2"}, "Dat": {"datv"}, "Acc": {"accs"},
    "Ins": {"ablt"}, "Loc": {"loct", "loc2"}, "Voc": {"voct"},
}
# UD POS → OpenCorpora POS of the parses that may stand for it
POS_CLASSES = {
    "NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "PRTF"},
    "DET": {"ADJF", "NPRO"}, "NUM": {"ADJF", "NUMR"}, "VERB": {"PRTF"},
}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
# UD case → the OpenCorpora case a name is read in, and the grammemes that stand for it
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
PARSE_CASES = {UD_CASES[case]: grammemes for case, grammemes in CASE_GRAMMEMES.items() if case in UD_CASES}
VOWELS = set("аеёиоуыэюя")
QUOTES = "«»\"„“”‘’'`"
OUTER_PUNCTUATION = QUOTES + " \t\n.,;:!?—–-()[]"


def match_shape(word: str, template: str) -> str:
    """`word` written with the capitalisation of `template`, part by hyphenated part."""
    parts = word.split("-")
    shapes = template.split("-")
    if len(parts) != len(shapes):
        shapes = [template] * len(parts)
    return "-".join(_shape_one(part, shape) for part, shape in zip(parts, shapes))


def _shape_one(word: str, template: str) -> str:
    if len(template) > 1 and template.isupper():
        return word.upper()
    if any(char.isupper() for char in template[1:]):
        return _inner_capitals(word, template)  # «УралЛесТеха» → УралЛесТех
    if template[:1].isupper():
        return word[:1].upper() + word[1:].lower()
    return word.lower()


def _inner_capitals(word: str, template: str) -> str:
    """`word` with the capitals of `template` where the two spell the same letters."""
    shaped = []
    for k, char in enumerate(word.lower()):
        same = k < len(template) and template[k].lower() == char
        shaped.append(template[k] if same else char)
    return "".join(shaped)


def _parse_for(text: str, pos: str, case: Optional[str], names: bool = False, place: bool = False):
    """The pymorphy3 parse that agrees with the tagger's POS and case; for a place, a place
    name first, one with no plural before one with (`Кстова` → Кстово, not Кстов)."""
    parses = morph_analyzer().parse(text)
    if place:
        parses = sorted(parses, key=lambda p: ("Geox" not in p.tag.grammemes, "Sgtm" not in p.tag.grammemes))
    classes = POS_CLASSES.get(pos)
    wanted_case = CASE_GRAMMEMES.get(case or "", set())

    def fits(parse, by_case=True, by_name=True):
        if classes and parse.tag.POS not in classes or "Apro" in parse.tag.grammemes:
            return False  # never a pronoun: «Кама-Тех» is not a form of «тот»
        if by_case and wanted_case and not (wanted_case & parse.tag.grammemes):
            return False
        return not (by_name and names) or bool(NAME_GRAMMEMES & parse.tag.grammemes)

    for by_name, by_case in ((True, True), (False, True), (True, False), (False, False)):
        for parse in parses:
            if fits(parse, by_case, by_name):
                return parse
    if place:  # `в Рудном`, `в Заречном`: a town named by an adjective
        return next((p for p in parses if p.tag.POS == "ADJF" and wanted_case & p.tag.grammemes), None)
    return None


ACRONYM_ENDINGS = ("ом", "ем", "а", "у", "е", "ы")  # `ТУСУРом`, `КРДВ` does not take them


def _declined_acronym(text: str) -> Optional[str]:
    """`ТУСУРом` → ТУСУР: three capitals or more with a case ending."""
    for ending in ACRONYM_ENDINGS:
        stem = text[:-len(ending)]
        if text.endswith(ending) and len(stem) >= 3 and stem.isupper() and is_cyrillic(stem):
            return stem
    return None


def _is_mixed_acronym(text: str) -> bool:
    """`УрФУ`, `КамАЗ`: two capitals or more, at most two small letters in a row (not
    `УралКомпозит`, which declines)."""
    run = longest = 0
    for char in text:
        run = run + 1 if char.islower() else 0
        longest = max(longest, run)
    return sum(char.isupper() for char in text) >= 2 and longest <= 2 and text[:1].isupper()


NEUTER_PLACE_LOCATIVES = ("ове", "еве", "ёве", "ине", "ыне")  # `в Кузоватове`, `в Гаврилове`, `в Кольчугине`


def inflect_word(text: str, pos: str, case: Optional[str], number: Optional[str] = None,
                 gender: Optional[str] = None, names: bool = False, singular: bool = False,
                 place: bool = False) -> str:
    """`text` in the nominative, keeping its number (and taking `gender` for adjectives);
    `singular` puts a plural in the singular too (музыкантами → музыкант); a `place` the tagger
    read as a nominative that the dictionary knows only in an oblique case (`Шадринска`) is
    declined from the genitive."""
    if place and case == "Nom" and is_oblique_place(text):
        case = "Gen"  # `в промзоне Шадринска`, read as a nominative by the tagger
    declined = _declined_acronym(text)
    if declined and case != "Nom":
        return declined  # `ТУСУРом` → ТУСУР
    if (case == "Nom" and not singular) or not is_cyrillic(text) or (len(text) > 1 and text.isupper()) \
            or _is_mixed_acronym(text):
        return text  # acronyms (КРДВ, ОЭЗ, УрФУ) do not decline
    if place and case == "Loc" and text.lower().endswith(NEUTER_PLACE_LOCATIVES) \
            and not any(parse.is_known for parse in morph_analyzer().parse(text.lower())):
        return text[:-1] + "о"  # `в Кузоватове` → Кузоватово: a settlement the dictionary does not know
    parse = _parse_for(text, pos, case, names, place)
    if parse is None:
        return text
    target = {"nomn"}
    if not singular and ("plur" in parse.tag.grammemes or number == "Plur"):
        target.add("plur")
    else:
        target |= {"sing"} if singular else set()
        if gender in GENDERS and parse.tag.POS in {"ADJF", "PRTF"}:
            target.add(GENDERS[gender])
    inflected = parse.inflect(target) or parse.inflect({"nomn"})
    if inflected and "-" in text and "-" not in inflected.word:
        # `Южно-Уральского` → Южно-Уральский, not the dictionary's fused южноуральский
        head, _, last = text.rpartition("-")
        return head + "-" + inflect_word(last, pos, case, number, gender, names, singular, place)
    return match_shape(inflected.word, text) if inflected else text


def is_oblique_place(text: str) -> bool:
    """`Шадринска`: a word the dictionary knows as a place only in an oblique case; not
    `Алабуга`, which it only guesses at."""
    parses = morph_analyzer().parse(text)
    places = [p for p in parses if "Geox" in p.tag]
    return bool(places) and all(p.is_known for p in places) and not any(p.tag.case == "nomn" for p in parses)


def without_generic_noun(name: str, nouns) -> str:
    """A name without the generic noun of `nouns` (lower case) opening it before a proper name:
    `Республика Башкортостан` → Башкортостан, `город Йошкар-Ола` → Йошкар-Ола; `Чувашская
    Республика`, whose noun follows its adjective, stays."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in nouns and words[1][:1].isupper():
        return " ".join(words[1:])
    return name


def is_short_name(word: str) -> bool:
    """`ЕАБР`, `ЧувГУ`, `УрФУ`: an abbreviation, two capitals or more in one word."""
    return word.isalpha() and sum(char.isupper() for char in word) >= 2


def is_cyrillic(text: str) -> bool:
    return any("а" <= char.lower() <= "я" or char in "ёЁ" for char in text)


def is_latin_word(text: str) -> bool:
    """A capitalised word in Latin letters, Turkish and German ones included (`Yıldız`, `Özdemir`)."""
    return text.isalpha() and text[:1].isupper() and all(char.isascii() or "\u00c0" <= char <= "\u024f" for char in text)


LATIN_NAME_CONNECTORS = {"&", "ve", "and", "of", "und", "et"}  # `Sanayi ve Ticaret`, `Smith & Sons`


def _morph(token, key: str) -> Optional[str]:
    values = token.morph.get(key)
    return values[0] if values else None


def _join(words: Sequence[str], tokens) -> str:
    """Words of word tokens joined as they stood; any gap (tab, no-break space) is one space."""
    return "".join(word + _gap_after(token) for word, token in zip(words, tokens)).strip()


def _gap_after(token) -> str:
    following = token.i + 1
    if token.whitespace_ or (following < len(token.doc) and token.doc[following].is_space):
        return " "
    return ""


def _compound_place(token) -> Optional[str]:
    """`Каменске-Уральском` → Каменск-Уральский: a noun and an adjective joined by a hyphen
    decline each on its own (pymorphy3 reads the whole word as one unknown noun)."""
    parts = token.text.split("-")
    case = CASE_GRAMMEMES.get(_morph(token, "Case") or "", set())
    if len(parts) == 3 and parts[1] in RIVER_LINKS and case:
        return _town_on_river(parts, case)
    if len(parts) != 2 or not all(part[:1].isupper() and part.isalpha() for part in parts) or not case:
        return None
    noun = next((p for p in morph_analyzer().parse(parts[0].lower())
                 if p.tag.POS == "NOUN" and "Geox" in p.tag.grammemes and case & p.tag.grammemes), None)
    if noun is None:
        return None
    adjective = next((p for p in morph_analyzer().parse(parts[1].lower())
                      if p.tag.POS == "ADJF" and case & p.tag.grammemes and p.tag.gender == noun.tag.gender), None)
    if adjective is None:
        return None
    first, second = noun.inflect({"nomn"}), adjective.inflect({"nomn", noun.tag.gender or "masc"})
    if first is None or second is None:
        return None
    return match_shape(first.word, parts[0]) + "-" + match_shape(second.word, parts[1])


RIVER_LINKS = {"на"}  # `Николаевск-на-Амуре`, `Ростов-на-Дону`: a town named by its river


def _town_on_river(parts, case: set) -> Optional[str]:
    """`Николаевске-на-Амуре` → Николаевск-на-Амуре: the town's noun declines, the river stays."""
    noun = next((p for p in morph_analyzer().parse(parts[0].lower())
                 if p.tag.POS == "NOUN" and case & p.tag.grammemes and p.tag.number != "plur"), None)
    first = noun.inflect({"nomn"}) if noun is not None else None
    return match_shape(first.word, parts[0]) + "-" + "-".join(parts[1:]) if first is not None else None


def phrase_nominative(tokens) -> str:
    """A noun phrase in the nominative: modifiers agree with the head, the rest as written.

    «Камского индустриального парка» → «Камский индустриальный парк»,
    «заместителя губернатора Краснодарского края» → «заместитель губернатора Краснодарского края».
    """
    tokens = [token for token in tokens if not token.is_space]
    head = next((i for i, token in enumerate(tokens) if token.pos_ in {"NOUN", "PROPN"}
                 and not _adjective_tagged_as_name(tokens, i)), None)
    if head is None:
        return _join([token.text for token in tokens], tokens)
    head_token = tokens[head]
    number, gender = _morph(head_token, "Number"), _noun_gender(head_token)
    head_case = _morph(head_token, "Case")
    agreed = _case_of_modifier(tokens, head)
    if agreed:
        head_case, gender = agreed
    words = []
    for i, token in enumerate(tokens):
        adjective = i < head and _adjective_tagged_as_name(tokens, i)
        if i < head and (token.pos_ in {"ADJ", "DET", "NUM", "VERB", "PROPN"} or adjective):
            words.append(inflect_word(token.text, "ADJ" if adjective else token.pos_, _morph(token, "Case"), number, gender))
        elif i == head:
            words.append(_compound_place(token) or inflect_word(token.text, token.pos_, head_case, number,
                                                                place=token.ent_type_ == "LOC"))
        else:
            words.append(token.text)
    return _join(words, tokens)


UD_GENDERS = {value: key for key, value in GENDERS.items()}


def _case_of_modifier(tokens, head: int) -> Optional[Tuple[str, str]]:
    """(case, gender) of the adjective right before the head noun, when the tagger read the
    noun in another case and the dictionary has the noun in the adjective's case and gender:
    «Зейского карьера» is the quarry's genitive (карьер), not the nominative карьера."""
    if head == 0 or tokens[head - 1].pos_ != "ADJ":
        return None
    modifier, noun = tokens[head - 1], tokens[head]
    case, gender = _morph(modifier, "Case"), _morph(modifier, "Gender")
    if not case or not gender or case == _morph(noun, "Case") or _morph(modifier, "Number") != "Sing":
        return None
    wanted = CASE_GRAMMEMES.get(case, set())
    for parse in morph_analyzer().parse(noun.text.lower()):
        if parse.tag.POS == "NOUN" and wanted & parse.tag.grammemes and parse.tag.gender == GENDERS.get(gender):
            return case, gender
    return None


def _noun_gender(token) -> Optional[str]:
    """The head noun's gender: the dictionary's when all its known noun readings agree and the
    tagger did not know the word (`колледжем` read as a neuter `колледжем`), else the tagger's."""
    tagged = _morph(token, "Gender")
    if token.lemma_.lower() != token.text.lower():
        return tagged
    genders = {p.tag.gender for p in morph_analyzer().parse(token.text.lower()) if p.is_known and p.tag.POS == "NOUN"}
    return UD_GENDERS.get(genders.pop(), tagged) if len(genders) == 1 else tagged


ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
                     "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими")


def _adjective_tagged_as_name(tokens, i: int) -> bool:
    """`Тюменским государственным университетом`: a capitalised adjective the tagger called a
    name, in the case of the word after it; `Уфимскому инженерному университету`: an adjective
    the tagger called a noun, one the dictionary knows only as an adjective."""
    token = tokens[i]
    if token.pos_ not in {"PROPN", "NOUN"} or i + 1 >= len(tokens) or not token.text.lower().endswith(ADJECTIVE_ENDINGS):
        return False
    if token.pos_ == "NOUN" and not _adjective_only(token.text.lower()):
        return False
    following = tokens[i + 1]
    return following.pos_ in {"ADJ", "NOUN"} and following.morph.get("Case") == token.morph.get("Case") != []


def _adjective_only(word: str) -> bool:
    """Whether the dictionary knows the word, and only as a full adjective."""
    parses = [p for p in morph_analyzer().parse(word) if p.is_known]
    return bool(parses) and all(p.tag.POS == "ADJF" for p in parses)


def person_name(tokens) -> str:
    """A person's name in the nominative (Руппеля → Руппель, Божене Рынской → Божена Рынская).

    The case and gender are read once for the whole name: the tagger's case, unless the
    dictionary's name parses of the words rule it out; the gender of the first name.
    Each word then takes its best name-like parse, or an ending from rules/name_endings.tsv,
    or stays as written (Фухимори, Хелен).
    """
    tokens = [token for token in tokens if not token.is_space]
    case, gender = name_form(tokens)
    names = [name_nominative(token.text, case, gender) if _is_name_word(token.text) else token.text
             for token in tokens]
    return initials_first(_join(names, tokens))


def initials_first(name: str) -> str:
    """`Карамышев В.Н.` → `В.Н. Карамышев`: a name's initials before its surname, first name
    first as a name is written out (`Владимир Карамышев`)."""
    surname, _, rest = name.partition(" ")
    return f"{rest} {surname}" if rest and is_initials(rest) and surname[:1].isupper() else name


def is_initials(text: str) -> bool:
    """`В.Н.`, `В. Н.`, `Ю.`: one or two capital Cyrillic letters, each with its dot."""
    letters = text.replace(" ", "").split(".")
    return letters[-1] == "" and 1 <= len(letters) - 1 <= 2 \
        and all(len(letter) == 1 and letter.isupper() and is_cyrillic(letter) for letter in letters[:-1])


def name_form(tokens) -> Tuple[str, Optional[str]]:
    """(OpenCorpora case, masc/femn or None) a name stands in."""
    words = [token for token in tokens if _is_name_word(token.text)]
    case = _name_case(words)
    return case, _name_gender(words, case)


def is_case_known(tokens) -> bool:
    """Whether some word of a name declines as the dictionary knows (Иванку, not Луи Блерио)."""
    return any(_known_name_cases(token.text) is not None for token in tokens if _is_name_word(token.text))


def _is_name_word(text: str) -> bool:
    return len(text) > 1 and text[:1].isupper() and is_cyrillic(text) and not text.isupper()


def _majority(tokens, key: str) -> Optional[str]:
    values = [_morph(token, key) for token in tokens if _morph(token, key)]
    return max(values, key=values.count) if values else None


def _base_case(parse) -> Optional[str]:
    return next((case for case, grammemes in PARSE_CASES.items() if grammemes & parse.tag.grammemes), None)


def _is_name_parse(parse) -> bool:
    return parse.tag.POS == "NOUN" and bool(NAME_GRAMMEMES & parse.tag.grammemes)


def _is_singular(parse) -> bool:
    return "sing" in parse.tag.grammemes or "Fixd" in parse.tag.grammemes


def _known_name_cases(text: str, gender: Optional[str] = None) -> Optional[set]:
    """Cases the dictionary allows for a known name word (of `gender`, when given); None when it
    does not constrain."""
    parses = [p for p in morph_analyzer().parse(text.lower())
              if p.is_known and _is_name_parse(p) and _is_singular(p) and (gender is None or p.tag.gender == gender)]
    if not parses or any("Fixd" in p.tag.grammemes for p in parses):
        return None
    cases = {_base_case(p) for p in parses} - {None}  # (`Динар` is known only as the vocative of `Дина`)
    return cases or None


def _woman_said(words) -> bool:
    """A name every word of which may be a woman's in the nominative, after a feminine past-tense
    verb with no comma between (`— отметила заместитель … Наиля Гарипова`): she is its subject,
    whatever case the tagger saw."""
    if len(words) < 2 or not all("nomn" in (_known_name_cases(t.text, "femn") or ()) for t in words):
        return False
    before = words[0].doc[words[0].i - 1] if words[0].i > 0 else None
    if before is not None and before.lemma_.lower() in load_set("kinship.txt"):
        return False  # `рассказала жена Наиля Гарипова`: his wife
    doc, sent = words[0].doc, words[0].sent
    verb = next((t for t in reversed(doc[sent.start:words[0].i])
                 if t.pos_ in {"VERB", "AUX"} and t.morph.get("Tense") == ["Past"] or t.text in {",", ";"}), None)
    return verb is not None and verb.text not in {",", ";"} and verb.morph.get("Gender") == ["Fem"]


def _only_gender(text: str) -> Optional[str]:
    """The one gender every name reading of a word has (`Алсу` is only a woman's name), or None."""
    genders = {p.tag.gender for p in morph_analyzer().parse(text.lower()) if p.is_known and _is_name_parse(p)}
    return genders.pop() if len(genders) == 1 and genders <= {"masc", "femn"} else None


def _name_case(words) -> str:
    """OpenCorpora case of a name: the tagger's unless the known name words exclude it; a first
    name of one gender reads the others in that gender (`Алсу Гарипова`: a woman, nominative)."""
    tagged = UD_CASES.get(_tagged_case(words) or "", "nomn")
    if tagged != "nomn" and _woman_said(words):
        return "nomn"  # `— отметила заместитель председателя правительства … Наиля Гарипова`
    gender = _only_gender(words[0].text) if len(words) > 1 else None
    allowed = None
    for token in words:
        cases = _known_name_cases(token.text, gender)
        if cases is not None:
            allowed = cases if allowed is None else allowed & cases
    if not allowed or tagged in allowed:
        return tagged
    return "nomn" if "nomn" in allowed else next(c for c in PARSE_CASES if c in allowed)


def _tagged_case(words) -> Optional[str]:
    """The tagger's case for most words of the name; on a tie the surname's (`Ерланом
    Жумабековым`: the tagger called the unknown first name nominative)."""
    values = [_morph(token, "Case") for token in words if _morph(token, "Case")]
    if not values:
        return None
    last = words[-1]
    last_case = _morph(last, "Case")
    if last_case not in (None, "Nom") and _shows_case(last.text, UD_CASES.get(last_case, "")) \
            and not any(_known_name_cases(token.text) for token in words[:-1]):
        return last_case  # `Пак Сон Мином`: only the last word of the name declines
    best = max(values.count(value) for value in values)
    tied = [value for value in values if values.count(value) == best]
    # a tie goes to an oblique case a word's ending shows (`-овым`), not one the tagger gave an
    # indeclinable word (`Амаду Траоре`: Траоре is no genitive)
    shown = [value for value in tied if value != "Nom" and any(
        _morph(token, "Case") == value and _shows_case(token.text, UD_CASES.get(value, ""))
        for token in words)]
    return shown[-1] if shown else tied[0]


def _shows_case(text: str, case: str) -> bool:
    """Whether a name word's ending shows an oblique case: `-овым`, `-ину`; not `-ова`, which a
    woman's surname has in the nominative (`Асель Сарсенбаева`)."""
    lower = text.lower()
    return not lower.endswith("а") and any(case in cases and lower.endswith(ending) and len(lower) > len(ending) + 1
                                           for _, cases, ending, _ in name_endings())


def _name_gender(words, case: str) -> Optional[str]:
    """masc/femn from the first known name word that has one gender in `case`, else the tagger's.
    Indeclinable readings say nothing of gender (`Ким` is a feminine indeclinable surname in
    every case, beside the masculine one that declines)."""
    for token in words:
        genders = {p.tag.gender for p in morph_analyzer().parse(token.text.lower())
                   if p.is_known and _is_name_parse(p) and "Fixd" not in p.tag.grammemes
                   and _is_singular(p) and _base_case(p) == case}
        if len(genders) == 1 and genders <= {"masc", "femn"}:
            return genders.pop()
    return GENDERS.get(_majority(words, "Gender") or "")


def name_nominative(text: str, case: str, gender: Optional[str]) -> str:
    """One word of a name in the nominative; hyphenated parts each (Буша-младшего → Буш-младший)."""
    if case == "nomn" or not is_cyrillic(text):
        return text
    return "-".join(_name_part(part, case, gender) for part in text.split("-"))


def _name_part(part: str, case: str, gender: Optional[str]) -> str:
    parse = _name_parse(part, case, gender)
    if parse is None:
        return _by_ending(part, case, gender)
    if "Fixd" in parse.tag.grammemes:
        return part
    target = {"nomn", "sing"} | ({gender} if gender and parse.tag.POS == "ADJF" else set())
    inflected = parse.inflect(target) or parse.inflect({"nomn"})
    return match_shape(inflected.word, part) if inflected else part


NAME_PARSE_RANKS = (
    lambda p: p.is_known and _is_name_parse(p),           # Кушнера, Марии
    lambda p: _is_name_parse(p),                          # Пучкова (a guessed surname)
    lambda p: p.is_known and p.tag.POS == "ADJF",          # Царёва, младшего
    lambda p: p.tag.POS == "NOUN" and "Geox" not in p.tag.grammemes,  # Руппеля, Уэббом
)


def _name_parse(part: str, case: str, gender: Optional[str]):
    """The best parse of a name word in `case`, singular, of the person's gender."""
    parses = [p for p in morph_analyzer().parse(part.lower())
              if _base_case(p) == case and _is_singular(p)
              and (gender is None or p.tag.gender in {gender, "ms-f", None})]
    for rank in NAME_PARSE_RANKS:
        found = [p for p in parses if rank(p)]
        if found:
            return found[0]
    return None


@lru_cache(maxsize=None)
def name_endings() -> Tuple[Tuple[str, frozenset, str, str], ...]:
    """(gender, cases, ending, replacement) rows of rules/name_endings.tsv, longest ending first."""
    rows = [(gender, frozenset(cases.split(",")), ending, "" if replacement == "-" else replacement)
            for gender, cases, ending, replacement in load_table("name_endings.tsv", 4)]
    return tuple(sorted(rows, key=lambda row: -len(row[2])))


def _by_ending(part: str, case: str, gender: Optional[str]) -> str:
    """An unknown surname by its ending: Лыкова → Лыков; a bare stem must end in a consonant."""
    lower = part.lower()
    for row_gender, cases, ending, replacement in name_endings():
        if row_gender != gender or case not in cases or not lower.endswith(ending):
            continue
        stem = lower[:len(lower) - len(ending)]
        if len(stem) < 2 or (not replacement and stem[-1] in VOWELS):
            continue
        return match_shape(stem + replacement, part)
    return part


SYMBOL = "So"  # the Unicode category of pictographs: `🔹`, `▪️`, `✅`, `📍`, a flag's letters `🇨🇳`
TEXT_SIGNS = {"№", "©", "®", "™", "°"}  # of that category too, but written in running text
MARKS = {"Mn", "Cf"}  # the variation selector and joiners that follow one


def is_pictograph(text: str) -> bool:
    """`🔹` opening a post's line, `🇨🇳` after a company's name: pictographs and the marks that
    follow them, not a sign of running text (`№`, `°`)."""
    if text in TEXT_SIGNS:
        return False
    categories = {unicodedata.category(char) for char in text}
    return SYMBOL in categories and categories <= {SYMBOL} | MARKS


def strip_quotes(text: str) -> str:
    """Quotes removed, outer punctuation stripped, white space collapsed."""
    cleaned = "".join(char for char in text if char not in QUOTES)
    return " ".join(cleaned.split()).strip(OUTER_PUNCTUATION)


@lru_cache(maxsize=None)
def legal_forms() -> frozenset:
    return frozenset(form.lower() for form in load_list("legal_forms.txt"))


def strip_legal_form(text: str) -> str:
    """«АО «Технополис «Химград»» → «Технополис «Химград»»: legal forms at either end dropped.

    Multi-word forms count too: `Акционерное общество «Х»`, `Fratelli Conti Srl`.
    """
    words = [word for word in text.split() if not is_pictograph(word)]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size, bare in _forms_by_size():  # `Co., Ltd.`: a form's own dot or the sentence's
            if size < len(words) and " ".join(w.strip(QUOTES) for w in words[:size]).lower().rstrip(".") in bare:
                words, changed = words[size:], True
                if len(words) > 1 and is_region_code(words[0]) and words[1][:1] in QUOTES:
                    words = words[1:]  # `ГАУ КК «Центр инновационного развития Кубани»`: the region's code
            elif size < len(words) and " ".join(w.strip(QUOTES + ",") for w in words[-size:]).lower().rstrip(".") in bare \
                    and not is_cyrillic(words[-1]):
                words, changed = words[:-size], True  # (`Fratelli Conti Srl`; `«Стрела УК»` keeps its `УК`)
    return " ".join(words)


@lru_cache(maxsize=None)
def _forms_by_size() -> Tuple[Tuple[int, frozenset], ...]:
    """The legal forms without their final dot, by their number of words."""
    sizes: dict = {}
    for form in legal_forms():
        sizes.setdefault(len(form.split()), set()).add(form.rstrip("."))
    return tuple((size, frozenset(forms)) for size, forms in sorted(sizes.items()))


REGION_CODE_LETTERS = 3


def is_region_code(word: str) -> bool:
    """`КК`, `РО`, `СО` after a state institution's form: the region it belongs to."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= REGION_CODE_LETTERS and is_cyrillic(word)


def is_legal_form(word: str) -> bool:
    return word.strip(QUOTES).lower() in legal_forms()
