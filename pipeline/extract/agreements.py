"""agreement_extractor: signed agreements with their kind, parties and sum.

An agreement is a singular agreement noun (rules/agreement_kinds.tsv) whose
parties are named in its sentence, or, when the sentence names none, in the
sentence before it (`…подписали соглашение на 2 млрд рублей` after the parties
were introduced) or after it (`Второе соглашение предусматривает… Кооперацию
наладят «ПромАгроТехнологии»…`). Plural nouns (`18 соглашений`) are totals and
belong to contracts.

The stages live in modules of their own: the nouns a sentence names (agreement_nouns), the
parties of a signing sentence and of its neighbours (agreement_neighbours), which agreement
each party signs (agreement_attachment), which one a sum belongs to (agreement_sum_owners),
and the merging of mentions into one record per agreement (agreement_merge).
"""
from __future__ import annotations

from typing import List, NamedTuple, Optional, Tuple

from spacy.language import Language

from ..normalize import is_legal_form, strip_quotes
from ..records import LOC, ORG, PER, Money, to_dict
from ..vocab import load_set
from .agreement_anaphora import DOCUMENT, MORE, THE_REST, is_governed_reference, is_new_document, opens_with_side
from .agreement_attachment import after_partner_word, before_name, is_signing_subject, partner_alone, share_parties
from .agreement_deals import (add_host_side, add_missing_side, deals_counted, partners_counted, partners_listed_with,
                              partners_counted_before, partners_told, plural_by_subjects, resident_deals, signs_with_many,
                              split_by_subjects, subjects_counted, with_them)
from .agreement_lists import (EACH, bulleted_agreements, each_of_lines_before, listed_agreements, marker_end,
                              opens_company_name)
from .agreement_nouns import (AgreementMention, is_plural, kind_at, last_kind_before, many_kind_at, match_agreement,
                              plural_kind_at, sentence_mentions)
from .agreement_neighbours import agrees, came_to_terms, meeting_before, parties_nearby, signing_parties
from .agreement_places import park_places
from .agreement_signers import (add_shared_signers, add_signer_sides, kind_signed_back, signed_back, name_persons_fully, our_side,
                                ours_named, person_side, place_by_side, sides_of, signs_many, signs_next,
                                with_heads_named)
from .agreement_merge import (distinct_by_name, merge_mentions, same_party, same_typed_party, with_formal_regions,
                              with_declined_names, with_full_names, with_fuller_names, with_legal_names, with_states_named, without_headline_restatements,
                              without_parent_names)
from .agreement_plans import is_companion_reference, is_generic_signing, is_planned_document, is_planned_signing
from .agreement_roles import add_role_parties, role_count, role_parties
from .agreement_sum_owners import give_named_sums, give_sums_back, names_known_kind, read_sums
from .agreement_sales import add_sales, sales
from .agreement_story import add_story_company, story_company
from .agreement_sums import NamedSum, bracketed_party_sums, named_sums, ordinal_before, respective_sums
from .elided_subjects import elided_author, elided_subject
from .common import (DASHES, ONE, PARTNER_PREPOSITIONS, RELATIVE, SIDE, WITH, add_evidence, entities, first_sign_verb,
                     has_sign_verb, in_round_brackets, is_counted, latin_org_names, legal_form_quotes, paragraph_start,
                     quoted_spans, sentence_before, sentence_quantities, word_lemmas)
from .money import deal_money
from .org_names import expand_abbreviation, is_self_reference, legal_form_org_names, self_named
from .parties import ORG_NOUNS, Party, is_direct_speech, is_government, names_written, sentence_parties
from .state_bodies import name_lemmas, state_body_spans
from .party_references import (named_by_head, pronoun_partner, referred_partner, referred_party, release_side,
                               role_partner)
from .region_names import region_name


def _side_openings(sent) -> List[int]:
    """Where a sentence opens a side: `Со стороны фонда …`, `от имени области …`."""
    words = [t for t in sent if not t.is_space]
    return [words[k].i for k in range(len(words) - 1) if opens_with_side(words[k:k + 2])]


def _second_side(doc, sent) -> Optional[int]:
    """Where a sentence opens a second side (`От имени региона … подписал …, со стороны инвесторов
    — …`), or None."""
    opens = _side_openings(sent)
    return opens[1] if len(opens) > 1 else None


def _org_side(doc, party: Party) -> bool:
    """Whether a party is an organisation or a person signing for one (not for a region)."""
    side = person_side(doc, party) if party.type == PER else party
    return side is not None and side.type == ORG


def _last_agreements(found: List[AgreementMention], count: int) -> List[AgreementMention]:
    """The mentions of the last `count` agreements: one spoken of again (`Со стороны турецкой
    компании меморандум подписал …` after `Третьим документом стал меморандум с …`) is no new one."""
    picked = []
    for mention in reversed(found):
        if count == 0:
            break
        picked.append(mention)
        count -= not mention.anaphoric
    return picked[::-1]


OBJECT_PRONOUNS = {"его", "её", "ее"}


def _signed_pronoun(doc, sent) -> bool:
    """`Со стороны агентства его подписал …`: the agreement just named, as a pronoun next to the
    signing verb, or under the signatures (`Подписи под ним поставили …`)."""
    return any(t.lower_ in OBJECT_PRONOUNS and any(doc[j].lemma_.lower() in load_set("sign_verbs.txt")
                                                   for j in (t.i - 1, t.i + 1) if sent.start <= j < sent.end)
               or t.lower_ in UNDER_IT and t.i > sent.start and doc[t.i - 1].lower_ == UNDER
               for t in sent)


UNDER, UNDER_IT = "под", {"ним", "ней"}


def _named_alone(doc, found: List[AgreementMention]) -> bool:
    """Was the last agreement named in a sentence of its own (not in a list with the one before)?"""
    return len(found) < 2 or doc[found[-1].start].sent.start != doc[found[-2].start].sent.start


def _names_the_document(sent) -> bool:
    """`Подписи под документом поставили …`, `Документ подписали …`: one document spoken of."""
    return any(t.lemma_.lower() == DOCUMENT and t.morph.get("Number") != ["Plur"] for t in sent)


FOLLOW_UP_SENTENCES = 3  # `Документ подписали …` within this many sentences of the agreement
PARTNERS_TOLD_REACH = 6  # sentences after `с тремя резидентами` the partners are told in
TOLD_ON_REACH = 4  # sentences after a partner told that the next one may still come in


class Untold(NamedTuple):
    """Partners a counted signing (`с тремя резидентами`) has not told yet: how many, the kind of
    their agreements, the last sentence they may be told in, whether the signing gave their
    total sum (`на общую сумму 265 млн рублей`)."""
    count: int
    kind: Optional[str]
    last_sentence: int
    summed: bool = False


NOTHING_UNTOLD = Untold(0, None, 0)


