"""The store keeps a signed agreement as it was signed, and agreements round-trip whole."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain import agreements as ag
from pathway_app.domain.validation import ValidationError
from pathway_app.domain.vocab import AgreementStatus
from pathway_app.store import open_store

TODAY = date(2026, 12, 1)


def _tom():
    return next(p for p in demo_plans(TODAY) if p.person.family_name == "Whitfield")


def test_agreements_and_their_records_come_back_as_they_were_saved(db_path):
    plans = demo_plans(TODAY)
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    for p in plans:
        st.save(p, TODAY)
    st.close()
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        for p in plans:
            assert st.load(p.id) == p
    finally:
        st.close()


def test_a_save_that_changes_a_signed_agreement_is_refused_and_writes_nothing(db_path):
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        tom = _tom()
        st.save(tom, TODAY)
        saved = copy.deepcopy(tom)
        in_force = tom.staying_put.in_force()
        in_force.contribution = "£10 a week"
        with pytest.raises(ValidationError) as exc:
            st.save(tom, TODAY)
        (problem,) = exc.value.problems
        assert problem.field == f"staying_put.agreements[{in_force.id}].contribution"
        assert "kept as it was signed" in str(problem) and "Living Together Agreement agreed on" in str(problem)
        assert st.load(tom.id) == saved  # nothing written
        # the replaced version may not change either
        tom = copy.deepcopy(saved)
        tom.staying_put.agreements[0].house_rules_notes = "changed"
        with pytest.raises(ValidationError):
            st.save(tom, TODAY)
        # a new version, and ending one, are what may happen
        tom = copy.deepcopy(saved)
        draft = ag.start(tom, ag.STAYING_PUT, TODAY)
        draft.contribution = "£45 a week board."
        st.save(tom, TODAY)
        ag.agree(tom, ag.STAYING_PUT, draft.id, TODAY, ag.signatures_for(tom, ag.STAYING_PUT, draft, TODAY))
        st.save(tom, TODAY)
        ag.end(tom, ag.STAYING_PUT, draft.id, TODAY, "Tom moved into his own flat.")
        st.save(tom, TODAY)
    finally:
        st.close()
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        back = st.load(tom.id)
        assert [a.status.value for a in ag.in_order(back, ag.STAYING_PUT)] == ["ended", "superseded", "superseded"]
        assert back.staying_put.latest().end_reason == "Tom moved into his own flat."
    finally:
        st.close()


def test_bad_agreements_are_refused_with_the_part_named_and_nothing_half_saved(db_path):
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        dawit = next(p for p in demo_plans(TODAY) if p.person.family_name == "Tekle")
        st.save(dawit, TODAY)
        saved = copy.deepcopy(dawit)
        draft = dawit.staying_put.draft()
        draft.carers[1].name = ""
        draft.contribution = "£30 a week"  # a good change in the same save is not written either
        with pytest.raises(ValidationError) as exc:
            st.save(dawit, TODAY)
        assert [str(p) for p in exc.value.problems] == ["Staying Put — Agreement, version 1: a carer needs a name"]
        draft.carers[1].name = "Daniel Berhe"
        draft.status = AgreementStatus.AGREED
        with pytest.raises(ValidationError) as exc:
            st.save(dawit, TODAY)
        assert any("needs the names of who signed it" in str(p) for p in exc.value.problems)
    finally:
        st.close()
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        assert st.load(saved.id) == saved
    finally:
        st.close()
