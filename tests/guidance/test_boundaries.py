"""Date boundaries: the day before a rule starts to apply, and the day it does."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.domain.guidance import Urgency, evaluate
from pathway_app.domain.vocab import Decision, HomeType

from .builders import complete_plan


def _raised(plan, today, rule_id):
    return [p for p in evaluate(plan, today) if p.rule_id == rule_id]


def _staying_put_undecided(dob=None):
    plan = complete_plan()
    plan.staying_put.decision = Decision.NOT_DISCUSSED
    if dob is not None:
        plan.person.date_of_birth = dob
    return plan


def test_staying_put_starts_exactly_two_years_before_18():
    plan = _staying_put_undecided()  # 18 on 15 March 2027
    assert not _raised(plan, date(2025, 3, 14), "M8-staying-put")
    (p,) = _raised(plan, date(2025, 3, 15), "M8-staying-put")
    assert p.urgency is Urgency.SOON


def test_staying_put_becomes_urgent_six_months_before_18_and_stays_until_21():
    plan = _staying_put_undecided()
    assert _raised(plan, date(2026, 9, 14), "M8-staying-put")[0].urgency is Urgency.SOON
    assert _raised(plan, date(2026, 9, 15), "M8-staying-put")[0].urgency is Urgency.NOW
    assert _raised(plan, date(2030, 3, 14), "M8-staying-put")[0].urgency is Urgency.NOW
    assert not _raised(plan, date(2030, 3, 15), "M8-staying-put")


def test_staying_put_window_for_a_29_february_birthday():
    # Born 29 February 2008: 18 on 1 March 2026 (a common year), so the window opens 1 March 2024.
    plan = _staying_put_undecided(dob=date(2008, 2, 29))
    assert not _raised(plan, date(2024, 2, 29), "M8-staying-put")
    assert _raised(plan, date(2024, 3, 1), "M8-staying-put")
    assert _raised(plan, date(2026, 2, 28), "M8-staying-put")[0].urgency is Urgency.NOW


def test_staying_put_only_for_foster_homes():
    plan = _staying_put_undecided()
    plan.home.current_type = HomeType.RESIDENTIAL
    assert not _raised(plan, date(2026, 6, 1), "M8-staying-put")


def test_review_due_within_a_month():
    plan = complete_plan()  # last review 1 March 2026: due 1 September 2026
    assert not _raised(plan, date(2026, 7, 31), "S-review-due-soon")
    assert _raised(plan, date(2026, 8, 1), "S-review-due-soon")
    assert _raised(plan, date(2026, 9, 1), "S-review-due-soon")  # due today: not yet overdue
    assert not _raised(plan, date(2026, 9, 1), "S-review-overdue")
    assert not _raised(plan, date(2026, 9, 2), "S-review-due-soon")
    (p,) = _raised(plan, date(2026, 9, 2), "S-review-overdue")
    assert p.urgency is Urgency.NOW and "1 September 2026" in p.why


def test_review_asked_for_is_due_within_28_days():
    plan = complete_plan()
    plan.review_requested_on = date(2026, 6, 1)  # due 29 June 2026
    assert _raised(plan, date(2026, 6, 1), "S-review-due-soon")
    assert _raised(plan, date(2026, 6, 30), "S-review-overdue")


def test_needs_assessment_due_three_months_after_eligibility():
    plan = complete_plan()
    plan.needs_assessment_done_on = None  # eligible 15 March 2025: due 15 June 2025
    assert not _raised(plan, date(2025, 6, 15), "S-needs-assessment-overdue")
    assert _raised(plan, date(2025, 6, 16), "S-needs-assessment-overdue")


def test_skills_a_year_before_18():
    plan = complete_plan()
    plan.skills[3].level = plan.skills[3].level.__class__("not_started")
    assert not _raised(plan, date(2026, 3, 14), "M17-practical-skills")
    assert _raised(plan, date(2026, 3, 15), "M17-practical-skills")


def test_staying_put_ending_within_six_months_with_no_next_home():
    plan = complete_plan()  # Staying Put agreed, no end date: ends on the 21st birthday, 15 March 2030
    assert not _raised(plan, date(2029, 9, 14), "S-home-arrangement-ending")
    assert _raised(plan, date(2029, 9, 15), "S-home-arrangement-ending")
    plan.home.planned_type = HomeType.OWN_TENANCY
    assert not _raised(plan, date(2029, 9, 15), "S-home-arrangement-ending")


@pytest.mark.parametrize(
    "today, raised",
    [(date(2029, 9, 14), False), (date(2029, 9, 15), True), (date(2030, 3, 14), True), (date(2030, 3, 15), False)],
)
def test_support_after_21(today, raised):
    assert bool(_raised(complete_plan(), today, "S-support-after-21")) is raised


def test_no_date_of_birth_means_no_age_rules():
    plan = _staying_put_undecided()
    plan.person.date_of_birth = None
    assert not _raised(plan, date(2026, 6, 1), "M8-staying-put")
