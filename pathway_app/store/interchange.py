"""The plans file: a versioned JSON format for moving young people's plans between databases.

::

    {"format": "pathway-planner-plans", "format_version": <n>, "plans": [<plan>, ...]}

Each plan is :func:`pathway_app.domain.serialize.plan_to_dict`; plans are sorted by id and the
file carries no export timestamp, so exporting, importing into an empty database and
exporting again gives the same bytes. ``resources/schema/pathway-plans.schema.json``
describes the current version (see :mod:`.schema`); files of every earlier version keep
importing, each plan brought up to date by :mod:`.upgrades` before it is read.

Import is all or nothing: every problem in the file is found first and reported together,
each naming the plan (its place in the file, name and id) and the field; if there is any,
nothing is written. A plan whose id is already in the database replaces it only when the
file's copy is newer (higher version, then later ``updated_at``); otherwise the database's
copy is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain import model as m
from ..domain.fields import describe
from ..domain.introspect import iter_records
from ..domain.serialize import DecodeError, plan_from_dict, plan_to_dict
from ..domain.validation import validate
from ..errors import DatabaseProblem, ImportRefused
from .upgrades import FIRST_VERSION, current_version, upgrade

FORMAT = "pathway-planner-plans"
FORMAT_VERSION = current_version()
MAX_LISTED = 25  # problems spelt out in the message; the rest are counted


@dataclass
class ImportReport:
    """What an import did; each entry is (plan id, young person's name)."""

    created: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "the copy already here is newer"


# --------------------------------------------------------------------------- export


def dumps_plans(plans: Iterable[m.Plan]) -> bytes:
    """The file for ``plans`` (sorted by id), as UTF-8 bytes."""
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plans": [plan_to_dict(p) for p in sorted(plans, key=lambda p: p.id)],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_plans(store: Any, ids: Iterable[str] | None = None, *, detail: dict[str, Any] | None = None) -> bytes:
    """Every plan in ``store`` (or those in ``ids``) as a plans file.

    Each plan exported gets an "exported" audit entry (with ``detail``, e.g. where to), and no
    "opened" one: reading it for the file is part of the export.
    """
    wanted = sorted(set(store.ids() if ids is None else ids))
    data = dumps_plans(store.load(i, opened=False) for i in wanted)
    if wanted:
        store.record_events("exported", wanted, {"to": "plans file", **(detail or {})})
    return data


# --------------------------------------------------------------------------- reading a file


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Duplicate(k)
        out[k] = v
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _clean(text: str) -> str:
    """Text safe to print: broken characters shown as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _refuse(why: str) -> ImportRefused:
    return ImportRefused(_clean(f"The file was not imported (nothing was changed): {why}"))


def _plan_label(index: int, raw: Any) -> str:
    name, pid = "", ""
    if isinstance(raw, dict):
        person = raw.get("person")
        if isinstance(person, dict):
            parts = [person.get("preferred_name") or person.get("given_name"), person.get("family_name")]
            name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
        if isinstance(raw.get("id"), str):
            pid = raw["id"]
    bits = ", ".join(b for b in (name or "no name", f"id {pid}" if pid else "") if b)
    return f"plan {index + 1} ({bits})"


def read_plans(data: bytes, today: date | None = None) -> list[m.Plan]:
    """The plans in a plans file, every one valid; or :class:`ImportRefused` listing why not."""
    today = today or date.today()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(
            f"it is not UTF-8 text (a wrong byte at position {exc.start}). "
            "Was it saved by Pathway Planner?"
        ) from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except RecursionError:
        raise _refuse("it is nested too deeply to be a plans file.") from None
    except _Duplicate as exc:
        raise _refuse(f"the field '{exc}' appears twice in the same record.") from None
    except json.JSONDecodeError as exc:
        raise _refuse(f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except ValueError as exc:
        raise _refuse(f"it is not valid JSON ({exc}).") from None
    not_ours = f"it is not a Pathway Planner plans file (expected \"format\": \"{FORMAT}\")."
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _refuse(not_ours)
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _refuse("its format_version is missing or is not a whole number.")
    if version > FORMAT_VERSION:
        raise _refuse(
            f"it was made by a newer version of Pathway Planner (file format {version}; "
            f"this version reads format {FORMAT_VERSION}). Please update the app."
        )
    if version < FIRST_VERSION:
        raise _refuse(f"its file format {version} is not one this version knows.")
    extra = sorted(set(doc) - {"format", "format_version", "plans"})
    if extra:
        raise _refuse(f"it has fields this version does not know: {', '.join(extra)}.")
    raw_plans = doc.get("plans")
    if not isinstance(raw_plans, list):
        raise _refuse("it has no list of plans.")

    problems: list[tuple[str, str, str]] = []
    plans: list[m.Plan] = []
    seen_plan: dict[str, int] = {}
    seen_record: dict[str, int] = {}
    for i, raw in enumerate(raw_plans):
        label = _plan_label(i, raw)
        if isinstance(raw, dict):
            raw = upgrade(raw, version)
        try:
            plan = plan_from_dict(raw)
        except DecodeError as exc:
            problems.extend((label, _describe(path, raw), msg) for path, msg in exc.problems)
            continue
        except RecursionError:  # pragma: no cover - json.loads stops far deeper structures first
            problems.append((label, "the plan", "is nested too deeply"))
            continue
        for prob in validate(plan, today):
            problems.append((label, prob.place, prob.message))
        if plan.id in seen_plan:
            # a second copy of the same young person's plan: one problem, not one per record in it
            problems.append((label, "", f"it is the same young person as plan {seen_plan[plan.id] + 1}: the "
                             "file holds this young person's plan twice (keep only one copy)"))
            continue
        seen_plan[plan.id] = i
        for rid in _record_ids(plan):
            other = seen_record.setdefault(rid, i)
            if other != i:
                problems.append((label, "", f"a record has the same identifier ({rid}) as one in plan {other + 1}"))
        if plan.version == 0:
            plan.version = 1  # a plan in a file has been saved at least once somewhere
        plans.append(plan)
    if problems:
        lines = [f"{p}: {f}: {msg}" if f else f"{p}: {msg}" for p, f, msg in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(f"… and {len(problems) - MAX_LISTED} more problems")
        raise ImportRefused(
            _clean(
                f"The file was not imported (nothing was changed): {len(problems)} "
                f"problem{'s' if len(problems) != 1 else ''}:\n" + "\n".join(lines)
            ),
            [(_clean(a), _clean(b), _clean(c)) for a, b, c in problems],
        )
    return plans


def _describe(path: str, raw: Any) -> str:
    """A decode problem's field in words ("the plan" for the plan as a whole)."""
    if path == "(top)":
        return "the plan"
    try:
        return describe(path, raw)
    except ValueError:  # not a path at all (a key with brackets in a damaged file)
        return "the plan"


def _differs(store: Any, plan: m.Plan) -> bool:
    """True when the stored copy of ``plan`` (same id, version and time) holds different data."""
    return plan_to_dict(store.load(plan.id, opened=False)) != plan_to_dict(plan)


def _record_ids(plan: m.Plan) -> list[str]:
    return [rec.id for _fid, rec in iter_records(plan) if hasattr(rec, "id")]


# --------------------------------------------------------------------------- import


def import_plans(store: Any, data: bytes, today: date | None = None, *,
                 detail: dict[str, Any] | None = None) -> ImportReport:
    """Import a plans file in one transaction (all or nothing). See the module notes.

    Each plan added or replaced gets an "imported" audit entry (with ``detail``, e.g. which
    file) in the same transaction.
    """
    today = today or date.today()
    plans = read_plans(data, today)
    try:
        outcomes = store._import_plans(plans, today, {"from": "plans file", **(detail or {})})
    except DatabaseProblem as exc:
        if "same identifier" in str(exc):
            raise _refuse(str(exc)) from exc
        raise
    report = ImportReport()
    for plan, outcome, existing in outcomes:
        entry = (plan.id, plan.person.display_name)
        if outcome == "created":
            report.created.append(entry)
        elif outcome == "updated":
            report.updated.append(entry)
        else:
            report.unchanged.append(entry)
            if outcome == "unchanged" and _differs(store, plan):
                report.notes.append(
                    f"{entry[1]}: the plan in the file is different from the one here but has the same "
                    f"version ({plan.version}), so the one here was kept. If the file's copy should "
                    "replace it, it needs a higher version number."
                )
            if outcome == "kept_newer":
                report.notes.append(
                    f"{entry[1]}: the plan already here is newer (version {existing}) than the one "
                    f"in the file (version {plan.version}), so the newer one was kept."
                )
    return report
