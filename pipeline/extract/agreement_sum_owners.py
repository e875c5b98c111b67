"""agreement_sum_owners: which agreement a sum of money belongs to.

A sum after an agreement noun within SUM_REACH words is its own when nothing but links stand
between (`соглашение на сумму …`, `стоимостью …`, the parties, an agreement's money topic);
`На 2 млрд рублей подписано соглашение` gives it the sum before; a sum named as an agreement's
(`Сумма контракта …`, agreement_sums.named_sums) goes to the one last spoken of."""
from __future__ import annotations

from typing import List

from ..normalize import is_cyrillic, is_legal_form
from ..records import ORG
from ..vocab import load_set
from .agreement_merge import named_currency, same_party
from .agreement_nouns import AgreementMention, match_agreement
from .agreement_sums import SUM_OPENERS, NamedSum, relative_clause_sum, rent_in_sentence
from .common import add_evidence, sentence_quantities, words_apart
from .money import deal_money
from .parties import ORG_NOUNS, Party, is_government


SUM_REACH = 14  # words (a name is one): `Соглашение … подписали губернатор … и компания «Х» на сумму 10 млрд рублей`


def read_sums(doc, sent, mentions: List[AgreementMention]) -> None:
    for mention in mentions:
        clause = relative_clause_sum(doc, mention.end, sent)
        if clause is not None:
            mention.sum = clause.money
            add_evidence(doc, "agreement", clause.start, clause.end, "sum", "sum_in_relative_clause")
    for quantity, span in sentence_quantities(sent):
        owner = [m for m in mentions if m.end <= span.start and words_apart(doc, m.end, span.start) <= SUM_REACH]
        lease = rent_in_sentence(doc, span, mentions) if not owner else None
        if lease is not None:
            owner = [lease]
        if not owner:
            _read_sum_before(doc, quantity, span, mentions)
            continue
        money = deal_money(doc, quantity, span, named=_right_after(doc, owner[-1], span))
        if money is not None and owner[-1].sum is None:
            owner[-1].sum = money
            add_evidence(doc, "agreement", span.start, span.end, "sum", "money_after_agreement")


BEFORE_LINKS = {"быть"}  # `На 2 млрд рублей было подписано соглашение`


def _read_sum_before(doc, quantity, span, mentions: List[AgreementMention]) -> None:
    """`На 2 млрд рублей подписано соглашение между …`: `на` and a sum right before the signing
    verb and the agreement noun."""
    words = [t for t in doc[span.end:len(doc)] if not t.is_space][:4]
    before = [t for t in doc[max(0, span.start - 2):span.start] if not t.is_space]
    if not before or before[-1].lower_ != "на":
        return
    lemmas = [t.lemma_.lower() for t in words]
    signs = [i for i, lemma in enumerate(lemmas) if lemma in load_set("sign_verbs.txt")]
    if not signs or any(lemma not in BEFORE_LINKS for lemma in lemmas[:signs[0]]):
        return
    # `На 12 млрд рублей подписано кредитное соглашение`: adjectives before the noun
    noun = next((t for t in doc[words[signs[0]].i + 1:min(len(doc), words[signs[0]].i + 4)]
                 if not (t.is_space or t.pos_ == "ADJ")), None)
    owner = next((m for m in mentions if noun is not None and m.start == noun.i), None)
    money = deal_money(doc, quantity, span, named=True) if owner is not None else None
    if money is not None and owner.sum is None:
        owner.sum = money
        add_evidence(doc, "agreement", span.start, span.end, "sum", "money_before_signing")


TOTAL = "общий"


SUM_LINKS = {"на", "сумма", TOTAL}  # `соглашение на сумму 650 млн юаней`, `контракт на общую сумму …`


# `соглашение между ТОО «Х» и акиматом … стоимостью $50 млн`: the sum after the parties
COST_LINKS = SUM_LINKS | SUM_OPENERS  # `соглашение объемом 10 млрд ₽`


PARTY_LINKS = {"между", "с", "со", "и", ",", "«", "»", "\""}


TOPIC_WORDS = 3


SUPPLY, SUPPLY_TOPIC_WORDS = "поставка", 7


