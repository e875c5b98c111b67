"""agreement_nouns: the agreements a sentence names.

An agreement is a singular agreement noun (rules/agreement_kinds.tsv): plural nouns and counted
ones (`18 соглашений`) are totals and belong to contracts. `Второй документ`, `Первое заключено
между …` and `Крупнейшее из них` name one more agreement of the kind last named."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from ..models import morph_analyzer
from ..records import Money
from ..vocab import load_set, load_table
from .agreement_anaphora import DOCUMENT, is_anaphoric, is_new_document
from .agreement_sums import ordinal_before
from .common import DASHES, ONE, has_sign_verb, index_by_first_word, is_counted, sentence_after, word_lemmas, words_from
from .parties import Party


@dataclass
class AgreementMention:
    start: int
    end: int
    kind: str
    parties: List[Party] = field(default_factory=list)
    sum: Optional[Money] = None
    anaphoric: bool = False  # `Соглашение … подписал …` opening its sentence: the last one again
    listed: bool = False  # a list line's deal: its partner a person (`— ИП Рустам Абдуллаев — …`) signs no other


@lru_cache(maxsize=None)
def kind_table() -> Dict[Tuple[str, ...], str]:
    return {tuple(words.split()): kind for words, kind in load_table("agreement_kinds.tsv", 2)}


@lru_cache(maxsize=None)
def kinds_by_first_word() -> Dict[str, Tuple[Tuple[Tuple[str, ...], str], ...]]:
    return index_by_first_word(kind_table())


def kind_at(doc, i: int) -> Optional[Tuple[int, str]]:
    """(end, kind) of the longest agreement kind starting at token i, whatever its number."""
    best = None
    for words, kind in kinds_by_first_word().get(doc[i].lemma_.lower(), ()):
        tokens = words_from(doc, i, len(words))
        if [t.lemma_.lower() for t in tokens] == list(words) and (best is None or tokens[-1].i + 1 > best[0]):
            best = (tokens[-1].i + 1, kind)
    return best or _compound_kind(doc, i)


def _compound_kind(doc, i: int) -> Optional[Tuple[int, str]]:
    """`EPC-контракт`, `EPC-контракта`: a hyphenated word whose last part is a one-word kind."""
    head, dash, last = doc[i].text.rpartition("-")
    if not dash or not head or not last.isalpha():
        return None
    forms = {parse.normal_form for parse in morph_analyzer().parse(last.lower())}
    kind = next((kind_table()[(form,)] for form in forms if (form,) in kind_table()), None)
    return (i + 1, kind) if kind else None


def match_agreement(doc, i: int) -> Optional[Tuple[int, str]]:
    """(end, kind) of a single agreement named at token i; plurals and counted nouns are totals."""
    if doc[i].is_space:
        return None  # the mention starts at the word, not at the blank lines before it
    best = kind_at(doc, i)
    if best and not _is_one_of(doc, i) and (is_plural(doc, i) or is_counted(doc, i)):
        return None
    if best and i > 0 and word_lemmas(doc[i - 1]) & load_set("agreement_not_kinds.txt"):
        return None  # `коллективный договор`: a labour agreement
    return best


def _is_one_of(doc, i: int) -> bool:
    """`Одно из ключевых соглашений — между …`: one agreement of many, spoken of alone."""
    j = i - 1
    while j > 0 and (doc[j].pos_ == "ADJ" or doc[j].is_space):
        j -= 1
    return j > 0 and doc[j].lower_ == "из" and bool(word_lemmas(doc[j - 1]) & ONE)


def is_plural(doc, i: int) -> bool:
    """`соглашения` after a verb (`заключила … соглашения на 3,4 млрд`) is the plural object,
    whatever the tagger says: a singular genitive rarely follows a verb."""
    if doc[i].morph.get("Number") == ["Plur"]:
        return True
    j = i - 1
    # (a full participle is the noun's modifier: `по условиям подписанного соглашения`, not `подписано`)
    while j >= 0 and ((doc[j].pos_ in {"ADJ", "ADP", "PROPN", "NOUN"} or _modifying_participle(doc[j]))
                      and j > i - 6 or doc[j].is_space):
        if doc[j].pos_ in {"NOUN", "PROPN"} and doc[j].morph.get("Case") != ["Loc"] \
                and not _after_preposition(doc, j):
            return False
        if doc[j].pos_ == "NOUN" and doc[j].text.islower() and _only_adjectives_between(doc, j, i) \
                and not (doc[j].morph.get("Case") == ["Ins"] and _after_preposition(doc, j)):
            return False  # `о подписании долгосрочного договора`: the noun governs the genitive
            # (not `с новыми резидентами соглашения`: a partner, then the verb's object)
        j -= 1
    return j >= 0 and doc[j].pos_ == "VERB" and (doc[i].morph.get("Case") == ["Gen"] or _plural_object(doc[i]))


def _modifying_participle(token) -> bool:
    """A full participle (`подписанного`), which agrees with the noun after it; not a short one
    (`подписано`), a predicate."""
    return token.morph.get("VerbForm") == ["Part"] and token.morph.get("Variant") != ["Short"]


def plural_kind_at(doc, i: int) -> bool:
    """An agreement noun in the plural at token i (`заключила с резидентами соглашения`)."""
    return bool(kind_at(doc, i)) and is_plural(doc, i)


def many_kind_at(doc, i: int) -> bool:
    """An agreement noun in the plural or after a number (`Три договора подписали …`)."""
    return bool(kind_at(doc, i)) and (is_plural(doc, i) or is_counted(doc, i))


def _plural_object(token) -> bool:
    """`заключила с новыми резидентами соглашения`: an inanimate masculine or neuter noun in the
    accusative written otherwise than its lemma is a plural (the singular's accusative is its
    nominative)."""
    return token.morph.get("Case") == ["Acc"] and token.morph.get("Gender") != ["Fem"] \
        and token.lower_ != token.lemma_.lower()


def _only_adjectives_between(doc, j: int, i: int) -> bool:
    return all(t.pos_ == "ADJ" or t.is_space for t in doc[j + 1:i])


def _after_preposition(doc, j: int) -> bool:
    """`на ЭКСПО`, `на Восточном форуме`: a noun inside a prepositional phrase governs nothing
    after it (`заключила на ЭКСПО в Харбине соглашения на 3,4 млрд юаней`)."""
    k = j - 1
    while k >= 0 and (doc[k].pos_ == "ADJ" or doc[k].is_space):
        k -= 1
    return k >= 0 and doc[k].pos_ == "ADP"


def sentence_mentions(doc, sent) -> List[AgreementMention]:
    """The agreements a sentence names: kinds (`соглашение`, `дорожную карту`), and `Второй
    документ` as one more of the kind last named, singular or plural (unless a kind follows
    it: `Второй документ — договор с …`)."""
    mentions, i = [], sent.start
    while i < sent.end:
        match = match_agreement(doc, i)
        if match:
            mentions.append(AgreementMention(i, match[0], match[1], anaphoric=is_anaphoric(doc, sent, i)))
            i = match[0]
        else:
            kind = last_kind_before(doc, i) if is_new_document(doc, sent, i) or _one_of_them(doc, sent, i) else None
            # (`Второй документ касается бизнеса: … заключили соглашение о …`: the kind named later is
            # it, in this sentence or, when this one signs nothing, in the next)
            # (`По условиям второго документа АО «Х» вложит …`: the terms of a new one, whoever signs it next)
            if kind and not any(match_agreement(doc, j) and not _sum_reference(doc, j) for j in range(i + 1, sent.end)) \
                    and (has_sign_verb(sent) or not _next_signs_named(doc, sent) or _terms_of(doc, sent, i)):
                mentions.append(AgreementMention(i, i + 1, kind))
            i += 1
    return _without_restatements(doc, mentions)


SUM_REFERENCE_NOUNS = {"стоимость", "сумма", "объём", "объем", "цена"}


def _terms_of(doc, sent, i: int) -> bool:
    """`По условиям второго документа`: a sum cue (rules/agreement_sum_cues.txt) before the
    ordinal of a new document."""
    words = [t for t in doc[sent.start:i] if not t.is_space]
    return len(words) >= 2 and ordinal_before(doc, i) and bool(word_lemmas(words[-2]) & load_set("agreement_sum_cues.txt"))


def _sum_reference(doc, j: int) -> bool:
    """`стоимость контракта`: an agreement noun after a sum noun speaks of one named already."""
    return j > 0 and doc[j - 1].lemma_.lower() in SUM_REFERENCE_NOUNS


def _next_signs_named(doc, sent) -> bool:
    """`Второй документ касается сотрудничества с Казахстаном. Министр … и аким … подписали
    протокол о намерениях …`: the next sentence signs an agreement it names by kind."""
    following = sentence_after(doc, sent)
    return following is not None and has_sign_verb(following) and any(match_agreement(doc, t.i) for t in following)


def _one_of_them(doc, sent, i: int) -> bool:
    """`Крупнейшее из них правительство Чувашии заключило с ООО «Х»` after `подписаны девять
    соглашений`: one of the agreements the sentence before counted, picked out by an adjective
    and signed in this sentence; `Первое заключено между …`: by an ordinal standing for the noun."""
    if sent.start == 0:
        return False
    if _elided_ordinal(doc, sent, i):  # any count of agreements before: `подписаны два соглашения`
        return (has_sign_verb(sent) or doc[i + 1].text in DASHES or doc[i - 1].lemma_.lower() in SIDES_NOUNS) \
            and any(_counted_kind(doc, j) or _counted_documents(doc, j) for j in range(sent.start))
    if doc[i].lower_ != "них" or i < sent.start + 2 or doc[i - 1].lower_ != "из" or doc[i - 2].pos_ != "ADJ" \
            or not has_sign_verb(sent):
        return False
    before = doc[sent.start - 1].sent
    return any(_counted_kind(doc, t.i) for t in before)


def _counted_documents(doc, i: int) -> bool:
    """`Ещё два документа …`: `документ` after a number (the kind is the one named before)."""
    return doc[i].lemma_.lower() == DOCUMENT and is_counted(doc, i)


def _counted_kind(doc, i: int) -> bool:
    """`два соглашения`, `соглашения`: an agreement noun in the plural or after a number."""
    if kind_at(doc, i) is None:
        return False
    return is_plural(doc, i) or is_counted(doc, i)


SIDES_NOUNS = {"сторона", "участник"}  # `Сторонами первого выступили …`


def _elided_ordinal(doc, sent, i: int) -> bool:
    """`Первое заключено между …`, `Второе — с ООО «Y»`, `Сторонами первого выступили …`: an
    ordinal opening its sentence (after `Сторонами`) with no noun after it (rules/elided_ordinals.txt)."""
    if doc[i].lemma_.lower() not in load_set("elided_ordinals.txt"):
        return False
    words = [t for t in sent if not t.is_space]
    if words and words[0].i != i and len(words) > 1 and words[1].i == i \
            and words[0].lemma_.lower() in SIDES_NOUNS and words[0].morph.get("Case") == ["Ins"]:
        words = words[1:]  # `Сторонами первого выступили …`: the sides of the one it leaves out
    first = words[0] if words else None
    if first is None or first.i != i:
        return False
    after = doc[i + 1] if i + 1 < sent.end else None
    return after is not None and after.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"} and after.text != "из"


def _without_restatements(doc, mentions: List[AgreementMention]) -> List[AgreementMention]:
    """`заключен первый договор в рамках кластера: «А», «Б» и «В» подписали трехсторонний
    договор о …`: the same kind again after a colon tells the one agreement."""
    kept: List[AgreementMention] = []
    for mention in mentions:
        if kept and kept[-1].kind == mention.kind and any(t.text == ":" for t in doc[kept[-1].end:mention.start]):
            continue
        if kept and kept[-1].kind == mention.kind and [t.text for t in doc[kept[-1].end:mention.start]] == ["("]:
            continue  # `специальный инвестиционный контракт (СПИК)`: its short name in brackets
        kept.append(mention)
    return kept


def last_kind_before(doc, i: int) -> Optional[str]:
    """The kind of the last agreement noun before token i, plural ones included (`подписали
    два меморандума … под первым документом`)."""
    for j in range(i - 1, -1, -1):
        found = kind_at(doc, j)
        if found is not None:
            return found[1]
    return None
