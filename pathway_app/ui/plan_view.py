"""A young person's plan: the header strip, the list of areas and the area pages.

Signals (PlanView):
    backRequested(): the user wants the list of young people again.
    promptsChanged(int count): the prompts were worked out again (count of open prompts).
    at25Requested(): "Who will be there at 25?" was pressed on the People who matter page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import dates
from ..domain import fields as catalogue
from ..domain import model as m
from ..domain.labels import label as vocab_label
from . import theme
from .areas import AREAS, PROMPT_AREAS, page_for_path
from .fields import pretty_date
from .pages import PAGE_CLASSES, AreaPage
from .session import PlanSession


class HeaderStrip(QFrame):
    """Name, age, care-leaver category with its reason, and the next dates."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HeaderStrip")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 12)
        lay.setSpacing(18)
        self.back = QPushButton("← Your young people", self)
        self.back.setAccessibleName("Back to your young people")
        self.back.setAccessibleDescription("Show the list of your young people (Alt+Left)")
        lay.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        left = QVBoxLayout()
        left.setSpacing(2)
        self.name = QLabel(self)
        self.name.setAccessibleName("Young person's name")
        theme.set_font(self.name, 1.6, bold=True)
        self.facts = QLabel(self)
        self.facts.setAccessibleName("Age and care-leaver category")
        self.facts.setWordWrap(True)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName("Why this category")
        theme.set_font(self.reason, 0.92)
        theme.tone(self.reason, "muted")
        left.addWidget(self.name)
        left.addWidget(self.facts)
        left.addWidget(self.reason)
        lay.addLayout(left, 3)
        right = QVBoxLayout()
        right.setSpacing(2)
        nd = QLabel("Coming up", self)
        theme.set_font(nd, 0.92, bold=True)
        right.addWidget(nd)
        self.next = QLabel(self)
        self.next.setAccessibleName("Coming up")
        self.next.setTextFormat(Qt.TextFormat.RichText)
        self.next.setWordWrap(True)
        right.addWidget(self.next)
        right.addStretch(1)
        lay.addLayout(right, 2)

    def set_plan(self, plan: m.Plan | None, today: Any) -> None:
        if plan is None:
            self.name.setText("")
            self.facts.setText("")
            self.reason.setText("")
            self.next.setText("")
            return
        p = plan.person
        self.name.setText(p.display_name + (f"  ({p.pronouns})" if p.pronouns.strip() else ""))
        bits = []
        if p.date_of_birth:
            born = dates.date_of_birth_words(p.date_of_birth, p.date_of_birth_basis, p.age_assessed_on)
            bits.append(f"{dates.age_on(p.date_of_birth, today)} years old · born {born}")
        cat = dates.care_leaver_category(plan, today)
        bits.append(vocab_label(cat.category.value, "Category"))
        self.facts.setText("  ·  ".join(bits))
        self.reason.setText(cat.reason)
        items = dates.upcoming(plan, today, include_actions=False)[:3]
        if not items:
            self.next.setText("Nothing due")
            return
        warn = theme.attention_colour(self.palette()).name()
        lines = []
        for it in items:
            when = pretty_date(it.when)
            if it.when < today:
                lines.append(f"<span style='color:{warn}'><b>⚠ {it.label}: {when} (overdue)</b></span>")
            else:
                lines.append(f"{it.label}: <b>{when}</b>")
        self.next.setText("<br>".join(lines))
        self.next.setAccessibleDescription("; ".join(f"{i.label} {pretty_date(i.when)}" for i in items))


