"""Predicates of the relationships rules (``10_relationships.json``): the people who matter, who
will be there at 25, keeping in touch, and changes of personal adviser.
"""

from __future__ import annotations

from ...days import in_date_order
from ...model import AdviserPeriod, Plan, Relationship
from ...vocab import FAMILY_TYPES, PAID_ROLE_TYPES, RARE_CONTACT, RelationshipStatus, RelationshipType, ThereAt25
from .base import Ctx, name_list, predicate, takes_changes, takes_months, takes_true

# ---- people who matter


#: People whose relationship with a young person is through their job or their care.
CARER_OR_WORKER_TYPES = frozenset(
    {
        RelationshipType.FOSTER_CARER,
        RelationshipType.KINSHIP_CARER,
        RelationshipType.RESIDENTIAL_KEY_WORKER,
        RelationshipType.SOCIAL_WORKER,
    }
)


REL_FACTS = ("relationships.*.relationship_type", "relationships.*.status")


def _current(plan: Plan) -> list[Relationship]:
    return [r for r in plan.relationships if r.status is not RelationshipStatus.ENDED]


def _at25(plan: Plan) -> list[Relationship]:
    return [
        r
        for r in plan.relationships
        if r.there_at_25 is ThereAt25.YES and r.relationship_type not in PAID_ROLE_TYPES
    ]


@predicate("no_one_there_at_25", takes_true, REL_FACTS + ("relationships.*.there_at_25",))
def no_one_there_at_25(ctx: Ctx, _: bool) -> bool:
    """No one outside a paid role (family, carer, friend, volunteer mentor ...) is recorded as
    likely to be there for the young person at 25. Someone paid to be there (a professional, a
    key worker, support worker or paid mentor) marked "yes" does not count: their job ends."""
    return not _at25(ctx.plan)


@predicate(
    "at_25_people_not_in_support_plan",
    takes_true,
    REL_FACTS + ("relationships.*.there_at_25", "relationships.*.in_support_plan"),
    why=lambda ctx, _: "Likely to be there at 25: " + name_list(_at25(ctx.plan)),
)
def at_25_people_not_in_support_plan(ctx: Ctx, _: bool) -> bool:
    """Someone is recorded as likely to be there at 25, but none of them has a part in the
    support plan."""
    people = _at25(ctx.plan)
    return bool(people) and not any(r.in_support_plan for r in people)


def _ending_no_plan(plan: Plan) -> list[Relationship]:
    return [
        r for r in plan.relationships if r.status is RelationshipStatus.ENDING and not r.keep_in_touch_plan.strip()
    ]


@predicate(
    "ending_relationship_without_keep_in_touch",
    takes_true,
    REL_FACTS + ("relationships.*.keep_in_touch_plan",),
    why=lambda ctx, _: "Ending with no way to keep in touch: " + name_list(_ending_no_plan(ctx.plan)),
)
def ending_relationship_without_keep_in_touch(ctx: Ctx, _: bool) -> bool:
    """A relationship is marked as ending and no way of keeping in touch is recorded."""
    return bool(_ending_no_plan(ctx.plan))


def _carers_no_plan(plan: Plan) -> list[Relationship]:
    return [
        r
        for r in _current(plan)
        if r.relationship_type in CARER_OR_WORKER_TYPES and not r.keep_in_touch_plan.strip()
    ]


@predicate(
    "carers_without_keep_in_touch",
    takes_true,
    REL_FACTS + ("relationships.*.keep_in_touch_plan",),
    why=lambda ctx, _: "No way to keep in touch recorded for: " + name_list(_carers_no_plan(ctx.plan)),
)
def carers_without_keep_in_touch(ctx: Ctx, _: bool) -> bool:
    """A carer, key worker or social worker the young person still knows has no way of
    keeping in touch recorded."""
    return bool(_carers_no_plan(ctx.plan))


