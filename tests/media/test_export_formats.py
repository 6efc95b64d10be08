"""Export: files named by the template, tagged, with cover and sidecars beside them; an export done twice
changes nothing, and nothing of the musician's is ever overwritten."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from mutagen.flac import FLAC
from mutagen.id3 import ID3
from mutagen.wave import WAVE
from samples import flac_file, mp3_file, wav_file

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.demo.synth import png_bytes
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.export import export_clip, export_clips, export_name
from helpers import run


def listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def saved_job(tmp_path: Path, n: int = 2, title: str = "Night Drive", task: str = "upl-9c21",
              make=wav_file) -> Job:
    lib = tmp_path / "library" / task
    lib.mkdir(parents=True, exist_ok=True)
    clips = []
    for k in range(1, n + 1):
        audio = make(lib / f"c{k}{'.wav' if make is wav_file else '.mp3' if make is mp3_file else '.flac'}")
        cover = lib / f"c{k}-cover.png"
        cover.write_bytes(png_bytes(f"{task}{k}"))
        clips.append(ClipRecord(Clip(f"{task}-c{k}", title=title, tags="dream pop", duration=31.0),
                                str(audio), str(cover)))
    return Job(request=CoverRequest("aud-7f3a", True, "la la la", "synthwave", title), state=JobState.DONE,
               task_id=task, created_at=1746282600.0, clips=clips)


def test_a_job_exports_named_tagged_with_cover_and_sidecars(tmp_path, aloop):
    job = saved_job(tmp_path)
    out = tmp_path / "export"
    report = run(aloop, export_clips([(job, r) for r in job.clips], out, artist="Ada"))
    assert report.ok and report.summary() == f"Saved 2 clips to {out}."
    assert [p.name for p in report.saved] == ["Night Drive #1.wav", "Night Drive #2.wav"]
    assert sorted(listing(out)) == sorted(f"Night Drive #{k}{ext}" for k in (1, 2)
                                          for ext in (".wav", ".png", ".json", ".txt"))
    for path, rec in zip(report.saved, job.clips, strict=True):
        tags = WAVE(path).tags
        title = path.stem   # each clip its own title tag: "Night Drive #1", "Night Drive #2"
        assert (str(tags["TIT2"]), str(tags["TPE1"]), str(tags["TCON"])) == (title, "Ada", "dream pop")
        assert tags.getall("USLT")[0].text == "la la la"
        assert str(tags["TXXX:COVER_DESKTOP_CLIP_ID"]) == rec.id
        assert tags.getall("APIC")[0].data == Path(rec.image_path).read_bytes()
        assert path.with_suffix(".png").read_bytes() == Path(rec.image_path).read_bytes()
        assert json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["clip"]["id"] == rec.id
    assert export_name(job, job.clips[1], ".wav") == "Night Drive #2.wav"


def test_exporting_twice_reuses_the_same_files(tmp_path, aloop):
    job = saved_job(tmp_path)
    out = tmp_path / "export"
    items = [(job, r) for r in job.clips]
    run(aloop, export_clips(items, out))
    before = listing(out)
    again = run(aloop, export_clips(items, out))
    assert again.ok and len(again.reused) == 2
    assert again.summary() == f"Nothing new to save in {out}. 2 were already there."
    assert listing(out) == before, "no (2) copies, no temp files, nothing rewritten"


def test_the_users_own_files_are_never_overwritten(tmp_path, aloop):
    job = saved_job(tmp_path, n=1)
    out = tmp_path / "export"
    out.mkdir()
    (out / "Night Drive.png").write_bytes(b"the user's artwork")
    (out / "Night Drive.wav").write_bytes(b"the user's mix")
    report = run(aloop, export_clips([(job, job.clips[0])], out))
    assert report.ok
    # the name is taken by another file: the task id tells ours apart
    assert report.saved == [out / "Night Drive [upl-9c21].wav"]
    assert (out / "Night Drive.png").read_bytes() == b"the user's artwork"
    assert (out / "Night Drive.wav").read_bytes() == b"the user's mix"
    assert (out / "Night Drive [upl-9c21].png").exists()


def test_a_cover_name_taken_by_a_different_file_is_left_alone_and_said(tmp_path, aloop):
    job = saved_job(tmp_path, n=1)
    out = tmp_path / "export"
    out.mkdir()
    (out / "Night Drive.png").write_bytes(b"the user's artwork")
    report = run(aloop, export_clips([(job, job.clips[0])], out))
    assert report.ok and report.saved == [out / "Night Drive.wav"]
    assert (out / "Night Drive.png").read_bytes() == b"the user's artwork"
    assert "kept the existing Night Drive.png" in report.summary()


def test_two_jobs_with_one_title_get_the_task_id_only_to_break_the_tie(tmp_path, aloop):
    a = saved_job(tmp_path, n=1, task="upl-aaaa")
    b = saved_job(tmp_path, n=1, task="upl-bbbb")
    out = tmp_path / "export"
    report = run(aloop, export_clips([(a, a.clips[0]), (b, b.clips[0])], out))
    assert [p.name for p in report.saved] == ["Night Drive.wav", "Night Drive [upl-bbbb].wav"]


def test_a_template_with_folders_and_a_long_cjk_title(tmp_path, aloop):
    title = "\u591c\u306e\u30c9\u30e9\u30a4\u30d6" * 15     # 90 characters, 270 bytes
    job = saved_job(tmp_path, title=title, make=flac_file)
    out = tmp_path / "export"
    report = run(aloop, export_clips([(job, r) for r in job.clips], out,
                                     template="{date:%Y-%m}/{style}/{title} {n:02d}"))
    assert report.ok, report.summary()
    month = dt.datetime.fromtimestamp(job.created_at).strftime("%Y-%m")
    for k, path in enumerate(report.saved, 1):
        assert path.parent == out / month / "dream pop"      # the clip's style before the request's
        # the title is cut to fit, the number after it stays
        assert len(path.name.encode()) <= 255 and path.name.endswith(f" {k:02d}.flac"), path.name
        assert title.startswith(path.name.removesuffix(f" {k:02d}.flac"))
        assert FLAC(path)["title"] == [f"{title} #{k}"]


def test_export_of_mp3_keeps_its_kind_and_sidecars_can_be_left_out(tmp_path, aloop):
    job = saved_job(tmp_path, n=1, make=mp3_file)
    out = tmp_path / "export"
    report = run(aloop, export_clips([(job, job.clips[0])], out, sidecar=False))
    assert sorted(listing(out)) == ["Night Drive.mp3", "Night Drive.png"]
    assert str(ID3(report.saved[0])["TIT2"]) == "Night Drive"


def test_export_without_a_local_copy_says_so_and_goes_on(tmp_path, aloop):
    job = saved_job(tmp_path)
    job.clips[0].audio_path = ""
    with pytest.raises(FileNotFoundError, match="not been downloaded"):
        export_clip(job, job.clips[0], tmp_path / "out")
    report = run(aloop, export_clips([(job, r) for r in job.clips], tmp_path / "out"))
    assert not report.ok and [p.name for p in report.saved] == ["Night Drive #2.wav"]
    assert report.summary().startswith("Saved 1 of 2. Night Drive: This clip's audio has not been downloaded")


def test_an_untaggable_file_is_still_saved_with_a_remark(tmp_path, aloop):
    job = saved_job(tmp_path, n=1)
    Path(job.clips[0].audio_path).write_bytes(b"not really audio")
    report = run(aloop, export_clips([(job, job.clips[0])], tmp_path / "out"))
    assert report.ok and report.saved[0].read_bytes() == b"not really audio"


def test_names_fall_back_to_the_audio_id_and_stay_safe(tmp_path, aloop):
    job = saved_job(tmp_path, n=1, title="")
    job.request = CoverRequest("aud/../1")
    job.clips[0].clip.title = ""
    report = run(aloop, export_clips([(job, job.clips[0])], tmp_path / "out"))
    assert report.saved == [tmp_path / "out" / "aud_.._1.wav"]
