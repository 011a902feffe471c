"""Words for "Everything we hold about you": the plan's fields, their values and the history.

Every field's name and every section's title is the field catalogue's
(:mod:`pathway_app.domain.fields`), read by field id; values go through
:func:`~pathway_app.domain.fields.value_words` (codes through the vocabularies, dates written
out); each saved change of the record's history is a sentence whose place is
:func:`~pathway_app.domain.fields.describe_change`'s. The few headings of this document that
are not fields of the plan are the constants below. Pure: no reportlab.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ...domain import fieldpath, fields
from ...domain.dates import fmt
from ...domain.introspect import field_ids
from ...domain.model import Plan

#: The mark beside every piece of information about another person.
MARK = "For review"

# --------------------------------------------------------------------------- this document's own headings
# (its sections that are not a part of the plan; the sub-headings of its prose stay with the prose)

TITLE = "Everything we hold about you"
ABOUT_TITLE = "About this document"
PLAN_TITLE = "Your plan"
RECORD_TITLE = "Dates and record details"  # the plan's own dates and version, not in a section
HISTORY_TITLE = "The history of your record"
OTHER_PEOPLE_TITLE = "Information about other people"
HISTORY_COLUMNS = ("When", "Who", "What happened", "What changed")
OTHER_PEOPLE_COLUMNS = ("Where", "About", "Why")

# --------------------------------------------------------------------------- words for the plan's fields

#: Audience classes (resources/audiences.json) holding the young person's own voice: what they
#: say, and what they say about someone. Those fields are named as in their own copy ("What I'm
#: good at", "There for me at 25"); every other field by its practitioner label.
OWN_VOICE = frozenset({"own_words", "view_of_person"})
#: Internal bookkeeping kept in the JSON file but not spelled out in the PDF (the last part of a
#: field id): record identifiers and a prompt answer's fingerprint of the plan.
PDF_SKIP = frozenset({"id", "fingerprint"})

#: Why a part is marked, for each kind of mark the bundle gives.
KIND_WORDS = {
    "person": "information about another person",
    "safety": "safety note involving another person",
    "staff": "names someone who worked with you",
    "carer": "about your carer",
    "contact": "other people's contact details",
    "mention": "mentions someone else by name",
}

#: What someone did to the record, for each action in its history.
ACTION_WORDS = {
    "opened": "Opened the record",
    "created": "Created the record",
    "changed": "Changed the record",
    "exported": "Exported the record",
    "printed": "Printed the record",
    "imported": "Imported the record",
    "deleted": "Deleted the record",
}


def name(fid: str) -> str:
    """A field's or section's name in this document (see :data:`OWN_VOICE`)."""
    f = fields.field(fid)
    return f.words(young_person=f.audience in OWN_VOICE)


def kind(fid: str) -> str:
    """The field's kind (:mod:`~pathway_app.domain.introspect`): text, date, moment, records …"""
    spec = field_ids(Plan).get(fid)
    return spec.kind if spec else ""


def value(fid: str, raw: Any) -> str:
    """A field's value in words: codes through the vocabularies, dates and moments written out."""
    if raw is None or raw == "":
        return ""
    if kind(fid) == "moment" and isinstance(raw, str):
        return moment(raw)
    try:
        return fields.value_words(fid, raw)
    except fields.UnknownField:  # a field this version does not know (from an older record)
        return str(raw)


def moment(text: str) -> str:
    """``2026-11-23T14:05:09Z`` → "23 November 2026, 14:05 UTC"."""
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return str(text)
    return f"{fmt(dt.date())}, {dt:%H:%M} UTC"


def reason(t: dict[str, Any]) -> str:
    """Why a part is marked for review, in words."""
    return KIND_WORDS.get(t.get("kind", "person"), KIND_WORDS["person"])


def date_words(iso: str | None) -> str:
    """An ISO date from the bundle in words ("23 November 2026"); nothing for nothing."""
    if not iso:
        return ""
    try:
        return fmt(date.fromisoformat(iso))
    except ValueError:
        return str(iso)


# --------------------------------------------------------------------------- the history in words


def _record_change(c: dict[str, Any]) -> tuple[str, str, dict[str, Any]] | None:
    """(path, key, record) of a change adding or removing a whole record, else None."""
    path = str(c.get("path") or "")
    try:
        steps, order = fieldpath.parse(path)
    except fieldpath.PathError:
        return None
    record = c.get("after") if c.get("before") is None else c.get("before")
    if order or steps[-1].key is None or not isinstance(record, dict):
        return None
    return path, steps[-1].key, record