def _untold(doc, sent, index: int, count: int, kind_of) -> Untold:
    """The partners a counted signing at sentences[index] leaves to tell, their agreements of
    the first kind `kind_of(doc, i)` finds in it."""
    kinds = [kind_at(doc, t.i) for t in sent if kind_of(doc, t.i)]
    return Untold(count, kinds[0][1] if kinds and kinds[0] else "соглашение", index + PARTNERS_TOLD_REACH,
                  bool(_sentence_sums(doc, sent)))


def _rest_counted(doc, sent) -> int:
    """`Ещё два соглашения касаются технопарка …`, `Остальные два соглашения …`: how many of the
    counted deals a sentence that signs none says are left to tell (0 if it says nothing of them)."""
    words = [t for t in sent if not t.is_space]
    if has_sign_verb(sent) or not words or words[0].lower_ not in MORE | THE_REST:
        return 0
    return deals_counted(doc, sent, many_kind_at)


HOST_LIST_REACH = 2  # sentences after `Область подписала 12 соглашений` its partners may be listed in


def _just_after(sentences, index: int, end: int) -> bool:
    """Sentence `index` is within HOST_LIST_REACH sentences after the one ending at token `end`."""
    return any(sentences[k].end == end for k in range(max(0, index - HOST_LIST_REACH), index))


def _listed_after_count(doc, sent, host_sides: List[Party], found: list, places: set) -> List[AgreementMention]:
    """`Область подписала 12 соглашений. Крупнейшие — с ООО «А» (…, 14,5 млрд рублей), с АО «Б» (…)`:
    one agreement per partner listed after `с` in a sentence that signs nothing itself, the counting
    subject its other side, with the sum in the partner's brackets or the sentence's one sum; the
    list has no verb of its own (not `Кроме того, с ООО «А» договорились о поставках`)."""
    clause = doc[sent.start:next((t.i for t in sent if t.text == ":"), sent.end)]
    aside = in_round_brackets(clause)
    if sentence_mentions(doc, sent) or has_sign_verb(sent) or _has_own_verb([t for t in clause if t.i not in aside]):
        return []  # (`(сумма не раскрывается)`: an aside's verb)
    kind = last_kind_before(doc, sent.start) or DEFAULT_KIND
    listed = [AgreementMention(party.start, party.end, kind, [party] + host_sides)
              for party in partners_listed_with(doc, sent, [p for m in found for p in m.parties], places)]
    bracketed_party_sums(doc, sent, listed)
    sums = _sentence_sums(doc, sent)
    if len(listed) == 1 and listed[0].sum is None and len(sums) == 1:
        listed[0].sum = sums[0]  # `Крупнейшее из них — с турецкой компанией «Х» на 21 млрд тенге`
    return listed


def _sentence_sums(doc, sent) -> List[Money]:
    """The sums of a sentence that may be a deal's (trap words aside)."""
    return [money for q, span in sentence_quantities(sent) if (money := deal_money(doc, q, span)) is not None]


def _signed_near(sentences, index: int) -> bool:
    """A signing in the sentence or the two before it, or a partner after `с` in it (`Крупнейшее —
    с компанией «Х»; объём инвестиций по соглашению …`)."""
    return any(has_sign_verb(before) for before in sentences[max(0, index - 2):index + 1]) \
        or any(t.lower_ in WITH for t in sentences[index])


def _share_of_total(doc, sent, untold: Untold, told: list) -> Optional[Money]:
    """`… договоры займа с тремя предприятиями на общую сумму 265 млн рублей. Ещё 95 млн рублей
    фонд направит ООО «Б»`: one partner told with one sum, after a signing that gave the total,
    is told with its share."""
    if not untold.summed or len(told) != 1:
        return None
    sums = _sentence_sums(doc, sent)
    return sums[0] if len(sums) == 1 else None
NAMED_SUM_SENTENCES = 6  # `Сумма договора …`, naming the kind of an agreement before, within this many


