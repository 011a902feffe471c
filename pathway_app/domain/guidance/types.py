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
