"""M3U8: exact content, paths relative to the playlist's folder, clips without a local file left out and
counted."""

from __future__ import annotations

from pathlib import Path

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.playlist import entries_for, export_playlist, write_m3u8
from helpers import run


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"audio")
    return path


def test_exact_content_with_relative_paths(tmp_path):
    music = tmp_path / "Music"
    a = touch(music / "Night Drive #1.mp3")
    b = touch(music / "2025-05" / "dream pop" / "\u591c\u306e\u30c9\u30e9\u30a4\u30d6.flac")
    c = touch(tmp_path / "elsewhere" / "c.wav")
    playlist = music / "Lists" / "favourites.m3u8"
    playlist.parent.mkdir()
    report = write_m3u8(playlist, [
        (a, "Night Drive", 31.4),
        (str(b), "\u591c\u306e\u30c9\u30e9\u30a4\u30d6", 59.6),
        (None, "never saved", 30.0),
        (tmp_path / "gone.mp3", "deleted since", 30.0),
        (c, "Two\nlines,  and a comma", None),
    ])
    assert (report.written, report.skipped) == (3, 2)
    assert playlist.read_bytes().decode("utf-8") == (
        "#EXTM3U\n"
        "#EXTINF:31,Night Drive\n"
        "../Night Drive #1.mp3\n"
        "#EXTINF:60,\u591c\u306e\u30c9\u30e9\u30a4\u30d6\n"
        "../2025-05/dream pop/\u591c\u306e\u30c9\u30e9\u30a4\u30d6.flac\n"
        "#EXTINF:-1,Two lines, and a comma\n"
        "../../elsewhere/c.wav\n"
    )
    assert "2 not saved on this computer yet were left out" in report.summary()
    # each line resolves from the playlist's folder to the file
    lines = playlist.read_text(encoding="utf-8").splitlines()[2::2]
    assert [(playlist.parent / line).resolve() for line in lines] == [a.resolve(), b.resolve(), c.resolve()]
    assert sorted(p.name for p in playlist.parent.iterdir()) == ["favourites.m3u8"]    # no temp file left


def test_an_existing_playlist_is_replaced_and_an_empty_one_is_just_the_header(tmp_path):
    playlist = tmp_path / "list.m3u8"
    playlist.write_text("old", encoding="utf-8")
    report = write_m3u8(playlist, [(None, "x", 1.0)])
    assert playlist.read_text(encoding="utf-8") == "#EXTM3U\n" and (report.written, report.skipped) == (0, 1)


def test_from_clips_with_their_own_titles(tmp_path, aloop):
    a = touch(tmp_path / "a.mp3")
    job = Job(request=CoverRequest("aud1", title="Asked"), state=JobState.DONE, task_id="t1",
              clips=[ClipRecord(Clip("c1", title="Service title", duration=30.2), str(a), local_title="Mine"),
                     ClipRecord(Clip("c2", duration=12.0), str(a)),
                     ClipRecord(Clip("c3", title="Not saved", duration=5.0))])
    items = [(job, r) for r in job.clips]
    assert entries_for(items)[:2] == [(str(a), "Mine", 30.2), (str(a), "Asked", 12.0)]
    report = run(aloop, export_playlist(tmp_path / "p.m3u8", items))
    assert (report.written, report.skipped) == (2, 1)
    assert (tmp_path / "p.m3u8").read_text(encoding="utf-8") == \
        "#EXTM3U\n#EXTINF:30,Mine\na.mp3\n#EXTINF:12,Asked\na.mp3\n"
