"""The named predicates a rule's condition is written in.

A condition in ``resources/guidance/rules/*.json`` is one of::

    {"all": [cond, ...]}     every one holds
    {"any": [cond, ...]}     at least one holds
    {"not": cond}            it does not hold
    {"<predicate>": arg}     a named predicate below, e.g. {"age_at_least": 16}

A predicate that takes no argument is written with ``true``: ``{"no_one_there_at_25": true}``.

Each predicate declares

- the kind of argument it takes (checked when the rules load, so a typo is refused then, not
  when a young person's plan happens to reach it);
- ``reads``: the plan facts it looks at. The engine hashes those facts into a prompt's
  *fingerprint*; a "done" or "not relevant" answer holds only while the fingerprint is the same,
  so a later change to those facts raises the prompt again. Facts never include "today" (a
  date of birth, not an age), and free text counts only as present or absent, so rewording a
  note does not raise a prompt again but filling in or emptying a field does.
- optionally ``why``: a short line for the PA saying which plan facts raised it.

"Today" is always the ``today`` of the evaluation; nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Callable

from dateutil.relativedelta import relativedelta

from .. import dates
from ..model import Plan, Relationship, SupportArea
from ..vocab import (
    FAMILY_TYPES,
    OPEN_ACTION,
    PROFESSIONAL_TYPES,
    RARE_CONTACT,
    SKILL_KEYS,
    UNRESOLVED_IMMIGRATION,
    Area,
    Decision,
    EetStatus,
    HomeType,
    LegalStatus,
    Parenting,
    RelationshipStatus,
    RelationshipType,
    SkillLevel,
    ThereAt25,
)

#: The plan sections a prompt can belong to, in the order prompts are listed.
ABOUT_ME = "about_me"
AREA_ORDER: tuple[str, ...] = (ABOUT_ME,) + tuple(a.value for a in Area)
SCHEDULE_1_CODES: tuple[str, ...] = tuple(a.value for a in Area)

#: People whose relationship with a young person is through their job or their care.
CARER_OR_WORKER_TYPES = frozenset(
    {
        RelationshipType.FOSTER_CARER,
        RelationshipType.KINSHIP_CARER,
        RelationshipType.RESIDENTIAL_KEY_WORKER,
        RelationshipType.SOCIAL_WORKER,
    }
)


# --------------------------------------------------------------------------- evaluation context


class Ctx:
    """One plan on one day, with the derived dates worked out once and kept."""

    __slots__ = ("plan", "today", "subject", "_memo")

    def __init__(self, plan: Plan, today: date):
        self.plan = plan
        self.today = today
        self.subject: str | None = None  # the area a per-area rule is looking at
        self._memo: dict[Any, Any] = {}

    @property
    def dob(self) -> date | None:
        return self.plan.person.date_of_birth

    def birthday(self, age: int) -> date | None:
        key = ("bday", age)
        if key not in self._memo:
            dob = self.dob
            self._memo[key] = dates.birthday(dob, age) if dob is not None else None
        return self._memo[key]

    def memo(self, key: str, fn: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]

    def assessment_due(self) -> date | None:
        return self.memo("assessment_due", lambda: dates.needs_assessment_due(self.plan, self.today))

    def review_due(self) -> date | None:
        return self.memo("review_due", lambda: dates.next_review_due(self.plan, self.today))

    def support_area(self, code: str) -> SupportArea | None:
        """The plan's support area for ``code`` (never created: evaluation is pure)."""
        areas = self._memo.get("areas")
        if areas is None:
            areas = self._memo["areas"] = {}
            for sa in self.plan.support_areas:
                areas.setdefault(str.__str__(sa.area), sa)
        return areas.get(code)

    def months_from_today(self, months: int) -> date:
        """Today plus ``months`` months (negative: ago)."""
        key = ("today+", months)
        if key not in self._memo:
            self._memo[key] = self.today + relativedelta(months=months)
        return self._memo[key]

    def months_before(self, age: int, months: int) -> date | None:
        """The day ``months`` months before the birthday ``age``."""
        key = ("before", age, months)
        if key not in self._memo:
            b = self.birthday(age)
            self._memo[key] = b - relativedelta(months=months) if b is not None else None
        return self._memo[key]

    def own_words(self, code: str) -> bool:
        """Whether the young person's own words are recorded for a plan section."""
        plan = self.plan
        if code == ABOUT_ME:
            return bool(plan.person.about_me_own_words.strip())
        sa = self.support_area(code)
        if sa is not None and sa.own_words.strip():
            return True
        if code == Area.IDENTITY.value:
            return bool(plan.identity.own_words.strip())
        if code == Area.CONTINGENCY.value:
            return bool(plan.contingency.own_words.strip())
        return False


