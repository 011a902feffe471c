"""The named predicates a rule's condition is written in.

A condition in ``resources/guidance/rules/*.json`` is one of::

    {"all": [cond, ...]}     every one holds
    {"any": [cond, ...]}     at least one holds
    {"not": cond}            it does not hold
    {"<predicate>": arg}     a named predicate, e.g. {"age_at_least": 16}

A predicate that takes no argument is written with ``true``: ``{"no_one_there_at_25": true}``.

Each predicate declares

- the kind of argument it takes (checked when the rules load, so a typo is refused then, not
  when a young person's plan happens to reach it);
- ``reads``: the plan facts it looks at. The engine hashes those facts into a prompt's
  *fingerprint*; a "done" or "not relevant" answer holds only while the fingerprint is the same,
  so a later change to those facts raises the prompt again. Facts never include "today" (a
  date of birth, not an age), and free text counts only as present or absent, so rewording a
  note does not raise a prompt again but filling in or emptying a field does.
- optionally ``why``: a short line for the PA saying which plan facts raised it.

"Today" is always the ``today`` of the evaluation; nothing here reads the clock.

Where they are: one module per theme of ``resources/guidance/rules/NN_*.json`` —
:mod:`.relationships` (10), :mod:`.home` (20), :mod:`.identity` (30),
:mod:`.learning_skills_money` (40), :mod:`.health` (50), :mod:`.voice` (60),
:mod:`.circumstances` (70) and :mod:`.statutory` (80) — each holding the predicates its rules
use (one used by several themes lives with its own subject: ``move_planned`` in home);
:mod:`.ages` holds the age and birthday predicates the rules of almost every theme are timed
by. :mod:`.base` holds what they are written with: the evaluation context (:class:`Ctx`), the
plan facts (:func:`path_reader`), the arguments and the registry (:data:`PREDICATES`). A new
predicate is a function in its theme's module, registered with ``@predicate(name, argument,
reads)``; importing this package registers them all.
"""

from __future__ import annotations

# Importing each theme's module registers its predicates in PREDICATES.
from . import ages, circumstances, health, home, identity, learning_skills_money, relationships, statutory, voice  # noqa: F401
from .base import (
    ABOUT_ME,
    AREA_ORDER,
    PREDICATES,
    SCHEDULE_1_CODES,
    ArgError,
    Ctx,
    Predicate,
    norm,
    path_reader,
    predicate,
)

__all__ = ["ABOUT_ME", "AREA_ORDER", "PREDICATES", "SCHEDULE_1_CODES", "ArgError", "Ctx", "Predicate", "norm", "path_reader", "predicate"]
