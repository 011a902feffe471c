"""Bring a plan from an older plans file up to today's format, one version at a time.

Like the database's migrations, each format version the app has ever written has one small
step to the next: ``STEPS[n]`` takes one plan (the plain dict read from a version-``n`` file)
and returns it as version ``n + 1`` would have written it, keeping every word — a field that
moves to a new structure carries its text into that structure's notes rather than dropping it.
Each step has a golden file of its old version in ``tests/fixtures/plans_files/`` and a test
that it imports without loss.

Adding a field to the plan means one step here that gives old plans the field's empty value
(see the README's "For developers").
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from typing import Any

Plan = dict[str, Any]
Step = Callable[[Plan], Plan]

#: ``STEPS[n]``: a version-``n`` plan → version ``n + 1``.
STEPS: dict[int, Step] = {}

FIRST_VERSION = 1


def step(from_version: int) -> Callable[[Step], Step]:
    """Register the upgrade from ``from_version`` to the next."""

    def register(fn: Step) -> Step:
        if from_version in STEPS:  # pragma: no cover - a programming error caught on import
            raise RuntimeError(f"two upgrades from plans-file version {from_version}")
        STEPS[from_version] = fn
        return fn

    return register


def current_version() -> int:
    """The version :func:`upgrade` brings plans to (the one export writes)."""
    return FIRST_VERSION + len(STEPS)


def upgrade(plan: Plan, from_version: int) -> Plan:
    """``plan`` (from a file of ``from_version``) as the current version holds it."""
    for n in range(from_version, current_version()):
        plan = STEPS[n](plan)
    return plan


# --------------------------------------------------------------------------- the steps


@step(1)
def _to_v2(plan: Plan) -> Plan:
    """Version 2 records the young person's choices about sharing their words (none yet)."""
    return {**plan, "sharing": []}


# --------------------------------------------------------------------------- 2 → 3

#: Words for the codes an old care episode's notes mention (kept as they were in version 1).
_V1_HOME_WORDS = {
    "foster": "Foster home",
    "kinship": "Kinship or connected person's home",
    "residential": "Children's home",
    "semi_independent": "Semi-independent home",
    "supported_lodgings": "Supported lodgings",
    "with_parent": "Living with a parent",
    "custody": "Custody",
    "staying_put": "Staying Put (with former foster carers)",
    "staying_close": "Staying Close (near the children's home)",
    "own_tenancy": "Own tenancy",
    "university": "University accommodation",
    "supported_housing": "Supported housing",
    "other": "Other",
}
_V1_ORDER_WORDS = {"sgo": "Special guardianship order", "cao": "Child arrangements order"}
#: Version 1 let a care episode's legal status be an order that ends care, or "left care".
V1_ORDER_STATUSES = frozenset(_V1_ORDER_WORDS)
V1_LEFT_CARE = "left_care"


def _v1_day(iso: Any) -> str:
    """An ISO date from a version-1 file in words (as it was, if it is not a date)."""
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{d.day} {d:%B %Y}"


def order_note(code: str, start: Any, end: Any, home_type: Any, short_break: Any) -> str:
    """What an order made from a version-1 care episode says about where it came from."""
    when = f"from {_v1_day(start)}" + (f" to {_v1_day(end)}" if end else "")
    home = _V1_HOME_WORDS.get(home_type, str(home_type))
    brk = ", a planned short break" if short_break else ""
    return (f"Moved from the care history, where it was recorded as a time in care {when} "
            f"({home}{brk}) with the legal status “{_V1_ORDER_WORDS[code]}”: the order ended "
            "being looked after on the day it was made.")


LEFT_CARE_NOTE = "Legal status recorded as “Left care”, which is not a way of being looked after."


def _joined(*texts: str) -> str:
    return "\n".join(t for t in texts if t and t.strip())