# --------------------------------------------------------------------------- facts


def norm(value: Any) -> Any:
    """A fact as it goes into a fingerprint: text as present/absent, codes as codes."""
    t = type(value)
    if t is str:
        return bool(value) and not value.isspace()
    if value is None or t is bool or t is int or t is date:
        return value
    if isinstance(value, Enum):
        return value._value_
    if isinstance(value, str):
        return bool(value) and not value.isspace()
    return value


def path_reader(path: str) -> Callable[[Ctx], Any]:
    """``"relationships.*.there_at_25"`` → a function giving ((id, value), ...) for a plan.

    Paths start at the plan; ``*`` walks a list (each item contributes its ``id``); a path
    starting ``@area`` starts at the support area a per-area rule is looking at.
    """
    parts = tuple(path.split("."))

    def walk(obj: Any, rest: tuple[str, ...]) -> Any:
        for i, p in enumerate(rest):
            if p == "*":
                tail = rest[i + 1 :]
                return tuple((getattr(it, "id", None), walk(it, tail)) for it in obj)
            if obj is None:
                return None
            obj = getattr(obj, p)
        return norm(obj)

    if parts[0] == "@area":
        tail = parts[1:]
        return lambda ctx: walk(ctx.support_area(ctx.subject or ""), tail)
    # the common shapes, without the general walk (the fingerprint is on the hot path)
    if len(parts) == 1:
        (a,) = parts
        return lambda ctx: norm(getattr(ctx.plan, a))
    if len(parts) == 2 and "*" not in parts:
        a, b = parts
        return lambda ctx: norm(getattr(getattr(ctx.plan, a), b))
    if len(parts) == 3 and parts[1] == "*" and parts[2] != "*":
        a, _, b = parts
        return lambda ctx: tuple([(it.id, norm(getattr(it, b))) for it in getattr(ctx.plan, a)])
    return lambda ctx: walk(ctx.plan, parts)


Reads = tuple[Any, ...]  # paths (str) or functions of the context


# --------------------------------------------------------------------------- arguments


class ArgError(ValueError):
    """A predicate was given an argument it cannot use."""


def _flag(v: Any) -> bool:
    if v is not True:
        raise ArgError("takes no argument: write true")
    return True


