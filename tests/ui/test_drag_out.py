"""Dragging clips out, and Ctrl+C: a DAW or a file manager gets a file named by the export template and tagged as
an export is, made in the cache; the library's own file stays byte for byte what the service sent."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import mutagen
from mutagen.flac import FLAC
from PySide6.QtGui import QGuiApplication

from cover_desktop.media.dragout import HandOut
from cover_desktop.settings import Dirs
from helpers import find, finished_window, jobs, run, until


def digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def river(harness, demo, aloop, **settings):
    """A finished job of two clips titled "River", its clips listed, the artist "Ada" in Settings."""
    win = harness.window(demo.api_url, artist="Ada", **settings)
    return finished_window(harness, demo, aloop, "aud-river", win=win, prompt="water words", style="folk",
                           title="River")


def dragged(win, *rows: int) -> list[Path]:
    model = find(win, "clipsView").model()
    mime = model.mimeData([model.index(r) for r in rows])
    assert "text/uri-list" in mime.formats()
    return [Path(u.toLocalFile()) for u in mime.urls()]


def test_a_dragged_clip_is_named_by_the_template_and_tagged_and_the_library_file_is_untouched(
        harness, demo, keyed, aloop):
    win = river(harness, demo, aloop)
    first, second = jobs(win)[0].clips
    before = {rec.id: digest(rec.audio_path) for rec in (first, second)}
    files = dragged(win, 0, 1)
    assert [f.name for f in files] == ["River #1.wav", "River #2.wav"]
    assert all(f.is_relative_to(Dirs.cache()) for f in files), files
    tags = mutagen.File(files[1]).tags
    assert tags["TIT2"].text == ["River #2"] and tags["TPE1"].text == ["Ada"] and tags["TCON"].text == ["folk"]
    assert tags["TXXX:COVER_DESKTOP_CLIP_ID"].text == [second.id] and tags.getall("APIC")
    assert {rec.id: digest(rec.audio_path) for rec in (first, second)} == before
    assert mutagen.File(first.audio_path).tags is None, "the library's copy stays as the service sent it"


def test_a_second_drag_and_ctrl_c_hand_out_the_same_file_made_once(harness, demo, keyed, aloop):
    win = river(harness, demo, aloop)
    view = find(win, "clipsView")
    view.setCurrentIndex(view.model().index(1))
    cache = find(win, "clipsPane").drag_files.cache
    job, rec = jobs(win)[0], jobs(win)[0].clips[1]
    how = HandOut.of(win.rt.config.settings)
    # selecting the clip prepares its file in the background: the drag finds it ready
    prepared = run(aloop, until(lambda: cache.ready(job, rec, how), what="the file prepared"))
    made = prepared.stat()
    assert dragged(win, 1) == [prepared] and dragged(win, 1) == [prepared]
    assert (prepared.stat().st_ino, prepared.stat().st_mtime_ns) == (made.st_ino, made.st_mtime_ns)
    find(win, "copyFilesAction").trigger()
    assert [Path(u.toLocalFile()) for u in QGuiApplication.clipboard().mimeData().urls()] == [prepared]
    assert prepared.name == "River #2.wav"
    assert len(list(cache.folder.iterdir())) == 1, "one entry for the clip"


def test_a_drag_converts_as_settings_say(harness, demo, keyed, aloop):
    win = river(harness, demo, aloop, export_format="flac", export_rate=48000)
    rec = jobs(win)[0].clips[0]
    before = digest(rec.audio_path)
    (flac,) = dragged(win, 0)
    assert flac.name == "River #1.flac"
    audio = FLAC(flac)
    assert audio.info.sample_rate == 48000 and audio["TITLE"] == ["River #1"] and audio.pictures
    assert digest(rec.audio_path) == before


def test_the_cache_is_pruned_by_age_at_start_and_by_size_after_each_new_file(harness, demo, keyed, aloop):
    month_ago = time.time() - 40 * 86400
    stale = Dirs.cache() / "drag-out" / "0123456789abcdef01234567"
    stale.mkdir(parents=True)
    (stale / "Old #1.wav").write_bytes(b"RIFF" + bytes(1000))
    os.utime(stale, (month_ago, month_ago))
    win = river(harness, demo, aloop)
    run(aloop, until(lambda: not stale.exists(), what="the stale entry pruned at start"))
    cache = find(win, "clipsPane").drag_files.cache
    (one,) = dragged(win, 0)
    size = sum(f.stat().st_size for f in one.parent.iterdir())
    cache.max_bytes = size + size // 2      # room for one entry, not two
    (two,) = dragged(win, 1)
    run(aloop, until(lambda: not one.exists(), what="the least recently used entry pruned"))
    assert two.is_file() and len(list(cache.folder.iterdir())) == 1
    assert dragged(win, 1) == [two], "the newest stays and is reused"
