"""The engine's order, urgency, fingerprints and predicates."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from pathway_app.domain.guidance import Urgency, evaluate
from pathway_app.domain.guidance.engine import count_open
from pathway_app.domain.guidance.predicates import AREA_ORDER, PREDICATES, Ctx, path_reader
from pathway_app.domain.model import Plan
from pathway_app.domain.vocab import ContactFrequency

from .builders import TODAY, complete_plan, rel


def test_ordered_by_urgency_then_area():
    plan = Plan()
    plan.person.date_of_birth = date(2008, 9, 1)  # 17, within six months of 18 on 1 June 2026... not quite
    prompts = evaluate(plan, date(2026, 6, 1))
    keys = [(-int(p.urgency), AREA_ORDER.index(p.area)) for p in prompts]
    assert keys == sorted(keys)
    assert {p.urgency for p in prompts} >= {Urgency.NOW, Urgency.SOON, Urgency.CONSIDER}


def test_urgency_is_raised_by_conditions():
    plan = complete_plan()
    for r in plan.relationships:
        r.there_at_25 = r.there_at_25.__class__("maybe")
    def m1(today):
        return next(p for p in evaluate(plan, today) if p.rule_id == "M1-no-one-at-25").urgency
    assert m1(date(2026, 9, 14)) is Urgency.SOON
    assert m1(date(2026, 9, 15)) is Urgency.NOW


def test_fingerprint_is_stable_and_short_and_does_not_depend_on_today():
    plan = complete_plan()
    rel(plan, "Jade").contact_frequency = ContactFrequency.RARELY
    a = next(p for p in evaluate(plan, TODAY) if p.rule_id == "M3-sibling-contact")
    b = next(p for p in evaluate(plan, date(2026, 12, 25)) if p.rule_id == "M3-sibling-contact")
    assert a.fingerprint == b.fingerprint and len(a.fingerprint) == 12
    assert a.why == "Rare or no contact: Jade." and a.message == "M3"


def test_count_open_matches_evaluate():
    for plan in (Plan(), complete_plan()):
        assert count_open(plan, TODAY) == len(evaluate(plan, TODAY))


@pytest.mark.parametrize("name", sorted(PREDICATES))
def test_every_predicate_is_documented_and_its_facts_can_be_read(name):
    pred = PREDICATES[name]
    assert pred.doc, f"{name} needs a docstring: it is the rule writers' reference"
    ctx = Ctx(complete_plan(), TODAY)
    ctx.subject = "education"
    for r in pred.reads:
        (path_reader(r) if isinstance(r, str) else r)(ctx)


def test_every_predicate_is_used_by_a_rule():
    from pathway_app.domain.guidance import load_rules

    used = {p.name for r in load_rules() for p, _ in (*r.leaves, *r.raise_leaves)}
    assert set(PREDICATES) - used == set()


def test_guidance_imports_no_qt_sqlalchemy_or_reportlab():
    root = Path(__file__).resolve().parents[2] / "pathway_app" / "domain" / "guidance"
    for f in root.rglob("*.py"):  # the predicates package too
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for n in names:
                assert n.split(".")[0] not in {"PySide6", "sqlalchemy", "reportlab", "alembic"}, f"{f.name}: {n}"


def test_the_rules_readme_lists_every_predicate():
    from pathway_app.paths import resource

    text = resource("guidance", "README.md").read_text(encoding="utf-8")
    missing = [n for n in PREDICATES if f"`{n}`" not in text]
    assert missing == []
