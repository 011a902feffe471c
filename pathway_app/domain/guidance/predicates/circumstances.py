"""Predicates of the particular-circumstances rules (``70_circumstances.json``): being a parent
(and a baby on the way), immigration and youth justice.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from ... import dates
from ...labels import label
from ...model import Child, ImmigrationMatter
from ...vocab import UNRESOLVED_IMMIGRATION, DateOfBirthBasis, Parenting
from ...wording import sentences
from .base import Ctx, predicate, takes_months, takes_true

CHILD_FACTS = ("children.*.born_on", "children.*.due_on")


# ---- being a parent


def _child_words(c: Child) -> str:
    name = c.name.strip()
    if c.born_on is not None:
        return f"{name or 'A child'} born on {dates.fmt(c.born_on)}"
    if c.due_on is not None:
        return f"{name + ': a' if name else 'A'} baby due on {dates.fmt(c.due_on)}"
    return f"{name or 'A child'} recorded"


@predicate(
    "parent_or_expecting",
    takes_true,
    ("person.parenting",) + CHILD_FACTS,
    why=lambda ctx, _: sentences(_child_words(c) for c in ctx.plan.children),
)
def parent_or_expecting(ctx: Ctx, _: bool) -> bool:
    """The young person is a parent or is expecting a baby (as recorded, or a child or a baby
    due is recorded)."""
    return ctx.plan.person.parenting in (Parenting.PARENT, Parenting.EXPECTING) or bool(ctx.plan.children)


def _due_soon(ctx: Ctx, months: int) -> list[Child]:
    soon = ctx.months_from_today(months)
    recent = ctx.today - relativedelta(months=1)  # a due date just passed, the birth not recorded yet
    return [c for c in ctx.plan.children if c.born_on is None and c.due_on is not None and recent <= c.due_on <= soon]


@predicate(
    "baby_due_within_months",
    takes_months,
    CHILD_FACTS,
    why=lambda ctx, m: sentences(_child_words(c) for c in _due_soon(ctx, m)),
)
def baby_due_within_months(ctx: Ctx, months: int) -> bool:
    """months: a baby is due between a month ago and that many months from today (and no birth
    is recorded yet)."""
    return bool(_due_soon(ctx, months))


# ---- immigration

IMMIGRATION_FACTS = ("immigration.*.status", "immigration.*.since", "immigration.*.until", "person.date_of_birth_basis")


def _current(ctx: Ctx) -> list[ImmigrationMatter]:
    return [m for m in ctx.plan.immigration if m.current_on(ctx.today)]


def _unresolved(ctx: Ctx) -> list[str]:
    """Why immigration is not settled, one sentence each (empty when it is)."""
    out = []
    for m in _current(ctx):
        if m.status in UNRESOLVED_IMMIGRATION:
            when = f" since {dates.fmt(m.since)}" if m.since else ""
            until = f" until {dates.fmt(m.until)}" if m.until else ""
            out.append(f"{label(m.status)}{when}{until}")
    if ctx.plan.immigration and not _current(ctx):
        last = max((m.until for m in ctx.plan.immigration if m.until), default=None)
        out.append("Every recorded immigration status has ended" + (f" (the last on {dates.fmt(last)})" if last else ""))
    if ctx.plan.person.date_of_birth_basis is DateOfBirthBasis.DISPUTED:
        out.append("The date of birth is disputed")
    return out


@predicate("immigration_unresolved", takes_true, IMMIGRATION_FACTS, why=lambda ctx, _: sentences(_unresolved(ctx)))
def immigration_unresolved(ctx: Ctx, _: bool) -> bool:
    """Immigration is not settled: a matter in force today is a claim or appeal pending, limited
    leave, an age dispute or no status; or every status recorded has ended; or the date of
    birth is disputed."""
    return bool(_unresolved(ctx))


# ---- youth justice


@predicate("youth_justice_involved", takes_true, ("person.youth_justice",))
def youth_justice_involved(ctx: Ctx, _: bool) -> bool:
    """Involvement with youth justice is recorded."""
    return ctx.plan.person.youth_justice
