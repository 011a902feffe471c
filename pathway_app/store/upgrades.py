"""Bring a plan from an older plans file up to today's format, one version at a time.

Like the database's migrations, each format version the app has ever written has one small
step to the next: ``STEPS[n]`` takes one plan (the plain dict read from a version-``n`` file)
and returns it as version ``n + 1`` would have written it, keeping every word — a field that
moves to a new structure carries its text into that structure's notes rather than dropping it.
Each step has a golden file of its old version in ``tests/fixtures/plans_files/`` and a test
that it imports without loss.

Adding a field to the plan means one step here that gives old plans the field's empty value
(see the README's "For developers").
"""

from __future__ import annotations

from typing import Any, Callable

Plan = dict[str, Any]
Step = Callable[[Plan], Plan]

#: ``STEPS[n]``: a version-``n`` plan → version ``n + 1``.
STEPS: dict[int, Step] = {}

FIRST_VERSION = 1


def step(from_version: int) -> Callable[[Step], Step]:
    """Register the upgrade from ``from_version`` to the next."""

    def register(fn: Step) -> Step:
        if from_version in STEPS:  # pragma: no cover - a programming error caught on import
            raise RuntimeError(f"two upgrades from plans-file version {from_version}")
        STEPS[from_version] = fn
        return fn

    return register


def current_version() -> int:
    """The version :func:`upgrade` brings plans to (the one export writes)."""
    return FIRST_VERSION + len(STEPS)


def upgrade(plan: Plan, from_version: int) -> Plan:
    """``plan`` (from a file of ``from_version``) as the current version holds it."""
    for n in range(from_version, current_version()):
        plan = STEPS[n](plan)
    return plan


# --------------------------------------------------------------------------- the steps


@step(1)
def _to_v2(plan: Plan) -> Plan:
    """Version 2 records the young person's choices about sharing their words (none yet)."""
    return {**plan, "sharing": []}
