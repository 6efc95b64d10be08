"""The file-name template: fields to paths, unsafe text kept inside the folder, names cut by bytes, and
placing a file without ever overwriting (the same bytes are reused, different ones get a new name)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.name_template import (
    DEFAULT_TEMPLATE,
    FIELDS,
    SAMPLE,
    NameFields,
    place,
    preview,
    render,
    temp_beside,
    template_problem,
)

F = NameFields(title="Night Drive", n=2, count=3, style="dream pop", artist="Ada",
               date=dt.datetime(2025, 5, 3, 14, 30), audio_id="aud-7f3a", task_id="upl-9c21", clip_id="c-51e0")


@pytest.mark.parametrize(("template", "fields", "expected"), [
    (DEFAULT_TEMPLATE, F, "Night Drive #2"),
    (DEFAULT_TEMPLATE, replace(F, n=1, count=1), "Night Drive"),          # one clip: no number
    ("{title} #{n}", replace(F, n=1, count=1), "Night Drive #1"),
    ("{date:%Y-%m}/{style}/{title}{nth}", F, "2025-05/dream pop/Night Drive #2"),
    ("{date}", F, "2025-05-03"),
    ("{date:%Y}/{date:%m}/{n:02d} {title}", F, "2025/05/02 Night Drive"),
    ("{artist} - {title} [{audio_id} {task_id} {clip_id}]", F, "Ada - Night Drive [aud-7f3a upl-9c21 c-51e0]"),
    ("{style}/{title}", replace(F, style=""), "untitled/Night Drive"),      # an empty folder name
    ("{title:.5}", F, "Night"),
])
def test_template_gives_the_expected_path(template, fields, expected):
    assert render(template, fields) == Path(expected)


@pytest.mark.parametrize("title", ["../../etc/passwd", "a/b\\c", "..", ".", "/", "x/../../y", " .. / .. "])
@pytest.mark.parametrize("template", [DEFAULT_TEMPLATE, "{style}/{title}", "../{title}", "/{title}", "a/../{title}"])
def test_dots_and_slashes_stay_inside_the_folder(tmp_path, title, template):
    rel = render(template, replace(F, title=title, count=1))
    assert not rel.is_absolute() and ".." not in rel.parts and "." not in rel.parts
    assert all(part and part.strip(" .") for part in rel.parts)
    # the template's own "/" makes folders; a title's never does
    assert len(rel.parts) == template.count("/") + 1
    target = (tmp_path / "out" / rel).resolve()
    assert target.is_relative_to((tmp_path / "out").resolve())


def test_unsafe_characters_and_reserved_names_are_replaced():
    assert render("{title}", replace(F, title='a:b*c?"d<e>f|g\x00h\u200bi')) == Path("a_b_c_d_e_f_g_h_i")
    assert render("{title}", replace(F, title="CON")).name.lower() != "con"
    assert render("{title}", replace(F, title="  trailing dots...  ")) == Path("trailing dots")


def test_a_90_character_cjk_title_fits_in_bytes_and_can_be_written(tmp_path):
    title = "\u591c\u306e\u30c9\u30e9\u30a4\u30d6" * 15            # 90 characters, 270 bytes of UTF-8
    rel = render("{title}{nth}", replace(F, title=title))
    name = rel.name
    assert len(name.encode("utf-8")) <= 200
    assert name.endswith(" #2") and title.startswith(name[:-3])      # cut on a character edge, number kept
    src = tmp_path / "src.mp3"
    src.write_bytes(b"x")
    placed = place(src, tmp_path / "out", rel, ".mp3")
    assert placed.path.exists() and placed.path.read_bytes() == b"x"
    # even with " (2)" added, under the 255-byte limit
    other = tmp_path / "other.mp3"
    other.write_bytes(b"y")
    second = place(other, tmp_path / "out", rel, ".mp3")
    assert second.path.name.endswith(" (2).mp3") and len(second.path.name.encode()) <= 255


def test_a_long_title_is_cut_before_the_rest_of_its_name():
    rel = render("{artist} - {title} #{n:02d}", replace(F, title="\u97f3" * 120))
    name = rel.name
    assert name.startswith("Ada - \u97f3") and name.endswith(" #02") and len(name.encode()) <= 200


@settings(max_examples=300, deadline=None)
@given(title=st.text(), style=st.text(max_size=300),
       template=st.sampled_from([DEFAULT_TEMPLATE, "{style}/{title} {n}", "{date:%Y}/{title}", "../{style}{title}"]))
def test_any_text_gives_a_name_that_can_be_written_inside_the_folder(tmp_path_factory, title, style, template):
    rel = render(template, replace(F, title=title, style=style))
    assert ".." not in rel.parts and not rel.is_absolute()
    assert all(0 < len(part.encode("utf-8")) <= 200 for part in rel.parts)
    root = tmp_path_factory.mktemp("h")
    target = root / rel.with_name(rel.name + ".mp3")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"x")                          # the file system takes it
    assert target.resolve().is_relative_to(root.resolve())


def test_unknown_fields_and_bad_templates_are_explained():
    with pytest.raises(ValueError, match="Unknown field {titel}"):
        render("{titel}", F)
    assert "Unknown field" in template_problem("{nope}/{title}")
    assert template_problem("{title") and template_problem("{n:%Y}") and template_problem("  ")
    assert template_problem("{title!r}")
    assert template_problem(DEFAULT_TEMPLATE) == ""
    assert preview("{date:%Y}/{title}{nth}") == "2025/Night Drive #2.mp3"
    assert "Unknown field" in preview("{x}")


def test_every_listed_field_renders():
    for field, description in FIELDS:
        assert description
        assert render(field, SAMPLE).name, field


def test_fields_of_a_job_number_clips_from_one_and_prefer_the_local_title():
    req = CoverRequest("aud1", True, "la", "rock", "Asked")
    job = Job(request=req, state=JobState.DONE, task_id="t1", created_at=1746282600.0,
              clips=[ClipRecord(Clip("c1", title="One")), ClipRecord(Clip("c2", title=""), local_title="Mine")])
    one = NameFields.of(job, job.clips[0], "Ada")
    two = NameFields.of(job, job.clips[1])
    assert (one.title, one.n, one.count, one.style, one.artist) == ("One", 1, 2, "rock", "Ada")
    assert (two.title, two.n) == ("Mine", 2)
    assert one.date == dt.datetime.fromtimestamp(1746282600.0)
    assert render(DEFAULT_TEMPLATE, one) == Path("One #1")


# -- place -----------------------------------------------------------------------------------------------
def file_with(folder: Path, data: bytes) -> Path:
    tmp = temp_beside(folder, ".wav")
    tmp.write_bytes(data)
    return tmp


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_place_never_overwrites_a_different_file(tmp_path):
    out = tmp_path / "out"
    first = place(file_with(out, b"one"), out, Path("Song"), ".wav")
    assert first.path == out / "Song.wav" and not first.reused
    second = place(file_with(out, b"two"), out, Path("Song"), ".wav")
    third = place(file_with(out, b"three"), out, Path("Song"), ".wav")
    assert (second.path.name, third.path.name) == ("Song (2).wav", "Song (3).wav")
    assert listing(out) == {"Song.wav": b"one", "Song (2).wav": b"two", "Song (3).wav": b"three"}


def test_place_reuses_an_identical_file_wherever_it_sits_in_the_sequence(tmp_path):
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    (out / "sub" / "Song.wav").write_bytes(b"users own")
    (out / "sub" / "Song (2).wav").write_bytes(b"ours")
    src = file_with(out, b"ours")
    placed = place(src, out, Path("sub/Song"), ".wav")
    assert placed.reused and placed.path == out / "sub" / "Song (2).wav"
    assert not src.exists()
    assert listing(out) == {"sub/Song (2).wav": b"ours", "sub/Song.wav": b"users own"}


def test_same_size_different_bytes_is_not_identical(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "Song.wav").write_bytes(b"abcd")
    placed = place(file_with(out, b"abce"), out, Path("Song"), ".wav")
    assert not placed.reused and placed.path.name == "Song (2).wav"


def test_the_tie_breaker_comes_before_a_number(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "Song.wav").write_bytes(b"another job's")
    placed = place(file_with(out, b"mine"), out, Path("Song"), ".wav", tie="upl/9c21")
    assert placed.path.name == "Song [upl_9c21].wav"
    again = place(file_with(out, b"mine"), out, Path("Song"), ".wav", tie="upl/9c21")
    assert again.reused and again.path == placed.path
    third = place(file_with(out, b"a third"), out, Path("Song"), ".wav", tie="upl/9c21")
    assert third.path.name == "Song (2).wav"


def test_place_refuses_a_path_that_leaves_the_folder(tmp_path):
    src = file_with(tmp_path, b"x")
    for bad in (Path("../x"), Path("/etc/x"), Path("a/../../x")):
        with pytest.raises(ValueError):
            place(src, tmp_path / "out", bad, ".wav")
    assert src.exists() and not (tmp_path / "x.wav").exists()


def test_a_symlink_in_the_way_is_not_followed_or_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.wav"
    victim.write_bytes(b"precious")
    os.symlink(victim, out / "Song.wav")
    placed = place(file_with(out, b"new"), out, Path("Song"), ".wav")
    assert placed.path.name == "Song (2).wav" and victim.read_bytes() == b"precious"
