"""Every field of the domain has its column, and every column is a field (or bookkeeping)."""

from __future__ import annotations

import dataclasses

from pathway_app.domain import model as m
from pathway_app.domain.dates import CareBasis
from pathway_app.domain.summary import PlanSummary
from pathway_app.store import mapping as mp
from pathway_app.store import models


def test_every_dataclass_field_has_a_column():
    assert mp.missing_columns() == ()


def _fields(cls):
    return set(mp.column_fields(cls))


def test_every_column_belongs_to_a_field():
    expected = {
        "plans": _fields(m.Plan) | _fields(m.YoungPerson)
        | {mp.BASIS_PREFIX + n for n in _fields(CareBasis)}
        | {"basis_on", "search_text"}
        | {c for c in mp.summary_columns() if c.startswith(mp.SUMMARY_PREFIX)},
        "actions": _fields(m.Action) | {"plan_id", "position", "area"},
    }
    for cls, tbl in mp.SECTIONS.values():
        expected[tbl.name] = _fields(cls) | {"plan_id"}
    for cls, tbl in mp.LISTS.values():
        expected[tbl.name] = _fields(cls) | {"plan_id", "position"}
    audit_tables = {"audit_log", "audit_head"}  # the audit trail (pathway_app.store.audit), not a plan
    assert set(expected) == set(models.metadata.tables) - audit_tables
    for name, cols in expected.items():
        assert set(models.metadata.tables[name].c.keys()) == cols, name


def test_list_tables_cascade_from_plans_and_are_indexed():
    for tbl in mp.CHILD_TABLES:
        fks = [fk for fk in tbl.foreign_keys if fk.parent.name == "plan_id"]
        assert len(fks) == 1 and fks[0].ondelete == "CASCADE", tbl.name
        indexed = tbl.c.plan_id.primary_key or any(
            idx.columns.keys()[0] == "plan_id" for idx in tbl.indexes
        )
        assert indexed, tbl.name


def test_summary_covers_every_plansummary_field():
    names = [f.name for f in dataclasses.fields(PlanSummary) if f.name not in ("basis", "open_prompts")]
    cols = mp.summary_columns()
    for n in names:
        assert n in cols or mp.SUMMARY_PREFIX + n in cols


def test_enum_columns_hold_codes_and_records_keep_their_ids():
    cp = mp.class_plan(m.Relationship)
    rel = m.Relationship(name="Nan")
    row = cp.to_row(rel)
    assert row["relationship_type"] == "other" and row["id"] == rel.id
    back = cp.from_values(row[n] for n in cp.scalars)
    assert back == rel


def test_lists_inside_a_record_are_json_columns_and_come_back_whole():
    cp = mp.class_plan(m.StayingPutAgreement)
    assert {name for name, _c in cp.nested} == {"carers", "house_rules", "signatures"}
    a = m.StayingPutAgreement(carers=[m.Carer(name="Hiwet Berhe", pronouns="she/her"), m.Carer(name="Daniel Berhe")],
                              house_rules=[m.HouseRule(agreed="Home by 11")], signatures=[m.Signature(name="Dawit")])
    row = cp.to_row(a)
    assert isinstance(row["carers"], str) and "Hiwet Berhe" in row["carers"]
    assert cp.from_values(row[n] for n in cp.columns) == a
    # a list of the plan's sections is a table of its own, not a JSON column
    assert mp.class_plan(m.StayingPut).nested == () and "staying_put.agreements" in mp.LISTS
