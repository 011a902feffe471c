"""Dialogs, each opened through a classmethod that builds, runs, reads and frees it.

Tests replace the classmethods (``monkeypatch.setattr(NewPersonDialog, "ask", ...)``) the way
they replace ``QMessageBox``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import help_text, label
from . import theme
from .fields import DATE_HINT, DateField, FieldBlock, grid, parse_date, with_mnemonic
from .messages import say


def _block(field_id: str, key: str, widget: QWidget, hint: str = "") -> FieldBlock:
    """A field of a plan outside a form: its words from the field catalogue."""
    help_ = " ".join(t for t in (help_text(field_id), hint) if t)
    return FieldBlock(with_mnemonic(label(field_id), key), widget, help_)



class NewPersonDialog(QDialog):
    """The few facts needed to start a plan: a name and a date of birth — and, if known, the
    day they came into care (their first care episode, and where Home now starts)."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.setWindowTitle("Add a young person")
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        intro = QLabel("Start with their name and date of birth. Everything else can be filled in together.", self)
        intro.setAccessibleName("What is needed to start")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.given = QLineEdit(self)
        self.family = QLineEdit(self)
        self.preferred = QLineEdit(self)
        self.preferred.setPlaceholderText("If different from their given name")
        self.dob = DateField(self)
        self.in_care = DateField(self)
        self.blocks = {
            "given": _block("person.given_name", "G", self.given),
            "family": _block("person.family_name", "F", self.family),
            "preferred": _block("person.preferred_name", "P", self.preferred),
            "dob": _block("person.date_of_birth", "D", self.dob, DATE_HINT),
            "in_care": FieldBlock("In &care since", self.in_care,
                                  f"The day they came into care, if you know it: it starts their "
                                  f"{label('care_episodes').lower()}. {DATE_HINT}"),
        }
        lay.addWidget(grid(list(self.blocks.values()), 2, self))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problems")
        theme.tone(self.error, "attention")
        self.error.setVisible(False)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Start their plan")
        ok.setAccessibleName("Start their plan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 80, self.sizeHint().height())

    @property
    def values(self) -> dict[str, Any]:
        try:
            dob = parse_date(self.dob.text())
        except ValueError:
            dob = None
        try:
            in_care = parse_date(self.in_care.text())
        except ValueError:
            in_care = None
        return {
            "given_name": self.given.text().strip(),
            "family_name": self.family.text().strip(),
            "preferred_name": self.preferred.text().strip(),
            "date_of_birth": dob,
            "in_care_since": in_care,
        }

    def validate(self) -> bool:
        """Show every problem beside its field and in the error line; True when all is well."""
        for b in self.blocks.values():
            b.set_error("")
        problems = 0
        if not (self.given.text().strip() or self.preferred.text().strip()):
            self.blocks["given"].set_error(say("name_needed"))
            problems += 1
        dob = None
        try:
            dob = parse_date(self.dob.text())
        except ValueError as exc:
            self.blocks["dob"].set_error(str(exc))
            problems += 1
        else:
            if dob is None:
                self.blocks["dob"].set_error(say("birth_needed"))
                problems += 1
            elif dob > self.today:
                self.blocks["dob"].set_error(say("birth_in_future"))
                problems += 1
        try:
            in_care = parse_date(self.in_care.text())
        except ValueError as exc:
            self.blocks["in_care"].set_error(str(exc))
            problems += 1
        else:
            if in_care is not None and in_care > self.today:
                self.blocks["in_care"].set_error(say("care_in_future"))
                problems += 1
            elif in_care is not None and dob is not None and in_care < dob:
                self.blocks["in_care"].set_error(say("care_before_birth"))
                problems += 1
        # each problem is said once, beside its field; the line below only counts them
        self.error.setText("" if not problems else say("put_right_one") if problems == 1 else
                           say("put_right_many", count=problems))
        self.error.setVisible(bool(problems))
        self._grow_to_fit()
        if problems:
            first = next(b for b in self.blocks.values() if b.error_text())
            (first.widget.focusProxy() or first.widget).setFocus()
        return not problems

    def _grow_to_fit(self) -> None:
        """Grow (never shrink) so every message is read in full and no box is squeezed."""
        lay = self.layout()
        lay.activate()
        need = lay.totalMinimumSize().height()
        if lay.hasHeightForWidth():
            need = max(need, lay.totalHeightForWidth(self.width()))
        if need > self.height():
            self.resize(self.width(), need)

    def _accept(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, today: date | None = None) -> dict[str, Any] | None:
        dlg = cls(parent, today)
        try:
            return dlg.values if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class StaleSaveDialog(QDialog):
    """Someone else saved a newer version: explain, keep my text, offer what to do.

    Shows my unsaved changes, what changed in the newer copy, and the parts we both changed
    (where putting my changes back would replace theirs). Closing it (Escape) chooses
    :attr:`COPY`: the newer plan is loaded and my changes stay open to copy from, so nobody's
    words are written over without a choice.
    """

    REAPPLY = "reapply"
    COPY = "copy"

    def __init__(self, name: str, changes: str, parent: QWidget | None = None, theirs: str = "",
                 both: list[str] | tuple[str, ...] = ()):
        super().__init__(parent)
        self.setWindowTitle("Someone else changed this plan")
        self.choice = self.COPY
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        text = QLabel(
            f"<p><b>{escape(name)}’s plan was changed and saved somewhere else</b> (perhaps by a colleague, or "
            "in another window) after you opened it. To avoid writing over their work, your latest changes "
            "were <b>not saved yet</b> — but nothing you typed is lost.</p>"
            "<p>You can load the newer plan and put your changes back on top of it, or load the newer plan "
            "and copy what you need from your changes yourself.</p>",
            self,
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(text)
        self.both = QLabel(self)
        self.both.setWordWrap(True)
        self.both.setAccessibleName("Changed by both of you")
        theme.tone(self.both, "attention")
        if both:
            self.both.setText(
                "⚠ You both changed: " + "; ".join(both) + ". Putting your changes back replaces what they "
                "wrote there. To keep theirs, choose “I’ll copy my changes”.")
        self.both.setVisible(bool(both))
        lay.addWidget(self.both)
        mine_label = QLabel("<b>Your changes (not saved yet)</b>", self)
        lay.addWidget(mine_label)
        self.changes = QPlainTextEdit(self)
        self.changes.setReadOnly(True)
        self.changes.setPlainText(changes)
        self.changes.setAccessibleName("Your unsaved changes")
        lay.addWidget(self.changes, 2)
        self.theirs = QPlainTextEdit(self)
        self.theirs.setReadOnly(True)
        self.theirs.setPlainText(theirs)
        self.theirs.setAccessibleName("What changed in the newer copy")
        theirs_label = QLabel("<b>What changed in the newer copy</b>", self)
        for w in (theirs_label, self.theirs):
            w.setVisible(bool(theirs))
        lay.addWidget(theirs_label)
        lay.addWidget(self.theirs, 1)
        buttons = QDialogButtonBox(self)
        self.reapply = QPushButton("Load the newer plan and put my changes back", self)
        self.reapply.setAccessibleName("Load the newer plan and put my changes back")
        self.copy = QPushButton("Load the newer plan; I’ll copy my changes", self)
        self.copy.setAccessibleName("Load the newer plan and keep my changes open to copy from")
        buttons.addButton(self.reapply, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.RejectRole)
        self.reapply.clicked.connect(self._choose_reapply)
        self.copy.clicked.connect(self._choose_copy)
        # Enter puts my changes back only when that writes over no one; otherwise it is a choice
        (self.copy if both else self.reapply).setDefault(True)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 90, self.fontMetrics().lineSpacing() * 30)

    def _choose_reapply(self) -> None:
        self.choice = self.REAPPLY
        self.accept()

    def _choose_copy(self) -> None:
        self.choice = self.COPY
        self.accept()

    def reject(self) -> None:
        """Escape or the close button: the choice that writes over no one's words."""
        self.choice = self.COPY
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, changes: str, theirs: str = "",
            both: list[str] | tuple[str, ...] = ()) -> str:
        dlg = cls(name, changes, parent, theirs, both)
        try:
            dlg.exec()
            return dlg.choice
        finally:
            dlg.deleteLater()


