"""Your young people: the list, search as you type, and the first-run page.

Search is fast on a long list because each row's search text is worked out once (casefolded)
when the rows are set; a keystroke computes the matching rows in one pass and the proxy only
looks them up. Sorting is done once per click on a column, on precomputed keys, and is kept
while filtering (the proxy never re-sorts on a keystroke).

Signals (CaseloadView):
    openRequested(str plan_id)
    addRequested()
    demoRequested()
    pdfsRequested(): "Make PDFs…" was pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import dates
from ..domain.fields import label
from ..domain.labels import label as vocab_label
from ..domain.summary import PlanSummary
from . import theme
from .fields import pretty_date

NAME, AGE, CATEGORY, NEXT, WHEN, PROMPTS = range(6)
HEADERS = ("Name", "Age", "Care-leaver category", "What’s next", "When", label("prompt_responses"))
_FAR = date.max


@dataclass
class CaseloadRow:
    id: str
    name: str
    age: int | None
    category: str
    next_label: str
    next_date: date | None
    overdue: bool
    prompts: int
    key: str  # casefolded text searched by the filter
    sort_name: str
    born: str = ""  # the date of birth with how it is known ("10 May 2009 (assessed on …)")


def make_row(s: PlanSummary, today: date) -> CaseloadRow:
    dob = s.date_of_birth
    cat = s.category(today)
    nxt = s.next_due(today)
    name = s.display_name
    return CaseloadRow(
        id=s.id,
        name=name,
        age=dates.age_on(dob, today) if dob else None,
        category=vocab_label(cat.category.value, "Category"),
        next_label=nxt.label if nxt else "",
        next_date=nxt.when if nxt else None,
        overdue=bool(nxt and nxt.when < today),
        prompts=int(s.open_prompts or 0),
        key=" ".join((name, s.given_name, s.family_name, s.preferred_name, s.local_authority, s.adviser)).casefold(),
        sort_name=(s.family_name + " " + (s.preferred_name or s.given_name)).casefold(),
        born=s.date_of_birth_words,
    )


class CaseloadModel(QAbstractTableModel):
    """One row per young person (from ``store.summaries()``)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.rows: list[CaseloadRow] = []
        self._bold: QFont | None = None

    def set_rows(self, rows: list[CaseloadRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def update_row(self, row: CaseloadRow) -> None:
        for i, r in enumerate(self.rows):
            if r.id == row.id:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def set_prompt_count(self, plan_id: str, count: int) -> None:
        for i, r in enumerate(self.rows):
            if r.id == plan_id:
                if r.prompts != count:
                    r.prompts = count
                    self.dataChanged.emit(self.index(i, PROMPTS), self.index(i, PROMPTS))
                return

    def remove_id(self, plan_id: str) -> None:
        for i, r in enumerate(self.rows):
            if r.id == plan_id:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()
                return

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        """Sort in place on precomputed keys (one pass; no Qt comparisons)."""
        keys = {
            NAME: lambda r: r.sort_name,
            AGE: lambda r: (r.age is None, r.age or 0),
            CATEGORY: lambda r: r.category,
            NEXT: lambda r: r.next_label,
            WHEN: lambda r: (r.next_date is None, r.next_date or _FAR),
            PROMPTS: lambda r: r.prompts,
        }
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[p.row()].id if p.isValid() else None for p in persistent]
        self.rows.sort(key=keys.get(column, keys[NAME]), reverse=order == Qt.SortOrder.DescendingOrder)
        where = {r.id: i for i, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[i], p.column()) if i in where else QModelIndex() for p, i in zip(persistent, ids)],
        )
        self.layoutChanged.emit()

    # Qt overrides
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            if col == NAME:
                return r.name
            if col == AGE:
                return "" if r.age is None else str(r.age)
            if col == CATEGORY:
                return r.category
            if col == NEXT:
                return r.next_label
            if col == WHEN:
                text = pretty_date(r.next_date)
                return f"⚠ {text} (overdue)" if r.overdue else text
            if col == PROMPTS:
                return str(r.prompts) if r.prompts else ""
            return None
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue and col in (NEXT, WHEN):
            return theme.attention_colour()
        if role == Qt.ItemDataRole.FontRole and r.overdue and col in (NEXT, WHEN):
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (AGE, PROMPTS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == WHEN and r.overdue:
            return "Overdue"
        if role == Qt.ItemDataRole.ToolTipRole and col in (NAME, AGE) and r.born:
            return f"Born {r.born}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CaseloadFilter(QSortFilterProxyModel):
    """Filters on the precomputed search keys; sorting is delegated to the source model."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._accept: list[bool] | None = None
        self._text = ""

    def set_search(self, text: str) -> None:
        q = text.strip().casefold()
        if q == self._text:
            return
        src: CaseloadModel = self.sourceModel()  # type: ignore[assignment]
        words = q.split()
        if not words:
            accept = None
        elif len(words) == 1:
            w = words[0]
            accept = [w in r.key for r in src.rows]
        else:
            accept = [all(w in r.key for w in words) for r in src.rows]
        self._text = q
        self.beginFilterChange()
        self._accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """The source rows changed: work the matches out again."""
        text, self._text = self._text, "\0"
        self.set_search(text)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        a = self._accept
        if a is None:
            return True
        return a[source_row] if source_row < len(a) else True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        src = self.sourceModel()
        if isinstance(src, CaseloadModel) and column >= 0:
            src.sort_rows(column, order)
            self.refilter()


class EmptyPage(QWidget):
    """The first run: what the app is for, and two ways to start."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        box = QWidget(self)
        box.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 78)
        lay = QVBoxLayout(box)
        lay.setSpacing(14)
        title = QLabel("Welcome to Pathway Planner", box)
        theme.set_font(title, 2.0, bold=True)
        title.setWordWrap(True)
        lay.addWidget(title)
        intro = QLabel(
            "<p>A place to plan a young person’s move from care into adult life — <b>with</b> them.</p>"
            "<ul style='margin-left:-1em'>"
            "<li style='margin-bottom:0.5em'>Work through their plan area by area: home, people who matter, "
            "education and work, health, money, skills, identity — with their own words in every part.</li>"
            "<li style='margin-bottom:0.5em'>Prompts from research with care-experienced young people remind "
            "you of what matters, such as who will still be there for them at 25.</li>"
            "<li style='margin-bottom:0.5em'>Key dates are worked out for you: birthdays, needs assessment, "
            "reviews, Staying Put.</li>"
            "<li>Print a PDF of the plan to read through together and sign.</li></ul>"
            "<p>Everything is saved as you type.</p>",
            box,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        theme.set_font(intro, 1.1)
        lay.addWidget(intro)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.add_button = QPushButton("&Add a young person", box)
        self.add_button.setObjectName("Primary")
        self.add_button.setAccessibleName("Add a young person")
        self.add_button.setAccessibleDescription("Start a new plan with a young person")
        theme.set_font(self.add_button, 1.1, bold=True)
        theme.fit_text(self.add_button)
        self.demo_button = QPushButton("Open the &demo young people", box)
        self.demo_button.setAccessibleName("Open the demo young people")
        self.demo_button.setAccessibleDescription("Add made-up young people to try the app with")
        theme.set_font(self.demo_button, 1.1)
        row.addWidget(self.add_button)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        lay.addLayout(row)
        h = QHBoxLayout()
        h.addStretch(1)
        h.addWidget(box)
        h.addStretch(1)
        outer.addLayout(h)
        outer.addStretch(2)


class CaseloadView(QWidget):
    """The list of young people with a search box, or the first-run page when empty."""

    openRequested = Signal(str)
    addRequested = Signal()
    demoRequested = Signal()
    pdfsRequested = Signal()
    #: With a list too long to hold (see :meth:`set_partial`), the search asks the records:
    #: emitted shortly after typing stops, with the text to look for.
    searchRequested = Signal(str)

    def set_read_only(self, tip: str) -> None:
        """The records can only be read: no adding anyone, and no PDFs (each is noted in the
        records); ``tip`` says why ("" turns them back on)."""
        for b in (self.add_button, self.pdfs_button, self.empty.add_button, self.empty.demo_button):
            b.setEnabled(not tip)
            b.setToolTip(tip)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.total: int | None = None  # when set, only part of everyone is held (a long list)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._ask_records)
        self.model = CaseloadModel(self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.empty = EmptyPage(self.stack)
        self.empty.add_button.clicked.connect(self.addRequested)
        self.empty.demo_button.clicked.connect(self.demoRequested)

        self.list_page = QWidget(self.stack)
        lay = QVBoxLayout(self.list_page)
        lay.setContentsMargins(24, 18, 24, 18)
        lay.setSpacing(12)
        top = QHBoxLayout()
        title = QLabel("Your young people", self.list_page)
        theme.set_font(title, 1.6, bold=True)
        top.addWidget(title)
        top.addStretch(1)
        self.count = QLabel(self.list_page)
        self.count.setAccessibleName("How many young people are shown")
        top.addWidget(self.count)
        self.add_button = QPushButton("&Add a young person", self.list_page)
        self.add_button.setObjectName("Primary")
        self.add_button.setAccessibleName("Add a young person")
        self.add_button.setAccessibleDescription("Start a new plan with a young person (Ctrl+N)")
        self.add_button.clicked.connect(self.addRequested)
        theme.fit_text(self.add_button)
        self.pdfs_button = QPushButton("&Make PDFs…", self.list_page)
        self.pdfs_button.setAccessibleName("Make PDFs")
        self.pdfs_button.setAccessibleDescription(
            "PDFs of the chosen young person's plan, or of everyone shown, into a folder")
        self.pdfs_button.clicked.connect(self.pdfsRequested)
        top.addWidget(self.pdfs_button)
        top.addWidget(self.add_button)
        lay.addLayout(top)
        self.search = QLineEdit(self.list_page)
        self.search.setPlaceholderText("Search by name, local authority or adviser (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search your young people")
        self.search.setAccessibleDescription("Type part of a name; the list narrows as you type. Down arrow moves to the list.")
        for b in self.search.findChildren(QToolButton):
            b.setAccessibleName("Clear the search")
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self._open_first)
        lay.addWidget(self.search)
        self.table = QTableView(self.list_page)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh = self.table.verticalHeader()
        vh.setDefaultSectionSize(int(self.fontMetrics().lineSpacing() * 2.0))
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(NEXT, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)  # both share what is left
        hh.setSortIndicator(WHEN, Qt.SortOrder.AscendingOrder)
        fm = self.fontMetrics()
        for col, sample in ((NAME, "Mmmmmmmmm Mmmmmmmmmmm"), (AGE, "Age  "), (CATEGORY, "Care-leaver category    "),
                            (WHEN, "⚠ 30 Sep 2026 (overdue)    "), (PROMPTS, HEADERS[PROMPTS] + "  ")):
            hh.resizeSection(col, fm.horizontalAdvance(sample) + 16)
        hh.setAccessibleName("Column headings: click one to sort by it")
        self.table.verticalHeader().setAccessibleName("Row headings")
        self.table.setAccessibleName("Your young people")
        self.table.setAccessibleDescription("Enter opens the selected young person's plan. Click a heading to sort.")
        self.table.activated.connect(self._activated)
        self.search.installEventFilter(self)
        lay.addWidget(self.table, 1)
        self.no_match = QLabel("No one matches that search.", self.list_page)
        self.no_match.setVisible(False)
        lay.addWidget(self.no_match)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list_page)
        self.today = date.today()

    # ----------------------------------------------------------- data

    def set_summaries(self, summaries: list[PlanSummary], today: date, total: int | None = None) -> None:
        """Show ``summaries``; ``total`` says how many there are when only some are given
        (a team's list of tens of thousands: the search then asks the records)."""
        self.total = total
        self.today = today
        rows = [make_row(s, today) for s in summaries]
        self.model.set_rows(rows)
        hh = self.table.horizontalHeader()
        self.model.sort_rows(hh.sortIndicatorSection(), hh.sortIndicatorOrder())
        self.proxy.refilter()
        self._update()

    def update_summary(self, summary: PlanSummary) -> None:
        self.model.update_row(make_row(summary, self.today))
        self.proxy.refilter()
        self._update()

    def remove(self, plan_id: str) -> None:
        self.model.remove_id(plan_id)
        self.proxy.refilter()
        self._update()

    def _update(self) -> None:
        total = len(self.model.rows)
        shown = self.proxy.rowCount()
        self.stack.setCurrentWidget(self.list_page if total or self.total else self.empty)
        if self.total is not None:
            self.count.setText(f"{shown:,} of {self.total:,} shown — type a name to find anyone")
        else:
            self.count.setText(f"{total} young people" if shown == total else f"{shown} of {total} shown")
        self.no_match.setVisible(total > 0 and shown == 0)

    def is_empty(self) -> bool:
        return not self.model.rows and not self.total

    # ----------------------------------------------------------- interaction

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update()
        if self.total is not None:
            self._search_timer.start()

    def _ask_records(self) -> None:
        self.searchRequested.emit(self.search.text())

    def focus_search(self) -> None:
        if self.is_empty():
            self.empty.add_button.setFocus()
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _open_first(self) -> None:
        idx = self.table.currentIndex()
        if not idx.isValid() and self.proxy.rowCount():
            idx = self.proxy.index(0, 0)
        if idx.isValid():
            self._activated(idx)

    def _activated(self, index: QModelIndex) -> None:
        plan_id = self.proxy.data(self.proxy.index(index.row(), 0), Qt.ItemDataRole.UserRole)
        if plan_id:
            self.openRequested.emit(plan_id)

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        down = obj is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        if down and self.proxy.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(obj, event)

    def selected_id(self) -> str | None:
        """The young person chosen in the list (None: no row is selected)."""
        idx = self.table.currentIndex()
        if idx.isValid() and self.table.selectionModel().isRowSelected(idx.row(), idx.parent()):
            return self.proxy.index(idx.row(), 0).data(Qt.ItemDataRole.UserRole) or None
        return None

    def shown_ids(self) -> list[str]:
        """Every young person shown (after the search), in the order shown."""
        ids = (self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.proxy.rowCount()))
        return [i for i in ids if i]

    def select_id(self, plan_id: str) -> None:
        for i in range(self.proxy.rowCount()):
            idx = self.proxy.index(i, 0)
            if idx.data(Qt.ItemDataRole.UserRole) == plan_id:
                self.table.selectRow(i)
                self.table.scrollTo(idx)
                return