class AgreementExtractor:
    def __call__(self, doc):
        places = park_places(doc)
        park_names = {park["name"].lower() for park in doc._.parks}
        sentences = list(doc.sents)
        found: List[AgreementMention] = []
        last_index = None
        summed_index = -1  # the last sentence that gave the last agreements a sum
        # (from token, parties, how many or None for all) signing the documents after
        shared: List[Tuple[int, List[Party], Optional[int]]] = []
        one_side: List[Tuple[int, List[Party]]] = []  # (from token, the side of the deals told next)
        hosts: List[Tuple[int, List[Party]]] = []  # (from token, the subject of a counted signing)
        untold = NOTHING_UNTOLD  # partners of a counted signing not told yet
        lapsed = NOTHING_UNTOLD  # those whose reach has passed, till a sentence counts them again
        unnamed = None  # (sentence index, mention) of the last agreement signed with no side named
        # `«Соглашение снимает главное ограничение площадки», — пояснил директор …`: words quoted
        # as said speak of an agreement already named
        speech = {i for span in quoted_spans(doc) if is_direct_speech(doc, span) for i in range(span.start, span.end)}
        bulleted = set()  # sentences read as bullet lines of deals listed before them
        # `🔹 АО «А» — …; 🔹 ООО «Б» — … . С каждой из компаний хокимият подписал соглашение`: the
        # lines are read with the sentence after them
        group: List[AgreementMention] = []  # the agreements last told together, one per partner
        each = {index: _each_of_lines(doc, sentences, index, places) for index in range(len(sentences))}
        each = {index: told for index, told in each.items() if told[1]}
        bulleted |= {k for index, (lines, _) in each.items() for k in lines}
        for index, sent in enumerate(sentences):
            if index in each:
                found.extend(each[index][1])
                group, last_index = each[index][1], index
                continue
            if is_planned_signing(sent) or index in bulleted:
                continue  # `стороны планируют подписать соглашение`: not signed yet
            named = named_sums(doc, sent)
            if not has_sign_verb(sent) and _give_respectively(doc, found, sentences, index, places):
                named, summed_index = [], index  # `… 3,4 млрд и около 920 млн рублей соответственно`
            waiting = untold if untold.count else lapsed
            rest = _rest_counted(doc, sent) if waiting.count else 0
            if 0 < rest <= waiting.count:
                # `Ещё два соглашения касаются технопарка …`: the counted deals not told yet, told
                # next (though the sentences between spoke of other things)
                untold = waiting._replace(count=rest, last_sentence=max(waiting.last_sentence, index + TOLD_ON_REACH))
            if untold.count and index > untold.last_sentence:
                untold, lapsed = NOTHING_UNTOLD, untold
            if untold.count and found and doc[found[-1].start].sent.start == sentences[index - 1].start:
                # a partner told in the sentence before (`Второе соглашение заключено с АО «Х»`):
                # the list goes on, and so does its reach
                untold = untold._replace(last_sentence=max(untold.last_sentence, index - 1 + TOLD_ON_REACH))
            if untold.count and not sentence_mentions(doc, sent) and not has_sign_verb(sent):
                # `подписала соглашения с тремя новыми резидентами. ООО «А» построит …, а АО «Б» …`
                told = partners_told(doc, sent, [p for m in found for p in m.parties] + one_side[-1][1], places)
                for party in told[:untold.count]:
                    # (a person, an entrepreneur on a list's line, with the side at once: the side
                    # joins an organisation alone later)
                    sides = [party] + (one_side[-1][1] if party.type == PER else [])
                    found.append(AgreementMention(party.start, party.end, untold.kind, sides,
                                                  _share_of_total(doc, sent, untold, told)))
                    last_index = index
                untold = untold._replace(count=max(0, untold.count - len(told)))
            if not untold.count and hosts and _just_after(sentences, index, hosts[-1][0]):
                listed = _listed_after_count(doc, sent, hosts[-1][1], found, places)
                found.extend(listed)
                last_index = index if listed else last_index
            if one_side and named:
                # `Крупнейший проект — завод ООО «Х». Объём инвестиций по соглашению — 6,2 млрд`
                told = resident_deals(doc, sentences, index, named, found, one_side[-1], places,
                                      last_kind_before, AgreementMention)
                found.extend(told)
                last_index = index if told else last_index
                named = [n for n in named if not any(m.start == n.noun for m in told)]
            bullets = _bulleted(doc, sentences, index, places)
            if bullets:
                found.extend(mention for _, mention in bullets if mention is not None)
                bulleted |= {k for k, _ in bullets}
                last_index = bullets[-1][0]
                continue
            listed = _listed(doc, sentences, index, places, park_names)
            if len(listed) == 1 and untold.count > 1 and one_side and one_side[-1][0] == sentences[index - 1].end:
                # `Три компании подписали соглашения … Соглашения заключены с управляющей компанией
                # ОЭЗ — АО «Х»`: the other side of the counted ones, no list of its own
                listed = []
            if listed:
                found.extend(listed)
                group, last_index = listed, index
                _give_respectively(doc, found, sentences, index, places)  # `… с «А» и «Б», по которым … соответственно`
                continue
            # `Сумма контракта составляет …` speaks of a contract already named (with none named
            # yet, `По условиям соглашения …` after a signing or beside a partner names one;
            # `Начальная цена контракта` of a tender announced, none)
            spoken_of = {n.noun for n in named if not ordinal_before(doc, n.noun)} \
                if named and (found or not _signed_near(sentences, index)) \
                and not (found and _new_company_subject(doc, sent, named, found, places)) else set()
            # (`По условиям второго документа АО «Х» вложит 6,2 млрд`: an ordinal names a new one;
            # `ООО «Y» по условиям подписанного соглашения вложит …` after a deal with «Х», Y's own)
            mentions = [m for m in sentence_mentions(doc, sent) if m.start not in spoken_of
                        and not is_planned_document(doc, sent, m.start) and not is_generic_signing(doc, sent, m.start)
                        and not (m.kind in {f.kind for f in found} and is_companion_reference(doc, sent, m.start))
                        and not ((m.start in speech or _closes_speech(doc, sent, m.start)) and m.kind in {f.kind for f in found}
                                 and not (doc[m.start].lemma_.lower() == DOCUMENT and is_new_document(doc, sent, m.start))
                                 and not _names_missing_partner(doc, sent, m, found, places))]
            # (`«Мы подписали ещё один документ — с …»`: a new one, though said; `«Мы подписали с
            # „Ока-Подшипник“ соглашение …»` after a headline's `соглашение с производителем`: the
            # partner that one left unnamed)
            sign = has_sign_verb(sent)
            signers = signing_parties(doc, sent, places) if not mentions and sign and signs_many(doc, sent) else []
            if any(p.type == PER for p in signers):
                # `Со стороны корпорации все документы подписал …`: the corporation named before too
                signers = with_heads_named(signers, named_by_head(doc, sentences, index))
                # (`Остальные документы со стороны банка подписала …`: those told next, not the last one)
                follows_deal = found and index - last_index <= FOLLOW_UP_SENTENCES and not _the_rest(sent)
                if follows_deal and one_side and one_side[-1][0] == sentences[index - 1].end \
                        and not any(m.start >= one_side[-1][0] for m in found):
                    # `Три соглашения заключены с новыми резидентами. Документы с компаниями подписала
                    # управляющая компания — АО «Х», все соглашения скрепил подписью её директор …`:
                    # the side of the deals told next, its signer with it, not of one told before
                    start, sides = one_side[-1]
                    one_side[-1] = (start, sides + [p for p in signers if not any(same_party(p, q) for q in sides)])
                    continue
                if follows_deal:
                    # `Документы подписали директор «Х» … и …` after them: each joins his side's;
                    # after several told together (`… соглашения с «А», «Б» и «В». От имени региона
                    # документы подписал …`), every one of them of his side
                    recent = _recent(found, sentences, index)
                    together = [m for m in found if doc[m.start].sent.start == doc[found[-1].start].sent.start]
                    if len(together) > 1:
                        place_by_side(doc, signers, together, together, latest_first=False)
                    else:
                        place_by_side(doc, signers, recent, recent)
                    last_index = index
                else:
                    shared.append((sent.end, signers, None))
                continue
            ahead = signs_next(doc, sent) if not mentions and sign else 0
            if ahead:  # `Ещё два документа со стороны региона подписал министр …. Первый — с …`
                signers = signing_parties(doc, sent, places)
                shared.append((sent.end, signers, ahead))
                if _the_rest(sent) and not untold.count:
                    # `Остальные три документа … подписал …. Партнёрами выступили ООО «А» (…), АО «Б» …`:
                    # the partners the sentences after name, one agreement each, the signer's side the other
                    untold = Untold(ahead, last_kind_before(doc, sent.start) or "соглашение", index + PARTNERS_TOLD_REACH)
                    one_side.append((sent.end, [p for p in signers if p.type != PER]))
                continue
            counted = signed_back(doc, sent) if not mentions and sign else None
            if counted and len(found) < counted:
                # `Оба документа подписал вице-губернатор …` before the two are named; `Со стороны
                # корпорации все три документа подписал …`: the corporation named before too
                heads = named_by_head(doc, sentences, index)
                shared.append((sent.end, with_heads_named(signing_parties(doc, sent, places), heads), counted))
                continue
            if counted:
                # `Все три документа со стороны управляющей компании подписал …`: the ones just listed
                # (`…, со стороны инвесторов — директор «А» … и директор «Б» …`: each investor's own)
                kind = kind_signed_back(doc, sent)  # (`Все три соглашения …` after a lease: not the lease)
                last = _last_agreements([m for m in found if kind is None or m.kind == kind], counted)
                signers = [p for p in signing_parties(doc, sent, places) if not _closes_speech(doc, sent, p.start)]
                if any(p.type == PER for p in signers):
                    second = _second_side(doc, sent)
                    for party in signers:  # after a second side (`со стороны инвесторов — директор «А» …`),
                        # an organisation signing one of them alone, and its signer, join that one
                        owners = sides_of(doc, party, last) if second is not None and party.start > second \
                            and _org_side(doc, party) else []
                        for mention in owners if len(owners) == 1 else last:
                            mention.parties.append(party)
                else:
                    for mention in last:
                        _add_signers(doc, sent, mention, signers)
                continue
            split = plural_by_subjects(doc, sent, lambda: _with_role_partner(doc, sent, signing_parties(doc, sent, places)),
                                       AgreementMention) \
                if not mentions and sign else []
            if split:  # `ООО «А» и АО «Б» подписали договоры аренды с АО «Х»`: one each
                bracketed_party_sums(doc, sent, split)  # (`ООО «А» (1,1 млрд рублей) и …`)
                found.extend(split)
                last_index = index
                continue
            many = signs_with_many(doc, sent, many_kind_at) if not mentions and sign else None
            if many:
                # `КРДВ … заключила с новыми резидентами соглашения`: one side of the deals told next
                sides = signing_parties(doc, sent, places)
                if many == "partners":  # the subject signs with them all
                    sides = _with_subject(doc, sentences, index, places, park_names, sides)
                    # (`Соглашения с ними заключены …`: the partners the sentences before counted)
                    count = partners_counted_before(doc, sentences, index) if with_them(doc, sent) \
                        else partners_counted(doc, sent)
                    untold = _untold(doc, sent, index, count, plural_kind_at)
                    # `подписал три соглашения с инвесторами`: partners uncounted wait for a sentence
                    # that counts the deals left (`Ещё два соглашения касаются …`)
                    lapsed = _untold(doc, sent, index, deals_counted(doc, sent, many_kind_at), plural_kind_at)
                elif count := deals_counted(doc, sent, many_kind_at) or subjects_counted(doc, sent) \
                        or partners_counted_before(doc, sentences, index):
                    # `Три договора подписали резиденты … с УК`, `договоры аренды подписали сразу две компании`,
                    # `… проекты трёх новых резидентов. … новички подписали соглашения с АО «Х»`
                    untold = _untold(doc, sent, index, count, many_kind_at)
                one_side.append((sent.end, [p for p in sides if p.type != PER or is_signing_subject(doc, sent, p)]))
            elif not mentions and sign and _counts_documents(doc, sent):
                # `Правительство области подписало на форуме 12 соглашений`: the side of the deals
                # told next with a partner alone
                subjects = [p for p in signing_parties(doc, sent, places) if p.type != PER and is_signing_subject(doc, sent, p)]
                referred = referred_party(doc, sentences, index, places, park_names) if not subjects else None
                if referred is not None and is_signing_subject(doc, sent, referred):
                    subjects = [referred]  # `За год предприятие заключило 318 договоров …`
                if subjects:
                    hosts.append((sent.end, subjects))
            if not mentions and sign and unnamed and index - unnamed[0] <= FOLLOW_UP_SENTENCES \
                    and (not found or found[-1].start < unnamed[1].start) and _names_the_document(sent):
                # `Сегодня в Перми подписано соглашение … Документ подписали министр … и директор …`
                parties = signing_parties(doc, sent, places)
                if any(p.type == PER for p in parties):
                    unnamed[1].parties = parties
                    found.append(unnamed[1])
                    last_index, unnamed = index, None
                    continue
            if not mentions:
                roles = role_parties(doc, sent, places) if found and index - last_index <= FOLLOW_UP_SENTENCES else []
                if roles and add_role_parties(found[-role_count(sent):], roles, same_party):
                    last_index = index  # `Концессионером стало ООО «Х»`, `Заказчиком выступает АО «Y»`
                    continue
                # (`Вложения ПЗПТ по этому документу составят …`: a sum given keeps the agreement told
                # for its signers, not for roles: `Генподрядчиком выступит ООО «Х»` a paragraph on)
                if found and index - max(last_index, summed_index) <= FOLLOW_UP_SENTENCES:
                    # (`Со стороны компаний — гендиректор «А» … и директор «Б» …`: the signing verb elided)
                    if (sign or _represents(sent) or _side_signers(sent)) and not _counts_documents(doc, sent):  # `заключила 23 соглашения`: a total
                        recent = _recent(found, sentences, index)
                        if (_names_the_document(sent) or _signed_pronoun(doc, sent)) and _named_alone(doc, found):
                            recent = found[-1:]  # `Второе соглашение заключено с «Y». Со стороны региона документ подписал …`
                        them = group if _signed_them(doc, sent) and group and group[-1] is found[-1] else []
                        if them:  # `С каждой из компаний хокимият подписал … От хокимията их подписал …`: all of them
                            for mention in them:
                                _add_signers(doc, sent, mention, signing_parties(doc, sent, places))
                            last_index = index
                        elif _add_signers(doc, sent, found[-1], signing_parties(doc, sent, places), recent, places):
                            last_index = index  # `От имени области документ подписал … За инвесторов расписались …`
                    if give_named_sums(doc, named, found, sentence_parties(doc, sent, places, False)):
                        summed_index = index
                elif found and (index - last_index <= NAMED_SUM_SENTENCES or len(found) == 1 and sign
                                and _names_the_document(sent) and _side_openings(sent)):
                    # `Сумма договора … составит 21 млн рублей` a paragraph on: a kind known before
                    # (`Со стороны фонда документ подписала …` however far on, when one agreement is told)
                    give_named_sums(doc, [n for n in named if names_known_kind(doc, n, found)], found)
                    if sign and _names_the_document(sent):  # `Подписи под документом поставили …`
                        signed = (_spoken_of_before(doc, sent, found, places) or found[-1:])[0]
                        if _add_signers(doc, sent, signed, signing_parties(doc, sent, places)):
                            last_index = index  # (`Со стороны компании подпись поставил …` next)
                continue
            plural = bool(found) and sign and _plural_subject(sent)
            parties = signing_parties(doc, sent, places) if plural \
                else _with_subject(doc, sentences, index, places, park_names, signing_parties(doc, sent, places)) \
                if sign else sentence_parties(doc, sent, places, sign)
            if not sign and mentions and all(m.anaphoric and m.kind in {f.kind for f in found} for m in mentions):
                # `Меморандум предполагает, что компании смогут выходить на рынки ЕАЭС`: the one
                # named before, spoken of; only a partner after `с`/`между` makes it another
                parties = [p for p in parties if after_partner_word(doc, p, PARTNER_PREPOSITIONS)]
            if index > 0 and mentions and all(m.anaphoric for m in mentions) and not _names_sides(sent):
                # (`стороны подписали`: read below, with who `стороны` are)
                agreed = came_to_terms(doc, sentences[index - 1], places)
                if agreed and all(any(same_party(p, q) for q in agreed) for p in parties if p.type != PER):
                    # `X и Y договорились о … Соответствующее соглашение подписали аким … и директор
                    # завода …`: theirs, a new one, its signers beside them
                    parties = parties + [q for q in agreed if not any(same_party(q, p) for p in parties)]
                    for mention in mentions:
                        mention.anaphoric = False
            # `Со стороны холдинга соглашение подписала …`: signers of the agreement already known
            again = bool(found) and any(m.anaphoric and m.kind == found[-1].kind for m in mentions)
            known = _known_kinds_signed(mentions, parties, found)
            if known:  # `От имени региона соглашение и меморандум подписал …`: both named before
                for mention in known:
                    mention.parties += [p for p in parties if p.type != PER]
                place_by_side(doc, [p for p in parties if p.type == PER], known, known, latest_first=False)
                last_index = index
                continue
            if found and mentions and all(m.anaphoric and m.kind in {f.kind for f in found} for m in mentions) \
                    and _one_of_many(doc, sent):
                # `Меморандум стал одним из шести документов на общую сумму 410 млн долларов,
                # подписанных в ходе визита делегации …`: the one named before, counted among others
                continue
            if not parties and _names_found_again(doc, sent, mentions, found):
                # `Меморандум стал крупнейшим …`, `Сумма соглашения не раскрывается`: one named before
                read_sums(doc, sent, mentions)
                give_sums_back([m for m in mentions if m.sum], found)
                continue
            if plural and not any(p.type != PER for p in parties):
                # `Кроме того, компании оформили соглашение о …`: the companies of the last deal
                parties = parties + [p for p in found[-1].parties if p.type != PER]
            met = meeting_before(doc, sentences, index, places) if _names_sides(sent) and not parties else []
            if met:  # `Мэр … провёл встречу с … Компания намерена … По итогам встречи стороны подписали …`
                parties = met
            if not sign and mentions and all(party.type == PER for party in parties):
                partner = pronoun_partner(doc, sentences, index, places)
                parties = parties + ([partner] if partner is not None else [])  # `С ним у нас пятилетний договор поставки`
            if all(party.type == PER for party in parties):
                sides = _names_sides(sent) and index > 0 and agrees(sentences[index - 1])
                nearby = parties_nearby(doc, sentences, index, places, sign, back_only=again or sides)
                if sides and nearby:  # `Компания договорилась с «Х» … Стороны подписали …`
                    nearby = _with_subject(doc, sentences, index - 1, places, park_names, nearby)
                parties += nearby
            if not sign and index > 0:
                parties = our_side(doc, sentences[index - 1], sent, parties) + parties
            parties = ours_named(doc, sent, parties)
            # `между министерством и корпорацией «Y»`: the ministry named before
            parties = with_heads_named(parties, named_by_head(doc, sentences, index))
            share_parties(doc, mentions, parties)
            mentions = split_by_subjects(doc, sent, mentions, AgreementMention)
            read_sums(doc, sent, mentions)
            if not sign and found and index - last_index <= FOLLOW_UP_SENTENCES:
                give_sums_back([m for m in mentions if not m.parties and m.sum], found)
            kept = [m for m in mentions if m.parties]
            if sign and mentions and not kept and len(mentions) == 1 and not mentions[0].anaphoric:
                unnamed = (index, mentions[0])  # signed, no side named yet
            found.extend(kept)
            last_index = index if kept else last_index
            if kept and _give_respectively(doc, found, sentences, index, places):
                named = []  # `… подписала соглашения с «А» и «Б», по которым … вложат 1,8 млрд руб. и $4,7 млн соответственно`
            give_named_sums(doc, named, found)
        add_sales(doc, sentences, found, sales(doc, sentences, places, park_names), AgreementMention)
        add_shared_signers(doc, found, shared)
        add_missing_side(doc, found, one_side)
        add_host_side(found, hosts, lambda mention: partner_alone(doc, mention))
        add_story_company(doc, found, lambda: story_company(doc, sentences, places, park_names),
                          lambda mention: partner_alone(doc, mention))
        name_persons_fully(doc, found)
        _expand_aliases(doc, found)
        add_signer_sides(doc, found)
        merged = with_full_names(merge_mentions(doc, found), latin_org_names(doc))
        legal = legal_form_org_names(doc)
        merged = with_legal_names(merged, legal, park_names)
        merged = with_declined_names(merged, legal,
                                     [strip_quotes(span.text) for span in legal_form_quotes(doc)])
        merged = without_parent_names(merged, park_names)
        merged = with_states_named(merged, _bodies_with_states(doc))
        merged = without_headline_restatements(doc, merged)
        places = [region_name(ent) for ent in entities(doc) if ent.label_ == "LOC" and not _inside_a_name(doc, ent)]
        merged = with_fuller_names(merged, names_written(doc))
        doc._.agreements = [to_dict(a) for a in with_formal_regions(merged, places)]
        return doc


