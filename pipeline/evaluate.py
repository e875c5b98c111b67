"""The spec §3 scorer: pure functions over record dicts (the JSON of records.md).

Both sides become sets of fact tuples (document id first), canonicalised; facts
are matched one-to-one per document and fact type, exact tuples first, then by
the tolerant rules (person-name subsequence, 0.5 % on amounts and areas, and,
with `lenient_positions`, position subsequence). Qualifiers are not scored.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Union, Dict, Iterator, List, Optional, Tuple

from razdel import sentenize

from .models import morph_analyzer
from .records import FACT_TYPES
from .validate import record_problem

Fact = tuple
Error = Tuple[str, Fact]

QUOTES = "«»„“”\"'`‘’‚"
RELATIVE_TOLERANCE = 0.005  # amounts and areas: 462,2 млн ~ 462 млн (0.43 %)
LISTS = ("parks", "agreements", "contracts", "persons")
# per list: keys that must hold a non-empty string in every item
REQUIRED_STRINGS = {"parks": ("name",), "agreements": ("kind",), "contracts": (), "persons": ("name",)}
# per list: keys that may be null or must hold an object with the given number field
NUMERIC_OBJECTS = {"parks": (("area", "m2"), ("residents", "count")),
                   "agreements": (("sum", "amount"),), "contracts": (("sum", "amount"),),
                   "persons": ()}
# how the fields after the doc id are compared once exact tuples are matched:
# same = equal, amount = within RELATIVE_TOLERANCE, person = name word subsequence,
# position = equal, or word subsequence with lenient_positions
FIELD_RULES = {
    "park": ("same",), "park.kind": ("same", "same"), "park.location": ("same", "same"),
    "park.area": ("same", "amount"), "park.residents": ("same", "same"),
    "park.operator": ("same", "same"),
    "agreement": ("same", "same"), "agreement.signatory": ("same",),
    "agreement.sum": ("same", "amount", "same"),
    "contract.sum": ("amount", "same"), "contract.count": ("same",),
    "person": ("person",), "person.position": ("person", "position"),
}


# --- canonical text ---------------------------------------------------------

def _is_outer(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _strip_outer(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_outer(text[start]):
        start += 1
    while end > start and _is_outer(text[end - 1]):
        end -= 1
    return text[start:end]


@lru_cache(maxsize=100_000)
def _normal_form(word: str) -> str:
    return morph_analyzer().parse(word)[0].normal_form.replace("ё", "е")


def canonicalize(text: Optional[str]) -> str:
    """Lower case, ё → е, no quotes, no outer punctuation, one space, normal forms.

    Punctuation is stripped from the edges of the whole text and of each word
    ("(Краснодарского края)," → "краснодарский край"); words that are all
    punctuation ("—") are dropped.
    """
    if not text:
        return ""
    text = text.lower().replace("ё", "е")
    text = "".join(char for char in text if char not in QUOTES)
    words = (_strip_outer(word) for word in _strip_outer(text).split())
    return " ".join(_normal_form(word) for word in words if word)


# --- loading ----------------------------------------------------------------

def _item_problem(list_name: str, index: int, item) -> Optional[str]:
    where = f"{list_name}[{index}]"
    if not isinstance(item, dict):
        return f"{where} is not an object"
    for key in REQUIRED_STRINGS[list_name]:
        if not isinstance(item.get(key), str) or not item[key].strip():
            return f"{where}.{key} must be a non-empty string"
    for key, number in NUMERIC_OBJECTS[list_name]:
        value = item.get(key)
        if value is not None and not isinstance(value, dict):
            return f"{where}.{key} must be an object or null"
        if value and not isinstance(value.get(number), (int, float, type(None))):
            return f"{where}.{key}.{number} must be a number or null"
    parties = item.get("signatories") if list_name == "agreements" else []
    if not isinstance(parties, list) or not all(
            isinstance(party, dict) and isinstance(party.get("name"), str) for party in parties):
        return f"{where}.signatories must be a list of objects with a string name"
    return None


def _record_problem(data) -> Optional[str]:
    """What is wrong with one record, or None."""
    if not isinstance(data, dict):
        return "a record must be a JSON object"
    if not isinstance(data.get("doc_id"), str) or not data["doc_id"]:
        return "missing doc_id (a non-empty string)"
    for list_name in LISTS:
        if list_name not in data:
            return f"missing list '{list_name}'"
        if not isinstance(data[list_name], list):
            return f"'{list_name}' must be a list, got {type(data[list_name]).__name__}"
        for index, item in enumerate(data[list_name]):
            problem = _item_problem(list_name, index, item)
            if problem:
                return problem
    return None


def _read_record(text: str, where: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: bad JSON: {error}") from None
    problem = _record_problem(data) or record_problem(data)  # then the spec's JSON Schema
    if problem:
        raise ValueError(f"{where}: {problem}")
    return data


def _add_record(records: Dict[str, dict], data: dict, where: str) -> None:
    if data["doc_id"] in records:
        raise ValueError(f"{where}: duplicate doc_id {data['doc_id']!r}")
    records[data["doc_id"]] = data


def load_records(path: str) -> Dict[str, dict]:
    """Records keyed by doc_id from a folder of *.json (recursive), a .jsonl or a .json file."""
    source = Path(path)
    records: Dict[str, dict] = {}
    if not source.exists():
        raise ValueError(f"{source}: no such file or folder")
    if source.is_dir():
        for file in sorted(source.rglob("*.json")):
            _add_record(records, _read_record(file.read_text(encoding="utf-8"), str(file)), str(file))
    elif source.suffix == ".jsonl":
        lines = source.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip():
                where = f"{source}:{number}"
                _add_record(records, _read_record(line, where), where)
    else:
        _add_record(records, _read_record(source.read_text(encoding="utf-8"), str(source)), str(source))
    return records


def load_texts(folder: str) -> Dict[str, str]:
    """Raw texts of *.txt under `folder` (recursive), keyed by file stem."""
    texts: Dict[str, str] = {}
    for file in sorted(Path(folder).rglob("*.txt")):
        if file.stem in texts:
            raise ValueError(f"{file}: duplicate text id {file.stem!r}")
        texts[file.stem] = file.read_text(encoding="utf-8")
    return texts


# --- facts ------------------------------------------------------------------

def _money(value: Optional[dict]) -> Optional[Tuple[float, Optional[str]]]:
    if not value or value.get("amount") is None:
        return None
    currency = value.get("currency")
    return float(value["amount"]), currency.strip().upper() if currency else None


def _park_facts(doc: str, park: dict, facts: Dict[str, set]) -> None:
    name = canonicalize(park["name"])
    if not name:
        return
    facts["park"].add((doc, name))
    for attribute in ("kind", "location", "operator"):
        value = canonicalize(park.get(attribute))
        if value:
            facts[f"park.{attribute}"].add((doc, name, value))
    area = park.get("area") or {}
    if area.get("m2") is not None:
        facts["park.area"].add((doc, name, float(area["m2"])))
    residents = park.get("residents") or {}
    if residents.get("count") is not None:
        facts["park.residents"].add((doc, name, int(residents["count"])))


def _agreement_facts(doc: str, agreement: dict, facts: Dict[str, set]) -> None:
    names = {canonicalize(party["name"]) for party in agreement.get("signatories") or []}
    names = frozenset(name for name in names if name)
    facts["agreement"].add((doc, canonicalize(agreement["kind"]), names))
    facts["agreement.signatory"].update((doc, name) for name in names)
    money = _money(agreement.get("sum"))
    if money:
        facts["agreement.sum"].add((doc, names) + money)


def _contract_facts(doc: str, contract: dict, facts: Dict[str, set]) -> None:
    money = _money(contract.get("sum"))
    if money:
        facts["contract.sum"].add((doc,) + money)
    if contract.get("count") is not None:
        facts["contract.count"].add((doc, int(contract["count"])))


def _person_facts(doc: str, person: dict, facts: Dict[str, set]) -> None:
    name = canonicalize(person["name"])
    if not name:
        return
    facts["person"].add((doc, name))
    position = canonicalize(person.get("position"))
    if position:
        facts["person.position"].add((doc, name, position))


def document_facts(record: dict) -> Dict[str, set]:
    """The canonical fact tuples of one record, per fact type (spec §3)."""
    facts: Dict[str, set] = {fact_type: set() for fact_type in FACT_TYPES}
    doc = record["doc_id"]
    for park in record.get("parks") or []:
        _park_facts(doc, park, facts)
    for agreement in record.get("agreements") or []:
        _agreement_facts(doc, agreement, facts)
    for contract in record.get("contracts") or []:
        _contract_facts(doc, contract, facts)
    for person in record.get("persons") or []:
        _person_facts(doc, person, facts)
    return facts


# --- matching ---------------------------------------------------------------

def _is_subsequence(short: str, long: str) -> bool:
    """Whether the words of one text are a contiguous run of the other's words."""
    small, large = short.split(), long.split()
    if len(small) > len(large):
        small, large = large, small
    if not small:
        return False
    return any(large[start:start + len(small)] == small
               for start in range(len(large) - len(small) + 1))


