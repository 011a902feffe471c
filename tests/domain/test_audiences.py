"""One audience policy decides what each audience sees; the view of a plan follows it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain import audiences as A
from pathway_app.domain import fieldpath
from pathway_app.domain.fields import catalogue
from pathway_app.domain.introspect import specs
from pathway_app.domain.model import Action, Carer, Plan, Relationship, SharingChoice, StayingPutAgreement
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.domain.vocab import Area, RelationshipType, ShareAudience

TODAY = date(2026, 12, 1)
OTHERS = [A.Audience.YOUNG_PERSON, A.Audience.FOSTER_CARER, A.Audience.KEY_WORKER]


def _marked_plan() -> tuple[Plan, dict[str, str]]:
    """A demo plan with a unique marker in every text field; marker → plan path."""
    plan = demo_plans(TODAY)[0]
    markers: dict[str, str] = {}

    def fill(obj, path, fid):
        for s in specs(type(obj)):
            sub = fieldpath.child(path, s.name)
            sub_fid = f"{fid}.{s.name}" if fid else s.name
            value = getattr(obj, s.name)
            if s.kind == "text" and s.name not in ("id", "key", "rule_id", "path", "fingerprint"):
                marker = f"MK{len(markers):04d}X"
                markers[marker] = sub
                setattr(obj, s.name, f"{value} {marker}".strip())
            elif s.kind == "record":
                fill(value, sub, sub_fid)
            elif s.kind == "records":
                for i, item in enumerate(value):
                    key = fieldpath.record_key(sub_fid, item) or fieldpath.position_key(i)
                    fill(item, fieldpath.child(path, s.name, key), sub_fid)

    if not plan.relationships[0].safety_notes:
        plan.relationships[0].safety_notes = "safety"
    plan.sharing = [SharingChoice(f"relationships[{plan.relationships[0].id}]", ShareAudience.FOSTER_CARER, True, TODAY)]
    fill(plan, "", "")
    return plan, markers


@pytest.mark.parametrize("audience", OTHERS, ids=lambda a: a.value)
def test_every_hidden_text_is_gone_and_every_shown_text_is_there(audience):
    plan, markers = _marked_plan()
    v = A.view(plan, audience)
    shown = json.dumps(v.dict(), ensure_ascii=False)
    blanked = json.dumps(plan_to_dict(v.plan), ensure_ascii=False)
    assert markers, "the plan has text fields"
    hidden = [m for m, path in markers.items() if not v.sees(path)]
    visible = [m for m, path in markers.items() if v.sees(path)]
    assert hidden, f"{audience.value} sees everything?"
    for m in hidden:
        assert m not in shown and m not in blanked, (audience, markers[m])
    for m in visible:
        assert m in shown, (audience, markers[m])


@pytest.mark.parametrize("audience", OTHERS, ids=lambda a: a.value)
def test_practitioner_only_fields_are_never_seen(audience):
    plan, markers = _marked_plan()
    v = A.view(plan, audience)
    for path in markers.values():
        if catalogue()[fieldpath.field_id(path)].audience == "practitioner_only":
            assert not v.sees(path), path


def test_practitioners_see_everything():
    plan, markers = _marked_plan()
    v = A.view(plan, A.Audience.PRACTITIONER)
    assert all(v.sees(p) for p in markers.values())
    assert v.dict() == plan_to_dict(plan)


def test_a_field_the_policy_does_not_name_is_hidden():
    assert A.access("foster_carer", "person.shoe_size") is A.Access.HIDDEN
    assert A.policy().access(A.Audience.FOSTER_CARER, "nonsense") is A.Access.HIDDEN


def _plan_with_nan() -> tuple[Plan, Relationship]:
    plan = Plan()
    plan.person.given_name = "Mia"
    nan = Relationship(name="Nan", relationship_type=RelationshipType.GRANDPARENT, what_they_bring="Sunday dinners",
                       safety_notes="Nan is 71; Mia worries about her health")
    plan.relationships = [nan]
    return plan, nan


def test_what_the_young_person_says_about_someone_is_shared_only_when_they_said_yes():
    plan, nan = _plan_with_nan()
    path = f"relationships[{nan.id}]"
    v = A.view(plan, "foster_carer")
    assert not v.sees(path) and v.plan.relationships == []
    plan.sharing = [SharingChoice(path, ShareAudience.FOSTER_CARER, True, date(2026, 1, 1))]
    v = A.view(plan, "foster_carer")
    assert v.sees(f"{path}.name") and v.sees(f"{path}.what_they_bring") and v.sees(f"{path}.there_at_25")
    assert not v.sees(f"{path}.safety_notes") and v.plan.relationships[0].safety_notes == ""
    assert not v.sees(f"{path}.contact_frequency")  # a fact, not their words: not shared
    # a key worker was not asked: still hidden
    assert not A.view(plan, "key_worker").sees(path)
    # the newest choice counts
    plan.sharing.append(SharingChoice(path, ShareAudience.FOSTER_CARER, False, date(2026, 2, 1)))
    assert not A.view(plan, "foster_carer").sees(path)


def test_actions_are_shown_to_the_people_who_will_do_them():
    plan, _nan = _plan_with_nan()
    plan.staying_put.agreements = [StayingPutAgreement(carers=[Carer(name="Hiwet Berhe"), Carer(name="Daniel Berhe")])]
    health = plan.area(Area.HEALTH)
    health.actions = [Action(what="Go with Mia to the GP", who="Hiwet"), Action(what="Book the review", who="PA"),
                      Action(what="Help with the bus pass", who="Foster carers")]
    health.assessment = "private assessment"
    v = A.view(plan, "foster_carer")
    whats = [a.what for sa in v.plan.support_areas for a in sa.actions]
    assert whats == ["Go with Mia to the GP", "Help with the bus pass"]
    assert all(sa.assessment == "" for sa in v.plan.support_areas)
    assert [sa.area for sa in v.plan.support_areas] == [Area.HEALTH]  # areas with nothing for them are left out


def test_the_view_does_not_change_the_plan():
    plan, markers = _marked_plan()
    before = plan_to_dict(plan)
    A.view(plan, "foster_carer")
    assert plan_to_dict(plan) == before


def test_the_staying_put_agreement_is_the_carers_to_change_and_the_young_persons_to_see():
    assert A.may_change("foster_carer", "staying_put.agreements.carers.name")
    assert A.may_change("foster_carer", "staying_put.agreements.house_rules.agreed")
    assert not A.may_change("foster_carer", "person.date_of_birth")
    assert A.access("young_person", "staying_put.agreements.carers.name") is A.Access.SEE
    assert A.access("key_worker", "staying_put.agreements.carers.name") is A.Access.HIDDEN
    assert A.may_change("key_worker", "staying_close.agreements.come_back_meals")
    assert A.access("foster_carer", "staying_put.notes") is A.Access.HIDDEN  # the worker's own notes
    assert A.access("foster_carer", "staying_put.agreements.notes") is A.Access.HIDDEN
    assert A.access("key_worker", "staying_close.agreements.notes") is A.Access.HIDDEN
    # who signed and when is recorded by practitioners: the carers see it but do not change it
    assert A.access("foster_carer", "staying_put.agreements.signatures.name") is A.Access.SEE
    assert A.access("foster_carer", "staying_put.agreements.status") is A.Access.SEE
