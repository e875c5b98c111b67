"""What every extractor reads from a Doc: quoted names, entities, quantities, findings.

Extractors keep their evidence in `doc.spans[<fact>]`, each span labelled with
the attribute it supports and carrying the name of the rule that fired
(`span._.rule`), and their records as plain dicts in `doc._.<fact>s`.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Callable, Dict, Iterator, List, Optional, Tuple

import numpy
from spacy.attrs import IS_SPACE, ORTH, POS
from spacy.strings import get_string_id
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span

from ..models import morph_analyzer
from ..normalize import is_cyrillic, is_legal_form, is_pictograph, strip_legal_form
from ..numbers import find_quantities
from ..vocab import load_set
from .roubles import national_rouble

FACT_LISTS = ("parks", "agreements", "contracts", "persons")
for _name in FACT_LISTS:
    Doc.set_extension(_name, default=[], force=True)
Doc.set_extension("records", default=None, force=True)
Span.set_extension("rule", default=None, force=True)

OPEN_QUOTES = {"«", "„", "“"}
DASHES = {"—", "–", "-"}  # a dash standing alone between words (a hyphen written apart too)
BULLETS = {"•", "-", "—", "–", "*", "·"}  # what opens a list's line, besides pictographs (is_bullet)
SOURCE_STARTS = {"как", "по"}  # `, по словам министра,`, `как сообщили в …`: a speaker's or source's aside opens
SIDE = "сторона"  # `со стороны региона`, `стороны подписали`
SINGULAR_POSSESSIVES = {"его", "её", "ее"}  # `Его сумма составляет …`, `Его корпуса общей площадью …`
POSSESSIVES = SINGULAR_POSSESSIVES | {"их"}  # `Его поставщиком выступает …`, `под его управлением`
WITH = {"с", "со"}  # `с компанией «Х»`, `со стороны`: a partner follows
AND = "и"  # `с министерством и областью`, `соглашения Республики Адыгея и ООО «Х»`
CITY = "город"  # `в Октябрьском районе города`, `администрация города`
RELATIVE = "который"  # `парк «Х», который находится в …`, `по которым …`
PARTNER_PREPOSITIONS = WITH | {"между"}  # `между хокимиятом и …`
SAME_NAMED = {"одноимённый", "одноименный"}  # `управляющая одноимённым кластером`, `в одноимённом городе`
CLOSE_QUOTES = {"»", "”", "“"}
STRAIGHT_QUOTES = {'"', "'"}
QUOTE_TOKENS = {"«", "»", "\"", "„", "“", "”"}  # a quote mark as a token of its own




def line_end(doc, i: int) -> int:
    """The token after the last one of the line holding token i."""
    while i < len(doc) and "\n" not in doc[i].text:
        i += 1
    return i


def is_bullet(token) -> bool:
    """Whether a token may open a list's line: a bullet of BULLETS or a pictograph, as posts of
    the official channels mark their lines (`🔹 с компанией «Х» — …`)."""
    return token.text in BULLETS or is_pictograph(token.text)


def add_evidence(doc: Doc, fact: str, start: int, end: int, label: str, rule: str) -> Optional[Span]:
    """Record a token span [start, end) as evidence for `fact`, labelled with its attribute."""
    if start >= end:
        return None
    span = Span(doc, start, end, label=label)
    span._.rule = rule
    if fact not in doc.spans:
        doc.spans[fact] = []
    doc.spans[fact].append(span)
    return span


QUOTED_KEY = "pipeline.quoted_spans"  # doc.user_data cache: (start, end) pairs, msgpack-safe


def quoted_spans(doc: Doc) -> List[Span]:
    """Spans of the words inside quotes (see `find_quoted_spans`), found once per doc."""
    pairs = doc.user_data.get(QUOTED_KEY)
    if pairs is None:
        pairs = doc.user_data[QUOTED_KEY] = [(span.start, span.end) for span in find_quoted_spans(doc)]
    return [doc[start:end] for start, end in pairs]


def legal_form_quotes(doc: Doc) -> List[Span]:
    """Quoted names the text writes right after a legal form (`ООО «Промтерра Девелопмент»`,
    `АО «Тульская промышленная недвижимость»`): companies' names."""
    return [span for span in quoted_spans(doc) if span.start >= 2 and is_legal_form(doc[span.start - 2].text)]


