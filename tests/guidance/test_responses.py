"""Responses to prompts: done hides, a change to the plan raises it again, later until a date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pathway_app.domain.guidance import ResponseError, considered, count_open, evaluate, respond
from pathway_app.domain.model import PromptResponse
from pathway_app.domain.vocab import ContactFrequency, PromptAnswer, ThereAt25

from .builders import TODAY, complete_plan, rel

AT = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def _plan_with_sibling_prompt():
    plan = complete_plan()
    rel(plan, "Jade").contact_frequency = ContactFrequency.RARELY
    return plan


def _prompt(plan, rule_id, today=TODAY, **kw):
    return next(p for p in evaluate(plan, today, **kw) if p.rule_id == rule_id)


def _ids(plan, today=TODAY, **kw):
    return [p.rule_id for p in evaluate(plan, today, **kw)]


def test_done_hides_the_prompt():
    plan = _plan_with_sibling_prompt()
    p = _prompt(plan, "M3-sibling-contact")
    assert count_open(plan, TODAY) == 1
    resp = respond(plan, p, "done", "Talked with Kai; Jade is away at university", "Ravi", AT)
    assert plan.prompt_responses == [resp]
    assert resp.fingerprint == p.fingerprint and resp.answer is PromptAnswer.DONE
    assert "M3-sibling-contact" not in _ids(plan)
    assert count_open(plan, TODAY) == 0


def test_a_change_to_what_the_rule_looked_at_raises_it_again():
    plan = _plan_with_sibling_prompt()
    respond(plan, _prompt(plan, "M3-sibling-contact"), PromptAnswer.DONE, "", "Ravi", AT)
    rel(plan, "Jade").contact_frequency = ContactFrequency.NONE  # still rare, but changed
    again = _prompt(plan, "M3-sibling-contact")
    assert again.response is not None and again.response.answer is PromptAnswer.DONE
    assert again.fingerprint != again.response.fingerprint


def test_a_change_elsewhere_does_not_raise_it_again():
    plan = _plan_with_sibling_prompt()
    respond(plan, _prompt(plan, "M3-sibling-contact"), PromptAnswer.DONE, "", "Ravi", AT)
    rel(plan, "Jade").phone = "07700 900123"
    plan.education.course = "Catering L3"
    rel(plan, "Mum").there_at_25 = ThereAt25.MAYBE
    assert "M3-sibling-contact" not in _ids(plan)


def test_rewording_free_text_does_not_raise_it_again_but_emptying_it_does():
    plan = complete_plan()
    plan.health.emotional_wellbeing = ""
    respond(plan, _prompt(plan, "M19-emotional-wellbeing"), "done", "", "Ravi", AT)
    plan.health.physical = "Well; asthma reviewed"  # still recorded: same fingerprint
    assert "M19-emotional-wellbeing" not in _ids(plan)
    plan.health.physical = ""
    plan.health.services = ""
    plan.health.gp_registered = False  # the facts changed, and the rule still holds
    assert "M19-emotional-wellbeing" in _ids(plan)


def test_not_relevant_needs_a_reason():
    plan = _plan_with_sibling_prompt()
    p = _prompt(plan, "M3-sibling-contact")
    with pytest.raises(ResponseError, match="why"):
        respond(plan, p, "not relevant", "  ", "Ravi", AT)
    assert plan.prompt_responses == []
    respond(plan, p, "not relevant", "Court order: no contact for now", "Ravi", AT)
    assert "M3-sibling-contact" not in _ids(plan)


def test_later_hides_until_the_date():
    plan = _plan_with_sibling_prompt()
    p = _prompt(plan, "M3-sibling-contact")
    until = date(2026, 7, 1)
    respond(plan, p, "later", "After exams", "Ravi", AT, until=until)
    assert "M3-sibling-contact" not in _ids(plan, until - timedelta(days=1))
    back = _prompt(plan, "M3-sibling-contact", until)
    assert back.response.answer is PromptAnswer.LATER and back.response.until == until


@pytest.mark.parametrize("until", [None, TODAY, TODAY - timedelta(days=3)])
def test_later_needs_a_date_after_today(until):
    plan = _plan_with_sibling_prompt()
    with pytest.raises(ResponseError):
        respond(plan, _prompt(plan, "M3-sibling-contact"), "later", "", "Ravi", AT, until=until, today=TODAY)


def test_respond_checks_who_and_the_answer():
    plan = _plan_with_sibling_prompt()
    p = _prompt(plan, "M3-sibling-contact")
    with pytest.raises(ResponseError):
        respond(plan, p, "done", "", "", AT)
    with pytest.raises(ResponseError):
        respond(plan, p, "maybe", "", "Ravi", AT)
    with pytest.raises(ResponseError):
        respond(plan, p, "done", "", "Ravi", datetime(2026, 6, 1, 10, 0))  # no time zone
    with pytest.raises(ResponseError):
        respond(plan, p, "done", "", "Ravi", AT, until=date(2026, 7, 1))
    assert plan.prompt_responses == []


def test_the_latest_response_counts():
    plan = _plan_with_sibling_prompt()
    p = _prompt(plan, "M3-sibling-contact")
    respond(plan, p, "done", "", "Ravi", AT)
    respond(plan, p, "later", "Revisit", "Ravi", AT + timedelta(hours=1), until=date(2026, 6, 10))
    assert "M3-sibling-contact" not in _ids(plan, date(2026, 6, 9))
    assert "M3-sibling-contact" in _ids(plan, date(2026, 6, 10))
    # an older response added afterwards (e.g. from an import) does not win
    plan.prompt_responses.append(
        PromptResponse(rule_id=p.rule_id, answer=PromptAnswer.DONE, by="X", at=AT - timedelta(days=1), fingerprint=p.fingerprint)
    )
    assert "M3-sibling-contact" in _ids(plan, date(2026, 6, 10))


def test_include_answered_lists_hidden_prompts_with_their_response():
    plan = _plan_with_sibling_prompt()
    respond(plan, _prompt(plan, "M3-sibling-contact"), "done", "Planned visits", "Ravi", AT)
    (p,) = evaluate(plan, TODAY, include_answered=True)
    assert p.rule_id == "M3-sibling-contact" and p.response.note == "Planned visits"


def test_per_area_prompts_are_answered_one_by_one():
    plan = complete_plan()
    plan.area("education").own_words = ""
    plan.area("health").own_words = ""
    p = _prompt(plan, "M21-own-voice:education")
    respond(plan, p, "done", "", "Ravi", AT)
    assert _ids(plan) == ["M21-own-voice:health"]


def test_considered_lists_raised_and_answered_prompts():
    plan = _plan_with_sibling_prompt()
    plan.health.emotional_wellbeing = ""
    respond(plan, _prompt(plan, "M3-sibling-contact"), "done", "Monthly visits agreed", "Ravi", AT)
    rel(plan, "Jade").keep_in_touch_plan = "Monthly visits, travel paid"  # the rule no longer holds
    got = {p.rule_id: p for p in considered(plan, TODAY)}
    assert set(got) == {"M3-sibling-contact", "M19-emotional-wellbeing"}
    assert got["M3-sibling-contact"].response.note == "Monthly visits agreed"
    assert got["M3-sibling-contact"].citation.startswith("Making not Breaking")
    assert got["M19-emotional-wellbeing"].response is None


def test_considered_keeps_responses_to_rules_no_longer_in_use():
    plan = complete_plan()
    plan.prompt_responses.append(PromptResponse(rule_id="OLD-rule", note="kept", by="Ravi", at=AT))
    (p,) = considered(plan, TODAY)
    assert p.rule_id == "OLD-rule" and p.response.note == "kept"


def test_evaluate_is_pure():
    from pathway_app.domain.model import Plan
    from pathway_app.domain.serialize import plan_to_dict

    for plan in (complete_plan(), Plan(support_areas=[])):
        before = plan_to_dict(plan)
        evaluate(plan, TODAY)
        considered(plan, TODAY)
        assert plan_to_dict(plan) == before
