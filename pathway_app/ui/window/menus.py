"""The window's menus and keyboard shortcuts, and which of them may be used when.

:class:`WindowMenus` is the base class of :class:`~pathway_app.ui.window.shell.MainWindow`: the
actions belong to the window (``QWidget.addAction``), so they live on it as ``new_action``,
``pdf_action`` … and call its methods. Here they are only made, laid out in menus and switched
on and off:

- while the app is locked, only Quit;
- actions about one plan (export, PDF, history, delete …) only while that plan is on screen;
- in together mode (on screen with the young person), nothing that shows other young people or
  what only practitioners see — except together mode itself and "Who will be there at 25?".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from ..plan_view import PlanView
    from ..session import PlanSession
    from ..unlock import LockScreen
    from .files import FilesController
    from .locking import LockController
    from .read_only import ReadOnlyState


class WindowMenus(QMainWindow):
    """File, Edit, View and Plan menus of the main window (see the module docstring)."""

    # what the window gives the menus to go by
    files: FilesController
    session: PlanSession
    locking: LockController
    pages: QStackedWidget
    plan_view: PlanView | None
    lock_screen: LockScreen
    read_only_state: ReadOnlyState

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
        w: Any = self  # the window: its slots are defined there
        mb = self.menuBar()
        f = mb.addMenu("&File")
        self.new_action = self._act("&New young person…", w.add_person, QKeySequence.StandardKey.New,
                                    "Start a plan with a new young person")
        self.demo_action = self._act("Add the &demo young people", w.add_demo, None,
                                     "Add made-up young people to try the app with")
        self.import_action = self._act("&Import…", w.import_plans, None, "Read young people's plans from a file")
        self.export_action = self._act("&Export…", w.export_plan, None, "Save this plan to a file")
        # the agreements shared with carers and key workers (ui/workspace.py, ui/import_return.py)
        self.import_return_action = self._act(
            "Import &returned plan…", lambda: self.files.import_return(w.leave_current_plan), None,
            "Bring back a shared plan the carers or key worker saved, and choose which changes to keep")
        self.open_share_action = self._act("Open &shared plan…", lambda: self.files.open_shared_plan(), None,
                                           "Open a shared plan file as the carers or key worker see it")
        self.pdf_action = self._act("Export &PDF…", w.export_pdf, QKeySequence("Ctrl+P"),
                                    "Make a PDF of the plan to read together and sign")
        self.html_action = self._act("Export accessible &copy (HTML)…", w.export_html, None,
                                     "The plan as one web page that reads well with a screen reader and on a phone")
        self.many_pdfs_action = self._act("&Make PDFs…", w.make_pdfs, None,
                                          "Make PDFs of the chosen young person's plan, or everyone's, into a folder")
        self.subject_access_action = self._act(
            "Everything &held about this young person…", w.subject_access, None,
            "A readable copy of everything held about them, for a subject access request")
        self.encrypt_action = self._act("En&crypt these records…", w.encrypt_records, None,
                                        "Lock these records with a passphrase")
        self.lock_action = self._act("&Lock now", w.lock_now, QKeySequence("Ctrl+L"),
                                     "Lock the app now and clear the screen")
        self.delete_action = self._act("De&lete this plan…", w.delete_plan, None,
                                       "Delete this young person's plan")
        self.quit_action = self._act("&Quit", self.close, QKeySequence.StandardKey.Quit)
        for a in (self.new_action, self.demo_action, None, self.import_action, self.export_action,
                  self.pdf_action, self.html_action, self.many_pdfs_action, None, self.subject_access_action, None,
                  self.encrypt_action, self.lock_action, None, self.delete_action, None, self.quit_action):
            f.addSeparator() if a is None else f.addAction(a)
        f.insertActions(self.pdf_action, [self.import_return_action, self.open_share_action])
        f.insertSeparator(self.pdf_action)

        e = mb.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.find_action = self._act("&Find a young person", w.find, QKeySequence.StandardKey.Find,
                                     "Search your young people")
        self.save_action = self._act("&Save now", w.save_now, QKeySequence.StandardKey.Save,
                                     "Changes are saved as you type; this saves at once")
        for a in (self.undo_action, self.redo_action, None, self.find_action, self.save_action):
            e.addSeparator() if a is None else e.addAction(a)

        v = mb.addMenu("&View")
        self.caseload_action = self._act("&Your young people", w.show_caseload,
                                         [QKeySequence("Alt+Left"), QKeySequence("Ctrl+Shift+L")],
                                         "Back to the list of your young people")
        self.together_action = self._act("&Together mode", w.toggle_together, QKeySequence("F11"),
                                         "A calm, large view for writing their own words together")
        self.together_action.setCheckable(True)
        self.lock_settings_action = self._act("&Locking…", w.lock_settings, None,
                                              "How long the app waits, unused, before it locks itself")
        v.addAction(self.caseload_action)
        v.addAction(self.together_action)
        v.addSeparator()
        v.addAction(self.lock_settings_action)

        pm = mb.addMenu("&Plan")
        self.at25_action = self._act("Who will be there at &25?…", w.ask_at25, None,
                                     "Go through the people who matter together: who will be there at 25?")
        self.history_action = self._act("&History of this plan…", w.show_history, None,
                                        "Who opened, changed, exported or printed this plan, and when")
        pm.addAction(self.at25_action)
        pm.addAction(self.history_action)
        for menu in (f, e, v, pm):  # the keyboard goes back where it was when a menu closes
            menu.aboutToHide.connect(self._after_menu)
        #: actions about one open plan (enabled only while it is on screen)
        self._plan_actions = (self.export_action, self.pdf_action, self.html_action, self.delete_action,
                              self.together_action,
                              self.at25_action, self.history_action, self.subject_access_action)
        #: the ones that stay usable in together mode (made for the young person to see)
        self._together_actions = (self.together_action, self.at25_action)
        self._update_actions()

    def _after_menu(self) -> None:
        """A menu closed: on the lock screen, the passphrase box has the keyboard again."""
        if self.locking.locked:
            QTimer.singleShot(0, self.lock_screen.form.focus)

    def _update_actions(self) -> None:
        if self.locking.locked:
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
        for a in (self.import_return_action, self.open_share_action):  # another young person's agreement
            a.setEnabled(not together)
        for a in (self.save_action, self.caseload_action):
            a.setEnabled(True)
        self.lock_action.setEnabled(True)
        self.undo_action.setEnabled(self.session.undo_stack.canUndo())
        self.redo_action.setEnabled(self.session.undo_stack.canRedo())
        self.encrypt_action.setEnabled(self.locking.can_encrypt())
        # records that can only be read: nothing that writes (exports and PDFs are noted in them)
        self.read_only_state.apply((self.new_action, self.demo_action, self.import_action, self.export_action,
                                    self.pdf_action, self.html_action, self.many_pdfs_action,
                                    self.subject_access_action, self.encrypt_action, self.delete_action,
                                    self.at25_action, self.undo_action, self.redo_action))


__all__ = ["WindowMenus"]
