"""Media the service may well send that used to be refused (issue 17, defects 2 and 7): a cover smaller than
the write buffer, and AIFF audio."""

from __future__ import annotations

import mutagen
import pytest
from PySide6.QtGui import QImage

from cover_desktop.demo.synth import aiff_bytes, solid_png
from cover_desktop.media.fetch import MediaFetcher
from cover_desktop.media.tags import TagMeta, tag_file
from helpers import run


@pytest.fixture
def fetcher(aloop):
    f = MediaFetcher()
    yield f
    run(aloop, f.aclose())


@pytest.mark.parametrize("pixels", [64, 1, 300])
def test_a_small_cover_is_kept_whole(fetcher, demo, aloop, tmp_path, pixels):
    demo.inject("small-png", target="media", size=pixels)
    small = solid_png(pixels)
    if pixels == 64:
        assert len(small) < 200, "the case from the report: a 64x64 PNG of under 200 bytes"
    path = run(aloop, fetcher.fetch(f"{demo.media_url}/image_c1.png", tmp_path / "c1-cover", "image"))
    assert path.name == "c1-cover.png"
    assert path.read_bytes() == small
    assert QImage(str(path)).size().width() == pixels
    assert list(tmp_path.iterdir()) == [path], "no partial file is left"


def test_aiff_audio_is_kept_and_tagged(fetcher, demo, aloop, tmp_path):
    demo.inject("aiff", target="media")
    path = run(aloop, fetcher.fetch(f"{demo.media_url}/audio?item_id=c1", tmp_path / "c1", "audio"))
    assert path.name == "c1.aiff"
    assert path.read_bytes() == aiff_bytes(demo.audio_for("c1"))
    assert tag_file(path, TagMeta(title="Cover #1", artist="Me", clip_id="c1", cover=solid_png(64)))
    tagged = mutagen.File(path)
    assert str(tagged.tags["TIT2"]) == "Cover #1" and tagged.info.sample_rate == 22050
