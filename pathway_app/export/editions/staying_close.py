"""The Staying Close plan with the children's home the young person is moving on from.

Made ready to sign from what the plan records: the staff named in the plan sign for the home.
Until a plan is recorded it says so, and there is nothing to sign.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ...domain.labels import label
from ...domain.model import Plan
from ...domain.vocab import Area, Decision, RelationshipType
from ..blocks import adviser_name, field_name, first_name, fmt_date, key_values, signing, text_or
from ..model import Block, Callout, Para, Quote, Section, Table

TITLE = "Staying Close plan"


def build(plan: Plan, today: date, prompts: Sequence | None = None) -> tuple[list[Block], list[Section]]:
    """The cover blocks and the sections of the plan (``prompts`` are not shown)."""
    sc = plan.staying_close
    cover: list[Block] = [
        Para(
            f"Staying Close helps {plan.person.display_name} move from a children's home to a home nearby, "
            "keeping the relationships that matter with the people who work there, with a way to "
            "come back when things are hard.",
            "lead",
        )
    ]
    recorded = sc.decision is not Decision.NOT_DISCUSSED or bool(sc.home_name.strip())
    if not recorded:  # nothing to sign until a plan is recorded
        return cover, [_not_recorded()]
    return cover, [_arrangement(plan), *_terms(plan), _signatures(plan)]


def _not_recorded() -> Section:
    s = Section("The arrangement", "arrangement")
    s.blocks.append(Callout("No Staying Close plan is recorded yet. Talk about it with the young person and the children's home, and record what is decided; the plan will be made ready to sign from what is recorded.", "Not recorded", tone="missing"))
    return s


def _arrangement(plan: Plan) -> Section:
    sc = plan.staying_close
    s = Section("The arrangement", "arrangement")
    if sc.decision is not Decision.AGREED:
        s.blocks.append(Callout(f"Staying Close has not been agreed. It is recorded as: {label(sc.decision)}.", "Not agreed yet", tone="missing"))
    s.blocks.append(
        key_values(
            [
                ("Young person", plan.person.display_name),
                (field_name("staying_close.decision"), label(sc.decision)),
                (field_name("staying_close.home_name"), sc.home_name),
                ("The new home", sc.new_home),
                (field_name("staying_close.start"), fmt_date(sc.start)),
                (field_name("staying_close.end"), fmt_date(sc.end)),
                ("Personal adviser", adviser_name(plan)),
            ],
            keep_empty=True,
        )
    )
    return s


def _terms(plan: Plan) -> list[Section]:
    """The staff who stay in touch, coming back (with the young person's words) and notes."""
    sc = plan.staying_close
    fn = first_name(plan)
    rows = [(c.name, c.role, c.how_keep_in_touch) for c in sc.staff]
    header = (field_name("staying_close.staff.name"), field_name("staying_close.staff.role"),
              field_name("staying_close.staff.how_keep_in_touch", first_person=True))  # "How we keep in touch"
    staff = Section("People who stay in touch", "staff", [Table(header, rows, (0.25, 0.25, 0.5), empty="No staff named yet.")])
    come_back = Section(field_name("staying_close.come_back"), "come-back", [text_or(sc.come_back, "Not agreed yet: when and how the young person can come back for a meal, a visit or a night when things are hard.")])
    words = plan.area(Area.ACCOMMODATION).own_words
    if words.strip():
        come_back.blocks.append(Quote(words, fn, f"In {fn}'s words"))
    notes = Section(field_name("staying_close.notes"), "notes", [text_or(sc.notes, "None.")])
    return [staff, come_back, notes]


def _signatures(plan: Plan) -> Section:
    """The staff named in the plan sign for the home: the manager by their role, the key worker first."""
    staff = plan.staying_close.staff
    manager = next((c.name for c in staff if "manager" in c.role.casefold()), "")
    key_worker = next((c.name for c in staff if "key worker" in c.role.casefold()), "") or next(
        (c.name for c in staff if c.name != manager), "")
    signers = [("Young person", plan.person.display_name), (label(RelationshipType.RESIDENTIAL_KEY_WORKER), key_worker),
               ("Registered manager (children's home)", manager), (label(RelationshipType.PERSONAL_ADVISER), adviser_name(plan))]
    return signing("Signatures", "We agree to this Staying Close plan.", signers)
