"""Key dates for a young person: birthdays, care-leaver category and what is due when.

Everything here is pure: "today" is always a parameter.

**29 February.** A young person born on 29 February reaches an age, in a year without
29 February, on **1 March** (the day after 28 February). This follows the usual reading of
the Family Law Reform Act 1969 s.9 (an age is attained at the start of the anniversary of the
birth; in a common year that anniversary has not come until 28 February has passed). It is
the later of the two possible dates, so a duty is never shown as starting before it does.

**Care episodes.** ``start`` is the first day looked after; ``end`` is the day the episode
ended (not counted). An open episode (``end is None``) continues to "today". A planned short
break (``short_break``) of 28 days or fewer does not count towards the 13 weeks; a longer
one does.

**Category** (Children Act 1989 and the Care Leavers (England) Regulations 2010; see
``shared/research/statutory.md``):

- *eligible*: aged 16 or 17, looked after, and looked after for 13 weeks (91 days) in total
  since the 14th birthday with at least one day of it on or after the 16th birthday;
- *relevant*: aged 16 or 17, was eligible and has left care (or was detained or in hospital
  on the 16th birthday having met the 13 weeks just before);
- *former relevant*: aged 18 or over and was eligible or relevant;
- *qualifying*: looked after on or after the 16th birthday but not for the 13 weeks;
- *not yet*: none of these yet (under 16, or the 13 weeks not reached).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Iterable

from dateutil.relativedelta import relativedelta

from .model import CareEpisode, Plan
from .vocab import OPEN_ACTION, AgreementStatus, Decision, EndBasis

THIRTEEN_WEEKS = 91
SHORT_BREAK_MAX_DAYS = 28
KEY_AGES = (16, 17, 18, 21, 25)


# --------------------------------------------------------------------------- birthdays


def birthday(dob: date, age: int) -> date:
    """The day a person born on ``dob`` reaches ``age`` (29 February → 1 March)."""
    if dob.month == 2 and dob.day == 29:
        year = dob.year + age
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 3, 1)
    return dob + relativedelta(years=age)


def age_on(dob: date, on: date) -> int:
    """Whole years of age on ``on`` (consistent with :func:`birthday`)."""
    years = on.year - dob.year
    if years > 0 and birthday(dob, years) > on:
        years -= 1
    elif years <= 0:
        years = relativedelta(on, dob).years
    return years


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 21st, 25th."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def key_birthdays(dob: date) -> dict[int, date]:
    return {age: birthday(dob, age) for age in KEY_AGES}


# --------------------------------------------------------------------------- category


class Category(str, Enum):
    NOT_YET = "not_yet"
    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class CategoryResult:
    category: Category
    reason: str
    since: date | None  # the date the young person entered this category


@dataclass(frozen=True)
class CareBasis:
    """What the category depends on, worked out once from the care episodes.

    The store keeps these few dates beside each plan so the caseload can show everyone's
    category without loading their whole plan.
    """

    date_of_birth: date | None
    eligible_on: date | None  # the first day all the eligible tests were met
    # the day 13 weeks since the 14th birthday were reached; while still looked after and not
    # yet there, the day they will be reached if the young person stays (as eligible_if_stays_on)
    thirteen_weeks_on: date | None
    looked_after_since_16: bool  # looked after on or after the 16th birthday
    in_care_to: date | None  # end of the last episode, or None when still looked after
    ever_in_care: bool
    detained_at_16: bool = False
    eligible_if_stays_on: date | None = None  # when eligible, if still looked after until then


def _counted(ep: CareEpisode) -> bool:
    if ep.start is None:
        return False
    if ep.short_break and ep.end is not None and (ep.end - ep.start).days <= SHORT_BREAK_MAX_DAYS:
        return False
    return True


def _scan(episodes: list[CareEpisode], dob: date, until: date) -> tuple[date | None, date | None, bool]:
    """(13 weeks reached on, eligible on, looked after on/after 16) counting up to ``until``."""
    d14, d16 = birthday(dob, 14), birthday(dob, 16)
    counted_days = 0
    thirteen: date | None = None
    eligible: date | None = None
    after16 = False
    for ep in episodes:
        start = ep.start
        assert start is not None
        end = ep.end if ep.end is not None and ep.end <= until else until + timedelta(days=1)
        if end <= start:
            continue
        if end > d16:
            after16 = True
        if not _counted(ep):
            continue
        lo = max(start, d14)
        if end <= lo:
            continue
        days = (end - lo).days
        if thirteen is None and counted_days + days >= THIRTEEN_WEEKS:
            thirteen = lo + timedelta(days=THIRTEEN_WEEKS - counted_days - 1)
        counted_days += days
        if eligible is None and thirteen is not None:
            candidate = max(thirteen, d16, start)
            if candidate < end:
                eligible = candidate
    return thirteen, eligible, after16


def care_basis(plan: Plan, today: date) -> CareBasis:
    """Work out the dates the care-leaver category rests on, as seen on ``today``."""
    dob = plan.person.date_of_birth
    detained = plan.person.detained_or_in_hospital_on_16th_birthday
    episodes = sorted(
        (e for e in plan.care_episodes if e.start is not None and e.start <= today),
        key=lambda e: e.start,  # type: ignore[arg-type,return-value]
    )
    ever = bool(episodes)
    still = any(e.end is None or e.end > today for e in episodes)
    in_care_to = None if still or not episodes else max(e.end for e in episodes)  # type: ignore[type-var]
    if dob is None:
        return CareBasis(None, None, None, False, in_care_to, ever, detained)
    thirteen, eligible, after16 = _scan(episodes, dob, today)
    projected = eligible
    if eligible is None and still:
        d18 = birthday(dob, 18)
        projected_thirteen, projected, _a = _scan(episodes, dob, d18 - timedelta(days=1))
        if projected is not None and projected >= d18:
            projected = None
        if projected is not None:
            # so a basis kept from today still says when the 13 weeks were reached, later
            thirteen = projected_thirteen
    return CareBasis(
        date_of_birth=dob,
        eligible_on=eligible,
        thirteen_weeks_on=thirteen,
        looked_after_since_16=after16,
        in_care_to=in_care_to,
        ever_in_care=ever,
        detained_at_16=detained,
        eligible_if_stays_on=projected,
    )


def fmt(d: date | None) -> str:
    """A date as people in England write it: 3 March 2027."""
    return "" if d is None else f"{d.day} {d:%B %Y}"


def category_from_basis(basis: CareBasis, today: date) -> CategoryResult:
    dob = basis.date_of_birth
    if dob is None:
        return CategoryResult(Category.NOT_YET, "Date of birth not recorded yet.", None)
    d16, d18 = birthday(dob, 16), birthday(dob, 18)
    in_care_now = basis.ever_in_care and basis.in_care_to is None
    if today < d16:
        return CategoryResult(
            Category.NOT_YET, f"Under 16: leaving-care duties start from {fmt(d16)}.", None
        )
    eligible_on = basis.eligible_on
    if (
        eligible_on is None
        and in_care_now
        and basis.eligible_if_stays_on is not None
        and basis.eligible_if_stays_on <= today
    ):
        # The basis was worked out earlier (the store keeps it beside the plan); the young
        # person has stayed looked after since, so the projected date has now come.
        eligible_on = basis.eligible_if_stays_on
    was_eligible = eligible_on is not None and eligible_on <= today
    relevant_by_detention = (
        basis.detained_at_16 and basis.thirteen_weeks_on is not None and basis.thirteen_weeks_on < d16
    )
    if today >= d18:
        if was_eligible and eligible_on is not None and eligible_on < d18:
            return CategoryResult(
                Category.FORMER_RELEVANT,
                f"Was eligible from {fmt(eligible_on)}; former relevant from the "
                f"18th birthday ({fmt(d18)}).",
                d18,
            )
        if relevant_by_detention:
            return CategoryResult(
                Category.FORMER_RELEVANT,
                f"Relevant (detained or in hospital on the 16th birthday); former relevant "
                f"from the 18th birthday ({fmt(d18)}).",
                d18,
            )
        if basis.looked_after_since_16:
            left = basis.in_care_to
            return CategoryResult(
                Category.QUALIFYING,
                "Looked after on or after the 16th birthday, but not for 13 weeks since the 14th "
                "birthday.",
                left or d18,
            )
        return CategoryResult(
            Category.NOT_YET, "Not looked after on or after the 16th birthday.", None
        )
    # aged 16 or 17
    if was_eligible and in_care_now:
        return CategoryResult(
            Category.ELIGIBLE,
            f"13 weeks looked after since the 14th birthday reached on "
            f"{fmt(basis.thirteen_weeks_on or eligible_on)}; still looked after at 16 or over, "
            f"so eligible from {fmt(eligible_on)}.",
            eligible_on,
        )
    if was_eligible:
        return CategoryResult(
            Category.RELEVANT,
            f"Was eligible from {fmt(eligible_on)} and left care on "
            f"{fmt(basis.in_care_to)}, before turning 18.",
            basis.in_care_to,
        )
    if relevant_by_detention:
        return CategoryResult(
            Category.RELEVANT,
            f"13 weeks looked after since the 14th birthday reached on "
            f"{fmt(basis.thirteen_weeks_on)}, and detained or in hospital on the 16th birthday.",
            d16,
        )
    if in_care_now:
        when = basis.eligible_if_stays_on
        tail = (
            f"eligible on {fmt(when)} if still looked after."
            if when is not None
            else "will not reach 13 weeks before the 18th birthday."
        )
        return CategoryResult(
            Category.NOT_YET,
            "Looked after, but not yet for 13 weeks since the 14th birthday; " + tail,
            None,
        )
    if basis.looked_after_since_16:
        return CategoryResult(
            Category.QUALIFYING,
            "Looked after on or after the 16th birthday, but not for 13 weeks since the 14th "
            "birthday.",
            basis.in_care_to,
        )
    return CategoryResult(Category.NOT_YET, "Not looked after since the 16th birthday.", None)


def care_leaver_category(plan: Plan, today: date) -> CategoryResult:
    """The young person's care-leaver category on ``today``, with its reason and since when."""
    return category_from_basis(care_basis(plan, today), today)


