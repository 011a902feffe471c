"""Answering a prompt by doing the thing: "done" records the fact behind the prompt in the plan.

A rule with a field behind it says so in its data (``answered_by``, see :mod:`.rules` and
:class:`~.types.AnswerField`): "needs assessment overdue" is answered by the date the
assessment was done, "no personal adviser" by the adviser's name and start date. Answering it
"done" records both, so the warning goes because the plan now says what was done::

    prompt = next(p for p in evaluate(plan, today) if p.rule_id == "S-needs-assessment-overdue")
    spec = prompt.answered_by                       # what to ask: spec.label, spec.kind
    done = record_done(plan, prompt, date(2026, 5, 3), by="Sam (PA)", today=today)
    done.path          # "needs_assessment_done_on": the field now holding the answer
    done.response      # the "done" answer, appended to plan.prompt_responses
    done.still_raised  # False: the prompt no longer holds

For ``kind`` ``record`` the value is a dict of the fields asked for (``spec.fields``), and a new
record is added to the list (``{"name": "Sam Okafor", "start": date(2026, 5, 3)}`` for
``advisers``). Pure: the plan passed in is changed; nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from .. import fieldpath
from ..fields import noun, value_words
from ..introspect import FieldSpec, field_ids
from ..model import Plan, PromptResponse, utcnow
from ..vocab import PromptAnswer
from .engine import ResponseError, fingerprint_of
from .predicates import Ctx
from .rules import rules_by_id
from .types import AnswerField, Prompt


@dataclass(frozen=True)
class Done:
    response: PromptResponse  # the "done" answer added to the plan
    path: str  # the plan path of the field (or record) the answer was written to
    still_raised: bool  # the rule still holds after the change (the answer did not settle it)


def _checked(spec: FieldSpec, fid: str, value: Any, today: date) -> Any:
    """``value`` as the field holds it, or :class:`ResponseError` in plain words."""
    what = noun(fid)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ResponseError(f"{what} is needed to record this as done")
    kind = spec.kind
    if kind == "date":
        if isinstance(value, datetime) or not isinstance(value, date):
            raise ResponseError(f"{what} should be a date")
        if value > today:
            raise ResponseError(f"{what} cannot be in the future: record it once it is done")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ResponseError(f"{what} should be yes or no")
        return value
    if kind == "choice":
        try:
            return value if isinstance(value, spec.type) else spec.type(value.value if isinstance(value, Enum) else value)
        except ValueError:
            raise ResponseError(f"“{value}” is not one of the answers for {what}") from None
    if kind == "text":
        if not isinstance(value, str):
            raise ResponseError(f"{what} should be text")
        return value.strip()
    raise ResponseError(f"{what} cannot be recorded here")  # pragma: no cover - rules are checked on load


def _write(plan: Plan, answer: AnswerField, value: Any, today: date) -> tuple[str, str]:
    """Put ``value`` into the plan; (its plan path, the note saying what was recorded)."""
    specs = field_ids(Plan)
    fid = answer.field
    parts = fid.split(".")
    owner: Any = plan
    for p in parts[:-1]:
        owner = getattr(owner, p)
    if answer.kind == "record":
        if not isinstance(value, dict) or set(value) - set(answer.fields):
            raise ResponseError(f"give {', '.join(noun(f'{fid}.{f}') for f in answer.fields)}")
        values = {f: _checked(specs[f"{fid}.{f}"], f"{fid}.{f}", value.get(f), today) for f in answer.fields}
        record = specs[fid].type(**values)
        getattr(owner, parts[-1]).append(record)
        words = ", ".join(value_words(f"{fid}.{f}", v) for f, v in values.items())
        return fieldpath.child(".".join(parts[:-1]), parts[-1], fieldpath.record_key(fid, record)), f"{answer.label}: {words}"
    checked = _checked(specs[fid], fid, value, today)
    if answer.choices and getattr(checked, "value", checked) not in answer.choices:
        raise ResponseError(f"“{value_words(fid, checked)}” does not settle this; choose another answer for {noun(fid)}")
    setattr(owner, parts[-1], checked)
    return fid, f"{answer.label}: {value_words(fid, checked)}"


def record_done(plan: Plan, prompt: Prompt, value: Any, *, by: str, today: date,
                at: datetime | None = None, note: str = "") -> Done:
    """Answer ``prompt`` "done" by recording ``value`` in the field behind it (see the module).

    The field is written first, then the answer is added with the plan as it now is (its
    fingerprint), noting what was recorded ("Needs assessment done on: 3 May 2026") after any
    ``note``. Refused, with nothing changed, when the prompt has no field behind it or the value
    does not fit it (a date in the future, an empty name).
    """
    base, _, subject = prompt.rule_id.partition(":")
    rule = rules_by_id().get(base)
    answer = rule.answered_by if rule is not None else None
    if rule is None or answer is None:
        raise ResponseError("this prompt has no field to fill in: answer it done, not relevant or later")
    by = (by or "").strip()
    if not by:
        raise ResponseError("say who is answering the prompt")
    if at is None:
        at = utcnow()
    elif at.tzinfo is None:
        raise ResponseError("the time of a response must carry its time zone (UTC)")
    path, recorded = _write(plan, answer, value, today)
    ctx = Ctx(plan, today)
    ctx.subject = subject or None
    response = PromptResponse(
        rule_id=prompt.rule_id,
        answer=PromptAnswer.DONE,
        note="\n".join(t for t in ((note or "").strip(), recorded) if t),
        by=by,
        at=at,
        fingerprint=fingerprint_of(rule, ctx),
    )
    plan.prompt_responses.append(response)
    return Done(response, path, rule.test(ctx))
