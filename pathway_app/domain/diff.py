"""The one diff of two plans, and applying it: for the audit trail, the stale-save merge and
returned share files.

Both work on the plain-dict form of a plan (:func:`.serialize.plan_to_dict`). Records in a list
are matched by their key (:mod:`.fieldpath`: ``id``, support areas by ``area``), so adding one
record is one change, not a shift of every record after it. Each change is::

    Change(path, before, after)

where ``path`` is a plan path; a record added is ``before=None`` with the whole record as
``after``; a record removed is the reverse; a new order of a list's records is the path with
``#order`` and the lists of keys.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import fieldpath
from .fieldpath import ORDER

_MISSING = object()
#: Fields that change on every save and say nothing about what changed.
BOOKKEEPING = frozenset({"version", "updated_at", "created_at"})


@dataclass(frozen=True)
class Change:
    path: str
    before: Any
    after: Any

    @property
    def kind(self) -> str:
        """"changed", "added" (a record), "removed" (a record) or "order"."""
        if self.path.endswith(ORDER):
            return "order"
        steps, _o = fieldpath.parse(self.path)
        if steps[-1].key is not None:
            if self.before is None:
                return "added"
            if self.after is None:
                return "removed"
        return "changed"

    def as_list(self) -> list[Any]:
        """``[path, before, after]``: how the audit trail stores it."""
        return [self.path, self.before, self.after]

    @classmethod
    def from_list(cls, row: list[Any] | tuple[Any, ...]) -> Change:
        path, before, after = row
        return cls(str(path), before, after)


def _keyed(items: list[Any], list_fid: str) -> dict[str, Any] | None:
    """The records of a list by key, or ``None`` when it is not a list of keyed records."""
    out: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, dict):
            return None
        key = fieldpath.record_key(list_fid, item)
        if key is None or key in out:
            return None
        out[key] = item
    return out


def diff(before: dict[str, Any], after: dict[str, Any], *, bookkeeping: bool = False) -> list[Change]:
    """Every difference between two plans (dict form), in plan order.

    Bookkeeping fields (version, created/updated times) are left out unless asked for.
    """
    out: list[Change] = []
    skip = frozenset() if bookkeeping else BOOKKEEPING
    _diff(before, after, "", "", out, skip, "", "")
    return out


def _diff(a: Any, b: Any, path: str, fid: str, out: list[Change], skip: frozenset[str],
          parent: str, name: str) -> None:
    """``path`` is ``parent`` + ``name`` (kept apart so a key holding a dot cannot confuse it)."""
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if not path and k in skip:
                continue
            sub = fieldpath.child(path, k)
            va, vb = a.get(k, _MISSING), b.get(k, _MISSING)
            if va is _MISSING or vb is _MISSING:
                out.append(Change(sub, None if va is _MISSING else va, None if vb is _MISSING else vb))
            else:
                _diff(va, vb, sub, f"{fid}.{k}" if fid else k, out, skip, path, k)
        return
    if isinstance(a, list) and isinstance(b, list):
        amap, bmap = _keyed(a, fid), _keyed(b, fid)
        if amap is not None and bmap is not None and (a or b):
            for k, item in amap.items():
                if k not in bmap:
                    out.append(Change(fieldpath.child(parent, name, k), item, None))
                else:
                    rec = fieldpath.child(parent, name, k)
                    _diff(item, bmap[k], rec, fid, out, skip, rec, "")
            for k, item in bmap.items():
                if k not in amap:
                    out.append(Change(fieldpath.child(parent, name, k), None, item))
            # where applying the changes would not give ``b``'s order (kept records in ``a``'s
            # order, added ones at the end), the order is a change of its own
            kept = [k for k in amap if k in bmap]
            expected = kept + [k for k in bmap if k not in amap]
            if expected != list(bmap):
                out.append(Change(path + ORDER, kept, list(bmap)))
            return
    out.append(Change(path, a, b))


# --------------------------------------------------------------------------- applying


class ApplyConflict(ValueError):
    """A change that cannot be applied: the record it is in is no longer there."""


def apply(doc: dict[str, Any], changes: Iterable[Change], *, strict: bool = False) -> dict[str, Any]:
    """A copy of ``doc`` with ``changes`` made.

    A change inside a record that ``doc`` no longer has is skipped (someone removed it), or
    raises :class:`ApplyConflict` with ``strict``. A record added that is already there is
    replaced; a record removed that is already gone is nothing to do.
    """
    out = copy.deepcopy(doc)
    for ch in changes:
        try:
            _apply_one(out, ch)
        except ApplyConflict:
            if strict:
                raise
    return out


def _apply_one(doc: dict[str, Any], ch: Change) -> None:
    steps, order = fieldpath.parse(ch.path)
    here: Any = doc
    fid = ""
    for i, s in enumerate(steps):
        fid = f"{fid}.{s.name}" if fid else s.name
        last = i == len(steps) - 1
        if not isinstance(here, dict):
            raise ApplyConflict(ch.path)
        if s.key is None:
            if last and not order:
                here[s.name] = copy.deepcopy(ch.after)
                return
            if last and order:
                _reorder(here.get(s.name), fid, ch.after)
                return
            if s.name not in here:
                raise ApplyConflict(ch.path)
            here = here[s.name]
            continue
        records = here.get(s.name)
        if not isinstance(records, list):
            raise ApplyConflict(ch.path)
        at = next((j for j, r in enumerate(records) if fieldpath.record_key(fid, r) == s.key), None)
        if last:
            if ch.after is None:
                if at is not None:
                    del records[at]
            elif at is None:
                records.append(copy.deepcopy(ch.after))
            else:
                records[at] = copy.deepcopy(ch.after)
            return
        if at is None:
            raise ApplyConflict(ch.path)
        here = records[at]


def _reorder(records: Any, fid: str, keys: list[str]) -> None:
    if not isinstance(records, list):
        return
    rank = {k: i for i, k in enumerate(keys)}
    moving = [r for r in records if fieldpath.record_key(fid, r) in rank]
    moving.sort(key=lambda r: rank[fieldpath.record_key(fid, r)])  # type: ignore[index]
    it = iter(moving)
    for j, r in enumerate(records):
        if fieldpath.record_key(fid, r) in rank:
            records[j] = next(it)


def reapply(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """Three-way merge preferring mine: the changes I made since ``base`` made on ``theirs``."""
    return apply(theirs, diff(base, mine))


def leaves(changes: Iterable[Change]) -> list[Change]:
    """The changes without list reorderings (what a person checks one by one)."""
    return [c for c in changes if c.kind != "order"]
