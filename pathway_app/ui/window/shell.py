"""The main window: three pages — your young people, a plan, together mode — and the lock screen.

:class:`MainWindow` builds the pages and wires them to the controllers that do the work:

- :class:`~pathway_app.ui.session.PlanSession` — the open plan: undo, autosave, save status;
- :class:`~.caseload_control.CaseloadController` — the list of young people and its prompt counts;
- :class:`~.locking.LockController` — locking after idle time, unlocking, encrypting;
- :class:`~.files.FilesController` — plans files, PDFs, everything held, the plan's history;
- :class:`~.stale.StaleSaveResolver` — when someone else saved the open plan first.

The window itself switches pages, opens, adds and deletes young people, and decides what may
happen when (nothing that shows other young people in together mode). Its menus are in
:mod:`.menus`. Pages never reach up to the window: they talk to the session and emit signals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import model as m
from ...errors import NotFound, UserFacingError
from ...store.protocol import StoreProtocol
from .. import theme
from ..caseload import CaseloadView
from ..session import PlanSession
from ..unlock import LockScreen, StoreAccess
from .caseload_control import LIST_LIMIT, LIST_PAGE, CaseloadController
from .files import FilesController
from .locking import LockController
from .menus import WindowMenus
from .read_only import ReadOnlyState
from .stale import StaleSaveResolver

if TYPE_CHECKING:  # the plan's pages and together mode are imported when first used: a quicker start
    from ..plan_view import PlanView
    from ..together import TogetherView

#: Every window title ends with this (the application's display name), so the desktop, which
#: appends the display name to a title that lacks it, never says it twice.
TITLE = "Pathway Planner"


class MainWindow(WindowMenus):
    """Signals:
    planOpened(str plan_id)
    lockedChanged(bool locked): the app locked itself (True) or was unlocked (False).

    ``access``, ``lock_after_ms``: see :class:`~.locking.LockController`; ``list_limit`` and
    ``list_page``: see :class:`~.caseload_control.CaseloadController`.
    """

    planOpened = Signal(str)
    lockedChanged = Signal(bool)

    def __init__(self, store: StoreProtocol | None, settings: QSettings, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None, *, access: StoreAccess | None = None,
                 lock_after_ms: int | None = None, list_limit: int = LIST_LIMIT, list_page: int = LIST_PAGE):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self._today = today
        self.setWindowTitle(TITLE)
        self.setStyleSheet(theme.style())
        self._retoning = False
        self._together_restore: Qt.WindowState | None = None
        self._resume: dict[str, Any] = {}  # where the window was when it locked (see _where_we_are)

        self.session = PlanSession(store, today, self)
        self.session.statusChanged.connect(self._on_status)
        self.session.saved.connect(self._on_saved)
        self.session.problemsChanged.connect(self._on_problems)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner_area = QWidget(central)  # messages about the records themselves, above every page
        banners = QVBoxLayout(self.banner_area)
        banners.setContentsMargins(0, 0, 0, 0)
        banners.setSpacing(0)
        outer.addWidget(self.banner_area)
        self.pages = QStackedWidget(central)
        self.caseload = CaseloadView(self.pages)
        self.pages.addWidget(self.caseload)
        self.lock_screen = LockScreen(self.pages)
        self.pages.addWidget(self.lock_screen)
        self.plan_view: PlanView | None = None  # made when the first plan is opened
        self.together: TogetherView | None = None  # made when together mode is first used
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.save_label = QLabel(self)
        self.save_label.setAccessibleName("Save status")
        self.show_problem = QToolButton(self)
        self.show_problem.setText("Show me")
        self.show_problem.setAccessibleName("Show the problem that stops saving")
        self.show_problem.setVisible(False)
        self.show_problem.clicked.connect(self.show_first_problem)
        self.encryption_badge = QLabel(self)
        self.encryption_badge.setObjectName("EncryptionBadge")
        self.encryption_badge.setAccessibleName("Encryption")
        for w in (self.show_problem, self.save_label, self.encryption_badge):
            self.statusBar().addPermanentWidget(w)
        self.statusBar().setSizeGripEnabled(True)

        self.caseload_control = CaseloadController(self.caseload, store, today, self, list_limit, list_page)
        self.caseload.openRequested.connect(self.open_plan)
        self.caseload.addRequested.connect(self.add_person)
        self.caseload.demoRequested.connect(self.add_demo)
        self.caseload.pdfsRequested.connect(self.make_pdfs)
        self.caseload_control.added.connect(self._on_added)
        self.caseload_control.status.connect(self.statusBar().showMessage)
        self.stale = StaleSaveResolver(self.session, store, self)
        self.files = FilesController(store, today, self, settings)
        self.files.imported.connect(self._on_imported)
        self.files.status.connect(self.statusBar().showMessage)
        self.locking = LockController(store, access, settings, self.session, self.lock_screen, self.banner_area,
                                      self.encryption_badge, self, lock_after_ms)
        self.locking.aboutToLock.connect(self._put_away)
        self.locking.storeChanged.connect(self._use_store)
        self.locking.lockedChanged.connect(self._on_locked_changed)
        self.locking.encryptRequested.connect(self.encrypt_records)
        self.read_only_state = ReadOnlyState(self.session, self.banner_area, self.caseload, self)
        self._make_actions()
        self._restore_window()
        self._show_store_state()

    @property
    def today(self) -> date:
        return self._today()

    @property
    def locked(self) -> bool:
        return self.locking.locked

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

    # ------------------------------------------------------------------ your young people

    def load_caseload(self) -> None:
        self.caseload_control.load()

    def show_caseload(self) -> None:
        if self.together_action.isChecked():
            self.leave_together()
        self.session.save_now()
        self.pages.setCurrentWidget(self.caseload)
        self.setWindowTitle(TITLE)
        if self.session.plan is not None:
            self.caseload.select_id(self.session.plan.id)
            self.caseload.table.setFocus()
        self._update_actions()

    def find(self) -> None:
        if self.together_action.isChecked():
            return  # other young people's names never appear in together mode
        self.show_caseload()
        self.caseload.focus_search()

    # ------------------------------------------------------------------ a plan

    def _ensure_plan_view(self) -> PlanView:
        if self.plan_view is None:
            from ..plan_view import PlanView

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
        assert self.store is not None
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
        """Work on ``plan``, as it is in the records now."""
        self.session.open(plan)
        self.stale.remember(plan)
        self._ensure_plan_view().set_plan(plan)
        if self.together is not None:
            self.together.set_plan(plan)

    def _show_plan_page(self) -> None:
        view = self._ensure_plan_view()
        self.pages.setCurrentWidget(view)
        view.area_list.setFocus(Qt.FocusReason.OtherFocusReason)
        plan = self.session.plan
        if plan is not None:
            self.setWindowTitle(f"{plan.person.display_name} — {TITLE}")
        self._update_actions()

    def add_person(self) -> None:
        if not self.together_action.isChecked():  # not with the young person watching
            self.caseload_control.add_person(self.leave_current_plan)

    def _on_added(self, plan: m.Plan) -> None:
        self._set_plan(plan)
        self._show_plan_page()
        self._ensure_plan_view().show_area("about")
        self.planOpened.emit(plan.id)

    def add_demo(self) -> None:
        if not self.together_action.isChecked():
            self.caseload_control.add_demo()

    def delete_plan(self) -> None:
        plan = self.session.plan
        if self.together_action.isChecked() or plan is None:
            return
        if self.caseload_control.delete(plan):
            self.session.open(None)
            self.show_caseload()

    def save_now(self) -> None:
        self.session.save_now()

    def ask_at25(self) -> None:
        """"Who will be there at 25?" with the young person; answers are one undoable step."""
        from ..at25_dialog import ask_at25

        ask_at25(self, self.session)

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
        self.caseload_control.show_saved(plan)
        if self.pages.currentWidget() is self.plan_view:
            self.setWindowTitle(f"{plan.person.display_name} — {TITLE}")

    def _on_prompt_count(self, count: int) -> None:
        plan = self.session.plan
        if plan is not None:
            self.caseload_control.note_count(plan, count)

    def show_first_problem(self) -> None:
        """Go to the page and field of the first thing that stops the plan being saved."""
        paths = list(self.session.input_errors) + [p.field for p in self.session.problems]
        if not paths or self.plan_view is None:
            return
        if self.together_action.isChecked():
            self.leave_together()
        self._show_plan_page()
        self.plan_view.show_problem(paths[0])

    # ------------------------------------------------------------------ together mode

    def toggle_together(self) -> None:
        if self.together_action.isChecked():
            self.enter_together()
        else:
            self.leave_together()

    def enter_together(self) -> None:
        plan = self.session.plan
        if plan is None:
            self.together_action.setChecked(False)
            return
        if self.together is None:
            from ..together import TogetherView

            self.together = TogetherView(self.session, self.pages)
            self.together.leaveRequested.connect(self.leave_together)
            self.pages.addWidget(self.together)
        self.together_action.setChecked(True)
        self.together.set_plan(plan)
        self.pages.setCurrentWidget(self.together)
        self.statusBar().clearMessage()
        p = plan.person
        self.setWindowTitle(f"Together with {p.preferred_name.strip() or p.given_name.strip()} — {TITLE}")
        self._together_restore = self.windowState()
        if self.isVisible():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.together.input().setFocus()
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

    # ------------------------------------------------------------------ files (practitioners only)

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
        """The PDF dialog, starting on the copy for the part of the plan on screen (the Staying
        Close plan from the Staying Close section, …)."""
        plan = self._plan_for_practitioner()
        if plan is not None:
            edition = self.plan_view.suggested_edition() if self.plan_view is not None else "full"
            self.files.export_pdf(plan, edition)

    def export_html(self) -> None:
        """The accessible copy; from an agreement's page it starts on that agreement's copy."""
        plan = self._plan_for_practitioner()
        if plan is not None:
            edition = self.plan_view.suggested_edition() if self.plan_view is not None else "full"
            self.files.export_html(plan, None if edition == "full" else edition)

    def export_plan(self) -> None:
        plan = self._plan_for_practitioner()
        if plan is not None:
            self.files.export_plan(plan)

    def subject_access(self) -> None:
        plan = self._plan_for_practitioner()
        if plan is not None:
            self.files.subject_access(plan)

    def show_history(self) -> None:
        plan = self._plan_for_practitioner()
        if plan is not None:
            self.files.show_history(plan)

    def make_pdfs(self) -> None:
        """PDFs for the young person on screen or chosen in the list, else everyone shown."""
        if self.together_action.isChecked():
            return
        self.session.save_now()
        if self.pages.currentWidget() is not self.caseload and self.session.plan is not None:
            ids = [self.session.plan.id]
        else:
            chosen = self.caseload.selected_id()
            ids = [chosen] if chosen else self.caseload.shown_ids()
        self.files.make_pdfs(ids)

    def import_plans(self) -> None:
        if not self.together_action.isChecked():
            self.files.import_plans(self.leave_current_plan)

    def _on_imported(self, ids: list[str]) -> None:
        self.load_caseload()
        open_id = self.session.plan.id if self.session.plan is not None else None
        if open_id in ids:  # the open plan was replaced by a newer copy: show that one
            self.session.open(None)
            self.open_plan(open_id)

    # ------------------------------------------------------------------ locking

    def lock_now(self) -> None:
        self.lock(idle=False)

    def lock(self, idle: bool = False) -> None:
        """Save, close the records, clear every young person's details off the screen, and ask
        for the passphrase (or a plain Continue for unencrypted records) to carry on."""
        self.locking.lock(idle)

    def lock_settings(self) -> None:
        if not self.together_action.isChecked():  # not with the young person watching
            self.locking.ask_lock_after()

    def _put_away(self) -> None:
        """The app is locking: save, remember where we are, and clear everything personal."""
        if self.together_action.isChecked():
            self.leave_together()
        plan = self.session.plan
        saved = self.session.save_now()
        self._resume = self._where_we_are()
        if plan is not None and not saved:
            self._resume["unsaved"] = plan  # kept in memory only, off the screen, saved after unlocking
            self._resume["base"] = self.stale.base
        self.stale.put_away()
        self.session.open(None)
        self.caseload_control.clear()
        if self.plan_view is not None:
            self.plan_view.clear()
        if self.together is not None:
            self.together.set_plan(None)
        self.stale.remember(None)
        self.statusBar().clearMessage()
        self.save_label.clear()
        self.save_label.setToolTip("")
        self.show_problem.setVisible(False)
        self.setWindowTitle(f"Locked — {TITLE}")  # ends with the app's name: the desktop adds nothing
        self.pages.setCurrentWidget(self.lock_screen)
        # widgets let go of (prompt cards, record editors) are deleted now, not at the next turn
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    def _use_store(self, store: StoreProtocol | None) -> None:
        """The records were closed (None) or opened again: everyone reads and writes ``store``."""
        self.store = store
        self.session.set_store(store)
        for controller in (self.caseload_control, self.stale, self.files):
            controller.set_store(store)
        if store is not None:
            self._show_store_state()
            self.load_caseload()

    def _on_locked_changed(self, locked: bool) -> None:
        if not locked:
            where, self._resume = self._resume, {}
            self._resume_at(where)
            self.stale.bring_back()
        self.files.set_locked(locked)
        self._update_actions()
        self.lockedChanged.emit(locked)

    def _where_we_are(self) -> dict[str, Any]:
        plan = self.session.plan
        return {
            "plan_id": plan.id if plan is not None else None,
            "on_plan": plan is not None and self.pages.currentWidget() is not self.caseload,
            "area": self.plan_view.current_key() if self.plan_view is not None else None,
        }

    def _resume_at(self, where: dict[str, Any]) -> None:
        unsaved = where.get("unsaved")
        if unsaved is not None:  # work that could not be saved before locking: put it back
            self._set_plan(unsaved)
            self.stale.base = where.get("base")  # as it was in the records, not as it is on screen
            self.session.mark_changed()
        elif where.get("plan_id"):
            assert self.store is not None
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
            self.setWindowTitle(TITLE)
            if self.session.plan is not None:
                self.caseload.select_id(self.session.plan.id)
        self._update_actions()

    def encrypt_records(self) -> None:
        """Lock the plain records with a new passphrase (the file is encrypted in place)."""
        if not self.locking.can_encrypt() or not self.leave_current_plan():
            return
        passphrase = self.locking.ask_passphrase()
        if passphrase is None:
            return
        where = self._where_we_are()
        self.session.open(None)
        report = self.locking.encrypt(passphrase)  # the records are closed, encrypted, opened again
        if self.store is None:
            return  # they could not be opened again (the person was told to reopen the app)
        self._resume_at(where)
        self.locking.tell_encrypted(report)

    def _show_store_state(self) -> None:
        self.locking.show_store_state()
        self.read_only_state.show(self.store)
        self._update_actions()

    # ------------------------------------------------------------------ closing

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.locked:
            self.lock_screen.form.focus()  # back to the window: the passphrase box has the keyboard
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange) and not self._retoning:
            # The system switched between light and dark: style sheets keep the palette they
            # were polished with, so polish again, then work the text tones out again.
            self._retoning = True
            try:
                self.setStyleSheet("")
                self.setStyleSheet(theme.style())
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
        self.locking.stop()
        self._save_window()
        self.caseload_control.stop()
        self.stale.close_all()
        event.accept()


__all__ = ["MainWindow"]
