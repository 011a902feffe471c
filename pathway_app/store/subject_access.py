"""Everything held about one young person (a subject access request), as one plain dict.

    from pathway_app.store.subject_access import subject_access_bundle
    bundle = subject_access_bundle(store, plan_id, requested_on=date(2026, 11, 23))

A young person has the right to a copy of everything held about them; the answer is due one
calendar month after the request. The bundle holds:

- ``about``: who it is about, when and by whom it was produced, the date the request was made
  and the date the answer is due, and how long the record is kept (until the 75th birthday);
- ``plan``: the whole plan exactly as :func:`~pathway_app.domain.serialize.plan_to_dict` gives
  it — every field, empty or not;
- ``prompt_responses``: what was done about each prompt, with the prompt's words where known;
- ``history``: every audit entry about the record (opened, changed with the field-level
  before and after, exported, printed ...), oldest first;
- ``third_party``: every piece of information about *other people* (family, carers, friends,
  staff) that a person must look at before the bundle is released, each with the ``path`` of
  the field in this bundle (``plan.relationships[2].safety_notes``), the text, whom it is
  about and why it is marked. Free-text fields are marked when they mention the name of a
  recorded person. Marking is a prompt for a human check, never an automatic decision to
  withhold: most of it will usually be released.

Every value is JSON-ready (ISO dates, plain strings, lists and dicts). No reportlab here: the
PDF is drawn by :mod:`pathway_app.export.subject_access`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from ..domain.dates import birthday
from ..domain.serialize import plan_to_dict

if TYPE_CHECKING:
    from .store import Store

FORMAT = "pathway-planner/subject-access"
FORMAT_VERSION = 1
RETENTION_AGE = 75

# Why a piece of information is marked, in plain words (shown to staff and young person alike).
WHY_ABOUT_SOMEONE = (
    "This is information about another person. Before it is shared, someone must check whether "
    "that person agreed, or whether it is fair to share it without their agreement."
)
WHY_SAFETY = (
    "This is a safety note or a contact arrangement that involves another person. Someone must "
    "check it before it is shared: it may be about that person, or sharing it could put someone at risk."
)
WHY_MENTION = (
    "This text mentions someone else by name (they are listed with it). Someone must read it and "
    "decide whether the parts about that person can be shared."
)
WHY_STAFF = (
    "This names someone who worked with you. Staff names are usually shared, but someone should check."
)
WHY_CARER_MONEY = (
    "This may describe the carer's own payments or money. Someone must check it before it is shared."
)
WHY_HISTORY_CHANGE = (
    "This change in the history is to information about another person, so it is checked the same way "
    "as the information itself."
)

# Fields (paths with list positions written "[]") that are wholly about someone else.
# kind: "person" (someone in the young person's life), "safety", "staff", "carer", "contact".
_THIRD_PARTY_FIELDS: dict[str, tuple[str, str]] = {
    "relationships[].name": ("person", WHY_ABOUT_SOMEONE),
    "relationships[].description": ("person", WHY_ABOUT_SOMEONE),
    "relationships[].phone": ("person", WHY_ABOUT_SOMEONE),
    "relationships[].contact_means": ("person", WHY_ABOUT_SOMEONE),
    "relationships[].keep_in_touch_plan": ("person", WHY_ABOUT_SOMEONE),
    "relationships[].what_they_bring": ("person", WHY_ABOUT_SOMEONE),
    "relationships[].safety_notes": ("safety", WHY_SAFETY),
    "relationships[].contact_restrictions": ("safety", WHY_SAFETY),
    "staying_close.agreements[].staff[].name": ("staff", WHY_STAFF),
    "staying_close.agreements[].staff[].role": ("staff", WHY_STAFF),
    "staying_close.agreements[].staff[].how_keep_in_touch": ("staff", WHY_ABOUT_SOMEONE),
    "staying_close.agreements[].staff[].how_often": ("staff", WHY_ABOUT_SOMEONE),
    "staying_close.agreements[].staff[].phone": ("staff", WHY_ABOUT_SOMEONE),
    "staying_close.agreements[].manager_name": ("staff", WHY_STAFF),
    "staying_close.agreements[].worker_name": ("staff", WHY_STAFF),
    "staying_close.agreements[].signatures[].name": ("person", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].carers[].name": ("carer", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].carers[].pronouns": ("carer", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].carers[].phone": ("carer", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].carers[].email": ("carer", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].carers_words": ("carer", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].house_rules[].carers_words": ("carer", WHY_ABOUT_SOMEONE),
    "staying_put.agreements[].carer_payment": ("carer", WHY_CARER_MONEY),
    "staying_put.agreements[].money_notes": ("carer", WHY_CARER_MONEY),
    "staying_put.agreements[].worker_name": ("staff", WHY_STAFF),
    "staying_put.agreements[].supervising_name": ("staff", WHY_STAFF),
    "staying_put.agreements[].supervising_contact": ("staff", WHY_STAFF),
    "staying_put.agreements[].signatures[].name": ("person", WHY_ABOUT_SOMEONE),
    "advisers[].name": ("staff", WHY_STAFF),
    "reviews[].participants": ("person", WHY_ABOUT_SOMEONE),
    "education.designated_contact": ("staff", WHY_STAFF),
    "contingency.who_to_call": ("contact", WHY_ABOUT_SOMEONE),
    "prompt_responses[].by": ("staff", WHY_STAFF),
}
# A whole record added or removed (seen in the history's changes).
_THIRD_PARTY_RECORDS = {"relationships[]": "person", "staying_close.agreements[].staff[]": "staff",
                        "staying_put.agreements[].carers[]": "carer", "advisers[]": "staff"}

# Words in a recorded name that are titles, joining words or roles rather than the name itself.
_NOT_NAMES = frozenset(
    "mr mrs ms miss mx dr prof sir and from at the of in with my our her his their auntie aunt uncle "
    "nan nana gran grandad grandma grandpa".split()
)
# Never scanned for names: identifiers, codes and hashes.
_NOT_TEXT = frozenset({"id", "rule_id", "fingerprint"})
_NAME_END = re.compile(r"\s*[,(;/]|\s+(?:at|from|of)\s+", re.IGNORECASE)
_COLLEGE = "contact at college or university"
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_INDEX = re.compile(r"\[[^\]]*\]")


# --------------------------------------------------------------------------- the bundle


def subject_access_bundle(
    store: Store,
    plan_id: str,
    today: date | None = None,
    requested_on: date | None = None,
    produced_by: str | None = None,
) -> dict[str, Any]:
    """Everything held about the young person ``plan_id`` (see the module docstring).

    ``today`` is the day it is produced (default: today); ``requested_on`` the day the young
    person asked (default: ``today``); the answer is due one calendar month later. Raises
    :class:`~pathway_app.errors.NotFound` for an unknown plan.

    Reading the plan here records no "opened" entry: the caller records the request once, as
    "exported", when the files are written
    (``store.record_event("exported", plan_id, {"document": "subject access"})``).
    """
    today = today or date.today()
    requested_on = requested_on or today
    plan = store.load(plan_id, opened=False)
    plan_d = plan_to_dict(plan)
    history, history_note = _history(store, plan.id)
    who = produced_by or store.user
    dob = plan.person.date_of_birth
    keep_until = birthday(dob, RETENTION_AGE) if dob else None
    bundle: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "about": {
            "young_person": plan.person.display_name,
            "plan_id": plan.id,
            "plan_version": plan.version,
            "date_of_birth": dob.isoformat() if dob else None,
            "requested_on": requested_on.isoformat(),
            "response_due_by": response_due(requested_on).isoformat(),
            "response_due_note": (
                "One calendar month from the day the request was received. If that day is a "
                "weekend or a bank holiday, the answer is due on the next working day."
            ),
            "produced_on": today.isoformat(),
            "produced_at": datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "produced_by": who,
            "keep_until": keep_until.isoformat() if keep_until else None,
            "retention_note": (
                f"Care records are kept until the person's {RETENTION_AGE}th birthday."
                + ("" if keep_until else " The date of birth is not recorded, so that date cannot be worked out.")
            ),
            "database": store.url,
        },
        "plan": plan_d,
        "prompt_responses": _prompt_responses(plan_d),
        "history": {"available": history is not None, "note": history_note, "entries": history or []},
        "third_party": [],
    }
    bundle["third_party"] = third_party_items(bundle)
    bundle["about"]["marked_for_review"] = len(bundle["third_party"])
    return bundle


def response_due(requested_on: date) -> date:
    """One calendar month after ``requested_on`` (31 January → 28 or 29 February)."""
    due: date = requested_on + relativedelta(months=1)
    return due


def _history(store: Store, plan_id: str) -> tuple[list[dict[str, Any]] | None, str]:
    """The audit entries about the plan as dicts, or None when this database keeps none."""
    trail = store.audit_trail()
    if trail == "not yet":
        return None, "This database does not keep a history of who looked at or changed records yet."
    if trail == "gone":
        return None, ("This database should keep a history of who looked at or changed records, but it "
                      "has been removed. Tell your manager or data protection officer.")
    entries = [_entry_dict(e) for e in store.audit_history(plan_id)]
    return entries, "Every time the record was opened, changed, exported or printed, oldest first. Times are UTC."


def _entry_dict(e: dict[str, Any]) -> dict[str, Any]:
    """One entry of :meth:`.store.Store.audit_history`, as the bundle holds it."""
    detail = {k: v for k, v in e["detail"].items() if k != "changes"}
    changes = [{"path": c["field"], "before": c["before"], "after": c["after"], "label": c["label"]}
               for c in e["changes"]]
    return {
        "seq": e["seq"],
        "at": e["at"],
        "user": e["user"],
        "action": e["action"],
        "plan_version": e["plan_version"],
        "changes": changes,
        "detail": detail,
        "hash": e["hash"],
    }


def _prompt_responses(plan_d: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan's prompt responses with the prompt's own words added where the rule is known."""
    from ..domain.guidance.rules import rules_by_id

    rules = rules_by_id()
    out = []
    for r in plan_d.get("prompt_responses", []):
        rule = rules.get(str(r.get("rule_id", "")).split(":", 1)[0])
        out.append(dict(r, prompt=rule.message if rule is not None else ""))
    return out


