"""The field catalogue: every field of a plan, with its words, in one place.

Read from ``resources/fields.json`` (an organisation may change the words). Each entry gives a
field's label for practitioners and for the young person (first person), a line of help, the
vocabulary its codes come from, the noun used in sentences ("the date of birth"), and its
audience class (see :mod:`.audiences`). Sections and lists have entries too; a list says what
one of its records is called and which field names it.

Validation messages, the app's labels, history, ``show``, subject access and every document
read their words here, and :func:`describe` turns a plan path (:mod:`.fieldpath`) into words a
person recognises — "People who matter — Nan: There at 25" — so no one ever sees a path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from ..paths import resource
from . import fieldpath
from .labels import label as vocab_label

TITLE_LENGTH = 40  # characters of a record's title shown in a location


@dataclass(frozen=True)
class Field:
    id: str  # "relationships.there_at_25"
    label: str  # for practitioners
    yp: str  # in the young person's own copy, first person
    help: str
    noun: str  # in a sentence: "the date of birth"
    vocab: str | None  # the vocabulary of its codes (resources/vocabularies.json)
    audience: str  # a class of resources/audiences.json
    record: str | None  # for a list: what one record is called ("person")
    title: str | None  # for a list: the field that names a record ("name")
    value: str = ""  # "plan_path": the value is a plan path, shown as the words for it

    def words(self, young_person: bool = False) -> str:
        return self.yp if young_person else self.label


class UnknownField(KeyError):
    """A path or field id the catalogue has no entry for (a bug: every field has one)."""


def _decapitalise(text: str) -> str:
    """ "Date of birth" → "date of birth"; "GP registered" stays as it is."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Field]:
    with open(resource("fields.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    out: dict[str, Field] = {}
    for fid, e in raw.items():
        if fid.startswith("_"):
            continue
        label = e["label"]
        out[fid] = Field(
            id=fid,
            label=label,
            yp=e.get("yp", label),
            help=e.get("help", ""),
            noun=e.get("noun") or f"the {_decapitalise(label)}",
            vocab=e.get("vocab"),
            audience=e.get("audience", ""),
            record=e.get("record"),
            title=e.get("title"),
            value=e.get("value", ""),
        )
    return out


def field(path_or_id: str) -> Field:
    """The catalogue entry for a plan path or field id."""
    fid = path_or_id if "[" not in path_or_id and "#" not in path_or_id else fieldpath.field_id(path_or_id)
    try:
        return catalogue()[fid]
    except KeyError:
        raise UnknownField(fid) from None


def label(path_or_id: str, *, young_person: bool = False) -> str:
    return field(path_or_id).words(young_person)


def noun(path_or_id: str) -> str:
    return field(path_or_id).noun


def help_text(path_or_id: str) -> str:
    return field(path_or_id).help


def sections() -> list[Field]:
    """The plan's top-level entries, in catalogue order."""
    return [f for fid, f in catalogue().items() if "." not in fid]


# --------------------------------------------------------------------------- values


def value_words(path_or_id: str, value: Any, *, empty: str = "") -> str:
    """A stored value as words: a code through its vocabulary, a date as 3 March 2027."""
    if value is None or value == "":
        return empty
    f = field(path_or_id)
    if f.value == "plan_path" and isinstance(value, str):
        try:
            return describe(value)
        except ValueError:
            return value
    if isinstance(value, Enum) or f.vocab:
        return vocab_label(value, f.vocab)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return f"{value.day} {value:%B %Y, %H:%M}"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            d = date.fromisoformat(value)
        except ValueError:
            return value
        return f"{d.day} {d:%B %Y}"
    return str(value)


# --------------------------------------------------------------------------- where in the plan


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1].rstrip() + "…"


def _kind(fid: str) -> str:
    from .introspect import field_ids
    from .model import Plan

    spec = field_ids(Plan).get(fid)
    return spec.kind if spec else ""


def record_title(list_field_id: str, record: Any) -> str:
    """The words naming one record of a list ("Nan", "Health and wellbeing", "Review on
    3 March 2026"), or "" where it has none yet."""
    f = field(list_field_id)
    if not f.title or record is None:
        return ""
    value = record.get(f.title) if isinstance(record, dict) else getattr(record, f.title, None)
    if value in (None, ""):
        return ""
    if isinstance(value, str) and not value.isprintable() and not _encodes(value):
        return ""  # broken text cannot name anything
    title_id = f"{list_field_id}.{f.title}"
    words = value_words(title_id, value)
    if _kind(title_id) == "date":
        return f"{(f.record or '').capitalize()} on {words}"
    if _kind(title_id) == "int":  # a numbered record: "Agreement, version 2"
        return f"{(f.record or '').capitalize()}, {_decapitalise(field(title_id).label)} {words}"
    return _shorten(words)


def _quoted(list_field_id: str) -> bool:
    """Whether a record's title is quoted after what it is ("Carer “Karen Lowe”"): not for
    records keyed by a code, nor numbered ones, whose titles say what they are."""
    f = catalogue().get(list_field_id)
    if list_field_id in fieldpath.KEY_FIELD or f is None or not f.title:
        return False
    return _kind(f"{list_field_id}.{f.title}") != "int"


def where(path: str, plan: Any = None, *, young_person: bool = False, names: Mapping[str, str] | None = None) -> str:
    """Where ``path`` is, in words: its section and the records it is in.

    ``plan`` (a :class:`~.model.Plan` or its dict form) lets records be named by their title
    ("People who matter — Nan"); a record with no title yet adds nothing, so the message after
    it says which ("a person needs a name"). Records keyed by a code (support areas) are named
    by it even without ``plan``. ``names`` (record key → words) names records a document must
    not name by their title — another person's name in a copy that shows it only marked — in
    that document's own words ("Person 2 (Friend)").
    """
    steps, order = fieldpath.parse(path)
    found = fieldpath.resolve(plan, path) if plan is not None else []
    parts: list[str] = []
    fid = ""
    for i, s in enumerate(steps):
        fid = f"{fid}.{s.name}" if fid else s.name
        f = catalogue().get(fid)
        if f is None:
            break
        if i == 0 and (len(steps) > 1 or s.key is not None or order):
            parts.append(f.words(young_person))
        if s.key is None:
            continue
        if names and s.key in names:
            parts.append(names[s.key])
            continue
        record = found[i][1] if i < len(found) else None
        if record is None and fid in fieldpath.KEY_FIELD and f.title:
            record = {f.title: s.key}
        title = record_title(fid, record)
        if title and i > 0 and _quoted(fid):
            title = f"{(f.record or '').capitalize()} “{title}”"
        if title:
            parts.append(title)
    return " — ".join(parts)


def describe(path: str, plan: Any = None, *, young_person: bool = False, names: Mapping[str, str] | None = None) -> str:
    """Where ``path`` is and which field: "People who matter — Nan: There at 25"."""
    steps, order = fieldpath.parse(path)
    place = where(path, plan, young_person=young_person, names=names)
    last = steps[-1]
    if order:
        return f"{place}: the order" if place else "the order"
    fid = fieldpath.field_id(path)
    f = catalogue().get(fid)
    if f is None:  # a field this version does not know (from someone else's file): its name
        unknown = last.name.replace("_", " ")
        return f"{place}: “{unknown}”" if place else f"“{unknown}”"
    if last.key is not None or (len(steps) == 1 and f.record):
        return place or f.words(young_person)
    if not place:
        return f.words(young_person)
    return f"{place}: {f.words(young_person)}"


def describe_change(path: str, before: Any, after: Any, plan: Any = None, *,
                    young_person: bool = False, names: Mapping[str, str] | None = None) -> str:
    """A change (see :mod:`.diff`) in words; a record added or removed is named by itself,
    since ``plan`` may no longer (or not yet) hold it (``names``: see :func:`where`)."""
    steps, order = fieldpath.parse(path)
    last = steps[-1]
    record = after if before is None else before
    if order or last.key is None or not isinstance(record, dict):
        return describe(path, plan, young_person=young_person, names=names)
    fid = fieldpath.field_id(path)
    parent = fieldpath.join(steps[:-1]) if len(steps) > 1 else ""
    f = field(fid)
    place = where(fieldpath.child(parent, last.name, "#0"), plan, young_person=young_person, names=names)
    if names and last.key in names:
        return " — ".join(p for p in (place or f.words(young_person), names[last.key]) if p)
    title = record_title(fid, record) or f"a {f.record or 'record'} with nothing written yet"
    if len(steps) > 1 and record_title(fid, record):
        title = f"{(f.record or '').capitalize()} “{title}”" if _quoted(fid) else title
    return " — ".join(p for p in (place or f.words(young_person), title) if p)
