"""My pathway plan, read as the young person reads it: their rights for their age, who to call
with the numbers, their words first, and nothing that points to a part that is not there."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.domain.model import Child, ImmigrationMatter
from pathway_app.domain.organisation import organisation
from pathway_app.domain.rights import ASK_TO_25
from pathway_app.domain.vocab import ImmigrationStatus, Parenting
from pathway_app.export import build_document, render_document

from pdfcheck import normalise, pdf_pages_text


def _text(plan, today, tmp_path) -> str:
    path = tmp_path / "mine.pdf"
    path.write_bytes(render_document(build_document(plan, today, "young-person", prompts=[])))
    return normalise(" ".join(pdf_pages_text(path)))


@pytest.mark.parametrize("age", [16, 17, 18, 22])
def test_their_rights_for_their_age(plans, tmp_path, age):
    plan = plans.rich_plan()
    plan.pa_support_to_25 = False  # not asked (yet)
    dob = plan.person.date_of_birth
    today = date(dob.year + age, dob.month, dob.day)
    text = _text(plan, today, tmp_path)
    assert "My rights" in text
    if age < 21:
        assert normalise(ASK_TO_25) in text
        assert "My adviser's support ends" not in text
    else:
        assert "until I'm 25" in text


def test_who_i_can_call_has_the_numbers(plans, tmp_path):
    plan = plans.rich_plan()
    adviser = plan.current_adviser()
    adviser.phone = "07700 900999"
    text = _text(plan, plans.TODAY, tmp_path)
    assert "Who I can call" in text and "07700 900999" in text
    for c in organisation().contacts:
        assert c.phone in text


def test_immigration_and_being_a_parent_are_in_their_copy(plans, tmp_path):
    plan = plans.rich_plan()
    plan.immigration = [ImmigrationMatter(status=ImmigrationStatus.ASYLUM_CLAIM_PENDING, notes="Interview booked")]
    plan.person.parenting = Parenting.EXPECTING
    plan.children = [Child(name="Baby", due_on=date(2027, 2, 1))]
    text = _text(plan, plans.TODAY, tmp_path)
    assert "Interview booked" in text
    assert "1 February 2027" in text


def test_nothing_points_to_a_part_that_is_not_there_and_the_marking_is_once(plans, tmp_path):
    text = _text(plans.rich_plan(), plans.TODAY, tmp_path)
    assert "see restrictions" not in text.lower()
    assert "What my adviser wrote" not in text  # written to them, not about them
    assert text.count("OFFICIAL-SENSITIVE") == 1
    assert "not in my copy" in text  # a gap is said, not silent


def test_own_words_are_never_under_a_note_saying_there_are_none(plans):
    plan = plans.rich_plan()
    for sa in plan.support_areas:
        sa.own_words = ""
    plan.identity.own_words = "I'm half Danish and proud of it."
    doc = build_document(plan, plans.TODAY, "young-person", prompts=[])
    identity = doc.section("area-identity")
    kinds = [type(b).__name__ for b in identity.blocks]
    assert kinds[0] == "Quote" and "Callout" not in kinds[:2]
