"""The style matrix: one request per (id, style), custom mode where styles are given, problems said once."""

from __future__ import annotations

from cover_desktop.api.models import CoverRequest
from cover_desktop.jobs.matrix import expand, group_label, lines, plan, problems

LYRICS = CoverRequest("aud1", custom_mode=True, prompt="la la la", style="pop", title="Neon Rain")


def test_one_id_times_several_styles():
    reqs = expand(LYRICS, ["aud1"], ["lo-fi jazz", "synthwave", "bluegrass"])
    assert [r.style for r in reqs] == ["lo-fi jazz", "synthwave", "bluegrass"]
    assert {(r.audio_id, r.prompt, r.title, r.custom_mode) for r in reqs} == {("aud1", "la la la", "Neon Rain", True)}
    assert reqs[1].to_json() == {"audio_id": "aud1", "custom_mode": True, "prompt": "la la la",
                                 "style": "synthwave", "title": "Neon Rain"}


def test_several_ids_times_one_style_and_no_style_keeps_the_template():
    reqs = expand(LYRICS, ["aud1", "aud2", "demo-3"], ["bluegrass"])
    assert [(r.audio_id, r.style) for r in reqs] == [("aud1", "bluegrass"), ("aud2", "bluegrass"),
                                                      ("demo-3", "bluegrass")]
    plain = CoverRequest("x")
    same = expand(plain, ["aud1", "aud2"], [])
    assert same == [CoverRequest("aud1"), CoverRequest("aud2")]
    assert [r.to_json() for r in same] == [{"audio_id": "aud1", "custom_mode": False},
                                           {"audio_id": "aud2", "custom_mode": False}]


def test_full_product_ids_outermost_and_repeats_sent_once():
    reqs = expand(LYRICS, ["aud1", "aud2", "aud1"], ["a", "b", " a "])
    assert [(r.audio_id, r.style) for r in reqs] == [("aud1", "a"), ("aud1", "b"), ("aud2", "a"), ("aud2", "b")]
    assert expand(LYRICS, [], ["a", "b"])[0].audio_id == "aud1"   # no ids: the form's own


def test_styles_switch_custom_mode_on_and_a_missing_prompt_is_reported_once():
    reqs = expand(CoverRequest("aud1"), ["aud1", "aud2"], ["a", "b"])
    assert all(r.custom_mode and r.style for r in reqs)
    found = problems(reqs)
    assert [(p.field, str(p)) for p in found] == [("prompt", "Custom mode needs lyrics or a prompt.")]
    assert problems(expand(LYRICS, ["aud1"], ["a", "b"])) == []
    spaced = problems(expand(LYRICS, ["aud 1", "aud2"], ["a"]))
    assert [p.field for p in spaced] == ["audio_id"]


def test_plan_carries_a_group_id_label_and_cost():
    m = plan(LYRICS, ["aud1"], lines("lo-fi jazz\n\n synthwave \nbluegrass\n"))
    assert len(m.requests) == 3 and m.id.startswith("m-") and m.id != plan(LYRICS, ["aud1"], ["a"]).id
    assert m.label == "aud1 \u00d7 3 styles"
    assert m.cost_text == "3 \u00d7 5\u201312 = 15\u201336 credits"
    assert group_label(["a", "b", "c", "d"], ["lo-fi jazz"]) == "4 ids \u00d7 lo-fi jazz"
    assert group_label(["a", "b"], ["x", "y", "z"]) == "2 ids \u00d7 3 styles"
    assert group_label(["a", "b"], []) == "2 ids"
