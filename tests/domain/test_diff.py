"""The one diff (audit trail, stale-save merge, returned share files) and applying it."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings

from pathway_app.domain.diff import Change, apply, diff, reapply
from pathway_app.domain.serialize import plan_to_dict

from strategies import TODAY, plans


def _doc():
    from pathway_app.demo import demo_plans

    return plan_to_dict(demo_plans(TODAY)[0])


def test_no_change_no_diff_and_bookkeeping_is_left_out():
    a = _doc()
    b = copy.deepcopy(a)
    assert diff(a, b) == []
    b["version"] += 1
    b["updated_at"] = "2030-01-01T00:00:00Z"
    assert diff(a, b) == []
    assert [c.path for c in diff(a, b, bookkeeping=True)] == ["version", "updated_at"]


def test_each_kind_of_change():
    a = _doc()
    b = copy.deepcopy(a)
    first, second = b["relationships"][0], b["relationships"][1]
    first["there_at_25"] = "no"
    new = dict(second, id="00000000-0000-4000-8000-000000000001", name="Zed")
    b["relationships"].remove(second)
    b["relationships"].append(new)
    b["skills"].reverse()
    got = {c.path: c.kind for c in diff(a, b)}
    assert got == {
        f"relationships[{first['id']}].there_at_25": "changed",
        f"relationships[{second['id']}]": "removed",
        f"relationships[{new['id']}]": "added",
        "skills#order": "order",
    }
    assert apply(a, diff(a, b)) == b


def test_support_areas_are_matched_by_area():
    a = _doc()
    b = copy.deepcopy(a)
    b["support_areas"][2]["own_words"] = "I want to learn to cook"
    (c,) = diff(a, b)
    assert c.path == f"support_areas[{a['support_areas'][2]['area']}].own_words"
    assert c.after == "I want to learn to cook"


def test_as_list_round_trips():
    c = Change("person.phone", "1", "2")
    assert Change.from_list(c.as_list()) == c


def test_reapply_keeps_both_peoples_changes_and_mine_wins_a_clash():
    base = _doc()
    mine = copy.deepcopy(base)
    theirs = copy.deepcopy(base)
    mine["person"]["phone"] = "mine"
    mine["person"]["email"] = "me@example.org"
    theirs["person"]["email"] = "them@example.org"
    theirs["person"]["address"] = "their address"
    removed = theirs["relationships"].pop(0)
    mine["relationships"][0]["name"] = "renamed by me"  # in a record they removed
    merged = reapply(base, mine, theirs)
    assert merged["person"]["phone"] == "mine"
    assert merged["person"]["email"] == "me@example.org"
    assert merged["person"]["address"] == "their address"
    assert removed["id"] not in {r["id"] for r in merged["relationships"]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=plans(), b=plans())
def test_applying_the_diff_gives_the_other_plan(a, b):
    da, db = plan_to_dict(a), plan_to_dict(b)
    db["id"] = da["id"]
    db["version"], db["created_at"], db["updated_at"] = da["version"], da["created_at"], da["updated_at"]
    assert apply(da, diff(da, db)) == db


def test_reapply_puts_my_changes_on_theirs():
    base = {"a": 1, "b": "x", "people": [{"id": "1", "name": "A"}, {"id": "2", "name": "B"}]}
    mine = {"a": 2, "b": "x", "people": [{"id": "1", "name": "A2"}, {"id": "3", "name": "C"}]}
    theirs = {"a": 1, "b": "y", "people": [{"id": "1", "name": "A"}, {"id": "2", "name": "B"}, {"id": "4", "name": "D"}]}
    out = reapply(base, mine, theirs)
    assert out["a"] == 2 and out["b"] == "y"
    assert [p["id"] for p in out["people"]] == ["1", "4", "3"]
    assert out["people"][0]["name"] == "A2"
    assert theirs["people"][0]["name"] == "A"  # inputs untouched


def test_my_changes_are_listed_by_stable_path():
    base = {"person": {"name": "A", "pronouns": ""}, "people": [{"id": "1", "name": "X"}]}
    mine = {"person": {"name": "A", "pronouns": "she/her"}, "people": [{"id": "1", "name": "Y"}, {"id": "2", "name": "Z"}]}
    assert [c.as_list() for c in diff(base, mine)] == [
        ["person.pronouns", "", "she/her"], ["people[1].name", "X", "Y"], ["people[2]", None, {"id": "2", "name": "Z"}]]
