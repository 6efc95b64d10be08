"""Save clips where the musician wants them: named by their template, tagged, with cover and sidecars.

Nothing is ever overwritten. The tagged copy is made under a temporary name first and then placed: the
same bytes already there (an export done twice) are kept as they are, a different file keeps its name and
the new one gets the task id or " (2)".
"""

from __future__ import annotations

import asyncio
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..api.words import N_, Words, said_by
from ..jobs.model import ClipRecord, Job
from .audio_out import AS_DELIVERED, Target, convert
from .decode import decode_all
from .name_template import DEFAULT_TEMPLATE, NameFields, place, render, temp_beside
from .tags import SIDECAR_FORMAT, TagError, TagMeta, read_cover, tag_file, write_new, write_sidecar


def export_name(job: Job, rec: ClipRecord, ext: str, template: str = DEFAULT_TEMPLATE, artist: str = "") -> str:
    """The path (relative, forward slashes) the template gives this clip before any collision."""
    return render(template, NameFields.of(job, rec, artist)).as_posix() + ext


@dataclass
class ExportedClip:
    path: Path
    reused: bool = False            # the same file was already there
    notes: list[Words] = field(default_factory=list)


def export_clip(job: Job, rec: ClipRecord, folder: Path, template: str = DEFAULT_TEMPLATE, artist: str = "",
                sidecar: bool = True, target: Target = AS_DELIVERED,
                decoded: tuple[np.ndarray, int] | None = None) -> ExportedClip:
    """Copy the local audio, tag the copy, place it without overwriting; the cover and sidecars beside it.

    Blocking file work: call it in a worker thread.
    """
    if not rec.audio_path or not Path(rec.audio_path).is_file():
        raise FileNotFoundError(Words.of(N_("This clip's audio has not been downloaded yet.")))
    src = Path(rec.audio_path)
    # a conversion for a DAW (Settings) needs the decoded samples; as delivered, the file is copied
    converting = target.converts and decoded is not None
    ext = target.format.ext if converting else src.suffix.lower()
    relpath = render(template, NameFields.of(job, rec, artist))
    earlier = exported_before(folder.joinpath(*relpath.parts[:-1]), job, rec, ext) if sidecar else None
    if earlier is not None:
        return ExportedClip(earlier, reused=True)
    cover = read_cover(rec)
    notes: list[Words] = []
    tmp = temp_beside(folder.joinpath(*relpath.parts[:-1]), ext)
    try:
        if converting and decoded is not None:
            convert(decoded[0], decoded[1], target, tmp)
        else:
            shutil.copyfile(src, tmp)
        try:
            tag_file(tmp, TagMeta.of(job, rec, artist, cover))
        except TagError as exc:
            notes.append(Words.of(N_("saved without tags ({problem})"), problem=said_by(exc)))
        # the task id tells apart two jobs' clips of one title, unless the template already holds it
        placed = place(tmp, folder, relpath, ext, tie="" if "{task_id" in template else job.task_id)
    finally:
        tmp.unlink(missing_ok=True)
    if cover:
        art = placed.path.with_name(placed.path.stem + Path(rec.image_path).suffix.lower())
        if not write_new(art, cover):
            notes.append(Words.of(N_("kept the existing {file}"), file=art.name))
    if sidecar:
        write_sidecar(placed.path, job, rec)
    return ExportedClip(placed.path, placed.reused, notes)


def exported_before(folder: Path, job: Job, rec: ClipRecord, ext: str) -> Path | None:
    """This clip's earlier export into ``folder`` (found by its sidecar), under whatever name it had then: a
    title given since would otherwise put the same clip twice in the folder."""
    try:
        sidecars = list(folder.glob("*.json"))
    except OSError:
        return None
    for path in sidecars:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
            continue
        clip = data.get("clip")
        audio = path.with_name(str(data.get("audio_file") or ""))
        if (isinstance(clip, dict) and clip.get("id") == rec.id and data.get("task_id") == job.task_id
                and audio.suffix.lower() == ext and audio.is_file()):
            return audio
    return None


@dataclass
class ExportReport:
    folder: Path
    total: int
    saved: list[Path] = field(default_factory=list)
    problems: list[Words] = field(default_factory=list)
    reused: list[Path] = field(default_factory=list)    # already there with the same bytes (also in saved)
    notes: list[Words] = field(default_factory=list)    # saved, with a remark (kept cover, no tags)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """In English, for the log (the window says it with ui.messages.export_summary)."""
        if self.problems:
            return f"Saved {len(self.saved)} of {self.total}. " + " ".join(self.problems[:2])
        n = len(self.saved) - len(self.reused)
        text = (f"Saved {n} clip{'s' if n != 1 else ''} to {self.folder}." if n
                else f"Nothing new to save in {self.folder}.")
        if self.reused:
            text += f" {len(self.reused)} {'was' if len(self.reused) == 1 else 'were'} already there."
        if self.notes:
            text += " " + " ".join(self.notes[:2])
        return text


async def export_clips(items: list[tuple[Job, ClipRecord]], folder: Path, template: str = DEFAULT_TEMPLATE,
                       artist: str = "", sidecar: bool = True, target: Target = AS_DELIVERED) -> ExportReport:
    """Export each clip in a worker thread; one clip's failure is reported, not fatal to the rest."""
    report = ExportReport(folder, len(items))
    for job, rec in items:
        try:
            decoded = await decode_all(Path(rec.audio_path)) if target.converts and rec.audio_path else None
            done = await asyncio.to_thread(export_clip, job, rec, folder, template, artist, sidecar, target, decoded)
        except (OSError, ValueError) as exc:
            report.problems.append(Words.of(N_("{name}: {problem}"), name=rec.local_title or rec.clip.title or rec.id,
                                            problem=said_by(exc)))
            continue
        report.saved.append(done.path)
        if done.reused:
            report.reused.append(done.path)
        report.notes += [Words.of(N_("{name}: {note}."), name=done.path.name, note=note) for note in done.notes]
    return report
