"""The document record of spec §1 as plain dataclasses, with one serialiser.

Every record type is a dataclass; `to_dict` turns any of them (nested) into the
JSON-ready dict of the spec, and `doc_record_from_dict` reads one back.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import List, Optional, Tuple

Mention = Tuple[int, int]

# fact labels: the spec §3 fact types, also used as doc.spans keys prefixes
PARK = "park"
AGREEMENT = "agreement"
CONTRACT = "contract"
PERSON = "person"

FACT_TYPES = (
    "park", "park.kind", "park.location", "park.area", "park.residents", "park.operator",
    "agreement", "agreement.signatory", "agreement.sum",
    "contract.sum", "contract.count",
    "person", "person.position",
)

QUALIFIERS = ("более", "свыше", "около", "почти", "до", "менее", "не менее")

# signatory types
ORG = "ORG"
PER = "PER"
LOC = "LOC"


@dataclass
class Money:
    amount: float
    currency: Optional[str]
    qualifier: Optional[str] = None


@dataclass
class Area:
    value: float
    unit: str
    m2: float


@dataclass
class Residents:
    count: int
    qualifier: Optional[str] = None


@dataclass
class Park:
    name: str
    kind: Optional[str] = None
    location: Optional[str] = None
    area: Optional[Area] = None
    residents: Optional[Residents] = None
    operator: Optional[str] = None
    mentions: List[Mention] = field(default_factory=list)


@dataclass
class Signatory:
    name: str
    type: str


@dataclass
class Agreement:
    kind: str
    signatories: List[Signatory] = field(default_factory=list)
    sum: Optional[Money] = None
    mentions: List[Mention] = field(default_factory=list)


@dataclass
class Contract:
    count: Optional[int] = None
    sum: Optional[Money] = None
    mentions: List[Mention] = field(default_factory=list)


@dataclass
class Person:
    name: str
    position: Optional[str] = None
    org: Optional[str] = None
    mentions: List[Mention] = field(default_factory=list)


@dataclass
class DocRecord:
    doc_id: str
    title: Optional[str] = None
    parks: List[Park] = field(default_factory=list)
    agreements: List[Agreement] = field(default_factory=list)
    contracts: List[Contract] = field(default_factory=list)
    persons: List[Person] = field(default_factory=list)


def to_dict(record) -> dict:
    """The JSON-ready dict of any record; mentions become lists of [start, end]."""
    data = asdict(record)
    _listify_mentions(data)
    return data


def _listify_mentions(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "mentions":
                value[key] = [[int(start), int(end)] for start, end in item]
            else:
                _listify_mentions(item)
    elif isinstance(value, list):
        for item in value:
            _listify_mentions(item)


def _money(data: Optional[dict]) -> Optional[Money]:
    return Money(**data) if data else None


def _mentions(data: dict) -> List[Mention]:
    return [tuple(pair) for pair in data.get("mentions") or []]


def doc_record_from_dict(data: dict) -> DocRecord:
    """Read a spec record back; missing lists are empty, unknown keys are ignored."""
    parks = [
        Park(
            name=item["name"], kind=item.get("kind"), location=item.get("location"),
            area=Area(**item["area"]) if item.get("area") else None,
            residents=Residents(**item["residents"]) if item.get("residents") else None,
            operator=item.get("operator"), mentions=_mentions(item),
        )
        for item in data.get("parks") or []
    ]
    agreements = [
        Agreement(
            kind=item["kind"],
            signatories=[Signatory(**party) for party in item.get("signatories") or []],
            sum=_money(item.get("sum")), mentions=_mentions(item),
        )
        for item in data.get("agreements") or []
    ]
    contracts = [
        Contract(count=item.get("count"), sum=_money(item.get("sum")), mentions=_mentions(item))
        for item in data.get("contracts") or []
    ]
    persons = [
        Person(name=item["name"], position=item.get("position"), org=item.get("org"),
               mentions=_mentions(item))
        for item in data.get("persons") or []
    ]
    return DocRecord(doc_id=str(data["doc_id"]), title=data.get("title"), parks=parks,
                     agreements=agreements, contracts=contracts, persons=persons)
