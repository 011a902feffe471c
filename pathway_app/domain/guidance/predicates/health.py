"""Predicates of the health rules (``50_health.json``)."""

from __future__ import annotations

from .base import Ctx, predicate, takes_true


@predicate("emotional_wellbeing_empty", takes_true, ("health.emotional_wellbeing",))
def emotional_wellbeing_empty(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about emotional wellbeing."""
    return not ctx.plan.health.emotional_wellbeing.strip()


@predicate("practical_health_recorded", takes_true, ("health.physical", "health.services", "health.gp_registered"))
def practical_health_recorded(ctx: Ctx, _: bool) -> bool:
    """Something practical about health is recorded (physical health, services, GP)."""
    h = ctx.plan.health
    return bool(h.physical.strip() or h.services.strip() or h.gp_registered is not None)


@predicate("mental_health_need", takes_true, ("health.mental_health_need",))
def mental_health_need(ctx: Ctx, _: bool) -> bool:
    """A mental-health need is recorded."""
    return ctx.plan.health.mental_health_need


@predicate("no_adult_mental_health_transition", takes_true, ("health.adult_services_transition",))
def no_adult_mental_health_transition(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about moving on to adult services."""
    return not ctx.plan.health.adult_services_transition.strip()
