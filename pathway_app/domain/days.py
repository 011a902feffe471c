"""Birthdays, ages and dates in words: what every other date module is written with (pure).

**29 February.** A young person born on 29 February reaches an age, in a year without
29 February, on **1 March** (the day after 28 February). This follows the usual reading of
the Family Law Reform Act 1969 s.9 (an age is attained at the start of the anniversary of the
birth; in a common year that anniversary has not come until 28 February has passed). It is
the later of the two possible dates, so a duty is never shown as starting before it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from .vocab import DateOfBirthBasis
from .wording import ordinal

KEY_AGES = (16, 17, 18, 21, 25)
T = TypeVar("T")


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


def key_birthdays(dob: date) -> dict[int, date]:
    return {age: birthday(dob, age) for age in KEY_AGES}


def in_date_order(items: Iterable[T], when: Callable[[T], date | None]) -> list[T]:
    """The items that have a date (``when(item)`` is not None), earliest first; items of the
    same day keep their order."""
    dated = [(d, item) for item in items if (d := when(item)) is not None]
    dated.sort(key=lambda pair: pair[0])
    return [item for _d, item in dated]


def fmt(d: date | None) -> str:
    """A date as people in England write it: 3 March 2027."""
    return "" if d is None else f"{d.day} {d:%B %Y}"


def birthday_words(age: int) -> str:
    """ "the 21st birthday" — the one way every sentence names a birthday."""
    return f"the {ordinal(age)} birthday"


def date_of_birth_words(dob: date | None, basis: DateOfBirthBasis, assessed_on: date | None) -> str:
    """The date of birth with how it is known, wherever it is shown:
    "10 May 2009", "10 May 2009 (assessed on 3 March 2025)", "10 May 2009 (disputed)"."""
    if dob is None:
        return ""
    if basis is DateOfBirthBasis.STATED:
        return fmt(dob)
    how = "assessed" if basis is DateOfBirthBasis.ASSESSED else "disputed"
    if assessed_on is not None:
        how += f"; age assessment on {fmt(assessed_on)}" if basis is DateOfBirthBasis.DISPUTED else f" on {fmt(assessed_on)}"
    return f"{fmt(dob)} ({how})"
