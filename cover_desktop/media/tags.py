"""Tags in each container's own way, and the sidecar files that keep everything the service said.

ID3 (MP3, WAV, AIFF): TIT2 TPE1 TCON TDRC USLT COMM, TXXX for the ids, APIC. Vorbis comments (FLAC, Ogg
Vorbis/Opus/FLAC): TITLE ARTIST GENRE DATE LYRICS COMMENT and COVER_DESKTOP_* for the ids, a FLAC picture
block or METADATA_BLOCK_PICTURE. MP4 (M4A): the \u00a9 atoms, freeform ``----:com.coverdesktop:*``, covr.
The format is told by the file's content, not its name. Everything here blocks: call it in a worker thread.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mutagen
from mutagen.aiff import AIFF
from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, COMM, ID3, TCON, TDRC, TIT2, TPE1, TXXX, USLT
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from ..api.words import N_, Words
from ..jobs.model import ClipRecord, Job
from .name_template import clip_title, move_new, numbered_title, temp_beside

ID_KEYS = ("audio_id", "task_id", "clip_id")
TXXX_PREFIX = "COVER_DESKTOP_"           # TXXX:COVER_DESKTOP_AUDIO_ID, and the Vorbis comment of that name
MP4_FREEFORM = "----:com.coverdesktop:"  # ----:com.coverdesktop:audio_id
LANG = "XXX"                             # ID3's "language unknown": prompts come in any language
SIDECAR_FORMAT = "cover-desktop-sidecar"


class TagError(ValueError):
    """The file is of a kind we tag but could not be written (damaged, or the disk refused)."""


@dataclass(frozen=True)
class TagMeta:
    title: str = ""
    artist: str = ""
    genre: str = ""
    date: str = ""          # YYYY-MM-DD
    lyrics: str = ""
    audio_id: str = ""
    task_id: str = ""
    clip_id: str = ""
    cover: bytes = b""
    cover_mime: str = ""    # told from the bytes when empty

    @property
    def comment(self) -> str:
        return " ".join(f"{k}={getattr(self, k)}" for k in ID_KEYS if getattr(self, k))

    @property
    def ids(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ID_KEYS if getattr(self, k)}

    @property
    def mime(self) -> str:
        return self.cover_mime or image_mime(self.cover)

    @classmethod
    def of(cls, job: Job, rec: ClipRecord, artist: str = "", cover: bytes = b"") -> TagMeta:
        """What a clip's files say about it: the lyrics are the prompt of a custom-mode request."""
        req = job.request
        # each clip of a job its own title tag: "Night Drive #2" (in a DAW two clips of one title look the same)
        return cls(title=numbered_title(job, rec), artist=artist, genre=rec.clip.tags or req.style,
                   date=dt.datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d"),
                   lyrics=req.prompt if req.custom_mode else "", audio_id=req.audio_id, task_id=job.task_id,
                   clip_id=rec.id, cover=cover)


def image_mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] == b"GIF8":
        return "image/gif"
    return "image/jpeg" if data else ""


def read_cover(rec: ClipRecord) -> bytes:
    try:
        return Path(rec.image_path).read_bytes() if rec.image_path else b""
    except OSError:
        return b""


# -- tagging -------------------------------------------------------------------------------------------
def _kinds(head: bytes) -> list[type[mutagen.FileType]]:
    """The kinds the first bytes allow (mutagen alone would trust a ".mp3" name over a FLAC header)."""
    if head.startswith(b"fLaC"):
        return [FLAC]
    if head.startswith(b"OggS"):
        return [OggVorbis, OggOpus, OggFLAC]
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return [WAVE]
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return [AIFF]
    if head[4:8] == b"ftyp":
        return [MP4]
    if head.startswith(b"ID3"):
        return [MP3, FLAC]      # a tag in front: what follows decides, mutagen looks past it
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return [MP3]
    return []


