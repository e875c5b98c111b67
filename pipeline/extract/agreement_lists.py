"""Agreements listed by partner after a plural noun: `подписал три соглашения: с компанией «А» на
1 млрд рублей, с «Б» — на 2 млрд и с «В»`, `подписала еще два соглашения — с казахстанской
QazAgroParts и узбекской Samarkand Avtodetal`; or on bullet lines after a colon (`Два
специальных инвестиционных контракта. Оба подписаны с Минпромторгом России и правительством
области:` / `• с ООО «А» — компания вложит 8,9 млрд рублей …;` / `• с АО «Б» — 12,4 млрд …`).

After a plural or counted agreement noun and a colon or dash, each `с <party>` is one agreement
of that kind between the parties that sign before the noun and that partner, with the sum
that follows the partner (`на 1 млрд рублей`) up to the next one. The count stays a total.
"""
from __future__ import annotations

from typing import Callable, Optional, Tuple

from ..normalize import is_latin_word, is_legal_form
from ..records import PER
from ..vocab import load_set
from .agreement_anaphora import DOCUMENT
from .agreement_nouns import kind_at as noun_kind_at, many_kind_at, match_agreement
from .common import (WITH, add_evidence, first_sign_verb, has_sign_verb, is_bullet, is_counted, line_end, paragraph_start,
                     sentence_quantities, word_lemmas)
from .agreement_sums import named_sums
from .money import deal_money
from .park_mentions import past_aside
from .titles import possible_cases

LIST_OPENERS = {":", "—", "–", "-"}
PARTY_REACH = 6  # `с производителем медицинских изделий ООО «Х»`: words between `с` and the name


def listed_agreements(doc, sent, parties, kind_at: Callable[[object, int], object],
                      single: Callable[[object, int], object], make: Callable, park_names: set) -> list:
    """(agreement mention, its sum's tokens or None), one per partner listed after a plural
    agreement noun of `sent`; `park_names` the parks' names in lower case.
    `kind_at(doc, i)` gives (end, kind) of an agreement noun of any number, `single(doc, i)`
    the matcher of singular agreements, which a listed noun must not be;
    `make(start, end, kind, parties, sum)` builds a mention."""
    found = []
    for token in sent:
        if single(doc, token.i) or not _is_many(doc, token.i):
            continue
        noun = kind_at(doc, token.i) or _counted_documents_kind(doc, token.i)
        if noun is None:
            continue
        end, kind = noun
        opener = next((t for t in doc[end:sent.end] if not t.is_space), None)
        if opener is not None and opener.text in LIST_OPENERS and kind_at(doc, token.i):
            # (`Среди подписанных документов — контракт …`: the documents are no kind of their own)
            signers = [p for p in parties if p.end <= token.i]
        else:
            opener = _signed_with(doc, sent, token.i, end, parties)
            if opener is None:
                run = _partner_run(doc, sent, parties)
                if run:  # `Соглашения подписали губернатор и руководители компаний «А», «Б» и «В»`
                    signers = [p for p in parties if p not in run]
                    return [(make(p.start, p.end, kind, signers + [p], None), None) for p in run]
                continue
            signers = [p for p in parties if p.end <= opener.i]  # `Соглашения … подписал губернатор с …`
        first = opener.i + 1 if opener.text in LIST_OPENERS else opener.i
        found += _one_per_partner(doc, sent, first, parties, signers, kind, make,
                                  need_two=opener.text not in LIST_OPENERS)
    return found or _told_before(doc, sent, parties, kind_at, make, park_names) or _gapped(doc, sent, parties, single, make)


def _one_per_partner(doc, sent, first: int, parties, signers, kind: str, make: Callable, need_two: bool) -> list:
    """One agreement per `с <party>` (or `, <party>`, `и <party>` after one) from token `first`
    on, with the sum after its partner; none unless two partners are listed when `need_two`."""
    starts = [t.i for t in doc[first:sent.end] if t.lower_ in WITH
              or (t.lower_ in {"и", ","} and _after_partner(doc, parties, t.i))]
    partnered = [i for i in starts if any(i < p.start <= i + PARTY_REACH and p.type != PER for p in parties)]
    if need_two and len(partnered) < 2:
        return []  # `подписала соглашения с компанией «А»` (`…, которое управляет ОЭЗ с момента её
        # создания`: no partner after that `с`): several with one partner
    found = []
    for k, prep in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else sent.end
        partner = next((p for p in parties if prep < p.start <= prep + PARTY_REACH and p.type != PER), None)
        if partner is None:
            continue
        money, span = _money_between(doc, sent, partner.end, limit)
        found.append((make(prep, partner.end, kind, signers + [partner], money), span))
    return found