def _field_matches(rule: str, gold, pred, lenient_positions: bool) -> bool:
    if gold == pred:
        return True
    if rule == "amount" and gold is not None and pred is not None:
        return abs(gold - pred) <= RELATIVE_TOLERANCE * max(abs(gold), abs(pred))
    if rule == "person" or (rule == "position" and lenient_positions):
        return _is_subsequence(gold, pred)
    return False


def _facts_match(fact_type: str, gold: Fact, pred: Fact, lenient_positions: bool) -> bool:
    return all(_field_matches(rule, left, right, lenient_positions)
               for rule, left, right in zip(FIELD_RULES[fact_type], gold[1:], pred[1:]))


def _sort_value(value) -> str:
    if isinstance(value, frozenset):
        return "|".join(sorted(value))
    if isinstance(value, float):
        return f"{value:020.4f}"
    return "" if value is None else str(value)


def _sort_key(fact: Fact) -> tuple:
    """A deterministic order for facts holding strings, numbers, None and frozensets."""
    return tuple(_sort_value(value) for value in fact)


def _augment(gold: int, candidates: List[List[int]], owner: Dict[int, int], seen: set) -> bool:
    for pred in candidates[gold]:
        if pred not in seen:
            seen.add(pred)
            if pred not in owner or _augment(owner[pred], candidates, owner, seen):
                owner[pred] = gold
                return True
    return False


