"""Predicates of the home rules (``20_home.json``): where the young person lives, the move planned,
Staying Put and Staying Close, and the key worker who stays in their life.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from ... import dates
from ...labels import label
from ...model import PermanenceOrder
from ...vocab import (
    SIGNED_STATUSES,
    Decision,
    HomeRegistration,
    HomeType,
    LegalStatus,
    OrderKind,
    RelationshipStatus,
    RelationshipType,
)
from ...wording import sentences
from .base import DOB, Ctx, predicate, takes_age, takes_age_months, takes_codes, takes_months, takes_true
from .relationships import REL_FACTS

#: The facts the end of Staying Put or Staying Close is worked out from.
ARRANGEMENT_ENDS = (
    "staying_put.decision", "staying_put.agreements.*.status", "staying_put.agreements.*.end",
    "staying_put.agreements.*.end_basis", "staying_put.agreements.*.course", "staying_put.agreements.*.ended_on",
    "staying_close.decision", "staying_close.agreements.*.status", "staying_close.agreements.*.end",
)


def _dates_near(ctx: Ctx, arg: tuple[int, int]) -> list[tuple[str, date]]:
    age, months = arg
    b = ctx.birthday(age)
    lo = ctx.months_before(age, months)
    if b is None or lo is None:
        return []
    hi = ctx.memo(f"after {age} {months}", lambda: b + relativedelta(months=months))
    plan = ctx.plan
    cands = [
        ("planned move", plan.home.planned_move_date),
        ("Staying Put ends", dates.staying_put_end(plan)),
        ("Staying Close ends", dates.staying_close_end(plan)),
    ]
    return [(w, d) for w, d in cands if d is not None and d >= ctx.today and lo <= d <= hi]


@predicate(
    "move_or_end_near_birthday",
    takes_age_months,
    (DOB, "home.planned_move_date", *ARRANGEMENT_ENDS),
    why=lambda ctx, arg: sentences(f"{w} on {dates.fmt(d)}" for w, d in _dates_near(ctx, arg)),
)
def move_or_end_near_birthday(ctx: Ctx, arg: tuple[int, int]) -> bool:
    """[age, months]: a planned move, or the end of Staying Put / Staying Close, is still to
    come and falls within ``months`` months either side of that birthday."""
    return bool(_dates_near(ctx, arg))


@predicate("home_type_in", takes_codes(HomeType), ("home.current_type",))
def home_type_in(ctx: Ctx, types: frozenset[HomeType]) -> bool:
    """[codes]: the young person lives now in one of these kinds of home."""
    return ctx.plan.home.current_type in types


@predicate("planned_home_type_in", takes_codes(HomeType), ("home.planned_type",))
def planned_home_type_in(ctx: Ctx, types: frozenset[HomeType]) -> bool:
    """[codes]: the next home planned is one of these kinds."""
    return ctx.plan.home.planned_type in types


def _move_planned(ctx: Ctx) -> bool:
    home = ctx.plan.home
    if home.planned_move_date is not None and home.planned_move_date < ctx.today:
        return False  # the date has passed: the move has happened (or the plan is out of date)
    if home.planned_type is HomeType.STAYING_PUT and home.current_type in (HomeType.FOSTER, HomeType.KINSHIP):
        return False  # Staying Put is staying on in the foster home: no move, nobody to leave behind
    return home.planned_type is not None or home.planned_move_date is not None


@predicate(
    "move_planned",
    takes_true,
    ("home.planned_type", "home.planned_move_date"),
    why=lambda ctx, _: (
        f"Move planned{' on ' + dates.fmt(ctx.plan.home.planned_move_date) if ctx.plan.home.planned_move_date else ''}"
    ),
)
def move_planned(ctx: Ctx, _: bool) -> bool:
    """A move to another home is planned (a next home or a move date, not already passed; Staying
    Put from the foster home the young person lives in is not a move)."""
    return _move_planned(ctx)


@predicate("planned_move_before_birthday", takes_age, (DOB, "home.planned_move_date"))
def planned_move_before_birthday(ctx: Ctx, age: int) -> bool:
    """age: the planned move is dated before that birthday, or has no date yet (so it might be)."""
    b = ctx.birthday(age)
    d = ctx.plan.home.planned_move_date
    return b is not None and (d is None or d < b)


@predicate("no_fallback_home", takes_true, ("home.fallback", "contingency.fallback_home"))
def no_fallback_home(ctx: Ctx, _: bool) -> bool:
    """Nothing recorded about where the young person goes if the move does not work out."""
    return not (ctx.plan.home.fallback.strip() or ctx.plan.contingency.fallback_home.strip())


@predicate("staying_put_undecided", takes_true, ("staying_put.decision",))
def staying_put_undecided(ctx: Ctx, _: bool) -> bool:
    """Staying Put has not been decided (not discussed, or still being discussed)."""
    return ctx.plan.staying_put.decision not in (Decision.AGREED, Decision.NOT_WANTED, Decision.NOT_POSSIBLE)


@predicate("staying_close_undecided", takes_true, ("staying_close.decision",))
def staying_close_undecided(ctx: Ctx, _: bool) -> bool:
    """Staying Close has not been decided (not discussed, or still being discussed)."""
    return ctx.plan.staying_close.decision not in (Decision.AGREED, Decision.NOT_WANTED, Decision.NOT_POSSIBLE)


@predicate("staying_put_not_signed", takes_true, ("staying_put.decision", "staying_put.agreements.*.status"))
def staying_put_not_signed(ctx: Ctx, _: bool) -> bool:
    """Staying Put is agreed or being talked about, and no Living Together Agreement has been
    signed (none in force, none that has ended)."""
    sp = ctx.plan.staying_put
    if sp.decision not in (Decision.AGREED, Decision.DISCUSSING):
        return False
    return not any(a.status in SIGNED_STATUSES for a in sp.agreements)


def _reviews_due(ctx: Ctx, months: int) -> list[tuple[str, date]]:
    horizon = ctx.months_from_today(months)
    out = []
    for what, sec in (("Living Together Agreement", ctx.plan.staying_put), ("Staying Close plan", ctx.plan.staying_close)):
        a = sec.in_force()
        if a is not None and a.review_date is not None and a.review_date <= horizon:
            out.append((what, a.review_date))
    return out


@predicate(
    "agreement_review_within_months",
    takes_months,
    ("staying_put.agreements.*.status", "staying_put.agreements.*.review_date",
     "staying_close.agreements.*.status", "staying_close.agreements.*.review_date"),
    why=lambda ctx, m: "; ".join(f"{w} review {'was due' if d < ctx.today else 'due'} on {dates.fmt(d)}"
                                 for w, d in _reviews_due(ctx, m)),
)
def agreement_review_within_months(ctx: Ctx, months: int) -> bool:
    """months: the review date of a Staying Put or Staying Close agreement in force is within that
    many months from today, or has passed."""
    return bool(_reviews_due(ctx, months))


@predicate("legal_status_in", takes_codes(LegalStatus), ("person.legal_status",))
def legal_status_in(ctx: Ctx, statuses: frozenset[LegalStatus]) -> bool:
    """[codes]: the young person's legal status is one of these."""
    return ctx.plan.person.legal_status in statuses


