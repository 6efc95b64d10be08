"""Listening like an engineer, in the real window on the demo server: each clip's loudness on its row and in
Details, the Match loudness toggle setting the real player's gain (lower the louder), the A–B loop saved as a
file of its own (the library's copy untouched), and the loop band dragged out of the waveform."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
import soundfile
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton

from cover_desktop.media.audio_out import Target
from helpers import find, finished_window, jobs, run, until


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def tips(win) -> list[str]:
    model = find(win, "clipsView").model()
    return [model.index(i).data(Qt.ItemDataRole.ToolTipRole) or "" for i in range(model.rowCount())]


def test_loudness_shows_on_the_rows_and_in_details(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, "aud-loud")
    run(aloop, until(lambda: all("LUFS" in t for t in tips(win)), what="the loudness on every row"))
    rec = jobs(win)[0].clips[0]
    samples, rate = soundfile.read(rec.audio_path)
    expected = pyloudnorm.Meter(rate).integrated_loudness(samples)
    shown = float(tips(win)[0].split("Loudness: ")[1].split(" LUFS")[0])
    assert shown == pytest.approx(expected, abs=0.3)
    find(win, "detailsButton").click()
    win.clips_pane.view.setCurrentIndex(win.clips_pane.model.index(0))
    run(aloop, until(lambda: "LUFS" in find(win, "detail_loudness").text(), what="the loudness in Details"))


def test_match_loudness_lowers_the_louder_clip_to_the_quieter(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop, "aud-match")
    job = jobs(win)[0]
    quiet = job.clips[1].audio_path
    # the second clip 9 dB quieter than it came: the first must come down to it
    data, rate = soundfile.read(quiet)
    soundfile.write(quiet, data * 10 ** (-9 / 20), rate, subtype="PCM_16")
    peaks = win.clips_pane.peaks
    peaks.forget(quiet)
    button = find(win, "matchLoudnessButton", QAbstractButton)
    assert button.isCheckable() and button.accessibleName()
    run(aloop, until(lambda: all("LUFS" in t for t in tips(win)), what="both measured"))
    loud_level = peaks.loudness(job.clips[0].audio_path)
    quiet_level = peaks.loudness(quiet)
    assert loud_level.integrated > quiet_level.integrated + 5
    player = win.rt.player
    button.click()
    win.clips_pane.play_row(0)
    gain = find(win, "matchGainLabel")
    # the demo's two clips differ by a dB or two of their own: the gain is their difference, more than 5 dB (above)
    run(aloop, until(lambda: player.gain_db() < -5, what="the louder clip lowered"))
    assert player.gain_db() == pytest.approx(quiet_level.integrated - loud_level.integrated, abs=0.05)
    assert gain.text() == f"\u2212{-player.gain_db():.1f} dB"
    assert player.output.volume() == pytest.approx(player.volume() * 10 ** (player.gain_db() / 20), abs=1e-3)
    win.clips_pane.play_row(1)
    run(aloop, until(lambda: player.current.endswith(job.clips[1].id), what="the quieter clip"))
    assert player.gain_db() == pytest.approx(0.0, abs=0.01) and gain.text() == "0.0 dB"
    button.click()
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: player.current.endswith(job.clips[0].id), what="back to the first"))
    assert player.gain_db() == 0.0 and gain.text() == ""


def test_export_loop_writes_the_region_and_leaves_the_original(harness, demo, keyed, aloop, tmp_path):
    demo.audio_seconds = 6.0
    win = finished_window(harness, demo, aloop, "aud-loop", prompt="w", title="Loop Me")
    rec = jobs(win)[0].clips[0]
    before = digest(rec.audio_path)
    action = find(win, "exportLoopAction")
    assert not action.isEnabled()
    win.clips_pane.play_row(0)
    slider = find(win, "seekSlider")
    run(aloop, until(lambda: slider.maximum() > 5000, what="the duration"))
    slider.set_loop(1000, 3500)
    assert action.isEnabled()
    loops = win.clips_pane.loop_export
    item, loop, target = loops._what()
    assert loop == (1000, 3500) and target == Target()
    path = run(aloop, loops.export_to(tmp_path / "out", item, loop, target))
    assert path.name == "Loop Me #1 0m01.0s-0m03.5s.wav"
    info = soundfile.info(str(path))
    assert info.frames == pytest.approx(2.5 * info.samplerate, abs=2)
    data = soundfile.read(str(path))[0]
    assert abs(data[0]).max() < 0.01 and abs(data[-1]).max() < 0.01      # faded in and out
    assert digest(rec.audio_path) == before


def test_the_loop_band_dragged_out_of_the_waveform_is_a_file_ready_to_drop(harness, demo, keyed, aloop):
    demo.audio_seconds = 6.0
    win = finished_window(harness, demo, aloop, "aud-drag")
    win.clips_pane.play_row(0)
    slider = find(win, "seekSlider")
    run(aloop, until(lambda: slider.maximum() > 5000 and slider.peaks(), what="duration and waveform"))
    slider.set_loop(2000, 4000)
    loops = win.clips_pane.loop_export
    ready: list[str] = []
    loops.prepared.connect(ready.append)
    run(aloop, until(lambda: ready, what="the loop prepared once it settles"))
    assert soundfile.info(ready[0]).frames == pytest.approx(2 * soundfile.info(ready[0]).samplerate, abs=2)
    dragged: list[bool] = []
    slider.loopDragged.connect(lambda: dragged.append(True))
    loops.bar.seek.loopDragged.disconnect(loops.drag)    # QDrag.exec would wait for a drop offscreen
    x = round(slider.x_of(3000))
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, 10))
    QTest.mouseMove(slider, QPoint(x, slider.height() + 40))
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(x, slider.height() + 40))
    assert dragged == [True] and loops.ready_file() == Path(ready[0])
    # outside the band, a press and a move away is a seek, not a drag
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(slider.x_of(500)), 10))
    QTest.mouseMove(slider, QPoint(round(slider.x_of(500)), slider.height() + 40))
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton)
    assert dragged == [True]
    assert np.isfinite(win.clips_pane.peaks.loudness(jobs(win)[0].clips[0].audio_path).integrated)