def tag_file(path: Path, meta: TagMeta) -> bool:
    """Write ``meta`` into the file, replacing what our fields held. False for a kind we do not tag (the
    file is left as it was); TagError when a file of a known kind cannot be written."""
    with open(path, "rb") as f:
        kinds = _kinds(f.read(16))
    if not kinds:
        return False
    try:
        audio = mutagen.File(path, options=kinds)
    except mutagen.MutagenError:
        return False            # damaged: nothing we can tag in it
    if audio is None:
        return False
    writer = _WRITERS.get(type(audio))
    if writer is None:
        return False
    try:
        if audio.tags is None:
            audio.add_tags()
        writer(audio, meta)
        audio.save()
    except (mutagen.MutagenError, OSError) as exc:
        raise TagError(Words.of(N_("Could not write the tags of {file}: {problem}"), file=path.name,
                                problem=str(exc))) from exc
    return True


def tag_clip(path: Path, job: Job, rec: ClipRecord, artist: str = "") -> bool:
    """Tag a clip's audio with what the app knows of it, the cover from its local copy."""
    return tag_file(path, TagMeta.of(job, rec, artist, read_cover(rec)))


def _id3(audio: Any, meta: TagMeta) -> None:
    tags: ID3 = audio.tags
    for frame, value in ((TIT2, meta.title), (TPE1, meta.artist), (TCON, meta.genre), (TDRC, meta.date)):
        tags.delall(frame.__name__)
        if value:
            tags.add(frame(encoding=3, text=value))
    tags.delall("USLT")
    if meta.lyrics:
        tags.add(USLT(encoding=3, lang=LANG, desc="", text=meta.lyrics))
    tags.delall("COMM::" + LANG)
    if meta.comment:
        tags.add(COMM(encoding=3, lang=LANG, desc="", text=meta.comment))
    for key in ID_KEYS:
        desc = TXXX_PREFIX + key.upper()
        tags.delall("TXXX:" + desc)
        if getattr(meta, key):
            tags.add(TXXX(encoding=3, desc=desc, text=getattr(meta, key)))
    if meta.cover:
        tags.delall("APIC")
        tags.add(APIC(encoding=3, mime=meta.mime, type=3, desc="Cover", data=meta.cover))


def _vorbis_fields(meta: TagMeta) -> dict[str, str]:
    out = {"TITLE": meta.title, "ARTIST": meta.artist, "GENRE": meta.genre, "DATE": meta.date,
           "LYRICS": meta.lyrics, "COMMENT": meta.comment}
    out.update({TXXX_PREFIX + k.upper(): getattr(meta, k) for k in ID_KEYS})
    return out


def _set_vorbis(audio: Any, meta: TagMeta) -> None:
    for key, value in _vorbis_fields(meta).items():
        if value:
            audio[key] = [value]
        elif key in audio:
            del audio[key]


def _picture(meta: TagMeta) -> Picture:
    pic = Picture()
    pic.type, pic.mime, pic.desc, pic.data = 3, meta.mime, "Cover", meta.cover
    return pic


def _flac(audio: Any, meta: TagMeta) -> None:
    _set_vorbis(audio, meta)
    if meta.cover:
        audio.clear_pictures()
        audio.add_picture(_picture(meta))


def _ogg(audio: Any, meta: TagMeta) -> None:
    _set_vorbis(audio, meta)
    if meta.cover:
        audio["METADATA_BLOCK_PICTURE"] = [base64.b64encode(_picture(meta).write()).decode("ascii")]