def find_quoted_spans(doc: Doc) -> List[Span]:
    """Spans of the words inside quotes, every level: `«Технополис «Химград»»` gives
    `Технополис «Химград»` and `Химград`; straight quotes nest inside angle ones too
    (`«В "Берёзовском" сегодня 23 резидента»`). A line break closes whatever is still open
    (`АО «ОЭЗ ППТ «Узловая».` never closes its outer quote)."""
    found: List[Span] = []
    stack: List[int] = []
    straight_open = None
    for token in _quotes_and_blanks(doc):
        text = token.text
        if token.is_space and "\n" in text:
            stack, straight_open = [], None
        elif text in OPEN_QUOTES and not (text == "“" and stack):
            stack.append(token.i + 1)
        elif text in CLOSE_QUOTES and stack:
            opened = stack.pop()
            if token.i > opened:
                found.append(doc[opened:token.i])
        elif text in STRAIGHT_QUOTES:
            if straight_open is None:
                straight_open = token.i + 1
            else:
                if token.i > straight_open:
                    found.append(doc[straight_open:token.i])
                straight_open = None
    return sorted((span for span in found if len(span) <= 8 and not _scare_quoted(span)), key=lambda span: span.start)


SCARE_QUOTED_WORDS = 3


def _scare_quoted(span: Span) -> bool:
    """`«дочка» группы`, `по принципу «одного окна»`, `парк «под ключ»`: a few words all in lower
    case are a word set off by quotes, no name (names open with a capital)."""
    words = [t for t in span if t.is_alpha]
    return 0 < len(words) <= SCARE_QUOTED_WORDS and len(words) == len(span) and all(t.is_lower for t in words)


QUOTE_IDS = numpy.array([get_string_id(quote) for quote in OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES],
                        dtype=numpy.uint64)


def _quotes_and_blanks(doc: Doc) -> Iterator:
    """The tokens `find_quoted_spans` looks at, read off the ORTH and IS_SPACE columns."""
    columns = doc.to_array([ORTH, IS_SPACE])
    return _tokens_where(doc, numpy.isin(columns[:, 0], QUOTE_IDS) | (columns[:, 1] != 0))


def _tokens_where(doc: Doc, wanted) -> Iterator:
    """The tokens at the true places of a boolean column, without building the others."""
    for i in numpy.flatnonzero(wanted).tolist():
        yield doc[i]


class PerDoc:
    """A memo for the doc being extracted, dropped at the next doc: the extractors run one
    doc at a time and ask the same questions about it again and again (the quantities of a
    sentence, the lemmas of a word). Not in doc.user_data, which must stay msgpack-safe for
    nlp.pipe(n_process=2). The (doc, memo) pair is read and replaced as a whole, so that
    threads never share one doc's memo."""

    def __init__(self):
        self._current: tuple = (None, {})

    def __call__(self, doc) -> dict:
        current, memo = self._current
        if current is not doc:
            memo = {}
            self._current = (doc, memo)
        return memo


def tokens_tagged(doc: Doc, tags) -> Iterator:
    """The doc's tokens whose part of speech is one of `tags`, read off the POS column,
    so that a rule about verbs does not build a Token for every word."""
    return _tokens_where(doc, numpy.isin(doc.to_array(POS), [POS_IDS[tag] for tag in tags]))


_entities = PerDoc()


def entities(doc: Doc) -> tuple:
    """doc.ents, built once per doc: spaCy makes a new Span for every entity on each access."""
    memo = _entities(doc)
    found = memo.get(None)
    if found is None:
        found = memo[None] = tuple(doc.ents)
    return found