class PlanView(QWidget):
    """Header, the list of areas on the left and the chosen area's page."""

    backRequested = Signal()
    promptsChanged = Signal(int)
    at25Requested = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.plan: m.Plan | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = HeaderStrip(self)
        self.header.back.clicked.connect(self.backRequested)
        lay.addWidget(self.header)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("PlanSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.area_model = QStandardItemModel(self)
        for key, title in AREAS:
            item = QStandardItem(title)
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.area_model.appendRow(item)
        self.area_list = QListView(self.splitter)
        self.area_list.setObjectName("AreaList")
        self.area_list.setModel(self.area_model)
        self.area_list.setAccessibleName("Parts of the plan")
        self.area_list.setAccessibleDescription("Choose a part of the plan to work on")
        self.area_list.setSpacing(1)
        self.area_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area_list.setMinimumWidth(self.fontMetrics().horizontalAdvance("Identity and life story") + 48
                                       + self.area_list.verticalScrollBar().sizeHint().width())
        self.stack = QStackedWidget(self.splitter)
        self.splitter.addWidget(self.area_list)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.area_list.minimumWidth(), 900])
        lay.addWidget(self.splitter, 1)
        self.pages: dict[str, AreaPage] = {}
        for key, _title in AREAS:
            page = PAGE_CLASSES[key](session, self.stack)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.area_list.selectionModel().currentRowChanged.connect(self._on_area)
        self.area_list.setCurrentIndex(self.area_model.index(0, 0))
        self._prompt_sigs: dict[str, Any] = {}
        for page in self.pages.values():
            page.prompts.responded.connect(self._on_prompt_responded)
            page.prompts.recorded.connect(self.show_path)
            page.prompts.set_read_only(session.read_only_reason)
        session.readOnlyChanged.connect(self._on_read_only)
        self.pages["people"].at25Requested.connect(self.at25Requested)
        session.fieldChanged.connect(self._on_field_changed)
        session.listChanged.connect(self._refresh_header)
        session.planReplaced.connect(self._on_plan_replaced)
        session.saved.connect(self.refresh_prompts)
        session.listChanged.connect(self._on_list_changed)

    # ----------------------------------------------------------- plan

    def set_plan(self, plan: m.Plan | None) -> None:
        self.plan = plan
        for page in self.pages.values():
            page.set_plan(plan)
        self._refresh_header()
        self.refresh_prompts()

    def clear(self) -> None:
        """Show nothing of anyone: every page, map, timeline and prompt card emptied."""
        self.plan = None
        for page in self.pages.values():
            page.plan = None
            if page._built:
                page.refresh()
        self._prompt_sigs.clear()
        self._refresh_header()
        self.refresh_prompts()

    def _on_plan_replaced(self, plan: m.Plan) -> None:
        self.plan = plan
        self._refresh_header()
        self.refresh_prompts()

    # ----------------------------------------------------------- prompts

    def refresh_prompts(self, *_args: Any) -> None:
        """Ask the prompt engine what to think about, and give each page its share.

        A page's panel is rebuilt only when its prompts changed, so a card being answered is
        not swept away by an autosave of something else.
        """
        from ..domain.guidance.engine import considered, evaluate

        plan = self.plan
        prompts = evaluate(plan, self.session.today) if plan is not None else []
        seen: list | None = None  # considered(...), asked for once, only if a page needs it
        answers = tuple((r.id, r.answer, r.until, r.note) for r in plan.prompt_responses) if plan is not None else ()
        for key, page in self.pages.items():
            codes = PROMPT_AREAS.get(key, ())
            if key == "reviews":
                mine = [p for p in prompts if not p.message]
            else:
                mine = [p for p in prompts if p.area in codes]
            sig = (id(plan), self.session.today, answers,
                   tuple((p.rule_id, int(p.urgency), p.practitioner_text) for p in mine))
            if self._prompt_sigs.get(key) == sig:
                continue
            self._prompt_sigs[key] = sig
            if seen is None:
                seen = considered(plan, self.session.today) if plan is not None else []
            page.prompts.set_prompts(plan, None if key == "reviews" else codes, self.session.today,
                                     self.session.user_name, evaluated=(prompts, seen))
        self.promptsChanged.emit(len(prompts))

    def _on_list_changed(self, lst: Any) -> None:
        if self.plan is not None and lst is self.plan.prompt_responses:
            self.refresh_prompts()

    def _on_prompt_responded(self, resp: Any, changes: list) -> None:
        """A card was answered: put the answer, and what it wrote in the plan (a date, a yes or
        no, a new record …), through the undo stack as one step (so one Ctrl+Z takes both back)."""
        plan = self.plan
        if plan is None or self.session.read_only:
            return
        for i, r in enumerate(plan.prompt_responses):
            if r is resp:  # the panel appended it; the session adds it again as an undoable step
                del plan.prompt_responses[i]
                break
        for change in reversed(changes):  # as it was, then again through the session
            if change[0] == "record":
                lst, record = change[1], change[2]
                lst[:] = [r for r in lst if r is not record]
            else:
                _kind, record, attr, before, _after = change
                setattr(record, attr, before)
        self.session.undo_stack.beginMacro("Answer a prompt")
        for change in changes:
            if change[0] == "record":
                _kind, lst, record, fid = change
                self.session.insert_record(lst, record, label=catalogue.field(fid).record)
            else:
                _kind, record, attr, _before, after = change
                self.session.set_field(record, attr, after)
        self.session.insert_record(plan.prompt_responses, resp, label="answer to a prompt")
        self.session.undo_stack.endMacro()

    def _on_read_only(self, reason: str) -> None:
        for page in self.pages.values():
            page.prompts.set_read_only(reason)

    def _refresh_header(self, *_args: Any) -> None:
        self.header.set_plan(self.plan, self.session.today)

    def _on_field_changed(self, record: Any, attr: str) -> None:
        if self.plan is None:
            return
        if record is self.plan.person or record is self.plan or isinstance(
            record, (m.CareEpisode, m.Review, m.StayingPut, m.Home)
        ) or attr == "date_of_birth":
            self._refresh_header()

    # ----------------------------------------------------------- areas

    def current_key(self) -> str:
        idx = self.area_list.currentIndex()
        return idx.data(Qt.ItemDataRole.UserRole) if idx.isValid() else AREAS[0][0]

    def current_page(self) -> AreaPage:
        return self.pages[self.current_key()]

    def show_area(self, key: str) -> AreaPage:
        row = [k for k, _t in AREAS].index(key)
        self.area_list.selectionModel().setCurrentIndex(
            self.area_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return self.pages[key]

    def suggested_edition(self) -> str:
        """The copy of the plan that suits the part on screen: the Staying Put agreement or the
        Staying Close plan from their sections of the Home page, else the full plan."""
        page = self.current_page()
        sections = page.edition_sections()
        if not sections:
            return "full"
        focus = QApplication.focusWidget()
        for edition, section in sections.items():
            if focus is not None and section.isAncestorOf(focus):
                return edition
        viewport = page.scroll.viewport()
        middle = viewport.rect().center().y()
        for edition, section in sections.items():
            top = section.mapTo(viewport, section.rect().topLeft()).y()
            if top <= middle <= top + section.height():
                return edition
        return "full"

    def show_path(self, path: str) -> None:
        """Go to the page, record and field at ``path`` ("money.local_offer_explained_on",
        "advisers[<id>]"): where a prompt's answer was written."""
        self.show_area(page_for_path(path)).show_path(path)

    def show_problem(self, path: str) -> None:
        """Go to the page, record and field of the problem at ``path`` ("person.given_name")."""
        self.show_area(page_for_path(path)).show_problem(path)

    def _on_area(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            page = self.pages[current.data(Qt.ItemDataRole.UserRole)]
            page.ensure_built()  # before it is shown, so every child shows with it
            self.stack.setCurrentWidget(page)
            page.refresh()

    # ----------------------------------------------------------- keyboard

    def tab_order(self) -> list[QWidget]:
        """Where Tab goes, in reading order: back, the list of areas, the page top to bottom,
        then its prompts. Worked out when Tab is pressed, so controls made later (prompt
        cards, a record's editor) are in it, and hidden or disabled ones are not."""
        chain = [self.header.back, self.area_list] + self.current_page().focus_chain()
        return [w for w in chain if w.isVisibleTo(self) and w.isEnabled()]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        order = self.tab_order()
        focus = QApplication.focusWidget()
        at = -1
        while focus is not None and focus is not self:
            if focus in order:
                at = order.index(focus)
                break
            focus = focus.parentWidget()
        if at < 0 or not order:
            return super().focusNextPrevChild(next)
        target = order[(at + (1 if next else -1)) % len(order)]
        scroll = target.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:  # the page or the prompts column: bring it into view first
            scroll.ensureWidgetVisible(target, 24, 24)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True
