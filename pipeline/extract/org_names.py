"""Organisations' names as parties write them: the nominative of a declined quoted name, the
full name an abbreviation or a bracketed alias stands for.

`с «Сибирским кабелем»` → Сибирский кабель, `«Электроприбором-Инвест»` → Электроприбор-Инвест,
`компанией «Анадолу Текстиль»` keeps the words as written; `Корпорация развития Дальнего Востока
и Арктики (КРДВ) … КРДВ` → the full name; `«Нордвинд Фудс» (Nordwind Foods)` → the name it was
introduced with.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional, Tuple

from ..normalize import inflect_word, is_cyrillic, is_legal_form, is_region_code, is_short_name, phrase_nominative, strip_legal_form, strip_quotes
from ..models import morph_analyzer
from ..vocab import load_set, load_table
from .common import DASHES, PerDoc, QUOTE_TOKENS, entities, entities_in, legal_form_quotes, may_be_nominative, quoted_spans, word_lemmas
from .park_mentions import is_declined_form, match_kind, name_key, role_at, zone_name_after
from .state_bodies import name_lemmas


def org_name(span) -> str:
    """An organisation's name: no quotes, no legal form, in the nominative where it declines
    (`«Химграда»` → Химград, `«Сибирским технопарком»` → Сибирский технопарк)."""
    opening = next((k for k, t in enumerate(span) if t.text == "("), None)
    if opening and (opening + 1 < len(span) and is_short_name(span[opening + 1].text)
                    or not any(t.text == ")" for t in span[opening:])):
        span = span[:opening]  # `Евразийский банк развития (ЕАБР)`, `(ЧувГУ)`: the abbreviation is an alias
    zone = zone_company_name(span)
    if zone:
        return zone
    parent = branch_parent(span)
    if parent is not None:
        return org_name(parent)
    as_written = _name_after_generic_noun(span)
    if as_written:
        return as_written
    words = [t for t in span if t.text not in QUOTE_TOKENS and not is_legal_form(t.text) and not _code_after_form(t)]
    if not words:
        return ""
    if len(words) == 1 and words[0].text[:1].isupper() and not words[0].text.isupper():
        case = _coordinated_case(words[0]) or words[0].morph.get("Case")
        if "-" in words[0].text.strip("-"):
            return _compound_nominative(words[0], case[0] if case else None)
        return inflect_word(words[0].text, words[0].pos_, case[0] if case else None, "Sing")
    return strip_legal_form(strip_quotes(phrase_nominative(words)))


def shortens(short: str, name: str) -> bool:
    """`short` is the initials of `name` (`КБР`), or two words or more of it, the first and the
    last the same, the words it lacks all words of a formal name (rules/formal_name_words.txt)."""
    if short.isupper() and is_short_name(short) and " " not in short:
        initials = "".join(part[:1] for word in name.split() for part in word.split("-") if part[:1].isupper())
        return len(name.split()) > 1 and initials == short
    words, longer = _name_words(short), _name_words(name)
    if len(words) < 2 or len(longer) <= len(words) or words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    added = list(longer)
    for word in words:  # (in order: what is left is what the longer name adds)
        if word not in added:
            return False
        added.remove(word)
    return all(word in load_set("formal_name_words.txt") for word in added)


def _name_words(name: str) -> Tuple[str, ...]:
    """The normal form of each word of a name, as written (no abbreviation spelled out)."""
    return tuple(name_key(name).split())


def fuller_org_name(name: str, names) -> str:
    """`Центр кластерного развития` is the `Центр кластерного развития Ставропольского края` the
    text names (`names`), `Корпорация развития Дагестана` the `Корпорация развития Республики
    Дагестан`: the one longer name that the name opens word for word (whatever follows) or
    shortens (shortens); the name itself when none or several."""
    words = _name_words(name)
    if len(words) < 2:
        return name
    fuller = {n for n in names if shortens(name, n)
              or len(_name_words(n)) > len(words) and _name_words(n)[:len(words)] == words}
    return fuller.pop() if len(fuller) == 1 else name


def branch_parent(span):
    """`Среднерусский банк ПАО Сбербанк`, `Кемеровское отделение Сбербанка`: the company whose
    regional part (rules/regional_branch_nouns.txt, after its adjective) the name is, named
    after it with a legal form or a capital; None for others (`Евразийский банк развития`)."""
    words = [t for t in span if not t.is_space]
    for k in range(1, len(words) - 1):
        after = words[k + 2:] if is_legal_form(words[k + 1].text) else words[k + 1:]
        if _names_branch(words[k - 1], words[k]) and after and after[0].text[:1].isupper() \
                and after[0].ent_type_ != "LOC":  # (`Национальный банк Казахстана`: a country's bank)
            return span.doc[words[k + 1].i:span.end]
    return None


def _names_branch(adjective, noun) -> bool:
    """`Волго-Вятский банк`, `Кемеровское отделение`: a regional branch's noun after its adjective."""
    return noun.lemma_.lower() in load_set("regional_branch_nouns.txt") and adjective.pos_ == "ADJ" and noun.text.islower()


