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

import uuid
from typing import Any, Callable

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


#: Identifiers the step below gives the records it makes: the same plan always gets the same
#: ones (so upgrading twice, or the database migration 0004 doing it, agree).
_V3_IDS = uuid.UUID("6d1f7a52-3c4e-4b8a-9f0e-2a7c5b1d8e93")


def _v3_id(plan: Plan, *parts: str) -> str:
    return str(uuid.uuid5(_V3_IDS, "/".join((str(plan.get("id", "")), *parts))))


def _text(d: dict[str, Any], key: str) -> str:
    v = d.get(key)
    return v if isinstance(v, str) else ""


_V2_STAYING_PUT = frozenset({"decision", "carer_name", "start", "end", "money", "house_agreements", "review_date", "notes"})
_V2_STAYING_CLOSE = frozenset({"decision", "home_name", "new_home", "start", "end", "come_back", "notes", "staff"})


def _unknown(section: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """Fields a version-2 file should not have had: kept, so reading the plan says so."""
    return {k: v for k, v in section.items() if k not in known}


@step(2)
def _to_v3(plan: Plan) -> Plan:
    """Version 3 writes Staying Put and Staying Close as agreements with a life of their own.

    The decision and the practitioners' notes stay where they were; what an arrangement said
    (the carer, the dates, the money and house agreements; the children's home, the new home,
    coming back and the staff) becomes version 1 of a draft agreement. Free text that has no
    single place in the new structure goes into that part's notes: money into the money notes,
    house agreements into the notes about living together, coming back into the notes about
    coming back. A plan with nothing written about an arrangement gets no agreement.
    """
    out = dict(plan)
    sp = plan.get("staying_put") if isinstance(plan.get("staying_put"), dict) else {}
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
                          "agreements": put_agreements, **_unknown(sp, _V2_STAYING_PUT)}
    sc = plan.get("staying_close") if isinstance(plan.get("staying_close"), dict) else {}
    staff = sc.get("staff") if isinstance(sc.get("staff"), list) else []
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
                            "agreements": close_agreements, **_unknown(sc, _V2_STAYING_CLOSE)}
    return out