# --------------------------------------------------------------------------- information about other people


def generic_path(path: str) -> str:
    """``plan.relationships[2].name`` → ``relationships[].name`` (list positions and ids dropped)."""
    if path.startswith("plan."):
        path = path[len("plan."):]
    return _INDEX.sub("[]", path)


def recorded_people(plan_d: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, how they are recorded) of every other person named in the plan."""
    out: list[tuple[str, str]] = []
    for r in plan_d.get("relationships", []):
        if r.get("name", "").strip():
            out.append((r["name"].strip(), "a person in the young person's life"))
    for a in plan_d.get("staying_close", {}).get("agreements", []):
        for s in a.get("staff", []):
            if s.get("name", "").strip():
                out.append((s["name"].strip(), "Staying Close staff"))
    for a in plan_d.get("staying_put", {}).get("agreements", []):
        for c in a.get("carers", []):
            carer = c.get("name", "").strip()
            # "Karen and Steve Lowe" when Karen Lowe and Steve Lowe are recorded already: not a new person
            known = {w.casefold() for n, _h in out for w in _WORD.findall(n)}
            words = {w.casefold() for w in _WORD.findall(carer)} - _NOT_NAMES
            if carer and (not words or not words <= known):
                out.append((carer, "Staying Put carer"))
    for a in plan_d.get("advisers", []):
        if a.get("name", "").strip():
            out.append((a["name"].strip(), "personal adviser"))
    contact = plan_d.get("education", {}).get("designated_contact", "").strip()
    if contact:
        out.append((contact, _COLLEGE))
    seen: set[str] = set()
    unique = []
    for name, how in out:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append((name, how))
    return unique


def _own_name_words(plan_d: dict[str, Any]) -> set[str]:
    p = plan_d.get("person", {})
    words: set[str] = set()
    for k in ("given_name", "family_name", "preferred_name"):
        words.update(w.casefold() for w in _WORD.findall(p.get(k, "") or ""))
    return words


_ROLE_WORDS = frozenset(
    "mum mother mam mom dad father brother sister nan nana nanna gran granny grandma grandad grandmother "
    "grandfather aunt auntie aunty uncle cousin stepmum stepdad stepmother stepfather stepbrother stepsister "
    "half-brother half-sister partner boyfriend girlfriend son daughter".split()
)

#: a recorded person: (name, [(key, pattern)]) — key is the full name, a word of it or a role word
_People = list[tuple[str, list[tuple[str, "re.Pattern[str]"]]]]


def _name_patterns(plan_d: dict[str, Any]) -> _People:
    """For each recorded person: their full name, each distinctive word of it, and family roles.

    A word of a name counts when it starts with a capital (or is in a script without capitals),
    is not a title or joining word, and is not part of the young person's own name (a sibling
    shares the family name). Full names match in any case; single words only as written with a
    capital. A relationship described as "my mum" also matches "Mum" / "mum's".
    """
    own = _own_name_words(plan_d)
    roles: dict[str, set[str]] = {}
    for r in plan_d.get("relationships", []):
        name = r.get("name", "").strip()
        if name:
            # the first family word of "my big sister, lives with Dad" is who they are
            words = [w.casefold() for w in _WORD.findall(r.get("description", "") or "")]
            first = next((w for w in words if w in _ROLE_WORDS), None)
            if first:
                roles.setdefault(name.casefold(), set()).add(first)
    out: _People = []
    for name, how in recorded_people(plan_d):
        pats = [(name.casefold(), re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE))]
        # "Bev at Willow Court", "Sam Patel, care-experienced learners lead": the person is
        # the part before the place or role. A college contact is often only a role: whole
        # name only.
        person_part = _NAME_END.split(name, 1)[0]
        for w in ([] if how == _COLLEGE else _WORD.findall(person_part)):
            if len(w) < 2 or w.casefold() in _NOT_NAMES or w.casefold() in own or w[0].islower():
                continue
            pats.append((w.casefold(), re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)")))
        for role in sorted(roles.get(name.casefold(), ())):
            pats.append(("role:" + role, re.compile(r"(?<!\w)" + re.escape(role) + r"(?!\w)", re.IGNORECASE)))
        out.append((name, pats))
    return out


def _mentions(text: str, people: _People) -> list[str]:
    """The recorded people ``text`` names. A word shared by several people ("Ellis" for Maureen
    and Tony Ellis) names all of them only when nothing more specific was found."""
    if not text:
        return []
    owners: dict[str, int] = {}
    for _name, pats in people:
        for key, _p in pats:
            owners[key] = owners.get(key, 0) + 1
    strong, weak = [], []
    for name, pats in people:
        hits = [key for key, p in pats if p.search(text)]
        if any(owners[k] == 1 for k in hits):
            strong.append(name)
        elif hits:
            weak.append(name)
    return strong or weak


def _strings(obj: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """(path, key, text) of every string in ``obj``."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(v, f"{path}.{k}" if path else str(k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _strings(v, f"{path}[{i}]")
    elif isinstance(obj, str):
        key = path.rsplit(".", 1)[-1]
        key = _INDEX.sub("", key)
        yield path, key, obj


