"""Persons titled by a park runner's role with no name after it: `директор управляющей компании
Нуржан Алимбетов`, `Анна Котова, руководитель управляющей компании`. The organisation is the operator
of the park named last before the title (or of the one park with an operator), not the last
company whose name holds `компания` (GUIDELINES: the role's org is the operator's name).

Runs once the parks are read: persons come first in the pipeline, operators after them.
"""
from __future__ import annotations

from typing import List, Optional

from .park_mentions import park_named_last_before, role_at
from .persons import REFERRED_ORGS

NAME_GAP = 2  # characters between a title and its name: a space, a comma and a space


def employ_by_role(doc, parks: List[dict]) -> None:
    """A person whose title is a runner's role alone takes that park's operator as org."""
    operated = [park for park in parks if park.get("operator")]
    if not operated or "person" not in doc.spans:
        return
    referred = doc.user_data.setdefault(REFERRED_ORGS, [])
    for span in doc.spans["person"]:
        if span.label_ != "position" or not _titled_by_role(doc, span):
            continue
        person = _person_at(doc, span)
        if person is None or person.get("org") and person["name"] not in referred:
            continue  # `директор управляющей компании ООО «Х»`: named in the title
        park = _park_before(operated, span.start_char)
        if park is not None:
            person["org"] = park["operator"]
            if person["name"] not in referred:
                referred.append(person["name"])  # what the bare role stood for (agreement_neighbours)


def _titled_by_role(doc, span) -> bool:
    """Whether the title closes with a runner's role (rules/operator_role_nouns.txt), past at
    most a park's kind word (`управляющей компании парка`)."""
    for i in range(span.start + 1, span.end):
        role = role_at(doc, i, span.end)
        if role is not None and span.end - (i + len(role)) <= 1 and doc[i].is_lower:
            return True
    return False


def _person_at(doc, span) -> Optional[dict]:
    """The person whose name follows the title, else the one whose name stands right before it
    (`Анна Котова, директор управляющей компании`)."""
    mentions = [(start, end, person) for person in doc._.persons for start, end in person.get("mentions") or []]
    after = next((person for start, _, person in mentions if 0 <= start - span.end_char <= NAME_GAP), None)
    return after or next((person for _, end, person in mentions if 0 <= span.start_char - end <= NAME_GAP), None)


def _park_before(operated: List[dict], offset: int) -> Optional[dict]:
    """The park with an operator named last before `offset`, or the only one."""
    return park_named_last_before(operated, offset) or (operated[0] if len(operated) == 1 else None)
