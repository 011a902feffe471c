"""Key dates for a young person: birthdays, care-leaver category and what is due when.

Everything here is pure: "today" is always a parameter. Birthdays (and 29 February) are in
:mod:`.days`; the care-leaver category and the dates it rests on — the 13 weeks "completed
on" the 91st day, "eligible from" the next — are in :mod:`.care_leaver`. Both are re-exported
here, so ``dates`` stays the one place to ask for a date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .care_leaver import (
    SHORT_BREAK_MAX_DAYS,
    THIRTEEN_WEEKS,
    CareBasis,
    Category,
    CategoryDates,
    CategoryResult,
    Period,
    care_basis,
    care_leaver_category,
    category_dates,
    category_from_basis,
)
from .days import KEY_AGES, age_on, birthday, birthday_words, date_of_birth_words, fmt, in_date_order, key_birthdays
from .labels import label
from .model import CareEpisode, Plan
from .vocab import OPEN_ACTION, AgreementStatus, Decision, EndBasis
from .wording import ordinal, possessive, pronouns

__all__ = [
    # re-exported from .days
    "KEY_AGES", "age_on", "birthday", "birthday_words", "date_of_birth_words", "fmt", "key_birthdays",
    # re-exported from .care_leaver
    "SHORT_BREAK_MAX_DAYS", "THIRTEEN_WEEKS", "CareBasis", "Category", "CategoryDates", "CategoryResult", "Period",
    "care_basis", "care_leaver_category", "category_dates", "category_from_basis",
    # re-exported from .wording
    "ordinal",
    # due dates
    "DueItem", "REQUESTED_REVIEW_DAYS", "REVIEW_INTERVAL_MONTHS", "assessment_due_from", "dates_summary",
    "due_items", "is_overdue", "iter_overlaps", "needs_assessment_due", "next_due", "next_review_due",
    "pa_support_end", "pa_support_end_from", "plan_dates", "review_due_from", "review_schedule",
    "staying_close_end", "staying_put_end", "staying_put_end_from", "upcoming",
]


# --------------------------------------------------------------------------- due dates


@dataclass(frozen=True)
class DueItem:
    when: date
    label: str
    # birthday | assessment | review | staying_put | move | pa_support (statutory and milestones);
    # action | baby | child_birthday | immigration | return_home (the plan's own dates)
    kind: str


def needs_assessment_due(plan: Plan, today: date, basis: CareBasis | None = None) -> date | None:
    """Three months after the day the young person is eligible from (reg 42, Care Planning
    Regulations 2010): eligible from 31 July, due by 31 October."""
    return assessment_due_from(plan.needs_assessment_done_on, basis or care_basis(plan, today))


def assessment_due_from(done_on: date | None, basis: CareBasis) -> date | None:
    if done_on is not None:
        return None
    eligible = basis.eligible_from or basis.eligible_from_if_stays
    if eligible is None:
        return None
    return eligible + relativedelta(months=3)


REVIEW_INTERVAL_MONTHS = 6
REQUESTED_REVIEW_DAYS = 28


def review_schedule(start: date, count: int = 4) -> list[date]:
    """Reviews every six months from ``start`` (the first being six months after it).

    Each date is six months after the one before; a day the month lacks falls back to the
    month's last day (31 August → 28 February), so no review is ever more than six months
    after the one before it.
    """
    out: list[date] = []
    d = start
    for _ in range(count):
        d = d + relativedelta(months=REVIEW_INTERVAL_MONTHS)
        out.append(d)
    return out


def next_review_due(plan: Plan, today: date | None = None) -> date | None:
    """Six months after the last review; within 28 days of a review being asked for.

    With no review yet, six months after the plan was agreed (or after the needs assessment).
    """
    last = plan.last_review()
    return review_due_from(
        last.held_on if last is not None else None,
        plan.plan_agreed_on,
        plan.needs_assessment_done_on,
        plan.review_requested_on,
    )


def review_due_from(
    last_review: date | None,
    plan_agreed_on: date | None,
    assessment_done_on: date | None,
    requested_on: date | None,
) -> date | None:
    base = last_review or plan_agreed_on or assessment_done_on
    due = review_schedule(base, 1)[0] if base is not None else None
    if requested_on is not None and (base is None or requested_on >= base):
        asked = requested_on + timedelta(days=REQUESTED_REVIEW_DAYS)
        due = asked if due is None else min(due, asked)
    return due


def staying_put_end(plan: Plan) -> date | None:
    """The end of an agreed Staying Put arrangement: the end written in the agreement in force
    (or being written), never later than the 21st birthday unless the agreement names a course
    that runs on; the 21st birthday where no end is written; the day it ended, once ended."""
    sp = plan.staying_put
    a = sp.current()
    if a is None:
        latest = sp.latest()
        if latest is not None and latest.status is AgreementStatus.ENDED and latest.ended_on is not None:
            return latest.ended_on if sp.decision is Decision.AGREED else None
        return staying_put_end_from(sp.decision, None, plan.person.date_of_birth)
    course = a.end_basis is EndBasis.END_OF_COURSE and bool(a.course.strip())
    return staying_put_end_from(sp.decision, a.end, plan.person.date_of_birth, beyond_21=course)


def staying_put_end_from(decision: Decision, end: date | None, dob: date | None, *,
                         beyond_21: bool = False) -> date | None:
    if decision is not Decision.AGREED:
        return None
    cap = birthday(dob, 21) if dob else None
    if end is not None:
        return min(end, cap) if cap and not beyond_21 else end
    return cap


def staying_close_end(plan: Plan) -> date | None:
    """The end written in the Staying Close plan in force (or being written), once agreed."""
    sc = plan.staying_close
    a = sc.current()
    return a.end if a is not None and sc.decision is Decision.AGREED else None


def pa_support_end(plan: Plan) -> date | None:
    """PA support ends at 21, or at 25 when the young person has asked for it to continue."""
    return pa_support_end_from(plan.person.date_of_birth, plan.pa_support_to_25)


def pa_support_end_from(dob: date | None, to_25: bool) -> date | None:
    if dob is None:
        return None
    return birthday(dob, 25 if to_25 else 21)


def due_items(
    today: date,
    dob: date | None,
    assessment_due: date | None,
    review_due: date | None,
    sp_end: date | None,
    move_date: date | None,
    pa_end: date | None,
) -> list[DueItem]:
    """The statutory dates and milestones from already-worked-out dates, soonest first."""
    items: list[DueItem] = []
    if dob is not None:
        for age, d in key_birthdays(dob).items():
            if d >= today:
                items.append(DueItem(d, f"{ordinal(age)} birthday", "birthday"))
    if assessment_due is not None:
        items.append(DueItem(assessment_due, "Needs assessment due", "assessment"))
    if review_due is not None:
        items.append(DueItem(review_due, "Review due", "review"))
    if sp_end is not None and sp_end >= today:
        items.append(DueItem(sp_end, "Staying Put ends", "staying_put"))
    if move_date is not None and move_date >= today:
        items.append(DueItem(move_date, "Planned move", "move"))
    if pa_end is not None and pa_end >= today:
        items.append(DueItem(pa_end, "Personal adviser support ends", "pa_support"))
    items.sort(key=lambda i: (i.when, i.kind))
    return items


def plan_dates(plan: Plan, today: date) -> list[DueItem]:
    """The plan's own dates to come (not statutory): open actions (overdue ones too), a baby
    due, each child's next birthday, immigration leave ending, and the review of the support
    after a return home."""
    items: list[DueItem] = []
    for _area, action in plan.all_actions():
        if action.by_when is not None and action.status in OPEN_ACTION:
            items.append(DueItem(action.by_when, f"Action: {action.what}", "action"))
    for child in plan.children:
        name = child.name.strip()
        if child.born_on is None and child.due_on is not None and child.due_on >= today:
            items.append(DueItem(child.due_on, f"{name}: baby due" if name else "Baby due", "baby"))
        elif child.born_on is not None and child.born_on <= today:
            age = age_on(child.born_on, today) + 1
            when = birthday(child.born_on, age)
            who = possessive(name) if name else f"{pronouns(plan.person.pronouns).forms()['Their']} child's"
            items.append(DueItem(when, f"{who} {ordinal(age)} birthday", "child_birthday"))
    for matter in plan.immigration:
        if matter.until is not None and matter.until >= today and matter.current_on(today):
            items.append(DueItem(matter.until, f"{label(matter.status)} ends", "immigration"))
    rh = plan.return_home
    if rh.review_on is not None and rh.review_on >= today and rh.ended_on is None:
        items.append(DueItem(rh.review_on, "Review of support after returning home", "return_home"))
    return items


def upcoming(plan: Plan, today: date, include_actions: bool = True) -> list[DueItem]:
    """Everything coming up (and anything overdue), soonest first; with ``include_actions``
    the plan's own dates too (:func:`plan_dates`)."""
    items = due_items(
        today,
        plan.person.date_of_birth,
        needs_assessment_due(plan, today),
        next_review_due(plan, today),
        staying_put_end(plan),
        plan.home.planned_move_date,
        pa_support_end(plan),
    )
    if include_actions:
        items.extend(plan_dates(plan, today))
        items.sort(key=lambda i: (i.when, i.kind))
    return items