THEM = "их"  # `Ещё три соглашения касаются ОЭЗ. Управляющая компания … заключила их с «А» (…), «Б» (…) и «В»`


def _told_before(doc, sent, parties, kind_at: Callable, make: Callable, park_names: set) -> list:
    """`Ещё три соглашения касаются ОЭЗ «Протва». Управляющая компания ОЭЗ заключила их с ООО «А»
    (4,2 млрд рублей), ООО «Б» (1,9 млрд рублей) и … (2,6 млрд рублей)`: `их` after a signing
    verb stands for a counted agreement noun of the sentence before; one agreement per partner."""
    verb = first_sign_verb(sent)
    after = next((t for t in doc[verb.i + 1:sent.end] if not t.is_space), None) if verb is not None else None
    if after is None or after.lower_ != THEM or sent.start == 0:
        return []
    before = doc[sent.start - 1].sent
    kinds = [kind_at(doc, t.i) for t in before if is_counted(doc, t.i)]
    kinds = [k for k in kinds if k is not None]
    if not kinds:
        return []
    # (`Управляющая компания ОЭЗ — АО «Х»`: the zone after a noun is whose company it is, no side)
    signers = [p for p in parties if p.end <= verb.i
               and not (p.name.lower() in park_names and p.start > 0 and doc[p.start - 1].pos_ == "NOUN")]
    return _one_per_partner(doc, sent, after.i + 1, parties, signers, kinds[0][1], make, need_two=True)


GAP_REACH = 5  # `, в мае — с «Б»`: words between the comma and the dash


def _gapped(doc, sent, parties, single: Callable, make: Callable) -> list:
    """`в феврале правительство региона подписало соглашение с компанией «А», в мае — с «Б»`: a
    singular agreement with a partner after `с`, and after a comma a time or place left for the verb
    and a dash before another `с <party>`: one agreement each, the subject on the other side."""
    verb = first_sign_verb(sent)
    nouns = [t.i for t in doc[verb.i:sent.end] if single(doc, t.i)] if verb is not None else []
    if not nouns:
        return []
    noun = nouns[0]  # the noun the verb signs (`подписало соглашение с …`)
    withs = [t.i for t in doc[noun:sent.end] if t.lower_ in WITH]
    partners = []
    for k, prep in enumerate(withs):
        partner = next((p for p in parties if prep < p.start <= prep + PARTY_REACH and p.type != PER), None)
        if partner is None:
            return []
        if k > 0 and not _gap_before(doc, prep, partners[-1].end, single):
            return []
        partners.append(partner)
    if len(partners) < 2:
        return []
    kind = single(doc, noun)[1]
    subject = [p for p in parties if p.end <= noun and p.type != PER]
    return [(make(p.start, p.end, kind, subject + [p], None), None) for p in partners]


def _gap_before(doc, prep: int, after: int, single: Callable) -> bool:
    """`…«А», в мае — с «Б»`: a comma, a few words with no verb and no agreement of their own (not
    `, а меморандум — с …`), then a dash right before `с`."""
    words = [t for t in doc[after:prep] if not t.is_space and t.text not in {"»", "\""}]
    return 2 <= len(words) <= GAP_REACH and words[0].text == "," and words[-1].text in {"—", "–"} \
        and not any(t.pos_ in {"VERB", "AUX"} or single(doc, t.i) for t in words)