def branch_parent_after(doc, ent):
    """The company named right after (past its legal form) a name that ends in a regional
    branch's noun after its adjective (`Кемеровского отделения` + `Сбербанка`, rules/
    regional_branch_nouns.txt); None for others."""
    words = [t for t in ent if not t.is_punct]
    if len(words) < 2 or not _names_branch(words[-2], words[-1]):
        return None
    start = ent.end + 1 if ent.end < len(doc) and is_legal_form(doc[ent.end].text) else ent.end
    return next((e for e in entities(doc) if e.label_ == "ORG" and (e.start in (ent.end, start)
                 or e.start == start + 1 and doc[start].text in QUOTE_TOKENS)), None)


def zone_company_name(span) -> Optional[str]:
    """`АО «ОЭЗ «Бия»»`, `АО «ОЭЗ ППТ «Тверца»`: the zone's company is written as the zone, the
    name in quotes of its own after the park's kind; `ТОО «Управляющая компания «Шымкент
    Индастриал»»`: a company named by its role (rules/operator_role_nouns.txt) is written as the
    name in quotes of its own after it (GUIDELINES); None for other names."""
    doc = span.doc
    first = next((t.i for t in span if t.text not in QUOTE_TOKENS and not is_legal_form(t.text)), None)
    if first is None or first < 1 or doc[first - 1].text not in QUOTE_TOKENS:
        return None  # a quote before the kind (not `ОЭЗ «Технополис «Москва»»` itself)
    if first < 2 or not is_legal_form(doc[first - 2].text):
        # `«ОЭЗ «Вятка»» и «Россети …» подписали`: the company quoted whole, its legal form left out;
        # not a park's own name after its kind (`ОЭЗ «Технополис «Москва»»`)
        after_kind = any((kind := match_kind(doc, k)) is not None and kind[0] == first - 1
                         for k in range(max(0, first - KIND_WORDS - 1), first - 1))
        return None if after_kind else zone_name_after(doc, first - 1)
    return zone_name_after(doc, first - 1) or _name_after_role(doc, first)


KIND_WORDS = 4  # `особая экономическая зона промышленно-производственного типа`: words a park's kind may take
ROLE_NAME_WORDS = 6  # `«Управляющая компания «Ертис Индастриал»»`


def role_name_opening(doc, first: int) -> Optional[int]:
    """The opening quote of the name in quotes of its own after a role phrase at token `first`
    (`УК «Пашино»`), a park's kind perhaps between (`Управляющая компания СЭЗ «Павлодар»`), or None."""
    role = role_at(doc, first)
    opening = first + len(role) if role else None
    if opening is not None and opening < len(doc) and doc[opening].text not in {"«", "\""}:
        kind = match_kind(doc, opening)  # `«Управляющая компания СЭЗ «Павлодар»»`: the zone's name
        opening = kind[0] if kind is not None else opening
    if opening is None or opening >= len(doc) or doc[opening].text not in {"«", "\""}:
        return None
    return opening


def _name_after_role(doc, first: int) -> Optional[str]:
    """The name in quotes of its own after a role phrase at token `first`, or None."""
    opening = role_name_opening(doc, first)
    if opening is None:
        return None
    close = next((t.i for t in doc[opening + 1:min(len(doc), opening + 1 + ROLE_NAME_WORDS)] if t.text in {"»", "\""}), None)
    return strip_quotes(doc[opening + 1:close].text) or None if close else None


