"""Small, valid audio files made in the test, one per format the app keeps: no encoder package needed.

WAV through the standard library; MP3 as silent MPEG-1 Layer III frames; FLAC with verbatim subframes;
Ogg Vorbis as a real (silent) Vorbis I stream written bit by bit; M4A (AAC) through FFmpeg's encoder by way
of QMediaRecorder. Each one decodes with FFmpeg (see test_tags.py), so a tagger that breaks a file shows.
"""

from __future__ import annotations

import asyncio
import math
import struct
import wave
from pathlib import Path

RATE = 44100


def sine(seconds: float = 1.0, rate: int = RATE, freq: float = 440.0, amp: float = 0.5) -> list[float]:
    return [amp * math.sin(2 * math.pi * freq * i / rate) for i in range(int(seconds * rate))]


def wav_file(path: Path, seconds: float = 1.0, rate: int = RATE) -> Path:
    ints = [int(v * 32767) for v in sine(seconds, rate)]
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(struct.pack(f"<{len(ints)}h", *ints))
    return path


def mp3_file(path: Path, seconds: float = 1.0) -> Path:
    """Silent MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono: all-zero side info decodes to silence."""
    header = bytes([0xFF, 0xFB, 0x90, 0xC0])        # sync, MPEG-1 L3 no CRC; 128k, 44.1k, no pad; mono
    frame = header + b"\x00" * (144 * 128000 // 44100 - len(header))   # 417 bytes, 1152 samples
    path.write_bytes(frame * max(3, round(seconds * 44100 / 1152)))
    return path


# -- FLAC -------------------------------------------------------------------------------------------------
def _crc(data: bytes, poly: int, bits: int) -> int:
    top, mask, crc = 1 << (bits - 1), (1 << bits) - 1, 0
    table = []
    for i in range(256):
        c = i << (bits - 8)
        for _ in range(8):
            c = ((c << 1) ^ poly) & mask if c & top else (c << 1) & mask
        table.append(c)
    for b in data:
        crc = ((crc << 8) & mask) ^ table[((crc >> (bits - 8)) ^ b) & 0xFF]
    return crc


def flac_file(path: Path, seconds: float = 1.0, rate: int = RATE, block: int = 4096,
              signal: list[float] | None = None) -> Path:
    """Mono 16-bit FLAC with verbatim subframes (a FLAC file FFmpeg decodes, written without an encoder) of
    ``signal``, a sine unless given."""
    samples = [int(v * 32767) for v in (sine(seconds, rate) if signal is None else signal)]
    n = len(samples)
    info = struct.pack(">HH", block, block) + b"\x00" * 6
    info += ((rate << 44) | (15 << 36) | n).to_bytes(8, "big") + b"\x00" * 16
    out = bytearray(b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info)
    for k, start in enumerate(range(0, n, block)):
        chunk = samples[start:start + block]
        # sync, fixed blocking; block size in 16 bits after the header; rate from STREAMINFO; mono; 16 bit
        head = bytes([0xFF, 0xF8, 0x70, 0x08]) + chr(k).encode() + struct.pack(">H", len(chunk) - 1)
        frame = head + bytes([_crc(head, 0x07, 8)]) + b"\x02" + struct.pack(f">{len(chunk)}h", *chunk)
        out += frame + struct.pack(">H", _crc(frame, 0x8005, 16))
    path.write_bytes(bytes(out))
    return path


# -- Ogg Vorbis ---------------------------------------------------------------------------------------------
class _Bits:
    """Vorbis packs fields least significant bit first."""

    def __init__(self) -> None:
        self.value = 0
        self.count = 0

    def put(self, value: int, bits: int) -> _Bits:
        self.value |= (value & ((1 << bits) - 1)) << self.count
        self.count += bits
        return self

    def bytes(self) -> bytes:
        return self.value.to_bytes((self.count + 7) // 8, "little")


def _vorbis_setup() -> bytes:
    """One 2-entry codebook, floor 1 with no partitions, an empty residue 0, one mapping, one short mode."""
    b = _Bits().put(0, 8)                                     # one codebook
    b.put(0x564342, 24).put(1, 16).put(2, 24)                 # sync, 1 dimension, 2 entries
    b.put(0, 1).put(0, 1).put(0, 5).put(0, 5)                 # not ordered, not sparse, two 1-bit codes
    b.put(0, 4)                                               # no value lookup
    b.put(0, 6).put(0, 16)                                    # one time-domain placeholder
    b.put(0, 6).put(1, 16)                                    # one floor, type 1
    b.put(0, 5).put(1, 2).put(8, 4)                           # no partitions, multiplier 2, 8 range bits
    b.put(0, 6).put(0, 16)                                    # one residue, type 0
    b.put(0, 24).put(32, 24).put(31, 24)                      # begin 0, end 32, partition size 32
    b.put(0, 6).put(0, 8).put(0, 3).put(0, 1)                 # one class, class book 0, no cascade
    b.put(0, 6).put(0, 16)                                    # one mapping, type 0
    b.put(0, 1).put(0, 1).put(0, 2)                           # one submap, no coupling, reserved
    b.put(0, 8).put(0, 8).put(0, 8)                           # submap: time (unused), floor 0, residue 0
    b.put(0, 6).put(0, 1).put(0, 16).put(0, 16).put(0, 8)     # one mode: short blocks, mapping 0
    b.put(1, 1)                                               # framing
    return b"\x05vorbis" + b.bytes()


def _ogg_crc(data: bytes) -> int:
    crc = 0
    for b in data:
        crc ^= b << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) & 0xFFFFFFFF if crc & 0x80000000 else (crc << 1) & 0xFFFFFFFF
    return crc


def _ogg_page(packets: list[bytes], seq: int, granule: int, flags: int, serial: int = 0x0C0FFEE) -> bytes:
    lacing = bytearray()
    for p in packets:
        lacing += b"\xff" * (len(p) // 255) + bytes([len(p) % 255])
    head = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, serial, seq, 0, len(lacing)) + lacing
    page = head + b"".join(packets)
    return page[:22] + struct.pack("<I", _ogg_crc(page)) + page[26:]


def ogg_vorbis_file(path: Path, seconds: float = 1.0, rate: int = RATE) -> Path:
    """A silent Vorbis I stream: every audio packet says "floor unused" for its channel (one byte)."""
    ident = b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 1, rate, 0, 64000, 0, 0xB8, 1)  # blocks 256 / 2048
    vendor = b"samples.py"
    comment = b"\x03vorbis" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0) + b"\x01"
    pages = [_ogg_page([ident], 0, 0, 0x02), _ogg_page([comment, _vorbis_setup()], 1, 0, 0)]
    packets = max(2, round(seconds * rate / 128)) + 1    # a short block adds 128 samples after the first
    per_page, done, seq = 50, 0, 2
    while done < packets:
        n = min(per_page, packets - done)
        done += n
        last = done == packets
        pages.append(_ogg_page([b"\x00"] * n, seq, (done - 1) * 128, 0x04 if last else 0))
        seq += 1
    path.write_bytes(b"".join(pages))
    return path


