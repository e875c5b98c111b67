"""contract_extractor: totals of signed contracts, deals and agreements.

`заключили 50 контрактов … на общую сумму более 462,2 млн рублей`,
`подписаны соглашения на 171,8 млрд рублей`, `21 соглашение на $128 млн`.
A sum counts when a deal noun (rules/deal_nouns.txt) stands before it in the
sentence, it is deal money (see money.py), and no agreement already owns it.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.language import Language

from ..vocab import load_set
from ..records import Contract, to_dict
from .agreement_sums import TOPIC_OPENERS
from .common import (WITH, add_evidence, counted_noun, is_counted, normal_forms, sentence_after, sentence_quantities,
                     word_lemmas)
from .money import deal_money
from .agreement_plans import is_planned_signing
from ..numbers import parse_number

MAX_GAP = 14  # tokens between a deal noun and its sum
SUM_NOUNS = {"сумма", "объём", "объем", "стоимость"}  # `общая сумма контрактов составляет …`
COST_WORDS = {"общий", "стоимость", "совокупный"}  # `12 документов общей стоимостью $2,5 млрд`


def _owned_sums(doc) -> set:
    spans = doc.spans["agreement"] if "agreement" in doc.spans else []
    return {span.start for span in spans if span.label_ == "sum"}


def _is_deal_noun(token) -> bool:
    """A noun of rules/deal_nouns.txt, or a compound ending in one (`офтейк-контракта`, whose
    lemma the tagger leaves as written)."""
    if token.lemma_.lower() in load_set("deal_nouns.txt"):
        return True
    head, dash, last = token.lower_.rpartition("-")
    return bool(dash and head and last) and token.pos_ == "NOUN" \
        and bool(normal_forms(last) & load_set("deal_nouns.txt"))


def deal_noun_for(doc, sent, span):
    """(deal noun, rule) that a sum belongs to, or None.

    `50 контрактов … на общую сумму 462,2 млн`, `общая сумма контрактов составляет
    12–15 млрд`, `около миллиарда рублей составили контракты`.
    """
    part = _part_of_deals(doc, sent, span)
    if part is not None:  # (before the count's own noun, however near)
        return part[1], "subtotal_of_deals"
    their = _their_sum_tail(doc, sent, span)
    if their is not None:
        return their, "deals_of_cost"  # `Ещё восемь документов касаются поставок …, их совокупная стоимость — 7,9 млрд`
    for i in range(span.start - 1, max(sent.start, span.start - MAX_GAP) - 1, -1):
        if _is_deal_noun(doc[i]):
            between = _past_topic(doc, i, span.start)  # (`соглашений об осуществлении деятельности, …`)
            if [t.lower_ for t in between[1:] if not t.is_space] == ["на"] and is_counted(doc, i):
                return doc[i], "counted_deals_na_sum"  # `11 документов на $640 млн касаются проектов …`
            # (`более чем на $120 млн`: the preposition inside the sum's qualifier)
            if any(t.lemma_ == "на" for t in between) or (len(between) == 1 and any(t.lower_ == "на" for t in span)):
                return doc[i], "deal_noun_na_sum"
            if _sum_noun_before(doc, sent, i):
                return doc[i], "sum_of_deals"
            if {t.lemma_.lower() for t in between[1:]} <= COST_WORDS and len(between) > 1:
                return doc[i], "deals_of_cost"  # `12 документов общей стоимостью $2,5 млрд`
            forms = [word_lemmas(t) for t in between[1:]]
            if any("который" in f for f in forms) and any(f & SUM_NOUNS for f in forms) \
                    and all(f & (COST_WORDS | SUM_NOUNS | AMOUNT_VERBS | WHOSE) for f in forms):
                return doc[i], "deals_of_cost"  # `пакет документов, общая стоимость которых превысила $65 млн`
            if _their_sum(between):
                return doc[i], "deals_of_cost"  # `11 соглашений, их совокупный объём превысил 27 млрд`
            if _with_their_sum(between):
                return doc[i], "deals_of_cost"  # `пять СЗПК с общим объёмом заявленных вложений около 410 млрд`
            return None
    after = doc[span.end:min(sent.end, span.end + 3)]
    for token in after:
        if _is_deal_noun(token) and any(t.lemma_.lower() == "составить" for t in after):
            return token, "sum_made_by_deals"
    return _opening_sum_of_deals(doc, sent, span)


SUBTOTAL_REACH = 10  # `из них девять — с турецкими компаниями на $430 млн`: tokens from `из` to the sum


def _part_of_deals(doc, sent, span):
    """(count, deal noun) of a part of deals told before (a subtotal, or a count with its noun
    left out), or None."""
    return _subtotal(doc, sent, span) or _elided(doc, sent, span)


def _subtotal(doc, sent, span):
    """(count, deal noun) of a part of deals named before: `27 соглашений … на $1,4 млрд, из них
    девять — с турецкими компаниями на $430 млн` (the count after `из них`, the deals before it in
    the sentence); `… 14 договоров на 2,3 млрд. Пять из них подписаны с нижегородскими
    производителями — на 640 млн` (the count before it, the deals in the sentence before when it
    opens its own); the sum after `на`. None for other sums."""
    if span.start < 1 or doc[span.start - 1].lower_ != "на":
        return None
    for i in range(span.start - 2, max(sent.start, span.start - SUBTOTAL_REACH) - 1, -1):
        if doc[i].lower_ == "из" and i + 2 < span.start and doc[i + 1].lower_ == "них":
            count, opening = doc[i + 2], i
            if not (count.pos_ == "NUM" or count.like_num) and i - 1 >= sent.start:
                count, opening = doc[i - 1], i - 1  # `Пять из них`
            # (`Из них восемь — экспортные, на …` opening its sentence: the deals of the one before)
            deals = doc[sent.start - 1].sent if opening == sent.start and sent.start > 0 else doc[sent.start:i]
            number = parse_number(count.text) if count.pos_ == "NUM" or count.like_num else None
            noun = next((t for t in deals if _is_deal_noun(t)), None)
            if number and noun is not None and counted_noun(doc, doc[count.i:count.i + 1]) is None:
                return int(number), noun
            return None
    return None


ELIDED_OPENERS = {"—", "–", "-", ",", "(", ":", ";"} | set("•·▪●◦‣∙*")
ELIDED_REACH = 3  # sentences back a list line's elided deal noun may stand (`• фармацевтика — 3 на …`)


def _elided(doc, sent, span):
    """(count, deal noun) of a count whose deal noun is left out, opening its clause right before
    `на` and the sum: `(в прошлом году — 13 на 39 млрд)`, `• фармацевтика — 3 на 11,4 млрд руб.`
    after `16 соглашений на 48,5 млрд …` or a line `• АПК — 4 соглашения на 15,1 млрд`; the deal
    noun the nearest one before it. None for other sums."""
    if span.start < 3 or doc[span.start - 1].lower_ != "на":
        return None
    count = doc[span.start - 2]
    opener = next((t for t in reversed(doc[max(sent.start, count.i - 2):count.i]) if not t.is_space), None)
    if not (count.pos_ == "NUM" or count.like_num) or opener is None or opener.text not in ELIDED_OPENERS:
        return None
    number = parse_number(count.text)
    back = sent.start
    for _ in range(ELIDED_REACH):
        if back == 0:
            break
        back = doc[back - 1].sent.start
    noun = next((t for t in reversed(doc[back:count.i]) if _is_deal_noun(t)), None)
    return (int(number), noun) if number and noun is not None else None


# rules whose words tie the money to the deals, trap words (`стоимость`) notwithstanding
NAMED_RULES = {"deals_of_cost", "sum_of_counted_deals", "opening_sum_of_deals", "counted_deals_na_sum"}
DECLARED = {"заявить", "заявленный"}  # `общий объём заявленных по ним инвестиций`
AMOUNT_VERBS = load_set("amount_verbs.txt")
WHOSE = {",", "который"}  # `документов, общая стоимость которых …`
THEIR = {"их"}  # `… подписала 17 соглашений. Их общая сумма — 186,5 млрд рублей`


THEM = {"их", "ним", "них"}  # `их совокупный объём`, `общий объём инвестиций по ним`
THEIR_SUM_WORDS = COST_WORDS | SUM_NOUNS | AMOUNT_VERBS | DECLARED | {"инвестиция", "вложение", "по", "—", "–", ":"}
TOPIC_WORDS = 10


def _past_topic(doc, i: int, end: int):
    """The deal noun at token i and the tokens after it up to `end` (a span, or a list when the
    topic of the deals is passed over: `об осуществлении деятельности`, `о защите и поощрении
    капиталовложений (СЗПК)`, up to a comma or `с`, brackets and all, with no verb in it)."""
    j = i + 1
    while j < end and doc[j].is_space:
        j += 1
    if j >= end or doc[j].lower_ not in TOPIC_OPENERS:
        return doc[i:end]
    k = j + 1
    while k < end and k - j <= TOPIC_WORDS and doc[k].text != "," and doc[k].lower_ not in WITH:
        if doc[k].pos_ in {"VERB", "AUX"}:
            return doc[i:end]
        k += 1
    if k >= end or k - j > TOPIC_WORDS:
        return doc[i:end]
    return [doc[i]] + list(doc[k:end])


def _with_their_sum(between) -> bool:
    """`пять соглашений с общим объёмом заявленных вложений около …`: `с` and words of their sum."""
    words = [t for t in between[1:] if not t.is_space]
    sum_words = COST_WORDS | SUM_NOUNS | DECLARED | load_set("investment_words.txt")
    return len(words) >= 2 and words[0].lower_ in WITH and any(word_lemmas(t) & SUM_NOUNS for t in words) \
        and all(word_lemmas(t) & sum_words for t in words[1:])


def _their_sum(between) -> bool:
    """`11 соглашений, их совокупный объём превысил 27 млрд`, `… соглашений, общий объём
    инвестиций по ним — 58,7 млрд`: after a comma, the sum of them and nothing else."""
    words = [t for t in between[1:] if not t.is_space]
    if len(words) < 3 or words[0].text != ",":
        return False
    rest = words[1:]
    return any(t.lower_ in THEM for t in rest) and any(word_lemmas(t) & SUM_NOUNS for t in rest) \
        and all(t.lower_ in THEM or word_lemmas(t) & THEIR_SUM_WORDS or t.text in THEIR_SUM_WORDS for t in rest)


def _their_sum_tail(doc, sent, span):
    """The counted deal noun of a sentence whose sum is told last as theirs: `Из общего числа
    12 соглашений — инвестиционные, их сумма составляет 58,2 млрд` (`, их <sum noun>` right before
    the sum, past cost words and a verb or dash); None for other sums."""
    words = [t for t in doc[sent.start:span.start] if not t.is_space]
    k = len(words) - 1
    while k >= 0 and (word_lemmas(words[k]) & AMOUNT_VERBS or words[k].text in {"—", "–", ":"}):
        k -= 1
    if k < 2 or not word_lemmas(words[k]) & SUM_NOUNS:
        return None
    while k > 0 and word_lemmas(words[k - 1]) & COST_WORDS:
        k -= 1
    if k < 2 or words[k - 1].lower_ not in THEIR or words[k - 2].text != ",":
        return None
    nouns = [t for t in words[:k - 2] if _is_deal_noun(t) and is_counted(doc, t.i)]
    return nouns[-1] if nouns else None


def _opening_sum_of_deals(doc, sent, span):
    """(deal noun, rule) of a sentence that opens with the sum of deals, however long the words
    about them: `Общая стоимость контрактов, подписанных делегациями … на полях форума,
    превысила 240 млрд тенге`; `Их общая сумма — 186,5 млрд рублей` after a sentence that
    counts deals (the noun counted there)."""
    words = [t for t in doc[sent.start:span.start] if not t.is_space]
    lead = [t for t in words[:4] if t.pos_ != "ADJ"]
    if len(lead) < 2 or lead[0].lemma_.lower() not in SUM_NOUNS and lead[0].lower_ not in THEIR:
        return None
    last = words[-1] if words else None
    linked = last is not None and (last.text in {"—", "–", ":"} or last.lemma_.lower() in AMOUNT_VERBS) \
        or doc[span.start].lemma_.lower() in AMOUNT_VERBS  # (`превысила 240 млрд`: the qualifier's verb in the sum)
    if not linked:
        return None
    if lead[0].lower_ in THEIR:
        if lead[1].lemma_.lower() not in SUM_NOUNS or sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        nouns = [t for t in before if _is_deal_noun(t) and _count_of(doc, before, t) is not None]
        return (nouns[-1], "sum_of_counted_deals") if nouns else None
    return (lead[1], "opening_sum_of_deals") if _is_deal_noun(lead[1]) else None


def _sum_noun_before(doc, sent, i: int) -> bool:
    """`сумма контрактов`, `общий объём подписанных соглашений`, `общий объём трёх офсетных
    контрактов`: a sum noun before the deal noun, past a participle or adjective and a count."""
    for j in (i - 1, i - 2, i - 3):
        if j < sent.start:
            return False
        if doc[j].lemma_.lower() in SUM_NOUNS:
            return True
        if doc[j].pos_ not in {"ADJ", "VERB", "NUM"}:
            return False
    return False


def _count_of(doc, sent, noun) -> Optional[int]:
    """The count before a deal noun, or before the first of coordinated ones:
    `более 60 соглашений и контрактов на сумму свыше $4 млрд` → 60."""
    nouns = {noun.i}
    i = noun.i
    while i - 1 > sent.start and doc[i - 1].pos_ == "ADJ":
        i -= 1  # `соглашений и экспортных контрактов`
    while i - 2 >= sent.start and doc[i - 1].lemma_ in {"и", ","} and _is_deal_noun(doc[i - 2]):
        i -= 2
        nouns.add(i)
    for quantity, span in sentence_quantities(sent):
        counted = counted_noun(doc, span) or _counted_past_dash(doc, span)
        if quantity.kind == "number" and not quantity.scaled and counted is not None and counted.i in nouns:
            return int(quantity.value)
    return None


def _counted_past_dash(doc, span):
    """`Из них 48 — экспортные контракты на 1,9 млрд долл.`: a count, a dash, then its noun."""
    after = next((t for t in doc[span.end:min(span.end + 2, span.sent.end)] if not t.is_space), None)
    if after is None or after.text not in {"—", "–"}:
        return None
    return counted_noun(doc, doc[after.i:after.i + 1])


DOCUMENT = "документ"  # `… 40 экспортных контрактов и соглашений. Общая сумма документов — …`: any deals


def _count_said_before(doc, sent, noun, counted_before: set) -> Optional[int]:
    """`подписали девять контрактов … . Общая сумма контрактов составляет 12–15 млрд`: the
    sum of the deals counted in the sentence before, when that count went to no sum."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    while before.start > 0 and not before.text.strip():
        before = doc[before.start - 1].sent
    for quantity, span in sentence_quantities(before):
        counted = counted_noun(doc, span)
        if quantity.kind == "number" and not quantity.scaled and counted is not None \
                and counted.i not in counted_before and (counted.lemma_ == noun.lemma_ or noun.lemma_ == DOCUMENT and _is_deal_noun(counted)):
            return int(quantity.value)
    return None


