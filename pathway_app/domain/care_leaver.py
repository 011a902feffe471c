"""The care-leaver category, worked out from the care history, and the dates it rests on (pure).

**Care episodes.** ``start`` is the first day looked after; ``end`` is the day the episode
ended (not a day looked after). An open episode (``end is None``) continues to "today". A
planned short break (``short_break``) of 28 days or fewer does not count towards the 13 weeks;
a longer one does.

**What ends being looked after.** A special guardianship order, a child arrangements order or
an adoption order (:class:`~.model.PermanenceOrder`) ends being looked after on the day it is
made: a time in care that would run past that day stops there. None of them is a time in care.

**13 weeks, "completed on" and "from".** A young person *has been* looked after for 13 weeks
when the 91st day counted is over. The app says the 13 weeks were **completed on** that 91st
day, and every duty that follows starts **from** the next day: a young person looked after from
1 May (day 1) completes 13 weeks on 30 July (day 91) and, if 16 or over and still looked after,
is **eligible from** 31 July; the needs assessment is due three months after the day they are
eligible from. A young person who leaves care the day after the 91st day (``end`` = 31 July)
has completed the 13 weeks while looked after, so was eligible when they left, and is relevant
from that day.

**Category** (Children Act 1989 and the Care Leavers (England) Regulations 2010; see
``shared/research/statutory.md``):

- *eligible* (Sch. 2 para 19B): aged 16 or 17, looked after, and looked after for 13 weeks in
  total since the 14th birthday, with some of that time on or after the 16th birthday;
- *relevant* (s.23A): aged 16 or 17, was eligible and has left care (or was detained or in
  hospital on the 16th birthday having completed the 13 weeks just before) — unless living
  for six months with family, or with someone who has parental responsibility (special
  guardians, adopters, the person a child arrangements order names: the order's date counts as
  going to live with them), since (reg 3: then no longer relevant while it lasts);
- *former relevant* (s.23C): aged 18 or over, and was eligible when looked after at 18, or was
  relevant (and would still be);
- *qualifying* (s.24): aged 16 or over and under a special guardianship order made straight
  after being looked after (s.24(1A)); or looked after on or after the 16th birthday but no
  longer, without being eligible (s.24(1B));
- *not yet*: none of these yet (under 16, or the 13 weeks not completed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from dateutil.relativedelta import relativedelta

from .days import birthday, fmt, in_date_order
from .model import CareEpisode, PermanenceOrder, Plan
from .vocab import OrderKind

THIRTEEN_WEEKS = 91
SHORT_BREAK_MAX_DAYS = 28
WITH_FAMILY_MONTHS = 6  # Care Leavers (England) Regulations 2010 reg 3
DAY = timedelta(days=1)


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
    """What the category depends on, worked out once from the care history.

    The store keeps these few dates beside each plan so the caseload can show everyone's
    category without loading their whole plan.
    """

    date_of_birth: date | None
    eligible_from: date | None  # the first day all the eligible tests were met
    # the 91st day counted since the 14th birthday (13 weeks are complete at its end); while
    # still looked after and not yet there, the day it will be if the young person stays
    thirteen_weeks_completed_on: date | None
    looked_after_since_16: bool  # looked after on or after the 16th birthday
    in_care_to: date | None  # end of the last time in care, or None when still looked after
    ever_in_care: bool
    detained_at_16: bool = False
    eligible_from_if_stays: date | None = None  # when eligible, if still looked after until then
    sgo_made_on: date | None = None  # a special guardianship order made straight after care
    sgo_ended_on: date | None = None  # the day it stopped early (revoked or discharged)
    # last went to live with family or with someone with parental responsibility (an order's
    # carers), and the day that ended
    with_family_from: date | None = None
    with_family_to: date | None = None


@dataclass(frozen=True)
class Period:
    """One time in care as the category sees it."""

    start: date
    end: date | None  # the first day no longer looked after; None while it continues
    counts: bool  # towards the 13 weeks
    days_counted: int  # days from the 14th birthday up to today that count
    why_not: str = ""  # why it does not count, or why some of it does not
    ended_by: OrderKind | None = None  # an order that ended it
    home_name: str = ""
    episode_id: str = ""


# --------------------------------------------------------------------------- time in care


def _counts(ep: CareEpisode, end: date | None) -> bool:
    if ep.start is None:
        return False
    return not (ep.short_break and end is not None and (end - ep.start).days <= SHORT_BREAK_MAX_DAYS)


def _orders(plan: Plan) -> list[PermanenceOrder]:
    return in_date_order(plan.orders, lambda o: o.made_on)


#: A time in care: (start, end, the episode, the kind of order that ended it).
Time = tuple[date, date | None, CareEpisode, OrderKind | None]


def _effective(plan: Plan, today: date) -> list[Time]:
    """(start, end, episode, order that ended it) for each time in care started by ``today``,
    in date order, each cut at the first order made after it began."""
    orders = _orders(plan)
    out = []
    for ep in plan.care_episodes:
        if ep.start is None or ep.start > today:
            continue
        end, by = ep.end, None
        for o in orders:
            if o.made_on > ep.start and (end is None or o.made_on < end):  # type: ignore[operator]
                end, by = o.made_on, o.kind
                break
        out.append((ep.start, end, ep, by))
    out.sort(key=lambda t: t[0])
    return out


def _scan(times: list[Time], dob: date, until: date) -> tuple[date | None, date | None, bool]:
    """(13 weeks completed on, eligible from, looked after on/after 16), counting up to ``until``."""
    d14, d16 = birthday(dob, 14), birthday(dob, 16)
    counted = 0
    completed: date | None = None
    eligible: date | None = None
    after16 = False
    for start, end, ep, _by in times:
        # a real end, not the edge of what is counted
        ended, stop = (True, end) if end is not None and end <= until else (False, until + DAY)
        if stop <= start:
            continue
        if stop > d16:
            after16 = True
        if not _counts(ep, end):
            continue
        lo = max(start, d14)
        if stop > lo:
            days = (stop - lo).days
            if completed is None and counted + days >= THIRTEEN_WEEKS:
                completed = lo + timedelta(days=THIRTEEN_WEEKS - counted - 1)
            counted += days
        if eligible is None and completed is not None:
            candidate = max(completed + DAY, d16, start)
            # looked after that day; or they left just as the 13 weeks were completed (the
            # 91st day their last), some of it after the 16th birthday
            if candidate < stop or (ended and candidate == stop and candidate > d16):
                eligible = candidate
    return completed, eligible, after16


def _sgo(plan: Plan, today: date) -> PermanenceOrder | None:
    """The latest special guardianship order made by ``today`` straight after a time in care."""
    found = None
    for o in _orders(plan):
        if o.kind is not OrderKind.SPECIAL_GUARDIANSHIP or o.made_on > today:  # type: ignore[operator]
            continue
        made = o.made_on
        if any(e.start is not None and e.start < made and (e.end is None or e.end >= made)  # type: ignore[operator]
               for e in plan.care_episodes):
            found = o
    return found


def _with_family(plan: Plan, today: date) -> tuple[date | None, date | None]:
    """When the young person last went to live with family, or with someone who has parental
    responsibility for them (special guardians, the person a child arrangements order names,
    adopters: each order gives it), and when that ended; the latest such start by ``today``."""
    spells = [(o.made_on, o.ended_on) for o in _orders(plan)]
    rh = plan.return_home
    if rh.returned_on is not None:
        spells.append((rh.returned_on, rh.ended_on))
    started = [sp for sp in spells if sp[0] is not None and sp[0] <= today]
    if not started:
        return None, None
    start, end = max(started, key=lambda sp: sp[0])  # type: ignore[arg-type,return-value]
    # coming (back) into care ends living with them, whether or not an end was recorded
    back = [e.start for e in plan.care_episodes if e.start is not None and e.start > start]  # type: ignore[operator]
    if back and (end is None or min(back) < end):
        end = min(back)
    return start, end


def care_basis(plan: Plan, today: date) -> CareBasis:
    """Work out the dates the care-leaver category rests on, as seen on ``today``."""
    dob = plan.person.date_of_birth
    detained = plan.person.detained_or_in_hospital_on_16th_birthday
    times = _effective(plan, today)
    ever = bool(times)
    still = any(end is None or end > today for _s, end, _e, _b in times)
    in_care_to = None if still or not times else max(end for _s, end, _e, _b in times)  # type: ignore[type-var]
    sgo = _sgo(plan, today)
    family_from, family_to = _with_family(plan, today)
    extra = dict(
        sgo_made_on=sgo.made_on if sgo else None,
        sgo_ended_on=sgo.ended_on if sgo else None,
        with_family_from=family_from,
        with_family_to=family_to,
    )
    if dob is None:
        return CareBasis(None, None, None, False, in_care_to, ever, detained, **extra)
    completed, eligible, after16 = _scan(times, dob, today)
    projected = eligible
    if eligible is None and still:
        d18 = birthday(dob, 18)
        projected_completed, projected, _a = _scan(times, dob, d18 - DAY)
        if projected is not None and projected >= d18:
            projected = None
        if projected is not None:
            # so a basis kept from today still says when the 13 weeks were completed, later
            completed = projected_completed
    return CareBasis(
        date_of_birth=dob,
        eligible_from=eligible,
        thirteen_weeks_completed_on=completed,
        looked_after_since_16=after16,
        in_care_to=in_care_to,
        ever_in_care=ever,
        detained_at_16=detained,
        eligible_from_if_stays=projected,
        **extra,
    )


def periods(plan: Plan, today: date) -> list[Period]:
    """Each time in care up to ``today`` and whether (and how much of) it counts."""
    dob = plan.person.date_of_birth
    d14 = birthday(dob, 14) if dob else None
    out = []
    for start, end, ep, by in _effective(plan, today):
        stop = end if end is not None and end <= today else today + DAY
        counts = _counts(ep, end)
        why = ""
        days = 0
        if not counts:
            why = f"a planned short break of {SHORT_BREAK_MAX_DAYS // 7} weeks or less"
        elif d14 is not None:
            lo = max(start, d14)
            days = max(0, (stop - lo).days)
            if start < d14:
                why = "only the days from the 14th birthday count" if days else "before the 14th birthday"
        out.append(Period(start, end, counts, days, why, by, ep.home_name, ep.id))
    return out


# --------------------------------------------------------------------------- the category


def _with_family_six_months(basis: CareBasis, today: date) -> date | None:
    """The day six months living with family were completed, while still living with them."""
    start = basis.with_family_from
    if start is None or start > today:
        return None
    done = start + relativedelta(months=WITH_FAMILY_MONTHS)
    if done > today or (basis.with_family_to is not None and basis.with_family_to <= today):
        return None
    return done


def _sgo_in_force(basis: CareBasis, today: date, d18: date) -> bool:
    made, ended = basis.sgo_made_on, basis.sgo_ended_on
    if made is None:
        return False
    on = min(today, d18 - DAY)  # at 18 or over: in force when they reached 18
    return made <= on and (ended is None or ended > on)


_REG3 = "Care Leavers (England) Regulations 2010, reg 3"
_FAMILY = "with family, or with someone who has parental responsibility for them,"
_S24_1A = "Children Act 1989, s.24(1A)"


def _completed(basis: CareBasis) -> str:
    return f"13 weeks looked after since the 14th birthday completed on {fmt(basis.thirteen_weeks_completed_on)}"


def _left_eligible(basis: CareBasis, eligible_from: date) -> str:
    left = basis.in_care_to
    if left == eligible_from:
        return (f"{_completed(basis)}, the last day looked after, so was eligible on leaving care "
                f"on {fmt(left)}")
    return f"Was eligible from {fmt(eligible_from)} and left care on {fmt(left)}"


def category_from_basis(basis: CareBasis, today: date) -> CategoryResult:
    dob = basis.date_of_birth
    if dob is None:
        return CategoryResult(Category.NOT_YET, "Date of birth not recorded yet.", None)
    d16, d18 = birthday(dob, 16), birthday(dob, 18)
    in_care_now = basis.ever_in_care and basis.in_care_to is None
    if today < d16:
        return CategoryResult(
            Category.NOT_YET, f"Under 16: leaving-care duties start from the 16th birthday ({fmt(d16)}).", None
        )
    eligible_from = basis.eligible_from
    if (
        eligible_from is None
        and in_care_now
        and basis.eligible_from_if_stays is not None
        and basis.eligible_from_if_stays <= today
    ):
        # The basis was worked out earlier (the store keeps it beside the plan); the young
        # person has stayed looked after since, so the projected date has now come.
        eligible_from = basis.eligible_from_if_stays
    was_eligible = eligible_from is not None and eligible_from <= today
    completed = basis.thirteen_weeks_completed_on
    by_detention = basis.detained_at_16 and completed is not None and completed < d16
    home = _with_family_six_months(basis, today)
    sgo = _sgo_in_force(basis, today, d18)
    if today >= d18:
        return _eighteen_plus(basis, today, d16, d18, eligible_from if was_eligible else None, by_detention, home, sgo)
    if was_eligible and in_care_now:
        return CategoryResult(
            Category.ELIGIBLE,
            f"{_completed(basis)}; looked after at 16 or over, so eligible from {fmt(eligible_from)}.",
            eligible_from,
        )
    if was_eligible and eligible_from is not None:
        if home is not None:
            return CategoryResult(
                Category.QUALIFYING,
                f"{_left_eligible(basis, eligible_from)}, but has lived for six months {_FAMILY} "
                f"(since {fmt(basis.with_family_from)}), so is not a relevant child while that lasts "
                f"({_REG3}); qualifies for advice and assistance.",
                home,
            )
        return CategoryResult(
            Category.RELEVANT, f"{_left_eligible(basis, eligible_from)}, before turning 18.", basis.in_care_to
        )
    if by_detention:
        return CategoryResult(
            Category.RELEVANT,
            f"{_completed(basis)}, and detained or in hospital on the 16th birthday.",
            d16,
        )
    if sgo:
        return _sgo_result(basis, d16)
    if in_care_now:
        when = basis.eligible_from_if_stays
        tail = (
            f"eligible from {fmt(when)} if still looked after."
            if when is not None
            else "will not complete 13 weeks before the 18th birthday."
        )
        return CategoryResult(
            Category.NOT_YET,
            "Looked after, but 13 weeks since the 14th birthday are not yet completed; " + tail,
            None,
        )
    if basis.looked_after_since_16:
        return CategoryResult(
            Category.QUALIFYING,
            "Looked after on or after the 16th birthday, but not for 13 weeks since the 14th birthday.",
            basis.in_care_to,
        )
    return CategoryResult(Category.NOT_YET, "Not looked after since the 16th birthday.", None)


def _sgo_result(basis: CareBasis, d16: date) -> CategoryResult:
    made = basis.sgo_made_on
    assert made is not None
    return CategoryResult(
        Category.QUALIFYING,
        f"Under a special guardianship order made on {fmt(made)}, and looked after just before it, "
        f"so qualifies for advice and assistance from 16 ({_S24_1A}).",
        max(d16, made),
    )


def _eighteen_plus(basis: CareBasis, today: date, d16: date, d18: date, eligible_from: date | None,
                   by_detention: bool, home: date | None, sgo: bool) -> CategoryResult:
    if eligible_from is not None and eligible_from < d18:
        looked_after_at_18 = basis.in_care_to is None or basis.in_care_to >= d18
        if looked_after_at_18 or home is None:
            return CategoryResult(
                Category.FORMER_RELEVANT,
                f"Was eligible from {fmt(eligible_from)}; former relevant from the 18th birthday ({fmt(d18)}).",
                d18,
            )
        return CategoryResult(
            Category.QUALIFYING,
            f"{_left_eligible(basis, eligible_from)}, but has lived for six months {_FAMILY} "
            f"(since {fmt(basis.with_family_from)}), so is not former relevant while that lasts "
            f"({_REG3}); qualifies for advice and assistance.",
            home,
        )
    if by_detention:
        return CategoryResult(
            Category.FORMER_RELEVANT,
            f"Relevant (detained or in hospital on the 16th birthday); former relevant from the "
            f"18th birthday ({fmt(d18)}).",
            d18,
        )
    if sgo:
        return _sgo_result(basis, d16)
    if basis.looked_after_since_16:
        return CategoryResult(
            Category.QUALIFYING,
            "Looked after on or after the 16th birthday, but not for 13 weeks since the 14th birthday.",
            basis.in_care_to or d18,
        )
    return CategoryResult(Category.NOT_YET, "Not looked after on or after the 16th birthday.", None)


def care_leaver_category(plan: Plan, today: date) -> CategoryResult:
    """The young person's care-leaver category on ``today``, with its reason and since when."""
    return category_from_basis(care_basis(plan, today), today)