def bulleted_agreements(doc, sentences, index: int, signers: list, kind: str, parties_of: Callable,
                        make: Callable, line_kind: Callable = lambda sent: None) -> list:
    """(sentence index, agreement mention) per bullet line after sentences[index], a line that
    opens with a bullet and `с <party>`: an agreement of `kind` (or of the kind the line names:
    `— специальный инвестиционный контракт`) between `signers` and that partner, with the first
    sum of the line; (sentence index, None) for a line's later sentence. `parties_of(sent)` gives
    a sentence's parties, `line_kind(sent)` the kind a line names or None."""
    found = []
    current = None  # the mention of the line being read
    for k in range(index + 1, len(sentences)):
        line = [t for t in sentences[k] if not t.is_space]
        opening = marker_end(line)
        if opening is None and current is not None and paragraph_start(doc, sentences[k].start) < sentences[k].start:
            # `🔹 с АО «Х» — о … . От компании документ подписал её директор Игорь Самарин;`: the
            # line goes on, its signer and sum the deal's
            _continue_line(doc, sentences[k], current, parties_of(sentences[k]))
            found.append((k, None))
            continue
        if opening is None or len(line) < opening + 2:
            break
        with_at = line[opening].i
        parties = parties_of(sentences[k])
        own_line = False
        kind_with = _kind_then_with(doc, with_at, sentences[k].end)
        if line[opening].lower_ in WITH or kind_with is not None:
            # (`🔹 меморандум о сотрудничестве с ОАО «Б».`: the line's kind first, then its partner)
            with_at = kind_with if kind_with is not None else with_at
            partner = next((p for p in parties if with_at < p.start <= with_at + PARTY_REACH and p.type != PER), None)
            signer = _bracketed_head(doc, parties, partner) if partner is not None else None
        else:  # `— генеральный директор ООО «А» Вячеслав Горшенин — …, 1,5 млрд рублей;`: a signer's line
            partner = next((p for p in parties if with_at <= p.start <= with_at + TITLE_REACH and p.type != PER), None)
            signer = next((p for p in parties if partner is not None and p.type == PER
                           and 0 <= p.start - partner.end <= 1), None)
            own_line = signer is None and partner is not None and _opens_with_name(doc, with_at, partner)
            if partner is None:  # `— индивидуальный предприниматель Алексей Черных — цех …, 35 млн рублей;`
                partner = _entrepreneur_opening(doc, with_at, parties)
                own_line = partner is not None
            if signer is None and not own_line:
                break
            if own_line:  # `1) ООО «А» (генеральный директор …) — модернизация линии; …`: the partner's own
                # line, its head in brackets; the project told there may have a cost of its own
                signer = _bracketed_head(doc, parties, partner)
        if partner is None:
            break
        end = signer.end if signer is not None else partner.end
        if own_line:  # the sum the line ties to the agreement, else its first sum that is no trap's
            named = [n for n in named_sums(doc, sentences[k]) if n.start >= end]
            money = named[0].money if named else _money_between(doc, sentences[k], end, sentences[k].end, named=False)[0]
        else:
            money, span = _money_between(doc, sentences[k], end, sentences[k].end)
            if span is not None:  # the sum is the line's agreement's, no total's
                add_evidence(doc, "agreement", span.start, span.end, "sum", "sum_of_listed_agreement")
        current = make(with_at, end, line_kind(_line_of(doc, sentences[k])) or kind, signers + [partner] + ([signer] if signer else []), money)
        found.append((k, current))
    return found


TITLE_REACH = 6  # `председатель совета директоров АО «Х»`: a title's words before the organisation
KIND_LINE_REACH = 5  # `меморандум о сотрудничестве с`: words from a line's kind to its `с`


def _kind_then_with(doc, start: int, end: int) -> Optional[int]:
    """The `с` a few words after an agreement's kind opening a list's line, or None."""
    if not match_agreement(doc, start):
        return None
    return next((t.i for t in doc[start + 1:min(end, start + 1 + KIND_LINE_REACH)] if t.lower_ in WITH), None)


EACH = "каждый"


def each_of_lines_before(doc, sentences, index: int, signers: list, parties_of: Callable, make: Callable) -> list:
    """`🔹 АО «А» — производство кабеля, по соглашению — 14 млн долларов; 🔹 ООО «Б» — … . С каждой
    из компаний хокимият подписал соглашение о размещении производства`: (the lines' sentence
    indices, one agreement of the sentence's kind per list line before it that opens with a
    company, between `signers` and that company, with the sum the line ties to the agreement)."""
    sent = sentences[index]
    words = [t for t in sent if not t.is_space]
    each = any(t.lower_ in WITH and k + 2 < len(words) and EACH in word_lemmas(words[k + 1])
               and words[k + 2].lower_ == "из" for k, t in enumerate(words))
    if not each or not has_sign_verb(sent):
        return [], []
    kinds = [kind for kind in (match_agreement(doc, t.i) for t in sent) if kind is not None]
    if not kinds:
        return [], []
    lines = []
    k = index - 1
    while k >= 0:
        line = [t for t in sentences[k] if not t.is_space]
        opening = marker_end(line)
        partner = _line_partner(doc, line[opening].i, parties_of(sentences[k])) \
            if opening is not None and len(line) > opening + 1 else None
        if partner is None:
            break
        lines.insert(0, (sentences[k], partner))
        k -= 1
    found = []
    for line, partner in lines:
        named = [n for n in named_sums(doc, line) if n.start >= partner.end]
        money = named[0].money if named else _closing_money(doc, line, partner.end)
        mention = make(partner.start, partner.end, kinds[0][1], signers + [partner], money)
        mention.listed = True
        found.append(mention)
    return (list(range(k + 1, index)), found) if len(found) >= 2 else ([], [])


