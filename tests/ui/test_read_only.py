"""Records that can only be read (issue 14 item 4), in the app: a banner says why, every
editing control is off, and so is everything that would write — with the reason in its tip —
while opening, reading and searching work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from pathway_app.demo import demo_plans
from pathway_app.domain.vocab import PromptAnswer

from .conftest import TODAY, make_window, open_in

REASON = "they were opened read-only, to look at"


@pytest.fixture
def plans(store):
    made = demo_plans(TODAY)[:3]
    for p in made:
        store.save(p, today=TODAY)
    return made


@pytest.fixture
def ro_window(qtbot, store, data_dir, plans):
    from pathway_app.store import open_store
    from pathway_app.store.lock import read_only_url

    ro = open_store(url=read_only_url(data_dir / "pathway.db"))
    assert ro.read_only and ro.read_only_reason == REASON
    win = make_window(qtbot, ro, data_dir)
    win.load_caseload()
    yield win
    win.session._timer.stop()
    ro.close()


def test_a_banner_says_why_in_plain_words(ro_window):
    banner = ro_window.read_only_state.banner
    assert banner is not None and banner.isVisible()
    assert banner.label.text().startswith(f"These records can only be read here, because {REASON}.")
    assert "editing is off and nothing is saved" in banner.label.text()
    assert banner.dismiss is None  # it stays while it is true
    assert ro_window.session.read_only


def test_reading_and_searching_work_and_nothing_that_writes_does(qtbot, ro_window, plans):
    w = ro_window
    caseload = w.caseload
    assert caseload.model.rowCount() == 3
    qtbot.keyClicks(caseload.search, plans[1].person.given_name)
    qtbot.waitUntil(lambda: caseload.proxy.rowCount() == 1, timeout=2000)
    for b in (caseload.add_button, caseload.pdfs_button):
        assert not b.isEnabled() and REASON in b.toolTip()
    caseload.search.clear()
    view = open_in(w, qtbot, plans[0].id)
    assert w.session.plan.id == plans[0].id
    writers = (w.new_action, w.demo_action, w.import_action, w.export_action, w.pdf_action, w.html_action,
               w.many_pdfs_action, w.subject_access_action, w.encrypt_action, w.delete_action, w.at25_action,
               w.undo_action, w.redo_action)
    for a in writers:
        assert not a.isEnabled(), a.text()
    for a in writers[:-2]:
        assert REASON in a.toolTip(), a.text()
    for a in (w.history_action, w.find_action, w.together_action, w.caseload_action, w.lock_action):
        assert a.isEnabled(), a.text()
    assert view.isVisible()


def test_every_field_can_be_read_but_not_changed(qtbot, ro_window, plans):
    w = ro_window
    view = open_in(w, qtbot, plans[0].id)
    before = w.session.plan.person.given_name
    for key in view.pages:
        page = view.show_area(key)
        qtbot.wait(5)
        for form, _t, _p in page._forms:
            for f in form.fields:
                widget = f.widget
                if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                    assert widget.isReadOnly(), (key, f.attr)
                elif isinstance(widget, (QComboBox, QCheckBox)):
                    assert not widget.isEnabled(), (key, f.attr)
                else:  # a date: its words to read, no calendar
                    assert widget.line.isReadOnly() and not widget.button.isEnabled(), (key, f.attr)
        for ed in page._lists:
            assert not ed.add_button.isEnabled() and REASON in ed.add_button.toolTip()
            assert not ed.remove_button.isEnabled()
        for card in page.prompts.cards:
            for b in card.buttons.values():
                assert not b.isEnabled() and REASON in b.toolTip()
    people = view.show_area("people")
    assert not people.at25_button.isEnabled() and not people.map.add_button().isEnabled()
    people.people.add()  # the Insert key, or a double-click on the map's empty space
    assert len(w.session.plan.relationships) == len(plans[0].relationships)
    about = view.show_area("about")
    given = about._forms[1][0].widget("given_name")
    given.setFocus()
    qtbot.keyClicks(given, "xyz")
    assert given.text() == before and w.session.plan.person.given_name == before
    assert not w.session.dirty and w.session.undo_stack.count() == 0
    home = view.show_area("home")  # Home now is not filled in from the care history either
    assert home.isVisible() and not w.session.dirty


def test_together_mode_can_be_read_but_not_typed_in(qtbot, ro_window, plans):
    w = ro_window
    open_in(w, qtbot, plans[0].id)
    w.enter_together()
    assert w.together.answer.isReadOnly()
    qtbot.keyClicks(w.together.answer, "typed")
    assert "typed" not in w.together.answer.toPlainText()
    w.leave_together()


def test_the_prompts_cannot_be_answered(qtbot, ro_window, plans):
    view = open_in(ro_window, qtbot, plans[0].id)
    page = view.show_area("support")
    qtbot.waitUntil(lambda: bool(page.prompts.cards), timeout=2000)
    card = page.prompts.cards[0]
    qtbot.mouseClick(card.buttons[PromptAnswer.DONE], Qt.MouseButton.LeftButton)
    assert not card.form.isVisible()
    assert ro_window.session.plan.prompt_responses == plans[0].prompt_responses


def test_editing_comes_back_when_the_records_can_be_changed(qtbot, window, store, plans):
    """The same window on records that can be changed (after unlocking elsewhere, say)."""
    view = open_in(window, qtbot, plans[0].id)
    assert window.read_only_state.banner is None
    window.session.set_read_only(REASON)
    about = view.show_area("about")
    given = about._forms[1][0].widget("given_name")
    assert given.isReadOnly()
    window.session.set_read_only("")
    assert not given.isReadOnly()
    qtbot.keyClicks(given, "x")
    assert window.session.plan.person.given_name.endswith("x")
