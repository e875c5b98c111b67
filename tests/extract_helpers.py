"""Shared by the extractor tests: records of a text without their evidence offsets."""


def without_mentions(value):
    if isinstance(value, dict):
        return {k: without_mentions(v) for k, v in value.items() if k != "mentions"}
    if isinstance(value, list):
        return [without_mentions(v) for v in value]
    return value


def records_of(nlp, text: str, fact: str):
    return without_mentions(nlp(text)._.records[fact])


def agreement(kind, signatories, sum=None):
    """An agreement record as the extractor writes it, mentions aside."""
    return {"kind": kind, "signatories": [{"name": n, "type": t} for n, t in signatories], "sum": sum}


def money(amount, currency, qualifier=None):
    return {"amount": amount, "currency": currency, "qualifier": qualifier}


def park(name, kind, location=None, area=None, residents=None, operator=None):
    """A park record as the extractor writes it, mentions aside."""
    return {"name": name, "kind": kind, "location": location, "area": area,
            "residents": residents, "operator": operator}


def area(value, unit, m2):
    """A park's area as the extractor writes it."""
    return {"value": value, "unit": unit, "m2": m2}


def residents(count, qualifier=None):
    """A park's resident count as the extractor writes it."""
    return {"count": count, "qualifier": qualifier}
