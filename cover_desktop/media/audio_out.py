"""Writing audio for a DAW: a clip converted to WAV or FLAC at a chosen rate, or the A–B loop region of a
clip as a file of its own with short fades, named by the template with the region's times and tagged.

The library's copy is only ever read. Resampling is soxr's (its VHQ setting: a linear-phase filter that keeps
the band to 20 kHz and puts aliasing under -140 dB). Floats are clipped to full scale before they become
integers, which libsndfile would otherwise wrap.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..jobs.model import ClipRecord, Job
from .decode import decode_all
from .name_template import DEFAULT_TEMPLATE, NameFields, place, render, temp_beside
from .safe_names import TITLE_BYTES, limit_bytes

if TYPE_CHECKING:
    from .tags import TagMeta

FADE_MS = 10            # in and out: a cut mid-wave clicks; 10 ms is under what the ear hears as a fade


class Format(str, enum.Enum):
    """Export formats as Settings keeps them."""
    DELIVERED = ""       # the service's file as it came
    WAV16 = "wav16"
    WAV24 = "wav24"
    FLAC = "flac"

    @property
    def ext(self) -> str:
        return ".flac" if self is Format.FLAC else ".wav"

    @property
    def container(self) -> str:
        return "FLAC" if self is Format.FLAC else "WAV"

    @property
    def subtype(self) -> str:
        return "PCM_16" if self is Format.WAV16 else "PCM_24"


RATES = (0, 44100, 48000)     # 0: as delivered


@dataclass(frozen=True)
class Target:
    format: Format = Format.DELIVERED
    rate: int = 0

    @classmethod
    def of(cls, fmt: str, rate: int) -> Target:
        try:
            f = Format(fmt)
        except ValueError:
            f = Format.DELIVERED
        return cls(f, rate if rate in RATES else 0)

    @property
    def converts(self) -> bool:
        return self.format is not Format.DELIVERED


AS_DELIVERED = Target()


def resample(samples: np.ndarray, rate: int, to: int) -> np.ndarray:
    if not to or to == rate:
        return samples
    import soxr  # type: ignore[import-untyped]
    return np.asarray(soxr.resample(samples, rate, to, quality="VHQ"), dtype=np.float32)


def fade(samples: np.ndarray, rate: int, ms: float = FADE_MS) -> np.ndarray:
    """Raised-cosine fades in and out, each at most a quarter of the region."""
    n = min(int(rate * ms / 1000), len(samples) // 4)
    out = np.array(samples, dtype=np.float32, copy=True)
    if n > 0:
        ramp = (0.5 - 0.5 * np.cos(np.pi * (np.arange(n) + 0.5) / n)).astype(np.float32)[:, None]
        out[:n] *= ramp
        out[-n:] *= ramp[::-1]
    return out


def write(path: Path, samples: np.ndarray, rate: int, fmt: Format) -> None:
    # soundfile and the tags (mutagen) load on the first file written: the window paints without them
    import soundfile  # type: ignore[import-untyped]

    soundfile.write(str(path), np.clip(samples, -1.0, 1.0), rate, format=fmt.container, subtype=fmt.subtype)


def region_times(a_ms: int, b_ms: int) -> str:
    """The region as a name can hold it (no colons): 0m12.5s-0m20.0s."""
    def one(ms: int) -> str:
        return f"{ms // 60000}m{ms % 60000 / 1000:04.1f}s"
    return f"{one(a_ms)}-{one(b_ms)}"


@dataclass
class Written:
    path: Path
    reused: bool
    frames: int
    rate: int
    tagged: bool


def _place(samples: np.ndarray, rate: int, fmt: Format, folder: Path, relpath: Path, meta: TagMeta,
           tie: str) -> Written:
    from .tags import TagError, tag_file

    tmp = temp_beside(folder.joinpath(*relpath.parts[:-1]), fmt.ext)
    try:
        write(tmp, samples, rate, fmt)
        try:
            tagged = tag_file(tmp, meta)
        except TagError:
            tagged = False
        placed = place(tmp, folder, relpath, fmt.ext, tie=tie)
    finally:
        tmp.unlink(missing_ok=True)
    return Written(placed.path, placed.reused, len(samples), rate, tagged)


def cut(samples: np.ndarray, rate: int, a_ms: int, b_ms: int) -> np.ndarray:
    a = max(0, int(round(a_ms * rate / 1000)))
    b = min(len(samples), int(round(b_ms * rate / 1000)))
    if b <= a:
        raise ValueError("The loop region is empty.")
    return fade(samples[a:b], rate)


def write_region(samples: np.ndarray, rate: int, job: Job, rec: ClipRecord, folder: Path, a_ms: int, b_ms: int,
                 target: Target, template: str = DEFAULT_TEMPLATE, artist: str = "") -> Written:
    """The region a–b of decoded samples as a file in ``folder``. Blocking: call it in a worker thread."""
    region = resample(cut(samples, rate, a_ms, b_ms), rate, target.rate)
    out_rate = target.rate or rate
    fmt = target.format if target.converts else Format.WAV24
    times = region_times(a_ms, b_ms)
    relpath = render(template, NameFields.of(job, rec, artist))
    # the times after the whole name ("Night Drive #2 0m12.0s-0m20.0s"), within a file name's bytes
    relpath = relpath.with_name(limit_bytes(relpath.name, TITLE_BYTES - len(times) - 1) + " " + times)
    from .tags import TagMeta, read_cover

    meta = TagMeta.of(job, rec, artist, read_cover(rec))
    meta = dataclasses.replace(meta, title=f"{meta.title} ({times})")
    return _place(region, out_rate, fmt, folder, relpath, meta, "" if "{task_id" in template else job.task_id)


async def export_region(job: Job, rec: ClipRecord, folder: Path, a_ms: int, b_ms: int, target: Target,
                        template: str = DEFAULT_TEMPLATE, artist: str = "") -> Written:
    """Decode the clip's local copy and write the region. Raises FileNotFoundError, Undecodable, OSError."""
    import asyncio

    if not rec.audio_path or not Path(rec.audio_path).is_file():
        raise FileNotFoundError(rec.audio_path or rec.id)
    samples, rate = await decode_all(Path(rec.audio_path))
    return await asyncio.to_thread(write_region, samples, rate, job, rec, folder, a_ms, b_ms, target, template,
                                   artist)


def convert(samples: np.ndarray, rate: int, target: Target, tmp: Path) -> None:
    """A whole clip in the target format at ``tmp`` (whose extension is the target's)."""
    write(tmp, resample(samples, rate, target.rate), target.rate or rate, target.format)
