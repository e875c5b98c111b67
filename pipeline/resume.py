"""extract --resume: which articles an output already holds, by doc_id and content hash.

Beside `-o FILE` every run keeps `FILE.state`, one JSON line per article written:
{"doc_id": …, "sha256": …}, the hash of the article's text and title as read. The
record format stays the spec's. A line goes to the state only after its record is
in FILE and only when the extraction did not fail, so an article counts as done
when FILE holds its doc_id and the state its current hash. An article that changed,
failed, or was cut off by a kill is extracted again and appended; `compact` then
keeps the last line of each doc_id, so FILE holds one record per article.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, Optional, Set

from .io import Article
from .output import cut_partial_line, new_file_mode

STATE_SUFFIX = ".state"


def state_path(output: str) -> str:
    return output + STATE_SUFFIX


def content_hash(article: Article) -> str:
    data = json.dumps([article.text, article.title], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def line_doc_ids(path: Path) -> Iterator[Optional[str]]:
    """The doc_id of each line of a JSONL file (None for a line without one)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                yield None
                continue
            yield data.get("doc_id") if isinstance(data, dict) else None


@dataclass
class Done:
    """What an output already holds: doc_id → hash of its record, and whether a doc_id repeats."""
    hashes: Dict[str, str] = field(default_factory=dict)
    written: Set[str] = field(default_factory=set)
    repeated: bool = False

    def holds(self, article: Article) -> bool:
        return self.hashes.get(article.doc_id) == content_hash(article)

    def add(self, doc_id: str) -> None:
        """A record of doc_id was appended: an older line of it is now superseded."""
        self.repeated = self.repeated or doc_id in self.written
        self.written.add(doc_id)


def load_done(output: str) -> Done:
    """The doc_ids of `output` whose hash the state knows; partial last lines are cut first."""
    done = Done()
    path, state = Path(output), Path(state_path(output))
    if not path.exists():
        return done
    cut_partial_line(path)
    for doc_id in line_doc_ids(path):
        if doc_id is not None:
            done.add(doc_id)
    if state.exists():
        cut_partial_line(state)
        for entry in state_entries(state):
            if entry.get("doc_id") in done.written:
                done.hashes[entry["doc_id"]] = entry.get("sha256")
    return done


def state_entries(path: Path) -> Iterator[dict]:
    """The entries of a state file; a line that is not an entry is passed over."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict):
                yield entry


def compact(path: Path) -> None:
    """Keep the last line of each doc_id (lines without one stay), atomically, in place."""
    last = {doc_id: number for number, doc_id in enumerate(line_doc_ids(path)) if doc_id is not None}
    keep = set(last.values())
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", delete=False,
                                     dir=path.parent, prefix=f".{path.name}.", suffix=".tmp") as out:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, (line, doc_id) in enumerate(zip(handle, line_doc_ids(path))):
                if doc_id is None or number in keep:
                    out.write(line)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(out.name, new_file_mode(path))
    os.replace(out.name, path)