def _coordinated_case(token) -> Optional[list]:
    """`с «Сибирским кабелем» и «Сибстроем»`: a quoted one-word name joined by `и` or a comma
    to a quoted name before it is in that name's case (the tagger may read it nominative)."""
    doc = token.doc
    i = token.i - 1
    if i < 3 or doc[i].text not in QUOTE_TOKENS or doc[i - 1].lower_ not in {"и", ","} \
            or doc[i - 2].text not in QUOTE_TOKENS:
        return None
    case = doc[i - 3].morph.get("Case")
    return case if case in (["Ins"], ["Gen"], ["Dat"]) else None


def _code_after_form(token) -> bool:
    """`ГАУ КК «Центр …»`: a region's code between a legal form and a quoted name."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and is_legal_form(doc[token.i - 1].text) and is_region_code(token.text) \
        and doc[token.i + 1].text in QUOTE_TOKENS


def _compound_nominative(token, case: Optional[str]) -> str:
    """`«Электроприбором-Инвест»` → Электроприбор-Инвест, `«Кама-Востока»` → Кама-Восток,
    `«Полиформ-Камы»` → Полиформ-Кама: the one part the writer declined goes to the nominative,
    which drops an ending, or swaps one where the part has no nominative reading."""
    parts = token.text.split("-")
    written = _legal_name_declined_as(token)
    if written is not None:
        return written  # `Со стороны «Черноземья-Холода»` after `ООО «Черноземье-Холод»`: both parts declined
    if _subject_of_verb(token) and not _only_oblique(parts[-1]):
        return token.text  # `«Саранск-Оптика» подписала …`: the subject, in the nominative as written
    if _after_legal_form(token) and case in (None, "Nom"):
        return token.text  # `с ООО «Деком-Пак»`: the legal form takes the case, the name stays as written
    # (`с компанией «Бором-Фарма»`: after a common noun only the last part could carry the case)
    for k in ((len(parts) - 1,) if _after_common_noun(token) else (0, len(parts) - 1)):
        # `«Полиформ-Камы»` tagged nominative as a whole: a part only ever oblique declines anyway
        part_case = None if case in (None, "Nom") and _only_oblique(parts[k]) else case
        nominative = inflect_word(parts[k], token.pos_, part_case, "Sing")
        # (`«Днепр-Стекла»` in the genitive: `стекла` may read as a plural, the tagger's case decides)
        shorter = len(nominative) < len(parts[k]) or (len(nominative) == len(parts[k]) and (
            _only_oblique(parts[k]) or k > 0 and case in OBLIQUE and _is_known_word(nominative)))
        if nominative != parts[k] and shorter and (k > 0 or _is_known_word(nominative)):
            return "-".join(parts[:k] + [nominative] + parts[k + 1:])
    return token.text


OBLIQUE = {"Gen", "Dat", "Ins", "Loc"}


def _legal_name_declined_as(token) -> Optional[str]:
    """The hyphenated name written after a legal form elsewhere in the text (`ООО «Черноземье-Холод»`)
    of which this word is every part declined (`«Черноземья-Холода»`), or None."""
    parts = token.text.lower().split("-")
    for written in _hyphenated_legal_names(token.doc):
        known = written.lower().split("-")
        if written != token.text and len(known) == len(parts) and all(is_declined_form(a, b) for a, b in zip(parts, known)):
            return written
    return None


_legal_names = PerDoc()


def _hyphenated_legal_names(doc) -> List[str]:
    """The hyphenated words opening the quoted names the text writes after a legal form."""
    memo = _legal_names(doc)
    if "names" not in memo:
        memo["names"] = [span[0].text for span in legal_form_quotes(doc) if "-" in span[0].text]
    return memo["names"]


def _after_legal_form(token) -> bool:
    """A quoted name right after a legal form (`ООО «Деком-Пак»`)."""
    doc = token.doc
    i = token.i - 1
    return i >= 1 and doc[i].text in QUOTE_TOKENS and is_legal_form(doc[i - 1].text)


def _after_common_noun(token) -> bool:
    """A quoted name right after a common noun that is no title (`компанией «Бором-Фарма»`)."""
    doc = token.doc
    i = token.i - 1
    return i >= 1 and doc[i].text in QUOTE_TOKENS and doc[i - 1].pos_ == "NOUN" and doc[i - 1].text.islower() \
        and not word_lemmas(doc[i - 1]) & load_set("positions.txt")


def _subject_of_verb(token) -> bool:
    """A quoted name right before a finite verb (`«Саранск-Оптика» подписала`)."""
    doc = token.doc
    after = next((t for t in doc[token.i + 1:token.i + 3] if t.text not in QUOTE_TOKENS), None)
    return after is not None and after.pos_ in {"VERB", "AUX"} and after.morph.get("VerbForm") == ["Fin"]


def _only_oblique(word: str) -> bool:
    """`Камы`: every dictionary reading of the word is in a case other than the nominative."""
    parses = [p for p in morph_analyzer().parse(word.lower()) if p.is_known and p.tag.case]
    return bool(parses) and all(p.tag.case != "nomn" for p in parses)


def _is_known_word(word: str) -> bool:
    """A dictionary word (`электроприбор`), not a guess (`Агроком` is no form of `агрок`): a
    first part declines only into one; a last part (`«Зауралье-Агротеха»`) as endings go."""
    return any(parse.is_known for parse in morph_analyzer().parse(word.lower()))


def legal_form_org_names(doc) -> List[str]:
    """Names of the organisations the text writes with a legal form (`ООО «Промтерра Девелопмент»`)."""
    return [org_name(doc[span.start - 1:span.end + 1]) for span in legal_form_quotes(doc)]


HENCEFORTH = "далее"  # `АО «Енисейинвестбанк» (далее — Банк)`


def is_self_reference(name: str) -> bool:
    """`Банк`, `Группа`: a company's release calling it by a common noun alone."""
    return " " not in name and name[:1].isupper() and name.lower() in load_set("self_reference_nouns.txt")


