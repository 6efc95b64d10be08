"""Local clip metadata (rating, favourite, trash, notes, own title): only the given fields change, it survives a
restart and the job layer's writes, the trash empties into a list of files for the caller, and loading every
job stays one query per table."""

from __future__ import annotations

import sqlite3

import pytest

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.jobs.store import MIGRATIONS, RESTORE, AsyncJobStore, JobStore
from helpers import run


def make_job(n: int = 2, audio: str = "aud1") -> Job:
    return Job(request=CoverRequest(audio), state=JobState.DONE, task_id=f"task-{audio}", raw_status="complete",
               clips=[ClipRecord(Clip(f"{audio}-c{k}", f"https://cdn/{k}.mp3", title=f"Song {k}"))
                      for k in range(1, n + 1)])


def meta(rec: ClipRecord) -> tuple:
    return rec.rating, rec.favourite, rec.trashed_at, rec.purged_at, rec.notes, rec.local_title


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "jobs.sqlite")
    yield s
    s.close()


def test_only_the_given_fields_change_and_all_survive_a_restart(tmp_path, store):
    job = make_job()
    store.add(job)
    c1, c2 = (r.id for r in job.clips)
    store.set_clip_meta(job.id, c1, rating=4)
    store.set_clip_meta(job.id, c1, favourite=True)
    store.set_clip_meta(job.id, c1, notes="keeper \u2014 use in the set", local_title="Night Drive (final)")
    store.set_clip_meta(job.id, c1, rating=5)
    store.set_clip_meta(job.id, c2, favourite=True)
    store.set_clip_meta(job.id, c2, favourite=False)
    store.close()
    fresh = JobStore(tmp_path / "jobs.sqlite")
    try:
        for loaded in (fresh.all_jobs()[0], fresh.get(job.id)):
            assert loaded is not None
            assert meta(loaded.clips[0]) == (5, True, None, None, "keeper \u2014 use in the set", "Night Drive (final)")
            assert meta(loaded.clips[1]) == (0, False, None, None, "", "")
            assert loaded.clips[0].clip.title == "Song 1"      # the service's title is untouched
    finally:
        fresh.close()


def test_the_job_layer_rewriting_clips_never_touches_their_metadata(store):
    job = make_job()
    store.add(job)
    store.set_clip_meta(job.id, job.clips[0].id, rating=3, local_title="Mine")
    # a later status answer: same clips, new fields; the job layer writes what it holds (no metadata)
    job.clips = [ClipRecord(Clip(r.id, r.clip.audio_url, title="Renamed by service", duration=30.0))
                 for r in job.clips]
    store.update(job)
    loaded = store.get(job.id)
    assert loaded is not None
    assert (loaded.clips[0].rating, loaded.clips[0].local_title, loaded.clips[0].clip.title) == \
        (3, "Mine", "Renamed by service")


def test_ratings_are_checked(store):
    job = make_job()
    store.add(job)
    for bad in (-1, 6):
        with pytest.raises(ValueError, match="0 to 5"):
            store.set_clip_meta(job.id, job.clips[0].id, rating=bad)
    with pytest.raises(sqlite3.IntegrityError):     # the table itself refuses too
        store.db.execute("INSERT INTO clip_meta (job_id, clip_id, rating) VALUES (?, 'x', 9)", (job.id,))
    assert store.get(job.id).clips[0].rating == 0


def test_metadata_of_a_removed_job_is_removed_and_writes_for_it_are_ignored(store):
    job = make_job()
    store.add(job)
    store.set_clip_meta(job.id, job.clips[0].id, rating=2)
    store.remove(job.id)
    assert store.db.execute("SELECT COUNT(*) FROM clip_meta").fetchone()[0] == 0
    store.set_clip_meta(job.id, job.clips[0].id, rating=2)     # the user rated it while it was being removed
    assert store.db.execute("SELECT COUNT(*) FROM clip_meta").fetchone()[0] == 0


