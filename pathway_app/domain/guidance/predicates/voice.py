"""Predicates of the voice rules (``60_voice.json``): the young person's own words and strengths."""

from __future__ import annotations

from typing import Any

from .base import Ctx, predicate, takes_true


def _area_words(ctx: Ctx) -> Any:
    return ctx.subject, ctx.own_words(ctx.subject or "")


@predicate("area_lacks_own_words", takes_true, (_area_words,))
def area_lacks_own_words(ctx: Ctx, _: bool) -> bool:
    """(per area) The young person's own words are not recorded for this part of the plan."""
    return not ctx.own_words(ctx.subject or "")


@predicate(
    "no_strengths_recorded",
    takes_true,
    ("person.strengths", "person.achievements", "life_story.*.kind"),
)
def no_strengths_recorded(ctx: Ctx, _: bool) -> bool:
    """No strengths or achievements are recorded (nor an achievement in the life story)."""
    p = ctx.plan.person
    if p.strengths.strip() or p.achievements.strip():
        return False
    return not any(e.kind.value == "achievement" for e in ctx.plan.life_story)
