"""The life of a Staying Put or Staying Close agreement, and what makes one complete (pure).

Each version of an agreement is a record in ``plan.staying_put.agreements`` (the Living Together
Agreement) or ``plan.staying_close.agreements`` (the Staying Close plan). A version moves:

    draft ──agree──▶ agreed ──end──▶ ended
                       │
                       └──(a later version is agreed)──▶ superseded

- :func:`start` writes a new draft: the first one is filled in from the plan (the parties, the
  house-rule topics); a draft made while an agreement is in force is a copy of it (an amendment),
  one version number on, and the version in force stays in force until the draft is agreed.
- :func:`agree` records who signed it and when; the version it replaces becomes *superseded*.
- :func:`end` records when and why an agreed arrangement ended.
- An agreed, ended or superseded version is **kept as it was signed**: :func:`signed_changes`
  compares the stored plan with the one being saved, and the store refuses a save that changes
  one (only its ending may still be recorded, and practitioners' notes written).

:func:`checklist` lists the parts of an agreement with whether each is agreed yet, for the page
where it is filled in; :data:`PARTS` are the same parts, in the order the documents print them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from . import fieldpath
from .dates import birthday, fmt
from .diff import diff
from .fields import noun, where
from .model import (
    HouseRule,
    Plan,
    Signature,
    StayingClose,
    StayingCloseAgreement,
    StayingPut,
    StayingPutAgreement,
    new_id,
)
from .problems import Problem
from .serialize import to_dict
from .vocab import SIGNED_STATUSES, AgreementStatus, EndBasis, HouseRuleTopic, Party

Agreement = StayingPutAgreement | StayingCloseAgreement
AgreementT = TypeVar("AgreementT", StayingPutAgreement, StayingCloseAgreement)
STAYING_PUT = "staying_put"
STAYING_CLOSE = "staying_close"
KINDS = (STAYING_PUT, STAYING_CLOSE)
#: What each kind of agreement is called in a sentence.
NAMES = {STAYING_PUT: "Living Together Agreement", STAYING_CLOSE: "Staying Close plan"}
#: The house-rule topics every new Living Together Agreement lists.
STANDARD_TOPICS = tuple(t for t in HouseRuleTopic if t is not HouseRuleTopic.OWN)
#: The fields of an agreement that record its life rather than what was agreed.
LIFE = ("status", "version", "agreed_on", "signatures", "ended_on", "end_reason", "superseded_on", "notes", "id")


class AgreementRefused(ValueError):
    """A step in an agreement's life that cannot be taken; the message says why, plainly."""


# --------------------------------------------------------------------------- finding them


def section(plan: Plan, kind: str) -> StayingPut | StayingClose:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of agreement {kind!r}")
    return getattr(plan, kind)  # type: ignore[no-any-return]


def find(plan: Plan, kind: str, agreement_id: str) -> Agreement:
    for a in section(plan, kind).agreements:
        if a.id == agreement_id:
            return a
    raise AgreementRefused(f"That {NAMES[kind]} is no longer in the plan.")


def in_order(plan: Plan, kind: str) -> list[Agreement]:
    """Every version, newest first: the one to work on, then the record of those before."""
    return sorted(section(plan, kind).agreements, key=lambda a: -a.version)


def path_of(kind: str, agreement: Agreement) -> str:
    return f"{kind}.agreements[{agreement.id}]"


def title(kind: str, agreement: Agreement) -> str:
    """ "Living Together Agreement, version 2 (agreed on 3 May 2027)"."""
    state = {
        AgreementStatus.DRAFT: "draft",
        AgreementStatus.AGREED: f"agreed on {fmt(agreement.agreed_on)}" if agreement.agreed_on else "agreed",
        AgreementStatus.ENDED: f"ended on {fmt(agreement.ended_on)}" if agreement.ended_on else "ended",
        AgreementStatus.SUPERSEDED: "replaced by a later version",
    }[agreement.status]
    return f"{NAMES[kind]}, version {agreement.version} ({state})"


# --------------------------------------------------------------------------- its life


