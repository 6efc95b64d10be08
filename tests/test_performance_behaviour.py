"""What the start-up and big-library work changed, as behaviour: clip rows decoded on first use and equal
to what from_json makes, the player made on first use, the window painted before the media check and
the player, and a second start that asks the media host for nothing it already keeps."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.app import parse_args
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.jobs.schema import StoredClipRecord, stored_clip
from cover_desktop.jobs.store import JobStore
from cover_desktop.media.player import PlayerController
from cover_desktop.runtime import Runtime
from cover_desktop.settings import Dirs, KeyStore, Settings
from helpers import app_env, finished_window, jobs, run, settle, until

ROOT = Path(__file__).resolve().parent.parent

# -- the store: clip rows -----------------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=400))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                           max_size=3), max_leaves=6)
keys = st.sampled_from(["id", "audio_url", "stream_audio_url", "image_url", "image_large_url", "title", "duration",
                        "tags", "style", "model_name"]) | st.text(max_size=8)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(keys, values, max_size=9) | values)
def test_a_stored_clip_reads_as_from_json_reads_it(data):
    assert stored_clip(data) == Clip.from_json(data)


@settings(max_examples=100, deadline=None)
@given(st.builds(Clip, id=st.text(min_size=1, max_size=20), audio_url=st.text(max_size=30),
                 image_url=st.text(max_size=30), title=st.text(max_size=320),
                 duration=st.none() | st.floats(allow_nan=True, allow_infinity=True) | st.integers(-5, 10**6),
                 tags=st.text(max_size=320), extra=st.dictionaries(st.text(max_size=6), scalars, max_size=3)))
def test_what_to_json_wrote_reads_back_as_from_json_reads_it(clip):
    data = json.loads(json.dumps(clip.to_json()))
    assert stored_clip(data) == Clip.from_json(data)


def _job_with_clips(n: int = 2) -> Job:
    return Job(request=CoverRequest("aud1", True, "words", "folk", "River"), state=JobState.DONE, task_id="T1",
               clips=[ClipRecord(Clip(f"c{k}", f"https://cdn/{k}.mp3", f"https://cdn/{k}.png", f"Song {k}", 30.5,
                                      "folk", extra={"model_name": "v4"})) for k in range(1, n + 1)])


def test_loaded_clips_equal_the_records_that_were_stored(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    job = _job_with_clips()
    store.add(job)
    store.set_clip_media(job.id, "c1", "/m/c1.mp3", "/m/c1.png", "")
    loaded = store.all_jobs()[0]
    assert [type(c) for c in loaded.clips] == [StoredClipRecord, StoredClipRecord]
    assert [c.id for c in loaded.clips] == ["c1", "c2"]
    expected = [dataclasses.replace(job.clips[0], audio_path="/m/c1.mp3", image_path="/m/c1.png"), job.clips[1]]
    assert loaded.clips == expected and expected == loaded.clips, "equal to plain records, either way round"
    assert loaded.clips[0].clip.extra == {"model_name": "v4"} and loaded.clips[0].clip.duration == 30.5
    copy = dataclasses.replace(loaded.clips[1], rating=4)
    assert copy.clip == job.clips[1].clip and copy.rating == 4
    assert loaded.request == job.request
    store.close()


def test_requests_read_as_from_dict_reads_them_and_a_row_holding_two_is_refused(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    for audio in ("a1", "a2", "a3"):
        store.add(Job(request=CoverRequest(audio, True, "p", "s", "t")))
    stored = {1: {"audio_id": "a1", "title": "Kept", "from_a_newer_version": 1}, 2: {"audio_id": "a2"}}
    for job_id, request in stored.items():
        store.db.execute("UPDATE jobs SET request=? WHERE id=?", (json.dumps(request), job_id))
    by_id = {j.id: j.request for j in store.all_jobs()}
    assert by_id[1] == CoverRequest.from_dict(stored[1]) and by_id[2] == CoverRequest.from_dict(stored[2])
    assert by_id[3] == CoverRequest("a3", True, "p", "s", "t") == store.get(3).request
    store.db.execute("""UPDATE jobs SET request='{"audio_id": "x"}, {"audio_id": "y"}' WHERE id=3""")
    with pytest.raises(ValueError):
        store.all_jobs()
    store.close()


def test_pages_of_the_history_add_up_to_all_of_it(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    for i in range(7):
        job = _job_with_clips(i % 3)
        job.created_at = 1000.0 + i // 2          # pairs made in the same second: ties go by id
        job.history = [(job.created_at, "submitted"), (job.created_at + 1, f"status {i}")]
        store.add(job)
    everything = store.all_jobs()
    pages, before = [], None
    while page := store.jobs_page(3, before):
        pages.append(page)
        before = (page[-1].created_at, page[-1].id)
    assert [len(p) for p in pages] == [3, 3, 1]
    flat = [j for p in pages for j in p]
    assert [j.id for j in flat] == [j.id for j in everything] == [7, 6, 5, 4, 3, 2, 1]
    assert [(j.clips, j.history, j.request) for j in flat] == [(j.clips, j.history, j.request) for j in everything]
    assert store.jobs_page(0) == []
    store.close()


def test_a_clip_set_before_its_row_is_read_stays_set(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    job = _job_with_clips(1)
    store.add(job)
    rec = store.all_jobs()[0].clips[0]
    newer = Clip("c1", "https://cdn/new.mp3", title="Renamed by the service")
    rec.clip = newer
    assert rec.clip is newer and rec.id == "c1"
    store.close()


def test_clip_rows_read_from_two_threads_at_once_give_one_clip(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    store.add(_job_with_clips(300))
    recs = store.all_jobs()[0].clips
    store.close()
    seen: list[list[Clip]] = [[], []]

    def read(i: int) -> None:
        seen[i] = [r.clip for r in recs]

    threads = [threading.Thread(target=read, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(a is b for a, b in zip(seen[0], seen[1], strict=True)), "each row decoded once"


def test_a_damaged_clip_row_still_loads_with_its_id(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    job = _job_with_clips(1)
    store.add(job)
    store.db.execute("UPDATE clips SET data = '{not json' WHERE clip_id = 'c1'")
    rec = store.all_jobs()[0].clips[0]
    assert rec.id == "c1" and rec.clip.id == "c1" and rec.clip.audio_url == ""
    store.close()


def test_an_unknown_state_in_the_history_loads_as_failed(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite")
    job = _job_with_clips(1)
    store.add(job)
    store.db.execute("UPDATE jobs SET state = 'exploded'")
    assert store.all_jobs()[0].state is JobState.FAILED and store.get(job.id).state is JobState.FAILED
    store.close()


# -- the player ----------------------------------------------------------------------------------------------

def _destroy(player: PlayerController, aloop) -> None:
    """Now, on this thread: a player left for later keeps its audio threads, which log through whatever
    message handler a later test installs."""
    player.deleteLater()
    run(aloop, asyncio.sleep(0))


def test_the_player_is_made_on_first_use_and_keeps_what_it_was_told(aloop, tmp_path):
    from PySide6.QtMultimedia import QMediaDevices

    player = PlayerController(volume=0.3)
    told: list[bool] = []
    player.audioOutputChanged.connect(told.append)
    player.set_volume(0.6)
    player.stop()
    player.seek(1000)
    player.toggle()
    assert not player.prepared, "nothing asked for the backend yet"
    assert (player.volume(), player.position(), player.duration(), player.playing) == (0.6, 0, 0, False)
    assert player.has_audio_device(), "assumed until asked"
    player.unload()
    assert player.current == "" and not player.prepared
    assert not player.play("k", str(tmp_path / "missing.wav"))
    player.prepare()
    assert player.prepared and player.output.volume() == pytest.approx(0.6)
    has = bool(QMediaDevices.audioOutputs())
    assert player.has_audio_device() is has
    assert told == ([] if has else [False])
    player.stop()
    _destroy(player, aloop)


def test_playing_makes_the_player(aloop, tmp_path):
    from cover_desktop.demo.synth import wav_bytes
    wav = tmp_path / "a.wav"
    wav.write_bytes(wav_bytes("lazy", 2.0))
    player = PlayerController()
    assert player.play("job/1", str(wav))
    assert player.prepared
    run(aloop, until(lambda: player.position() > 0, what="playback"))
    player.stop()
    run(aloop, until(lambda: not player.playing, what="stop"))
    _destroy(player, aloop)


# -- the start: paint first, then load ---------------------------------------------------------------------

FIRST_PAINT = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

seen = {}

def loaded():
    return {"multimedia": "PySide6.QtMultimedia" in sys.modules, "demo": "cover_desktop.demo.server" in sys.modules}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if "paint" not in seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            seen["paint"] = loaded()
            QTimer.singleShot(2000, lambda: (seen.__setitem__("later", loaded()), obj.close()))
        return False

class App(QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.watch = Watch()
        self.installEventFilter(self.watch)

import cover_desktop.app as cover_app
cover_app.QApplication = App
code = cover_app.main(sys.argv[1:])
print("SEEN " + json.dumps(seen), flush=True)
sys.exit(code)
"""