def _expand_aliases(doc, found: List[AgreementMention]) -> None:
    """`ООО «Западносибирский полимерный завод» («Запсибполимер»)`: a party named by its alias
    (`с „Запсибполимером“`) is the company under its full name; so is one named by the last words
    of a company's name (`Корпорация развития` after `АО «Верхневолжская корпорация развития»`)."""
    named = legal_form_org_names(doc)
    for mention in found:
        for k, party in enumerate(mention.parties):
            named_self = self_named(doc, party.name) if party.type == ORG and is_self_reference(party.name) else None
            if named_self:  # `Банк и фонд подписали …` in the bank's release: the bank
                mention.parties[k] = Party(party.start, party.end, named_self, ORG, party.governed)
            elif party.type == ORG:
                full = _fuller_name(doc, expand_abbreviation(doc, party.name), named)
                if full != party.name:
                    mention.parties[k] = Party(party.start, party.end, full, ORG, party.governed)
        mention.parties = distinct_by_name(mention.parties)


def _fuller_name(doc, name: str, named: List[str]) -> str:
    """The one name written with a legal form that ends in the words of `name` and has more of
    them, for a name of two words or more opening with an organisation's noun (ORG_NOUNS) that the
    text never quotes; else `name`."""
    words = name_lemmas(name)
    if len(words) < 2 or words[0] not in ORG_NOUNS or f"«{name}»" in doc.text:
        return name  # (a name opening with an organisation's noun: not `Омская область`)
    fuller = {full for full in named if len(name_lemmas(full)) > len(words) and name_lemmas(full)[-len(words):] == words}
    return fuller.pop() if len(fuller) == 1 else name