ALL_WORDS = {"всего", "итого"}  # `Всего за два дня стороны заключили 21 документ`


def _count_said_after(doc, sent) -> Optional[int]:
    """`Общая стоимость контрактов … превысила 240 млрд тенге. Всего за два дня стороны заключили
    21 документ`: the count of all deals in the sentence right after their sum."""
    following = sentence_after(doc, sent)
    if following is None or not any(t.lower_ in ALL_WORDS for t in following):
        return None
    counts = [_count_of(doc, following, t) for t in following if _is_deal_noun(t)]
    return next((c for c in counts if c is not None), None)


TALKS_REACH = 4  # `переговоры об экспортных контрактах`: words between the plan word and the noun


def _under_talks(doc, sent, noun) -> bool:
    """Deals being negotiated, prepared or planned: the nearest word before the deal noun,
    past adjectives and prepositions, is a plan word (rules/agreement_plan_cues.txt)."""
    for token in reversed(doc[max(sent.start, noun.i - TALKS_REACH):noun.i]):
        if token.pos_ in {"ADJ", "ADP"} or token.is_space:
            continue
        return bool(word_lemmas(token) & load_set("agreement_plan_cues.txt"))
    return False


def _is_conversion(doc, span) -> bool:
    """`3,4 млрд юаней (около 39 млрд рублей)`, `1,2 трлн сумов — это более $95 млн`: the sum in
    brackets or after `— это` repeats the one before."""
    if span.start > 1 and doc[span.start - 1].lower_ == "это" and doc[span.start - 2].text in {"—", "–"}:
        return True
    return span.start > 0 and doc[span.start - 1].text == "(" and span.start > 1 \
        and doc[span.start - 2].pos_ in {"NOUN", "SYM", "PROPN", "X"}


