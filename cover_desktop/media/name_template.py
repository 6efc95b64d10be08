"""File names from a template the musician chooses, e.g. ``{title}{nth}`` or ``{date:%Y-%m}/{style}/{title}``.

Only the template's own ``/`` makes folders: a ``/`` or ``..`` inside a title is cleaned like any other unsafe
character, so a name can never climb out of the chosen folder. Each folder and file name is cut by bytes
(file systems count bytes, and a 90-character CJK title is 270 of them). ``place`` puts a finished file under
such a name without ever overwriting: the same bytes already there are reused, different ones get " (2)".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import string
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..api.words import N_, Words, said_by
from .safe_names import TITLE_BYTES, clean_name, limit_bytes

if TYPE_CHECKING:
    from ..jobs.model import ClipRecord, Job

DEFAULT_TEMPLATE = "{title}{nth}"
EMPTY = "untitled"
TIE_BYTES = 48          # a task id added to break a tie between two jobs' clips of the same title

FIELDS: list[tuple[str, str]] = [   # the words are translated where shown (Settings)
    ("{title}", N_("the clip's title (your own title if you gave one, else the service's)")),
    ("{n}", N_("the clip's number in its job: 1, 2, \u2026 ({n:02d} gives 01, 02, \u2026)")),
    ("{nth}", N_("\u201c #2\u201d when the job made several clips, nothing when it made one")),
    ("{style}", N_("the style (genre) of the clip")),
    ("{artist}", N_("the artist name from Settings")),
    ("{date}", N_("the day the job was made, 2025-05-03; {date:%Y-%m} or any strftime format")),
    ("{audio_id}", N_("the audio id of your upload")),
    ("{task_id}", N_("the service's task id")),
    ("{clip_id}", N_("the service's clip id")),
]
_NAMES = {f[0].strip("{}") for f in FIELDS}


@dataclass(frozen=True)
class NameFields:
    title: str = ""
    n: int = 1
    count: int = 1
    style: str = ""
    artist: str = ""
    date: dt.datetime = dt.datetime(2000, 1, 1)
    audio_id: str = ""
    task_id: str = ""
    clip_id: str = ""

    @classmethod
    def of(cls, job: Job, rec: ClipRecord, artist: str = "") -> NameFields:
        index = next((i for i, c in enumerate(job.clips) if c.id == rec.id), 0)
        return cls(title=clip_title(job, rec), n=index + 1, count=max(1, len(job.clips)),
                   style=rec.clip.tags or job.request.style, artist=artist,
                   date=dt.datetime.fromtimestamp(job.created_at), audio_id=job.request.audio_id,
                   task_id=job.task_id, clip_id=rec.id)


SAMPLE = NameFields(title="Night Drive", n=2, count=2, style="dream pop", artist="Ada",
                    date=dt.datetime(2025, 5, 3, 14, 30), audio_id="aud-7f3a", task_id="upl-9c21",
                    clip_id="c-51e0")


def clip_title(job: Job, rec: ClipRecord) -> str:
    """The title a musician knows the clip by: their own first, then the service's, then what they asked for."""
    return (rec.local_title or rec.clip.title or job.request.title or job.request.audio_id
            or rec.id)


def numbered(title: str, n: int, count: int) -> str:
    """``title`` with " #n" when its job made several clips, unless it already ends so (the demo's titles do)."""
    if count > 1 and n and not title.rstrip().endswith(f"#{n}"):
        return f"{title} #{n}"
    return title


def numbered_title(job: Job, rec: ClipRecord) -> str:
    """The title that tells a job's clips apart (their tags, the list): the musician's own title as it is."""
    if rec.local_title:
        return rec.local_title
    n = next((i for i, c in enumerate(job.clips, 1) if c.id == rec.id), 0)
    return numbered(clip_title(job, rec), n, len(job.clips))


def _value(fields: NameFields, name: str, spec: str) -> str:
    if name == "date":
        return fields.date.strftime(spec or "%Y-%m-%d")
    if name == "nth":
        value: Any = numbered(fields.title, fields.n, fields.count)[len(fields.title):]
    else:
        value = getattr(fields, name)
    return format(value, spec)