class TextWindow(QDialog):
    """A non-modal window holding text to copy from (my changes after a stale save)."""

    def __init__(self, title: str, intro: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(False)
        lay = QVBoxLayout(self)
        lab = QLabel(intro, self)
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        self.text.setAccessibleName(title)
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 80, self.fontMetrics().lineSpacing() * 24)


class LockSettingsDialog(QDialog):
    """How long the app waits, unused, before it locks itself (1 to 15 minutes)."""

    def __init__(self, minutes: int, parent: QWidget | None = None):
        from PySide6.QtWidgets import QSpinBox

        from .idle import MAX_MINUTES, MIN_MINUTES

        super().__init__(parent)
        self.setWindowTitle("Locking")
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        intro = QLabel(
            "Pathway Planner locks itself when no one has used it for a while, and clears young "
            f"people's records from the screen. It always locks within {MAX_MINUTES} minutes.", self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSuffix(" minutes")
        self.minutes.setValue(max(MIN_MINUTES, min(MAX_MINUTES, int(minutes))))
        lay.addWidget(FieldBlock("&Lock after", self.minutes, "Minutes without use before the app locks", parent=self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, minutes: int) -> int | None:
        dlg = cls(minutes, parent)
        try:
            return dlg.minutes.value() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class ChooseEditionDialog(QDialog):
    """Which copy of the plan to make: one radio button a copy (``choices``: code, words, what it
    is), with the copies that cannot be made yet (``not_yet(code)`` says why) shown but off.
    *Make PDFs* for several young people at once uses it as it is; *Export an accessible copy*
    (:class:`..html_export.HtmlCopyDialog`) with its own words."""

    def __init__(self, who: str, choices: list[tuple[str, str, str]], parent: QWidget | None = None, *,
                 title: str = "Make PDFs", question: str = "", ok: str = "Choose a folder…", first: str = "",
                 not_yet: Callable[[str], str] | None = None):
        from PySide6.QtWidgets import QButtonGroup, QRadioButton

        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        head = QLabel(question or f"Make PDFs for {who}. Which copy?", self)
        head.setWordWrap(True)
        theme.set_font(head, 1.1, bold=True)
        lay.addWidget(head)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, Any] = {}
        for code, words, about in choices:
            note = not_yet(code) if not_yet is not None else ""
            b = QRadioButton(words, self)
            b.setAccessibleName(words)
            b.setAccessibleDescription(note or about)
            b.setToolTip(note or about)
            b.setEnabled(not note)
            self.group.addButton(b)
            self.buttons[code] = b
            lay.addWidget(b)
        chosen = self.buttons.get(first) or next(iter(self.buttons.values()))
        chosen.setChecked(True)
        chosen.setFocus()  # the keyboard starts on the copy already chosen
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setText(ok)
        button.setAccessibleName(ok.rstrip("…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @property
    def edition(self) -> str:
        return next(code for code, b in self.buttons.items() if b.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, who: str, choices: list[tuple[str, str, str]]) -> str | None:
        dlg = cls(who, choices, parent)
        try:
            return dlg.edition if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()
