"""Checks on a plan before it is saved. Every problem is returned at once, each naming its field.

A problem's ``field`` is a plan path (:mod:`.fieldpath`: ``relationships[<id>].name``) that the
app uses to find the field on screen; people see ``str(problem)``: where it is, in the field
catalogue's words, and what is wrong — "Support plan — Health and wellbeing: the action needs
to say what will be done".
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from . import fieldpath
from .dates import fmt, iter_overlaps
from .fields import catalogue, noun, value_words, where
from .introspect import iter_records, specs
from .model import Plan
from .problems import Problem
from .vocab import CARE_HOME_TYPES, SKILL_KEYS

MAX_TEXT = 1_000_000  # characters in one field; a 1 MB note is kept, anything longer refused
EARLIEST_DOB = date(1950, 1, 1)
LATEST_DOB = date(2200, 1, 1)  # past this, dates 25 years on would not exist
#: A plan's version counts its saves; far below any database's integer limit, so the next save
#: always fits.
MAX_VERSION = 1_000_000_000
EARLIEST_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)
LATEST_MOMENT = datetime(2100, 1, 1, tzinfo=UTC)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_uuid(text: str) -> bool:
    """True for an identifier in UUID form (what every record's ``id`` is)."""
    return isinstance(text, str) and bool(_UUID.match(text))


def _encodes(text: str) -> bool:
    """False when the text holds an unpaired surrogate (it could never be stored)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Checker:
    """Collects problems, each with its path and words."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.out: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.out.append(Problem(path, message, where(path, self.plan)))

    def text(self, obj: Any, path: str, fid: str) -> None:
        """Every text field under ``obj``: not too long, no NUL, no broken characters."""
        for s in specs(type(obj)):
            v = getattr(obj, s.name)
            sub = fieldpath.child(path, s.name)
            sub_fid = f"{fid}.{s.name}" if fid else s.name
            if s.kind == "text":
                if len(v) > MAX_TEXT:
                    self.add(sub, f"{noun(sub_fid)} is too long ({len(v):,} characters; at most {MAX_TEXT:,})")
                elif "\x00" in v:
                    self.add(sub, f"{noun(sub_fid)} contains a NUL character")
                elif not _encodes(v):
                    self.add(sub, f"{noun(sub_fid)} contains a broken character (an unpaired surrogate)")
            elif s.kind == "record":
                self.text(v, sub, sub_fid)
            elif s.kind == "records":
                for i, item in enumerate(v):
                    key = fieldpath.record_key(sub_fid, item) or fieldpath.position_key(i)
                    self.text(item, fieldpath.child(path, s.name, key), sub_fid)


def _rec(list_path: str, record: Any, index: int) -> str:
    """The path of a record of a list (by its key; by position only where it has none)."""
    parent, _dot, name = list_path.rpartition(".")
    key = fieldpath.record_key(fieldpath.field_id(list_path), record) or fieldpath.position_key(index)
    return fieldpath.child(parent, name, key)


def validate(plan: Plan, today: date | None = None) -> list[Problem]:
    """Every problem with ``plan``; an empty list means it can be saved."""
    c = _Checker(plan)
    p = plan.person
    if not (p.given_name.strip() or p.preferred_name.strip()):
        c.add("person.given_name", "a given name (or a preferred name) is needed")
    dob = p.date_of_birth
    if dob is None:
        c.add("person.date_of_birth", "the date of birth is needed to work out dates and entitlements")
    else:
        if today is not None and dob > today:
            c.add("person.date_of_birth", "the date of birth is in the future")
        if dob < EARLIEST_DOB:
            c.add("person.date_of_birth", f"the date of birth is before {EARLIEST_DOB.year}; please check it")
        elif dob >= LATEST_DOB:
            c.add("person.date_of_birth", f"the date of birth is after {LATEST_DOB.year}; please check it")
            dob = None  # no birthdays can be worked out from it
    if p.email and not _EMAIL.match(p.email.strip()):
        c.add("person.email", f"“{p.email.strip()}” does not look like an email address")
    if p.age_assessed_on is not None:
        if today is not None and p.age_assessed_on > today:
            c.add("person.age_assessed_on", "the date of the age assessment is in the future")
        elif dob is not None and p.age_assessed_on < dob:
            c.add("person.age_assessed_on", "the date of the age assessment is before the date of birth")

    _care_history(c, plan, dob)
    _orders(c, plan, dob)
    _circumstances(c, plan, dob, today)
    for i, r in enumerate(plan.relationships):
        if not r.name.strip():
            c.add(_rec("relationships", r, i) + ".name", "a person needs a name")
    _staying_put_and_close(c, plan)

    h = plan.home
    if h.planned_move_date and h.current_since and h.planned_move_date < h.current_since:
        c.add("home.planned_move_date", "the planned move date is before they moved into the home they live in now")
    rh = plan.return_home
    for name in ("ended_on", "support_until", "review_on"):
        d = getattr(rh, name)
        if d is not None and rh.returned_on is not None and d < rh.returned_on:
            c.add(f"return_home.{name}", f"{noun('return_home.' + name)} is before {noun('return_home.returned_on')}")
    e = plan.education
    if e.start and e.expected_end and e.expected_end < e.start:
        c.add("education.expected_end", "the expected finish date is before the start date")

    for j, sa in enumerate(plan.support_areas):
        area_path = _rec("support_areas", sa, j)
        for i, a in enumerate(sa.actions):
            if not a.what.strip():
                c.add(_rec(area_path + ".actions", a, i) + ".what", "the action needs to say what will be done")
    seen_areas = [sa.area for sa in plan.support_areas]
    if len(set(seen_areas)) != len(seen_areas):
        c.add("support_areas", "the same area appears twice")

    for i, rv in enumerate(plan.reviews):
        path = _rec("reviews", rv, i)
        if rv.held_on is None:
            c.add(path + ".held_on", "a review needs the date it was held")
        elif today is not None and rv.held_on > today:
            c.add(path + ".held_on", f"the review date ({fmt(rv.held_on)}) is in the future")
    for i, ad in enumerate(plan.advisers):
        path = _rec("advisers", ad, i)
        if not ad.name.strip():
            c.add(path + ".name", "an adviser needs a name")
        if ad.start and ad.end and ad.end < ad.start:
            c.add(path + ".end", "the end date is before the start date")
    for i, sk in enumerate(plan.skills):
        if sk.key not in SKILL_KEYS:
            c.add(_rec("skills", sk, i) + ".key", f"“{sk.key}” is not a skill on the checklist")
    for i, pr in enumerate(plan.prompt_responses):
        if not pr.rule_id:
            c.add(_rec("prompt_responses", pr, i) + ".rule_id", "an answer needs to say which prompt it answers")
        if pr.at is not None:
            _moment(c, _rec("prompt_responses", pr, i) + ".at", pr.at)
    _bookkeeping(c, plan)
    c.text(plan, "", "")
    _identifiers(c, plan)
    return c.out


def _care_history(c: _Checker, plan: Plan, dob: date | None) -> None:
    paths = {id(ep): _rec("care_episodes", ep, i) for i, ep in enumerate(plan.care_episodes)}
    for ep in plan.care_episodes:
        base = paths[id(ep)]
        if ep.start is None:
            c.add(f"{base}.start", "the date they moved in is needed")
        elif dob is not None and ep.start < dob:
            c.add(f"{base}.start", "the date they moved in is before the date of birth")
        if ep.start and ep.end and ep.end <= ep.start:
            c.add(f"{base}.end", "the date they left must be after the date they moved in")
        if ep.home_type not in CARE_HOME_TYPES:
            c.add(f"{base}.home_type", f"“{value_words('care_episodes.home_type', ep.home_type)}” "
                  "is not a kind of home a young person is looked after in")
    for a, b in iter_overlaps(plan.care_episodes):
        other = a.home_name.strip() or f"the home from {fmt(a.start)}"
        c.add(f"{paths[id(b)]}.start",
              f"the time here overlaps the time at {other} (a young person lives in one home at a time)")


def _orders(c: _Checker, plan: Plan, dob: date | None) -> None:
    """An order (special guardianship, child arrangements, adoption) ends being looked after:
    a time in care may not run past the day it was made."""
    for i, o in enumerate(plan.orders):
        path = _rec("orders", o, i)
        if o.made_on is None:
            c.add(f"{path}.made_on", f"{noun('orders.made_on')} is needed (the order ended being looked after that day)")
            continue
        if dob is not None and o.made_on < dob:
            c.add(f"{path}.made_on", f"{noun('orders.made_on')} is before the date of birth")
        if o.ended_on is not None and o.ended_on <= o.made_on:
            c.add(f"{path}.ended_on", f"{noun('orders.ended_on')} must be after {noun('orders.made_on')}")
        kind = value_words("orders.kind", o.kind)
        for j, ep in enumerate(plan.care_episodes):
            if ep.start is not None and ep.start < o.made_on and (ep.end is None or ep.end > o.made_on):
                c.add(f"{_rec('care_episodes', ep, j)}.end",
                      f"the time here runs past the {kind.lower()} made on {fmt(o.made_on)}, which "
                      "ended being looked after: it should end on that day")


def _circumstances(c: _Checker, plan: Plan, dob: date | None, today: date | None) -> None:
    for i, m in enumerate(plan.immigration):
        if m.since is not None and m.until is not None and m.until < m.since:
            c.add(f"{_rec('immigration', m, i)}.until", f"{noun('immigration.until')} is before {noun('immigration.since')}")
    for i, ch in enumerate(plan.children):
        path = _rec("children", ch, i)
        if ch.born_on is not None:
            if today is not None and ch.born_on > today:
                c.add(f"{path}.born_on", f"{noun('children.born_on')} is in the future")
            if dob is not None and ch.born_on <= dob:
                c.add(f"{path}.born_on", f"{noun('children.born_on')} is before the young person's own")


def _staying_put_and_close(c: _Checker, plan: Plan) -> None:
    from .agreements import check  # it reports its problems through this module's Problem

    check(plan, c.add)


def _moment(c: _Checker, path: str, value: datetime) -> None:
    if value.tzinfo is None:
        c.add(path, f"{noun(fieldpath.field_id(path))} has no time zone")
    elif not EARLIEST_MOMENT <= value < LATEST_MOMENT:
        c.add(path, f"{noun(fieldpath.field_id(path))} ({value:%Y-%m-%d}) is not between "
              f"{EARLIEST_MOMENT.year} and {LATEST_MOMENT.year}")


def _bookkeeping(c: _Checker, plan: Plan) -> None:
    if plan.version < 0:
        c.add("version", "the version number cannot be negative")
    elif plan.version > MAX_VERSION:
        c.add("version", f"the version number ({plan.version:,}) is larger than any plan can reach")
    _moment(c, "created_at", plan.created_at)
    _moment(c, "updated_at", plan.updated_at)


def _identifiers(c: _Checker, plan: Plan) -> None:
    ids: list[tuple[str, str]] = [("id", plan.id)]
    ids.extend((fid, rec.id) for fid, rec in iter_records(plan) if hasattr(rec, "id"))
    bad = [(where_, i) for where_, i in ids if not is_uuid(i)]
    if bad:
        where_, i = bad[0]
        shown = i if len(i) <= 40 else i[:39] + "…"
        c.add("id", f"a record in {catalogue()[where_].label if where_ != 'id' else 'the plan'} has an "
              f"identifier (“{shown}”) that is not in the form the app writes"
              + (f", and so do {len(bad) - 1} more" if len(bad) > 1 else ""))
    keys = [i.lower() for _w, i in ids]
    if len(set(keys)) != len(keys):
        c.add("id", "two records in the plan share an identifier")


class ValidationError(ValueError):
    """A plan that cannot be saved; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
