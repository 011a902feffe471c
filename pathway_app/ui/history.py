"""A young person's history: who opened, changed, exported or printed their plan, and when.

Read-only. :class:`HistoryDialog` is opened with ``HistoryDialog.run(parent, name, entries)``
where ``entries`` is ``store.audit_history(plan_id)`` (a list of dicts: user, when, action,
detail, changes). :class:`HistoryModel` is a plain table model over those entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import theme

ACTION_WORDS = {
    "opened": "Opened the plan",
    "created": "Started the plan",
    "changed": "Changed the plan",
    "exported": "Exported the plan",
    "printed": "Made a PDF",
    "imported": "Imported the plan",
    "deleted": "Deleted the plan",
    "subject-access": "Made a copy of everything held",
    "subject_access": "Made a copy of everything held",
}

#: Whose shared copy a change came from, or an export went to (store/share.py's audit details).
_SHARED = {"foster_carer": "the foster carers", "key_worker": "the key worker"}

_EDITIONS = {"full": "full pathway plan", "young-person": "their own copy", "staying-put": "Staying Put agreement",
             "staying-close": "Staying Close plan"}


@dataclass
class HistoryEntry:
    when: datetime | None
    who: str
    action: str
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def when_text(self) -> str:
        if self.when is None:
            return ""
        local = self.when.astimezone() if self.when.tzinfo else self.when
        return local.strftime("%d %b %Y, %H:%M").lstrip("0")

    @property
    def what(self) -> str:
        words = ACTION_WORDS.get(self.action, self.action.replace("_", " ").capitalize())
        shared = _SHARED.get(str(self.detail.get("audience"))) if "share file" in (self.detail.get("from"),
                                                                                   self.detail.get("to")) else None
        if shared:
            words += f" ({'from' if self.detail.get('from') else 'a shared copy for'} {shared})"
        if self.action == "changed" and self.changes:
            fields = sorted({field_title(p) for p, _a, _b in self.changes})
            shown = ", ".join(fields[:3]) + (f" and {len(fields) - 3} more" if len(fields) > 3 else "")
            return f"{words}: {shown}"
        edition = self.detail.get("edition")
        if edition:
            return f"{words} ({_EDITIONS.get(str(edition), str(edition))})"
        return words


def entry_from(d: dict[str, Any]) -> HistoryEntry:
    """One entry of ``store.audit_history(plan_id)`` (see :class:`~pathway_app.store.protocol.StoreProtocol`)."""
    return HistoryEntry(
        when=d["when"],
        who=d["user"],
        action=d["action"],
        changes=[(c["field"], c["before"], c["after"]) for c in d["changes"]],
        detail=d["detail"],
    )


def field_title(path: str, before: Any = None, after: Any = None) -> str:
    """A changed field in the catalogue's words: "People who matter — Nan: There at 25"."""
    from ..domain.fields import describe_change

    try:
        return describe_change(path, before, after)
    except ValueError:  # not a plan path (an entry from a damaged trail): say it plainly
        return "A part of the plan"


def _value(path: str, v: Any) -> str:
    """A value before or after a change, in words: codes through their vocabulary, dates as
    "3 March 2027", a record by its title ("a person (Nan)")."""
    from ..domain import fieldpath
    from ..domain.fields import field, record_title, value_words

    if v is None or v == "":
        return "(empty)"
    try:
        fid = fieldpath.field_id(path)
    except ValueError:
        fid = ""
    if isinstance(v, dict):
        try:
            name, noun = record_title(fid, v), field(fid).record or "record"
        except (KeyError, ValueError):
            name, noun = "", "record"
        return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}{f' ({name})' if name else ''}"
    if isinstance(v, list):
        return f"{len(v)} item{'s' if len(v) != 1 else ''}"
    try:
        text = value_words(fid, v) if fid else str(v)
    except (KeyError, ValueError):
        text = str(v)
    return text if len(text) <= 200 else text[:197] + "…"


def describe_changes(entry: HistoryEntry) -> str:
    if not entry.changes:
        return entry.what
    lines = []
    for path, before, after in entry.changes:
        title = field_title(path, before, after)
        if before is None and isinstance(after, dict):
            lines.append(f"{title}: added {_value(path, after)}")
        elif after is None and isinstance(before, dict):
            lines.append(f"{title}: removed {_value(path, before)}")
        else:
            lines.append(f"{title}: {_value(path, before)} → {_value(path, after)}")
    return "\n".join(lines)


WHEN, WHO, WHAT = range(3)
_HEADERS = ("When", "Who", "What")


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[HistoryEntry] = []

    def set_rows(self, rows: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        e = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (e.when_text, e.who, e.what)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WHAT:
            return describe_changes(e)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADERS):
            return _HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class HistoryDialog(QDialog):
    """Newest first: who did what to this plan and when; the selected entry's changes below."""

    def __init__(self, name: str, entries: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HistoryDialog")
        self.setWindowTitle(f"History of {name}’s plan")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 18, 20, 14)
        lay.setSpacing(10)
        heading = QLabel(f"History of {name}’s plan", self)
        theme.set_font(heading, 1.3, bold=True)
        lay.addWidget(heading)
        intro = QLabel("Everyone who opened, changed, exported or printed this plan, and when. "
                       "This history cannot be changed.", self)
        intro.setWordWrap(True)
        theme.tone(intro, "muted")
        lay.addWidget(intro)
        self.model = HistoryModel(self)
        self.model.set_rows(list(reversed([entry_from(e) for e in entries])))
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(split)
        self.table.setModel(self.model)
        self.table.setAccessibleName("History of the plan")
        self.table.setTabKeyNavigation(False)  # Tab goes on to what changed; the arrows move in the table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        fm = self.fontMetrics()
        hh.resizeSection(WHEN, fm.horizontalAdvance("23 Nov 2026, 10:04") + 24)
        hh.resizeSection(WHO, fm.horizontalAdvance("mmmmmmmmmmmmmm") + 24)
        hh.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.detail = QPlainTextEdit(split)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("What changed")
        self.detail.setPlaceholderText("Choose an entry to see what changed.")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([fm.lineSpacing() * 14, fm.lineSpacing() * 7])
        lay.addWidget(split, 1)
        self.empty = QLabel("Nothing has been recorded about this plan yet.", self)
        self.empty.setVisible(not self.model.rows)
        lay.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        if self.model.rows:
            self.table.selectRow(0)
        self.resize(fm.horizontalAdvance("x") * 120, fm.lineSpacing() * 30)

    def _on_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.detail.setPlainText(describe_changes(self.model.rows[current.row()]))

    @classmethod
    def run(cls, parent: QWidget | None, name: str, entries: list[dict[str, Any]]) -> None:
        dlg = cls(name, entries, parent)
        try:
            dlg.exec()
        finally:
            dlg.deleteLater()


__all__ = ["HistoryDialog", "HistoryEntry", "HistoryModel", "describe_changes", "entry_from", "field_title"]
