"""Fixtures for the desktop app tests: a real store in the test's data folder, a main window
on it with "today" fixed, and message boxes / file dialogs replaced (vorta's pattern)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from builders import TODAY, minimal_plan

#: Known noise, kept short and exact (qutebrowser's rule): the offscreen platform plugin says
#: this whenever any QMainWindow is shown; it is not about our code.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def data_dir(_private_data_dir):
    return _private_data_dir


@pytest.fixture
def store(data_dir):
    from pathway_app.store import open_store

    st = open_store(data_dir=str(data_dir), create_unencrypted=True)
    yield st
    st.close()


class Boxes:
    """Records every message box; answers with ``answer`` (default: the box's default)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.answer: Any = None

    def make(self, kind: str):
        from PySide6.QtWidgets import QMessageBox

        def box(parent, title, text, buttons=None, default=None):
            self.calls.append((kind, title, text))
            if self.answer is not None:
                return self.answer
            if default is not None and default != QMessageBox.StandardButton.NoButton:
                return default
            return QMessageBox.StandardButton.Ok

        return staticmethod(box)


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    b = Boxes()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, b.make(kind))

    def no_file(*_a, **_k):
        raise AssertionError("a file dialog was opened without being replaced in the test")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(no_file))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(no_file))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(no_file))
    return b


def make_window(qtbot, store, data_dir, today=TODAY, show: bool = True, access=None):
    from pathway_app.ui.app import make_application, open_window

    make_application([])
    win = open_window(store, data_dir, lambda: today, access=access)
    qtbot.addWidget(win)
    if show:
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


@pytest.fixture
def window(qtbot, store, data_dir):
    win = make_window(qtbot, store, data_dir)
    yield win
    win.session._timer.stop()


@pytest.fixture
def saved_plan(store):
    plan = minimal_plan()
    store.save(plan, today=TODAY)
    return plan


def open_in(window, qtbot, plan_id: str):
    assert window.open_plan(plan_id)
    qtbot.wait(1)
    return window.plan_view


def wait_saved(qtbot, window, timeout: int = 3000) -> None:
    qtbot.waitUntil(lambda: window.session.state == "saved" and not window.session.dirty, timeout=timeout)


@pytest.fixture
def quick_share_files(monkeypatch):
    """Share files sealed with cheap key derivation (the real cost is measured in benchmarks)."""
    from pathway_app.store import crypto
    from pathway_app.store.keyfile import KdfParams

    monkeypatch.setattr(crypto, "DEFAULT_PARAMS", KdfParams(memory_kib=1024, time_cost=1, parallelism=1))


@pytest.fixture
def demo(store):
    """The demo young people, saved, by family name ("Whitfield" is Tom, with his agreements)."""
    from pathway_app.demo import demo_plans

    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    return {p.person.family_name: p for p in plans}
