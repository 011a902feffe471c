"""The main window: menus and shortcuts, your young people, the plan, together mode.

The window is a controller: it asks the store for summaries and plans, hands a plan to the
:class:`~pathway_app.ui.session.PlanSession`, and switches between three pages — the list of
young people, a plan, and together mode. Pages never reach up to the window; they talk to the
session and emit signals.
"""

from __future__ import annotations

import os
import time
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import model as m
from ..domain.summary import PlanSummary
from ..domain.validation import FIELD_LABELS, describe_field
from ..errors import NotFound, UserFacingError
from ..store.protocol import StoreProtocol
from . import theme
from .banner import Banner
from .caseload import CaseloadView
from .dialogs import ChooseEditionDialog, LockSettingsDialog, NewPersonDialog, StaleSaveDialog, TextWindow
from .idle import DEFAULT_MINUTES, IdleWatcher, clamp_minutes
from .session import PlanSession
from .unlock import LockScreen, NewPassphraseDialog, StoreAccess

#: The one setting about privacy kept in window.ini (a number of minutes; never personal data).
LOCK_SETTING = "privacy/lock_minutes"

#: Set to make the app print "READY <unix time>" when the first list is on screen, then quit
#: (used by benchmarks/bench_ui.py to time a cold start).
STARTUP_PROBE_ENV = "PATHWAY_STARTUP_PROBE"
PROMPT_COUNT_DELAY_MS = 700  # after start, before counting prompts in the background
LIST_LIMIT = 20_000  # more young people than this, and the list holds one page (MainWindow.list_limit)
LIST_PAGE = 1_000  # young people in that page (and in each search's answer)


_SECTIONS = {
    "person": "About me", "home": "Home", "education": "Education and work", "health": "Health",
    "money": "Money", "identity": "Identity", "contingency": "If things go wrong",
    "staying_put": "Staying Put", "staying_close": "Staying Close",
}


def field_words(path: str) -> str:
    """"person.strengths" → "About me: strengths" (for lists of changes and problems)."""
    words = describe_field(path)
    if words != path.replace("_", " ") or path in FIELD_LABELS:
        return words
    head, _, rest = path.partition(".")
    if head in _SECTIONS and rest:
        return f"{_SECTIONS[head]}: {rest.replace('_', ' ')}"
    if path.startswith("support_areas["):
        return "Support plan: " + words.split(":", 1)[-1].strip()
    return words[:1].upper() + words[1:]


