"""Every rule: a plan that raises it and a close plan that does not (cases in cases.py)."""

from __future__ import annotations

import re

import pytest

from pathway_app.domain.guidance import evaluate, load_rules
from pathway_app.domain.guidance.predicates import AREA_ORDER
from pathway_app.domain.guidance.rules import BANNED_WORDS
from pathway_app.domain.vocab import Area

from .builders import TODAY, complete_plan
from .cases import CASES

RULES = load_rules()
RULE_IDS = [r.id for r in RULES]


def _ids(plan, today):
    return [p.rule_id for p in evaluate(plan, today)]


def _of_rule(ids, rule_id):
    return [i for i in ids if i == rule_id or i.startswith(rule_id + ":")]


def test_every_rule_has_a_case_and_every_case_a_rule():
    assert set(CASES) == set(RULE_IDS)


def test_the_complete_plan_raises_nothing():
    assert _ids(complete_plan(), TODAY) == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_raises(rule_id):
    case = CASES[rule_id]
    plan = complete_plan()
    case.raises(plan)
    ids = _ids(plan, case.raises_on)
    assert (case.expect or rule_id) in ids, f"{rule_id} not raised; raised: {ids}"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_close_plan_does_not_raise(rule_id):
    case = CASES[rule_id]
    plan = complete_plan()
    case.quiet(plan)
    ids = _ids(plan, case.quiet_on)
    assert _of_rule(ids, rule_id) == [], f"{rule_id} raised for the close plan ({case.notes})"


def test_every_research_message_has_a_rule():
    messages = {r.message for r in RULES if r.message}
    assert messages == {f"M{i}" for i in range(1, 27)}


def test_statutory_checks_are_present():
    ids = set(RULE_IDS)
    assert {
        "S-needs-assessment-overdue",
        "S-review-overdue",
        "S-review-due-soon",
        "S-area-no-actions",
        "S-area-actions-incomplete",
        "S-no-contingency",
        "S-home-arrangement-ending",
        "S-support-after-21",
    } <= ids
    assert all(r.message == "" for r in RULES if r.id.startswith("S-"))


def test_rule_areas_are_plan_areas():
    for r in RULES:
        assert r.area in AREA_ORDER or (r.for_each and r.area == "each"), r.id


def test_own_voice_is_raised_per_area():
    from pathway_app.domain.model import Plan

    ids = _ids(Plan(), TODAY)
    assert {i for i in ids if i.startswith("M21-own-voice:")} == {f"M21-own-voice:{a}" for a in AREA_ORDER}


def test_area_actions_missing_who_or_by_when():
    from datetime import date

    from pathway_app.domain.model import Action

    plan = complete_plan()
    plan.area(Area.HEALTH).actions.append(Action(what="Dentist", who="Kai"))  # no date
    plan.area(Area.SKILLS).actions.append(Action(what="Cooking course", by_when=date(2026, 9, 1)))  # no one
    ids = _ids(plan, TODAY)
    assert "S-area-actions-incomplete:health" in ids
    assert "S-area-actions-incomplete:skills" in ids
    assert "S-area-actions-incomplete:finance" not in ids


def test_wording_with_area_is_filled_in():
    plan = complete_plan()
    plan.area(Area.EDUCATION).own_words = ""
    (p,) = [p for p in evaluate(plan, TODAY) if p.rule_id == "M21-own-voice:education"]
    assert "{area}" not in p.practitioner_text and "Education and training" in p.practitioner_text
    assert "My learning" in p.young_person_text
    assert p.area == "education"


WORD = re.compile(r"\b(placements?|cases?)\b", re.IGNORECASE)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_wording_never_says_placement_or_case(rule_id):
    (rule,) = [r for r in RULES if r.id == rule_id]
    assert not WORD.search(rule.young_person_text)
    assert not WORD.search(rule.practitioner_text)
    for a in rule.suggested_actions:
        assert not WORD.search(a)


def test_the_language_check_has_word_boundaries():
    assert BANNED_WORDS.search("your placement") and BANNED_WORDS.search("a Case")
    assert not BANNED_WORDS.search("bookcase") and not BANNED_WORDS.search("showcased")


def test_young_person_wording_is_first_person_and_plain():
    for r in RULES:
        text = r.young_person_text
        assert re.search(r"\b(you|your|you're|I|my|me)\b", text), r.id
        assert len(text) <= 200, r.id


def test_raised_prompts_carry_citation_and_actions():
    from pathway_app.domain.model import Plan

    for p in evaluate(Plan(), TODAY):
        assert p.citation and p.suggested_actions and p.fingerprint, p.rule_id


def test_staying_put_with_the_foster_carers_is_not_a_move():
    """Dawit (demo) plans to Stay Put with the Berhes: nobody is left behind, so no prompt should
    ask how he keeps in touch with the carers he lives with, or where he goes if the move fails."""
    from datetime import date

    from pathway_app.domain.vocab import HomeType

    from .cases import _move, _rel

    plan = complete_plan()
    assert plan.home.current_type is HomeType.FOSTER
    _move(HomeType.STAYING_PUT, None)(plan)
    _rel("Pat", keep_in_touch_plan="")(plan)
    plan.contingency.fallback_home = ""
    ids = _ids(plan, TODAY)
    assert _of_rule(ids, "M2-move-keep-carers") == [] and _of_rule(ids, "M12-no-fallback") == []
    _move(HomeType.SUPPORTED_LODGINGS, date(2026, 9, 1))(plan)  # a real move still raises both
    ids = _ids(plan, TODAY)
    assert _of_rule(ids, "M2-move-keep-carers") and _of_rule(ids, "M12-no-fallback")
