"""Run the demo server on its own: ``python -m cover_desktop.demo [--duration S]``.

Prints the API base URL and the key to use, then serves until Ctrl+C. Handy for pointing
``cover-desktop --base-url`` (or curl) at it, and for benchmarks that keep it out of the app's process.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from . import DEMO_KEY, DemoServer


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m cover_desktop.demo", description=__doc__.splitlines()[0])
    p.add_argument("--duration", type=float, default=8.0, help="seconds from submit to complete (default 8)")
    p.add_argument("--state", type=Path, default=None, metavar="FILE",
                   help="keep tasks in FILE across restarts (and reuse the same ports where free)")
    args = p.parse_args(argv)
    server = DemoServer(duration=args.duration, state_file=args.state).start()
    print(f"api {server.api_url}\nmedia {server.media_url}\nkey {DEMO_KEY}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
