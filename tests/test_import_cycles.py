"""No import circles among the app's modules, counting imports inside functions too.

A circle (``a`` imports ``b``, which imports ``a``) works only as long as one side imports the
other late enough; it is a sign that the two belong together or that something they share
belongs below both. The checker reads every module with ``ast`` (no code is run), so an import
inside a function or an ``if TYPE_CHECKING:`` block counts like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "pathway_app"


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path) -> dict[str, Path]:
    return {_module_name(root, f): f for f in sorted(root.rglob("*.py"))}


def _targets(name: str, path: Path, node: ast.AST, known: dict[str, Path]) -> set[str]:
    """The package modules one import statement loads (``from x import y``: ``x.y`` when that is
    a module, else ``x``)."""
    out: set[str] = set()
    if isinstance(node, ast.Import):
        for a in node.names:
            if a.name in known:
                out.add(a.name)
        return out
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        base = package[: len(package) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    for a in node.names:
        sub = f"{source}.{a.name}"
        if sub in known:
            out.add(sub)
        elif source in known:
            out.add(source)
    return out


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the package modules it imports anywhere in its text."""
    known = _modules(root)
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                edges |= _targets(name, path, node, known)
        edges.discard(name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _path_in(group: list[str], graph: dict[str, set[str]]) -> str:
    """One circle through the group's first module, for the failure message."""
    start = group[0]
    members = set(group)
    trail = [start]
    seen = {start}
    while True:
        nxt = sorted(graph[trail[-1]] & members)
        back = [n for n in nxt if n == start]
        if back and len(trail) > 1:
            return " -> ".join(trail + [start])
        fresh = [n for n in nxt if n not in seen]
        if not fresh:
            return " -> ".join(trail + nxt[:1])
        trail.append(fresh[0])
        seen.add(fresh[0])


def test_the_app_has_no_import_cycles():
    graph = import_graph(PKG)
    assert "pathway_app.store.store" in graph and len(graph) > 50  # it read the whole package
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(_path_in(g, graph) for g in found)


def test_the_checker_finds_a_planted_cycle(tmp_path):
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "a.py").write_text("from .sub import b\n")
    (root / "sub" / "b.py").write_text("def f():\n    from ..c import g\n    return g\n")  # inside a function
    (root / "c.py").write_text("import typing\nif typing.TYPE_CHECKING:\n    from pkg import a\ng = 1\n")
    (root / "d.py").write_text("from . import a\n")  # leads into the circle, is not part of it
    graph = import_graph(root)
    assert graph["pkg.a"] == {"pkg.sub.b"} and graph["pkg.sub.b"] == {"pkg.c"} and graph["pkg.c"] == {"pkg.a"}
    assert cycles(graph) == [["pkg.a", "pkg.c", "pkg.sub.b"]]
    assert _path_in(["pkg.a", "pkg.c", "pkg.sub.b"], graph) == "pkg.a -> pkg.sub.b -> pkg.c -> pkg.a"
