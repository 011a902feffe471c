"""The dialogs of an agreement's life and of the files shared with carers and key workers.

Each is built, run and read through one classmethod (tests replace it, as they replace
``QMessageBox``):

- :class:`SigningDialog` — who signed (each party from
  :func:`~pathway_app.domain.agreements.parties`, ticked and named from
  :func:`~pathway_app.domain.agreements.signatures_for`) and the day: ``(day, signatures)``;
- :class:`EndingDialog` — when the arrangement ended and why: ``(day, why)``;
- :class:`SharePassphraseDialog` — a new passphrase for a share file, typed twice, held to the
  same rule as the records' passphrase (:func:`~pathway_app.ui.unlock.strength`);
- :class:`AskPassphraseDialog` — the passphrase of a share file being opened, with what was wrong
  with the last one; :func:`open_with_passphrase` asks until the file opens or the person stops.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain import agreements as ag
from ..domain.fields import help_text, label
from ..domain.model import Plan, Signature
from . import theme
from .fields import DATE_HINT, DateField, FieldBlock, fit_lines, format_date, parse_date, with_mnemonic
from .messages import say
from .unlock import NewPassphraseFields

T = TypeVar("T")


def heading(text: str, parent: QWidget) -> QLabel:
    h = QLabel(text, parent)
    h.setWordWrap(True)
    h.setAccessibleName(text)
    theme.set_font(h, 1.2, bold=True)
    return h


def wrapped(text: str, parent: QWidget) -> QLabel:
    lab = QLabel(text, parent)
    lab.setWordWrap(True)
    return lab


def _problem_line(parent: QWidget) -> QLabel:
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setAccessibleName("Problems")
    theme.tone(lab, "attention")
    lab.setVisible(False)
    return lab


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", "").rstrip("…"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
    box.rejected.connect(dialog.reject)
    return box


def _day(field: DateField, block: FieldBlock, today: date) -> date | None:
    """The day in ``field``, or None with the problem shown beside it."""
    try:
        day = parse_date(field.text())
    except ValueError as exc:
        block.set_error(str(exc))
        return None
    if day is None:
        block.set_error(say("agreement_day_needed"))
        return None
    if day > today:
        block.set_error(say("agreement_day_future", today=format_date(today)))
        return None
    block.set_error("")
    return day


# --------------------------------------------------------------------------- signing and ending


class SigningDialog(QDialog):
    """Who signed the draft, and when (each party ticked, named, as the agreement names them)."""

    def __init__(self, plan: Plan, kind: str, agreement: ag.Agreement, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.setWindowTitle("Record the signing")
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        lay.addWidget(heading(ag.title(kind, agreement), self))
        lay.addWidget(wrapped("Tick each person who signed it. A name the agreement does not give yet can be "
                               "typed here.", self))
        self.day = DateField(self)
        self.day.set_text(format_date(today))
        fid = f"{kind}.agreements.agreed_on"
        self.day_block = FieldBlock(with_mnemonic(label(fid), "A"), self.day,
                                    " ".join(t for t in (help_text(fid), DATE_HINT) if t), parent=self)
        lay.addWidget(self.day_block)
        named = {(s.party, s.name) for s in ag.signatures_for(plan, kind, agreement, today)}
        rows = QGridLayout()
        rows.setHorizontalSpacing(12)
        self.rows: list[tuple[Any, QCheckBox, QLineEdit]] = []
        name_fid = f"{kind}.agreements.signatures.name"
        for i, (party, name, signs_as) in enumerate(ag.parties(plan, kind, agreement)):
            tick = QCheckBox(signs_as, self)
            tick.setChecked((party, name) in named)
            tick.setAccessibleName(f"Signed as {signs_as}")
            who = QLineEdit(name, self)
            who.setAccessibleName(f"{label(name_fid)} of who signed as {signs_as}")
            who.setPlaceholderText("Their name")
            rows.addWidget(tick, i, 0)
            rows.addWidget(who, i, 1)
            self.rows.append((party, tick, who))
        rows.setColumnStretch(1, 1)
        lay.addLayout(rows)
        self.problem = _problem_line(self)
        lay.addWidget(self.problem)
        buttons = ok_cancel(self, "Record the signing")
        buttons.accepted.connect(self._accept)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 90, self.sizeHint().height())

    @property
    def values(self) -> tuple[date, list[Signature]]:
        day = parse_date(self.day.text()) or self.today
        return day, [Signature(party=party, name=who.text().strip(), signed_on=day)
                     for party, tick, who in self.rows if tick.isChecked()]

    def validate(self) -> bool:
        self.problem.setVisible(False)
        if _day(self.day, self.day_block, self.today) is None:
            self.day.setFocus()
            return False
        for _party, tick, who in self.rows:
            if tick.isChecked() and not who.text().strip():
                self.problem.setText("⚠ " + say("agreement_name_needed", who=tick.text()))
                self.problem.setVisible(True)
                who.setFocus()
                return False
        return True

    def _accept(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan, kind: str, agreement: ag.Agreement,
            today: date) -> tuple[date, list[Signature]] | None:
        dlg = cls(plan, kind, agreement, today, parent)
        try:
            return dlg.values if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


class EndingDialog(QDialog):
    """When an agreed arrangement ended, and why."""

    def __init__(self, kind: str, agreement: ag.Agreement, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.setWindowTitle("Record the ending")
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        lay.addWidget(heading(ag.title(kind, agreement), self))
        lay.addWidget(wrapped("The agreement is kept as it was signed, as a record of the arrangement.", self))
        self.day = DateField(self)
        self.day.set_text(format_date(today))
        on, why = f"{kind}.agreements.ended_on", f"{kind}.agreements.end_reason"
        self.day_block = FieldBlock(with_mnemonic(label(on), "E"), self.day,
                                    " ".join(t for t in (help_text(on), DATE_HINT) if t), parent=self)
        self.why = QPlainTextEdit(self)
        self.why.setTabChangesFocus(True)
        fit_lines(self.why, 3)
        self.why_block = FieldBlock(with_mnemonic(label(why), "W"), self.why, help_text(why), parent=self)
        lay.addWidget(self.day_block)
        lay.addWidget(self.why_block)
        buttons = ok_cancel(self, "Record the ending")
        buttons.accepted.connect(self._accept)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 80, self.sizeHint().height())

    @property
    def values(self) -> tuple[date, str]:
        return parse_date(self.day.text()) or self.today, self.why.toPlainText().strip()

    def _accept(self) -> None:
        if _day(self.day, self.day_block, self.today) is not None:
            self.accept()
        else:
            self.day.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, kind: str, agreement: ag.Agreement, today: date) -> tuple[date, str] | None:
        dlg = cls(kind, agreement, today, parent)
        try:
            return dlg.values if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- passphrases of share files


class SharePassphraseDialog(QDialog):
    """A passphrase for a new share file: typed twice, at least as strong as the records' own."""

    def __init__(self, who: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Share with {who}")
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        lay.addWidget(heading(f"Share {name}’s agreement with {who}", self))
        lay.addWidget(wrapped(
            f"The file holds only what {who} may see. Choose a passphrase to lock it, and give it to them another "
            "way: say it on the phone, never in the same message as the file.", self))
        self.fields = NewPassphraseFields("&Passphrase for the file", "Passphrase for the file", self)
        lay.addWidget(self.fields)
        self.passphrase, self.repeat, self.blocks = self.fields.passphrase, self.fields.repeat, self.fields.blocks
        self.hint, self.show_text = self.fields.hint, self.fields.show_text
        buttons = ok_cancel(self, "&Choose where to save it…")
        buttons.accepted.connect(self._accept)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 80, self.sizeHint().height())

    def validate(self) -> bool:
        return self.fields.validate()

    def _accept(self) -> None:
        if self.validate():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, who: str, name: str) -> str | None:
        dlg = cls(who, name, parent)
        try:
            return dlg.passphrase.text() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.passphrase.clear()
            dlg.repeat.clear()
            dlg.deleteLater()


