"""Checks on the libraries the app runs on."""

from __future__ import annotations

import sys


def test_qt_binding_does_not_leak_none():
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
    returns nothing; after a few thousand calls the interpreter aborts. pyproject.toml keeps
    that release out; this test fails if it ever comes back."""
    from PySide6.QtGui import QColor

    colour = QColor(10, 20, 30)
    before = sys.getrefcount(None)
    for _ in range(500):
        colour.setAlphaF(0.5)
    assert sys.getrefcount(None) - before > -50
