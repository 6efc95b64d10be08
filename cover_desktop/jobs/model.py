"""A job as the app keeps it: the request, what the service said, and the clips with their local copies."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field

from ..api.models import Clip, CoverRequest, Phase, TaskStatus
from ..api.words import N_, Words


class JobState(str, enum.Enum):
    SUBMITTING = "submitting"      # written before the request is sent
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    TIMED_OUT = "timed_out"        # gave up polling; "Retry polling" starts again
    UNCERTAIN = "uncertain"        # the submit's reply was lost: it may or may not exist

    @property
    def active(self) -> bool:
        return self in (JobState.SUBMITTING, JobState.RUNNING)


LABELS = {
    JobState.SUBMITTING: "Submitting\u2026",
    JobState.RUNNING: "Running",
    JobState.DONE: "Complete",
    JobState.FAILED: "Failed",
    JobState.TIMED_OUT: "Timed out \u2014 retry?",
    JobState.UNCERTAIN: "Submit unconfirmed",
}


@dataclass
class ClipRecord:
    clip: Clip
    audio_path: str = ""
    image_path: str = ""
    media_error: str = ""            # api.words.Words (plain text when an older version wrote it)
    progress: float = -1.0   # 0..1 while downloading; not stored
    # kept on this computer only, never sent to the service (the store's clip_meta table)
    rating: int = 0                  # 0 = not rated, 1..5 stars
    favourite: bool = False
    trashed_at: float | None = None  # in the trash since then: hidden, files kept until the trash is emptied
    purged_at: float | None = None   # the trash was emptied: its files are gone and must not be fetched again
    notes: str = ""
    local_title: str = ""            # the musician's own title; the service's stays in clip.title

    @property
    def id(self) -> str:
        return self.clip.id

    def glance(self) -> Clip:
        """The clip for one look, kept decoded only if it was already: a record read from the store decodes
        it for this look alone (reading a field of every clip must not keep 100,000 decoded clips)."""
        return self.clip


@dataclass
class Job:
    request: CoverRequest
    state: JobState = JobState.SUBMITTING
    id: int = 0
    task_id: str = ""
    raw_status: str = ""
    error: str = ""                  # api.words.Words, or the service's own words, or an older version's text
    created_at: float = field(default_factory=time.time)
    submitted_at: float | None = None
    updated_at: float = field(default_factory=time.time)
    finished_at: float | None = None
    clips: list[ClipRecord] = field(default_factory=list)
    history: list[tuple[float, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.state is JobState.RUNNING and self.raw_status:
            return {"queued": "Queued", "pending": "Queued", "processing": "Processing",
                    "streaming": "Streaming first results"}.get(self.raw_status.lower(), "Running")
        return LABELS[self.state]

    def elapsed(self, now: float | None = None) -> float:
        start = self.submitted_at or self.created_at
        end = self.finished_at if self.finished_at and not self.state.active else (now or time.time())
        return max(0.0, end - start)

    def clip(self, clip_id: str) -> ClipRecord | None:
        return next((c for c in self.clips if c.clip.id == clip_id), None)

    def apply(self, status: TaskStatus, now: float | None = None) -> bool:
        """Take in a status answer; True when anything the user sees changed."""
        now = now or time.time()
        changed = False
        if status.raw_status != self.raw_status:
            self.raw_status = status.raw_status
            self.history.append((now, status.raw_status))
            changed = True
        for clip in status.clips:
            rec = self.clip(clip.id)
            if rec is None:
                self.clips.append(ClipRecord(clip))
                changed = True
            elif rec.clip != clip:
                # a clip may gain its image_url or duration later; keep what we had where nothing new came
                for name in ("audio_url", "image_url", "title", "tags"):
                    if not getattr(clip, name):
                        setattr(clip, name, getattr(rec.clip, name))
                if clip.duration is None:
                    clip.duration = rec.clip.duration
                rec.clip = clip
                changed = True
        phase = status.phase
        if phase is Phase.DONE and self.state is not JobState.DONE:
            self.state, self.finished_at, self.error, changed = JobState.DONE, now, "", True
        elif phase is Phase.FAILED and self.state is not JobState.FAILED:
            self.state, self.finished_at, changed = JobState.FAILED, now, True
            self.error = status.error or Words.of(N_("The service reported \u201c{status}\u201d."),
                                                  status=status.raw_status)
        if changed:
            self.updated_at = now
        return changed