def _closes_speech(doc, sent, i: int) -> bool:
    """`«Без воды парк не мог … Соглашение снимает главное ограничение», — пояснил …`: token i
    inside a quote that opens its sentence (or a sentence before) and closes with `», —`."""
    words = [t for t in sent if not t.is_space]
    closing = next((k for k, t in enumerate(words) if t.text in {"»", "\""} and t.i > i and k + 2 < len(words)
                    and words[k + 1].text == "," and words[k + 2].text in DASHES), None)
    if closing is None:
        return False
    opens = 1 if words[0].text in {"«", "\""} else 0
    return not any(t.text in {"«", "»", "\""} for t in words[opens:closing] if t.i < i)


def _bodies_with_states(doc) -> List[str]:
    """The state bodies the text names with the region or country they belong to."""
    return [name for sent in doc.sents for start, end, name in state_body_spans(doc, sent)
            if doc[end - 1].ent_type_ == "LOC" or doc[end - 1].text.isupper()]


def _with_subject(doc, sentences, index: int, places: set, park_names: set, parties: List[Party]) -> List[Party]:
    """A signing sentence's parties with the subject a common noun stands for (`Компания
    подписала …`) or the sentence left out (`Кроме того, подписал соглашение …`)."""
    referred = (referred_party(doc, sentences, index, places, park_names)
                or elided_subject(doc, sentences, index, places))
    # `Корпорация развития … подписала`: a noun heading a name of its own refers to nothing
    # (`вместе с правительством Ярославской области мы подписали`: the region inside the
    # speaker's corporation's name is another party)
    if referred is not None and not any(same_typed_party(referred, p) or p.start <= referred.start < p.end
                                        for p in parties):
        parties = sorted(parties + [referred], key=lambda party: party.start)
    parties = _joined(parties, pronoun_partner(doc, sentences, index, places)
                      or referred_partner(doc, sentences, index, places, park_names))
    parties = _with_role_partner(doc, sentences[index], parties)
    parties = _joined(parties, elided_author(doc, sentences, index))  # `Сегодня подписал соглашение …` in a post
    # `С дирекцией СЭЗ подписан договор аренды` in a release
    return _joined(parties, release_side(doc, sentences[index], parties))


