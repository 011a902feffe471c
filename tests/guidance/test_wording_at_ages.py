"""Every rule's wording, raised for young people aged 16, 17, 18, 20 and 24 (issue 12).

For each rule, its raising change (``cases.py``) is made to the complete plan of a young person
whose pronouns are "he/him", their date of birth moved so they are each age on the day; every
prompt the rule raises is read: the ordinals are right ("21st", never "21th"), no "themselves"
or "{placeholder}" is left, reasons are sentences (never "…; No way …"), and nothing claims an
age the young person is not ("within a year of 18" at 20).
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from pathway_app.domain import dates as D
from pathway_app.domain.guidance import evaluate, load_rules
from pathway_app.domain.wording import ordinal

from .builders import complete_plan
from .cases import CASES

AGES = (16, 17, 18, 20, 24)
RULES = load_rules()

#: Claims a prompt's words make about the young person's age, and the ages they are true at.
AGE_CLAIMS = (
    (re.compile(r"within a year of 18(?! or)"), lambda a: a < 18),
    (re.compile(r"within two years of 18(?! or)"), lambda a: a < 18),
    (re.compile(r"\bunder 18\b"), lambda a: a < 18),
    (re.compile(r"before the young person turns 18"), lambda a: a < 18),
    (re.compile(r"is less than six months away"), lambda a: a < 21),
    (re.compile(r"aged 17 or over"), lambda a: a >= 17),
    (re.compile(r"(?i)\b16 or 17\b(?! looked after)(?!,)"), lambda a: a < 18),
)
ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th)\b")


def _raised(rule_id: str, age: int):
    case = CASES[rule_id]
    plan = complete_plan()
    plan.person.pronouns = "he/him"
    plan.person.given_name = "Tesfay"
    case.raises(plan)
    today = case.raises_on
    plan.person.date_of_birth = today - relativedelta(years=age, months=3)
    assert D.age_on(plan.person.date_of_birth, today) == age
    return [p for p in evaluate(plan, today) if p.rule_id.split(":")[0] == rule_id]


def _check_words(text: str, age: int, where: str) -> None:
    for m in ORDINAL.finditer(text):
        assert m.group(0) == ordinal(int(m.group(1))), f"{where}: {m.group(0)!r}"
    assert "themselves" not in text, f"{where}: “themselves” though his pronouns are recorded"
    assert not re.search(r"\{\w+\}", text), f"{where}: a placeholder is left in {text!r}"
    assert not re.search(r"; [A-Z]", text), f"{where}: {text!r}"


@pytest.mark.parametrize("age", AGES)
@pytest.mark.parametrize("rule_id", [r.id for r in RULES])
def test_every_rules_wording_at_each_age(rule_id, age):
    for p in _raised(rule_id, age):
        where = f"{p.rule_id} at {age}"
        for text in (p.practitioner_text, p.young_person_text, p.why, *p.suggested_actions):
            _check_words(text, age, where)
        for pattern, true_at in AGE_CLAIMS:
            if pattern.search(p.practitioner_text):
                assert true_at(age), f"{where} says {pattern.pattern!r}: {p.practitioner_text}"


def test_the_wording_is_read_at_every_age_for_most_rules():
    """The check above is not empty: most rules are raised at some of the ages."""
    raised = {r.id for r in RULES for a in AGES if _raised(r.id, a)}
    assert len(raised) >= len(RULES) * 3 // 4, sorted({r.id for r in RULES} - raised)
    assert any(_raised("M17-practical-skills", 20)), "the skills prompt applies at 20: its words must say so"


def test_pronouns_fill_the_wording():
    plan = complete_plan()
    plan.person.pronouns = "she/her"
    plan.identity.own_words = ""
    plan.identity.recorded_with_young_person = False
    (p,) = [p for p in evaluate(plan, date(2026, 6, 1)) if p.rule_id == "M15-identity-own-view"]
    assert p.practitioner_text.endswith("how the young person would describe herself.")
    plan.person.pronouns = ""
    (p,) = [p for p in evaluate(plan, date(2026, 6, 1)) if p.rule_id == "M15-identity-own-view"]
    assert p.practitioner_text.endswith("would describe themselves.")


def test_the_key_dates_say_21st():
    from pathway_app.export.blocks import key_dates

    plan = complete_plan()
    words = [w for w, _ in key_dates(plan, date(2026, 6, 1), first_person=False)]
    assert "21st birthday" in words and not any("21th" in w for w in words)
