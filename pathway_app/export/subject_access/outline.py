"""The plan, part by part, as rows and groups for "Everything we hold about you" (pure).

:func:`plan_outline` walks the plan's own structure (:mod:`pathway_app.domain.introspect`) in
its own order, naming every part and field from the field catalogue, so a field added to the
plan appears in the document without a change here. Each row keeps its path in the bundle
("plan.relationships[2].phone"), which is how a value is matched with its "For review" mark,
and its place in words, which is how the list of marked parts says where it is.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ...domain import fieldpath, fields
from ...domain.introspect import FieldSpec, specs
from ...domain.model import Plan
from .words import PDF_SKIP, RECORD_TITLE, kind, name, value


@dataclasses.dataclass
class Row:
    key: str
    value: str
    path: str  # the field's path in the bundle, "plan.relationships[2].phone"
    place: str = ""  # where it is in this document, in words


@dataclasses.dataclass
class Group:
    """A heading (optional) and the rows under it; ``table`` groups are drawn as a table."""

    title: str
    rows: list[Row]
    empty: list[str]  # names of fields with nothing recorded
    level: int = 2
    table: tuple[str, ...] | None = None  # column names, when drawn as a table
    table_rows: list[list[Row]] | None = None


#: Lists drawn as one table, and the fields that are its columns.
TABLES: dict[str, tuple[str, ...]] = {
    "skills": ("key", "level", "notes"),
    "support_areas.actions": ("what", "who", "by_when", "status"),
}
#: Parts of the plan with a section of their own in this document (not in "Your plan").
SEPARATE = frozenset({"prompt_responses"})
#: The field that says what kind of record one is, shown in its heading: "Person 2 (Friend)".
_KIND_OF = {"relationships": "relationship_type", "care_episodes": "home_type", "life_story": "kind"}


def _span(list_fid: str, item: dict[str, Any]) -> str:
    start, end = value(f"{list_fid}.start", item.get("start")), value(f"{list_fid}.end", item.get("end"))
    if not start and not end:
        return ""
    return f"{start or 'date not recorded'} to {end or 'now'}"


def item_title(list_fid: str, item: dict[str, Any], i: int) -> str:
    """A heading for one record of a list. A record named by a code or a date is named by it
    ("Health and wellbeing", "Review on 3 March 2026"); any other by what it is and its number
    ("Person 2 (Friend)", "Home 1 (Foster home), 1 June 2021 to now"). Headings never carry
    anyone's words — another person's name is one — so a reviewer need only look at the marked
    rows below them."""
    f = fields.field(list_fid)
    if f.title and kind(f"{list_fid}.{f.title}") in ("choice", "date"):
        titled = fields.record_title(list_fid, item)
        if titled:
            return titled
    title = f"{(f.record or 'record').capitalize()} {i + 1}"
    kind_of = _KIND_OF.get(list_fid)
    what = value(f"{list_fid}.{kind_of}", item.get(kind_of)) if kind_of else ""
    if what:
        title += f" ({what})"
    if f"{list_fid}.start" in fields.catalogue():
        span = _span(list_fid, item)
        title += f", {span}" if span else ""
    if list_fid == "life_story" and item.get("when"):
        title += f", {value('life_story.when', item['when'])}"
    return title


def _place(where: list[str], key: str) -> str:
    here = " — ".join(w for w in where if w)
    return f"{here}: {key}" if here else key


def plan_outline(plan_d: dict[str, Any]) -> list[tuple[str, str, list[Group]]]:
    """(title, bookmark, groups) for each part of the plan, in the plan's own order."""
    parts: list[tuple[str, str, list[Group]]] = []
    record_rows: list[Row] = []
    record_empty: list[str] = []
    for s in specs(Plan):
        fid, raw, path = s.name, plan_d.get(s.name), f"plan.{s.name}"
        if fid in SEPARATE:
            continue
        title = name(fid)
        if s.kind == "records":
            groups = _list_groups(s, fid, raw or [], path, [title], level=2)
            parts.append((title, f"plan-{fid}", groups or [Group("", [], [], level=2)]))
        elif s.kind == "record":
            parts.append((title, f"plan-{fid}", _record_groups(raw or {}, s, fid, path, "", [title])))
        else:
            words = value(fid, raw)
            if words.strip():
                record_rows.append(Row(title, words, path, _place([RECORD_TITLE], title)))
            else:
                record_empty.append(title)
    parts.append((RECORD_TITLE, "plan-record", [Group("", record_rows, record_empty)]))
    return parts


