"""Blocks that several editions share, and the small helpers they are written with (pure).

An edition (:mod:`pathway_app.export.editions`) picks and orders these for its audience. Most
take ``first_person``: the young person's own copy says "My next review", the practitioners'
editions "Next review due". A label that names a field of the plan is the field catalogue's
(:func:`field_name`): its ``yp`` words in the young person's copy, its ``label`` in the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ..domain import agreements, dates, fields, geometry
from ..domain.labels import label
from ..domain.model import Action, Plan, Relationship, YoungPerson
from ..domain.vocab import OPEN_ACTION, SIGNED_STATUSES, AgreementStatus, Area, EetStatus, RelationshipStatus
from ..domain.wording import names, ordinal
from .model import (
    Block,
    Callout,
    Heading,
    KeyValues,
    MapPerson,
    MapSpec,
    Para,
    Picture,
    Section,
    Signatures,
    Table,
    TimelineSpec,
)

# --------------------------------------------------------------------------- formatting helpers


def fmt_date(d: date | None, empty: str = "") -> str:
    """A date in words ("23 November 2026"), or ``empty``."""
    return dates.fmt(d) if d else empty


def yes_no(v: bool | None) -> str:
    """"Yes" or "No"; nothing when not recorded, so a key/value list leaves the row out."""
    return "" if v is None else ("Yes" if v else "No")


def field_name(fid: str, first_person: bool = False) -> str:
    """The catalogue's name for field ``fid``: the young person's words in their own copy."""
    return fields.label(fid, young_person=first_person)


def first_name(plan: Plan) -> str:
    p = plan.person
    return p.preferred_name.strip() or p.given_name.strip() or "the young person"


def full_name(p: YoungPerson) -> str:
    return " ".join(x for x in (p.given_name.strip(), p.family_name.strip()) if x)


def adviser_name(plan: Plan) -> str:
    a = plan.current_adviser()
    return a.name if a else ""


def shorten(s: str, n: int) -> str:
    """``s`` on one line, cut to ``n`` characters with an ellipsis."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def key_values(rows: Sequence[tuple[str, str]], *, keep_empty: bool = False, empty: str = "Not recorded") -> KeyValues:
    """A key/value list of the rows with something in them (or every row, with ``empty`` said)."""
    out = []
    for k, v in rows:
        v = (v or "").strip()
        if v or keep_empty:
            out.append((k, v or empty))
    return KeyValues(out)


def text_or(text: str, missing: str) -> Para:
    """``text`` as a paragraph, or ``missing`` in the quiet "nothing recorded" style."""
    return Para(text) if text.strip() else Para(missing, "empty")


def actions_by_date(actions: Sequence[Action]) -> list[Action]:
    """Soonest first; actions with no date last."""
    return sorted(actions, key=lambda a: (a.by_when is None, a.by_when or date.max))


def action_status(a: Action, today: date) -> str:
    s = label(a.status)
    if a.status in OPEN_ACTION and a.by_when is not None and a.by_when < today:
        s += " (overdue)"
    return s


def people_in_order(relationships: Sequence[Relationship]) -> list[Relationship]:
    """Closest first, ended relationships last, then by name."""

    def key(r: Relationship) -> tuple:
        return (r.status == RelationshipStatus.ENDED, list(type(r.closeness)).index(r.closeness), r.name.casefold())

    return sorted(relationships, key=key)


# --------------------------------------------------------------------------- dates and the timeline


def key_dates(plan: Plan, today: date, *, first_person: bool) -> list[tuple[str, str]]:
    """(what, when) for the key birthdays and what is due: the key-dates table's rows."""
    dob = plan.person.date_of_birth
    rows: list[tuple[str, str]] = []
    if dob:
        for age, d in dates.key_birthdays(dob).items():
            suffix = " (passed)" if d < today else ""
            rows.append((f"I turn {age}" if first_person else f"{ordinal(age)} birthday", dates.fmt(d) + suffix))
    due = dates.needs_assessment_due(plan, today)
    if plan.needs_assessment_done_on:
        rows.append(("My needs assessment" if first_person else "Needs assessment", f"done on {dates.fmt(plan.needs_assessment_done_on)}"))
    elif due:
        rows.append(("Needs assessment due", dates.fmt(due) + (" (overdue)" if due < today else "")))
    rev = dates.next_review_due(plan, today)
    if rev:
        rows.append(("My next review" if first_person else "Next review due", dates.fmt(rev) + (" (overdue)" if rev < today else "")))
    if plan.home.planned_move_date:
        rows.append(("My planned move" if first_person else "Planned move", dates.fmt(plan.home.planned_move_date)))
    sp = dates.staying_put_end(plan)
    if sp:
        rows.append(("Staying Put ends", dates.fmt(sp)))
    pa = dates.pa_support_end(plan)
    if pa:
        rows.append((_adviser_until(plan, first_person), dates.fmt(pa)))
    rows.extend((i.label, dates.fmt(i.when)) for i in _family_dates(plan, today))
    return rows


