"""Lists of records (care episodes, people, life story, actions, reviews ...): a table model
and an editor with Add / Remove buttons and a form for the selected record.

Keyboard: in the table, Enter moves to the first field of the editor, Delete removes the
selected record (Ctrl+Z brings it back), Insert adds one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import fields as catalogue
from ..domain.model import Plan
from . import theme
from .fields import FieldBlock, Form
from .messages import say
from .session import PlanSession


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], str]


def column(field_id: str, value: Callable[[Any], str] | None = None) -> Column:
    """A column headed with the catalogue's label for ``field_id`` ("relationships.name");
    ``value`` shows a record's cell (default: the field's value in words)."""
    attr = field_id.rsplit(".", 1)[-1]
    if value is None:
        def value(record: Any) -> str:
            return catalogue.value_words(field_id, getattr(record, attr))
    return Column(catalogue.label(field_id), value)


def article(noun: str) -> str:
    """"a person", "an action"."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


class RecordTableModel(QAbstractTableModel):
    """Rows are the records of one list in the plan (the very list object, not a copy)."""

    def __init__(self, columns: list[Column], parent: QObject | None = None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []
        self.problem_rows: dict[int, str] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.problem_rows = {}
        self.endResetModel()

    def set_problems(self, problem_rows: dict[int, str]) -> None:
        if problem_rows == self.problem_rows:
            return
        changed = set(problem_rows) | set(self.problem_rows)
        self.problem_rows = problem_rows
        for r in changed:
            if 0 <= r < len(self.rows):
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))

    def record(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, record: Any) -> int:
        for i, r in enumerate(self.rows):
            if r is record:
                return i
        return -1

    def refresh_record(self, record: Any) -> None:
        row = self.row_of(record)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    # Qt overrides
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.columns[col].value(self.rows[row])
            if role == Qt.ItemDataRole.DisplayRole:
                text = text.replace("\n", " ")
                if len(text) > 120:
                    text = text[:117] + "…"
                if col == 0 and row in self.problem_rows:
                    text = "⚠ " + (text or "(empty)")
            return text
        if role == Qt.ItemDataRole.ToolTipRole and row in self.problem_rows:
            return self.problem_rows[row]
        if role == Qt.ItemDataRole.ForegroundRole and row in self.problem_rows:
            return theme.attention_colour()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _TableKeys(QObject):
    """Enter → editor, Delete → remove, Insert → add."""

    def __init__(self, editor: RecordListEditor):
        super().__init__(editor)
        self._editor = editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._editor.focus_editor()
                return True
            if key == Qt.Key.Key_Delete and self._editor.can_remove:
                self._editor.remove_selected()
                return True
            if key == Qt.Key.Key_Insert and self._editor.can_add:
                self._editor.add()
                return True
        return False


def plan_path_of(list_path: str, record: Any, row: int) -> str:
    """The plan path of ``record`` in the list at ``list_path`` (by its key, as validation names it)."""
    from ..domain import fieldpath

    parent, _dot, name = list_path.rpartition(".")
    key = fieldpath.record_key(fieldpath.field_id(list_path), record) or fieldpath.position_key(row)
    return fieldpath.child(parent, name, key)