def _record_groups(obj: dict[str, Any], spec: FieldSpec, fid: str, path: str, title: str,
                   where: list[str], level: int = 2) -> list[Group]:
    """One record: its fields as rows (the empty ones named), then its lists and records."""
    rows: list[Row] = []
    empty: list[str] = []
    later: list[Group] = []
    list_title = fields.field(fid).title if spec.kind == "records" else None
    for sub in specs(spec.type):
        sub_fid, raw, sub_path = f"{fid}.{sub.name}", obj.get(sub.name), f"{path}.{sub.name}"
        if sub.name in PDF_SKIP:
            continue
        if sub.kind == "records":
            later.extend(_list_groups(sub, sub_fid, raw or [], sub_path, [*where, title], level=3))
            if not raw and sub_fid not in TABLES:
                later.append(Group(name(sub_fid), [], [], level=3, table=(), table_rows=[]))
            continue
        if sub.kind == "record":
            later.extend(_record_groups(raw or {}, sub, sub_fid, sub_path, name(sub_fid), [*where, title], level=3))
            continue
        if sub.name == list_title and kind(sub_fid) == "choice":
            continue  # a code naming the record is its heading (a support area's area)
        key = name(sub_fid)
        words = value(sub_fid, raw)
        if words.strip():
            rows.append(Row(key, words, sub_path, _place([*where, title], key)))
        else:
            empty.append(key)
    return [Group(title, rows, empty, level=level), *later]


def _list_groups(spec: FieldSpec, fid: str, items: list[dict[str, Any]], path: str, where: list[str],
                 level: int) -> list[Group]:
    if fid in TABLES:
        return [_table_group(fid, items, path, where)]
    out: list[Group] = []
    for i, item in enumerate(items):
        sub = _record_groups(item, spec, fid, f"{path}[{i}]", item_title(fid, item, i), where, level=level)
        out.extend(sub)
    return out


def _table_group(fid: str, items: list[dict[str, Any]], path: str, where: list[str]) -> Group:
    cols = TABLES[fid]
    # a table inside a record has the list's name as its heading; a part's only table needs none
    title = name(fid) if len(where) > 1 else ""
    rows = []
    for i, item in enumerate(items):
        here = [*where, title, item_title(fid, item, i)]
        rows.append([Row(name(f"{fid}.{c}"), value(f"{fid}.{c}", item.get(c)), f"{path}[{i}].{c}",
                         _place(here, name(f"{fid}.{c}"))) for c in cols])
    return Group(title, [], [], level=3, table=tuple(name(f"{fid}.{c}") for c in cols), table_rows=rows)


# --------------------------------------------------------------------------- where a record or a mark is


def hidden_names(plan_d: dict[str, Any], marked: set[str]) -> dict[str, str]:
    """Record key → its heading in this document, for every record whose title the bundle marks
    for review (another person's name, or words naming one): the history names those records
    as the plan part does, never by the marked words."""
    out: dict[str, str] = {}

    def visit(obj: dict[str, Any], cls: type, fid_prefix: str, path: str) -> None:
        for s in specs(cls):
            fid = f"{fid_prefix}.{s.name}" if fid_prefix else s.name
            if s.kind == "record":
                visit(obj.get(s.name) or {}, s.type, fid, f"{path}.{s.name}")
            if s.kind != "records":
                continue
            f = fields.field(fid)
            for i, item in enumerate(obj.get(s.name) or []):
                ipath = f"{path}.{s.name}[{i}]"
                key = fieldpath.record_key(fid, item)
                if f.title and f"{ipath}.{f.title}" in marked and key:
                    out[key] = item_title(fid, item, i)
                visit(item, s.type, fid, ipath)

    visit(plan_d, Plan, "", "plan")
    return out


def places(outline: list[tuple[str, str, list[Group]]]) -> dict[str, str]:
    """Each row's bundle path → where it is in this document, in words."""
    out: dict[str, str] = {}
    for _title, _key, groups in outline:
        for g in groups:
            for r in g.rows:
                out[r.path] = r.place
            for row in g.table_rows or []:
                for r in row:
                    out[r.path] = r.place
    return out
