"""Predicates of the statutory rules (``80_statutory.json``): what is due and overdue, actions
with no one or no date, the contingency plan, the next home and the end of an arrangement.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ... import dates
from ...vocab import OPEN_ACTION
from ...wording import listing, sentences
from .base import DOB, Ctx, norm, predicate, takes_months, takes_true
from .home import ARRANGEMENT_ENDS

# ---- due and overdue


@predicate(
    "needs_assessment_overdue",
    takes_true,
    (lambda ctx: norm(ctx.assessment_due()),),
    why=lambda ctx, _: f"Needs assessment was due by {dates.fmt(ctx.assessment_due())}",
)
def needs_assessment_overdue(ctx: Ctx, _: bool) -> bool:
    """The needs assessment is not recorded as done and its due date (three months after
    becoming eligible) has passed."""
    due = ctx.assessment_due()
    return due is not None and due < ctx.today


@predicate(
    "review_overdue",
    takes_true,
    (lambda ctx: norm(ctx.review_due()),),
    why=lambda ctx, _: f"Review was due by {dates.fmt(ctx.review_due())}",
)
def review_overdue(ctx: Ctx, _: bool) -> bool:
    """The next review's due date has passed."""
    due = ctx.review_due()
    return due is not None and due < ctx.today


@predicate(
    "review_due_within_months",
    takes_months,
    (lambda ctx: norm(ctx.review_due()),),
    why=lambda ctx, _: f"Review due by {dates.fmt(ctx.review_due())}",
)
def review_due_within_months(ctx: Ctx, months: int) -> bool:
    """months: the next review is due between today and that many months from today."""
    due = ctx.review_due()
    return due is not None and ctx.today <= due <= ctx.months_from_today(months)


# ---- actions


@predicate("area_has_no_actions", takes_true, ("@area.actions.*.status",))
def area_has_no_actions(ctx: Ctx, _: bool) -> bool:
    """(per area) No actions are recorded for this Schedule 1 area."""
    sa = ctx.support_area(ctx.subject or "")
    return sa is None or not sa.actions


def _incomplete_actions(ctx: Ctx) -> list[Any]:
    sa = ctx.support_area(ctx.subject or "")
    if sa is None:
        return []
    return [a for a in sa.actions if a.status in OPEN_ACTION and (not a.who.strip() or a.by_when is None)]


@predicate(
    "area_actions_missing_who_or_when",
    takes_true,
    ("@area.actions.*.who", "@area.actions.*.by_when", "@area.actions.*.status"),
    why=lambda ctx, _: "Without who or by when: " + listing(f"“{a.what.strip()}”" if a.what.strip() else "an action with no description" for a in _incomplete_actions(ctx)),
)
def area_actions_missing_who_or_when(ctx: Ctx, _: bool) -> bool:
    """(per area) An open action in this area has no one named to do it, or no date."""
    return bool(_incomplete_actions(ctx))


# ---- home


def _arrangement_ends(ctx: Ctx, months: int) -> list[tuple[str, date]]:
    plan = ctx.plan
    horizon = ctx.months_from_today(months)
    out = []
    sp = dates.staying_put_end(plan)
    if sp is not None and ctx.today <= sp <= horizon:
        out.append(("Staying Put ends", sp))
    sc = dates.staying_close_end(plan)
    if sc is not None and ctx.today <= sc <= horizon:
        out.append(("Staying Close ends", sc))
    return out


@predicate(
    "home_arrangement_ends_within_months",
    takes_months,
    (DOB, *ARRANGEMENT_ENDS),
    why=lambda ctx, m: sentences(f"{w} on {dates.fmt(d)}" for w, d in _arrangement_ends(ctx, m)),
)
def home_arrangement_ends_within_months(ctx: Ctx, months: int) -> bool:
    """months: an agreed Staying Put (at the latest the 21st birthday) or Staying Close
    arrangement ends between today and that many months from today."""
    return bool(_arrangement_ends(ctx, months))


@predicate("no_next_home_planned", takes_true, ("home.planned_type", "home.planned_description"))
def no_next_home_planned(ctx: Ctx, _: bool) -> bool:
    """No next home is recorded (neither a kind of home nor a description)."""
    home = ctx.plan.home
    return home.planned_type is None and not home.planned_description.strip()


@predicate("no_contingency_plan", takes_true, ("contingency.plan",))
def no_contingency_plan(ctx: Ctx, _: bool) -> bool:
    """No contingency plan is written: what happens if the plan stops working."""
    return not ctx.plan.contingency.plan.strip()


@predicate("pa_support_to_25", takes_true, ("pa_support_to_25",))
def pa_support_to_25(ctx: Ctx, _: bool) -> bool:
    """The young person has asked for personal adviser support from 21 to 25."""
    return ctx.plan.pa_support_to_25


# ---- the personal adviser


@predicate(
    "no_personal_adviser",
    takes_true,
    ("advisers.*.start", "advisers.*.end"),
    why=lambda ctx, _: (
        "No personal adviser is recorded" if not ctx.plan.advisers
        else "No personal adviser recorded is in post today"
    ),
)
def no_personal_adviser(ctx: Ctx, _: bool) -> bool:
    """No personal adviser is in post today (none recorded, or every one recorded has ended or
    not started)."""
    return not ctx.plan.advisers_on(ctx.today)
