"""Judging clips: the waveform seek bar, what is loaded, auto-advance, repeat, A/B at the same position,
the loop region. A real QMediaPlayer plays the demo server's WAVs (silently when there is no device)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from cover_desktop.media.audition import Repeat
from helpers import find, finished_window, jobs, run, until


def playing_window(harness, demo, aloop, seconds=6.0, **form):
    demo.audio_seconds = seconds
    win = finished_window(harness, demo, aloop, "aud-audition", **form)
    return win, win.rt.player


def test_click_on_the_seek_bar_jumps_to_the_clicked_point(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, seconds=8.0)
    win.clips_pane.play_row(0)
    slider = find(win, "seekSlider")
    run(aloop, until(lambda: slider.maximum() > 7000, what="the duration"))
    find(win, "playAction").trigger()
    run(aloop, until(lambda: not player.playing, what="pause"))
    x = round(slider.width() * 0.75)
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, slider.height() // 2))
    assert abs(slider.value() - 6000) < 500, "a click jumps to the point, not by a page step"
    run(aloop, until(lambda: abs(player.position() - slider.value()) < 300, what="the player to follow"))


def test_now_playing_names_the_clip_with_its_number_and_waveform(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, prompt="w", title="Same Title")
    label = find(win, "nowPlayingLabel")
    assert label.accessibleName()
    model = find(win, "clipsView").model()
    assert [model.index(i).data() for i in range(2)] == ["Same Title #1", "Same Title #2"]
    win.clips_pane.play_row(1)
    run(aloop, until(lambda: label.text() == "Same Title #2", what="the label"))
    slider = find(win, "seekSlider")
    run(aloop, until(lambda: slider.peaks(), what="the waveform"))
    assert max(slider.peaks()) > 0.5


def test_the_player_lets_go_of_a_clip_whose_job_is_removed(harness, demo, keyed, aloop):
    from PySide6.QtWidgets import QMessageBox
    win, player = playing_window(harness, demo, aloop)
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: player.playing, what="playback"))
    find(win, "removeAction").trigger()
    find(win, "removeConfirm", QMessageBox).button(QMessageBox.StandardButton.Ok).click()
    run(aloop, until(lambda: not jobs(win), what="the removal"))
    assert player.current == "" and find(win, "nowPlayingLabel").text() == "Nothing loaded"


def test_auto_advance_plays_the_next_clip_at_the_end(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, seconds=1.0)
    win.clips_pane.play_row(0)
    first = player.current
    run(aloop, until(lambda: player.current and player.current != first, timeout=15, what="the next clip"))
    assert player.current.endswith("-2")


def test_repeat_one_plays_the_same_clip_again(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, seconds=1.0)
    audition = win.clips_pane.audition
    audition.set_repeat(Repeat.ONE)
    ends = []
    player.ended.connect(ends.append)
    win.clips_pane.play_row(0)
    first = player.current
    run(aloop, until(lambda: len(ends) >= 1 and player.playing, timeout=15, what="a second pass"))
    assert player.current == first


def test_repeat_all_wraps_from_the_last_clip_to_the_first(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, seconds=1.0)
    win.clips_pane.audition.set_repeat(Repeat.ALL)
    win.clips_pane.play_row(1)
    run(aloop, until(lambda: player.current.endswith("-1"), timeout=15, what="the wrap to the first clip"))


@pytest.mark.parametrize("keep", [True, False])
def test_ab_keeps_the_position_when_switching_clips_of_one_job(harness, demo, keyed, aloop, keep):
    win, player = playing_window(harness, demo, aloop, seconds=8.0)
    win.clips_pane.audition.set_keep_position(keep)
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: player.duration() > 7000 and player.playing, what="playback"))
    player.seek(5000)
    run(aloop, until(lambda: player.position() >= 5000, what="the seek"))
    find(win, "playAction").trigger()
    run(aloop, until(lambda: not player.playing, what="pause"))
    at = player.position()
    win.clips_pane.play_row(1)
    run(aloop, until(lambda: player.current.endswith("-2") and player.playing and player.position() > 0,
                     what="the other clip"))
    if keep:
        run(aloop, until(lambda: player.position() >= at - 100, what="the same position"))
        assert abs(player.position() - at) < 300
    else:
        assert player.position() < 2000


def test_swap_goes_back_to_the_last_clip_at_the_same_position(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, seconds=8.0)
    win.clips_pane.audition.set_keep_position(False)
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: player.playing, what="playback"))
    win.clips_pane.play_row(1)
    run(aloop, until(lambda: player.current.endswith("-2") and player.playing, what="clip 2"))
    player.seek(4000)
    run(aloop, until(lambda: player.position() >= 4000, what="the seek"))
    find(win, "swapAction").trigger()
    run(aloop, until(lambda: player.current.endswith("-1") and player.position() >= 3900, what="the swap"))


def test_loop_region_brings_playback_back_to_its_start(harness, demo, keyed, aloop):
    win, player = playing_window(harness, demo, aloop, seconds=8.0)
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: player.duration() > 7000 and player.playing, what="playback"))
    audition = win.clips_pane.audition
    audition.set_loop(1000, 1600)
    assert find(win, "seekSlider").loop() == (1000, 1600), "the bar draws the loop"
    player.seek(1200)
    seen = []
    player.positionChanged.connect(seen.append)
    run(aloop, until(lambda: any(p >= 1500 for p in seen) and seen[-1] < 1500 and len(seen) > 5, timeout=10,
                     what="a jump back to the loop start"))
    assert max(seen) < 2200, "playback never runs far past the loop end"
    audition.clear_loop()
    assert find(win, "seekSlider").loop() is None
