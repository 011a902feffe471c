"""pathway_app/ui/window/stale.py: the words for changes, and the windows of changes to copy from.

Resolving a stale save from start to finish is tested through the window in test_editing.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pathway_app.ui.session import PlanSession
from pathway_app.ui.window.stale import StaleSaveResolver, in_words

from ..conftest import TODAY


def test_changes_in_words_name_the_place_and_the_new_value():
    from pathway_app.domain.diff import diff

    base = {"person": {"strengths": "", "date_of_birth": "2008-01-02"},
            "relationships": [{"id": "r1", "name": "Nan", "there_at_25": "maybe"}]}
    mine = {"person": {"strengths": "Brave", "date_of_birth": "2008-01-03"},
            "relationships": [{"id": "r1", "name": "Nan", "there_at_25": "yes"},
                              {"id": "r2", "name": "Leah", "there_at_25": "not_asked"}]}
    text = in_words(diff(base, mine), mine)
    assert "About me: Strengths:\nBrave" in text
    assert "About me: Date of birth:\n3 January 2008" in text
    assert "People who matter — Nan: There at 25:\nYes" in text
    assert "People who matter — Leah:\nName: Leah\nThere at 25: Not asked yet" in text
    assert "[" not in text and "_" not in text


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
