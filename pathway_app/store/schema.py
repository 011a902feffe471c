"""JSON Schema (draft 2020-12) of the plans file, generated from the domain dataclasses.

The committed copy is ``resources/schema/pathway-plans.schema.json``; a test checks it equals
:func:`schema_text`. After changing the model, regenerate it with::

    python -m pathway_app.store.schema
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from .. import paths
from ..domain import model as m
from .interchange import FORMAT, FORMAT_VERSION

SCHEMA_ID = "https://pathway-planner.example/schema/pathway-plans.schema.json"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"


def schema_path() -> Path:
    return paths.resource("schema", "pathway-plans.schema.json")


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        assert len(args) == 1, tp
        inner = _type_schema(args[0], defs)
        if "enum" in inner:
            return {**inner, "enum": [*inner["enum"], None]}
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        return {**inner, "type": [inner["type"], "null"]}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [e.value for e in tp]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0}
    if tp is str:
        return {"type": "string"}
    if tp is datetime:
        return {"type": "string", "pattern": DATETIME_PATTERN}
    if tp is date:
        return {"type": "string", "pattern": DATE_PATTERN}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    props = {f.name: _type_schema(hints[f.name], defs) for f in dataclasses.fields(cls)}
    entry: dict[str, Any] = {"type": "object"}
    doc = (cls.__doc__ or "").strip()
    if doc and not doc.startswith(cls.__name__ + "("):
        entry["description"] = " ".join(doc.split())
    entry.update({"properties": props, "required": list(props), "additionalProperties": False})
    defs[cls.__name__] = entry


def build_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    _define(m.Plan, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Pathway Planner plans file",
        "description": "Young people's pathway plans exported by Pathway Planner "
        "(generated from the app's model by pathway_app/store/schema.py).",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "plans": {"type": "array", "items": {"$ref": "#/$defs/Plan"}},
        },
        "required": ["format", "format_version", "plans"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(path: Path | None = None) -> Path:
    path = path or schema_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover
    print(write_schema(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
