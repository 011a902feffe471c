"""The demo young people: the required kinds are there, every plan is valid, ids are fixed."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathway_app import cli
from pathway_app.commands import demo as demo_command
from pathway_app.demo import DEMO_KEYS, demo_ids, demo_plans, stable_id
from pathway_app.domain import dates as D
from pathway_app.domain.dates import Category, age_on, birthday
from pathway_app.domain.model import Plan
from pathway_app.domain.serialize import plan_from_dict, plan_to_dict
from pathway_app.domain.summary import PlanSummary
from pathway_app.domain.validation import validate
from pathway_app.domain.vocab import (
    RARE_CONTACT,
    AgreementStatus,
    Decision,
    EetStatus,
    HomeType,
    ImmigrationStatus,
    Parenting,
    RelationshipStatus,
    RelationshipType,
    ThereAt25,
)
from pathway_app.errors import NotFound

TODAY = date(2026, 1, 20)
TODAYS = [TODAY, date(2024, 2, 29), date(2025, 2, 28), date(2025, 3, 1), date(2027, 8, 31), date(2031, 12, 31)]


def age(plan: Plan, today: date) -> int:
    assert plan.person.date_of_birth is not None
    return age_on(plan.person.date_of_birth, today)


def open_episode(plan: Plan):
    eps = [e for e in plan.care_episodes if e.end is None]
    return eps[0] if eps else None


def the_one(plans: list[Plan], what: str, pred) -> Plan:
    found = [p for p in plans if pred(p)]
    assert found, f"no demo young person is {what}"
    return found[0]


def is_latin_letters(s: str) -> bool:
    return bool(s) and all(c == " " or c == "-" or "LATIN" in unicodedata.name(c, "") for c in s)


def has_script(s: str, scripts=("ETHIOPIC", "ARABIC")) -> bool:
    return any(any(sc in unicodedata.name(c, "") for sc in scripts) for c in s)


# --------------------------------------------------------------------------- the six kinds


@pytest.mark.parametrize("today", TODAYS)
def test_the_six_required_young_people_are_there(today):
    plans = demo_plans(today)
    assert len(plans) >= 6

    a = the_one(plans, "17 in foster care with no Staying Put decision", lambda p: (
        age(p, today) == 17 and p.home.current_type is HomeType.FOSTER
        and p.staying_put.decision is Decision.NOT_DISCUSSED
        and open_episode(p) is not None and open_episode(p).home_type is HomeType.FOSTER))
    assert D.care_leaver_category(a, today).category is Category.ELIGIBLE

    b = the_one(plans, "about to leave a children's home", lambda p: (
        p.home.current_type is HomeType.RESIDENTIAL and age(p, today) == 17
        and p.home.planned_move_date is not None
        and today <= p.home.planned_move_date <= today + timedelta(days=92)))
    assert b.staying_close.decision is Decision.DISCUSSING
    plan_close = b.staying_close.current()
    assert len(plan_close.staff) == 2 and plan_close.come_back_meals and plan_close.come_back_hard_times
    assert any(r.relationship_type is RelationshipType.RESIDENTIAL_KEY_WORKER for r in b.relationships)
    assert open_episode(b).home_type is HomeType.RESIDENTIAL

    c = the_one(plans, "17 in semi-independent accommodation", lambda p: (
        age(p, today) == 17 and p.home.current_type is HomeType.SEMI_INDEPENDENT))
    assert open_episode(c).home_type is HomeType.SEMI_INDEPENDENT

    d = the_one(plans, "a 21-year-old university student without year-round housing", lambda p: (
        age(p, today) == 21 and p.education.status is EetStatus.UNIVERSITY
        and p.education.year_round_housing is None))
    assert D.care_leaver_category(d, today).category is Category.FORMER_RELEVANT

    e = the_one(plans, "seeking asylum with a name in a non-Latin script", lambda p: (
        any(m.status is ImmigrationStatus.ASYLUM_CLAIM_PENDING and m.current_on(today) for m in p.immigration)))
    assert has_script(e.person.given_name) and not is_latin_letters(e.person.given_name)
    assert is_latin_letters(e.person.preferred_name)
    assert e.person.display_name.startswith(e.person.preferred_name)

    f = the_one(plans, "a young parent", lambda p: p.person.parenting is Parenting.PARENT)
    assert f.person.parenting_notes

    assert len({id(x) for x in (a, b, c, d, e, f)}) == 6  # six different young people


def test_the_extra_young_people():
    plans = demo_plans(TODAY)
    sp = the_one(plans, "in Staying Put", lambda p: p.staying_put.decision is Decision.AGREED
                 and p.home.current_type is HomeType.STAYING_PUT)
    assert D.staying_put_end(sp) == birthday(sp.person.date_of_birth, 21)
    agreed = sp.staying_put.in_force()
    assert agreed is not None and len(agreed.carers) == 2 and agreed.signatures
    the_one(plans, "whose Staying Put has ended", lambda p: p.staying_put.latest() is not None
            and p.staying_put.latest().status is AgreementStatus.ENDED)
    the_one(plans, "in kinship care", lambda p: p.home.current_type is HomeType.KINSHIP
            and open_episode(p) is not None and open_episode(p).home_type is HomeType.KINSHIP)


def test_categories_at_a_fixed_day():
    got = {p.person.display_name: D.care_leaver_category(p, TODAY).category for p in demo_plans(TODAY)}
    assert got == {
        "Kayla Brennan": Category.ELIGIBLE, "Reece Tanner": Category.ELIGIBLE, "Nadia Hussain": Category.ELIGIBLE,
        "Callum Price": Category.FORMER_RELEVANT, "Dawit Tekle": Category.ELIGIBLE,
        "Shannon Murphy": Category.FORMER_RELEVANT, "Tom Whitfield": Category.FORMER_RELEVANT,
        "Mia Lawson": Category.ELIGIBLE,
    }


# --------------------------------------------------------------------------- valid, whenever loaded


@pytest.mark.parametrize("today", TODAYS)
def test_every_demo_plan_validates(today):
    for plan in demo_plans(today):
        assert validate(plan, today) == [], plan.person.display_name


@settings(max_examples=40, deadline=None)
@given(today=st.dates(min_value=date(2015, 1, 1), max_value=date(2045, 12, 31)))
def test_every_demo_plan_validates_on_any_day(today):
    for plan in demo_plans(today):
        assert validate(plan, today) == [], (plan.person.display_name, today)
    # ages stay the same whatever day it is
    ages = [age(p, today) for p in demo_plans(today)]
    assert ages == [17, 17, 17, 21, 17, 19, 18, 16]


def test_nothing_recorded_as_happening_later_than_today_that_cannot():
    for plan in demo_plans(TODAY):
        assert all(e.start <= TODAY for e in plan.care_episodes)
        assert all(r.held_on <= TODAY for r in plan.reviews)
        assert all(a.start is None or a.start <= TODAY for a in plan.advisers)
        for when in (plan.needs_assessment_done_on, plan.plan_agreed_on, plan.review_requested_on):
            assert when is None or when <= TODAY


# --------------------------------------------------------------------------- identifiers


def all_ids(plan: Plan) -> list[str]:
    ids = [plan.id]
    for lst in (plan.care_episodes, plan.relationships, plan.life_story, plan.reviews, plan.advisers,
                plan.prompt_responses, plan.skills, plan.sharing):
        ids.extend(x.id for x in lst)
    for a in (*plan.staying_put.agreements, *plan.staying_close.agreements):
        ids.append(a.id)
        for name in ("carers", "house_rules", "staff", "signatures"):
            ids.extend(x.id for x in getattr(a, name, ()))
    for sa in plan.support_areas:
        ids.extend(a.id for a in sa.actions)
    return ids


def test_ids_are_stable_across_calls_and_days():
    first = [all_ids(p) for p in demo_plans(TODAY)]
    again = [all_ids(p) for p in demo_plans(TODAY)]
    later = [all_ids(p) for p in demo_plans(TODAY + timedelta(days=500))]
    assert first == again == later
    assert [p.id for p in demo_plans(TODAY)] == demo_ids()


def test_ids_are_uuid5_from_the_fixed_namespace_and_unique():
    ids = [i for p in demo_plans(TODAY) for i in all_ids(p)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i) for i in ids)
    assert stable_id(DEMO_KEYS[0], "plan") == demo_plans(TODAY)[0].id


def test_each_call_gives_fresh_objects():
    one, two = demo_plans(TODAY), demo_plans(TODAY)
    one[0].person.given_name = "Changed"
    assert two[0].person.given_name != "Changed"


# --------------------------------------------------------------------------- rich enough to show the app


def test_people_who_matter_cover_the_cases_the_app_handles():
    rels = [r for p in demo_plans(TODAY) for r in p.relationships]
    assert any(r.status is RelationshipStatus.ENDED for r in rels)
    assert any(r.relationship_type is RelationshipType.SIBLING and r.contact_frequency in RARE_CONTACT for r in rels)
    assert {ThereAt25.YES, ThereAt25.MAYBE, ThereAt25.NO, ThereAt25.NOT_ASKED} <= {r.there_at_25 for r in rels}
    assert any(r.relationship_type is RelationshipType.PARENT and r.contact_restrictions and r.safety_notes
               for r in rels)
    assert all(r.name and r.contact_means is not None for r in rels)


def test_care_histories_include_the_tricky_shapes():
    plans = demo_plans(TODAY)

    def straddles_14(p: Plan) -> bool:
        d14 = birthday(p.person.date_of_birth, 14)
        return any(e.start < d14 and (e.end is None or e.end > d14) for e in p.care_episodes)

    def has_gap(p: Plan) -> bool:
        eps = sorted(p.care_episodes, key=lambda e: e.start)
        return any(a.end is not None and b.start > a.end for a, b in zip(eps, eps[1:]))

    assert any(straddles_14(p) for p in plans)
    assert any(e.short_break for p in plans for e in p.care_episodes)
    assert any(has_gap(p) for p in plans)


def test_every_plan_has_all_ten_areas_with_words_and_some_actions():
    for plan in demo_plans(TODAY):
        assert len(plan.support_areas) == 10
        filled = [sa for sa in plan.support_areas if sa.own_words or sa.assessment]
        assert len(filled) >= 9, plan.person.display_name
        actions = plan.all_actions()
        assert actions, plan.person.display_name
        assert all(a.who and a.by_when for _area, a in actions)
        assert plan.reviews and plan.advisers and plan.life_story and plan.contingency.plan
        assert plan.identity.own_words or plan.identity.recorded_with_young_person
        assert any(s.level.value != "not_started" for s in plan.skills)
    assert any(a.handover_notes for p in demo_plans(TODAY) for a in p.advisers if a.end is not None)
    assert {s.status.value for p in demo_plans(TODAY) for _a, s in p.all_actions()} >= {"not_started", "in_progress"}


def test_demo_plans_round_trip_through_the_interchange_dict():
    for plan in demo_plans(TODAY):
        assert plan_from_dict(json.loads(json.dumps(plan_to_dict(plan), ensure_ascii=False))) == plan


def test_summary_rows_agree_with_the_plans():
    for plan in demo_plans(TODAY):
        s = PlanSummary.of(plan, TODAY)
        later = TODAY + timedelta(days=120)
        if open_episode(plan) is not None:
            assert s.category(later) == D.care_leaver_category(plan, later)
        assert s.next_due(TODAY) == D.next_due(plan, TODAY)


_WORDS_TO_AVOID = re.compile(r"\b(placements?|cases?|caseworkers?)\b", re.IGNORECASE)


def _texts(obj):
    import dataclasses

    if isinstance(obj, str):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _texts(getattr(obj, f.name))
    elif isinstance(obj, list):
        for x in obj:
            yield from _texts(x)


def test_demo_text_says_home_not_placement_and_never_case():
    bad = [t for p in demo_plans(TODAY) for t in _texts(p) if _WORDS_TO_AVOID.search(t)]
    assert bad == []


def test_the_language_check_can_fail():
    assert _WORDS_TO_AVOID.search("her last Placement ended")
    assert not _WORDS_TO_AVOID.search("a showcase of her art")


# --------------------------------------------------------------------------- the command


class FakeStore:
    def __init__(self):
        self.plans: dict[str, Plan] = {}
        self.saved: list[tuple[str, int, date]] = []

    def load(self, plan_id: str) -> Plan:
        if plan_id not in self.plans:
            raise NotFound(plan_id)
        return plan_from_dict(plan_to_dict(self.plans[plan_id]))

    def save(self, plan: Plan, today: date | None = None) -> None:
        current = self.plans.get(plan.id)
        assert (current.version if current else 0) == plan.version, "stale save"
        self.saved.append((plan.id, plan.version, today))
        plan.version += 1
        self.plans[plan.id] = plan_from_dict(plan_to_dict(plan))


class FakeCtx:
    def __init__(self, store, as_json=False, today=TODAY):
        self._store, self.as_json, self.today = store, as_json, today
        self.out: list[str] = []
        self.json = None

    def store(self):
        return self._store

    def print(self, text=""):
        self.out.append(text)

    def print_json(self, obj):
        self.json = obj


def test_command_adds_then_updates_without_copies():
    store = FakeStore()
    ctx = FakeCtx(store)
    assert demo_command.run(SimpleNamespace(), ctx) == 0
    assert sorted(store.plans) == sorted(demo_ids())
    assert "8 added, 0 updated" in ctx.out[0]
    assert any("Dawit Tekle" in line for line in ctx.out)
    store.plans[demo_ids()[0]].person.about_me_own_words = "edited in the app"
    ctx2 = FakeCtx(store, as_json=True, today=TODAY + timedelta(days=30))
    assert demo_command.run(SimpleNamespace(), ctx2) == 0
    assert len(store.plans) == len(demo_ids())
    assert all(p.version == 2 for p in store.plans.values())
    assert [v for _i, v, _t in store.saved[len(demo_ids()):]] == [1] * len(demo_ids())
    assert all(t == TODAY + timedelta(days=30) for _i, _v, t in store.saved[len(demo_ids()):])
    assert ctx2.json == [{"id": p.id, "name": p.person.display_name} for p in demo_plans(TODAY)]


def test_command_through_the_cli_with_the_real_store(tmp_path, capsys):
    args = ["demo", "--data-dir", str(tmp_path), "--unencrypted", "--today", "2026-01-20", "--json"]
    assert cli.main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert cli.main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert first == second and [r["id"] for r in first] == demo_ids()
    assert {r["name"] for r in first} >= {"Dawit Tekle", "Kayla Brennan"}

    from pathway_app.store import open_store

    store = open_store(data_dir=str(tmp_path), create_unencrypted=True)
    try:
        summaries = store.summaries()
        assert sorted(s.id for s in summaries) == sorted(demo_ids())
        assert all(s.version == 2 for s in summaries)
        dawit = store.load(stable_id("dawit-tekle", "plan"))
        assert dawit.person.given_name == "ዳዊት"
    finally:
        store.close()


def test_command_text_output(tmp_path, capsys):
    assert cli.main(["demo", "--data-dir", str(tmp_path), "--unencrypted"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demo young people: 8 added, 0 updated.")
    assert "Shannon Murphy" in out
