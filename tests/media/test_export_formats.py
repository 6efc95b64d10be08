"""Tagging in each container's own way: ID3 for MP3 and WAV, Vorbis comments and a picture for FLAC."""

from __future__ import annotations

import struct

import pytest

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.demo.synth import png_bytes, wav_bytes
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.export import export_clip, tag_file


def minimal_flac() -> bytes:
    """fLaC and one STREAMINFO block: enough of a FLAC file for tags (44.1 kHz, stereo, 16 bit)."""
    info = struct.pack(">HH", 4096, 4096) + b"\x00" * 6
    info += ((44100 << 44) | (1 << 41) | (15 << 36)).to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


def minimal_mp3() -> bytes:
    return b"\xff\xfb\x90\x64" + b"\x00" * 1600


@pytest.fixture
def cover(tmp_path):
    p = tmp_path / "cover.png"
    p.write_bytes(png_bytes("x"))
    return p


def test_mp3_gets_id3_title_genre_and_cover(tmp_path, cover):
    from mutagen.id3 import ID3
    path = tmp_path / "a.mp3"
    path.write_bytes(minimal_mp3())
    tag_file(path, title="Neon Rain", genre="synthwave", cover=cover)
    tags = ID3(path)
    assert str(tags["TIT2"]) == "Neon Rain" and str(tags["TCON"]) == "synthwave"
    apic = tags.getall("APIC")[0]
    assert apic.mime == "image/png" and apic.data == cover.read_bytes()


def test_flac_gets_vorbis_comments_and_a_picture(tmp_path, cover):
    from mutagen.flac import FLAC
    path = tmp_path / "a.flac"
    path.write_bytes(minimal_flac())
    tag_file(path, title="Neon Rain", genre="synthwave", cover=cover)
    f = FLAC(path)
    assert f["title"] == ["Neon Rain"] and f["genre"] == ["synthwave"]
    assert f.pictures[0].data == cover.read_bytes() and f.pictures[0].type == 3


def test_export_without_a_local_copy_says_so(tmp_path):
    job = Job(request=CoverRequest("aud1"), state=JobState.DONE, clips=[ClipRecord(Clip("c1"))])
    with pytest.raises(FileNotFoundError, match="not been downloaded"):
        export_clip(job, job.clips[0], tmp_path)


def test_export_name_falls_back_to_the_audio_id_and_is_safe(tmp_path):
    src = tmp_path / "c.wav"
    src.write_bytes(wav_bytes("c", 0.2))
    job = Job(request=CoverRequest("aud/../1"), state=JobState.DONE,
              clips=[ClipRecord(Clip("c:1"), audio_path=str(src))])
    out = export_clip(job, job.clips[0], tmp_path / "out")
    assert out.parent == tmp_path / "out" and out.name == "aud_.._1 - c_1.wav"
