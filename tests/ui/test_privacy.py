"""Keeping records safe in the app: first run, unlocking, locking when idle, nothing on disk."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from pathway_app.ui.unlock import NewPassphraseDialog, StoreAccess, UnlockDialog

from .conftest import TODAY, open_in

PASSPHRASE = "river otter lantern 42"


def _modal(kind):
    dlg = QApplication.activeModalWidget()
    assert isinstance(dlg, kind), dlg
    return dlg


def _fill_new_passphrase(qtbot, first: str, second: str, done: list) -> None:
    dlg = _modal(NewPassphraseDialog)
    assert not dlg.unencrypted.isChecked()  # encrypted is the default
    qtbot.keyClicks(dlg.passphrase, first)
    assert dlg.hint.text()
    qtbot.keyClicks(dlg.repeat, second)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    done.append(dlg.blocks["repeat"].error_text())  # said once, beside the second box
    if dlg.isVisible():  # refused: say why, then put it right
        dlg.repeat.clear()
        qtbot.keyClicks(dlg.repeat, first)
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)


def _texts(root: QWidget) -> list[str]:
    """Every piece of text any widget under ``root`` holds (visible or not)."""
    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (QLabel, QLineEdit)):
            out.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        out.append(w.toolTip())
        out.append(w.accessibleName())
        out.append(w.accessibleDescription())
        view = getattr(w, "model", None)
        model = view() if callable(view) and hasattr(w, "setModel") else None
        if model is not None:
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    out.append(str(model.index(r, c).data() or ""))
    return out


# --------------------------------------------------------------------------- first run / unlock


def test_first_run_asks_for_a_passphrase_and_creates_an_encrypted_database(qtbot, data_dir):
    from pathway_app.ui.app import make_application, open_records

    make_application([])
    access = StoreAccess(data_dir=data_dir)
    done: list = []
    QTimer.singleShot(0, lambda: _fill_new_passphrase(qtbot, PASSPHRASE, "not the same one", done))
    store = open_records(access)
    try:
        assert done and "not the same" in done[0]  # the mismatch was named first
        assert store is not None and store.encrypted
        assert access.encrypted
    finally:
        store.close()
    db = data_dir / "pathway.db"
    assert db.exists()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_unlock_dialog_says_a_wrong_passphrase_and_stays_then_opens(qtbot, data_dir):
    from pathway_app.store import open_store
    from pathway_app.ui.app import make_application, open_records

    open_store(data_dir=str(data_dir), passphrase=PASSPHRASE).close()
    make_application([])
    access = StoreAccess(data_dir=data_dir)
    seen: list = []

    def drive():
        dlg = _modal(UnlockDialog)
        qtbot.keyClicks(dlg.form.passphrase, "wrong passphrase")
        qtbot.keyClick(dlg.form.passphrase, Qt.Key.Key_Return)
        seen.append((dlg.isVisible(), dlg.form.message.text(), dlg.form.passphrase.text()))
        qtbot.keyClicks(dlg.form.passphrase, PASSPHRASE)
        qtbot.mouseClick(dlg.form.button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    store = open_records(access)
    try:
        assert seen and seen[0][0], "the dialog closed after a wrong passphrase"
        assert "does not unlock" in seen[0][1] and "Nothing has been changed or deleted" in seen[0][1]
        assert seen[0][2] == ""  # the wrong passphrase is not left in the box
        assert store is not None and store.encrypted
    finally:
        if store is not None:
            store.close()
    assert (data_dir / "pathway.db").exists()  # never wiped


# --------------------------------------------------------------------------- unencrypted badge


def test_unencrypted_records_are_shown_clearly(qtbot, store, data_dir):
    from .conftest import make_window

    plain = make_window(qtbot, store, data_dir)
    assert plain.encryption_badge.text() == ""  # no access given: nothing to say
    assert plain.locking.unencrypted_banner is None
    win = make_window(qtbot, store, data_dir, access=StoreAccess(data_dir=data_dir))
    assert "Not encrypted" in win.encryption_badge.text()
    banner = win.locking.unencrypted_banner
    assert banner is not None and banner.isVisible()
    assert "not encrypted" in banner.label.text()
    assert banner.action is not None and win.encrypt_action.isEnabled()
    win.session._timer.stop()


def test_encrypt_from_the_file_menu(qtbot, data_dir, monkeypatch, saved_plan_factory):
    from pathway_app.store import open_store
    from pathway_app.ui.app import make_application, open_window

    make_application([])
    access = StoreAccess(data_dir=data_dir)
    store = access.open(create_unencrypted=True)
    plan = saved_plan_factory(store)
    access.acquire_lock()
    win = open_window(store, data_dir, lambda: TODAY, access=access)
    qtbot.addWidget(win)
    monkeypatch.setattr(NewPassphraseDialog, "ask", classmethod(lambda cls, *a, **k: {"passphrase": PASSPHRASE}))
    win.encrypt_records()
    try:
        assert win.store.encrypted and access.encrypted
        assert "Encrypted" in win.encryption_badge.text()
        assert win.locking.unencrypted_banner is None
        assert win.store.load(plan.id).person.given_name == "Jade"
    finally:
        win.store.close()
        access.release_lock()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir / "pathway.db").execute("SELECT count(*) FROM sqlite_master").fetchall()
    open_store(data_dir=str(data_dir), passphrase=PASSPHRASE).close()


@pytest.fixture
def saved_plan_factory():
    def make(store):
        from builders import minimal_plan

        plan = minimal_plan()
        store.save(plan, today=TODAY)
        return plan

    return make


# --------------------------------------------------------------------------- second copy


def test_a_second_copy_is_told_the_records_are_already_open(qtbot, data_dir, boxes):
    from pathway_app.store.lock import AlreadyOpen
    from pathway_app.ui.app import _already_open, make_application

    make_application([])
    first = StoreAccess(data_dir=data_dir)
    first.open(create_unencrypted=True).close()
    first.acquire_lock()
    try:
        second = StoreAccess(data_dir=data_dir)
        with pytest.raises(AlreadyOpen) as caught:
            second.acquire_lock()
        boxes.answer = QMessageBox.StandardButton.Close
        assert not _already_open(caught.value, second)
        assert boxes.calls[-1][1] == "Already open" and "already open" in boxes.calls[-1][2]
        boxes.answer = QMessageBox.StandardButton.Open
        assert _already_open(caught.value, second)
        ro = second.open()
        try:
            assert ro.count() == 0 and second.read_only
        finally:
            ro.close()
    finally:
        first.release_lock()


# --------------------------------------------------------------------------- idle lock


@pytest.fixture
def encrypted(data_dir):
    """Encrypted records with the demo young people, and how to open them again."""
    from pathway_app.demo import demo_plans

    access = StoreAccess(data_dir=data_dir)
    store = access.open(passphrase=PASSPHRASE)
    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    return access, store, plans


def _locking_window(qtbot, data_dir, access, store, ms=300):
    from pathway_app.ui.app import make_application, open_window

    make_application([])
    win = open_window(store, data_dir, lambda: TODAY, access=access, lock_after_ms=ms)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_idle_lock_clears_every_young_person_off_the_screen_and_unlock_restores(qtbot, data_dir, encrypted):
    access, store, plans = encrypted
    win = _locking_window(qtbot, data_dir, access, store, ms=60_000)
    names = {p.person.given_name for p in plans} | {p.person.family_name for p in plans}
    me = plans[0]
    view = open_in(win, qtbot, me.id)
    view.show_area("people")
    win.enter_together()
    win.leave_together()
    view.show_area("people")
    assert any(me.person.given_name in t for t in _texts(win))
    win.locking.idle.set_timeout_ms(400)  # only now: on a busy machine, opening may itself take 400 ms
    with qtbot.waitSignal(win.lockedChanged, timeout=3000):
        pass  # nothing is typed: the app locks itself
    assert win.locked and win.pages.currentWidget() is win.lock_screen
    assert win.store is None  # the engine was disposed
    assert win.caseload.model.rowCount() == 0
    assert win.session.plan is None and win.session.undo_stack.count() == 0
    leaks = [t for t in _texts(win) for n in names if n and n in t]
    assert not leaks, leaks
    assert not win.pdf_action.isEnabled() and not win.new_action.isEnabled()
    assert "locked itself" in win.lock_screen.why.text()

    form = win.lock_screen.form
    qtbot.keyClicks(form.passphrase, "not it at all")
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert win.locked and "does not unlock" in form.message.text()
    qtbot.keyClicks(form.passphrase, PASSPHRASE)
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert not win.locked
    assert win.session.plan is not None and win.session.plan.id == me.id
    assert win.pages.currentWidget() is win.plan_view and win.plan_view.current_key() == "people"
    assert win.caseload.model.rowCount() == len(plans)
    assert me.person.display_name in win.windowTitle()
    win.close()
    win.store.close()


def test_typing_keeps_the_app_unlocked(qtbot, data_dir, encrypted):
    access, store, plans = encrypted
    win = _locking_window(qtbot, data_dir, access, store, ms=600)
    for _ in range(6):
        qtbot.keyClick(win.caseload.search, Qt.Key.Key_A)
        qtbot.wait(200)
    assert not win.locked
    win.close()
    store.close()


def test_unsaved_work_survives_locking(qtbot, data_dir, encrypted):
    """A change that cannot be saved yet (a bad date) is kept in memory, off screen, and comes back."""
    access, store, plans = encrypted
    win = _locking_window(qtbot, data_dir, access, store, ms=60_000)
    view = open_in(win, qtbot, plans[0].id)
    page = view.show_area("about")
    f = page._forms[1][0]
    f.widget("strengths").setPlainText("Brilliant at maths, kind to her brother")
    f.widget("date_of_birth").set_text("31/02/2009")
    f.widget("date_of_birth").edited.emit("31/02/2009")
    win.lock()
    assert win.locked and "Brilliant" not in " ".join(_texts(win))
    form = win.lock_screen.form
    qtbot.keyClicks(form.passphrase, PASSPHRASE)
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    assert not win.locked
    assert win.session.plan.person.strengths == "Brilliant at maths, kind to her brother"
    win.session.open(None)
    win.close()
    win.store.close()


def test_unencrypted_records_lock_with_a_plain_continue(qtbot, data_dir, store):
    from pathway_app.ui.app import make_application, open_window

    from builders import minimal_plan

    plan = minimal_plan(given_name="Zebedee")
    store.save(plan, today=TODAY)
    access = StoreAccess(data_dir=data_dir)
    access.encrypted = False
    make_application([])
    win = open_window(store, data_dir, lambda: TODAY, access=access, lock_after_ms=60_000)
    qtbot.addWidget(win)
    win.lock()
    assert win.locked and not win.lock_screen.form.passphrase.isVisibleTo(win.lock_screen)
    assert "Zebedee" not in " ".join(_texts(win))
    assert win.lock_screen.form.button.text().replace("&", "") == "Continue"
    win.lock_screen.form.button.click()
    assert not win.locked and win.caseload.model.rowCount() == 1
    win.close()
    win.store.close()


def test_lock_setting_is_at_most_15_minutes_and_kept_in_window_ini(qtbot, window, data_dir, monkeypatch):
    from pathway_app.ui.dialogs import LockSettingsDialog
    from pathway_app.ui.idle import clamp_minutes

    assert window.locking.idle.timeout_ms == 5 * 60_000  # the default
    assert clamp_minutes(60) == 15 and clamp_minutes("x") == 5 and clamp_minutes(0) == 1
    dlg = LockSettingsDialog(30)
    qtbot.addWidget(dlg)
    assert dlg.minutes.value() == 15 and dlg.minutes.maximum() == 15
    monkeypatch.setattr(LockSettingsDialog, "ask", classmethod(lambda cls, parent, minutes: 9))
    window.lock_settings()
    assert window.locking.idle.timeout_ms == 9 * 60_000
    assert "lock_minutes=9" in (data_dir / "window.ini").read_text()


# --------------------------------------------------------------------------- nothing on disk


def test_a_marker_name_is_never_written_outside_the_encrypted_database(qtbot, data_dir, tmp_path_factory,
                                                                        monkeypatch):
    """Use the app with a unique name; then look in every file the app could have written."""
    import tempfile

    from pathway_app.ui.pdf_dialog import PdfExportDialog

    tmp = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    marker = "Zqxmarkerwyv"
    access = StoreAccess(data_dir=data_dir)
    store = access.open(passphrase=PASSPHRASE)
    access.acquire_lock()
    win = _locking_window(qtbot, data_dir, access, store, ms=60_000)
    from pathway_app.ui.dialogs import NewPersonDialog

    monkeypatch.setattr(NewPersonDialog, "ask", classmethod(lambda cls, parent, today=None: {
        "given_name": marker, "family_name": marker + "son", "preferred_name": "",
        "date_of_birth": date(2009, 5, 1)}))
    win.add_person()
    plan = win.session.plan
    assert plan.person.given_name == marker
    page = win.plan_view.show_area("about")
    f = page._forms[1][0]
    f.widget("strengths").setPlainText(f"{marker} is kind")
    qtbot.waitUntil(lambda: win.session.state == "saved" and not win.session.dirty, timeout=3000)

    def preview_then_close():
        dlg = _modal(PdfExportDialog)
        qtbot.waitUntil(lambda: not dlg.preview.pixmap().isNull(), timeout=15000)
        dlg.reject()

    QTimer.singleShot(0, preview_then_close)
    win.export_pdf()
    win.enter_together()
    qtbot.keyClicks(win.together.answer, f"{marker} likes drawing")
    win.leave_together()
    win.lock()
    win.lock_screen.form.passphrase.setText(PASSPHRASE)
    win.lock_screen.form.submit()
    assert not win.locked
    win.close()
    win.store.close()
    access.release_lock()

    needle = marker.encode()
    forms = [needle, marker.encode("utf-16-le"), marker.lower().encode()]
    found = []
    for root in (data_dir, tmp):
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if any(n in data for n in forms):
                    found.append(str(path))
    assert not found, found
    # and the records really are there
    from pathway_app.store import open_store

    again = open_store(data_dir=str(data_dir), passphrase=PASSPHRASE)
    try:
        assert again.load(plan.id).person.strengths == f"{marker} is kind"
    finally:
        again.close()


def test_locking_by_hand_does_not_say_it_locked_itself(qtbot, data_dir, encrypted):
    """Ctrl+L: the lock screen does not claim the app sat unused for minutes."""
    access, store, plans = encrypted
    win = _locking_window(qtbot, data_dir, access, store, ms=300_000)
    open_in(win, qtbot, plans[0].id)
    win.activateWindow()
    qtbot.keyClick(win.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.locked
    why = win.lock_screen.why.text()
    assert "locked itself" not in why and "without use" not in why
    assert "Type the passphrase" in why
    win.lock_screen.form.passphrase.setText(PASSPHRASE)
    win.lock_screen.form.submit()
    assert not win.locked
    win.session._timer.stop()
    win.store.close()
