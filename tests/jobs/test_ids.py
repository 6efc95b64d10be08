from __future__ import annotations

import pytest

from cover_desktop.jobs.ids import extract_ids

UUID = "3f2a1b4c-1111-2222-3333-444455556666"


@pytest.mark.parametrize("text,ids", [
    ("aud123456789", ["aud123456789"]),
    ("  my-own_id.42  ", ["my-own_id.42"]),
    (f"https://suno.com/song/{UUID}?sh=abc", [UUID]),
    ("https://audiopipe.suno.ai/?item_id=song_abc", ["song_abc"]),
    ("https://example.org/song/aud777", ["aud777"]),
    ("aud1111 aud2222\naud3333", ["aud1111", "aud2222", "aud3333"]),
    ("aud1111, aud1111; aud2222", ["aud1111", "aud2222"]),
    (f"first {UUID} then https://x.org/s/aud99999", [UUID, "aud99999"]),
    ("demo-1\ndemo-2\ndemo-3", ["demo-1", "demo-2", "demo-3"]),
    ("hello there friend", []),
    ("", []),
])
def test_extract_ids(text, ids):
    assert extract_ids(text) == ids
