"""Output files that are never left half-written.

A LineFile takes whole lines and flushes each one. To stdout it writes as it goes.
To a path it writes a temporary file in the same folder, which `commit()` renames
over the path (atomic on POSIX and Windows): an interrupted run leaves the old file,
or none. With `append` (extract --resume) it adds lines to the path itself, after
cutting a partial last line that a killed run may have left, so that the file only
ever holds complete lines.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Optional, TextIO

BLOCK = 1 << 16


def cut_partial_line(path: Path) -> int:
    """Truncate `path` after its last newline; returns the number of bytes cut."""
    with open(path, "rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - BLOCK)
            handle.seek(start)
            found = handle.read(end - start).rfind(b"\n")
            if found >= 0:
                end = start + found + 1
                break
            end = start
        if end < size:
            handle.truncate(end)
        return size - end


def new_file_mode(path: Path) -> int:
    """The mode of the file we replace, or what open() would give a new one."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class LineFile:
    """Lines to stdout (path None), to a path via a temporary file, or appended to a path."""

    def __init__(self, path: Optional[str], append: bool = False, stream: Optional[TextIO] = None):
        self.path = Path(path) if path else None
        self.temporary: Optional[Path] = None
        if self.path is None:
            self.handle = stream or sys.stdout
        elif append:
            if self.path.exists():
                cut_partial_line(self.path)
            self.handle = open(self.path, "a", encoding="utf-8", newline="\n")
        else:
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", delete=False,
                                                 dir=self.path.parent, prefix=f".{self.path.name}.",
                                                 suffix=".tmp")
            self.handle, self.temporary = handle, Path(handle.name)

    def write(self, line: str) -> None:
        """One line (without its newline), written whole and flushed."""
        self.handle.write(line + "\n")
        self.handle.flush()

    def commit(self) -> None:
        """Close the file; a temporary file takes the place of the path."""
        if self.path is None:
            self.handle.flush()
            return
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        if self.temporary is not None:
            os.chmod(self.temporary, new_file_mode(self.path))
            os.replace(self.temporary, self.path)
            self.temporary = None

    def discard(self) -> None:
        """Close without committing: a temporary file is removed, appended lines stay."""
        if self.path is None:
            return
        self.handle.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None
