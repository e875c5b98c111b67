"""Sums the text ties to an agreement by naming it: `Стоимость соглашения — $120 млн`,
`Сумма контракта составляет 1,2 трлн сумов`, `Инвестиции по соглашению составят 1,3 млрд
рублей`, `Объём вложений в рамках документа — 42 млн евро`.

A cue (rules/agreement_sum_cues.txt) stands right before an agreement noun or `документ`
(rules/agreement_references.txt), and the first sum after that noun in the sentence is the
agreement's, trap words before the cue notwithstanding (the cue names whose money it is).
A trap word between the noun and the sum gives the money to something else: `в рамках
соглашения компания построит завод стоимостью 5 млрд рублей` is the plant's cost.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from ..records import Money
from ..vocab import load_set
from .common import (DASHES, PARTNER_PREPOSITIONS, RELATIVE, SINGULAR_POSSESSIVES, is_counted, sentence_before,
                     sentence_quantities, sentences_back, word_lemmas)
from .money import deal_money

SUM_REACH = 8  # words between the named agreement and its sum


@dataclass
class NamedSum:
    noun: int  # token index of the agreement noun the cue names
    money: Money
    start: int  # the sum's tokens
    end: int


def _names_agreement(doc, i: int) -> bool:
    """Token i is an agreement noun after a cue, passing over adjectives: `стоимость
    инвестиционного договора`; or `по нему` after a cue, the agreement just named
    (`Соглашение (инвестиции по нему составят 63 млрд тенге)`)."""
    j = i + 1
    # (`Вложения ПЗПТ по этому документу составят …`: a demonstrative as well)
    while j < len(doc) and j - i <= 3 and (doc[j].is_space or doc[j].pos_ in {"ADJ", "DET"}):
        j += 1
    if j < len(doc) and doc[i].lower_ == "по" and doc[j].lower_ in BY_IT:
        return True
    if j < len(doc) and bool(word_lemmas(doc[j]) & load_set("agreement_references.txt")):
        # (`Общий объём инвестиций по четырём документам`: the sum of several, a total)
        return not (doc[j].morph.get("Number") == ["Plur"] or is_counted(doc, j) and not ordinal_before(doc, j))
    if j < len(doc) and word_lemmas(doc[j]) & load_set("loan_words.txt") and _credit_signed(doc, i):
        return True  # `кредитное соглашение … Сумма кредита составляет …`
    return _held_in_document(doc, i)


def ordinal_before(doc, noun: int) -> bool:
    """`По условиям второго документа`: an ordinal (rules/agreement_ordinals.txt) right before
    the noun, which the tagger may read as a number."""
    return noun > 0 and doc[noun - 1].is_alpha and bool(word_lemmas(doc[noun - 1]) & load_set("agreement_ordinals.txt"))


CREDIT_WORDS = {"кредитный", "кредит", "заём", "займ", "финансирование", "кредитование"}
CREDIT_REACH = 4  # `кредитное соглашение`, `договор займа`, `соглашение о предоставлении синдицированного кредита`
CREDIT_SENTENCES = 4  # the credit agreement within this many sentences before the loan's sum


def _credit_signed(doc, i: int) -> bool:
    """A credit agreement before token i in its sentence or a few before (`подписали кредитное
    соглашение`): the loan a sum cue names is that agreement's, not any loan spoken of."""
    start = sentences_back(doc, doc[i].sent, CREDIT_SENTENCES)
    return any(word_lemmas(t) & load_set("agreement_references.txt")
               and any(word_lemmas(w) & CREDIT_WORDS for w in doc[max(start, t.i - CREDIT_REACH):min(i, t.i + CREDIT_REACH + 1)])
               for t in doc[start:i])


SIZE = "размер"


def _loan_size(doc, token) -> bool:
    """`Размер кредита — до 62 млрд руб.`: the size of a loan (not `второе по размеру соглашение`)."""
    return token.lemma_.lower() == SIZE and token.i + 1 < len(doc) \
        and bool(word_lemmas(doc[token.i + 1]) & load_set("loan_words.txt"))


RECEIVE = "получить"


def _loan_received(doc, token) -> bool:
    """`Фонд заключил договор займа с ООО «Х». Компания получит 80 млн рублей …`: what the
    borrower receives after a loan or credit agreement is its sum."""
    return token.lemma_.lower() == RECEIVE and _credit_signed(doc, token.i)


LIMIT = "лимит"
LINE_REACH = 3  # `кредитную линию лимитом`, `кредитной линии с лимитом`: words from the loan to its limit


