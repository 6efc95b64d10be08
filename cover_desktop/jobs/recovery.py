"""Opening the job history whatever state the disk is in: a damaged file is moved aside (kept, never
deleted) and a fresh one started; a folder that cannot be written gives a history kept in memory for this
session. Either way the app starts and says what happened and where."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

from .rescue import move_aside
from .store import AsyncJobStore

log = logging.getLogger(__name__)

MEMORY = Path(":memory:")


def check(path: Path) -> str:
    """"" when the file is a sound database (or absent); else what is wrong. Blocking."""
    if not path.exists():
        return ""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            row = db.execute("PRAGMA quick_check").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return "" if row and row[0] == "ok" else f"quick_check says: {row[0] if row else 'nothing'}"


async def open_store(path: Path) -> tuple[AsyncJobStore, str]:
    """The store to use and a note for the user ("" when all is well)."""
    problem = await asyncio.to_thread(check, path)
    if problem:
        return await _fresh_after_damage(path, problem)
    try:
        return await AsyncJobStore(path).open(), ""
    except sqlite3.DatabaseError as exc:
        if _unwritable(exc):
            return await _in_memory(path, exc)
        return await _fresh_after_damage(path, str(exc))
    except OSError as exc:
        return await _in_memory(path, exc)


def _unwritable(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and (
        "readonly" in text or "read-only" in text or "unable to open" in text or "disk i/o" in text)


async def _fresh_after_damage(path: Path, problem: str) -> tuple[AsyncJobStore, str]:
    log.error("job history %s is damaged (%s)", path, problem)
    try:
        kept = await asyncio.to_thread(move_aside, path)
    except OSError as exc:
        return await _in_memory(path, exc)
    note = (f"The job history could not be read ({problem}). It was kept as {kept} and a new history was "
            f"started in {path.parent}.")
    try:
        return await AsyncJobStore(path).open(), note
    except (sqlite3.DatabaseError, OSError) as exc:
        return await _in_memory(path, exc)


async def _in_memory(path: Path, exc: Exception) -> tuple[AsyncJobStore, str]:
    log.error("job history %s cannot be written (%s); keeping this session's jobs in memory", path, exc)
    note = (f"The job history in {path.parent} cannot be written ({exc}). This session's jobs are kept in "
            "memory only: free some space or fix the folder's permissions, then restart.")
    return await AsyncJobStore(MEMORY).open(), note
