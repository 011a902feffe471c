"""The open plan: its undo stack, autosave and save status.

A :class:`PlanSession` owns the in-memory plan of the young person being worked on. Every
change goes through it as an undo command, so field edits and adding or removing records can
be undone; widgets never change the plan directly. Changes are saved as one batch, one
``store.save`` (one transaction), about 400 ms after the last edit, and at once when the app
switches to another young person or closes.

Nothing the user typed is lost: when a save is refused (a problem with the plan, someone else
saved a newer version, the database is unavailable) the plan stays in memory exactly as typed,
the problem is explained, and the save is tried again with the next change.

Signals:
    fieldChanged(object record, str attr): a field of ``record`` changed (edit, undo or redo).
    listChanged(object lst): records were added to or removed from the list ``lst``.
    statusChanged(str state, str text): state is "saved", "pending", "saving", "error".
    problemsChanged(list problems): validation problems (``Problem``) after the last check.
    inputErrorsChanged(): text a field could not read (e.g. a date) appeared or was fixed.
    staleSave(object error): someone else saved a newer version; nothing was written.
    planReplaced(object plan): the plan object was replaced (reload after a stale save).
    saved(object plan): a save succeeded (the caseload refreshes its row).
    readOnlyChanged(str reason): the records can only be read (``reason`` in plain words), or
        can be changed again (""). While they can only be read, no edit reaches the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.model import Plan
from ..domain.validation import Problem, ValidationError, validate
from ..errors import DatabaseProblem, StaleSaveError, UserFacingError
from ..store.protocol import StoreProtocol
from .messages import say

AUTOSAVE_MS = 400
_MERGE_ID = 1001


class SetFieldCommand(QUndoCommand):
    """Set ``record.attr``; consecutive edits of the same field merge into one undo step."""

    def __init__(self, session: PlanSession, record: Any, attr: str, old: Any, new: Any, text: str):
        super().__init__(text)
        self._session = session
        self.record = record
        self.attr = attr
        self.old = old
        self.new = new
        self.epoch = session.merge_epoch

    def id(self) -> int:  # noqa: A003 - Qt override
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand):
            return False
        if other.record is not self.record or other.attr != self.attr:
            return False
        if not isinstance(self.new, str) or other.epoch != self.epoch:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self._session._apply_field(self.record, self.attr, self.new)

    def undo(self) -> None:
        self._session._apply_field(self.record, self.attr, self.old)


class InsertRecordCommand(QUndoCommand):
    def __init__(self, session: PlanSession, lst: list, index: int, record: Any, text: str):
        super().__init__(text)
        self._session = session
        self.lst = lst
        self.index = index
        self.record = record

    def redo(self) -> None:
        self.lst.insert(self.index, self.record)
        self._session.listChanged.emit(self.lst)

    def undo(self) -> None:
        for i, r in enumerate(self.lst):
            if r is self.record:
                del self.lst[i]
                break
        self._session.listChanged.emit(self.lst)


class RemoveRecordCommand(QUndoCommand):
    def __init__(self, session: PlanSession, lst: list, record: Any, text: str):
        super().__init__(text)
        self._session = session
        self.lst = lst
        self.record = record
        self.index = next(i for i, r in enumerate(lst) if r is record)

    def redo(self) -> None:
        for i, r in enumerate(self.lst):
            if r is self.record:
                self.index = i
                del self.lst[i]
                break
        self._session.listChanged.emit(self.lst)

    def undo(self) -> None:
        self.lst.insert(min(self.index, len(self.lst)), self.record)
        self._session.listChanged.emit(self.lst)


class PlanSession(QObject):
    """One young person's plan being edited (see the module docstring for the signals)."""

    fieldChanged = Signal(object, str)
    listChanged = Signal(object)
    statusChanged = Signal(str, str)
    problemsChanged = Signal(list)
    inputErrorsChanged = Signal()
    staleSave = Signal(object)
    planReplaced = Signal(object)
    saved = Signal(object)
    readOnlyChanged = Signal(str)

    def __init__(self, store: StoreProtocol | None, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.plan: Plan | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self.problems: list[Problem] = []
        self.input_errors: dict[str, str] = {}  # field path -> what could not be read
        self.dirty = False
        self.merge_epoch = 0
        self.state = "saved"
        self.status_text = ""
        self._suspend = False
        #: why the records can only be read here ("" when they can be changed)
        self.read_only_reason = store.read_only_reason if store is not None and store.read_only else ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

    # ------------------------------------------------------------------ the plan

    @property
    def today(self) -> date:
        return self._today()

    @property
    def user_name(self) -> str:
        """Who is using the app (the store's user when it knows, else the computer's login)."""
        if self.store is not None and self.store.user:
            return self.store.user
        import getpass

        try:
            return getpass.getuser()
        except (OSError, KeyError):  # pragma: no cover - no user name on this machine
            return "personal adviser"

    def set_store(self, store: StoreProtocol | None) -> None:
        """Save to ``store`` from now on (None while the app is locked)."""
        self._timer.stop()
        self.store = store
        if store is not None:
            self.set_read_only(store.read_only_reason if store.read_only else "")

    @property
    def read_only(self) -> bool:
        """The records can only be read here: editing is off and nothing is saved."""
        return bool(self.read_only_reason)

    def set_read_only(self, reason: str) -> None:
        """The records can only be read, because ``reason`` ("" when they can be changed)."""
        reason = reason or ""
        if reason == self.read_only_reason:
            return
        self.read_only_reason = reason
        self.readOnlyChanged.emit(reason)

    def open(self, plan: Plan | None) -> None:
        """Work on ``plan`` (saving the previous one first is the caller's job)."""
        self._timer.stop()
        self._suspend = True
        self.undo_stack.clear()
        self._suspend = False
        self.plan = plan
        self.dirty = False
        self.problems = []
        self.input_errors = {}
        self.problemsChanged.emit([])
        self.set_status("saved", "")

    def replace_plan(self, plan: Plan, keep_dirty: bool = False) -> None:
        """Swap in a different copy of the plan (after a reload); undo history is cleared."""
        self._timer.stop()
        self._suspend = True
        self.undo_stack.clear()
        self._suspend = False
        self.plan = plan
        self.input_errors = {}
        self.dirty = keep_dirty
        self.planReplaced.emit(plan)
        if keep_dirty:
            self._schedule()

    # ------------------------------------------------------------------ edits

    def set_field(self, record: Any, attr: str, value: Any, label: str = "") -> None:
        """Change ``record.attr`` through the undo stack (no-op when unchanged, or when the
        records can only be read)."""
        if self.read_only:
            return
        old = getattr(record, attr)
        if old == value and type(old) is type(value):
            return
        text = f"Edit {label}" if label else "Edit"
        self.undo_stack.push(SetFieldCommand(self, record, attr, old, value, text))

    def close_merge(self) -> None:
        """The next text edit starts a new undo step (called when a field loses focus)."""
        self.merge_epoch += 1

    def insert_record(self, lst: list, record: Any, index: int | None = None, label: str = "") -> None:
        if self.read_only:
            return
        idx = len(lst) if index is None else index
        self.undo_stack.push(InsertRecordCommand(self, lst, idx, record, f"Add {label}".strip()))

    def remove_record(self, lst: list, record: Any, label: str = "") -> None:
        if self.read_only:
            return
        self.undo_stack.push(RemoveRecordCommand(self, lst, record, f"Remove {label}".strip()))

    def _apply_field(self, record: Any, attr: str, value: Any) -> None:
        setattr(record, attr, value)
        self.fieldChanged.emit(record, attr)

    def mark_changed(self) -> None:
        """The plan was changed outside the undo stack: save it soon."""
        if self.plan is not None and not self.read_only:
            self._schedule()

    def _on_undo_index(self, _index: int) -> None:
        if not self._suspend and self.plan is not None:
            self._schedule()

    def _schedule(self) -> None:
        self.dirty = True
        self.set_status("pending", say("saving"))
        self._timer.start()

    # ------------------------------------------------------------------ input errors

    def set_input_error(self, path: str, message: str | None) -> None:
        """Record (or clear) text a widget could not read; the plan is not saved meanwhile."""
        if message:
            if self.input_errors.get(path) == message:
                return
            self.input_errors[path] = message
        elif path in self.input_errors:
            del self.input_errors[path]
        else:
            return
        self.inputErrorsChanged.emit()
        if self.input_errors:
            self._timer.stop()
            self.set_status("error", say("not_saved_unreadable", problem=next(iter(self.input_errors.values()))))
        elif self.dirty:
            self._schedule()

    # ------------------------------------------------------------------ saving

    def save_now(self) -> bool:
        """Save pending changes now; True when nothing is left unsaved."""
        self._timer.stop()
        plan = self.plan
        if plan is None or not self.dirty:
            return True
        if self.store is None:  # locked: kept in memory and saved after unlocking
            return False
        if self.input_errors:
            self.set_status("error", say("not_saved_unreadable", problem=next(iter(self.input_errors.values()))))
            return False
        today = self.today
        problems = validate(plan, today)
        if problems:
            self._refused(problems)
            return False
        self.set_status("saving", say("saving"))
        try:
            self.store.save(plan, today=today)
        except ValidationError as exc:
            self._refused(list(exc.problems))
            return False
        except StaleSaveError as exc:
            self.set_status("error", say("not_saved_stale"))
            self.staleSave.emit(exc)
            return False
        except (DatabaseProblem, UserFacingError) as exc:
            self.set_status("error", say("not_saved_database", error=exc))
            return False
        except OSError as exc:
            self.set_status("error", say("not_saved_file", error=exc.strerror or exc))
            return False
        return self._saved_ok(plan, say("saved"))

    def _saved_ok(self, plan: Any, words: str) -> bool:
        """After a good save: nothing waiting, no problems shown, the status says ``words``."""
        self.dirty = False
        if self.problems:
            self.problems = []
            self.problemsChanged.emit([])
        self.set_status("saved", words)
        self.saved.emit(plan)
        return True

    def _refused(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.problemsChanged.emit(problems)
        more = say("and_more", count=len(problems) - 1) if len(problems) > 1 else ""
        self.set_status("error", say("not_saved_problem", problem=problems[0], more=more))

    def set_status(self, state: str, text: str) -> None:
        """Say how saving stands ("saved", "pending", "saving", "error") and why, in words."""
        self.state = state
        self.status_text = text
        self.statusChanged.emit(state, text)
