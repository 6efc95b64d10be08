"""What the clip list shows of the library: search words, filters and the sort order. Plain data, saved
in the settings so a restart keeps it. ``apply`` says in plain Python what a view lists; the clip list
answers the same from columns (ui/listing.py), which stays within a frame or two at 100,000 clips, and
the tests hold the two equal."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP
from ..jobs.model import ClipRecord, Job, JobState

# the words in English; the library bar shows them translated
SORTS = {"date": QT_TRANSLATE_NOOP("LibraryView", "Date"), "title": QT_TRANSLATE_NOOP("LibraryView", "Title"),
         "duration": QT_TRANSLATE_NOOP("LibraryView", "Duration"),
         "rating": QT_TRANSLATE_NOOP("LibraryView", "Rating")}
PERIODS = {0: QT_TRANSLATE_NOOP("LibraryView", "Any time"), 1: QT_TRANSLATE_NOOP("LibraryView", "Today"),
           7: QT_TRANSLATE_NOOP("LibraryView", "Last 7 days"), 30: QT_TRANSLATE_NOOP("LibraryView", "Last 30 days"),
           365: QT_TRANSLATE_NOOP("LibraryView", "Last year")}
STATES = {"": QT_TRANSLATE_NOOP("LibraryView", "Any status"), "done": QT_TRANSLATE_NOOP("LibraryView", "Complete"),
          "running": QT_TRANSLATE_NOOP("LibraryView", "Running"), "failed": QT_TRANSLATE_NOOP("LibraryView", "Failed")}


def haystack(job: Job, rec: ClipRecord) -> str:
    """Everything a search looks through, lower-cased once."""
    req = job.request
    return " ".join((rec.local_title, rec.clip.title, rec.clip.tags, req.style, req.title, req.audio_id,
                     job.task_id, rec.id, req.prompt, rec.notes, req.group)).lower()


def clip_words(rec: ClipRecord) -> str:
    """The clip's own part of its search text; the rest is its job's (``job_words``), kept once per job. A word
    of a query holds no space, so it is in ``haystack`` exactly when it is in one of the two."""
    clip = rec.glance()
    return " ".join((rec.local_title, clip.title, clip.tags, rec.id, rec.notes)).lower()


def job_words(job: Job) -> str:
    """The part of every clip's search text that its job gives (the lyrics among them)."""
    req = job.request
    return " ".join((req.style, req.title, req.audio_id, job.task_id, req.prompt, req.group)).lower()


@dataclass
class LibraryView:
    query: str = ""
    favourites: bool = False
    min_rating: int = 0
    state: str = ""           # "" any, or "done" / "running" / "failed"
    days: int = 0             # 0: any time
    sort: str = "date"
    descending: bool = True
    trash: bool = False       # show the trash instead of the library

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Any) -> LibraryView:
        """Tolerant: a damaged or old saved view gives the defaults for what it lacks."""
        view = cls()
        if not isinstance(d, dict):
            return view
        for f in fields(cls):
            value = d.get(f.name)
            if type(value) is type(getattr(view, f.name)):   # exactly: True is not a rating
                setattr(view, f.name, value)
        if view.sort not in SORTS:
            view.sort = "date"
        view.min_rating = max(0, min(5, view.min_rating))
        return view

    @property
    def filtering(self) -> bool:
        return bool(self.query.strip() or self.favourites or self.min_rating or self.state or self.days)

    def apply(self, rows: list[tuple[Job, ClipRecord]], hay: dict[str, str],
              now: float | None = None) -> list[tuple[Job, ClipRecord]]:
        """The rows this view shows, in its order. ``hay`` maps a clip's key ("job id/clip id") to its search
        text (it has one for every row when there is a query)."""
        words = self.query.lower().split()
        since = (now or time.time()) - self.days * 86400 if self.days else None
        states = {"done": {JobState.DONE}, "running": {JobState.RUNNING, JobState.SUBMITTING},
                  "failed": {JobState.FAILED, JobState.TIMED_OUT, JobState.UNCERTAIN}}.get(self.state)
        out = []
        for job, rec in rows:
            if (rec.trashed_at is not None) != self.trash or rec.purged_at is not None:
                continue
            if self.favourites and not rec.favourite:
                continue
            if rec.rating < self.min_rating:
                continue
            if states is not None and job.state not in states:
                continue
            if since is not None and job.created_at < since:
                continue
            if words:
                text = hay[f"{job.id}/{rec.id}"]
                if not all(w in text for w in words):
                    continue
            out.append((job, rec))
        out.sort(key=self._key, reverse=self.descending)
        return out

    def _key(self, row: tuple[Job, ClipRecord]) -> Any:
        job, rec = row
        if self.sort == "title":
            return ((rec.local_title or rec.clip.title or job.request.title or rec.id).lower(), job.id)
        if self.sort == "duration":
            return (rec.clip.duration or 0.0, job.created_at)
        if self.sort == "rating":
            return (rec.rating, rec.favourite, job.created_at)
        return (job.created_at, job.id)   # a job's clips keep their order: the sort is stable
