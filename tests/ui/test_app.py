"""Starting the app, the first run, adding young people, closing and reopening."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from pathway_app.ui.dialogs import NewPersonDialog

from .conftest import TODAY, make_window, open_in, wait_saved


def test_empty_first_run_offers_the_two_buttons(window):
    cl = window.caseload
    assert cl.is_empty()
    assert cl.stack.currentWidget() is cl.empty
    assert cl.empty.isVisible()
    assert cl.empty.add_button.isVisible() and cl.empty.add_button.text().replace("&", "") == "Add a young person"
    assert cl.empty.demo_button.isVisible()
    assert cl.empty.demo_button.text().replace("&", "") == "Open the demo young people"
    assert cl.empty.add_button.accessibleName() and cl.empty.demo_button.accessibleName()


def test_demo_button_adds_the_demo_young_people_once(qtbot, window, store):
    from pathway_app.demo import demo_ids

    qtbot.mouseClick(window.caseload.empty.demo_button, Qt.MouseButton.LeftButton)
    assert window.caseload.stack.currentWidget() is window.caseload.list_page
    assert window.caseload.proxy.rowCount() == len(demo_ids())
    versions = store.versions(demo_ids())
    window.add_demo()  # already there: left as they are
    assert store.versions(demo_ids()) == versions
    assert window.caseload.proxy.rowCount() == len(demo_ids())


def _fill_new_person_dialog(qtbot, given: str, family: str, dob: str, done: list) -> None:
    dlg = QApplication.activeModalWidget()
    assert isinstance(dlg, NewPersonDialog), dlg
    qtbot.keyClicks(dlg.given, given)
    qtbot.keyClicks(dlg.family, family)
    qtbot.keyClicks(dlg.dob.line, dob)
    qtbot.keyClick(dlg.dob.line, Qt.Key.Key_Return)  # Enter accepts the dialog
    done.append(True)


def test_add_a_young_person_with_the_real_dialog(qtbot, window, store):
    done: list = []
    QTimer.singleShot(0, lambda: _fill_new_person_dialog(qtbot, "Amara", "Lewis", "02/07/2009", done))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert done
    plan = window.session.plan
    assert plan is not None and plan.person.display_name == "Amara Lewis"
    assert plan.person.date_of_birth == date(2009, 7, 2)
    assert window.pages.currentWidget() is window.plan_view
    assert "Amara Lewis" in window.plan_view.header.name.text()
    assert store.load(plan.id).person.given_name == "Amara"
    assert [s.display_name for s in store.summaries()] == ["Amara Lewis"]


def test_new_person_dialog_names_what_is_wrong(qtbot):
    dlg = NewPersonDialog(None, TODAY)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.dob.line, "31/02/2009")
    assert not dlg.validate()
    assert "given name" in dlg.blocks["given"].error_text().lower()
    assert "not a real date" in dlg.blocks["dob"].error_text()
    assert dlg.dob.text() == "31/02/2009"  # what was typed stays
    dlg.dob.line.clear()
    qtbot.keyClicks(dlg.dob.line, "1/1/2030")
    qtbot.keyClicks(dlg.given, "Sam")
    assert not dlg.validate()
    assert "future" in dlg.blocks["dob"].error_text()


def test_new_person_dialog_grows_so_messages_are_read_in_full(qtbot):
    """A message beside a field is never cut off and no box is squeezed to make room for it."""
    dlg = NewPersonDialog(None, TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    box_height = dlg.dob.line.height()
    qtbot.keyClicks(dlg.dob.line, "letters")
    assert not dlg.validate()
    qtbot.wait(10)
    err = dlg.blocks["dob"].error
    assert err.isVisible() and "not a date I can read" in err.text()
    assert err.height() >= err.heightForWidth(err.width())  # every line of it shows
    assert dlg.dob.line.height() >= box_height  # the date box is not squashed
    assert dlg.error.height() >= dlg.error.heightForWidth(dlg.error.width())


def test_person_who_matters_there_at_25_survives_closing_and_reopening(qtbot, window, store, saved_plan, data_dir):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("people")
    people = page.people
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    name = people.form.widget("name")
    assert name.hasFocus()
    qtbot.keyClicks(name, "Auntie Grace")
    there = people.form.widget("there_at_25")
    there.setFocus()
    qtbot.keyClick(there, Qt.Key.Key_Home)  # "Yes" is first in the vocabulary
    assert there.currentData() == "yes"
    assert people.model.rowCount() == 1
    assert people.model.data(people.model.index(0, 0)) == "Auntie Grace"
    window.close()  # saves at once, without waiting for the autosave
    assert not window.isVisible()
    store.close()

    from pathway_app.store import open_store

    store2 = open_store(data_dir=str(data_dir), create_unencrypted=True)
    try:
        win2 = make_window(qtbot, store2, data_dir)
        qtbot.keyClicks(win2.caseload.search, "jade")
        assert win2.caseload.proxy.rowCount() == 1
        qtbot.keyClick(win2.caseload.search, Qt.Key.Key_Return)
        plan = win2.session.plan
        assert plan is not None and plan.id == saved_plan.id
        rels = plan.relationships
        assert [(r.name, r.there_at_25.value) for r in rels] == [("Auntie Grace", "yes")]
        page2 = win2.plan_view.show_area("people")
        assert page2.people.model.rowCount() == 1
        win2.close()
    finally:
        store2.close()


def test_window_size_and_splitter_are_remembered(qtbot, store, data_dir, saved_plan):
    win = make_window(qtbot, store, data_dir)
    open_in(win, qtbot, saved_plan.id)
    win.resize(701, 523)
    win.plan_view.splitter.setSizes([233, 400])
    win.plan_view.show_area("money")
    win.close()
    win2 = make_window(qtbot, store, data_dir)
    assert (win2.width(), win2.height()) == (701, 523)
    open_in(win2, qtbot, saved_plan.id)
    assert win2.plan_view.splitter.sizes()[0] == 233
    assert win2.plan_view.current_key() == "money"
    assert isinstance(win2.settings.value("window/geometry"), QByteArray)
    win2.close()


def test_database_problem_is_shown_in_a_dialog_not_a_traceback(qtbot, boxes, tmp_path, monkeypatch):
    from pathway_app.ui import app as app_mod

    bad = tmp_path / "pathway.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    assert app_mod.run_app(data_dir=str(tmp_path)) == 1
    assert boxes.calls and boxes.calls[0][0] == "critical"
    assert "could not be opened" in boxes.calls[0][1]


def test_run_app_with_demo_shows_the_window(qtbot, tmp_path, monkeypatch):
    """run_app() opens the store, adds the demo young people and shows the list."""
    from pathway_app.ui import app as app_mod

    seen = {}

    def fake_exec():
        win = [w for w in QApplication.topLevelWidgets() if w.objectName() == "" and w.isVisible()
               and w.metaObject().className() == "MainWindow"][0]
        seen["rows"] = win.caseload.proxy.rowCount()
        win.close()
        return 0

    def choose_a_passphrase():  # a fresh machine: the first-run dialog comes first
        from pathway_app.ui.unlock import NewPassphraseDialog

        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, NewPassphraseDialog), dlg
        seen["first_run"] = True
        qtbot.keyClicks(dlg.passphrase, "blue kettle morning")
        qtbot.keyClicks(dlg.repeat, "blue kettle morning")
        qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return)

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec)
    QTimer.singleShot(0, choose_a_passphrase)
    assert app_mod.run_app(data_dir=str(tmp_path), demo=True) == 0
    assert seen.get("first_run")
    from pathway_app.demo import demo_ids

    assert seen["rows"] == len(demo_ids())


def test_ctrl_f_focuses_the_search(qtbot, window, store, saved_plan):
    window.load_caseload()
    open_in(window, qtbot, saved_plan.id)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.caseload
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    assert QApplication.focusWidget() is window.caseload.search


def test_close_with_a_problem_asks_and_keeps_the_window_open(qtbot, window, boxes, saved_plan):
    from PySide6.QtWidgets import QMessageBox

    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("about")
    given = page._forms[1][0].widget("given_name")
    given.selectAll()
    qtbot.keyClick(given, Qt.Key.Key_Delete)
    assert window.session.plan.person.given_name == ""
    boxes.answer = QMessageBox.StandardButton.Yes  # go back and fix it
    window.close()
    assert window.isVisible()
    assert boxes.calls[-1][0] == "question"
    assert "given name" in boxes.calls[-1][2].lower()
    qtbot.keyClicks(given, "Jade")
    window.close()
    assert not window.isVisible()
    wait_saved(qtbot, window)
