"""One way to write where something is in a plan: the *plan path*.

::

    person.date_of_birth
    relationships[3f2c…].there_at_25          a record in a list, by its stable id
    support_areas[health].actions[9a1b…].what  support areas are keyed by their area code
    relationships#order                        the order of a list (in a diff)
    relationships[#4].name                     the 4th record, only where a record has no
                                               usable id (a damaged file being imported)

A path names records by their stable ``id`` (support areas by ``area``), never by position,
so a path stays true when records are added, removed or reordered. The audit trail, the
validation problems, the stale-save merge, returned share files and the field catalogue all use
this grammar; a *field id* is a path with the keys taken out (``relationships.there_at_25``)
and is what :mod:`.fields` is keyed by. Users never see a path: :func:`.fields.describe`
turns one into words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

ORDER = "#order"
#: The field that keys the records of a list, where it is not ``id``.
KEY_FIELD: dict[str, str] = {"support_areas": "area"}

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?")


@dataclass(frozen=True)
class Step:
    name: str
    key: str | None = None  # the record's key, for a step into a list

    def __str__(self) -> str:
        return self.name if self.key is None else f"{self.name}[{self.key}]"


class PathError(ValueError):
    """Text that is not a plan path."""


def parse(path: str) -> tuple[tuple[Step, ...], bool]:
    """The steps of ``path`` and whether it ends in ``#order``."""
    order = path.endswith(ORDER)
    body = path[: -len(ORDER)] if order else path
    steps: list[Step] = []
    pos = 0
    while pos < len(body):
        m = _STEP.match(body, pos)
        if not m:
            raise PathError(f"not a plan path: {path!r}")
        steps.append(Step(m.group(1), m.group(2)))
        pos = m.end()
        if pos < len(body):
            if body[pos] != ".":
                raise PathError(f"not a plan path: {path!r}")
            pos += 1
            if pos == len(body):
                raise PathError(f"not a plan path: {path!r}")
    if not steps:
        raise PathError("an empty plan path")
    return tuple(steps), order


def join(steps: tuple[Step, ...] | list[Step], order: bool = False) -> str:
    return ".".join(str(s) for s in steps) + (ORDER if order else "")


def child(path: str, name: str, key: str | None = None) -> str:
    """``child("relationships", "name")``; ``child("", "relationships", rid)``."""
    step = str(Step(name, key))
    return f"{path}.{step}" if path else step


def field_id(path: str) -> str:
    """``relationships[3f2c].there_at_25`` → ``relationships.there_at_25``."""
    steps, _order = parse(path)
    return ".".join(s.name for s in steps)


def list_key_field(list_field_id: str) -> str:
    """The field keying the records of a list (``id``, or ``area`` for support areas)."""
    return KEY_FIELD.get(list_field_id, "id")


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def record_key(list_field_id: str, record: Any) -> str | None:
    """The key of ``record`` (a dataclass or its dict form) in the list ``list_field_id``."""
    v = _get(record, list_key_field(list_field_id))
    if v is None:
        return None
    key = str(getattr(v, "value", v))
    return key if key and not any(ch in key for ch in "[]") else None  # not usable in a path


def position_key(index: int) -> str:
    """The key of the ``index``-th (0-based) record where it has no usable id."""
    return f"#{index + 1}"


def resolve(root: Any, path: str) -> list[tuple[Step, Any]]:
    """Each step of ``path`` with what it leads to in ``root`` (a plan or its dict form).

    Stops early where a record or field does not exist; the caller compares lengths.
    """
    steps, _order = parse(path)
    out: list[tuple[Step, Any]] = []
    here = root
    fid = ""
    for s in steps:
        fid = f"{fid}.{s.name}" if fid else s.name
        value = _get(here, s.name)
        if value is None and not _has(here, s.name):
            break
        if s.key is not None:
            if not isinstance(value, list):
                break
            value = find_record(fid, value, s.key)
            if value is None:
                break
        out.append((s, value))
        here = value
    return out


def _has(obj: Any, name: str) -> bool:
    return name in obj if isinstance(obj, dict) else hasattr(obj, name)


def find_record(list_field_id: str, records: list[Any], key: str) -> Any:
    """The record of ``records`` with ``key`` (or at position ``#n``), or ``None``."""
    if key.startswith("#") and key[1:].isdigit():
        i = int(key[1:]) - 1
        return records[i] if 0 <= i < len(records) else None
    for r in records:
        if record_key(list_field_id, r) == key:
            return r
    return None


def get(root: Any, path: str, default: Any = None) -> Any:
    """The value at ``path`` in ``root``, or ``default`` where it does not exist."""
    steps, _order = parse(path)
    found = resolve(root, path)
    return found[-1][1] if len(found) == len(steps) else default