# --------------------------------------------------------------------------- due dates


@dataclass(frozen=True)
class DueItem:
    when: date
    label: str
    kind: str  # birthday | assessment | review | staying_put | move | pa_support | action


def needs_assessment_due(plan: Plan, today: date, basis: CareBasis | None = None) -> date | None:
    """Three months after becoming eligible (reg 42, Care Planning Regulations 2010)."""
    return assessment_due_from(plan.needs_assessment_done_on, basis or care_basis(plan, today))


def assessment_due_from(done_on: date | None, basis: CareBasis) -> date | None:
    if done_on is not None:
        return None
    eligible = basis.eligible_on or basis.eligible_if_stays_on
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


def upcoming(plan: Plan, today: date, include_actions: bool = True) -> list[DueItem]:
    """Everything coming up (and anything overdue), soonest first."""
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
        for _area, action in plan.all_actions():
            if action.by_when is not None and action.status in OPEN_ACTION:
                items.append(DueItem(action.by_when, f"Action: {action.what}", "action"))
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
    cat = care_leaver_category(plan, today)
    dob = plan.person.date_of_birth
    return {
        "today": today,
        "age": age_on(dob, today) if dob else None,
        "birthdays": key_birthdays(dob) if dob else {},
        "category": cat,
        "needs_assessment_due": needs_assessment_due(plan, today),
        "next_review_due": next_review_due(plan, today),
        "staying_put_end": staying_put_end(plan),
        "pa_support_end": pa_support_end(plan),
        "upcoming": upcoming(plan, today),
    }


def iter_overlaps(episodes: Iterable[CareEpisode]) -> list[tuple[CareEpisode, CareEpisode]]:
    """Pairs of care episodes whose dates overlap (a young person lives in one home at a time)."""
    dated = sorted((e for e in episodes if e.start is not None), key=lambda e: e.start)  # type: ignore[arg-type,return-value]
    out = []
    for a, b in zip(dated, dated[1:]):
        if a.end is None or (b.start is not None and b.start < a.end):
            out.append((a, b))
    return out