def _adviser_until(plan: Plan, first_person: bool, short: bool = False) -> str:
    """The personal adviser's date in words: at 21 they can be asked to carry on to 25, so the
    date is never called an end when it need not be one."""
    if plan.pa_support_to_25:
        if short:
            return "My adviser until 25" if first_person else "Adviser support to 25"
        return "My personal adviser helps me until" if first_person else "Personal adviser support (asked to continue to 25) until"
    if short:
        return "My adviser to 21 (25 if I ask)" if first_person else "Adviser to 21 (25 on request)"
    return ("My personal adviser: to 21, or 25 if I ask" if first_person
            else "Personal adviser support to 21 (to 25 if they ask)")


def _family_dates(plan: Plan, today: date) -> list[dates.DueItem]:
    """The plan's own dates beyond actions: a baby due, children's birthdays, immigration leave
    ending, the review of support after going back to family."""
    return [i for i in dates.plan_dates(plan, today) if i.kind != "action"]


def timeline(plan: Plan, today: date, *, first_person: bool) -> Picture | None:
    """The 16-to-25 timeline, or None without a date of birth."""
    dob = plan.person.date_of_birth
    if dob is None:
        return None
    Event = geometry.TimelineEvent
    events: list[geometry.TimelineEvent] = []
    rev = dates.next_review_due(plan, today)
    if rev:
        events.append(Event(rev, "My next review" if first_person else "Review due", "review"))
    for r in plan.reviews:
        if r.held_on:
            events.append(Event(r.held_on, "Review", "review_held"))
    due = dates.needs_assessment_due(plan, today)
    if due:
        events.append(Event(due, "My needs assessment" if first_person else "Needs assessment due", "assessment"))
    if plan.home.planned_move_date:
        events.append(Event(plan.home.planned_move_date, "I move" if first_person else "Planned move", "move"))
    sp = dates.staying_put_end(plan)
    if sp:
        events.append(Event(sp, "My Staying Put ends" if first_person else "Staying Put ends", "staying_put"))
    pa = dates.pa_support_end(plan)
    if pa:
        events.append(Event(pa, _adviser_until(plan, first_person, short=True), "pa_support"))
    for _area, a in plan.all_actions():
        if a.by_when and a.status in OPEN_ACTION:
            events.append(Event(a.by_when, shorten(a.what, 30), "action"))
    for c in plan.children:  # a birth (or a baby due) is a milestone of the young person's own road
        if c.born_on is not None:
            events.append(Event(c.born_on, shorten(f"{c.name.strip() or 'Baby'} born", 30), "baby"))
    events.extend(Event(i.when, shorten(i.label, 30), i.kind) for i in _family_dates(plan, today)
                  if i.kind != "child_birthday")
    spec = TimelineSpec({age: dates.birthday(dob, age) for age in range(16, 26)}, events, today)
    caption = (
        "My timeline from 16 to 25. The red line is today."
        if first_person
        else "Timeline from the 16th to the 25th birthday: key birthdays, reviews, moves and actions due. "
        "The red line marks the date this plan was produced."
    )
    return Picture("timeline", spec, caption)


# --------------------------------------------------------------------------- people and signing


def relationship_map(plan: Plan, *, first_person: bool) -> Picture:
    caption = (
        "The people who matter to me. Closer rings are people I'm closer to; thicker lines mean "
        "we're in touch more often; a star means they'll be there for me at 25."
        if first_person
        else "Relationship map: rings show closeness, sectors group family, friends and community, "
        "carers and professionals; line weight shows how often they are in touch; a star marks "
        "someone who will be there at 25; dashed grey shows a relationship that has ended."
    )
    people = tuple(MapPerson(r.id, r.name, r.relationship_type, r.closeness, r.contact_frequency, r.there_at_25, r.status)
                   for r in plan.relationships)
    return Picture("ecomap", MapSpec(people, first_name(plan)), caption, centre=first_name(plan))


def signing(title: str, words: str, signers: Sequence[tuple[str, str]]) -> Section:
    """The last section of every edition: what the signers agree, and a line for each of them."""
    return Section(title, "signatures", [Para(words), Signatures(list(signers))])


# --------------------------------------------------------------------------- an area of the plan


def own_words(plan: Plan, area: Area) -> str:
    """The young person's own words for ``area``: the area's, and the words they gave for its
    section of the plan (what would help if things go wrong; who they are), together."""
    words = plan.area(area).own_words
    extra = {Area.CONTINGENCY: plan.contingency.own_words, Area.IDENTITY: plan.identity.own_words}.get(area, "")
    if not words.strip():
        return extra
    if extra.strip() and extra.strip() != words.strip():
        return words.rstrip() + "\n" + extra
    return words