# -- M4A (AAC) through FFmpeg -------------------------------------------------------------------------------
async def recorded(path: Path, container: str = "m4a", seconds: float = 1.0, rate: int = RATE,
                   signal: list[float] | None = None) -> Path:
    """The signal (a sine unless given; stereo) through one of FFmpeg's real encoders, by way of QMediaRecorder:
    m4a or flac."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import (
        QAudioBuffer,
        QAudioBufferInput,
        QAudioFormat,
        QMediaCaptureSession,
        QMediaFormat,
        QMediaRecorder,
    )

    fmt = QAudioFormat()
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    fmt.setChannelCount(2)
    fmt.setSampleRate(rate)
    ints = [int(v * 32767) for v in (sine(seconds, rate) if signal is None else signal) for _ in (0, 1)]
    data = struct.pack(f"<{len(ints)}h", *ints)
    session = QMediaCaptureSession()
    source = QAudioBufferInput(fmt)
    session.setAudioBufferInput(source)
    recorder = QMediaRecorder()
    session.setRecorder(recorder)
    media = QMediaFormat()
    if container == "m4a":
        media.setFileFormat(QMediaFormat.FileFormat.Mpeg4Audio)
        media.setAudioCodec(QMediaFormat.AudioCodec.AAC)
    else:
        media.setFileFormat(QMediaFormat.FileFormat.FLAC)
        media.setAudioCodec(QMediaFormat.AudioCodec.FLAC)
    recorder.setMediaFormat(media)
    recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
    recorder.setAutoStop(True)   # an empty buffer ends the recording
    pos, block = 0, 16384
    stopped = asyncio.Event()

    def send() -> None:
        nonlocal pos
        while pos < len(data):
            if not source.sendAudioBuffer(QAudioBuffer(data[pos:pos + block], fmt, pos * 250_000 // rate)):
                return
            pos += block
        source.sendAudioBuffer(QAudioBuffer())

    source.readyToSendAudioBuffer.connect(send)
    recorder.recorderStateChanged.connect(
        lambda s: stopped.set() if s == QMediaRecorder.RecorderState.StoppedState else None)
    recorder.record()
    await asyncio.wait_for(stopped.wait(), 20)
    return path