def _closing_money(doc, line, start: int):
    """`— Qazaq Agro Pack LLP (Казахстан) — выпуск тары, $11,2 млн;`: the money that ends a list's
    line after its partner, or None."""
    found = [(quantity, span) for quantity, span in sentence_quantities(line) if span.start >= start]
    if not found:
        return None
    quantity, span = found[-1]
    if any(not (t.is_space or t.is_punct) for t in doc[span.end:line.end]):
        return None
    return deal_money(doc, quantity, span)


def _line_partner(doc, start: int, parties):
    """The company a list's line opens with (`ООО «А»`, `турецкая компания Demir Tekstil`) or the
    entrepreneur (`индивидуальный предприниматель Рустам Абдуллаев`), or None."""
    company = next((p for p in parties if p.type != PER and start <= p.start <= start + 2), None)
    if company is not None and (opens_company_name(doc[start]) or _described_company(doc, start, company)):
        return company
    return _entrepreneur_opening(doc, start, parties)


def _described_company(doc, start: int, company) -> bool:
    """`турецкая компания Demir Tekstil`: a company noun, an adjective maybe before it, then the name."""
    words = [t for t in doc[start:company.start] if not t.is_space]
    return bool(words) and word_lemmas(words[-1]) & load_set("business_nouns.txt") \
        and all(t.pos_ == "ADJ" for t in words[:-1])


ENTREPRENEUR = {"предприниматель", "ип"}  # `индивидуальный предприниматель Алексей Черных`, `ИП Черных`


def _entrepreneur_opening(doc, start: int, parties):
    """The person a list's line opens with after an entrepreneur's title, or None."""
    person = next((p for p in parties if p.type == PER and start < p.start <= start + 2), None)
    if person is None:
        return None
    title = [t for t in doc[start:person.start] if not t.is_space]
    if not title or not (word_lemmas(title[-1]) | {title[-1].lower_}) & ENTREPRENEUR:
        return None
    return person if all(t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in title) else None


def _line_of(doc, sent):
    """The line a list's sentence opens (`3) Shaanxi Huaxin Machinery Co., Ltd. (Китай) —
    меморандум …`: a period inside a name ends no line)."""
    return doc[sent.start:max(line_end(doc, sent.start), sent.end)]


def _opens_with_name(doc, start: int, partner) -> bool:
    """The line's words open with the partner's name: its legal form or quote first (`ООО «А»`),
    or the name itself in the nominative (`• Фонд развития промышленности — совместное
    финансирование …`; not `— Лидским райисполкомом и администрацией …`)."""
    return partner.start - start <= 2 and opens_company_name(doc[start]) \
        or partner.start == start and not any(_instrumental(t) for t in doc[partner.start:partner.end + 1])


INSTRUMENTAL_ONLY = frozenset({"ablt"})


def _instrumental(token) -> bool:
    """A word in the instrumental, as the tagger or, when only that case fits, the dictionary says."""
    return token.morph.get("Case") == ["Ins"] or token.is_alpha and possible_cases(token.text) == INSTRUMENTAL_ONLY


def opens_company_name(token) -> bool:
    """A legal form, an opening quote or a capitalised word in Latin script: a company's name starts
    here (`ООО «А»`, `«А»`, `Qazaq Agro Pack LLP`)."""
    return is_legal_form(token.text) or token.text in {"«", "\""} \
        or is_latin_word(token.text)


def _continue_line(doc, sent, mention, parties) -> None:
    """A list line's later sentence: its persons sign the line's deal when it tells a signing
    (`От компании документ подписал …`), its first sum prices it when the line gave none
    (`Вложения по соглашению — 6,8 млрд рублей;`)."""
    if has_sign_verb(sent):
        mention.parties.extend(p for p in parties if p.type == PER)
    if mention.sum is None:
        mention.sum, _ = _money_between(doc, sent, sent.start, sent.end)


