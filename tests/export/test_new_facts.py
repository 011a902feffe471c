"""Issue 12's facts in the full plan, read back from the PDF: the date of birth's basis, the
immigration matters, the young person's children (and a baby due) in the key dates, the home's
registration, going back to family, orders that ended care, and the dates the category rests on."""

from __future__ import annotations

from datetime import date, timedelta

from pathway_app.domain import dates as D
from pathway_app.domain.model import Child, ImmigrationMatter, PermanenceOrder, ReturnHome
from pathway_app.domain.vocab import DateOfBirthBasis, HomeRegistration, ImmigrationStatus, OrderKind
from pathway_app.export import render_pdf

from pdfcheck import pdf_text, words_present


def _plan(plans):
    p = plans.rich_plan()
    p.person.pronouns = "he/him"
    p.person.about_me_own_words = ""
    p.person.date_of_birth_basis = DateOfBirthBasis.ASSESSED
    p.person.age_assessed_on = date(2024, 6, 3)
    p.immigration = [
        ImmigrationMatter(status=ImmigrationStatus.LIMITED_LEAVE, since=date(2024, 9, 1), until=date(2027, 8, 31),
                          notes="Leave granted after the appeal"),
        ImmigrationMatter(status=ImmigrationStatus.APPEAL_PENDING, since=date(2025, 2, 1), notes="Appeal against the age"),
    ]
    p.children = [Child(name="Lemlem", born_on=date(2026, 2, 14), lives_with_young_person=True),
                  Child(due_on=plans.TODAY + timedelta(days=90), notes="Midwife at the family centre")]
    first = min(e.start for e in p.care_episodes)
    p.orders = [PermanenceOrder(kind=OrderKind.CHILD_ARRANGEMENTS, made_on=first - timedelta(days=400),
                                with_whom="Grandmother Almaz", ended_on=first - timedelta(days=30))]
    p.home.registration = HomeRegistration.REGISTERED
    p.return_home = ReturnHome(returned_on=first - timedelta(days=400), with_whom="Grandmother Almaz",
                               support="Family support worker weekly", ended_on=first - timedelta(days=30))
    return p


def test_the_full_plan_shows_the_new_facts(plans, tmp_path):
    plan = _plan(plans)
    text = pdf_text(render_pdf(plan, "full", plans.TODAY, tmp_path / "full.pdf", prompts=[]))
    dob = D.fmt(plan.person.date_of_birth)
    assert f"{dob} (assessed on 3 June 2024)" in text
    assert "own words about himself are not recorded yet" in text and "themselves" not in text
    for words in ("Immigration", "Limited leave to remain", "31 August 2027", "Leave granted after the appeal",
                  "Appeal waiting for a decision", "Children", "Lemlem", "14 February 2026", "Midwife at the family centre",
                  "Registered with Ofsted (supported accommodation)", "Back with family", "Family support worker weekly",
                  "Orders that ended care", "Child arrangements order", "Grandmother Almaz",
                  "How the care-leaver category was worked out", "13 weeks completed on", "Eligible from",
                  "Baby due", "Limited leave to remain ends"):
        assert words_present(words, text), words
    assert "21st birthday" in text and "21th" not in text
    assert "Lemlem's 1st birthday" in text


def test_the_category_dates_in_the_plan_are_the_ones_worked_out(plans, tmp_path):
    plan = _plan(plans)
    text = pdf_text(render_pdf(plan, "full", plans.TODAY, tmp_path / "full.pdf", prompts=[]))
    cd = D.category_dates(plan, plans.TODAY)
    assert cd.thirteen_weeks_completed_on is not None
    assert f"13 weeks completed on {D.fmt(cd.thirteen_weeks_completed_on)}" in text
    if cd.eligible_from:
        assert f"Eligible from {D.fmt(cd.eligible_from)}" in text
