"""Files for a DAW: a clip converted to WAV 16/24-bit or FLAC at 44.1 or 48 kHz (soxr), tagged with its cover;
the A–B loop region as a file of its own, of the region's length, with short fades, named with its times.
The library's copy stays byte for byte what it was. Everything written is read back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
import soundfile
from encoded import lame_mp3, tone
from mutagen.flac import FLAC
from mutagen.wave import WAVE
from test_export_formats import saved_job

from cover_desktop.media.audio_out import FADE_MS, Format, Target, export_region, fade, region_times
from cover_desktop.media.export import export_clips
from helpers import run


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def mp3_maker(path: Path) -> Path:
    """A 4 s LAME MP3 at 44.1 kHz of a steady tone (what the service delivers)."""
    return lame_mp3(path.with_suffix(".mp3"), tone(4.0, 44100, amp=0.5, channels=2, silent_half=False))


@pytest.mark.parametrize(("fmt", "rate", "subtype", "container"), [
    ("wav16", 48000, "PCM_16", "WAV"),
    ("wav24", 0, "PCM_24", "WAV"),
    ("flac", 48000, "PCM_24", "FLAC"),
    ("flac", 44100, "PCM_24", "FLAC"),
])
def test_a_clip_exports_in_the_chosen_format_and_rate(tmp_path, aloop, fmt, rate, subtype, container):
    job = saved_job(tmp_path, n=1, make=mp3_maker)
    rec = job.clips[0]
    before = digest(rec.audio_path)
    report = run(aloop, export_clips([(job, rec)], tmp_path / "out", artist="Ada", target=Target.of(fmt, rate)))
    assert report.ok, report.problems
    path = report.saved[0]
    assert path.suffix == (".flac" if fmt == "flac" else ".wav")
    info = soundfile.info(str(path))
    assert (info.format, info.subtype, info.samplerate, info.channels) == (container, subtype, rate or 44100, 2)
    assert info.duration == pytest.approx(4.0, abs=0.1)
    # the tone survived the resampler at its level (0.5 peak): no drop-out, no gain, no clipping
    data, _ = soundfile.read(str(path))
    assert np.abs(data[info.samplerate:2 * info.samplerate, 0]).max() == pytest.approx(0.5, abs=0.03)
    if container == "FLAC":
        tags = FLAC(path)
        assert (tags["title"], tags["artist"]) == (["Night Drive"], ["Ada"])
        assert tags.pictures[0].data == Path(rec.image_path).read_bytes()
    else:
        tags = WAVE(path).tags
        assert str(tags["TIT2"]) == "Night Drive"
        assert tags.getall("APIC")[0].data == Path(rec.image_path).read_bytes()
    assert digest(rec.audio_path) == before


def test_as_delivered_copies_the_file(tmp_path, aloop):
    job = saved_job(tmp_path, n=1, make=mp3_maker)
    report = run(aloop, export_clips([(job, job.clips[0])], tmp_path / "out", target=Target.of("", 48000)))
    assert report.saved[0].suffix == ".mp3"
    assert soundfile.info(str(report.saved[0])).samplerate == 44100


@pytest.mark.parametrize(("fmt", "rate"), [("", 0), ("flac", 48000), ("wav16", 44100)])
def test_the_loop_region_becomes_a_file_of_its_length_with_fades(tmp_path, aloop, fmt, rate):
    job = saved_job(tmp_path, n=2, make=mp3_maker)
    rec = job.clips[1]
    before = digest(rec.audio_path)
    out = tmp_path / "loops"
    written = run(aloop, export_region(job, rec, out, 1250, 3000, Target.of(fmt, rate)))
    expect_ext = ".flac" if fmt == "flac" else ".wav"
    assert written.path.name == f"Night Drive #2 0m01.2s-0m03.0s{expect_ext}"
    assert region_times(61_250, 63_000) == "1m01.2s-1m03.0s"
    data, got_rate = soundfile.read(str(written.path), always_2d=True)
    assert got_rate == (rate or 44100)
    assert len(data) == pytest.approx(1.75 * got_rate, abs=2)
    # fades: silence at both ends, the full tone a little way in
    edge = int(got_rate * FADE_MS / 1000)
    assert np.abs(data[:3, 0]).max() < 0.01 and np.abs(data[-3:, 0]).max() < 0.01
    assert np.abs(data[edge:edge * 4, 0]).max() == pytest.approx(0.5, abs=0.03)
    if fmt == "flac":
        assert FLAC(written.path)["title"] == ["Night Drive #2 (0m01.2s-0m03.0s)"]   # as the file name says
    else:
        assert str(WAVE(written.path).tags["TIT2"]) == "Night Drive #2 (0m01.2s-0m03.0s)"
    assert digest(rec.audio_path) == before
    # the same region again is the same file, not a copy
    again = run(aloop, export_region(job, rec, out, 1250, 3000, Target.of(fmt, rate)))
    assert again.path == written.path and again.reused


def test_fade_is_short_and_symmetric():
    x = np.ones((44100, 1), dtype=np.float32)
    y = fade(x, 44100)
    n = 441
    assert y[0, 0] < 0.001 and y[n, 0] == 1.0 and y[-n - 1, 0] == 1.0
    assert np.allclose(y[:n, 0], y[::-1][:n, 0])
    assert Format("flac").ext == ".flac"