def _about_money_topic(between: List[str]) -> bool:
    """`соглашение об инвестициях на 7,5 млрд`, `о сотрудничестве на сумму …`, `об инвестициях
    общей стоимостью $ 85 млн`: an agreement about money or supplies
    (rules/agreement_sum_topics.txt) owns the sum after its topic; so does a contract for work
    (`контракт на поставку электроприводов стоимостью …`)."""
    if not between or between[0] not in {"о", "об", "на"}:
        return False
    cut = next((k for k, word in enumerate(between) if k > 1 and word in COST_LINKS), None)
    if cut is None:
        return False
    topic, link = between[1:cut], between[cut:]
    # `контракт на поставку электроприводов стоимостью …`: the price of the work contracted
    about = between[0] == "на" or bool(set(topic) & load_set("agreement_sum_topics.txt"))
    # `на поставку линии по производству плёнки стоимостью …`: what is supplied is priced
    reach = SUPPLY_TOPIC_WORDS if between[0] == "на" and topic[0] == SUPPLY else TOPIC_WORDS
    return 0 < len(topic) <= reach and about and set(link) <= COST_LINKS


def _right_after(doc, mention: AgreementMention, span) -> bool:
    """`кредитное соглашение на 6 млрд рублей для финансирования …`: a sum right after the
    noun, or right after the parties named after it, is the agreement's whatever words stand
    around it."""
    between = [t.lemma_.lower() for t in doc[mention.end:span.start] if not t.is_space]
    opener = next((word for word in between if word != TOTAL), None)
    if opener in SUM_OPENERS and set(between) <= COST_LINKS:
        return True  # `соглашение на сумму …`, `соглашение стоимостью …`, `общей стоимостью …`
    if _about_money_topic(between):
        return True
    party_tokens = {i for p in mention.parties for i in range(p.start, p.end)}
    rest = [t.lemma_.lower() for t in doc[mention.end:span.start]
            if not (t.is_space or t.i in party_tokens or t.lemma_.lower() in PARTY_LINKS or t.pos_ == "ADJ"
                    or is_legal_form(t.text) or is_government(t) or t.lemma_.lower() in ORG_NOUNS
                    or not is_cyrillic(t.text))]  # `A.Ş.` after a Latin name is more of the name
    if len(rest) < len(between) and _about_money_topic(rest):
        return True  # `контракт между ТОО «Х» и компанией Y на поставку линии стоимостью …`
    return len(rest) < len(between) and bool(rest) and rest[0] in COST_LINKS and set(rest) <= COST_LINKS


def give_sums_back(unsigned: List[AgreementMention], found: List[AgreementMention]) -> None:
    """`… подписали соглашение о создании центра. Соглашение на сумму 1 млрд рублей
    предусматривает …`: an agreement noun with a sum and no parties, in a sentence that signs
    nothing, speaks again of the agreement last signed (of its kind where one is)."""
    for mention in unsigned:
        same_kind = [m for m in found if m.kind == mention.kind]
        owner = (same_kind or found)[-1]
        if owner.sum is None:
            owner.sum = mention.sum


def names_known_kind(doc, item: NamedSum, found: List[AgreementMention]) -> bool:
    kind = match_agreement(doc, item.noun)
    return kind is not None and any(m.kind == kind[1] for m in found)


def give_named_sums(doc, named: List[NamedSum], found: List[AgreementMention], parties: List[Party] = ()) -> bool:
    """A sum named as an agreement's goes to the agreement last spoken of before it, of the
    noun's kind where one is (`Сумма контракта …` after a contract and a memorandum); or to the
    one agreement of the organisation its sentence names (`«А» построят завод, объем вложений по
    соглашению - 2,3 млрд` after deals with «А», «Б» and «В»). Whether any sum was given."""
    given = False
    for item in named:
        before = [m for m in found if m.start <= item.noun]  # (the rent names the lease noun itself)
        kind = match_agreement(doc, item.noun)
        same_kind = [m for m in before if kind and m.kind == kind[1]]
        owner = (same_kind or before or [None])[-1]
        named_ones = [m for m in (same_kind or before) if any(
            same_party(p, q) for p in parties if p.type == ORG for q in m.parties)]
        if len(named_ones) == 1 and len({p.name for p in parties if p.type == ORG}) == 1:
            owner = named_ones[0]
        if owner is not None and (owner.sum is None or named_currency(owner.sum, item.money) is item.money):
            owner.sum = item.money  # (or names the rouble the headline's `рублей` left open)
            add_evidence(doc, "agreement", item.start, item.end, "sum", "sum_of_named_agreement")
            given = True
    return given
