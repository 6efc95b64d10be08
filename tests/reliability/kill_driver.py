"""The app without its window, as a process for the SIGKILL rounds (tests/reliability/test_kill_rounds.py).

It is the app's own runtime (API client, job store and service, media library, on the profile in the XDG
variables) on the server given by ``--base-url``. With ``--submit N`` it first submits N jobs and prints
"submitted"; then it runs until it is killed. With ``--until-kept`` it exits 0 once every job is complete and
every clip's audio and cover are kept, and 3 if that takes longer than ``--timeout`` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from cover_desktop.api.models import CoverRequest
from cover_desktop.app import parse_args
from cover_desktop.gcguard import MainThreadGC
from cover_desktop.jobs.model import JobState
from cover_desktop.logsetup import setup_logging
from cover_desktop.runtime import Runtime
from cover_desktop.settings import Dirs, KeyStore, Settings

log = logging.getLogger("kill_driver")


def all_kept(rt: Runtime) -> bool:
    jobs = list(rt.service.jobs.values())
    return bool(jobs) and not rt.library.busy() and all(
        job.state is JobState.DONE and job.clips and all(
            rec.audio_path and Path(rec.audio_path).exists() and rec.image_path and Path(rec.image_path).exists()
            for rec in job.clips)
        for job in jobs)


async def run(args: argparse.Namespace) -> int:
    rt = Runtime(parse_args(["--base-url", args.base_url]), Settings.load(), KeyStore())
    await rt.start()
    try:
        for i in range(args.submit):
            await rt.service.submit(CoverRequest(f"aud-kill{i:02d}"))
        if args.submit:
            print("submitted", flush=True)
        print("running", flush=True)
        if not args.until_kept:
            await asyncio.Event().wait()
        waited = 0.0
        while not all_kept(rt):
            if waited > args.timeout:
                missing = [f"{job.task_id}/{rec.id} {job.state.value} {rec.media_error or 'no error'}"
                           for job in rt.service.jobs.values() for rec in job.clips
                           if not (rec.audio_path and rec.image_path)]
                log.error("not everything was kept within %s s (library busy: %s): %s", args.timeout,
                          rt.library.busy(), "; ".join(missing[:10]))
                return 3
            await asyncio.sleep(0.1)
            waited += 0.1
        return 0
    finally:
        await rt.aclose()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", required=True)
    p.add_argument("--submit", type=int, default=0)
    p.add_argument("--until-kept", action="store_true")
    p.add_argument("--timeout", type=float, default=60.0)
    args = p.parse_args()
    setup_logging(Dirs.logs())
    app = QApplication([sys.argv[0]])
    MainThreadGC(parent=app)
    return int(qasync.run(run(args)) or 0)


if __name__ == "__main__":
    sys.exit(main())
