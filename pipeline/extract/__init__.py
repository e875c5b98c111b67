"""Relation extractors, one module per fact type, and the record assembler.

Importing this package registers every factory; EXTRACTORS is their order in
the pipeline (agreements before contracts: a sum an agreement owns is no total).
"""
from . import agreements, assemble, contracts, parks, persons  # noqa: F401

EXTRACTORS = ("person_extractor", "park_extractor", "agreement_extractor", "contract_extractor")
