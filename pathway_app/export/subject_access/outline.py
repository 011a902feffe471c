"""The plan, part by part, as rows and groups for "Everything we hold about you" (pure).

:func:`plan_outline` walks the plan's own dataclasses in their own order, so a field added to
the plan appears in the document without a change here. Each row keeps its path in the bundle
("plan.relationships[2].phone"), which is how a value is matched with its "For review" mark.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from datetime import date
from typing import Any

from ...domain import model as m
from ...domain.labels import label
from .words import PDF_SKIP, RECORD_TITLE, SECTION_TITLES, field_label, inner_type, type_hints, words_for


@dataclasses.dataclass
class Row:
    key: str
    value: str
    path: str  # the field's path in the bundle, "plan.relationships[2].phone"


@dataclasses.dataclass
class Group:
    """A heading (optional) and the rows under it; ``table`` groups are drawn as a table."""

    title: str
    rows: list[Row]
    empty: list[str]  # names of fields with nothing recorded
    level: int = 2
    table: tuple[str, ...] | None = None  # column keys, when drawn as a table
    table_rows: list[list[Row]] | None = None


def _span(item: dict[str, Any]) -> str:
    start, end = words_for(item.get("start"), date), words_for(item.get("end"), date)
    if not start and not end:
        return ""
    return f"{start or 'date not recorded'} to {end or 'now'}"


def item_title(list_name: str, item: dict[str, Any], i: int) -> str:
    """A heading for one record of a list. Headings never carry another person's name or words
    (those are in the marked rows below), so a reviewer need only look at marked rows."""
    n = i + 1
    if list_name == "relationships":
        kind = words_for(item.get("relationship_type"), m.RelationshipType)
        return f"Person {n}" + (f" ({kind})" if kind else "")
    if list_name == "advisers":
        span = _span(item)
        return f"Personal adviser {n}" + (f": {span}" if span else "")
    if list_name == "care_episodes":
        kind = words_for(item.get("home_type"), m.HomeType)
        span = _span(item)
        return f"Home {n}" + (f" ({kind})" if kind else "") + (f": {span}" if span else "")
    if list_name == "life_story":
        kind = words_for(item.get("kind"), m.LifeStoryKind)
        when = words_for(item.get("when"), date)
        return f"Entry {n}" + (f" ({kind})" if kind else "") + (f", {when}" if when else "")
    if list_name == "reviews":
        return f"Review on {words_for(item.get('held_on'), date)}" if item.get("held_on") else f"Review {n}"
    if list_name == "support_areas":
        return label(item.get("area"), "Area")
    if list_name == "staff":
        return f"Person {n}"
    if list_name == "skills":
        return label(item.get("key"), "Skill")
    if list_name == "actions":
        return f"Action {n}"
    return f"{n}"


def _rows_for(obj: dict[str, Any], cls: type, path: str) -> tuple[list[Row], list[str], list[tuple[str, list, type]]]:
    """Scalar rows, empty field names and nested lists of one record."""
    hints = type_hints(cls)
    rows, empty, lists = [], [], []
    for f in dataclasses.fields(cls):
        name = f.name
        if name in PDF_SKIP or (cls is m.SupportArea and name == "area"):  # the area is the heading
            continue
        tp = hints[name]
        value = obj.get(name)
        if typing.get_origin(tp) is list:
            (item_tp,) = typing.get_args(tp)
            lists.append((name, value or [], item_tp))
            continue
        if dataclasses.is_dataclass(inner_type(tp)):
            continue
        words = words_for(value, tp, name)
        if words.strip():
            rows.append(Row(field_label(name), words, f"{path}.{name}"))
        else:
            empty.append(field_label(name))
    return rows, empty, lists


def plan_outline(plan_d: dict[str, Any]) -> list[tuple[str, str, list[Group]]]:
    """(title, bookmark, groups) for each part of the plan, in the plan's own order."""
    hints = type_hints(m.Plan)
    parts: list[tuple[str, str, list[Group]]] = []
    record_rows: list[Row] = []
    record_empty: list[str] = []
    for f in dataclasses.fields(m.Plan):
        name = f.name
        tp = hints[name]
        value = plan_d.get(name)
        path = f"plan.{name}"
        if name == "prompt_responses":
            continue  # its own section
        if typing.get_origin(tp) is list:
            (item_tp,) = typing.get_args(tp)
            groups = []
            for i, item in enumerate(value or []):
                groups.extend(_record_groups(item, item_tp, f"{path}[{i}]", item_title(name, item, i)))
            if name == "skills":
                groups = [_table_group("", value or [], item_tp, path, ("key", "level", "notes"))]
            if not groups:
                groups = [Group("", [], [], level=2)]
            parts.append((SECTION_TITLES.get(name, field_label(name)), f"plan-{name}", groups))
        elif dataclasses.is_dataclass(tp):
            parts.append((SECTION_TITLES.get(name, field_label(name)), f"plan-{name}", _record_groups(value or {}, tp, path, "")))
        else:
            words = words_for(value, tp, name)
            if name == "version":
                words = str(value)
            if words.strip():
                record_rows.append(Row(field_label(name), words, path))
            else:
                record_empty.append(field_label(name))
    parts.append((RECORD_TITLE, "plan-record", [Group("", record_rows, record_empty)]))
    return parts


