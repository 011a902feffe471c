"""Words for "Everything we hold about you": the plan's fields, their values and the history.

Field names in words ("Date of birth"), codes through the vocabularies, dates and moments
written out, and each saved change of the record's history as a sentence. Pure: no reportlab.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from ...domain.dates import fmt
from ...domain.labels import label

#: The mark beside every piece of information about another person.
MARK = "For review"

# --------------------------------------------------------------------------- words for the plan's fields

SECTION_TITLES: dict[str, str] = {
    "person": "About you",
    "care_episodes": "Where you have lived",
    "relationships": "People in your life",
    "education": "Education, training and work",
    "home": "Your home",
    "staying_put": "Staying Put",
    "staying_close": "Staying Close",
    "health": "Health and wellbeing",
    "money": "Money",
    "skills": "Everyday skills",
    "identity": "Identity",
    "life_story": "Life story",
    "support_areas": "Your plan, area by area",
    "contingency": "If things don't go to plan",
    "reviews": "Reviews of your plan",
    "advisers": "Personal advisers",
    "prompt_responses": "Prompts and checks",
}
RECORD_TITLE = "Dates and record details"

FIELD_LABELS: dict[str, str] = {
    "given_name": "Given name",
    "family_name": "Family name",
    "preferred_name": "Known as",
    "date_of_birth": "Date of birth",
    "phone": "Phone",
    "email": "Email",
    "legal_status": "Legal status",
    "local_authority": "Local authority",
    "immigration_status": "Immigration status",
    "parenting": "Being a parent",
    "parenting_notes": "Notes about being a parent",
    "youth_justice": "Involved with youth justice",
    "youth_justice_notes": "Youth justice notes",
    "detained_or_in_hospital_on_16th_birthday": "Detained or in hospital on 16th birthday",
    "about_me_own_words": "About me, in your own words",
    "home_type": "Type of home",
    "short_break": "Short break (respite)",
    "home_name": "Home",
    "relationship_type": "Who they are",
    "description": "Description",
    "contact_frequency": "How often you are in touch",
    "contact_means": "How you keep in touch",
    "there_at_25": "There for you at 25",
    "keep_in_touch_plan": "Plan for keeping in touch",
    "in_support_plan": "Part of your support plan",
    "what_they_bring": "What they bring",
    "safety_notes": "Safety notes",
    "contact_restrictions": "Contact restrictions",
    "expected_end": "Expected to finish",
    "year_round_housing": "Housing all year round",
    "designated_contact": "Contact at college or university",
    "current_type": "Type of home now",
    "current_name": "Home now",
    "current_since": "Living there since",
    "planned_type": "Planned type of home",
    "planned_description": "Planned home",
    "planned_move_date": "Planned move date",
    "fallback": "If the move doesn't work out",
    "carer_name": "Carer",
    "house_agreements": "House agreements",
    "review_date": "Review date",
    "new_home": "New home",
    "come_back": "Coming back",
    "how_keep_in_touch": "How they keep in touch",
    "emotional_wellbeing": "Emotional wellbeing",
    "mental_health": "Mental health",
    "mental_health_need": "Mental health need",
    "adult_services_transition": "Move to adult services",
    "gp_registered": "Registered with a GP",
    "bank_account": "Bank account",
    "council_tax_exemption": "Council tax exemption",
    "local_offer_explained_on": "Local offer explained on",
    "own_words": "In your own words",
    "recorded_with_young_person": "Recorded with you",
    "when": "When",
    "kind": "Kind",
    "assessment": "Assessment",
    "fallback_home": "Fallback home",
    "who_to_call": "Who to call",
    "held_on": "Held on",
    "participants": "Who was there",
    "young_person_views": "Your views",
    "handover_notes": "Handover notes",
    "needs_assessment_done_on": "Needs assessment done on",
    "plan_agreed_on": "Plan agreed on",
    "review_requested_on": "Review asked for on",
    "pa_support_to_25": "Asked for PA support to 25",
    "id": "Reference",
    "version": "Version",
    "created_at": "Record created",
    "updated_at": "Last saved",
    "rule_id": "Prompt",
    "by_when": "By when",
    "what": "What",
    "who": "Who",
    "by": "By",
    "at": "When",
    "until": "Until",
    "answer": "Answer",
    "note": "Note",
    "key": "Skill",
    "level": "Level",
    "status": "Status",
}
# Internal bookkeeping kept in the JSON file but not spelled out in the PDF.
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


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()


@lru_cache(maxsize=None)
def type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def inner_type(tp: Any) -> Any:
    """``X | None`` → X; ``list[X]`` stays."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return tp


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Enum)


