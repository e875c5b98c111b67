"""person_extractor: named persons with their positions and organisations.

- person_names.py: natasha's PER entities, cleaned (titles, aliases, initials) and
  filtered (streets, places, things named after someone, families);
- person_groups.py: the mentions of one person (`Жолт Хорняк`, `Хорняка`, `Ж. Хорняк`)
  are one record under the fullest name, in the nominative (normalize.person_name);
- titles.py, positions.py: position phrases next to a mention (before it, after it, a
  title inside the entity); position_verbs.py: positions a verb gives (`назначен
  главным тренером`); position_text.py: the phrase in the nominative, `org` cut out.

A title in the plural goes to every name listed after it (`музыканты Юрий Царёв,
Алексей Борисов и Павел Шевелёв`). Of a person's positions a current one wins over a
former one (`бывший`, `экс-`, `Ранее он занимал пост …`), one next to the name over one
a verb gives, then the fuller one, then the first. A former position is recorded
without its marker (`бывший мэр Самары` → `мэр Самары`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from spacy.language import Language

from ..models import morph_analyzer
from ..normalize import is_initials
from ..records import Person, to_dict
from ..vocab import load_list, load_set
from .common import add_evidence, mention
from .person_groups import group_mentions, is_patronymic
from .person_names import Mention, find_mentions
from .position_text import phrase_size, read_position
from .position_verbs import verb_positions
from .position_chains import phrases_before
from .positions import LIST_PUNCT, Phrase, complement_end, modifiers_start, names_group, phrases_after
from .titles import case_of, is_head, is_plural, normal_forms

LIST_JOINS = {",", "и"}
ORIGIN_ADPS = {"из", "от"}  # Михаил Павлов из Москвы


def name_cases(found: Mention) -> set:
    """Cases a name may stand in: any for an indeclinable one; a masculine name's genitive is
    its accusative too."""
    if found.fixed:
        return set()
    if found.case in {"gent", "accs"} and found.gender != "femn":
        # `глава округа Г.А. Мельникова`: with initials alone no first name tells a woman's
        # nominative from a man's genitive
        return {"gent", "accs"} | ({"nomn"} if _initials_and_feminine(found.name) else set())
    return {found.case}


def _initials_and_feminine(name: str) -> bool:
    """A surname with initials alone (`Г.А. Мельников`, as normalised) that a woman's surname in
    the nominative may also be (`Мельникова`)."""
    initials, _, surname = name.rpartition(" ")
    if not initials or not is_initials(initials):
        return False
    return any({"Surn", "femn", "nomn"} <= parse.tag.grammemes
               for parse in morph_analyzer().parse(surname + ("а" if not surname.endswith("а") else "")))


def title_phrase(doc, found: Mention) -> Optional[Phrase]:
    """A title inside the entity: `Император Акихито`, `Папа Франциск`."""
    head = next((i for i in range(found.title_start, found.start) if is_head(doc[i])), None)
    if head is None:
        return None
    end = complement_end(doc, head, found.start, allow_per=True)
    return Phrase(modifiers_start(doc, head, found.title_start), head, end, head, "position_title")


def listed_after(doc, mentions: List[Mention], k: int) -> List[int]:
    """Mentions listed after mention k: `Юрий Царёв (проект «Метро»), Алексей Борисов и …`."""
    listed = []
    while k + 1 < len(mentions):
        i = mentions[k].end
        if i < len(doc) and doc[i].text == "(":
            i = next((j + 1 for j in range(i, mentions[k + 1].title_start) if doc[j].text == ")"), i)
        if i + 1 < len(doc) and doc[i].lower_ in ORIGIN_ADPS and doc[i + 1].ent_type_ == "LOC":
            i += 2  # `Михаил Павлов из Москвы, Василий Авченко из Владивостока`
            while i < len(doc) and doc[i].ent_iob_ == "I":
                i += 1
        joins = [t for t in doc[i:mentions[k + 1].title_start] if not t.is_space]
        if not joins or len(joins) > 2 or any(t.text not in LIST_JOINS for t in joins):
            break
        k += 1
        listed.append(k)
    return listed


@lru_cache(maxsize=None)
def list_openers() -> Tuple[Tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in load_list("position_list_openers.txt"))


def opener_comma(doc, found: Mention) -> Optional[int]:
    """The comma of `писатели и критики, среди которых — [Павел Басинский]`, if one opens the list."""
    i = found.title_start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in LIST_PUNCT):
        i -= 1
    for words in list_openers():
        first = i - len(words) + 1
        if first >= 1 and [t.lower_ for t in doc[first:i + 1]] == list(words) and doc[first - 1].text == ",":
            return first - 1
    return None


def group_title(doc, found: Mention) -> Optional[Phrase]:
    """The plural title a list of names is introduced by, through a list opener."""
    comma = opener_comma(doc, found)
    if comma is None:
        return None
    sent = doc[found.start].sent
    phrases = [p for p in phrases_before(doc, comma, set(), sent.start) if is_plural(doc[p.head])]
    return phrases[-1] if phrases else None


def attribute_of_noun(doc, found: Mention) -> bool:
    """`Ли Пэн, соратник Цзян Цзэминя, премьер …`: a name the tagger reads in the genitive
    right after a common noun qualifies that noun; a title after it is its own only in the
    genitive too (`по словам Лео Бенедучи, генерального секретаря профсоюза`; the tagger
    may call a masculine one accusative), whatever case the name's words seemed to show."""
    before = found.title_start - 1
    return (found.title_start == found.start and before >= 0 and doc[before].pos_ == "NOUN"
            and doc[before].text.islower() and not is_head(doc[before])
            and all(case_of(token) == "gent" for token in doc[found.start:found.end] if token.is_alpha))