def match_facts(fact_type: str, gold: set, pred: set,
                lenient_positions: bool = False) -> Tuple[int, List[Fact], List[Fact]]:
    """One-to-one matching of one document's facts: (tp, missed, spurious).

    Exact tuples pair first; the rest pair by a maximum matching under the tolerant rules.
    """
    exact = gold & pred
    gold_left = sorted(gold - exact, key=_sort_key)
    pred_left = sorted(pred - exact, key=_sort_key)
    candidates = [[index for index, other in enumerate(pred_left)
                   if _facts_match(fact_type, fact, other, lenient_positions)]
                  for fact in gold_left]
    owner: Dict[int, int] = {}
    for index in range(len(gold_left)):
        _augment(index, candidates, owner, set())
    matched = set(owner.values())
    missed = [fact for index, fact in enumerate(gold_left) if index not in matched]
    spurious = [fact for index, fact in enumerate(pred_left) if index not in owner]
    return len(exact) + len(owner), missed, spurious


# --- scores -----------------------------------------------------------------

def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.precision * self.recall, self.precision + self.recall)


@dataclass
class Report:
    scores: Dict[str, TypeScore]
    micro: TypeScore
    missed: List[Error] = field(default_factory=list)
    spurious: List[Error] = field(default_factory=list)


def check_types(types: Optional[List[str]]) -> List[str]:
    """The fact types to score, in FACT_TYPES order; unknown ones raise ValueError."""
    if types is None:
        return list(FACT_TYPES)
    unknown = [fact_type for fact_type in types if fact_type not in FACT_TYPES]
    if unknown or not types:
        raise ValueError(f"unknown fact types {unknown or types}; valid: {', '.join(FACT_TYPES)}")
    return [fact_type for fact_type in FACT_TYPES if fact_type in types]


def score(gold: Dict[str, dict], pred: Dict[str, dict], types: Optional[List[str]] = None,
          lenient_positions: bool = False) -> Report:
    """P/R/F1 per fact type over the documents of `gold` (pred-only documents are ignored)."""
    scored = check_types(types)
    report = Report(scores={fact_type: TypeScore() for fact_type in scored}, micro=TypeScore())
    for doc_id, gold_record in gold.items():
        gold_facts = document_facts(gold_record)
        pred_facts = document_facts(pred[doc_id]) if doc_id in pred else {}
        for fact_type in scored:
            tp, missed, spurious = match_facts(fact_type, gold_facts[fact_type],
                                               pred_facts.get(fact_type, set()), lenient_positions)
            type_score = report.scores[fact_type]
            type_score.tp += tp
            type_score.fn += len(missed)
            type_score.fp += len(spurious)
            report.missed.extend((fact_type, fact) for fact in missed)
            report.spurious.extend((fact_type, fact) for fact in spurious)
    for type_score in report.scores.values():
        report.micro.tp += type_score.tp
        report.micro.fp += type_score.fp
        report.micro.fn += type_score.fn
    return report


# --- output -----------------------------------------------------------------

def format_table(report: Report) -> str:
    """A plain table: type, tp, fp, fn, P, R, F1 (3 decimals), the micro average last."""
    rows = list(report.scores.items()) + [("micro", report.micro)]
    width = max(len(name) for name, _ in rows)
    lines = [f"{'type':<{width}}  {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"]
    for name, row in rows:
        lines.append(f"{name:<{width}}  {row.tp:>5} {row.fp:>5} {row.fn:>5}  "
                     f"{row.precision:.3f}  {row.recall:.3f}  {row.f1:.3f}")
    return "\n".join(lines)


def _json_value(value):
    return sorted(value) if isinstance(value, frozenset) else value


def _score_json(row: TypeScore) -> dict:
    return {"tp": row.tp, "fp": row.fp, "fn": row.fn,
            "precision": row.precision, "recall": row.recall, "f1": row.f1}


