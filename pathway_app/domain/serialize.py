"""Plain-dict conversion of a plan, used by the interchange format and by tests.

``to_dict`` gives JSON-ready values (ISO dates, enum codes) with keys in the dataclass field
order. ``from_dict`` is strict: every field must be present with the right type, and every
problem is reported with the path of the field ("relationships[3].there_at_25"), so an import
can tell the user exactly what is wrong.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date, datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Any

from .model import Plan


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # not ISO week dates like 2026-W05-6


class DecodeError(ValueError):
    """One or more fields could not be read; ``problems`` holds (field path, message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems))


@lru_cache(maxsize=None)
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0], True
    return tp, False


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_dict(getattr(obj, name)) for name, _tp in _hints(type(obj))}
    if isinstance(obj, list):
        return [to_dict(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        return obj.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return to_dict(plan)


def _decode(tp: Any, value: Any, path: str, problems: list[tuple[str, str]]) -> Any:
    inner, optional = _unwrap_optional(tp)
    if value is None:
        if optional:
            return None
        problems.append((path, "is missing (null is not allowed here)"))
        return None
    tp = inner
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, path, problems)
    origin = typing.get_origin(tp)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        if not isinstance(value, list):
            problems.append((path, "should be a list"))
            return []
        return [_decode(item_tp, v, f"{path}[{i}]", problems) for i, v in enumerate(value)]
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError:
            allowed = ", ".join(m.value for m in tp)  # type: ignore[attr-defined]
            problems.append((path, f"'{value}' is not one of: {allowed}"))
            return None
    if tp is datetime:
        if not isinstance(value, str):
            problems.append((path, "should be a date and time like 2026-01-31T09:00:00Z"))
            return None
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            problems.append((path, f"'{value}' is not a real date and time"))
            return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.astimezone(timezone.utc)
    if tp is date:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            problems.append((path, f"'{value}' should be a date like 2026-01-31"))
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            problems.append((path, f"'{value}' is not a real date"))
            return None
    if tp is bool:
        if not isinstance(value, bool):
            problems.append((path, "should be true or false"))
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append((path, "should be a whole number"))
        return value
    if tp is str:
        if not isinstance(value, str):
            problems.append((path, "should be text"))
            return ""
        bad = _bad_text(value)
        if bad:
            problems.append((path, bad))
        return value
    problems.append((path, f"has an unsupported type {tp!r}"))  # pragma: no cover
    return None


def _bad_text(value: str) -> str:
    """Why this text cannot be stored, or ''."""
    for ch in value:
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            return "contains a broken character (an unpaired surrogate)"
        if o == 0:
            return "contains a NUL character"
    return ""


def _decode_dataclass(cls: type, value: Any, path: str, problems: list[tuple[str, str]]) -> Any:
    if not isinstance(value, dict):
        problems.append((path or "(top)", "should be an object"))
        return cls()
    kwargs = {}
    known = set()
    for name, tp in _hints(cls):
        known.add(name)
        sub = f"{path}.{name}" if path else name
        if name not in value:
            problems.append((sub, "is missing"))
            continue
        decoded = _decode(tp, value[name], sub, problems)
        if decoded is not None or _unwrap_optional(tp)[1]:
            kwargs[name] = decoded
    for extra in sorted(set(value) - known):
        sub = f"{path}.{extra}" if path else extra
        problems.append((sub, "is not a field this version knows"))
    try:
        return cls(**kwargs)
    except TypeError as exc:  # pragma: no cover - all fields have defaults
        problems.append((path, str(exc)))
        return cls()


def plan_from_dict(data: Any, path: str = "") -> Plan:
    """Build a plan from a dict, or raise :class:`DecodeError` naming every bad field."""
    problems: list[tuple[str, str]] = []
    plan = _decode_dataclass(Plan, data, path, problems)
    if problems:
        raise DecodeError(problems)
    return plan


def from_dict(cls: type, data: Any, path: str = "") -> Any:
    problems: list[tuple[str, str]] = []
    obj = _decode_dataclass(cls, data, path, problems)
    if problems:
        raise DecodeError(problems)
    return obj