def entities_in(span: Span) -> tuple:
    """The entities wholly inside a span (what `span.ents` gives), from the doc's one list."""
    memo = _entities(span.doc)
    key = (span.start, span.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(ent for ent in entities(span.doc) if span.start <= ent.start and ent.end <= span.end)
    return found


_sentence_quantities = PerDoc()


def sentence_quantities(sent: Span) -> Iterator[tuple]:
    """(quantity, token span) of every quantity in a sentence, in document offsets.

    The park, agreement and contract extractors each scan the same sentences: the
    quantities are found once per sentence of a doc."""
    memo = _sentence_quantities(sent.doc)
    found = memo.get((sent.start, sent.end))
    if found is None:
        found = memo[sent.start, sent.end] = list(_find_sentence_quantities(sent))
    return iter(found)


def _find_sentence_quantities(sent: Span) -> Iterator[tuple]:
    doc = sent.doc
    for quantity in find_quantities(sent.text):
        start = sent.start_char + quantity.start
        span = doc.char_span(start, sent.start_char + quantity.end, alignment_mode="expand")
        if span is not None:
            if quantity.money is not None:
                quantity = replace(quantity, money=national_rouble(doc, quantity.money, start, sent.start_char + quantity.end))
            yield quantity, span


def counted_noun(doc, span):
    """The noun a count stands before: `27 резидентов`, `36 компаний-резидентов`."""
    for token in doc[span.end:min(span.end + COUNTED_REACH, span.sent.end)]:
        if token.pos_ in {"NOUN", "PROPN"}:
            return token
        joined = token.lower_ == "и" and token.i > span.end and doc[token.i - 1].pos_ == "ADJ" \
            and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "ADJ"  # `шесть швейных и трикотажных предприятий`
        participle = token.morph.get("VerbForm") == ["Part"]  # `27 подписанных соглашений`
        if token.pos_ not in {"ADJ", "SPACE"} and not joined and not participle:
            return None
    return None


COUNTED_REACH = 5  # `шесть швейных и трикотажных предприятий`: words between a count and its noun


@lru_cache(maxsize=65536)
def normal_forms(word: str) -> frozenset:
    """Every pymorphy3 normal form of a word (lower case)."""
    return frozenset(parse.normal_form for parse in morph_analyzer().parse(word))


_word_lemmas = PerDoc()


def word_lemmas(token) -> frozenset:
    """Every lemma a word may have: the tagger's, its own text, and all pymorphy3 normal forms.

    The tagger may take a capitalised common noun for a name (`Технополиса` → PROPN,
    lemma `технополиса`); matching vocabularies on all normal forms keeps `технополис`.
    Kept per token of the doc (every kind, every cue is tried at each word); a frozenset,
    so that no caller can change the shared answer.
    """
    memo = _word_lemmas(token.doc)
    forms = memo.get(token.i)
    if forms is None:
        text = token.text.lower()
        forms = memo[token.i] = frozenset({token.lemma_.lower(), text}) | normal_forms(text)
    return forms


COUNT_REACH = 6  # `два знаковых для развития промышленности соглашения`


ONE = {"один", "одно", "одна"}  # `одно соглашение`, however the tagger lemmatises it


def is_counted(doc, i: int) -> bool:
    """`54 соглашения`, `три индустриальных парка`, `оба соглашения`, `два знаковых для
    развития промышленности соглашения`: a number stands before the noun."""
    j = i - 1
    # an ordinal (`Второй меморандум`) is an adjective, though spaCy calls it like a number
    while j >= 0 and ((doc[j].pos_ == "ADJ" and (not doc[j].like_num or doc[j].is_alpha)) or doc[j].is_space):
        j -= 1
    if j >= 0 and doc[j].lemma_.lower() in ONE and not (j > 0 and (doc[j - 1].pos_ == "NUM" or doc[j - 1].like_num)):
        return False  # `Еще одно соглашение … заключено между …`: one agreement (not `двадцать одно`)
    if j >= 0 and (doc[j].pos_ == "NUM" or doc[j].like_num or doc[j].lemma_.lower() in {"оба", "несколько"}):
        return True
    if doc[i].morph.get("Case") != ["Gen"]:
        return False
    for k in range(i - 1, max(-1, i - COUNT_REACH - 1), -1):
        if doc[k].pos_ in {"VERB", "PUNCT"} or doc[k].is_space:
            return False
        if (doc[k].pos_ == "NUM" or doc[k].like_num) and not (doc[k].text.isdigit() and len(doc[k].text) == 4):
            return True  # a number governs the genitive (a year does not)
    return False


def index_by_first_word(table) -> Dict[str, Tuple[Tuple[Tuple[str, ...], str], ...]]:
    """A table of word sequences indexed by its first word, entries in table order, so a
    token tries only the entries that can start with it."""
    index: Dict[str, list] = {}
    for words, value in table.items():
        index.setdefault(words[0], []).append((words, value))
    return {first: tuple(entries) for first, entries in index.items()}


def lemmas_at(doc: Doc, start: int, lemmas, end: Optional[int] = None) -> bool:
    """Whether the words from token `start` on are, one by one, forms of `lemmas` (a sequence
    of rules/*.txt), all before `end` (the doc's end by default)."""
    stop = start + len(lemmas)
    if start < 0 or stop > (len(doc) if end is None else end):
        return False
    return all(lemma in word_lemmas(t) for lemma, t in zip(lemmas, doc[start:stop]))


def words_from(doc: Doc, i: int, count: int) -> List:
    """The next `count` word tokens from i on, passing over whitespace tokens."""
    words, length = [], len(doc)
    while i < length and len(words) < count:
        token = doc[i]
        if not token.is_space:
            words.append(token)
        i += 1
    return words


def words_apart(doc: Doc, start: int, end: int) -> int:
    """Words from token `start` to `end`, punctuation passed over and a name (an entity or the
    words inside quotes) counted as one word: `между предприятием «Витебский центр
    инновационного развития» и ООО «Тулаэлектропривод» на поставку` is eight."""
    names = [(s.start, s.end) for s in quoted_spans(doc)] + [(e.start, e.end) for e in entities(doc)]
    count, i = 0, start
    while i < end:
        inside = [e for s, e in names if s <= i < e]
        if inside:
            count, i = count + 1, max(inside)
            continue
        count += not (doc[i].is_space or doc[i].is_punct)
        i += 1
    return count


def lemmas(tokens) -> List[str]:
    return [token.lemma_.lower() for token in tokens]


def token_window(doc: Doc, start: int, end: int, before: int, after: int, sent: Span = None):
    """Word tokens up to `before` tokens left of start and `after` right of end, within sent."""
    low = max(sent.start if sent is not None else 0, start - before)
    high = min(sent.end if sent is not None else len(doc), end + after)
    left = [token for token in doc[low:start] if not token.is_space]
    right = [token for token in doc[end:high] if not token.is_space]
    return left, right


LEAD_SENTENCES = 2
REGION_NOUNS = {"область", "край", "республика", "округ"}
LEVEL_NOUNS = REGION_NOUNS | {"район"}  # nouns of a place's level: not a city


def article_region(doc) -> Optional[str]:
    """The one region the title and lead speak of (`Во Владимирской области построят …`),
    the place of its parks when the text gives them none nearer. Countries are too wide."""
    from .region_names import region_name  # (region_names reads this module)
    sentences = [sent for sent in doc.sents if sent.text.strip()][:LEAD_SENTENCES]
    regions = set()
    for sent in sentences:
        for ent in entities_in(sent):
            if ent.label_ == "LOC" and any(t.lemma_.lower() in REGION_NOUNS for t in ent):
                name = region_name(ent)  # `Республики Башкортостан` → Башкортостан
                if name.lower() not in load_set("countries.txt"):
                    regions.add(name)
    return regions.pop() if len(regions) == 1 else None


def contains_words(longer: List[str], shorter: List[str]) -> bool:
    """Is `shorter` a contiguous run of `longer`: ['александр', 'руппель'] ⊇ ['руппель']."""
    size = len(shorter)
    return any(longer[i:i + size] == shorter for i in range(len(longer) - size + 1))


def mention(span) -> list:
    return [span.start_char, span.end_char]


PARENTHETICAL_WORDS = 3  # `по его словам`


def parenthetical_start(doc: Doc, comma: int, floor: int) -> Optional[int]:
    """The comma opening a parenthetical phrase (rules/parentheticals.txt) that the comma at
    `comma` closes: `Смоленская корпорация, в свою очередь, управляет …`; None otherwise."""
    if doc[comma].text != ",":
        return None
    opening = comma - 1
    while opening >= floor and comma - opening <= PARENTHETICAL_WORDS + 1 and doc[opening].text != ",":
        opening -= 1
    if opening < floor or doc[opening].text != ",":
        return None
    words = " ".join(t.lower_ for t in doc[opening + 1:comma])
    return opening if words in load_set("parentheticals.txt") else None


def parenthetical_tokens(doc: Doc, start: int, end: int) -> set:
    """Indices of the parenthetical phrases in [start, end), their commas included."""
    found = set()
    for i in range(start, end):
        opening = parenthetical_start(doc, i, start)
        if opening is not None:
            found.update(range(opening, i + 1))
    return found


def latin_org_names(doc) -> List[str]:
    """Organisations the text names in Latin letters, legal forms dropped."""
    names = (strip_legal_form(ent.text) for ent in entities(doc) if ent.label_ == "ORG")
    return [name for name in names if name and not is_cyrillic(name)]


def full_latin_name(name: str, names) -> str:
    """The longest of `names` that holds all words of a company's Latin name (`Huafeng` →
    `Zhejiang Huafeng Textile Group`); a Russian name as it is."""
    if is_cyrillic(name):
        return name
    words = name.split()
    longer = [n for n in names if len(n.split()) > len(words) and contains_words(n.split(), words)]
    return max(longer, key=len) if longer else name


def full_short_name(name: str, names) -> str:
    """The one longer of `names` a one-word company name opens, the rest of it words that only
    say what kind of company it is (rules/company_name_tails.txt: `Промтерра` → `Промтерра
    Девелопмент`, named in full with its legal form, not `Газпром` → `Газпром инвестгазификация`);
    the name itself otherwise."""
    if not name or " " in name or not is_cyrillic(name):
        return name
    key = name.lower().replace("ё", "е")
    longer = {n for n in names if " " in n and n.split()[0].lower().replace("ё", "е") == key
              and all(word.lower() in load_set("company_name_tails.txt") for word in n.split()[1:])}
    return longer.pop() if len(longer) == 1 else name


def names_park(doc, party) -> bool:
    """A party (or any token span) at a park's mention (`выбрала «Алабугу»`, `технопарк «Х»,
    принадлежащий АО «Y»`), whatever its name came out as."""
    return any(span.label_ == "mention" and span.start < party.end and party.start < span.end
               for span in doc.spans.get("park", []))


def in_round_brackets(tokens) -> set:
    """The indices of the tokens inside round brackets, the brackets with them: `«A» (Набережные
    Челны, 74 га), «B»` holds none of the parks in them."""
    inside, depth = set(), 0
    for t in tokens:
        if t.text == "(" or depth > 0:
            inside.add(t.i)
        depth = max(0, depth + (t.text == "(") - (t.text == ")"))
    return inside


def paragraph_start(doc, i: int) -> int:
    """The first token of the paragraph holding token i: the one after the last line break."""
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def sentence_before(doc: Doc, sent: Span) -> Optional[Span]:
    """The sentence right before `sent`, or None for the first."""
    return doc[sent.start - 1].sent if sent.start > 0 else None


def sentences_back(doc: Doc, sent: Span, count: int) -> int:
    """The first token of the sentence `count` sentences before `sent` (or of the first one)."""
    start = sent.start
    for _ in range(count):
        if start > 0:
            start = doc[start - 1].sent.start
    return start


PRONOUN_REACH = 2  # sentences back to the organisation a pronoun (`она`, `с ней`) stands for


def nearest_before(sentences, index: int, reach: int, found_in: Callable):
    """What `found_in(sentence)` gives for the nearest of the `reach` sentences before
    sentences[index] where it gives anything, or None."""
    for earlier in reversed(sentences[max(0, index - reach):index]):
        found = found_in(earlier)
        if found:
            return found
    return None


def sentence_after(doc: Doc, sent: Span) -> Optional[Span]:
    """The sentence of the first word after `sent` (past blank lines), or None for the last."""
    first = next((t for t in doc[sent.end:] if not t.is_space), None)
    return first.sent if first is not None else None


def has_sign_verb(sent) -> bool:
    """A sentence with a signing verb (rules/sign_verbs.txt): `подписали`, `заключено`."""
    return first_sign_verb(sent) is not None


def is_source(doc, start: int) -> bool:
    """`как стало известно «Х»`, `по данным «Х»`, `сообщили в пресс-службе краевого правительства`:
    a source cue (rules/source_cues.txt) right before token `start`, past quotes: the news came
    from it, it is no side."""
    i = start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {"«", "\"", "„"}):
        i -= 1
    return i >= 0 and bool(word_lemmas(doc[i]) & load_set("source_cues.txt"))


