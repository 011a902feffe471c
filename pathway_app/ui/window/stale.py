"""When someone else saved the open plan first: nothing anyone typed is lost.

The :class:`~pathway_app.ui.session.PlanSession` refuses a save that would write over a newer
version (``staleSave``). :class:`StaleSaveResolver` then shows what I changed and what changed
in the newer copy (:class:`~pathway_app.ui.dialogs.StaleSaveDialog`), and either puts my
changes back on top of the newer plan and saves, or loads the newer plan and keeps my changes
open in a window to copy from (:class:`~pathway_app.ui.dialogs.TextWindow`).

To tell my changes from theirs it keeps ``base``: the plan as last loaded or saved. The copy
windows hold a young person's words, so they are put away while the app is locked and shown
again after unlocking.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ...domain import model as m
from ...domain.diff import Change, diff, leaves, reapply
from ...domain.fieldpath import field_id
from ...domain.fields import catalogue, describe_change, label, value_words
from ...domain.serialize import plan_from_dict, plan_to_dict
from ...errors import UserFacingError
from ...store.protocol import StoreProtocol
from ..dialogs import StaleSaveDialog, TextWindow
from ..session import PlanSession


def shown(path: str, value: Any) -> str:
    """A changed value as a person reads it: words for codes and dates, a record as its fields."""
    if value in (None, ""):
        return "(empty)"
    fid = field_id(path)
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            sub = f"{fid}.{k}"
            entry = catalogue().get(sub)
            if entry is None or entry.audience == "structural" or isinstance(v, list) or v in (None, ""):
                continue
            parts.append(f"{label(sub)}: {value_words(sub, v)}")
        return "\n".join(parts) or "(empty)"
    return value_words(fid, value) if fid in catalogue() else str(value)


def in_words(changes: list[Change], doc: dict[str, Any]) -> str:
    """Changes as a person reads them: where, in the catalogue's words, and the new value."""
    return "\n\n".join(f"{describe_change(c.path, c.before, c.after, doc)}:\n{shown(c.path, c.after)}"
                        for c in changes)


class StaleSaveResolver(QObject):
    """Resolves a refused save of the open plan (see the module docstring).

    ``parent`` owns the dialogs and copy windows it opens. It works on ``session``'s plan and
    replaces it with :meth:`PlanSession.replace_plan`, so every page shows the new copy through
    the session's ``planReplaced`` signal.
    """

    def __init__(self, session: PlanSession, store: StoreProtocol | None, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.store = store
        self._parent = parent
        #: the plan as last loaded or saved (``plan_to_dict``), to tell my changes from theirs
        self.base: dict[str, Any] | None = None
        #: open windows holding changes that were not saved, to copy from
        self.copy_windows: list[TextWindow] = []
        self._put_away: list[tuple[str, str, str]] = []  # their text while the app is locked
        session.staleSave.connect(self._on_stale)
        session.saved.connect(self.remember)

    def set_store(self, store: StoreProtocol | None) -> None:
        self.store = store

    def remember(self, plan: m.Plan | None) -> None:
        """``plan`` as it is in the records now (just loaded or saved); None forgets it."""
        self.base = plan_to_dict(plan) if plan is not None else None

    # ------------------------------------------------------------------ resolving

    def _on_stale(self, _error: Any) -> None:
        QTimer.singleShot(0, self.resolve)  # after the save that failed has finished

    def resolve(self) -> None:
        """Ask what to do with my changes now that a newer copy is in the records."""
        plan = self.session.plan
        if plan is None or self.base is None or self.store is None:
            return
        base = self.base
        mine = plan_to_dict(plan)
        changes = leaves(diff(base, mine))
        text = in_words(changes, mine) or "(no changes)"
        try:
            newer = self.store.load(plan.id)
        except UserFacingError as exc:
            QMessageBox.warning(self._parent, "The newer plan could not be loaded",
                                f"{exc}\n\nYour changes are still on screen.")
            return
        theirs = plan_to_dict(newer)
        their_changes = [c for c in leaves(diff(base, theirs)) if not c.path.startswith("prompt_responses")]
        mine_paths = {c.path for c in changes}
        both = [describe_change(c.path, c.before, c.after, theirs) for c in their_changes if c.path in mine_paths]
        choice = StaleSaveDialog.ask(self._parent, plan.person.display_name, text,
                                     theirs=in_words(their_changes, theirs), both=both)
        if self.session.plan is not plan:
            return  # locked meanwhile: the changes were kept with the lock and are tried again after it
        if choice == StaleSaveDialog.REAPPLY:
            merged = reapply(base, mine, theirs)
            merged["version"] = theirs["version"]
            merged["updated_at"] = theirs["updated_at"]
            self.base = theirs
            self.session.replace_plan(plan_from_dict(merged), keep_dirty=True)
            self.session.save_now()
        else:
            self.show_copy(text)
            self.base = theirs
            self.session.replace_plan(newer)
            self.session.set_status("saved", "Loaded the newer plan; your changes are in the window to copy from.")

    # ------------------------------------------------------------------ the copy windows

    def show_copy(self, text: str, title: str = "Your unsaved changes",
                  intro: str = "These are the changes that were not saved. Copy what you need into the plan.") -> None:
        win = TextWindow(title, intro, text, self._parent)
        self.copy_windows.append(win)
        win.show()

    def put_away(self) -> None:
        """Close the copy windows, keeping their text to show again (the app is locking)."""
        self._put_away = [(w.windowTitle(), w.findChild(QLabel).text() if w.findChild(QLabel) else "",
                           w.text.toPlainText()) for w in self.copy_windows if w.isVisible()]
        self.close_all()

    def bring_back(self) -> None:
        """Show again the copy windows put away when the app locked."""
        for title, intro, text in self._put_away:
            self.show_copy(text, title, intro)
        self._put_away = []

    def close_all(self) -> None:
        for w in self.copy_windows:
            w.close()
            w.deleteLater()
        self.copy_windows = []


__all__ = ["StaleSaveResolver", "in_words", "shown"]
