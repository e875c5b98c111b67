"""Operators named by a word that stands for an organisation named before.

News name the operating company once and then speak of it as `компания`, `корпорация`,
`она` or, in an interview, `мы`:
`… генеральный директор ООО «Х» … Компания управляет парком с 2019 года`,
`«Х» станет управляющей компанией. Ранее она построила индустриальный парк «Y»`,
`Корпорация управляет двумя площадками — индустриальным парком «A» … и технопарком «B»`,
`Генеральный директор УК «Х» Иван Петров, чья компания управляет технопарком «Y»`.

The word is the subject of an operator verb (rules/operator_verbs.txt) whose object is
the park: the park right after the verb (past an adverb or a place: `построит в
Тимашевском районе агропромышленный парк «Y»`), a list of parks after a dash, or `им`
for the park named just before. A park after a preposition (`построит завод в парке «Y»`)
is where a resident builds, not what the company runs. In interviews a verb in the first
person plural with no `мы` (`Управляем обоими сами`) speaks for the company named first.

Also here: a park `перешёл под управление краевой корпорации развития`, the company a
following sentence names with those nouns.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional

from ..models import morph_analyzer
from ..numbers import parse_number
from ..records import ORG
from ..vocab import load_set, load_table
from .common import (POSSESSIVES, PRONOUN_REACH, add_evidence, contains_words, entities_in, in_round_brackets, is_bullet,
                     lemmas, nearest_before, parenthetical_start, quoted_spans, sentence_after, word_lemmas)
from .operator_objects import (LIST_OPENERS, coordinated, governs_park, is_count_modifier, keys_in_order, parks_count,
                               parks_counted_back, parks_named_next)
from .park_mentions import GENERIC_REFERENCES, ParkMention, match_kind, name_key, opens_with_counted_adjective
from .org_names import expand_abbreviation, is_short_name, legal_form_org_names, org_name
from .parties import sentence_parties
from .state_bodies import name_lemmas
from .party_references import bare_head_names, party_for_noun, quoted_speaker_org, referred_party, speaker_organisation

CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–", ".", "!", "?"}  # (a stop too: a quote the splitter kept whole)
OBJECT_REACH = 8        # `построит в Тимашевском районе агропромышленный парк «Y»`
OBJECT_PRONOUNS = {"им", "его", "ею", "ей", "ими", "их"}   # `мы управляем им с 2021 года`
SUBJECT_PRONOUNS = {"она", "он", "оно"}  # `АО «Х» … Ранее оно построило`
WHOSE = "чей"           # `Иван Петров, чья компания управляет …`


def attach_referred_operators(doc, sentences, mentions: List[ParkMention], parks) -> None:
    """Parks whose operator is named by a subject noun or pronoun; `mentions` include parks
    spoken of by kind (`управляет парком`). Parks with an operator keep it."""
    park_keys = {m.key for m in mentions}
    for index, sent in enumerate(sentences):
        for verb in sent:
            copula = verb.lemma_.lower() in load_set("operator_copulas.txt")  # `Компания является …`
            if not copula and (verb.pos_ != "VERB" or not word_lemmas(verb) & load_set("operator_verbs.txt")):
                continue
            earlier = sentences[index - 1].start if index else sent.start
            objects = _cue_objects(doc, sent, verb.i, mentions) if copula else \
                _objects(doc, sent, verb.i, mentions, earlier)
            targets = [m for m in objects if parks[m.key].park.operator is None]
            if not targets or _puts_a_case(doc, sent, verb.i) or _ran_before(verb):
                continue  # (`Когда компания управляет двумя-тремя объектами, …`: any company, a case put;
                # `Первые годы управлял технопарком сам университет`: a runner of the past)
            name = _subject_company(doc, sentences, index, verb.i, mentions, park_keys)
            for m in targets:
                if name and name_key(name) != m.key:
                    parks[m.key].park.operator = name
                    add_evidence(doc, "park", m.start, m.end, "operator", "operator_referred")


OPENING_WORDS = 3  # `Вторая площадка`, `Ещё одна площадка`: words before the park word, and it
OWNED_REACH = 4  # `Вторая площадка под управлением корпорации — …`: words from the park word to the noun


def attach_possessing_nouns(doc, sentences, mentions: List[ParkMention], parks) -> None:
    """`Вторая площадка корпорации — индустриальный парк «Кашинский»`, `Вторая площадка под
    управлением корпорации — …`: a park word (`площадка`, `парк`, `зона`) opening its
    sentence, a bare noun in the genitive (rules/operator_possessor_heads.txt) and, after a
    dash, the park: the noun stands for the company named before, its operator; a company named
    there (`Вторая площадка «Академпарк-Девелопмента» — …`, `УАИР`) is the operator. So does the
    noun after `под управлением` counting the parks named next (_attach_counted_under)."""
    places = {i for m in mentions for i in range(m.start, m.end)}
    park_keys = {m.key for m in mentions}
    for index, sent in enumerate(sentences):
        words = [t for t in sent if not t.is_space]
        _attach_counted_under(doc, sentences, index, words, mentions, parks, places, park_keys)
        opening = next((k for k, t in enumerate(words[:OPENING_WORDS]) if word_lemmas(t) & GENERIC_REFERENCES), None)
        if opening is None:
            continue
        for k in range(opening + 1, min(len(words) - 1, opening + 1 + OWNED_REACH)):
            noun, dash = words[k], words[k + 1]
            if dash.text not in LIST_OPENERS:
                continue
            park = next((m for m in mentions if dash.i < m.start <= dash.i + 3), None)
            if park is None:
                break
            if noun.lemma_.lower() in load_set("operator_possessor_heads.txt") and noun.morph.get("Case") == ["Gen"]:
                owner = party_for_noun(doc, sentences, index, noun.i, places, park_keys)
            else:  # `Вторая площадка «Академпарк-Девелопмента» — …`, `Вторая площадка УАИР — …`: named
                owner = _named_owner(doc, sent, words[opening].i + 1, dash.i)
            if owner is not None and owner.type == ORG and parks[park.key].park.operator is None \
                    and name_key(owner.name) not in park_keys:
                parks[park.key].park.operator = owner.name
                add_evidence(doc, "park", park.start, park.end, "operator", "operator_owning_noun")
            break


def _named_owner(doc, sent, start: int, end: int):
    """The one organisation named in [start, end), the whole of it but quotes, or None."""
    parties = [p for p in sentence_parties(doc, sent, set(), False) if p.type == ORG and start <= p.start and p.end <= end]
    inside = [t for t in doc[start:end] if not t.is_space and t.text not in {"«", "»", "\""}]
    if len(parties) != 1 or not all(parties[0].start <= t.i < parties[0].end for t in inside):
        return None
    # (an abbreviation the article never expands may be a kind of body: `Главная площадка СПК — …`)
    return None if is_short_name(parties[0].name) else parties[0]


UNDER = ("под", "управление")  # `Под управлением корпорации остаются два объекта.`


def _attach_counted_under(doc, sentences, index: int, words, mentions, parks, places, park_keys) -> None:
    """`Под управлением корпорации остаются два объекта. Индустриальный парк «А» … «Б» …`: the
    bare noun after `под управлением` stands for the company named before, the operator of as
    many parks as the sentence counts, named in the sentences after it; `под его управлением три
    площадки: «А», «Б» и «В»` makes the company named last before the operator of those listed."""
    sent = sentences[index]
    for k in range(len(words) - 2):
        if words[k].lower_ == UNDER[0] and words[k + 1].lower_ in POSSESSIVES and words[k + 2].lemma_.lower() == UNDER[1]:
            # `Сейчас под его управлением три площадки: индустриальные парки «А», «Б» и «В»`: the
            # company named last before, the parks listed after the count
            count = parks_count(doc, words[k + 2].i + 1, sent.end, back=False)
            opener = next((t.i for t in doc[words[k + 2].i + 1:sent.end] if t.text in LIST_OPENERS), None)
            listed = keys_in_order(m for m in mentions if opener is not None and opener < m.start < sent.end)
            targets = [m for m in mentions if m.key in listed] if count and len(listed) == count else []
            name = _last_named_company(doc, sentences, index, places, park_keys) if targets else None
        elif (words[k].lower_, words[k + 1].lemma_.lower()) == UNDER:
            noun = words[k + 2]
            if noun.lemma_.lower() not in load_set("operator_possessor_heads.txt") or noun.morph.get("Case") != ["Gen"]:
                return
            targets = parks_named_next(doc, sent, parks_count(doc, noun.i + 1, sent.end, back=False), mentions)
            owner = party_for_noun(doc, sentences, index, noun.i, places, park_keys) if targets else None
            name = owner.name if owner is not None and owner.type == ORG else None
        else:
            continue
        if name is None or name_key(name) in park_keys:
            return
        for m in targets:
            if parks[m.key].park.operator is None:
                parks[m.key].park.operator = name
                add_evidence(doc, "park", m.start, m.end, "operator", "operator_counted_under")
        return


def _last_named_company(doc, sentences, index: int, places, park_keys) -> Optional[str]:
    """The company named last in the sentences before this one, back to PRONOUN_REACH."""
    named = nearest_before(sentences, index, PRONOUN_REACH, lambda earlier: _companies(doc, earlier, places, park_keys))
    return named[-1].name if named else None


CUE_AFTER_COPULA = 5  # `является собственником территории и управляющей компанией`


def _puts_a_case(doc, sent, verb: int) -> bool:
    """`Когда компания управляет двумя-тремя объектами, …`: a clause opening with a word of
    rules/condition_words.txt puts a case, no fact."""
    opening = next((t for t in doc[_clause_start(doc, sent, verb):verb] if t.is_alpha), None)
    return opening is not None and opening.lower_ in load_set("condition_words.txt")


def _cue_objects(doc, sent, verb: int, mentions) -> List[ParkMention]:
    """`Компания является собственником территории и управляющей компанией промышленного
    парка «Y»`: after a copula, an operator cue noun and the park it governs."""
    from .park_operators import cue_end  # park_operators imports this module
    for i in range(verb + 1, min(sent.end, verb + 1 + CUE_AFTER_COPULA)):
        end = cue_end(doc, i, sent.end)
        if end is None or doc[end - 1].pos_ != "NOUN":
            continue
        governed = [m for m in mentions if end <= m.start <= end + 2 and not any(t.pos_ == "ADP" for t in doc[end:m.start])]
        if governed:
            return governed[:1]
    return []


def _ran_before(verb) -> bool:
    """`управлял`: an imperfective verb in the past, a runner that was (not `построила`, done);
    written as a past form too, as the tagger may take `Управляем` for one."""
    return verb.morph.get("Tense") == ["Past"] and verb.morph.get("Aspect") == ["Imp"] \
        and verb.lower_.endswith(PAST_ENDINGS)


PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")


def _clause_start(doc, sent, i: int) -> int:
    """The clause's first token, past a parenthetical phrase (`Корпорация, в свою очередь,
    управляет …`)."""
    start = i
    while start > sent.start:
        if doc[start - 1].text in CLAUSE_BREAKS:
            opening = parenthetical_start(doc, start - 1, sent.start)
            if opening is None:
                break
            start = opening  # (the word before the opening comma is read next)
            continue
        start -= 1
    return start


def _subject(doc, sent, verb: int) -> Optional[int]:
    """The subject word of the verb's clause: a noun of rules/subject_nouns.txt in the
    nominative with no name of its own after it, or a personal pronoun."""
    for token in doc[_clause_start(doc, sent, verb):verb]:
        lemma = token.lemma_.lower()
        if token.pos_ == "PRON" and (lemma in SUBJECT_PRONOUNS or lemma == "мы") \
                and token.morph.get("Case") in ([], ["Nom"]):
            return token.i
        if _bare_subject_noun(doc, token):
            return token.i
    # `Управляет технопарком сам университет`, `Создавал парк и управляет им сам университет`: the
    # subject after the verb's object, `сам` before it
    words = [t for t in doc[verb + 1:min(sent.end, verb + 1 + INVERTED_REACH)] if not t.is_space]
    itself = next((k for k, t in enumerate(words) if t.lemma_.lower() == ITSELF), None)
    if itself is not None and itself + 1 < len(words) and not any(t.text in CLAUSE_BREAKS for t in words[:itself]) \
            and _bare_subject_noun(doc, words[itself + 1]):
        return words[itself + 1].i
    return None


INVERTED_REACH = 5  # `управляет им сам университет`, `управляет технопарком сам университет`
ITSELF = "сам"


def _bare_subject_noun(doc, token) -> bool:
    """A noun of rules/subject_nouns.txt in the nominative with no name of its own after it."""
    if not (token.lemma_.lower() in load_set("subject_nouns.txt") and token.morph.get("Case") == ["Nom"]
            and not token.ent_type_):
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is None or not (following.text in {"«", "\""} or following.ent_type_ or following.pos_ == "PROPN")


def _subject_company(doc, sentences, index, verb, mentions, park_keys) -> Optional[str]:
    sent = sentences[index]
    subject = _subject(doc, sent, verb)
    places = {i for m in mentions for i in range(m.start, m.end)}
    if subject is None:
        named = _named_after_we(doc, sent, verb, places, park_keys)
        if named:  # `технопарком управляем мы, ООО «Удмуртпромактив»`: who `мы` are, said next
            return named
        if _first_person_plural(doc[verb]):  # the interview's guest speaks, as for agreements
            speaker = quoted_speaker_org(doc, verb) or speaker_organisation(doc)
            if speaker is not None and name_key(speaker) not in park_keys:
                return speaker
            return _speaker_company(doc, sentences[:index + 1], places, park_keys)
        return None
    if subject > sent.start and doc[subject - 1].lemma_.lower() == WHOSE:
        return _last_company(doc, sent, places, park_keys, before=subject)
    if doc[subject].lemma_.lower() in SUBJECT_PRONOUNS:
        # `Опыт управления площадками у корпорации есть: с 2022 года она управляет …`: a bare head
        # before it in its sentence
        heads = [p for p in bare_head_names(doc, sent) if p.end <= subject]
        if heads:
            return heads[-1].name
        return nearest_before(sentences, index, PRONOUN_REACH,
                              lambda earlier: _first_company(doc, earlier, places, park_keys))
    just_named = _one_company_just_named(doc, sentences, index, park_keys) \
        if index > 0 and not _speaks_for_itself(doc, subject) else None
    referred = referred_party(doc, sentences, index, places, park_keys)
    if referred is not None and word_lemmas(doc[subject]) & set(name_lemmas(referred.name)) \
            and (just_named is None or _named_in(doc, sent.start, subject, referred.name) or _pointed(doc, sent, subject)):
        # `АО «Челябинский индустриальный оператор» … Тот же оператор управляет …`: the noun in a name
        # (not over a company named alone just before: `Кто такой «Меридиан Парк»\n\nКомпания …`)
        return referred.name
    if just_named is not None:  # `Для ООО «Х» это второй проект. Компания является …`
        return just_named
    if referred is None and _speaks_for_itself(doc, subject):
        # `Наша компания управляет им с 2020 года, — сказал директор ООО «Х»`
        return _first_company(doc, sent, places, park_keys)
    return referred.name if referred else None


POINTING = {"тот", "этот", "же"}  # `Тот же оператор`, `Эта компания`


def _pointed(doc, sent, subject: int) -> bool:
    """A subject noun a demonstrative points back with."""
    return any(t.lemma_.lower() in POINTING for t in doc[max(sent.start, subject - 2):subject])


def _named_in(doc, start: int, end: int, name: str) -> bool:
    """`Для ТПК «Лазурный» станет второй площадкой: с 2022 года корпорация …`: the organisation
    named in [start, end), in full or by the abbreviation the text defined for it."""
    return contains_words(lemmas(doc[start:end]), list(name_lemmas(name))) \
        or any(is_short_name(t.text) and name_key(expand_abbreviation(doc, t.text)) == name_key(name)
               for t in doc[start:end])


def _one_company_just_named(doc, sentences, index: int, park_keys) -> Optional[str]:
    """The one company the sentence before names, or None; a quoted name counts when the text
    writes it with a legal form elsewhere (`Кто такой «Меридиан Парк»` after `ООО «УК «Меридиан Парк»»`)."""
    before = sentences[index - 1]
    named = {expand_abbreviation(doc, org_name(ent)) for ent in entities_in(before) if ent.label_ == "ORG"} - {""}
    companies = {name_key(name): name for name in legal_form_org_names(doc)}
    named |= {companies[key] for span in quoted_spans(doc) if before.start <= span.start < before.end
              and (key := name_key(span.text)) in companies}
    # (`Для НИД «Ижорский» станет второй площадкой`: a name ending in a park's is no company)
    named = {name for name in named if name_key(name) not in park_keys
             and not any(name_key(name).endswith(" " + key) for key in park_keys)}
    return named.pop() if len(named) == 1 else None


def _named_after_we(doc, sent, verb: int, places, park_keys) -> Optional[str]:
    """`управляем мы, ООО «Удмуртпромактив»`: the company named right after `мы` and a comma
    following the verb."""
    words = [t for t in doc[verb + 1:sent.end] if not t.is_space]
    if len(words) < 3 or words[0].lower_ != "мы" or words[1].text != ",":
        return None
    named = [p for p in _companies(doc, sent, places, park_keys) if words[2].i <= p.start <= words[2].i + 2]
    return named[0].name if named else None


def _speaks_for_itself(doc, subject: int) -> bool:
    return doc[subject].lemma_.lower() == "мы" or (subject > 0 and doc[subject - 1].lemma_.lower() == "наш")


COMPANY_WORDS = 6  # a longer quotation is a phrase said, not a name: `«Инвестору нужен готовый цех, а не поле»`


def _companies(doc, sent, places, park_keys):
    return [p for p in sentence_parties(doc, sent, places, False)
            if p.type == ORG and name_key(p.name) not in park_keys
            and len(p.name.split()) <= COMPANY_WORDS and "," not in p.name
            and p.name.lower() not in load_set("news_outlets.txt")]  # `«Фонтанка» поговорила с …`


def _last_company(doc, sent, places, park_keys, before: int) -> Optional[str]:
    """`Генеральный директор УК «Х» Иван Петров, чья компания …`: the company named before `чья`."""
    named = [p for p in _companies(doc, sent, places, park_keys) if p.end <= before]
    return named[-1].name if named else None


def _first_person_plural(token) -> bool:
    """`управляем`, `построили` as `мы` would say them (the tagger may read a sentence-initial
    `Управляем` as a short participle, so every pymorphy3 reading counts)."""
    if token.morph.get("Person") == ["1"] and token.morph.get("Number") == ["Plur"]:
        return True
    return any({"VERB", "1per", "plur"} <= parse.tag.grammemes for parse in morph_analyzer().parse(token.text))


def _speaker_company(doc, sentences, places, park_keys) -> Optional[str]:
    """`Управляем обоими сами`: a verb in the first person plural with no subject speaks for
    the company the article names first (an interview's headline or lead names the guest's)."""
    for sent in sentences:
        name = _first_company(doc, sent, places, park_keys)
        if name:
            return name
    return None


def _first_company(doc, sent, places, park_keys) -> Optional[str]:
    """`«Х» станет управляющей компанией технопарка. Ранее она …`: the company a sentence
    speaks of first (its subject, in news order)."""
    named = _companies(doc, sent, places, park_keys)
    return named[0].name if named else None


PREPOSITION_REACH = 3  # `отвечает и за`, `отвечает теперь за`


@lru_cache(maxsize=None)
def verb_prepositions() -> Dict[str, str]:
    """rules/operator_verb_prepositions.tsv: an operator verb → the preposition its park follows."""
    return dict(load_table("operator_verb_prepositions.tsv", 2))


def _objects(doc, sent, verb: int, mentions, earlier: int) -> List[ParkMention]:
    """The parks the verb governs as its object; `им`, `его` the park named last, in its
    sentence or the one before (`С технопарка «Х». Мы построили его в 2015 году`); `обоими`
    the two parks named last."""
    after = verb + 1
    while after < sent.end and doc[after].is_space:
        after += 1
    preposition = verb_prepositions().get(doc[verb].lemma_.lower())
    if preposition is not None:
        # `Корпорация отвечает и за индустриальный парк «Канаш»`: the park after the verb's preposition
        at = next((t.i for t in doc[after:min(sent.end, after + PREPOSITION_REACH)] if t.lower_ == preposition), None)
        if at is None:
            return []
        after = at + 1
    if after < sent.end and doc[after].lower_ in OBJECT_PRONOUNS:
        before = [m for m in mentions if m.end <= verb and m.start >= earlier]
        return before[-1:]
    if after < sent.end and "оба" in word_lemmas(doc[after]):
        counted = parks_counted_back(doc, after, after + 1, mentions)
        return [m for m in mentions if m.key in counted and m.end <= after][-2:]
    listed = _listed_objects(doc, sent, after, mentions)
    if listed:
        return listed
    if after + 1 < sent.end and (doc[after].pos_ == "NUM" or doc[after].like_num) and doc[after + 1].text in LIST_OPENERS:
        # `Мы управляем двумя: это промышленные парки «А» … и «Б» …`: the parks the list after it names
        number = parse_number(doc[after].text)
        keys = keys_in_order(m for m in mentions if after + 1 < m.start < sent.end)
        keys = keys[:int(number)] if number else keys
        return [m for m in mentions if m.key in keys and after < m.start < sent.end]
    if after < sent.end and (doc[after].pos_ == "NUM" or doc[after].like_num) \
            and not any(after <= m.start < sent.end for m in mentions):
        # `Мы управляем двумя площадками.`: that many parks, the ones named last before
        counted = parks_counted_back(doc, after, min(sent.end, after + 4), mentions)
        return [m for m in mentions if m.key in counted and m.end <= after] or _parks_listed_next(doc, sent, after, mentions) \
            or parks_named_next(doc, sent, parks_count(doc, after, min(sent.end, after + 4), back=False), mentions)
    for m in mentions:
        if after <= m.start < min(sent.end, after + OBJECT_REACH):
            return coordinated(doc, sent, m, mentions) if governs_park(doc, after, m) else []
    # `С 2020 года технопарком управляем мы, …`: the park in the instrumental right before the verb
    # (past a place and the subject: `Технопарком „Агидель-Тех“ в Уфе мы управляем сами`)
    return [m for m in mentions if sent.start <= m.start and m.end <= verb and _only_place_and_subject(doc, m.end, verb)
            and (doc[m.start].morph.get("Case") == ["Ins"] or doc[m.end - 1].morph.get("Case") == ["Ins"])][-1:]


def _only_place_and_subject(doc, start: int, end: int) -> bool:
    """Nothing in [start, end) but a closing quote, a place after its preposition and a
    subject pronoun or adverb."""
    for token in doc[start:end]:
        if token.is_space or token.text in {"»", "“", "\""} or token.pos_ in {"ADP", "ADV"} \
                or token.pos_ == "PRON" and token.morph.get("Case") == ["Nom"] \
                or token.pos_ in {"PROPN", "NOUN", "ADJ"} and token.morph.get("Case") == ["Loc"]:
            continue
        return False
    return True


ORDINAL_OPENERS = {"первый", "второй", "третий", "четвёртый", "четвертый", "пятый"}  # `Первая — индустриальный парк «А» … Вторая — …`


def _parks_listed_next(doc, sent, number_at: int, mentions) -> List[ParkMention]:
    """`Мы управляем двумя площадками. Первая — индустриальный парк «А» … Вторая — технопарк
    «Б»`, `корпорация управляет тремя парками:` and a bullet line for each: as many parks as
    counted, the first of each sentence after that opens with an ordinal or a bullet, or as many
    as a sentence opening with a count and a dash names (`Три индустриальных — «А», «Б» и «В»`)."""
    count = parse_number(doc[number_at].text)
    found: List[ParkMention] = []
    following = sentence_after(doc, sent)
    while following is not None and count and len(found) < count:
        words = [t for t in following if not t.is_space]
        if opens_with_counted_adjective(words, LIST_OPENERS):
            # `Три индустриальных — «Лесной» …, «Заречье-2» … и «Медведица» …`: that many parks
            many = int(parse_number(words[0].text) or 0)
            found.extend([m for m in mentions if following.start <= m.start < following.end][:many])
            following = sentence_after(doc, following)
            continue
        if not words or not (words[0].lemma_.lower() in ORDINAL_OPENERS or is_bullet(words[0])):
            break  # (`управляет тремя парками:` and a bullet line for each)
        first = next((m for m in mentions if following.start <= m.start < following.end), None)
        if first is None:
            break
        found.append(first)
        following = sentence_after(doc, following)
    return found if count and len(found) == count else []


OPENER_REACH = 3  # `двумя индустриальными зонами Алматинской области —`: words from the kind to the dash


def _listed_objects(doc, sent, after: int, mentions) -> List[ParkMention]:
    """`управляет двумя площадками — индустриальным парком «A» … и технопарком «B»`: a
    counted generic word, a dash or a colon, then every park of the clause not after a
    preposition."""
    i = after
    while i < sent.end and is_count_modifier(doc[i]) and match_kind(doc, i) is None:
        i += 1  # (`двумя действующими индустриальными парками группы — …`)
    kind = match_kind(doc, i) if i < sent.end else None
    if i >= sent.end or not (word_lemmas(doc[i]) & (GENERIC_REFERENCES | {"территория"}) or kind):
        return []
    i = kind[0] - 1 if kind else i  # the kind's last word
    opener = i + 1
    while opener < sent.end and doc[opener].text not in LIST_OPENERS and opener - i <= OPENER_REACH:
        opener += 1
    if opener >= sent.end or doc[opener].text not in LIST_OPENERS:
        return []
    end = next((t.i for t in doc[opener + 1:sent.end] if t.text == ";"), sent.end)
    # (a park's card in brackets between them, `«A» (Набережные Челны, 74 га), «B» …`: none of
    # the parks inside brackets)
    inside = in_round_brackets(doc[opener + 1:end])
    return [m for m in mentions if opener < m.start < end and m.start not in inside and doc[m.start - 1].pos_ != "ADP"]


MANAGER_REACH = 2  # sentences after `перешёл под управление корпорации развития` that name it


def attach_new_managers(doc, sentences, mentions, parks) -> None:
    """`Парк «Y» перешёл под управление краевой корпорации развития. АО «Корпорация развития
    Пермского края» завершило сделку …`: a company described by common nouns is the one a
    following sentence names with all those nouns. The park's new manager is its operator,
    before any owner the story names later."""
    park_keys = {m.key for m in mentions}
    places = {i for m in mentions for i in range(m.start, m.end)}
    for index, sent in enumerate(sentences):
        for token in sent:
            if token.lower_ != "под" or token.i + 1 >= sent.end or doc[token.i + 1].lemma_.lower() != "управление":
                continue
            nouns = _description_nouns(doc, sent, token.i + 2)
            before = [m for m in mentions if sent.start <= m.start and m.end <= token.i]
            if not nouns or not before or parks[before[-1].key].park.operator is not None:
                continue
            for later in sentences[index:index + MANAGER_REACH + 1]:
                named = [p for p in _companies(doc, later, places, park_keys)
                         if set(nouns) <= set(name_key(p.name).split())]
                if named:
                    parks[before[-1].key].park.operator = named[0].name
                    add_evidence(doc, "park", before[-1].start, before[-1].end, "operator", "operator_new_manager")
                    break


def _description_nouns(doc, sent, start: int) -> List[str]:
    """The nouns of `краевой корпорации развития` when they name no company of their own
    (no quotes or name after them) and the first is an organisation's head noun."""
    nouns, i = [], start
    while i < sent.end and doc[i].pos_ in {"ADJ", "NOUN"} and not doc[i].ent_type_:
        if doc[i].pos_ == "NOUN":
            nouns.append(doc[i].lemma_.lower())
        i += 1
    if i < sent.end and (doc[i].text in {"«", "\""} or doc[i].ent_type_ or doc[i].pos_ == "PROPN"):
        return []
    heads = load_set("operator_org_heads.txt") | {"компания"}
    return nouns if nouns and nouns[0] in heads else []