def remembered(plan_d: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The plan with the records its history added or removed that it no longer holds, each as
    it last was, so a change to a record since removed is still named by that record."""
    out = copy.deepcopy(plan_d)
    for e in entries:
        for c in e.get("changes", []):
            found = _record_change(c)
            if found is None:
                continue
            path, key, record = found
            if fieldpath.get(plan_d, path) is not None:
                continue  # still in the plan: named as it is now
            steps, _order = fieldpath.parse(path)
            parent = fieldpath.get(out, fieldpath.join(steps[:-1])) if len(steps) > 1 else out
            if not isinstance(parent, dict):
                continue
            records = parent.setdefault(steps[-1].name, [])
            if not isinstance(records, list):
                continue
            list_fid = fieldpath.field_id(path)
            records[:] = [r for r in records if fieldpath.record_key(list_fid, r) != key] + [record]
    return out


def gone_names(plan_d: dict[str, Any], entries: list[dict[str, Any]], marked: set[str]) -> dict[str, str]:
    """Record key → words, for records no longer in the plan whose addition or removal is marked
    for review: their name is then another person's, shown only in that marked change."""
    out: dict[str, str] = {}
    for i, e in enumerate(entries):
        for j, c in enumerate(e.get("changes", [])):
            found = _record_change(c)
            if found is None or f"history.entries[{i}].changes[{j}]" not in marked:
                continue
            path, key, _record = found
            if fieldpath.get(plan_d, path) is None:
                f = fields.catalogue().get(fieldpath.field_id(path))
                out[key] = f"a {f.record if f and f.record else 'record'} no longer in the plan"
    return out


def place(path: str, before: Any, after: Any, plan_d: dict[str, Any], names: Mapping[str, str]) -> str:
    """Where a change is, in words: "People who matter — Person 2 (Friend): How close we are".

    A field is named as in "Your plan" (:func:`name`), so the history and the plan agree."""
    try:
        if path.endswith(fieldpath.ORDER):
            return fields.where(path, plan_d, names=names)
        steps, _order = fieldpath.parse(path)
        f = fields.catalogue().get(fieldpath.field_id(path))
        if steps[-1].key is None and f is not None and not f.record:
            here = fields.where(path, plan_d, names=names)
            return f"{here}: {name(f.id)}" if here else name(f.id)
        return fields.describe_change(path, before, after, plan_d, names=names)
    except (fieldpath.PathError, fields.UnknownField):  # not a plan path (a damaged trail's entry)
        return "A part of the plan"


def _change_value(fid: str, v: Any) -> str:
    if v is None or v == "":
        return "nothing"
    if isinstance(v, dict):
        title = fields.record_title(fid, v) if fid in fields.catalogue() and fields.field(fid).title else ""
        return f"a {fields.field(fid).record} ({title})" if title else "a record"
    if isinstance(v, list):
        return f"{len(v)} record{'s' if len(v) != 1 else ''}"
    words = value(fid, v)
    return f"“{words}”" if isinstance(v, str) and words == v else words


def change_words(c: dict[str, Any], plan_d: dict[str, Any], names: Mapping[str, str]) -> str:
    """One change of a saved edit as a sentence: "About me: Phone changed from nothing to “07700 900777”"."""
    path = str(c.get("path") or "")
    before, after = c.get("before"), c.get("after")
    where = place(path, before, after, plan_d, names)
    if path.endswith(fieldpath.ORDER):
        return f"{where}: put in a new order"
    if before is None and isinstance(after, dict):
        return f"{where}: added"
    if after is None and isinstance(before, dict):
        return f"{where}: removed"
    try:
        fid = fieldpath.field_id(path)
    except fieldpath.PathError:
        fid = ""
    # (no arrow: Noto Sans as shipped has no "→", and it would print as a [U+2192] marker)
    return f"{where} changed from {_change_value(fid, before)} to {_change_value(fid, after)}"


def entry_words(e: dict[str, Any]) -> str:
    what = ACTION_WORDS.get(str(e.get("action")), str(e.get("action", "")).capitalize())
    v = e.get("plan_version")
    extra = [f"{k.replace('_', ' ')}: {_detail(x)}" for k, x in sorted((e.get("detail") or {}).items())
             if k not in ("name",) and x not in (None, "", [], {})]
    return what + (f" (version {v})" if v is not None else "") + ("; " + "; ".join(extra) if extra else "")


def _detail(x: Any) -> str:
    if isinstance(x, dict):
        return ", ".join(f"{k.replace('_', ' ')} {_detail(v)}" for k, v in x.items())
    if isinstance(x, list):
        return ", ".join(_detail(v) for v in x)
    return "Yes" if x is True else "No" if x is False else str(x)
