"""The document model: what goes into each edition of the PDF, worked out from a plan (pure).

:func:`build_document` turns ``(plan, today, edition, prompts)`` into a :class:`Document` — a
title, metadata and a list of :class:`Section` s, each a list of blocks (paragraphs, the young
person's own words, key/value lists, tables, pictures, signature lines). No reportlab here: the
model is tested structurally and rendered by :mod:`pathway_app.export.render`.

All text in the model is *plain text*; the renderer escapes it. Editions:

- ``full`` — the full pathway plan, for the file and for the manager to sign;
- ``young-person`` — "My pathway plan", in the first person, their own words first, and nothing
  they should not see (no safety notes, no contact restrictions, no phone numbers of others);
- ``staying-put`` — the Staying Put agreement with the former foster carer;
- ``staying-close`` — the Staying Close plan with the children's home.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence, Union

from ..domain import dates
from ..domain.labels import label
from ..domain.model import Action, Plan, Relationship
from ..domain.vocab import (
    OPEN_ACTION,
    SCHEDULE_1_AREAS,
    ActionStatus,
    Area,
    Decision,
    RelationshipType,
    ThereAt25,
)
from . import geometry

EDITIONS: dict[str, str] = {
    "full": "Pathway plan",
    "young-person": "My pathway plan",
    "staying-put": "Staying Put agreement",
    "staying-close": "Staying Close plan",
}
MARKING = "OFFICIAL-SENSITIVE"


# --------------------------------------------------------------------------- blocks


@dataclass
class Para:
    text: str
    style: str = "body"  # body | lead | small | muted | empty


@dataclass
class Heading:
    text: str


@dataclass
class Quote:
    """The young person's own words, shown as theirs: a styled quote with their name."""

    text: str
    who: str
    label: str = ""  # e.g. "In Zoë's words"


@dataclass
class KeyValues:
    rows: list[tuple[str, str]]


@dataclass
class Table:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    widths: tuple[float, ...]  # fractions of the text width
    empty: str = ""  # said instead of an empty table
    kind: str = "plain"  # plain | actions | people | dates


@dataclass
class Picture:
    kind: str  # "ecomap" | "timeline"
    data: object  # geometry.EcoMap, or TimelineSpec
    caption: str = ""
    centre: str = ""  # the young person's name at the centre of the map


@dataclass
class TimelineSpec:
    birthdays: dict[int, date]
    events: list[geometry.TimelineEvent]
    today: date


@dataclass
class Signatures:
    signers: list[tuple[str, str]]  # (role, name — may be empty)
    note: str = ""


@dataclass
class Callout:
    """A boxed note, e.g. "nothing recorded yet" or an explanation for the young person."""

    text: str
    title: str = ""
    tone: str = "info"  # info | warm | missing


Block = Union[Para, Heading, Quote, KeyValues, Table, Picture, Signatures, Callout]


@dataclass
class Section:
    title: str
    bookmark: str  # a stable anchor name, also the outline key
    blocks: list[Block] = field(default_factory=list)
    new_page: bool = False


@dataclass
class Document:
    edition: str
    title: str  # "Pathway plan" ...
    person_name: str
    produced_on: date
    version: int
    sections: list[Section]
    author: str
    subject: str
    cover: list[Block] = field(default_factory=list)  # before the first section, on page 1
    marking: str = MARKING
    lang: str = "en-GB"
    keywords: str = ""

    @property
    def full_title(self) -> str:
        return f"{self.title} — {self.person_name}"

    def section(self, bookmark: str) -> Section:
        for s in self.sections:
            if s.bookmark == bookmark:
                return s
        raise KeyError(bookmark)


# --------------------------------------------------------------------------- helpers


def _d(d: date | None, empty: str = "") -> str:
    return dates.fmt(d) if d else empty


def _yn(v: bool | None) -> str:
    return "Not recorded" if v is None else ("Yes" if v else "No")


def first_name(plan: Plan) -> str:
    p = plan.person
    return p.preferred_name.strip() or p.given_name.strip() or "the young person"


def _kv(rows: Sequence[tuple[str, str]], *, keep_empty: bool = False, empty: str = "Not recorded") -> KeyValues:
    out = []
    for k, v in rows:
        v = (v or "").strip()
        if v or keep_empty:
            out.append((k, v or empty))
    return KeyValues(out)


def _actions_sorted(actions: Sequence[Action]) -> list[Action]:
    return sorted(actions, key=lambda a: (a.by_when is None, a.by_when or date.max))


def _status(a: Action, today: date) -> str:
    s = label(a.status)
    if a.status in OPEN_ACTION and a.by_when is not None and a.by_when < today:
        s += " (overdue)"
    return s


def _rel_sort_key(r: Relationship) -> tuple:
    return (r.status.value == "ended", list(type(r.closeness)).index(r.closeness), r.name.casefold())


