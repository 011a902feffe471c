"""One grammar for where something is in a plan."""

from __future__ import annotations

import pytest

from pathway_app.domain import fieldpath as P
from pathway_app.domain.model import Plan, Relationship, SupportArea
from pathway_app.domain.vocab import Area


def test_parse_and_join_round_trip():
    for path in ("person.given_name", "relationships[3f2c].there_at_25",
                 "support_areas[health].actions[9a1b].what", "relationships#order", "relationships[#4].name",
                 "relationships[a.b].name"):
        steps, order = P.parse(path)
        assert P.join(steps, order) == path


@pytest.mark.parametrize("bad", ["", ".a", "a.", "a..b", "a[x", "a[x]b", "1a", "a b"])
def test_not_a_path(bad):
    with pytest.raises(P.PathError):
        P.parse(bad)


def test_field_id_drops_the_keys():
    assert P.field_id("support_areas[health].actions[9a1b].what") == "support_areas.actions.what"
    assert P.field_id("relationships#order") == "relationships"


def test_records_are_keyed_by_id_and_support_areas_by_area():
    r = Relationship(name="Nan")
    assert P.record_key("relationships", r) == r.id
    assert P.record_key("relationships", {"id": r.id}) == r.id
    assert P.record_key("support_areas", SupportArea(area=Area.HEALTH)) == "health"
    assert P.record_key("support_areas", {"area": "health"}) == "health"
    assert P.record_key("relationships", {"id": "a]b"}) is None  # never a broken path


def test_get_finds_values_in_a_plan_and_in_its_dict_form():
    from pathway_app.domain.serialize import plan_to_dict

    plan = Plan(relationships=[Relationship(name="Nan"), Relationship(name="Leah")])
    leah = plan.relationships[1]
    for root in (plan, plan_to_dict(plan)):
        assert P.get(root, f"relationships[{leah.id}].name") == "Leah"
        assert P.get(root, "relationships[#1].name") == "Nan"
        assert P.get(root, "relationships[nobody].name", "gone") == "gone"
        assert P.get(root, "support_areas[health].own_words") == ""
