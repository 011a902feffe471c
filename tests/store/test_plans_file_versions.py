"""Every plans file any version of the app has written keeps importing, with nothing lost.

``tests/fixtures/plans_files/v<n>.json`` is a file exported by the app when it wrote format
``n`` (made by that version, never edited), and ``resources/schema/pathway-plans.v<n>.schema.json``
its schema, frozen when the format moved on.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from pathway_app.paths import resource
from pathway_app.store import upgrades
from pathway_app.store.interchange import FORMAT_VERSION, export_plans, import_plans
from pathway_app.store.schema import build_schema

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "plans_files"
TODAY = date(2026, 12, 1)
VERSIONS = list(range(upgrades.FIRST_VERSION, FORMAT_VERSION + 1))


def _strings(value) -> Counter:
    """Every piece of text in a plan (its words), counted."""
    out: Counter = Counter()
    if isinstance(value, dict):
        for v in value.values():
            out += _strings(v)
    elif isinstance(value, list):
        for v in value:
            out += _strings(v)
    elif isinstance(value, str) and value.strip():
        out[value] += 1
    return out


def test_the_chain_has_one_step_per_version_and_export_writes_the_newest():
    assert sorted(upgrades.STEPS) == list(range(upgrades.FIRST_VERSION, FORMAT_VERSION))
    assert build_schema()["properties"]["format_version"] == {"const": FORMAT_VERSION}


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_has_its_golden_file_and_frozen_schema(version):
    doc = json.loads((GOLDEN / f"v{version}.json").read_bytes())
    assert doc["format_version"] == version
    schema = json.loads(resource("schema", f"pathway-plans.v{version}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)


def test_the_newest_frozen_schema_is_the_current_one():
    frozen = json.loads(resource("schema", f"pathway-plans.v{FORMAT_VERSION}.schema.json").read_text(encoding="utf-8"))
    current = build_schema()
    frozen.pop("$id"), current.pop("$id")
    assert frozen == current, "freeze the current schema: copy pathway-plans.schema.json to its versioned name"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_golden_file_imports_with_every_word_kept(store, version):
    raw = (GOLDEN / f"v{version}.json").read_bytes()
    old = json.loads(raw)
    report = import_plans(store, raw, today=TODAY)
    assert len(report.created) == len(old["plans"])
    again = json.loads(export_plans(store))
    assert again["format_version"] == FORMAT_VERSION
    by_id = {p["id"]: p for p in again["plans"]}
    for before in old["plans"]:
        after = by_id[before["id"]]
        lost = _strings(before) - _strings(after)
        assert not lost, f"words lost from {before['id']}: {list(lost)[:5]}"
        # the same plan, but for its version number (a plan in a file has been saved at least once)
        assert {**upgrades.upgrade(before, version), "version": None} == {**after, "version": None}


@pytest.mark.parametrize("version", VERSIONS)
def test_upgrading_does_not_change_its_input(version):
    old = json.loads((GOLDEN / f"v{version}.json").read_bytes())
    plan = old["plans"][0]
    snapshot = json.dumps(plan, sort_keys=True)
    upgrades.upgrade(plan, version)
    assert json.dumps(plan, sort_keys=True) == snapshot


@pytest.mark.parametrize("version", [1, 2])
def test_old_staying_put_and_staying_close_words_land_in_the_agreements(store, version):
    """Format 3 made agreements of the arrangements: every word of the old ones is in version 1
    of a draft, the free text in the notes of its part."""
    raw = (GOLDEN / f"v{version}.json").read_bytes()
    old = {p["id"]: p for p in json.loads(raw)["plans"]}
    import_plans(store, raw, today=TODAY)
    now = {p["id"]: p for p in json.loads(export_plans(store))["plans"]}
    seen_put = seen_close = 0
    for pid, before in old.items():
        sp, sc = before["staying_put"], before["staying_close"]
        after_sp, after_sc = now[pid]["staying_put"], now[pid]["staying_close"]
        assert after_sp["decision"] == sp["decision"] and after_sp["notes"] == sp["notes"]
        if sp["carer_name"] or sp["money"] or sp["house_agreements"]:
            seen_put += 1
            (a,) = after_sp["agreements"]
            assert (a["status"], a["version"]) == ("draft", 1)
            assert [c["name"] for c in a["carers"]] == ([sp["carer_name"]] if sp["carer_name"].strip() else [])
            assert a["money_notes"] == sp["money"] and a["house_rules_notes"] == sp["house_agreements"]
            assert (a["start"], a["end"], a["review_date"]) == (sp["start"], sp["end"], sp["review_date"])
        assert after_sc["decision"] == sc["decision"] and after_sc["notes"] == sc["notes"]
        if sc["staff"] or sc["come_back"] or sc["home_name"]:
            seen_close += 1
            (a,) = after_sc["agreements"]
            assert (a["home_name"], a["new_home"], a["come_back_notes"]) == (sc["home_name"], sc["new_home"], sc["come_back"])
            assert [(s["id"], s["name"], s["role"], s["how_keep_in_touch"]) for s in a["staff"]] == [
                (s["id"], s["name"], s["role"], s["how_keep_in_touch"]) for s in sc["staff"]]
    assert seen_put >= 2 and seen_close >= 1


def test_the_upgrade_gives_the_same_identifiers_every_time():
    plan = json.loads((GOLDEN / "v2.json").read_bytes())["plans"][0]
    assert upgrades.upgrade(plan, 2) == upgrades.upgrade(plan, 2)