def _joined(parties: List[Party], party: Optional[Party]) -> List[Party]:
    """The parties, in text order, with `party` among them unless it is None or there already."""
    if party is None or any(same_typed_party(party, p) for p in parties):
        return parties
    return sorted(parties + [party], key=lambda found: found.start)


def _with_role_partner(doc, sent, parties: List[Party]) -> List[Party]:
    """The parties and the park's operator a bare `с управляющей компанией` stands for (role_partner)."""
    return _joined(parties, role_partner(doc, sent))


def _listed(doc, sentences, index: int, places: set, park_names: set) -> List[AgreementMention]:
    """`подписал три соглашения: с «А» на 1 млрд рублей, с «Б» …`: one agreement per partner."""
    sent = sentences[index]
    if not has_sign_verb(sent):
        return []
    signers = _with_subject(doc, sentences, index, places, park_names, signing_parties(doc, sent, places))
    listed = listed_agreements(doc, sent, signers, kind_at, match_agreement, _listed_mention, park_names)
    for _, span in listed:
        if span is not None:  # the sum is the agreement's, no total's
            add_evidence(doc, "agreement", span.start, span.end, "sum", "sum_of_listed_agreement")
    return [mention for mention, _ in listed]


def _each_of_lines(doc, sentences, index: int, places: set) -> Tuple[List[int], List[AgreementMention]]:
    """(the list's line sentences, one agreement per line) for `С каждой из компаний … подписал
    соглашение` after lines opening with companies, or ([], [])."""
    sent = sentences[index]
    if not any(word_lemmas(t) & {EACH} for t in sent):
        return [], []
    signers = [p for p in signing_parties(doc, sent, places)
               if not (p.start > sent.start and doc[p.start - 1].lower_ == "из")]  # (`из компаний`: the listed ones)
    return each_of_lines_before(doc, sentences, index, signers, lambda s: sentence_parties(doc, s, places, True),
                                _listed_mention)


def _bulleted(doc, sentences, index: int, places: set) -> list:
    """Deals on bullet lines after a signing sentence that ends with a colon and counts them, in
    itself or in the two sentences before (`Два … контракта. Оба подписаны с … и …:`, `… подписал
    пять соглашений … Проекты позволят … Со стороны инвесторов документы подписали:`); or lines
    opening with `с` after a counting signing sentence up to two sentences before (`Сегодня
    подписал четыре соглашения … Это новые производства …` / `🔹 с компанией «А» — …`), or after
    one signer of all the documents named up to three sentences before (_many_signers)."""
    sent = sentences[index]
    words = [t for t in sent if not t.is_space]
    colon = len(words) >= 2 and words[-1].text == ":" and has_sign_verb(sent)
    if not colon and not _bullet_deal_next(sentences, index):
        return []
    scope = doc[sentences[max(0, index - 2)].start:sent.end]
    kinds = [kind for kind, t in ((kind_at(doc, t.i), t) for t in scope)
             if kind and (is_plural(doc, t.i) or is_counted(doc, t.i))]
    if not kinds and any(t.lemma_.lower() == DOCUMENT and is_counted(doc, t.i) for t in sent):
        # `Подписал четыре документа с инвесторами:` before `🔹 с ООО «А» — соглашение …`: each
        # line's own kind, an agreement where it names none
        kinds = [(None, DEFAULT_KIND)]
    many = _many_signers(doc, sentences, index, places) if not colon else []
    if not kinds and many:
        kinds = [(None, DEFAULT_KIND)]  # (`Со стороны компаний соглашения подписали …`, a number the tagger missed)
    if not kinds:
        return []
    # (`губернатор … и руководители компаний подписали соглашения:` before lines opening with the
    # partners' names: he signs each; before lines of signers, the lines tell them)
    # (`глава района подписал три соглашения:` before `• с ООО «А» — …`: the lines name partners, he signs each)
    signers = [p for p in signing_parties(doc, sent, places) if p.type != PER or _bullet_deal_next(sentences, index)] \
        if colon else []
    if signers and not any(p.type == PER for p in signers):
        # `Глава Чувашии Андрей Ерлыков … подписал четыре соглашения … Соглашения правительства
        # Чувашской Республики заключены:` the person counting the documents signs each too
        signers = signers + _counting_signers(doc, sentences, index, places)
    counting = None
    if not signers:
        # `Глава региона Дмитрий Кулешов подписал пять соглашений … Со стороны инвесторов документы
        # подписали:` the counting signer, and his region, sign each deal of the lines; with no
        # colon, `Сегодня подписал четыре соглашения … Это новые производства …` and the lines
        # after (`🔹 с компанией «А» — …`) in a post its author signs
        counting = _counting_sentence(doc, sentences, index, max(0, index - 2))
        if counting is not None:
            before = sentences[counting]
            # (`От имени региона все четыре документа подписал глава области`: the signer after the verb)
            signers = [p for p in signing_parties(doc, before, places) if is_signing_subject(doc, before, p)
                       or p.type in {LOC, PER}]
            author = (elided_author(doc, sentences, counting) or elided_subject(doc, sentences, counting, places)
                      if not signers else None)
            signers = [author] if author is not None else signers
            for later in sentences[counting + 1:index + 1]:
                if has_sign_verb(later) and signs_many(doc, later):
                    # `… подписало три соглашения. От имени области все документы подписал первый
                    # вице-губернатор …` before the lines: he signs each of them too
                    signers = signers + [p for p in _sign_clause_parties(doc, later, first_sign_verb(later), places)
                                         if p.type == PER and not any(same_party(p, q) for q in signers)]
        if counting is None and not colon:
            # `От имени региона документы … подписал Премьер-министр … Азат Шарипов. … Среди
            # ключевых документов:` before `— с ООО «А» — …`: he, and his side, sign each line's deal
            signers = many
            if not signers:
                return []
    return bulleted_agreements(doc, sentences, index, signers, kinds[-1][1],
                               lambda s: sentence_parties(doc, s, places, True), _listed_mention, _line_kind)