def _considered(plan: Plan, today: date, prompts):
    """Prompts raised and answered, from the guidance engine (lazily imported).

    Degrades to "no prompts" only while the engine module does not exist yet.
    """
    if prompts is not None:
        return list(prompts)
    try:
        from ..domain.guidance import engine  # type: ignore[attr-defined]
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.endswith("guidance.engine"):
            return []
        raise
    return list(engine.considered(plan, today))


def _key_dates(plan: Plan, today: date, *, first_person: bool) -> list[tuple[str, str]]:
    dob = plan.person.date_of_birth
    rows: list[tuple[str, str]] = []
    if dob:
        for age, d in dates.key_birthdays(dob).items():
            suffix = " (passed)" if d < today else ""
            rows.append((f"I turn {age}" if first_person else f"{age}th birthday", dates.fmt(d) + suffix))
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
        who = "My personal adviser supports me until" if first_person else "Personal adviser support ends"
        rows.append((who, dates.fmt(pa) + (" (asked to continue to 25)" if plan.pa_support_to_25 and not first_person else "")))
    return rows


def _timeline(plan: Plan, today: date, *, first_person: bool) -> Picture | None:
    dob = plan.person.date_of_birth
    if dob is None:
        return None
    events: list[geometry.TimelineEvent] = []
    rev = dates.next_review_due(plan, today)
    if rev:
        events.append(geometry.TimelineEvent(rev, "My next review" if first_person else "Review due", "review"))
    for r in plan.reviews:
        if r.held_on:
            events.append(geometry.TimelineEvent(r.held_on, "Review", "review_held"))
    due = dates.needs_assessment_due(plan, today)
    if due:
        events.append(geometry.TimelineEvent(due, "My needs assessment" if first_person else "Needs assessment due", "assessment"))
    if plan.home.planned_move_date:
        events.append(geometry.TimelineEvent(plan.home.planned_move_date, "I move" if first_person else "Planned move", "move"))
    sp = dates.staying_put_end(plan)
    if sp:
        events.append(geometry.TimelineEvent(sp, "My Staying Put ends" if first_person else "Staying Put ends", "staying_put"))
    pa = dates.pa_support_end(plan)
    if pa:
        events.append(geometry.TimelineEvent(pa, "My adviser's support ends" if first_person else "Adviser support ends", "pa_support"))
    for _area, a in plan.all_actions():
        if a.by_when and a.status in OPEN_ACTION:
            events.append(geometry.TimelineEvent(a.by_when, _short(a.what, 30), "action"))
    spec = TimelineSpec({age: dates.birthday(dob, age) for age in range(16, 26)}, events, today)
    caption = (
        "My timeline from 16 to 25. The red line is today."
        if first_person
        else "Timeline from the 16th to the 25th birthday: key birthdays, reviews, moves and actions due. "
        "The red line marks the date this plan was produced."
    )
    return Picture("timeline", spec, caption)


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _ecomap(plan: Plan, *, first_person: bool) -> Picture:
    m = geometry.ecomap_layout(plan.relationships)
    caption = (
        "The people who matter to me. Closer rings are people I'm closer to; thicker lines mean "
        "we're in touch more often; a star means they'll be there for me at 25."
        if first_person
        else "Relationship map: rings show closeness, sectors group family, friends and community, "
        "carers and professionals; line weight shows how often they are in touch; a star marks "
        "someone who will be there at 25; dashed grey shows a relationship that has ended."
    )
    if m.not_shown:
        caption += f" {m.not_shown} more {'people are' if m.not_shown != 1 else 'person is'} listed in the table."
    return Picture("ecomap", m, caption, centre=first_name(plan))


def _signatures(plan: Plan, roles: Sequence[tuple[str, str]], note: str = "") -> Signatures:
    return Signatures(list(roles), note)


def _adviser_name(plan: Plan) -> str:
    a = plan.current_adviser()
    return a.name if a else ""


def _foster_carers(plan: Plan) -> list[Relationship]:
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


# --------------------------------------------------------------------------- area content


