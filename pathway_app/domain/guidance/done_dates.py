"""The date a prompt stands for: answering *Done* records it in the plan.

Some prompts are raised because a date is missing: "the needs assessment is overdue" is only
true while ``needs_assessment_done_on`` is empty. Answering such a prompt *Done* without
recording the date would leave the warning everywhere else (the header, the caseload, the
timeline), because the date lives in another part of the plan. So *Done* asks for the date and
puts it where it belongs.

:data:`DONE_DATES` says which field each such rule stands for (a plan path of a date field);
:func:`done_field` looks one up and :func:`done_changes` says what to set — it changes nothing
itself, so the app can make the date and the answer one undoable step.

(Interim: the rules are to declare their own field in ``resources/guidance/rules``; until they
do, the table is kept here. Both give the same answers.)
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import fieldpath
from ..model import Plan

#: rule id → the plan path of the date that answering *Done* records
DONE_DATES: dict[str, str] = {
    "S-needs-assessment-overdue": "needs_assessment_done_on",
    "M18-local-offer": "money.local_offer_explained_on",
}


def done_field(rule_id: str) -> str | None:
    """The plan path of the date behind a prompt (``"<rule>"`` or ``"<rule>:<area>"``), or None."""
    return DONE_DATES.get(rule_id.split(":", 1)[0])


def done_changes(plan: Plan, rule_id: str, on: date) -> list[tuple[Any, str, date]]:
    """(record, attribute, value) to set so the plan says the prompt was done ``on`` that day.

    Empty for a prompt with no date behind it. Nothing is changed here.
    """
    path = done_field(rule_id)
    if path is None:
        return []
    steps, _order = fieldpath.parse(path)
    parent = fieldpath.get(plan, fieldpath.join(steps[:-1])) if len(steps) > 1 else plan
    return [(parent, steps[-1].name, on)]


__all__ = ["DONE_DATES", "done_changes", "done_field"]
