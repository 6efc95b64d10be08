"""Waveform peaks of a clip: the loudest sample of each of a few hundred slices, 0..1, for drawing.

PCM WAV is read with the standard library in a worker thread. Other formats (MP3, FLAC, OGG, M4A) go
through QAudioDecoder: FFmpeg decodes in its own threads and hands over small buffers on the GUI thread,
where a handler only copies bytes (well under a millisecond each; benchmarks/waveform_paint.py measures
it); the arithmetic runs in a worker thread. Results are cached on disk, keyed by the file's path and
checked against its size and mtime, so a replaced file is measured again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import struct
import sys
import time
import wave
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QUrl, Signal

from ..tasks import TaskSet

log = logging.getLogger(__name__)

BUCKETS = 600
DECODE_RATE = 22050            # Hz asked of the decoder: plenty for a picture, a quarter of the bytes of 44.1k stereo
IDLE_TIMEOUT = 15.0            # s without a buffer, an error or the end: the decoder is stuck
_CHUNK_FRAMES = 1 << 16
_MAGIC = b"CDPK1\0"
_HEADER = struct.Struct("<6sQqI")   # magic, size, mtime_ns, count; then count little-endian uint16
_QUANT = 65535
_YIELD_S = 0.002               # of work in a worker thread between handing the GIL to the GUI thread
_FLOOR = 1e-3                  # below -60 dBFS a clip is shown as silence, not stretched to full height


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


def cache_path(path: Path, cache_dir: Path, buckets: int = BUCKETS) -> Path:
    """One entry per file and size of picture; a changed file overwrites its own entry."""
    key = hashlib.sha1(f"{os.path.abspath(path)}|{buckets}".encode()).hexdigest()
    return cache_dir / f"{key}.peaks"


async def peaks_for(path: Path, cache_dir: Path, buckets: int = BUCKETS) -> list[float]:
    """The peaks of ``path``, from the cache when the file is unchanged; [] when it cannot be decoded."""
    entry = cache_path(path, cache_dir, buckets)
    try:
        st, peaks = await asyncio.to_thread(_from_disk, path, entry, buckets)
    except OSError as exc:
        log.info("no peaks for a missing or unreadable file: %s", type(exc).__name__)
        return []
    if peaks is None:
        chunks = await _decode(path)
        if chunks:
            peaks = await asyncio.to_thread(_reduce_decoded, chunks, buckets)
    if not peaks:
        return []
    try:
        await asyncio.to_thread(_write_cache, entry, st.st_size, st.st_mtime_ns, peaks)
    except OSError as exc:   # a full or read-only cache costs a recomputation next time, nothing more
        log.warning("peaks cache not written: %s", type(exc).__name__)
    return peaks


# -- worker thread ---------------------------------------------------------------------------------

def _from_disk(path: Path, entry: Path, buckets: int) -> tuple[os.stat_result, list[float] | None]:
    st = path.stat()
    cached = _read_cache(entry, st.st_size, st.st_mtime_ns, buckets)
    if cached is not None:
        return st, cached
    return st, _wav_peaks(path, buckets)


def _read_cache(entry: Path, size: int, mtime_ns: int, buckets: int) -> list[float] | None:
    try:
        data = entry.read_bytes()
        magic, c_size, c_mtime, count = _HEADER.unpack_from(data)
    except (OSError, struct.error):
        return None
    if magic != _MAGIC or (c_size, c_mtime, count) != (size, mtime_ns, buckets):
        return None
    values = array("H", data[_HEADER.size:_HEADER.size + 2 * count])
    if len(values) != count:
        return None
    if sys.byteorder == "big":
        values.byteswap()
    return [v / _QUANT for v in values]


def _write_cache(entry: Path, size: int, mtime_ns: int, peaks: list[float]) -> None:
    values = array("H", (round(v * _QUANT) for v in peaks))
    if sys.byteorder == "big":
        values.byteswap()
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    tmp.write_bytes(_HEADER.pack(_MAGIC, size, mtime_ns, len(peaks)) + values.tobytes())
    os.replace(tmp, entry)


class _Reducer:
    """Folds interleaved samples, chunk by chunk, into the loudest value of each slice of the clip."""

    def __init__(self, total_frames: int, buckets: int):
        self.total = max(1, total_frames)
        self.n = max(1, buckets)
        self.acc = [0.0] * self.n
        self.pos = 0
        self._yielded = time.perf_counter()

    def feed(self, samples: Any, channels: int, centre: int, scale: float) -> None:
        channels = max(1, channels)
        start, end = self.pos, self.pos + len(samples) // channels
        f = start
        while f < end:
            b = min(self.n - 1, f * self.n // self.total)
            # the first frame of the next slice is ceil((b + 1) * total / n); a file longer than it said
            # it was ends up in the last slice
            stop = end if b == self.n - 1 else min(end, -(-(b + 1) * self.total // self.n))
            stop = max(stop, f + 1)
            seg = samples[(f - start) * channels:(stop - start) * channels]
            peak = max(max(seg) - centre, centre - min(seg)) / scale
            self.acc[b] = max(self.acc[b], peak)
            f = stop
            if time.perf_counter() - self._yielded > _YIELD_S:
                # hand the GIL over: a GUI thread waiting for it would otherwise wait out the whole
                # switch interval (5 ms) each time the event loop calls into Python
                time.sleep(0)
                self._yielded = time.perf_counter()
        self.pos = end

    def result(self) -> list[float]:
        top = max(self.acc)
        gain = 1 / top if top >= _FLOOR else 1.0
        # quantised as the cache stores them, so a first answer and a cached one are the same numbers
        return [round(min(1.0, v * gain) * _QUANT) / _QUANT for v in self.acc]


def _pcm(data: bytes, width: int) -> tuple[array, int, float]:
    """Samples of little-endian PCM as an array, with its zero and full scale. 24 and 32 bit keep their
    top 16 bits: plenty for a picture, and it stays in C loops."""
    data = data[:len(data) - len(data) % width]   # a file cut off mid-sample
    if width == 1:
        return array("B", data), 128, 128.0
    if width == 2:
        out = array("h", data)
    else:
        top = bytearray(len(data) // width * 2)
        top[0::2] = data[width - 2::width]
        top[1::2] = data[width - 1::width]
        out = array("h", top)
    if sys.byteorder == "big":
        out.byteswap()
    return out, 0, 32768.0


def _wav_peaks(path: Path, buckets: int) -> list[float] | None:
    """None when the file is not a PCM WAV the standard library reads (float, extensible, not a WAV)."""
    try:
        with wave.open(str(path), "rb") as w:
            return _read_wav(w, buckets)
    except (wave.Error, EOFError):
        return None


def _read_wav(w: wave.Wave_read, buckets: int) -> list[float] | None:
    channels, width, total = w.getnchannels(), w.getsampwidth(), w.getnframes()
    if width not in (1, 2, 3, 4):
        return None

    def measure(frames: int) -> _Reducer:
        red = _Reducer(frames, buckets)
        while data := w.readframes(_CHUNK_FRAMES):
            samples, centre, scale = _pcm(data, width)
            red.feed(samples, channels, centre, scale)
        return red

    red = measure(total)
    if 0 < red.pos < total:
        # the header promised more frames than the file holds (a download cut short, a streamed
        # header): measure again against what is there
        w.rewind()
        red = measure(red.pos)
    return red.result() if red.pos else None


def _reduce_decoded(chunks: list[tuple[str, int, bytes]], buckets: int) -> list[float] | None:
    widths = {"Int16": 2, "Int32": 4, "UInt8": 1, "Float": 4}
    total = sum(len(data) // (widths[kind] * ch) for kind, ch, data in chunks if kind in widths)
    if total == 0:
        return None
    red = _Reducer(total, buckets)
    for kind, ch, data in chunks:
        if kind == "Float":
            red.feed(array("f", data[:len(data) - len(data) % 4]), ch, 0, 1.0)
        elif kind in widths:
            samples, centre, scale = _pcm(data, widths[kind])
            red.feed(samples, ch, centre, scale)
    return red.result()


# -- GUI thread: QAudioDecoder ---------------------------------------------------------------------

def _queue(obj: QObject, slot: str) -> None:
    # as in player.py: a direct call into the FFmpeg backend may wait on a lock its thread holds while
    # that thread waits for the GIL; queued, the slot runs from the event loop with the GIL released
    QMetaObject.invokeMethod(obj, slot, Qt.ConnectionType.QueuedConnection)


async def _decode(path: Path, idle_timeout: float = IDLE_TIMEOUT) -> list[tuple[str, int, bytes]] | None:
    """Decoded audio as (sample format, channels, bytes) buffers, or None when it cannot be decoded."""
    if QCoreApplication.instance() is None:
        return None
    from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

    fmt = QAudioFormat()
    # the FFmpeg backend needs a format: left unset, its resampler fails and no signal ever says so
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    fmt.setChannelCount(1)
    fmt.setSampleRate(DECODE_RATE)
    decoder = QAudioDecoder()
    decoder.setAudioFormat(fmt)
    decoder.setSource(QUrl.fromLocalFile(str(path)))
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bool] = loop.create_future()
    chunks: list[tuple[str, int, bytes]] = []
    last = time.monotonic()
    started = time.perf_counter()

    def take() -> None:
        nonlocal last
        t0 = time.perf_counter()
        while decoder.bufferAvailable():
            buf = decoder.read()
            if buf.isValid():
                f = buf.format()
                chunks.append((f.sampleFormat().name, f.channelCount(), bytes(buf.constData())))
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
    log.debug("decoded %d buffers in %.0f ms", len(chunks), (time.perf_counter() - started) * 1000)
    return chunks if ok and chunks else None


class PeaksCache(QObject):
    """Peaks by file path for the widgets: ``get`` answers at once and loads in the background."""

    ready = Signal(str)   # the path whose peaks are now available ([] when it could not be decoded)

    def __init__(self, cache_dir: Path, buckets: int = BUCKETS, capacity: int = 300,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.buckets = buckets
        self.capacity = capacity
        self._peaks: OrderedDict[str, list[float]] = OrderedDict()
        self._loading = TaskSet(name="waveforms")
        # one at a time: a decode keeps FFmpeg's threads busy, and the machine may have two cores
        self._sem = asyncio.Semaphore(1)

    def get(self, path: str) -> list[float] | None:
        """The peaks if known ([] for a file that cannot be decoded); None while they load."""
        if not path:
            return None
        peaks = self._peaks.get(path)
        if peaks is not None:
            self._peaks.move_to_end(path)
            return peaks
        if not self._loading.running(path):
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return None
            self._loading.spawn(self._load(path), "measuring a waveform", key=path)
        return None

    def forget(self, path: str) -> None:
        """Measure ``path`` again on the next ``get`` (the file was replaced)."""
        self._peaks.pop(path, None)

    def __len__(self) -> int:
        return len(self._peaks)

    async def aclose(self) -> None:
        await self._loading.aclose()

    async def _load(self, path: str) -> None:
        try:
            async with self._sem:
                peaks = await peaks_for(Path(path), self.cache_dir, self.buckets)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a file that breaks the decoder gets a plain bar
            log.warning("peaks failed: %s", type(exc).__name__)
            peaks = []
        self._peaks[path] = peaks
        while len(self._peaks) > self.capacity:
            self._peaks.popitem(last=False)
        self.ready.emit(path)
