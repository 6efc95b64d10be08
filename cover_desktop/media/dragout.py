"""The files a drag or a copy hands out: a clip named by the export template, tagged and converted as an export
is (``export_clip``), made on demand in a cache folder, so a DAW's track or a file manager's file gets the clip's
name, not the library's internal one.

Each entry is a folder named after everything its file depends on (the library file, the cover, the title and
tags, the template, the artist, the format): an unchanged clip reuses its file, a change makes a new entry and
the old one ages out. The entry is always a copy, never a hard link to the library's file: a program handed a
linked file could write into the library's byte-exact original (a DAW or a tagger editing a dropped file in
place). Entries not used for ``max_age`` go, then the least recently used while the folder is over
``max_bytes``; a use touches its entry. Everything here blocks: call it in a worker thread, except where the
caller must have the file now (a drag starting).
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..jobs.model import ClipRecord, Job
from ..settings import Settings
from .audio_out import AS_DELIVERED, Target
from .decode import Undecodable, decode_all, read_all
from .name_template import DEFAULT_TEMPLATE, template_problem

log = logging.getLogger(__name__)

MAX_BYTES = 2 << 30         # a few hundred clips as WAV: more than a session's drags
MAX_AGE = 30 * 86400        # a DAW may keep using a dropped file where it lies; a month unused, it goes


@dataclass(frozen=True)
class HandOut:
    """How an export is made, as Settings says: the file name template, the artist, the format."""
    template: str = DEFAULT_TEMPLATE
    artist: str = ""
    target: Target = AS_DELIVERED

    @classmethod
    def of(cls, settings: Settings) -> HandOut:
        usable = settings.name_template and not template_problem(settings.name_template)
        return cls(settings.name_template if usable else DEFAULT_TEMPLATE, settings.artist,
                   Target.of(settings.export_format, settings.export_rate))


def _stamp(path: str) -> list[int]:
    try:
        st = os.stat(path)
    except OSError:
        return [0, 0]
    return [st.st_size, st.st_mtime_ns]


class DragOutCache:
    def __init__(self, folder: Path, max_bytes: int = MAX_BYTES, max_age: float = MAX_AGE,
                 clock: Callable[[], float] = time.time):
        self.folder = folder
        self.max_bytes = max_bytes
        self.max_age = max_age
        self._clock = clock

    def entry(self, job: Job, rec: ClipRecord, how: HandOut) -> Path:
        """The folder of this clip's file as ``how`` makes it."""
        # the export's code (mutagen, soundfile) loads on the first drag, not with the window
        from .export import export_name
        from .tags import TagMeta

        meta = {k: v for k, v in dataclasses.asdict(TagMeta.of(job, rec, how.artist)).items() if k != "cover"}
        what = [rec.audio_path, _stamp(rec.audio_path), rec.image_path, _stamp(rec.image_path) if rec.image_path
                else [], export_name(job, rec, "", how.template, how.artist), how.target.format.value,
                how.target.rate, meta]
        digest = hashlib.sha256(json.dumps(what, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
        return self.folder / digest[:24]

    def ready(self, job: Job, rec: ClipRecord, how: HandOut) -> Path | None:
        """The file made before for this clip as ``how`` makes it, marked as used now; or None."""
        entry = self.entry(job, rec, how)
        # a converted file, or the clip as delivered when its conversion could not be made
        exts = [how.target.format.ext] if how.target.converts else []
        from .export import export_name
        for ext in [*exts, Path(rec.audio_path).suffix.lower()]:
            path = entry / export_name(job, rec, ext, how.template, how.artist)
            if path.is_file():
                try:
                    os.utime(entry)
                except OSError:
                    pass
                return path
        return None

    def make(self, job: Job, rec: ClipRecord, how: HandOut, decoded: tuple[np.ndarray, int] | None = None) -> Path:
        """This clip's file, made now unless it is there already. Raises OSError or ValueError."""
        found = self.ready(job, rec, how)
        if found is not None:
            return found
        if how.target.converts and decoded is None:
            try:
                decoded = read_all(Path(rec.audio_path))
            except Undecodable as exc:
                log.info("handed out as delivered, not converted: %s", exc)
        from .export import export_clip
        return export_clip(job, rec, self.entry(job, rec, how), how.template, how.artist, sidecar=False,
                           target=how.target, decoded=decoded).path

    async def prepare(self, job: Job, rec: ClipRecord, how: HandOut) -> tuple[Path, bool]:
        """This clip's file, made in worker threads unless it is there already; and whether it is new."""
        found = await asyncio.to_thread(self.ready, job, rec, how)
        if found is not None:
            return found, False
        # the decoder that reads what libsndfile cannot runs on the loop: decode here, not in make()
        decoded = await decode_all(Path(rec.audio_path)) if how.target.converts else None
        return await asyncio.to_thread(self.make, job, rec, how, decoded), True

    def prune(self, keep: Collection[Path] = ()) -> int:
        """Remove the entries unused for ``max_age``, then the least recently used while the folder holds more
        than ``max_bytes``, except the entries of ``keep``. Returns how many went."""
        try:
            entries = [(d.stat().st_mtime, _size(d), d) for d in self.folder.iterdir() if d.is_dir()]
        except OSError:
            return 0
        entries.sort(key=lambda e: e[0])
        total = sum(size for _, size, _ in entries)
        now, gone = self._clock(), 0
        for used, size, entry in entries:
            if entry in keep or (now - used <= self.max_age and total <= self.max_bytes):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            total -= size
            gone += 1
        return gone


def _size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total
