""""My pathway plan": the young person's own copy, in the first person, their own words first.

It is made from the plan as the audience policy lets the young person see it
(``resources/audiences.json``), so nothing the policy keeps from them can reach it. Within
that, what is left out, on purpose: safety notes and contact restrictions about anyone; other
people's phone numbers (a number could lead to someone with a contact restriction);
immigration and youth-justice notes and the care-leaver category's legal wording (written by
and for practitioners — the young person gets a plain sentence about what their category means
instead); the research prompts (practitioner notes about other services).

The *assessment* for each area IS included, after their own words, under "What my adviser
wrote". A pathway plan is written with the young person and they are given a copy; keeping the
assessment out would make a second, secret plan. Fields holding practitioner-only material
(safety notes, contact restrictions) are separate in the model, so the assessment is not where
such material lives.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ...domain import dates
from ...domain.audiences import view
from ...domain.words import names
from ...domain.labels import label
from ...domain.model import Plan
from ...domain.vocab import OPEN_ACTION, SCHEDULE_1_AREAS, ActionStatus, Area, Decision, RelationshipStatus
from ..blocks import (
    actions_by_date,
    adviser_name,
    area_details,
    first_name,
    fmt_date,
    full_name,
    key_dates,
    key_values,
    own_words,
    people_in_order,
    relationship_map,
    signing,
    timeline,
)
from ..model import Block, Callout, Heading, Para, Quote, Section, Table

TITLE = "My pathway plan"

#: What their care-leaver category means for them, in a plain sentence.
_CATEGORY_WORDS = {
    "eligible": "I'm 16 or 17 and still looked after, so I have a personal adviser and this pathway plan to help me get ready for adult life.",
    "relevant": "I've left care and I'm 16 or 17, so the council still helps me with a home, money and a personal adviser.",
    "former_relevant": "I'm 18 or over and I was in care, so I have a personal adviser until I'm 21 — or until 25 if I ask.",
    "qualifying": "I can ask the council for advice and help as I move into adult life.",
}


def build(plan: Plan, today: date, prompts: Sequence | None = None) -> tuple[list[Block], list[Section]]:
    """The cover blocks and the sections of their own copy (``prompts`` are not shown), made
    from the plan as the young person may see it (:func:`pathway_app.domain.audiences.view`)."""
    plan = view(plan, "young_person").plan
    fn = first_name(plan)
    p = plan.person
    sections = [
        _about_me(plan, fn),
        _people(plan),
        _timeline(plan, today),
        _home(plan),
        *(_area(plan, area, fn) for area in SCHEDULE_1_AREAS),
        _who_helps(plan),
        _reviews(plan, today),
        signing(
            "Signing my plan",
            "I have read my plan, and it says what I want to say. If something is wrong, I can ask for it to be changed.",
            [("Me", p.display_name), ("My personal adviser", adviser_name(plan))],
        ),
    ]
    return _cover(plan, today), sections


def _cover(plan: Plan, today: date) -> list[Block]:
    p = plan.person
    adviser = plan.current_adviser()
    cat = dates.care_leaver_category(plan, today)
    cover: list[Block] = [
        Callout(
            "This is my plan for moving on into adult life. It says what I want, who will help me "
            "and by when. It was written with me, and I can ask for it to change at any time.",
            tone="warm",
        ),
        key_values(
            [
                ("My name", p.display_name),
                # the name they were given, in its own script (ዳዊት), when they go by another
                ("My full name", full_name(p) if full_name(p) != p.display_name else ""),
                ("My pronouns", p.pronouns),
                ("My birthday", fmt_date(p.date_of_birth)),
                ("My personal adviser", adviser.name if adviser else "Not chosen yet"),
                ("My next review", fmt_date(dates.next_review_due(plan, today))),
            ]
        ),
    ]
    if cat.category.value in _CATEGORY_WORDS:
        cover.append(Para(_CATEGORY_WORDS[cat.category.value], "muted"))
    return cover


def _about_me(plan: Plan, fn: str) -> Section:
    p = plan.person
    s = Section("About me", "about-me")
    if p.about_me_own_words.strip():
        s.blocks.append(Quote(p.about_me_own_words, fn, "In my words"))
    else:
        s.blocks.append(Callout("I haven't written about myself yet. I can add it with my adviser whenever I like.", tone="missing"))
    s.blocks.append(key_values([("What I'm good at", p.strengths), ("What I enjoy", p.interests), ("What I'm proud of", p.achievements)]))
    return s


def _people(plan: Plan) -> Section:
    """Who matters to them: no safety notes, no contact restrictions, no one's phone number."""
    s = Section("The people who matter to me", "people")
    rels = people_in_order(plan.relationships)
    if not rels:
        s.blocks.append(Callout("No one is written here yet. Who matters to me, and who will be there for me when I'm 25?", tone="missing"))
        return s
    s.blocks.append(relationship_map(plan, first_person=True))
    rows = []
    for r in rels:
        who = r.description or label(r.relationship_type)
        how = label(r.contact_frequency) + (f", {r.contact_means}" if r.contact_means else "")
        if r.status == RelationshipStatus.ENDED:
            how = "We're not in touch now"
        rows.append((r.name, who, how, label(r.there_at_25), r.what_they_bring or r.keep_in_touch_plan))
    header = ("Name", "Who they are to me", "How often we're in touch", "There for me at 25", "What they bring / keeping in touch")
    s.blocks.append(Table(header, rows, (0.16, 0.22, 0.2, 0.12, 0.3), kind="people"))
    return s