@step(2)
def to_v3(plan: Plan) -> Plan:
    """Version 3: the law and the facts (issue 12).

    - ``person.immigration_status`` and ``immigration_notes`` become the first of the plan's
      ``immigration`` matters (status and notes, no dates); "age disputed" also marks the date of
      birth as disputed.
    - A care episode whose legal status was a special guardianship order ("sgo") or a child
      arrangements order ("cao") was never time in care: it becomes an order (same code) made
      on the episode's start, with whom = the home's name and its notes kept, plus a note saying
      where it came from (its dates, kind of home and short break in words). An episode with no
      start stays, as "other", with that note.
    - A care episode whose legal status was "left care" becomes "other", with a note.
    - New, empty: the date of birth's basis ("stated") and assessment date, children, orders,
      the home's registration ("not recorded"), and the return home.

    A field already there is kept as it is (a file that says version 1 but was written later).
    """
    out = copy.deepcopy(plan)
    person = out.get("person")
    if isinstance(person, dict):
        status = person.pop("immigration_status", "unknown")
        notes = person.pop("immigration_notes", "")
        person.setdefault("date_of_birth_basis", "disputed" if status == "age_disputed" else "stated")
        person.setdefault("age_assessed_on", None)
        out.setdefault("immigration", [{"status": status, "since": None, "until": None, "notes": notes,
                                        "id": _derived_id(out.get("id"), "immigration", 0)}])
    out.setdefault("children", [])
    orders: list[dict[str, Any]] = []
    episodes = out.get("care_episodes")
    if isinstance(episodes, list):
        kept = []
        for ep in episodes:
            if not isinstance(ep, dict):
                kept.append(ep)
                continue
            code = ep.get("legal_status")
            if code in V1_ORDER_STATUSES:
                note = order_note(code, ep.get("start"), ep.get("end"), ep.get("home_type"), ep.get("short_break"))
                if ep.get("start"):
                    orders.append({"kind": code, "made_on": ep.get("start"), "with_whom": ep.get("home_name", ""),
                                   "ended_on": None, "notes": _joined(ep.get("notes", ""), note),
                                   "id": ep.get("id")})
                    continue
                ep = {**ep, "legal_status": "other", "notes": _joined(ep.get("notes", ""), note)}
            elif code == V1_LEFT_CARE:
                ep = {**ep, "legal_status": "other", "notes": _joined(ep.get("notes", ""), LEFT_CARE_NOTE)}
            kept.append(ep)
        out["care_episodes"] = kept
    if isinstance(out.setdefault("orders", []), list):
        out["orders"].extend(orders)
    home = out.get("home")
    if isinstance(home, dict):
        home.setdefault("registration", "not_recorded")
    out.setdefault("return_home", {"returned_on": None, "with_whom": "", "support": "", "support_until": None,
                                   "review_on": None, "ended_on": None, "notes": ""})
    return out


def _derived_id(plan_id: Any, what: str, n: int) -> str:
    """A stable id for a record an upgrade makes: the same file upgrades to the same ids."""
    base = plan_id if isinstance(plan_id, str) else ""
    return str(uuid.uuid5(_UPGRADE_NAMESPACE, f"{base}/{what}/{n}"))


_UPGRADE_NAMESPACE = uuid.UUID("8f0b7f0e-6a43-4a7e-9d1c-1a2f3e4d5c6b")


# --------------------------------------------------------------------------- 3 → 4


@step(3)
def to_v4(plan: Plan) -> Plan:
    """Version 4: agreeing the plan (the young person's view and comments, advocacy, an
    interpreter, the reviewing officer, copies), and each adviser's phone and email — all empty
    for a plan from an older file."""
    out = copy.deepcopy(plan)
    out.setdefault("sign_off", {"young_person_view": "not_asked", "young_person_comments": "", "advocacy_offered": None,
                                "advocate": "", "interpreter_used": None, "interpreter_language": "",
                                "reviewing_officer": "", "copies_to": ""})
    for adviser in out.get("advisers") or []:
        if isinstance(adviser, dict):
            adviser.setdefault("phone", "")
            adviser.setdefault("email", "")
    return out


# --------------------------------------------------------------------------- 4 → 5

#: Identifiers the step below gives the records it makes: the same plan always gets the same
#: ones (so upgrading twice, or the database migration 0006 doing it, agree).
_V3_IDS = uuid.UUID("6d1f7a52-3c4e-4b8a-9f0e-2a7c5b1d8e93")


def _v3_id(plan: Plan, *parts: str) -> str:
    return str(uuid.uuid5(_V3_IDS, "/".join((str(plan.get("id", "")), *parts))))


def _text(d: dict[str, Any], key: str) -> str:
    v = d.get(key)
    return v if isinstance(v, str) else ""


_V4_STAYING_PUT = frozenset({"decision", "carer_name", "start", "end", "money", "house_agreements", "review_date", "notes"})
_V4_STAYING_CLOSE = frozenset({"decision", "home_name", "new_home", "start", "end", "come_back", "notes", "staff"})


