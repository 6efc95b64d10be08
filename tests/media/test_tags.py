"""Tags written in each container's own way and read back with mutagen, for every format the app keeps; the
tagged file still decodes; sidecars hold everything the service said."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import mutagen
import pytest
from mutagen.flac import FLAC, Picture
from mutagen.id3 import ID3
from mutagen.mp4 import MP4, MP4Cover
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from samples import flac_file, mp3_file, ogg_vorbis_file, recorded, wav_file

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.demo.synth import png_bytes
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.decode import decode_all
from cover_desktop.media.tags import (
    TagMeta,
    sidecar_data,
    tag_clip,
    tag_file,
    write_sidecar,
)
from helpers import run

NO_PTS = "pts == AV_NOPTS_VALUE"   # FFmpeg on a hand-written FLAC stream: harmless
LYRICS = "Neon rain on the window\n\u96e8\u306e\u591c\u306b \u2014 la la la"
COVER = png_bytes("cover")

META = TagMeta(title="Night Drive \u591c", artist="Ada Lovelace", genre="dream pop", date="2025-05-03",
               lyrics=LYRICS, audio_id="aud-7f3a", task_id="upl-9c21", clip_id="c-51e0", cover=COVER)
COMMENT = "audio_id=aud-7f3a task_id=upl-9c21 clip_id=c-51e0"


def make(kind: str, tmp_path: Path, aloop) -> Path:
    path = tmp_path / f"a.{kind}"
    if kind == "m4a":
        return run(aloop, recorded(path, "m4a"))
    return {"wav": wav_file, "mp3": mp3_file, "flac": flac_file, "ogg": ogg_vorbis_file}[kind](path)


def read_id3(tags: ID3) -> dict[str, object]:
    apic = tags.getall("APIC")
    return {
        "title": str(tags["TIT2"]), "artist": str(tags["TPE1"]), "genre": str(tags["TCON"]),
        "date": str(tags["TDRC"]), "lyrics": tags.getall("USLT")[0].text, "comment": str(tags.getall("COMM")[0]),
        "ids": [str(tags[f"TXXX:COVER_DESKTOP_{k}"]) for k in ("AUDIO_ID", "TASK_ID", "CLIP_ID")],
        "cover": (apic[0].data, apic[0].mime, apic[0].type) if apic else None, "count": len(apic),
    }


def read_vorbis(f: FLAC | OggVorbis, pictures: list[Picture]) -> dict[str, object]:
    one = {k: f[k] for k in ("title", "artist", "genre", "date", "lyrics", "comment")}
    assert all(len(v) == 1 for v in one.values()), one   # set, not appended
    return {
        "title": one["title"][0], "artist": one["artist"][0], "genre": one["genre"][0], "date": one["date"][0],
        "lyrics": one["lyrics"][0], "comment": one["comment"][0],
        "ids": [f[f"cover_desktop_{k}"][0] for k in ("audio_id", "task_id", "clip_id")],
        "cover": (pictures[0].data, pictures[0].mime, pictures[0].type) if pictures else None,
        "count": len(pictures),
    }


def read_back(kind: str, path: Path) -> dict[str, object]:
    if kind == "wav":
        return read_id3(WAVE(path).tags)
    if kind == "mp3":
        return read_id3(ID3(path))
    if kind == "flac":
        f = FLAC(path)
        return read_vorbis(f, f.pictures)
    if kind == "ogg":
        o = OggVorbis(path)
        return read_vorbis(o, [Picture(base64.b64decode(p)) for p in o.get("metadata_block_picture", [])])
    m = MP4(path)
    covr = m.get("covr", [])
    return {
        "title": m["\xa9nam"][0], "artist": m["\xa9ART"][0], "genre": m["\xa9gen"][0], "date": m["\xa9day"][0],
        "lyrics": m["\xa9lyr"][0], "comment": m["\xa9cmt"][0],
        "ids": [bytes(m[f"----:com.coverdesktop:{k}"][0]).decode() for k in ("audio_id", "task_id", "clip_id")],
        "cover": (bytes(covr[0]), "image/png" if covr[0].imageformat == MP4Cover.FORMAT_PNG else "image/jpeg", 3)
        if covr else None, "count": len(covr),
    }


EXPECTED = {"title": META.title, "artist": META.artist, "genre": META.genre, "date": META.date,
            "lyrics": LYRICS, "comment": COMMENT, "ids": ["aud-7f3a", "upl-9c21", "c-51e0"],
            "cover": (COVER, "image/png", 3), "count": 1}


def decoded_seconds(aloop, path: Path) -> float:
    samples, rate = run(aloop, decode_all(path))
    assert len(samples), f"{path.name} no longer decodes"
    return len(samples) / rate


@pytest.mark.qt_log_ignore(NO_PTS)
@pytest.mark.parametrize("kind", ["wav", "mp3", "flac", "ogg", "m4a"])
def test_every_format_reads_back_every_tag_and_still_decodes(tmp_path, aloop, kind):
    path = make(kind, tmp_path, aloop)
    before = decoded_seconds(aloop, path)
    assert before > 0.8
    assert tag_file(path, META) is True
    assert read_back(kind, path) == EXPECTED
    # tagging twice replaces, never piles up (one picture, one value per field: checked in read_back)
    assert tag_file(path, META) is True
    assert read_back(kind, path) == EXPECTED
    assert decoded_seconds(aloop, path) == pytest.approx(before, rel=0.05)


@pytest.mark.parametrize("kind", ["wav", "mp3", "flac", "ogg", "m4a"])
def test_a_field_emptied_on_retagging_is_removed(tmp_path, aloop, kind):
    path = make(kind, tmp_path, aloop)
    tag_file(path, META)
    tag_file(path, TagMeta(title="Plain", genre="rock", audio_id="a1"))
    tags = mutagen.File(path).tags
    keys = {str(k).lower() for k in tags.keys()}  # noqa: SIM118 - Vorbis comments iterate as pairs
    assert not any("uslt" in k or k in ("lyrics", "\xa9lyr") or "task_id" in k for k in keys), keys
    assert not any(k.startswith("tpe1") or k in ("artist", "\xa9art") for k in keys), keys
    # the picture is kept when the new tags bring none (an export never takes the cover away)
    assert picture_count(kind, path) == 1


def picture_count(kind: str, path: Path) -> int:
    if kind in ("wav", "mp3"):
        return len((WAVE(path).tags if kind == "wav" else ID3(path)).getall("APIC"))
    if kind == "flac":
        return len(FLAC(path).pictures)
    if kind == "ogg":
        return len(OggVorbis(path).get("metadata_block_picture", []))
    return len(MP4(path).get("covr", []))


def test_the_format_is_told_by_content_not_by_name(tmp_path):
    path = flac_file(tmp_path / "really-flac.mp3")
    assert tag_file(path, META)
    assert FLAC(path)["title"] == [META.title]


@pytest.mark.parametrize("content", [b"", b"hello, not audio" * 10, b"\x00" * 4096, b"fLaC\x00\x00"])
@pytest.mark.parametrize("name", ["a.txt", "a.mp3", "a.flac", "a.ogg", "a.m4a", "a.wav", "a"])
def test_unknown_or_damaged_files_get_no_tags_and_no_crash(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert tag_file(path, META) is False
    assert path.read_bytes() == content


def test_jpeg_covers_keep_their_kind_and_m4a_refuses_other_art(tmp_path, aloop):
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 100
    mp3 = mp3_file(tmp_path / "a.mp3")
    tag_file(mp3, TagMeta(title="t", cover=jpeg))
    assert ID3(mp3).getall("APIC")[0].mime == "image/jpeg"
    m4a = run(aloop, recorded(tmp_path / "a.m4a"))
    tag_file(m4a, TagMeta(title="t", cover=b"RIFF\x00\x00\x00\x00WEBPVP8 "))
    assert "covr" not in MP4(m4a) and MP4(m4a)["\xa9nam"] == ["t"]


def job_and_clip(custom: bool = True, **clip) -> tuple[Job, ClipRecord]:
    req = CoverRequest("aud-7f3a", custom, "la la\nla" if custom else "", "dream pop", "Asked Title",
                       "https://example.org/hook")
    rec = ClipRecord(Clip("c-51e0", "https://cdn/a.mp3", "https://cdn/i.png", "Night Drive", 31.5, "synthwave",
                          extra={"model_name": "chirp-v4", "prompt": "la la\nla", "created_at": "2025-05-03"}),
                     **clip)
    job = Job(request=req, state=JobState.DONE, id=7, task_id="upl-9c21", raw_status="complete",
              created_at=1746282600.0, submitted_at=1746282601.0, finished_at=1746282660.0,
              clips=[ClipRecord(Clip("c-0")), rec])
    return job, rec


def test_meta_of_a_clip_prefers_the_musicians_own_title_and_takes_lyrics_only_in_custom_mode(tmp_path):
    import datetime as dt
    job, rec = job_and_clip()
    meta = TagMeta.of(job, rec, "Ada", COVER)
    # the job made two clips: the title tag says which
    assert (meta.title, meta.artist, meta.genre, meta.lyrics) == ("Night Drive #2", "Ada", "synthwave", "la la\nla")
    assert meta.date == dt.datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d")
    assert meta.comment == COMMENT and meta.mime == "image/png"
    rec.local_title = "My Keeper"
    assert TagMeta.of(job, rec).title == "My Keeper"
    plain, prec = job_and_clip(custom=False)
    assert TagMeta.of(plain, prec).lyrics == ""


def test_tag_clip_embeds_the_local_cover(tmp_path):
    cover = tmp_path / "c-cover.png"
    cover.write_bytes(COVER)
    job, rec = job_and_clip(image_path=str(cover))
    path = wav_file(tmp_path / "x.wav")
    assert tag_clip(path, job, rec, "Ada")
    tags = WAVE(path).tags
    assert str(tags["TPE1"]) == "Ada" and tags.getall("APIC")[0].data == COVER


def test_sidecars_hold_every_request_parameter_and_the_raw_clip_fields(tmp_path):
    job, rec = job_and_clip(rating=4, notes="keeper")
    audio = wav_file(tmp_path / "Night Drive #2.wav")
    written = write_sidecar(audio, job, rec)
    assert written == [tmp_path / "Night Drive #2.json", tmp_path / "Night Drive #2.txt"]
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert data["request"] == {"audio_id": "aud-7f3a", "custom_mode": True, "prompt": "la la\nla",
                               "style": "dream pop", "title": "Asked Title", "callback_url": "https://example.org/hook"}
    assert data["task_id"] == "upl-9c21" and data["audio_file"] == "Night Drive #2.wav"
    assert data["clip"] == rec.clip.to_json() and data["clip"]["model_name"] == "chirp-v4"
    assert data["times"]["created"].startswith("2025-05-0") and data["times"]["finished"]
    assert data["local"]["rating"] == 4 and data["local"]["notes"] == "keeper"
    assert data == json.loads(json.dumps(sidecar_data(job, rec, audio.name)))
    text = written[1].read_text(encoding="utf-8")
    for part in ("Night Drive", "synthwave", "aud-7f3a", "upl-9c21", "c-51e0", "la la\nla", "2025-05-0", "31.5 s"):
        assert part in text, part


def test_sidecars_never_replace_a_different_file_and_rewrite_the_same_as_a_no_op(tmp_path):
    job, rec = job_and_clip()
    audio = wav_file(tmp_path / "song.wav")
    (tmp_path / "song.txt").write_text("my own notes", encoding="utf-8")
    assert write_sidecar(audio, job, rec) == [tmp_path / "song.json"]
    assert (tmp_path / "song.txt").read_text(encoding="utf-8") == "my own notes"
    first = (tmp_path / "song.json").read_bytes()
    assert write_sidecar(audio, job, rec) == [tmp_path / "song.json"]
    assert (tmp_path / "song.json").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["song.json", "song.txt", "song.wav"]   # no temp files