class MainWindow(QMainWindow):
    """Signals:
    planOpened(str plan_id)
    lockedChanged(bool locked): the app locked itself (True) or was unlocked (False).

    ``access`` says how to open the records again after locking (without it, locking only
    clears the screen and Continue shows the records again). ``lock_after_ms`` overrides the
    "lock after" setting (minutes in window.ini, default 5, at most 15).
    """

    planOpened = Signal(str)
    lockedChanged = Signal(bool)

    def __init__(self, store: StoreProtocol | None, settings: QSettings, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None, *, access: StoreAccess | None = None,
                 lock_after_ms: int | None = None, list_limit: int = LIST_LIMIT, list_page: int = LIST_PAGE):
        super().__init__(parent)
        #: Past ``list_limit`` young people (a team's shared records), the list holds one page of
        #: ``list_page`` and the search asks the records, so opening and searching stay quick.
        self.list_limit = list_limit
        self.list_page = list_page
        self.store = store
        self.access = access
        self.locked = False
        self._resume: dict[str, Any] = {}
        self._lock_after_ms = lock_after_ms
        self.settings = settings
        self._today = today
        self.session = PlanSession(store, today, self)
        self.session.statusChanged.connect(self._on_status)
        self.session.saved.connect(self._on_saved)
        self.session.staleSave.connect(self._on_stale)
        self.session.problemsChanged.connect(self._on_problems)
        self.plan_view: Any = None
        self.together: Any = None
        self._together_restore: Qt.WindowState | None = None
        self._copy_windows: list[TextWindow] = []
        self._copy_texts: list[tuple[str, str, str]] = []  # their text while the app is locked
        #: exports or prints finished while the app was locked, noted in the history on unlocking
        self._pending_records: list[tuple[str, str, dict | None]] = []
        self._base: dict | None = None  # the plan as last loaded/saved, for re-applying changes
        # open prompts per young person, counted in idle moments: id -> (version, count)
        self._prompt_counts: dict[str, tuple[int, int]] = {}
        self._prompt_queue: list[tuple[str, int]] = []
        self._prompt_timer = QTimer(self)
        self._prompt_timer.setInterval(0)
        self._prompt_timer.timeout.connect(self._count_next_prompts)
        self._prompt_delay = QTimer(self)  # lets the window come up before counting starts
        self._prompt_delay.setSingleShot(True)
        self._prompt_delay.setInterval(PROMPT_COUNT_DELAY_MS)
        self._prompt_delay.timeout.connect(self._prompt_timer.start)
        self.setWindowTitle("Pathway Planner")
        self._retoning = False
        self.setStyleSheet(theme.STYLE)

        central = QWidget(self)
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self.banners: list[Banner] = []
        self.pages = QStackedWidget(central)
        self.caseload = CaseloadView(self.pages)
        self.caseload.openRequested.connect(self.open_plan)
        self.caseload.searchRequested.connect(self._search_records)
        self.caseload.addRequested.connect(self.add_person)
        self.caseload.demoRequested.connect(self.add_demo)
        self.caseload.pdfsRequested.connect(self.make_pdfs)
        self.pages.addWidget(self.caseload)
        self.lock_screen = LockScreen(self.pages)
        self.lock_screen.unlocked.connect(self._on_unlocked)
        self.lock_screen.problem.connect(self._on_unlock_problem)
        self.pages.addWidget(self.lock_screen)
        self._central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.unencrypted_banner: Banner | None = None

        self.save_label = QLabel(self)
        self.save_label.setAccessibleName("Save status")
        self.show_problem = QToolButton(self)
        self.show_problem.setText("Show me")
        self.show_problem.setAccessibleName("Show the problem that stops saving")
        self.show_problem.setVisible(False)
        self.show_problem.clicked.connect(self.show_first_problem)
        self.statusBar().addPermanentWidget(self.show_problem)
        self.statusBar().addPermanentWidget(self.save_label)
        self.encryption_badge = QLabel(self)
        self.encryption_badge.setObjectName("EncryptionBadge")
        self.encryption_badge.setAccessibleName("Encryption")
        self.statusBar().addPermanentWidget(self.encryption_badge)
        self.statusBar().setSizeGripEnabled(True)
        self._make_actions()
        self._restore_window()
        self.idle = IdleWatcher(self.lock_after_ms(), self)
        self.idle.idle.connect(self._lock_when_idle)
        self.idle.start()
        self.show_store_state()

    @property
    def today(self) -> date:
        return self._today()

    # ------------------------------------------------------------------ menus

    def _act(self, text: str, slot: Callable[..., Any], shortcut: Any = None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                a.setShortcuts(shortcut)
            else:
                a.setShortcut(shortcut)
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu("&File")
        self.new_action = self._act("&New young person…", self.add_person, QKeySequence.StandardKey.New,
                                    "Start a plan with a new young person")
        self.demo_action = self._act("Add the &demo young people", self.add_demo, None,
                                     "Add made-up young people to try the app with")
        self.import_action = self._act("&Import…", self.import_plans, None, "Read young people's plans from a file")
        self.export_action = self._act("&Export…", self.export_plan, None, "Save this plan to a file")
        self.pdf_action = self._act("Export &PDF…", self.export_pdf, QKeySequence("Ctrl+P"),
                                    "Make a PDF of the plan to read together and sign")
        self.many_pdfs_action = self._act("&Make PDFs…", self.make_pdfs, None,
                                          "Make PDFs of the chosen young person's plan, or everyone's, into a folder")
        self.subject_access_action = self._act(
            "Everything &held about this young person…", self.subject_access, None,
            "A readable copy of everything held about them, for a subject access request")
        self.encrypt_action = self._act("En&crypt these records…", self.encrypt_records, None,
                                        "Lock these records with a passphrase")
        self.lock_action = self._act("&Lock now", self._lock_now, QKeySequence("Ctrl+L"),
                                     "Lock the app now and clear the screen")
        self.delete_action = self._act("De&lete this plan…", self.delete_plan, None,
                                       "Delete this young person's plan")
        self.quit_action = self._act("&Quit", self.close, QKeySequence.StandardKey.Quit)
        for a in (self.new_action, self.demo_action, None, self.import_action, self.export_action,
                  self.pdf_action, self.many_pdfs_action, None, self.subject_access_action, None,
                  self.encrypt_action, self.lock_action, None, self.delete_action, None, self.quit_action):
            f.addSeparator() if a is None else f.addAction(a)

        e = mb.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.find_action = self._act("&Find a young person", self.find, QKeySequence.StandardKey.Find,
                                     "Search your young people")
        self.save_action = self._act("&Save now", self.save_now, QKeySequence.StandardKey.Save,
                                     "Changes are saved as you type; this saves at once")
        for a in (self.undo_action, self.redo_action, None, self.find_action, self.save_action):
            e.addSeparator() if a is None else e.addAction(a)

        v = mb.addMenu("&View")
        self.caseload_action = self._act("&Your young people", self.show_caseload,
                                         [QKeySequence("Alt+Left"), QKeySequence("Ctrl+Shift+L")],
                                         "Back to the list of your young people")
        self.together_action = self._act("&Together mode", self.toggle_together, QKeySequence("F11"),
                                         "A calm, large view for writing their own words together")
        self.together_action.setCheckable(True)
        self.lock_settings_action = self._act("&Locking…", self.lock_settings, None,
                                              "How long the app waits, unused, before it locks itself")
        v.addAction(self.caseload_action)
        v.addAction(self.together_action)
        v.addSeparator()
        v.addAction(self.lock_settings_action)

        pm = mb.addMenu("&Plan")
        self.at25_action = self._act("Who will be there at &25?…", self.ask_at25, None,
                                     "Go through the people who matter together: who will be there at 25?")
        self.history_action = self._act("&History of this plan…", self.show_history, None,
                                        "Who opened, changed, exported or printed this plan, and when")
        pm.addAction(self.at25_action)
        pm.addAction(self.history_action)
        #: actions about one open plan (enabled only while it is on screen)
        self._plan_actions = (self.export_action, self.pdf_action, self.delete_action, self.together_action,
                              self.at25_action, self.history_action, self.subject_access_action)
        #: the ones that stay usable in together mode (made for the young person to see)
        self._together_actions = (self.together_action, self.at25_action)
        self._update_actions()

    def _update_actions(self) -> None:
        if self.locked:
            for a in self.actions():
                a.setEnabled(a in (self.quit_action,))
            return
        has_plan = self.session.plan is not None
        together = self.together_action.isChecked()
        on_plan = has_plan and self.plan_view is not None and self.pages.currentWidget() is self.plan_view
        for a in self._plan_actions:
            a.setEnabled(on_plan or (together and a in self._together_actions))
        # Together mode is on screen with the young person: nothing that shows other young
        # people or what only practitioners see (a full PDF, the history, everything held).
        for a in (self.new_action, self.demo_action, self.import_action, self.find_action,
                  self.lock_settings_action, self.many_pdfs_action):
            a.setEnabled(not together)
        for a in (self.save_action, self.caseload_action):
            a.setEnabled(True)
        self.lock_action.setEnabled(True)
        self.undo_action.setEnabled(self.session.undo_stack.canUndo())
        self.redo_action.setEnabled(self.session.undo_stack.canRedo())
        self.encrypt_action.setEnabled(self._can_encrypt())

    # ------------------------------------------------------------------ window state

    def _restore_window(self) -> None:
        geo = self.settings.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            fm = self.fontMetrics()
            self.resize(fm.horizontalAdvance("x") * 150, fm.lineSpacing() * 42)

    def _save_window(self) -> None:
        if self._together_restore is not None:
            self.setWindowState(self._together_restore)
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.plan_view is not None:
            self.settings.setValue("window/plan_splitter", self.plan_view.splitter.saveState())
            self.settings.setValue("window/last_area", self.plan_view.current_key())
        self.settings.sync()

    # ------------------------------------------------------------------ caseload

    def load_caseload(self) -> None:
        total: int | None = None
        try:
            everyone = self.store.count_summaries()
            if everyone > self.list_limit:
                total = everyone
                summaries = self.store.summaries(search=self.caseload.search.text(), limit=self.list_page)
            else:
                summaries = self.store.summaries()
        except UserFacingError as exc:
            self._warn("The list of young people could not be read", str(exc))
            summaries = []
        self._add_prompt_counts(summaries)
        self.caseload.set_summaries(summaries, self.today, total=total)
        if os.environ.get(STARTUP_PROBE_ENV):
            QTimer.singleShot(0, self._startup_probe)

    def _search_records(self, text: str) -> None:
        """A long list: find the young people matching ``text`` in the records themselves."""
        if self.locked or self.caseload.total is None:
            return
        try:
            summaries = self.store.summaries(search=text, limit=self.list_page)
        except UserFacingError as exc:
            self._warn("The list of young people could not be read", str(exc))
            return
        self._add_prompt_counts(summaries)
        self.caseload.set_summaries(summaries, self.today, total=self.caseload.total)

    def _startup_probe(self) -> None:
        QApplication.processEvents()
        rss = ""
        try:
            with open("/proc/self/status", encoding="ascii") as fh:
                rss = next((ln.split()[1] for ln in fh if ln.startswith("VmRSS:")), "")
        except OSError:  # not Linux: no figure
            pass
        print(f"READY {time.time():.6f} rows={self.caseload.proxy.rowCount()} rss_kb={rss}", flush=True)
        QApplication.quit()

    #: Lists longer than this are not counted in the background (each count loads a plan).
    MAX_BACKGROUND_COUNTS = 3000

    def _add_prompt_counts(self, summaries: list[PlanSummary]) -> None:
        """Fill ``open_prompts`` from counts already made; queue the rest for idle moments."""
        self._prompt_queue = []
        for s in summaries:
            known = self._prompt_counts.get(s.id)
            if known is not None and known[0] == s.version:
                s.open_prompts = known[1]
            elif not s.open_prompts and len(summaries) <= self.MAX_BACKGROUND_COUNTS:
                self._prompt_queue.append((s.id, s.version))
        if self._prompt_queue:
            # Let the window come up and answer first; then count one plan per idle moment.
            self._prompt_delay.start()

    def _count_next_prompts(self) -> None:
        if not self._prompt_queue:
            self._prompt_delay.stop()
            self._prompt_timer.stop()
            return
        plan_id, version = self._prompt_queue.pop(0)
        from ..domain.guidance.engine import count_open  # imported when first needed: a quicker start

        try:
            plan = self.store.load(plan_id, opened=False)  # a count, not someone reading the plan
        except UserFacingError:
            self._prompt_queue = []
            self._prompt_delay.stop()
            self._prompt_timer.stop()
            return
        n = count_open(plan, self.today)
        self._prompt_counts[plan_id] = (plan.version, n)
        self.caseload.model.set_prompt_count(plan_id, n)

    def _summary(self, plan: m.Plan) -> PlanSummary:
        from ..domain.guidance.engine import count_open

        s = PlanSummary.of(plan, self.today)
        s.open_prompts = count_open(plan, self.today)
        self._prompt_counts[plan.id] = (plan.version, s.open_prompts)
        return s

    def show_caseload(self) -> None:
        if self.together_action.isChecked():
            self.leave_together()
        self.session.save_now()
        self.pages.setCurrentWidget(self.caseload)
        self.setWindowTitle("Pathway Planner")
        if self.session.plan is not None:
            self.caseload.select_id(self.session.plan.id)
            self.caseload.table.setFocus()
        self._update_actions()

    def find(self) -> None:
        if self.together_action.isChecked():
            return  # other young people's names never appear in together mode
        self.show_caseload()
        self.caseload.focus_search()

    # ------------------------------------------------------------------ plans

    def _ensure_plan_view(self) -> Any:
        if self.plan_view is None:
            from .plan_view import PlanView

            self.plan_view = PlanView(self.session, self.pages)
            self.plan_view.backRequested.connect(self.show_caseload)
            self.plan_view.promptsChanged.connect(self._on_prompt_count)
            self.plan_view.at25Requested.connect(self.ask_at25)
            self.pages.addWidget(self.plan_view)
            state = self.settings.value("window/plan_splitter")
            if isinstance(state, QByteArray) and not state.isEmpty():
                self.plan_view.splitter.restoreState(state)
            last = self.settings.value("window/last_area")
            if isinstance(last, str) and last in self.plan_view.pages:
                self.plan_view.show_area(last)
        return self.plan_view

    def leave_current_plan(self) -> bool:
        """Save the open plan before switching; False if the user chose to go back and fix it."""
        if self.session.plan is None or self.session.save_now():
            return True
        if self.session.state != "error":
            return True
        answer = QMessageBox.question(
            self,
            "Changes not saved",
            f"{self.session.status_text}\n\nGo back and put it right? Choose “Discard” to leave "
            "without saving these changes.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Discard:
            return True
        self.show_first_problem()
        return False

    def open_plan(self, plan_id: str) -> bool:
        current = self.session.plan
        if current is not None and current.id == plan_id:
            self._show_plan_page()
            return True
        if not self.leave_current_plan():
            return False
        try:
            plan = self.store.load(plan_id)
        except NotFound:
            self._warn("Not found", "That young person's plan is no longer there (it may have been deleted).")
            self.load_caseload()
            return False
        except UserFacingError as exc:
            self._warn("The plan could not be opened", str(exc))
            return False
        self._set_plan(plan)
        self._show_plan_page()
        self.planOpened.emit(plan_id)
        return True

    def _set_plan(self, plan: m.Plan) -> None:
        from ..domain.serialize import plan_to_dict

        self.session.open(plan)
        self._base = plan_to_dict(plan)
        view = self._ensure_plan_view()
        view.set_plan(plan)
        if self.together is not None:
            self.together.set_plan(plan)

    def _show_plan_page(self) -> None:
        view = self._ensure_plan_view()
        self.pages.setCurrentWidget(view)
        view.area_list.setFocus(Qt.FocusReason.OtherFocusReason)
        plan = self.session.plan
        if plan is not None:
            self.setWindowTitle(f"{plan.person.display_name} — Pathway Planner")
        self._update_actions()

    def add_person(self) -> None:
        if self.together_action.isChecked():
            return
        values = NewPersonDialog.ask(self, self.today)
        if not values:
            return
        if not self.leave_current_plan():
            return
        plan = m.Plan(person=m.YoungPerson(**values))
        try:
            self.store.save(plan, today=self.today)
        except UserFacingError as exc:
            self._warn("The new plan could not be saved", str(exc))
            return
        self.caseload.update_summary(self._summary(plan))
        self._set_plan(plan)
        self._show_plan_page()
        self.plan_view.show_area("about")
        self.planOpened.emit(plan.id)

    def add_demo(self) -> None:
        if self.together_action.isChecked():
            return  # not with the young person watching
        from ..demo import demo_plans

        added = 0
        for plan in demo_plans(self.today):
            try:
                self.store.load(plan.id)
                continue  # already there: leave it as it is
            except NotFound:
                pass
            try:
                self.store.save(plan, today=self.today)
                added += 1
            except UserFacingError as exc:
                self._warn("A demo young person could not be added", str(exc))
                break
        self.load_caseload()
        self.statusBar().showMessage(
            f"Added {added} demo young people." if added else "The demo young people are already here.", 6000)

    def delete_plan(self) -> None:
        if self.together_action.isChecked():
            return  # not with the young person watching
        plan = self.session.plan
        if plan is None:
            return
        answer = QMessageBox.warning(
            self, "Delete this plan?",
            f"Delete {plan.person.display_name}’s whole plan? This cannot be undone.\n\n"
            "Plans are statutory records: most should be kept, not deleted.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.delete(plan.id, today=self.today)
        except UserFacingError as exc:  # e.g. kept until their 75th birthday (RetentionRefused)
            self._warn("The plan was not deleted", str(exc))
            return
        self.session.open(None)
        self.caseload.remove(plan.id)
        self.show_caseload()

    def save_now(self) -> None:
        self.session.save_now()

    # ------------------------------------------------------------------ save status

    def _on_status(self, state: str, text: str) -> None:
        if state == "saved":
            theme.tone(self.save_label, "calm")
            text = "✓ Saved" if text else ""
        elif state == "error":
            theme.tone(self.save_label, "attention")
        else:
            theme.tone(self.save_label, "muted")
        self.save_label.setText(text)
        self.save_label.setToolTip(text)
        self.show_problem.setVisible(state == "error" and bool(self.session.problems or self.session.input_errors))

    def _on_problems(self, _problems: list) -> None:
        self.show_problem.setVisible(bool(self.session.problems))

    def _on_saved(self, plan: m.Plan) -> None:
        from ..domain.serialize import plan_to_dict

        self._base = plan_to_dict(plan)
        self.caseload.update_summary(self._summary(plan))
        if self.pages.currentWidget() is self.plan_view:
            self.setWindowTitle(f"{plan.person.display_name} — Pathway Planner")

    def _on_prompt_count(self, count: int) -> None:
        plan = self.session.plan
        if plan is not None:
            self._prompt_counts[plan.id] = (plan.version, count)
            self.caseload.model.set_prompt_count(plan.id, count)

    def show_first_problem(self) -> None:
        """Go to the page and field of the first thing that stops the plan being saved."""
        from .areas import page_for_path

        paths = list(self.session.input_errors) + [p.field for p in self.session.problems]
        if not paths or self.plan_view is None:
            return
        if self.together_action.isChecked():
            self.leave_together()
        self._show_plan_page()
        page = self.plan_view.show_area(page_for_path(paths[0]))
        import re

        mm = re.match(r"^([a-z_.]+)\[(\d+)\]", paths[0])
        if mm:
            for ed in page._lists:
                if page.plan is not None and ed.records is not None and ed._path_of(page.plan) == mm.group(1):
                    ed.select(ed.model.record(int(mm.group(2))))
        block = page.first_error_block()
        if block is not None:
            page.scroll.ensureWidgetVisible(block)
            block.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ stale saves

    def _on_stale(self, _error: Any) -> None:
        QTimer.singleShot(0, self._resolve_stale)

    def _resolve_stale(self) -> None:
        from ..domain.serialize import plan_from_dict, plan_to_dict
        from .merge import changed_fields, reapply

        plan = self.session.plan
        if plan is None or self._base is None:
            return
        mine = plan_to_dict(plan)
        skip = ("version", "updated_at", "created_at")
        changes = [(path, value) for path, value in changed_fields(self._base, mine) if path not in skip]

        def words(items: list[tuple[str, Any]]) -> str:
            return "\n\n".join(
                f"{field_words(path)}:\n{value if value not in (None, '') else '(empty)'}" for path, value in items)

        text = words(changes) or "(no changes)"
        try:
            newer = self.store.load(plan.id)
        except UserFacingError as exc:
            self._warn("The newer plan could not be loaded", f"{exc}\n\nYour changes are still on screen.")
            return
        theirs = plan_to_dict(newer)
        their_changes = [(path, value) for path, value in changed_fields(self._base, theirs)
                         if path not in skip and not path.startswith("prompt_responses")]
        mine_paths = {path for path, _v in changes}
        both = [field_words(path) for path, _v in their_changes if path in mine_paths]
        choice = StaleSaveDialog.ask(self, plan.person.display_name, text, theirs=words(their_changes), both=both)
        if self.locked or self.session.plan is not plan:
            return  # locked meanwhile: the changes were kept with the lock and are tried again after it
        if choice == StaleSaveDialog.REAPPLY:
            merged = reapply(self._base, mine, theirs)
            merged["version"] = theirs["version"]
            merged["updated_at"] = theirs["updated_at"]
            new_plan = plan_from_dict(merged)
            self._base = theirs
            self.session.replace_plan(new_plan, keep_dirty=True)
            self.plan_view.set_plan(new_plan)
            if self.together is not None and self.together.plan is not None:
                self.together.set_plan(new_plan)
            self.session.save_now()
        else:
            win = TextWindow("Your unsaved changes",
                             "These are the changes that were not saved. Copy what you need into the plan.",
                             text, self)
            self._copy_windows.append(win)
            win.show()
            self._base = theirs
            self.session.replace_plan(newer)
            self.plan_view.set_plan(newer)
            self.session._set_status("saved", "Loaded the newer plan; your changes are in the window to copy from.")

    # ------------------------------------------------------------------ together mode

    def toggle_together(self) -> None:
        if self.together_action.isChecked():
            self.enter_together()
        else:
            self.leave_together()

    def enter_together(self) -> None:
        if self.session.plan is None:
            self.together_action.setChecked(False)
            return
        if self.together is None:
            from .together import TogetherView

            self.together = TogetherView(self.session, self.pages)
            self.together.leaveRequested.connect(self.leave_together)
            self.pages.addWidget(self.together)
        self.together_action.setChecked(True)
        self.together.set_plan(self.session.plan)
        self.pages.setCurrentWidget(self.together)
        self.statusBar().clearMessage()
        p = self.session.plan.person
        self.setWindowTitle(f"Together with {p.preferred_name.strip() or p.given_name.strip()} — Pathway Planner")
        self._together_restore = self.windowState()
        if self.isVisible():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.together.answer.setFocus()
        self._update_actions()

    def leave_together(self) -> None:
        self.together_action.setChecked(False)
        if self._together_restore is not None:
            self.setWindowState(self._together_restore)
            self._together_restore = None
        self.session.save_now()
        if self.session.plan is not None:
            self._show_plan_page()
        else:
            self.pages.setCurrentWidget(self.caseload)
        self._update_actions()

    # ------------------------------------------------------------------ files

    def _plan_for_practitioner(self) -> m.Plan | None:
        """The open plan, saved, for an action only a practitioner takes (PDF, history, export…).

        None in together mode — nothing of the kind happens with the young person watching — or
        when no plan is open.
        """
        if self.together_action.isChecked() or self.session.plan is None:
            return None
        self.session.save_now()
        return self.session.plan

    def export_pdf(self) -> None:
        plan = self._plan_for_practitioner()
        if plan is None:
            return
        from .pdf_dialog import PdfExportDialog

        got = PdfExportDialog.ask(self, plan, self.today)
        if not got:
            return
        path, edition = got
        self._record("printed", plan.id, {"edition": edition, "file": path.name})
        if not self.locked:
            self.statusBar().showMessage(f"PDF saved to {path}", 8000)

    def _record(self, action: str, plan_id: str, detail: dict | None = None) -> None:
        """Note in the plan's history that it was exported or printed (who, when, what)."""
        if self.store is None and self.locked:
            self._pending_records.append((action, plan_id, detail))  # noted once unlocked
            return
        try:
            self.store.record_event(action, plan_id, detail)
        except UserFacingError as exc:
            self._warn("Not noted in the history", f"The file was made, but it could not be noted in the plan's "
                       f"history: {exc}")

    def _chosen_ids(self) -> list[str]:
        """The young people to act on: the open one, else the one chosen in the list (none: everyone)."""
        if self.pages.currentWidget() is not self.caseload and self.session.plan is not None:
            return [self.session.plan.id]
        idx = self.caseload.table.currentIndex()
        if idx.isValid() and self.caseload.table.selectionModel().isRowSelected(idx.row(), idx.parent()):
            plan_id = self.caseload.proxy.index(idx.row(), 0).data(Qt.ItemDataRole.UserRole)
            if plan_id:
                return [plan_id]
        return []

    def make_pdfs(self) -> None:
        """PDFs for the chosen young person, or for everyone shown, into a folder (can be stopped)."""
        if self.together_action.isChecked():
            return
        self.session.save_now()
        chosen = self._chosen_ids()
        if chosen:
            ids = chosen
        else:
            ids = [self.caseload.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
                   for r in range(self.caseload.proxy.rowCount())]
        ids = [i for i in ids if i]
        if not ids:
            self.statusBar().showMessage("There is no one to make a PDF for yet.", 6000)
            return
        from .pdf_dialog import EDITION_CHOICES, export_many_with_progress

        who = "this young person" if len(ids) == 1 else f"all {len(ids)} young people shown"
        edition = ChooseEditionDialog.ask(self, who, list(EDITION_CHOICES[:2]))
        if edition is None or self.locked:
            return
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder for the PDFs")
        if not folder or self.locked:
            return
        plans = []
        for plan_id in ids:
            try:
                plans.append(self.store.load(plan_id))
            except UserFacingError as exc:
                self._warn("A plan could not be read", str(exc))
                return
        written = export_many_with_progress(self, plans, folder, edition, self.today)
        by_name = {p.id: p for p in plans}
        for path in written:
            for pid in by_name:
                if pid[:8] in path.name:
                    self._record("printed", pid, {"edition": edition, "file": path.name})
                    break
        if not self.locked:
            self.statusBar().showMessage(f"Made {len(written)} of {len(plans)} PDFs in {folder}.", 8000)

    def ask_at25(self) -> None:
        """"Who will be there at 25?" with the young person; answers are one undoable step."""
        plan = self.session.plan
        if plan is None:
            return
        from .at25_dialog import At25Dialog

        before = {r.id: r.there_at_25 for r in plan.relationships}
        self._at25_open = True
        try:
            changed = At25Dialog.run(self, plan)
        finally:
            self._at25_open = False
        if not changed or self.session.plan is not plan:
            return
        self._apply_at25(plan, before)
        self.session.save_now()

    def _apply_at25(self, plan: m.Plan, before: dict) -> None:
        """The dialog changed the plan in place: replay its answers through the undo stack."""
        changed = [(r, before[r.id], r.there_at_25) for r in plan.relationships
                   if r.id in before and r.there_at_25 is not before[r.id]]
        added = [r for r in plan.relationships if r.id not in before]
        for r, old, _new in changed:
            r.there_at_25 = old
        plan.relationships[:] = [r for r in plan.relationships if r.id in before]
        stack = self.session.undo_stack
        stack.beginMacro("Who will be there at 25")
        for r, _old, new in changed:
            self.session.set_field(r, "there_at_25", new, label=f"there at 25: {r.name}")
        for r in added:
            self.session.insert_record(plan.relationships, r, label="person who matters")
        stack.endMacro()

    def show_history(self) -> None:
        plan = self._plan_for_practitioner()
        if plan is None:
            return
        try:
            entries = self.store.audit_history(plan.id)
        except UserFacingError as exc:
            self._warn("The history could not be read", str(exc))
            return
        from .history import HistoryDialog

        HistoryDialog.run(self, plan.person.display_name, entries)

    def subject_access(self) -> None:
        """Everything held about the young person: a readable PDF and the JSON beside it."""
        plan = self._plan_for_practitioner()
        if plan is None:
            return
        from ..export import default_filename
        from ..export.subject_access import render_subject_access_pdf
        from ..store.subject_access import subject_access_bundle

        name = default_filename(plan, "everything-held", self.today)
        path, _f = QFileDialog.getSaveFileName(self, "Save everything held about them", name, "PDF (*.pdf)")
        if not path or self.locked:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        import json

        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            bundle = subject_access_bundle(self.store, plan.id, today=self.today)
            render_subject_access_pdf(bundle, path)
            tmp = path[:-4] + ".json.part"
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(bundle, fh, ensure_ascii=False, indent=2, default=str)
            os.replace(tmp, path[:-4] + ".json")
        except OSError as exc:
            self._warn("The copy could not be made", f"{path}: {exc.strerror or exc}")
            return
        except UserFacingError as exc:
            self._warn("The copy could not be made", str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._record("exported", plan.id, {"what": "everything held (subject access)", "file": os.path.basename(path)})
        n = len(bundle.get("third_party") or [])
        more = (f"\n\n{n} piece{'s' if n != 1 else ''} of information about other people "
                "are marked for someone to check before it is given to them.") if n else ""
        QMessageBox.information(self, "Everything held",
                                f"Saved {path}\nand the same as data beside it (.json).{more}")

    def import_plans(self) -> None:
        if self.together_action.isChecked():
            return
        path, _f = QFileDialog.getOpenFileName(self, "Import plans", "", "Pathway plans (*.json);;All files (*)")
        if not path:
            return
        if not self.leave_current_plan():
            return
        from ..store.interchange import import_plans

        try:
            with open(path, "rb") as fh:
                data = fh.read()
            report = import_plans(self.store, data, today=self.today)
        except OSError as exc:
            self._warn("The file could not be read", f"{path}: {exc.strerror or exc}")
            return
        except UserFacingError as exc:
            self._warn("Nothing was imported", str(exc))
            return
        self.load_caseload()
        open_id = self.session.plan.id if self.session.plan is not None else None
        touched = {i for i, _n in report.created + report.updated}
        if open_id in touched:  # the open plan was replaced by a newer copy: show that one
            self.session.open(None)
            self.open_plan(open_id)
        text = (f"Imported {len(report.created)} new and {len(report.updated)} updated; "
                f"{len(report.unchanged)} unchanged.")
        if report.notes:
            QMessageBox.information(self, "Import finished", text + "\n\n" + "\n".join(report.notes))
        self.statusBar().showMessage(text, 8000)

    def export_plan(self) -> None:
        plan = self._plan_for_practitioner()
        if plan is None:
            return
        from ..store.interchange import export_plans

        safe = "".join(c if c.isalnum() else "-" for c in plan.person.display_name).strip("-").lower() or "plan"
        path, _f = QFileDialog.getSaveFileName(self, "Export the plan", f"{safe}.pathway.json",
                                               "Pathway plans (*.json)")
        if not path:
            return
        try:
            data = export_plans(self.store, [plan.id])
            tmp = path + ".part"
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            self._warn("The plan could not be exported", f"{path}: {exc.strerror or exc}")
            return
        except UserFacingError as exc:
            self._warn("The plan could not be exported", str(exc))
            return
        self._record("exported", plan.id, {"file": os.path.basename(path)})
        self.statusBar().showMessage(f"Exported to {path}", 8000)

    # ------------------------------------------------------------------ keeping records safe

    def lock_after_ms(self) -> int:
        if self._lock_after_ms is not None:
            return int(self._lock_after_ms)
        return clamp_minutes(self.settings.value(LOCK_SETTING, DEFAULT_MINUTES)) * 60_000

    def lock_settings(self) -> None:
        if self.together_action.isChecked():
            return  # not with the young person watching
        minutes = clamp_minutes(self.settings.value(LOCK_SETTING, DEFAULT_MINUTES))
        chosen = LockSettingsDialog.ask(self, minutes)
        if chosen is None:
            return
        self.settings.setValue(LOCK_SETTING, clamp_minutes(chosen))
        self.settings.sync()
        self._lock_after_ms = None
        self.idle.set_timeout_ms(self.lock_after_ms())

    def show_store_state(self) -> None:
        """Say plainly when the records are not encrypted; show warnings about where they are."""
        for b in self.banners:
            b.hide()
            b.deleteLater()
        self.banners = []
        self.unencrypted_banner = None
        if self.store is None:
            return
        for warning in self.store.warnings:
            self._add_banner(Banner(str(warning), parent=self))
        local = self.access is not None and self.access.path is not None
        plain = local and not self.store.encrypted
        if plain:
            action = "Encrypt them…" if self._can_encrypt() else ""
            text = "These records are not encrypted: anyone who gets this computer's files can read them."
            if not action:
                text += " To encrypt them, close the app and run: pathway-planner encrypt"
            self.unencrypted_banner = Banner(text, action, attention=True, parent=self)
            self.unencrypted_banner.setAccessibleName("These records are not encrypted")
            self.unencrypted_banner.actionRequested.connect(self.encrypt_records)
            self._add_banner(self.unencrypted_banner)
            self.encryption_badge.setText("⚠ Not encrypted")
            self.encryption_badge.setToolTip("These records are not encrypted. File → Encrypt these records…")
            theme.tone(self.encryption_badge, "attention")
        elif self.store.encrypted:
            self.encryption_badge.setText("Encrypted ✓")
            self.encryption_badge.setToolTip("These records are encrypted with your passphrase.")
            theme.tone(self.encryption_badge, "calm")
        else:
            self.encryption_badge.setText("")
        self.encryption_badge.setAccessibleDescription(self.encryption_badge.toolTip())
        self.encrypt_action.setEnabled(self._can_encrypt())

    def _add_banner(self, banner: Banner) -> None:
        self.banners.append(banner)
        self._central_layout.insertWidget(len(self.banners) - 1, banner)
        banner.setVisible(True)

    def _can_encrypt(self) -> bool:
        if self.locked or self.store is None or self.access is None or self.access.path is None:
            return False
        return not (self.store.encrypted or self.access.read_only)

    def encrypt_records(self) -> None:
        """Lock the plain records with a new passphrase (the file is encrypted in place)."""
        if not self._can_encrypt() or self.access is None or self.access.path is None:
            return
        if not self.leave_current_plan():
            return
        values = NewPassphraseDialog.ask(self, allow_unencrypted=False, title="Encrypt these records")
        if not values or "passphrase" not in values:
            return
        from ..store.encrypted import encrypt_database

        passphrase = values["passphrase"]
        resume = self._where_we_are()
        self.session.open(None)
        self.store.close()
        self.session.set_store(None)
        self.access.release_lock()
        report = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                report = encrypt_database(self.access.path, passphrase)
            except UserFacingError as exc:
                self._warn("The records were not encrypted", f"{exc}\n\nThey are as they were.")
            self.access.acquire_lock()
            store = self.access.open(passphrase=passphrase) if report is not None else self.access.open()
        except UserFacingError as exc:
            QApplication.restoreOverrideCursor()
            self._warn("The records could not be opened again", f"{exc}\n\nPlease close and reopen the app.")
            return
        QApplication.restoreOverrideCursor()
        self.store = store
        self.session.set_store(store)
        self.show_store_state()
        self.load_caseload()
        self._resume_at(resume)
        if report is not None:
            left = report.plain_copies_left
            more = ""
            if left:
                more = ("\n\nThese older backups were made before encryption and are NOT encrypted. "
                        "Delete them when you are sure you no longer need them:\n" + "\n".join(str(x) for x in left))
            QMessageBox.information(self, "Records encrypted",
                                    "The records are now encrypted. You will need the passphrase each time "
                                    "you open Pathway Planner." + more)

    def _where_we_are(self) -> dict[str, Any]:
        plan = self.session.plan
        page = self.pages.currentWidget()
        return {
            "plan_id": plan.id if plan is not None else None,
            "on_plan": plan is not None and page is not self.caseload,
            "area": self.plan_view.current_key() if self.plan_view is not None else None,
        }

    def _resume_at(self, where: dict[str, Any]) -> None:
        unsaved = where.get("unsaved")
        if unsaved is not None:  # work that could not be saved before locking: put it back
            self.session.open(unsaved)
            self._base = where.get("base")
            view = self._ensure_plan_view()
            view.set_plan(unsaved)
            self.session.mark_changed()
            if self.together is not None:
                self.together.set_plan(unsaved)
        elif where.get("plan_id"):
            try:
                plan = self.store.load(where["plan_id"])
            except UserFacingError:
                plan = None
            if plan is not None:
                self._set_plan(plan)
        if self.session.plan is not None and where.get("on_plan"):
            self._show_plan_page()
            if where.get("area") and self.plan_view is not None:
                self.plan_view.show_area(where["area"])
        else:
            self.pages.setCurrentWidget(self.caseload)
            self.setWindowTitle("Pathway Planner")
            if self.session.plan is not None:
                self.caseload.select_id(self.session.plan.id)
        self._update_actions()

    def _lock_now(self) -> None:
        self.lock(idle=False)

    def _lock_when_idle(self) -> None:
        self.lock(idle=True)

    def lock(self, idle: bool = False) -> None:
        """Save, close the records, clear every young person's details off the screen, and ask
        for the passphrase (or a plain Continue for unencrypted records) to carry on.

        ``idle``: it is locking itself because no one used it (the lock screen says so)."""
        if self.locked:
            return
        self._close_dialogs()
        if self.together_action.isChecked():
            self.leave_together()
        plan = self.session.plan
        saved = self.session.save_now()
        where = self._where_we_are()
        if plan is not None and not saved:
            where["unsaved"] = plan  # kept in memory only, off the screen, saved after unlocking
            where["base"] = self._base
        self._copy_texts = [(w.windowTitle(), w.findChild(QLabel).text() if w.findChild(QLabel) else "",
                             w.text.toPlainText()) for w in self._copy_windows if w.isVisible()]
        for w in self._copy_windows:
            w.close()
            w.deleteLater()
        self._copy_windows = []
        self._resume = where
        self.locked = True
        self.session.open(None)
        self._clear_personal_data()
        if self.access is not None and self.store is not None:
            self.store.close()  # disposes the engine: no open connection, no key in use
            self.store = None
            self.session.set_store(None)
        self.pages.setCurrentWidget(self.lock_screen)
        needs = bool(self.access is not None and self.access.needs_passphrase)
        minutes = round(self.idle.timeout_ms / 60000)
        if idle:
            why = (f"It locked itself after {minutes} minute{'s' if minutes != 1 else ''} without use, to keep "
                   "young people's records private." if minutes >= 1 else "It locked itself to keep young "
                   "people's records private.")
        else:
            why = "It was locked to keep young people's records private."
        self.lock_screen.show_locked(self._reopen, needs, why)
        self.idle.stop()
        self._update_actions()
        self.lockedChanged.emit(True)

    def _close_dialogs(self) -> None:
        """Close every dialog (they may show a young person's details); keep what they changed."""
        from .at25_dialog import At25Dialog

        for w in QApplication.topLevelWidgets():
            if w is self or not isinstance(w, QDialog) or not w.isVisible() or w in self._copy_windows:
                continue
            if isinstance(w, At25Dialog) and w.changed and self.session.plan is w.plan:
                self.session.mark_changed()  # its answers are already in the plan: save them
            if isinstance(w, QProgressDialog):
                w.canceled.emit()  # as if Stop were pressed: the work behind it stops too
            w.reject()

    def _clear_personal_data(self) -> None:
        """Empty every widget that shows a young person (the caseload, the plan, together mode)."""
        self._prompt_delay.stop()
        self._prompt_timer.stop()
        self._prompt_queue = []
        self._prompt_counts = {}
        self.caseload.search.clear()
        self.caseload.set_summaries([], self.today)
        if self.plan_view is not None:
            self.plan_view.clear()
        if self.together is not None:
            self.together.set_plan(None)
        self._base = None
        self.statusBar().clearMessage()
        self.save_label.clear()
        self.save_label.setToolTip("")
        self.show_problem.setVisible(False)
        self.setWindowTitle("Pathway Planner — locked")
        # widgets let go of (prompt cards, record editors) are deleted now, not at the next turn
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def _reopen(self, passphrase: str | None) -> StoreProtocol | None:
        """The lock screen's attempt: open the same records again (raises if it cannot)."""
        if self.access is None:
            return self.store
        return self.access.open(passphrase=passphrase)

    def _on_unlocked(self, store: StoreProtocol) -> None:
        self.store = store
        self.session.set_store(store)
        self.locked = False
        self.show_store_state()
        self.load_caseload()
        where, self._resume = self._resume, {}
        self._resume_at(where)
        for title, intro, text in self._copy_texts:
            win = TextWindow(title, intro, text, self)
            self._copy_windows.append(win)
            win.show()
        self._copy_texts = []
        pending, self._pending_records = self._pending_records, []
        for action, plan_id, detail in pending:
            self._record(action, plan_id, detail)
        self.idle.start()
        self.lockedChanged.emit(False)

    def _on_unlock_problem(self, error: BaseException) -> None:
        self._warn("The records could not be opened", str(error))

    # ------------------------------------------------------------------ closing

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange) and not self._retoning:
            # The system switched between light and dark: style sheets keep the palette they
            # were polished with, so polish again, then work the text tones out again.
            self._retoning = True
            try:
                self.setStyleSheet("")
                self.setStyleSheet(theme.STYLE)
                theme.retone(self)
                if self.plan_view is not None:
                    self.plan_view.header.set_plan(self.session.plan, self.today)
            finally:
                self._retoning = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.locked and self._resume.get("unsaved") is not None:
            answer = QMessageBox.question(
                self, "Changes not saved",
                "Some changes could not be saved before the app locked. Unlock to put them right, or "
                "choose “Discard” to close without them.",
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if not self.locked and not self.leave_current_plan():
            event.ignore()
            return
        self.idle.stop()
        self._save_window()
        self._prompt_delay.stop()
        self._prompt_timer.stop()
        for w in self._copy_windows:
            w.close()
        event.accept()
