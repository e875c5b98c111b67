"""natasha_ner: natasha's NewsNERTagger finds PER, LOC and ORG as doc.ents.

Each sentence is tagged on its own text (bounded input for the model), and the
character spans are moved back to document offsets.
"""
from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

from .batching import BatchedComponent
from .models import morph_analyzer, ner_tagger
from .normalize import LATIN_NAME_CONNECTORS, is_latin_word, is_legal_form, is_short_name
from .vocab import load_set

log = logging.getLogger(__name__)


class NatashaNER(BatchedComponent):
    def process(self, docs):
        sentences = [(doc, offset, text) for doc in docs for offset, text in _sentence_texts(doc) if text.strip()]
        spans = ner_tagger().spans([text for _, _, text in sentences])
        found = {id(doc): [] for doc in docs}
        for (doc, offset, _), sent_spans in zip(sentences, spans):
            for start, stop, label in sent_spans:
                ent = doc.char_span(offset + start, offset + stop, label=label, alignment_mode="expand")
                if ent is not None:
                    found[id(doc)].append(ent)
        for doc in docs:
            ents = [part for ent in found[id(doc)]
                    for part in _place_split_off(doc, _place_as_org(doc, _with_product(doc, _with_purpose(doc, _quote_closed(doc, _quoted_end(doc, ent))))))]
            ents = [ent for ent in ents if not (ent.label_ == "ORG" and (ent.text.lower() in load_set("sector_abbreviations.txt")
                                                                         or _sector_compound(ent)))]
            repaired = map(_without_dangling_preposition, map(_without_stamp, map(_place_without_brackets, ents)))
            ents = [kept for kept in map(_without_agreement_opening, repaired)
                    if kept is not None and not _function_word(kept) and _has_letters(kept)
                    and not _possessed_common_noun(kept) and not _hashtag(kept)]
            ents = ents + _capitals_tagged_elsewhere(doc, ents)
            ents = ents + _latin_names_with_forms(doc, ents)
            doc.ents = filter_spans(_with_plant_names(doc, ents))  # (`министр промышленности и ТЭК …`)
        return docs


PLACE_HEADS = {"область", "край", "республика", "округ", "район", "город", "провинция", "уезд"}  # lemmas, lower case as written


MIN_CAPITALS = 3  # `КАМАЗ`, `ВСМПО`: a name in capitals, long enough to be no initial


def _capitals_tagged_elsewhere(doc, ents) -> list:
    """`КАМАЗ и египетская компания … заключили контракт` opening the text, where the tagger
    misses the name it tags in `ПАО «КАМАЗ»` further on: a word in capitals the document tags as
    an organisation elsewhere is one wherever it stands untagged."""
    names = set()
    for ent in ents:
        words = [t.text for t in ent if t.is_alpha and not is_legal_form(t.text)]
        if ent.label_ == "ORG" and len(words) == 1 and len(words[0]) >= MIN_CAPITALS and words[0].isupper():
            names.add(words[0])  # `КАМАЗ`, `ПАО «КАМАЗ»`
        alias = _bracketed_alias(doc, ent)
        if alias:
            names.add(alias)  # `ООО «Владимирская промышленная площадка» (ВПП)`
    if not names:
        return []
    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in doc  # (not `плит (МДФ)`: a thing defined)
            if t.text in names and t.i not in tagged and not t.ent_type_ and not (t.i > 0 and doc[t.i - 1].text == "(")]


LATIN_NAME_WORDS = 2  # `Harbin Hengyuan Grain Trading Co., Ltd.`: at least this many words before the form