def _credit_limit(doc, token) -> bool:
    """`… подписало кредитное соглашение. Банк откроет ВКТ кредитную линию лимитом 7,5 млрд руб.`:
    a loan's limit after a credit agreement is its sum."""
    if token.lemma_.lower() != LIMIT:
        return False
    before = doc[max(token.sent.start, token.i - LINE_REACH):token.i]
    return any(word_lemmas(t) & load_set("loan_words.txt") for t in before) and _credit_signed(doc, token.i)


HELD_REACH = 4  # `Сумма, закрепленная в документе, — …`


def _held_in_document(doc, i: int) -> bool:
    """`Сумма, закрепленная в документе, — 1,9 млрд рублей`: a participle after the cue's comma
    says the sum is the agreement's."""
    words = [t for t in doc[i + 1:i + 2 + HELD_REACH] if not t.is_space]
    if len(words) < 3 or words[0].text != "," or words[1].morph.get("VerbForm") != ["Part"]:
        return False
    return any(word_lemmas(t) & load_set("agreement_references.txt") for t in words[2:])


BY_IT = {"нему", "ней"}  # `инвестиции по нему составят …`
TERMS = "условие"  # `По его условиям …`


def _noun_after(doc, i: int) -> int:
    j = i + 1
    while doc[j].is_space or doc[j].pos_ == "ADJ":
        j += 1
    return j


def _pronoun_sum(doc, sent, token) -> bool:
    """`Его сумма составляет …`, `Его стоимость составляет …` (a cue of
    rules/agreement_sum_cues.txt) opening a sentence right after one that names an agreement, or
    opening a clause of a sentence about one (`Документ рассчитан на семь лет, его цена — 4,2 млрд`)."""
    if token.lemma_.lower() not in load_set("agreement_sum_cues.txt") or token.i - 1 < sent.start:
        return False
    if doc[token.i - 1].text == "," and _opens_with_document(doc, sent) and token.i + 1 < sent.end \
            and doc[token.i + 1].text in {"—", "–", ":"}:
        return True  # `«Договор подписан, сумма — около миллиарда двухсот миллионов рублей»`
    if doc[token.i - 1].lower_ not in SINGULAR_POSSESSIVES:
        return False
    if token.i - 2 >= sent.start and doc[token.i - 2].text == ",":
        if _opens_with_document(doc, sent):
            return True
        # `Официально сумма контракта не раскрывается. Однако, по словам источника, его стоимость
        # составляет порядка $120 млн`: an aside with no verb of its own opens the sentence
        before = sentence_before(doc, sent)
        return _asides_only(doc[sent.start:token.i - 2]) and _names_an_agreement(before)
    if token.i - 1 != sent.start:
        return False
    before = sentence_before(doc, sent)
    return _names_an_agreement(before)


def _names_an_agreement(sent) -> bool:
    """Whether the sentence (None: there is none) has a word of rules/agreement_references.txt."""
    return sent is not None and any(word_lemmas(t) & load_set("agreement_references.txt") for t in sent)


ASIDE_STARTS = {"по", "согласно"}  # `по словам источника`, `согласно данным …`


def _asides_only(tokens) -> bool:
    """Whether the tokens, split at their commas, are asides only: each opens with a conjunction,
    an adverb, a particle, an adjective or participle, or a source's preposition, and has no finite
    verb (`Однако, по словам источника, знакомого с условиями сделки`; not `Срок действия
    документа — семь лет`, which opens with a noun)."""
    segments, segment = [], []
    for t in tokens:
        if t.text == ",":
            segments.append(segment)
            segment = []
        elif not t.is_space:
            segment.append(t)
    segments.append(segment)
    return all(seg and (seg[0].pos_ in {"ADV", "CCONJ", "SCONJ", "PART"} or seg[0].lower_ in ASIDE_STARTS
                        or seg[0].morph.get("VerbForm") == ["Part"] or seg[0].pos_ == "ADJ")
               and not any(t.morph.get("VerbForm") == ["Fin"] for t in seg) for seg in segments)


def _opens_with_document(doc, sent) -> bool:
    """Whether the sentence opens with an agreement word (quotes aside): `Документ рассчитан …`."""
    first = next((t for t in sent if not (t.is_space or t.text in {"«", "\"", "—", "–"})), None)
    return first is not None and bool(word_lemmas(first) & load_set("agreement_references.txt"))


