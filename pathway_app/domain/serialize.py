"""Plain-dict conversion of a plan, used by the plans file, the diff and the tests.

``to_dict`` gives JSON-ready values (ISO dates, enum codes) with keys in the dataclass field
order. ``from_dict`` is strict: every field must be present with the right type, and every
problem is reported with the plan path of the field (``relationships[<id>].there_at_25``), so
an import can tell the user exactly what is wrong. Older files are brought up to date before
they get here (see :mod:`pathway_app.store.plans_file`).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from . import fieldpath
from .introspect import FieldSpec, specs
from .model import Plan

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # not ISO week dates like 2026-W05-6


class DecodeError(ValueError):
    """One or more fields could not be read; ``problems`` holds (plan path, message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems))


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {s.name: to_dict(getattr(obj, s.name)) for s in specs(type(obj))}
    if isinstance(obj, list):
        return [to_dict(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        return obj.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return to_dict(plan)  # type: ignore[no-any-return]


def bad_text(value: str) -> str:
    """Why this text cannot be stored, or ''."""
    for ch in value:
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            return "contains a broken character (an unpaired surrogate)"
        if o == 0:
            return "contains a NUL character"
    return ""


class _Decoder:
    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append((path or "(top)", message))

    def record(self, cls: type, value: Any, path: str, fid: str) -> Any:
        if not isinstance(value, dict):
            self.fail(path, "should be an object")
            return cls()
        kwargs = {}
        for s in specs(cls):
            sub = fieldpath.child(path, s.name)
            if s.name not in value:
                self.fail(sub, "is missing")
                continue
            decoded = self.value(s, value[s.name], path, f"{fid}.{s.name}" if fid else s.name)
            if decoded is not None or s.optional:
                kwargs[s.name] = decoded
        for extra in sorted(set(value) - {s.name for s in specs(cls)}):
            self.fail(f"{path}.{extra}" if path else str(extra), "is not a field this version knows")
        return cls(**kwargs)

    def value(self, s: FieldSpec, value: Any, parent: str, fid: str) -> Any:
        path = fieldpath.child(parent, s.name)
        if value is None:
            if not s.optional:
                self.fail(path, "is missing (null is not allowed here)")
            return None
        kind = s.kind
        if kind == "record":
            return self.record(s.type, value, path, fid)
        if kind == "records":
            if not isinstance(value, list):
                self.fail(path, "should be a list")
                return []
            out = []
            for i, item in enumerate(value):
                key = fieldpath.record_key(fid, item) if isinstance(item, dict) else None
                out.append(self.record(s.type, item, fieldpath.child(parent, s.name, key or fieldpath.position_key(i)), fid))
            return out
        if kind == "choice":
            try:
                return s.type(value)
            except ValueError:
                allowed = ", ".join(m.value for m in s.type)
                self.fail(path, f"'{value}' is not one of: {allowed}")
                return None
        if kind == "moment":
            return self.moment(value, path)
        if kind == "date":
            if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
                self.fail(path, f"'{value}' should be a date like 2026-01-31")
                return None
            try:
                return date.fromisoformat(value)
            except ValueError:
                self.fail(path, f"'{value}' is not a real date")
                return None
        if kind == "bool":
            if not isinstance(value, bool):
                self.fail(path, "should be true or false")
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(path, "should be a whole number")
            return value
        if not isinstance(value, str):  # text
            self.fail(path, "should be text")
            return ""
        bad = bad_text(value)
        if bad:
            self.fail(path, bad)
        return value

    def moment(self, value: Any, path: str) -> datetime | None:
        if not isinstance(value, str):
            self.fail(path, "should be a date and time like 2026-01-31T09:00:00Z")
            return None
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.fail(path, f"'{value}' is not a real date and time")
            return None
        if dt.tzinfo is None:
            self.fail(path, f"'{value}' has no time zone (write it in UTC, ending in Z)")
            return None
        try:
            return dt.astimezone(UTC)
        except OverflowError:
            self.fail(path, f"'{value}' is not a date and time the app can hold")
            return None


def plan_from_dict(data: Any, path: str = "") -> Plan:
    """Build a plan from a dict, or raise :class:`DecodeError` naming every bad field."""
    return from_dict(Plan, data, path)  # type: ignore[no-any-return]


def from_dict(cls: type, data: Any, path: str = "") -> Any:
    d = _Decoder()
    obj = d.record(cls, data, path, "")
    if d.problems:
        raise DecodeError(d.problems)
    return obj
