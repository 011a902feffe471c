"""Keeping the records locked: the first-run passphrase, unlocking, the lock screen.

- :class:`NewPassphraseDialog` — "Keep these records safe": choose a passphrase (twice), or,
  explicitly and discouraged, keep the database unencrypted. ``NewPassphraseDialog.ask(parent)``
  returns ``{"passphrase": …}``, ``{"create_unencrypted": True}`` or ``None``.
- :class:`UnlockForm` — a passphrase box with an Unlock button that tries a caller's
  ``attempt(passphrase)`` function: a wrong passphrase is said plainly and the form stays; after
  too many, a countdown runs until the next try is allowed. Nothing is ever wiped.
- :class:`UnlockDialog` — the form in a dialog, for opening the app:
  ``UnlockDialog.run(parent, attempt, where)`` returns what ``attempt`` returned, or ``None``.
- :class:`LockScreen` — the page the main window shows after it locks itself.
- :class:`StoreAccess` — how to open (and reopen after a lock) the same records.

None of these widgets know about the main window; they are given a function to call.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import TryAgainLater, UserFacingError, WrongPassphrase
from ..store.protocol import StoreProtocol
from . import theme
from .fields import FieldBlock
from .messages import say

if TYPE_CHECKING:
    from ..store.lock import Lock

MIN_CHARS = 8


def plain_seconds(s: float) -> str:
    s = max(0, int(math.ceil(s)))
    if s < 60:
        return f"{s} second{'s' if s != 1 else ''}"
    m, r = divmod(s, 60)
    return f"{m} minute{'s' if m != 1 else ''}" + (f" {r} s" if r else "")


def strength(passphrase: str) -> tuple[int, str]:
    """A rough strength (0–3) and a plain hint; length and variety count, words count most."""
    text = unicodedata.normalize("NFC", passphrase)
    n = len(text)
    if n == 0:
        return 0, f"At least {MIN_CHARS} characters. A few ordinary words with spaces between them are easy to remember and hard to guess."
    if n < MIN_CHARS:
        return 0, f"Too short: {MIN_CHARS - n} more character{'s' if MIN_CHARS - n != 1 else ''} needed."
    kinds = sum((any(c.islower() for c in text), any(c.isupper() for c in text),
                 any(c.isdigit() for c in text), any(not c.isalnum() for c in text)))
    words = len([w for w in text.split() if len(w) >= 3])
    if len(set(text)) <= 3:
        return 1, "Weak: too many repeated characters. Try a few ordinary words."
    score = n + 4 * (kinds - 1) + 6 * max(0, words - 1)
    if score >= 28:
        return 3, "Strong. Keep it somewhere safe: without it these records cannot be opened."
    if score >= 16:
        return 2, "Good. A longer one (another word or two) would be stronger."
    return 1, "Weak: add another word or two."


class StoreAccess:
    """How to open the same records again (after the app locked itself).

    ``url``/``data_dir`` are as for :func:`pathway_app.store.open_store`; ``path`` is the local
    database file (``None`` for a server database).
    """

    def __init__(self, url: str | None = None, data_dir: str | Path | None = None, user: str | None = None):
        self.url = url
        self.data_dir = str(data_dir) if data_dir is not None else None
        self.user = user
        self.encrypted: bool | None = None
        self.path = local_db_path(url, data_dir)
        self.read_only = False
        self._lock: Lock | None = None

    # the records lock: one copy of the app per database file
    def acquire_lock(self) -> None:
        """Hold the records for this copy of the app; raises the store's ``AlreadyOpen``."""
        if self.path is None or self.read_only or self._lock is not None:
            return
        from ..store.lock import acquire

        self._lock = acquire(self.path)

    def release_lock(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def use_read_only(self) -> None:
        """Open the same file read-only from now on (another copy of the app has it)."""
        from ..store.lock import read_only_url

        if self.path is not None:
            self.url = read_only_url(self.path)
            self.data_dir = None
            self.read_only = True

    def open(self, passphrase: str | None = None, create_unencrypted: bool = False) -> StoreProtocol:
        from ..store import open_store

        kwargs: dict[str, Any] = {}
        if passphrase is not None:
            kwargs["passphrase"] = passphrase
        if create_unencrypted:
            kwargs["create_unencrypted"] = True
        if self.user is not None:
            kwargs["user"] = self.user
        store = open_store(self.url, self.data_dir, **kwargs)
        self.encrypted = store.encrypted
        return store

    @property
    def needs_passphrase(self) -> bool:
        """True when reopening asks for the passphrase (the records are encrypted)."""
        return bool(self.encrypted)


def local_db_path(url: str | None, data_dir: str | Path | None = None) -> Path | None:
    """The SQLite file the app would open, or None for a server database."""
    from .. import paths

    if url is None:
        return paths.default_db_path(Path(data_dir) if data_dir else None)
    try:
        from ..store.engine import parse_url, sqlite_file

        return sqlite_file(parse_url(url))
    except Exception:  # an address the store will explain when it is opened
        return None


def _fit_height(dialog: QDialog, width: int) -> None:
    """Open ``dialog`` ``width`` wide and tall enough for all its wrapped text (and grow it,
    never shrink it, when a message appears: no line of help is ever cut off)."""
    dialog.setMinimumWidth(width)
    dialog.ensurePolished()
    for w in dialog.findChildren(QWidget):
        w.ensurePolished()  # style-sheet padding counts in the size hints
    lay = dialog.layout()
    if lay is not None:
        lay.activate()
    height = dialog.sizeHint().height()
    if lay is not None and lay.hasHeightForWidth():
        height = max(height, lay.heightForWidth(width))
    dialog.setMinimumHeight(height)
    dialog.resize(width, max(height, dialog.height() if dialog.isVisible() else 0))


# --------------------------------------------------------------------------- first run


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice, with how strong it is and *Show what I type*: the records'
    own passphrase and a share file's are chosen with the same boxes and the same rules."""

    def __init__(self, label: str = "&Passphrase", name: str = "New passphrase", parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(name)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("The passphrase again")
        self.blocks = {
            "passphrase": FieldBlock(label, self.passphrase, f"At least {MIN_CHARS} characters", parent=self),
            "repeat": FieldBlock("Type it &again", self.repeat, "The same passphrase, to be sure", parent=self),
        }
        lay.addWidget(self.blocks["passphrase"])
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("How strong the passphrase is")
        theme.set_font(self.hint, 0.92)
        lay.addWidget(self.hint)
        lay.addWidget(self.blocks["repeat"])
        self.show_text = QCheckBox("&Show what I type", self)
        self.show_text.toggled.connect(self._on_show)
        lay.addWidget(self.show_text)
        self.passphrase.textChanged.connect(self._update_hint)
        self.passphrase.textChanged.connect(self._recheck)
        self.repeat.textChanged.connect(self._recheck)
        self._update_hint("")

    def _on_show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def _update_hint(self, text: str) -> None:
        level, words = strength(text)
        self.hint.setText(["", "◔ ", "◑ ", "● "][level] + words)
        theme.tone(self.hint, "attention" if text and level <= 1 else ("calm" if level >= 2 else "muted"))

    def _recheck(self, _text: str = "") -> None:
        """A problem shown goes as soon as it is put right (the two now match; long enough)."""
        if self.blocks["passphrase"].error_text() and len(unicodedata.normalize("NFC", self.passphrase.text())) >= MIN_CHARS:
            self.blocks["passphrase"].set_error("")
            self.hint.setVisible(True)
        if self.blocks["repeat"].error_text() and self.repeat.text() == self.passphrase.text():
            self.blocks["repeat"].set_error("")

    def clear_problems(self) -> None:
        for b in self.blocks.values():
            b.set_error("")
        self.hint.setVisible(True)

    def validate(self) -> bool:
        """Say each problem once, beside its box (the cursor goes there); True when it can be used."""
        self.clear_problems()
        text = self.passphrase.text()
        length = len(unicodedata.normalize("NFC", text))
        if length < MIN_CHARS:
            self.blocks["passphrase"].set_error(say("passphrase_short", least=MIN_CHARS, more=MIN_CHARS - length))
            self.hint.setVisible(False)  # it would say the same again
            self.passphrase.setFocus()
            return False
        if self.repeat.text() != text:
            self.blocks["repeat"].set_error(say("passphrases_differ"))
            self.repeat.setFocus()
            return False
        return True

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()


class NewPassphraseDialog(QDialog):
    """"Keep these records safe": a new passphrase, or (discouraged) no encryption."""

    def __init__(self, parent: QWidget | None = None, allow_unencrypted: bool = True, title: str = ""):
        super().__init__(parent)
        self.setObjectName("NewPassphraseDialog")
        self.setWindowTitle(title or "Keep these records safe")
        self.setStyleSheet(theme.style())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 18)
        lay.setSpacing(12)
        heading = QLabel("Keep these records safe", self)
        theme.set_font(heading, 1.5, bold=True)
        heading.setAccessibleName("Keep these records safe")
        lay.addWidget(heading)
        for text in (
            "These are young people's most private records. Choose a passphrase to lock them: "
            "if this computer is lost or someone else uses it, the records cannot be read without it.",
            "You will type it each time you open Pathway Planner, and after it has locked itself "
            "when no one has used it for a few minutes. There is no way to open the records "
            "without it, so keep it somewhere safe (your team may keep a sealed copy).",
        ):
            intro = QLabel(text, self)
            intro.setWordWrap(True)
            lay.addWidget(intro)
        self.fields = NewPassphraseFields(parent=self)
        lay.addWidget(self.fields)
        # the boxes by the names the rest of the app (and its tests) use
        self.passphrase, self.repeat, self.blocks = self.fields.passphrase, self.fields.repeat, self.fields.blocks
        self.hint, self.show_text = self.fields.hint, self.fields.show_text

        self.unencrypted = QCheckBox("Keep this database &unencrypted (not recommended)", self)
        self.unencrypted.setAccessibleDescription("Anyone who gets the file can read every record")
        self.unencrypted_note = QLabel(
            "Only for trying the app with made-up young people, or on a computer whose whole disk is "
            "already encrypted and used by no one else. Anyone who gets the database file can read "
            "every record in it. You can encrypt it later from the File menu.", self)
        self.unencrypted_note.setWordWrap(True)
        theme.set_font(self.unencrypted_note, 0.92)
        theme.tone(self.unencrypted_note, "muted")
        box = QFrame(self)
        box.setObjectName("PractitionerOnly")
        bl = QVBoxLayout(box)
        bl.setContentsMargins(12, 8, 12, 10)
        bl.addWidget(self.unencrypted)
        bl.addWidget(self.unencrypted_note)
        box.setVisible(allow_unencrypted)
        lay.addWidget(box)
        self.unencrypted.toggled.connect(self._on_unencrypted)

        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.ok = QPushButton(self)
        self.ok.setObjectName("Primary")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._accept)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        lay.addLayout(row)
        self._on_unencrypted(False)
        _fit_height(self, self.fontMetrics().horizontalAdvance("x") * 84)

    def _on_unencrypted(self, on: bool) -> None:
        for w in (self.passphrase, self.repeat, self.show_text):
            w.setEnabled(not on)
        self.ok.setText("Keep them &unencrypted" if on else "&Lock the records with this passphrase")
        self.ok.setAccessibleName(self.ok.text().replace("&", ""))
        theme.fit_text(self.ok)
        self.fields.clear_problems()

    @property
    def values(self) -> dict[str, Any]:
        if self.unencrypted.isChecked():
            return {"create_unencrypted": True}
        return {"passphrase": self.passphrase.text()}

    def validate(self) -> bool:
        """Say each problem once, beside its box; True when the passphrase can be used."""
        self.fields.clear_problems()
        if self.unencrypted.isChecked() or self.fields.validate():
            return True
        _fit_height(self, self.width())
        return False

    def _accept(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, allow_unencrypted: bool = True, title: str = "") -> dict[str, Any] | None:
        dlg = cls(parent, allow_unencrypted, title)
        try:
            return dlg.values if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.passphrase.clear()
            dlg.repeat.clear()
            dlg.deleteLater()


