"""Predicates of the particular-circumstances rules (``70_circumstances.json``): being a parent,
immigration and youth justice.
"""

from __future__ import annotations

from ...vocab import UNRESOLVED_IMMIGRATION, Parenting
from .base import Ctx, predicate, takes_true


@predicate("parent_or_expecting", takes_true, ("person.parenting",))
def parent_or_expecting(ctx: Ctx, _: bool) -> bool:
    """The young person is a parent or is expecting a baby."""
    return ctx.plan.person.parenting in (Parenting.PARENT, Parenting.EXPECTING)


@predicate("immigration_unresolved", takes_true, ("person.immigration_status",))
def immigration_unresolved(ctx: Ctx, _: bool) -> bool:
    """Immigration status is not settled (a claim or appeal pending, limited leave, age
    disputed, no status)."""
    return ctx.plan.person.immigration_status in UNRESOLVED_IMMIGRATION


@predicate("youth_justice_involved", takes_true, ("person.youth_justice",))
def youth_justice_involved(ctx: Ctx, _: bool) -> bool:
    """Involvement with youth justice is recorded."""
    return ctx.plan.person.youth_justice
