"""Waveform peaks and loudness of a clip, measured in one pass: the loudest sample of each of a few hundred
slices (0..1, for drawing) and its integrated loudness, loudness range and peaks (loudness.py).

Decoding is decode.py's: libsndfile in a worker thread for WAV, FLAC, Ogg and MP3, QAudioDecoder only for
what libsndfile does not read. The arithmetic is numpy's, in the same worker thread. Results are cached on
disk, keyed by the file's path and checked against its size and mtime, so a replaced file is measured again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import os
import struct
import sys
import time
from array import array
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..tasks import TaskSet
from .decode import Undecodable, decoder_stats, open_stream, qt_decode
from .loudness import Loudness, LoudnessMeter

__all__ = ["BUCKETS", "Measured", "PeaksCache", "cache_path", "decoder_stats", "measure_blocks", "measured_for",
           "peaks_for"]

log = logging.getLogger(__name__)

BUCKETS = 600
_TICK = 256                    # frames folded into one value before the slices are known (a length can lie)
_MAGIC = b"CDPK2\0"
_HEADER = struct.Struct("<6sQqI4d")   # magic, size, mtime_ns, count, loudness (NaN: none); then count uint16
_QUANT = 65535
_FLOOR = 1e-3                  # below -60 dBFS a clip is shown as silence, not stretched to full height


@dataclass(frozen=True)
class Measured:
    peaks: list[float]                 # [] when the file cannot be decoded
    loudness: Loudness | None = None


NOTHING = Measured([])


def cache_path(path: Path, cache_dir: Path, buckets: int = BUCKETS) -> Path:
    """One entry per file and size of picture; a changed file overwrites its own entry."""
    key = hashlib.sha1(f"{os.path.abspath(path)}|{buckets}".encode()).hexdigest()
    return cache_dir / f"{key}.peaks"


async def peaks_for(path: Path, cache_dir: Path, buckets: int = BUCKETS) -> list[float]:
    """The peaks of ``path``, from the cache when the file is unchanged; [] when it cannot be decoded."""
    return (await measured_for(path, cache_dir, buckets)).peaks


async def measured_for(path: Path, cache_dir: Path, buckets: int = BUCKETS) -> Measured:
    """Peaks and loudness of ``path``, from the cache when the file is unchanged."""
    entry = cache_path(path, cache_dir, buckets)
    try:
        st, cached = await asyncio.to_thread(_cached, path, entry, buckets)
    except OSError as exc:
        log.info("no peaks for a missing or unreadable file: %s", type(exc).__name__)
        return NOTHING
    if cached is not None:
        return cached
    try:
        found = await asyncio.to_thread(_measure_file, path, buckets)
    except Undecodable as exc:
        log.info("libsndfile cannot read %s (%s); trying QAudioDecoder", path.suffix, exc)
        found = NOTHING
    except OSError as exc:
        log.info("no peaks for an unreadable file: %s", type(exc).__name__)
        return NOTHING
    if not found.peaks:
        # libsndfile opened it and then gave nothing (an MP3 it misreads): FFmpeg may do better
        decoded = await qt_decode(path)
        if decoded is not None:
            found = await asyncio.to_thread(measure_blocks, [decoded[0]], decoded[1], decoded[0].shape[1], buckets)
    if not found.peaks:
        return NOTHING
    try:
        await asyncio.to_thread(_write_cache, entry, st.st_size, st.st_mtime_ns, found)
    except OSError as exc:   # a full or read-only cache costs a recomputation next time, nothing more
        log.warning("peaks cache not written: %s", type(exc).__name__)
    return found


# -- worker thread ---------------------------------------------------------------------------------

def _cached(path: Path, entry: Path, buckets: int) -> tuple[os.stat_result, Measured | None]:
    st = path.stat()
    return st, _read_cache(entry, st.st_size, st.st_mtime_ns, buckets)


def _read_cache(entry: Path, size: int, mtime_ns: int, buckets: int) -> Measured | None:
    try:
        data = entry.read_bytes()
        magic, c_size, c_mtime, count, *levels = _HEADER.unpack_from(data)
    except (OSError, struct.error):
        return None
    if magic != _MAGIC or (c_size, c_mtime, count) != (size, mtime_ns, buckets):
        return None
    values = array("H", data[_HEADER.size:_HEADER.size + 2 * count])
    if len(values) != count:
        return None
    if sys.byteorder == "big":
        values.byteswap()
    loudness = None if math.isnan(levels[0]) else Loudness(*levels)
    return Measured([v / _QUANT for v in values], loudness)


def _write_cache(entry: Path, size: int, mtime_ns: int, found: Measured) -> None:
    values = array("H", (round(v * _QUANT) for v in found.peaks))
    if sys.byteorder == "big":
        values.byteswap()
    levels = found.loudness.as_tuple() if found.loudness else (math.nan,) * 4
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    tmp.write_bytes(_HEADER.pack(_MAGIC, size, mtime_ns, len(found.peaks), *levels) + values.tobytes())
    os.replace(tmp, entry)


def _measure_file(path: Path, buckets: int) -> Measured:
    stream = open_stream(path)
    return measure_blocks(stream.blocks, stream.rate, stream.channels, buckets)


def measure_blocks(blocks: Iterable[np.ndarray], rate: int, channels: int, buckets: int = BUCKETS) -> Measured:
    """Peaks and loudness of float blocks shaped (frames, channels), in one pass."""
    meter = LoudnessMeter(rate, channels)
    ticks: list[np.ndarray] = []
    carry = np.zeros(0, dtype=np.float32)
    for block in blocks:
        meter.feed(block)
        loudest = np.concatenate((carry, np.abs(block).max(axis=1)))
        whole = len(loudest) // _TICK * _TICK
        ticks.append(loudest[:whole].reshape(-1, _TICK).max(axis=1))
        carry = loudest[whole:]
        # hand the GIL over between blocks: a GUI thread waiting for it would otherwise wait out the whole
        # switch interval (5 ms) each time the event loop calls into Python
        time.sleep(0)
    if len(carry):
        ticks.append(carry.max(keepdims=True))
    values = np.concatenate(ticks) if ticks else np.zeros(0, dtype=np.float32)
    if not len(values):
        return NOTHING
    return Measured(_slices(values, buckets), meter.result())


def _slices(ticks: np.ndarray, buckets: int) -> list[float]:
    n = max(1, buckets)
    starts = np.arange(n) * len(ticks) // n
    acc = np.maximum.reduceat(ticks, starts).astype(np.float64)
    top = float(acc.max())
    gain = 1 / top if top >= _FLOOR else 1.0
    # quantised as the cache stores them, so a first answer and a cached one are the same numbers
    return (np.round(np.minimum(1.0, acc * gain) * _QUANT) / _QUANT).tolist()


class PeaksCache(QObject):
    """Peaks and loudness by file path for the widgets: ``get`` answers at once and loads in the background."""

    ready = Signal(str)   # the path whose peaks are now available ([] when it could not be decoded)

    def __init__(self, cache_dir: Path, buckets: int = BUCKETS, capacity: int = 300,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.buckets = buckets
        self.capacity = capacity
        self._found: OrderedDict[str, Measured] = OrderedDict()
        self._loading = TaskSet(name="waveforms")
        # one at a time: the machine may have two cores, and the GUI thread needs one
        self._sem = asyncio.Semaphore(1)

    def measured(self, path: str) -> Measured | None:
        """What is known of ``path``; None while it loads (asking starts the load)."""
        if not path:
            return None
        found = self._found.get(path)
        if found is not None:
            self._found.move_to_end(path)
            return found
        if not self._loading.running(path):
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return None
            self._loading.spawn(self._load(path), "measuring a waveform", key=path)
        return None

    def get(self, path: str) -> list[float] | None:
        """The peaks if known ([] for a file that cannot be decoded); None while they load."""
        found = self.measured(path)
        return None if found is None else found.peaks

    def loudness(self, path: str) -> Loudness | None:
        """The loudness once measured (None while it loads, and for a file without it)."""
        found = self.measured(path)
        return None if found is None else found.loudness

    def known(self, path: str) -> Loudness | None:
        """The loudness if already measured, without starting a measurement."""
        found = self._found.get(path)
        return None if found is None else found.loudness

    def forget(self, path: str) -> None:
        """Measure ``path`` again on the next ``get`` (the file was replaced)."""
        self._found.pop(path, None)

    def __len__(self) -> int:
        return len(self._found)

    async def aclose(self) -> None:
        await self._loading.aclose()

    async def _load(self, path: str) -> None:
        try:
            async with self._sem:
                found = await measured_for(Path(path), self.cache_dir, self.buckets)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a file that breaks the decoder gets a plain bar
            log.warning("peaks failed: %s", type(exc).__name__)
            found = NOTHING
        self._found[path] = found
        while len(self._found) > self.capacity:
            self._found.popitem(last=False)
        self.ready.emit(path)
