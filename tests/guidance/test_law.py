"""Issue 12's prompts: each statutory prompt applies only from when the law says; a network of
paid roles; no personal adviser; unregistered supported accommodation; a baby due; going back
to family; and answering a prompt by doing the thing (``record_done``)."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta

import pytest

from pathway_app.domain import dates as D
from pathway_app.domain.guidance import ResponseError, Urgency, evaluate, load_rules, record_done
from pathway_app.domain.guidance.rules import APPLIES
from pathway_app.domain.model import AdviserPeriod, CareEpisode, Child, Plan, Relationship, YoungPerson
from pathway_app.domain.vocab import HomeRegistration, HomeType, RelationshipType

from .builders import TODAY, complete_plan
from .cases import CASES

AT = datetime(2026, 6, 1, 10, tzinfo=UTC)
RULES = load_rules()
STATUTORY = [r for r in RULES if r.message == ""]


def _ids(plan, today):
    return {p.rule_id.split(":")[0] for p in evaluate(plan, today)}


# --------------------------------------------------------------------------- from when


def test_every_statutory_prompt_says_from_when_it_applies():
    assert STATUTORY
    for r in STATUTORY:
        assert r.applies_from in APPLIES, r.id
    plan = Plan(person=YoungPerson(given_name="Tesfay", date_of_birth=date(2009, 3, 15)),
                care_episodes=[CareEpisode(start=date(2015, 1, 1))])
    for p in evaluate(plan, TODAY):
        if not p.message:
            assert p.applies_from.startswith(("From", "While")), p.rule_id


def test_a_16_year_old_not_yet_eligible_gets_no_pathway_plan_duties():
    """Looked after from 1 May 2026 at 16: 13 weeks completed on 30 July, eligible from 31 July."""
    plan = Plan(person=YoungPerson(given_name="Tesfay", pronouns="he/him", date_of_birth=date(2010, 3, 1)),
                care_episodes=[CareEpisode(start=date(2026, 5, 1))])
    duties = {"S-area-no-actions", "S-no-contingency", "S-no-personal-adviser"}
    for day in (date(2026, 5, 1), date(2026, 7, 30)):
        assert D.care_leaver_category(plan, day).category is D.Category.NOT_YET
        assert not duties & _ids(plan, day), day
    assert duties <= _ids(plan, date(2026, 7, 31))


def test_pathway_plan_duties_end_with_personal_adviser_support():
    plan = complete_plan()
    plan.contingency.plan = ""
    d21 = D.birthday(plan.person.date_of_birth, 21)
    assert "S-no-contingency" in _ids(plan, d21 - timedelta(days=1))
    assert "S-no-contingency" not in _ids(plan, d21)
    plan.pa_support_to_25 = True
    assert "S-no-contingency" in _ids(plan, d21)


# --------------------------------------------------------------------------- paid roles


@pytest.mark.parametrize("kinds, raised", [
    ([RelationshipType.RESIDENTIAL_KEY_WORKER], True),
    ([RelationshipType.SUPPORT_WORKER, RelationshipType.PAID_MENTOR], True),
    ([RelationshipType.RESIDENTIAL_KEY_WORKER, RelationshipType.SUPPORT_WORKER, RelationshipType.PAID_MENTOR,
      RelationshipType.PERSONAL_ADVISER], True),
    ([RelationshipType.RESIDENTIAL_KEY_WORKER, RelationshipType.MENTOR], False),  # a volunteer mentor
    ([RelationshipType.SUPPORT_WORKER, RelationshipType.FOSTER_CARER], False),
])
def test_a_network_of_only_paid_roles_is_no_personal_network(kinds, raised):
    plan = complete_plan()
    plan.relationships = [Relationship(name=f"P{i}", relationship_type=k, what_they_bring="x") for i, k in enumerate(kinds)]
    assert ("M6-only-professionals" in _ids(plan, TODAY)) is raised


def test_someone_paid_to_be_there_does_not_count_as_there_at_25():
    from pathway_app.domain.vocab import ThereAt25

    plan = complete_plan()
    for r in plan.relationships:
        r.there_at_25 = ThereAt25.MAYBE
    plan.relationships.append(Relationship(name="Dee", relationship_type=RelationshipType.RESIDENTIAL_KEY_WORKER,
                                           there_at_25=ThereAt25.YES, what_they_bring="x"))
    assert "M1-no-one-at-25" in _ids(plan, TODAY)


# --------------------------------------------------------------------------- the new statutory checks


def test_no_personal_adviser_names_the_duty():
    plan = complete_plan()
    plan.advisers = []
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "S-no-personal-adviser"]
    assert p.urgency is Urgency.NOW and "Sch. 2 para 19C" in p.citation
    assert p.why == "No personal adviser is recorded."
    plan.advisers = [AdviserPeriod(name="Ravi", start=TODAY + timedelta(days=1))]
    assert "S-no-personal-adviser" in _ids(plan, TODAY)  # not started yet
    assert "S-no-personal-adviser" not in _ids(plan, TODAY + timedelta(days=1))


def test_unregistered_accommodation_under_18_while_looked_after():
    plan = complete_plan()
    plan.home.current_type = HomeType.SEMI_INDEPENDENT
    plan.home.registration = HomeRegistration.UNREGISTERED
    d18 = D.birthday(plan.person.date_of_birth, 18)
    assert "S-unregistered-accommodation" in _ids(plan, d18 - timedelta(days=1))
    assert "S-unregistered-accommodation" not in _ids(plan, d18)
    plan.home.registration = HomeRegistration.NOT_RECORDED
    assert "S-unregistered-accommodation" not in _ids(plan, TODAY)
    # left care and not a care leaver the council houses: not for this prompt
    plan.home.registration = HomeRegistration.UNREGISTERED
    plan.care_episodes = [CareEpisode(start=date(2025, 6, 1), end=date(2025, 7, 1))]
    assert D.care_leaver_category(plan, TODAY).category is D.Category.QUALIFYING
    assert "S-unregistered-accommodation" not in _ids(plan, TODAY)


def test_a_baby_due_within_three_months_makes_the_young_parent_prompt_urgent():
    plan = complete_plan()
    plan.children = [Child(due_on=TODAY + timedelta(days=120))]
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "M23-young-parent"]
    assert p.urgency is Urgency.SOON and D.fmt(TODAY + timedelta(days=120)) in p.why
    plan.children[0].due_on = TODAY + timedelta(days=60)
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "M23-young-parent"]
    assert p.urgency is Urgency.NOW and p.why == f"A baby due on {D.fmt(TODAY + timedelta(days=60))}."


def test_immigration_reads_every_matter_and_a_disputed_age():
    from pathway_app.domain.model import ImmigrationMatter
    from pathway_app.domain.vocab import DateOfBirthBasis, ImmigrationStatus

    plan = complete_plan()
    plan.immigration = [ImmigrationMatter(status=ImmigrationStatus.REFUGEE, since=date(2024, 1, 1), until=date(2026, 5, 31))]
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "M24-immigration"]
    assert p.why == "Every recorded immigration status has ended (the last on 31 May 2026)."
    plan.immigration[0].until = None
    assert "M24-immigration" not in _ids(plan, TODAY)
    plan.person.date_of_birth_basis = DateOfBirthBasis.DISPUTED
    assert "M24-immigration" in _ids(plan, TODAY)


# --------------------------------------------------------------------------- answering by doing


#: Values that settle a rule, where the kind alone does not say (a family member for "no family").
SETTLING = {
    "M4-no-family": {"name": "Auntie Rose", "relationship_type": "other_family"},
    "M6-only-professionals": {"name": "Lee", "relationship_type": "friend"},
}


def _value(answer, today, rule_id=""):
    if rule_id in SETTLING:
        return SETTLING[rule_id]
    if answer.kind == "date":
        return today
    if answer.kind == "bool":
        return True
    if answer.kind == "text":
        return "Written with the young person"
    if answer.kind == "choice":
        return answer.choices[0]
    return {f: today if f in ("start", "held_on", "when", "since") else "Sam Okafor" for f in answer.fields}


ANSWERED = [r.id for r in RULES if r.answered_by is not None]


def test_the_rules_with_a_field_behind_them_say_which():
    assert {"S-needs-assessment-overdue", "S-review-overdue", "S-no-personal-adviser", "M18-local-offer",
            "S-unregistered-accommodation", "M8-staying-put", "S-no-contingency"} <= set(ANSWERED)


@pytest.mark.parametrize("rule_id", ANSWERED)
def test_answering_done_records_the_fact_so_the_prompt_goes(rule_id):
    case = CASES[rule_id]
    plan = complete_plan()
    case.raises(plan)
    plan = copy.deepcopy(plan)  # the cases share their records between tests: answer a copy
    today = case.raises_on
    (prompt,) = [p for p in evaluate(plan, today) if p.rule_id == (case.expect or rule_id)]
    assert prompt.answered_by is not None and prompt.answered_by.label
    done = record_done(plan, prompt, _value(prompt.answered_by, today, rule_id), by="Sam (PA)", today=today, at=AT)
    assert not done.still_raised
    assert prompt.rule_id not in {p.rule_id for p in evaluate(plan, today)}
    assert plan.prompt_responses[-1] is done.response and done.response.answer.value == "done"
    assert done.response.note.startswith(prompt.answered_by.label + ": ")
    # the answer is in the plan, where the catalogue says: the considered list shows it as done
    from pathway_app.domain.fieldpath import resolve

    assert resolve(plan, done.path)


def test_done_for_the_needs_assessment_records_its_date():
    plan = complete_plan()
    plan.needs_assessment_done_on = None
    day = date(2025, 6, 16)
    (p,) = [p for p in evaluate(plan, day) if p.rule_id == "S-needs-assessment-overdue"]
    assert p.answered_by.field == "needs_assessment_done_on" and p.answered_by.kind == "date"
    done = record_done(plan, p, date(2025, 6, 10), by="Ravi", today=day, at=AT, note="Late: Kai was ill")
    assert plan.needs_assessment_done_on == date(2025, 6, 10)
    assert done.path == "needs_assessment_done_on"
    assert done.response.note == "Late: Kai was ill\nNeeds assessment done on: 10 June 2025"


@pytest.mark.parametrize("value, words", [
    (date(2025, 6, 17), "cannot be in the future"),
    ("", "is needed"),
    ("2025-06-10", "should be a date"),
])
def test_done_with_a_value_that_does_not_fit_changes_nothing(value, words):
    plan = complete_plan()
    plan.needs_assessment_done_on = None
    day = date(2025, 6, 16)
    (p,) = [p for p in evaluate(plan, day) if p.rule_id == "S-needs-assessment-overdue"]
    before = len(plan.prompt_responses)
    with pytest.raises(ResponseError, match=words):
        record_done(plan, p, value, by="Ravi", today=day, at=AT)
    assert plan.needs_assessment_done_on is None and len(plan.prompt_responses) == before


def test_done_for_a_prompt_with_no_field_is_refused():
    plan = complete_plan()
    plan.person.youth_justice = True
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "M26-youth-justice"]
    assert p.answered_by is None
    with pytest.raises(ResponseError, match="no field"):
        record_done(plan, p, True, by="Ravi", today=TODAY, at=AT)


def test_a_choice_that_does_not_settle_it_is_refused():
    plan = complete_plan()
    plan.home.current_type = HomeType.SEMI_INDEPENDENT
    plan.home.registration = HomeRegistration.UNREGISTERED
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "S-unregistered-accommodation"]
    with pytest.raises(ResponseError, match="does not settle"):
        record_done(plan, p, "unregistered", by="Ravi", today=TODAY, at=AT)
    record_done(plan, p, HomeRegistration.REGISTERED, by="Ravi", today=TODAY, at=AT)
    assert plan.home.registration is HomeRegistration.REGISTERED


def test_a_new_adviser_is_added_as_a_record():
    plan = complete_plan()
    plan.advisers = []
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "S-no-personal-adviser"]
    assert p.answered_by.fields == ("name", "start")
    done = record_done(plan, p, {"name": "Sam Okafor", "start": TODAY}, by="Team manager", today=TODAY, at=AT)
    (adviser,) = plan.advisers
    assert (adviser.name, adviser.start) == ("Sam Okafor", TODAY)
    assert done.path == f"advisers[{adviser.id}]"
    assert done.response.note == "Adviser history: Sam Okafor, 1 June 2026"


def test_an_answer_that_does_not_settle_the_prompt_says_so():
    """Adding a friend does not answer "no family recorded": the answer is kept, and the app is told."""
    plan = complete_plan()
    plan.relationships = [r for r in plan.relationships if r.name not in ("Jade", "Mum")]
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "M4-no-family"]
    done = record_done(plan, p, {"name": "Lee", "relationship_type": RelationshipType.FRIEND}, by="Ravi", today=TODAY, at=AT)
    assert done.still_raised and plan.relationships[-1].name == "Lee"