def area_details(plan: Plan, area: Area, *, first_person: bool) -> list[Block]:
    """The facts the plan holds for an area beyond words, assessment and actions."""
    details = _AREA_DETAILS.get(area)
    return details(plan, first_person) if details else []


def _education(plan: Plan, fp: bool) -> list[Block]:
    e = plan.education
    return [
        key_values(
            [
                (field_name("education.status", fp), label(e.status)),
                (field_name("education.provider", fp), e.provider),
                (field_name("education.course", fp), e.course),
                (field_name("education.start", fp), fmt_date(e.start)),
                (field_name("education.expected_end", fp), fmt_date(e.expected_end)),
                (field_name("education.designated_contact", fp), e.designated_contact),
                (field_name("education.year_round_housing", fp), yes_no(e.year_round_housing)),
                (field_name("education.bursary", fp), yes_no(e.bursary)),
                (field_name("education.plans", fp), e.plans),
            ]
        )
    ]


def _health(plan: Plan, fp: bool) -> list[Block]:
    h = plan.health
    return [
        key_values(
            [
                (field_name("health.physical", fp), h.physical),
                (field_name("health.emotional_wellbeing", fp), h.emotional_wellbeing),
                (field_name("health.mental_health", fp), h.mental_health),
                (field_name("health.services", fp), h.services),
                (field_name("health.adult_services_transition", fp), h.adult_services_transition),
                (field_name("health.gp_registered", fp), yes_no(h.gp_registered)),
            ]
        )
    ]


def _money(plan: Plan, fp: bool) -> list[Block]:
    m = plan.money
    return [
        key_values(
            [
                (field_name("money.income", fp), m.income),
                (field_name("money.bank_account", fp), yes_no(m.bank_account)),
                (field_name("money.council_tax_exemption", fp), yes_no(m.council_tax_exemption)),
                (field_name("money.local_offer_explained_on", fp), fmt_date(m.local_offer_explained_on)),
                (field_name("money.savings", fp), m.savings),
                (field_name("money.debts", fp), m.debts),
                (field_name("money.notes", fp), m.notes),
            ]
        )
    ]


def _skills(plan: Plan, fp: bool) -> list[Block]:
    rows = [(label(s.key, "Skill"), label(s.level), s.notes) for s in plan.skills]
    header = tuple(field_name(f"skills.{c}", fp) for c in ("key", "level", "notes"))
    return [Table(header, rows, (0.38, 0.17, 0.45))]


def _identity(plan: Plan, fp: bool) -> list[Block]:
    i = plan.identity  # its own words are shown with the area's (see own_words)
    out: list[Block] = []
    facts = ("ethnicity", "religion", "languages", "culture", "gender", "sexuality")
    out.append(key_values([(field_name(f"identity.{f}", fp), getattr(i, f)) for f in facts]))
    if plan.life_story:
        out.append(Heading(field_name("life_story", fp)))
        rows = [
            (fmt_date(e.when), label(e.kind), e.title, e.text)
            for e in sorted(plan.life_story, key=lambda e: (e.when is None, e.when or date.min))
        ]
        header = tuple(field_name(f"life_story.{c}", fp) for c in ("when", "kind", "title", "text"))
        out.append(Table(header, rows, (0.16, 0.18, 0.22, 0.44)))
    return out


def _contingency(plan: Plan, fp: bool) -> list[Block]:
    c = plan.contingency  # its own words are shown with the area's (see own_words)
    return [
        key_values(
            [
                (field_name("contingency.plan", fp), c.plan),
                (field_name("contingency.fallback_home", fp), c.fallback_home),
                (field_name("contingency.who_to_call", fp), c.who_to_call),
            ],
            keep_empty=True,
            empty="Not written yet" if fp else "Not recorded",
        ),
    ]


def _accommodation(plan: Plan, fp: bool) -> list[Block]:
    where = "where I live now and where I'll live next." if fp else "current home, planned move, Staying Put and Staying Close."
    return [Para("See also the home section: " + where, "muted")]


def _relationships(plan: Plan, fp: bool) -> list[Block]:
    where = "to me are on my relationship map." if fp else "are on the relationship map and in the table of people."
    return [Para("The people who matter " + where, "muted")]


#: What someone is doing that the work area also shows (the rest is education and training).
_WORKING = frozenset({EetStatus.EMPLOYMENT, EetStatus.APPRENTICESHIP, EetStatus.VOLUNTEERING, EetStatus.NEET})


def _employment(plan: Plan, fp: bool) -> list[Block]:
    e = plan.education
    if e.status not in _WORKING:
        return []
    return [key_values([(field_name("education.status", fp), label(e.status))])]


