"""The plans file: byte-identical round trips, all-or-nothing import, the JSON Schema."""

from __future__ import annotations

import copy
import hashlib
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathway_app.domain.serialize import plan_to_dict
from pathway_app.errors import ImportRefused
from pathway_app.store import open_store
from pathway_app.store.interchange import FORMAT, FORMAT_VERSION, dumps_plans, export_plans, import_plans
from pathway_app.store.schema import schema_path, schema_text

from strategies import TODAY, plans


def _db_digest(store):
    """Everything in the database, as one checksum."""
    from sqlalchemy import text

    h = hashlib.sha256()
    with store._engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"))]
        for n in names:
            for row in sorted(map(repr, conn.execute(text(f'SELECT * FROM "{n}"')))):
                h.update(row.encode())
    return h.hexdigest()


def _file(plans_dicts, **top):
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "plans": plans_dicts, **top}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def other(tmp_path):
    st_ = open_store(url=f"sqlite:///{tmp_path / 'other.db'}", create_unencrypted=True)
    yield st_
    st_.close()


def test_export_import_export_is_byte_identical(store, other, make_plan):
    for seed in range(5):
        store.save(make_plan(seed, "heavy" if seed == 0 else "typical"), TODAY)
    first = export_plans(store)
    report = import_plans(other, first, today=TODAY)
    assert len(report.created) == 5 and not report.updated and not report.unchanged
    assert export_plans(other) == first
    doc = json.loads(first)
    assert [p["id"] for p in doc["plans"]] == sorted(p["id"] for p in doc["plans"])
    assert first.endswith(b"\n") and "Z" in doc["plans"][0]["updated_at"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(plans(version=None), min_size=1, max_size=3, unique_by=lambda p: p.id))
def test_any_plans_survive_export_import_export(other, tmp_path, group):
    ids = [p.id for p in group]
    first = dumps_plans(group)
    try:
        import_plans(other, first, today=TODAY)
        second = export_plans(other, ids)
        assert second == first
        again = import_plans(other, second, today=TODAY)
        assert len(again.unchanged) == len(group)
    finally:
        # clean up between examples round the store (which refuses deletion before 75)
        from sqlalchemy import delete

        from pathway_app.store.mapping import PLANS

        with other.engine.begin() as conn:
            conn.execute(delete(PLANS).where(PLANS.c.id.in_(ids)))


def test_import_keeps_id_version_and_timestamps(store, other, make_plan):
    plan = make_plan(1)
    store.save(plan, TODAY)
    store.save(plan, TODAY)
    import_plans(other, export_plans(store), today=TODAY)
    got = other.load(plan.id)
    assert (got.id, got.version, got.created_at, got.updated_at) == (plan.id, 2, plan.created_at, plan.updated_at)
    assert got == plan


def test_a_newer_copy_updates_instead_of_duplicating(store, other, make_plan):
    plan = make_plan(2)
    store.save(plan, TODAY)
    import_plans(other, export_plans(store), today=TODAY)
    plan.person.strengths = "Newer"
    store.save(plan, TODAY)
    report = import_plans(other, export_plans(store), today=TODAY)
    assert report.updated == [(plan.id, plan.person.display_name)] and not report.created
    assert other.count() == 1 and other.load(plan.id) == plan
    assert other.summaries()[0].version == 2


def test_the_same_copy_is_unchanged_and_an_older_copy_does_not_win(store, other, make_plan):
    plan = make_plan(3)
    store.save(plan, TODAY)
    old_file = export_plans(store)
    plan.person.strengths = "Newer"
    store.save(plan, TODAY)
    report = import_plans(store, export_plans(store), today=TODAY)
    assert report.unchanged == [(plan.id, plan.person.display_name)] and not report.notes
    report = import_plans(store, old_file, today=TODAY)
    assert report.unchanged and not report.updated
    assert "newer" in report.notes[0] and plan.person.display_name in report.notes[0]
    assert store.load(plan.id).person.strengths == "Newer"


# ----------------------------------------------------------------------- refusals


def _good(make_plan, n=2):
    return [plan_to_dict(make_plan(10 + i)) for i in range(n)]


def _bad_date(d):
    d[1]["person"]["date_of_birth"] = "2026-02-30"


def _unknown_field(d):
    d[1]["relationships"][0]["favourite_colour"] = "blue"


def _missing_field(d):
    del d[1]["person"]["family_name"]


def _lone_surrogate(d):
    d[1]["person"]["about_me_own_words"] = "broken \ud800 text"


def _nul(d):
    d[1]["person"]["strengths"] = "a\x00b"


