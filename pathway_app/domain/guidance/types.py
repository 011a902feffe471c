"""What the prompt engine hands to the app and the PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from ..model import PromptResponse


class Urgency(IntEnum):
    """Higher is more urgent; prompts are listed most urgent first."""

    CONSIDER = 1  # worth talking about
    SOON = 2  # should be acted on in the next few months
    NOW = 3  # overdue, or a statutory duty is being missed

    @property
    def label(self) -> str:
        return {1: "consider", 2: "soon", 3: "now"}[int(self)]


@dataclass(frozen=True)
class AnswerField:
    """The field of the plan a prompt is answered by doing the thing (a rule's ``answered_by``):
    answering "done" asks for its value and records it in the plan, so the prompt goes.

    ``kind`` is the field's kind: ``date``, ``bool``, ``text`` or ``choice`` for a field of the plan
    or of one of its sections; ``record`` to add a record to a list, with ``fields`` its fields
    to ask for. ``choices`` (for ``choice``) limits the codes offered. ``label`` is the
    catalogue's words for the field, to ask with."""

    field: str  # a field id: "needs_assessment_done_on", "money.local_offer_explained_on", "reviews"
    kind: str  # date | bool | text | choice | record
    label: str
    fields: tuple[str, ...] = ()  # record: the fields asked for, e.g. ("name", "start")
    choices: tuple[str, ...] = ()  # choice: the codes offered (all of the vocabulary if empty)


@dataclass(frozen=True)
class Prompt:
    rule_id: str  # e.g. "M1-no-one-at-25", "S-review-overdue"
    area: str  # a plan area code: an Area value, or "about_me", "people", "home" ...
    urgency: Urgency
    practitioner_text: str  # to the PA / carer / key worker
    young_person_text: str  # first person, plain language
    citation: str  # document title and section, e.g. "Making not Breaking (Care Inquiry, 2013), §5.5"
    suggested_actions: tuple[str, ...] = ()
    fingerprint: str = ""  # what the rule saw; a response to an older fingerprint may re-raise
    response: PromptResponse | None = None  # the latest response, if any
    message: str = ""  # research message id, e.g. "M1" (empty for statutory checks)
    why: str = field(default="", compare=False)  # the plan facts that raised it, for the PA
    applies_from: str = field(default="", compare=False)  # from when it applies, in words
    answered_by: AnswerField | None = field(default=None, compare=False)  # the field "done" fills in
