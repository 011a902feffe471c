"""pathway_app/ui/merge.py: putting my changes back on a newer copy of the plan (after a stale save)."""

from __future__ import annotations

from pathway_app.ui.merge import changed_fields, reapply


def test_reapply_puts_my_changes_on_theirs():
    base = {"a": 1, "b": "x", "people": [{"id": "1", "name": "A"}, {"id": "2", "name": "B"}]}
    mine = {"a": 2, "b": "x", "people": [{"id": "1", "name": "A2"}, {"id": "3", "name": "C"}]}
    theirs = {"a": 1, "b": "y", "people": [{"id": "1", "name": "A"}, {"id": "2", "name": "B"}, {"id": "4", "name": "D"}]}
    out = reapply(base, mine, theirs)
    assert out["a"] == 2 and out["b"] == "y"
    assert [p["id"] for p in out["people"]] == ["1", "4", "3"]
    assert out["people"][0]["name"] == "A2"
    assert theirs["people"][0]["name"] == "A"  # inputs untouched


def test_changed_fields_lists_my_changes():
    base = {"person": {"name": "A", "pronouns": ""}, "people": [{"id": "1", "name": "X"}]}
    mine = {"person": {"name": "A", "pronouns": "she/her"}, "people": [{"id": "1", "name": "Y"}, {"id": "2", "name": "Z"}]}
    assert changed_fields(base, mine) == [
        ("person.pronouns", "she/her"), ("people[0].name", "Y"), ("people[1].id", "2"), ("people[1].name", "Z")]
