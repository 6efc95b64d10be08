"""Run every benchmark and print one table: each figure, its same-run baseline, their ratio, and the goal.

    python benchmarks/run_all.py [--before REV] [--only NAME,...] [--markdown] [--log DIR]

``--before REV`` (repeatable) also runs the same benchmark scripts against REV (a commit, checked out with
``git worktree`` into a temporary folder and removed afterwards) and puts it in the table too. The full
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
    ("library_filter", []),
    ("library_100k", []),
    ("loop_lag", ["10"]),
    ("polling_cost", ["20"]),
    ("waveform_paint", []),
    ("loudness_peaks", []),
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
    """(value / baseline, ratio and whether the goal is met) for one tree."""
    if row is None:
        return ["\u2013", "\u2013"]
    base, unit = row["baseline"], row["unit"]
    value = fmt(row["value"], unit) if base is None else f"{fmt(row['value'])} / {fmt(base, unit)}"
    ratio = f"{row['value'] / base:.2f}" if base else ""
    verdict = {"yes": "met", "no": "NOT met"}.get(met(row), "")
    return [value, " ".join(x for x in (ratio, verdict) if x) or "\u2013"]


def table(trees: list[tuple[str, list[dict]]], markdown: bool) -> str:
    """One row per figure of the last tree; for each tree its value / baseline, and ratio and verdict."""
    head = ["figure", "goal", "baseline (same run)"]
    for name, _ in trees:
        head += [f"{name}: value / baseline", f"{name}: ratio"]
    by_tree = [{r["name"]: r for r in rows} for _, rows in trees]
    rows = []
    for r in trees[-1][1]:
        line = [r["name"], r["goal"] or "\u2013", r["baseline_name"] or "\u2013"]
        for found in by_tree:
            line += cells(found.get(r["name"]))
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
    p.add_argument("--before", metavar="REV", action="append", default=[],
                   help="also measure this commit with the same benchmarks (may be given more than once)")
    p.add_argument("--only", metavar="NAMES", help="comma-separated benchmark names")
    p.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    p.add_argument("--log", metavar="DIR", help="where each benchmark's full output goes")
    args = p.parse_args()
    chosen = [b for b in BENCHMARKS if not args.only or b[0] in args.only.split(",")]
    logs = Path(args.log or tempfile.mkdtemp(prefix="cover-bench-logs-"))
    logs.mkdir(parents=True, exist_ok=True)

    def short(rev: str) -> str:
        return subprocess.run(["git", "rev-parse", "--short", rev], cwd=REPO, capture_output=True,
                              text=True).stdout.strip() or rev

    print(f"machine: {machine()}\ndate: {time.strftime('%Y-%m-%d')}\nafter: {short('HEAD')}"
          + "".join(f"\nbefore: {short(rev)}" for rev in args.before), flush=True)
    trees: list[tuple[str, Path]] = []
    try:
        for rev in args.before:
            folder = Path(tempfile.mkdtemp(prefix="cover-bench-before-"))
            subprocess.run(["git", "worktree", "add", "--detach", str(folder), rev], cwd=REPO, check=True,
                           capture_output=True)
            trees.append((short(rev), folder))
        trees.append((f"after ({short('HEAD')})" if args.before else "this checkout", REPO))
        results: dict[str, list[dict]] = {name: [] for name, _ in trees}
        # tree after tree within each benchmark, so a slow spell of the machine hits them alike
        for bench, bench_args in chosen:
            for name, folder in trees:
                results[name] += run_one(bench, bench_args, folder, logs / f"{bench}-{name.split()[0]}.txt")
    finally:
        for _, folder in trees[:-1]:
            subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=REPO, capture_output=True)
    print()
    print(table([(name, results[name]) for name, _ in trees], args.markdown))
    print(f"\nfull output of each benchmark: {logs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
