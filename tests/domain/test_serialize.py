"""Plain-dict conversion: exact round trips, and every decoding problem named by its path."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathway_app.domain import fieldpath
from pathway_app.domain.model import (
    Action,
    AdviserPeriod,
    CareEpisode,
    ImmigrationMatter,
    LifeStoryEntry,
    Plan,
    PromptResponse,
    Relationship,
    Review,
    StayingCloseAgreement,
    StayingCloseContact,
    YoungPerson,
)
from pathway_app.domain.serialize import DecodeError, from_dict, plan_from_dict, plan_to_dict, to_dict
from pathway_app.domain.vocab import (
    ActionStatus,
    Area,
    Closeness,
    ContactFrequency,
    Decision,
    HomeType,
    ImmigrationStatus,
    PromptAnswer,
    RelationshipStatus,
    SkillLevel,
    ThereAt25,
)


def rich_plan() -> Plan:
    plan = Plan(person=YoungPerson(given_name="ሰላም", family_name="Tesfay", preferred_name="Selam",
                                   date_of_birth=date(2008, 2, 29),
                                   about_me_own_words="I like football 😀 and ☕"),
                immigration=[ImmigrationMatter(status=ImmigrationStatus.ASYLUM_CLAIM_PENDING, since=date(2023, 5, 1))])
    plan.care_episodes = [CareEpisode(start=date(2023, 4, 1), end=date(2023, 4, 20), short_break=True),
                          CareEpisode(start=date(2024, 1, 5), home_type=HomeType.RESIDENTIAL)]
    plan.relationships = [Relationship(name="Abeba", closeness=Closeness.VERY_CLOSE,
                                       contact_frequency=ContactFrequency.RARELY,
                                       there_at_25=ThereAt25.MAYBE, status=RelationshipStatus.ENDED,
                                       contact_restrictions="Only supervised")]
    plan.education.year_round_housing = False
    plan.education.bursary = True
    plan.home.planned_type = HomeType.STAYING_CLOSE
    plan.home.planned_move_date = date(2026, 3, 1)
    plan.staying_put.decision = Decision.NOT_POSSIBLE
    plan.staying_close.agreements = [StayingCloseAgreement(staff=[StayingCloseContact(name="Dee", role="key worker")])]
    plan.health.gp_registered = True
    plan.money.local_offer_explained_on = date(2025, 11, 2)
    plan.skills[0].level = SkillLevel.CONFIDENT
    plan.life_story = [LifeStoryEntry(title="Arrived", when=date(2023, 3, 30))]
    plan.area(Area.FINANCE).actions = [Action(what="Open an account", by_when=date(2026, 2, 1),
                                              status=ActionStatus.IN_PROGRESS)]
    plan.reviews = [Review(held_on=date(2025, 10, 1))]
    plan.advisers = [AdviserPeriod(name="Jo", start=date(2025, 1, 1), end=date(2025, 6, 1),
                                   handover_notes="met together")]
    plan.prompt_responses = [PromptResponse(rule_id="M3", answer=PromptAnswer.LATER, until=date(2026, 5, 1),
                                            at=datetime(2026, 1, 2, 9, 30, tzinfo=UTC))]
    plan.needs_assessment_done_on = date(2024, 5, 1)
    plan.pa_support_to_25 = True
    plan.version = 7
    plan.created_at = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    plan.updated_at = datetime(2026, 1, 2, 9, 30, 15, tzinfo=UTC)
    return plan


def decode_problems(data) -> list[tuple[str, str]]:
    with pytest.raises(DecodeError) as exc:
        plan_from_dict(data)
    return exc.value.problems


def paths(data) -> list[str]:
    return [p for p, _m in decode_problems(data)]


def keyed(d, index_path: str) -> str:
    """The plan path (records by their key) of an index path ("relationships[0].name") in ``d``."""
    out, here, fid = "", d, ""
    for part in index_path.split("."):
        name, _b, index = part.partition("[")
        fid = f"{fid}.{name}" if fid else name
        here = here.get(name) if isinstance(here, dict) else None
        key = None
        if index:
            i = int(index.rstrip("]"))
            here = here[i]
            key = (fieldpath.record_key(fid, here) if isinstance(here, dict) else None) or fieldpath.position_key(i)
        out = fieldpath.child(out, name, key)
    return out


# --------------------------------------------------------------------------- round trips


def test_round_trip_is_exact():
    plan = rich_plan()
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_round_trip_through_json_text():
    plan = rich_plan()
    text = json.dumps(plan_to_dict(plan), ensure_ascii=False)
    assert plan_from_dict(json.loads(text)) == plan


def test_round_trip_of_a_new_plan():
    plan = Plan()
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_to_dict_writes_codes_iso_dates_and_utc_times():
    d = plan_to_dict(rich_plan())
    assert list(d)[:6] == ["person", "immigration", "children", "care_episodes", "orders", "relationships"]
    assert d["person"]["date_of_birth"] == "2008-02-29"
    assert d["person"]["date_of_birth_basis"] == "stated"
    assert d["immigration"][0]["status"] == "asylum_claim_pending"
    assert d["immigration"][0]["since"] == "2023-05-01"
    assert d["relationships"][0]["there_at_25"] == "maybe"
    assert d["home"]["planned_type"] == "staying_close"
    assert d["home"]["current_since"] is None
    assert d["updated_at"] == "2026-01-02T09:30:15Z"
    assert d["education"]["year_round_housing"] is False
    assert len(d["support_areas"]) == 10
    json.dumps(d)  # JSON-ready


def test_to_dict_turns_other_time_zones_into_utc():
    from datetime import timedelta

    plan = Plan()
    plan.created_at = datetime(2026, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert plan_to_dict(plan)["created_at"] == "2026-06-01T09:00:00Z"


text_st = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@given(name=text_st, notes=text_st, dob=st.one_of(st.none(), st.dates()),
       decision=st.sampled_from(list(Decision)), level=st.sampled_from(list(SkillLevel)),
       housing=st.sampled_from([None, True, False]))
def test_round_trip_property(name, notes, dob, decision, level, housing):
    plan = Plan(person=YoungPerson(given_name=name, date_of_birth=dob))
    plan.relationships = [Relationship(name=name, safety_notes=notes)]
    plan.staying_put.decision = decision
    plan.skills[-1].level = level
    plan.education.year_round_housing = housing
    assert plan_from_dict(json.loads(json.dumps(plan_to_dict(plan)))) == plan


def test_from_dict_reads_one_record():
    r = Relationship(name="Sam", closeness=Closeness.NOT_CLOSE)
    assert from_dict(Relationship, to_dict(r)) == r
    with pytest.raises(DecodeError) as exc:
        from_dict(Relationship, {**to_dict(r), "closeness": "distant"}, path=f"relationships[{r.id}]")
    assert exc.value.problems[0][0] == f"relationships[{r.id}].closeness"


# --------------------------------------------------------------------------- decoding problems


def test_missing_field():
    d = plan_to_dict(rich_plan())
    del d["person"]["given_name"]
    del d["relationships"][0]["there_at_25"]
    assert decode_problems(d) == [("person.given_name", "is missing"),
                                  (keyed(d, "relationships[0].there_at_25"), "is missing")]


def test_missing_top_level_field():
    d = plan_to_dict(rich_plan())
    del d["version"]
    assert paths(d) == ["version"]


def test_unknown_field():
    d = plan_to_dict(rich_plan())
    d["relationships"][0]["nickname"] = "Abi"
    d["shoe_size"] = 9
    probs = decode_problems(d)
    assert (keyed(d, "relationships[0].nickname"), "is not a field this version knows") in probs
    assert ("shoe_size", "is not a field this version knows") in probs
    assert len(probs) == 2


def test_bad_enum_lists_the_allowed_codes():
    d = plan_to_dict(rich_plan())
    d["relationships"][0]["there_at_25"] = "perhaps"
    [(path, msg)] = decode_problems(d)
    assert path == keyed(d, "relationships[0].there_at_25")
    assert "'perhaps'" in msg and "yes, maybe, no, not_asked" in msg


def test_enum_by_label_not_code_is_refused():
    d = plan_to_dict(rich_plan())
    d["care_episodes"][1]["home_type"] = "Children's home"
    assert paths(d) == [keyed(d, "care_episodes[1].home_type")]


def test_enum_of_the_wrong_type():
    d = plan_to_dict(rich_plan())
    d["staying_put"]["decision"] = ["agreed"]
    d["person"]["parenting"] = 1
    assert paths(d) == ["person.parenting", "staying_put.decision"]


@pytest.mark.parametrize("value, words", [
    ("2026-02-30", "is not a real date"),
    ("2025-02-29", "is not a real date"),
    ("2026-13-01", "is not a real date"),
    ("31/01/2026", "should be a date like"),
    ("2026-1-31", "should be a date like"),
    ("20260131", "should be a date like"),
    ("2026-W05-6", "should be a date like"),  # an ISO week date is not what the format means
    ("2026-01-31T00:00:00", "should be a date like"),
    (20260131, "should be a date like"),
    (True, "should be a date like"),
])
def test_bad_dates(value, words):
    d = plan_to_dict(rich_plan())
    d["home"]["planned_move_date"] = value
    [(path, msg)] = decode_problems(d)
    assert path == "home.planned_move_date" and words in msg


def test_leap_day_is_a_real_date():
    d = plan_to_dict(rich_plan())
    assert plan_from_dict(d).person.date_of_birth == date(2008, 2, 29)


@pytest.mark.parametrize("value, ok", [
    ("2026-01-02T09:30:00Z", datetime(2026, 1, 2, 9, 30, tzinfo=UTC)),
    ("2026-01-02T10:30:00+01:00", datetime(2026, 1, 2, 9, 30, tzinfo=UTC)),
    ("2026-01-02T09:30:00", None),  # no time zone: refused, not guessed
    ("2026-02-30T09:30:00Z", None),
    ("yesterday", None),
    (1767346200, None),
])
def test_datetimes(value, ok):
    d = plan_to_dict(rich_plan())
    d["updated_at"] = value
    if ok is None:
        assert paths(d) == ["updated_at"]
    else:
        got = plan_from_dict(d).updated_at
        assert got == ok and got.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("where, value, words", [
    (("person", "given_name"), 42, "should be text"),
    (("person", "given_name"), None, "null is not allowed"),
    (("person", "youth_justice"), "yes", "should be true or false"),
    (("person", "youth_justice"), 1, "should be true or false"),
    (("education", "year_round_housing"), "no", "should be true or false"),
    (("version",), "3", "should be a whole number"),
    (("version",), True, "should be a whole number"),
    (("version",), 2.5, "should be a whole number"),
    (("relationships",), {"name": "Sam"}, "should be a list"),
    (("person",), ["Selam"], "should be an object"),
    (("relationships", 0), "Abeba", "should be an object"),
    (("relationships", 0, "closeness"), None, "null is not allowed"),
    (("care_episodes", 0, "short_break"), None, "null is not allowed"),
])
def test_wrong_types(where, value, words):
    d = plan_to_dict(rich_plan())
    target = d
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    expected = keyed(d, "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in where).lstrip("."))
    [(path, msg)] = decode_problems(d)
    assert path == expected and words in msg


def test_a_null_optional_value_is_fine():
    d = plan_to_dict(rich_plan())
    d["education"]["year_round_housing"] = None
    d["care_episodes"][1]["end"] = None
    d["home"]["planned_type"] = None
    plan = plan_from_dict(d)
    assert plan.education.year_round_housing is None and plan.home.planned_type is None


def test_not_an_object_at_all():
    assert decode_problems(["not", "a", "plan"]) == [("(top)", "should be an object")]
    assert paths("plan") == ["(top)"]


@pytest.mark.parametrize("bad, words", [("a\ud83db", "surrogate"), ("\udfff", "surrogate"),
                                        ("a\x00b", "NUL")])
def test_broken_text(bad, words):
    d = plan_to_dict(rich_plan())
    d["relationships"][0]["contact_restrictions"] = bad
    [(path, msg)] = decode_problems(d)
    assert path == keyed(d, "relationships[0].contact_restrictions") and words in msg


def test_lone_surrogate_from_json_text():
    d = plan_to_dict(rich_plan())
    text = json.dumps(d).replace('"Abeba"', '"Abe\\ud800ba"')
    assert paths(json.loads(text)) == [keyed(d, "relationships[0].name")]


def test_a_proper_surrogate_pair_in_json_is_fine():
    d = plan_to_dict(rich_plan())
    text = json.dumps(d).replace('"Abeba"', '"Abeba \\ud83d\\ude00"')
    assert plan_from_dict(json.loads(text)).relationships[0].name == "Abeba 😀"


def test_every_problem_is_reported_at_once():
    d = plan_to_dict(rich_plan())
    d["person"]["date_of_birth"] = "2026-02-30"
    del d["person"]["pronouns"]
    d["relationships"][0]["closeness"] = "besties"
    d["support_areas"][7]["actions"][0]["status"] = "finished"
    d["support_areas"][7]["actions"][0]["by_when"] = 5
    d["reviews"][0]["mood"] = "good"
    d["advisers"][0]["name"] = "Jo\x00"
    got = paths(d)
    assert sorted(got) == sorted([
        "person.pronouns", "person.date_of_birth", keyed(d, "relationships[0].closeness"),
        keyed(d, "support_areas[7].actions[0].by_when"), keyed(d, "support_areas[7].actions[0].status"),
        keyed(d, "reviews[0].mood"), keyed(d, "advisers[0].name"),
    ])
    err = DecodeError(decode_problems(d))
    assert "person.date_of_birth" in str(err) and keyed(d, "reviews[0].mood") in str(err)


def test_decoding_does_not_change_its_input():
    d = plan_to_dict(rich_plan())
    before = copy.deepcopy(d)
    plan_from_dict(d)
    assert d == before
