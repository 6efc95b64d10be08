"""M3U8 playlists of saved clips, with paths relative to the playlist so the folder can move as a whole."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..jobs.model import ClipRecord, Job
from .name_template import clip_title, temp_beside

Entry = tuple["str | Path | None", str, "float | None"]   # audio path, title, duration in seconds


@dataclass(frozen=True)
class PlaylistReport:
    path: Path
    written: int
    skipped: int        # entries with no local file

    def summary(self) -> str:
        """In English, for the log (the window says it with ui.messages.playlist_summary)."""
        text = f"Wrote {self.path.name} with {self.written} clip{'s' if self.written != 1 else ''}."
        if self.skipped:
            text += f" {self.skipped} not saved on this computer yet {'was' if self.skipped == 1 else 'were'} left out."
        return text


def entries_for(items: Iterable[tuple[Job, ClipRecord]]) -> list[Entry]:
    return [(rec.audio_path or None, clip_title(job, rec), rec.clip.duration) for job, rec in items]


def _location(audio: Path, folder: Path) -> str:
    try:
        rel = os.path.relpath(audio, folder)
    except ValueError:     # another drive on Windows: no relative path exists
        rel = str(audio)
    return rel.replace(os.sep, "/")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def m3u8_text(path: Path, entries: Iterable[Entry]) -> tuple[str, int, int]:
    """The playlist's text, how many entries it holds and how many were skipped. Blocking (a stat each)."""
    folder = Path(os.path.abspath(path)).parent
    lines = ["#EXTM3U"]
    written = skipped = 0
    for audio, title, duration in entries:
        if not audio or not Path(audio).is_file():
            skipped += 1
            continue
        secs = -1 if duration is None else round(duration)   # -1: length unknown, as the format has it
        lines.append(f"#EXTINF:{secs},{_one_line(title)}")
        lines.append(_location(Path(os.path.abspath(audio)), folder))
        written += 1
    return "\n".join(lines) + "\n", written, skipped


def write_m3u8(path: Path, entries: Iterable[Entry]) -> PlaylistReport:
    """Write (or replace) the playlist at ``path``, UTF-8. Blocking: call it in a worker thread."""
    text, written, skipped = m3u8_text(path, entries)
    tmp = temp_beside(path.parent, ".m3u8")
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)   # the musician chose this name in a save dialog, which asked about replacing
    finally:
        tmp.unlink(missing_ok=True)
    return PlaylistReport(path, written, skipped)


async def export_playlist(path: Path, items: list[tuple[Job, ClipRecord]]) -> PlaylistReport:
    """The clips (in this order) as a playlist, written in a worker thread."""
    return await asyncio.to_thread(write_m3u8, path, entries_for(items))
