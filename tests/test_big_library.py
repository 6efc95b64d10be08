"""What keeps a library of 100,000 clips small: its search texts and the start's media check read every clip
without keeping a decoded copy of each, and a job's words (its lyrics) are kept once for all its clips while
the search still finds them, also after the job changed."""

from __future__ import annotations

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.jobs.schema import StoredClipRecord
from cover_desktop.jobs.store import JobStore
from cover_desktop.media.library import needs_fetch
from cover_desktop.media.thumbs import ThumbnailCache
from cover_desktop.ui.clips_model import ClipsModel, clip_key
from cover_desktop.ui.library_view import LibraryView, haystack


def stored_jobs(tmp_path, n: int = 30) -> list[Job]:
    store = JobStore(tmp_path / "jobs.sqlite")
    for k in range(n):
        store.add(Job(request=CoverRequest(f"aud{k}", True, f"verse {k} of the river song", "folk", f"Song {k}"),
                      state=JobState.DONE, task_id=f"task{k}", created_at=1.7e9 + k,
                      clips=[ClipRecord(Clip(f"c{k}-{i}", f"https://cdn.example/{k}{i}.mp3",
                                             f"https://cdn.example/{k}{i}.png", f"Take {k}.{i}", 30.0, "lo-fi"))
                             for i in range(2)]))
    jobs = store.all_jobs()
    store.close()
    return jobs


def kept_decoded(rec: ClipRecord) -> bool:
    """The record holds its decoded clip (a StoredClipRecord lets go of its JSON once it keeps one)."""
    return rec._raw is None   # type: ignore[attr-defined]


def listed(model: ClipsModel) -> list[str]:
    return [clip_key(*model.at(i)) for i in range(model.rowCount())]


def expected(jobs: list[Job], view: LibraryView) -> list[str]:
    rows = [(j, r) for j in jobs for r in j.clips]
    return [clip_key(*row) for row in view.apply(rows, {clip_key(*row): haystack(*row) for row in rows})]


def test_search_texts_and_the_media_check_keep_no_decoded_clip(qapp, tmp_path):
    jobs = stored_jobs(tmp_path)
    recs = [r for j in jobs for r in j.clips]
    assert all(type(r) is StoredClipRecord and not kept_decoded(r) for r in recs)
    model = ClipsModel(ThumbnailCache(tmp_path / "thumbs"))
    model.show_library(jobs)
    model.set_filters(LibraryView(query="take 7."))
    found = listed(model)
    assert [needs_fetch(r) for r in recs] == [True] * len(recs)
    assert not any(kept_decoded(r) for r in recs), "read for one look, not kept"
    assert found == expected(jobs, LibraryView(query="take 7.")) and len(found) == 6, "the clip's title is searched"
    assert recs[0].clip.title.startswith("Take ") and kept_decoded(recs[0]), "a clip used for itself is kept"


def test_a_jobs_words_are_found_for_each_of_its_clips_and_follow_the_job(qapp, tmp_path):
    jobs = stored_jobs(tmp_path, 12)
    model = ClipsModel(ThumbnailCache(tmp_path / "thumbs"))
    model.show_library(jobs)
    for query in ("verse 3 ", "river take", "task1", "task11 lo-fi", "folk c4-1"):
        model.set_filters(LibraryView(query=query))
        assert listed(model) == expected(jobs, LibraryView(query=query)), query
    model.set_filters(LibraryView(query="renamed"))
    assert listed(model) == []
    job = jobs[5]
    job.task_id = "renamed-task"   # a job's part of the text changes: every one of its clips follows
    model.refresh_job(job, jobs)
    assert listed(model) == expected(jobs, LibraryView(query="renamed")) and len(listed(model)) == 2
    rec = jobs[2].clips[1]
    rec.notes = "renamed too"      # a clip's own part changes: only that clip
    model.clip_changed(jobs[2].id, rec.id)
    model.set_filters(LibraryView(query="renamed"))
    assert listed(model) == expected(jobs, LibraryView(query="renamed")) and len(listed(model)) == 3