DOCUMENT_WORDS = {"документ", "сделка"}  # `Документ на сумму 8,7 млрд рублей предусматривает …`
SUM_OPENERS = {"на", "стоимость", "объём", "объем"}  # `на сумму`, `стоимостью`, `объемом` after the noun


def _document_with_sum(doc, token) -> bool:
    """A word for an agreement already named, with its sum right after it (agreement kinds
    themselves are mentions and read their sums where they stand)."""
    if token.lemma_.lower() not in DOCUMENT_WORDS or token.morph.get("Number") == ["Plur"]:
        return False  # `подписано 35 документов на сумму …`: a total
    following = next((t for t in doc[token.i + 1:token.i + 3] if not t.is_space), None)
    return following is not None and following.lemma_.lower() in SUM_OPENERS


def _provided_money(doc, sent, token) -> Optional[int]:
    """`Документ предусматривает вложения в размере 12 млрд тенге`: an agreement word as the
    subject of a providing verb (rules/agreement_provision_verbs.txt) with money words after it
    (rules/agreement_sum_topics.txt); the index of the agreement word, or None."""
    if token.lemma_.lower() not in load_set("agreement_provision_verbs.txt"):
        return None
    following = next((t for t in doc[token.i + 1:sent.end] if not t.is_space), None)
    if following is None or not word_lemmas(following) & load_set("agreement_sum_topics.txt"):
        return None
    subject = next((t for t in reversed(doc[sent.start:token.i]) if not t.is_space and t.pos_ != "ADV"), None)
    if subject is None or not word_lemmas(subject) & load_set("agreement_references.txt") \
            or subject.morph.get("Number") == ["Plur"]:
        return None
    return subject.i


def _by_it_invested(doc, sent, token) -> bool:
    """`Соглашение было подписано в 2021 году. По нему компания обязалась вложить в производство
    3,1 млрд руб.`: `По нему` (`По его условиям`) opening a sentence right after one that names an agreement, with an
    investing word (rules/investment_words.txt) before the sum, gives the agreement's money."""
    if token.i != sent.start or token.lower_ != "по" or token.i + 2 >= sent.end:
        return False
    if doc[token.i + 1].lower_ not in BY_IT and not (doc[token.i + 1].lower_ in SINGULAR_POSSESSIVES
                                                     and doc[token.i + 2].lemma_.lower() == TERMS):
        return False  # (`По его условиям мы вложим в завод 3,4 млрд рублей`)
    if not any(word_lemmas(t) & load_set("investment_words.txt") for t in sent):
        return False
    before = sentence_before(doc, sent)
    return _names_an_agreement(before)


BRACKET_CUES = {"сумма", "стоимость"}
BRACKET_LINKS = DASHES | {":"}  # `(сумма — …)`, `(сумма: …)`


def _bracketed_sum(doc, sent, token) -> bool:
    """`Контракт на поставку … заключили ОАО «Х» и компания «Y» (сумма — 18,5 млн долларов)`: a
    cue opening brackets with a dash after it, in a sentence that names an agreement, prices it."""
    if token.lemma_.lower() not in BRACKET_CUES:
        return False
    before = next((t for t in reversed(doc[sent.start:token.i]) if not t.is_space), None)
    after = next((t for t in doc[token.i + 1:sent.end] if not t.is_space), None)
    if before is None or before.text != "(" or after is None or after.text not in BRACKET_LINKS:
        return False
    return any(word_lemmas(t) & load_set("agreement_references.txt") and t.morph.get("Number") != ["Plur"]
               for t in doc[sent.start:before.i])


RENT = ("арендный", "плата")  # `Арендная плата составит 6,3 млн рублей в год`
LEASE = "аренда"
LEASE_SENTENCES = 3  # the lease agreement within this many sentences before its rent


def _rent_of_lease(doc, token) -> Optional[int]:
    """`Арендная плата — 2,1 млн рублей в год` after `договор аренды участка …`: the agreement
    noun of the lease the rent is paid by (GUIDELINES: a sum per year is recorded as written)."""
    if token.lemma_.lower() != RENT[1] or token.i == 0 or doc[token.i - 1].lemma_.lower() != RENT[0]:
        return None
    start = sentences_back(doc, token.sent, LEASE_SENTENCES - 1)
    for i in range(token.sent.start - 1, start - 1, -1):  # (in its own sentence the deal's sum is read so)
        if word_lemmas(doc[i]) & load_set("agreement_references.txt") and _leases(doc, i + 1):
            return i
    return None


