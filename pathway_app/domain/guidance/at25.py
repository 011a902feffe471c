""""Who will be there for you at 25?" as a question flow (research message M1).

The UI walks the young person through the people already recorded — one question each, for
everyone not yet asked — and then asks whether there is anyone else, suggesting the kinds of
people who are not on the list yet (a brother or sister, a teacher, an old carer ...).

Pure: no Qt. The answers go straight into the plan's relationships::

    for q in at25_questions(plan):
        if q.kind == "person":
            apply_answer(plan, q.relationship_id, ThereAt25.YES)
        else:
            add_person(plan, "Miss Khan", RelationshipType.TEACHER, ThereAt25.MAYBE)

Citation: Making not Breaking (The Care Inquiry, 2013), paras 5.5, 7.3.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import label
from ..model import Plan, Relationship
from ..vocab import (
    FAMILY_TYPES,
    PROFESSIONAL_TYPES,
    Closeness,
    RelationshipStatus,
    RelationshipType,
    ThereAt25,
)
from .sources import format_citation

ANYONE_ELSE = "at25:anyone-else"
CITATION = ({"source": "care_inquiry", "section": "5.5"}, {"source": "care_inquiry", "section": "7.3"})
#: The answers a person question offers, in the order a UI shows them.
ANSWERS: tuple[ThereAt25, ...] = (ThereAt25.YES, ThereAt25.MAYBE, ThereAt25.NO)

# Kinds of people worth suggesting when none of that kind is recorded yet: (types, words).
_SUGGESTIONS: tuple[tuple[frozenset[RelationshipType], str], ...] = (
    (frozenset({RelationshipType.SIBLING}), "a brother or sister"),
    (frozenset({RelationshipType.GRANDPARENT, RelationshipType.OTHER_FAMILY}), "a grandparent or another relative"),
    (frozenset({RelationshipType.PARENT}), "a parent"),
    (
        frozenset({RelationshipType.FOSTER_CARER, RelationshipType.KINSHIP_CARER, RelationshipType.RESIDENTIAL_KEY_WORKER}),
        "an old carer or key worker",
    ),
    (frozenset({RelationshipType.TEACHER}), "a teacher or tutor"),
    (frozenset({RelationshipType.FRIEND, RelationshipType.PARTNER}), "a friend or partner"),
    (frozenset({RelationshipType.MENTOR, RelationshipType.COMMUNITY}), "a mentor or someone from a club or faith group"),
)


@dataclass(frozen=True)
class Question:
    id: str  # "at25:<relationship id>" or ANYONE_ELSE
    kind: str  # "person" | "anyone_else"
    young_person_text: str  # first person, to the young person
    practitioner_text: str  # to the PA / carer / key worker
    relationship_id: str | None = None
    name: str = ""
    relationship_label: str = ""  # "Brother or sister"
    answers: tuple[ThereAt25, ...] = ANSWERS  # empty for "anyone else" (the answer is a new person)
    suggestions: tuple[str, ...] = ()  # kinds of people not on the list yet
    citation: str = ""


def _order(r: Relationship) -> tuple[bool, int, int, str]:
    group = 0 if r.relationship_type in FAMILY_TYPES else 2 if r.relationship_type in PROFESSIONAL_TYPES else 1
    return (
        r.status is RelationshipStatus.ENDED,
        group,
        list(Closeness).index(r.closeness),
        r.name.casefold(),
    )


def _person_question(plan: Plan, r: Relationship, cite: str) -> Question:
    name = r.name.strip() or "this person"
    who = plan.person.display_name
    kind = label(r.relationship_type)
    if r.status is RelationshipStatus.ENDED:
        young = f"You and {name} aren't in touch now. Would you like them to be in your life when you're 25?"
    elif r.relationship_type in PROFESSIONAL_TYPES:
        young = f"Do you think {name} will still be someone you can turn to when you're 25, even if it's not their job any more?"
    else:
        young = f"Do you think {name} will still be there for you when you're 25?"
    practitioner = (
        f"Ask {who} whether {name} ({kind.lower()}) is likely to be there for them at 25 and beyond. "
        "If yes, think about how to strengthen that relationship and give them a part in the plan."
    )
    return Question(
        id=f"at25:{r.id}",
        kind="person",
        young_person_text=young,
        practitioner_text=practitioner,
        relationship_id=r.id,
        name=r.name,
        relationship_label=kind,
        citation=cite,
    )


def suggestions(plan: Plan) -> tuple[str, ...]:
    """Kinds of people with no one of that kind recorded yet."""
    have = {r.relationship_type for r in plan.relationships}
    return tuple(words for types, words in _SUGGESTIONS if not (types & have))


def _anyone_else(plan: Plan, cite: str) -> Question:
    hints = suggestions(plan) or ("a brother or sister", "a teacher", "an old carer")
    shown = hints[:4]  # the question stays short; the UI can offer every suggestion
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" or {shown[-1]}"
    return Question(
        id=ANYONE_ELSE,
        kind="anyone_else",
        young_person_text=(
            f"Is there anyone else who you'd want in your life when you're 25? Maybe {listed}?"
            if plan.relationships
            else f"Who would you want in your life when you're 25? Maybe {listed}?"
        ),
        practitioner_text=(
            f"Ask {plan.person.display_name} about people not yet recorded who could be there at 25 "
            "(family they have lost touch with, former carers, teachers, friends). Add them to the people who matter."
        ),
        answers=(),
        suggestions=hints,
        citation=cite,
    )


def at25_questions(plan: Plan) -> list[Question]:
    """One question per person not yet asked (family first, closest first), then "anyone else?"."""
    cite = format_citation(CITATION)
    people = sorted((r for r in plan.relationships if r.there_at_25 is ThereAt25.NOT_ASKED), key=_order)
    return [_person_question(plan, r, cite) for r in people] + [_anyone_else(plan, cite)]


def _there(value: ThereAt25 | str) -> ThereAt25:
    try:
        return value if isinstance(value, ThereAt25) else ThereAt25(str(value))
    except ValueError:
        raise ValueError(f"the answer must be one of {', '.join(t.value for t in ThereAt25)}, not {value!r}") from None


def apply_answer(plan: Plan, relationship_id: str, there_at_25: ThereAt25 | str) -> Relationship:
    """Record whether the person ``relationship_id`` is likely to be there at 25."""
    answer = _there(there_at_25)
    for r in plan.relationships:
        if r.id == relationship_id:
            r.there_at_25 = answer
            return r
    raise KeyError(f"no one with id {relationship_id!r} among the people who matter")


def add_person(
    plan: Plan,
    name: str,
    relationship_type: RelationshipType | str,
    there_at_25: ThereAt25 | str = ThereAt25.YES,
) -> Relationship:
    """Add someone the young person named in answer to "is there anyone else?"."""
    if not name or not name.strip():
        raise ValueError("a person needs a name (a first name or what the young person calls them is fine)")
    try:
        rtype = relationship_type if isinstance(relationship_type, RelationshipType) else RelationshipType(str(relationship_type))
    except ValueError:
        raise ValueError(f"unknown kind of relationship {relationship_type!r}") from None
    rel = Relationship(name=name.strip(), relationship_type=rtype, there_at_25=_there(there_at_25))
    plan.relationships.append(rel)
    return rel
