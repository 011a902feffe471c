"""Copy domain dataclasses to table rows and back, generically, by field name.

Nothing here lists fields by hand: the scalar fields of each dataclass (str, bool, int, date,
datetime and enums) become columns of the same name. The plan's sections have a table each
(:data:`SECTIONS`) and so do its lists (:data:`LISTS`, keyed by field id: a list inside a
section, such as ``staying_put.agreements``, is one too). A list *inside a list's record* (an
agreement's carers, house rules and signatures) is a JSON text column of the same name on that
record's row, written with :func:`pathway_app.domain.serialize.to_dict`: such records are read
and written with their parent, never on their own. The one exception is the actions of the
support areas, which have their own table (:data:`ACTIONS`) keyed by area. The per-class
conversion plans are worked out once and cached, so copying a heavy plan costs little more than
the dicts it builds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Table

from ..domain import model as m
from ..domain.dates import CareBasis, care_basis, staying_put_end
from ..domain.introspect import field_ids, specs
from ..domain.serialize import from_dict, to_dict
from ..domain.summary import PlanSummary
from . import models as t


def _table(row_class: type[t.Base]) -> Table:
    """The Core table of a mapped class (SQLAlchemy's typing says only "FromClause")."""
    table = row_class.__table__
    assert isinstance(table, Table)
    return table


# Plan field → (dataclass, table) for the 1:1 sections.
SECTIONS: dict[str, tuple[type, Table]] = {
    "education": (m.Education, _table(t.EducationRow)),
    "home": (m.Home, _table(t.HomeRow)),
    "return_home": (m.ReturnHome, _table(t.ReturnHomeRow)),
    "staying_put": (m.StayingPut, _table(t.StayingPutRow)),
    "staying_close": (m.StayingClose, _table(t.StayingCloseRow)),
    "health": (m.Health, _table(t.HealthRow)),
    "money": (m.Money, _table(t.MoneyRow)),
    "identity": (m.Identity, _table(t.IdentityRow)),
    "contingency": (m.Contingency, _table(t.ContingencyRow)),
    "sign_off": (m.SignOff, _table(t.SignOffRow)),
}

# List field id → (item dataclass, table) for the lists held by the plan or by its sections.
LISTS: dict[str, tuple[type, Table]] = {
    "immigration": (m.ImmigrationMatter, _table(t.ImmigrationMatterRow)),
    "children": (m.Child, _table(t.ChildRow)),
    "care_episodes": (m.CareEpisode, _table(t.CareEpisodeRow)),
    "orders": (m.PermanenceOrder, _table(t.PermanenceOrderRow)),
    "relationships": (m.Relationship, _table(t.RelationshipRow)),
    "skills": (m.Skill, _table(t.SkillRow)),
    "life_story": (m.LifeStoryEntry, _table(t.LifeStoryEntryRow)),
    "support_areas": (m.SupportArea, _table(t.SupportAreaRow)),
    "reviews": (m.Review, _table(t.ReviewRow)),
    "advisers": (m.AdviserPeriod, _table(t.AdviserRow)),
    "prompt_responses": (m.PromptResponse, _table(t.PromptResponseRow)),
    "sharing": (m.SharingChoice, _table(t.SharingChoiceRow)),
    "staying_put.agreements": (m.StayingPutAgreement, _table(t.StayingPutAgreementRow)),
    "staying_close.agreements": (m.StayingCloseAgreement, _table(t.StayingCloseAgreementRow)),
}
ACTIONS = _table(t.ActionRow)
PLANS = _table(t.PlanRow)

#: Every table holding part of a plan other than ``plans`` (children are deleted from these).
CHILD_TABLES: tuple[Table, ...] = (
    *(tbl for _c, tbl in SECTIONS.values()),
    *(tbl for _c, tbl in LISTS.values()),
    ACTIONS,
)


@lru_cache(maxsize=1)
def _tabled() -> frozenset[tuple[type, str]]:
    """(class, field) of every list field that has a table of its own (not a JSON column)."""
    out: set[tuple[type, str]] = {(m.SupportArea, "actions")}
    for fid in LISTS:
        parent, _dot, name = fid.rpartition(".")
        out.add((field_ids(m.Plan)[parent].type if parent else m.Plan, name))
    return frozenset(out)

#: Columns that are bookkeeping, not fields of the record they hold.
STRUCTURAL = frozenset({"plan_id", "position"})

BASIS_PREFIX = "basis_"
SUMMARY_PREFIX = "summary_"


@dataclass(frozen=True)
class ClassPlan:
    """How to copy one dataclass: its scalar fields, its lists kept as JSON text, and the
    decoders for enum fields and those lists. A row's values come in :attr:`columns` order."""

    cls: type
    scalars: tuple[str, ...]
    enums: tuple[tuple[str, type[Enum]], ...]
    decoders: tuple[tuple[int, Callable[[Any], Any]], ...]  # index in columns → decoder
    nested: tuple[tuple[str, type], ...] = ()  # (field, item class) kept as a JSON column

    @property
    def columns(self) -> tuple[str, ...]:
        return self.scalars + tuple(name for name, _c in self.nested)

    def to_row(self, obj: Any) -> dict[str, Any]:
        row = {name: getattr(obj, name) for name in self.scalars}
        for name, _e in self.enums:
            v = row[name]
            if v is not None:
                row[name] = v.value
        for name, _item in self.nested:
            row[name] = json.dumps(to_dict(getattr(obj, name)), ensure_ascii=False, separators=(",", ":"))
        return row

    def from_values(self, values: Iterable[Any], **extra: Any) -> Any:
        vals = list(values)
        for i, dec in self.decoders:
            v = vals[i]
            if v is not None:
                vals[i] = dec(v)
        return self.cls(**dict(zip(self.columns, vals)), **extra)


def _records_decoder(item: type) -> Callable[[str], list[Any]]:
    def decode(text: str) -> list[Any]:
        return [from_dict(item, d) for d in json.loads(text)]

    return decode


@cache
def class_plan(cls: type) -> ClassPlan:
    scalars: list[str] = []
    enums: list[tuple[str, type[Enum]]] = []
    decoders: list[tuple[int, Callable[[Any], Any]]] = []
    nested: list[tuple[str, type]] = []
    all_specs = specs(cls)
    for s in all_specs:
        if not s.scalar:
            continue
        if s.kind == "choice":
            enums.append((s.name, s.type))
            decoders.append((len(scalars), s.type._value2member_map_.__getitem__))
        scalars.append(s.name)
    if cls is not m.Plan:  # the plan's own lists and sections are tables
        for s in all_specs:
            if s.kind == "records" and (cls, s.name) not in _tabled():
                decoders.append((len(scalars) + len(nested), _records_decoder(s.type)))
                nested.append((s.name, s.type))
    return ClassPlan(cls, tuple(scalars), tuple(enums), tuple(decoders), tuple(nested))


def scalar_fields(cls: type) -> tuple[str, ...]:
    return class_plan(cls).scalars


def column_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that are columns of its table: its scalars and its JSON lists."""
    return class_plan(cls).columns


@lru_cache(maxsize=1)
def missing_columns() -> tuple[str, ...]:
    """``table.field`` for every dataclass field with no column (should be empty)."""
    missing = []

    def check(cls: type, tbl: Table, prefix: str = "") -> None:
        for name in class_plan(cls).columns:
            if prefix + name not in tbl.c:
                missing.append(f"{tbl.name}.{prefix}{name}")
        for s in specs(cls):  # a single record inside a record has nowhere to go
            if s.kind == "record" and cls is not m.Plan:
                missing.append(f"{tbl.name}.{prefix}{s.name}")

    check(m.Plan, PLANS)
    check(m.YoungPerson, PLANS)
    check(CareBasis, PLANS, BASIS_PREFIX)
    for cls, tbl in (*SECTIONS.values(), *LISTS.values()):
        check(cls, tbl)
    check(m.Action, ACTIONS)
    for fid, spec in field_ids(m.Plan).items():  # every list of the plan's sections has a table
        if spec.kind == "records" and fid.count(".") == 1 and fid.split(".")[0] in SECTIONS and fid not in LISTS:
            missing.append(f"(a table for {fid})")
    missing.extend(f"plans.{c}" for c in summary_columns() if c not in PLANS.c)
    return tuple(missing)


def _check_schema() -> None:
    missing = missing_columns()
    if missing:  # a field was added to the domain without its column: refuse to lose it
        raise RuntimeError("fields without a database column: " + ", ".join(missing))


# --------------------------------------------------------------------------- plan → rows


def plan_row(plan: m.Plan, today: date) -> dict[str, Any]:
    """The ``plans`` row: plan fields, person fields, and the summary columns."""
    _check_schema()
    row = class_plan(m.Plan).to_row(plan)
    row.update(class_plan(m.YoungPerson).to_row(plan.person))
    basis = care_basis(plan, today)
    row["basis_on"] = today
    for name in class_plan(CareBasis).scalars:
        row[BASIS_PREFIX + name] = getattr(basis, name)
    adviser = plan.current_adviser()
    last = plan.last_review()
    row["summary_adviser"] = adviser.name if adviser else ""
    row["summary_last_review_on"] = last.held_on if last else None
    row["summary_staying_put_decision"] = plan.staying_put.decision.value
    row["summary_staying_put_end"] = staying_put_end(plan)
    row["summary_planned_move_date"] = plan.home.planned_move_date
    p = plan.person
    row["search_text"] = search_key(" ".join((p.given_name, p.family_name, p.preferred_name)))
    return row


def search_key(text: str) -> str:
    return " ".join(text.casefold().split())


def child_rows(plan: m.Plan) -> dict[Table, list[dict[str, Any]]]:
    """Rows for every table but ``plans``, lists in plan order (``position``)."""
    pid = plan.id
    out: dict[Table, list[dict[str, Any]]] = {}
    for name, (cls, tbl) in SECTIONS.items():
        row = class_plan(cls).to_row(getattr(plan, name))
        row["plan_id"] = pid
        out[tbl] = [row]
    for fid, (cls, tbl) in LISTS.items():
        cp = class_plan(cls)
        rows = []
        for i, item in enumerate(_list_of(plan, fid)):
            row = cp.to_row(item)
            row["plan_id"] = pid
            row["position"] = i
            rows.append(row)
        out[tbl] = rows
    acp = class_plan(m.Action)
    actions = []
    for sa in plan.support_areas:
        for i, a in enumerate(sa.actions):
            row = acp.to_row(a)
            row["plan_id"] = pid
            row["area"] = sa.area.value
            row["position"] = i
            actions.append(row)
    out[ACTIONS] = actions
    return out


def _list_of(plan: m.Plan, fid: str) -> list[Any]:
    obj: Any = plan
    for name in fid.split("."):
        obj = getattr(obj, name)
    return obj  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- rows → plan


def plan_from_rows(
    plan_values: Mapping[Any, Any],
    sections: Mapping[str, Mapping[Any, Any] | None],
    lists: Mapping[str, Sequence[Sequence[Any]]],
    actions: Sequence[Sequence[Any]],
) -> m.Plan:
    """Rebuild a plan. ``lists`` rows (by list field id) hold the item's fields in
    :func:`column_fields` order; ``actions`` rows are (area, *Action scalars) ordered by area
    then position."""
    person_cp = class_plan(m.YoungPerson)
    person = person_cp.from_values(plan_values[n] for n in person_cp.scalars)
    built: dict[str, list[Any]] = {}
    by_area: dict[str, list[m.Action]] = {}
    acp = class_plan(m.Action)
    for r in actions:
        by_area.setdefault(r[0], []).append(acp.from_values(r[1:]))
    for fid, (cls, _tbl) in LISTS.items():
        cp = class_plan(cls)
        if cls is m.SupportArea:
            items = []
            for r in lists[fid]:
                sa = cp.from_values(r)
                sa.actions = by_area.get(sa.area.value, [])
                items.append(sa)
            built[fid] = items
        else:
            built[fid] = [cp.from_values(r) for r in lists[fid]]
    kwargs: dict[str, Any] = {}
    for name, (cls, _tbl) in SECTIONS.items():
        cp = class_plan(cls)
        values = sections.get(name)
        extra = {fid.split(".", 1)[1]: items for fid, items in built.items() if fid.startswith(name + ".")}
        if values is None:  # cannot happen for a plan saved by this store; be forgiving
            kwargs[name] = cls(**extra)
        else:
            kwargs[name] = cp.from_values((values[n] for n in cp.columns), **extra)
    kwargs.update((fid, items) for fid, items in built.items() if "." not in fid)
    pcp = class_plan(m.Plan)
    plan: m.Plan = pcp.from_values((plan_values[n] for n in pcp.scalars), person=person, **kwargs)
    return plan


# --------------------------------------------------------------------------- summaries


@lru_cache(maxsize=1)
def summary_columns() -> tuple[str, ...]:
    """The ``plans`` columns behind a :class:`PlanSummary`, in its positional order.

    A PlanSummary field ``f`` is the column ``f`` when ``plans`` has one (the plan's and the
    person's own fields), else ``summary_f``; ``basis`` is the ``basis_*`` columns.
    """
    cols: list[str] = []
    for f in specs(PlanSummary):
        if f.name == "open_prompts":
            continue
        if f.name == "basis":
            cols.extend(BASIS_PREFIX + n for n in class_plan(CareBasis).scalars)
        else:
            cols.append(f.name if f.name in PLANS.c else SUMMARY_PREFIX + f.name)
    return tuple(cols)


@lru_cache(maxsize=1)
def _summary_layout() -> tuple[int, int, tuple[tuple[int, Callable[[Any], Any]], ...]]:
    fields = [s for s in specs(PlanSummary) if s.name != "open_prompts"]
    start = [s.name for s in fields].index("basis")
    end = start + len(class_plan(CareBasis).scalars)
    decoders = []
    pos = 0
    for s in fields:
        if s.name == "basis":
            pos = end
            continue
        if s.kind == "choice":
            decoders.append((pos, s.type._value2member_map_.__getitem__))
        pos += 1
    return start, end, tuple(decoders)


def summary_args(row: Iterable[Any]) -> tuple[Any, ...]:
    """Positional arguments for :class:`PlanSummary` from a row of :func:`summary_columns`."""
    start, end, decoders = _summary_layout()
    vals = list(row)
    for i, dec in decoders:
        if vals[i] is not None:
            vals[i] = dec(vals[i])
    return (*vals[:start], CareBasis(*vals[start:end]), *vals[end:])


def display_name(given: str, family: str, preferred: str) -> str:
    first = preferred.strip() or given.strip()
    return " ".join(p for p in (first, family.strip()) if p) or "(no name yet)"


__all__ = [
    "ACTIONS",
    "CHILD_TABLES",
    "LISTS",
    "PLANS",
    "SECTIONS",
    "child_rows",
    "class_plan",
    "column_fields",
    "plan_from_rows",
    "plan_row",
    "summary_columns",
    "summary_args",
]