def _timeline(plan: Plan, today: date) -> Section:
    s = Section("My timeline, 16 to 25", "timeline")
    tl = timeline(plan, today, first_person=True)
    if tl:
        s.blocks.append(tl)
    rows = key_dates(plan, today, first_person=True)
    s.blocks.append(Table(("What", "When"), rows, (0.55, 0.45), empty="My birthday isn't written down yet, so my dates can't be worked out.", kind="dates"))
    return s


def _home(plan: Plan) -> Section:
    s = Section("My home", "home")
    h = plan.home
    s.blocks.append(
        key_values(
            [
                ("Where I live now", label(h.current_type) + (f" — {h.current_name}" if h.current_name else "")),
                ("Since", fmt_date(h.current_since)),
                ("Where I'll live next", (label(h.planned_type) if h.planned_type else "") + (f" — {h.planned_description}" if h.planned_description else "")),
                ("When I'll move", fmt_date(h.planned_move_date)),
                ("If the move doesn't work out", h.fallback),
            ]
        )
    )
    sp, sc = plan.staying_put, plan.staying_close
    spa, sca = sp.current(), sc.current()
    if sp.decision is not Decision.NOT_DISCUSSED or spa is not None:
        end = dates.staying_put_end(plan)
        words = f"Staying Put (staying with my foster carers after 18): {label(sp.decision).lower()}."
        if sp.decision is Decision.AGREED:
            carers = names(c.name for c in spa.carers) if spa else ""
            words = f"I'm Staying Put with {carers or 'my foster carers'}" + (f" until {dates.fmt(end)}" if end else "") + "."
        s.blocks.append(Para(words))
    if sc.decision is not Decision.NOT_DISCUSSED or sca is not None:
        words = f"Staying Close (living near my children's home and keeping in touch): {label(sc.decision).lower()}."
        if sc.decision is Decision.AGREED:
            home, new = (sca.home_name, sca.new_home) if sca else ("", "")
            words = "I'm Staying Close" + (f" to {home}" if home else "") + (f", living at {new}" if new else "") + "."
        s.blocks.append(Para(words))
    return s


def _area(plan: Plan, area: Area, fn: str) -> Section:
    """One of the ten areas: their words, the facts, what the adviser wrote, what happens next."""
    sa = plan.area(area)
    s = Section(label(area, "AreaFirstPerson"), f"area-{area.value}")
    words = own_words(plan, area)
    if words.strip():
        s.blocks.append(Quote(words, fn, "In my words"))
    else:
        s.blocks.append(Callout("I haven't said anything here yet. I can add my own words at my next meeting.", tone="missing"))
    s.blocks.extend(area_details(plan, area, first_person=True))
    if sa.assessment.strip():
        s.blocks.append(Heading("What my adviser wrote"))
        s.blocks.append(Para(sa.assessment))
    open_actions = [a for a in actions_by_date(sa.actions) if a.status in OPEN_ACTION]
    if open_actions:
        s.blocks.append(Heading("What will happen next"))
        rows = [(a.what, a.who, fmt_date(a.by_when, "No date yet")) for a in open_actions]
        s.blocks.append(Table(("What", "Who", "By when"), rows, (0.6, 0.22, 0.18), kind="actions"))
    return s


def _who_helps(plan: Plan) -> Section:
    s = Section("Who will help me, and by when", "who-helps")
    acts = [(ar, a) for ar, a in plan.all_actions() if a.status in OPEN_ACTION]
    acts.sort(key=lambda t: (t[1].by_when is None, t[1].by_when or date.max))
    rows = [(a.what, a.who, fmt_date(a.by_when, "No date yet"), label(ar, "AreaFirstPerson")) for ar, a in acts]
    s.blocks.append(Table(("What", "Who", "By when", "Part of my plan"), rows, (0.42, 0.19, 0.18, 0.21), empty="Nothing is waiting to be done right now.", kind="actions"))
    done = [a for _ar, a in plan.all_actions() if a.status is ActionStatus.DONE]
    if done:
        s.blocks.append(Para(f"Already done: {len(done)} thing{'s' if len(done) != 1 else ''}. Well done to everyone who helped.", "muted"))
    return s


def _reviews(plan: Plan, today: date) -> Section:
    s = Section("My reviews", "reviews")
    nxt = dates.next_review_due(plan, today)
    s.blocks.append(Para(f"My plan is looked at again at least every six months. My next review is due by {dates.fmt(nxt)}." if nxt else "My plan is looked at again at least every six months, and any time I ask."))
    views = [r for r in sorted(plan.reviews, key=lambda r: (r.held_on is None, r.held_on or date.min), reverse=True) if r.young_person_views.strip()]
    if views:
        s.blocks.append(Table(("Review", "What I said"), [(fmt_date(r.held_on), r.young_person_views) for r in views], (0.2, 0.8)))
    return s
