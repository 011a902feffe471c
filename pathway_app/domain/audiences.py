"""Who sees what: one audience policy, and the plan as each audience may see it.

The policy is data (``resources/audiences.json``): every field of the plan names a class in
the field catalogue (:mod:`.fields`), and each class says, for each audience, whether it is
``hidden``, shown (``see``), open to change (``change``), shown only where the young person has
said yes (``consent``), or shown only for the records that name the audience's own people as
responsible (``assigned``). A field or audience the policy does not name is hidden: safe by
default. Practitioners see and change everything.

Every view for someone other than a practitioner — each document edition, together mode, the
young person's page, the share files and ``show --as`` — is :func:`view` of the plan first,
then laid out. A view holds a copy of the plan in which everything the audience may not see is
blanked (so nothing hidden can leak through a layout that forgets to check), and answers
:meth:`View.sees` so a layout leaves out what is hidden rather than printing a blank.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from ..paths import resource
from . import fieldpath
from .fields import catalogue
from .introspect import FieldSpec, specs
from .model import Plan, SharingChoice
from .vocab import RelationshipType, ShareAudience


class Audience(str, Enum):
    PRACTITIONER = "practitioner"
    YOUNG_PERSON = "young_person"
    FOSTER_CARER = "foster_carer"
    KEY_WORKER = "key_worker"


class Access(str, Enum):
    HIDDEN = "hidden"
    SEE = "see"
    CHANGE = "change"
    CONSENT = "consent"
    ASSIGNED = "assigned"


VISIBLE = frozenset({Access.SEE, Access.CHANGE, Access.CONSENT, Access.ASSIGNED})


@dataclass(frozen=True)
class Policy:
    classes: dict[str, dict[Audience, Access]]
    labels: dict[Audience, str]

    def access(self, audience: Audience, fid: str) -> Access:
        if audience is Audience.PRACTITIONER:
            return Access.CHANGE
        f = catalogue().get(fid)
        if f is None:
            return Access.HIDDEN
        return self.classes.get(f.audience, {}).get(audience, Access.HIDDEN)


@lru_cache(maxsize=1)
def policy() -> Policy:
    with open(resource("audiences.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    classes: dict[str, dict[Audience, Access]] = {}
    for name, entry in raw["classes"].items():
        classes[name] = {Audience(k): Access(v) for k, v in entry.items() if k != "about"}
    labels = {Audience(k): v["label"] for k, v in raw["audiences"].items()}
    return Policy(classes, labels)


def access(audience: Audience | str, path_or_fid: str) -> Access:
    """What ``audience`` may do with a field (by plan path or field id), leaving consent and
    assignment aside (see :meth:`View.sees` for a particular record)."""
    fid = fieldpath.field_id(path_or_fid) if ("[" in path_or_fid or "#" in path_or_fid) else path_or_fid
    return policy().access(Audience(audience), fid)


def may_change(audience: Audience | str, path_or_fid: str) -> bool:
    return access(audience, path_or_fid) is Access.CHANGE


# --------------------------------------------------------------------------- consent


def shared_paths(choices: Iterable[SharingChoice], audience: Audience) -> frozenset[str]:
    """The paths the young person has said yes to sharing with ``audience`` (newest choice
    for each path counts; a choice with no date counts as older than any dated one)."""
    if audience not in (Audience.FOSTER_CARER, Audience.KEY_WORKER):
        return frozenset()
    want = ShareAudience(audience.value)
    latest: dict[str, SharingChoice] = {}
    for c in choices:
        if c.audience is not want:
            continue
        prev = latest.get(c.path)
        if prev is None or (c.decided_on or date.min) >= (prev.decided_on or date.min):
            latest[c.path] = c
    return frozenset(p for p, c in latest.items() if c.shared)


def _consented(path: str, shared: frozenset[str]) -> bool:
    """True when ``path`` or a record it is in has been shared."""
    steps, _order = fieldpath.parse(path)
    return any(fieldpath.join(steps[:n]) in shared for n in range(len(steps), 0, -1))


# --------------------------------------------------------------------------- assigned records

#: Words in an action's "who" that mean the audience itself.
ROLE_WORDS: dict[Audience, tuple[str, ...]] = {
    Audience.FOSTER_CARER: ("foster carer", "carer", "carers"),
    Audience.KEY_WORKER: ("key worker", "keyworker", "children's home", "childrens home", "staff"),
}
_PEOPLE_TYPES: dict[Audience, frozenset[RelationshipType]] = {
    Audience.FOSTER_CARER: frozenset({RelationshipType.FOSTER_CARER, RelationshipType.KINSHIP_CARER}),
    Audience.KEY_WORKER: frozenset({RelationshipType.RESIDENTIAL_KEY_WORKER}),
}


def audience_people(plan: Plan, audience: Audience) -> list[str]:
    """The names of the audience's own people in this plan (the carers, the home's staff)."""
    names: list[str] = []
    if audience is Audience.FOSTER_CARER:
        names.extend(c.name for a in plan.staying_put.agreements for c in a.carers)
    if audience is Audience.KEY_WORKER:
        names.extend(s.name for a in plan.staying_close.agreements for s in a.staff)
        names.extend(a.manager_name for a in plan.staying_close.agreements)
    names.extend(r.name for r in plan.relationships if r.relationship_type in _PEOPLE_TYPES.get(audience, ()))
    return [n for n in (x.strip() for x in names) if n]


def _assigned(who: str, audience: Audience, people: list[str]) -> bool:
    text = " ".join(who.casefold().replace("’", "'").split())
    if not text:
        return False
    for word in ROLE_WORDS.get(audience, ()):
        if word in text:
            return True
    for name in people:
        parts = name.casefold().split()
        if name.casefold() in text or (parts and parts[0] in text.split()):
            return True
    return False


# --------------------------------------------------------------------------- the view


@dataclass
class View:
    """The plan as one audience may see it; see the module notes."""

    audience: Audience
    plan: Plan  # a copy: everything hidden from the audience is blanked
    _visible: frozenset[str]  # plan paths of every field shown (records by key)

    def sees(self, path: str) -> bool:
        """True when the field (or record) at ``path`` is shown to this audience."""
        return path in self._visible

    def sees_any(self, prefix: str) -> bool:
        """True when anything inside the section or record at ``prefix`` is shown."""
        start = (prefix + ".", prefix + "[")
        return prefix in self._visible or any(p.startswith(start) for p in self._visible)

    def dict(self) -> dict[str, Any]:
        """The plan's dict form holding only what the audience may see (for share files and
        ``show --as --json``): hidden fields are left out, not blanked."""
        from .serialize import plan_to_dict

        pruned: dict[str, Any] = _prune(plan_to_dict(self.plan), "", self._visible)
        return pruned


def view(plan: Plan, audience: Audience | str) -> View:
    """The plan as ``audience`` may see it (a copy; ``plan`` is not changed)."""
    aud = Audience(audience)
    copied = copy.deepcopy(plan)
    visible: set[str] = set()
    if aud is Audience.PRACTITIONER:
        _collect_all(copied, "", "", visible)
        return View(aud, copied, frozenset(visible))
    ctx = _Ctx(aud, shared_paths(plan.sharing, aud), audience_people(plan, aud))
    _filter_record(copied, "", "", ctx, visible)
    return View(aud, copied, frozenset(visible))


@dataclass
class _Ctx:
    audience: Audience
    shared: frozenset[str]
    people: list[str]

    def shows(self, fid: str, path: str, record: Any, *, container: bool = False) -> bool:
        level = policy().access(self.audience, fid)
        if level in (Access.SEE, Access.CHANGE):
            return True
        if level is Access.CONSENT:
            return _consented(path, self.shared)
        if level is Access.ASSIGNED:  # a list is open; each of its records is checked
            return container or _assigned(getattr(record, "who", ""), self.audience, self.people)
        return False


def _structural(fid: str) -> bool:
    f = catalogue().get(fid)
    return f is not None and f.audience == "structural"


def _blank(s: FieldSpec, current: Any) -> Any:
    if s.optional:
        return None
    if s.kind == "text":
        return ""
    if s.kind == "records":
        return []
    if s.kind == "record":
        return s.type()
    return current  # a required yes/no, number or code: kept, but never shown (not in visible)


def _filter_record(obj: Any, path: str, fid: str, ctx: _Ctx, visible: set[str]) -> bool:
    """Blank what ``ctx``'s audience may not see in ``obj``; True when anything but
    identifiers is left to show."""
    content = False
    for s in specs(type(obj)):
        sub_fid = f"{fid}.{s.name}" if fid else s.name
        sub = fieldpath.child(path, s.name)
        value = getattr(obj, s.name)
        if s.kind == "record":
            if ctx.shows(sub_fid, sub, obj) and _filter_record(value, sub, sub_fid, ctx, visible):
                visible.add(sub)
                content = True
            else:
                setattr(obj, s.name, _blank(s, value))
            continue
        if s.kind == "records":
            if not ctx.shows(sub_fid, sub, obj, container=True):
                setattr(obj, s.name, [])
                continue
            kept = []
            for i, item in enumerate(value):
                key = fieldpath.record_key(sub_fid, item) or fieldpath.position_key(i)
                rec_path = fieldpath.child(path, s.name, key)
                if not ctx.shows(sub_fid, rec_path, item):
                    continue
                inner: set[str] = set()
                if _filter_record(item, rec_path, sub_fid, ctx, inner):  # nothing to show: left out
                    visible |= inner
                    visible.add(rec_path)
                    kept.append(item)
            setattr(obj, s.name, kept)
            if kept:
                visible.add(sub)
                content = True
            continue
        if ctx.shows(sub_fid, sub, obj):
            visible.add(sub)
            content = content or not _structural(sub_fid)
        else:
            setattr(obj, s.name, _blank(s, value))
    return content


def _collect_all(obj: Any, path: str, fid: str, visible: set[str]) -> None:
    for s in specs(type(obj)):
        sub_fid = f"{fid}.{s.name}" if fid else s.name
        sub = fieldpath.child(path, s.name)
        visible.add(sub)
        value = getattr(obj, s.name)
        if s.kind == "record":
            _collect_all(value, sub, sub_fid, visible)
        elif s.kind == "records":
            for i, item in enumerate(value):
                rec = fieldpath.child(path, s.name, fieldpath.record_key(sub_fid, item) or fieldpath.position_key(i))
                visible.add(rec)
                _collect_all(item, rec, sub_fid, visible)


def _prune(value: Any, path: str, visible: frozenset[str]) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            sub = fieldpath.child(path, k)
            if sub not in visible:
                continue
            if isinstance(v, list):
                items = []
                fid = fieldpath.field_id(sub)
                for i, item in enumerate(v):
                    key = (fieldpath.record_key(fid, item) if isinstance(item, dict) else None) or fieldpath.position_key(i)
                    rec = fieldpath.child(path, k, key)
                    if rec in visible:
                        items.append(_prune(item, rec, visible))
                out[k] = items
            else:
                out[k] = _prune(v, sub, visible)
        return out
    return value
