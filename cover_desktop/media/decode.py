"""Decoded audio for measuring and cutting: float samples shaped (frames, channels), block by block.

libsndfile (through soundfile, whose wheel carries it with libmpg123, libFLAC, libvorbis and libopus) reads
WAV, FLAC, Ogg Vorbis/Opus and MP3 in the worker thread that asks, and says at once when it cannot.
QAudioDecoder did this before and never finished some ordinary files (LAME-encoded and untagged MP3s, Opus):
FFmpeg decoded them, but the decoder's signals stopped, and the app learned of it only from a timeout. It is
kept for what libsndfile does not read (M4A/AAC, Speex, Ogg FLAC, the odd MP3 it refuses), where it runs on
the GUI thread's loop and hands over small buffers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

BLOCK_FRAMES = 1 << 16
IDLE_TIMEOUT = 10.0            # s without a buffer, an error or the end: QAudioDecoder is stuck
# libsndfile says MP3 has no length it can tell (2**63 - 1) for some files: a number past this is not one
_MAX_FRAMES = 1 << 40


class Undecodable(ValueError):
    """Neither decoder can read the file; the message says why, for the log."""


@dataclass
class Stream:
    rate: int
    channels: int
    frames: int                # as the file says; 0 when it cannot tell
    blocks: Iterator[np.ndarray]


def open_stream(path: Path) -> Stream:
    """The file's samples as float32 blocks, through libsndfile. Raises Undecodable (or OSError for a missing
    file) before any block is read. Blocking: call it in a worker thread, and iterate there."""
    import soundfile  # type: ignore[import-untyped]  # libsndfile loads on the first decode, not with the window

    try:
        f = soundfile.SoundFile(str(path))
    except soundfile.LibsndfileError as exc:
        if not path.exists():
            raise FileNotFoundError(str(path)) from None
        raise Undecodable(str(exc.error_string)) from None
    except (TypeError, RuntimeError, ValueError) as exc:
        raise Undecodable(str(exc)) from None
    frames = f.frames if 0 < f.frames < _MAX_FRAMES else 0

    def blocks() -> Iterator[np.ndarray]:
        with f:
            while True:
                try:
                    block = f.read(BLOCK_FRAMES, dtype="float32", always_2d=True)
                except soundfile.LibsndfileError as exc:
                    # a file cut short decodes up to where it breaks: keep that, as a player would
                    log.info("decoding stopped early: %s", exc.error_string)
                    return
                if not len(block):
                    return
                yield block

    return Stream(f.samplerate, f.channels, frames, blocks())


def read_all(path: Path) -> tuple[np.ndarray, int]:
    """The whole file in memory through libsndfile: (samples (frames, channels), rate). Raises Undecodable."""
    stream = open_stream(path)
    parts = list(stream.blocks)
    if not parts:
        raise Undecodable("no audio in the file")
    return np.concatenate(parts), stream.rate


def native_format(path: Path) -> tuple[int, int]:
    """Rate and channels as the container says (for asking QAudioDecoder not to convert); 44.1k stereo when
    it says nothing."""
    try:
        import mutagen
        info = getattr(mutagen.File(str(path)), "info", None)
    except Exception:  # noqa: BLE001 - any tag reader failure only costs a conversion
        info = None
    rate = int(getattr(info, "sample_rate", 0) or 44100)
    channels = int(getattr(info, "channels", 0) or 2)
    return min(max(rate, 8000), 192000), min(max(channels, 1), 8)


# -- QAudioDecoder, on the GUI thread's loop ----------------------------------------------------------------

@dataclass
class DecoderStats:
    """How long the decoder's handlers held the GUI thread, across decodes (for the benchmark)."""

    calls: int = 0
    longest_ms: float = 0.0
    total_ms: float = 0.0

    def note(self, seconds: float) -> None:
        ms = seconds * 1000
        self.calls += 1
        self.total_ms += ms
        self.longest_ms = max(self.longest_ms, ms)


decoder_stats = DecoderStats()


def _queue(obj: object, slot: str) -> None:
    from PySide6.QtCore import QMetaObject, Qt

    # as in player.py: a direct call into the FFmpeg backend may wait on a lock its thread holds while
    # that thread waits for the GIL; queued, the slot runs from the event loop with the GIL released
    QMetaObject.invokeMethod(obj, slot, Qt.ConnectionType.QueuedConnection)  # type: ignore[call-overload]


async def qt_decode(path: Path, idle_timeout: float = IDLE_TIMEOUT) -> tuple[np.ndarray, int] | None:
    """The file through QAudioDecoder as float32 (frames, channels) at its own rate, or None."""
    from PySide6.QtCore import QCoreApplication, QUrl

    if QCoreApplication.instance() is None:
        return None
    from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

    rate, channels = await asyncio.to_thread(native_format, path)
    fmt = QAudioFormat()
    # the FFmpeg backend needs a format: left unset, its resampler fails and no signal ever says so
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
    fmt.setChannelCount(channels)
    fmt.setSampleRate(rate)
    decoder = QAudioDecoder()
    decoder.setAudioFormat(fmt)
    decoder.setSource(QUrl.fromLocalFile(str(path)))
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bool] = loop.create_future()
    chunks: list[bytes] = []
    last = time.monotonic()

    def take() -> None:
        nonlocal last
        t0 = time.perf_counter()
        while decoder.bufferAvailable():
            buf = decoder.read()
            if buf.isValid() and buf.format().sampleFormat() == QAudioFormat.SampleFormat.Float:
                chunks.append(bytes(buf.constData()))
        last = time.monotonic()
        decoder_stats.note(time.perf_counter() - t0)

    def finished() -> None:
        take()
        if not done.done():
            done.set_result(True)

    def failed(*_: object) -> None:
        if not done.done():
            log.info("audio decoder: %s", decoder.errorString())
            done.set_result(False)

    decoder.bufferReady.connect(take)
    decoder.finished.connect(finished)
    decoder.error.connect(failed)
    _queue(decoder, "start")
    try:
        while not done.done():
            await asyncio.wait({done}, timeout=1.0)
            if not done.done() and time.monotonic() - last > idle_timeout:
                log.warning("audio decoder stalled; no waveform for this clip")
                done.set_result(False)
        ok = done.result()
    finally:
        for sig in (decoder.bufferReady, decoder.finished, decoder.error):
            sig.disconnect()
        _queue(decoder, "stop")
        decoder.deleteLater()
    data = b"".join(chunks)
    if not ok or len(data) < 4 * channels:
        return None
    samples = np.frombuffer(data[:len(data) - len(data) % (4 * channels)], dtype="<f4")
    return samples.reshape(-1, channels).astype(np.float32), rate


async def decode_all(path: Path) -> tuple[np.ndarray, int]:
    """The whole file, by whichever decoder reads it. Raises Undecodable or OSError."""
    try:
        return await asyncio.to_thread(read_all, path)
    except Undecodable as exc:
        reason = str(exc)
    got = await qt_decode(path)
    if got is None:
        raise Undecodable(reason)
    return got