def _rare_siblings(plan: Plan) -> list[Relationship]:
    return [
        r
        for r in plan.relationships
        if r.relationship_type is RelationshipType.SIBLING
        and r.contact_frequency in RARE_CONTACT
        and not r.keep_in_touch_plan.strip()
    ]


@predicate(
    "sibling_rare_contact_without_plan",
    takes_true,
    REL_FACTS + ("relationships.*.contact_frequency", "relationships.*.keep_in_touch_plan"),
    why=lambda ctx, _: "Rare or no contact: " + name_list(_rare_siblings(ctx.plan)),
)
def sibling_rare_contact_without_plan(ctx: Ctx, _: bool) -> bool:
    """A brother or sister is seen rarely or not at all, and there is no plan for contact."""
    return bool(_rare_siblings(ctx.plan))


@predicate("no_family_recorded", takes_true, ("relationships.*.relationship_type",))
def no_family_recorded(ctx: Ctx, _: bool) -> bool:
    """No parent, brother or sister, grandparent or other family member is recorded."""
    return not any(r.relationship_type in FAMILY_TYPES for r in ctx.plan.relationships)


def _no_bring(plan: Plan) -> list[Relationship]:
    return [r for r in _current(plan) if not r.what_they_bring.strip()]


@predicate(
    "relationships_without_what_they_bring",
    takes_true,
    REL_FACTS + ("relationships.*.what_they_bring",),
    why=lambda ctx, _: "Not yet recorded for: " + name_list(_no_bring(ctx.plan)),
)
def relationships_without_what_they_bring(ctx: Ctx, _: bool) -> bool:
    """Someone in the young person's life has nothing recorded about what they bring."""
    return bool(_no_bring(ctx.plan))


@predicate(
    "no_personal_network",
    takes_true,
    REL_FACTS,
    why=lambda ctx, _: ("Everyone recorded is paid to be there: " + name_list(_current(ctx.plan))) if _current(ctx.plan) else "",
)
def no_personal_network(ctx: Ctx, _: bool) -> bool:
    """Everyone recorded (if anyone) is paid to be there — a professional, a children's home key
    worker, supported-accommodation staff or a mentor paid by a service: no family, carer,
    friend, volunteer or community."""
    return not any(r.relationship_type not in PAID_ROLE_TYPES for r in _current(ctx.plan))


# ---- personal advisers


def _adviser_changes(ctx: Ctx, months: int) -> list[tuple[AdviserPeriod, AdviserPeriod]]:
    """(outgoing, incoming) adviser pairs where the incoming one started in the last months."""
    periods = in_date_order(ctx.plan.advisers, lambda a: a.start)
    since = ctx.months_from_today(-months)
    return [
        (prev, nxt)
        for prev, nxt in zip(periods, periods[1:])
        if nxt.start is not None and since < nxt.start <= ctx.today
    ]


ADVISER_FACTS = ("advisers.*.start", "advisers.*.end", "advisers.*.handover_notes")


@predicate(
    "adviser_changes_within_months",
    takes_changes,
    ADVISER_FACTS,
    why=lambda ctx, arg: f"{len(_adviser_changes(ctx, arg[0]))} changes of personal adviser in {arg[0]} months",
)
def adviser_changes_within_months(ctx: Ctx, arg: tuple[int, int]) -> bool:
    """{"months": m, "more_than": n}: the personal adviser changed more than n times in the
    last m months."""
    months, more_than = arg
    return len(_adviser_changes(ctx, months)) > more_than


@predicate("adviser_change_without_handover", takes_months, ADVISER_FACTS)
def adviser_change_without_handover(ctx: Ctx, months: int) -> bool:
    """months: a change of personal adviser in that time has no handover recorded (on either
    the outgoing or the incoming adviser)."""
    return any(
        not (a.handover_notes.strip() or b.handover_notes.strip()) for a, b in _adviser_changes(ctx, months)
    )
