"""Waveform peaks: a generated sine with a silent second half has the right shape, in every PCM width, in every
format libsndfile reads (the LAME MP3s and Opus QAudioDecoder stalled on among them) and through QAudioDecoder
for M4A; the disk cache answers for an unchanged file and not for a changed one."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

import pyloudnorm
import pytest
from encoded import apev2_mp3, flac, lame_mp3, opus, tone, vorbis
from samples import flac_file, recorded

from cover_desktop.media.decode import qt_decode
from cover_desktop.media.peaks import (
    PeaksCache,
    cache_path,
    decoder_stats,
    measured_for,
    peaks_for,
)
from helpers import run, until

RATE = 22050


def sine_then_silence(seconds: float = 2.0, rate: int = RATE, amp: float = 0.8) -> list[float]:
    n = int(seconds * rate)
    return [amp * math.sin(2 * math.pi * 440 * i / rate) if i < n // 2 else 0.0 for i in range(n)]


def pcm_wav(path: Path, signal: list[float], width: int = 2, channels: int = 1, rate: int = RATE) -> Path:
    frames = bytearray()
    for v in signal:
        if width == 1:
            sample = bytes([int(128 + v * 127)])
        else:
            full = (1 << (8 * width - 1)) - 1
            sample = int(v * full).to_bytes(width, "little", signed=True)
        # the second channel is the first at half level: the peak comes from whichever is louder
        other = sample if width == 1 else int(v * 0.5 * ((1 << (8 * width - 1)) - 1)).to_bytes(
            width, "little", signed=True)
        frames += sample + (other * (channels - 1))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


def float_wav(path: Path, signal: list[float], rate: int = RATE) -> Path:
    """WAVE_FORMAT_IEEE_FLOAT, which the standard library's wave module refuses."""
    data = struct.pack(f"<{len(signal)}f", *signal)
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def assert_loud_then_silent(peaks: list[float], buckets: int, margin: int = 2) -> None:
    assert len(peaks) == buckets
    half = buckets // 2
    first, second = peaks[:half - margin], peaks[half + margin:]
    assert min(first) > 0.9, first
    assert max(second) < 0.01, second
    assert all(0.0 <= v <= 1.0 for v in peaks)


@pytest.mark.parametrize(("width", "channels"), [(1, 1), (2, 1), (2, 2), (3, 1), (3, 2), (4, 2)])
def test_pcm_wav_sine_then_silence_has_that_shape(tmp_path, aloop, width, channels):
    wav = pcm_wav(tmp_path / "a.wav", sine_then_silence(), width, channels)
    assert_loud_then_silent(run(aloop, peaks_for(wav, tmp_path / "cache", 200)), 200)