RATE_WORDS = {"ставка", "плата"}  # `ставка — 3,1 млн руб. в месяц`, `арендная плата — 2,1 млн рублей`
RATE_REACH = 3  # words between the rate word and its sum: `ставка — `, `плата составит`


def rent_in_sentence(doc, span, mentions):
    """`договор аренды между УК парка и ООО «Х» — 7,5 тыс. кв. м под цех, ставка — 3,1 млн руб. в
    месяц`: a sum right after a rate word goes to the lease named before it in its sentence,
    however far."""
    words = [t for t in doc[max(span.sent.start, span.start - RATE_REACH - 1):span.start] if not t.is_space]
    if not any(t.lemma_.lower() in RATE_WORDS for t in words[-RATE_REACH - 1:]):
        return None
    leases = [m for m in mentions if m.end <= span.start and _leases(doc, m.end)]
    return leases[-1] if leases else None


def _leases(doc, after_noun: int) -> bool:
    """`аренда` within two words after an agreement noun: `договор аренды участка`."""
    return any(t.lemma_.lower() == LEASE for t in doc[after_noun:after_noun + 2])


def named_sums(doc, sent) -> List[NamedSum]:
    found = []
    quantities = list(sentence_quantities(sent))
    for token in sent:
        provided = _provided_money(doc, sent, token)
        if provided is not None:
            after = [(q, span) for q, span in quantities if span.start > token.i]
            if after and len([t for t in doc[token.i:after[0][1].start] if not t.is_space]) <= SUM_REACH:
                money = deal_money(doc, after[0][0], after[0][1], named=True)
                if money is not None:
                    found.append(NamedSum(provided, money, after[0][1].start, after[0][1].end))
            continue
        past = None  # the first token the trap words are looked for in
        reach = SUM_REACH
        if _pronoun_sum(doc, sent, token):
            # `Его стоимость`: the cue itself is no trap; its estimate may come after a clause of
            # who estimates (`Его стоимость два источника, близких к сторонам, оценивают в …`)
            noun, past, reach = token.i - 1, token.i + 1, CLAUSE_REACH
        elif _document_with_sum(doc, token):
            noun = token.i
        elif _by_it_invested(doc, sent, token):
            noun, past, reach = token.i, token.i + 2, CLAUSE_REACH  # `По нему компания обязалась вложить … 3,1 млрд`
        elif (lease := _rent_of_lease(doc, token)) is not None:
            noun, past = lease, token.i + 1  # `Арендная плата — 2,1 млн рублей в год`
        elif _loan_received(doc, token) or _credit_limit(doc, token):
            noun, past = token.i, token.i + 1  # `… договор займа с ООО «Х». Компания получит 80 млн рублей`
        elif _bracketed_sum(doc, sent, token):
            noun, past = token.i, token.i + 1  # `(сумма — 18,5 млн долларов)`: the agreement before
        elif (token.lemma_.lower() in load_set("agreement_sum_cues.txt") or _loan_size(doc, token)) \
                and _names_agreement(doc, token.i):
            noun = _noun_after(doc, token.i)
        else:
            continue
        # the first sum after the noun: `Сумма договора на десять лет аренды — 310 млн рублей`
        first = noun + 1 if past is None else past  # `(сумма — …)` far after its noun: from the cue on
        after = [(q, span) for q, span in quantities if span.start >= first and (q.kind == "money" or q.scaled)] \
            or [(q, span) for q, span in quantities if span.start >= first]
        if not after:
            continue
        quantity, span = after[0]
        between = [t for t in doc[first:span.start] if not t.is_space]
        if len(between) > reach and past is None and (verb_end := _past_aside_to_verb(doc, sent, noun)) is not None:
            # `Инвестиции по соглашению, которое …, составят, с учётом …, 2,35 млрд рублей`
            past = first = verb_end
            after = [(q, span) for q, span in quantities if span.start >= first and (q.kind == "money" or q.scaled)]
            if not after:
                continue
            quantity, span = after[0]
            between = [t for t in doc[first:span.start] if not t.is_space]
        if len(_counted(between)) > reach or any(_owned_elsewhere(t) and not _invested_into(doc, t)
                                                 for t in between if past is None or t.i >= past):
            continue
        money = deal_money(doc, quantity, span, named=True)
        if money is not None:
            found.append(NamedSum(noun, money, span.start, span.end))
    return found