def self_named(doc, noun: str) -> Optional[str]:
    """The company a release calls `noun` (`Банк`): the one it defines so (`АО «Енисейинвестбанк»
    (далее — Банк)`), else the one organisation it writes with that noun before its quoted name
    (`Группа «Ростверк»`) or in its name (`ПАО «Приокбанк»` for `Банк`); None when not one."""
    lower = noun.lower()
    for token in doc:
        if token.lower_ != HENCEFORTH or token.i < 2 or doc[token.i - 1].text != "(":
            continue
        words = [t for t in doc[token.i + 1:token.i + 5] if t.text not in DASHES | QUOTE_TOKENS]
        if words and words[0].lower_ == lower:
            defined = next((ent for ent in entities(doc) if ent.label_ == "ORG" and ent.end == token.i - 1), None)
            if defined is not None:
                return org_name(defined)
    written = {org_name(ent[1:] if len(ent) > 1 and ent[1].text in QUOTE_TOKENS and lower in word_lemmas(ent[0]) else ent) for ent in entities(doc)
               if ent.label_ == "ORG" and _written_with_noun(doc, ent, lower)}
    written |= {name for name in legal_form_org_names(doc) if lower in name.lower() and name.lower() != lower}
    written.discard("")
    return written.pop() if len(written) == 1 else None


def _written_with_noun(doc, ent, lower: str) -> bool:
    """`Группа «Ростверк»`: the noun right before the quoted name, inside the entity or out of it;
    `Фонд развития инноваций Тюменской области`: a name the noun opens."""
    if ent.start > 0 and doc[ent.start - 1].lower_ == lower and doc[ent.start].text in QUOTE_TOKENS:
        return True
    return len(ent) > 1 and lower in word_lemmas(ent[0]) and ent[0].text[:1].isupper()


def expand_abbreviation(doc, name: str) -> str:
    """`Корпорация развития Дальнего Востока и Арктики (КРДВ) … управляющей компанией выступает
    КРДВ`: an abbreviation the article defined in brackets after a company's full name (its town
    after a comma maybe) is that name."""
    if not name:
        return name
    if " " in name:  # `«Нордвинд Фудс» (Nordwind Foods)`, `(«Сухонский ДОК»)`
        return _latin_aliases(doc).get(name) or _quoted_aliases(doc).get(name_lemmas(name), name)
    if not is_short_name(name):
        return _quoted_aliases(doc).get(name_lemmas(name), name)
    memo = _expansions(doc)
    if name not in memo:
        memo[name] = _expanded(doc, name)
    return memo[name]


_expansions = PerDoc()


