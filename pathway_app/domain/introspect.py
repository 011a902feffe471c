"""What the plan's dataclasses hold, worked out once from their type hints.

The one walker over the model: the plain-dict form (:mod:`.serialize`), the JSON Schema of the
plans file, the store's table mapping, the field catalogue's coverage test and the
subject-access export all ask it instead of reading type hints themselves.

Every field has a *kind*:

========== ==========================================================
``text``   ``str``
``bool``   ``bool``
``int``    ``int``
``date``   :class:`datetime.date`
``moment`` :class:`datetime.datetime` (timezone-aware, UTC)
``choice`` a :class:`~enum.Enum` of :mod:`.vocab` (``type`` is the enum)
``record`` one nested dataclass (``type`` is the class)
``records`` a list of dataclasses (``type`` is the item class)
========== ==========================================================
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

SCALAR_KINDS = frozenset({"text", "bool", "int", "date", "moment", "choice"})


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str
    optional: bool  # ``None`` is allowed (unknown)
    type: Any  # the Python type; the enum class for a choice; the dataclass for record(s)

    @property
    def scalar(self) -> bool:
        return self.kind in SCALAR_KINDS


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            return inner[0], True
    return tp, False


def _kind(tp: Any) -> tuple[str, Any]:
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        if not dataclasses.is_dataclass(item):
            raise TypeError(f"a list of {item!r} is not part of the model")
        return "records", item
    if dataclasses.is_dataclass(tp):
        return "record", tp
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "choice", tp
    for py, kind in ((bool, "bool"), (int, "int"), (str, "text"), (datetime, "moment"), (date, "date")):
        if tp is py:
            return kind, tp
    raise TypeError(f"no kind for {tp!r}")


def specs(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of dataclass ``cls``, in declaration order."""
    # Worked out once per class. The cache sits behind a plain function so that callers may
    # pass ``type(obj)``: mypy does not count ``type[Any]`` as Hashable (python/mypy#11470).
    return _specs(cls)


@cache
def _specs(cls: type) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        tp, optional = _unwrap_optional(hints[f.name])
        kind, typ = _kind(tp)
        out.append(FieldSpec(f.name, kind, optional, typ))
    return tuple(out)


@cache
def spec_map(cls: type) -> dict[str, FieldSpec]:
    return {s.name: s for s in specs(cls)}


def scalar_names(cls: type) -> tuple[str, ...]:
    """The names of ``cls``'s scalar fields (those a table stores as columns)."""
    return tuple(s.name for s in specs(cls) if s.scalar)


def walk(cls: type, prefix: str = "") -> Iterator[tuple[str, FieldSpec]]:
    """(field id, spec) for every field under ``cls``, depth first: ``relationships``,
    ``relationships.name``, …, ``support_areas.actions.what``."""
    for s in specs(cls):
        fid = f"{prefix}.{s.name}" if prefix else s.name
        yield fid, s
        if s.kind in ("record", "records"):
            yield from walk(s.type, fid)


@cache
def field_ids(cls: type) -> dict[str, FieldSpec]:
    """Every field id under ``cls`` with its spec (see :func:`walk`)."""
    return dict(walk(cls))


def iter_records(obj: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(list field id, record) for every record in every list under dataclass ``obj``, depth
    first: ``("care_episodes", <CareEpisode>)``, ``("support_areas.actions", <Action>)``."""
    for s in specs(type(obj)):
        fid = f"{prefix}.{s.name}" if prefix else s.name
        value = getattr(obj, s.name)
        if s.kind == "record":
            yield from iter_records(value, fid)
        elif s.kind == "records":
            for item in value:
                yield fid, item
                yield from iter_records(item, fid)