# --------------------------------------------------------------------------- the dates, as values


@dataclass(frozen=True)
class CategoryDates:
    """Every date the category rests on, each as its own value (``pathway-planner dates
    --json`` and the documents show them as fields, not only inside the reason)."""

    category: CategoryResult
    periods: tuple[Period, ...]
    days_counted: int  # since the 14th birthday, up to today
    thirteen_weeks_completed_on: date | None
    eligible_from: date | None
    eligible_from_if_stays: date | None
    relevant_from: date | None
    former_relevant_from: date | None
    qualifying_from: date | None
    sgo_made_on: date | None


def category_dates(plan: Plan, today: date, basis: CareBasis | None = None) -> CategoryDates:
    basis = basis or care_basis(plan, today)
    cat = category_from_basis(basis, today)
    ps = tuple(periods(plan, today))
    dob = basis.date_of_birth
    eligible = basis.eligible_from if basis.eligible_from is not None and basis.eligible_from <= today else None
    relevant = former = None
    if dob is not None:
        d16, d18 = birthday(dob, 16), birthday(dob, 18)
        completed = basis.thirteen_weeks_completed_on
        by_detention = basis.detained_at_16 and completed is not None and completed < d16
        left = basis.in_care_to
        if eligible is not None and eligible < d18 and left is not None and left < d18:
            relevant = left
        elif by_detention:
            relevant = d16
        if eligible is not None and eligible < d18 or by_detention:
            former = d18
    completed = basis.thirteen_weeks_completed_on
    return CategoryDates(
        category=cat,
        periods=ps,
        days_counted=sum(p.days_counted for p in ps if p.counts),
        thirteen_weeks_completed_on=completed if completed is not None and completed <= today else None,
        eligible_from=eligible,
        eligible_from_if_stays=basis.eligible_from_if_stays if eligible is None else None,
        relevant_from=relevant,
        former_relevant_from=former,
        qualifying_from=cat.since if cat.category is Category.QUALIFYING else None,
        sgo_made_on=basis.sgo_made_on,
    )
