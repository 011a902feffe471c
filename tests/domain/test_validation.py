"""Checks before saving: each problem names its field, all of them come back at once."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest

from pathway_app.domain import validation as V
from pathway_app.domain.model import (
    Action,
    AdviserPeriod,
    CareEpisode,
    Carer,
    Plan,
    PromptResponse,
    Relationship,
    Review,
    Signature,
    Skill,
    StayingCloseAgreement,
    StayingCloseContact,
    StayingPutAgreement,
    SupportArea,
    YoungPerson,
)
from pathway_app.domain.validation import Problem, ValidationError, validate
from pathway_app.domain.vocab import AgreementStatus, Area, EndBasis, HomeType, Party

TODAY = date(2026, 1, 20)
DOB = date(2008, 9, 3)


def good_plan() -> Plan:
    plan = Plan(person=YoungPerson(given_name="Robin", family_name="Ash", date_of_birth=DOB,
                                   email="robin@example.org"))
    plan.care_episodes = [
        CareEpisode(start=date(2020, 1, 1), end=date(2022, 6, 1), home_type=HomeType.FOSTER),
        CareEpisode(start=date(2022, 6, 1), home_type=HomeType.RESIDENTIAL),
    ]
    plan.relationships = [Relationship(name="Sam")]
    plan.reviews = [Review(held_on=date(2025, 12, 1))]
    plan.advisers = [AdviserPeriod(name="Jo", start=date(2024, 9, 1))]
    plan.area(Area.HEALTH).actions.append(Action(what="Register with a GP"))
    return plan


def fields(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def at(plan: Plan, list_name: str, index: int, field: str) -> str:
    """The plan path of a field of the ``index``-th record of a list (records go by id)."""
    return f"{list_name}[{getattr(plan, list_name)[index].id}].{field}"


def only(plan: Plan, today: date | None = TODAY) -> Problem:
    problems = validate(plan, today)
    assert len(problems) == 1, problems
    return problems[0]


def test_a_valid_plan_has_no_problems():
    assert validate(good_plan(), TODAY) == []
    assert validate(good_plan()) == []


def test_a_brand_new_plan_needs_a_name_and_a_date_of_birth():
    assert fields(validate(Plan(), TODAY)) == ["person.given_name", "person.date_of_birth"]


def test_name_needed_but_a_preferred_name_is_enough():
    plan = good_plan()
    plan.person.given_name = "   "
    assert only(plan).field == "person.given_name"
    plan.person.preferred_name = "Rob"
    assert validate(plan, TODAY) == []


@pytest.mark.parametrize(
    "dob, message",
    [(None, "is needed"), (TODAY + timedelta(days=1), "is in the future"), (date(1949, 12, 31), "1950")],
)
def test_date_of_birth_problems(dob, message):
    plan = good_plan()
    plan.care_episodes = []
    plan.person.date_of_birth = dob
    p = only(plan)
    assert p.field == "person.date_of_birth" and message in p.message


def test_future_date_of_birth_only_checked_when_today_is_given():
    plan = good_plan()
    plan.care_episodes = []
    plan.person.date_of_birth = TODAY + timedelta(days=1)
    assert validate(plan) == []


@pytest.mark.parametrize("email", ["robin", "robin@", "robin@example", "ro bin@example.org", "@x.org"])
def test_bad_email(email):
    plan = good_plan()
    plan.person.email = email
    assert only(plan).field == "person.email"


def test_care_episode_start_needed():
    plan = good_plan()
    plan.care_episodes[0].start = None
    assert only(plan).field == at(plan, "care_episodes", 0, "start")


def test_care_episode_before_birth():
    plan = good_plan()
    plan.care_episodes[0].start = DOB - timedelta(days=1)
    p = only(plan)
    assert p.field == at(plan, "care_episodes", 0, "start") and "birth" in p.message


@pytest.mark.parametrize("days", [0, -5])
def test_care_episode_end_must_be_after_start(days):
    plan = good_plan()
    ep = plan.care_episodes[0]
    ep.end = ep.start + timedelta(days=days)
    assert only(plan).field == at(plan, "care_episodes", 0, "end")


@pytest.mark.parametrize("home_type", [HomeType.OWN_TENANCY, HomeType.UNIVERSITY, HomeType.STAYING_PUT])
def test_care_episode_must_be_a_care_home(home_type):
    plan = good_plan()
    plan.care_episodes[1].home_type = home_type
    p = only(plan)
    assert p.field == at(plan, "care_episodes", 1, "home_type") and "is not a kind of home" in p.message


def test_overlapping_care_episodes():
    plan = good_plan()
    plan.care_episodes[1].start = date(2022, 5, 1)
    p = only(plan)
    assert p.field == at(plan, "care_episodes", 1, "start") and "overlaps the time at the home from 1 January 2020" in p.message


def test_overlap_names_the_later_episode_whatever_the_list_order():
    plan = good_plan()
    plan.care_episodes.reverse()  # open episode first in the list
    plan.care_episodes[0].start = date(2022, 5, 1)
    p = only(plan)
    assert p.field == at(plan, "care_episodes", 0, "start") and "overlaps the time at the home from 1 January 2020" in p.message


def test_relationship_name_needed():
    plan = good_plan()
    plan.relationships.append(Relationship(name=" "))
    assert only(plan).field == at(plan, "relationships", 1, "name")


def test_staying_put_checks():
    plan = good_plan()
    a = StayingPutAgreement(carers=[Carer(name="Mel")])
    plan.staying_put.agreements = [a]
    base = f"staying_put.agreements[{a.id}]"
    a.start, a.end = date(2026, 9, 3), date(2026, 9, 1)
    assert only(plan).field == f"{base}.end"
    a.start, a.end = date(2026, 9, 3), date(2029, 9, 4)  # a day after the 21st birthday
    p = only(plan)
    assert p.field == f"{base}.end" and "21st birthday" in p.message and "course" in p.message
    assert str(p).startswith("Staying Put — Agreement, version 1: ")  # names the part, in words
    a.end_basis = EndBasis.END_OF_COURSE  # a course that runs on allows it, once it is named
    assert only(plan).field == f"{base}.course"
    a.course = "BA (Hons) Illustration"
    assert validate(plan, TODAY) == []
    a.end_basis, a.course, a.end = EndBasis.TWENTY_FIRST_BIRTHDAY, "", date(2029, 9, 3)
    assert validate(plan, TODAY) == []
    a.carers.append(Carer(name=" "))
    p = only(plan)
    assert p.field == f"{base}.carers[{a.carers[1].id}].name" and p.message == "a carer needs a name"


def test_an_agreed_agreement_needs_who_signed_it_and_when():
    plan = good_plan()
    a = StayingPutAgreement(carers=[Carer(name="Mel")], status=AgreementStatus.AGREED)
    plan.staying_put.agreements = [a]
    base = f"staying_put.agreements[{a.id}]"
    assert sorted(fields(validate(plan, TODAY))) == [f"{base}.agreed_on", f"{base}.signatures"]
    a.agreed_on = date(2025, 9, 1)
    a.signatures = [Signature(Party.YOUNG_PERSON, "Robin Ash", date(2025, 9, 1))]
    assert validate(plan, TODAY) == []
    a.status = AgreementStatus.ENDED
    assert sorted(fields(validate(plan, TODAY))) == [f"{base}.end_reason", f"{base}.ended_on"]
    # only one version in force at a time, and version numbers are not shared
    a.status = AgreementStatus.AGREED
    b = StayingPutAgreement(carers=[Carer(name="Mel")], status=AgreementStatus.AGREED, agreed_on=date(2025, 10, 1),
                            signatures=[Signature(Party.YOUNG_PERSON, "Robin Ash")])
    plan.staying_put.agreements.append(b)
    assert {p.field for p in validate(plan, TODAY)} == {f"staying_put.agreements[{b.id}].version",
                                                         f"staying_put.agreements[{b.id}].status"}


def test_staying_close_checks():
    plan = good_plan()
    a = StayingCloseAgreement()
    plan.staying_close.agreements = [a]
    base = f"staying_close.agreements[{a.id}]"
    a.start, a.end = date(2026, 9, 3), date(2026, 8, 1)
    assert only(plan).field == f"{base}.end"
    a.end = date(2033, 9, 4)  # a day after the 25th birthday
    p = only(plan)
    assert p.field == f"{base}.end" and "25" in p.message
    a.end = date(2033, 9, 3)
    a.staff = [StayingCloseContact(name="Dee"), StayingCloseContact(name="")]
    assert only(plan).field == f"{base}.staff[{a.staff[1].id}].name"


def test_planned_move_before_current_home():
    plan = good_plan()
    plan.home.current_since = date(2025, 1, 1)
    plan.home.planned_move_date = date(2024, 12, 31)
    assert only(plan).field == "home.planned_move_date"
    plan.home.planned_move_date = date(2025, 1, 1)
    assert validate(plan, TODAY) == []


def test_education_end_before_start():
    plan = good_plan()
    plan.education.start, plan.education.expected_end = date(2025, 9, 1), date(2025, 8, 31)
    assert only(plan).field == "education.expected_end"


def test_action_needs_a_what():
    plan = good_plan()
    plan.area(Area.FINANCE).actions.append(Action(what="", who="PA"))
    p = only(plan)
    assert p.field == f"support_areas[finance].actions[{plan.area(Area.FINANCE).actions[0].id}].what"
    assert str(p) == "Support plan — Money: the action needs to say what will be done"


def test_same_support_area_twice():
    plan = good_plan()
    plan.support_areas.append(SupportArea(area=Area.HEALTH))
    assert only(plan).field == "support_areas"


def test_review_date_needed_and_not_in_the_future():
    plan = good_plan()
    plan.reviews.append(Review(held_on=None))
    assert only(plan).field == at(plan, "reviews", 1, "held_on")
    plan.reviews[1].held_on = TODAY + timedelta(days=1)
    p = only(plan)
    assert p.field == at(plan, "reviews", 1, "held_on") and "future" in p.message
    plan.reviews[1].held_on = TODAY
    assert validate(plan, TODAY) == []


def test_adviser_checks():
    plan = good_plan()
    plan.advisers.append(AdviserPeriod(name="", start=date(2025, 1, 1), end=date(2024, 1, 1)))
    assert fields(validate(plan, TODAY)) == [at(plan, "advisers", 1, "name"), at(plan, "advisers", 1, "end")]


def test_skill_not_on_the_checklist():
    plan = good_plan()
    plan.skills[3] = Skill(key="juggling")
    p = only(plan)
    assert p.field == at(plan, "skills", 3, "key") and "juggling" in p.message


def test_prompt_response_needs_a_rule():
    plan = good_plan()
    plan.prompt_responses.append(PromptResponse(rule_id=""))
    assert only(plan).field == at(plan, "prompt_responses", 0, "rule_id")


def test_negative_version():
    plan = good_plan()
    plan.version = -1
    assert only(plan).field == "version"


@pytest.mark.parametrize(
    "text, words",
    [("x" * (V.MAX_TEXT + 1), "too long"), ("a\x00b", "NUL"), ("a\ud800b", "surrogate")],
)
def test_bad_text_anywhere_is_found_with_its_path(text, words):
    plan = good_plan()
    plan.relationships[0].safety_notes = text
    p = only(plan)
    assert p.field == at(plan, "relationships", 0, "safety_notes") and words in p.message
    plan = good_plan()
    plan.area(Area.HEALTH).actions[0].who = text
    p = only(plan)
    assert p.field == f"support_areas[health].actions[{plan.area(Area.HEALTH).actions[0].id}].who"
    plan = good_plan()
    plan.person.about_me_own_words = text
    assert only(plan).field == "person.about_me_own_words"


def test_a_one_megabyte_note_is_kept():
    plan = good_plan()
    plan.contingency.plan = "x" * V.MAX_TEXT
    assert validate(plan, TODAY) == []


def test_shared_identifiers():
    plan = good_plan()
    plan.relationships.append(Relationship(name="Kim", id=plan.care_episodes[0].id))
    assert only(plan).field == "id"
    plan = good_plan()
    plan.area(Area.HEALTH).actions[0].id = plan.id
    assert only(plan).field == "id"


def test_several_problems_are_returned_at_once():
    plan = good_plan()
    plan.person.given_name = ""
    plan.person.email = "nope"
    plan.care_episodes[0].end = plan.care_episodes[0].start
    plan.relationships[0].name = ""
    plan.reviews[0].held_on = None
    plan.version = -3
    got = fields(validate(plan, TODAY))
    assert got == [
        "person.given_name", "person.email", at(plan, "care_episodes", 0, "end"),
        at(plan, "relationships", 0, "name"), at(plan, "reviews", 0, "held_on"), "version",
    ]
    err = ValidationError(validate(plan, TODAY))
    assert err.problems and len(str(err).splitlines()) == 6
    assert "People who matter: a person needs a name" in str(err)


def test_messages_name_the_place_in_the_catalogue_words_and_never_a_path():
    plan = good_plan()
    plan.care_episodes[0].home_name = "Oak House"
    plan.care_episodes[0].start = None
    plan.person.email = "nope"
    plan.advisers[0].end = date(2020, 1, 1)
    got = [str(p) for p in validate(plan, TODAY)]
    assert got == [
        "About me: “nope” does not look like an email address",
        "Care history — Oak House: the date they moved in is needed",
        "Adviser history — Jo: the end date is before the start date",
    ]
    for text in got:
        assert "[" not in text and "_" not in text


def test_problem_str_without_a_place_is_a_sentence():
    assert str(Problem("id", "two records in the plan share an identifier")) == "Two records in the plan share an identifier"


def test_identifiers_must_be_in_uuid_form():
    plan = good_plan()
    plan.relationships[0].id = "../../etc/passwd"
    p = only(plan)
    assert p.field == "id" and "../../etc/passwd" in p.message and "People who matter" in p.message
    plan = good_plan()
    plan.id = ""
    assert only(plan).field == "id"
    plan = good_plan()
    plan.care_episodes[0].id = "x" * 10_000
    assert len(str(only(plan))) < 300


def test_version_and_times_are_bounded():
    from datetime import datetime

    plan = good_plan()
    plan.version = V.MAX_VERSION + 1
    assert only(plan).field == "version"
    plan = good_plan()
    plan.updated_at = datetime(1, 1, 1, tzinfo=UTC)
    assert only(plan).field == "updated_at"
    plan = good_plan()
    plan.created_at = datetime(2026, 1, 1)  # no time zone
    assert "time zone" in only(plan).message


def test_a_date_of_birth_too_far_ahead_is_named_and_does_not_crash_the_checks():
    from datetime import date as _date

    from pathway_app.domain.model import Plan, StayingPut, StayingPutAgreement, YoungPerson
    from pathway_app.domain.validation import validate as _validate

    plan = Plan(person=YoungPerson(given_name="Ada", date_of_birth=_date(9999, 12, 1)))
    plan.staying_put = StayingPut(agreements=[StayingPutAgreement(end=_date(9999, 12, 31))])
    problems = _validate(plan)
    assert [p.field for p in problems if p.field == "person.date_of_birth"] == ["person.date_of_birth"]
    assert "after 2200" in str(problems[0])
