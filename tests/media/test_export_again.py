"""Exporting again, as a musician does after renaming a clip or with the demo's own titles: what the folder
holds and what the window says. Each case failed before."""

from __future__ import annotations

from pathlib import Path

from mutagen.wave import WAVE
from test_export_formats import listing, saved_job

from cover_desktop.media.export import export_clips
from cover_desktop.settings import Settings
from cover_desktop.ui.messages import export_summary
from helpers import run


def test_a_title_that_already_ends_in_its_number_gets_no_second_one(tmp_path, aloop):
    job = saved_job(tmp_path)
    job.clips[0].clip.title, job.clips[1].clip.title = "Cover of aud1 #1", "Cover of aud1 #2"
    report = run(aloop, export_clips([(job, r) for r in job.clips], tmp_path / "out"))
    assert [p.name for p in report.saved] == ["Cover of aud1 #1.wav", "Cover of aud1 #2.wav"]
    assert [str(WAVE(p).tags["TIT2"]) for p in report.saved] == ["Cover of aud1 #1", "Cover of aud1 #2"]


def test_the_clips_of_a_job_get_titles_that_tell_them_apart(tmp_path, aloop):
    job = saved_job(tmp_path)
    report = run(aloop, export_clips([(job, r) for r in job.clips], tmp_path / "out"))
    assert [str(WAVE(p).tags["TIT2"]) for p in report.saved] == ["Night Drive #1", "Night Drive #2"]


def test_a_clip_given_its_own_title_is_not_exported_twice(tmp_path, aloop):
    job = saved_job(tmp_path)
    out = tmp_path / "out"
    items = [(job, r) for r in job.clips]
    run(aloop, export_clips(items, out))
    before = listing(out)
    job.clips[0].local_title = "Take one"
    again = run(aloop, export_clips(items, out))
    assert listing(out) == before, "the folder keeps one copy of each clip"
    assert again.ok and len(again.reused) == 2 and again.saved[0].name == "Night Drive #1.wav"
    assert export_summary(again) == f"Nothing new to save in {out}. 2 already there."


def test_one_new_clip_and_one_already_there_are_counted_apart(tmp_path, aloop):
    job = saved_job(tmp_path)
    out = tmp_path / "out"
    run(aloop, export_clips([(job, job.clips[0])], out))
    report = run(aloop, export_clips([(job, r) for r in job.clips], out))
    assert export_summary(report) == f"Saved 1 clip to {out}. 1 already there."


def test_opening_a_save_dialog_makes_no_folder(tmp_path):
    wanted = tmp_path / "Music" / "Cover Desktop"
    (tmp_path / "Music").mkdir()
    start = Settings(download_dir=str(wanted)).export_start()
    assert start == tmp_path / "Music" and not wanted.exists()
    assert Settings(download_dir=str(tmp_path / "a" / "b")).export_start() == tmp_path
    assert isinstance(start, Path)