def start(plan: Plan, kind: str, today: date) -> Agreement:
    """A new draft, added to the plan and returned (see the module notes)."""
    sec = section(plan, kind)
    if sec.draft() is not None:
        raise AgreementRefused(f"A draft of the {NAMES[kind]} is already being written: finish or discard it first.")
    if isinstance(sec, StayingPut):
        return _add_draft(sec.agreements, sec.in_force(), lambda: _fresh_staying_put(plan))
    return _add_draft(sec.agreements, sec.in_force(), lambda: _fresh_staying_close(plan))


def _add_draft(agreements: list[AgreementT], base: AgreementT | None, fresh: Callable[[], AgreementT]) -> AgreementT:
    """A copy of ``base`` (the version in force), or ``fresh()`` when none is, one version on."""
    version = max((a.version for a in agreements), default=0) + 1
    new = _copy(base) if base is not None else fresh()
    new.version = version
    agreements.append(new)
    return new


def _copy(a: AgreementT) -> AgreementT:
    """A draft with the same content, new identifiers throughout and no life of its own yet."""
    new = copy.deepcopy(a)
    for name in ("carers", "house_rules", "staff"):
        for item in getattr(new, name, []):
            item.id = new_id()
    blank = type(a)()
    for name in LIFE:
        setattr(new, name, getattr(blank, name))
    return new


def _fresh_staying_put(plan: Plan) -> StayingPutAgreement:
    adviser = plan.current_adviser()
    a = StayingPutAgreement(authority=plan.person.local_authority, worker_name=adviser.name if adviser else "")
    a.house_rules = [HouseRule(topic=t) for t in STANDARD_TOPICS]
    dob = plan.person.date_of_birth
    if dob is not None:
        a.start = birthday(dob, 18)
        a.end = birthday(dob, 21)
    return a


def _fresh_staying_close(plan: Plan) -> StayingCloseAgreement:
    adviser = plan.current_adviser()
    home = plan.home
    return StayingCloseAgreement(
        authority=plan.person.local_authority, worker_name=adviser.name if adviser else "",
        home_name=home.current_name, new_home=home.planned_description, start=home.planned_move_date,
    )


def discard(plan: Plan, kind: str, agreement_id: str) -> None:
    """Remove a draft (an agreed version is kept for good)."""
    a = find(plan, kind, agreement_id)
    if a.status is not AgreementStatus.DRAFT:
        raise AgreementRefused(f"Only a draft can be discarded; {title(kind, a)} is kept as it was signed.")
    agreements = section(plan, kind).agreements
    del agreements[next(i for i, b in enumerate(agreements) if b is a)]


def parties(plan: Plan, kind: str, agreement: Agreement) -> list[tuple[Party, str, str]]:
    """(party, name, what they sign as) for everyone who signs, in signing order; the name is
    "" where the agreement does not name them yet (the document leaves a line to write it)."""
    person = plan.person.display_name if plan.person.display_name != "(no name yet)" else ""
    out: list[tuple[Party, str, str]] = [(Party.YOUNG_PERSON, person, "Young person")]
    if isinstance(agreement, StayingPutAgreement):
        for c in agreement.carers:
            out.append((Party.CARER, c.name.strip(), "Staying Put carer"))
        if not agreement.carers:
            out.append((Party.CARER, "", "Staying Put carer"))
        out.append((Party.PERSONAL_ADVISER, agreement.worker_name.strip(), "Personal adviser or social worker"))
        agency = agreement.supervising_agency.strip()
        out.append((Party.SUPERVISING_SOCIAL_WORKER, agreement.supervising_name.strip(),
                    f"Supervising social worker ({agency})" if agency else "Supervising social worker"))
    else:
        manager = agreement.manager_name.strip()
        for s in agreement.staff:
            if s.name.strip() and s.name.strip().casefold() != manager.casefold():
                out.append((Party.KEY_WORKER, s.name.strip(), (s.role.strip() or "Key worker").capitalize() + " (children's home)"))
        home = agreement.home_name.strip()
        out.append((Party.HOME_MANAGER, manager, f"Registered manager, {home}" if home else "Registered manager of the children's home"))
        out.append((Party.PERSONAL_ADVISER, agreement.worker_name.strip(), "Personal adviser"))
    la = agreement.authority.strip()
    out.append((Party.AUTHORITY, agreement.authority_contact.strip(), f"For {la}" if la else "For the local authority"))
    return out