def next_due(plan: Plan, today: date) -> DueItem | None:
    """The soonest statutory date or milestone (overdue ones first); actions are left out."""
    items = upcoming(plan, today, include_actions=False)
    return items[0] if items else None


def is_overdue(item: DueItem, today: date) -> bool:
    return item.when < today


def dates_summary(plan: Plan, today: date) -> dict[str, object]:
    """All the computed dates for a plan, for ``pathway-planner dates`` and the UI."""
    basis = care_basis(plan, today)
    cd = category_dates(plan, today, basis)
    p = plan.person
    dob = p.date_of_birth
    return {
        "today": today,
        "age": age_on(dob, today) if dob else None,
        "date_of_birth_words": date_of_birth_words(dob, p.date_of_birth_basis, p.age_assessed_on),
        "birthdays": key_birthdays(dob) if dob else {},
        "category": cd.category,
        "category_dates": cd,
        "needs_assessment_due": needs_assessment_due(plan, today, basis),
        "next_review_due": next_review_due(plan, today),
        "staying_put_end": staying_put_end(plan),
        "pa_support_end": pa_support_end(plan),
        "upcoming": upcoming(plan, today),
    }


def iter_overlaps(episodes: Iterable[CareEpisode]) -> list[tuple[CareEpisode, CareEpisode]]:
    """Pairs of care episodes whose dates overlap (a young person lives in one home at a time)."""
    dated = in_date_order(episodes, lambda e: e.start)
    out: list[tuple[CareEpisode, CareEpisode]] = []
    for a, b in zip(dated, dated[1:]):
        if a.end is None or (b.start is not None and b.start < a.end):
            out.append((a, b))
    return out