def _bracketed_head(doc, parties, partner):
    """`с ООО «Мичуринский консервный завод» (генеральный директор Сергей Лыков) — …`: the person
    in the brackets right after the partner, its head who signed; None for none."""
    if partner.end >= len(doc) or doc[partner.end].text != "(":
        return None
    closing = next((t.i for t in doc[partner.end:min(len(doc), partner.end + TITLE_REACH + 3)] if t.text == ")"), None)
    return next((p for p in parties if p.type == PER and closing is not None and partner.end < p.start < closing), None)


NUMBER_CLOSERS = {".", ")"}  # `1.`, `2)` numbering a list's lines


def marker_end(line) -> Optional[int]:
    """How many words open a list's line as its marker: a bullet (1), a number and its dot or
    bracket (`1.`, 2); None for a line with none."""
    if line and is_bullet(line[0]):
        return 1
    if len(line) > 1 and line[0].text.isdigit() and len(line[0].text) <= 2 and line[1].text in NUMBER_CLOSERS:
        return 2
    return None


def _signed_with(doc, sent, start: int, end: int, parties):
    """`Соглашения об осуществлении деятельности подписаны с ООО «А», ООО «Б» и ООО «В»`: the
    `с` after a signing verb that follows the plural noun (its own words between), or after
    the noun that follows the verb (`подписало соглашения с «А» и «Б»`); None for others."""
    verb = any(t.lemma_.lower() in load_set("sign_verbs.txt") for t in doc[sent.start:start])
    for t in doc[end:sent.end]:
        if t.lemma_.lower() in load_set("sign_verbs.txt"):
            verb = True
        elif t.lower_ in WITH:
            return t if verb else None
        elif t.text in {",", ";", ":"} or t.pos_ == "VERB" and not verb:
            return None
    return None


def _partner_run(doc, sent, parties) -> list:
    """`руководители компаний «А», «Б» и «В»`, `с компаниями «А» и «Б»`: two or more
    organisations listed right after a plural noun of rules/deal_partner_nouns.txt, or []."""
    partners = load_set("deal_partner_nouns.txt")
    for token in sent:
        if token.morph.get("Number") != ["Plur"] or token.lemma_.lower() not in partners:
            continue
        run = []
        for party in sorted(parties, key=lambda p: p.start):
            gap = [t for t in doc[(run[-1].end if run else token.i + 1):party.start] if not t.is_space]
            if party.start <= token.i or party.type == PER:
                continue
            if len(gap) > 1 or gap and gap[0].text not in {",", "и"} or not run and gap:
                break
            run.append(party)
        if len(run) >= 2:
            return run
    return []


def _counted_documents_kind(doc, i: int) -> Optional[Tuple[int, str]]:
    """`Остальные документы подписаны с ООО «А», АО «Б» и …`, `Ещё два документа подписаны с …` after
    `подписано пять соглашений`: plural documents stand for the agreements counted before, of their kind."""
    if doc[i].lemma_.lower() != DOCUMENT or not _is_many(doc, i):
        return None
    if any(noun_kind_at(doc, t.i) for t in doc[i:doc[i].sent.end]):
        return None  # (`Среди других подписанных документов — соглашение … и соглашение …`: they name their kinds)
    counted = [t.i for t in doc[:i] if many_kind_at(doc, t.i)]
    return (i + 1, noun_kind_at(doc, counted[-1])[1]) if counted else None


def _is_many(doc, i: int) -> bool:
    """`три соглашения`, `соглашения`, not `Второй меморандум`."""
    return doc[i].morph.get("Number") == ["Plur"] or is_counted(doc, i)


def _after_partner(doc, parties, i: int) -> bool:
    """`с казахстанской QazAgroParts и узбекской Samarkand Avtodetal`: `и` between two names,
    past a bracketed aside after the first (`ООО «А» (4,2 млрд рублей), ООО «Б»`)."""
    return any(p.end <= i <= p.end + 1 or (p.end < len(doc) and doc[p.end].text == "(" and past_aside(doc, p.end) == i)
               for p in parties) and any(i < p.start <= i + PARTY_REACH for p in parties)


def _money_between(doc, sent, start: int, end: int, named: bool = True):
    """(money, its tokens) of the first sum in [start, end), past quantities that are no money
    (`мощностью 300 тонн зерна в сутки, полтора миллиарда рублей`), or (None, None); `named`
    off, past trap words too (`стоимость проекта компания оценивает в 640 млн рублей`)."""
    for quantity, span in sentence_quantities(sent):
        if start <= span.start < end:
            money = deal_money(doc, quantity, span, named=named)
            if money is not None:
                return money, span
    return None, None