def _latin_names_with_forms(doc, ents) -> list:
    """`… контракт с Harbin Hengyuan Grain Trading Co., Ltd.` closing its sentence, which the tagger
    may leave untagged: capitalised Latin words followed by a legal form (rules/legal_forms.txt)
    are an organisation."""
    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    found = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and (is_latin_word(doc[j].text) or j > i and _connects_latin_words(doc, j)) \
                and not _legal_form_at(doc, j) and j not in tagged:
            j += 1  # (`Özdemir Tekstil Sanayi ve Ticaret A.Ş.`)
        if j - i >= LATIN_NAME_WORDS and j < len(doc) and _legal_form_at(doc, j) and j not in tagged:
            found.append(Span(doc, i, j, label="ORG"))
        i = max(j, i + 1)
    return found


LEGAL_FORM_TOKENS = 4  # `A` `.` `Ş` `.`: a dotted legal form split into tokens


def _legal_form_at(doc, j: int) -> bool:
    """A legal form at token j, its dots tokens of their own (`Co` `.`, `A` `.` `Ş` `.`) or not."""
    written = ""
    for token in doc[j:j + LEGAL_FORM_TOKENS]:
        written += token.text
        if is_legal_form(written):
            return True
        if token.whitespace_:
            return False
    return False


def _connects_latin_words(doc, j: int) -> bool:
    """`ve` in `Sanayi ve Ticaret`, `&` in `Smith & Sons`: a connector between two Latin words."""
    return doc[j].text in LATIN_NAME_CONNECTORS and j + 1 < len(doc) and is_latin_word(doc[j + 1].text)


def _sector_compound(ent) -> bool:
    """`IT-компания`, `ИТ-компании`, `МРТ-снимков`: an abbreviation (a sector's, or any in
    capitals) joined to a lower-case common noun is a thing, no name."""
    if len(ent) != 1 or "-" not in ent.text:
        return False
    head, _, last = ent.text.partition("-")
    abbreviation = head.lower() in load_set("sector_abbreviations.txt") or (head.isupper() and head.isalpha())
    return abbreviation and last.islower() and _is_common_noun(last)


def _bracketed_alias(doc, ent):
    """The abbreviation in capitals an organisation's span ends with, or that stands in brackets
    right after it: `ООО «Владимирская промышленная площадка» (ВПП)`."""
    if ent.label_ != "ORG":
        return None
    end = ent.end
    if end >= 3 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
        word = doc[end - 2].text
    elif end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1].text
    else:
        return None
    return word if len(word) >= MIN_CAPITALS and word.isalpha() and word.isupper() else None


def _place_without_brackets(ent):
    """`Тюменской области (ФРИТО)`: a place's span the tagger ran on into the brackets after it
    (an organisation's abbreviation) ends before them."""
    opening = next((t.i for t in ent if t.text == "("), None)
    if ent.label_ != "LOC" or opening is None or opening == ent.start or opening + 1 >= ent.end \
            or not is_short_name(ent.doc[opening + 1].text):
        return ent  # `Республики Саха (Якутия)` is the name
    return Span(ent.doc, ent.start, opening, label=ent.label_)


STAMP_DASHES = {"-", "–", "—"}


def _without_stamp(ent):
    """`ИНТЕРФАКС-ДАЛЬНИЙ ВОСТОК - Корпорация развития …`: an agency's stamp in capitals and a dash
    the tagger took into the name that follows them; the name alone stays."""
    for k, token in enumerate(ent):
        if token.text in STAMP_DASHES:
            words = [t for t in ent[:k] if any(char.isalpha() for char in t.text)]
            if words and k + 1 < len(ent) and all(t.text.isupper() and len(t.text) > 1 for t in words):
                return Span(ent.doc, ent.start + k + 1, ent.end, label=ent.label_)
            return ent
    return ent


