"""Real media for the demo: a few seconds of synthesized music (WAV) and a cover (PNG), per clip.

Deterministic per seed, so tests can compare bytes. Computed a whole array at a time: sample by sample in
Python, one clip's audio and cover took 150 ms of CPU, and every job of a test run or a demo session makes new
clips.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import struct
import wave
import zlib
from array import array

import numpy as np

RATE = 22050


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode()).digest()[:4], "big")


@functools.lru_cache(maxsize=64)
def wav_bytes(seed_text: str, seconds: float = 3.0) -> bytes:
    """A little arpeggio over a bass note; the key and tempo depend on the seed."""
    seed = _seed(seed_text)
    root = 196.0 * 2 ** ((seed % 12) / 12)
    steps = [0, 4, 7, 12, 7, 4] if seed & 1 else [0, 3, 7, 10, 7, 3]
    note_len = 0.18 + (seed >> 4) % 4 * 0.04
    t = np.arange(int(RATE * seconds)) / RATE
    k = (t / note_len).astype(np.int64)
    f = root * 2 ** (np.asarray(steps)[k % len(steps)] / 12)
    env = np.exp(-(t - k * note_len) * 7.0)
    v = 0.45 * env * np.sin(2 * math.pi * f * t) + 0.18 * np.sin(2 * math.pi * root / 2 * t)
    fade = np.minimum(1.0, np.minimum(t * 20, (seconds - t) * 8))
    samples = (np.clip(v * fade, -1.0, 1.0) * 30000).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


@functools.lru_cache(maxsize=64)
def png_bytes(seed_text: str, size: int = 256) -> bytes:
    """A two-colour gradient with a record-like disc; colours depend on the seed."""
    seed = _seed(seed_text)
    c1 = ((seed >> 0) & 0xFF, (seed >> 8) & 0xFF, (seed >> 16) & 0xFF)
    c2 = (255 - c1[1], (c1[2] + 90) & 0xFF, (c1[0] + 160) & 0xFF)
    cx = cy = size / 2
    r_out, r_in = size * 0.36, size * 0.07
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    a = ((x + y) / (2 * size))[..., None]
    px = (np.asarray(c1) * (1 - a) + np.asarray(c2) * a).astype(np.int64)
    d = np.hypot(x - cx, y - cy)
    on_disc = (r_in < d) & (d < r_out)
    ring = np.where(d.astype(np.int64) % 6 != 0, 0.55, 0.4)[..., None]
    px = np.where(on_disc[..., None], (px * ring).astype(np.int64), px)
    px = np.where((d <= r_in)[..., None], np.asarray([245, 245, 240]), px)
    # each row starts with its filter byte (0: none)
    rows = np.concatenate([np.zeros((size, 1), np.uint8), px.astype(np.uint8).reshape(size, size * 3)], axis=1)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 6)) + _png_chunk(b"IEND", b""))


@functools.lru_cache(maxsize=8)
def solid_png(size: int = 64, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """One colour, as small as a PNG gets (136 bytes at 64×64): smaller than any write buffer."""
    rows = (b"\x00" + bytes(rgb) * size) * size
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(rows, 9)) + _png_chunk(b"IEND", b""))


def _extended(value: int) -> bytes:
    """An integer as the 80-bit IEEE extended float AIFF keeps its sample rate in."""
    exponent = value.bit_length() - 1
    return struct.pack(">HQ", 16383 + exponent, value << (63 - exponent))


def aiff_bytes(wav: bytes) -> bytes:
    """The same sound as AIFF: the format Apple's tools write, big-endian samples in a ``FORM`` chunk."""
    with wave.open(io.BytesIO(wav)) as w:
        channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
        frames = w.getnframes()
        samples = array("h", w.readframes(frames))
    samples.byteswap()
    comm = struct.pack(">hIh", channels, frames, width * 8) + _extended(rate)
    ssnd = struct.pack(">II", 0, 0) + samples.tobytes()
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm + b"SSND" + struct.pack(">I", len(ssnd)) + ssnd
    return b"FORM" + struct.pack(">I", len(body)) + body
