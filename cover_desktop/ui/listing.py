"""The clips a list draws from, as columns: what the library's filters, sort and search read.

At 100,000 clips a Python pass over every row per keystroke takes longer than a frame, so the filters are
numpy comparisons over columns read once per set of clips, each sort order is worked out once and kept, and
the search scans only the texts that can still match: the results of earlier queries are kept, and a query
that can only narrow one of them (typing on, or back to an earlier one) starts from it. What a view shows
is an array of positions into ``items``; nothing per row is built for a keystroke."""

from __future__ import annotations

import operator
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from typing import Any, overload

import numpy as np

from ..jobs.model import ClipRecord, Job, JobState

Item = tuple[Job, ClipRecord]

# the status filter's groups (LibraryView.state) as small numbers, so one comparison tests a column
STATE_GROUPS = {"done": 1, "running": 2, "failed": 3}
_GROUP = {JobState.DONE: 1, JobState.RUNNING: 2, JobState.SUBMITTING: 2, JobState.FAILED: 3,
          JobState.TIMED_OUT: 3, JobState.UNCERTAIN: 3}
KEPT_QUERIES = 32   # results of earlier queries kept for narrowing: 100 KB each at 100,000 clips


def title_key(item: Item) -> tuple[str, int]:
    job, rec = item
    return ((rec.local_title or rec.clip.title or job.request.title or rec.id).lower(), job.id)


def sort_columns(items: Sequence[Item], sort: str) -> list[np.ndarray] | None:
    """The columns a numeric sort orders by, least significant first (np.lexsort's order); None for title."""
    n = len(items)
    created = np.fromiter((j.created_at for j, _ in items), np.float64, n)
    if sort == "duration":
        return [created, np.fromiter((r.clip.duration or 0.0 for _, r in items), np.float64, n)]
    if sort == "rating":
        return [created, np.fromiter((r.favourite for _, r in items), np.int8, n),
                np.fromiter((r.rating for _, r in items), np.int8, n)]
    if sort == "title":
        return None
    return [np.fromiter((j.id for j, _ in items), np.int64, n), created]


def sort_order(items: Sequence[Item], sort: str, descending: bool) -> np.ndarray:
    """Positions of ``items`` in the order ``sorted(items, key=LibraryView._key, reverse=descending)`` gives,
    ties included (both keep equal items in their first order)."""
    columns = sort_columns(items, sort)
    if columns is None:
        keys = list(map(title_key, items))
        return np.array(sorted(range(len(items)), key=keys.__getitem__, reverse=descending), dtype=np.int64)
    if descending:   # a stable sort on the negated key keeps ties in their first order, as reverse=True does
        columns = [-c.astype(np.float64) for c in columns]
    return np.lexsort(columns).astype(np.int64) if len(items) else np.zeros(0, np.int64)