def render(template: str, fields: NameFields) -> Path:
    """The relative path (without extension) the template gives for these fields.

    Raises ValueError for a template that cannot be used (unknown field, bad format, stray brace).
    """
    # components as (text, is it a field's value) pieces, so that a long name is cut in its values first
    components: list[list[tuple[str, bool]]] = [[]]
    try:
        for literal, name, spec, conversion in string.Formatter().parse(template):
            first, *rest = literal.replace("\\", "/").split("/")
            components[-1].append((first, False))
            components += [[(piece, False)] for piece in rest]
            if name is None:
                continue
            if name not in _NAMES or conversion:
                raise ValueError(Words.of(N_("Unknown field {field}: use one of {fields}."), field=f"{{{name}}}",
                                          fields=", ".join(f[0] for f in FIELDS)))
            # a field's value never makes a folder: its separators are cleaned with the rest
            components[-1].append((_value(fields, name, spec or "").replace("/", "_").replace("\\", "_"), True))
    except (ValueError, TypeError) as exc:
        said = said_by(exc)
        if isinstance(said, Words):   # ours: an unknown field
            raise ValueError(said) from None
        raise ValueError(Words.of(N_("The name template cannot be used: {problem}"), problem=said)) from None
    return Path(*(_fit([(_encodable(t), f) for t, f in pieces]) for pieces in components))


def _encodable(text: str) -> str:
    """A lone surrogate (JSON can carry one) can name no file: it becomes "?", then "_"."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _fit(pieces: list[tuple[str, bool]]) -> str:
    """One folder or file name within TITLE_BYTES: the longest value is cut first, so "{title} {n}" keeps
    its number when the title is long."""
    pieces = list(pieces)
    while True:
        excess = len(clean_name("".join(t for t, _ in pieces), 1 << 20).encode()) - TITLE_BYTES
        values = [i for i, (t, is_field) in enumerate(pieces) if is_field and t]
        if excess <= 0 or not values:
            break
        i = max(values, key=lambda k: len(pieces[k][0].encode()))
        text = pieces[i][0]
        pieces[i] = (limit_bytes(text, max(0, len(text.encode()) - excess)), True)
    return clean_name("".join(t for t, _ in pieces), TITLE_BYTES, fallback=EMPTY)


def template_problem(template: str) -> str:
    """Why the template cannot be used, in words, or "" when it can (for Settings)."""
    if not template.strip():
        return Words.of(N_("The name template is empty."))
    try:
        render(template, SAMPLE)
    except ValueError as exc:
        return said_by(exc)
    return ""


def preview(template: str, fields: NameFields = SAMPLE, ext: str = ".mp3") -> str:
    """The path a sample clip would get, with forward slashes, or the template's problem."""
    return template_problem(template) or render(template, fields).as_posix() + ext


# -- placing a finished file ------------------------------------------------------------------------------
def same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        return _digest(a) == _digest(b)
    except OSError:
        return False


def _digest(path: Path) -> bytes:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.digest()


@dataclass(frozen=True)
class Placed:
    path: Path
    reused: bool     # the same bytes were already there under this name; nothing was written


def candidates(stem: str, ext: str, tie: str = "") -> Iterator[str]:
    """The names tried in order: the name, then with the tie-breaker, then " (2)", " (3)"..."""
    yield stem + ext
    if tie:
        yield f"{limit_bytes(stem, TITLE_BYTES - len(tie.encode()) - 3)} [{tie}]{ext}"
    for n in range(2, 10_000):
        tail = f" ({n})"
        yield limit_bytes(stem, TITLE_BYTES - len(tail)) + tail + ext
    raise FileExistsError(f"no free name for {stem}{ext}")


def place(src: Path, folder: Path, relpath: Path, ext: str, tie: str = "") -> Placed:
    """Move the finished file ``src`` to ``folder/relpath + ext`` without overwriting anything.

    An existing file with the same bytes is reused (``src`` is removed); a different one keeps its name and
    the new file goes to the next free candidate. ``src`` should be on the same file system (write it in
    ``temp_beside``). Blocking: call it in a worker thread.
    """
    if relpath.is_absolute() or ".." in relpath.parts:
        raise ValueError(f"{relpath} would leave the folder")
    target_dir = folder.joinpath(*relpath.parts[:-1])
    target_dir.mkdir(parents=True, exist_ok=True)
    tie = clean_name(tie, TIE_BYTES, fallback="") if tie else ""
    for name in candidates(relpath.name, ext, tie):
        target = target_dir / name
        if os.path.lexists(target):
            if same_bytes(src, target):
                src.unlink()
                return Placed(target, True)
            continue
        if move_new(src, target):
            return Placed(target, False)
    raise AssertionError("unreachable: candidates() raises when it runs out")


def move_new(src: Path, target: Path) -> bool:
    """Rename ``src`` to ``target`` only if ``target`` does not exist; False when someone took the name."""
    try:
        os.link(src, target)        # fails on an existing name, where a rename would replace it
    except FileExistsError:
        return False
    except OSError:
        # file systems without hard links (FAT, some network shares): check, then rename
        if os.path.lexists(target):
            return False
        os.replace(src, target)
        return True
    src.unlink()
    return True


def temp_beside(folder: Path, ext: str) -> Path:
    """A hidden temporary name in ``folder`` that keeps the extension (taggers look at it)."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f".cover-desktop-{uuid.uuid4().hex[:12]}.part{ext}"