def test_trash_restore_and_empty(tmp_path, store):
    a, b = make_job(audio="a"), make_job(audio="b")
    store.add(a)
    store.add(b)
    files = {}
    for job in (a, b):
        for rec in job.clips:
            audio, image = tmp_path / f"{rec.id}.mp3", tmp_path / f"{rec.id}-cover.png"
            audio.write_bytes(b"a")
            image.write_bytes(b"i")
            store.set_clip_media(job.id, rec.id, str(audio), str(image), "")
            files[rec.id] = [str(audio), str(image)]
    store.set_clip_meta(a.id, "a-c1", trashed_at=100.0, rating=2)
    store.set_clip_meta(b.id, "b-c2", trashed_at=200.0)
    store.set_clip_meta(a.id, "a-c2", trashed_at=150.0)
    store.set_clip_meta(a.id, "a-c2", trashed_at=RESTORE)
    assert [(t.job_id, t.clip_id, t.trashed_at) for t in store.trashed_clips()] == \
        [(b.id, "b-c2", 200.0), (a.id, "a-c1", 100.0)]
    assert store.trashed_clips()[0].audio_path == files["b-c2"][0]
    assert store.get(a.id).clips[1].trashed_at is None
    assert store.get(a.id).clips[0].trashed_at == 100.0

    to_delete = store.empty_trash(now=300.0)
    assert sorted(to_delete) == sorted(files["a-c1"] + files["b-c2"])
    assert all(p.exists() for p in tmp_path.iterdir())    # deleting the files is the caller's job
    assert store.trashed_clips() == [] and store.empty_trash() == []
    emptied = store.get(a.id).clips[0]
    assert (emptied.trashed_at, emptied.purged_at, emptied.rating) == (100.0, 300.0, 2)
    # the clip stays in its job, marked, with its media row as the library left it
    assert emptied.audio_path == files["a-c1"][0]
    # restoring an emptied clip forgets both marks (its files may then be fetched again)
    store.set_clip_meta(a.id, "a-c1", trashed_at=RESTORE)
    assert meta(store.get(a.id).clips[0])[2:4] == (None, None)


def test_a_version_2_history_is_migrated_with_its_jobs_intact(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (2)")
    for script in MIGRATIONS[:2]:
        for statement in script.split(";"):
            if statement.strip():
                db.execute(statement)
    db.execute("INSERT INTO jobs (task_id, request, state, created_at, updated_at) VALUES"
               " ('t1', '{\"audio_id\": \"aud1\"}', 'done', 1, 1)")
    db.execute("INSERT INTO clips VALUES (1, 'c1', 0, '{\"id\": \"c1\", \"title\": \"Old\"}')")
    db.execute("INSERT INTO clip_media VALUES (1, 'c1', '/x/c1.mp3', '', '')")
    db.commit()
    db.close()
    s = JobStore(path)
    try:
        assert s.schema_version == len(MIGRATIONS) == 3
        rec = s.all_jobs()[0].clips[0]
        assert (rec.clip.title, rec.audio_path, meta(rec)) == ("Old", "/x/c1.mp3", (0, False, None, None, "", ""))
        s.set_clip_meta(1, "c1", favourite=True)
        assert s.get(1).clips[0].favourite is True
    finally:
        s.close()


def test_loading_every_job_is_one_query_per_table(store):
    for i in range(30):
        job = make_job(3, audio=f"aud{i}")
        store.add(job)
        store.set_clip_meta(job.id, job.clips[0].id, rating=i % 6, favourite=bool(i % 2))
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    jobs = store.all_jobs()
    store.db.set_trace_callback(None)
    assert len(jobs) == 30 and sum(len(j.clips) for j in jobs) == 90
    assert [j.clips[0].rating for j in reversed(jobs)] == [i % 6 for i in range(30)]
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3, selects           # clips (with media and metadata), history, jobs


def test_the_store_writes_marks_to_disk_and_leaves_the_records_alone(tmp_path, aloop):
    """The library owns the records in memory; the store only writes the disk."""
    path = tmp_path / "jobs.sqlite"

    async def scenario() -> list[Job]:
        s = await AsyncJobStore(path).open()
        job = make_job()
        await s.add(job)
        rec = job.clips[1]
        await s.set_clip_meta(job.id, rec.id, rating=4, favourite=True, notes="n", local_title="t")
        assert meta(rec) == (0, False, None, None, "", ""), "the record is not the store's to change"
        await s.set_clip_meta(job.id, rec.id, trashed_at=50.0)
        assert [t.clip_id for t in await s.trashed_clips()] == [rec.id]
        with pytest.raises(ValueError):
            await s.set_clip_meta(job.id, rec.id, rating=7)
        assert await s.empty_trash() == []     # no local files yet
        await s.close()
        s2 = await AsyncJobStore(path).open()
        jobs = await s2.all_jobs()
        await s2.close()
        return jobs

    jobs = run(aloop, scenario())
    assert meta(jobs[0].clips[1])[:3] == (4, True, 50.0) and jobs[0].clips[1].purged_at is not None


def test_a_damaged_clip_row_still_loads_as_its_id(store):
    job = make_job(3)
    store.add(job)
    store.db.execute("UPDATE clips SET data=? WHERE clip_id=?", (b'{"id": "aud1-c1", "title": "Blob"}', "aud1-c1"))
    store.db.execute("UPDATE clips SET data=? WHERE clip_id=?", (b"\xff\xfe", "aud1-c2"))
    store.db.execute("UPDATE clips SET data='{not json' WHERE clip_id='aud1-c3'")
    assert [(r.id, r.clip.title) for r in store.all_jobs()[0].clips] == \
        [("aud1-c1", "Blob"), ("aud1-c2", ""), ("aud1-c3", "")]
