"""Predicates of the identity rules (``30_identity.json``): identity and the life story."""

from __future__ import annotations

from .base import Ctx, predicate, takes_true


@predicate("no_life_story", takes_true, ("life_story.*.kind",))
def no_life_story(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded in the life story."""
    return not ctx.plan.life_story


IDENTITY_FIELDS = ("own_words", "ethnicity", "religion", "languages", "culture", "gender", "sexuality")


@predicate("identity_unrecorded", takes_true, tuple(f"identity.{f}" for f in IDENTITY_FIELDS))
def identity_unrecorded(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about identity (ethnicity, religion, language, culture, gender,
    sexuality or the young person's own words)."""
    ident = ctx.plan.identity
    return not any(getattr(ident, f).strip() for f in IDENTITY_FIELDS)


@predicate("identity_without_own_view", takes_true, ("identity.own_words", "identity.recorded_with_young_person"))
def identity_without_own_view(ctx: Ctx, _: bool) -> bool:
    """Identity has neither the young person's own words nor a note that it was recorded with them."""
    ident = ctx.plan.identity
    return not ident.own_words.strip() and not ident.recorded_with_young_person
