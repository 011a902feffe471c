"""Predicates of the learning, skills and money rules (``40_learning_skills_money.json``)."""

from __future__ import annotations

from ...model import Plan
from ...vocab import SKILL_KEYS, EetStatus, SkillLevel
from .base import Ctx, predicate, takes_codes, takes_true

# ---- education


@predicate("eet_status_in", takes_codes(EetStatus), ("education.status",))
def eet_status_in(ctx: Ctx, statuses: frozenset[EetStatus]) -> bool:
    """[codes]: what the young person does now (school, college, work, NEET ...) is one of these."""
    return ctx.plan.education.status in statuses


@predicate("he_without_year_round_housing_or_bursary", takes_true, ("education.year_round_housing", "education.bursary"))
def he_without_year_round_housing_or_bursary(ctx: Ctx, _: bool) -> bool:
    """Year-round (52-week) housing is not confirmed, or whether there is a bursary is not recorded."""
    ed = ctx.plan.education
    return ed.year_round_housing is not True or ed.bursary is None


# ---- skills


def _skills_not_started(plan: Plan) -> list[str]:
    level = {s.key: s.level for s in plan.skills}
    return [k for k in SKILL_KEYS if level.get(k, SkillLevel.NOT_STARTED) is SkillLevel.NOT_STARTED]


@predicate(
    "skills_not_started",
    takes_true,
    ("skills.*.key", "skills.*.level"),
    why=lambda ctx, _: f"{len(_skills_not_started(ctx.plan))} of {len(SKILL_KEYS)} skills not started",
)
def skills_not_started(ctx: Ctx, _: bool) -> bool:
    """At least one skill on the practical-skills checklist is not started (or missing)."""
    return bool(_skills_not_started(ctx.plan))


# ---- money


MONEY_FACTS = (
    "money.income",
    "money.bank_account",
    "money.council_tax_exemption",
    "money.local_offer_explained_on",
    "money.savings",
    "money.debts",
    "money.notes",
)


@predicate("finance_empty", takes_true, MONEY_FACTS)
def finance_empty(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about money: income, bank account, council tax, the local offer,
    savings, debts or notes."""
    m = ctx.plan.money
    return (
        not (m.income.strip() or m.savings.strip() or m.debts.strip() or m.notes.strip())
        and m.bank_account is None
        and m.council_tax_exemption is None
        and m.local_offer_explained_on is None
    )


@predicate("local_offer_not_explained", takes_true, ("money.local_offer_explained_on",))
def local_offer_not_explained(ctx: Ctx, _: bool) -> bool:
    """No date is recorded for explaining the local offer for care leavers to the young person."""
    return ctx.plan.money.local_offer_explained_on is None