# --------------------------------------------------------------------------- unlocking


class UnlockForm(QWidget):
    """A passphrase box and an Unlock button that calls ``attempt(passphrase)``.

    ``attempt`` returns something (the store) or raises: a wrong passphrase is shown and the
    form stays; "try again later" starts a countdown; any other problem is emitted.
    With ``needs_passphrase=False`` (unencrypted records) there is only a Continue button.

    Signals:
        unlocked(object result): ``attempt`` succeeded; ``result`` is what it returned.
        problem(object error): ``attempt`` failed for a reason a passphrase cannot fix.
    """

    unlocked = Signal(object)
    problem = Signal(object)

    def __init__(self, parent: QWidget | None = None, needs_passphrase: bool = True):
        super().__init__(parent)
        self.attempt: Callable[[str], Any] | None = None
        self.needs_passphrase = needs_passphrase
        self._wait_left = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.returnPressed.connect(self.submit)
        self.block = FieldBlock("&Passphrase", self.passphrase, "The passphrase chosen for these records", parent=self)
        lay.addWidget(self.block)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Why it did not unlock")
        theme.tone(self.message, "attention")
        self.message.setVisible(False)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self._row = row
        row.addStretch(1)
        self.button = QPushButton(self)
        self.button.setObjectName("Primary")
        self.button.setAutoDefault(False)  # Return in the box submits once (returnPressed), not twice
        self.button.clicked.connect(self.submit)
        row.addWidget(self.button)
        lay.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.set_needs_passphrase(needs_passphrase)

    def add_secondary(self, button: QPushButton) -> None:
        """Put another button (Quit) at the start of the button row."""
        self._row.insertWidget(0, button)

    def set_needs_passphrase(self, needs: bool) -> None:
        self.needs_passphrase = needs
        self.block.setVisible(needs)
        self._set_button_text()

    def _set_button_text(self) -> None:
        if self._wait_left > 0:
            text = f"Wait {plain_seconds(self._wait_left)}"
        else:
            text = "&Unlock" if self.needs_passphrase else "&Continue"
        self.button.setText(text)
        self.button.setAccessibleName(text.replace("&", ""))
        theme.fit_text(self.button)

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.setVisible(False)
        self.message.clear()

    def focus(self) -> None:
        (self.passphrase if self.needs_passphrase else self.button).setFocus(Qt.FocusReason.OtherFocusReason)

    def waiting(self) -> int:
        """Seconds left before another try is allowed (0: now)."""
        return self._wait_left

    def submit(self) -> None:
        if self.attempt is None or self._wait_left > 0:
            return
        text = self.passphrase.text() if self.needs_passphrase else ""
        if self.needs_passphrase and not text:
            self._say("Type the passphrase for these records.")
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.attempt(text if self.needs_passphrase else None)
        except TryAgainLater as exc:
            self.passphrase.clear()
            self._start_wait(exc.wait_seconds, str(exc))
            return
        except WrongPassphrase as exc:
            self.passphrase.clear()
            if exc.wait_seconds > 0:
                self._start_wait(exc.wait_seconds, str(exc))
            else:
                self._say(str(exc) or "That passphrase does not unlock these records.")
            self.passphrase.setFocus()
            return
        except UserFacingError as exc:
            self.passphrase.clear()
            self.problem.emit(exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.reset()
        self.unlocked.emit(result)

    def _say(self, text: str) -> None:
        self.message.setText("⚠ " + text)
        self.message.setVisible(True)
        win = self.window()
        if isinstance(win, QDialog):  # grow the dialog so the message is never squeezed
            _fit_height(win, win.width())

    def _start_wait(self, seconds: float, text: str) -> None:
        self._wait_left = max(1, int(math.ceil(seconds)))
        self._base_text = text.split(" Please wait")[0].split(" Too many tries")[0]
        self.button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self._show_wait()
        self._timer.start()

    def _show_wait(self) -> None:
        self._say(f"{self._base_text} Please wait {plain_seconds(self._wait_left)} before the next try. "
                  "Your records are safe: nothing has been changed or deleted.")
        self._set_button_text()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left > 0:
            self._show_wait()
            return
        self._timer.stop()
        self._wait_left = 0
        self.button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self._say("You can try again now.")
        self._set_button_text()
        self.focus()


class UnlockDialog(QDialog):
    """"Unlock your records": the passphrase for existing encrypted records."""

    def __init__(self, where: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("UnlockDialog")
        self.setWindowTitle("Unlock your records")
        self.setStyleSheet(theme.style())
        self.result_value: Any = None
        self.error: BaseException | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 18)
        lay.setSpacing(12)
        heading = QLabel("Unlock your records", self)
        theme.set_font(heading, 1.5, bold=True)
        lay.addWidget(heading)
        intro = QLabel("These records are encrypted. Type the passphrase to open them.", self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        if where:
            w = QLabel(where, self)
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            theme.set_font(w, 0.9)
            theme.tone(w, "muted")
            lay.addWidget(w)
        self.form = UnlockForm(self)
        self.form.unlocked.connect(self._on_unlocked)
        self.form.problem.connect(self._on_problem)
        lay.addWidget(self.form)
        self.cancel = QPushButton("&Quit", self)
        self.cancel.setAccessibleName("Quit without opening the records")
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.form.add_secondary(self.cancel)
        _fit_height(self, self.fontMetrics().horizontalAdvance("x") * 72)
        self.form.focus()

    def _on_unlocked(self, result: Any) -> None:
        self.result_value = result
        self.accept()

    def _on_problem(self, error: BaseException) -> None:
        self.error = error
        self.reject()

    @classmethod
    def run(cls, parent: QWidget | None, attempt: Callable[[str | None], Any], where: str = "") -> Any:
        """What ``attempt`` returned once a passphrase worked; None if the person quit.

        Raises the store's error when the records cannot be opened for another reason.
        """
        dlg = cls(where, parent)
        dlg.form.attempt = attempt
        try:
            dlg.exec()
            if dlg.error is not None:
                raise dlg.error
            return dlg.result_value
        finally:
            dlg.form.reset()
            dlg.deleteLater()


# --------------------------------------------------------------------------- the lock screen


class LockScreen(QWidget):
    """Shown instead of everything else while the app is locked. Shows no personal data.

    Signals:
        unlocked(object result): the records were opened again (``result`` from ``attempt``).
        problem(object error): they could not be opened for a reason a passphrase cannot fix.
    """

    unlocked = Signal(object)
    problem = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LockScreen")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        card = QFrame(self)
        card.setObjectName("Card")
        em = self.fontMetrics().horizontalAdvance("x")
        card.setMaximumWidth(em * 80)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(32, 28, 32, 24)
        lay.setSpacing(12)
        self.title = QLabel("Pathway Planner is locked", card)
        theme.set_font(self.title, 1.6, bold=True)
        self.title.setAccessibleName("Pathway Planner is locked")
        lay.addWidget(self.title)
        self.why = QLabel(card)
        self.why.setWordWrap(True)
        lay.addWidget(self.why)
        self.form = UnlockForm(card)
        self.form.unlocked.connect(self.unlocked)
        self.form.problem.connect(self.problem)
        lay.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    def show_locked(self, attempt: Callable[[str | None], Any], needs_passphrase: bool, why: str) -> None:
        self.form.attempt = attempt
        self.form.reset()
        self.form.set_needs_passphrase(needs_passphrase)
        more = ("Type the passphrase to carry on where you were." if needs_passphrase
                else "Press Continue to carry on where you were.")
        self.why.setText(f"{why} {more}")
        self.form.focus()


__all__ = ["LockScreen", "NewPassphraseDialog", "StoreAccess", "UnlockDialog", "UnlockForm", "local_db_path",
           "strength"]
