"""Run every benchmark and print one table: each figure, its same-run baseline, their ratio, and the goal.

    python benchmarks/run_all.py [--before REV] [--only NAME,...] [--markdown] [--log DIR]

``--before REV`` also runs the same benchmark scripts against REV (a commit, checked out with
``git worktree`` into a temporary folder and removed afterwards) and puts both in the table. The full
output of each benchmark goes to the log folder (printed at the end); the table goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# (script, arguments): the slow ones last
BENCHMARKS = [
    ("cold_start", ["7"]),
    ("start_parts", []),
    ("clips_10k", []),
    ("warm_cache", []),
    ("ids_extract", []),
    ("loop_lag", ["10"]),
    ("polling_cost", ["20"]),
    ("waveform_paint", []),
]


def run_one(name: str, args: list[str], src: Path, log: Path) -> list[dict]:
    env = dict(os.environ, COVER_BENCH_SRC=str(src), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t = time.perf_counter()
    print(f"  {name} ({src.name or src}) \u2026", end="", flush=True, file=sys.stderr)
    proc = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *args], cwd=src, env=env,
                          capture_output=True, text=True, timeout=1800)
    log.write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    print(f" {time.perf_counter() - t:.0f} s{'' if proc.returncode == 0 else f', FAILED (exit {proc.returncode})'}",
          file=sys.stderr)
    return [dict(json.loads(line[6:]), bench=name) for line in proc.stdout.splitlines() if line.startswith("BENCH ")]


def met(row: dict) -> str:
    goal, value, base = row["goal"], row["value"], row["baseline"]
    ratio = value / base if base else None
    if m := re.fullmatch(r"ratio <= ([\d.]+)", goal):
        return "" if ratio is None else ("yes" if ratio <= float(m.group(1)) else "no")
    if m := re.fullmatch(r"<= ([\d.]+) \w+", goal):
        return "yes" if value <= float(m.group(1)) else "no"
    if re.fullmatch(r"[\d.]+", goal):
        return "yes" if value == float(goal) else "no"
    return ""


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "\u2013"
    text = f"{value:.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.2f}" if abs(value) < 10 \
        else f"{value:.1f}"
    return f"{text} {unit}".strip()


def cells(row: dict | None) -> list[str]:
    if row is None:
        return ["\u2013", "\u2013", "\u2013", ""]
    base = row["baseline"]
    return [fmt(row["value"], row["unit"]), fmt(base, row["unit"]) if base is not None else "\u2013",
            f"{row['value'] / base:.2f}" if base else "\u2013", met(row)]


def table(after: list[dict], before: list[dict] | None, markdown: bool) -> str:
    old = {r["name"]: r for r in before or []}
    head = ["figure", "goal", "baseline (same run)"]
    if before is not None:
        head += ["before", "before: baseline", "before: ratio", "met"]
    head += ["after", "after: baseline", "after: ratio", "met"]
    rows = []
    for r in after:
        line = [r["name"], r["goal"] or "\u2013", r["baseline_name"] or "\u2013"]
        if before is not None:
            line += cells(old.get(r["name"]))
        line += cells(r)
        rows.append(line)
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(line) + " |" for line in rows]
        return "\n".join(out)
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in [head, *rows])


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    import PySide6
    return (f"{cpu}, {os.cpu_count()} cores, {mem // 1024} GB; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}; "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", metavar="REV", help="also measure this commit with the same benchmarks")
    p.add_argument("--only", metavar="NAMES", help="comma-separated benchmark names")
    p.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    p.add_argument("--log", metavar="DIR", help="where each benchmark's full output goes")
    args = p.parse_args()
    chosen = [b for b in BENCHMARKS if not args.only or b[0] in args.only.split(",")]
    logs = Path(args.log or tempfile.mkdtemp(prefix="cover-bench-logs-"))
    logs.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip() or "?"
    print(f"machine: {machine()}\ndate: {time.strftime('%Y-%m-%d')}\nafter: {commit}"
          + (f"\nbefore: {args.before}" if args.before else ""), flush=True)

    before: list[dict] | None = None
    worktree = None
    if args.before:
        worktree = Path(tempfile.mkdtemp(prefix="cover-bench-before-"))
        subprocess.run(["git", "worktree", "add", "--detach", str(worktree), args.before], cwd=REPO, check=True,
                       capture_output=True)
    after: list[dict] = []
    try:
        # alternate the trees benchmark by benchmark, so a slow spell of the machine hits both alike
        for name, bench_args in chosen:
            if worktree is not None:
                before = (before or []) + run_one(name, bench_args, worktree, logs / f"{name}-before.txt")
            after += run_one(name, bench_args, REPO, logs / f"{name}.txt")
    finally:
        if worktree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=REPO, capture_output=True)
    print()
    print(table(after, before, args.markdown))
    print(f"\nfull output of each benchmark: {logs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