class RecordListEditor(QWidget):
    """A table of records with Add / Remove and a form editing the selected one.

    ``fields`` is the list's catalogue id ("relationships", "support_areas.actions"): what one
    record is called and the words of its fields come from there. ``list_of(plan)`` returns the
    plan's list; ``path_of(plan)`` its path for validation problems ("relationships",
    "support_areas[health].actions"). ``build(form)`` adds the editor's fields and returns
    their blocks. ``describe(record)`` heads the editor (default: the record's title from the
    catalogue, "A new person" while it has none).

    Signals:
        currentChanged(object record): the selected record (or None).
    """

    currentChanged = Signal(object)

    def __init__(
        self,
        session: PlanSession,
        fields: str,
        columns: list[Column],
        list_of: Callable[[Plan], list],
        path_of: Callable[[Plan], str],
        build: Callable[[Form], list[QWidget]],
        factory: Callable[[], Any] | None = None,
        describe: Callable[[Any], str] | None = None,
        empty_text: str = "",
        parent: QWidget | None = None,
        editor_columns: int = 2,
    ):
        super().__init__(parent)
        self.session = session
        self.field_id = fields
        noun = catalogue.field(fields).record or "record"
        self.noun = noun
        self._list_of = list_of
        self._path_of = path_of
        self._factory = factory
        self._describe = describe or self._title
        self.plan: Plan | None = None
        self.records: list | None = None
        self.can_add = factory is not None
        self.can_remove = factory is not None

        self.model = RecordTableModel(columns, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the editor
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        # The first column (what it is) takes the room; the short ones (who, when, status) are
        # as wide as what they hold, so "What" is never squeezed to a word.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the short columns are at least as wide as their shortest heading
        hh.setMinimumSectionSize(min(self.fontMetrics().horizontalAdvance(c.title) for c in columns) + 16)
        hh.setHighlightSections(False)
        hh.setAccessibleName("Column headings")
        self.table.verticalHeader().setAccessibleName("Row headings")
        self.table.setAccessibleName(catalogue.label(fields))
        self.table.setAccessibleDescription(
            f"Choose {article(noun)} to edit below. Arrow keys: move. Enter: edit. Delete: remove. Insert: add."
        )
        rowh = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rowh * 4 + hh.sizeHint().height() + 4)
        self.table.setMaximumHeight(rowh * 9 + hh.sizeHint().height() + 4)
        self.table.installEventFilter(_TableKeys(self))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.add_button = QPushButton(f"&Add {article(noun)}", self)
        self.add_button.setAccessibleName(f"Add {article(noun)}")
        self.add_button.setAccessibleDescription(f"Add a new {noun} to the list (Insert key in the list)")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Remove", self)  # which one: the one shown below
        self.remove_button.setAccessibleName(f"Remove this {noun}")
        self.remove_button.setAccessibleDescription(f"Remove the selected {noun}; Ctrl+Z brings it back")
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.setVisible(self.can_add)
        self.remove_button.setVisible(self.can_remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.form = Form(session, self, fields)
        blocks = build(self.form)
        from .fields import grid

        self.editor = grid(blocks, editor_columns, self)
        self.editor_title = QLabel(self)
        self.editor_title.setWordWrap(True)  # "About <a long name>" must not widen the page
        theme.set_font(self.editor_title, 1.0, bold=True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(self.table)
        lay.addWidget(self.empty)
        lay.addLayout(buttons)
        lay.addWidget(self.editor_title)
        lay.addWidget(self.editor)

        session.listChanged.connect(self._on_list_changed)
        session.fieldChanged.connect(self._on_field_changed)
        session.problemsChanged.connect(self._on_problems)
        session.readOnlyChanged.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        """Add and Remove only while the records can be changed (the reason in their tips)."""
        read_only = self.session.read_only
        tip = say("read_only_tip", reason=self.session.read_only_reason) if read_only else ""
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(self.current() is not None and not read_only)
        for b in (self.add_button, self.remove_button):
            b.setToolTip(tip)

    def _title(self, record: Any) -> str:
        title = catalogue.record_title(self.field_id, record)
        return title or f"A new {self.noun}"

    # ----------------------------------------------------------- plan

    def set_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        self.records = self._list_of(plan) if plan is not None else None
        self.model.set_rows(self.records if self.records is not None else [])
        self._update_empty()
        self.select(self.model.record(0))
        self._on_problems(self.session.problems)

    def current(self) -> Any:
        idx = self.table.currentIndex()
        return self.model.record(idx.row()) if idx.isValid() else None

    def select(self, record: Any) -> None:
        row = self.model.row_of(record) if record is not None else -1
        sm = self.table.selectionModel()
        if row >= 0:
            idx = self.model.index(row, 0)
            sm.setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(idx)
        else:
            sm.clearSelection()
            sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        self._retarget()

    def select_id(self, record_id: str) -> None:
        for r in self.records or []:
            if getattr(r, "id", None) == record_id:
                self.select(r)
                return

    def list_path(self) -> str | None:
        """The list's path in the plan ("relationships", "support_areas[3].actions"); None with no plan."""
        return self._path_of(self.plan) if self.plan is not None and self.records is not None else None

    def _prefix(self) -> str:
        rec = self.form.target
        if rec is None or self.plan is None or self.records is None:
            return ""
        list_path = self._path_of(self.plan)
        return plan_path_of(list_path, rec, self.model.row_of(rec))

    def _retarget(self) -> None:
        rec = self.current()
        self.form.set_target(rec, self._prefix)
        self.editor.setVisible(rec is not None)
        self.editor_title.setVisible(rec is not None)
        if rec is not None:
            self.editor_title.setText(self._describe(rec))
        self._update_buttons()
        self.currentChanged.emit(rec)

    def _on_current(self, _cur: QModelIndex, _prev: QModelIndex) -> None:
        self._retarget()

    def _update_empty(self) -> None:
        empty = not self.model.rows
        self.empty.setVisible(empty and bool(self.empty.text()))
        self.table.setVisible(not empty)

    # ----------------------------------------------------------- actions

    def add(self) -> None:
        if self.records is None or self._factory is None or self.session.read_only:
            return
        record = self._factory()
        self.session.insert_record(self.records, record, label=self.noun)
        self.select(record)
        self.focus_editor()

    def remove_selected(self) -> None:
        rec = self.current()
        if rec is None or self.records is None or self.session.read_only:
            return
        row = self.model.row_of(rec)
        self.session.remove_record(self.records, rec, label=self.noun)
        if self.model.rows:
            self.select(self.model.record(min(row, len(self.model.rows) - 1)))
        self.table.setFocus() if self.model.rows else self.add_button.setFocus()

    def focus_editor(self) -> None:
        """Put the cursor in the editor's first field, scrolled into view (it is under the
        table, and on some pages under a map: it must never need hunting for)."""
        for f in self.form.fields:
            if f.widget.isEnabled():
                self.show_editor()
                f.widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def show_editor(self) -> None:
        """Scroll the page so the editor of the chosen record is in view, from its title down."""
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is None or scroll.widget() is None:
            return
        scroll.widget().layout().activate()
        bar = scroll.verticalScrollBar()
        top = self.editor_title.mapTo(scroll.widget(), QPoint(0, 0)).y()
        bottom = self.editor.mapTo(scroll.widget(), QPoint(0, self.editor.height())).y()
        view = scroll.viewport().height()
        if top < bar.value() or bottom > bar.value() + view:
            bar.setValue(min(top - 12, max(bottom - view + 12, bar.value())))

    # ----------------------------------------------------------- session

    def _on_list_changed(self, lst: list) -> None:
        if lst is not self.records:
            return
        keep = self.form.target
        self.model.set_rows(lst)
        self._update_empty()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        else:
            self.select(self.model.record(0))
        self._on_problems(self.session.problems)

    def _on_field_changed(self, record: Any, attr: str) -> None:
        if self.records is not None and record is not None:
            self.model.refresh_record(record)
            if record is self.form.target:
                self.editor_title.setText(self._describe(record))

    def _on_problems(self, problems: list) -> None:
        if self.plan is None or self.records is None:
            return
        list_path = self._path_of(self.plan)
        row_of = {plan_path_of(list_path, r, i): i for i, r in enumerate(self.records)}
        rows: dict[int, str] = {}
        for p in problems:
            record_path = p.field.rsplit(".", 1)[0]
            if record_path in row_of:
                rows.setdefault(row_of[record_path], p.message[:1].upper() + p.message[1:])
        self.model.set_problems(rows)

    def blocks(self) -> list[FieldBlock]:
        return [f.block for f in self.form.fields]