def _record_groups(obj: dict[str, Any], cls: type, path: str, title: str) -> list[Group]:
    rows, empty, lists = _rows_for(obj, cls, path)
    out = [Group(title, rows, empty)]
    for name, items, item_tp in lists:
        lpath = f"{path}.{name}"
        if name == "actions":
            out.append(_table_group("Actions", items, item_tp, lpath, ("what", "who", "by_when", "status")))
        else:
            for i, item in enumerate(items):
                sub = _record_groups(item, item_tp, f"{lpath}[{i}]", item_title(name, item, i))
                for g in sub:
                    g.level = 3
                out.extend(sub)
            if not items:
                out.append(Group(field_label(name), [], [], level=3, table=(), table_rows=[]))
    return out


def _table_group(title: str, items: list[dict[str, Any]], cls: type, path: str, cols: tuple[str, ...]) -> Group:
    hints = type_hints(cls)
    rows = []
    for i, item in enumerate(items):
        rows.append([Row(field_label(c), words_for(item.get(c), hints[c], c), f"{path}[{i}].{c}") for c in cols])
    return Group(title, [], [], level=3, table=tuple(field_label(c) for c in cols), table_rows=rows)


# --------------------------------------------------------------------------- where a record or a mark is


def record_names(plan_d: dict[str, Any]) -> dict[str, str]:
    """Record id → the record's heading in this document, for the history's change paths."""
    out: dict[str, str] = {}
    for lst in ("care_episodes", "relationships", "skills", "life_story", "reviews", "advisers", "prompt_responses"):
        for i, item in enumerate(plan_d.get(lst, [])):
            out[str(item.get("id"))] = item_title(lst, item, i) if lst != "prompt_responses" else f"reminder {i + 1}"
    for kind, inner in (("staying_put", "carers"), ("staying_close", "staff")):
        for agreement in plan_d.get(kind, {}).get("agreements", []):
            out[str(agreement.get("id"))] = f"version {agreement.get('version')}"
            for i, item in enumerate(agreement.get(inner, [])):
                out[str(item.get("id"))] = item_title(inner, item, i)
    for sa in plan_d.get("support_areas", []):
        out[str(sa.get("area"))] = label(sa.get("area"), "Area")
        for i, a in enumerate(sa.get("actions", [])):
            out[str(a.get("id"))] = item_title("actions", a, i)
    return out


def flag_place(path: str, plan_d: dict[str, Any], names: dict[str, str]) -> str:
    """A marked item's place in words: "People in your life › Donna Brennan › Safety notes"."""
    if path.startswith("history."):
        m_ = re.match(r"history\.entries\[(\d+)\]", path)
        return "The history of your record" + (f" › entry {int(m_.group(1)) + 1}" if m_ else " › who")
    segs = re.findall(r"[^.\[\]]+|\[\d+\]", path.removeprefix("plan."))
    out, obj = [], plan_d
    list_name = ""
    for i, seg in enumerate(segs):
        if seg.startswith("["):
            idx = int(seg[1:-1])
            try:
                item = obj[idx]
            except (IndexError, KeyError, TypeError):
                out.append(str(idx + 1))
                continue
            out.append(item_title(list_name, item, idx))
            obj = item
        else:
            out.append(SECTION_TITLES.get(seg, field_label(seg)) if i == 0 else field_label(seg))
            list_name = seg
            obj = obj.get(seg) if isinstance(obj, dict) else None
    return " › ".join(out)
