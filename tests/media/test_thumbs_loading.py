"""Thumbnails while scrolling: decoded in worker threads, the rows asked for last first, prefetched rows
after every row on screen, requests a fast scroll left behind dropped, nothing landing after close."""

from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path

import pytest

import cover_desktop.media.thumbs as thumbs_module
from cover_desktop.media.thumbs import ThumbnailCache
from helpers import run, until


@pytest.fixture
def covers(tmp_path, demo) -> list[str]:
    paths = []
    for i in range(12):
        p = tmp_path / f"cover{i}.png"
        p.write_bytes(demo.image_for(f"clip{i}"))
        paths.append(str(p))
    return paths


@pytest.fixture
def held(monkeypatch):
    """Decodes wait for ``release``; records the order they ran in and their threads."""
    gate = threading.Event()
    order: list[str] = []
    threads: list[threading.Thread] = []
    real = thumbs_module._scaled

    def scaled(source: str, cached: str, px: int, dpr: float):
        gate.wait(10)
        order.append(Path(source).stem)
        threads.append(threading.current_thread())
        return real(source, cached, px, dpr)

    monkeypatch.setattr(thumbs_module, "_scaled", scaled)
    return gate, order, threads


def test_decoding_runs_in_worker_threads(aloop, tmp_path, covers, held):
    gate, order, threads = held
    gate.set()
    cache = ThumbnailCache(tmp_path / "thumbs")
    for c in covers[:4]:
        assert cache.get(c) is None
    run(aloop, until(lambda: len(cache) == 4, what="four thumbnails"))
    assert threads and all(t is not threading.main_thread() for t in threads)
    run(aloop, cache.aclose())


def test_the_rows_asked_for_last_load_first(aloop, tmp_path, covers, held):
    gate, order, _ = held
    cache = ThumbnailCache(tmp_path / "thumbs", workers=1)
    for c in covers[:4]:     # scrolling down: cover0 starts at once, the rest wait
        cache.get(c)
    gate.set()
    run(aloop, until(lambda: len(cache) == 4, what="four thumbnails"))
    assert order == ["cover0", "cover3", "cover2", "cover1"]
    run(aloop, cache.aclose())


def test_prefetched_rows_wait_for_every_row_on_screen(aloop, tmp_path, covers, held):
    gate, order, _ = held
    cache = ThumbnailCache(tmp_path / "thumbs", workers=1)
    landed: list[str] = []
    cache.ready.connect(lambda s: landed.append(Path(s).stem))
    cache.prefetch(covers[:3])          # the page below, nearest first: cover0 starts, cover1, cover2 wait
    cache.get(covers[5])                # then a row on screen asks
    gate.set()
    run(aloop, until(lambda: len(cache) == 4, what="four thumbnails"))
    assert order == ["cover0", "cover5", "cover1", "cover2"]
    loads = cache.loads
    assert all(cache.get(c) is not None for c in covers[:3]), "prefetched: there when scrolled to"
    assert cache.loads == loads
    run(aloop, until(lambda: landed == order, what="each announced, in the order it landed"))
    run(aloop, cache.aclose())


def test_covers_landing_together_are_announced_together(aloop, tmp_path, covers, monkeypatch):
    monkeypatch.setattr(thumbs_module, "ANNOUNCE_S", 0.5)
    cache = ThumbnailCache(tmp_path / "thumbs")
    batches: list[list[str]] = [[]]
    cache.ready.connect(lambda s: batches[-1].append(Path(s).stem))
    for c in covers[:3]:
        cache.get(c)
    run(aloop, until(lambda: len(cache) == 3, what="three thumbnails"))
    assert batches == [[]], "landed, not announced yet"
    run(aloop, until(lambda: len(batches[0]) == 3, what="the announcement"))
    assert sorted(batches[0]) == ["cover0", "cover1", "cover2"]
    run(aloop, cache.aclose())


def test_requests_a_fast_scroll_left_behind_are_dropped(aloop, tmp_path, covers, held):
    gate, order, _ = held
    cache = ThumbnailCache(tmp_path / "thumbs", capacity=4, workers=1)
    for c in covers:                    # twelve rows flew by; memory holds four, one more is decoding
        cache.get(c)
    gate.set()
    run(aloop, until(lambda: cache.pending() == 0, what="the queue to drain"))
    assert order == ["cover0", "cover11", "cover10", "cover9", "cover8", "cover7"]
    assert cache.get(covers[11]) is not None
    assert cache.get(covers[3]) is None, "a dropped row asks again when it is back on screen"
    run(aloop, until(lambda: cache.get(covers[3]) is not None, what="the row back on screen"))
    run(aloop, cache.aclose())


def test_nothing_lands_after_close_and_a_broken_file_is_marked(aloop, tmp_path, covers, held):
    gate, order, _ = held
    cache = ThumbnailCache(tmp_path / "thumbs", workers=1)
    landed: list[str] = []
    cache.ready.connect(landed.append)
    cache.get(covers[0])
    cache.get(covers[1])
    closing = aloop.create_task(cache.aclose())
    gate.set()
    run(aloop, closing)
    assert landed == [] and order == ["cover0"], "the running decode finished, the waiting one never started"

    bad = tmp_path / "bad.png"
    bad.write_text("<html>")
    other = ThumbnailCache(tmp_path / "thumbs2")
    other.get(str(bad))
    run(aloop, until(lambda: other.failed(str(bad)), what="the broken mark"))
    assert other.get(str(bad)) is None and other.pending() == 0, "a broken file is not tried again"
    run(aloop, other.aclose())


def test_memory_keeps_the_covers_asked_for_last_whatever_order_they_land_in(aloop, tmp_path, covers, monkeypatch):
    gates: defaultdict[str, threading.Event] = defaultdict(threading.Event)
    real = thumbs_module._scaled

    def scaled(source: str, cached: str, px: int, dpr: float):
        gates[Path(source).stem].wait(10)
        return real(source, cached, px, dpr)

    monkeypatch.setattr(thumbs_module, "_scaled", scaled)
    cache = ThumbnailCache(tmp_path / "thumbs", capacity=2, workers=2)
    a, b, c = covers[:3]
    for source in (a, b, c):          # a and b start, c waits
        cache.get(source)
    for stem, source in (("cover1", b), ("cover2", c)):   # they land b, c, then a
        gates[stem].set()
        run(aloop, until(lambda s=source: s in cache._images, what=stem))
    gates["cover0"].set()
    run(aloop, until(lambda: cache.pending() == 0, what="cover0"))
    assert cache.get(b) is not None and cache.get(c) is not None
    assert cache.get(a) is None, "asked for first, so the one to go, though it landed last"
    run(aloop, cache.aclose())
