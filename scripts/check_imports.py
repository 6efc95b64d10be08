"""Fail when the package's modules import each other in a circle, or a lower room imports a higher one.

Reads every module's imports with ``ast`` (type-only imports under ``if TYPE_CHECKING`` count too: a
circle is a circle), builds the graph of cover_desktop's modules and looks for cycles. Also checks the
layering: api/ knows no Qt, and api/, jobs/, media/ never import ui/.
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


def main() -> int:
    modules = {module_name(p): p for p in PKG.rglob("*.py")}
    graph = {name: {i for i in imports(path, name) if i in modules and i != name} for name, path in modules.items()}
    problems: list[str] = []
    for name, deps in graph.items():
        room = name.split(".")[1] if name.count(".") >= 1 else ""
        if room in ("api", "jobs", "media") and any(d.startswith("cover_desktop.ui") for d in deps):
            problems.append(f"{name} imports the ui")
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
