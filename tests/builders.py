"""The plans the tests are built on, in one place (imported as ``builders``: pytest puts ``tests/``
on ``sys.path`` through ``tests/conftest.py``, and the repository root through ``pythonpath``).

- :func:`minimal_plan`: a young person and nothing else, for tests about one field or one page.
- :func:`realistic_plan`: a made-up but realistic plan from :mod:`benchmarks.synthetic`, the
  same for the same seed.
- :func:`valid_realistic_plan`: the same kind of plan, drawing again until one passes validation.

The guidance tests have their own :mod:`guidance.builders` (a complete plan that raises no
prompt, changed one thing at a time), and the PDF tests theirs in ``tests/export/plans.py``.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from benchmarks.synthetic import synthetic_plan
from pathway_app.domain import model as m
from pathway_app.domain.validation import validate

#: The day the tests are run "on", unless a test says otherwise.
TODAY = date(2026, 11, 23)


def minimal_plan(**person: Any) -> m.Plan:
    """A plan holding only a young person: Jade Okafor, born 14 March 2009, unless ``person``
    gives other :class:`~pathway_app.domain.model.YoungPerson` fields."""
    fields: dict[str, Any] = dict(given_name="Jade", family_name="Okafor", date_of_birth=date(2009, 3, 14))
    fields.update(person)
    return m.Plan(person=m.YoungPerson(**fields))


def _rng(seed: int | random.Random) -> random.Random:
    return seed if isinstance(seed, random.Random) else random.Random(seed)


def realistic_plan(seed: int | random.Random = 1, size: str = "typical", today: date = TODAY) -> m.Plan:
    """A made-up but realistic plan (``size`` "small", "typical" or "heavy").

    ``seed`` is a number (the same number always gives the same plan) or a ``random.Random``
    (each call draws the next plan from it). The generator validates what it made and raises
    ``AssertionError`` on a draw it got wrong; :func:`valid_realistic_plan` draws again instead."""
    return synthetic_plan(_rng(seed), today, size)


def valid_realistic_plan(seed: int | random.Random = 1, size: str = "typical", today: date = TODAY) -> m.Plan:
    """A realistic plan that passes validation on ``today``: draws again (up to 20 times) when
    the generator gives an invalid one, so a test does not depend on the generator's corner
    cases. Fails the test if no draw is valid."""
    rng = _rng(seed)
    for _ in range(20):
        try:
            plan = synthetic_plan(rng, today, size)
        except AssertionError:
            continue
        if not validate(plan, today):
            return plan
    raise AssertionError("synthetic_plan gave no valid plan in 20 draws")
