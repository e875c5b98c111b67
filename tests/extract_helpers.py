"""Shared by the extractor tests: records of a text without their evidence offsets."""


def without_mentions(value):
    if isinstance(value, dict):
        return {k: without_mentions(v) for k, v in value.items() if k != "mentions"}
    if isinstance(value, list):
        return [without_mentions(v) for v in value]
    return value


def records_of(nlp, text: str, fact: str):
    return without_mentions(nlp(text)._.records[fact])