_alias_memo = PerDoc()


QUOTED_ALIAS_WORDS = 3


def _quoted_aliases(doc) -> dict:
    """`ООО «Западносибирский полимерный завод» («Запсибполимер»)`, `ООО «Сухонский
    деревообрабатывающий комбинат» («Сухонский ДОК»)`: a short quoted name in brackets right
    after a quoted full name is that name's alias (found once per doc)."""
    memo = _alias_memo(doc)
    if "aliases" not in memo:
        spans = quoted_spans(doc)
        ends = {span.end + 1: span for span in spans}  # the token after a closing quote
        found = {}
        for span in spans:
            opening = span.start - 2  # `(` before the alias's opening quote
            if len(span) <= QUOTED_ALIAS_WORDS and opening > 0 and doc[opening].text == "(" and opening in ends \
                    and span.end + 1 < len(doc) and doc[span.end + 1].text == ")":
                full = ends[opening]
                alias, name = org_name(span), org_name(doc[full.start - 1:full.end + 1])
                if alias and name and alias != name and " " in name:
                    found[name_lemmas(alias)] = name  # (by lemmas: `со «Сухонским ДОКом»`)
        found.update(_legal_entity_aliases(doc, spans, found))
        memo["aliases"] = found
    return memo["aliases"]


LEGAL_ENTITY_REACH = 4  # `(юридическое лицо — ООО «…»)`: tokens from the bracket to the legal form
CUE_MARKS = {"—", "–", "-", ":"}


def _legal_entity_aliases(doc, spans, known: dict) -> dict:
    """`Компания «Корвет» (ООО «Корвет-Рус»)`, `«Теплоформ» (юридическое лицо — ООО «ТФ
    Инжиниринг»)`: a brand and the company with a legal form in brackets right after it are one
    organisation, named by the longer of the two names, the legal entity's when they are as long
    (`«Полярный горно-обогатительный комбинат» (АО «Полярный ГОК»)` keeps the brand)."""
    starts = {span.start: span for span in spans}
    found = {}
    for brand in spans:
        opening = brand.end + 1  # `(` after the brand's closing quote
        if opening >= len(doc) or doc[opening].text != "(" or brand.start < 1 or doc[brand.start - 1].text not in QUOTE_TOKENS:
            continue
        form = opening + 1
        while form < min(len(doc), opening + 1 + LEGAL_ENTITY_REACH) and (
                doc[form].text in CUE_MARKS or word_lemmas(doc[form]) & load_set("legal_entity_cues.txt")):
            form += 1
        legal = starts.get(form + 2)
        if form >= len(doc) or not is_legal_form(doc[form].text) or legal is None \
                or legal.end + 1 >= len(doc) or doc[legal.end + 1].text != ")":
            continue
        short, full = org_name(doc[brand.start - 1:brand.end + 1]), org_name(doc[form:legal.end + 1])
        if not short or not full or name_lemmas(short) == name_lemmas(full) or name_lemmas(short) in known:
            continue
        if len(short.split()) > len(full.split()):
            short, full = full, short
        found[name_lemmas(short)] = full
    return found


LATIN_ALIAS_REACH = 14  # `(Xinjiang Huayuan Chemical Co., Ltd.)`: tokens to the closing bracket


def _latin_aliases(doc) -> dict:
    """`Компания «Нордвинд Фудс» (Nordwind Foods)`: a name in Latin letters in brackets right after
    a quoted Cyrillic name is that name written otherwise, as is a short alias with an
    abbreviation (`(Корпорация МСП)`); the party keeps the name it was introduced with (found
    once per doc)."""
    memo = _alias_memo(doc)
    if "latin" not in memo:
        found = {}
        for span in quoted_spans(doc):
            opening = span.end + 1  # `(` right after the closing quote
            if opening >= len(doc) or doc[opening].text != "(" or not is_cyrillic(span.text):
                continue
            close = next((j for j in range(opening + 1, min(len(doc), opening + LATIN_ALIAS_REACH)) if doc[j].text == ")"), None)
            words = [t for t in doc[opening + 1:close]] if close else []
            if words and (all(t.text.isascii() and (t.is_alpha or t.is_punct) for t in words) or _worded_abbreviation(words)):
                alias = strip_legal_form(doc[opening + 1:close].text)
                if alias and " " in alias:
                    found[alias] = org_name(doc[span.start - 1:span.end + 1])
        memo["latin"] = found
    return memo["latin"]


