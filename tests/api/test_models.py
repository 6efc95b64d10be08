from __future__ import annotations

import email.utils
import time

import pytest

from cover_desktop.api import (
    Clip,
    CoverRequest,
    Phase,
    TaskStatus,
    classify,
    parse_retry_after,
)


@pytest.mark.parametrize("raw,phase", [
    ("complete", Phase.DONE), ("Completed", Phase.DONE), ("success", Phase.DONE), ("SUCCEEDED", Phase.DONE),
    ("failed", Phase.FAILED), ("error", Phase.FAILED), ("failure", Phase.FAILED), ("cancelled", Phase.FAILED),
    ("canceled", Phase.FAILED), ("pending", Phase.RUNNING), ("queued", Phase.RUNNING),
    ("processing", Phase.RUNNING), ("streaming", Phase.RUNNING), ("warming_up_the_gpus", Phase.RUNNING),
    ("", Phase.RUNNING), (None, Phase.RUNNING),
])
def test_classify(raw, phase):
    assert classify(raw) is phase


def test_status_keeps_unknown_fields_and_tolerates_missing_ones():
    st = TaskStatus.from_json({"status": "streaming", "progress": 40,
                               "clips": [{"id": "a", "audio_url": "https://x/a", "model": "v5", "duration": "31.5"},
                                         {"audio_url": "https://x/b"}, "junk"]}, "t1")
    assert st.task_id == "t1" and st.raw_status == "streaming" and st.extra == {"progress": 40}
    a, b, junk = st.clips
    assert a.extra == {"model": "v5"} and a.duration == 31.5 and a.image_url == ""
    assert b.id == "clip-2" and junk.id == "clip-3"
    assert Clip.from_json(a.to_json()) == a


def test_status_without_status_field():
    assert TaskStatus.from_json({}, "t").raw_status == "unknown"


def test_request_round_trip_and_body():
    req = CoverRequest("aud1", custom_mode=True, prompt="la", style="folk")
    assert CoverRequest.from_dict(req.to_dict()) == req
    assert req.to_json() == {"audio_id": "aud1", "custom_mode": True, "prompt": "la", "style": "folk"}


def test_retry_after_forms():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("nonsense") is None and parse_retry_after(None) is None
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= parse_retry_after(when) <= 31
