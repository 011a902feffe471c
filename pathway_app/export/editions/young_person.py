""""My pathway plan": the young person's own copy, written to them, in the first person.

Built from the plan *as the young person may see it* (:func:`pathway_app.domain.audiences.view`
with the young person's audience): what the policy hides from them (safety notes, contact
restrictions, other people's numbers, the answers to research prompts) is not in the plan this
edition reads, and the copy says so in one line instead of leaving a silent gap.

Their words come first in every part; what their adviser thinks is headed as written to them
("What Leon thinks") and what will happen as "What we agreed"; their rights are the right ones
for their age and category (:mod:`pathway_app.domain.rights`); and "Who I can call" gives the
numbers — their adviser's from the plan, the rest from the organisation's settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ...domain import dates
from ...domain.audiences import Audience, view
from ...domain.labels import label
from ...domain.model import Plan
from ...domain.organisation import organisation
from ...domain.rights import my_rights
from ...domain.vocab import (
    OPEN_ACTION,
    SCHEDULE_1_AREAS,
    ActionStatus,
    Area,
    Decision,
    Parenting,
    PlanView,
    RelationshipStatus,
)
from ...domain.wording import names
from ..blocks import (
    actions_by_date,
    adviser_name,
    area_details,
    field_name,
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
HEADER_NOTE = "This is my personal information: I keep it somewhere safe."

#: What is not in this copy, and why, in one line (the audience policy keeps it out).
NOT_IN_MY_COPY = (
    "Some notes my adviser keeps so that everyone stays safe — like arrangements about contact, and other "
    "people's phone numbers — are not in my copy. I can ask to see everything the council holds about me "
    "at any time."
)


def _yp(fid: str) -> str:
    return field_name(fid, True)


def build(plan: Plan, today: date, prompts: Sequence | None = None) -> tuple[list[Block], list[Section]]:
    """The cover blocks and the sections of their own copy (``prompts`` are never shown)."""
    mine = view(plan, Audience.YOUNG_PERSON).plan
    fn = first_name(mine)
    p = mine.person
    sections = [
        _rights(mine, today),
        _who_i_can_call(mine),
        _about_me(mine, fn),
        _people(mine),
        _timeline(mine, today),
        Section("My plan, part by part", "areas", [Para(
            "Ten parts, the same in every pathway plan: what I said, what my adviser thinks, and what we "
            "agreed will happen — who will do it, and by when.")]),
        *(_area(mine, area, fn) for area in SCHEDULE_1_AREAS),
        _who_helps(mine),
        _reviews(mine, today),
        _agreeing(mine),
        signing(
            "Signing my plan",
            "I have read my plan, and it says what I want to say. If something is wrong, I can ask for it to be changed.",
            [("Me", p.display_name), ("My personal adviser", adviser_name(mine))],
        ),
    ]
    return _cover(mine, today), sections


def _adviser_first_name(plan: Plan) -> str:
    name = adviser_name(plan).split()
    return name[0] if name else "my adviser"


def _cover(plan: Plan, today: date) -> list[Block]:
    p = plan.person
    adviser = plan.current_adviser()
    return [
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
                (_yp("person.pronouns"), p.pronouns),
                (_yp("person.date_of_birth"), dates.date_of_birth_words(p.date_of_birth, p.date_of_birth_basis, p.age_assessed_on)),
                ("My personal adviser", adviser.name if adviser else "Not chosen yet"),
                ("My next review", fmt_date(dates.next_review_due(plan, today))),
            ]
        ),
        Para(NOT_IN_MY_COPY, "muted"),
    ]


def _rights(plan: Plan, today: date) -> Section:
    s = Section("My rights", "rights")
    rights = my_rights(plan, today)
    if not rights:
        s.blocks.append(Callout("My birthday isn't written down yet, so what I'm entitled to can't be worked out. "
                                "I can ask my adviser.", tone="missing"))
        return s
    s.blocks.extend(Para(r) for r in rights)
    return s


def _who_i_can_call(plan: Plan) -> Section:
    """My adviser, with their number, then the organisation's numbers; the plan's own words
    about who to call when things go wrong."""
    s = Section("Who I can call", "call")
    rows: list[tuple[str, str, str]] = []
    adviser = plan.current_adviser()
    if adviser is not None:
        contact = "\n".join(x for x in (adviser.phone, adviser.email) if x) or "Ask the leaving care team"
        who = f"My personal adviser, {adviser.name}" + (f" ({adviser.organisation})" if adviser.organisation else "")
        rows.append((who, contact, ""))
    for c in organisation().contacts:
        rows.append((c.yp, c.phone, c.when))
    s.blocks.append(Table(("Who", "Number", "When"), rows, (0.42, 0.26, 0.32), kind="people"))
    if plan.contingency.who_to_call.strip():
        s.blocks.append(Heading("If things go wrong, I can call"))
        s.blocks.append(Para(plan.contingency.who_to_call))
    return s


def _about_me(plan: Plan, fn: str) -> Section:
    p = plan.person
    s = Section(_yp("person"), "about-me")
    if p.about_me_own_words.strip():
        s.blocks.append(Quote(p.about_me_own_words, fn, "In my words"))
    else:
        s.blocks.append(Callout("I haven't written about myself yet. I can add it with my adviser whenever I like.", tone="missing"))
    s.blocks.append(key_values([(_yp(f"person.{f}"), getattr(p, f)) for f in ("strengths", "interests", "achievements")]))
    s.blocks.extend(_circumstances(plan))
    return s


def _circumstances(plan: Plan) -> list[Block]:
    """My immigration status, being a parent and youth justice: in my copy too, where recorded."""
    p = plan.person
    out: list[Block] = []
    if plan.immigration:
        out.append(Heading(_yp("immigration")))
        rows = [(label(m.status), fmt_date(m.since), fmt_date(m.until), m.notes) for m in
                sorted(plan.immigration, key=lambda m: (m.since is None, m.since or date.min))]
        out.append(Table(tuple(_yp(f"immigration.{c}") for c in ("status", "since", "until", "notes")), rows,
                         (0.3, 0.17, 0.17, 0.36)))
    if p.parenting is not Parenting.NO or plan.children:
        out.append(Heading(_yp("person.parenting")))
        out.append(key_values([(_yp("person.parenting"), label(p.parenting)), (_yp("person.parenting_notes"), p.parenting_notes)]))
        if plan.children:
            rows = [(c.name or "My baby", fmt_date(c.due_on), fmt_date(c.born_on)) for c in plan.children]
            out.append(Table(tuple(_yp(f"children.{c}") for c in ("name", "due_on", "born_on")), rows, (0.4, 0.3, 0.3)))
    if p.youth_justice:
        out.append(Heading(_yp("person.youth_justice")))
        out.append(Para(p.youth_justice_notes or "Written down in my plan so the right people can help."))
    return out


def _people(plan: Plan) -> Section:
    """Who matters to me (no one's phone number or safety notes: they are not in my view)."""
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
    header = (_yp("relationships.name"), "Who they are to me", "How often we're in touch", _yp("relationships.there_at_25"),
              "What they bring / keeping in touch")
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


def _home(plan: Plan) -> list[Block]:
    """Where I live, where I'll live next, and Staying Put or Staying Close (the home part)."""
    h = plan.home
    out: list[Block] = [
        key_values(
            [
                (_yp("home.current_name"), label(h.current_type) + (f" — {h.current_name}" if h.current_name else "")),
                (_yp("home.current_since"), fmt_date(h.current_since)),
                ("Where I'll live next", (label(h.planned_type) if h.planned_type else "") + (f" — {h.planned_description}" if h.planned_description else "")),
                (_yp("home.planned_move_date"), fmt_date(h.planned_move_date)),
                (_yp("home.fallback"), h.fallback),
            ]
        )
    ]
    sp, sc = plan.staying_put, plan.staying_close
    spa, sca = sp.current(), sc.current()
    if sp.decision is not Decision.NOT_DISCUSSED or spa is not None:
        end = dates.staying_put_end(plan)
        words = f"Staying Put (staying with my foster carers after 18): {label(sp.decision).lower()}."
        if sp.decision is Decision.AGREED:
            carers = names(c.name for c in spa.carers) if spa else ""
            words = f"I'm Staying Put with {carers or 'my foster carers'}" + (f" until {dates.fmt(end)}" if end else "") + "."
        out.append(Para(words))
    if sc.decision is not Decision.NOT_DISCUSSED or sca is not None:
        words = f"Staying Close (living near my children's home and keeping in touch): {label(sc.decision).lower()}."
        if sc.decision is Decision.AGREED:
            home, new = (sca.home_name, sca.new_home) if sca else ("", "")
            words = "I'm Staying Close" + (f" to {home}" if home else "") + (f", living at {new}" if new else "") + "."
        out.append(Para(words))
    return out


def _area(plan: Plan, area: Area, fn: str) -> Section:
    """One of the ten parts: my words first, the facts, what my adviser thinks, what we agreed."""
    sa = plan.area(area)
    s = Section(label(area, "AreaFirstPerson"), f"area-{area.value}", level=1)
    words = own_words(plan, area)
    if words.strip():
        s.blocks.append(Quote(words, fn, "In my words"))
    else:
        s.blocks.append(Callout("I haven't said anything here yet. I can add my own words at my next meeting.", tone="missing"))
    s.blocks.extend(_home(plan) if area is Area.ACCOMMODATION else area_details(plan, area, first_person=True))
    if sa.assessment.strip():
        s.blocks.append(Heading(f"What {_adviser_first_name(plan)} thinks"))
        s.blocks.append(Para(sa.assessment))
    open_actions = [a for a in actions_by_date(sa.actions) if a.status in OPEN_ACTION]
    if open_actions:
        s.blocks.append(Heading("What we agreed"))
        rows = [(a.what, a.who, fmt_date(a.by_when, "No date yet")) for a in open_actions]
        s.blocks.append(Table(_action_columns(), rows, (0.6, 0.22, 0.18), kind="actions"))
    return s


def _action_columns() -> tuple[str, str, str]:
    return ("What will happen", "Who will do it", "By when")


def _who_helps(plan: Plan) -> Section:
    s = Section("Who will help me, and by when", "who-helps")
    acts = [(ar, a) for ar, a in plan.all_actions() if a.status in OPEN_ACTION]
    acts.sort(key=lambda t: (t[1].by_when is None, t[1].by_when or date.max))
    rows = [(a.what, a.who, fmt_date(a.by_when, "No date yet"), label(ar, "AreaFirstPerson")) for ar, a in acts]
    s.blocks.append(Table((*_action_columns(), "Part of my plan"), rows, (0.42, 0.19, 0.18, 0.21), empty="Nothing is waiting to be done right now.", kind="actions"))
    done = [a for _ar, a in plan.all_actions() if a.status is ActionStatus.DONE]
    if done:
        s.blocks.append(Para(f"Already done: {len(done)} thing{'s' if len(done) != 1 else ''}. Well done to everyone who helped.", "muted"))
    return s


def _reviews(plan: Plan, today: date) -> Section:
    s = Section("My reviews", "reviews")
    nxt = dates.next_review_due(plan, today)
    s.blocks.append(Para(f"My plan is looked at again at least every six months, and any time I ask. My next review is due by {dates.fmt(nxt)}."
                         if nxt else "My plan is looked at again at least every six months, and any time I ask."))
    views = [r for r in sorted(plan.reviews, key=lambda r: (r.held_on is None, r.held_on or date.min), reverse=True) if r.young_person_views.strip()]
    if views:
        s.blocks.append(Table(("Review", _yp("reviews.young_person_views")), [(fmt_date(r.held_on), r.young_person_views) for r in views], (0.2, 0.8)))
    return s


def _agreeing(plan: Plan) -> Section:
    """What I think of my plan, who helped me say it, and who gets a copy."""
    so = plan.sign_off
    s = Section(_yp("sign_off"), "agreeing")
    if so.young_person_view is not PlanView.NOT_ASKED:
        s.blocks.append(Para(label(so.young_person_view, "PlanViewFirstPerson") + "."))
    if so.young_person_comments.strip():
        s.blocks.append(Quote(so.young_person_comments, first_name(plan), "In my words"))
    advocacy = organisation().contact("advocacy")
    rows = [
        (_yp("sign_off.advocacy_offered"), "Yes" if so.advocacy_offered else "No" if so.advocacy_offered is False else ""),
        (_yp("sign_off.advocate"), so.advocate),
        (_yp("sign_off.interpreter_used"), (f"Yes, in {so.interpreter_language}" if so.interpreter_language else "Yes")
         if so.interpreter_used else ""),
        (_yp("sign_off.reviewing_officer"), so.reviewing_officer),
        (_yp("sign_off.copies_to"), so.copies_to),
    ]
    s.blocks.append(key_values(rows))
    if advocacy is not None:
        s.blocks.append(Para(f"If I'd like someone on my side to help me say what I think, I can call the "
                             f"{advocacy.who[0].lower() + advocacy.who[1:]} on {advocacy.phone}.", "muted"))
    return s
