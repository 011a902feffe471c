"""Plans file version 2 → 3 (issue 12): old values go where they belong, nothing lost.

- the single immigration status and notes become the first immigration matter ("age disputed"
  also marks the date of birth disputed);
- a care episode recorded with the legal status "sgo" or "cao" becomes the order made on its
  start (it was never time in care), its home's name the order's "with whom", its notes kept and
  a note of where it came from added; "left care" becomes "other", with a note;
- the new facts start empty.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import date
from pathlib import Path

from pathway_app.domain import dates as D
from pathway_app.domain.serialize import plan_from_dict
from pathway_app.domain.validation import validate
from pathway_app.domain.vocab import CareLegalStatus, DateOfBirthBasis, ImmigrationStatus, OrderKind
from pathway_app.store import upgrades
from pathway_app.store.interchange import import_plans

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "plans_files"
TODAY = date(2026, 12, 1)


def _v1_plan(name: str = "Mia") -> dict:
    doc = json.loads((GOLDEN / "v1.json").read_bytes())
    return copy.deepcopy(next(p for p in doc["plans"] if p["person"]["given_name"] == name))


def _words(value) -> Counter:
    out: Counter = Counter()
    if isinstance(value, dict):
        for v in value.values():
            out += _words(v)
    elif isinstance(value, list):
        for v in value:
            out += _words(v)
    elif isinstance(value, str) and value.strip():
        out[value] += 1
    return out


def test_the_immigration_status_becomes_the_first_matter():
    old = _v1_plan("ዳዊት")
    new = upgrades.upgrade(old, 1)
    assert "immigration_status" not in new["person"] and "immigration_notes" not in new["person"]
    (m,) = new["immigration"]
    assert m["status"] == "asylum_claim_pending" and m["notes"] == old["person"]["immigration_notes"]
    assert m["since"] is None and m["until"] is None
    assert new["person"]["date_of_birth_basis"] == "stated"
    plan = plan_from_dict(new)
    assert plan.immigration[0].status is ImmigrationStatus.ASYLUM_CLAIM_PENDING
    assert upgrades.upgrade(old, 1)["immigration"][0]["id"] == m["id"]  # the same file upgrades the same way


def test_age_disputed_also_marks_the_date_of_birth():
    old = _v1_plan()
    old["person"]["immigration_status"] = "age_disputed"
    new = upgrades.upgrade(old, 1)
    assert new["person"]["date_of_birth_basis"] == "disputed"
    assert new["immigration"][0]["status"] == "age_disputed"


def test_an_episode_recorded_as_special_guardianship_becomes_the_order():
    """Mia (v1) lived in kinship care under a care order; an earlier SGO that broke down was
    recorded, wrongly, as a time in care — counting it made her look eligible."""
    old = _v1_plan()
    mia_start = old["care_episodes"][0]["start"]
    old["care_episodes"].insert(0, {
        "start": "2019-03-01", "end": mia_start, "home_type": "kinship", "legal_status": "sgo", "short_break": False,
        "home_name": "Aunt Jo", "notes": "Order broke down after two years.", "id": "9b2f4e1a-0c3d-4e5f-8a6b-7c8d9e0f1a2b",
    })
    old["care_episodes"].append({
        "start": "2015-01-01", "end": "2015-02-01", "home_type": "foster", "legal_status": "left_care", "short_break": True,
        "home_name": "", "notes": "", "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    })
    new = upgrades.upgrade(old, 1)
    (order,) = new["orders"]
    assert order["id"] == "9b2f4e1a-0c3d-4e5f-8a6b-7c8d9e0f1a2b" and order["kind"] == "sgo"
    assert order["made_on"] == "2019-03-01" and order["with_whom"] == "Aunt Jo" and order["ended_on"] is None
    assert order["notes"].startswith("Order broke down after two years.\nMoved from the care history")
    assert "from 1 March 2019 to " in order["notes"] and "Kinship or connected person's home" in order["notes"]
    assert "Special guardianship order" in order["notes"]
    assert order["id"] not in {e["id"] for e in new["care_episodes"]}
    left = next(e for e in new["care_episodes"] if e["id"] == "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
    assert left["legal_status"] == "other" and "Left care" in left["notes"]
    # every word of the old plan is still there: moved into a note, a date written out in it, or
    # a code said in words ("kinship" as "Kinship or connected person's home")
    text = "\n".join(_words(new))
    for word in _words(old) - _words(new):
        if word in {"sgo", "left_care", "kinship"}:
            continue
        try:
            word = D.fmt(date.fromisoformat(word))
        except ValueError:
            pass
        assert word in text, word
    plan = plan_from_dict(new)
    assert plan.orders[0].kind is OrderKind.SPECIAL_GUARDIANSHIP
    assert plan.care_episodes[-1].legal_status is CareLegalStatus.OTHER
    assert validate(plan, TODAY) == []
    # the order is not time in care: the category no longer counts it
    assert all(p.start != date(2019, 3, 1) for p in D.category_dates(plan, TODAY).periods)


def test_an_order_episode_with_no_start_stays_a_time_in_care_with_a_note():
    old = _v1_plan()
    old["care_episodes"][0]["legal_status"] = "cao"
    old["care_episodes"][0]["start"] = None
    new = upgrades.upgrade(old, 1)
    assert new["orders"] == []
    ep = new["care_episodes"][0]
    assert ep["legal_status"] == "other" and "Child arrangements order" in ep["notes"]


def test_the_new_facts_start_empty():
    new = upgrades.upgrade(_v1_plan(), 1)
    assert new["children"] == [] and new["orders"] == []
    assert new["home"]["registration"] == "not_recorded"
    assert new["return_home"] == {"returned_on": None, "with_whom": "", "support": "", "support_until": None,
                                  "review_on": None, "ended_on": None, "notes": ""}
    plan = plan_from_dict(new)
    assert plan.person.date_of_birth_basis is DateOfBirthBasis.STATED and plan.person.age_assessed_on is None


def test_a_version_1_file_with_an_order_episode_imports(store):
    old = _v1_plan()
    old["care_episodes"][0]["legal_status"] = "sgo"
    doc = {"format": "pathway-planner-plans", "format_version": 1, "plans": [old]}
    report = import_plans(store, json.dumps(doc).encode("utf-8"), today=TODAY)
    (pid, _name), = report.created
    plan = store.load(pid, opened=False)
    assert [o.kind for o in plan.orders] == [OrderKind.SPECIAL_GUARDIANSHIP]
    assert plan.orders[0].made_on == date.fromisoformat(old["care_episodes"][0]["start"])


def test_a_new_record_shared_by_two_plans_in_a_file_is_named():
    """Records of the new lists are checked for shared identifiers like every other record."""
    import pytest

    from pathway_app.errors import ImportRefused
    from pathway_app.store.interchange import FORMAT_VERSION, read_plans

    doc = json.loads((GOLDEN / f"v{FORMAT_VERSION}.json").read_bytes())
    a, b = doc["plans"][:2]
    shared = "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b"
    for p in (a, b):
        p["children"] = [{"name": "Nia", "due_on": None, "born_on": "2026-01-02", "lives_with_young_person": None,
                          "notes": "", "id": shared}]
    with pytest.raises(ImportRefused, match=f"same identifier \\({shared}\\) as one in plan 1"):
        read_plans(json.dumps({**doc, "plans": [a, b]}).encode("utf-8"), TODAY)
