"""Over time: Reviews and key dates (with the timeline), and Adviser history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain import model as m
from ...domain.fields import label
from ...domain.vocab import PlanView
from ..fields import Form, OwnWordsPanel, grid, pretty_date
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
        self._sign_off()
        self.session.saved.connect(self._refresh_timeline)

    def _sign_off(self) -> None:
        """Agreeing the plan: what the young person thinks of it in their own words (set apart as
        theirs), then advocacy, an interpreter, the reviewing officer and who gets a copy."""
        lay = self.section(label("sign_off"), "Before the plan is signed: what they think of it, and how "
                                              "they were helped to have their say.")
        self.sign_off_section = lay.parentWidget()
        words = self.form_for(lambda p: p.sign_off, "sign_off")
        self.sign_off_words = OwnWordsPanel(words, "young_person_comments", "What do you think of your plan? "
                                            "What do you agree with, and what don't you?", parent=self.content)
        view = words.choice("young_person_view", PlanView)
        self.sign_off_words.layout().addWidget(view)
        self._own_words.append(self.sign_off_words)
        lay.addWidget(self.sign_off_words)
        f = self.form_for(lambda p: p.sign_off, "sign_off")
        lay.addWidget(grid([
            f.yes_no("advocacy_offered"),
            f.text("advocate"),
            f.yes_no("interpreter_used"),
            f.text("interpreter_language"),
            f.text("reviewing_officer"),
            f.notes("copies_to", lines=3),
        ]))

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
            return [form.text("name"), form.text("organisation"), form.text("phone"), form.text("email"),
                    form.date("start"), form.date("end"), form.notes("handover_notes", lines=2)]

        lay.addWidget(self.list_editor(
            "advisers",
            [column("advisers.name"), column("advisers.organisation"),
             column("advisers.start", lambda a: pretty_date(a.start)),
             column("advisers.end", lambda a: pretty_date(a.end) or "now")],
            lambda p: p.advisers, lambda p: "advisers", build_adviser,
            factory=m.AdviserPeriod, empty_text="No personal adviser recorded yet.",
        ))


__all__ = ["AdvisersPage", "ReviewsPage"]