class AskPassphraseDialog(QDialog):
    """The passphrase of a shared plan being opened; ``error`` says what was wrong last time."""

    def __init__(self, title: str, intro: str, error: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        lay.addWidget(heading(title, self))
        lay.addWidget(wrapped(intro, self))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.block = FieldBlock("&Passphrase of the file", self.passphrase,
                                "The passphrase the person who made the file gave you", parent=self)
        lay.addWidget(self.block)
        if error:
            self.block.set_error(error)
        buttons = ok_cancel(self, "&Open")
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 80, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, intro: str, error: str = "") -> str | None:
        dlg = cls(title, intro, error, parent)
        try:
            return dlg.passphrase.text() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.passphrase.clear()
            dlg.deleteLater()


def open_with_passphrase(parent: QWidget | None, title: str, intro: str,
                         opener: Callable[[str], T]) -> tuple[str, T] | None:
    """Ask for a share file's passphrase until ``opener(passphrase)`` opens it: a wrong one is
    said in the dialog and asked again; any other problem with the file is said plainly and
    nothing is opened. Returns (passphrase, what was opened), or None."""
    from ..store.share import ShareFileProblem, ShareWrongPassphrase

    error = ""
    while True:
        passphrase = AskPassphraseDialog.ask(parent, title, intro, error)
        if passphrase is None:
            return None
        try:
            return passphrase, opener(passphrase)
        except ShareWrongPassphrase as exc:
            error = str(exc)
        except ShareFileProblem as exc:
            QMessageBox.warning(parent, title, str(exc))
            return None


__all__ = ["AskPassphraseDialog", "EndingDialog", "SharePassphraseDialog", "SigningDialog", "heading", "ok_cancel",
           "open_with_passphrase", "wrapped"]
