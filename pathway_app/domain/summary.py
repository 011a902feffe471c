"""A caseload row: the few facts about a young person the caseload shows, without their plan.

The store fills these from one narrow query; the category and what is due next are worked out
here from the same date functions the full plan uses, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import dates
from .model import Plan
from .vocab import DateOfBirthBasis, Decision


@dataclass
class PlanSummary:
    id: str
    version: int
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: date | None
    date_of_birth_basis: DateOfBirthBasis  # shown with the date of birth wherever it is
    age_assessed_on: date | None
    local_authority: str
    adviser: str
    basis: dates.CareBasis
    needs_assessment_done_on: date | None
    last_review_on: date | None
    plan_agreed_on: date | None
    review_requested_on: date | None
    staying_put_decision: Decision
    staying_put_end: date | None
    planned_move_date: date | None
    pa_support_to_25: bool
    open_prompts: int = 0  # filled in by the prompt engine where it has run

    @property
    def display_name(self) -> str:
        first = self.preferred_name.strip() or self.given_name.strip()
        return " ".join(p for p in (first, self.family_name.strip()) if p) or "(no name yet)"

    @property
    def date_of_birth_words(self) -> str:
        """"10 May 2009 (assessed on 3 March 2025)": the date of birth with how it is known."""
        return dates.date_of_birth_words(self.date_of_birth, self.date_of_birth_basis, self.age_assessed_on)

    def category(self, today: date) -> dates.CategoryResult:
        return dates.category_from_basis(self.basis, today)

    def due_items(self, today: date) -> list[dates.DueItem]:
        return dates.due_items(
            today,
            self.date_of_birth,
            dates.assessment_due_from(self.needs_assessment_done_on, self.basis),
            dates.review_due_from(
                self.last_review_on, self.plan_agreed_on, self.needs_assessment_done_on,
                self.review_requested_on,
            ),
            # stored as dates.staying_put_end worked it out (capped already, or a course runs on)
            dates.staying_put_end_from(self.staying_put_decision, self.staying_put_end, self.date_of_birth,
                                       beyond_21=True),
            self.planned_move_date,
            dates.pa_support_end_from(self.date_of_birth, self.pa_support_to_25),
        )

    def next_due(self, today: date) -> dates.DueItem | None:
        items = self.due_items(today)
        return items[0] if items else None

    @classmethod
    def of(cls, plan: Plan, today: date) -> PlanSummary:
        """The summary row for ``plan`` (what the store writes beside it on save)."""
        last = plan.last_review()
        adviser = plan.current_adviser()
        p = plan.person
        return cls(
            id=plan.id,
            version=plan.version,
            given_name=p.given_name,
            family_name=p.family_name,
            preferred_name=p.preferred_name,
            date_of_birth=p.date_of_birth,
            date_of_birth_basis=p.date_of_birth_basis,
            age_assessed_on=p.age_assessed_on,
            local_authority=p.local_authority,
            adviser=adviser.name if adviser else "",
            basis=dates.care_basis(plan, today),
            needs_assessment_done_on=plan.needs_assessment_done_on,
            last_review_on=last.held_on if last else None,
            plan_agreed_on=plan.plan_agreed_on,
            review_requested_on=plan.review_requested_on,
            staying_put_decision=plan.staying_put.decision,
            staying_put_end=dates.staying_put_end(plan),
            planned_move_date=plan.home.planned_move_date,
            pa_support_to_25=plan.pa_support_to_25,
        )