def signatures_for(plan: Plan, kind: str, agreement: Agreement, on: date) -> list[Signature]:
    """A signature for every party the agreement names, dated ``on`` (what the app offers to
    record when an agreement is signed at a meeting; the practitioner ticks off who signed)."""
    return [Signature(party=p, name=name, signed_on=on) for p, name, _as in parties(plan, kind, agreement) if name]


def agree(plan: Plan, kind: str, agreement_id: str, on: date, signatures: Iterable[Signature]) -> Agreement:
    """Record that a draft was signed on ``on`` by ``signatures``; the version it replaces is
    superseded. Refused (nothing changed) where the draft is not ready to sign."""
    a = find(plan, kind, agreement_id)
    if a.status is not AgreementStatus.DRAFT:
        raise AgreementRefused(f"{title(kind, a)} is not a draft: only a draft can be agreed.")
    signed = [copy.deepcopy(s) for s in signatures]
    if not signed:
        raise AgreementRefused(f"Say who signed the {NAMES[kind]}: an agreed agreement needs its signatories.")
    for s in signed:
        if not s.name.strip():
            raise AgreementRefused("Each signature needs the name of the person who signed.")
        s.signed_on = s.signed_on or on
    if isinstance(a, StayingPutAgreement):
        if not a.carers:
            raise AgreementRefused("Name the Staying Put carers before the agreement is agreed.")
        if any(not c.name.strip() for c in a.carers):
            raise AgreementRefused("A Staying Put carer has no name: name each carer before the agreement is agreed.")
    problems = [p for p in check(plan) if p.field.startswith(path_of(kind, a))]
    if problems:
        raise AgreementRefused(str(problems[0]))
    old = section(plan, kind).in_force()
    if old is not None:
        old.status = AgreementStatus.SUPERSEDED
        old.superseded_on = on
    a.status = AgreementStatus.AGREED
    a.agreed_on = on
    a.signatures = signed
    return a


def end(plan: Plan, kind: str, agreement_id: str, on: date, reason: str) -> Agreement:
    """Record that an agreed arrangement ended on ``on`` and why."""
    a = find(plan, kind, agreement_id)
    if a.status is not AgreementStatus.AGREED:
        raise AgreementRefused(f"{title(kind, a)} is not in force, so it cannot be ended.")
    if not reason.strip():
        raise AgreementRefused(f"Say why the {NAMES[kind]} ended.")
    if a.agreed_on and on < a.agreed_on:
        raise AgreementRefused(f"The end date is before the day it was agreed ({fmt(a.agreed_on)}).")
    a.status = AgreementStatus.ENDED
    a.ended_on = on
    a.end_reason = reason.strip()
    return a


# --------------------------------------------------------------------------- the parts


@dataclass(frozen=True)
class Part:
    key: str  # a stable name, also the document's bookmark
    heading: str  # the words on the page and in the checklist
    done: Callable[[Any], bool]


def _has(*names: str) -> Callable[[Any], bool]:
    return lambda a: all(str(getattr(a, n) or "").strip() for n in names)


def _any(*names: str) -> Callable[[Any], bool]:
    return lambda a: any(str(getattr(a, n) or "").strip() for n in names)


def _sp_parties(a: StayingPutAgreement) -> bool:
    return bool(a.carers) and all(c.name.strip() for c in a.carers) and bool(a.worker_name.strip() and a.authority.strip())


def _rules_settled(a: StayingPutAgreement) -> bool:
    return bool(a.house_rules) and all(r.same_as_before or r.agreed.strip() for r in a.house_rules)


def _sp_dates(a: StayingPutAgreement) -> bool:
    course_named = a.end_basis is not EndBasis.END_OF_COURSE or bool(a.course.strip())
    return a.start is not None and a.end is not None and a.review_date is not None and course_named


def _sc_parties(a: StayingCloseAgreement) -> bool:
    return bool(a.home_name.strip() and a.worker_name.strip() and a.authority.strip()) and bool(a.staff) and all(
        s.name.strip() for s in a.staff)


def _staff_involved(a: StayingCloseAgreement) -> bool:
    return bool(a.staff) and all(s.how_keep_in_touch.strip() and s.how_often.strip() for s in a.staff)


