"""pathway_app/ui/window/stale.py: the words for changes, and the windows of changes to copy from.

Resolving a stale save from start to finish is tested through the window in test_editing.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from pathway_app.ui.session import PlanSession
from pathway_app.ui.window.stale import StaleSaveResolver, field_words

from ..conftest import TODAY


@pytest.mark.parametrize("path,words", [
    ("person.strengths", "About me: strengths"),
    ("person.given_name", "Given name"),
    ("home.current_name", "Home: current name"),
    ("staying_put.carer_name", "Staying Put: carer name"),
    ("relationships[0].name", "People who matter, entry 1: name"),
    ("plan_agreed_on", "Plan agreed on"),
])
def test_field_words(path, words):
    assert field_words(path) == words


def test_copy_windows_are_put_away_while_locked_and_come_back(qtbot, store):
    owner = QWidget()
    qtbot.addWidget(owner)
    resolver = StaleSaveResolver(PlanSession(store, lambda: TODAY), store, owner)
    resolver.show_copy("About me: strengths:\nBrave")
    first = resolver.copy_windows[0]
    assert first.isVisible() and first.text.toPlainText() == "About me: strengths:\nBrave"
    resolver.put_away()
    assert resolver.copy_windows == [] and not first.isVisible()
    resolver.bring_back()
    again = resolver.copy_windows[0]
    assert again.isVisible() and again.windowTitle() == "Your unsaved changes"
    assert again.text.toPlainText() == "About me: strengths:\nBrave"
    resolver.close_all()
    assert resolver.copy_windows == []