@pytest.mark.slow
def test_the_window_paints_before_the_player_is_made_and_without_the_demo_code(tmp_path):
    env = app_env(tmp_path)
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, "--base-url", "http://127.0.0.1:9"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("SEEN ")), "")
    assert out.returncode == 0 and line, out.stdout[-2000:] + out.stderr[-2000:]
    seen = json.loads(line[5:])
    assert seen["paint"] == {"multimedia": False, "demo": False}, "QtMultimedia and the demo server wait"
    assert seen["later"] == {"multimedia": True, "demo": False}, "the player is made once the window shows"


def _unkept_job_in_history(demo) -> Job:
    """A finished job in the profile's history whose clips are not kept yet."""
    job = Job(request=CoverRequest("aud1"), state=JobState.DONE, task_id="t1",
              clips=[ClipRecord(Clip(c, audio_url=f"{demo.media_url}/audio?item_id={c}",
                                     image_url=f"{demo.media_url}/image_{c}.png")) for c in ("c1", "c2")])
    store = JobStore(Dirs.data() / "jobs.sqlite")
    store.add(job)
    store.close()
    return job


def test_a_deferred_start_fetches_unfinished_media_only_once_the_window_shows(demo, keyed, aloop, tmp_path):
    _unkept_job_in_history(demo)
    rt = Runtime(parse_args(["--base-url", demo.api_url]), Settings(), KeyStore())
    assert not rt.started
    try:
        run(aloop, rt.start(defer=True))
        assert rt.started
        run(aloop, settle())
        assert not rt.library.busy() and demo.requests("media") == [], "nothing fetched before the window painted"
        rt.window_shown()
        recs = next(iter(rt.service.jobs.values())).clips
        run(aloop, until(lambda: all(r.audio_path and r.image_path for r in recs) and not rt.library.busy(),
                         what="the clips kept"))
        assert len(demo.requests("media")) == 4
    finally:
        run(aloop, rt.aclose())


