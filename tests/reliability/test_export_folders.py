"""Export folders that are hard to write to (issue 17, defect 7): one that cannot be written, one whose name
holds a newline."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.demo.synth import png_bytes, wav_bytes
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.export import export_clips


def a_clip(tmp_path: Path) -> tuple[Job, ClipRecord]:
    audio, cover = tmp_path / "c1.wav", tmp_path / "c1-cover.png"
    audio.write_bytes(wav_bytes("c1"))
    cover.write_bytes(png_bytes("c1"))
    rec = ClipRecord(Clip("c1", audio_url="https://cdn.example/a", image_url="https://cdn.example/i", title="Song"),
                     audio_path=str(audio), image_path=str(cover))
    return Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="upl1", clips=[rec]), rec


def read_only(folder: Path) -> None:
    """Unwritable even for root (the tests may run as root, which ignores permissions)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], check=False).returncode:
        pytest.skip("no way to make a folder read-only for root here")


def writable(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    folder.chmod(0o755)


def test_a_read_only_export_folder_is_reported_and_nothing_is_left_behind(tmp_path):
    job, rec = a_clip(tmp_path)
    folder = tmp_path / "read-only"
    folder.mkdir()
    read_only(folder)
    try:
        report = asyncio.run(export_clips([(job, rec)], folder))
    finally:
        writable(folder)
    assert not report.ok and report.saved == []
    assert "Song" in report.problems[0]
    assert list(folder.iterdir()) == []
    assert Path(rec.audio_path).read_bytes() == wav_bytes("c1"), "the library's copy is untouched"


def test_an_export_folder_whose_name_holds_a_newline(tmp_path):
    job, rec = a_clip(tmp_path)
    folder = tmp_path / "takes\nmonday"
    report = asyncio.run(export_clips([(job, rec)], folder))
    assert report.ok, report.problems
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["Song.json", "Song.png", "Song.txt", "Song.wav"]
    assert (folder / "Song.png").read_bytes() == png_bytes("c1")