def test_a_wav_cut_short_mid_sample_is_measured_over_what_is_there(tmp_path, aloop):
    wav = pcm_wav(tmp_path / "a.wav", sine_then_silence(), 3, 2)
    size = wav.stat().st_size
    with open(wav, "r+b") as f:           # the header still promises the whole clip
        f.truncate(44 + (size - 44) * 3 // 4 + 1)
    peaks = run(aloop, peaks_for(wav, tmp_path / "cache", 90))
    assert min(peaks[:58]) > 0.9 and max(peaks[62:]) < 0.01


def test_a_quiet_clip_is_normalised_and_silence_stays_flat(tmp_path, aloop):
    quiet = pcm_wav(tmp_path / "q.wav", sine_then_silence(amp=0.05))
    assert_loud_then_silent(run(aloop, peaks_for(quiet, tmp_path / "cache", 100)), 100)
    silent = pcm_wav(tmp_path / "s.wav", [0.0] * 5000)
    assert run(aloop, peaks_for(silent, tmp_path / "cache", 100)) == [0.0] * 100


def test_second_call_is_answered_by_the_cache_and_a_changed_file_is_measured_again(tmp_path, aloop):
    cache = tmp_path / "cache"
    wav = pcm_wav(tmp_path / "a.wav", sine_then_silence())
    first = run(aloop, peaks_for(wav, cache, 50))
    entry = cache_path(wav, cache, 50)
    assert entry.exists()
    # plant other numbers in the entry: an answer that shows them came from the cache, not from the file
    planted = bytearray(entry.read_bytes())
    planted[-2:] = (12345).to_bytes(2, "little")
    entry.write_bytes(bytes(planted))
    second = run(aloop, peaks_for(wav, cache, 50))
    assert second[:-1] == first[:-1] and second[-1] == pytest.approx(12345 / 65535)
    # the same path, new content (silence first, then the sine): measured again
    pcm_wav(wav, list(reversed(sine_then_silence(2.1))))
    third = run(aloop, peaks_for(wav, cache, 50))
    assert max(third[:20]) < 0.01 and min(third[30:]) > 0.9
    assert list(cache.iterdir()) == [entry]   # replaced in place, no stale entries piling up


# a FLAC stream written by hand carries no timestamps; FFmpeg's demuxer says so, and decodes it all the same
NO_PTS = "pts == AV_NOPTS_VALUE"


def test_hand_written_flac_is_read_without_the_qt_decoder(tmp_path, aloop):
    path = tmp_path / "a.flac"
    flac_file(path, rate=RATE, signal=sine_then_silence(3.0))
    calls = decoder_stats.calls
    assert_loud_then_silent(run(aloop, peaks_for(path, tmp_path / "cache", 120)), 120)
    assert decoder_stats.calls == calls
    assert cache_path(path, tmp_path / "cache", 120).exists()


def test_float_wav_the_standard_library_refuses_is_read(tmp_path, aloop):
    path = float_wav(tmp_path / "f.wav", sine_then_silence())
    with pytest.raises(wave.Error), wave.open(str(path)):
        pass
    assert_loud_then_silent(run(aloop, peaks_for(path, tmp_path / "cache", 80)), 80)


MAKERS = {"lame.mp3": lame_mp3, "apev2.mp3": apev2_mp3, "stereo.opus": opus, "vorbis.ogg": vorbis,
          "24bit.flac": flac}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_corpus_like_files_give_peaks_and_loudness_at_once(tmp_path, aloop, name):
    # QAudioDecoder, asked for 16-bit mono at 22.05 kHz, never finished the LAME MP3s: the app waited out its
    # 15 s and drew nothing. The 10 s limit here is the test's own: the answer comes in well under a second
    rate = 48000 if name.endswith(".opus") else 44100
    signal = tone(3.0, rate, channels=2)
    path = MAKERS[name](tmp_path / name, signal, rate)
    calls = decoder_stats.calls
    found = run(aloop, measured_for(path, tmp_path / "cache", 120), timeout=10)
    assert_loud_then_silent(found.peaks, 120, margin=4)
    assert decoder_stats.calls == calls       # libsndfile read it; the Qt decoder was not needed
    assert found.loudness is not None
    # what the reference meter says of the signal before encoding (a lossy codec moves it a little)
    assert found.loudness.integrated == pytest.approx(pyloudnorm.Meter(rate).integrated_loudness(signal), abs=0.3)
    assert found.loudness.sample_peak == pytest.approx(-1.94, abs=0.5)


@pytest.mark.qt_log_ignore("^Could not open media", "Invalid data found")
def test_undecodable_and_missing_files_give_no_peaks_and_no_cache_entry(tmp_path, aloop):
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"\xff\xfb\x90\x64" + b"\x00" * 1600)
    cache = tmp_path / "cache"
    assert run(aloop, peaks_for(junk, cache)) == []
    assert run(aloop, peaks_for(tmp_path / "missing.ogg", cache)) == []
    assert not cache.exists()


@pytest.mark.parametrize("container", ["m4a", "flac"])
def test_files_from_ffmpegs_encoders_are_read(tmp_path, aloop, container):
    signal = sine_then_silence(3.0, 44100)
    path = run(aloop, recorded(tmp_path / f"a.{container}", container, rate=44100, signal=signal))
    assert path.stat().st_size > 1000
    calls = decoder_stats.calls
    found = run(aloop, measured_for(path, tmp_path / "cache", 120))
    assert_loud_then_silent(found.peaks, 120, margin=4)
    assert found.loudness is not None and found.loudness.measured
    # libsndfile has no AAC: only M4A goes through QAudioDecoder
    assert (decoder_stats.calls > calls) == (container == "m4a")


@pytest.mark.qt_log_ignore(NO_PTS)
def test_many_qt_decodes_in_a_row_finish(tmp_path, aloop):
    path = tmp_path / "a.flac"
    flac_file(path, rate=RATE, signal=sine_then_silence(1.0))

    async def many() -> list[bool]:
        return [(await qt_decode(path)) is not None for _ in range(8)]

    assert run(aloop, many()) == [True] * 8


def test_peaks_cache_loads_on_first_ask_and_signals(tmp_path, aloop, qtbot):
    wav = str(pcm_wav(tmp_path / "a.wav", sine_then_silence()))
    cache = PeaksCache(tmp_path / "cache", buckets=64)
    seen: list[str] = []
    cache.ready.connect(seen.append)
    assert cache.get(wav) is None
    run(aloop, until(lambda: seen, what="peaks ready"))
    assert seen == [wav]
    assert_loud_then_silent(cache.get(wav) or [], 64)
    assert cache.get(str(tmp_path / "nothing.wav")) is None
    run(aloop, until(lambda: len(seen) == 2, what="missing file answered"))
    assert cache.get(str(tmp_path / "nothing.wav")) == []
    run(aloop, cache.aclose())