ALIAS_WORDS = 3  # `(Корпорация МСП)`: an alias of a few words with an abbreviation among them


def _worded_abbreviation(words) -> bool:
    """`АО «Федеральная корпорация по развитию малого и среднего предпринимательства» (Корпорация
    МСП)`: a short alias in brackets, words and an abbreviation in capitals among them."""
    return len(words) <= ALIAS_WORDS and all(t.is_alpha for t in words) \
        and any(t.text.isupper() and len(t.text) > 1 for t in words) and not all(t.text.isupper() for t in words)


def _expanded(doc, name: str) -> str:
    """The full name an abbreviation stands for, found once per doc (every party asks)."""
    for token in doc[1:len(doc) - 1]:
        # (`(УЗТА, Каменск-Уральский)`: the company's town may follow its abbreviation)
        if token.text == name and doc[token.i - 1].text == "(" and doc[token.i + 1].text in {")", ","}:
            opening = token.i - 1
            starts = [span.start - 1 for span in quoted_spans(doc) if span.end + 1 == opening]
            starts += [ent.start for ent in entities_in(doc[opening].sent)  # NER may take the brackets in
                       if ent.label_ == "ORG" and ent.start < opening <= ent.end]
            full = org_name(doc[starts[0]:opening]) if starts else ""
            if full and full != name:
                return full
    # `КРДВ подписала соглашение … Со стороны Корпорации развития Дальнего Востока и Арктики …`:
    # not defined in brackets, but the article names in full what it stands for
    for ent in doc.ents:
        if ent.label_ == "ORG" and " " in ent.text:
            full = org_name(ent)
            if full and _initials(full) == name:
                return full
    known = _known_abbreviations().get(name)
    return known if known and _names_in_full(doc, known) else name


def _names_in_full(doc, full: str) -> bool:
    """Whether the text names `full` word for word, whatever the case of each word."""
    wanted = [morph_analyzer().parse(word.lower())[0].normal_form for word in full.split()]
    lemmas = [morph_analyzer().parse(t.lower_)[0].normal_form for t in doc if not t.is_space]
    return any(lemmas[k:k + len(wanted)] == wanted for k in range(len(lemmas) - len(wanted) + 1))


FUNCTION_WORDS = {"и", "по", "при", "для", "в", "на", "с"}  # no letter of an abbreviation


@lru_cache(maxsize=None)
def _known_abbreviations() -> dict:
    return dict(load_table("org_abbreviations.tsv", 2))


def _initials(full: str) -> str:
    """`Агентство инвестиционного развития` → АИР."""
    return "".join(word[0].upper() for word in full.split() if word.lower() not in FUNCTION_WORDS and word[0].isalpha())


def _name_after_generic_noun(span) -> Optional[str]:
    """`компания «Анадолу Текстиль»`, `компанией «Новгородский технопарк»`, `с ТОО «Бесагаш
    Индастриал»`: a quoted name of several words after a common noun or a legal form keeps the
    nominative whatever the noun's case, so it is taken as written."""
    doc = span.doc
    opening = next((t.i for t in span if t.text in {"«", "\""}), None)
    if opening is None and span.start > 0 and doc[span.start - 1].text in {"«", "\""}:
        opening = span.start - 1
    if opening is None or opening == 0 or not (doc[opening - 1].pos_ == "NOUN" and doc[opening - 1].text.islower()
                                               or is_legal_form(doc[opening - 1].text)):
        return None  # `ТОО «Бесагаш Индастриал»`: a legal form before the quote holds the case too
    if word_lemmas(doc[opening - 1]) & load_set("positions.txt"):
        return None  # `с директором «Сибирского фанерного комбината»`: the writer declined the name
    inner = [t for t in span if t.i > opening and t.text not in QUOTE_TOKENS]
    if len(inner) < 2:
        return None  # one word may still be declined by the writer: `компании «Техностроя»`
    if not may_be_nominative(inner[0]) and inner[0].pos_ == "ADJ":
        return None  # `под управлением «Пермского индустриального оператора»`: declined by the writer
    return strip_legal_form(strip_quotes(doc[inner[0].i:inner[-1].i + 1].text)) or None
