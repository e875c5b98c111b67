"""record_assembler: the extractors' findings → doc._.records, the spec's JSON dict.

The doc_id is not known inside the pipeline; the caller sets it (see
`pipeline.extract_records`). The title is the first non-empty line.
"""
from __future__ import annotations

from spacy.language import Language

from ..records import DocRecord, to_dict
from .common import FACT_LISTS


def title_of(text: str):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


class RecordAssembler:
    def __call__(self, doc):
        record = to_dict(DocRecord(doc_id="", title=title_of(doc.text)))
        for name in FACT_LISTS:
            record[name] = list(getattr(doc._, name))
        doc._.records = record
        return doc


@Language.factory("record_assembler", assigns=["doc._.records"],
                  requires=["doc._.parks", "doc._.agreements", "doc._.contracts", "doc._.persons"])
def make_record_assembler(nlp, name):
    return RecordAssembler()
