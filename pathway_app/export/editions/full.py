"""The full pathway plan: for the file, and for the manager to sign.

Everything the plan holds, for practitioners: the care-leaver category and why, the safety
notes and contact restrictions (in the people section only), each of the ten areas of
Schedule 1 with the young person's own words, the assessment and the actions, and the
research and statutory prompts considered and what was done about each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ...domain import agreements, dates
from ...domain.labels import label
from ...domain.model import Plan
from ...domain.vocab import SCHEDULE_1_AREAS, Area, Decision, HomeRegistration, Parenting, RelationshipType
from ...domain.wording import names, pronouns
from ..blocks import (
    action_status,
    actions_by_date,
    adviser_name,
    area_details,
    field_name,
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
    yes_no,
)
from ..model import Block, Callout, Heading, Para, Quote, Section, Table

TITLE = "Pathway plan"


def build(plan: Plan, today: date, prompts: Sequence | None, appendix: bool = True) -> tuple[list[Block], list[Section]]:
    """The cover blocks and the sections of the full plan; the research prompts considered go
    in an appendix at the end, which the adviser may leave out (``appendix``)."""
    fn = first_name(plan)
    sections = [
        _key_dates(plan, today),
        _about_me(plan, fn),
        _people(plan),
        _home(plan, today),
        Section(field_name("support_areas"), "areas", [Para(
            "The ten areas every pathway plan covers (Care Leavers (England) Regulations 2010, Schedule 1): "
            "for each, the young person's own words, the assessment and what will be done, by whom and by when.")]),
        *(_area(plan, today, n, area, fn) for n, area in enumerate(SCHEDULE_1_AREAS, 1)),
        _reviews(plan, today),
        _advisers(plan),
        _agreeing(plan, fn),
        signing(
            "Signatures",
            "We have read this plan and agree it. The young person's views are recorded in their own words in each part of the plan.",
            _signers(plan),
        ),
    ]
    if appendix:
        sections.append(_prompts(plan, today, prompts))
    return _cover(plan, today), sections


def _signers(plan: Plan) -> list[tuple[str, str]]:
    """A signature block for each party: the young person, their adviser, a manager, and the
    independent reviewing officer where there is one."""
    out = [("Young person", plan.person.display_name), (label(RelationshipType.PERSONAL_ADVISER), adviser_name(plan)),
           ("Manager", "")]
    if plan.sign_off.reviewing_officer.strip():
        out.append((field_name("sign_off.reviewing_officer"), plan.sign_off.reviewing_officer))
    return out


def _agreeing(plan: Plan, fn: str) -> Section:
    """What the young person thinks of the plan, in their words; advocacy and an interpreter;
    who gets a copy."""
    so = plan.sign_off
    s = Section(field_name("sign_off"), "agreeing")
    s.blocks.append(key_values([(field_name("sign_off.young_person_view"), label(so.young_person_view))], keep_empty=True))
    if so.young_person_comments.strip():
        s.blocks.append(Quote(so.young_person_comments, fn, f"In {fn}'s words"))
    else:
        s.blocks.append(Callout(f"{fn}'s comments on the plan are not recorded yet.", tone="missing"))
    s.blocks.append(key_values([
        (field_name("sign_off.advocacy_offered"), yes_no(so.advocacy_offered)),
        (field_name("sign_off.advocate"), so.advocate),
        (field_name("sign_off.interpreter_used"), yes_no(so.interpreter_used)),
        (field_name("sign_off.interpreter_language"), so.interpreter_language),
        (field_name("sign_off.reviewing_officer"), so.reviewing_officer),
    ], keep_empty=True))
    copies = [c.strip() for c in so.copies_to.splitlines() if c.strip()]
    s.blocks.append(Heading(field_name("sign_off.copies_to")))
    s.blocks.append(Para("\n".join(copies) if copies else
                         f"Not recorded yet. As a minimum: {fn}; their personal adviser; the record."))
    return s


def _cover(plan: Plan, today: date) -> list[Block]:
    p = plan.person
    cat = dates.care_leaver_category(plan, today)
    adviser = plan.current_adviser()
    last = plan.last_review()
    return [
        key_values(
            [
                ("Name", " ".join(x for x in (p.given_name, p.family_name) if x)),
                (field_name("person.preferred_name"), p.preferred_name),
                (field_name("person.pronouns"), p.pronouns),
                (field_name("person.date_of_birth"), dates.date_of_birth_words(p.date_of_birth, p.date_of_birth_basis, p.age_assessed_on)
                 + (f", age {dates.age_on(p.date_of_birth, today)}" if p.date_of_birth else "")),
                ("Care-leaver category", label(cat.category.value, "Category")),
                ("Why", cat.reason),
                (field_name("person.phone"), p.phone),
                (field_name("person.email"), p.email),
                (field_name("person.address"), p.address),
                (field_name("person.local_authority"), p.local_authority),
                (field_name("person.legal_status"), label(p.legal_status)),
                ("Personal adviser", f"{adviser.name}, {adviser.organisation}".strip(", ") if adviser else ""),
                (field_name("plan_agreed_on"), fmt_date(plan.plan_agreed_on)),
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
    s = Section(field_name("person"), "about-me")
    if p.about_me_own_words.strip():
        s.blocks.append(Quote(p.about_me_own_words, fn, f"In {fn}'s words"))
    else:
        s.blocks.append(Callout(f"{fn}'s own words about {pronouns(p.pronouns).themselves} are not recorded yet.", tone="missing"))
    s.blocks.append(
        key_values(
            [
                (field_name("person.strengths"), p.strengths),
                (field_name("person.interests"), p.interests),
                (field_name("person.achievements"), p.achievements),
                (field_name("person.parenting"), label(p.parenting) if p.parenting != Parenting.NO else ""),
                ("", p.parenting_notes),
                (field_name("person.youth_justice"), "Yes" if p.youth_justice else ""),
                (field_name("person.youth_justice_notes"), p.youth_justice_notes),
            ]
        )
    )
    s.blocks.extend(_circumstances(plan))
    return s


def _circumstances(plan: Plan) -> list[Block]:
    """Immigration matters and the young person's children, in the catalogue's words."""
    out: list[Block] = []
    if plan.immigration:
        f = lambda n: field_name(f"immigration.{n}")  # noqa: E731
        out.append(Heading(field_name("immigration")))
        rows = [(label(m.status), fmt_date(m.since), fmt_date(m.until), m.notes)
                for m in sorted(plan.immigration, key=lambda m: (m.since is None, m.since or date.min))]
        out.append(Table((f("status"), f("since"), f("until"), f("notes")), rows, (0.3, 0.15, 0.15, 0.4)))
    if plan.children:
        f = lambda n: field_name(f"children.{n}")  # noqa: E731
        out.append(Heading(field_name("children")))
        rows = [(c.name, fmt_date(c.due_on), fmt_date(c.born_on),
                 "" if c.lives_with_young_person is None else ("Yes" if c.lives_with_young_person else "No"), c.notes)
                for c in plan.children]
        out.append(Table((f("name"), f("due_on"), f("born_on"), f("lives_with_young_person"), f("notes")), rows,
                         (0.2, 0.15, 0.15, 0.15, 0.35)))
    return out


def _people(plan: Plan) -> Section:
    s = Section(field_name("relationships"), "people")
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
    # "Contact" and "Keeping in touch" each gather several fields
    header = (field_name("relationships.name"), field_name("relationships.relationship_type"), field_name("relationships.closeness"),
              "Contact", field_name("relationships.there_at_25"), field_name("relationships.status"), "Keeping in touch")
    s.blocks.append(Table(header, rows, (0.14, 0.18, 0.11, 0.15, 0.09, 0.14, 0.19), kind="people"))
    restricted = [r for r in rels if r.safety_notes.strip() or r.contact_restrictions.strip()]
    s.blocks.append(Heading("Safety notes and contact restrictions"))
    if restricted:
        s.blocks.append(Para("For practitioners. These notes are left out of the young person's own copy.", "muted"))
        rows = [(r.name, r.safety_notes, r.contact_restrictions) for r in restricted]
        header = tuple(field_name(f"relationships.{c}") for c in ("name", "safety_notes", "contact_restrictions"))
        s.blocks.append(Table(header, rows, (0.2, 0.4, 0.4)))
    else:
        s.blocks.append(Para("None recorded.", "muted"))
    return s


def _home(plan: Plan, today: date) -> Section:
    s = Section("Home and moving on", "home")
    h = plan.home
    s.blocks.append(
        key_values(
            [
                (field_name("home.current_name"), label(h.current_type) + (f" — {h.current_name}" if h.current_name else "")),
                (field_name("home.current_since"), fmt_date(h.current_since)),
                (field_name("home.suitability"), h.suitability),
                (field_name("home.planned_description"), (label(h.planned_type) if h.planned_type else "") + (f" — {h.planned_description}" if h.planned_description else "")),
                (field_name("home.planned_move_date"), fmt_date(h.planned_move_date)),
                (field_name("home.fallback"), h.fallback),
                (field_name("home.registration"),
                 label(h.registration) if h.registration in (HomeRegistration.REGISTERED, HomeRegistration.UNREGISTERED) else ""),
            ]
        )
    )
    s.blocks.extend(_return_home(plan))
    s.blocks.append(Heading(field_name("staying_put")))
    s.blocks.extend(_staying_put_summary(plan))
    s.blocks.append(Heading(field_name("staying_close")))
    s.blocks.extend(_staying_close_summary(plan))
    if plan.care_episodes:
        s.blocks.append(Heading(field_name("care_episodes")))
        eps = sorted(plan.care_episodes, key=lambda e: (e.start is None, e.start or date.min))
        rows = [
            (fmt_date(e.start), fmt_date(e.end, "now"),
             label(e.home_type) + (f" — {e.home_name}" if e.home_name else "") + (" (short break)" if e.short_break else ""),
             label(e.legal_status), e.notes)
            for e in eps
        ]
        header = (field_name("care_episodes.start"), field_name("care_episodes.end"), "Home",  # kind and name of the home
                  field_name("care_episodes.legal_status"), field_name("care_episodes.notes"))
        s.blocks.append(Table(header, rows, (0.14, 0.14, 0.28, 0.18, 0.26)))
    if plan.orders:
        f = lambda n: field_name(f"orders.{n}")  # noqa: E731
        s.blocks.append(Heading(field_name("orders")))
        rows = [(label(o.kind), fmt_date(o.made_on), o.with_whom, fmt_date(o.ended_on), o.notes) for o in plan.orders]
        s.blocks.append(Table((f("kind"), f("made_on"), f("with_whom"), f("ended_on"), f("notes")), rows,
                              (0.2, 0.14, 0.22, 0.14, 0.3)))
    s.blocks.extend(_category_dates(plan, today))
    return s


def _return_home(plan: Plan) -> list[Block]:
    rh = plan.return_home
    if rh.returned_on is None and not (rh.with_whom.strip() or rh.support.strip() or rh.notes.strip()):
        return []
    f = lambda n: field_name(f"return_home.{n}")  # noqa: E731
    return [
        Heading(field_name("return_home")),
        key_values([(f("returned_on"), fmt_date(rh.returned_on)), (f("with_whom"), rh.with_whom),
                    (f("support"), rh.support), (f("support_until"), fmt_date(rh.support_until)),
                    (f("review_on"), fmt_date(rh.review_on)), (f("ended_on"), fmt_date(rh.ended_on)),
                    (f("notes"), rh.notes)]),
    ]


def _category_dates(plan: Plan, today: date) -> list[Block]:
    """The dates the care-leaver category rests on, each on its own line."""
    cd = dates.category_dates(plan, today)
    if not cd.periods and cd.sgo_made_on is None:
        return []
    out: list[Block] = [Heading("How the care-leaver category was worked out")]
    if cd.periods:
        rows = [(fmt_date(pd.start), fmt_date(pd.end, "now"), pd.home_name,
                 str(pd.days_counted) if pd.counts else "0", pd.why_not
                 + (("; " if pd.why_not else "") + f"ended by the {label(pd.ended_by).lower()}" if pd.ended_by else ""))
                for pd in cd.periods]
        out.append(Table(("From", "To", "Home", "Days that count", "Note"), rows, (0.14, 0.14, 0.26, 0.14, 0.32)))
    out.append(key_values([
        ("Days counted since the 14th birthday", str(cd.days_counted)),
        ("13 weeks completed on", fmt_date(cd.thirteen_weeks_completed_on)),
        ("Eligible from", fmt_date(cd.eligible_from)),
        ("Eligible from, if still looked after", fmt_date(cd.eligible_from_if_stays)),
        ("Relevant from", fmt_date(cd.relevant_from)),
        ("Former relevant from", fmt_date(cd.former_relevant_from)),
        ("Qualifying from", fmt_date(cd.qualifying_from)),
        ("Special guardianship order made on", fmt_date(cd.sgo_made_on)),
        ("Needs assessment due", fmt_date(dates.needs_assessment_due(plan, today))),
    ]))
    return out


def _staying_put_summary(plan: Plan) -> list[Block]:
    sp = plan.staying_put
    a = sp.current() or sp.latest()
    if sp.decision is Decision.NOT_DISCUSSED and a is None:
        return [Para(label(Decision.NOT_DISCUSSED) + ".", "empty")]
    return [
        key_values(
            [
                (field_name("staying_put.decision"), label(sp.decision)),
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
                (field_name("staying_close.decision"), label(sc.decision)),
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
    s = Section(f"{n}. {label(area)}", f"area-{area.value}", level=1)
    words = own_words(plan, area)
    if words.strip():
        s.blocks.append(Quote(words, fn, f"In {fn}'s words"))
    else:
        s.blocks.append(Callout(f"{fn}'s own words are not recorded for this area yet.", tone="missing"))
    s.blocks.extend(area_details(plan, area, first_person=False))
    s.blocks.append(Heading(field_name("support_areas.assessment")))
    s.blocks.append(text_or(sa.assessment, "Not recorded yet."))
    s.blocks.append(Heading(field_name("support_areas.actions")))
    s.blocks.append(
        Table(
            tuple(field_name(f"support_areas.actions.{c}") for c in ("what", "who", "by_when", "status")),
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
    s = Section("Appendix: research prompts considered", "prompts")
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


def _reviews(plan: Plan, today: date) -> Section:
    s = Section(field_name("reviews"), "reviews")
    s.blocks.append(key_values([("Next review due", fmt_date(dates.next_review_due(plan, today))),
                                (field_name("review_requested_on"), fmt_date(plan.review_requested_on))]))
    revs = sorted(plan.reviews, key=lambda r: (r.held_on is None, r.held_on or date.min), reverse=True)
    rows = [(fmt_date(r.held_on), r.participants, r.summary, r.young_person_views) for r in revs]
    header = tuple(field_name(f"reviews.{c}") for c in ("held_on", "participants", "summary", "young_person_views"))
    s.blocks.append(Table(header, rows, (0.14, 0.22, 0.36, 0.28), empty="No reviews held yet."))
    return s


def _advisers(plan: Plan) -> Section:
    s = Section(field_name("advisers"), "advisers")
    advs = sorted(plan.advisers, key=lambda a: (a.start is None, a.start or date.min))
    rows = [(a.name, a.organisation, "\n".join(x for x in (a.phone, a.email) if x), fmt_date(a.start), fmt_date(a.end, "now"),
             a.handover_notes) for a in advs]
    header = tuple(field_name(f"advisers.{c}") for c in ("name", "organisation")) + ("Contact",) + \
        tuple(field_name(f"advisers.{c}") for c in ("start", "end", "handover_notes"))
    s.blocks.append(Table(header, rows, (0.16, 0.16, 0.2, 0.12, 0.1, 0.26), empty="No personal adviser recorded yet."))
    return s
