"""Loudness-matched A/B: every clip of a group plays at one common level, the louder lowered to the quieter,
never a gain above 0 dB (the output cannot amplify) nor one that takes a peak past 0 dBFS; the real player's
output volume carries the gain on top of the musician's volume."""

from __future__ import annotations

import math

import pytest

from cover_desktop.media.loudness import Loudness
from cover_desktop.media.matching import REFERENCE, LoudnessMatch, common_level, matched_gains
from cover_desktop.media.player import PlayerController


def lv(integrated: float, true_peak: float = -1.0) -> Loudness:
    return Loudness(integrated, 6.0, true_peak, true_peak - 0.3)


def test_the_louder_clip_is_lowered_to_the_quieter():
    gains = matched_gains({"a": lv(-9.0), "b": lv(-16.0)})
    assert gains == {"a": pytest.approx(-7.0), "b": pytest.approx(0.0)}


def test_a_group_louder_than_the_reference_is_brought_down_to_it():
    assert matched_gains({"a": lv(-8.0), "b": lv(-10.5)}) == {"a": pytest.approx(REFERENCE + 8.0),
                                                             "b": pytest.approx(REFERENCE + 10.5)}


def test_a_peak_over_full_scale_lowers_the_common_level_instead_of_clipping():
    # b is the quietest but peaks at +1.5 dBTP: played as it is it would clip, so it is lowered 1.5 dB and
    # the others follow to the same level
    levels = {"a": lv(-10.0, -0.5), "b": lv(-16.0, 1.5)}
    gains = matched_gains(levels)
    assert gains == {"a": pytest.approx(-7.5), "b": pytest.approx(-1.5)}
    for key, gain in gains.items():
        assert levels[key].true_peak + gain <= 0.0
        assert levels[key].integrated + gain == pytest.approx(-17.5)


def test_unmeasured_and_silent_clips_play_as_they_are():
    levels = {"a": lv(-9.0), "b": None, "c": Loudness(-math.inf, 0.0, -math.inf, -math.inf)}
    gains = matched_gains(levels)
    assert gains["b"] == 0.0 and gains["c"] == 0.0 and gains["a"] == pytest.approx(REFERENCE + 9.0)
    assert common_level({"b": None}) is None


def test_a_raise_is_allowed_only_as_far_as_ceiling_and_peak_allow():
    levels = {"loud": lv(-10.0, -1.0), "quiet": lv(-20.0, -4.0)}
    gains = matched_gains(levels, reference=-12.0, ceiling=12.0)
    # quiet can come up 4 dB before its peak reaches 0 dBFS: the level is -16, loud goes down to it
    assert gains == {"loud": pytest.approx(-6.0), "quiet": pytest.approx(4.0)}


def test_the_player_output_carries_the_gain_on_top_of_the_volume(qapp):
    player = PlayerController(volume=0.5)
    player.prepare()
    match = LoudnessMatch(player)
    match.levels = lambda key: {"1/a": lv(-8.0), "1/b": lv(-14.0)}
    seen: list[float] = []
    match.gainChanged.connect(seen.append)
    player.current = "1/a"
    match.set_enabled(True)
    assert seen[-1] == pytest.approx(-6.0)
    assert player.output.volume() == pytest.approx(0.5 * 10 ** (-6 / 20), abs=1e-3)
    assert player.volume() == 0.5            # what the volume slider shows and the settings keep
    player.set_volume(0.8)
    assert player.output.volume() == pytest.approx(0.8 * 10 ** (-6 / 20), abs=1e-3)
    player.current = "1/b"
    match.refresh()
    assert seen[-1] == pytest.approx(0.0) and player.output.volume() == pytest.approx(0.8, abs=1e-3)
    match.levels = lambda key: {"1/b": None}
    match.refresh()
    assert math.isnan(seen[-1]) and player.gain_db() == 0.0     # not measured yet: said, and played as is
    match.set_enabled(False)
    assert seen[-1] == 0.0
    player.deleteLater()
