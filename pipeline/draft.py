"""`python -m pipeline draft-gold`: predictions written as gold drafts for an annotator.

One `<doc_id>.json` per article, pretty-printed (indent 1, UTF-8 as is), keys in the
order of spec §1. An existing file is never overwritten without `force`; a doc_id that
cannot be a file name, or that comes twice in one run, is refused.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable, Optional, Set

from .batch import chunks, records_of
from .io import InputError, Item, iter_articles
from .nlp import shared_nlp
from .records import doc_record_from_dict, to_dict

log = logging.getLogger("pipeline")

UNSAFE = set('/\\:*?"<>|\x00')


def dump_draft(record: dict) -> str:
    """The file text of one record: spec key order, indent 1, a final newline."""
    return json.dumps(to_dict(doc_record_from_dict(record)), ensure_ascii=False, indent=1) + "\n"


def is_file_name(doc_id: str) -> bool:
    return doc_id not in {"", ".", ".."} and not UNSAFE & set(doc_id) and doc_id.isprintable()


def refusal(item: Item, folder: Path, force: bool, taken: Set[str]) -> Optional[str]:
    """Why this input gets no draft, or None."""
    if isinstance(item, InputError):
        return str(item)
    where = f"{item.source}:{item.doc_id}"
    if not is_file_name(item.doc_id):
        return f"{where}: doc_id cannot be a file name"
    if item.doc_id in taken:
        return f"{where}: doc_id already drafted in this run"
    taken.add(item.doc_id)
    path = folder / f"{item.doc_id}.json"
    if path.exists() and not force:
        return f"{where}: {path} exists (--force overwrites it)"
    return None


def save_draft(record: dict, folder: Path, force: bool) -> bool:
    """Write one draft; False (reported) when extraction failed or the file cannot be written
    (it may also have appeared since it was looked for)."""
    if record.pop("failed", False):
        return False  # records_of has reported it
    path = folder / f"{record['doc_id']}.json"
    try:
        with open(path, "w" if force else "x", encoding="utf-8") as out:
            out.write(dump_draft(record))
    except FileExistsError:
        log.error("%s exists (--force overwrites it)", path)
        return False
    except OSError as error:
        log.error("%s: cannot write: %s", path, error.strerror or error)
        return False
    return True


def write_drafts(inputs: Iterable[str], folder: str, force: bool = False, nlp=None,
                 batch_size: int = 32) -> int:
    """Draft every input into `folder` (created if missing); returns the number of failures."""
    nlp = nlp or shared_nlp()
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    failures, taken = 0, set()
    for chunk in chunks(iter_articles(inputs), batch_size):
        articles = []
        for item in chunk:
            problem = refusal(item, target, force, taken)
            if problem:
                log.error("%s", problem)
                failures += 1
            else:
                articles.append(item)
        for record in records_of(nlp, articles, batch_size) if articles else []:
            failures += not save_draft(record, target, force)
    return failures
