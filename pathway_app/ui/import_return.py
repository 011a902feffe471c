"""Bringing back a shared plan the carers or key worker saved: *File → Import returned plan…*.

:func:`import_returned_plan` asks for the file's passphrase, reads what came back against the plan
as it is now (:func:`pathway_app.store.share.read_return`: a file that changes anything outside
its audience is refused whole, naming the field) and shows each change in
:class:`ImportReturnDialog`: where it is and which field (in the catalogue's words), what it was,
what the file says, and — for a *conflict*, a field changed here too since the file was made —
what it is now. Conflicts start unticked, the rest ticked; the ticked changes are saved as one
audited change naming the file's audience (:func:`~pathway_app.store.share.import_return`). A
file imported before is said to be so, and changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain import fieldpath
from ..domain.fields import field, record_title, value_words
from ..store.share import ALREADY, CONFLICT, ReturnReport
from . import theme
from .agreement_dialogs import heading, ok_cancel, wrapped
from .messages import say

TITLE = "Import returned plan"
WHO = {"foster_carer": "the foster carers", "key_worker": "the key worker"}


def value_text(path: str, value: Any) -> str:
    """A value of a returned change in words: a record by its title, codes and dates in words."""
    if value is None or value == "":
        return "(nothing)"
    try:
        fid = fieldpath.field_id(path)
        field(fid)
    except (KeyError, ValueError):
        fid = ""
    if isinstance(value, dict):
        return (record_title(fid, value) if fid else "") or "a record"
    if isinstance(value, list):
        return "a new order" if path.endswith(fieldpath.ORDER) else f"{len(value)} items"
    try:
        text = value_words(fid, value) if fid else str(value)
    except (KeyError, ValueError):
        text = str(value)
    return text if len(text) <= 300 else text[:297] + "…"


class ImportReturnDialog(QDialog):
    """Each change a returned file makes, to keep (ticked) or not; see the module docstring."""

    def __init__(self, report: ReturnReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.report = report
        share = report.share
        who = WHO.get(share.audience.value, "them")
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        lay.addWidget(heading(f"The changes {who} made to {share.name or 'the young person'}’s plan", self))
        times = f"{share.revision} time{'s' if share.revision != 1 else ''}"
        lay.addWidget(wrapped(f"{Path(report.file).name}: made from version {share.plan_version} of the plan"
                               + (f" by {share.made_by}" if share.made_by else "") + f", saved back {times}.", self))
        for note in report.notes:
            lab = wrapped("⚠ " + note, self)
            theme.tone(lab, "attention")
            lay.addWidget(lab)
        there = sum(c.state == ALREADY for c in report.changes)
        if there:
            lay.addWidget(wrapped(f"{there} change{'s are' if there != 1 else ' is'} in the plan already.", self))
        lay.addWidget(wrapped("Tick the changes to keep. A change marked ⚠ meets something changed here since the "
                               "file was made: it is not ticked, and keeping it writes over what is here now.", self))
        inner = QWidget(self)
        rows = QVBoxLayout(inner)
        rows.setSpacing(10)
        self.boxes: dict[str, QCheckBox] = {}
        place = None
        for rc in report.to_decide:
            where, _sep, what = rc.words.rpartition(": ")
            if where and where != place:  # the changes to one record under its name
                head = wrapped(where, inner)
                theme.set_font(head, 1.0, bold=True)
                rows.addWidget(head)
            place = where
            rows.addWidget(self._row(rc, what if where else rc.words, inner))
        rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to each change itself
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName("The changes in the returned plan")
        lay.addWidget(scroll, 1)
        buttons = ok_cancel(self, "&Import the ticked changes")
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        fm = self.fontMetrics()
        self.resize(fm.horizontalAdvance("x") * 110, fm.lineSpacing() * 34)

    def _row(self, rc: Any, what: str, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(12, 0, 0, 0)
        lay.setSpacing(2)
        conflict = rc.state == CONFLICT
        box = QCheckBox(("⚠ " if conflict else "") + what.replace("&", "&&"), frame)
        box.setChecked(not conflict)
        before, after = value_text(rc.path, rc.change.before), value_text(rc.path, rc.change.after)
        lines = [f"In the file: {after}", f"Was: {before}"]
        if conflict:
            lines.append(f"Here now (changed since the file was made): {value_text(rc.path, rc.now)}")
        detail = wrapped("\n".join(lines), frame)
        theme.set_font(detail, 0.95)
        theme.tone(detail, "attention" if conflict else "muted")
        box.setAccessibleName(rc.words + (": changed here too since the file was made" if conflict else ""))
        box.setAccessibleDescription("; ".join(lines))
        lay.addWidget(box)
        detail.setContentsMargins(24, 0, 0, 0)
        lay.addWidget(detail)
        self.boxes[rc.path] = box
        return frame

    @property
    def accepted_paths(self) -> list[str]:
        return [path for path, box in self.boxes.items() if box.isChecked()]

    @classmethod
    def ask(cls, parent: QWidget | None, report: ReturnReport) -> list[str] | None:
        dlg = cls(report, parent)
        try:
            return dlg.accepted_paths if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


def import_returned_plan(parent: QWidget | None, store: Any, path: str, today: date) -> tuple[str | None, str]:
    """Bring back the returned file ``path`` (see the module docstring). Returns (the id of the
    plan changed, or None; what to say in the status bar)."""
    from ..store.share import ShareFileProblem, import_return, read_return
    from .agreement_dialogs import open_with_passphrase

    got = open_with_passphrase(parent, TITLE, f"{Path(path).name}: type the passphrase it was shared with.",
                               lambda pw: read_return(store, path, pw))
    if got is None:
        return None, ""
    report = got[1]
    if report.already_imported:
        text = say("import_already", when=report.already_imported)
        QMessageBox.information(parent, TITLE, text)
        return None, text
    accepted: list[str] = []
    if report.to_decide:
        chosen = ImportReturnDialog.ask(parent, report)
        if chosen is None:
            return None, ""
        accepted = chosen
    try:
        out = import_return(store, report, accepted, today)
    except ShareFileProblem as exc:
        QMessageBox.warning(parent, TITLE, str(exc))
        return None, ""
    if not report.to_decide:
        text = say("import_nothing")
        QMessageBox.information(parent, TITLE, text)
        return None, text
    if out.saved_version is None:
        return None, say("import_none_kept")
    return report.share.plan_id, say("import_saved", accepted=len(out.accepted), total=len(report.to_decide))


__all__ = ["ImportReturnDialog", "import_returned_plan", "value_text"]
