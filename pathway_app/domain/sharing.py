"""Share files, the pure part: what a carer's or key worker's copy holds, what they may send back,
and how what comes back meets the plan as it is now.

A share file (sealed by :mod:`pathway_app.store.share`) holds an audience's *view* of a plan at
the time it was made — :meth:`.audiences.View.dict`, everything the audience may not see left
out — as ``base``, and the copy the carer or key worker works on as ``plan`` (the same at first).

- :func:`workspace_plan` turns such a copy into a :class:`~.model.Plan` the app's pages can edit
  (fields left out are filled with their empty values, and are never shown);
- :func:`returned_copy` turns the edited plan back into the file's form, keeping only what the
  audience can see;
- :func:`check_return` refuses a returned copy that changes anything outside the audience's
  policy (:func:`.audiences.may_change`; records added or removed in lists they may change are
  theirs, but nothing in an added record may be set that they could not set), naming the field;
- :func:`against_now` lines each change up with the plan as it is now: a field changed at the
  adviser's since the file was made is a *conflict*, never overwritten silently; a change already
  made is *already there*, so importing the same file twice does nothing the second time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from . import fieldpath
from .agreements import signed_changes
from .audiences import Audience, may_change, policy
from .diff import Change, apply, diff, leaves
from .fields import catalogue, describe_change
from .introspect import specs
from .model import Plan
from .serialize import DecodeError, from_dict, plan_to_dict, to_dict

#: What the two audiences of a share file are called in the file and on the command line.
SHARE_AUDIENCES = (Audience.FOSTER_CARER, Audience.KEY_WORKER)


class ShareRefused(ValueError):
    """A returned copy that may not be imported; the message names the field, in words."""


# --------------------------------------------------------------------------- the carer's side


def _fill(cls: type, d: Any, path: str) -> dict[str, Any]:
    """``d`` (a record's dict, some fields left out) with every field present."""
    if not isinstance(d, dict):
        raise ShareRefused(f"the copy in the file is damaged ({path or 'the plan'} is not a record)")
    blank = to_dict(cls())
    out: dict[str, Any] = {}
    for s in specs(cls):
        if s.name not in d:
            out[s.name] = blank[s.name]
            continue
        v = d[s.name]
        if s.kind == "record":
            out[s.name] = _fill(s.type, v, fieldpath.child(path, s.name))
        elif s.kind == "records" and isinstance(v, list):
            out[s.name] = [_fill(s.type, item, fieldpath.child(path, s.name, fieldpath.position_key(i)))
                           for i, item in enumerate(v)]
        else:
            out[s.name] = v
    for extra in set(d) - {s.name for s in specs(cls)}:
        out[extra] = d[extra]  # kept, so reading it says what is wrong
    return out


def filled(view_dict: dict[str, Any]) -> dict[str, Any]:
    """A view's dict with every field of the plan present (the hidden ones empty)."""
    return _fill(Plan, view_dict, "")


def workspace_plan(view_dict: dict[str, Any]) -> Plan:
    """The plan a carer or key worker edits: their copy, with what they cannot see left empty.

    Raises :class:`ShareRefused` when the copy cannot be read (a damaged file).
    """
    try:
        return from_dict(Plan, filled(view_dict))  # type: ignore[no-any-return]
    except DecodeError as exc:
        path, message = exc.problems[0]
        raise ShareRefused(f"the copy in the file cannot be read ({path}: {message})") from None


def returned_copy(copy_dict: dict[str, Any], edited: Plan) -> dict[str, Any]:
    """The file's copy after the edits made to :func:`workspace_plan` of it: the changes, made
    on the copy (so what the audience cannot see stays out of it)."""
    changes = diff(filled(copy_dict), plan_to_dict(edited))
    return apply(copy_dict, changes)


# --------------------------------------------------------------------------- checking what came back


def _words(ch: Change, base: dict[str, Any]) -> str:
    try:
        return describe_change(ch.path, ch.before, ch.after, base)
    except (KeyError, ValueError):
        return f"“{ch.path.rsplit('.', 1)[-1].replace('_', ' ')}”"


def _added_fields(fid_prefix: str, path: str, record: Any, cls: type) -> list[tuple[str, str]]:
    """(path, field id) of every field of an added record set to something other than empty."""
    out: list[tuple[str, str]] = []
    if not isinstance(record, dict):
        return [(path, fid_prefix)]
    blank = to_dict(cls())
    for s in specs(cls):
        if s.name not in record or s.name == "id":
            continue
        v = record[s.name]
        sub, sub_fid = fieldpath.child(path, s.name), f"{fid_prefix}.{s.name}"
        f = catalogue().get(sub_fid)
        if f is not None and f.audience == "structural":  # a new record's identifiers and numbers
            continue
        if s.kind == "records" and isinstance(v, list):
            for i, item in enumerate(v):
                key = fieldpath.record_key(sub_fid, item) if isinstance(item, dict) else None
                out.extend(_added_fields(sub_fid, fieldpath.child(path, s.name, key or fieldpath.position_key(i)), item, s.type))
        elif s.kind == "record":
            out.extend(_added_fields(sub_fid, sub, v, s.type))
        elif v != blank[s.name]:
            out.append((sub, sub_fid))
    for extra in set(record) - {s.name for s in specs(cls)}:
        out.append((fieldpath.child(path, extra), f"{fid_prefix}.{extra}"))
    return out


def _record_class(fid: str) -> type | None:
    from .introspect import field_ids

    spec = field_ids(Plan).get(fid)
    return spec.type if spec is not None and spec.kind == "records" else None


def check_return(audience: Audience | str, base: dict[str, Any], returned: dict[str, Any]) -> list[Change]:
    """The changes in ``returned`` (since ``base``), every one the audience may make; or
    :class:`ShareRefused` naming the first that it may not (the whole file is refused)."""
    aud = Audience(audience)
    if aud not in SHARE_AUDIENCES:
        raise ShareRefused("the file is not for a foster carer or a key worker")
    kept = signed_changes(filled(base), filled(returned))
    if kept:
        raise ShareRefused(kept[0].message.replace(" (start a new version to change it)", "")
                           + f" ({kept[0].place}): start a new version to change it")
    changes = leaves(diff(base, returned))
    for ch in changes:
        try:
            fid = fieldpath.field_id(ch.path)
        except fieldpath.PathError:
            raise ShareRefused("the returned copy has been changed by something other than Pathway Planner") from None
        who = policy().labels.get(aud, aud.value)
        if fid not in catalogue() or not may_change(aud, fid):
            raise ShareRefused(f"it changes {_words(ch, base)}, which the {who.lower()} may not change")
        if ch.kind == "added":
            cls = _record_class(fid)
            if cls is None:
                raise ShareRefused(f"it changes {_words(ch, base)}, which the {who.lower()} may not change")
            for sub, sub_fid in _added_fields(fid, ch.path, ch.after, cls):
                if sub_fid not in catalogue() or not may_change(aud, sub_fid):
                    raise ShareRefused(f"it adds {_words(ch, base)} with {_field_words(sub, sub_fid, returned)} "
                                       f"filled in, which the {who.lower()} may not set")
    return changes


def _field_words(path: str, fid: str, doc: dict[str, Any]) -> str:
    f = catalogue().get(fid)
    return f.noun if f is not None else f"“{path.rsplit('.', 1)[-1].replace('_', ' ')}”"


# --------------------------------------------------------------------------- meeting the plan as it is now


NEW, CONFLICT, ALREADY = "new", "conflict", "already there"


@dataclass(frozen=True)
class ReturnedChange:
    """One change in a returned copy, lined up with the plan as it is now."""

    change: Change
    words: str  # where and which field, in the catalogue's words
    now: Any  # the value in the plan as it is now (None where it is not there)
    state: str  # NEW | CONFLICT | ALREADY

    @property
    def path(self) -> str:
        return self.change.path


_MISSING = object()


def _value_at(doc: dict[str, Any], path: str) -> Any:
    if path.endswith(fieldpath.ORDER):
        steps, _o = fieldpath.parse(path)
        records = fieldpath.get(doc, fieldpath.join(steps), _MISSING)
        if not isinstance(records, list):
            return _MISSING
        fid = fieldpath.field_id(path)
        return [fieldpath.record_key(fid, r) for r in records]
    steps, _o = fieldpath.parse(path)
    found = fieldpath.resolve(doc, path)
    if len(found) != len(steps):
        return _MISSING
    return found[-1][1]


def against_now(changes: list[Change], base: dict[str, Any], now: dict[str, Any]) -> list[ReturnedChange]:
    """Each change with the value it meets in the plan as it is now (see the module notes)."""
    out = []
    for ch in changes:
        current = _value_at(now, ch.path)
        value = None if current is _MISSING else current
        if _same(value, ch.after):
            state = ALREADY
        elif _same(value, ch.before):
            state = NEW
        else:
            state = CONFLICT
        out.append(ReturnedChange(ch, _words(ch, now if ch.before is not None else base), value, state))
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        # a record is the same where every field the copy has agrees (hidden fields are not in it)
        return all(k in a and _same(a[k], v) for k, v in b.items())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def merged(now: dict[str, Any], accepted: list[ReturnedChange]) -> dict[str, Any]:
    """The plan as it is now with the accepted changes made (records added whole; a change to a
    record keeps what the copy did not hold, such as practitioners' notes)."""
    out = copy.deepcopy(now)
    changes = []
    for rc in accepted:
        ch = rc.change
        if ch.kind == "added":
            cls = _record_class(fieldpath.field_id(ch.path))
            after = _fill(cls, ch.after, ch.path) if cls is not None else ch.after
            changes.append(Change(ch.path, ch.before, after))
        else:
            changes.append(ch)
    return apply(out, changes)