class Listing:
    """The clips of the jobs shown (``items``, in the service's order) with their filter columns, and the
    results of the last searches over their texts. ``text_of(i)`` gives item i's lower-cased search text in
    two parts: the clip's own and its job's (the same for each of the job's clips, kept once per job: a
    job's lyrics repeated for each of its clips took 40 MB at 100,000 clips). A word, holding no space, is
    in the whole text when it is in either part."""

    def __init__(self, items: list[Item], text_of: Callable[[int], tuple[str, str]]):
        self.items = items
        self._text_of = text_of
        n = len(items)
        self.trashed = np.fromiter((r.trashed_at is not None for _, r in items), bool, n)
        self.purged = np.fromiter((r.purged_at is not None for _, r in items), bool, n)
        self.favourite = np.fromiter((r.favourite for _, r in items), bool, n)
        self.rating = np.fromiter((r.rating for _, r in items), np.int8, n)
        self.group = np.fromiter((_GROUP.get(j.state, 0) for j, _ in items), np.int8, n)
        self.created = np.fromiter((j.created_at for j, _ in items), np.float64, n)
        self._orders: dict[tuple[str, bool], np.ndarray] = {}
        self._texts: list[str] | None = None   # the clips' own parts, once all are built
        self._pending: list[str] = []     # texts built ahead of a query, a few at a time (``prepare``)
        self._job_texts: list[str] = []   # the jobs' parts, by slot
        self._slots: dict[int, int] = {}  # job id -> slot
        self._owners: list[int] = []      # item -> its job's slot, while built
        self._job_of = np.zeros(0, np.int64)
        self._found: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self.items)

    # -- what changes under a listing ---------------------------------------------------------------------
    def update(self, i: int) -> None:
        """Item i's marks, media or text may have changed: its columns, sort positions and search results."""
        job, rec = self.items[i]
        rating = (self.rating[i], self.favourite[i])
        self.trashed[i], self.purged[i] = rec.trashed_at is not None, rec.purged_at is not None
        self.favourite[i], self.rating[i] = rec.favourite, rec.rating
        self.group[i] = _GROUP.get(job.state, 0)
        if rating != (self.rating[i], self.favourite[i]):
            self._drop_orders("rating")
        self._drop_orders("title", "duration")   # a clip's title or duration may have come with it
        if i >= len(self._pending):
            return   # its texts are not built yet
        clip, whole = self._text_of(i)
        slot = self._owners[i]
        clip_moved, job_moved = clip != self._pending[i], whole != self._job_texts[slot]
        self._pending[i], self._job_texts[slot] = clip, whole
        if self._texts is None or not (clip_moved or job_moved):
            return
        changed = np.flatnonzero(self._job_of == slot).tolist() if job_moved else [i]
        for words, found in self._found.items():
            for k in changed:
                found[k] = all(w in self._pending[k] or w in whole for w in words)

    def prepare(self, count: int) -> bool:
        """Build up to ``count`` more search texts ahead of the first query (each may decode its clip):
        True once all are built. The first keystroke at 100,000 clips otherwise builds them all."""
        if self._texts is not None:
            return True
        texts, owners, slots, jobs, n = self._pending, self._owners, self._slots, self._job_texts, len(self.items)
        for i in range(len(texts), min(n, len(texts) + count)):
            clip, whole = self._text_of(i)
            slot = slots.setdefault(self.items[i][0].id, len(jobs))
            if slot == len(jobs):
                jobs.append(whole)
            texts.append(clip)
            owners.append(slot)
        if len(texts) < n:
            return False
        self._texts = texts
        self._job_of = np.array(owners, np.int64)
        return True

    def _drop_orders(self, *sorts: str) -> None:
        for key in [k for k in self._orders if k[0] in sorts]:
            del self._orders[key]

    # -- what a view shows ---------------------------------------------------------------------------------
    def order(self, sort: str, descending: bool) -> np.ndarray:
        key = (sort, descending)
        if key not in self._orders:
            self._orders[key] = sort_order(self.items, sort, descending)
        return self._orders[key]

    def matching(self, words: tuple[str, ...]) -> np.ndarray:
        """Which items' texts hold every one of ``words`` (lower-cased), as a bool array."""
        found = self._found.get(words)
        if found is not None:
            self._found.move_to_end(words)
            return found
        self.prepare(len(self.items))
        texts, jobs, job_of = self._texts, self._job_texts, self._job_of
        assert texts is not None
        # the fewest candidates an earlier result leaves: every word it asked for is inside one asked now
        start, todo = None, list(words)
        for old, hits in self._found.items():
            if all(any(o in w for w in words) for o in old) and (start is None or hits.sum() < start[1].sum()):
                start = (old, hits)
        if start is None:
            where = np.arange(len(texts))
        else:
            where = np.flatnonzero(start[1])
            todo = [w for w in words if w not in start[0]]
        for w in sorted(todo, key=len, reverse=True):   # the longest word first: it usually leaves the fewest
            owners = job_of[where]
            asked = np.unique(owners) if len(where) < len(texts) else np.arange(len(jobs))
            in_job = np.zeros(len(jobs), bool)
            in_job[asked] = np.fromiter(map(operator.contains, map(jobs.__getitem__, asked.tolist()), repeat(w)),
                                        bool, len(asked))
            hits = in_job[owners]
            rest = np.flatnonzero(~hits)   # the clips' own parts, where their job's did not have it
            hits[rest] = np.fromiter(map(operator.contains, map(texts.__getitem__, where[rest].tolist()), repeat(w)),
                                     bool, len(rest))
            where = where[hits]
        found = np.zeros(len(texts), bool)
        found[where] = True
        self._found[words] = found
        while len(self._found) > KEPT_QUERIES:
            self._found.popitem(last=False)
        return found

    def shown(self, *, trash: bool, favourites: bool, min_rating: int, group: int | None, since: float | None,
              words: tuple[str, ...], sort: str, descending: bool) -> np.ndarray:
        """Positions of the items the view shows, in its order."""
        keep = (self.trashed == trash) & ~self.purged
        if favourites:
            keep &= self.favourite
        if min_rating:
            keep &= self.rating >= min_rating
        if group is not None:
            keep &= self.group == group
        if since is not None:
            keep &= self.created >= since
        if words:
            keep &= self.matching(words)
        order = self.order(sort, descending)
        return order[keep[order]]


class Rows(Sequence[Item]):
    """The rows a list shows: ``items`` at ``positions``. Indexing and len() cost the same at any size."""

    def __init__(self, items: list[Item], positions: np.ndarray | list[int] | None = None):
        self.items = items
        self.positions = np.arange(len(items)) if positions is None else np.asarray(positions, np.int64)
        self._inverse: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, row: int) -> Item: ...
    @overload
    def __getitem__(self, row: slice) -> list[Item]: ...
    def __getitem__(self, row: Any) -> Any:
        if isinstance(row, slice):
            return [self.items[i] for i in self.positions[row].tolist()]
        return self.items[int(self.positions[row])]

    def __iter__(self) -> Iterator[Item]:
        return map(self.items.__getitem__, self.positions.tolist())

    def row_of(self, position: int) -> int:
        """The row showing ``items[position]``, or -1."""
        if self._inverse is None:
            inverse = np.full(len(self.items), -1, np.int64)
            inverse[self.positions] = np.arange(len(self.positions))
            self._inverse = inverse
        return int(self._inverse[position]) if 0 <= position < len(self._inverse) else -1

    def same_as(self, other: Rows) -> bool:
        """The same clip records in the same rows (the jobs may be other objects: a job that changed)."""
        if len(self) != len(other):
            return False
        if self.items is other.items:
            return bool(np.array_equal(self.positions, other.positions))
        return all(map(operator.is_, (r for _, r in self), (r for _, r in other)))