def _whose(plan_d: dict[str, Any], path: str) -> str:
    """Whom a field in a list record is about: that record's name, if it has one."""
    inner = re.match(r"plan\.(staying_put|staying_close)\.agreements\[(\d+)\](?:\.(carers|staff)\[(\d+)\])?", path)
    if inner:
        try:
            a = plan_d.get(inner.group(1), {}).get("agreements", [])[int(inner.group(2))]
            if inner.group(3):
                return str(a.get(inner.group(3), [])[int(inner.group(4))].get("name", "")).strip()
        except (IndexError, AttributeError, TypeError):
            return ""
        if inner.group(1) == "staying_put":
            return ", ".join(c.get("name", "") for c in a.get("carers", []) if c.get("name", "").strip()) \
                or "the Staying Put carers"
        return ""
    m = re.match(r"plan\.(relationships|advisers)\[(\d+)\]", path)
    if not m:
        return ""
    lst: Any = plan_d
    for part in m.group(1).split("."):
        lst = lst.get(part, {})
    try:
        return str(lst[int(m.group(2))].get("name", "")).strip()
    except (IndexError, AttributeError, TypeError):
        return ""


def _where(path: str) -> str:
    """A readable place for a path: ``plan.relationships[2].safety_notes`` → "relationships 3 › safety notes"."""
    parts = []
    for seg in path.split("."):
        m = re.fullmatch(r"([^\[]+)((?:\[[^\]]*\])*)", seg)
        if not m:
            parts.append(seg)
            continue
        words = m.group(1).replace("_", " ")
        idx = re.findall(r"\[([^\]]*)\]", m.group(2))
        parts.append(words + "".join(f" {int(i) + 1}" if i.isdigit() else "" for i in idx))
    return " › ".join(parts)