TALKS = {"переговоры", "переговор"}  # `…, переговоры продолжаются`
TALKS_AFTER_REACH = 8  # words after the sum the talks may be told in


def _talks_after(doc, sent, span) -> bool:
    """`по ряду сделок … на сумму около $20 млн переговоры продолжаются`, `… находятся в стадии
    согласования`: deals whose sentence goes on to say they are still negotiated."""
    return any(word_lemmas(t) & (TALKS | load_set("agreement_making_words.txt"))
               for t in doc[span.end:min(sent.end, span.end + TALKS_AFTER_REACH)])


class ContractExtractor:
    def __call__(self, doc):
        owned = _owned_sums(doc)
        contracts: List[Contract] = []
        seen = set()
        counted_before = set()  # deal nouns whose count went to a sum already
        for sent in doc.sents:
            counted = set()
            for quantity, span in sentence_quantities(sent):
                if span.start in owned or quantity.kind not in {"money", "number"} or _is_conversion(doc, span):
                    continue
                found = deal_noun_for(doc, sent, span)
                money = deal_money(doc, quantity, span, named=found[1] in NAMED_RULES) if found else None
                if money is None:
                    continue
                noun, rule = found
                if _under_talks(doc, sent, noun) or is_planned_signing(noun.sent) or _talks_after(doc, sent, span):
                    continue  # `ведутся переговоры об экспортных контрактах на 1,5 млрд рублей`, `ещё два
                    # контракта планируется заключить до конца года. Их стоимость может составить …`
                # a count belongs to the first sum after its noun: `40 документов на 615,5 млрд,
                # тогда как годом ранее — на 179 млрд` is 40 and then a total without count
                count = None if noun.i in counted else _count_of(doc, noun.sent, noun)
                if rule == "subtotal_of_deals":
                    count = _part_of_deals(doc, sent, span)[0]
                counted.add(noun.i)
                if count is None and rule in {"sum_of_deals", "opening_sum_of_deals"}:
                    count = _count_said_before(doc, sent, noun, counted_before)
                if count is None:
                    count = _count_said_after(doc, sent)
                counted_before.add(noun.i)
                key = (count, round(money.amount), money.currency)
                if key not in seen:
                    seen.add(key)
                    first, last = min(noun.i, span.start), max(noun.i + 1, span.end)
                    contracts.append(Contract(count=count, sum=money,
                                              mentions=[(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))]))
                    add_evidence(doc, "contract", first, last, "sum", rule)
        doc._.contracts = [to_dict(c) for c in _without_restatements(contracts)]
        return doc


