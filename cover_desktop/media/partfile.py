"""The partial file of a download: claimed under an exclusive lock, adopted from a dead or finished writer,
committed (flushed, synced, renamed into place) or released. Blocking helpers, run in a worker thread.

Each download writes its own temporary file (``<name>.<random>.part``) and holds an exclusive lock on it
while it writes, so two instances of the app on one profile never write into the same file. A later try
adopts a partial file only when no one holds its lock (its writer finished or died).
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # no advisory locks (Windows): partial files are then never resumed
    fcntl = None  # type: ignore[assignment]


def lock(f: BinaryIO) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def part_candidates(dest: Path) -> list[Path]:
    """Partial files of earlier tries at ``dest``, largest first (the plain ``.part`` of older versions too)."""
    prefix = dest.name + "."
    found: list[tuple[int, Path]] = []
    try:
        with os.scandir(dest.parent) as it:
            for entry in it:
                if entry.name.startswith(prefix) and entry.name.endswith(".part") and entry.is_file():
                    middle = entry.name[len(prefix):-len(".part")]
                    if middle == "" or re.fullmatch(r"[0-9a-f]{12}", middle):
                        found.append((entry.stat().st_size, Path(entry.path)))
    except FileNotFoundError:
        return []
    return [p for _, p in sorted(found, key=lambda t: -t[0])]


def adopt(path: Path) -> BinaryIO | None:
    """``path`` opened and locked, if no one else is writing it and it is still that file."""
    if fcntl is None:
        return None
    try:
        f = open(path, "r+b")  # noqa: SIM115 -- the caller owns it until the download ends
    except OSError:
        return None
    try:
        # the writer may have renamed it into place between our open and our lock: then it is the
        # finished file under another name, and not ours to append to
        if lock(f) and os.stat(path).st_ino == os.fstat(f.fileno()).st_ino:
            f.seek(0, os.SEEK_END)
            return f
    except OSError:
        pass
    f.close()
    return None


def claim_part(dest: Path) -> tuple[Path, BinaryIO]:
    """A locked partial file for ``dest``: one left by a finished or dead writer, or a new one."""
    for candidate in part_candidates(dest):
        f = adopt(candidate)
        if f is not None:
            return candidate, f
    while True:
        path = dest.with_name(f"{dest.name}.{uuid.uuid4().hex[:12]}.part")
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            continue
        f = os.fdopen(fd, "r+b")
        lock(f)
        return path, f


def drop_stale_parts(dest: Path) -> None:
    """After a success, partial files for the same destination that no one is writing are garbage."""
    for candidate in part_candidates(dest):
        f = adopt(candidate)
        if f is not None:
            try:
                candidate.unlink(missing_ok=True)
            finally:
                f.close()


def size(f: BinaryIO) -> int:
    return os.fstat(f.fileno()).st_size


def truncate(f: BinaryIO) -> None:
    f.seek(0)
    f.truncate()


def read_head(f: BinaryIO) -> bytes:
    pos = f.tell()
    f.seek(0)
    head = f.read(64)
    f.seek(pos)
    return head


def commit(f: BinaryIO, part: Path, final: Path) -> None:
    f.flush()
    os.fsync(f.fileno())
    os.replace(part, final)
    try:
        dir_fd = os.open(final.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)  # the rename itself survives a power cut
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def release(f: BinaryIO, part: Path, keep: bool) -> None:
    try:
        f.flush()
    except OSError:
        pass
    if not keep:
        part.unlink(missing_ok=True)
    try:
        f.close()
    except OSError:
        pass  # what the buffer held could not be written (a full disk): the file is a shorter prefix, or gone


def drop_idle_parts(root: Path) -> int:
    """Delete every partial file under ``root`` that no one is writing; return the bytes freed. On a full
    disk they are worth less than the space they hold: they only save a download's progress."""
    freed = 0
    for part in root.rglob("*.part"):
        f = adopt(part)
        if f is None:
            continue
        try:
            size = os.fstat(f.fileno()).st_size
            part.unlink(missing_ok=True)
            freed += size
        except OSError:
            pass
        finally:
            f.close()
    return freed


def free_bytes(path: Path) -> int:
    """Free space for this user on the disk that holds ``path`` (or its nearest existing parent)."""
    for folder in (path, *path.parents):
        try:
            return shutil.disk_usage(folder).free
        except OSError:
            continue
    return 0
