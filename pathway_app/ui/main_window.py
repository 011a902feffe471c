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
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from ..domain import model as m
from ..domain.summary import PlanSummary
from ..domain.validation import FIELD_LABELS, describe_field
from ..errors import NotFound, UserFacingError
from . import theme
from .caseload import CaseloadView
from .dialogs import NewPersonDialog, StaleSaveDialog, TextWindow
from .session import PlanSession

#: Set to make the app print "READY <unix time>" when the first list is on screen, then quit
#: (used by benchmarks/bench_ui.py to time a cold start).
STARTUP_PROBE_ENV = "PATHWAY_STARTUP_PROBE"


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
    """

    planOpened = Signal(str)

    def __init__(self, store: Any, settings: QSettings, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
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
        self._base: dict | None = None  # the plan as last loaded/saved, for re-applying changes
        # open prompts per young person, counted in idle moments: id -> (version, count)
        self._prompt_counts: dict[str, tuple[int, int]] = {}
        self._prompt_queue: list[tuple[str, int]] = []
        self._prompt_timer = QTimer(self)
        self._prompt_timer.setInterval(0)
        self._prompt_timer.timeout.connect(self._count_next_prompts)
        self.setWindowTitle("Pathway Planner")
        self._retoning = False
        self.setStyleSheet(theme.STYLE)

        self.pages = QStackedWidget(self)
        self.caseload = CaseloadView(self.pages)
        self.caseload.openRequested.connect(self.open_plan)
        self.caseload.addRequested.connect(self.add_person)
        self.caseload.demoRequested.connect(self.add_demo)
        self.pages.addWidget(self.caseload)
        self.setCentralWidget(self.pages)

        self.save_label = QLabel(self)
        self.save_label.setAccessibleName("Save status")
        self.show_problem = QToolButton(self)
        self.show_problem.setText("Show me")
        self.show_problem.setAccessibleName("Show the problem that stops saving")
        self.show_problem.setVisible(False)
        self.show_problem.clicked.connect(self.show_first_problem)
        self.statusBar().addPermanentWidget(self.show_problem)
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().setSizeGripEnabled(True)
        self._make_actions()
        self._restore_window()

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
        self.delete_action = self._act("De&lete this plan…", self.delete_plan, None,
                                       "Delete this young person's plan")
        self.quit_action = self._act("&Quit", self.close, QKeySequence.StandardKey.Quit)
        for a in (self.new_action, self.demo_action, None, self.import_action, self.export_action,
                  self.pdf_action, None, self.delete_action, None, self.quit_action):
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
        v.addAction(self.caseload_action)
        v.addAction(self.together_action)
        self._update_actions()

    def _update_actions(self) -> None:
        has_plan = self.session.plan is not None
        on_plan = has_plan and self.pages.currentWidget() is not self.caseload
        for a in (self.export_action, self.pdf_action, self.delete_action, self.together_action):
            a.setEnabled(on_plan or (a is self.together_action and self.together_action.isChecked()))

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
        try:
            summaries = self.store.summaries()
        except UserFacingError as exc:
            self._warn("The list of young people could not be read", str(exc))
            summaries = []
        self._add_prompt_counts(summaries)
        self.caseload.set_summaries(summaries, self.today)
        if os.environ.get(STARTUP_PROBE_ENV):
            QTimer.singleShot(0, self._startup_probe)

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
            self._prompt_timer.start()

    def _count_next_prompts(self) -> None:
        if not self._prompt_queue:
            self._prompt_timer.stop()
            return
        plan_id, version = self._prompt_queue.pop(0)
        try:
            from ..domain.guidance.engine import count_open

            plan = self.store.load(plan_id)
        except (ImportError, UserFacingError):
            self._prompt_queue = []
            self._prompt_timer.stop()
            return
        n = count_open(plan, self.today)
        self._prompt_counts[plan_id] = (plan.version, n)
        self.caseload.model.set_prompt_count(plan_id, n)

    def _summary(self, plan: m.Plan) -> PlanSummary:
        s = PlanSummary.of(plan, self.today)
        try:
            from ..domain.guidance.engine import count_open
        except ImportError:
            return s
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
        try:
            from ..demo import demo_plans
        except ImportError:
            self._warn("No demo young people", "The demo young people are not part of this version.")
            return
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
            self.store.delete(plan.id)
        except UserFacingError as exc:
            self._warn("The plan could not be deleted", str(exc))
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
        changes = changed_fields(self._base, mine)
        text = "\n\n".join(
            f"{field_words(path)}:\n{value if value not in (None, '') else '(empty)'}" for path, value in changes
            if path not in ("version", "updated_at", "created_at")
        ) or "(no changes)"
        choice = StaleSaveDialog.ask(self, plan.person.display_name, text)
        try:
            newer = self.store.load(plan.id)
        except UserFacingError as exc:
            self._warn("The newer plan could not be loaded", f"{exc}\n\nYour changes are still on screen.")
            return
        theirs = plan_to_dict(newer)
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

    def export_pdf(self) -> None:
        plan = self.session.plan
        if plan is None:
            return
        self.session.save_now()
        try:
            from ..export import render_pdf
        except ImportError:
            self._warn("PDF not available", "Making PDFs is not part of this version yet.")
            return
        box = QMessageBox(self)
        box.setWindowTitle("Which copy?")
        box.setText("Which copy of the plan do you want?")
        box.setInformativeText(
            f"{plan.person.display_name}’s copy leaves out contact restrictions, safety notes and "
            "assessments. The full copy is for the record.")
        yp = box.addButton(f"{plan.person.display_name}’s copy", QMessageBox.ButtonRole.AcceptRole)
        full = box.addButton("Full copy", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked not in (yp, full):
            return
        edition = "young-person" if clicked is yp else "full"
        from ..export import default_filename

        path, _f = QFileDialog.getSaveFileName(
            self, "Save the PDF", default_filename(plan, edition, self.today), "PDF (*.pdf)")
        if not path:
            return
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            render_pdf(plan, edition, self.today, path)
        except (OSError, UserFacingError) as exc:
            self._warn("The PDF could not be made", str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"PDF saved to {path}", 8000)

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
        plan = self.session.plan
        if plan is None:
            return
        self.session.save_now()
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
        self.statusBar().showMessage(f"Exported to {path}", 8000)

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
        if not self.leave_current_plan():
            event.ignore()
            return
        self._save_window()
        self._prompt_timer.stop()
        for w in self._copy_windows:
            w.close()
        event.accept()
