"""The hypothesis strategies and the synthetic plans make only valid plans."""

from __future__ import annotations

import random

from hypothesis import given, settings

from benchmarks.synthetic import synthetic_plan
from pathway_app.domain.validation import validate

from strategies import TODAY, plans


@settings(max_examples=60, deadline=None)
@given(plans())
def test_strategy_plans_are_valid(plan):
    assert validate(plan, TODAY) == []


def test_synthetic_plans_are_valid_and_varied():
    names = set()
    for seed in range(150):
        for size in ("small", "typical"):
            plan = synthetic_plan(random.Random(seed), TODAY, size)
            assert validate(plan, TODAY) == []
            names.add(plan.person.display_name)
    assert len(names) > 60
    assert any(any(ord(c) > 0x590 for c in n) for n in names), "some names in non-Latin scripts"


def test_synthetic_plan_is_reproducible():
    a = synthetic_plan(random.Random(7), TODAY)
    b = synthetic_plan(random.Random(7), TODAY)
    assert a == b


def test_heavy_plan_has_the_promised_sizes():
    plan = synthetic_plan(random.Random(3), TODAY, "heavy")
    assert validate(plan, TODAY) == []
    assert len(plan.relationships) == 100
    assert len(plan.all_actions()) == 200
    assert len(plan.life_story) == 50
    assert len(plan.reviews) == 20