DEFAULT_KIND = "соглашение"
RESPECTIVE_REACH = 3  # sentences from the agreements told together to their sums `соответственно`


def _give_respectively(doc, found: List[AgreementMention], sentences, index: int, places: set) -> bool:
    """`… подписаны два соглашения — с ООО «А» и АО «Б». … По соглашениям компании вложат 3,4 млрд
    и около 920 млн рублей соответственно`: each agreement told together last takes its sum in
    order, when there are as many sums as agreements; `По соглашениям с «А» и «Б» …`: the
    agreements with the partners the sentence names, in their order. Whether they took them."""
    sums = respective_sums(doc, sentences[index])
    if not sums or not found:
        return False
    owners = _agreements_of_named(doc, found, sentences[index], places)
    if len(owners) != len(sums):
        last = doc[found[-1].start].sent.start
        owners = [m for m in found if doc[m.start].sent.start == last]  # those told together last
        earliest = sentences[max(0, index - RESPECTIVE_REACH)].start
        if len(owners) != len(sums) or not earliest <= last <= sentences[index].start:
            return False
    for mention, (money, span) in zip(owners, sums):
        mention.sum = money
        add_evidence(doc, "agreement", span.start, span.end, "sum", "sum_told_respectively")
    return True


def _agreements_of_named(doc, found: List[AgreementMention], sent, places: set) -> List[AgreementMention]:
    """The last agreement with each organisation the sentence names, in its order ([] unless each
    has one and they are distinct)."""
    named = [p for p in sentence_parties(doc, sent, places, False) if p.type == ORG]
    owners = [next((m for m in reversed(found) if any(same_party(p, q) for q in m.parties)), None) for p in named]
    if not owners or None in owners or len({id(m) for m in owners}) != len(owners):
        return []
    return owners


def _many_signers(doc, sentences, index: int, places: set) -> List[Party]:
    """The person, and the side he speaks for, who signs all the documents (`От имени региона
    документы подписал …`, signs_many) in a sentence up to COUNTING_REACH before a list; []."""
    for k in range(index, max(0, index - COUNTING_REACH) - 1, -1):
        sent = sentences[k]
        verb = first_sign_verb(sent)
        if verb is not None and verb.morph.get("Number") == ["Sing"] and signs_many(doc, sent):
            parties = _sign_clause_parties(doc, sent, verb, places)
            if any(p.type == PER and sent.start <= p.start < sent.end for p in parties):
                return [p for p in parties if p.type in {LOC, PER} or is_signing_subject(doc, sent, p)]
    return []


def _sign_clause_parties(doc, sent, verb, places: set) -> List[Party]:
    """The signing parties of the clause of `verb`: past a clause of another verb before it and
    its comma (`Российскую делегацию возглавил …, от хокимията все документы подписал …`)."""
    start = sent.start
    for t in doc[sent.start:verb.i]:
        if t.text == "," and _has_own_verb(doc[start:t.i]):
            start = t.i + 1
    return [p for p in signing_parties(doc, sent, places) if p.start >= start]



def _has_own_verb(tokens) -> bool:
    """A finite verb not inside a relative clause (`Губернатор …, который возглавил делегацию,`)."""
    for t in tokens:
        if RELATIVE in word_lemmas(t) or t.morph.get("PronType") == ["Rel"]:  # (the tagger's lemma may be `которая`)
            return False
        if t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Fin"]:
            return True
    return False


COUNTING_REACH = 3  # sentences back to `Глава … подписал четыре соглашения` before the list's own colon


def _counting_signers(doc, sentences, index: int, places: set) -> List[Party]:
    """The persons who sign in a sentence up to COUNTING_REACH before that counts the documents."""
    k = _counting_sentence(doc, sentences, index - 1, max(0, index - COUNTING_REACH))
    return [p for p in signing_parties(doc, sentences[k], places) if p.type == PER] if k is not None else []


def _counting_sentence(doc, sentences, last: int, first: int) -> Optional[int]:
    """The latest sentence from `last` back to `first` that signs and counts the documents
    (`Глава … подписал четыре соглашения`), or None."""
    return next((k for k in range(last, first - 1, -1)
                 if has_sign_verb(sentences[k]) and _counts_documents(doc, sentences[k])), None)


def _line_kind(sent) -> Optional[str]:
    """The kind a list's line names for its deal (`— специальный инвестиционный контракт`), not
    one its sum's cue speaks of (`объём инвестиций по соглашению`)."""
    doc = sent.doc
    for t in sent:
        match = match_agreement(doc, t.i)
        if match and not (t.i > sent.start and word_lemmas(doc[t.i - 1]) & load_set("agreement_sum_cues.txt")):
            return match[1]
    return None


def _name_line_next(sentences, index: int) -> bool:
    """Whether the sentence after sentences[index] is a list's line opening with a company's name."""
    if index + 1 >= len(sentences):
        return False
    line = [t for t in sentences[index + 1] if not t.is_space]
    opening = marker_end(line)
    # (`— АО «А» и КФХ «Б» — договор на поставку …`: a line naming its own deal by kind is read
    # as a listed deal)
    return opening is not None and len(line) > opening + 1 and opens_company_name(line[opening]) \
        and _line_kind(sentences[index + 1]) is None


def _bullet_deal_next(sentences, index: int) -> bool:
    """Whether the sentence after sentences[index] is a list's line opening with `с` (`🔹 с АО «Х» — …`)
    or with a company's name (`1) ООО «Х» — модернизация линии; по соглашению — 1,35 млрд руб.`)."""
    if index + 1 >= len(sentences):
        return False
    line = [t for t in sentences[index + 1] if not t.is_space]
    opening = marker_end(line)
    if opening is None or len(line) <= opening + 1:
        return False
    return line[opening].lower_ in WITH or _name_line_next(sentences, index)


def _listed_mention(start: int, end: int, kind: str, parties: List[Party], money) -> AgreementMention:
    return AgreementMention(start, end, kind, list(parties), money)


def _add_signers(doc, sent, agreement: AgreementMention, parties: List[Party], recent=None,
                 places: set = frozenset()) -> bool:
    """`Документ подписали глава региона … и генеральный директор «Y» …`: the signers join;
    so does the partner of `Документ подписан с ООО «Y»`. A signer whose side signed another of
    the `recent` agreements joins that one. Whether any joined."""
    parties = [p for p in parties if not _closes_speech(doc, sent, p.start)]  # (words said name no signer)
    if not any(party.type == PER for party in parties):
        parties = [p for p in parties if _names_the_document(sent) and after_partner_word(doc, p)]
    if recent:
        place_by_side(doc, parties, recent, _spoken_of_before(doc, sent, recent, places) or [agreement])
    else:
        agreement.parties.extend(parties)
    return bool(parties)


