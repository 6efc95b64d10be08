"""Clips: covers in the list, files kept on disk, playback, export with tags, the library offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTest import QTest

from cover_desktop.api.errors import MediaError
from cover_desktop.media.export import export_clips, export_name
from cover_desktop.media.fetch import MediaFetcher
from helpers import find, finished_window, jobs, run, submit, until


def decorations(win):
    m = find(win, "clipsView").model()
    return [m.index(i).data(Qt.ItemDataRole.DecorationRole) for i in range(m.rowCount())]


def test_clips_show_with_covers_and_files_hold_the_served_bytes(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    run(aloop, until(lambda: len(decorations(win)) == 2 and all(
        isinstance(d, QImage) and not d.isNull() for d in decorations(win)), what="two covers"))
    job = jobs(win)[0]
    for rec in job.clips:
        assert Path(rec.audio_path).read_bytes() == demo.audio_for(rec.id)
        assert Path(rec.image_path).read_bytes() == demo.image_for(rec.id)
        assert rec.audio_path.endswith(".wav") and rec.image_path.endswith(".png")
        assert not list(Path(rec.audio_path).parent.glob("*.part"))
    a, b = decorations(win)
    assert a != b, "each clip has its own cover"
    media = demo.requests("media")
    assert len(media) == 4
    assert all("authorization" not in r.headers for r in media), "the key never goes to the media host"


def test_play_button_plays_and_the_slider_seeks(harness, demo, keyed, aloop):
    demo.audio_seconds = 6.0
    win = finished_window(harness, demo, aloop, "aud-long-enough")
    player = win.rt.player
    find(win, "clipsView").setCurrentIndex(find(win, "clipsView").model().index(0))
    QTest.mouseClick(win.findChild(type(find(win, "playButton")), "playButton"), Qt.MouseButton.LeftButton)
    run(aloop, until(lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState))
    run(aloop, until(lambda: player.position() > 200, what="the position to move"))
    assert find(win, "clipsView").model().index(0).data(Qt.UserRole + 14), "the row shows it is playing"
    slider = find(win, "seekSlider")
    run(aloop, until(lambda: slider.maximum() > 5000, what="the duration"))
    slider.setValue(4000)
    run(aloop, until(lambda: player.position() >= 4000, what="the seek"))
    find(win, "playAction").trigger()
    run(aloop, until(lambda: not player.playing, what="pause"))
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.PausedState, "paused, not stopped"
    assert player.position() >= 4000, "where it was, not back at the start"


def test_next_clip_plays_the_second(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    win.clips_pane.play_row(0)
    first = win.rt.player.current
    find(win, "nextAction").trigger()
    assert win.rt.player.current != first and win.rt.player.current.endswith("-2")


@pytest.mark.log_warnings(r"media.library: media for clip .*: The file served as the cover image is not a picture")
def test_html_served_as_image_is_refused_visibly(harness, demo, keyed, aloop):
    demo.inject("html", target="media", path_contains="image_", count=2)
    win = harness.window(demo.api_url)
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].clips and all(
        c.media_error for c in jobs(win)[0].clips), what="the refusal"))
    rec = jobs(win)[0].clips[0]
    assert "not a picture" in rec.media_error and "web page" in rec.media_error
    assert rec.image_path == "" and rec.audio_path, "the audio is still kept"
    m = find(win, "clipsView").model()
    assert "not a picture" in m.index(0).data(Qt.UserRole + 15)
    assert m.index(0).data(Qt.UserRole + 13), "the broken-cover mark is shown"
    assert "not a picture" in find(win, "statusMessage").text()
    assert not list(Path(rec.audio_path).parent.glob("*-cover*"))


def test_file_url_is_refused(aloop, tmp_path):
    fetcher = MediaFetcher()
    try:
        with pytest.raises(MediaError) as info:
            run(aloop, fetcher.fetch("file:///etc/passwd", tmp_path / "x", "audio"))
        assert "only http and https" in str(info.value)
    finally:
        run(aloop, fetcher.aclose())
    assert list(tmp_path.iterdir()) == []


def test_streamed_audio_without_length_still_downloads(harness, demo, keyed, aloop):
    demo.inject("stream", target="media", path_contains="/audio", count=2)
    win = finished_window(harness, demo, aloop)
    for rec in jobs(win)[0].clips:
        assert Path(rec.audio_path).read_bytes() == demo.audio_for(rec.id)


def test_expired_audio_link_is_shown_clearly(aloop, demo, tmp_path):
    fetcher = MediaFetcher()
    try:
        with pytest.raises(MediaError) as info:
            run(aloop, fetcher.fetch(f"{demo.media_url}/audio?item_id=expired-1", tmp_path / "a", "audio"))
        assert "expired" in str(info.value) and "HTTP 404" in str(info.value)
    finally:
        run(aloop, fetcher.aclose())


def test_interrupted_download_resumes_from_the_part_file(aloop, demo, tmp_path):
    url = f"{demo.media_url}/audio?item_id=resume-me"
    whole = demo.audio_for("resume-me")
    (tmp_path / "a.part").write_bytes(whole[:50_000])
    fetcher = MediaFetcher()
    try:
        path = run(aloop, fetcher.fetch(url, tmp_path / "a", "audio"))
    finally:
        run(aloop, fetcher.aclose())
    assert path.read_bytes() == whole
    assert demo.requests("media")[0].headers.get("range") == "bytes=50000-"


def test_export_writes_tagged_files_that_mutagen_reads_back(harness, demo, keyed, aloop, tmp_path):
    from mutagen.wave import WAVE
    win = finished_window(harness, demo, aloop, "aud1", prompt="la la", style="dream pop", title="Night Drive")
    job = jobs(win)[0]
    out = run(aloop, export_clips([(job, r) for r in job.clips], tmp_path / "export")).saved
    assert [p.name for p in out] == [export_name(job, r, ".wav") for r in job.clips]
    assert [p.name for p in out] == ["Night Drive #1.wav", "Night Drive #2.wav"], "no task id in the names"
    for path, rec in zip(out, job.clips, strict=True):
        tags = WAVE(path).tags
        assert str(tags["TIT2"]).startswith("Night Drive") and str(tags["TCON"]) == "dream pop"
        assert tags.getall("APIC")[0].data == demo.image_for(rec.id)
        assert path.with_suffix(".png").read_bytes() == demo.image_for(rec.id)
    before = sorted(p.name for p in (tmp_path / "export").iterdir())
    win.clips_pane.clip_actions.export_to(tmp_path / "export", [(job, r) for r in job.clips])
    run(aloop, until(lambda: "already there" in find(win, "statusMessage").text(), what="the export"))
    assert find(win, "statusMessage").text().startswith("Nothing new to save"), "no clip was saved again"
    assert sorted(p.name for p in (tmp_path / "export").iterdir()) == before, "exporting twice makes no copies"
    assert win.rt.settings.last_export_dir == str(tmp_path / "export"), "the folder is remembered"


def test_library_plays_offline_after_a_restart(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, "aud1")
    finished_window(harness, demo, aloop, "aud2", win=win)
    base = demo.api_url
    harness.close_all()
    demo.stop()
    win = harness.window(base)
    find(win, "libraryButton").setChecked(True)
    m = find(win, "clipsView").model()
    assert m.rowCount() == 4
    run(aloop, until(lambda: all(isinstance(d, QImage) and not d.isNull() for d in decorations(win)),
                     what="covers from disk"))
    win.clips_pane.play_row(3)
    run(aloop, until(lambda: win.rt.player.position() > 100, what="offline playback"))


def test_thumbnail_cache_is_bounded_and_kept_on_disk(aloop, tmp_path, demo):
    from cover_desktop.media.thumbs import ThumbnailCache
    sources = []
    for i in range(5):
        p = tmp_path / f"c{i}.png"
        p.write_bytes(demo.image_for(f"clip{i}"))
        sources.append(str(p))
    cache = ThumbnailCache(tmp_path / "thumbs", capacity=3, size=56, dpr=2.0)
    try:
        for s in sources:
            assert cache.get(s) is None  # loads in the background
        run(aloop, until(lambda: len(cache) == 3 and not cache._loading, what="thumbnails"))
        assert len(list((tmp_path / "thumbs").glob("*.png"))) == 5
        img = cache.get(sources[-1])
        assert img is not None and (img.width(), img.height()) == (112, 112), "device pixels of a 56 px cover"
        assert img.devicePixelRatio() == 2.0
        bad = tmp_path / "bad.png"
        bad.write_text("<html>")
        cache.get(str(bad))
        run(aloop, until(lambda: cache.failed(str(bad))))
    finally:
        run(aloop, cache.aclose())     # its decoding threads end with it


def test_oversized_media_is_refused(aloop, demo, tmp_path, monkeypatch):
    import cover_desktop.media.fetch as fetch
    monkeypatch.setattr(fetch, "IMAGE_MAX", 1000)
    fetcher = MediaFetcher()
    try:
        with pytest.raises(MediaError, match="more than|larger than"):
            run(aloop, fetcher.fetch(f"{demo.media_url}/image_big.png", tmp_path / "i", "image"))
        demo.inject("stream", target="media", path_contains="image_")  # no length: caught while reading
        with pytest.raises(MediaError, match="larger than"):
            run(aloop, fetcher.fetch(f"{demo.media_url}/image_big.png", tmp_path / "i", "image"))
    finally:
        run(aloop, fetcher.aclose())
    assert list(tmp_path.iterdir()) == []


def test_library_keeps_its_selection_while_jobs_change(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    find(win, "libraryButton").setChecked(True)
    model = find(win, "clipsView").model()
    find(win, "clipsView").setCurrentIndex(model.index(1))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    job = jobs(win)[0]
    job.clips[1].media_error = "changed"
    win.rt.service.jobChanged.emit(job)
    assert resets == [] and find(win, "clipsView").currentIndex().row() == 1
    assert "changed" in model.index(1).data(Qt.UserRole + 15)
    demo.duration = 60
    find(win, "audioIdEdit").setText("aud2")
    submit(win)
    run(aloop, until(lambda: len(jobs(win)) == 2))
    assert resets == [], "a new job without clips changes nothing in the library"
