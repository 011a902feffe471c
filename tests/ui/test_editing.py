"""Editing a plan: autosave, undo/redo, the keyboard, validation, big plans, stale saves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from pathway_app.domain import model as m
from pathway_app.ui.dialogs import StaleSaveDialog

from .conftest import TODAY, open_in, wait_saved
from builders import minimal_plan


def _about(window, qtbot, plan_id):
    view = open_in(window, qtbot, plan_id)
    page = view.show_area("about")
    return page, page._forms[1][0]  # the person form (the first is their own words)


def test_an_edit_is_saved_automatically_within_a_second(qtbot, window, store, saved_plan):
    from pathway_app.ui.session import AUTOSAVE_MS

    assert AUTOSAVE_MS < 1000  # the promise; benchmarks/bench_ui.py times it on a real window
    page, form = _about(window, qtbot, saved_plan.id)
    qtbot.keyClicks(form.widget("pronouns"), "she/her")
    assert window.session.state == "pending"
    assert window.save_label.text() == "Saving…"
    wait_saved(qtbot, window)  # nobody pressed save
    assert window.save_label.text() == "✓ Saved"
    assert store.load(saved_plan.id).person.pronouns == "she/her"


def test_one_save_per_batch_of_edits(qtbot, window, store, saved_plan, monkeypatch):
    calls = []
    real = store.save
    monkeypatch.setattr(store, "save", lambda plan, today=None: (calls.append(1), real(plan, today=today)))
    page, form = _about(window, qtbot, saved_plan.id)
    qtbot.keyClicks(form.widget("pronouns"), "they/them")
    qtbot.keyClicks(form.widget("phone"), "07700 900123")
    wait_saved(qtbot, window)
    assert len(calls) == 1
    assert store.load(saved_plan.id).version == saved_plan.version + 1


def test_undo_restores_a_field_and_redo_reapplies_it(qtbot, window, store, saved_plan):
    page, form = _about(window, qtbot, saved_plan.id)
    strengths: QPlainTextEdit = form.widget("strengths")
    strengths.setFocus()
    qtbot.keyClicks(strengths, "Kind and funny")
    assert window.session.plan.person.strengths == "Kind and funny"
    qtbot.keyClick(strengths, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.plan.person.strengths == ""
    assert strengths.toPlainText() == ""
    qtbot.keyClick(strengths, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.plan.person.strengths == "Kind and funny"
    assert strengths.toPlainText() == "Kind and funny"
    wait_saved(qtbot, window)
    assert store.load(saved_plan.id).person.strengths == "Kind and funny"


def test_undo_covers_adding_and_removing_records(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    people = view.show_area("people").people
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(people.form.widget("name"), "Mo")
    assert len(window.session.plan.relationships) == 1
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_Delete)
    assert window.session.plan.relationships == []
    window.undo_action.trigger()  # brings the person back
    assert [r.name for r in window.session.plan.relationships] == ["Mo"]
    assert people.model.rowCount() == 1
    window.undo_action.trigger()  # the name
    window.undo_action.trigger()  # the adding
    assert window.session.plan.relationships == []
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert [r.name for r in window.session.plan.relationships] == ["Mo"]
    wait_saved(qtbot, window)
    assert [r.name for r in store.load(saved_plan.id).relationships] == ["Mo"]


def test_undo_menu_is_in_the_edit_menu(window):
    edit = [a.menu() for a in window.menuBar().actions() if a.text() == "&Edit"][0]
    assert window.undo_action in edit.actions() and window.redo_action in edit.actions()
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_keyboard_only_walk_through_an_area(qtbot, window, store, saved_plan):
    """Ctrl+F, type, Enter opens; Tab into the page; type own words and fields; Tab on."""
    window.load_caseload()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "okafor")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session.plan is not None and window.session.plan.id == saved_plan.id
    view = window.plan_view
    assert QApplication.focusWidget() is view.area_list
    qtbot.keyClick(view.area_list, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    page = view.current_page()
    own = page._own_words[0].edit
    assert focused is own, focused
    qtbot.keyClicks(own, "I like drawing and football.")
    qtbot.keyClick(own, Qt.Key.Key_Tab)
    strengths = QApplication.focusWidget()
    assert strengths is page._forms[1][0].widget("strengths")
    qtbot.keyClicks(strengths, "Patient")
    for _ in range(3):  # interests, achievements, given name
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page._forms[1][0].widget("given_name")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    pref = QApplication.focusWidget()
    assert pref is page._forms[1][0].widget("preferred_name")
    qtbot.keyClicks(pref, "JJ")
    qtbot.keyClick(pref, Qt.Key.Key_Return)
    wait_saved(qtbot, window)
    saved = store.load(saved_plan.id)
    assert saved.person.about_me_own_words == "I like drawing and football."
    assert saved.person.strengths == "Patient"
    assert saved.person.preferred_name == "JJ"
    assert "JJ" in view.header.name.text()


def test_validation_error_names_the_field_and_nothing_invalid_is_saved(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("about")
    care = page.episodes
    qtbot.mouseClick(care.add_button, Qt.MouseButton.LeftButton)
    start = care.form.widget("start").line
    end = care.form.widget("end").line
    qtbot.keyClicks(start, "01/06/2024")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    qtbot.keyClicks(end, "01/01/2024")
    qtbot.keyClick(end, Qt.Key.Key_Tab)
    window.session.save_now()
    block = care.form.block("end")
    assert block.error.isVisible()
    assert "The date they left must be after the date they moved in" in block.error_text()
    assert "Care history: the date they left must be after the date they moved in" in window.save_label.text()
    assert window.save_label.text().startswith("Not saved")
    assert window.show_problem.isVisible()
    assert care.model.data(care.model.index(0, 0)).startswith("⚠")
    assert end.text() == "01/01/2024" and start.text() == "01/06/2024"  # the text stays
    assert store.load(saved_plan.id).care_episodes == []  # nothing invalid reached the database
    # fixing it saves it
    end.selectAll()
    qtbot.keyClicks(end, "01/01/2025")
    wait_saved(qtbot, window)
    assert not block.error.isVisible()
    eps = store.load(saved_plan.id).care_episodes
    assert [(e.start, e.end) for e in eps] == [(date(2024, 6, 1), date(2025, 1, 1))]


def test_a_date_that_cannot_be_read_is_kept_and_explained(qtbot, window, store, saved_plan):
    page, form = _about(window, qtbot, saved_plan.id)
    dob = form.widget("date_of_birth").line
    dob.setFocus()
    dob.selectAll()
    qtbot.keyClicks(dob, "31/02/2009")
    qtbot.keyClick(dob, Qt.Key.Key_Tab)
    assert dob.text() == "31/02/2009"
    assert "not a real date" in form.block("date_of_birth").error_text()
    assert window.save_label.text().startswith("Not saved: About me — Date of birth: “31/02/2009” is not a real date")
    qtbot.keyClicks(form.widget("pronouns"), "he/him")  # other edits wait too
    qtbot.wait(600)
    assert store.load(saved_plan.id).person.pronouns == ""
    dob.selectAll()
    qtbot.keyClicks(dob, "28/02/2009")
    wait_saved(qtbot, window)
    saved = store.load(saved_plan.id)
    assert saved.person.date_of_birth == date(2009, 2, 28) and saved.person.pronouns == "he/him"


def test_show_me_goes_to_the_field_with_the_problem(qtbot, window, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    people = view.show_area("people").people
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)  # a person with no name
    window.session.save_now()
    view.show_area("money")
    window.show_problem.click()
    assert view.current_key() == "people"
    assert QApplication.focusWidget() is people.form.widget("name")
    assert "A person needs a name" in people.form.block("name").error_text()


def test_a_plan_with_200_people_and_very_long_text_stays_usable(qtbot, window, store):
    plan = minimal_plan()
    long_text = ("All the things I want to say about where I live and who I see. " * 160)[:10_000]
    plan.person.about_me_own_words = long_text
    plan.relationships = [m.Relationship(name=f"Person {i:03d}", description=long_text[:200]) for i in range(200)]
    plan.area("accommodation").own_words = long_text
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)  # benchmarks/bench_ui.py times this (≤ 2 s)
    page = view.show_area("people")
    assert page.people.model.rowCount() == 200
    page.people.select_id(plan.relationships[150].id)
    name = page.people.form.widget("name")
    assert name.text() == "Person 150"
    name.setFocus()
    qtbot.keyClicks(name, " (Gran)")
    about = view.show_area("about")
    own = about._own_words[0].edit
    assert len(own.toPlainText()) == 10_000
    own.setFocus()
    own.moveCursor(own.textCursor().MoveOperation.End)
    qtbot.keyClicks(own, " The end.")
    wait_saved(qtbot, window)
    saved = store.load(plan.id)
    assert saved.relationships[150].name == "Person 150 (Gran)"
    assert saved.person.about_me_own_words == long_text + " The end."


def test_stale_save_keeps_the_text_explains_and_reapplies(qtbot, window, store, saved_plan, monkeypatch):
    asked = {}

    def ask(parent, name, changes, **more):
        asked["name"], asked["changes"], asked["more"] = name, changes, more
        return StaleSaveDialog.REAPPLY

    monkeypatch.setattr(StaleSaveDialog, "ask", staticmethod(ask))
    page, form = _about(window, qtbot, saved_plan.id)
    # a colleague saves a newer version meanwhile
    theirs = store.load(saved_plan.id)
    theirs.person.phone = "0161 496 0000"
    store.save(theirs, today=TODAY)
    strengths = form.widget("strengths")
    strengths.setFocus()
    qtbot.keyClicks(strengths, "Brave")
    window.session.save_now()
    assert window.session.state == "error"
    assert "someone else saved a newer version" in window.save_label.text()
    assert strengths.toPlainText() == "Brave"  # kept
    qtbot.waitUntil(lambda: "name" in asked)
    assert asked["name"] == "Jade Okafor"
    assert "Brave" in asked["changes"] and "About me: Strengths" in asked["changes"]
    assert "0161 496 0000" in asked["more"]["theirs"]  # what the colleague changed is shown too
    assert asked["more"]["both"] == []
    wait_saved(qtbot, window)
    saved = store.load(saved_plan.id)
    assert saved.person.strengths == "Brave" and saved.person.phone == "0161 496 0000"
    assert page._forms[1][0].widget("strengths").toPlainText() == "Brave"
    assert page._forms[1][0].widget("phone").text() == "0161 496 0000"


def test_stale_save_copy_choice_keeps_my_text_in_a_window(qtbot, window, store, saved_plan, monkeypatch):
    monkeypatch.setattr(StaleSaveDialog, "ask", staticmethod(lambda parent, name, changes, **more: StaleSaveDialog.COPY))
    page, form = _about(window, qtbot, saved_plan.id)
    theirs = store.load(saved_plan.id)
    theirs.person.phone = "0161 496 0000"
    store.save(theirs, today=TODAY)
    qtbot.keyClicks(form.widget("pronouns"), "xe/xem")
    window.session.save_now()
    qtbot.waitUntil(lambda: bool(window.stale.copy_windows))
    win = window.stale.copy_windows[0]
    assert win.isVisible() and "xe/xem" in win.text.toPlainText()
    assert window.session.plan.person.phone == "0161 496 0000"
    win.close()


def test_stale_save_dialog_names_what_both_changed_and_escape_overwrites_no_one(qtbot, window, store, saved_plan,
                                                                               monkeypatch):
    """Both changed the same field: the dialog says so, shows their text, and closing it
    (Escape) loads the newer plan and keeps mine to copy from — neither text is lost."""
    seen = {}

    def ask(parent, name, changes, theirs="", both=()):
        dlg = StaleSaveDialog(name, changes, parent, theirs, both)
        qtbot.addWidget(dlg)
        dlg.show()
        seen["both"] = dlg.both.text() if dlg.both.isVisibleTo(dlg) else ""
        seen["theirs"] = dlg.theirs.toPlainText()
        seen["default"] = dlg.copy.isDefault()
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
        return dlg.choice

    monkeypatch.setattr(StaleSaveDialog, "ask", staticmethod(ask))
    page, form = _about(window, qtbot, saved_plan.id)
    theirs = store.load(saved_plan.id)
    theirs.person.strengths = "Their words about strengths"
    store.save(theirs, today=TODAY)
    qtbot.keyClicks(form.widget("strengths"), "My words")
    window.session.save_now()
    qtbot.waitUntil(lambda: bool(window.stale.copy_windows))
    assert "About me: Strengths" in seen["both"] and "replaces what they wrote" in seen["both"]
    assert "Their words about strengths" in seen["theirs"]
    assert seen["default"]  # Enter does not write over their words either
    assert store.load(saved_plan.id).person.strengths == "Their words about strengths"
    assert "My words" in window.stale.copy_windows[0].text.toPlainText()
    window.stale.copy_windows[0].close()
