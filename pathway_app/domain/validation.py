"""Checks on a plan before it is saved. Every problem is returned at once, each naming its field.

Field paths match the interchange format ("relationships[2].name", "person.date_of_birth"),
and :data:`FIELD_LABELS` turns them into words a PA recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import birthday, iter_overlaps
from .model import Plan
from .vocab import CARE_HOME_TYPES, Decision, SKILL_KEYS

MAX_TEXT = 1_000_000  # characters in one field; a 1 MB note is kept, anything longer refused
EARLIEST_DOB = date(1950, 1, 1)
LATEST_DOB = date(2200, 1, 1)  # past this, dates 25 years on would not exist
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Problem:
    field: str  # path of the field, e.g. "care_episodes[1].end"
    message: str  # what is wrong, in plain words

    def __str__(self) -> str:
        return f"{describe_field(self.field)}: {self.message}"


FIELD_LABELS = {
    "person.given_name": "Given name",
    "person.family_name": "Family name",
    "person.preferred_name": "Preferred name",
    "person.date_of_birth": "Date of birth",
    "person.email": "Email",
    "care_episodes": "Care history",
    "relationships": "People who matter",
    "staying_put": "Staying Put",
    "staying_close": "Staying Close",
    "support_areas": "Support plan",
    "reviews": "Reviews",
    "advisers": "Adviser history",
    "life_story": "Life story",
    "home": "Home",
    "education": "Education and work",
    "prompt_responses": "Prompt responses",
}


def describe_field(path: str) -> str:
    """ "relationships[2].name" → "People who matter, entry 3: name"."""
    if path in FIELD_LABELS:
        return FIELD_LABELS[path]
    m = re.match(r"^([a-z_]+)\[(\d+)\]\.?(.*)$", path)
    if m:
        head = FIELD_LABELS.get(m.group(1), m.group(1).replace("_", " "))
        rest = m.group(3).replace("_", " ")
        return f"{head}, entry {int(m.group(2)) + 1}" + (f": {rest}" if rest else "")
    head, _, rest = path.partition(".")
    if head in FIELD_LABELS and rest:
        return f"{FIELD_LABELS[head]}: {rest.replace('_', ' ')}"
    return path.replace("_", " ")


def _encodes(text: str) -> bool:
    """False when the text holds an unpaired surrogate (it could never be stored)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text_problems(obj: object, path: str, out: list[Problem]) -> None:
    import dataclasses

    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        v = getattr(obj, f.name)
        sub = f"{path}.{f.name}" if path else f.name
        if isinstance(v, str):
            if len(v) > MAX_TEXT:
                out.append(Problem(sub, f"is too long ({len(v):,} characters; at most {MAX_TEXT:,})"))
            elif "\x00" in v:
                out.append(Problem(sub, "contains a NUL character"))
            elif not _encodes(v):
                out.append(Problem(sub, "contains a broken character (an unpaired surrogate)"))
        elif dataclasses.is_dataclass(v):
            _text_problems(v, sub, out)
        elif isinstance(v, list):
            for i, item in enumerate(v):
                if dataclasses.is_dataclass(item):
                    _text_problems(item, f"{sub}[{i}]", out)


