"""The field catalogue: every field of the plan has words and an audience, and nothing else does."""

from __future__ import annotations

import json

import pytest

from pathway_app.domain import fields as F
from pathway_app.domain.introspect import field_ids
from pathway_app.domain.labels import vocabularies
from pathway_app.domain.model import Action, Plan, Relationship
from pathway_app.domain.vocab import Area
from pathway_app.paths import resource

PLAN_FIELDS = field_ids(Plan)


def test_every_field_of_the_plan_is_in_the_catalogue_and_nothing_else_is():
    missing = sorted(set(PLAN_FIELDS) - set(F.catalogue()))
    extra = sorted(set(F.catalogue()) - set(PLAN_FIELDS))
    assert missing == [], f"add these to resources/fields.json: {missing}"
    assert extra == [], f"resources/fields.json names fields the plan does not have: {extra}"


def test_every_entry_has_words_for_both_readers_and_a_known_audience_class():
    classes = json.loads(resource("audiences.json").read_text(encoding="utf-8"))["classes"]
    for fid, f in F.catalogue().items():
        assert f.label.strip() and f.yp.strip(), fid
        assert f.audience in classes, f"{fid}: audience class {f.audience!r} is not in audiences.json"
        assert "_" not in f.label and "[" not in f.label, fid


def test_vocabularies_match_the_model():
    vocab = vocabularies()
    for fid, spec in PLAN_FIELDS.items():
        f = F.catalogue()[fid]
        if spec.kind == "choice":
            assert f.vocab == spec.type.__name__, fid
        if f.vocab:
            assert f.vocab in vocab, f"{fid}: no vocabulary {f.vocab!r}"


def test_lists_say_what_a_record_is_called_and_which_field_names_it():
    for fid, spec in PLAN_FIELDS.items():
        if spec.kind == "records":
            f = F.catalogue()[fid]
            assert f.record and f.title, fid
            assert f"{fid}.{f.title}" in PLAN_FIELDS, fid


def test_the_catalogue_words_are_the_ones_young_people_asked_for():
    text = resource("fields.json").read_text(encoding="utf-8").lower()
    for word in ("placement", " case ", "case file", "caseworker"):
        assert word not in text


def _plan() -> Plan:
    plan = Plan()
    plan.relationships = [Relationship(name="Nan"), Relationship(name="")]
    plan.area(Area.HEALTH).actions.append(Action(what="Register with a GP"))
    plan.area(Area.HEALTH).actions.append(Action(what=""))
    return plan


@pytest.mark.parametrize(
    "path, words",
    [
        ("person.date_of_birth", "About me: Date of birth"),
        ("person", "About me"),
        ("relationships", "People who matter"),
        ("relationships#order", "People who matter: the order"),
        ("support_areas[health].assessment", "Support plan — Health and wellbeing: Assessment"),
        ("staying_close.agreements[abc].staff[def].name", "Staying Close: Name"),
        ("version", "Version"),
    ],
)
def test_describe_without_a_plan(path, words):
    assert F.describe(path) == words


def test_describe_names_records_by_their_title():
    plan = _plan()
    nan, nameless = plan.relationships
    named, unnamed = plan.area(Area.HEALTH).actions
    assert F.describe(f"relationships[{nan.id}].there_at_25", plan) == "People who matter — Nan: There at 25"
    assert F.describe(f"relationships[{nameless.id}].name", plan) == "People who matter: Name"
    assert F.describe(f"support_areas[health].actions[{named.id}].who", plan) == \
        "Support plan — Health and wellbeing — Action “Register with a GP”: Who"
    assert F.where(f"support_areas[health].actions[{unnamed.id}].what", plan) == "Support plan — Health and wellbeing"
    assert F.describe(f"relationships[{nan.id}]", plan) == "People who matter — Nan"


def test_describe_for_the_young_person_uses_their_words():
    plan = _plan()
    assert F.describe(f"relationships[{plan.relationships[0].id}].there_at_25", plan, young_person=True) == \
        "My people — Nan: There for me at 25"


def test_a_long_title_is_shortened():
    plan = Plan(relationships=[Relationship(name="A" * 100)])
    words = F.where(f"relationships[{plan.relationships[0].id}].name", plan)
    assert words.endswith("…") and len(words) < 70


def test_a_change_to_a_record_that_is_gone_is_named_by_the_record():
    assert F.describe_change("relationships[x]", {"id": "x", "name": "Zed"}, None, _plan()) == \
        "People who matter — Zed"
    assert F.describe_change("support_areas[health].actions[y]", None, {"id": "y", "what": "Book GP"}) == \
        "Support plan — Health and wellbeing — Action “Book GP”"
    assert F.describe_change("relationships[x]", None, {"id": "x", "name": ""}) == \
        "People who matter — a person with nothing written yet"


def test_value_words():
    assert F.value_words("relationships.there_at_25", "maybe") == "Maybe"
    assert F.value_words("person.date_of_birth", "2008-09-03") == "3 September 2008"
    assert F.value_words("health.gp_registered", True) == "Yes"
    assert F.value_words("person.phone", "", empty="Not recorded") == "Not recorded"


def test_unknown_fields_are_a_clear_error():
    with pytest.raises(F.UnknownField):
        F.field("person.shoe_size")
    assert F.describe("person.shoe_size") == "About me: “shoe size”"
