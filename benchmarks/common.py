"""Shared bits for the benchmarks: the tree under test, private XDG dirs, a demo server in its own process,
a big library on disk, statistics, and the one-line results ``scripts/bench`` gathers into its table.

The code measured is the checkout this folder sits in, or the one ``COVER_BENCH_SRC`` names: the same
benchmarks can then measure an older commit (``scripts/bench --before <commit>``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(os.environ.get("COVER_BENCH_SRC") or Path(__file__).resolve().parent.parent).resolve()
# ahead of the editable install, which points at the checkout it was installed from
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a program that imports the tree under test, with its bytecode cached as an
    installed app's would be (a cold start that compiles every module measures the compiler)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def private_dirs() -> str:
    tmp = tempfile.mkdtemp(prefix="cover-bench-")
    for var in ("CONFIG", "DATA", "CACHE", "STATE"):
        os.environ[f"XDG_{var}_HOME"] = os.path.join(tmp, var.lower())
    os.environ["COVER_DESKTOP_NO_KEYRING"] = "1"
    os.environ.pop("COVER_DESKTOP_API_KEY", None)
    os.environ.pop("COVER_DESKTOP_BASE_URL", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return tmp


@contextmanager
def demo_process(duration: float):
    """The demo server in a separate process, so its threads do not share the app's GIL."""
    proc = subprocess.Popen([sys.executable, "-m", "cover_desktop.demo", "--duration", str(duration)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT, env=child_env())
    assert proc.stdout is not None
    info = dict(proc.stdout.readline().split() for _ in range(3))
    try:
        yield info["api"], info["key"]
    finally:
        proc.terminate()
        proc.wait(10)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def summary(values: list[float]) -> str:
    values = sorted(values)
    return (f"median {statistics.median(values):.2f}  p99 {percentile(values, 0.99):.2f}  max {values[-1]:.2f}  "
            f"(n={len(values)})")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def report(name: str, value: float, unit: str, *, baseline: float | None = None, baseline_name: str = "",
           goal: str = "") -> None:
    """One figure for the table: ``value`` against its same-run ``baseline`` (their ratio) and the goal."""
    print("BENCH " + json.dumps({"name": name, "value": value, "unit": unit, "baseline": baseline,
                                 "baseline_name": baseline_name, "goal": goal}), flush=True)


# -- a big library on disk ------------------------------------------------------------------------------

COVERS = 1000   # distinct cover files: more than the thumbnail cache holds, so scrolling far evicts


def make_media(media: Path, covers: int = COVERS) -> tuple[str, list[str]]:
    """A short WAV and ``covers`` distinct 300x300 JPEG covers (the service's are JPEG or PNG, a few
    hundred pixels and up). Made once per folder."""
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    media.mkdir(parents=True, exist_ok=True)
    audio = media / "clip.wav"
    if not audio.exists():
        from cover_desktop.demo.synth import wav_bytes
        audio.write_bytes(wav_bytes("bench", 1.0))
    paths = []
    for i in range(covers):
        p = media / f"cover{i:05d}.jpg"
        if not p.exists():
            img = QImage(300, 300, QImage.Format.Format_RGB32)
            grad = QLinearGradient(0, 0, 300, 300)
            grad.setColorAt(0, QColor.fromHsv(i * 37 % 360, 160, 220))
            grad.setColorAt(1, QColor.fromHsv(i * 91 % 360, 200, 90))
            painter = QPainter(img)
            painter.fillRect(img.rect(), grad)
            painter.setBrush(QColor(20, 20, 20))
            painter.drawEllipse(60 + i % 40, 60, 180, 180)
            painter.end()
            img.save(str(p), "JPG", 85)
        paths.append(str(p))
    return str(audio), paths


STYLES = ["synthwave", "acoustic folk", "lo-fi jazz", "bossa nova", "dream pop", "delta blues", "drum and bass",
          "chamber pop", "k-pop ballad", "outlaw country", "trip hop", "celtic punk"]
LYRIC_WORDS = ("river neon night city heart fire rain love dance light shadow morning highway echo silver ocean "
               "summer winter golden broken dream forever midnight thunder whisper garden mirror window station "
               "paper letter engine harbour lantern meadow canyon velvet crimson hollow").split()


def lyrics(j: int) -> str:
    """Eight lines of six words, the same for the same job in every tree and run."""
    import random

    rnd = random.Random(j)
    return "\n".join(" ".join(rnd.choice(LYRIC_WORDS) for _ in range(6)) for _ in range(8))


def make_store(path: Path, clips: int, media: Path, covers: int = COVERS, varied: bool = False) -> None:
    """A job history of ``clips`` clips (two per finished job), every one kept on disk: its audio and a
    cover, neighbours with different covers. Written in one transaction with the store's own row code.
    ``varied``: each job its own lyrics (eight lines), one of twelve styles, and notes on every tenth clip,
    as a library a search has to look through."""
    from cover_desktop.api.models import Clip, CoverRequest
    from cover_desktop.jobs.model import ClipRecord, Job, JobState
    from cover_desktop.jobs.store import JobStore

    audio, cover_paths = make_media(media, covers)
    store = JobStore(path)
    store.db.execute("BEGIN")
    for j in range(clips // 2):
        words, style = (lyrics(j), STYLES[j * 7 % len(STYLES)]) if varied else ("words", "synthwave")
        job = Job(request=CoverRequest(f"aud{j:06d}", True, words, style, f"Song {j}"),
                  state=JobState.DONE, task_id=f"upl{j:08d}", raw_status="complete", created_at=1e9 + j,
                  clips=[ClipRecord(Clip(f"upl{j:08d}-{k}", f"https://cdn.example/a{j}{k}.mp3",
                                         f"https://cdn.example/i{j}{k}.jpg", f"Song {j} #{k}", 31.0, style,
                                         extra={"model_name": "chirp-v4", "createTime": "2026-01-01T00:00:00Z"}))
                         for k in (1, 2)],
                  history=[(1e9 + j, "submitted"), (1e9 + j + 5, "queued"), (1e9 + j + 30, "complete")])
        store.db.execute("INSERT INTO jobs (task_id, request, state, raw_status, error, created_at, submitted_at,"
                         " updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?)", store._row(job))
        job.id = store.db.execute("SELECT last_insert_rowid()").fetchone()[0]
        store._write_children(job)
        store.db.executemany(
            "INSERT INTO clip_media (job_id, clip_id, audio_path, image_path, media_error) VALUES (?,?,?,?,'')",
            [(job.id, rec.id, audio, cover_paths[(2 * j + k) * 7 % len(cover_paths)])
             for k, rec in enumerate(job.clips)])
        if varied and j % 5 == 0:
            store.db.execute("INSERT INTO clip_meta (job_id, clip_id, rating, notes) VALUES (?,?,?,?)",
                             (job.id, job.clips[0].id, j % 6, f"take {j % 97}: keep the {LYRIC_WORDS[j % 40]} part"))
    store.db.execute("COMMIT")
    store.close()


async def lateness_while(work: Any) -> tuple[list[float], Any]:
    """A 5 ms ticker's lateness (ms) on the running loop while ``work`` (an awaitable) runs, and its result."""
    import asyncio
    import time

    lags: list[float] = []
    done = False

    async def ticker() -> None:
        while not done:
            t = time.perf_counter()
            await asyncio.sleep(0.005)
            lags.append(max(0.0, (time.perf_counter() - t) * 1000 - 5))

    task = asyncio.ensure_future(ticker())
    try:
        result = await work
    finally:
        done = True
        await task
    return lags, result