def _invalid(d):
    d[1]["relationships"][0]["name"] = "  "


def _bad_enum(d):
    d[1]["relationships"][0]["there_at_25"] = "perhaps"


CASES = {
    "impossible date": (_bad_date, "Date of birth", "not a real date"),
    "unknown field": (_unknown_field, "favourite colour", "not a field this version knows"),
    "missing field": (_missing_field, "family name", "is missing"),
    "lone surrogate": (_lone_surrogate, "About me, in their own words", "unpaired surrogate"),
    "NUL": (_nul, "strengths", "NUL"),
    "validation": (_invalid, "People who matter", "a person needs a name"),
    "unknown code": (_bad_enum, "there at 25", "'perhaps' is not one of"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_plan_refuses_the_whole_file_naming_plan_and_field(store, make_plan, case):
    existing = make_plan(99)
    store.save(existing, TODAY)
    before = _db_digest(store)
    dicts = _good(make_plan)
    change, field_words, message = CASES[case]
    change(dicts)
    name = dicts[1]["person"]["preferred_name"] or dicts[1]["person"]["given_name"]
    data = _file(dicts) if case != "lone surrogate" else json.dumps(
        {"format": FORMAT, "format_version": FORMAT_VERSION, "plans": dicts}, ensure_ascii=True).encode()
    with pytest.raises(ImportRefused) as err:
        import_plans(store, data, today=TODAY)
    text = str(err.value)
    assert "nothing was changed" in text
    assert "plan 2 (" in text and dicts[1]["id"] in text and name in text
    assert field_words.lower() in text.lower() and message in text
    text.encode("utf-8")  # printable, even with a broken character in the file
    assert _db_digest(store) == before
    assert store.count() == 1


BAD_FILES = {
    "not UTF-8": (b'{"format": "pathway-planner-plans", "x": "\xff\xfe"}', "not UTF-8"),
    "not JSON": (b'{"format": "pathway-planner-plans", ', "not valid JSON"),
    "too deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "wrong format": (b'{"format": "something-else", "format_version": 1, "plans": []}', "not a Pathway Planner plans file"),
    "newer format": (b'{"format": "pathway-planner-plans", "format_version": %d, "plans": []}' % (FORMAT_VERSION + 1),
                     "newer version"),
    "no plans": (b'{"format": "pathway-planner-plans", "format_version": 1}', "no list of plans"),
    "extra top field": (b'{"format": "pathway-planner-plans", "format_version": 1, "plans": [], "x": 1}', "does not know: x"),
    "duplicate key": (b'{"format": "pathway-planner-plans", "format": "pathway-planner-plans", "format_version": 1, "plans": []}', "appears twice"),
    "NaN": (b'{"format": "pathway-planner-plans", "format_version": NaN, "plans": []}', "not valid JSON"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_nothing_written(store, make_plan, case):
    store.save(make_plan(98), TODAY)
    before = _db_digest(store)
    data, words = BAD_FILES[case]
    with pytest.raises(ImportRefused, match=words):
        import_plans(store, data, today=TODAY)
    assert _db_digest(store) == before


def test_the_same_plan_twice_in_a_file_is_refused(store, make_plan):
    d = plan_to_dict(make_plan(20))
    with pytest.raises(ImportRefused, match="same young person as plan 1"):
        import_plans(store, _file([d, copy.deepcopy(d)]), today=TODAY)
    assert store.count() == 0


def test_a_record_id_clashing_with_another_young_person_refuses_the_import(store, make_plan):
    a = make_plan(21)
    store.save(a, TODAY)
    b = plan_to_dict(make_plan(22))
    b["relationships"][0]["id"] = a.relationships[0].id
    c = plan_to_dict(make_plan(23))
    before = _db_digest(store)
    with pytest.raises(ImportRefused, match="same identifier"):
        import_plans(store, _file([c, b]), today=TODAY)
    assert _db_digest(store) == before


# ----------------------------------------------------------------------- schema


def test_the_committed_schema_is_the_generated_one():
    assert schema_path().read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: python -m pathway_app.store.schema"
    )


def test_an_export_validates_against_the_schema(store, make_plan):
    for seed in range(3):
        store.save(make_plan(seed, "heavy" if seed == 0 else "typical"), TODAY)
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(export_plans(store))
    jsonschema.Draft202012Validator(schema).validate(doc)
    doc["plans"][0]["person"]["nickname"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(doc)
    del doc["plans"][0]["person"]["nickname"]
    doc["plans"][0]["relationships"][0]["closeness"] = "besties"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(doc)
