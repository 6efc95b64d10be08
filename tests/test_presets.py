"""Presets and style history: round trip through the config dir, damaged files set aside, replacement by name."""

from __future__ import annotations

import json

import pytest

from cover_desktop.api.models import CoverRequest
from cover_desktop.presets import Preset, PresetStore, StyleHistory
from cover_desktop.settings import Dirs

FORM = CoverRequest("aud1", custom_mode=True, prompt="verse one\nchorus", style="lo-fi jazz", title="Rain",
                    callback_url="https://example.org/hook")


def test_presets_round_trip_through_the_config_dir():
    store = PresetStore()
    store.save("Jazz take", FORM)
    store.save("plain", CoverRequest("aud9"))
    assert store.path == Dirs.config() / "presets.json" and store.path.exists()
    again = PresetStore()
    assert [p.name for p in again.all()] == ["Jazz take", "plain"]
    jazz = again.get("jazz take")
    assert jazz == Preset("Jazz take", True, "verse one\nchorus", "lo-fi jazz", "Rain")
    # applying keeps what a preset does not hold: the audio id and the callback
    applied = jazz.applied_to(CoverRequest("aud2", callback_url="https://x.org/h"))
    assert applied == CoverRequest("aud2", True, "verse one\nchorus", "lo-fi jazz", "Rain", "https://x.org/h")
    assert not list(store.path.parent.glob(".*.tmp"))


def test_a_second_save_under_the_same_name_replaces():
    store = PresetStore()
    store.save("Jazz", FORM)
    store.save(" jazz ", CoverRequest("aud1", True, "other words", "bebop"))
    assert [(p.name, p.style) for p in PresetStore().all()] == [("jazz", "bebop")]


def test_delete():
    store = PresetStore()
    store.save("a", FORM)
    store.save("b", FORM)
    assert store.delete("A") and not store.delete("nope")
    assert [p.name for p in PresetStore().all()] == ["b"]


@pytest.mark.log_warnings(r"presets: presets\.json is damaged")
def test_a_garbage_file_gives_an_empty_list_and_is_kept_aside():
    path = Dirs.config() / "presets.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json at all", "utf-8")
    store = PresetStore()
    assert store.all() == []
    assert (path.parent / "presets.json.bad").read_text("utf-8") == "{not json at all"
    store.save("fresh", FORM)
    assert [p.name for p in PresetStore().all()] == ["fresh"]


def test_odd_entries_are_skipped_not_the_whole_file():
    path = Dirs.config() / "presets.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"presets": [42, {"name": ""}, {"name": "ok", "style": 7, "custom_mode": "yes"}]}))
    assert PresetStore().all() == [Preset("ok")]
    assert not (path.parent / "presets.json.bad").exists()


def test_style_history_most_recent_first_deduplicated_and_capped():
    h = StyleHistory(limit=3)
    for s in ("pop", "jazz", "Pop", "  ", "metal"):
        h.add(s)
    assert h.items() == ["metal", "Pop", "jazz"]
    h.add("folk")
    assert h.items() == ["folk", "metal", "Pop"]
    assert StyleHistory(limit=3).items() == ["folk", "metal", "Pop"]
    h.remember(CoverRequest("aud1", custom_mode=False, style="ignored"))
    h.remember(CoverRequest("aud1", custom_mode=True, prompt="x", style="jazz"))
    assert h.items() == ["jazz", "folk", "metal"]


def test_style_history_fills_in_older_styles_after_the_known_ones():
    h = StyleHistory()
    h.add("pop")
    h.add_older(["jazz", "POP", "", "folk"])
    assert StyleHistory().items() == ["pop", "jazz", "folk"]


@pytest.mark.log_warnings(r"presets: style-history\.json is damaged")
def test_style_history_survives_a_damaged_file():
    path = Dirs.config() / "style-history.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\xff")
    assert StyleHistory().items() == []
    assert (path.parent / "style-history.json.bad").exists()
