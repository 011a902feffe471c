"""The "Who will be there at 25?" question flow."""

from __future__ import annotations

import re

import pytest

from pathway_app.domain.guidance import evaluate
from pathway_app.domain.guidance.at25 import ANYONE_ELSE, add_person, apply_answer, at25_questions, suggestions
from pathway_app.domain.model import Plan, Relationship
from pathway_app.domain.vocab import RelationshipStatus, RelationshipType, ThereAt25

from .builders import TODAY, complete_plan

WORD = re.compile(r"\b(placements?|cases?)\b", re.IGNORECASE)


def _plan():
    plan = Plan()
    plan.person.given_name = "Kai"
    plan.relationships = [
        Relationship(name="Ravi", relationship_type=RelationshipType.PERSONAL_ADVISER),
        Relationship(name="Jade", relationship_type=RelationshipType.SIBLING),
        Relationship(name="Pat", relationship_type=RelationshipType.FOSTER_CARER, there_at_25=ThereAt25.YES),
        Relationship(name="Mr Obi", relationship_type=RelationshipType.TEACHER, status=RelationshipStatus.ENDED),
    ]
    return plan


def test_one_question_per_person_not_yet_asked_then_anyone_else():
    qs = at25_questions(_plan())
    assert [q.name for q in qs[:-1]] == ["Jade", "Ravi", "Mr Obi"]  # family first; ended last
    assert all(q.kind == "person" and q.answers == (ThereAt25.YES, ThereAt25.MAYBE, ThereAt25.NO) for q in qs[:-1])
    assert qs[-1].id == ANYONE_ELSE and qs[-1].kind == "anyone_else" and qs[-1].answers == ()


def test_wording_is_first_person_to_the_young_person():
    qs = at25_questions(_plan())
    jade = qs[0]
    assert jade.young_person_text == "Do you think Jade will still be there for you when you're 25?"
    assert "Kai" in jade.practitioner_text and "brother or sister" in jade.practitioner_text
    assert "not their job" in qs[1].young_person_text  # a professional
    assert "aren't in touch now" in qs[2].young_person_text  # an ended relationship
    for q in qs:
        assert "you" in q.young_person_text.lower()
        assert not WORD.search(q.young_person_text) and not WORD.search(q.practitioner_text)
        assert q.citation == "Making not Breaking (The Care Inquiry, 2013), paras 5.5, 7.3"


def test_anyone_else_suggests_kinds_of_people_not_yet_recorded():
    plan = _plan()
    hints = suggestions(plan)
    assert "a brother or sister" not in hints and "a teacher or tutor" not in hints
    assert "a grandparent or another relative" in hints and "a friend or partner" in hints
    q = at25_questions(plan)[-1]
    assert q.young_person_text.startswith("Is there anyone else")
    assert q.suggestions == hints
    empty = at25_questions(Plan())
    assert len(empty) == 1 and "a brother or sister" in empty[0].young_person_text


def test_apply_answer_updates_the_person_and_the_flow_moves_on():
    plan = _plan()
    q = at25_questions(plan)[0]
    r = apply_answer(plan, q.relationship_id, "yes")
    assert r.there_at_25 is ThereAt25.YES
    assert [q.name for q in at25_questions(plan)[:-1]] == ["Ravi", "Mr Obi"]
    with pytest.raises(KeyError):
        apply_answer(plan, "nobody", ThereAt25.NO)
    with pytest.raises(ValueError):
        apply_answer(plan, q.relationship_id, "perhaps")


def test_add_person():
    plan = _plan()
    r = add_person(plan, "  Gran ", RelationshipType.GRANDPARENT, ThereAt25.YES)
    assert plan.relationships[-1] is r and r.name == "Gran" and r.there_at_25 is ThereAt25.YES
    assert "a grandparent or another relative" not in suggestions(plan)
    with pytest.raises(ValueError):
        add_person(plan, " ", "friend", "yes")
    with pytest.raises(ValueError):
        add_person(plan, "Lee", "stranger", "yes")


def test_answers_feed_the_m1_prompt():
    plan = complete_plan()
    for r in plan.relationships:
        r.there_at_25 = ThereAt25.NOT_ASKED
    assert "M1-no-one-at-25" in [p.rule_id for p in evaluate(plan, TODAY)]
    q = next(q for q in at25_questions(plan) if q.name == "Jade")
    apply_answer(plan, q.relationship_id, ThereAt25.YES)
    assert "M1-no-one-at-25" not in [p.rule_id for p in evaluate(plan, TODAY)]


def test_flow_is_pure_until_answered():
    plan = _plan()
    before = [(r.name, r.there_at_25) for r in plan.relationships]
    at25_questions(plan)
    assert [(r.name, r.there_at_25) for r in plan.relationships] == before