def _area_details(plan: Plan, area: Area, *, first_person: bool) -> list[Block]:
    """The facts the plan holds for an area beyond words, assessment and actions."""
    out: list[Block] = []
    if area is Area.EDUCATION:
        e = plan.education
        out.append(
            _kv(
                [
                    ("What I'm doing now" if first_person else "Status", label(e.status)),
                    ("Where", e.provider),
                    ("Course", e.course),
                    ("Started", _d(e.start)),
                    ("Expected to finish", _d(e.expected_end)),
                    ("Contact for care leavers", e.designated_contact),
                    ("Year-round housing", "" if e.year_round_housing is None else _yn(e.year_round_housing)),
                    ("Bursary", "" if e.bursary is None else _yn(e.bursary)),
                    ("What next" if first_person else "Plans", e.plans),
                ]
            )
        )
    elif area is Area.HEALTH:
        h = plan.health
        rows = [
            ("My body and health" if first_person else "Physical health", h.physical),
            ("How I'm feeling" if first_person else "Emotional wellbeing", h.emotional_wellbeing),
            ("Mental health", h.mental_health),
            ("Who helps with my health" if first_person else "Services", h.services),
            ("Moving to adult services", h.adult_services_transition),
            ("Registered with a GP", "" if h.gp_registered is None else _yn(h.gp_registered)),
        ]
        out.append(_kv(rows))
    elif area is Area.FINANCE:
        m = plan.money
        out.append(
            _kv(
                [
                    ("Money coming in" if first_person else "Income", m.income),
                    ("Bank account", "" if m.bank_account is None else _yn(m.bank_account)),
                    ("Council tax exemption", "" if m.council_tax_exemption is None else _yn(m.council_tax_exemption)),
                    ("Local offer explained", _d(m.local_offer_explained_on)),
                    ("Savings", m.savings),
                    ("Debts", m.debts),
                    ("Notes", m.notes),
                ]
            )
        )
    elif area is Area.SKILLS:
        rows = [(label(s.key, "Skill"), label(s.level), s.notes) for s in plan.skills]
        out.append(Table(("Skill", "Where I am" if first_person else "Level", "Notes"), rows, (0.38, 0.17, 0.45)))
    elif area is Area.IDENTITY:
        i = plan.identity
        if i.own_words.strip():
            out.append(Quote(i.own_words, first_name(plan), f"Who I am, in {first_name(plan)}'s words" if not first_person else "Who I am, in my words"))
        out.append(
            _kv(
                [
                    ("Ethnicity", i.ethnicity),
                    ("Religion or beliefs", i.religion),
                    ("Languages", i.languages),
                    ("Culture", i.culture),
                    ("Gender", i.gender),
                    ("Sexuality", i.sexuality),
                ]
            )
        )
        if plan.life_story:
            out.append(Heading("My life story" if first_person else "Life story"))
            rows = [
                (_d(e.when), label(e.kind), e.title, e.text)
                for e in sorted(plan.life_story, key=lambda e: (e.when is None, e.when or date.min))
            ]
            out.append(Table(("When", "Kind", "Title", "About it"), rows, (0.16, 0.18, 0.22, 0.44)))
    elif area is Area.CONTINGENCY:
        c = plan.contingency  # its own words are shown with the area's (see _own_words)
        out.append(Heading("If the plan stops working" if first_person else "Contingency plan"))
        out.append(
            _kv(
                [
                    ("What will happen" if first_person else "Plan", c.plan),
                    ("Where I can stay" if first_person else "Fallback home", c.fallback_home),
                    ("Who I can call" if first_person else "Who to call", c.who_to_call),
                ],
                keep_empty=True,
                empty="Not written yet" if first_person else "Not recorded",
            )
        )
    elif area is Area.ACCOMMODATION:
        out.append(Para("See also the home section: " + ("where I live now and where I'll live next." if first_person else "current home, planned move, Staying Put and Staying Close."), "muted"))
    elif area is Area.RELATIONSHIPS:
        out.append(Para("The people who matter " + ("to me are on my relationship map." if first_person else "are on the relationship map and in the table of people."), "muted"))
    elif area is Area.EMPLOYMENT:
        e = plan.education
        if e.status.value in ("employment", "apprenticeship", "volunteering", "neet"):
            out.append(_kv([("What I'm doing now" if first_person else "Status", label(e.status))]))
    return out


def _own_words(plan: Plan, area: Area) -> str:
    words = plan.area(area).own_words
    if area is Area.CONTINGENCY and not words.strip():
        words = plan.contingency.own_words
    elif area is Area.CONTINGENCY and plan.contingency.own_words.strip() and plan.contingency.own_words.strip() != words.strip():
        words = words.rstrip() + "\n" + plan.contingency.own_words
    return words


# --------------------------------------------------------------------------- full edition


