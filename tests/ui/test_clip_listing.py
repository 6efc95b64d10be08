"""The clip list's search, filters and sort answer what the plain Python definition (``LibraryView.apply``)
answers, over a generated library, while typing on and back, and while marks change; a download's progress
repaints its row and announces no change of the list (after a dataChanged QListView lays out every row)."""

from __future__ import annotations

import random
from itertools import product

from PySide6.QtWidgets import QListView

from cover_desktop.api.models import Clip, CoverRequest
from cover_desktop.jobs.model import ClipRecord, Job, JobState
from cover_desktop.media.thumbs import ThumbnailCache
from cover_desktop.ui.clips_model import ClipsModel, DetailRole, clip_key
from cover_desktop.ui.library_view import LibraryView, clip_words, haystack

WORDS = ["river", "neon", "Été", "straße", "night", "ÉCHO", "lo-fi", "42", "a", "ri", "city lights", "über"]
NOW = 1.8e9


def generated(n_jobs: int = 240, seed: int = 7) -> list[Job]:
    rnd = random.Random(seed)

    def text(k: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, k)))

    jobs = []
    for j in range(n_jobs):
        # created_at repeats (a style matrix makes several jobs in the same second): ties must keep their order
        created = NOW - rnd.choice([0, 3600, 86400 * 3, 86400 * 20, 86400 * 200, 86400 * 900]) - j // 3
        clips = []
        for k in range(rnd.randint(0, 3)):
            clip = Clip(f"c{j}-{k}", f"https://cdn.example/{j}{k}.mp3", "", rnd.choice(["", text(2), "Song"]),
                        rnd.choice([None, 30.0, 61.5, 30.0]), text(2))
            clips.append(ClipRecord(clip, rating=rnd.randint(0, 5), favourite=rnd.random() < 0.3,
                                    trashed_at=NOW if rnd.random() < 0.15 else None,
                                    purged_at=NOW if rnd.random() < 0.05 else None,
                                    notes=rnd.choice(["", text(3)]), local_title=rnd.choice(["", "", text(1)])))
        state = rnd.choice(list(JobState))
        jobs.append(Job(CoverRequest(f"aud{j}", True, text(6), text(2), rnd.choice(["", text(2)]),
                                     group=rnd.choice(["", "matrix-1"])),
                        state=state, id=j + 1, task_id=f"task{j:04x}", created_at=created, clips=clips))
    return sorted(jobs, key=lambda job: (job.created_at, job.id), reverse=True)


def expected(jobs: list[Job], view: LibraryView) -> list[str]:
    rows = [(j, r) for j in jobs for r in j.clips]
    hay = {clip_key(j, r): haystack(j, r) for j, r in rows}
    return [clip_key(j, r) for j, r in view.apply(rows, hay, now=None)]


def shown(model: ClipsModel) -> list[str]:
    return [clip_key(*model.at(i)) for i in range(model.rowCount())]


def model_of(tmp_path, jobs: list[Job]) -> ClipsModel:
    model = ClipsModel(ThumbnailCache(tmp_path / "thumbs"))
    model.show_library(jobs)
    return model


def test_every_filter_and_sort_lists_what_the_python_definition_lists(qapp, tmp_path):
    jobs = generated()
    model = model_of(tmp_path, jobs)
    cases = list(product(["", "ri", "river neon", "ÉTÉ", "a 42", "task00", "matrix"], [False, True], [0, 3],
                         ["", "done", "failed", "running"], [0, 7], ["date", "title", "duration", "rating"],
                         [True, False], [False, True]))
    random.Random(3).shuffle(cases)
    for query, fav, stars, state, days, sort, desc, trash in cases[:400]:
        view = LibraryView(query=query, favourites=fav, min_rating=stars, state=state, days=days, sort=sort,
                           descending=desc, trash=trash)
        model.set_filters(view)
        assert shown(model) == expected(jobs, view), view


def test_typing_on_and_back_and_marks_changing_between_keystrokes(qapp, tmp_path):
    jobs = generated(seed=11)
    model = model_of(tmp_path, jobs)
    typed = "river ri 42 a"
    keystrokes = [typed[:i] for i in range(len(typed) + 1)] + [typed[:i] for i in range(len(typed), -1, -1)]
    rnd = random.Random(5)
    recs = [(j, r) for j in jobs for r in j.clips]
    for n, text in enumerate(keystrokes):
        if n % 4 == 1:   # the library changed a clip's marks or notes meanwhile, as clipChanged says
            job, rec = rnd.choice(recs)
            rec.notes, rec.rating = rnd.choice(["", "river", "a 42 ri"]), rnd.randint(0, 5)
            model.clip_changed(job.id, rec.id)
        view = LibraryView(query=text, sort="rating" if n % 2 else "date")
        model.set_filters(view)
        assert shown(model) == expected(jobs, view), text


def test_a_download_moving_on_repaints_its_row_and_relays_out_nothing(qapp, tmp_path):
    jobs = generated(seed=2)
    model = model_of(tmp_path, jobs)
    view = QListView()
    view.setModel(model)
    job, rec = model.at(5)
    repainted, changed, reset = [], [], []
    model.coverLanded.connect(repainted.append)
    model.dataChanged.connect(lambda *a: changed.append(a))
    model.modelReset.connect(lambda: reset.append(1))
    for progress in (0.1, 0.5, 0.9):
        rec.progress = progress
        model.clip_changed(job.id, rec.id)
    assert repainted == [[5]] * 3
    assert changed == [] and reset == [], "a dataChanged or a reset makes QListView lay out every row again"
    assert "downloading 90 %" in model.index(5).data(DetailRole)


def test_a_clip_trashed_leaves_the_list_and_a_playing_row_is_repainted(qapp, tmp_path):
    jobs = generated(seed=4)
    model = model_of(tmp_path, jobs)
    job, rec = model.at(0)
    rec.trashed_at = NOW
    model.clip_changed(job.id, rec.id)
    assert clip_key(job, rec) not in shown(model)
    assert shown(model) == expected(jobs, LibraryView())
    repainted: list[list[int]] = []
    model.coverLanded.connect(repainted.append)
    model.playing_changed(clip_key(*model.at(3)))
    assert repainted == [[3]]


def test_the_search_texts_are_built_while_the_loop_is_idle_not_on_the_first_keystroke(qapp, tmp_path, monkeypatch):
    import cover_desktop.ui.clips_model as clips_model

    built: list[str] = []

    def counted(rec: ClipRecord) -> str:
        built.append(rec.id)
        return clip_words(rec)

    monkeypatch.setattr(clips_model, "clip_words", counted)
    jobs = generated(n_jobs=900, seed=9)
    model = model_of(tmp_path, jobs)
    n = sum(len(j.clips) for j in jobs)
    assert len(built) < n, "the first show does not build them all at once"
    for _ in range(200):
        qapp.processEvents()
    assert len(built) == n
    model.set_filters(LibraryView(query="river"))
    assert len(built) == n, "the keystroke found them built"
    assert shown(model) == expected(jobs, LibraryView(query="river"))
