"""The Staying Put agreement between the young person, their former foster carer and the council.

Made ready to sign from what the plan records. Until an arrangement is recorded it says so, and
there is nothing to sign.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from ...domain import dates
from ...domain.labels import label
from ...domain.model import Plan, Relationship
from ...domain.vocab import Area, Decision, RelationshipType
from ..blocks import adviser_name, field_name, first_name, fmt_date, key_values, signing, text_or
from ..model import Block, Callout, Para, Quote, Section

TITLE = "Staying Put agreement"


def build(plan: Plan, today: date, prompts: Sequence | None = None) -> tuple[list[Block], list[Section]]:
    """The cover blocks and the sections of the agreement (``prompts`` are not shown)."""
    sp = plan.staying_put
    cover: list[Block] = [
        Para(
            f"This agreement is between {plan.person.display_name}, their former foster carer and the local authority. "
            "Staying Put means a young person can go on living with their former foster carer after "
            "18, up to the 21st birthday (Children Act 1989, section 23CZA).",
            "lead",
        )
    ]
    recorded = sp.decision is not Decision.NOT_DISCUSSED or bool(sp.carer_name.strip())
    if not recorded:  # nothing to sign until an arrangement is recorded
        return cover, [_not_recorded()]
    review = f"will review it by {dates.fmt(sp.review_date)}" if sp.review_date else "will agree a date to review it"
    signers = [("Young person", plan.person.display_name), (label(RelationshipType.FOSTER_CARER), sp.carer_name),
               (label(RelationshipType.PERSONAL_ADVISER), adviser_name(plan)), ("For the local authority", "")]
    return cover, [
        _arrangement(plan),
        *_terms(plan),
        _carers(plan),
        signing("Signatures", f"We agree to this Staying Put arrangement and {review}.", signers),
    ]


def _not_recorded() -> Section:
    s = Section("The arrangement", "arrangement")
    s.blocks.append(Callout("No Staying Put arrangement is recorded in this plan yet. Talk about it from 16, with the young person and their foster carer, and record what is decided; the agreement will be made ready to sign from what is recorded.", "Not recorded", tone="missing"))
    return s


def _arrangement(plan: Plan) -> Section:
    sp, p = plan.staying_put, plan.person
    s = Section("The arrangement", "arrangement")
    if sp.decision is not Decision.AGREED:
        s.blocks.append(Callout(f"Staying Put has not been agreed. It is recorded as: {label(sp.decision)}.", "Not agreed yet", tone="missing"))
    end = dates.staying_put_end(plan)
    capped = ""
    dob = p.date_of_birth
    if sp.end and dob and sp.end > dates.birthday(dob, 21):
        capped = f" (the recorded end, {dates.fmt(sp.end)}, is after the 21st birthday; Staying Put ends on the 21st birthday)"
    s.blocks.append(
        key_values(
            [
                ("Young person", p.display_name),
                (field_name("person.date_of_birth"), fmt_date(dob)),
                ("Foster carer", sp.carer_name),
                (field_name("staying_put.decision"), label(sp.decision)),
                (field_name("staying_put.start"), fmt_date(sp.start)),
                (field_name("staying_put.end"), fmt_date(end or sp.end) + capped),
                ("21st birthday", fmt_date(dates.birthday(dob, 21)) if dob else ""),
                (field_name("staying_put.review_date"), fmt_date(sp.review_date)),
                ("Personal adviser", adviser_name(plan)),
            ],
            keep_empty=True,
        )
    )
    return s


def _terms(plan: Plan) -> list[Section]:
    """Money, living together (with the young person's words about their home) and notes."""
    sp = plan.staying_put
    fn = first_name(plan)
    money = Section(field_name("staying_put.money"), "money", [text_or(sp.money, "Not agreed yet: what the young person pays towards their keep, and what the carer receives.")])
    living = Section("Living together", "house-agreements", [text_or(sp.house_agreements, "No house agreements written down yet.")])
    words = plan.area(Area.ACCOMMODATION).own_words
    if words.strip():
        living.blocks.append(Quote(words, fn, f"In {fn}'s words"))
    notes = Section(field_name("staying_put.notes"), "notes", [text_or(sp.notes, "None.")])
    return [money, living, notes]


def _carers(plan: Plan) -> Section:
    fn = first_name(plan)
    carers = foster_carers(plan)
    s = Section("The foster carers" if len(carers) > 1 else "The foster carer", "carer")
    for carer in carers:
        s.blocks.append(
            key_values(
                [
                    (field_name("relationships.name"), carer.name),
                    (field_name("relationships.relationship_type"), carer.description or label(carer.relationship_type)),
                    ("Closeness", label(carer.closeness)),
                    ("In touch", label(carer.contact_frequency)),
                    (field_name("relationships.there_at_25"), label(carer.there_at_25)),
                    (f"What {fn} values", carer.what_they_bring),
                    ("Keeping in touch", carer.keep_in_touch_plan),
                ]
            )
        )
    if not carers:
        s.blocks.append(Para("The foster carer is not in the plan's list of people who matter yet.", "empty"))
    return s


def foster_carers(plan: Plan) -> list[Relationship]:
    """The people who matter who are the Staying Put carer(s): "Hiwet and Daniel Berhe" is both
    Hiwet Berhe and Daniel Berhe."""
    name = plan.staying_put.carer_name.strip().casefold()
    carers = [r for r in plan.relationships if r.relationship_type in (RelationshipType.FOSTER_CARER, RelationshipType.KINSHIP_CARER)]
    if not name:
        return carers[:1]
    exact = [r for r in carers if r.name.strip().casefold() == name]
    if exact:
        return exact
    words = set(re.findall(r"\w+", name))
    return [r for r in carers if r.name.strip() and (r.name.casefold() in name or name in r.name.casefold()
                                                     or set(re.findall(r"\w+", r.name.casefold())) <= words)]
