"""Imports flow one way: domain ← store ← (export, ui, cli). Only store imports SQLAlchemy,
only ui imports Qt, and domain imports neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "pathway_app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = path.relative_to(PKG.parent).with_suffix("").parts
                pkg = list(parts[:-1])  # a module's package; __init__'s own package
                base = pkg[: len(pkg) - (node.level - 1)]
                names.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                names.add(node.module)
    return names


def _layer_files(layer: str) -> list[Path]:
    root = PKG / layer
    return sorted(root.rglob("*.py")) if root.exists() else []


RULES = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "reportlab", "pathway_app.store", "pathway_app.ui", "pathway_app.export"),
    "store": ("PySide6", "reportlab", "pathway_app.ui", "pathway_app.export"),
    "export": ("PySide6", "sqlalchemy", "alembic", "pathway_app.ui"),
}


@pytest.mark.parametrize("layer", sorted(RULES))
def test_layer_imports(layer):
    bad = []
    for f in _layer_files(layer):
        for name in _imports(f):
            if any(name == b or name.startswith(b + ".") for b in RULES[layer]):
                bad.append(f"{f.relative_to(PKG)} imports {name}")
    assert not bad, "\n".join(bad)


def test_only_store_imports_sqlalchemy_and_only_ui_imports_qt():
    bad = []
    for f in sorted(PKG.rglob("*.py")):
        rel = f.relative_to(PKG).parts
        for name in _imports(f):
            top = name.split(".")[0]
            if top in ("sqlalchemy", "alembic") and rel[0] != "store":
                bad.append(f"{'/'.join(rel)} imports {name}")
            if top in ("PySide6", "shiboken6") and rel[0] != "ui":
                bad.append(f"{'/'.join(rel)} imports {name}")
    assert not bad, "\n".join(bad)


def test_the_checker_sees_a_violation(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("import sqlalchemy\nfrom PySide6 import QtCore\n")
    assert {"sqlalchemy", "PySide6"} <= _imports(f)