def report_to_json(report: Report) -> dict:
    """The report as a JSON-ready dict; fact tuples become lists, signatory sets sorted lists."""
    def errors(items: List[Error]) -> List[dict]:
        return [{"type": fact_type, "fact": [_json_value(value) for value in fact]}
                for fact_type, fact in items]
    return {"scores": {name: _score_json(row) for name, row in report.scores.items()},
            "micro": _score_json(report.micro),
            "missed": errors(report.missed), "spurious": errors(report.spurious)}


# which field of a fact holds the name to look for in the text (None: nothing to look for)
NAME_FIELDS = {
    "park": 1, "park.kind": 1, "park.location": 1, "park.area": 1, "park.residents": 1,
    "park.operator": 1, "agreement": 2, "agreement.signatory": 1, "agreement.sum": 1,
    "contract.sum": None, "contract.count": 1, "person": 1, "person.position": 1,
}


def _fact_names(fact_type: str, fact: Fact) -> List[str]:
    """The names to look for in the text: one, or each signatory of a set."""
    index = NAME_FIELDS[fact_type]
    value = None if index is None else fact[index]
    if isinstance(value, frozenset):
        return sorted(value)
    return [] if value is None else [str(value)]


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def find_sentence(names: List[str], sentences: List[str]) -> Optional[str]:
    """The first sentence holding one of `names`, else the first 5 letters of a first word."""
    names = [_fold(name) for name in names if name.split()]
    needles = names + [name.split()[0][:5] for name in names]
    for needle in needles:
        for sentence in sentences:
            if needle in _fold(sentence):
                return " ".join(sentence.split())
    return None


def _show_fact(fact: Fact) -> str:
    def show(value) -> str:
        if isinstance(value, frozenset):
            return "{" + ", ".join(sorted(value)) + "}"
        return format(value, ".15g") if isinstance(value, float) else str(value)
    return f"{fact[0]}  " + " | ".join(show(value) for value in fact[1:])


def _error_lines(label: str, fact_type: str, fact: Fact, sentences_of) -> List[str]:
    lines = [f"  {label:<9} {_show_fact(fact)}"]
    sentence = find_sentence(_fact_names(fact_type, fact), sentences_of(fact[0]))
    if sentence:
        lines.append(f"  {'':<9} > {sentence}")
    return lines


def sentence_finder(texts: Dict[str, str]):
    """doc_id → the sentences of its text (none when unknown), each text split once."""
    @lru_cache(maxsize=None)
    def sentences_of(doc_id: str) -> List[str]:
        return [sentence.text for sentence in sentenize(texts.get(doc_id, ""))]
    return sentences_of


def errors_by_type(report: Report) -> Iterator[Tuple[str, List[Fact], List[Fact]]]:
    """(fact type, missed, spurious) of each scored type that has errors, in report order."""
    for fact_type in report.scores:
        missed = [fact for name, fact in report.missed if name == fact_type]
        spurious = [fact for name, fact in report.spurious if name == fact_type]
        if missed or spurious:
            yield fact_type, missed, spurious


def format_errors(report: Report, texts: Optional[Dict[str, str]] = None) -> str:
    """Misses and false hits grouped by fact type, each with its document and,
    when the text is known, the sentence it most likely came from."""
    sentences_of = sentence_finder(texts or {})
    lines: List[str] = []
    for fact_type, missed, spurious in errors_by_type(report):
        lines.append(f"{fact_type}: {len(missed)} missed, {len(spurious)} spurious")
        for label, facts in (("missed", missed), ("spurious", spurious)):
            for fact in facts:
                lines.extend(_error_lines(label, fact_type, fact, sentences_of))
    return "\n".join(lines) if lines else "no errors"


def load_all(paths: Union[str, List[str]]) -> Dict[str, dict]:
    """Records of several folders and files, merged; a doc_id twice is an error."""
    records: Dict[str, dict] = {}
    for path in [paths] if isinstance(paths, str) else paths:
        for doc_id, record in load_records(path).items():
            _add_record(records, record, path)
    return records


def evaluate_files(gold: Union[str, List[str]], pred: Union[str, List[str]], *, types: Optional[List[str]] = None,
                   lenient_positions: bool = False, as_json: bool = False,
                   errors: bool = False, texts: Optional[str] = None) -> str:
    """What `evaluate` prints: the table (or JSON, which always lists the errors),
    followed with `errors` by the misses and false hits, with sentences from `texts`."""
    report = score(load_all(gold), load_all(pred), types=types,
                   lenient_positions=lenient_positions)
    if as_json:
        return json.dumps(report_to_json(report), ensure_ascii=False, indent=2)
    output = format_table(report)
    if errors:
        output += "\n\n" + format_errors(report, load_texts(texts) if texts else None)
    return output
