"""JSON Schema (draft 2020-12) of the plans file, generated from the domain dataclasses.

The committed copy is ``resources/schema/pathway-plans.schema.json``; a test checks it equals
:func:`schema_text`. After changing the model, regenerate it with::

    python -m pathway_app.store.schema
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .. import paths
from ..domain import model as m
from ..domain.introspect import FieldSpec, specs
from .interchange import FORMAT, FORMAT_VERSION

SCHEMA_ID = "https://pathway-planner.example/schema/pathway-plans.schema.json"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"


def schema_path() -> Path:
    return paths.resource("schema", "pathway-plans.schema.json")


_SCALARS: dict[str, dict[str, Any]] = {
    "bool": {"type": "boolean"},
    "int": {"type": "integer", "minimum": 0},
    "text": {"type": "string"},
    "moment": {"type": "string", "pattern": DATETIME_PATTERN},
    "date": {"type": "string", "pattern": DATE_PATTERN},
}


def _field_schema(s: FieldSpec, defs: dict[str, Any]) -> dict[str, Any]:
    if s.kind == "records":
        _define(s.type, defs)
        return {"type": "array", "items": {"$ref": f"#/$defs/{s.type.__name__}"}}
    if s.kind == "record":
        _define(s.type, defs)
        inner: dict[str, Any] = {"$ref": f"#/$defs/{s.type.__name__}"}
        return {"anyOf": [inner, {"type": "null"}]} if s.optional else inner
    if s.kind == "choice":
        codes: list[Any] = [e.value for e in s.type]
        return {"enum": codes + [None] if s.optional else codes}
    base = dict(_SCALARS[s.kind])
    if s.optional:
        base["type"] = [base["type"], "null"]
    return base


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    props = {s.name: _field_schema(s, defs) for s in specs(cls)}
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
