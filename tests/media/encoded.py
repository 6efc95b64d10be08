"""Files like the ones musicians and the mutagen test corpus hold, made in the test with the encoders that
libsndfile carries (LAME, libopus, libFLAC, libvorbis): nothing shipped, nothing downloaded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile
from mutagen.apev2 import APEv2


def tone(seconds: float, rate: int, freq: float = 440.0, amp: float = 0.8, channels: int = 1,
         silent_half: bool = True) -> np.ndarray:
    """A sine, silent in its second half unless told otherwise; a second channel at half level."""
    t = np.arange(int(seconds * rate)) / rate
    x = amp * np.sin(2 * np.pi * freq * t)
    if silent_half:
        x[len(x) // 2:] = 0.0
    cols = [x] + [x * 0.5] * (channels - 1)
    return np.stack(cols, axis=1).astype(np.float32)


def lame_mp3(path: Path, signal: np.ndarray, rate: int = 44100) -> Path:
    """LAME-encoded, untagged, with the LAME/Xing info frame first (what QAudioDecoder stalled on)."""
    soundfile.write(str(path), signal, rate, format="MP3", subtype="MPEG_LAYER_III")
    return path


def apev2_mp3(path: Path, signal: np.ndarray, rate: int = 44100) -> Path:
    lame_mp3(path, signal, rate)
    tag = APEv2()
    tag["Title"] = "An APEv2 title"
    tag.save(str(path))
    return path


def opus(path: Path, signal: np.ndarray, rate: int = 48000) -> Path:
    soundfile.write(str(path), signal, rate, format="OGG", subtype="OPUS")
    return path


def vorbis(path: Path, signal: np.ndarray, rate: int = 44100) -> Path:
    soundfile.write(str(path), signal, rate, format="OGG", subtype="VORBIS")
    return path


def flac(path: Path, signal: np.ndarray, rate: int = 44100, subtype: str = "PCM_24") -> Path:
    soundfile.write(str(path), signal, rate, format="FLAC", subtype=subtype)
    return path


def wav(path: Path, signal: np.ndarray, rate: int = 44100, subtype: str = "PCM_16") -> Path:
    soundfile.write(str(path), signal, rate, format="WAV", subtype=subtype)
    return path
