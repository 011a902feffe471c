"""The life of an agreement: draft → agreed → ended or replaced, kept as it was signed."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain import agreements as ag
from pathway_app.domain.model import Carer, Plan, Signature, StayingCloseContact, YoungPerson
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.domain.validation import validate
from pathway_app.domain.vocab import AgreementStatus, HouseRuleTopic, Party
from pathway_app.domain.wording import HE, SHE, THEY, names, pronouns, together

TODAY = date(2026, 12, 1)


def _plan() -> Plan:
    plan = Plan(person=YoungPerson(given_name="Dawit", family_name="Tekle", date_of_birth=date(2009, 3, 1),
                                   local_authority="Northmoor Council"))
    return plan


def test_a_first_draft_is_filled_in_from_the_plan_with_every_house_rule_topic():
    plan = _plan()
    a = ag.start(plan, ag.STAYING_PUT, TODAY)
    assert (a.status, a.version) == (AgreementStatus.DRAFT, 1)
    assert a.authority == "Northmoor Council"
    assert [r.topic for r in a.house_rules] == [t for t in HouseRuleTopic if t is not HouseRuleTopic.OWN]
    assert a.start == date(2027, 3, 1) and a.end == date(2030, 3, 1)  # the 18th and the 21st birthdays
    with pytest.raises(ag.AgreementRefused, match="already being written"):
        ag.start(plan, ag.STAYING_PUT, TODAY)


def test_agreeing_needs_signatories_and_named_carers_and_changes_nothing_when_refused():
    plan = _plan()
    a = ag.start(plan, ag.STAYING_PUT, TODAY)
    before = plan_to_dict(plan)
    with pytest.raises(ag.AgreementRefused, match="signatories"):
        ag.agree(plan, ag.STAYING_PUT, a.id, TODAY, [])
    with pytest.raises(ag.AgreementRefused, match="Name the Staying Put carers"):
        ag.agree(plan, ag.STAYING_PUT, a.id, TODAY, [Signature(Party.YOUNG_PERSON, "Dawit Tekle")])
    a.carers = [Carer(name="Hiwet Berhe"), Carer(name="")]
    before = plan_to_dict(plan)
    with pytest.raises(ag.AgreementRefused, match="has no name"):
        ag.agree(plan, ag.STAYING_PUT, a.id, TODAY, [Signature(Party.YOUNG_PERSON, "Dawit Tekle")])
    with pytest.raises(ag.AgreementRefused, match="name of the person"):
        ag.agree(plan, ag.STAYING_PUT, a.id, TODAY, [Signature(Party.CARER, " ")])
    assert plan_to_dict(plan) == before


def test_agree_amend_and_end():
    plan = _plan()
    v1 = ag.start(plan, ag.STAYING_PUT, TODAY)
    v1.carers = [Carer(name="Hiwet Berhe", pronouns="she/her"), Carer(name="Daniel Berhe", pronouns="he/him")]
    sigs = ag.signatures_for(plan, ag.STAYING_PUT, v1, TODAY)
    # one signature per party the agreement names: the young person, each carer, the authority's worker...
    assert [(s.party, s.name) for s in sigs][:3] == [(Party.YOUNG_PERSON, "Dawit Tekle"), (Party.CARER, "Hiwet Berhe"),
                                                     (Party.CARER, "Daniel Berhe")]
    ag.agree(plan, ag.STAYING_PUT, v1.id, TODAY, sigs)
    assert v1.status is AgreementStatus.AGREED and v1.agreed_on == TODAY and plan.staying_put.in_force() is v1
    assert validate(plan, TODAY) == []
    # a change starts a new version: a copy, with its own records, while version 1 stays in force
    v2 = ag.start(plan, ag.STAYING_PUT, TODAY)
    assert v2.version == 2 and v2.status is AgreementStatus.DRAFT and v2.signatures == [] and v2.agreed_on is None
    assert [c.name for c in v2.carers] == ["Hiwet Berhe", "Daniel Berhe"]
    assert {c.id for c in v2.carers}.isdisjoint({c.id for c in v1.carers})
    assert plan.staying_put.in_force() is v1 and plan.staying_put.current() is v1
    v2.contribution = "£30 a week"
    later = date(2027, 1, 5)
    ag.agree(plan, ag.STAYING_PUT, v2.id, later, ag.signatures_for(plan, ag.STAYING_PUT, v2, later))
    assert (v1.status, v1.superseded_on) == (AgreementStatus.SUPERSEDED, later)
    assert plan.staying_put.in_force() is v2
    with pytest.raises(ag.AgreementRefused, match="Say why"):
        ag.end(plan, ag.STAYING_PUT, v2.id, date(2027, 6, 1), " ")
    ag.end(plan, ag.STAYING_PUT, v2.id, date(2027, 6, 1), "Dawit moved to university.")
    assert v2.status is AgreementStatus.ENDED and plan.staying_put.current() is None
    assert validate(plan, TODAY) == []
    with pytest.raises(ag.AgreementRefused, match="not in force"):
        ag.end(plan, ag.STAYING_PUT, v1.id, date(2027, 6, 1), "again")
    with pytest.raises(ag.AgreementRefused, match="Only a draft"):
        ag.discard(plan, ag.STAYING_PUT, v1.id)
    assert [a.version for a in ag.in_order(plan, ag.STAYING_PUT)] == [2, 1]


def test_a_signed_version_is_kept_as_it_was_signed():
    plan = _plan()
    a = ag.start(plan, ag.STAYING_PUT, TODAY)
    a.carers = [Carer(name="Hiwet Berhe")]
    ag.agree(plan, ag.STAYING_PUT, a.id, TODAY, ag.signatures_for(plan, ag.STAYING_PUT, a, TODAY))
    stored = plan_to_dict(plan)
    # its practitioners' notes may still be written
    a.notes = "Going well."
    assert ag.signed_changes(stored, plan) == []
    # what was signed may not change
    a.contribution = "£50 a week"
    (p,) = ag.signed_changes(stored, plan)
    assert p.field == f"staying_put.agreements[{a.id}].contribution"
    assert "kept as it was signed" in p.message and "start a new version" in p.message
    assert str(p).startswith("Staying Put — Agreement, version 1: the young person's contribution cannot change")
    a.contribution = ""
    a.carers[0].name = "Hiwet B."
    assert ag.signed_changes(stored, plan)[0].field == f"staying_put.agreements[{a.id}].carers[{a.carers[0].id}].name"
    a.carers[0].name = "Hiwet Berhe"
    # nor be removed, nor go back to a draft
    a.status = AgreementStatus.DRAFT
    assert ag.signed_changes(stored, plan)
    a.status = AgreementStatus.AGREED
    plan.staying_put.agreements.clear()
    assert "cannot be removed" in ag.signed_changes(stored, plan)[0].message
    # ending it is a change it may have
    plan.staying_put.agreements.append(a)
    ag.end(plan, ag.STAYING_PUT, a.id, TODAY, "Moved on.")
    assert ag.signed_changes(stored, plan) == []


def test_the_checklist_lists_the_parts_not_yet_agreed():
    plan = _plan()
    a = ag.start(plan, ag.STAYING_PUT, TODAY)
    parts = dict(ag.checklist(a))
    assert list(parts) == [p.heading for p in ag.PARTS[ag.STAYING_PUT]]
    assert not any(parts.values())
    for r in a.house_rules:
        r.same_as_before = True
    a.carer_payment, a.contribution, a.housing_costs = "£250 a week", "£30 a week", "None claimed"
    parts = dict(ag.checklist(a))
    assert parts["Living together: house rules"] and parts["Money"] and not parts["Who this agreement is between"]
    tom = next(p for p in demo_plans(TODAY) if p.person.family_name == "Whitfield")
    assert all(done for _part, done in ag.checklist(tom.staying_put.in_force()))
    reece = next(p for p in demo_plans(TODAY) if p.person.family_name == "Tanner")
    assert all(done for _part, done in ag.checklist(reece.staying_close.current()))


def test_staying_close_parties_sign_one_by_one():
    plan = _plan()
    a = ag.start(plan, ag.STAYING_CLOSE, TODAY)
    a.home_name, a.manager_name = "Larch House", "Jan Morris"
    a.staff = [StayingCloseContact(name="Dee Campbell", role="key worker"), StayingCloseContact(name="Jan Morris", role="manager")]
    parties = ag.parties(plan, ag.STAYING_CLOSE, a)
    assert [(p, n) for p, n, _r in parties] == [
        (Party.YOUNG_PERSON, "Dawit Tekle"), (Party.KEY_WORKER, "Dee Campbell"), (Party.HOME_MANAGER, "Jan Morris"),
        (Party.PERSONAL_ADVISER, ""), (Party.AUTHORITY, "")]
    assert ag.copies_to(plan, ag.STAYING_CLOSE, a)[1] == "Dee Campbell, Key worker (children's home)"


def test_demo_agreements_are_valid_and_show_every_stage():
    plans = {p.person.family_name: p for p in demo_plans(TODAY)}
    tom = plans["Whitfield"].staying_put
    assert [a.status for a in ag.in_order(plans["Whitfield"], ag.STAYING_PUT)] == [AgreementStatus.AGREED, AgreementStatus.SUPERSEDED]
    assert len(tom.in_force().carers) == 2
    assert plans["Price"].staying_put.latest().status is AgreementStatus.ENDED
    assert len(plans["Tanner"].staying_close.current().staff) == 2
    for p in plans.values():
        assert validate(p, TODAY) == []


def test_pronouns_and_names():
    assert pronouns("she/her") is SHE and pronouns("He / Him") is HE and pronouns("") is THEY
    assert pronouns("she/they") is SHE and pronouns("ze/zir").subject == "ze"  # used as written, never guessed
    assert together(["she/her", "he/him"]) is THEY and together(["he/him"]) is HE
    assert THEY.verb("is", "are") == "are" and SHE.verb("is", "are") == "is"
    assert names(["Karen Lowe", " ", "Steve Lowe"]) == "Karen Lowe and Steve Lowe"
    assert names(["A", "B", "C"]) == "A, B and C" and names([]) == ""
