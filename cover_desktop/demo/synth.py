"""Real media for the demo: a few seconds of synthesized music (WAV) and a cover (PNG), per clip.

Made with the standard library only, deterministic per seed, so tests can compare bytes.
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
    n = int(RATE * seconds)
    samples = array("h", bytes(2 * n))
    two_pi = 2 * math.pi
    for i in range(n):
        t = i / RATE
        k = int(t / note_len)
        f = root * 2 ** (steps[k % len(steps)] / 12)
        local = t - k * note_len
        env = math.exp(-local * 7.0)
        v = 0.45 * env * math.sin(two_pi * f * t) + 0.18 * math.sin(two_pi * root / 2 * t)
        fade = min(1.0, t * 20, (seconds - t) * 8)
        samples[i] = int(max(-1.0, min(1.0, v * fade)) * 30000)
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
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            a = (x + y) / (2 * size)
            px = [int(c1[i] * (1 - a) + c2[i] * a) for i in range(3)]
            d = math.hypot(x - cx, y - cy)
            if r_in < d < r_out:
                ring = 0.55 if int(d) % 6 else 0.4
                px = [int(p * ring) for p in px]
            elif d <= r_in:
                px = [245, 245, 240]
            rows.extend(px)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + _png_chunk(b"IEND", b""))


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
