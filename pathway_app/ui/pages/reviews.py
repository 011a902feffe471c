"""Over time: Reviews and key dates (with the timeline), and Adviser history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain import model as m
from ...domain.fields import label
from ..fields import Form, grid, pretty_date
from ..records import column
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
            f.date("needs_assessment_done_on"),
            f.date("plan_agreed_on"),
            f.date("review_requested_on"),
            f.check("pa_support_to_25"),
        ]))
        lay = self.section(label("reviews"))

        def build_review(form: Form) -> list[QWidget]:
            return [form.date("held_on"), form.text("participants"),
                    form.notes("young_person_views", lines=2), form.notes("summary", lines=3)]

        lay.addWidget(self.list_editor(
            "reviews",
            [column("reviews.held_on", lambda r: pretty_date(r.held_on)), column("reviews.participants"),
             column("reviews.summary")],
            lambda p: p.reviews, lambda p: "reviews", build_review,
            factory=m.Review, empty_text="No reviews recorded yet.",
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
            return [form.text("name"), form.text("organisation"), form.date("start"), form.date("end"),
                    form.notes("handover_notes", lines=2)]

        lay.addWidget(self.list_editor(
            "advisers",
            [column("advisers.name"), column("advisers.organisation"),
             column("advisers.start", lambda a: pretty_date(a.start)),
             column("advisers.end", lambda a: pretty_date(a.end) or "now")],
            lambda p: p.advisers, lambda p: "advisers", build_adviser,
            factory=m.AdviserPeriod, empty_text="No personal adviser recorded yet.",
        ))


__all__ = ["AdvisersPage", "ReviewsPage"]
