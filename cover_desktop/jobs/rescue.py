"""The job history's file, kept where it belongs while the app runs.

A running app holds its history open. When the file under that name goes away (the data folder deleted, a
clean-up tool) or is replaced by another one (a sync tool, a restore, garbage), SQLite goes on writing into the
file it opened, which nobody will ever read again: at the next start every job would be gone. So before each
use the store checks that the name still leads to the file it has open; if not, whatever is there now is
moved aside (kept, never deleted), and the open database, whole and current, is copied back under the name.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

log = logging.getLogger(__name__)


def move_aside(path: Path) -> Path:
    """Rename the file (and its journal) out of the way; return the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class FileWatch:
    """Whether ``path`` still names the database file that was opened under it."""

    def __init__(self, path: Path):
        self.path = path
        self.identity = _identity(path)

    def intact(self) -> bool:
        return self.identity is None or _identity(self.path) == self.identity

    def put_back(self, db: sqlite3.Connection) -> str:
        """Copy the open database ``db`` back under the name; the caller then closes ``db`` and opens the name
        again (in that order: closing a WAL database deletes its ``-wal`` file by name). Words for the log."""
        path = self.path
        kept = move_aside(path) if path.exists() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = sqlite3.connect(str(path))
        try:
            db.backup(fresh)
        finally:
            fresh.close()
        if kept is not None:
            return f"the job history {path} was replaced while the app ran; the other file was kept as {kept}"
        return f"the job history {path} was deleted while the app ran"
