"""What every predicate is written with: the evaluation context, the plan facts it reads, the
arguments it takes, and the registry the rules are compiled against (see the package's notes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from ... import dates
from ...model import Plan, Relationship, SupportArea
from ...vocab import Area
from ...wording import Pronouns, listing, pronouns

#: The plan sections a prompt can belong to, in the order prompts are listed.
ABOUT_ME = "about_me"
AREA_ORDER: tuple[str, ...] = (ABOUT_ME,) + tuple(a.value for a in Area)
SCHEDULE_1_CODES: tuple[str, ...] = tuple(a.value for a in Area)

T = TypeVar("T")
A = TypeVar("A")  # the argument a predicate takes, as its parser gives it
E = TypeVar("E", bound=Enum)


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
        if key in self._memo:
            known: date | None = self._memo[key]
            return known
        dob = self.dob
        found = self._memo[key] = dates.birthday(dob, age) if dob is not None else None
        return found

    def memo(self, key: str, fn: Callable[[], T]) -> T:
        if key in self._memo:
            known: T = self._memo[key]
            return known
        found = self._memo[key] = fn()
        return found

    def basis(self) -> dates.CareBasis:
        """The dates the care-leaver category rests on, on this day."""
        return self.memo("basis", lambda: dates.care_basis(self.plan, self.today))

    def category(self) -> dates.Category:
        return self.memo("category", lambda: dates.category_from_basis(self.basis(), self.today).category)

    def looked_after(self) -> bool:
        """Looked after on this day (in care, not ended by an order)."""
        b = self.basis()
        return b.ever_in_care and b.in_care_to is None

    def pronouns(self) -> Pronouns:
        return self.memo("pronouns", lambda: pronouns(self.plan.person.pronouns))

    def assessment_due(self) -> date | None:
        return self.memo("assessment_due", lambda: dates.needs_assessment_due(self.plan, self.today, self.basis()))

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
        if key in self._memo:
            known: date = self._memo[key]
            return known
        found = self._memo[key] = self.today + relativedelta(months=months)
        return found

    def months_before(self, age: int, months: int) -> date | None:
        """The day ``months`` months before the birthday ``age``."""
        key = ("before", age, months)
        if key in self._memo:
            known: date | None = self._memo[key]
            return known
        b = self.birthday(age)
        found = self._memo[key] = b - relativedelta(months=months) if b is not None else None
        return found

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


Reads = tuple[str | Callable[[Ctx], Any], ...]  # paths (str) or functions of the context


# --------------------------------------------------------------------------- arguments


class ArgError(ValueError):
    """A predicate was given an argument it cannot use."""


def takes_true(v: Any) -> bool:
    if v is not True:
        raise ArgError("takes no argument: write true")
    return True


def _whole_number(v: Any, lo: int, hi: int, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise ArgError(f"needs {what}: a whole number from {lo} to {hi}, not {v!r}")
    return v


def takes_age(v: Any) -> int:
    return _whole_number(v, 0, 30, "an age")


def takes_months(v: Any) -> int:
    return _whole_number(v, 1, 120, "a number of months")


def takes_age_months(v: Any) -> tuple[int, int]:
    if not isinstance(v, list) or len(v) != 2:
        raise ArgError(f"needs [age, months], e.g. [18, 24], not {v!r}")
    return (takes_age(v[0]), takes_months(v[1]))


def takes_codes(enum: type[E]) -> Callable[[Any], frozenset[E]]:
    def check(v: Any) -> frozenset[E]:
        if not isinstance(v, list) or not v:
            raise ArgError(f"needs a list of {enum.__name__} codes, not {v!r}")
        bad = [x for x in v if x not in {m.value for m in enum}]
        if bad:
            allowed = ", ".join(m.value for m in enum)
            raise ArgError(f"unknown {enum.__name__} code(s) {bad}; known: {allowed}")
        return frozenset(enum(x) for x in v)

    return check


def takes_changes(v: Any) -> tuple[int, int]:
    if not isinstance(v, dict) or set(v) != {"months", "more_than"}:
        raise ArgError(f'needs {{"months": 12, "more_than": 1}}, not {v!r}')
    return (takes_months(v["months"]), _whole_number(v["more_than"], 0, 50, "a count"))


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


def predicate(
    name: str, arg: Callable[[Any], A], reads: Reads, why: Callable[[Ctx, A], str] | None = None
) -> Callable[[Callable[[Ctx, A], bool]], Callable[[Ctx, A], bool]]:
    """Register ``fn(ctx, value) -> bool`` as the predicate ``name``: ``arg`` parses the argument
    a rule writes into ``value``, ``reads`` names the plan facts it looks at and ``why`` says
    which of them raised a prompt."""

    def register(fn: Callable[[Ctx, A], bool]) -> Callable[[Ctx, A], bool]:
        if name in PREDICATES:  # pragma: no cover - a programming error
            raise ValueError(f"predicate {name} defined twice")
        PREDICATES[name] = Predicate(name, fn, arg, tuple(reads), (fn.__doc__ or "").strip(), why)
        return fn

    return register


DOB = "person.date_of_birth"


def name_list(rels: list[Relationship]) -> str:
    """The people's names for a prompt's "why" line: "Pat, Dee and Lee"."""
    return listing(r.name.strip() or "(no name)" for r in rels)