def _in_brackets(doc, phrase: Phrase) -> bool:
    """`По словам Марины Шестаковой (генеральный директор «Х»)`."""
    i = phrase.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text == "("


def mention_positions(doc, mentions: List[Mention]) -> List[Tuple[int, Phrase]]:
    """(mention index, phrase) of every position found for the mentions of a document."""
    found = []
    for k, person in enumerate(mentions):
        sent = doc[person.start].sent
        cases = name_cases(person)
        before = phrases_before(doc, person.title_start, cases, sent.start)
        after = phrases_after(doc, person.end, cases, sent.end)
        if attribute_of_noun(doc, person):  # in brackets a title is in the nominative anyway
            after = [phrase for phrase in after if case_of(doc[phrase.lead]) in {"gent", "accs"}
                     or _in_brackets(doc, phrase)]
        title = title_phrase(doc, person)
        listed = listed_after(doc, mentions, k)
        # a plural title names a list (`музыканты Юрий Царёв, Алексей Борисов и …`), not one
        # name alone (`уволил двух генералов полиции по делу Голунова`)
        before = [phrase for phrase in before if listed or not names_group(doc, phrase)]
        found.extend((k, phrase) for phrase in before + after + ([title] if title else []))
        group = group_title(doc, person)
        if group is not None:
            before.append(group)
            found.append((k, group))
        for phrase in before:
            if names_group(doc, phrase):
                found.extend((j, phrase) for j in listed)
    for k, phrase in verb_positions(doc, mentions):
        found.append((k, phrase))
        if names_group(doc, phrase):
            found.extend((listed, phrase) for listed in listed_after(doc, mentions, k))
    return found


def names_holder(mentions: List[Mention], person_of: Dict[int, int], k: int, phrase: Phrase) -> bool:
    """Whether a phrase names its own holder (`генералов полиции по делу Голунова Иван Голунов`)."""
    return any(person_of[j] == person_of[k] and phrase.start <= found.start < phrase.end
               for j, found in enumerate(mentions) if j != k)


def is_former(doc, phrase: Phrase) -> bool:
    """`бывший министр`, `экс-президент`; `Ранее он занимал пост …` for a verb's position,
    and a verb of holding in the past (`В 1990-е он был министром`, not `стал министром`)."""
    former = load_set("position_former.txt")
    prefixes = tuple(word for word in former if word.endswith("-"))
    words = [doc[i].text for i in range(phrase.start, phrase.head + 1)]
    if phrase.rule == "position_verb":
        words += [token.text for token in doc[doc[phrase.start].sent.start:phrase.start] if token.pos_ == "ADV"]
    return any(normal_forms(word) & former or word.lower().startswith(prefixes) for word in words) \
        or _held_in_past(doc, phrase)


def _held_in_past(doc, phrase: Phrase) -> bool:
    """Whether a verb of holding (rules/position_stative_verbs.txt) gives the position in the past."""
    if phrase.verb is None:
        return False
    verb = doc[phrase.verb]
    return verb.morph.get("Tense") == ["Past"] and verb.lemma_.lower() in load_set("position_stative_verbs.txt")


def _appointed(doc, phrase: Phrase, phrases: List[Phrase]) -> bool:
    """`Исполняющим обязанности генерального директора назначен её заместитель Кирилл Юдин`: a
    position a verb of a new post gives (rules/position_appointment_verbs.txt), not a future one,
    in the sentence of a title beside the name (his post before), or in one that dates it no earlier
    than now. A new post of a career told (`В 2011 году избран депутатом`) is ranked as any verb's."""
    if phrase.verb is None:
        return False
    verb = doc[phrase.verb]
    if verb.lemma_.lower() not in load_set("position_appointment_verbs.txt") or verb.morph.get("Tense") == ["Fut"]:
        return False
    sent = verb.sent
    return any(other.rule != "position_verb" and sent.start <= other.start < sent.end for other in phrases) \
        or not any(_dates_past(t) for t in sent)


