"""The full pathway plan: for the file, and for the manager to sign.

Everything the plan holds, for practitioners: the care-leaver category and why, the safety
notes and contact restrictions (in the people section only), each of the ten areas of
Schedule 1 with the young person's own words, the assessment and the actions, and the
research and statutory prompts considered and what was done about each.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ...domain import agreements, dates
from ...domain.words import names
from ...domain.labels import label
from ...domain.model import Plan
from ...domain.vocab import SCHEDULE_1_AREAS, Area, Decision, ImmigrationStatus, Parenting, RelationshipType
from ..blocks import (
    action_status,
    actions_by_date,
    adviser_name,
    area_details,
    first_name,
    fmt_date,
    key_dates,
    key_values,
    own_words,
    people_in_order,
    relationship_map,
    signing,
    text_or,
    timeline,
)
from ..model import Block, Callout, Heading, Para, Quote, Section, Table

TITLE = "Pathway plan"


def build(plan: Plan, today: date, prompts: Sequence | None) -> tuple[list[Block], list[Section]]:
    """The cover blocks and the sections of the full plan."""
    fn = first_name(plan)
    sections = [
        _key_dates(plan, today),
        _about_me(plan, fn),
        _people(plan),
        _home(plan),
        *(_area(plan, today, n, area, fn) for n, area in enumerate(SCHEDULE_1_AREAS, 1)),
        _prompts(plan, today, prompts),
        _reviews(plan, today, fn),
        _advisers(plan),
        signing(
            "Signatures",
            "We have read this plan and agree it. The young person's views are recorded in their own words in each part of the plan.",
            [("Young person", plan.person.display_name), (label(RelationshipType.PERSONAL_ADVISER), adviser_name(plan)), ("Manager", "")],
        ),
    ]
    return _cover(plan, today), sections


def _cover(plan: Plan, today: date) -> list[Block]:
    p = plan.person
    cat = dates.care_leaver_category(plan, today)
    adviser = plan.current_adviser()
    last = plan.last_review()
    return [
        key_values(
            [
                ("Name", " ".join(x for x in (p.given_name, p.family_name) if x)),
                ("Known as", p.preferred_name),
                ("Pronouns", p.pronouns),
                ("Date of birth", fmt_date(p.date_of_birth) + (f" (age {dates.age_on(p.date_of_birth, today)})" if p.date_of_birth else "")),
                ("Care-leaver category", label(cat.category.value, "Category")),
                ("Why", cat.reason),
                ("Local authority", p.local_authority),
                ("Legal status", label(p.legal_status)),
                ("Personal adviser", f"{adviser.name}, {adviser.organisation}".strip(", ") if adviser else ""),
                ("Plan agreed", fmt_date(plan.plan_agreed_on)),
                ("Last review", fmt_date(last.held_on if last else None)),
            ]
        ),
    ]


def _key_dates(plan: Plan, today: date) -> Section:
    s = Section("Key dates", "key-dates")
    rows = key_dates(plan, today, first_person=False)
    s.blocks.append(Table(("Date", "When"), rows, (0.5, 0.5), empty="No date of birth recorded, so no key dates can be worked out.", kind="dates"))
    tl = timeline(plan, today, first_person=False)
    if tl:
        s.blocks.append(tl)
    return s


def _about_me(plan: Plan, fn: str) -> Section:
    p = plan.person
    s = Section("About me", "about-me")
    if p.about_me_own_words.strip():
        s.blocks.append(Quote(p.about_me_own_words, fn, f"In {fn}'s words"))
    else:
        s.blocks.append(Callout(f"{fn}'s own words about themselves are not recorded yet.", tone="missing"))
    s.blocks.append(
        key_values(
            [
                ("Strengths", p.strengths),
                ("Interests", p.interests),
                ("Achievements", p.achievements),
                ("Being a parent", label(p.parenting) if p.parenting != Parenting.NO else ""),
                ("", p.parenting_notes),
                ("Immigration status", label(p.immigration_status) if p.immigration_status != ImmigrationStatus.BRITISH else ""),
                ("Immigration notes", p.immigration_notes),
                ("Youth justice", "Involved" if p.youth_justice else ""),
                ("Youth justice notes", p.youth_justice_notes),
            ]
        )
    )
    return s


def _people(plan: Plan) -> Section:
    s = Section("People who matter", "people")
    rels = people_in_order(plan.relationships)
    if not rels:
        s.blocks.append(Callout("No people recorded yet. Ask who matters, and who will be there at 25 and beyond.", tone="missing"))
        return s
    s.blocks.append(relationship_map(plan, first_person=False))
    rows = []
    for r in rels:
        who = label(r.relationship_type) + (f" — {r.description}" if r.description else "")
        contact = label(r.contact_frequency) + (f"; {r.contact_means}" if r.contact_means else "") + (f"; {r.phone}" if r.phone else "")
        keep = r.keep_in_touch_plan + (("\n" if r.keep_in_touch_plan else "") + "In the support plan" if r.in_support_plan else "")
        rows.append((r.name, who, label(r.closeness), contact, label(r.there_at_25), label(r.status), keep))
    header = ("Name", "Who they are", "Closeness", "Contact", "There at 25", "Status", "Keeping in touch")
    s.blocks.append(Table(header, rows, (0.14, 0.18, 0.11, 0.17, 0.09, 0.12, 0.19), kind="people"))
    restricted = [r for r in rels if r.safety_notes.strip() or r.contact_restrictions.strip()]
    s.blocks.append(Heading("Safety notes and contact restrictions"))
    if restricted:
        s.blocks.append(Para("For practitioners. These notes are left out of the young person's own copy.", "muted"))
        rows = [(r.name, r.safety_notes, r.contact_restrictions) for r in restricted]
        s.blocks.append(Table(("Name", "Safety notes", "Contact restrictions"), rows, (0.2, 0.4, 0.4)))
    else:
        s.blocks.append(Para("None recorded.", "muted"))
    return s


def _home(plan: Plan) -> Section:
    s = Section("Home and moving on", "home")
    h = plan.home
    s.blocks.append(
        key_values(
            [
                ("Current home", label(h.current_type) + (f" — {h.current_name}" if h.current_name else "")),
                ("Living there since", fmt_date(h.current_since)),
                ("Suitability", h.suitability),
                ("Planned next home", (label(h.planned_type) if h.planned_type else "") + (f" — {h.planned_description}" if h.planned_description else "")),
                ("Planned move date", fmt_date(h.planned_move_date)),
                ("If the move doesn't work out", h.fallback),
            ]
        )
    )
    s.blocks.append(Heading("Staying Put"))
    s.blocks.extend(_staying_put_summary(plan))
    s.blocks.append(Heading("Staying Close"))
    s.blocks.extend(_staying_close_summary(plan))
    if plan.care_episodes:
        s.blocks.append(Heading("Care history"))
        eps = sorted(plan.care_episodes, key=lambda e: (e.start is None, e.start or date.min))
        rows = [
            (fmt_date(e.start), fmt_date(e.end, "now"),
             label(e.home_type) + (f" — {e.home_name}" if e.home_name else "") + (" (short break)" if e.short_break else ""),
             label(e.legal_status), e.notes)
            for e in eps
        ]
        s.blocks.append(Table(("From", "To", "Home", "Legal status", "Notes"), rows, (0.14, 0.14, 0.28, 0.18, 0.26)))
    return s


def _staying_put_summary(plan: Plan) -> list[Block]:
    sp = plan.staying_put
    a = sp.current() or sp.latest()
    if sp.decision is Decision.NOT_DISCUSSED and a is None:
        return [Para(label(Decision.NOT_DISCUSSED) + ".", "empty")]
    return [
        key_values(
            [
                ("Decision", label(sp.decision)),
                ("Carers", names(c.name for c in a.carers) if a else ""),
                ("Agreement", agreements.title("staying_put", a) if a else ""),
                ("From", fmt_date(a.start if a else None)),
                ("Until", fmt_date(dates.staying_put_end(plan) or (a.end if a else None))),
                ("Review date", fmt_date(a.review_date if a else None)),
            ]
        )
    ]


def _staying_close_summary(plan: Plan) -> list[Block]:
    sc = plan.staying_close
    a = sc.current() or sc.latest()
    if sc.decision is Decision.NOT_DISCUSSED and a is None:
        return [Para(label(Decision.NOT_DISCUSSED) + ".", "empty")]
    return [
        key_values(
            [
                ("Decision", label(sc.decision)),
                ("Plan", agreements.title("staying_close", a) if a else ""),
                ("Children's home", a.home_name if a else ""),
                ("New home", a.new_home if a else ""),
                ("From", fmt_date(a.start if a else None)),
                ("Until", fmt_date(a.end if a else None)),
                ("Staff keeping in touch", names(s.name for s in a.staff) if a else ""),
            ]
        )
    ]


def _area(plan: Plan, today: date, n: int, area: Area, fn: str) -> Section:
    """One of the ten areas: their words first, then the facts, the assessment and the actions."""
    sa = plan.area(area)
    s = Section(f"{n}. {label(area)}", f"area-{area.value}")
    words = own_words(plan, area)
    if words.strip():
        s.blocks.append(Quote(words, fn, f"In {fn}'s words"))
    else:
        s.blocks.append(Callout(f"{fn}'s own words are not recorded for this area yet.", tone="missing"))
    s.blocks.extend(area_details(plan, area, first_person=False))
    s.blocks.append(Heading("Assessment"))
    s.blocks.append(text_or(sa.assessment, "Not recorded yet."))
    s.blocks.append(Heading("Actions"))
    s.blocks.append(
        Table(
            ("What", "Who", "By when", "Status"),
            [(a.what, a.who, fmt_date(a.by_when), action_status(a, today)) for a in actions_by_date(sa.actions)],
            (0.5, 0.2, 0.15, 0.15),
            empty="No actions agreed for this area yet.",
            kind="actions",
        )
    )
    return s


def _considered(plan: Plan, today: date, prompts: Sequence | None) -> list:
    """Prompts raised and answered, from the guidance engine (lazily imported).

    Degrades to "no prompts" only while the engine module does not exist yet.
    """
    if prompts is not None:
        return list(prompts)
    try:
        from ...domain.guidance import engine  # type: ignore[attr-defined]
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.endswith("guidance.engine"):
            return []
        raise
    return list(engine.considered(plan, today))


def _prompts(plan: Plan, today: date, prompts: Sequence | None) -> Section:
    s = Section("Prompts considered", "prompts")
    considered = _considered(plan, today, prompts)
    if not considered:
        s.blocks.append(Para("No prompts were raised or answered for this plan.", "muted"))
        return s
    s.blocks.append(Para("Research and statutory prompts the planner raised for this plan, and what was done about each.", "muted"))
    rows = []
    for pr in considered:
        resp = pr.response
        if resp is None:
            done = "Not answered yet"
        else:
            done = label(resp.answer)
            if resp.until:
                done += f" (until {dates.fmt(resp.until)})"
            if resp.note:
                done += f": {resp.note}"
            by = ", ".join(x for x in (resp.by, dates.fmt(resp.at.date()) if resp.at else "") if x)
            if by:
                done += f" — {by}"
        area_words = label(pr.area, "Area") if pr.area in {a.value for a in Area} else pr.area.replace("_", " ").capitalize()
        urgency = pr.urgency.label if hasattr(pr.urgency, "label") else str(pr.urgency)
        rows.append((pr.practitioner_text, area_words, urgency, done, pr.citation))
    s.blocks.append(Table(("Prompt", "Area", "Urgency", "What was done", "Source"), rows, (0.28, 0.12, 0.11, 0.27, 0.22)))
    return s


def _reviews(plan: Plan, today: date, fn: str) -> Section:
    s = Section("Reviews", "reviews")
    s.blocks.append(key_values([("Next review due", fmt_date(dates.next_review_due(plan, today))), ("Review asked for on", fmt_date(plan.review_requested_on))]))
    revs = sorted(plan.reviews, key=lambda r: (r.held_on is None, r.held_on or date.min), reverse=True)
    rows = [(fmt_date(r.held_on), r.participants, r.summary, r.young_person_views) for r in revs]
    s.blocks.append(Table(("Held on", "Who took part", "Summary", f"{fn}'s views"), rows, (0.14, 0.22, 0.36, 0.28), empty="No reviews held yet."))
    return s


def _advisers(plan: Plan) -> Section:
    s = Section("Personal advisers", "advisers")
    advs = sorted(plan.advisers, key=lambda a: (a.start is None, a.start or date.min))
    rows = [(a.name, a.organisation, fmt_date(a.start), fmt_date(a.end, "now"), a.handover_notes) for a in advs]
    s.blocks.append(Table(("Name", "Organisation", "From", "To", "Handover notes"), rows, (0.18, 0.2, 0.13, 0.13, 0.36), empty="No personal adviser recorded yet."))
    return s