def _without_dangling_preposition(ent):
    """`Фонд из` before `Абу-Даби`: the tagger's span ends in a preposition; the preposition goes,
    and a common noun left alone is no name. A preposition opening it goes too (`Со Сбербанком`)."""
    if len(ent) > 1 and ent[0].pos_ == "ADP" and ent[0].text.lower() in load_set("opening_prepositions.txt"):
        ent = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
        if len(ent) == 1 and _is_common_noun(ent[0].lower_):
            return None  # `Для округа это …`: no name
    end = ent.end
    while end > ent.start and ent.doc[end - 1].pos_ == "ADP":
        end -= 1
    if end - ent.start >= 3 and ent.doc[end - 2].pos_ == "ADP" and ent.doc[end - 1].text.islower() \
            and ent.doc[end - 1].lemma_.lower() in AGREEMENT_NOUNS:
        end -= 2  # `Фармацевтическая компания по соглашению на …`: the deal it is spoken of by
        if all(t.text.islower() for t in ent.doc[ent.start + 1:end]) \
                and all(_is_common_noun(t.lower_) or t.pos_ == "ADJ" for t in ent.doc[ent.start:end]):
            return None  # common words only: no name left
    if end == ent.end:
        return ent
    if end == ent.start or end - ent.start == 1 and _is_common_noun(ent.doc[ent.start].lower_):
        return None
    return Span(ent.doc, ent.start, end, label=ent.label_)


AGREEMENT_NOUNS = {"соглашение", "договор", "контракт", "меморандум"}


def _without_agreement_opening(ent):
    """`Договор доверительного управления департамент государственного имущества …`: an agreement
    noun and its genitives opening the entity are the document signed, not the signer; the name
    starts at the first noun in the nominative after them (none: no name)."""
    if ent is None or ent[0].lemma_.lower() not in AGREEMENT_NOUNS:
        return ent
    start = next((t.i for t in ent[1:] if t.pos_ in {"NOUN", "PROPN"} and t.morph.get("Case") == ["Nom"]), None)
    return Span(ent.doc, start, ent.end, label=ent.label_) if start is not None else None


FUNCTION_POS = {"ADVB", "CONJ", "PREP", "PRCL", "INTJ", "PRED", "NPRO"}  # pymorphy3 parts of speech no name has


POSSESSIVES = {"его", "её", "ее", "их", "наш", "наша", "наше", "наши", "ваш", "ваша", "свой", "своя"}


def _possessed_common_noun(ent) -> bool:
    """`Её управляющая компания — АО «Х» — заключила …`: a possessive and lower-case words, which
    the tagger may take for a name, name nothing."""
    words = [t for t in ent if not t.is_space]
    return len(words) > 1 and words[0].lower_ in POSSESSIVES and all(t.is_alpha and t.text.islower() for t in words[1:])


HASH = "#"


