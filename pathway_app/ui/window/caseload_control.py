"""The list of young people: reading it, adding to it and deleting from it; counting prompts.

:class:`CaseloadController` fills a :class:`~pathway_app.ui.caseload.CaseloadView`:

- A list of up to ``list_limit`` young people is read whole and searched as you type. Past
  that (a team's shared records, tens of thousands), the list holds one page of ``list_page``
  and each search asks the records, so opening and searching stay quick.
- "Things to think about" (open prompts) are counted per young person in idle moments, one
  plan at a time, starting :data:`PROMPT_COUNT_DELAY_MS` after the list is shown so the window
  answers first. A count is kept with the plan's version and reused until the plan changes.
- A new young person is saved at once (then opened by the window); the demo young people are
  added once; a plan is deleted only when the records may let it go (kept until the young
  person's 75th birthday).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...domain import model as m
from ...domain.home_now import fill_from_care_history
from ...domain.summary import PlanSummary
from ...errors import NotFound, UserFacingError
from ...store.protocol import StoreProtocol
from ..caseload import CaseloadView
from ..dialogs import NewPersonDialog

#: Set to make the app print "READY <unix time>" when the first list is on screen, then quit
#: (used by benchmarks/bench_ui.py to time a cold start).
STARTUP_PROBE_ENV = "PATHWAY_STARTUP_PROBE"
PROMPT_COUNT_DELAY_MS = 700  # after the list is shown, before counting prompts in the background
LIST_LIMIT = 20_000  # more young people than this, and the list holds one page
LIST_PAGE = 1_000  # young people in that page (and in each search's answer)
#: Lists longer than this are not counted in the background (each count loads a plan).
MAX_BACKGROUND_COUNTS = 3000


class CaseloadController(QObject):
    """Reads the list of young people into ``view``, keeps its prompt counts, adds and deletes.

    ``parent`` owns the dialogs and message boxes it shows.

    Signals:
        added(object plan): a new young person's plan was saved (the window opens it).
        status(str text, int ms): a line for the status bar.
    """

    added = Signal(object)
    status = Signal(str, int)

    def __init__(self, view: CaseloadView, store: StoreProtocol | None, today: Callable[[], date],
                 parent: QWidget, list_limit: int = LIST_LIMIT, list_page: int = LIST_PAGE):
        super().__init__(parent)
        self.view = view
        self.store = store
        self._today = today
        self._parent = parent
        self.list_limit = list_limit
        self.list_page = list_page
        #: open prompts per young person: id -> (plan version, count)
        self.counts: dict[str, tuple[int, int]] = {}
        self._queue: list[tuple[str, int]] = []
        self._timer = QTimer(self)  # one count per idle moment
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._count_next)
        self._delay = QTimer(self)  # lets the window come up before counting starts
        self._delay.setSingleShot(True)
        self._delay.setInterval(PROMPT_COUNT_DELAY_MS)
        self._delay.timeout.connect(self._timer.start)
        view.searchRequested.connect(self.search)

    def set_store(self, store: StoreProtocol | None) -> None:
        """Read from ``store`` from now on (None while the app is locked)."""
        self.store = store

    # ------------------------------------------------------------------ the list

    def load(self) -> None:
        """Read the list again (a page of it, past ``list_limit``) and show it."""
        assert self.store is not None, "the list is read only while the records are open"
        total: int | None = None
        try:
            everyone = self.store.count_summaries()
            if everyone > self.list_limit:
                total = everyone
                summaries = self.store.summaries(search=self.view.search.text(), limit=self.list_page)
            else:
                summaries = self.store.summaries()
        except UserFacingError as exc:
            QMessageBox.warning(self._parent, "The list of young people could not be read", str(exc))
            summaries = []
        self._add_counts(summaries)
        self.view.set_summaries(summaries, self._today(), total=total)
        if os.environ.get(STARTUP_PROBE_ENV):
            QTimer.singleShot(0, self._startup_probe)

    def search(self, text: str) -> None:
        """A long list: find the young people matching ``text`` in the records themselves."""
        if self.store is None or self.view.total is None:
            return
        try:
            summaries = self.store.summaries(search=text, limit=self.list_page)
        except UserFacingError as exc:
            QMessageBox.warning(self._parent, "The list of young people could not be read", str(exc))
            return
        self._add_counts(summaries)
        self.view.set_summaries(summaries, self._today(), total=self.view.total)

    def show_saved(self, plan: m.Plan) -> None:
        """The row of a plan just saved (or added), with its prompts counted now."""
        from ...domain.guidance.engine import count_open  # imported when first needed: a quicker start

        s = PlanSummary.of(plan, self._today())
        s.open_prompts = count_open(plan, self._today())
        self.counts[plan.id] = (plan.version, s.open_prompts)
        self.view.update_summary(s)

    def note_count(self, plan: m.Plan, count: int) -> None:
        """The open plan's prompts were worked out again: show its count in the list."""
        self.counts[plan.id] = (plan.version, count)
        self.view.model.set_prompt_count(plan.id, count)

    def clear(self) -> None:
        """Stop counting, forget every count and empty the list (the app is locking)."""
        self.stop()
        self.counts = {}
        self.view.search.clear()
        self.view.set_summaries([], self._today())

    def stop(self) -> None:
        self._delay.stop()
        self._timer.stop()
        self._queue = []

    def is_counting(self) -> bool:
        """Prompts are still to be counted (or about to be)."""
        return self._delay.isActive() or self._timer.isActive()

    # ------------------------------------------------------------------ adding and deleting

    def add_person(self, may_go_on: Callable[[], bool]) -> None:
        """Ask for the new young person's name and date of birth and save their plan;
        ``may_go_on()`` is asked first (the open plan is saved; False: go back to fix it)."""
        values = NewPersonDialog.ask(self._parent, self._today())
        if not values or not may_go_on():
            return
        assert self.store is not None
        values = dict(values)
        in_care_since = values.pop("in_care_since", None)
        plan = m.Plan(person=m.YoungPerson(**values))
        if in_care_since is not None:  # their care history starts here; Home now follows it
            plan.care_episodes.append(m.CareEpisode(start=in_care_since))
            for attr, value in fill_from_care_history(plan).items():
                setattr(plan.home, attr, value)
        try:
            self.store.save(plan, today=self._today())
        except UserFacingError as exc:
            QMessageBox.warning(self._parent, "The new plan could not be saved", str(exc))
            return
        self.show_saved(plan)
        self.added.emit(plan)

    def add_demo(self) -> None:
        """Add the made-up young people to try the app with (once: ones already there are left)."""
        from ...demo import demo_plans

        assert self.store is not None
        added = 0
        for plan in demo_plans(self._today()):
            try:
                self.store.load(plan.id)
                continue  # already there: leave it as it is
            except NotFound:
                pass
            try:
                self.store.save(plan, today=self._today())
                added += 1
            except UserFacingError as exc:
                QMessageBox.warning(self._parent, "A demo young person could not be added", str(exc))
                break
        self.load()
        self.status.emit(f"Added {added} demo young people." if added else "The demo young people are already here.",
                         6000)

    def delete(self, plan: m.Plan) -> bool:
        """Ask, then delete ``plan`` from the records; True when it was deleted."""
        answer = QMessageBox.warning(
            self._parent, "Delete this plan?",
            f"Delete {plan.person.display_name}’s whole plan? This cannot be undone.\n\n"
            "Plans are statutory records: most should be kept, not deleted.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        assert self.store is not None
        try:
            self.store.delete(plan.id, today=self._today())
        except UserFacingError as exc:  # e.g. kept until their 75th birthday (RetentionRefused)
            QMessageBox.warning(self._parent, "The plan was not deleted", str(exc))
            return False
        self.view.remove(plan.id)
        return True

    # ------------------------------------------------------------------ counting prompts

    def _add_counts(self, summaries: list[PlanSummary]) -> None:
        """Fill ``open_prompts`` from counts already made; queue the rest for idle moments."""
        self._queue = []
        for s in summaries:
            known = self.counts.get(s.id)
            if known is not None and known[0] == s.version:
                s.open_prompts = known[1]
            elif not s.open_prompts and len(summaries) <= MAX_BACKGROUND_COUNTS:
                self._queue.append((s.id, s.version))
        if self._queue:
            self._delay.start()

    def _count_next(self) -> None:
        from ...domain.guidance.engine import count_open

        if not self._queue or self.store is None:
            self.stop()
            return
        plan_id, _version = self._queue.pop(0)
        try:
            plan = self.store.load(plan_id, opened=False)  # a count, not someone reading the plan
        except UserFacingError:
            self.stop()
            return
        n = count_open(plan, self._today())
        self.counts[plan_id] = (plan.version, n)
        self.view.model.set_prompt_count(plan_id, n)

    def _startup_probe(self) -> None:
        QApplication.processEvents()
        rss = ""
        try:
            with open("/proc/self/status", encoding="ascii") as fh:
                rss = next((ln.split()[1] for ln in fh if ln.startswith("VmRSS:")), "")
        except OSError:  # not Linux: no figure
            pass
        print(f"READY {time.time():.6f} rows={self.view.proxy.rowCount()} rss_kb={rss}", flush=True)
        QApplication.quit()


__all__ = ["CaseloadController", "LIST_LIMIT", "LIST_PAGE", "MAX_BACKGROUND_COUNTS", "PROMPT_COUNT_DELAY_MS",
           "STARTUP_PROBE_ENV"]
