"""Pure helpers: reading typed dates, re-applying changes after a stale save."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.ui.fields import format_date, parse_date
from pathway_app.ui.merge import changed_fields, reapply


@pytest.mark.parametrize("text,expected", [
    ("", None), ("  ", None), ("23/11/2026", date(2026, 11, 23)), ("3/3/2027", date(2027, 3, 3)),
    ("2027-03-03", date(2027, 3, 3)), ("3 March 2027", date(2027, 3, 3)), ("3rd Mar 2027", date(2027, 3, 3)),
    ("29.02.2028", date(2028, 2, 29)), ("01-12-2026", date(2026, 12, 1)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2026", "yesterday", "12/2026", "1/13/2026", "32 Jan 2026", "3 Smarch 2026"])
def test_parse_date_refuses_with_a_reason(text):
    with pytest.raises(ValueError, match="day/month/year"):
        parse_date(text)


def test_format_round_trips():
    d = date(2009, 7, 2)
    assert parse_date(format_date(d)) == d and format_date(None) == ""


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
