"""Whatever a server sends, the parser gives a model or the typed ApiError, never another exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cover_desktop.api import ApiError, BadResponse, Clip, TaskStatus
from cover_desktop.api.mapping import error_from_reply, status_from, task_id_from
from cover_desktop.api.text import SHOWN_MAX

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=50))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=6), max_leaves=40)
keys = st.sampled_from(["code", "message", "data", "task_id", "status", "clips", "error", "type", "detail",
                        "audio_url", "image_url", "id", "title", "duration", "tags", "msg", "created_at"])
# shaped like the real envelope often enough to reach the deep branches
shaped = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(keys | st.text(max_size=5), inner, max_size=7), max_leaves=60)
statuses = st.sampled_from([200, 201, 204, 301, 400, 401, 402, 403, 404, 409, 418, 429, 500, 502, 503]) \
    | st.integers(100, 599)
headers = st.fixed_dictionaries({}, optional={
    "content-type": st.sampled_from(["application/json", "text/html", "text/plain", ""]) | st.text(max_size=20),
    "retry-after": st.sampled_from(["1", "0", "-5", "1e999", "nan", "Wed, 21 Oct 2015 07:28:00 GMT"])
    | st.text(max_size=30)})


def _encode(value) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


def _reply(status, hdrs, body, context="status"):
    try:
        err, payload = error_from_reply(status, hdrs, body, context=context, subject="t1")
    except ApiError as exc:
        return exc, None
    if err is not None:
        return err, None
    try:
        if context == "submit":
            return None, task_id_from(payload)
        return None, status_from(payload, "t1")
    except ApiError as exc:
        return exc, None


@SETTINGS
@given(status=statuses, hdrs=headers, value=shaped | json_values)
def test_any_json_reply_gives_a_model_or_an_api_error(status, hdrs, value):
    for context in ("status", "submit", "key-check"):
        err, result = _reply(status, hdrs, _encode(value), context)
        assert (err is None) != (result is None)
        if err is not None:
            assert isinstance(err, ApiError) and isinstance(str(err), str) and len(err.detail) <= 300
        elif context != "submit":
            assert isinstance(result, TaskStatus) and all(isinstance(c, Clip) for c in result.clips)
            assert len(result.error) <= SHOWN_MAX and len(result.raw_status) <= 60
        else:
            assert isinstance(result, str) and result


@SETTINGS
@given(status=statuses, hdrs=headers, body=st.binary(max_size=300))
def test_any_bytes_give_a_model_or_an_api_error(status, hdrs, body):
    err, result = _reply(status, hdrs, body)
    assert (err is None) != (result is None)


@SETTINGS
@given(data=st.dictionaries(keys | st.text(max_size=5), shaped, max_size=8))
def test_status_from_any_dict(data):
    st_ = TaskStatus.from_json(data, "t1")
    assert st_.task_id and st_.raw_status
    for clip in st_.clips:
        assert isinstance(clip.id, str) and isinstance(clip.audio_url, str)
        assert clip.duration is None or clip.duration == clip.duration  # finite or absent, never NaN


def test_the_shapes_found_by_hand():
    # each of these raised something other than an ApiError before
    for body in (b'{"code": 1e999}', b'{"code": 200, "data": {"status": "x", "clips": [{"duration": 1e999}]}}',
                 b"[" * 100_000, b"1" * 5000, b'{"code": 200, "data": {"status": ' + b"9" * 5000 + b"}}",
                 b'{"code": 200, "data": {"status": {"a": 1}, "error": {"message": "m"}, "task_id": []}}'):
        err, result = _reply(200, {}, body)
        assert isinstance(err, BadResponse) or isinstance(result, TaskStatus), body[:40]
    assert _reply(200, {}, b'{"code": 200, "data": {"error": {"message": "m"}}}')[1].error == "m"
