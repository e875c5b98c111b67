"""A position phrase as the record gives it: nominative, the company cut out into `org`.

`генерального директора «Химграда»` → `генеральный директор`, org `Химград`;
`главным тренером футбольного клуба «Бананц»` → `главный тренер`, org `Бананц`;
`заместителя губернатора Краснодарского края` → the whole phrase, org `Краснодарский край`
(regions and state bodies stay in the position, annotations/GUIDELINES.md).
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from ..models import morph_analyzer
from ..normalize import inflect_word, is_legal_form, phrase_nominative, strip_legal_form, strip_quotes
from ..vocab import load_set
from .common import DASHES, OPEN_QUOTES, POSSESSIVES, entities, quoted_spans, word_lemmas
from .org_names import branch_parent, branch_parent_after, zone_company_name
from .park_mentions import match_kind
from .positions import MODIFIER_POS, PLACE_ADPS, Phrase, is_latin, is_org_noun, quote_end
from .titles import case_of, has_lemma, is_fixed_title, is_skipped_modifier

UD_CASE_NAMES = {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc"}
TRAILING_POS = {"ADP", "CCONJ", "PUNCT", "ADJ", "NUM", "DET", "SPACE"}


def org_name(span) -> str:
    """A person's company as the title names it; a zone's company or one named by its role as
    the name in quotes of its own after it (`директор ТОО «Управляющая компания индустриальной зоны
    «Кентау»»` → Кентау, as org_names reads it)."""
    return zone_company_name(span) or _without_alias(strip_legal_form(strip_quotes(phrase_nominative(span))))


def _without_alias(text: str) -> str:
    """`Корпорация развития Дальнего Востока и Арктики (КРДВ)` → the name without the short
    name in brackets after it; `Фонд борьбы с коррупцией (ФБК`, a bracket the entity left open,
    goes too."""
    name, bracket, alias = text.rpartition("(")
    if bracket and name.strip() and alias.rstrip(")").isupper() and " " not in alias.strip():
        return name.strip()
    return text


def _is_state_body(span) -> bool:
    return any(has_lemma(token, "position_state_bodies.txt") for token in span)


def _np_start(doc, i: int, floor: int) -> int:
    """Start of the noun phrase holding token i: `футбольного клуба «Бананц»` from the quote."""
    while i - 1 > floor:
        if doc[i - 1].pos_ in MODIFIER_POS or is_org_noun(doc[i - 1]):
            i -= 1
        elif i - 3 > floor and has_lemma(doc[i - 1], "position_scope_nouns.txt") \
                and doc[i - 2].lower_ in {"в", "во", "на"} and doc[i - 3].pos_ in {"ADJ", "VERB"}:
            i -= 2  # `крупнейшего в крае агрохолдинга «Х»`: the adjective's scope
        else:
            break
    return i


def _named_after(doc, i: int, end: int) -> Optional[str]:
    """The name right after a company noun: quoted, Latin, or an organisation entity."""
    if i >= end:
        return None
    if doc[i].text in OPEN_QUOTES or doc[i].text == '"':
        return org_name(doc[i:quote_end(doc, i, end) or end])
    if is_latin(doc[i]):
        stop = i
        while stop < end and (is_latin(doc[stop]) or doc[stop].is_space):
            stop += 1
        return doc[i:stop].text.strip()
    if doc[i].ent_type_ == "ORG":
        return org_name(_entity_at(doc, i))
    return None


NAME_REACH = 3  # `управляющей компании парка ООО «Х»`: words between a company noun and its name


def _past_describers(doc, i: int, end: int) -> int:
    """Past a genitive noun or a legal form between a company noun and its name (`компании
    парка ООО «Лаишево-Девелопмент»`), when a name follows them; else i."""
    j = i
    while j < end and j - i < NAME_REACH and (is_legal_form(doc[j].text) or doc[j].is_space or (
            doc[j].pos_ == "NOUN" and doc[j].text.islower() and doc[j].morph.get("Case") == ["Gen"])):
        j += 1
    return j if j < end and _named_after(doc, j, end) is not None else i


def _restated_after_kind(doc, i: int, end: int) -> Optional[str]:
    """`управляющей компании ОЭЗ — ООО «Сейм-Девелопмент» —`: a park's kind closing the phrase,
    and the company named after a dash that restates it."""
    kind = match_kind(doc, i) if i < end else None
    if kind is None or kind[0] != end:
        return None
    j = end
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc) or doc[j].text not in DASHES:
        return None
    j += 1
    while j < len(doc) and (doc[j].is_space or is_legal_form(doc[j].text)):
        j += 1
    return _named_after(doc, j, len(doc)) if j < len(doc) and (doc[j].text in OPEN_QUOTES or doc[j].text == '"') else None


def _entity_at(doc, i: int):
    return next(ent for ent in entities(doc) if ent.start <= i < ent.end)


def _is_company_abbreviation(token) -> bool:
    return (len(token.text) > 1 and token.text.isupper() and token.ent_type_ != "LOC"
            and not has_lemma(token, "position_state_bodies.txt") and token.lower_ not in load_set("sector_abbreviations.txt"))


def org_cut(doc, phrase: Phrase) -> Tuple[int, Optional[str], bool]:
    """(where the position ends, the company cut out of it, whether the company is only the one
    a bare noun stands for), or (phrase end, None, False)."""
    i = phrase.head + 1
    while i < phrase.end:
        token = doc[i]
        if token.text in OPEN_QUOTES or token.text == '"':
            return _np_start(doc, i, phrase.head), _named_after(doc, i, phrase.end), False
        if is_org_noun(token) and not _names_state_body(doc, token, phrase.end):
            at = _past_describers(doc, i + 1, phrase.end)
            name = _restated_after_kind(doc, at, phrase.end) or _named_after(doc, at, phrase.end)
            if name is None and token.ent_type_ == "ORG":
                name = org_name(_entity_at(doc, i))
            if name is not None:
                return _np_start(doc, i, phrase.head), name, False
            return _np_start(doc, i, phrase.head), referred_org(doc, token), True
        if token.ent_type_ == "ORG" and not _is_state_body(_entity_at(doc, i)):
            entity = _entity_at(doc, i)
            if entity.end < phrase.end and (any(word_lemmas(t) & load_set("branch_heads.txt") for t in entity)
                                            or branch_parent_after(doc, entity) is not None):
                # `директор Амурского филиала ДВПБ`, `председатель Волго-Вятского банка ПАО Сбербанк`:
                # the branch is the title's, the parent the org
                i = entity.end
                continue
            parent = branch_parent(entity)
            if parent is not None:  # (the branch and its parent one name to the tagger)
                return parent.start, org_name(parent), False
            return _np_start(doc, entity.start, phrase.head), org_name(entity), False
        if is_latin(token) or _is_company_abbreviation(token):
            return i, _named_after(doc, i, phrase.end) or token.text, False
        i += 1
    return phrase.end, None, False


def _names_state_body(doc, token, end: int) -> bool:
    """`руководитель Агентства инвестиционного развития Республики Татарстан`: a state body's
    noun with words of its name after it stays in the position; bare (`генеральный директор
    агентства`), it stands for an organisation named before and is cut out."""
    following = doc[token.i + 1] if token.i + 1 < end else None
    return has_lemma(token, "position_state_bodies.txt") and following is not None and following.is_alpha


def referred_org(doc, noun) -> Optional[str]:
    """The organisation a bare noun stands for (`директор технопарка`, `директор колледжа`):
    the last one named before it with that noun in its name (`Тюменский колледж
    производственных технологий`) or right before its quoted name (`технопарк «Обской»`)."""
    lemmas = word_lemmas(noun)
    found = []  # (end, name)
    ents = entities(doc)
    places = {ent.start: ent for ent in ents if ent.label_ == "LOC"}
    for ent in ents:
        if ent.end <= noun.i and ent.label_ == "ORG" and any(word_lemmas(t) & lemmas for t in ent):
            opening = next((t.i for t in ent if t.text in OPEN_QUOTES or t.text == '"'), None)
            inner = doc[opening + 1:quote_end(doc, opening, len(doc)) or ent.end] if opening is not None else ent
            if opening is None and ent.end in places and ent[-1].text.islower():
                # `Корпорация развития` + `Ставропольского края`: NER splits one name in two
                inner = doc[ent.start:places[ent.end].end]
            found.append((ent.end, org_name(inner if len(inner) else ent)))
    for span in quoted_spans(doc):
        before = span.start - 2
        while before > 0 and doc[before].pos_ == "ADJ":
            before -= 1
        if span.end < noun.i and before >= 0 and word_lemmas(doc[before]) & lemmas:
            found.append((span.end, org_name(span)))
    return max(found)[1] if found else None


def body_in(doc, start: int, end: int) -> Optional[str]:
    """The region or state body a position names: `Краснодарского края` → Краснодарский край."""
    ents = [ent for ent in entities(doc) if start <= ent.start and ent.end <= end and ent.label_ in {"LOC", "ORG"}]
    if not ents:
        return None
    stop = ents[0].end
    for ent in ents[1:]:  # `Законодательного собрания` + `Омской области`: one body
        if ent.start == stop and ent.label_ == "LOC":
            stop = ent.end
    return org_name(doc[ents[0].start:stop])


def _gender(token) -> Optional[str]:
    values = token.morph.get("Gender")
    return values[0] if values else None


def _word(token, lead, gender) -> str:
    """A word of the phrase in the nominative singular, agreeing with the lead word."""
    case = UD_CASE_NAMES.get(case_of(token) or "")
    if token.i < lead.i and token.pos_ in MODIFIER_POS:
        return inflect_word(token.text, token.pos_, case, "Sing", gender, singular=True)
    if token.i == lead.i and is_fixed_title(token.text):
        return token.text  # `замначальника` is the same in every case
    if token.i == lead.i:
        pos = token.pos_ if token.pos_ in {"NOUN", "ADJ", "VERB"} else "NOUN"
        if pos == "ADJ" and _titles_noun(token):
            pos = "NOUN"  # `хокима области` the tagger read as an adjective: the title `хоким`
        return inflect_word(token.text, pos, case, "Sing", gender, singular=True)
    return token.text


def _titles_noun(token) -> bool:
    """A word whose likeliest reading is a noun title of rules/positions.txt (`хоким`, `хокима`)."""
    first = morph_analyzer().parse(token.lower_)[0]
    return first.tag.POS == "NOUN" and first.normal_form in load_set("positions.txt")


def _is_dropped(token, phrase: Phrase) -> bool:
    """A modifier describing the person (`71-летний`, `бывший`, `15-й`), not the position; a
    possessive pronoun inside it (`председатель её совета директоров`: whose, not what)."""
    if token.i > phrase.lead and token.lower_ in POSSESSIVES:
        return True
    return token.i < phrase.lead and (is_skipped_modifier(token) or any(char.isdigit() for char in token.text))


def _purpose_tail(doc, phrase: Phrase, cut: int) -> Optional[int]:
    """`заместитель генерального директора ПАО «КАМАЗ» по продажам`, `директор компании по
    развитию бизнеса`: `по` and a dative after the organisation cut out of a title goes on with
    the title; so does a branch's region (`директор филиала КРДВ в Амурской области`, a word of
    rules/branch_heads.txt in the title); where it starts, or None."""
    end = phrase.end
    inside = {i for span in quoted_spans(doc) if cut <= span.start < end for i in range(span.start, span.end)}
    branch = any(word_lemmas(t) & load_set("branch_heads.txt") for t in doc[phrase.head:cut])
    for i in range(cut + 1, end - 1):
        if doc[i].lower_ == "по" and i not in inside and doc[i + 1].pos_ in {"NOUN", "ADJ"} \
                and doc[i + 1].morph.get("Case") == ["Dat"]:
            return i  # (not `СЗАО «Компания по развитию индустриального парка»`: the name's own words)
        if branch and doc[i].lower_ in PLACE_ADPS and i not in inside and doc[i + 1].ent_type_ == "LOC":
            return i
    return None


def _kept_tokens(doc, phrase: Phrase, cut: int) -> List:
    tail = _purpose_tail(doc, phrase, cut) if cut < phrase.end else None
    kept = list(range(phrase.start, cut)) + (list(range(tail, phrase.end)) if tail is not None else [])
    tokens = [doc[i] for i in kept if not doc[i].is_space and not _is_dropped(doc[i], phrase)]
    while tokens and tokens[-1].i > phrase.head and tokens[-1].pos_ in TRAILING_POS \
            and not (tokens[-1].text == ")" and any(token.text == "(" for token in tokens)):
        tokens.pop()
    return tokens


def _without_former_prefix(word: str) -> str:
    """`экс-глава` → `глава`: a former position is recorded as the position (like `бывший`)."""
    for prefix in load_set("position_former.txt"):
        if prefix.endswith("-") and word.lower().startswith(prefix) and len(word) > len(prefix):
            return word[len(prefix):]
    return word


def position_text(doc, phrase: Phrase, cut: int) -> Optional[str]:
    tokens = _kept_tokens(doc, phrase, cut)
    if not tokens:
        return None
    lead = doc[phrase.lead]
    gender = _gender(lead)
    words = [_word(token, lead, gender) for token in tokens]
    words = [_without_former_prefix(word) if token.i == phrase.head else word for word, token in zip(words, tokens)]
    first = tokens[0]
    # a title the tagger took for a place (`Хоким Навоийской области` opening a sentence) is
    # still a common noun
    named = first.ent_type_ in {"LOC", "ORG"} and not has_lemma(first, "positions.txt")
    if not (first.text.isupper() and len(first.text) > 1) and not named:
        words[0] = words[0][:1].lower() + words[0][1:]
    return "".join(word + _gap_after(doc, token) for word, token in zip(words, tokens)).strip() or None


def _gap_after(doc, token) -> str:
    """The space after a word, one plain space for a space token (`И.\u00a0о.` → `И. о.`)."""
    if token.whitespace_ or (token.i + 1 < len(doc) and doc[token.i + 1].is_space):
        return " "
    return ""


def _named_in(doc, start: int, end: int) -> Optional[str]:
    """The organisation an aside names: a quoted name, with its legal form before it."""
    for i in range(start, end):
        if doc[i].text in OPEN_QUOTES or doc[i].text == '"':
            return _named_after(doc, i, end)
    return None


def read_position(doc, phrase: Phrase) -> Tuple[Optional[str], Optional[str], bool]:
    """(position, org, whether org is only what a bare noun stands for) of a phrase."""
    cut, org, referred = org_cut(doc, phrase)
    if (org is None or referred) and phrase.aside is not None and _named_in(doc, *phrase.aside):
        org, referred = _named_in(doc, *phrase.aside), False  # `директор УК парка — ООО «Х» — Анна …`
    position = position_text(doc, phrase, cut)
    if org is None:
        org, referred = body_in(doc, phrase.head + 1, cut), False
    if (org is None and _bare_bound_title(doc, phrase, cut)) or _is_honour(doc, phrase):
        return None, None, False
    return position, org, referred


def _is_honour(doc, phrase: Phrase) -> bool:
    """`народный артист России`, `кавалер ордена`: an honour, not a position."""
    return (any(has_lemma(token, "position_honours.txt") for token in doc[phrase.start:phrase.head])
            or has_lemma(doc[phrase.head], "position_honour_heads.txt"))


def _bare_bound_title(doc, phrase: Phrase, cut: int) -> bool:
    """`член`, `глава` with nothing they head: not a position."""
    bare = not any(token.is_alpha for token in doc[phrase.head + 1:cut])
    return bare and has_lemma(doc[phrase.head], "position_bound_heads.txt")


def phrase_size(doc, phrase: Phrase) -> int:
    """The size of a phrase in characters, company included: the fuller of two positions wins."""
    return len(doc[phrase.start:phrase.end].text)