_AREA_DETAILS: dict[Area, Callable[[Plan, bool], list[Block]]] = {
    Area.EDUCATION: _education,
    Area.HEALTH: _health,
    Area.FINANCE: _money,
    Area.SKILLS: _skills,
    Area.IDENTITY: _identity,
    Area.CONTINGENCY: _contingency,
    Area.ACCOMMODATION: _accommodation,
    Area.RELATIONSHIPS: _relationships,
    Area.EMPLOYMENT: _employment,
}


# --------------------------------------------------------------------------- agreements
# What the Living Together Agreement (Staying Put) and the Staying Close plan share: the box on
# page 1 saying where the agreement is in its life, the versions, and the signing — one line per
# party for a draft or an agreed version; a record of who signed, never lines to sign, for a
# version that has ended or been replaced.


def agreement_state(plan: Plan, kind: str, a: Any) -> Callout:
    """Where this version is in its life, in words, for the first page."""
    what = agreements.NAMES[kind]
    signed = names(s.name for s in a.signatures)
    if a.status is AgreementStatus.DRAFT:
        todo = agreements.parts_to_do(a)
        more = (" Still to agree: " + "; ".join(t.lower() if i else t for i, t in enumerate(todo)) + ".") if todo else ""
        return Callout(f"This is a draft of version {a.version}. It is agreed when everyone named at the end has "
                       f"signed it.{more}", "Draft", tone="warm")
    if a.status is AgreementStatus.AGREED:
        return Callout(f"Version {a.version}, agreed on {fmt_date(a.agreed_on)}" + (f" and signed by {signed}" if signed else "")
                       + ". It is kept as it was signed: any change is made in a new version that everyone signs again.",
                       "Agreed", tone="info")
    if a.status is AgreementStatus.ENDED:
        why = f" {a.end_reason.strip().rstrip('.')}." if a.end_reason.strip() else ""
        return Callout(f"This {what} ended on {fmt_date(a.ended_on)}.{why} It is kept as a record of what was "
                       f"agreed on {fmt_date(a.agreed_on)}; it is not for signing.", "Ended — kept as a record", tone="missing")
    return Callout(f"Version {a.version} was replaced on {fmt_date(a.superseded_on)} by a later version. It is kept as "
                   f"a record of what was agreed on {fmt_date(a.agreed_on)}; it is not for signing.",
                   "Replaced — kept as a record", tone="missing")


def agreement_versions(kind: str, versions: Sequence[Any], shown: Any) -> Section | None:
    """Every version of the agreement, newest first (only when there is more than one)."""
    if len(versions) < 2:
        return None
    rows = []
    for a in sorted(versions, key=lambda x: -x.version):
        when = {AgreementStatus.DRAFT: "", AgreementStatus.AGREED: fmt_date(a.agreed_on),
                AgreementStatus.ENDED: f"{fmt_date(a.agreed_on)} – {fmt_date(a.ended_on)}",
                AgreementStatus.SUPERSEDED: f"{fmt_date(a.agreed_on)} – {fmt_date(a.superseded_on)}"}[a.status]
        this = " (this one)" if a.id == shown.id else ""
        rows.append((f"Version {a.version}{this}", label(a.status), when))
    return Section("Versions of this agreement", "versions",
                   [Table(("Version", "Where it is", "In force"), rows, (0.3, 0.35, 0.35))])


def agreement_signing(plan: Plan, kind: str, a: Any, words: str) -> Section:
    """The last part: for a draft or agreed version, a line for each party to sign (each carer on
    their own) and who gets a copy; for one that ended or was replaced, who signed it, as a record."""
    parties = agreements.parties(plan, kind, a)
    copies = agreements.copies_to(plan, kind, a)
    copies_block = [Heading("Copies to", 3), Para("\n".join(f"• {c}" for c in copies))]
    if a.status in SIGNED_STATUSES and a.status is not AgreementStatus.AGREED:
        rows = [(label(s.party), s.name, fmt_date(s.signed_on)) for s in a.signatures]
        return Section("Who signed it", "signatures", [
            Para(f"Agreed on {fmt_date(a.agreed_on)}. This is a record of what was signed; there is nothing to sign here."),
            Table(("Signed for", "Name", "Signed on"), rows, (0.4, 0.35, 0.25), empty="No signatures recorded."),
            *copies_block,
        ])
    blocks: list[Block] = [Para(words)]
    if a.status is AgreementStatus.AGREED and a.signatures:
        blocks.append(Para("Signed on " + fmt_date(a.agreed_on) + " by " + names(f"{s.name} ({label(s.party)})"
                                                                                for s in a.signatures) + ".", "muted"))
    blocks.append(Signatures([(role, name) for _party, name, role in parties]))
    return Section("Signatures", "signatures", blocks + copies_block)