ASIDE_WORDS = 25  # words of a comma-bounded clause between the sum's subject and its verb
OPENING_WORDS = 6  # `по соглашению о создании парка, …`: words after the noun before the clause


def _past_aside_to_verb(doc, sent, noun: int) -> Optional[int]:
    """`Стоимость соглашения, которое готовилось почти полтора года, оценивается сторонами в
    $120 млн`: the named agreement opens a clause set off by commas, and the verb of amount
    (rules/amount_verbs.txt) after the closing comma gives the money of the cue's noun; the
    index the sum is looked for from (past one more aside right after the verb: `составят, с
    учётом закупки оборудования, 2,35 млрд`), or None."""
    words = [t for t in doc[noun + 1:sent.end] if not t.is_space]
    comma = next((k for k, t in enumerate(words[:OPENING_WORDS]) if t.text == ","), None)
    if comma is None or any(t.pos_ in {"VERB", "AUX"} for t in words[:comma]):
        return None
    verb = next((k for k, t in enumerate(words[comma + 1:comma + 1 + ASIDE_WORDS], comma + 1)
                 if t.lemma_.lower() in load_set("amount_verbs.txt") and t.morph.get("VerbForm") == ["Fin"]), None)
    if verb is None or words[verb - 1].text != ",":
        return None
    k = verb + 1
    if k < len(words) and words[k].text == ",":
        closing = next((j for j in range(k + 1, min(len(words), k + 1 + ASIDE_WORDS)) if words[j].text == ","), None)
        if closing is None:
            return None
        k = closing + 1
    return words[k].i if k < len(words) else None


def _owned_elsewhere(token) -> bool:
    """A trap word between a named agreement and a sum gives the money to something else
    (`завод стоимостью …`); investing (`будет вложено`) is what the agreement brings."""
    lemma = token.lemma_.lower()
    return lemma in load_set("money_traps.txt") and lemma not in load_set("investment_words.txt")


INTO = {"в", "во", "на"}  # `вложит в проект`, `направит на проект`


def _invested_into(doc, token) -> bool:
    """`По условиям документа инвестор вложит в проект 1,5 млрд рублей`: what the money goes
    into, after an investing verb (rules/investment_words.txt) and `в`, owns none of it."""
    words = [t for t in doc[max(0, token.i - 3):token.i] if not t.is_space]
    return len(words) >= 2 and words[-1].lower_ in INTO and bool(word_lemmas(words[-2]) & load_set("investment_words.txt"))


def _counted(between: list) -> list:
    """The words between a named agreement and its sum that count toward the reach: what the
    money goes into after an investing verb and `в` counts as none (`По условиям документа
    инвестор вложит в строительство комбината по выпуску клееного бруса и топливных пеллет 7,3
    млрд рублей`), so long as no comma or verb stands in it."""
    for k in range(1, len(between)):
        if between[k].lower_ in INTO and word_lemmas(between[k - 1]) & load_set("investment_words.txt") \
                and not any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in between[k + 1:]):
            return between[:k + 1]
    return between


BRACKET_WORDS = 5  # `(СПИК)` between an agreement noun and its clause
PARTNER_WORDS = 12  # `с Минпромторгом России и Кемеровской областью` between them
TOPIC_OPENERS = {"о", "об", "обо"}  # what the agreement is about, before its relative clause
TOPIC_WORDS = 10
RELATIVE_CUES = {"по", "согласно", "в", "рамка"}  # `, по которому`, `, согласно которому`, `, в рамках которого`
OTHER_OWNERS = {"стоимость", "проект"}  # `цех стоимостью …`, `инвестиции в проект составят …`
CLAUSE_REACH = 12  # words between `который` and the sum: `по которому инвестор вложит в завод 3 млрд рублей`


