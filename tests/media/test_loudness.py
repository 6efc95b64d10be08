"""Loudness against the EBU's own test signals (Tech 3341 for integrated loudness and true peak, Tech 3342 for
loudness range) and against an independent implementation (pyloudnorm) on music-like signals, within 0.3 LU."""

from __future__ import annotations

import math

import numpy as np
import pyloudnorm
import pytest

from cover_desktop.media.loudness import k_weighting, measure


def sine_dbfs(level_db: float, seconds: float, rate: int = 48000, freq: float = 1000.0,
              phase: float = 0.0) -> np.ndarray:
    """A stereo sine whose peak is ``level_db`` dBFS in each channel, as the EBU's signals are defined."""
    t = np.arange(round(seconds * rate)) / rate
    x = 10 ** (level_db / 20) * np.sin(2 * np.pi * freq * t + phase)
    return np.stack([x, x], axis=1)


def sequence(*parts: tuple[float, float], rate: int = 48000) -> np.ndarray:
    return np.concatenate([sine_dbfs(level, seconds, rate) for level, seconds in parts])


# EBU Tech 3341 (2016), table 1, cases 1 to 5: every one of them is -23.0 LUFS (or -33) within 0.1 LU
TECH_3341 = {
    "case 1": ([(-23, 20)], -23.0),
    "case 2": ([(-33, 20)], -33.0),
    "case 3": ([(-36, 10), (-23, 60), (-36, 10)], -23.0),
    "case 4": ([(-72, 10), (-36, 10), (-23, 60), (-36, 10), (-72, 10)], -23.0),
    "case 5": ([(-26, 20), (-20, 20.1), (-26, 20)], -23.0),
}


@pytest.mark.parametrize("case", sorted(TECH_3341))
def test_tech_3341_integrated_loudness(case):
    parts, expected = TECH_3341[case]
    assert measure(sequence(*parts), 48000).integrated == pytest.approx(expected, abs=0.1)


# EBU Tech 3342 (2016), cases 1 to 4: the loudness range within 1 LU
TECH_3342 = {
    "case 1": ([(-20, 20), (-30, 20)], 10.0),
    "case 2": ([(-20, 20), (-15, 20)], 5.0),
    "case 3": ([(-40, 20), (-20, 20)], 20.0),
    "case 4": ([(-50, 20), (-35, 20), (-20, 20), (-35, 20), (-50, 20)], 15.0),
}


@pytest.mark.parametrize("case", sorted(TECH_3342))
def test_tech_3342_loudness_range(case):
    parts, expected = TECH_3342[case]
    assert measure(sequence(*parts), 48000).lra == pytest.approx(expected, abs=1.0)


def test_true_peak_sees_between_the_samples():
    # Tech 3341 case 15's idea: a sine at a quarter of the rate, sampled 45 degrees off its crests, has
    # sample peaks 3 dB under its true peak of -6 dBTP (tolerance +0.2 / -0.4 dB)
    x = sine_dbfs(-6.0, 5, 48000, freq=12000, phase=math.pi / 4)
    found = measure(x, 48000)
    assert found.sample_peak == pytest.approx(-9.01, abs=0.05)
    assert -6.4 <= found.true_peak <= -5.8


def test_k_weighting_at_48k_is_the_one_bs1770_prints():
    b, a = k_weighting(48000)
    shelf_b = [1.53512485958697, -2.69169618940638, 1.19839281085285]
    shelf_a = [1.0, -1.69065929318241, 0.73248077421585]
    assert b == pytest.approx(np.convolve(shelf_b, [1.0, -2.0, 1.0]), abs=1e-9)
    assert a == pytest.approx(np.convolve(shelf_a, [1.0, -1.99004745483398, 0.99007225036621]), abs=1e-9)


def music_like(seconds: float, rate: int, seed: int) -> np.ndarray:
    """Bass, a melody and noise with a verse/chorus envelope: what a meter meets in a real clip."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * rate)) / rate
    envelope = np.where((t % 8) < 4, 1.0, 0.25)
    bass = 0.4 * np.sin(2 * np.pi * 55 * t)
    melody = 0.2 * np.sin(2 * np.pi * (440 + 110 * np.floor(t % 4)) * t)
    noise = 0.05 * rng.standard_normal(len(t))
    left = (bass + melody + noise) * envelope
    right = (bass + 0.5 * melody + noise[::-1]) * envelope
    return np.stack([left, right], axis=1)


@pytest.mark.parametrize("rate", [22050, 44100, 48000, 96000])
def test_integrated_loudness_agrees_with_pyloudnorm(rate):
    x = music_like(20, rate, seed=rate)
    reference = pyloudnorm.Meter(rate).integrated_loudness(x)
    assert measure(x.astype(np.float32), rate).integrated == pytest.approx(reference, abs=0.3)


def test_mono_is_one_channel_not_two():
    x = music_like(10, 44100, seed=1)[:, :1]
    reference = pyloudnorm.Meter(44100).integrated_loudness(x[:, 0])
    assert measure(x, 44100).integrated == pytest.approx(reference, abs=0.3)


def test_silence_and_a_clip_under_400_ms_have_no_loudness():
    assert measure(np.zeros((48000, 2)), 48000).integrated == -math.inf
    short = measure(sine_dbfs(-10, 0.3), 48000)
    assert short.integrated == -math.inf and short.sample_peak == pytest.approx(-10, abs=0.01)