def _hashtag(ent) -> bool:
    """`#Нижегородскаяобласть`, `#ОЭЗКулибин`: a post's tag, not a mention of anyone."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.text == HASH and not before.whitespace_


def _has_letters(ent) -> bool:
    """`1️⃣` numbering a list item, which the tagger may take for a name, has none."""
    return any(ch.isalpha() for ch in ent.text)


def _function_word(ent) -> bool:
    """`Сегодня подписал соглашение …` opening a post: one word the dictionary knows only as an
    adverb, a pronoun or the like, which the tagger took for a name."""
    if len(ent) != 1 or not ent[0].is_alpha:
        return False
    parses = morph_analyzer().parse(ent[0].lower_)
    return bool(parses) and all(p.is_known and p.tag.POS in FUNCTION_POS for p in parses)


def _is_common_noun(word: str) -> bool:
    tag = morph_analyzer().parse(word)[0].tag
    return tag.POS == "NOUN" and not {"Name", "Surn", "Geox", "Orgn", "Trad"} & set(tag.grammemes)


def _quoted_end(doc, ent):
    """`ПАО «Россети» край подписал`: lower-case words after an organisation's closing quote are
    no part of its name."""
    if ent.label_ != "ORG":
        return ent
    closing = next((t.i for t in reversed(ent) if t.text in {"»", "\""}), None)
    if closing is None or closing + 1 >= ent.end or not all(t.is_lower and t.is_alpha for t in doc[closing + 1:ent.end]):
        return ent
    return Span(doc, ent.start, closing + 1, label="ORG")


def _quote_closed(doc, ent):
    """`АО «ОЭЗ «Волжский берег»`: a name with more opening quotes than closing ones that the NER
    ended right before a closing quote takes it (nested quotes share one closing mark)."""
    opening = sum(t.text == "«" for t in ent)
    if ent.label_ != "ORG" or opening <= sum(t.text == "»" for t in ent) or ent.end >= len(doc) or doc[ent.end].text != "»":
        return ent
    return Span(doc, ent.start, ent.end + 1, label="ORG")


PURPOSE_WORDS = 5  # `по развитию частного сектора`: the words after `по` a name may take


def _with_purpose(doc, ent):
    """`Исламская корпорация по развитию частного сектора`: an organisation whose head noun
    (rules/org_purpose_heads.txt) closes the NER's span goes on with `по`, a noun in the dative
    and the words in the genitive after it."""
    if ent.label_ != "ORG" or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "по" \
            or ent[-1].lemma_.lower() not in load_set("org_purpose_heads.txt"):
        return ent
    purpose = doc[ent.end + 1]
    if purpose.pos_ != "NOUN" or purpose.morph.get("Case") != ["Dat"]:
        return ent
    end = ent.end + 2
    while end < len(doc) and end - ent.end <= PURPOSE_WORDS and doc[end].pos_ in {"NOUN", "ADJ", "PROPN", "CCONJ"} \
            and (doc[end].pos_ == "CCONJ" or doc[end].morph.get("Case") == ["Gen"]):
        end += 1
    while doc[end - 1].pos_ == "CCONJ":
        end -= 1
    return Span(doc, ent.start, end, label="ORG")


PRODUCT_WORDS = 3  # `колёсных тягачей`: the words of what a plant makes a name may take


def _with_product(doc, ent):
    """`Лидский завод сельхозагрегатов`, `Минский завод колёсных тягачей`: an organisation whose
    head noun (rules/plant_heads.txt) closes the NER's span goes on with what the plant makes,
    adjectives and nouns in the genitive plural ending with a noun."""
    if ent.label_ != "ORG" or ent[-1].lemma_.lower() not in load_set("plant_heads.txt"):
        return ent
    end = ent.end
    while end < len(doc) and end - ent.end < PRODUCT_WORDS and _genitive_plural(doc[end]):
        end += 1
    while end > ent.end and not any(p.tag.POS == "NOUN" for p in morph_analyzer().parse(doc[end - 1].lower_)):
        end -= 1
    return Span(doc, ent.start, end, label="ORG") if end > ent.end else ent


def _with_plant_names(doc, ents) -> list:
    """`Кушвинский профильный завод`, `Минский завод колёсных тягачей`: a plant's head noun
    (rules/plant_heads.txt) after adjectives the first of which is capitalised inside its
    sentence, or tagged as a place, is an organisation's name the NER missed or cut to the
    adjective; it goes on with what the plant makes."""
    covered = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for token in doc:
        if token.lemma_.lower() not in load_set("plant_heads.txt") or not token.text.islower() \
                or (token.i in covered and covered[token.i].label_ == "ORG"):
            continue  # (`в Полотняном Заводе`: a village)
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_alpha:
            start -= 1
        first = doc[start]
        if start == token.i or not first.text[:1].isupper() \
                or (first.is_sent_start and not (start in covered and covered[start].label_ == "LOC")):
            continue  # `Новый завод построят …`: a capital opening the sentence names nothing
        inside = [ent for ent in ents if start <= ent.start and ent.end <= token.i + 1]
        ents = [ent for ent in ents if ent not in inside]
        found.append(_with_product(doc, Span(doc, start, token.i + 1, label="ORG")))
    return ents + found


def _genitive_plural(token) -> bool:
    """A noun or adjective the dictionary may read in the genitive plural (`сельхозагрегатов`,
    which the tagger may take for a singular)."""
    return token.is_alpha and token.is_lower and token.pos_ in {"NOUN", "ADJ", "PROPN"} and any(
        p.tag.POS in {"NOUN", "ADJF"} and {"gent", "plur"} <= p.tag.grammemes for p in morph_analyzer().parse(token.lower_))


def _place_as_org(doc, ent):
    """`глава Красноуфимска`, `«Кубань-Север», Тихорецк`: one unquoted word tagged ORG, or PER after
    a comma, a dot or a place preposition, that the dictionary knows only as a place is a LOC
    (not an acronym: `УрФУ` is no form of the town Урфа)."""
    word = ent[0].text
    if ent.label_ not in {"ORG", "PER"} or len(ent) != 1 or not word[:1].isupper() or sum(c.isupper() for c in word) > 1 \
            or (ent.start > 0 and doc[ent.start - 1].text in {"«", "\""}):
        return ent
    before = next((t for t in reversed(doc[max(0, ent.start - 2):ent.start]) if not t.is_space), None)
    if ent.label_ == "PER" and not (before is not None and (before.text in {",", "."} or before.lower_ in load_set("place_prepositions.txt"))):
        return ent  # `дочь Стефани`: a first name the dictionary knows as a place too
    parses = morph_analyzer().parse(word)
    if parses and all(p.is_known and "Geox" in p.tag for p in parses):
        return Span(doc, ent.start, ent.end, label="LOC")
    return ent


def _first_name(word: str) -> bool:
    """A first name written out (`Ерлан`), not an initial."""
    return len(word) > 2 and any("Name" in parse.tag for parse in morph_analyzer().parse(word))


def _known_first_name(word: str) -> bool:
    """A first name the dictionary knows (`Иван`), not one it guesses for an unknown word (`Цзямусы`)."""
    return len(word) > 2 and any("Name" in parse.tag and parse.is_known for parse in morph_analyzer().parse(word))


def _unknown_genitive_place(word: str) -> bool:
    """`города Цзямусы Ван Цзюнь`: a word the dictionary does not know, ending like a genitive
    (`-ы`, `-и`, `-а`, `-я`), after a place noun: a foreign town before a foreign name."""
    return word[-1:] in "ыиая" and not any(p.is_known for p in morph_analyzer().parse(word))


def _place_split_off(doc, ent):
    """`аким области Жетысу Ерлан Шакенов`, `мэр Каракола Нурбек Асанов`: a PER span of three
    words or more right after a place noun or a place's head's title starts with the place's
    name, when a first name follows it (not `глава района Иван Петрович Сидоров`); that word is
    a LOC of its own."""
    before = next((t for t in reversed(doc[max(0, ent.start - 3):ent.start]) if not t.is_space), None)
    if ent.label_ != "PER" or len(ent) < 3 or before is None or not before.text.islower() \
            or not {p.normal_form for p in morph_analyzer().parse(before.text)} & (PLACE_HEADS | load_set("place_head_titles.txt")):
        return [ent]
    foreign = _unknown_genitive_place(ent[0].text)  # `города Цзямусы Ван Цзюнь`
    if (_known_first_name if foreign else _first_name)(ent[0].text) or not (foreign or _first_name(ent[1].text)):
        return [ent]
    return [Span(doc, ent.start, ent.start + 1, label="LOC"), Span(doc, ent.start + 1, ent.end, label="PER")]


LIST_MARKERS = "•·▪●◦‣∙*"  # `• Челябинская область и …`: the model misreads names after a bullet


def _sentence_texts(doc):
    """(character offset, text) of each sentence, sliced from the doc's text, built once,
    rather than joined from the sentence's tokens each time; a list bullet opening it is left
    out."""
    text = doc.text
    for sent in doc.sents:
        start = sent.start_char
        while start < sent.end_char and (text[start] in LIST_MARKERS or text[start].isspace()):
            start += 1
        yield start, text[start:sent.end_char]


@Language.factory("natasha_ner", assigns=["doc.ents"])
def make_natasha_ner(nlp, name, batch_size: int = 64):
    return NatashaNER(batch_size)