def first_sign_verb(sent):
    """The sentence's first word of rules/sign_verbs.txt (`подписало`, `заключено`), or None;
    a time before or after the ceremony signs nothing (`После церемонии глава региона обсудил с …`)."""
    return next((t for t in sent if t.lemma_.lower() in load_set("sign_verbs.txt")
                 and not (t.lemma_.lower() == CEREMONY and t.i > sent.start and t.doc[t.i - 1].lower_ in AROUND_TIME)), None)


CEREMONY = "церемония"
AROUND_TIME = {"после", "перед", "до"}


def may_be_nominative(token) -> bool:
    """Some reading of the word is nominative (`парк` read as Acc has one, `Пермского` none);
    a word of no letters, or one the dictionary does not know (`Анадолу`), counts as one."""
    parses = morph_analyzer().parse(token.text.lower())
    return not token.is_alpha or any("nomn" in parse.tag or not parse.is_known for parse in parses)


def names_a_side(doc, token) -> bool:
    """`Со стороны региона документ подписал …`, `от имени акимата подписала …`: the token opens
    the name of one side of the signing."""
    if token.i < 2:
        return False
    before, first = doc[token.i - 1].lemma_.lower(), doc[token.i - 2].lower_
    return (before == SIDE and first in WITH) or (before == "имя" and first == "от")


COORDINATION_REACH = 8  # `с Минпромторгом России и Кемеровской областью`: words back to `с`


def coordinated_partner(doc, i: int, floor: int) -> bool:
    """`с Минпромторгом России и Кемеровской областью`: a place joined by `и` or a comma to a
    partner after `с` or `между`, with no verb or other stop between."""
    for token in reversed(doc[max(floor, i - COORDINATION_REACH):i]):
        if token.lower_ in PARTNER_PREPOSITIONS:
            return True
        if token.pos_ in {"VERB", "AUX", "ADP"} or token.text in {".", ";", ":", "—", "–", "(", ")"}:
            return False
    return False


def ends_with_colon(sent) -> bool:
    """A sentence whose last word is a colon: a list's head (`… подписал …:`, `В парке работают:`)."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == ":"
