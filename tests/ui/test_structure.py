"""House rules for the ui package that a reader cannot see from any one test.

- An import error is a bug to see at once, never a silent placeholder: no ``except ImportError``.
- The store is called, not probed: no ``getattr``/``hasattr`` on anything named ``store``
  (what the app may use of a store is :class:`~pathway_app.store.protocol.StoreProtocol`).
- Every module reads in one sitting: under 700 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "pathway_app" / "ui"
MODULES = sorted(UI.rglob("*.py"))


def _name(node: ast.AST) -> str:
    """``self.store`` → "store", ``store`` → "store", anything else → ""."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def import_fallbacks(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            if any(_name(c) in ("ImportError", "ModuleNotFoundError") for c in caught):
                lines.append(node.lineno)
    return lines


def store_probes(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _name(node.func) in ("getattr", "hasattr") and node.args
            and "store" in _name(node.args[0]).lower()]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(UI)))
def test_no_import_fallbacks_and_no_store_probes(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert import_fallbacks(tree) == [], "an ImportError turned into a placeholder"
    assert store_probes(tree) == [], "call the store (StoreProtocol) instead of probing it"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(UI)))
def test_every_module_is_under_700_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 700


def test_the_checks_catch_what_they_look_for():
    tree = ast.parse(
        "try:\n    from .map_view import Map\nexcept (KeyError, ImportError):\n    Map = None\n"
        "record = getattr(self.store, 'record_event', None)\n"
        "if hasattr(store, 'encrypted'):\n    pass\n"
        "value = getattr(self.target, attr)\n"
    )
    assert import_fallbacks(tree) == [3]
    assert store_probes(tree) == [5, 6]