def third_party_items(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """Every piece of information in ``bundle`` about someone other than the young person.

    Each item: ``path`` (in the bundle), ``where`` (readable), ``kind``, ``about`` (the person,
    when known), ``value`` (the text) and ``why`` (plain words). Empty fields are not marked.
    """
    plan_d = bundle["plan"]
    items: list[dict[str, Any]] = []
    marked: set[str] = set()

    def add(path: str, kind: str, why: str, value: Any, about: str = "", mentions: Iterable[str] = ()) -> None:
        if path in marked:
            return
        marked.add(path)
        item = {"path": path, "where": _where(path), "kind": kind, "about": about, "value": value, "why": why}
        if mentions:
            item["mentions"] = list(mentions)
        items.append(item)

    # 1. fields wholly about someone else
    for path, _key, text in _strings(plan_d, "plan"):
        rule = _THIRD_PARTY_FIELDS.get(generic_path(path))
        if rule and text.strip():
            add(path, rule[0], rule[1], text, _whose(plan_d, path))
    # 2. free text anywhere in the plan that names a recorded person
    patterns = _name_patterns(plan_d)
    if patterns:
        for path, key, text in _strings(plan_d, "plan"):
            if key in _NOT_TEXT or path in marked or not text.strip():
                continue
            names = _mentions(text, patterns)
            if names:
                add(path, "mention", WHY_MENTION, text, ", ".join(names), names)
        for i, r in enumerate(bundle.get("prompt_responses", [])):
            path = f"plan.prompt_responses[{i}].note"
            names = _mentions(r.get("note", ""), patterns)
            if names and path not in marked:
                add(path, "mention", WHY_MENTION, r["note"], ", ".join(names), names)
    # 3. the history: changes to such fields, and changes whose text names someone
    for i, e in enumerate(bundle.get("history", {}).get("entries", [])):
        for j, c in enumerate(e.get("changes", [])):
            cpath = f"history.entries[{i}].changes[{j}]"
            g = _INDEX.sub("[]", str(c.get("path") or ""))
            rule = _THIRD_PARTY_FIELDS.get(g)
            if rule or g in _THIRD_PARTY_RECORDS:
                add(cpath, rule[0] if rule else _THIRD_PARTY_RECORDS[g], WHY_HISTORY_CHANGE, c, "")
                continue
            text = " ".join(s for _p, _k, s in _strings([c.get("before"), c.get("after")], "")
                            if _k not in _NOT_TEXT)
            names = _mentions(text, patterns) if patterns else []
            if names:
                add(cpath, "mention", WHY_MENTION, c, ", ".join(names), names)
    staff = sorted({e.get("user", "") for e in bundle.get("history", {}).get("entries", []) if e.get("user")})
    if staff:
        add("history.entries[].user", "staff", WHY_STAFF, ", ".join(staff), ", ".join(staff))
    return items


def resolve_path(bundle: dict[str, Any], path: str) -> Any:
    """The value at ``path`` (``plan.relationships[2].name``) in ``bundle``."""
    obj: Any = bundle
    for seg in path.split("."):
        m = re.fullmatch(r"([^\[]+)((?:\[\d+\])*)", seg)
        if not m:
            raise KeyError(path)
        obj = obj[m.group(1)]
        for i in re.findall(r"\[(\d+)\]", m.group(2)):
            obj = obj[int(i)]
    return obj
