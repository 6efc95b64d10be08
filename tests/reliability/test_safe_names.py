"""File names from ids and titles: distinct for distinct ids, bounded in bytes, never overwriting."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cover_desktop.media.safe_names import (
    ID_BYTES,
    NAME_MAX,
    clean_name,
    free_path,
    limit_bytes,
    unique_name,
)

CLASHING = ["x/1", "x:1", "x?1", "x*1", "x|1", "x_1", "x\\1", "x\n1", ".", "..", "", " ", "con", "CON",
            "job/1", "job:1", "a" * 400, "a" * 401]


def test_ids_that_clean_to_the_same_text_get_different_names():
    names = [unique_name(i) for i in CLASHING]
    assert len(set(names)) == len(CLASHING)
    assert len({n.lower() for n in names}) == len(CLASHING), "distinct on case-insensitive disks too"


@pytest.mark.parametrize("raw", CLASHING + ["\u97f3\u697d" * 100, "\u200bhidden", "tab\there"])
def test_names_are_safe_files(tmp_path, raw):
    name = unique_name(raw)
    assert name not in (".", "..") and "/" not in name and "\\" not in name and "\0" not in name
    assert not any(ord(c) < 32 for c in name) and "\u200b" not in name
    assert len(name.encode()) <= ID_BYTES
    (tmp_path / name).write_bytes(b"x")
    assert (tmp_path / name).read_bytes() == b"x"


def test_the_readable_part_is_kept():
    assert unique_name("song_abc").startswith("song_abc-") and unique_name("x/1").startswith("x_1-")
    assert unique_name(".").startswith("id-")


def test_a_long_cjk_title_fits_the_file_system(tmp_path):
    title = "\u590f\u306e\u7d42\u308f\u308a\u306b\u805e\u3044\u305f\u6b4c" * 9  # 90 characters, 270 bytes
    assert len(title) == 90 and len(title.encode()) == 270
    name = clean_name(title) + " (12).wav"
    assert len(name.encode()) <= NAME_MAX
    assert clean_name(title).startswith(title[:60])
    (tmp_path / name).write_bytes(b"x")  # "File name too long" before


@pytest.mark.parametrize("text,n,want", [
    ("abc", 2, "ab"), ("\u00e9\u00e9", 3, "\u00e9"), ("\u97f3\u697d", 5, "\u97f3"), ("\U0001f3b5x", 3, ""),
    ("\U0001f3b5x", 4, "\U0001f3b5"), ("short", 100, "short"),
])
def test_limit_bytes_never_splits_a_character(text, n, want):
    assert limit_bytes(text, n) == want


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(0, 300))
def test_limit_bytes_is_a_valid_prefix(text, n):
    cut = limit_bytes(text, n)
    assert len(cut.encode("utf-8", "surrogatepass")) <= n and text.startswith(cut)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=200), st.text(min_size=0, max_size=200))
def test_different_ids_never_share_a_name(a, b):
    if a != b:
        assert unique_name(a) != unique_name(b)


def test_free_path_never_overwrites(tmp_path):
    target = tmp_path / "Night Drive.wav"
    assert free_path(target) == target
    target.write_bytes(b"mine")
    second = free_path(target)
    assert second.name == "Night Drive (2).wav"
    second.write_bytes(b"x")
    assert free_path(target).name == "Night Drive (3).wav"
    os.symlink(tmp_path / "missing", tmp_path / "Night Drive (3).wav")  # a dangling link is taken too
    assert free_path(target).name == "Night Drive (4).wav"
    assert target.read_bytes() == b"mine"


def test_free_path_keeps_a_long_name_within_the_limit(tmp_path):
    stem = clean_name("\u97f3" * 200)
    target = tmp_path / (stem + ".flac")
    target.write_bytes(b"x")
    nxt = free_path(target)
    assert nxt.name.endswith(" (2).flac") and len(nxt.name.encode()) <= NAME_MAX
    nxt.write_bytes(b"y")