PARTS: dict[str, tuple[Part, ...]] = {
    STAYING_PUT: (
        Part("parties", "Who this agreement is between", _sp_parties),
        Part("responsibilities", "What each of us will do",
             _has("young_person_responsibilities", "carer_responsibilities", "authority_responsibilities")),
        Part("house-rules", "Living together: house rules", _rules_settled),
        Part("support", "The support the carers give", _any("practical_support", "emotional_support")),
        Part("money", "Money", _has("carer_payment", "contribution", "housing_costs")),
        Part("education-work-health", "Education, work and health", _any("education_support", "work_support", "health_support")),
        Part("dates", "How long it lasts and when it is reviewed", _sp_dates),
        Part("ending", "Disagreements, notice and ending early", _has("disagreements", "notice", "ending_early")),
    ),
    STAYING_CLOSE: (
        Part("parties", "Who this plan is between", _sc_parties),
        Part("new-home", "The new home", _has("new_home", "distance")),
        Part("staff", "The staff who stay involved", _staff_involved),
        Part("responsibilities", "What each of us will do",
             _has("young_person_responsibilities", "home_responsibilities", "authority_responsibilities")),
        Part("come-back", "Coming back to the home",
             _any("come_back_meals", "come_back_activities", "come_back_celebrations", "come_back_hard_times")),
        Part("support", "Out of hours and support towards independence", _has("out_of_hours", "independence_support")),
        Part("dates", "How long it lasts and when it is reviewed", lambda a: a.start is not None and a.end is not None and a.review_date is not None),
        Part("ending", "Disagreements and ending", _has("disagreements", "ending")),
    ),
}


def kind_of(agreement: Agreement) -> str:
    return STAYING_PUT if isinstance(agreement, StayingPutAgreement) else STAYING_CLOSE


def checklist(agreement: Agreement) -> list[tuple[str, bool]]:
    """(part, agreed yet?) for each part of the agreement, in the document's order."""
    return [(p.heading, bool(p.done(agreement))) for p in PARTS[kind_of(agreement)]]


def parts_to_do(agreement: Agreement) -> list[str]:
    return [heading for heading, done in checklist(agreement) if not done]


# --------------------------------------------------------------------------- checks


def check(plan: Plan, add: Callable[[str, str], None] | None = None) -> list[Problem]:
    """Problems with the agreements of ``plan`` (what validation reports for them).

    With ``add`` each problem is handed to it as (path, message) instead of being returned.
    """
    found: list[Problem] = []
    report = add or (lambda path, message: found.append(Problem(path, message, where(path, plan))))
    dob = plan.person.date_of_birth
    for kind in KINDS:
        sec = section(plan, kind)
        seen_versions: set[int] = set()
        in_force = drafts = 0
        for a in sec.agreements:
            base = path_of(kind, a)
            if a.version < 1:
                report(f"{base}.version", "the version number must be 1 or more")
            elif a.version in seen_versions:
                report(f"{base}.version", f"two versions of the {NAMES[kind]} have the number {a.version}")
            seen_versions.add(a.version)
            in_force += a.status is AgreementStatus.AGREED
            drafts += a.status is AgreementStatus.DRAFT
            if a.status is AgreementStatus.AGREED and in_force > 1:
                report(f"{base}.status", f"only one {NAMES[kind]} can be in force at a time")
            if a.status is AgreementStatus.DRAFT and drafts > 1:
                report(f"{base}.status", f"only one draft of the {NAMES[kind]} can be written at a time")
            _check_one(kind, a, base, dob, report)
    return found


def _birthday(dob: date | None, age: int) -> date | None:
    try:
        return birthday(dob, age) if dob else None
    except (ValueError, OverflowError):  # a date of birth validation refuses anyway
        return None