RECENT_SENTENCES = 8  # agreements a signer named after them may belong to
THEM = "их"


def _signed_them(doc, sent) -> bool:
    """`От хокимията их подписал …`: `их` right before or after the signing verb."""
    verb = first_sign_verb(sent)
    return verb is not None and any(0 <= j < len(doc) and doc[j].lower_ == THEM for j in (verb.i - 1, verb.i + 1))


def _spoken_of_before(doc, sent, recent: List[AgreementMention], places: set) -> List[AgreementMention]:
    """`«ОмскБиоПласт» разместит производство … Документ от компании подписал её основатель …`:
    a signer of `компании` (or `её`, `его`) with no side of his own signed the recent agreement
    of the organisation the sentence before, in its paragraph, opens with."""
    if not any(word_lemmas(t) & load_set("subject_nouns.txt") or t.lower_ in OBJECT_PRONOUNS for t in sent):
        return []
    before = sentence_before(doc, sent)
    if before is None or paragraph_start(doc, sent.start) > before.start:
        return []
    first = next((p for p in sentence_parties(doc, before, places, False) if p.type == ORG), None)
    owners = [m for m in recent if first is not None and any(same_party(first, q) for q in m.parties)]
    return owners[-1:]


def _recent(found: List[AgreementMention], sentences, index: int) -> List[AgreementMention]:
    floor = sentences[max(0, index - RECENT_SENTENCES)].start
    return [m for m in found if m.start >= floor] or found[-1:]


def _the_rest(sent) -> bool:
    """`Остальные документы …`: the documents other than those told, told next."""
    return any(word_lemmas(t) & THE_REST for t in sent)


def _side_signers(sent) -> bool:
    """`Со стороны компаний — гендиректор «А» Павел Ермилов и …`: a side opening the sentence,
    then a dash, the signers after it."""
    words = [t for t in sent if not t.is_space]
    return opens_with_side(words) and any(t.text in DASHES for t in words[2:6])


def _represents(sent) -> bool:
    """`Муниципалитет представлял глава Красноуфимска …` after a signing: who signed for a side
    (rules/signer_verbs.txt)."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in load_set("signer_verbs.txt") for t in sent)


def _new_company_subject(doc, sent, named: List[NamedSum], found: List[AgreementMention], places: set) -> bool:
    """`ООО «Кубань-Стекло» по условиям подписанного соглашения вложит …`: an organisation
    named in quotes or with its legal form, opening the sentence before the named agreement,
    that no agreement found holds."""
    first = min(n.noun for n in named)
    companies = [p for p in sentence_parties(doc, sent, places, False) if p.type == ORG and p.start < first]
    if not companies:
        return False
    i = companies[0].start
    while i > sent.start and before_name(doc[i - 1]):
        i -= 1
    opens = not any(not t.is_space for t in doc[sent.start:i])
    named = any(t.text in {"«", "\""} or is_legal_form(t.text) for t in doc[i:companies[0].end])  # not `Оренбургский завод`
    return opens and named and not any(same_party(companies[0], q) for m in found for q in m.parties)


ONE_OF_REACH = 4  # `одним из шести подписанных документов`: words from `из` to the plural noun


def _one_of_many(doc, sent) -> bool:
    """`одним из шести документов`, `одно из 14 соглашений`: one of a plural of agreements or documents."""
    for t in sent:
        if word_lemmas(t) & ONE and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "из":
            if any(doc[k].morph.get("Number") == ["Plur"] and (kind_at(doc, k) or word_lemmas(doc[k]) & {DOCUMENT})
                   for k in range(t.i + 2, min(sent.end, t.i + 2 + ONE_OF_REACH))):
                return True
    return False


def _names_missing_partner(doc, sent, mention: AgreementMention, found: List[AgreementMention], places: set) -> bool:
    """Whether words said name a partner after `с` (`«Мы подписали с „Ока-Подшипник“ соглашение»`)
    while the agreement of that kind told before has no organisation."""
    last = next((f for f in reversed(found) if f.kind == mention.kind), None)
    if last is None or any(p.type == ORG for p in last.parties):
        return False
    return any(p.type == ORG and after_partner_word(doc, p, WITH) for p in sentence_parties(doc, sent, places, True))


def _names_found_again(doc, sent, mentions: List[AgreementMention], found: List[AgreementMention]) -> bool:
    """Whether every mention of a sentence naming no party is an agreement of a kind already
    found, opening its sentence or governed by a noun before it (`Сумма соглашения …`)."""
    kinds = {m.kind for m in found}
    return bool(mentions) and all(m.kind in kinds and (m.anaphoric or is_governed_reference(doc, sent, m.start))
                                  for m in mentions)


def _known_kinds_signed(mentions: List[AgreementMention], parties: List[Party],
                        found: List[AgreementMention]) -> List[AgreementMention]:
    """The agreements found last of each kind a sentence names, when it names two kinds or
    more, all found before, and persons sign, beside no organisation new to them (`От имени
    региона соглашение и меморандум подписал первый заместитель председателя правительства …`)."""
    kinds = {m.kind for m in mentions}
    if len(kinds) < 2 or not any(p.type == PER for p in parties):
        return []
    last = [next((f for f in reversed(found) if f.kind == kind), None) for kind in kinds]
    if None in last or any(p.type == ORG and not any(same_party(p, q) for m in last for q in m.parties)
                           for p in parties):
        return []
    return sorted(last, key=lambda m: m.start)


def _names_sides(sent) -> bool:
    """`Соглашение стороны подписали …`: the sides are the parties named before."""
    return any(t.lemma_.lower() == SIDE and t.morph.get("Number") == ["Plur"] and t.morph.get("Case") == ["Nom"]
               for t in sent)


def _inside_a_name(doc, ent) -> bool:
    """`Корпорацией развития Чувашской Республики`, `министр … энергетики Чувашской Республики`:
    a region closing another body's name or a title, after a common noun (not `Правительство`)."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.text.islower() and not is_government(before)


def _counts_documents(doc, sent) -> bool:
    """`республика заключила с инвесторами 23 соглашения`: a count of agreements, a total."""
    return any(word_lemmas(t) & load_set("agreement_references.txt") and is_counted(doc, t.i) for t in sent)


def _plural_subject(sent) -> bool:
    """A plural subject noun of rules/subject_nouns.txt before the sign verb: `компании`."""
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in load_set("sign_verbs.txt"):
            return False
        if token.pos_ == "NOUN" and token.lemma_.lower() in load_set("subject_nouns.txt") \
                and token.morph.get("Number") == ["Plur"] \
                and token.morph.get("Case") == ["Nom"]:
            return True
    return False


@Language.factory("agreement_extractor", assigns=["doc._.agreements", "doc.spans"],
                  requires=["doc.ents", "doc._.parks"])
def make_agreement_extractor(nlp, name):
    return AgreementExtractor()