def _unknown(section: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """Fields a version-4 file should not have had: kept, so reading the plan says so."""
    return {k: v for k, v in section.items() if k not in known}


@step(4)
def to_v5(plan: Plan) -> Plan:
    """Version 5 writes Staying Put and Staying Close as agreements with a life of their own.

    The decision and the practitioners' notes stay where they were; what an arrangement said
    (the carer, the dates, the money and house agreements; the children's home, the new home,
    coming back and the staff) becomes version 1 of a draft agreement. Free text that has no
    single place in the new structure goes into that part's notes: money into the money notes,
    house agreements into the notes about living together, coming back into the notes about
    coming back. A plan with nothing written about an arrangement gets no agreement.
    """
    out = dict(plan)
    raw_sp = plan.get("staying_put")
    sp: dict[str, Any] = raw_sp if isinstance(raw_sp, dict) else {}
    put_agreements = []
    if any(sp.get(k) not in (None, "") for k in ("carer_name", "start", "end", "money", "house_agreements", "review_date")):
        carer = _text(sp, "carer_name")
        put_agreements.append({
            "status": "draft", "version": 1,
            "carers": [{"name": carer, "pronouns": "", "phone": "", "email": "", "id": _v3_id(plan, "staying_put", "1", "carer", "1")}]
            if carer.strip() else [],
            "worker_name": "", "worker_contact": "", "supervising_name": "", "supervising_agency": "",
            "supervising_contact": "", "authority": "", "authority_contact": "",
            "young_person_words": "", "carers_words": "",
            "young_person_responsibilities": "", "carer_responsibilities": "", "worker_responsibilities": "",
            "supervising_responsibilities": "", "authority_responsibilities": "",
            "house_rules": [], "house_rules_notes": _text(sp, "house_agreements"),
            "practical_support": "", "emotional_support": "", "skills": "", "support_words": "",
            "carer_payment": "", "contribution": "", "contribution_from": "", "housing_costs": "",
            "housing_costs_claimed_by": "", "council_tax": "", "contracts": "", "money_notes": _text(sp, "money"),
            "education_support": "", "work_support": "", "health_support": "",
            "start": sp.get("start"), "end": sp.get("end"), "end_basis": "twenty_first_birthday", "course": "",
            "review_date": sp.get("review_date"), "disagreements": "", "notice": "", "ending_early": "", "move_on": "",
            "agreed_on": None, "signatures": [], "ended_on": None, "end_reason": "", "superseded_on": None, "notes": "",
            "id": _v3_id(plan, "staying_put", "1"),
        })
    out["staying_put"] = {"decision": sp.get("decision", "not_discussed"), "notes": _text(sp, "notes"),
                          "agreements": put_agreements, **_unknown(sp, _V4_STAYING_PUT)}
    raw_sc = plan.get("staying_close")
    sc: dict[str, Any] = raw_sc if isinstance(raw_sc, dict) else {}
    raw_staff = sc.get("staff")
    staff: list[Any] = raw_staff if isinstance(raw_staff, list) else []
    close_agreements = []
    if staff or any(sc.get(k) not in (None, "") for k in ("home_name", "new_home", "start", "end", "come_back")):
        close_agreements.append({
            "status": "draft", "version": 1,
            "home_name": _text(sc, "home_name"), "home_contact": "", "manager_name": "",
            "staff": [{**s, "how_often": "", "phone": ""} if isinstance(s, dict) else s for s in staff],
            "worker_name": "", "worker_contact": "", "authority": "", "authority_contact": "",
            "young_person_words": "", "new_home": _text(sc, "new_home"), "distance": "",
            "young_person_responsibilities": "", "home_responsibilities": "", "worker_responsibilities": "",
            "authority_responsibilities": "",
            "come_back_meals": "", "come_back_activities": "", "come_back_celebrations": "", "come_back_hard_times": "",
            "come_back_words": "", "come_back_notes": _text(sc, "come_back"),
            "out_of_hours": "", "basket_of_hours": "", "independence_support": "",
            "start": sc.get("start"), "end": sc.get("end"), "review_date": None, "disagreements": "", "ending": "",
            "agreed_on": None, "signatures": [], "ended_on": None, "end_reason": "", "superseded_on": None, "notes": "",
            "id": _v3_id(plan, "staying_close", "1"),
        })
    out["staying_close"] = {"decision": sc.get("decision", "not_discussed"), "notes": _text(sc, "notes"),
                            "agreements": close_agreements, **_unknown(sc, _V4_STAYING_CLOSE)}
    return out