def _full(plan: Plan, today: date, prompts) -> tuple[list[Block], list[Section]]:
    p = plan.person
    name = p.display_name
    fn = first_name(plan)
    cat = dates.care_leaver_category(plan, today)
    adviser = plan.current_adviser()
    cover: list[Block] = [
        _kv(
            [
                ("Name", " ".join(x for x in (p.given_name, p.family_name) if x)),
                ("Known as", p.preferred_name),
                ("Pronouns", p.pronouns),
                ("Date of birth", _d(p.date_of_birth) + (f" (age {dates.age_on(p.date_of_birth, today)})" if p.date_of_birth else "")),
                ("Care-leaver category", label(cat.category.value, "Category")),
                ("Why", cat.reason),
                ("Local authority", p.local_authority),
                ("Legal status", label(p.legal_status)),
                ("Personal adviser", f"{adviser.name}, {adviser.organisation}".strip(", ") if adviser else ""),
                ("Plan agreed", _d(plan.plan_agreed_on)),
                ("Last review", _d(plan.last_review().held_on if plan.last_review() else None)),
            ],
            keep_empty=False,
        ),
    ]
    sections: list[Section] = []

    s = Section("Key dates", "key-dates")
    s.blocks.append(Table(("Date", "When"), [(k, v) for k, v in _key_dates(plan, today, first_person=False)], (0.5, 0.5), empty="No date of birth recorded, so no key dates can be worked out.", kind="dates"))
    tl = _timeline(plan, today, first_person=False)
    if tl:
        s.blocks.append(tl)
    sections.append(s)

    s = Section("About me", "about-me")
    if p.about_me_own_words.strip():
        s.blocks.append(Quote(p.about_me_own_words, fn, f"In {fn}'s words"))
    else:
        s.blocks.append(Callout(f"{fn}'s own words about themselves are not recorded yet.", tone="missing"))
    s.blocks.append(
        _kv(
            [
                ("Strengths", p.strengths),
                ("Interests", p.interests),
                ("Achievements", p.achievements),
                ("Being a parent", label(p.parenting) if p.parenting.value != "no" else ""),
                ("", p.parenting_notes),
                ("Immigration status", label(p.immigration_status) if p.immigration_status.value != "british" else ""),
                ("Immigration notes", p.immigration_notes),
                ("Youth justice", "Involved" if p.youth_justice else ""),
                ("Youth justice notes", p.youth_justice_notes),
            ]
        )
    )
    sections.append(s)

    s = Section("People who matter", "people")
    rels = sorted(plan.relationships, key=_rel_sort_key)
    if rels:
        s.blocks.append(_ecomap(plan, first_person=False))
        rows = []
        for r in rels:
            who = label(r.relationship_type) + (f" — {r.description}" if r.description else "")
            contact = label(r.contact_frequency) + (f"; {r.contact_means}" if r.contact_means else "") + (f"; {r.phone}" if r.phone else "")
            keep = r.keep_in_touch_plan + (("\n" if r.keep_in_touch_plan else "") + "In the support plan" if r.in_support_plan else "")
            rows.append((r.name, who, label(r.closeness), contact, label(r.there_at_25), label(r.status), keep))
        s.blocks.append(Table(("Name", "Who they are", "Closeness", "Contact", "There at 25", "Status", "Keeping in touch"), rows, (0.14, 0.18, 0.11, 0.17, 0.09, 0.12, 0.19), kind="people"))
        restricted = [r for r in rels if r.safety_notes.strip() or r.contact_restrictions.strip()]
        s.blocks.append(Heading("Safety notes and contact restrictions"))
        if restricted:
            s.blocks.append(Para("For practitioners. These notes are left out of the young person's own copy.", "muted"))
            s.blocks.append(Table(("Name", "Safety notes", "Contact restrictions"), [(r.name, r.safety_notes, r.contact_restrictions) for r in restricted], (0.2, 0.4, 0.4)))
        else:
            s.blocks.append(Para("None recorded.", "muted"))
    else:
        s.blocks.append(Callout("No people recorded yet. Ask who matters, and who will be there at 25 and beyond.", tone="missing"))
    sections.append(s)

    s = Section("Home and moving on", "home")
    h = plan.home
    s.blocks.append(
        _kv(
            [
                ("Current home", label(h.current_type) + (f" — {h.current_name}" if h.current_name else "")),
                ("Living there since", _d(h.current_since)),
                ("Suitability", h.suitability),
                ("Planned next home", (label(h.planned_type) if h.planned_type else "") + (f" — {h.planned_description}" if h.planned_description else "")),
                ("Planned move date", _d(h.planned_move_date)),
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
        s.blocks.append(
            Table(
                ("From", "To", "Home", "Legal status", "Notes"),
                [(_d(e.start), _d(e.end, "now"), label(e.home_type) + (f" — {e.home_name}" if e.home_name else "") + (" (short break)" if e.short_break else ""), label(e.legal_status), e.notes) for e in eps],
                (0.14, 0.14, 0.28, 0.18, 0.26),
            )
        )
    sections.append(s)

    for n, area in enumerate(SCHEDULE_1_AREAS, 1):
        sa = plan.area(area)
        s = Section(f"{n}. {label(area)}", f"area-{area.value}")
        words = _own_words(plan, area)
        if words.strip():
            s.blocks.append(Quote(words, fn, f"In {fn}'s words"))
        else:
            s.blocks.append(Callout(f"{fn}'s own words are not recorded for this area yet.", tone="missing"))
        s.blocks.extend(_area_details(plan, area, first_person=False))
        s.blocks.append(Heading("Assessment"))
        s.blocks.append(_text_or(sa.assessment, "Not recorded yet."))
        s.blocks.append(Heading("Actions"))
        s.blocks.append(
            Table(
                ("What", "Who", "By when", "Status"),
                [(a.what, a.who, _d(a.by_when), _status(a, today)) for a in _actions_sorted(sa.actions)],
                (0.5, 0.2, 0.15, 0.15),
                empty="No actions agreed for this area yet.",
                kind="actions",
            )
        )
        sections.append(s)

    s = Section("Prompts considered", "prompts")
    considered = _considered(plan, today, prompts)
    if considered:
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
            rows.append((pr.practitioner_text, area_words, pr.urgency.label if hasattr(pr.urgency, "label") else str(pr.urgency), done, pr.citation))
        s.blocks.append(Table(("Prompt", "Area", "Urgency", "What was done", "Source"), rows, (0.28, 0.12, 0.11, 0.27, 0.22)))
    else:
        s.blocks.append(Para("No prompts were raised or answered for this plan.", "muted"))
    sections.append(s)

    s = Section("Reviews", "reviews")
    nxt = dates.next_review_due(plan, today)
    s.blocks.append(_kv([("Next review due", _d(nxt)), ("Review asked for on", _d(plan.review_requested_on))]))
    revs = sorted(plan.reviews, key=lambda r: (r.held_on is None, r.held_on or date.min), reverse=True)
    s.blocks.append(Table(("Held on", "Who took part", "Summary", f"{fn}'s views"), [(_d(r.held_on), r.participants, r.summary, r.young_person_views) for r in revs], (0.14, 0.22, 0.36, 0.28), empty="No reviews held yet."))
    sections.append(s)

    s = Section("Personal advisers", "advisers")
    advs = sorted(plan.advisers, key=lambda a: (a.start is None, a.start or date.min))
    s.blocks.append(Table(("Name", "Organisation", "From", "To", "Handover notes"), [(a.name, a.organisation, _d(a.start), _d(a.end, "now"), a.handover_notes) for a in advs], (0.18, 0.2, 0.13, 0.13, 0.36), empty="No personal adviser recorded yet."))
    sections.append(s)

    s = Section("Signatures", "signatures")
    s.blocks.append(Para("We have read this plan and agree it. The young person's views are recorded in their own words in each part of the plan.", "body"))
    s.blocks.append(_signatures(plan, [("Young person", name), ("Personal adviser", _adviser_name(plan)), ("Manager", "")]))
    sections.append(s)
    return cover, sections


def _staying_put_summary(plan: Plan) -> list[Block]:
    sp = plan.staying_put
    if sp.decision is Decision.NOT_DISCUSSED and not sp.carer_name.strip():
        return [Para("Not talked about yet.", "empty")]
    return [
        _kv(
            [
                ("Decision", label(sp.decision)),
                ("Carer", sp.carer_name),
                ("From", _d(sp.start)),
                ("Until", _d(dates.staying_put_end(plan) or sp.end)),
                ("Review date", _d(sp.review_date)),
            ]
        )
    ]


def _staying_close_summary(plan: Plan) -> list[Block]:
    sc = plan.staying_close
    if sc.decision is Decision.NOT_DISCUSSED and not sc.home_name.strip():
        return [Para("Not talked about yet.", "empty")]
    return [
        _kv(
            [
                ("Decision", label(sc.decision)),
                ("Children's home", sc.home_name),
                ("New home", sc.new_home),
                ("From", _d(sc.start)),
                ("Until", _d(sc.end)),
                ("Staff keeping in touch", ", ".join(s.name for s in sc.staff)),
            ]
        )
    ]


# --------------------------------------------------------------------------- young person's edition

_CATEGORY_WORDS = {
    "eligible": "I'm 16 or 17 and still looked after, so I have a personal adviser and this pathway plan to help me get ready for adult life.",
    "relevant": "I've left care and I'm 16 or 17, so the council still helps me with a home, money and a personal adviser.",
    "former_relevant": "I'm 18 or over and I was in care, so I have a personal adviser until I'm 21 — or until 25 if I ask.",
    "qualifying": "I can ask the council for advice and help as I move into adult life.",
}


def _full_name(p) -> str:
    return " ".join(x for x in (p.given_name.strip(), p.family_name.strip()) if x)


def _young_person(plan: Plan, today: date) -> tuple[list[Block], list[Section]]:
    """The young person's own copy.

    What is left out, on purpose: safety notes and contact restrictions about anyone; other
    people's phone numbers (a number could lead to someone with a contact restriction);
    immigration and youth-justice notes and the care-leaver category's legal wording (written
    by and for practitioners — the young person gets a plain sentence about what their
    category means instead); the research prompts (practitioner notes about other services).

    The *assessment* for each area IS included, after their own words, under "What my adviser
    wrote". A pathway plan is written with the young person and they are given a copy; keeping
    the assessment out would make a second, secret plan. Fields holding practitioner-only
    material (safety notes, contact restrictions) are separate in the model, so the assessment
    is not where such material lives.
    """
    p = plan.person
    fn = first_name(plan)
    adviser = plan.current_adviser()
    cat = dates.care_leaver_category(plan, today)
    cover: list[Block] = [
        Callout(
            "This is my plan for moving on into adult life. It says what I want, who will help me "
            "and by when. It was written with me, and I can ask for it to change at any time.",
            tone="warm",
        ),
        _kv(
            [
                ("My name", p.display_name),
                # the name they were given, in its own script (ዳዊት), when they go by another
                ("My full name", _full_name(p) if _full_name(p) != p.display_name else ""),
                ("My pronouns", p.pronouns),
                ("My birthday", _d(p.date_of_birth)),
                ("My personal adviser", adviser.name if adviser else "Not chosen yet"),
                ("My next review", _d(dates.next_review_due(plan, today))),
            ]
        ),
    ]
    if cat.category.value in _CATEGORY_WORDS:
        cover.append(Para(_CATEGORY_WORDS[cat.category.value], "muted"))

    sections: list[Section] = []
    s = Section("About me", "about-me")
    if p.about_me_own_words.strip():
        s.blocks.append(Quote(p.about_me_own_words, fn, "In my words"))
    else:
        s.blocks.append(Callout("I haven't written about myself yet. I can add it with my adviser whenever I like.", tone="missing"))
    s.blocks.append(_kv([("What I'm good at", p.strengths), ("What I enjoy", p.interests), ("What I'm proud of", p.achievements)]))
    sections.append(s)

    s = Section("The people who matter to me", "people")
    rels = sorted(plan.relationships, key=_rel_sort_key)
    if rels:
        s.blocks.append(_ecomap(plan, first_person=True))
        rows = []
        for r in rels:
            who = r.description or label(r.relationship_type)
            at25 = {ThereAt25.YES: "Yes", ThereAt25.MAYBE: "Maybe", ThereAt25.NO: "No", ThereAt25.NOT_ASKED: "Not asked yet"}[r.there_at_25]
            how = label(r.contact_frequency) + (f", {r.contact_means}" if r.contact_means else "")
            if r.status.value == "ended":
                how = "We're not in touch now"
            rows.append((r.name, who, how, at25, r.what_they_bring or r.keep_in_touch_plan))
        s.blocks.append(Table(("Name", "Who they are to me", "How often we're in touch", "There for me at 25", "What they bring / keeping in touch"), rows, (0.16, 0.22, 0.2, 0.12, 0.3), kind="people"))
    else:
        s.blocks.append(Callout("No one is written here yet. Who matters to me, and who will be there for me when I'm 25?", tone="missing"))
    sections.append(s)

    s = Section("My timeline, 16 to 25", "timeline")
    tl = _timeline(plan, today, first_person=True)
    if tl:
        s.blocks.append(tl)
    s.blocks.append(Table(("What", "When"), [(k, v) for k, v in _key_dates(plan, today, first_person=True)], (0.55, 0.45), empty="My birthday isn't written down yet, so my dates can't be worked out.", kind="dates"))
    sections.append(s)

    s = Section("My home", "home")
    h = plan.home
    s.blocks.append(
        _kv(
            [
                ("Where I live now", label(h.current_type) + (f" — {h.current_name}" if h.current_name else "")),
                ("Since", _d(h.current_since)),
                ("Where I'll live next", (label(h.planned_type) if h.planned_type else "") + (f" — {h.planned_description}" if h.planned_description else "")),
                ("When I'll move", _d(h.planned_move_date)),
                ("If the move doesn't work out", h.fallback),
            ]
        )
    )
    sp, sc = plan.staying_put, plan.staying_close
    if sp.decision is not Decision.NOT_DISCUSSED or sp.carer_name:
        end = dates.staying_put_end(plan)
        words = f"Staying Put (staying with my foster carer after 18): {label(sp.decision).lower()}."
        if sp.decision is Decision.AGREED:
            words = f"I'm Staying Put with {sp.carer_name or 'my foster carer'}" + (f" until {dates.fmt(end)}" if end else "") + "."
        s.blocks.append(Para(words))
    if sc.decision is not Decision.NOT_DISCUSSED or sc.home_name:
        words = f"Staying Close (living near my children's home and keeping in touch): {label(sc.decision).lower()}."
        if sc.decision is Decision.AGREED:
            words = "I'm Staying Close" + (f" to {sc.home_name}" if sc.home_name else "") + (f", living at {sc.new_home}" if sc.new_home else "") + "."
        s.blocks.append(Para(words))
    sections.append(s)

    for area in SCHEDULE_1_AREAS:
        sa = plan.area(area)
        s = Section(label(area, "AreaFirstPerson"), f"area-{area.value}")
        words = _own_words(plan, area)
        if words.strip():
            s.blocks.append(Quote(words, fn, "In my words"))
        else:
            s.blocks.append(Callout("I haven't said anything here yet. I can add my own words at my next meeting.", tone="missing"))
        s.blocks.extend(_area_details(plan, area, first_person=True))
        if sa.assessment.strip():
            s.blocks.append(Heading("What my adviser wrote"))
            s.blocks.append(Para(sa.assessment))
        open_actions = [a for a in _actions_sorted(sa.actions) if a.status in OPEN_ACTION]
        if open_actions:
            s.blocks.append(Heading("What will happen next"))
            s.blocks.append(Table(("What", "Who", "By when"), [(a.what, a.who, _d(a.by_when, "No date yet")) for a in open_actions], (0.6, 0.22, 0.18), kind="actions"))
        sections.append(s)

    s = Section("Who will help me, and by when", "who-helps")
    acts = [(ar, a) for ar, a in plan.all_actions() if a.status in OPEN_ACTION]
    acts.sort(key=lambda t: (t[1].by_when is None, t[1].by_when or date.max))
    s.blocks.append(Table(("What", "Who", "By when", "Part of my plan"), [(a.what, a.who, _d(a.by_when, "No date yet"), label(ar, "AreaFirstPerson")) for ar, a in acts], (0.42, 0.19, 0.18, 0.21), empty="Nothing is waiting to be done right now.", kind="actions"))
    done = [a for _ar, a in plan.all_actions() if a.status is ActionStatus.DONE]
    if done:
        s.blocks.append(Para(f"Already done: {len(done)} thing{'s' if len(done) != 1 else ''}. Well done to everyone who helped.", "muted"))
    sections.append(s)

    s = Section("My reviews", "reviews")
    nxt = dates.next_review_due(plan, today)
    s.blocks.append(Para(f"My plan is looked at again at least every six months. My next review is due by {dates.fmt(nxt)}." if nxt else "My plan is looked at again at least every six months, and any time I ask."))
    views = [r for r in sorted(plan.reviews, key=lambda r: (r.held_on is None, r.held_on or date.min), reverse=True) if r.young_person_views.strip()]
    if views:
        s.blocks.append(Table(("Review", "What I said"), [(_d(r.held_on), r.young_person_views) for r in views], (0.2, 0.8)))
    sections.append(s)

    s = Section("Signing my plan", "signatures")
    s.blocks.append(Para("I have read my plan, and it says what I want to say. If something is wrong, I can ask for it to be changed."))
    s.blocks.append(_signatures(plan, [("Me", p.display_name), ("My personal adviser", _adviser_name(plan))]))
    sections.append(s)
    return cover, sections



def _text_or(text: str, missing: str) -> Para:
    """``text`` as a paragraph, or ``missing`` in the quiet "nothing recorded" style."""
    return Para(text) if text.strip() else Para(missing, "empty")

# --------------------------------------------------------------------------- Staying Put / Close


def _staying_put(plan: Plan, today: date) -> tuple[list[Block], list[Section]]:
    sp = plan.staying_put
    p = plan.person
    fn = first_name(plan)
    cover: list[Block] = [
        Para(
            f"This agreement is between {p.display_name}, their former foster carer and the local authority. "
            "Staying Put means a young person can go on living with their former foster carer after "
            "18, up to the 21st birthday (Children Act 1989, section 23CZA).",
            "lead",
        )
    ]
    sections: list[Section] = []
    recorded = sp.decision is not Decision.NOT_DISCUSSED or bool(sp.carer_name.strip())
    s = Section("The arrangement", "arrangement")
    if not recorded:
        s.blocks.append(Callout("No Staying Put arrangement is recorded in this plan yet. Talk about it from 16, with the young person and their foster carer, and record what is decided; the agreement will be made ready to sign from what is recorded.", "Not recorded", tone="missing"))
    else:
        if sp.decision is not Decision.AGREED:
            s.blocks.append(Callout(f"Staying Put has not been agreed. It is recorded as: {label(sp.decision)}.", "Not agreed yet", tone="missing"))
        end = dates.staying_put_end(plan)
        capped = ""
        dob = p.date_of_birth
        if sp.end and dob and sp.end > dates.birthday(dob, 21):
            capped = f" (the recorded end, {dates.fmt(sp.end)}, is after the 21st birthday; Staying Put ends on the 21st birthday)"
        s.blocks.append(
            _kv(
                [
                    ("Young person", p.display_name),
                    ("Date of birth", _d(dob)),
                    ("Foster carer", sp.carer_name),
                    ("Decision", label(sp.decision)),
                    ("Starts", _d(sp.start)),
                    ("Ends", _d(end or sp.end) + capped),
                    ("21st birthday", _d(dates.birthday(dob, 21)) if dob else ""),
                    ("Review date", _d(sp.review_date)),
                    ("Personal adviser", _adviser_name(plan)),
                ],
                keep_empty=True,
            )
        )
    sections.append(s)
    if recorded:
        s = Section("Money", "money")
        s.blocks.append(_text_or(sp.money, "Not agreed yet: what the young person pays towards their keep, and what the carer receives."))
        sections.append(s)
        s = Section("Living together", "house-agreements")
        s.blocks.append(_text_or(sp.house_agreements, "No house agreements written down yet."))
        words = plan.area(Area.ACCOMMODATION).own_words
        if words.strip():
            s.blocks.append(Quote(words, fn, f"In {fn}'s words"))
        sections.append(s)
        s = Section("Notes", "notes")
        s.blocks.append(_text_or(sp.notes, "None."))
        sections.append(s)
        carers = _foster_carers(plan)
        s = Section("The foster carers" if len(carers) > 1 else "The foster carer", "carer")
        for carer in carers:
            s.blocks.append(
                _kv(
                    [
                        ("Name", carer.name),
                        ("Who they are", carer.description or label(carer.relationship_type)),
                        ("Closeness", label(carer.closeness)),
                        ("In touch", label(carer.contact_frequency)),
                        ("There at 25", label(carer.there_at_25)),
                        (f"What {fn} values", carer.what_they_bring),
                        ("Keeping in touch", carer.keep_in_touch_plan),
                    ]
                )
            )
        if not carers:
            s.blocks.append(Para("The foster carer is not in the plan's list of people who matter yet.", "empty"))
        sections.append(s)
    if not recorded:
        return cover, sections  # nothing to sign until an arrangement is recorded
    s = Section("Signatures", "signatures")
    review = f"will review it by {dates.fmt(sp.review_date)}" if sp.review_date else "will agree a date to review it"
    s.blocks.append(Para(f"We agree to this Staying Put arrangement and {review}."))
    s.blocks.append(_signatures(plan, [("Young person", p.display_name), ("Foster carer", sp.carer_name), ("Personal adviser", _adviser_name(plan)), ("For the local authority", "")]))
    sections.append(s)
    return cover, sections


def _staying_close(plan: Plan, today: date) -> tuple[list[Block], list[Section]]:
    sc = plan.staying_close
    p = plan.person
    fn = first_name(plan)
    cover: list[Block] = [
        Para(
            f"Staying Close helps {p.display_name} move from a children's home to a home nearby, "
            "keeping the relationships that matter with the people who work there, with a way to "
            "come back when things are hard.",
            "lead",
        )
    ]
    sections: list[Section] = []
    recorded = sc.decision is not Decision.NOT_DISCUSSED or bool(sc.home_name.strip())
    s = Section("The arrangement", "arrangement")
    if not recorded:
        s.blocks.append(Callout("No Staying Close plan is recorded yet. Talk about it with the young person and the children's home, and record what is decided; the plan will be made ready to sign from what is recorded.", "Not recorded", tone="missing"))
    else:
        if sc.decision is not Decision.AGREED:
            s.blocks.append(Callout(f"Staying Close has not been agreed. It is recorded as: {label(sc.decision)}.", "Not agreed yet", tone="missing"))
        s.blocks.append(
            _kv(
                [
                    ("Young person", p.display_name),
                    ("Decision", label(sc.decision)),
                    ("The children's home", sc.home_name),
                    ("The new home", sc.new_home),
                    ("Starts", _d(sc.start)),
                    ("Ends", _d(sc.end)),
                    ("Personal adviser", _adviser_name(plan)),
                ],
                keep_empty=True,
            )
        )
    sections.append(s)
    if recorded:
        s = Section("People who stay in touch", "staff")
        s.blocks.append(Table(("Name", "Role", "How we keep in touch"), [(c.name, c.role, c.how_keep_in_touch) for c in sc.staff], (0.25, 0.25, 0.5), empty="No staff named yet."))
        sections.append(s)
        s = Section("Coming back", "come-back")
        s.blocks.append(_text_or(sc.come_back, "Not agreed yet: when and how the young person can come back for a meal, a visit or a night when things are hard."))
        words = plan.area(Area.ACCOMMODATION).own_words
        if words.strip():
            s.blocks.append(Quote(words, fn, f"In {fn}'s words"))
        sections.append(s)
        s = Section("Notes", "notes")
        s.blocks.append(_text_or(sc.notes, "None."))
        sections.append(s)
    if not recorded:
        return cover, sections  # nothing to sign until a plan is recorded
    # the staff named in the plan sign for the home: the manager by their role, the key worker first
    manager = next((c.name for c in sc.staff if "manager" in c.role.casefold()), "")
    key_worker = next((c.name for c in sc.staff if "key worker" in c.role.casefold()), "") or next(
        (c.name for c in sc.staff if c.name != manager), "")
    s = Section("Signatures", "signatures")
    s.blocks.append(Para("We agree to this Staying Close plan."))
    s.blocks.append(_signatures(plan, [("Young person", p.display_name), ("Key worker (children's home)", key_worker), ("Registered manager (children's home)", manager), ("Personal adviser", _adviser_name(plan))]))
    sections.append(s)
    return cover, sections


# --------------------------------------------------------------------------- entry point


def build_document(plan: Plan, today: date, edition: str = "full", prompts=None) -> Document:
    """The document model for ``edition`` of ``plan`` as produced on ``today``.

    ``prompts`` are the prompts considered (raised and answered); when ``None`` they come from
    :func:`pathway_app.domain.guidance.engine.considered` (or none while that module is absent).
    Only the full edition shows them.
    """
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; choose one of: {', '.join(EDITIONS)}")
    name = plan.person.display_name
    adviser = _adviser_name(plan)
    la = plan.person.local_authority
    if edition == "full":
        cover, sections = _full(plan, today, prompts)
    elif edition == "young-person":
        cover, sections = _young_person(plan, today)
    elif edition == "staying-put":
        cover, sections = _staying_put(plan, today)
    else:
        cover, sections = _staying_close(plan, today)
    title = EDITIONS[edition]
    return Document(
        edition=edition,
        title=title,
        person_name=name,
        produced_on=today,
        version=plan.version,
        sections=sections,
        cover=cover,
        author=", ".join(x for x in (adviser, la) if x) or "Pathway Planner",
        subject=f"{title} for {name}",
        keywords="pathway plan, leaving care, " + MARKING,
    )
