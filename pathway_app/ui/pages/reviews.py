"""Over time: Reviews and key dates (with the timeline), and Adviser history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain import model as m
from ...domain.dates import fmt
from ..fields import Form, grid, pretty_date
from ..records import Column
from .base import AreaPage


class ReviewsPage(AreaPage):
    key = "reviews"
    intro = "The needs assessment, the plan, its reviews at least every six months, and what's coming up."

    def build(self) -> None:
        lay = self.section("Timeline")
        from ..timeline_view import TimelineWidget  # with the page, not the plan: a quicker first plan

        self.timeline = TimelineWidget(self.content)
        self.timeline.setMinimumHeight(self.timeline.fontMetrics().lineSpacing() * 9)
        lay.addWidget(self.timeline)
        f = self.form_for(lambda p: p, "")
        lay = self.section("Milestones")
        lay.addWidget(grid([
            f.date("needs_assessment_done_on", "Needs assessment done on"),
            f.date("plan_agreed_on", "Plan agreed on"),
            f.date("review_requested_on", "Review asked for on",
                   "The young person or PA asked for a review: due within 28 days"),
            f.check("pa_support_to_25", "Asked for PA support from 21 to 25"),
        ]))
        lay = self.section("Reviews")

        def build_review(form: Form) -> list[QWidget]:
            return [form.date("held_on", "Held on"), form.text("participants", "Who took part"),
                    form.notes("young_person_views", "Their views", lines=2),
                    form.notes("summary", "Summary", lines=3)]

        lay.addWidget(self.list_editor(
            "review",
            [Column("Held on", lambda r: pretty_date(r.held_on)), Column("Who took part", lambda r: r.participants),
             Column("Summary", lambda r: r.summary)],
            lambda p: p.reviews, lambda p: "reviews", build_review,
            factory=m.Review, describe=lambda r: f"Review on {fmt(r.held_on)}" if r.held_on else "A new review",
            empty_text="No reviews recorded yet.",
        ))
        self.session.saved.connect(self._refresh_timeline)

    def after_bind(self) -> None:
        self._refresh_timeline()

    def _refresh_timeline(self, *_args: Any) -> None:
        self.timeline.set_plan(self.plan, self.session.today)  # None clears it


class AdvisersPage(AreaPage):
    key = "advisers"
    intro = "Their personal advisers over time, with handovers — continuity matters."

    def build(self) -> None:
        lay = self.section("Personal advisers")

        def build_adviser(form: Form) -> list[QWidget]:
            return [form.text("name", "Name"), form.text("organisation", "Organisation"),
                    form.date("start", "From"), form.date("end", "To", "Leave empty for their adviser now"),
                    form.notes("handover_notes", "Handover", lines=2)]

        lay.addWidget(self.list_editor(
            "adviser",
            [Column("Name", lambda a: a.name), Column("Organisation", lambda a: a.organisation),
             Column("From", lambda a: pretty_date(a.start)), Column("To", lambda a: pretty_date(a.end) or "now")],
            lambda p: p.advisers, lambda p: "advisers", build_adviser,
            factory=m.AdviserPeriod, describe=lambda a: a.name or "A new adviser",
            empty_text="No personal adviser recorded yet.",
        ))


__all__ = ["AdvisersPage", "ReviewsPage"]