@predicate("no_continuing_key_worker", takes_true, REL_FACTS)
def no_continuing_key_worker(ctx: Ctx, _: bool) -> bool:
    """No children's-home key worker is recorded as staying in the young person's life."""
    return not any(
        r.relationship_type is RelationshipType.RESIDENTIAL_KEY_WORKER
        and r.status is RelationshipStatus.CONTINUING
        for r in ctx.plan.relationships
    )


# ---- what ends being looked after, registration, going back to family


@predicate("home_registration_in", takes_codes(HomeRegistration), ("home.registration",))
def home_registration_in(ctx: Ctx, codes: frozenset[HomeRegistration]) -> bool:
    """[codes]: whether the home they live in now is registered with Ofsted as supported
    accommodation is recorded as one of these (registered, unregistered, not_applicable, not_recorded)."""
    return ctx.plan.home.registration in codes


def _orders_in_force(ctx: Ctx, kinds: frozenset[OrderKind]) -> list[PermanenceOrder]:
    return [
        o for o in ctx.plan.orders
        if o.kind in kinds and o.made_on is not None and o.made_on <= ctx.today
        and (o.ended_on is None or o.ended_on > ctx.today)
    ]


@predicate(
    "order_in_force",
    takes_codes(OrderKind),
    ("orders.*.kind", "orders.*.made_on", "orders.*.ended_on"),
    why=lambda ctx, kinds: sentences(f"{label(o.kind)} made on {dates.fmt(o.made_on)}" for o in _orders_in_force(ctx, kinds)),
)
def order_in_force(ctx: Ctx, kinds: frozenset[OrderKind]) -> bool:
    """[codes]: an order of one of these kinds (sgo, cao, adoption) has been made and has not
    ended early (revoked or discharged)."""
    return bool(_orders_in_force(ctx, kinds))


SUPPORT_AFTER_RETURN_MONTHS = 6  # research message M13: at least six months after going back


def _return_support_short(ctx: Ctx) -> bool:
    rh = ctx.plan.return_home
    if rh.returned_on is None or (rh.ended_on is not None and rh.ended_on <= ctx.today):
        return False
    six = rh.returned_on + relativedelta(months=SUPPORT_AFTER_RETURN_MONTHS)
    if ctx.today >= six:
        return False
    return not rh.support.strip() or (rh.support_until is not None and rh.support_until < six)


@predicate(
    "return_home_support_short",
    takes_true,
    ("return_home.returned_on", "return_home.ended_on", "return_home.support", "return_home.support_until"),
    why=lambda ctx, _: f"Went back to live with family on {dates.fmt(ctx.plan.return_home.returned_on)}",
)
def return_home_support_short(ctx: Ctx, _: bool) -> bool:
    """The young person went back to live with family less than six months ago (or will soon),
    and no support is recorded, or it is recorded to end before six months are up."""
    return _return_support_short(ctx)