def _int(v: Any, lo: int, hi: int, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise ArgError(f"needs {what}: a whole number from {lo} to {hi}, not {v!r}")
    return v


def _age(v: Any) -> int:
    return _int(v, 0, 30, "an age")


def _months(v: Any) -> int:
    return _int(v, 1, 120, "a number of months")


def _age_months(v: Any) -> tuple[int, int]:
    if not isinstance(v, list) or len(v) != 2:
        raise ArgError(f"needs [age, months], e.g. [18, 24], not {v!r}")
    return (_age(v[0]), _months(v[1]))


def _codes(enum: type[Enum]) -> Callable[[Any], frozenset]:
    def check(v: Any) -> frozenset:
        if not isinstance(v, list) or not v:
            raise ArgError(f"needs a list of {enum.__name__} codes, not {v!r}")
        bad = [x for x in v if x not in {m.value for m in enum}]
        if bad:
            allowed = ", ".join(m.value for m in enum)
            raise ArgError(f"unknown {enum.__name__} code(s) {bad}; known: {allowed}")
        return frozenset(enum(x) for x in v)

    return check


def _changes(v: Any) -> tuple[int, int]:
    if not isinstance(v, dict) or set(v) != {"months", "more_than"}:
        raise ArgError(f'needs {{"months": 12, "more_than": 1}}, not {v!r}')
    return (_months(v["months"]), _int(v["more_than"], 0, 50, "a count"))


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Predicate:
    name: str
    check: Callable[[Ctx, Any], bool]
    parse_arg: Callable[[Any], Any]
    reads: Reads
    doc: str
    why: Callable[[Ctx, Any], str] | None = None


PREDICATES: dict[str, Predicate] = {}


def predicate(name: str, arg: Callable[[Any], Any], reads: Reads, why=None):
    def register(fn: Callable[[Ctx, Any], bool]) -> Callable[[Ctx, Any], bool]:
        if name in PREDICATES:  # pragma: no cover - a programming error
            raise ValueError(f"predicate {name} defined twice")
        PREDICATES[name] = Predicate(name, fn, arg, tuple(reads), (fn.__doc__ or "").strip(), why)
        return fn

    return register


DOB = "person.date_of_birth"


def _names(rels: list[Relationship]) -> str:
    return ", ".join(r.name.strip() or "(no name)" for r in rels)


# ---- age and birthdays


@predicate("age_at_least", _age, (DOB,))
def age_at_least(ctx: Ctx, age: int) -> bool:
    """The young person has reached this age (false while the date of birth is unknown)."""
    b = ctx.birthday(age)
    return b is not None and ctx.today >= b


@predicate("age_under", _age, (DOB,))
def age_under(ctx: Ctx, age: int) -> bool:
    """The young person has not yet reached this age (false while the date of birth is unknown)."""
    b = ctx.birthday(age)
    return b is not None and ctx.today < b


@predicate("within_months_of_birthday", _age_months, (DOB,))
def within_months_of_birthday(ctx: Ctx, arg: tuple[int, int]) -> bool:
    """[age, months]: from ``months`` months before that birthday up to the day before it."""
    age, months = arg
    b = ctx.birthday(age)
    return b is not None and ctx.months_before(age, months) <= ctx.today < b  # type: ignore[operator]


def _dates_near(ctx: Ctx, arg: tuple[int, int]) -> list[tuple[str, date]]:
    age, months = arg
    b = ctx.birthday(age)
    if b is None:
        return []
    lo = ctx.months_before(age, months)
    hi = ctx.memo(f"after {age} {months}", lambda: b + relativedelta(months=months))
    plan = ctx.plan
    cands = [
        ("planned move", plan.home.planned_move_date),
        ("Staying Put ends", plan.staying_put.end if plan.staying_put.decision is Decision.AGREED else None),
        ("Staying Close ends", plan.staying_close.end if plan.staying_close.decision is Decision.AGREED else None),
    ]
    return [(w, d) for w, d in cands if d is not None and d >= ctx.today and lo <= d <= hi]


@predicate(
    "move_or_end_near_birthday",
    _age_months,
    (DOB, "home.planned_move_date", "staying_put.decision", "staying_put.end", "staying_close.decision", "staying_close.end"),
    why=lambda ctx, arg: "; ".join(f"{w} on {dates.fmt(d)}" for w, d in _dates_near(ctx, arg)),
)
def move_or_end_near_birthday(ctx: Ctx, arg: tuple[int, int]) -> bool:
    """[age, months]: a planned move, or the end of Staying Put / Staying Close, is still to
    come and falls within ``months`` months either side of that birthday."""
    return bool(_dates_near(ctx, arg))


# ---- people who matter

REL_FACTS = ("relationships.*.relationship_type", "relationships.*.status")


def _current(plan: Plan) -> list[Relationship]:
    return [r for r in plan.relationships if r.status is not RelationshipStatus.ENDED]


def _at25(plan: Plan) -> list[Relationship]:
    return [
        r
        for r in plan.relationships
        if r.there_at_25 is ThereAt25.YES and r.relationship_type not in PROFESSIONAL_TYPES
    ]


@predicate("no_one_there_at_25", _flag, REL_FACTS + ("relationships.*.there_at_25",))
def no_one_there_at_25(ctx: Ctx, _: bool) -> bool:
    """No one outside their job (family, carer, friend, mentor ...) is recorded as likely to be
    there for the young person at 25. A professional marked "yes" does not count: their job ends."""
    return not _at25(ctx.plan)


@predicate(
    "at_25_people_not_in_support_plan",
    _flag,
    REL_FACTS + ("relationships.*.there_at_25", "relationships.*.in_support_plan"),
    why=lambda ctx, _: "Likely to be there at 25: " + _names(_at25(ctx.plan)),
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
    _flag,
    REL_FACTS + ("relationships.*.keep_in_touch_plan",),
    why=lambda ctx, _: "Ending with no way to keep in touch: " + _names(_ending_no_plan(ctx.plan)),
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
    _flag,
    REL_FACTS + ("relationships.*.keep_in_touch_plan",),
    why=lambda ctx, _: "No way to keep in touch recorded for: " + _names(_carers_no_plan(ctx.plan)),
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
    _flag,
    REL_FACTS + ("relationships.*.contact_frequency", "relationships.*.keep_in_touch_plan"),
    why=lambda ctx, _: "Rare or no contact: " + _names(_rare_siblings(ctx.plan)),
)
def sibling_rare_contact_without_plan(ctx: Ctx, _: bool) -> bool:
    """A brother or sister is seen rarely or not at all, and there is no plan for contact."""
    return bool(_rare_siblings(ctx.plan))


@predicate("no_family_recorded", _flag, ("relationships.*.relationship_type",))
def no_family_recorded(ctx: Ctx, _: bool) -> bool:
    """No parent, brother or sister, grandparent or other family member is recorded."""
    return not any(r.relationship_type in FAMILY_TYPES for r in ctx.plan.relationships)


def _no_bring(plan: Plan) -> list[Relationship]:
    return [r for r in _current(plan) if not r.what_they_bring.strip()]


@predicate(
    "relationships_without_what_they_bring",
    _flag,
    REL_FACTS + ("relationships.*.what_they_bring",),
    why=lambda ctx, _: "Not yet recorded for: " + _names(_no_bring(ctx.plan)),
)
def relationships_without_what_they_bring(ctx: Ctx, _: bool) -> bool:
    """Someone in the young person's life has nothing recorded about what they bring."""
    return bool(_no_bring(ctx.plan))


@predicate("no_personal_network", _flag, REL_FACTS)
def no_personal_network(ctx: Ctx, _: bool) -> bool:
    """Everyone recorded (if anyone) is a professional: no family, carer, friend or community."""
    return not any(r.relationship_type not in PROFESSIONAL_TYPES for r in _current(ctx.plan))


@predicate("no_continuing_key_worker", _flag, REL_FACTS)
def no_continuing_key_worker(ctx: Ctx, _: bool) -> bool:
    """No children's-home key worker is recorded as staying in the young person's life."""
    return not any(
        r.relationship_type is RelationshipType.RESIDENTIAL_KEY_WORKER
        and r.status is RelationshipStatus.CONTINUING
        for r in ctx.plan.relationships
    )


# ---- personal advisers


def _adviser_changes(ctx: Ctx, months: int) -> list[tuple[Any, Any]]:
    """(outgoing, incoming) adviser pairs where the incoming one started in the last months."""
    periods = sorted((a for a in ctx.plan.advisers if a.start is not None), key=lambda a: a.start)
    since = ctx.months_from_today(-months)
    return [
        (prev, nxt)
        for prev, nxt in zip(periods, periods[1:])
        if nxt.start is not None and since < nxt.start <= ctx.today
    ]


ADVISER_FACTS = ("advisers.*.start", "advisers.*.end", "advisers.*.handover_notes")


@predicate(
    "adviser_changes_within_months",
    _changes,
    ADVISER_FACTS,
    why=lambda ctx, arg: f"{len(_adviser_changes(ctx, arg[0]))} changes of personal adviser in {arg[0]} months",
)
def adviser_changes_within_months(ctx: Ctx, arg: tuple[int, int]) -> bool:
    """{"months": m, "more_than": n}: the personal adviser changed more than n times in the
    last m months."""
    months, more_than = arg
    return len(_adviser_changes(ctx, months)) > more_than


@predicate("adviser_change_without_handover", _months, ADVISER_FACTS)
def adviser_change_without_handover(ctx: Ctx, months: int) -> bool:
    """months: a change of personal adviser in that time has no handover recorded (on either
    the outgoing or the incoming adviser)."""
    return any(
        not (a.handover_notes.strip() or b.handover_notes.strip()) for a, b in _adviser_changes(ctx, months)
    )


# ---- home


@predicate("home_type_in", _codes(HomeType), ("home.current_type",))
def home_type_in(ctx: Ctx, types: frozenset) -> bool:
    """[codes]: the young person lives now in one of these kinds of home."""
    return ctx.plan.home.current_type in types


@predicate("planned_home_type_in", _codes(HomeType), ("home.planned_type",))
def planned_home_type_in(ctx: Ctx, types: frozenset) -> bool:
    """[codes]: the next home planned is one of these kinds."""
    return ctx.plan.home.planned_type in types


def _move_planned(ctx: Ctx) -> bool:
    home = ctx.plan.home
    if home.planned_move_date is not None and home.planned_move_date < ctx.today:
        return False  # the date has passed: the move has happened (or the plan is out of date)
    if home.planned_type is HomeType.STAYING_PUT and home.current_type in (HomeType.FOSTER, HomeType.KINSHIP):
        return False  # Staying Put is staying on in the foster home: no move, nobody to leave behind
    return home.planned_type is not None or home.planned_move_date is not None


@predicate(
    "move_planned",
    _flag,
    ("home.planned_type", "home.planned_move_date"),
    why=lambda ctx, _: (
        f"Move planned{' on ' + dates.fmt(ctx.plan.home.planned_move_date) if ctx.plan.home.planned_move_date else ''}"
    ),
)
def move_planned(ctx: Ctx, _: bool) -> bool:
    """A move to another home is planned (a next home or a move date, not already passed; Staying
    Put from the foster home the young person lives in is not a move)."""
    return _move_planned(ctx)


@predicate("planned_move_before_birthday", _age, (DOB, "home.planned_move_date"))
def planned_move_before_birthday(ctx: Ctx, age: int) -> bool:
    """age: the planned move is dated before that birthday, or has no date yet (so it might be)."""
    b = ctx.birthday(age)
    d = ctx.plan.home.planned_move_date
    return b is not None and (d is None or d < b)


@predicate("no_fallback_home", _flag, ("home.fallback", "contingency.fallback_home"))
def no_fallback_home(ctx: Ctx, _: bool) -> bool:
    """Nothing recorded about where the young person goes if the move does not work out."""
    return not (ctx.plan.home.fallback.strip() or ctx.plan.contingency.fallback_home.strip())


@predicate("staying_put_undecided", _flag, ("staying_put.decision",))
def staying_put_undecided(ctx: Ctx, _: bool) -> bool:
    """Staying Put has not been decided (not discussed, or still being discussed)."""
    return ctx.plan.staying_put.decision not in (Decision.AGREED, Decision.NOT_WANTED, Decision.NOT_POSSIBLE)


@predicate("staying_close_undecided", _flag, ("staying_close.decision",))
def staying_close_undecided(ctx: Ctx, _: bool) -> bool:
    """Staying Close has not been decided (not discussed, or still being discussed)."""
    return ctx.plan.staying_close.decision not in (Decision.AGREED, Decision.NOT_WANTED, Decision.NOT_POSSIBLE)


def _arrangement_ends(ctx: Ctx, months: int) -> list[tuple[str, date]]:
    plan = ctx.plan
    horizon = ctx.months_from_today(months)
    out = []
    sp = dates.staying_put_end(plan)
    if sp is not None and ctx.today <= sp <= horizon:
        out.append(("Staying Put ends", sp))
    sc = plan.staying_close
    if sc.decision is Decision.AGREED and sc.end is not None and ctx.today <= sc.end <= horizon:
        out.append(("Staying Close ends", sc.end))
    return out


@predicate(
    "home_arrangement_ends_within_months",
    _months,
    (DOB, "staying_put.decision", "staying_put.end", "staying_close.decision", "staying_close.end"),
    why=lambda ctx, m: "; ".join(f"{w} on {dates.fmt(d)}" for w, d in _arrangement_ends(ctx, m)),
)
def home_arrangement_ends_within_months(ctx: Ctx, months: int) -> bool:
    """months: an agreed Staying Put (at the latest the 21st birthday) or Staying Close
    arrangement ends between today and that many months from today."""
    return bool(_arrangement_ends(ctx, months))


@predicate("no_next_home_planned", _flag, ("home.planned_type", "home.planned_description"))
def no_next_home_planned(ctx: Ctx, _: bool) -> bool:
    """No next home is recorded (neither a kind of home nor a description)."""
    home = ctx.plan.home
    return home.planned_type is None and not home.planned_description.strip()


@predicate("legal_status_in", _codes(LegalStatus), ("person.legal_status",))
def legal_status_in(ctx: Ctx, statuses: frozenset) -> bool:
    """[codes]: the young person's legal status is one of these."""
    return ctx.plan.person.legal_status in statuses


# ---- education


@predicate("eet_status_in", _codes(EetStatus), ("education.status",))
def eet_status_in(ctx: Ctx, statuses: frozenset) -> bool:
    """[codes]: what the young person does now (school, college, work, NEET ...) is one of these."""
    return ctx.plan.education.status in statuses


@predicate("he_without_year_round_housing_or_bursary", _flag, ("education.year_round_housing", "education.bursary"))
def he_without_year_round_housing_or_bursary(ctx: Ctx, _: bool) -> bool:
    """Year-round (52-week) housing is not confirmed, or whether there is a bursary is not recorded."""
    ed = ctx.plan.education
    return ed.year_round_housing is not True or ed.bursary is None


# ---- identity and life story


@predicate("no_life_story", _flag, ("life_story.*.kind",))
def no_life_story(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded in the life story."""
    return not ctx.plan.life_story


IDENTITY_FIELDS = ("own_words", "ethnicity", "religion", "languages", "culture", "gender", "sexuality")


@predicate("identity_unrecorded", _flag, tuple(f"identity.{f}" for f in IDENTITY_FIELDS))
def identity_unrecorded(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about identity (ethnicity, religion, language, culture, gender,
    sexuality or the young person's own words)."""
    ident = ctx.plan.identity
    return not any(getattr(ident, f).strip() for f in IDENTITY_FIELDS)


@predicate("identity_without_own_view", _flag, ("identity.own_words", "identity.recorded_with_young_person"))
def identity_without_own_view(ctx: Ctx, _: bool) -> bool:
    """Identity has neither the young person's own words nor a note that it was recorded with them."""
    ident = ctx.plan.identity
    return not ident.own_words.strip() and not ident.recorded_with_young_person


# ---- skills, money, health


def _skills_not_started(plan: Plan) -> list[str]:
    level = {s.key: s.level for s in plan.skills}
    return [k for k in SKILL_KEYS if level.get(k, SkillLevel.NOT_STARTED) is SkillLevel.NOT_STARTED]


@predicate(
    "skills_not_started",
    _flag,
    ("skills.*.key", "skills.*.level"),
    why=lambda ctx, _: f"{len(_skills_not_started(ctx.plan))} of {len(SKILL_KEYS)} skills not started",
)
def skills_not_started(ctx: Ctx, _: bool) -> bool:
    """At least one skill on the practical-skills checklist is not started (or missing)."""
    return bool(_skills_not_started(ctx.plan))


MONEY_FACTS = (
    "money.income",
    "money.bank_account",
    "money.council_tax_exemption",
    "money.local_offer_explained_on",
    "money.savings",
    "money.debts",
    "money.notes",
)


@predicate("finance_empty", _flag, MONEY_FACTS)
def finance_empty(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about money: income, bank account, council tax, the local offer,
    savings, debts or notes."""
    m = ctx.plan.money
    return (
        not (m.income.strip() or m.savings.strip() or m.debts.strip() or m.notes.strip())
        and m.bank_account is None
        and m.council_tax_exemption is None
        and m.local_offer_explained_on is None
    )


@predicate("local_offer_not_explained", _flag, ("money.local_offer_explained_on",))
def local_offer_not_explained(ctx: Ctx, _: bool) -> bool:
    """No date is recorded for explaining the local offer for care leavers to the young person."""
    return ctx.plan.money.local_offer_explained_on is None


@predicate("emotional_wellbeing_empty", _flag, ("health.emotional_wellbeing",))
def emotional_wellbeing_empty(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about emotional wellbeing."""
    return not ctx.plan.health.emotional_wellbeing.strip()


@predicate("practical_health_recorded", _flag, ("health.physical", "health.services", "health.gp_registered"))
def practical_health_recorded(ctx: Ctx, _: bool) -> bool:
    """Something practical about health is recorded (physical health, services, GP)."""
    h = ctx.plan.health
    return bool(h.physical.strip() or h.services.strip() or h.gp_registered is not None)


@predicate("mental_health_need", _flag, ("health.mental_health_need",))
def mental_health_need(ctx: Ctx, _: bool) -> bool:
    """A mental-health need is recorded."""
    return ctx.plan.health.mental_health_need


@predicate("no_adult_mental_health_transition", _flag, ("health.adult_services_transition",))
def no_adult_mental_health_transition(ctx: Ctx, _: bool) -> bool:
    """Nothing is recorded about moving on to adult services."""
    return not ctx.plan.health.adult_services_transition.strip()


# ---- about me, voice


def _area_words(ctx: Ctx) -> Any:
    return ctx.subject, ctx.own_words(ctx.subject or "")


@predicate("area_lacks_own_words", _flag, (_area_words,))
def area_lacks_own_words(ctx: Ctx, _: bool) -> bool:
    """(per area) The young person's own words are not recorded for this part of the plan."""
    return not ctx.own_words(ctx.subject or "")


@predicate(
    "no_strengths_recorded",
    _flag,
    ("person.strengths", "person.achievements", "life_story.*.kind"),
)
def no_strengths_recorded(ctx: Ctx, _: bool) -> bool:
    """No strengths or achievements are recorded (nor an achievement in the life story)."""
    p = ctx.plan.person
    if p.strengths.strip() or p.achievements.strip():
        return False
    return not any(e.kind.value == "achievement" for e in ctx.plan.life_story)


# ---- particular circumstances


@predicate("parent_or_expecting", _flag, ("person.parenting",))
def parent_or_expecting(ctx: Ctx, _: bool) -> bool:
    """The young person is a parent or is expecting a baby."""
    return ctx.plan.person.parenting in (Parenting.PARENT, Parenting.EXPECTING)


@predicate("immigration_unresolved", _flag, ("person.immigration_status",))
def immigration_unresolved(ctx: Ctx, _: bool) -> bool:
    """Immigration status is not settled (a claim or appeal pending, limited leave, age
    disputed, no status)."""
    return ctx.plan.person.immigration_status in UNRESOLVED_IMMIGRATION


@predicate("youth_justice_involved", _flag, ("person.youth_justice",))
def youth_justice_involved(ctx: Ctx, _: bool) -> bool:
    """Involvement with youth justice is recorded."""
    return ctx.plan.person.youth_justice


# ---- statutory


@predicate(
    "needs_assessment_overdue",
    _flag,
    (lambda ctx: norm(ctx.assessment_due()),),
    why=lambda ctx, _: f"Needs assessment was due by {dates.fmt(ctx.assessment_due())}",
)
def needs_assessment_overdue(ctx: Ctx, _: bool) -> bool:
    """The needs assessment is not recorded as done and its due date (three months after
    becoming eligible) has passed."""
    due = ctx.assessment_due()
    return due is not None and due < ctx.today


@predicate(
    "review_overdue",
    _flag,
    (lambda ctx: norm(ctx.review_due()),),
    why=lambda ctx, _: f"Review was due by {dates.fmt(ctx.review_due())}",
)
def review_overdue(ctx: Ctx, _: bool) -> bool:
    """The next review's due date has passed."""
    due = ctx.review_due()
    return due is not None and due < ctx.today


@predicate(
    "review_due_within_months",
    _months,
    (lambda ctx: norm(ctx.review_due()),),
    why=lambda ctx, _: f"Review due by {dates.fmt(ctx.review_due())}",
)
def review_due_within_months(ctx: Ctx, months: int) -> bool:
    """months: the next review is due between today and that many months from today."""
    due = ctx.review_due()
    return due is not None and ctx.today <= due <= ctx.months_from_today(months)


@predicate("area_has_no_actions", _flag, ("@area.actions.*.status",))
def area_has_no_actions(ctx: Ctx, _: bool) -> bool:
    """(per area) No actions are recorded for this Schedule 1 area."""
    sa = ctx.support_area(ctx.subject or "")
    return sa is None or not sa.actions


def _incomplete_actions(ctx: Ctx) -> list[Any]:
    sa = ctx.support_area(ctx.subject or "")
    if sa is None:
        return []
    return [a for a in sa.actions if a.status in OPEN_ACTION and (not a.who.strip() or a.by_when is None)]


@predicate(
    "area_actions_missing_who_or_when",
    _flag,
    ("@area.actions.*.who", "@area.actions.*.by_when", "@area.actions.*.status"),
    why=lambda ctx, _: "Without who or by when: " + "; ".join(a.what.strip() or "(no description)" for a in _incomplete_actions(ctx)),
)
def area_actions_missing_who_or_when(ctx: Ctx, _: bool) -> bool:
    """(per area) An open action in this area has no one named to do it, or no date."""
    return bool(_incomplete_actions(ctx))


@predicate("no_contingency_plan", _flag, ("contingency.plan",))
def no_contingency_plan(ctx: Ctx, _: bool) -> bool:
    """No contingency plan is written: what happens if the plan stops working."""
    return not ctx.plan.contingency.plan.strip()


@predicate("pa_support_to_25", _flag, ("pa_support_to_25",))
def pa_support_to_25(ctx: Ctx, _: bool) -> bool:
    """The young person has asked for personal adviser support from 21 to 25."""
    return ctx.plan.pa_support_to_25

