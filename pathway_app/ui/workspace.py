"""The carer's or key worker's workspace: one young person's agreement, from a shared plan file.

A foster carer (Staying Put) or a children's-home key worker (Staying Close) is sent a share file
made at the adviser's (:mod:`pathway_app.store.share`). They open it — *File → Open shared plan…*
in the app, or ``pathway-planner FILE`` — with the passphrase they were given, and get a window
holding only that young person's agreement page as their audience may see it
(:class:`~pathway_app.ui.pages.agreements.AgreementPage` for that audience): what the policy
hides is not shown, what it does not let them change is read-only. They fill it in with the
young person (*View → Together mode*), print it, and *Save* puts their work back into the same
file (:func:`~pathway_app.store.share.save_share`), ready to send back. There is no database, no
lock screen and no other young person here.

- :class:`ShareSession` — the open copy: undo like any plan, saved only when asked, into the file;
- :class:`WorkspaceWindow` — the window;
- :func:`open_shared_plan` — ask for the file (if not given) and its passphrase, and open it;
- ``pathway-planner FILE`` opens it through :func:`..app.run_workspace`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import agreements as ag
from ..domain.audiences import Audience, policy
from ..domain.validation import validate
from ..store.share import SUFFIX, ReturnRefused, ShareFile, open_share, save_share
from . import theme
from .areas import title_of
from .messages import say
from .session import PlanSession

TITLE = "Pathway Planner"
#: The agreement each audience works on, and what it is called on the window.
KIND = {Audience.FOSTER_CARER: ag.STAYING_PUT, Audience.KEY_WORKER: ag.STAYING_CLOSE}
WHO = {Audience.FOSTER_CARER: "the foster carers", Audience.KEY_WORKER: "the key worker"}


class ShareSession(PlanSession):
    """The copy in a share file being worked on: changes are undoable as anywhere in the app, and
    saved into the file when the person says so (:meth:`save_now`)."""

    def __init__(self, path: str, passphrase: str, share: ShareFile, today: Callable[[], date] = date.today):
        super().__init__(None, today)
        self.path = path
        self.share = share
        self._passphrase = passphrase

    @property
    def user_name(self) -> str:
        return policy().labels[self.share.audience]

    def _schedule(self) -> None:
        self.dirty = True
        self.set_status("pending", say("share_unsaved"))

    def save_now(self) -> bool:
        """Save the copy into the same file; True when nothing is left unsaved. Refused — nothing
        written — where a change is outside what the file's audience may change, or the agreement
        has a problem (shown beside its field)."""
        plan = self.plan
        if plan is None or not self.dirty:
            return True
        if self.input_errors:
            self.set_status("error", say("not_saved_unreadable", problem=next(iter(self.input_errors.values()))))
            return False
        problems = [p for p in validate(plan, self.today) if p.field.startswith(tuple(f"{k}." for k in ag.KINDS))]
        if problems:
            self._refused(problems)
            return False
        try:
            self.share = save_share(self.path, self._passphrase, self.share, plan)
        except ReturnRefused as exc:
            self.set_status("error", say("share_not_saved", error=exc))
            return False
        except OSError as exc:
            self.set_status("error", say("not_saved_file", error=exc.strerror or exc))
            return False
        return self._saved_ok(plan, say("share_saved"))


class WorkspaceWindow(QMainWindow):
    """One young person's agreement from a share file (see the module docstring)."""

    def __init__(self, session: ShareSession, parent: QWidget | None = None):
        super().__init__(parent)
        from .pages.agreements import StayingClosePage, StayingPutPage

        self.session = session
        share = session.share
        self.audience = share.audience
        self.kind = KIND[share.audience]
        self.setStyleSheet(theme.style())
        name = share.name or "the young person"
        self.setWindowTitle(f"{name}’s {title_of(self.kind)} (shared copy) — {TITLE}")
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QFrame(central)
        self.banner.setObjectName("Banner")
        self.banner.setStyleSheet("QFrame#Banner { background: palette(alternate-base); "
                                  "border-bottom: 2px solid palette(highlight); }")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(18, 8, 18, 8)
        who = WHO[share.audience]
        made = f", made by {share.made_by}" if share.made_by else ""
        self.banner_text = (f"<b>{escape(name)}’s {escape(ag.NAMES[self.kind])}:</b> a shared copy for {who}"
                            f"{escape(made)}. It holds only this agreement. <b>Save</b> puts your changes back into "
                            "this file; then send it back to the personal adviser.")
        self.banner_label = QLabel(self.banner_text, self.banner)
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextFormat(Qt.TextFormat.RichText)
        self.banner_label.setAccessibleName(f"{name}’s {ag.NAMES[self.kind]}: a shared copy for {who}")
        row.addWidget(self.banner_label, 1)
        outer.addWidget(self.banner)
        page_class = StayingPutPage if self.kind == ag.STAYING_PUT else StayingClosePage
        self.page = page_class(session, central, audience=share.audience)
        self.page.prompt_side.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 34)
        folder = os.path.dirname(os.path.abspath(session.path))
        self.page.start_folder = lambda: folder
        self.page.ensure_built()  # before it is shown, so every part shows with it
        outer.addWidget(self.page, 1)
        self.setCentralWidget(central)
        self.save_label = QLabel(self)
        self.save_label.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.save_label)
        session.statusChanged.connect(self._on_status)
        self._make_menus()
        self.page.set_plan(session.plan)
        fm = self.fontMetrics()
        self.resize(fm.horizontalAdvance("x") * 150, fm.lineSpacing() * 42)

    def _act(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | None, tip: str) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(shortcut)
        a.setStatusTip(tip)
        a.setToolTip(tip)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _make_menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu("&File")
        self.save_action = self._act("&Save", self.save, QKeySequence(QKeySequence.StandardKey.Save),
                                     "Put your changes back into the shared plan file")
        self.print_action = self._act("&Print…", self.page.print_agreement, QKeySequence("Ctrl+P"),
                                      "Make a PDF of the agreement to read together and sign")
        self.close_action = self._act("&Close", self.close, QKeySequence(QKeySequence.StandardKey.Close),
                                      "Close the shared plan")
        for a in (self.save_action, self.print_action, None, self.close_action):
            f.addSeparator() if a is None else f.addAction(a)
        e = mb.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        e.addAction(self.undo_action)
        e.addAction(self.redo_action)
        v = mb.addMenu("&View")
        self.together_action = self._act("&Together mode", self.toggle_together, QKeySequence("F11"),
                                         "A calm view for filling in the agreement with the young person")
        self.together_action.setCheckable(True)
        v.addAction(self.together_action)

    # ------------------------------------------------------------------ saving

    def _on_status(self, state: str, text: str) -> None:
        theme.tone(self.save_label, {"saved": "calm", "error": "attention"}.get(state, "muted"))
        self.save_label.setText(("✓ " + text) if state == "saved" and text else text)
        self.save_label.setToolTip(text)

    def save(self) -> bool:
        """Save into the file; a refusal is said plainly (nothing was written)."""
        if self.session.save_now():
            return True
        QMessageBox.warning(self, "Not saved", self.session.status_text)
        return False

    # ------------------------------------------------------------------ together mode

    def toggle_together(self) -> None:
        on = self.together_action.isChecked()
        self.page.set_together(on)
        plan = self.session.plan
        if on and plan is not None:
            name = plan.person.preferred_name.strip() or plan.person.given_name.strip()
            self.banner_label.setText(f"<b>Together with {escape(name)}:</b> {escape(ag.NAMES[self.kind])}")
            if self.isVisible():
                self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        else:
            self.banner_label.setText(self.banner_text)
            if self.isVisible():
                self.setWindowState(self.windowState() & ~Qt.WindowState.WindowFullScreen)

    # ------------------------------------------------------------------ keyboard

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        """Tab goes through the agreement in reading order, then its checklist, and round again."""
        order = [w for w in self.page.focus_chain() if w.isVisibleTo(self) and w.isEnabled()]
        focus = QApplication.focusWidget()
        while focus is not None and focus not in order and focus is not self:
            focus = focus.parentWidget()
        if not order or focus not in order:
            return super().focusNextPrevChild(next)
        target = order[(order.index(focus) + (1 if next else -1)) % len(order)]
        if self.page.content.isAncestorOf(target):
            self.page.scroll.ensureWidgetVisible(target, 24, 24)
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.session.dirty:
            answer = QMessageBox.question(
                self, "Save the changes?",
                "Your changes are not saved into the shared plan yet. Save them before closing?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                event.ignore()
                return
        event.accept()


def open_shared_plan(parent: QWidget | None, path: str | None = None, folder: str = "",
                     today: Callable[[], date] = date.today) -> WorkspaceWindow | None:
    """Open a shared plan in a workspace window (not shown yet): the file is asked for when
    ``path`` is None, then its passphrase. A file that cannot be used is said plainly and
    nothing is opened (None)."""
    from .agreement_dialogs import open_with_passphrase

    if path is None:
        path, _f = QFileDialog.getOpenFileName(parent, "Open a shared plan", folder,
                                               f"Shared plans (*{SUFFIX});;All files (*)")
        if not path:
            return None
    title = "Open a shared plan"
    got = open_with_passphrase(parent, title, f"{Path(path).name}: type the passphrase you were given with it.",
                               lambda pw: open_share(path, pw))
    if got is None:
        return None
    passphrase, share = got
    from ..store.share import ShareFileProblem

    try:
        plan = share.workspace()
    except ShareFileProblem as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    session = ShareSession(str(path), passphrase, share, today)
    session.open(plan)
    return WorkspaceWindow(session, parent)


__all__ = ["ShareSession", "WorkspaceWindow", "open_shared_plan"]
