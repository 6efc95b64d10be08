"""Save clips where the musician wants them, named sensibly, with title, style and cover embedded."""

from __future__ import annotations

import asyncio
import base64
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..jobs.model import ClipRecord, Job
from .library import safe_name


def export_name(job: Job, rec: ClipRecord, ext: str) -> str:
    title = rec.clip.title or job.request.title or job.request.audio_id
    return f"{safe_name(title)} - {safe_name(rec.id)}{ext}"


def export_clip(job: Job, rec: ClipRecord, folder: Path) -> Path:
    """Copy the local audio (and its cover beside it), tag the copy; return the audio's new path.

    Blocking file work: call it in a worker thread.
    """
    if not rec.audio_path or not Path(rec.audio_path).exists():
        raise FileNotFoundError("This clip's audio has not been downloaded yet.")
    src = Path(rec.audio_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free(folder / export_name(job, rec, src.suffix.lower()))
    shutil.copyfile(src, target)
    cover = Path(rec.image_path) if rec.image_path and Path(rec.image_path).exists() else None
    if cover is not None:
        shutil.copyfile(cover, target.with_suffix(cover.suffix))
    tag_file(target, title=rec.clip.title or job.request.title or rec.id,
             genre=rec.clip.tags or job.request.style, cover=cover)
    return target


@dataclass
class ExportReport:
    folder: Path
    total: int
    saved: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems:
            return f"Saved {len(self.saved)} of {self.total}. " + " ".join(self.problems[:2])
        n = len(self.saved)
        return f"Saved {n} clip{'s' if n != 1 else ''} to {self.folder}."


async def export_clips(items: list[tuple[Job, ClipRecord]], folder: Path) -> ExportReport:
    """Export each clip in a worker thread; one clip's failure is reported, not fatal to the rest."""
    report = ExportReport(folder, len(items))
    for job, rec in items:
        try:
            report.saved.append(await asyncio.to_thread(export_clip, job, rec, folder))
        except (OSError, ValueError) as exc:
            report.problems.append(f"{rec.clip.title or rec.id}: {exc}")
    return report


def _free(path: Path) -> Path:
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate


def tag_file(path: Path, *, title: str, genre: str, cover: Path | None) -> None:
    """Embed tags with mutagen, in each format's own way."""
    ext = path.suffix.lower()
    art = cover.read_bytes() if cover else b""
    mime = "image/png" if cover and cover.suffix.lower() == ".png" else "image/jpeg"
    if ext in (".mp3", ".wav"):
        from mutagen.id3 import APIC, ID3, TCON, TIT2
        if ext == ".wav":
            from mutagen.wave import WAVE
            audio = WAVE(path)
            if audio.tags is None:
                audio.add_tags()
            tags = audio.tags
        else:
            try:
                tags = ID3(path)
            except Exception:
                tags = ID3()
        tags.add(TIT2(encoding=3, text=title))
        if genre:
            tags.add(TCON(encoding=3, text=genre))
        if art:
            tags.add(APIC(encoding=3, mime=mime, type=3, desc="Cover", data=art))
        if ext == ".wav":
            audio.save()
        else:
            tags.save(path)
    elif ext == ".flac":
        from mutagen.flac import FLAC, Picture
        audio = FLAC(path)
        audio["title"] = title
        if genre:
            audio["genre"] = genre
        if art:
            audio.clear_pictures()
            audio.add_picture(_picture(Picture(), art, mime))
        audio.save()
    elif ext in (".ogg", ".oga"):
        from mutagen.flac import Picture
        from mutagen.oggvorbis import OggVorbis
        audio = OggVorbis(path)
        audio["title"] = title
        if genre:
            audio["genre"] = genre
        if art:
            data = _picture(Picture(), art, mime).write()
            audio["metadata_block_picture"] = [base64.b64encode(data).decode("ascii")]
        audio.save()
    elif ext in (".m4a", ".mp4", ".aac"):
        from mutagen.mp4 import MP4, MP4Cover
        audio = MP4(path)
        audio["\xa9nam"] = [title]
        if genre:
            audio["\xa9gen"] = [genre]
        if art:
            fmt = MP4Cover.FORMAT_PNG if mime == "image/png" else MP4Cover.FORMAT_JPEG
            audio["covr"] = [MP4Cover(art, imageformat=fmt)]
        audio.save()


def _picture(pic, data: bytes, mime: str):
    pic.type, pic.mime, pic.desc, pic.data = 3, mime, "Cover", data
    return pic