def _mp4(audio: Any, meta: TagMeta) -> None:
    for key, value in (("\xa9nam", meta.title), ("\xa9ART", meta.artist), ("\xa9gen", meta.genre),
                       ("\xa9day", meta.date), ("\xa9lyr", meta.lyrics), ("\xa9cmt", meta.comment)):
        if value:
            audio[key] = [value]
        elif key in audio:
            del audio[key]
    for key in ID_KEYS:
        atom = MP4_FREEFORM + key
        if getattr(meta, key):
            audio[atom] = [MP4FreeForm(getattr(meta, key).encode("utf-8"))]
        elif atom in audio:
            del audio[atom]
    # MP4 holds JPEG or PNG art only; another kind stays out rather than show as a broken picture
    if meta.mime in ("image/png", "image/jpeg") and meta.cover:
        fmt = MP4Cover.FORMAT_PNG if meta.mime == "image/png" else MP4Cover.FORMAT_JPEG
        audio["covr"] = [MP4Cover(meta.cover, imageformat=fmt)]


_WRITERS: dict[type, Callable[[Any, TagMeta], None]] = {
    MP3: _id3, WAVE: _id3, AIFF: _id3, FLAC: _flac, OggVorbis: _ogg, OggOpus: _ogg, OggFLAC: _ogg, MP4: _mp4,
}


# -- sidecars ---------------------------------------------------------------------------------------------
def _iso(t: float | None) -> str | None:
    return None if t is None else dt.datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def sidecar_data(job: Job, rec: ClipRecord, audio_name: str = "") -> dict[str, Any]:
    """Everything known of the clip: the request as sent, the job's times, the service's raw clip fields."""
    return {
        "format": SIDECAR_FORMAT,
        "version": 1,
        "audio_file": audio_name,
        # what was asked for; the matrix group only where there is one (it is never sent)
        "request": {k: v for k, v in job.request.to_dict().items() if k != "group" or v},
        "task_id": job.task_id,
        "status": job.raw_status,
        "times": {"created": _iso(job.created_at), "submitted": _iso(job.submitted_at),
                  "finished": _iso(job.finished_at)},
        "clip": rec.clip.to_json(),
        "local": {"title": rec.local_title, "rating": rec.rating, "favourite": rec.favourite,
                  "notes": rec.notes},
    }


def sidecar_text(job: Job, rec: ClipRecord) -> str:
    req = job.request
    lines = [
        f"Title:     {clip_title(job, rec)}",
        f"Style:     {rec.clip.tags or req.style}",
        f"Date:      {dt.datetime.fromtimestamp(job.created_at).strftime('%Y-%m-%d %H:%M')}",
    ]
    if rec.clip.duration is not None:
        lines.append(f"Duration:  {rec.clip.duration:.1f} s")
    lines += [
        f"Audio id:  {req.audio_id}",
        f"Task id:   {job.task_id}",
        f"Clip id:   {rec.id}",
        f"Mode:      {'custom' if req.custom_mode else 'plain'}",
    ]
    if req.title and req.title != clip_title(job, rec):
        lines.append(f"Asked-for title: {req.title}")
    if rec.notes:
        lines += ["", "Notes:", rec.notes]
    if req.prompt:
        lines += ["", "Lyrics / prompt:" if req.custom_mode else "Prompt:", req.prompt]
    return "\n".join(lines) + "\n"


def write_sidecar(audio_path: Path, job: Job, rec: ClipRecord) -> list[Path]:
    """``<name>.json`` and ``<name>.txt`` beside the audio; returns those written or already identical.

    A different file of that name is left alone (it may be the musician's own)."""
    data = json.dumps(sidecar_data(job, rec, audio_path.name), ensure_ascii=False, indent=2) + "\n"
    out = []
    for ext, text in ((".json", data), (".txt", sidecar_text(job, rec))):
        target = audio_path.with_suffix(ext)
        if write_new(target, text.encode("utf-8")):
            out.append(target)
    return out


def write_new(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` unless a different file is there; True when ``target`` now holds it."""
    if not os.path.lexists(target):
        tmp = temp_beside(target.parent, target.suffix)
        try:
            tmp.write_bytes(data)
            if move_new(tmp, target):
                return True
        finally:
            tmp.unlink(missing_ok=True)
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False