def relative_clause_sum(doc, mention_end: int, sent) -> Optional[NamedSum]:
    """`подписали соглашение, по которому инвестор вложит в завод 3 млрд рублей`: the first sum
    of a clause that speaks of what the agreement holds is the agreement's own, unless the clause
    gives the money of something else (`цех стоимостью …`, `инвестиции в проект …`)."""
    words = [t for t in doc[mention_end:sent.end] if not t.is_space]
    if words and words[0].text == "(":  # `контракт (СПИК), по которому …`: its short name first
        closing = next((k for k, t in enumerate(words[:BRACKET_WORDS]) if t.text == ")"), None)
        words = words[closing + 1:] if closing is not None else words
    if words and words[0].lower_ in PARTNER_PREPOSITIONS:  # `… с Минпромторгом России и областью, по которому`
        comma = next((k for k, t in enumerate(words[:PARTNER_WORDS]) if t.text == ","), None)
        if comma is not None and not any(t.pos_ in {"VERB", "AUX"} for t in words[:comma]):
            words = words[comma:]
    if words and words[0].lower_ in TOPIC_OPENERS:  # `соглашение об осуществлении деятельности в ТОР, которое …`
        comma = next((k for k, t in enumerate(words[:TOPIC_WORDS]) if t.text == ","), None)
        if comma is not None and not any(t.pos_ in {"VERB", "AUX"} for t in words[:comma]):
            words = words[comma:]
    if len(words) < 3 or words[0].text != ",":
        return None
    which = next((t for t in words[1:5] if "который" in word_lemmas(t)), None)
    if which is None:
        return None
    before = words[1:words.index(which)]
    # `, по которому`, `, в рамках которого`; `, инвестиции по которому`, `, объём вложений по которому`
    if not (all(word_lemmas(t) & RELATIVE_CUES for t in before)
            or before and word_lemmas(before[-1]) & RELATIVE_CUES and before[0].pos_ == "NOUN"
            and all(t.pos_ in {"NOUN", "ADJ"} for t in before[:-1])):
        return None
    for quantity, span in sentence_quantities(sent):
        if span.start <= which.i:
            continue
        between = [t for t in doc[which.i + 1:span.start] if not t.is_space]
        if len(_counted(between)) > CLAUSE_REACH or any(word_lemmas(t) & OTHER_OWNERS for t in between):
            return None
        money = deal_money(doc, quantity, span, named=True)
        return NamedSum(mention_end - 1, money, span.start, span.end) if money is not None else None
    return None


def bracketed_party_sums(doc, sent, mentions) -> None:
    """`Соглашения … подписали ООО «Баштехгаз» (1,1 млрд рублей) и ООО «Уралагроупак»`, `… с ООО
    «Сысертский композит» (завод труб, 6,2 млрд)`: the one sum in brackets right after the party
    that signs one of the agreements is that agreement's sum."""
    found = [(span, quantity) for quantity, span in sentence_quantities(sent)]
    for mention in mentions:
        party = mention.parties[0] if mention.parties else None
        if party is None or mention.sum is not None or party.end >= sent.end or doc[party.end].text != "(":
            continue
        close = next((t.i for t in doc[party.end:sent.end] if t.text == ")"), None)
        if close is None:
            continue
        inside = [(span, quantity) for span, quantity in found if party.end < span.start and span.end <= close
                  and (quantity.kind == "money" or quantity.kind == "number" and quantity.scaled)]
        if len(inside) != 1:
            continue
        span, quantity = inside[0]
        mention.sum = deal_money(doc, quantity, span)  # (`6,2 млрд`: in the currency told before it)


RESPECTIVELY = "соответственно"
BY = "по"  # `по соглашениям`, `по которым`, `по ним`
THEY = "они"


def _sums_by_agreements(sent, token) -> bool:
    """`по соглашениям`, `по которым`, `по ним`: the sums told are by the agreements (those told
    together just before, which is what `соответственно` needs of `ним`)."""
    if token.lower_ != BY or token.i + 1 >= sent.end:
        return False
    after = token.doc[token.i + 1]
    return bool(word_lemmas(after) & (load_set("agreement_references.txt") | {RELATIVE, THEY}))


def respective_sums(doc, sent) -> list:
    """`По соглашениям компании вложат 3,4 млрд и около 920 млн рублей соответственно`: (Money,
    token span) of the sums, in order, of the agreements told together before; a number before the
    last sum takes its currency. [] unless the sentence says `соответственно`, speaks of the
    agreements and names two sums or more."""
    if not any(t.lower_ == RESPECTIVELY for t in sent) or not any(_sums_by_agreements(sent, t) for t in sent):
        return []  # (not `выручка компаний, подписавших соглашения, — 3,2 и 5,4 млрд рублей соответственно`)
    sums = [(q, span) for q, span in sentence_quantities(sent) if q.kind == "money" or q.scaled]
    if len(sums) < 2 or sums[-1][0].kind != "money":
        return []
    found = [deal_money(doc, q, span, named=True) for q, span in sums]
    if any(money is None for money in found):
        return []
    currency = found[-1].currency
    return [(Money(m.amount, currency, m.qualifier) if q.kind != "money" else m, span)
            for m, (q, span) in zip(found, sums)]
