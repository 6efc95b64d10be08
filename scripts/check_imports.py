"""Fail when the package's modules import each other in a circle, or a lower room imports a higher one.

Reads every module's imports with ``ast`` (type-only imports under ``if TYPE_CHECKING`` count too: a
circle is a circle), builds the graph of cover_desktop's modules and looks for cycles. Also checks the
layering, rooms from the ground up: api/ (no Qt) -> jobs/ -> media/ -> runtime.py -> ui/ -> app.py; a room
never imports a higher one. The shared modules beside them (config, settings, tasks, i18n, ...) never import a
room above jobs/, and the demo server only api/.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "cover_desktop"


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, name: str) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
    return out


ROOMS = {"": 0, "api": 0, "demo": 1, "jobs": 2, "media": 3, "runtime": 4, "ui": 5, "app": 6, "__main__": 6}
SHARED = 2   # config, settings, tasks, i18n, logsetup, ...: used by every room from jobs/ up


# the man page is written from the command line's own parser, so it cannot drift from --help
ALLOWED = {("cover_desktop.resources.manpage", "cover_desktop.app")}


def rank(room: str) -> int:
    return ROOMS.get(room, SHARED)


def main() -> int:
    modules = {module_name(p): p for p in PKG.rglob("*.py")}
    graph = {name: {i for i in imports(path, name) if i in modules and i != name} for name, path in modules.items()}
    problems: list[str] = []
    for name, deps in graph.items():
        room = name.split(".")[1] if name.count(".") >= 1 else ""
        for d in deps:
            higher = rank(d.split(".")[1] if d.count(".") >= 1 else "")
            if higher > rank(room) and (name, d) not in ALLOWED:
                problems.append(f"{name} imports {d}, a room above it")
        if room == "api" and any(i.startswith("PySide6") for i in imports(modules[name], name)):
            problems.append(f"{name} imports Qt")
    # cycles, by depth-first search
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for d in sorted(graph[n]):
            if state.get(d) == 1:
                problems.append("import circle: " + " -> ".join(stack[stack.index(d):] + [d]))
            elif d not in state:
                visit(d)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    # a package imports its own submodules through __init__: that is not a circle worth reporting
    problems = [p for p in problems if not _package_self(p)]
    for p in problems:
        print(p)
    print(f"{len(modules)} modules, {sum(len(d) for d in graph.values())} imports, {len(problems)} problems")
    return 1 if problems else 0


def _package_self(problem: str) -> bool:
    if not problem.startswith("import circle: "):
        return False
    chain = problem[len("import circle: "):].split(" -> ")
    return all(a.startswith(b + ".") or b.startswith(a + ".") for a, b in zip(chain, chain[1:], strict=False))


if __name__ == "__main__":
    sys.exit(main())
