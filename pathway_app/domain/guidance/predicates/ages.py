"""Age and birthdays: the predicates the rules of almost every theme are timed by."""

from __future__ import annotations

from .base import DOB, Ctx, predicate, takes_age, takes_age_months


@predicate("age_at_least", takes_age, (DOB,))
def age_at_least(ctx: Ctx, age: int) -> bool:
    """The young person has reached this age (false while the date of birth is unknown)."""
    b = ctx.birthday(age)
    return b is not None and ctx.today >= b


@predicate("age_under", takes_age, (DOB,))
def age_under(ctx: Ctx, age: int) -> bool:
    """The young person has not yet reached this age (false while the date of birth is unknown)."""
    b = ctx.birthday(age)
    return b is not None and ctx.today < b


@predicate("within_months_of_birthday", takes_age_months, (DOB,))
def within_months_of_birthday(ctx: Ctx, arg: tuple[int, int]) -> bool:
    """[age, months]: from ``months`` months before that birthday up to the day before it."""
    age, months = arg
    b = ctx.birthday(age)
    lo = ctx.months_before(age, months)
    return b is not None and lo is not None and lo <= ctx.today < b