def validate(plan: Plan, today: date | None = None) -> list[Problem]:
    """Every problem with ``plan``; an empty list means it can be saved."""
    out: list[Problem] = []
    p = plan.person
    if not (p.given_name.strip() or p.preferred_name.strip()):
        out.append(Problem("person.given_name", "is needed (or a preferred name)"))
    dob = p.date_of_birth
    if dob is None:
        out.append(Problem("person.date_of_birth", "is needed to work out dates and entitlements"))
    else:
        if today is not None and dob > today:
            out.append(Problem("person.date_of_birth", "is in the future"))
        if dob < EARLIEST_DOB:
            out.append(Problem("person.date_of_birth", f"is before {EARLIEST_DOB.year}; please check it"))
        elif dob >= LATEST_DOB:
            out.append(Problem("person.date_of_birth", f"is after {LATEST_DOB.year}; please check it"))
            dob = None  # no birthdays can be worked out from it
    if p.email and not _EMAIL.match(p.email.strip()):
        out.append(Problem("person.email", "does not look like an email address"))

    for i, ep in enumerate(plan.care_episodes):
        base = f"care_episodes[{i}]"
        if ep.start is None:
            out.append(Problem(f"{base}.start", "is needed"))
        elif dob is not None and ep.start < dob:
            out.append(Problem(f"{base}.start", "is before the date of birth"))
        if ep.start and ep.end and ep.end <= ep.start:
            out.append(Problem(f"{base}.end", "must be after the start"))
        if ep.home_type not in CARE_HOME_TYPES:
            out.append(Problem(f"{base}.home_type", f"'{ep.home_type.value}' is not a kind of care home"))
    index = {id(e): i for i, e in enumerate(plan.care_episodes)}
    for a, b in iter_overlaps(plan.care_episodes):
        out.append(
            Problem(
                f"care_episodes[{index[id(b)]}].start",
                f"overlaps care episode {index[id(a)] + 1} (one home at a time)",
            )
        )

    for i, r in enumerate(plan.relationships):
        if not r.name.strip():
            out.append(Problem(f"relationships[{i}].name", "is needed"))

    sp = plan.staying_put
    if sp.start and sp.end and sp.end < sp.start:
        out.append(Problem("staying_put.end", "is before the start"))
    if sp.end and dob and sp.end > birthday(dob, 21):
        out.append(Problem("staying_put.end", "is after the 21st birthday (Staying Put ends at 21)"))
    if sp.decision is Decision.AGREED and not sp.carer_name.strip():
        out.append(Problem("staying_put.carer_name", "is needed when Staying Put is agreed"))
    sc = plan.staying_close
    if sc.start and sc.end and sc.end < sc.start:
        out.append(Problem("staying_close.end", "is before the start"))
    if sc.end and dob and sc.end > birthday(dob, 25):
        out.append(Problem("staying_close.end", "is after the 25th birthday"))
    for i, s in enumerate(sc.staff):
        if not s.name.strip():
            out.append(Problem(f"staying_close.staff[{i}].name", "is needed"))

    h = plan.home
    if h.planned_move_date and h.current_since and h.planned_move_date < h.current_since:
        out.append(Problem("home.planned_move_date", "is before the young person moved into the current home"))
    e = plan.education
    if e.start and e.expected_end and e.expected_end < e.start:
        out.append(Problem("education.expected_end", "is before the start"))

    for j, sa in enumerate(plan.support_areas):
        for i, a in enumerate(sa.actions):
            if not a.what.strip():
                out.append(Problem(f"support_areas[{j}].actions[{i}].what", "is needed"))
    seen_areas = [sa.area for sa in plan.support_areas]
    if len(set(seen_areas)) != len(seen_areas):
        out.append(Problem("support_areas", "has the same area twice"))

    for i, rv in enumerate(plan.reviews):
        if rv.held_on is None:
            out.append(Problem(f"reviews[{i}].held_on", "is needed"))
        elif today is not None and rv.held_on > today:
            out.append(Problem(f"reviews[{i}].held_on", "is in the future"))
    for i, ad in enumerate(plan.advisers):
        if not ad.name.strip():
            out.append(Problem(f"advisers[{i}].name", "is needed"))
        if ad.start and ad.end and ad.end < ad.start:
            out.append(Problem(f"advisers[{i}].end", "is before the start"))
    for i, sk in enumerate(plan.skills):
        if sk.key not in SKILL_KEYS:
            out.append(Problem(f"skills[{i}].key", f"'{sk.key}' is not a skill on the checklist"))
    for i, pr in enumerate(plan.prompt_responses):
        if not pr.rule_id:
            out.append(Problem(f"prompt_responses[{i}].rule_id", "is needed"))
    if plan.version < 0:
        out.append(Problem("version", "cannot be negative"))

    _text_problems(plan, "", out)
    ids = [plan.id]
    for lst in (plan.care_episodes, plan.relationships, plan.life_story, plan.reviews,
                plan.advisers, plan.prompt_responses, plan.skills, plan.staying_close.staff):
        ids.extend(x.id for x in lst)
    for sa in plan.support_areas:
        ids.extend(a.id for a in sa.actions)
    if len(set(ids)) != len(ids):
        out.append(Problem("id", "two records in the plan share an identifier"))
    return out


class ValidationError(ValueError):
    """A plan that cannot be saved; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