PAST_WORDS = {"ранее", "прежде", "раньше"}  # `ранее был назначен …`


def _dates_past(token) -> bool:
    """A year (`в 2011 году`) or a word of an earlier time."""
    text = token.text
    return len(text) == 4 and text.isdigit() and text[:2] in {"19", "20"} or token.lower_ in PAST_WORDS


def best_position(doc, phrases: List[Phrase]) -> Optional[Tuple[str, Optional[str], bool, Phrase]]:
    """(position, org, whether org was only referred to, phrase) the person is recorded with: a
    current one, then one a new post gives, then one next to the name rather than given by a
    verb, then the fuller, then the first."""
    read = []
    for order, phrase in enumerate(sorted(phrases, key=lambda phrase: (phrase.start, phrase.end))):
        position, org, referred = read_position(doc, phrase)
        if position:
            rank = (not is_former(doc, phrase), _appointed(doc, phrase, phrases), phrase.rule != "position_verb",
                    phrase_size(doc, phrase), -order)
            read.append((rank, position, org, referred, phrase))
    if not read:
        return None
    _, position, org, referred, phrase = max(read, key=lambda item: item[0])
    return position, org, referred, phrase


REFERRED_ORGS = "referred_orgs"  # doc.user_data: names of persons whose org a bare noun stood for


def named_org(doc, person: dict) -> Optional[str]:
    """A person's organisation as the title named it (`директор ООО «Х»`), not one a bare noun
    stood for (`директор компании`): who `мы` are is not guessed twice."""
    return None if person["name"] in doc.user_data.get(REFERRED_ORGS, ()) else person.get("org")


def _masculine_as_written(doc, mentions: List[Mention], group: List[int]) -> str:
    """The group's fullest name, unless another mention writes the same words one letter shorter
    in the nominative: `раиса Татарстана Рената Сафина` read as a woman's nominative is the
    genitive of `Ренат Сафин`, written so later."""
    name = mentions[group[0]].name
    for k in group[1:]:
        other = mentions[k].name
        words, others = name.split(), other.split()
        if other != name and len(others) == len(words) and doc[mentions[k].start:mentions[k].end].text == other \
                and all(word.startswith(short) and len(word) - len(short) <= 1 for short, word in zip(others, words)):
            return other
    return name


PATRONYMIC_ENDINGS = ("ович", "евич", "овна", "евна")  # the endings no surname in the middle takes


def without_patronymic(name: str) -> str:
    """`Андрей Викторович Хомутов` → Андрей Хомутов, `Ерлан Болатович Сатыбалдиев` → Ерлан
    Сатыбалдиев: records drop patronymics (GUIDELINES); a word between a first name and a surname
    with a patronymic's ending is one, whether the dictionary knows the father's name or not."""
    words = name.split()
    if len(words) == 3 and words[1][:1].isupper() and (words[1].endswith(PATRONYMIC_ENDINGS) or is_patronymic(words[1])):
        return f"{words[0]} {words[2]}"
    return name


class PersonExtractor:
    def __call__(self, doc):
        mentions = find_mentions(doc)
        groups = group_mentions(mentions)
        person_of = {k: number for number, group in enumerate(groups) for k in group}
        phrases: List[List[Phrase]] = [[] for _ in groups]
        for k, phrase in mention_positions(doc, mentions):
            if not names_holder(mentions, person_of, k, phrase):
                phrases[person_of[k]].append(phrase)
        doc._.persons = [to_dict(self.person(doc, mentions, group, found))
                         for group, found in zip(groups, phrases)]
        return doc

    def person(self, doc, mentions: List[Mention], group: List[int], phrases: List[Phrase]) -> Person:
        """The record of one person: the fullest name, every mention, the best position."""
        person = Person(name=without_patronymic(_masculine_as_written(doc, mentions, group)))
        for k in sorted(group, key=lambda k: mentions[k].start):
            found = mentions[k]
            person.mentions.append(tuple(mention(doc[found.start:found.end])))
            add_evidence(doc, "person", found.start, found.end, "name", "per_entity")
        chosen = best_position(doc, phrases)
        if chosen is not None:
            person.position, person.org, referred, phrase = chosen
            if referred:
                doc.user_data.setdefault(REFERRED_ORGS, []).append(person.name)  # a list: docs are serialised
            add_evidence(doc, "person", phrase.start, phrase.end, "position", phrase.rule)
        return person


@Language.factory("person_extractor", assigns=["doc._.persons", "doc.spans"], requires=["doc.ents"])
def make_person_extractor(nlp, name):
    return PersonExtractor()