RESTATED = 0.01  # a headline's `312 млрд` restates the body's `312,4 млрд`


def _without_restatements(contracts: List[Contract]) -> List[Contract]:
    """A total with no count whose sum another total with a count gives again (to within a
    rounding, as a headline has it) is that total said twice; so is one of the same count whose
    sum is a rounder form of another's (`47 соглашений на 212 млрд` over `… на 212,4 млрд`)."""
    counted = [c for c in contracts if c.count is not None]
    kept = [c for c in contracts if c.count is not None or not any(
        _restates(c, other) or _rounded_headline(c, other) for other in counted)]
    return [c for c in kept if c.count is None or not any(
        other is not c and other.count == c.count and _restates(c, other) and _rounder(c, other) for other in kept)]


ROUNDED = 0.1  # `почти на 100 млрд` in a headline over the body's `23 соглашения на 96,4 млрд`


def _rounded_headline(total: Contract, other: Contract) -> bool:
    """An uncounted total with a qualifier (`почти`, `около`, `более`) whose sum is a rounder
    form, within a tenth, of a counted one's: the same total, rounded in a headline."""
    return _restates(total, other, ROUNDED) and total.sum.qualifier is not None and _rounder(total, other)


def _restates(total: Contract, other: Contract, within: float = RESTATED) -> bool:
    """The same currency and a sum `within` a share of the other's."""
    return total.sum is not None and other.sum is not None and other.sum.currency == total.sum.currency \
        and abs(other.sum.amount - total.sum.amount) <= within * other.sum.amount


def _rounder(total: Contract, other: Contract) -> bool:
    """Whether total's sum has fewer significant digits than other's (`212` beside `212,4`)."""
    return _digits(total.sum.amount) < _digits(other.sum.amount)


def _digits(amount: float) -> int:
    return len(f"{amount:.0f}".rstrip("0"))


@Language.factory("contract_extractor", assigns=["doc._.contracts", "doc.spans"],
                  requires=["doc._.agreements"])
def make_contract_extractor(nlp, name):
    return ContractExtractor()