def _check_one(kind: str, a: Agreement, base: str, dob: date | None, report: Callable[[str, str], None]) -> None:
    b21, b25 = _birthday(dob, 21), _birthday(dob, 25)
    if a.start and a.end and a.end < a.start:
        report(f"{base}.end", "the end date is before the start date")
    if isinstance(a, StayingPutAgreement):
        if a.end and b21 and a.end > b21:
            if a.end_basis is not EndBasis.END_OF_COURSE:
                report(f"{base}.end", "the end date is after the 21st birthday: Staying Put ends by the 21st "
                       "birthday unless a course runs on (say which course)")
            elif not a.course.strip():
                report(f"{base}.course", "the end date is after the 21st birthday: name the course that allows it")
        for c in a.carers:
            if not c.name.strip():
                report(f"{base}.carers[{c.id}].name", "a carer needs a name")
    else:
        if a.end and b25 and a.end > b25:
            report(f"{base}.end", "the end date is after the 25th birthday")
        for member in a.staff:
            if not member.name.strip():
                report(f"{base}.staff[{member.id}].name", "a member of staff needs a name")
    if a.status in SIGNED_STATUSES:
        if not a.signatures:
            report(f"{base}.signatures", f"an agreed {NAMES[kind]} needs the names of who signed it")
        if a.agreed_on is None:
            report(f"{base}.agreed_on", "the date it was agreed is needed")
    for s in a.signatures:
        if not s.name.strip():
            report(f"{base}.signatures[{s.id}].name", "a signature needs the name of who signed")
    if a.status is AgreementStatus.ENDED and a.ended_on is None:
        report(f"{base}.ended_on", "the date it ended is needed")
    if a.status is AgreementStatus.ENDED and not a.end_reason.strip():
        report(f"{base}.end_reason", "say why it ended")
    if a.status is AgreementStatus.SUPERSEDED and a.superseded_on is None:
        report(f"{base}.superseded_on", "the date a later version replaced it is needed")


#: Changes to a signed version that do not touch what was signed: (status before, status after)
#: → the fields that may change with it.
_ALLOWED: dict[tuple[str, str], frozenset[str]] = {
    ("agreed", "agreed"): frozenset({"notes"}),
    ("agreed", "superseded"): frozenset({"status", "superseded_on", "notes"}),
    ("agreed", "ended"): frozenset({"status", "ended_on", "end_reason", "notes"}),
    ("ended", "ended"): frozenset({"ended_on", "end_reason", "notes"}),
    ("superseded", "superseded"): frozenset({"notes"}),
}


def signed_changes(before: dict[str, Any] | Plan | None, after: dict[str, Any] | Plan) -> list[Problem]:
    """Problems where ``after`` changes a version kept as it was signed (see the module notes).

    ``before`` is the plan as stored (None for a plan never saved: nothing to keep).
    """
    if before is None:
        return []
    b = before if isinstance(before, dict) else to_dict(before)
    n = after if isinstance(after, dict) else to_dict(after)
    out: list[Problem] = []
    for kind in KINDS:
        old = {x.get("id"): x for x in (b.get(kind) or {}).get("agreements") or []}
        new = {x.get("id"): x for x in (n.get(kind) or {}).get("agreements") or []}
        for aid, was in old.items():
            if was.get("status") not in {s.value for s in SIGNED_STATUSES}:
                continue
            path = f"{kind}.agreements[{aid}]"
            what = f"the {NAMES[kind]} agreed on {fmt(date.fromisoformat(was['agreed_on']))}" if was.get("agreed_on") \
                else f"version {was.get('version')} of the {NAMES[kind]}"
            now = new.get(aid)
            if now is None:
                out.append(Problem(path, f"{what} is kept as it was signed and cannot be removed", where(path, b)))
                continue
            allowed = _ALLOWED.get((was.get("status"), now.get("status")), frozenset())
            for ch in diff(was, now):
                top = fieldpath.parse(ch.path)[0][0].name
                if top in allowed:
                    continue
                field = f"{path}.{ch.path}"
                out.append(Problem(field, f"{noun(fieldpath.field_id(field))} cannot change: {what} is kept as it "
                                   "was signed (start a new version to change it)", where(field, b)))
                break  # one problem per version is enough to say what is wrong
    return out


def copies_to(plan: Plan, kind: str, agreement: Agreement) -> list[str]:
    """ "Name (what they sign as)" for each party, for the document's "copies to" list."""
    out = []
    for _party, name, role in parties(plan, kind, agreement):
        role = "f" + role[1:] if role.startswith("For ") else role
        out.append(f"{name}, {role}" if name else role[:1].upper() + role[1:])
    return out


__all__ = [
    "AgreementRefused", "KINDS", "NAMES", "PARTS", "STAYING_CLOSE", "STAYING_PUT", "agree", "check", "checklist",
    "copies_to", "discard", "end", "find", "in_order", "parties", "parts_to_do", "signatures_for", "signed_changes",
    "start", "title",
]
