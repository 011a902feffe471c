"""pathway_app/ui/unlock.py: choosing a passphrase, unlocking, the lock screen, reopening records."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from pathway_app.errors import DatabaseProblem, TryAgainLater, WrongPassphrase
from pathway_app.ui.unlock import (
    LockScreen,
    NewPassphraseDialog,
    StoreAccess,
    UnlockDialog,
    UnlockForm,
    local_db_path,
    plain_seconds,
    strength,
)

PASSPHRASE = "river otter lantern 42"


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize("text,level,words", [
    ("", 0, "At least 8 characters"),
    ("abc", 0, "Too short: 5 more characters needed."),
    ("aaaaaaaaaaaa", 1, "too many repeated characters"),
    ("kettle12", 1, "Weak"),
    ("blue kettle", 2, "Good"),
    ("blue kettle morning walk", 3, "Strong"),
])
def test_strength_says_how_strong_in_plain_words(text, level, words):
    got, hint = strength(text)
    assert got == level and words in hint


@pytest.mark.parametrize("seconds,words", [(0, "0 seconds"), (1, "1 second"), (1.2, "2 seconds"),
                                           (60, "1 minute"), (125, "2 minutes 5 s")])
def test_plain_seconds(seconds, words):
    assert plain_seconds(seconds) == words


# --------------------------------------------------------------------------- a new passphrase


def test_first_run_dialog_refuses_a_short_passphrase_and_offers_unencrypted(qtbot):
    dlg = NewPassphraseDialog(None)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.passphrase, "short")
    assert "Too short" in dlg.hint.text()
    assert not dlg.validate()
    assert "at least 8" in dlg.blocks["passphrase"].error_text()
    dlg.unencrypted.setChecked(True)
    assert not dlg.passphrase.isEnabled()
    assert dlg.validate() and dlg.values == {"create_unencrypted": True}
    assert "unencrypted" in dlg.ok.text().lower()


def test_two_different_passphrases_are_refused_beside_the_second_box(qtbot):
    dlg = NewPassphraseDialog(None)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.passphrase, PASSPHRASE)
    qtbot.keyClicks(dlg.repeat, PASSPHRASE + "!")
    assert not dlg.validate()
    assert "not the same" in dlg.blocks["repeat"].error_text()
    assert dlg.blocks["passphrase"].error_text() == ""
    dlg.repeat.clear()
    qtbot.keyClicks(dlg.repeat, PASSPHRASE)
    assert dlg.validate() and dlg.values == {"passphrase": PASSPHRASE}


def test_show_what_i_type(qtbot):
    dlg = NewPassphraseDialog(None)
    qtbot.addWidget(dlg)
    assert dlg.passphrase.echoMode() == QLineEdit.EchoMode.Password
    dlg.show_text.setChecked(True)
    assert dlg.passphrase.echoMode() == dlg.repeat.echoMode() == QLineEdit.EchoMode.Normal


def test_encrypting_later_offers_no_unencrypted_choice(qtbot):
    dlg = NewPassphraseDialog(None, allow_unencrypted=False, title="Encrypt these records")
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Encrypt these records"
    assert dlg.unencrypted.parentWidget().isHidden()


def test_ask_returns_the_passphrase_and_leaves_none_in_the_boxes(qtbot):
    seen: list = []

    def fill():
        from PySide6.QtWidgets import QApplication

        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, NewPassphraseDialog)
        seen.append(dlg)
        dlg.passphrase.setText(PASSPHRASE)
        dlg.repeat.setText(PASSPHRASE)
        dlg.ok.click()

    QTimer.singleShot(0, fill)
    assert NewPassphraseDialog.ask(None) == {"passphrase": PASSPHRASE}
    assert seen[0].passphrase.text() == "" and seen[0].repeat.text() == ""


# --------------------------------------------------------------------------- unlocking


def test_try_again_later_shows_a_countdown_and_then_allows_another_try(qtbot):
    form = UnlockForm(None)
    qtbot.addWidget(form)
    tries: list = []

    def attempt(passphrase):
        tries.append(passphrase)
        if len(tries) == 1:
            raise TryAgainLater(2)
        return "opened"

    opened: list = []
    form.unlocked.connect(opened.append)
    form.attempt = attempt
    qtbot.keyClicks(form.passphrase, "anything")
    form.submit()
    assert not form.button.isEnabled() and form.waiting() == 2
    assert "2 seconds" in form.message.text() and "nothing has been changed" in form.message.text()
    assert form.button.text().startswith("Wait")
    form.submit()
    assert len(tries) == 1  # no try while waiting
    qtbot.waitUntil(lambda: form.button.isEnabled(), timeout=4000)
    qtbot.keyClicks(form.passphrase, "anything")
    form.submit()
    assert opened == ["opened"]


def test_a_wrong_passphrase_is_said_and_the_box_emptied(qtbot):
    form = UnlockForm(None)
    qtbot.addWidget(form)
    form.attempt = lambda passphrase: (_ for _ in ()).throw(
        WrongPassphrase("That passphrase does not unlock these records."))
    qtbot.keyClicks(form.passphrase, "not it")
    form.submit()
    assert "does not unlock" in form.message.text() and form.passphrase.text() == ""
    assert form.button.isEnabled() and form.waiting() == 0


def test_a_wrong_passphrase_that_must_wait_counts_down(qtbot):
    form = UnlockForm(None)
    qtbot.addWidget(form)
    form.attempt = lambda passphrase: (_ for _ in ()).throw(WrongPassphrase("Not that one.", wait_seconds=3))
    qtbot.keyClicks(form.passphrase, "not it")
    form.submit()
    assert form.waiting() == 3 and not form.passphrase.isEnabled()
    assert "3 seconds" in form.message.text()


def test_nothing_is_tried_without_a_passphrase(qtbot):
    form = UnlockForm(None)
    qtbot.addWidget(form)
    tries: list = []
    form.attempt = tries.append
    form.submit()
    assert tries == [] and "Type the passphrase" in form.message.text()


def test_a_problem_a_passphrase_cannot_fix_is_handed_on(qtbot):
    form = UnlockForm(None)
    qtbot.addWidget(form)
    form.attempt = lambda passphrase: (_ for _ in ()).throw(DatabaseProblem("The disk is full."))
    qtbot.keyClicks(form.passphrase, PASSPHRASE)
    with qtbot.waitSignal(form.problem) as got:
        form.submit()
    assert str(got.args[0]) == "The disk is full."


def test_unencrypted_records_only_need_continue(qtbot):
    form = UnlockForm(None, needs_passphrase=False)
    qtbot.addWidget(form)
    form.attempt = lambda passphrase: ("opened", passphrase)
    assert form.passphrase.parentWidget().isHidden() and form.button.text() == "&Continue"
    with qtbot.waitSignal(form.unlocked) as got:
        form.submit()
    assert got.args == [("opened", None)]


def test_unlock_dialog_returns_what_the_attempt_gave(qtbot):
    def unlock():
        from PySide6.QtWidgets import QApplication

        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, UnlockDialog)
        dlg.form.passphrase.setText(PASSPHRASE)
        dlg.form.submit()

    QTimer.singleShot(0, unlock)
    assert UnlockDialog.run(None, lambda p: f"store for {p}", "Records: here") == f"store for {PASSPHRASE}"


def test_unlock_dialog_raises_a_problem_it_cannot_solve(qtbot):
    def unlock():
        from PySide6.QtWidgets import QApplication

        dlg = QApplication.activeModalWidget()
        dlg.form.passphrase.setText(PASSPHRASE)
        dlg.form.submit()

    def attempt(_p):
        raise DatabaseProblem("The records are on a drive that is not there.")

    QTimer.singleShot(0, unlock)
    with pytest.raises(DatabaseProblem, match="not there"):
        UnlockDialog.run(None, attempt)


def test_the_lock_screen_says_why_and_what_to_do(qtbot):
    screen = LockScreen(None)
    qtbot.addWidget(screen)
    screen.show_locked(lambda p: "opened", True, "It locked itself after 5 minutes without use.")
    assert screen.why.text() == ("It locked itself after 5 minutes without use. "
                                 "Type the passphrase to carry on where you were.")
    screen.show_locked(lambda p: "opened", False, "It was locked.")
    assert screen.why.text().endswith("Press Continue to carry on where you were.")
    with qtbot.waitSignal(screen.unlocked) as got:
        screen.form.submit()
    assert got.args == ["opened"]


# --------------------------------------------------------------------------- opening the same records again


def test_store_access_opens_the_same_records_again(data_dir):
    access = StoreAccess(data_dir=data_dir)
    assert access.path == data_dir / "pathway.db"
    store = access.open(passphrase=PASSPHRASE)
    store.close()
    assert access.encrypted and access.needs_passphrase
    again = access.open(passphrase=PASSPHRASE)
    assert again.encrypted
    again.close()
    with pytest.raises(WrongPassphrase):
        access.open(passphrase="not it at all")


def test_plain_records_reopen_without_a_passphrase(data_dir):
    access = StoreAccess(data_dir=data_dir)
    access.open(create_unencrypted=True).close()
    assert not access.needs_passphrase
    access.open().close()


def test_one_copy_of_the_app_holds_the_records_and_a_second_may_only_read(data_dir):
    from pathway_app.store.lock import AlreadyOpen

    first, second = StoreAccess(data_dir=data_dir), StoreAccess(data_dir=data_dir)
    first.acquire_lock()
    try:
        with pytest.raises(AlreadyOpen):
            second.acquire_lock()
        second.use_read_only()
        assert second.read_only and "mode=ro" in (second.url or "")
        second.acquire_lock()  # read-only: nothing to hold
    finally:
        first.release_lock()
    second.release_lock()


def test_local_db_path(tmp_path):
    assert local_db_path(f"sqlite:///{tmp_path / 'x.db'}") == tmp_path / "x.db"
    assert local_db_path(None, tmp_path) == tmp_path / "pathway.db"
    assert local_db_path("postgresql://team@server/pathway") is None
