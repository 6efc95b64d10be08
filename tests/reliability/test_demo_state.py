"""The demo server keeps its tasks across a restart when given a state file (a restarted app on the demo
must see its running jobs finish, not "the service does not know the task")."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time

import pytest

from cover_desktop.api import ApiClient, CoverRequest, NotFound, Phase, RetryPolicy
from cover_desktop.demo import DemoServer
from helpers import KEY

pytestmark = pytest.mark.log_warnings(r"cover_desktop\.api\.client: (GET|POST) \S+ failed \(try \d+/\d+\): \w+",
                                      r"cover_desktop\.demo\.server: demo state \S+ unreadable")


def call(base_url, fn):
    async def body():
        client = ApiClient(base_url, KEY, policy=RetryPolicy(attempts=1))
        try:
            return await fn(client)
        finally:
            await client.aclose()
    return asyncio.run(asyncio.wait_for(body(), 20))


def test_tasks_survive_a_restart_and_go_on_to_complete(tmp_path):
    state = tmp_path / "demo" / "tasks.json"
    first = DemoServer(duration=0.6, state_file=state).start()
    try:
        tid = call(first.api_url, lambda c: c.submit(CoverRequest("aud1")))
        assert call(first.api_url, lambda c: c.status(tid)).phase is Phase.RUNNING
        old_api, old_media = first.api_url, first.media_url
    finally:
        first.stop()
    second = DemoServer(duration=0.6, state_file=state).start()
    try:
        assert (second.api_url, second.media_url) == (old_api, old_media), "the same ports where free"
        deadline = time.monotonic() + 10
        while (st := call(second.api_url, lambda c: c.status(tid))).phase is Phase.RUNNING:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert st.phase is Phase.DONE and len(st.clips) == 2
        assert st.clips[0].audio_url.startswith(old_media)
    finally:
        second.stop()


def test_without_a_state_file_a_restart_forgets(tmp_path):
    first = DemoServer(duration=0).start()
    tid = call(first.api_url, lambda c: c.submit(CoverRequest("aud1")))
    first.stop()
    second = DemoServer(duration=0).start()
    try:
        with pytest.raises(NotFound):
            call(second.api_url, lambda c: c.status(tid))
    finally:
        second.stop()


@pytest.mark.parametrize("text", ["{ broken", "[]", json.dumps({"tasks": [{"task_id": "x"}]})])
def test_a_damaged_state_file_starts_empty(tmp_path, text):
    state = tmp_path / "tasks.json"
    state.write_text(text)
    server = DemoServer(duration=0, state_file=state).start()
    try:
        assert call(server.api_url, lambda c: c.submit(CoverRequest("aud1")))
        assert len(json.loads(state.read_text())["tasks"]) == 1
    finally:
        server.stop()


def test_a_clips_media_are_the_same_bytes_in_every_process_and_version():
    # a restarted app resumes a download from its partial file and compares what it kept with what the
    # demo serves: both hold only while a clip's audio and cover never change
    from cover_desktop.demo.synth import png_bytes, wav_bytes
    assert hashlib.sha256(wav_bytes("upl0123456789ab-1", 3.0)).hexdigest() == \
        "e123cd377e1003ba82e40455e3f3bd95093e3689f05e0d26d106fa32552d47bc"
    assert hashlib.sha256(png_bytes("upl0123456789ab-1")).hexdigest() == \
        "81926420a795fe4d5c8a5ca253bc2e645169f53d5c73bcad18bd440acd310ab5"