def words_for(value: Any, tp: Any = None, name: str = "") -> str:
    """A field's value in words: codes through the vocabularies, dates written out."""
    tp = inner_type(tp) if tp is not None else None
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if _is_enum(tp):
        try:
            return label(tp(value))
        except ValueError:
            return str(value)
    if name == "key" and isinstance(value, str):
        return label(value, "Skill")
    if tp is date and isinstance(value, str):
        try:
            return fmt(date.fromisoformat(value))
        except ValueError:
            return value
    if tp is datetime and isinstance(value, str):
        return moment(value)
    if isinstance(value, (list, dict)):
        return _short_json(value)
    return str(value)


def moment(text: str) -> str:
    """``2026-11-23T14:05:09Z`` → "23 November 2026, 14:05 UTC"."""
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return str(text)
    return f"{fmt(dt.date())}, {dt:%H:%M} UTC"


def _short_json(v: Any) -> str:
    if isinstance(v, dict):
        for k in ("name", "title", "what", "area", "rule_id"):
            if v.get(k):
                return str(v[k])
        return ", ".join(f"{field_label(k)}: {words_for(x)}" for k, x in v.items() if x not in (None, "", [], {}) and k not in PDF_SKIP)
    if isinstance(v, list):
        return ", ".join(_short_json(x) if isinstance(x, (dict, list)) else str(x) for x in v)
    return str(v)


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


def change_place(path: str, names: dict[str, str]) -> str:
    """``relationships[<id>].phone`` → "People in your life › Person 3 (Parent) › Phone"."""
    order = path.endswith("#order")
    path = path.removesuffix("#order")
    out = []
    for i, seg in enumerate(re.findall(r"[^.\[\]]+|\[[^\]]*\]", path)):
        if seg.startswith("["):
            key = seg[1:-1]
            out.append(names.get(key) or "a record no longer in the plan")
        elif i == 0:
            out.append(SECTION_TITLES.get(seg, field_label(seg)))
        else:
            out.append(field_label(seg))
    return " › ".join(out) + (" (order)" if order else "")


def change_words(c: dict[str, Any], names: dict[str, str]) -> str:
    place = change_place(str(c.get("path") or ""), names)
    before, after = c.get("before"), c.get("after")
    if str(c.get("path") or "").endswith("#order"):
        return f"{place}: put in a new order"
    if before is None and isinstance(after, dict):
        return f"{place}: added"
    if after is None and isinstance(before, dict):
        return f"{place}: removed"

    def w(v: Any) -> str:
        if v is None or v == "":
            return "(empty)"
        s = words_for(v)
        return f"“{s}”" if isinstance(v, str) else s

    # (no arrow: Noto Sans as shipped has no "→", and it would print as a [U+2192] marker)
    return f"{place}: was {w(before)}, now {w(after)}"


def entry_words(e: dict[str, Any]) -> str:
    what = ACTION_WORDS.get(str(e.get("action")), str(e.get("action", "")).capitalize())
    v = e.get("plan_version")
    extra = [f"{k.replace('_', ' ')}: {words_for(x)}" for k, x in sorted((e.get("detail") or {}).items())
             if k not in ("name",) and x not in (None, "", [], {})]
    return what + (f" (version {v})" if v is not None else "") + ("; " + "; ".join(extra) if extra else "")