def test_a_plain_start_still_fetches_unfinished_media_at_once(demo, keyed, aloop, tmp_path):
    _unkept_job_in_history(demo)
    rt = Runtime(parse_args(["--base-url", demo.api_url]), Settings(), KeyStore())
    try:
        run(aloop, rt.start())
        recs = next(iter(rt.service.jobs.values())).clips
        run(aloop, until(lambda: all(r.audio_path and r.image_path for r in recs), what="the clips kept"))
    finally:
        run(aloop, rt.aclose())


def test_a_second_start_asks_the_media_host_for_nothing_it_keeps(harness, demo, keyed, aloop):
    win = finished_window(harness, demo, aloop)
    finished_window(harness, demo, aloop, "aud2", win=win)
    first = len(demo.requests("media"))
    assert first == 8
    harness.close(win)

    win = harness.window(demo.api_url)
    rt = win.rt
    clips = [(j, c) for j in jobs(win) for c in j.clips]
    assert len(clips) == 4 and all(c.audio_path and c.image_path for _, c in clips)
    win.clips_pane.library_button.setChecked(True)       # every cover drawn
    run(aloop, until(lambda: all(rt.thumbs.get(c.image_path) is not None for _, c in clips), what="covers"))
    win.clips_pane.play_row(0)
    run(aloop, until(lambda: rt.player.position() > 0, what="playback from the kept file"))
    run(aloop, until(lambda: not rt.library.busy(), what="the library's check"))
    run(aloop, settle())
    assert not rt.library.busy()
    assert len(demo.requests("media")) == first, [r.path for r in demo.requests("media")[first:]]
