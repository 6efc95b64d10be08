"""The real MediaFetcher against the demo media host's faults.

After every fault the clip's file is either byte-identical to what the server holds or absent, and a
partial file left behind is a true prefix of it (so resuming from it is safe).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import pytest

from cover_desktop.api import MediaError
from cover_desktop.media.fetch import MediaFetcher

# a fault test expects the failure to be logged
pytestmark = pytest.mark.log_warnings(r"cover_desktop\.media\.library: media for clip")

MB = 1024 * 1024


def fetch(url, dest, kind="audio", *, guard=20.0, **kwargs):
    async def body():
        fetcher = MediaFetcher(**kwargs)
        try:
            return await fetcher.fetch(url, dest, kind)
        finally:
            await fetcher.aclose()
    return asyncio.run(asyncio.wait_for(body(), guard))


def audio_url(demo, clip="c1"):
    return f"{demo.media_url}/audio?item_id={clip}"


def parts(folder):
    return sorted(p for p in folder.iterdir() if p.name.endswith(".part"))


def assert_sound(folder, whole: bytes):
    """Nothing corrupt on disk: finished files are whole, partial ones are prefixes."""
    for p in folder.iterdir():
        data = p.read_bytes()
        if p.name.endswith(".part"):
            assert whole.startswith(data), f"{p.name} is not a prefix of the served file"
        else:
            assert data == whole, f"{p.name} differs from the served file"


def range_headers(demo):
    return [r.headers.get("range") for r in demo.requests("media")]


# -- 206 and Range answers that cannot continue a partial file -----------------------------------------------

@pytest.mark.parametrize("variant", ["", "wrong"])
def test_206_without_a_matching_content_range_restarts_from_zero(demo, tmp_path, variant):
    whole = demo.audio_for("c1")
    (tmp_path / "a.part").write_bytes(whole[:50_000])
    demo.inject("partial-206", target="media", variant=variant)
    path = fetch(audio_url(demo), tmp_path / "a")
    assert path.read_bytes() == whole
    assert range_headers(demo) == ["bytes=50000-", None]
    assert parts(tmp_path) == []


def test_206_without_content_range_to_a_plain_request_is_the_whole_file(demo, tmp_path):
    demo.inject("partial-206", target="media")
    assert fetch(audio_url(demo), tmp_path / "a").read_bytes() == demo.audio_for("c1")


def test_200_to_a_range_request_replaces_the_partial_file(demo, tmp_path):
    whole = demo.audio_for("c1")
    (tmp_path / "a.part").write_bytes(whole[:50_000])
    demo.inject("range-ignored", target="media")
    assert fetch(audio_url(demo), tmp_path / "a").read_bytes() == whole
    assert range_headers(demo) == ["bytes=50000-"], "the 200 body itself is used, from byte zero"


def test_a_partial_file_as_long_as_the_file_is_finished_by_a_416_or_200(demo, tmp_path):
    whole = demo.audio_for("c1")
    (tmp_path / "a.part").write_bytes(whole)
    assert fetch(audio_url(demo), tmp_path / "a").read_bytes() == whole


# -- answers cut short -------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["length-lie", "reset-mid"])
def test_a_cut_download_fails_retryably_then_resumes_to_the_same_bytes(demo, tmp_path, kind):
    whole = demo.audio_for("c1")
    demo.inject(kind, target="media", size=len(whole) // 3 if kind == "reset-mid" else 0)
    with pytest.raises(MediaError) as info:
        fetch(audio_url(demo), tmp_path / "a")
    assert info.value.retryable and "tried again" in str(info.value)
    assert not (tmp_path / "a.wav").exists()
    assert_sound(tmp_path, whole)
    left = parts(tmp_path)
    assert len(left) == 1
    size = left[0].stat().st_size
    path = fetch(audio_url(demo), tmp_path / "a")
    assert path.read_bytes() == whole and parts(tmp_path) == []
    if size and size < len(whole):
        assert range_headers(demo)[-1] == f"bytes={size}-", "resumed where the cut left it"


def test_content_length_is_checked(demo, tmp_path):
    demo.inject("length-lie", target="media", size=10)
    with pytest.raises(MediaError, match="tried again"):
        fetch(audio_url(demo), tmp_path / "a")
    assert not (tmp_path / "a.wav").exists()


# -- slow servers -------------------------------------------------------------------------------------------

def test_slow_drip_ends_at_the_deadline(demo, tmp_path):
    demo.inject("drip", target="media", seconds=0.05)
    with pytest.raises(MediaError) as info:
        fetch(audio_url(demo), tmp_path / "a", deadline=1.0)
    assert info.value.retryable and "took longer than 1 s" in str(info.value)
    assert not (tmp_path / "a.wav").exists()
    assert_sound(tmp_path, demo.audio_for("c1"))


def test_stall_ends_at_the_stall_timeout(demo, tmp_path):
    demo.inject("stall", target="media", seconds=30)
    with pytest.raises(MediaError) as info:
        fetch(audio_url(demo), tmp_path / "a", stall_timeout=0.5)
    assert info.value.retryable and "stalled" in str(info.value)
    assert list(tmp_path.glob("a.wav")) == []


# -- answers that are not the file ----------------------------------------------------------------------------

def test_huge_body_is_refused_by_its_length(demo, tmp_path):
    demo.inject("huge", target="media")
    with pytest.raises(MediaError) as info:
        fetch(audio_url(demo), tmp_path / "a")
    assert "more than the 200 MB allowed" in str(info.value) and not info.value.retryable
    assert demo.body_bytes_sent("huge") < 64 * MB
    assert list(tmp_path.iterdir()) == []


def test_huge_stream_of_junk_is_refused_at_its_first_bytes(demo, tmp_path):
    demo.inject("huge-stream", target="media")
    with pytest.raises(MediaError, match="not audio"):
        fetch(audio_url(demo), tmp_path / "a")
    assert demo.body_bytes_sent("huge-stream") < 64 * MB
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fault,retryable,words", [
    ("500", True, "HTTP 500"), ("503", True, "HTTP 503"), ("429", True, "HTTP 429"),
    ("404", False, "expired"), ("403", False, "expired"), ("html", False, "web page"),
])
def test_errors_say_whether_trying_again_can_help(demo, tmp_path, fault, retryable, words):
    demo.inject(fault, target="media")
    with pytest.raises(MediaError) as info:
        fetch(audio_url(demo), tmp_path / "a")
    assert info.value.retryable is retryable and words in str(info.value)
    assert not (tmp_path / "a.wav").exists()


@pytest.mark.parametrize("url", [
    "http://[::1", "http://[::1]:99999/a", "http://x" + "y" * 65536, "http://\u2603.net/a", "http://xn--a.com/a",
    "https://host:abc/a", "http://a.com/\udcff", "http://ex\x00ample.com/", "", "ftp://example.org/a.wav",
    "file:///etc/passwd", "http:///no-host", "http://:80/",
])
def test_unusable_links_give_a_media_error(tmp_path, url):
    with pytest.raises(MediaError) as info:
        fetch(url, tmp_path / "a")
    assert not info.value.retryable and len(str(info.value)) < 300
    assert list(tmp_path.iterdir()) == []


def test_null_url_from_a_status_answer(tmp_path):
    with pytest.raises(MediaError, match="not a usable link"):
        fetch("", tmp_path / "a")


# -- two writers, one destination --------------------------------------------------------------------------------

def test_two_downloads_of_one_clip_at_once_never_share_a_file(demo, tmp_path):
    # as with two instances of the app on one profile: one download is slow, the other starts meanwhile
    whole = demo.audio_for("c1")
    demo.inject("drip", target="media", seconds=0.01)

    async def scenario():
        slow, fast = MediaFetcher(deadline=2.0), MediaFetcher()
        try:
            first = asyncio.ensure_future(slow.fetch(audio_url(demo), tmp_path / "a", "audio"))
            while not demo.requests("media"):  # its partial file is made and locked before it asks
                await asyncio.sleep(0.02)
            done = await fast.fetch(audio_url(demo), tmp_path / "a", "audio")
            assert done.read_bytes() == whole
            with pytest.raises(MediaError, match="took longer"):
                await first
            return done
        finally:
            await slow.aclose()
            await fast.aclose()
    path = asyncio.run(asyncio.wait_for(scenario(), 30))
    assert path.read_bytes() == whole
    assert range_headers(demo) == [None, None], "the second did not continue the first one's file"
    assert_sound(tmp_path, whole)


def test_a_partial_file_another_process_is_writing_is_left_alone(demo, tmp_path):
    whole = demo.audio_for("c1")
    theirs = tmp_path / "a.0123456789ab.part"
    theirs.write_bytes(b"\0" * 4096)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, sys, time
        f = open({str(theirs)!r}, "r+b")
        fcntl.flock(f, fcntl.LOCK_EX)
        print("locked", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        path = fetch(audio_url(demo), tmp_path / "a")
        assert path.read_bytes() == whole
        assert range_headers(demo) == [None], "its bytes were not taken as ours"
        assert theirs.read_bytes() == b"\0" * 4096, "and not touched"
    finally:
        holder.kill()
        holder.wait()


def test_a_partial_file_of_a_writer_that_died_is_resumed(demo, tmp_path):
    whole = demo.audio_for("c1")
    left = tmp_path / "a.fedcba987654.part"
    left.write_bytes(whole[:70_000])
    assert fetch(audio_url(demo), tmp_path / "a").read_bytes() == whole
    assert range_headers(demo) == ["bytes=70000-"]
    assert parts(tmp_path) == []


def test_stale_partial_files_are_cleared_after_a_success(demo, tmp_path):
    whole = demo.audio_for("c1")
    (tmp_path / "a.aaaaaaaaaaaa.part").write_bytes(whole[:1000])
    (tmp_path / "a.bbbbbbbbbbbb.part").write_bytes(whole[:2000])
    (tmp_path / "ab.cccccccccccc.part").write_bytes(b"another clip's")
    fetch(audio_url(demo), tmp_path / "a")
    assert [p.name for p in parts(tmp_path)] == ["ab.cccccccccccc.part"]


def test_cover_image_is_fetched_and_checked(demo, tmp_path):
    path = fetch(f"{demo.media_url}/image_c1.png", tmp_path / "a-cover", "image")
    assert path.name == "a-cover.png" and path.read_bytes() == demo.image_for("c1")
