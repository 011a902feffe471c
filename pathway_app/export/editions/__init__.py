"""The editions of the pathway plan PDF, registered in one place (pure).

:func:`build_document` turns ``(plan, today, edition, prompts)`` into a
:class:`~pathway_app.export.model.Document`. Each edition is a small module that picks and
orders the shared blocks (:mod:`pathway_app.export.blocks`) for its audience:

- ``full`` — the full pathway plan, for the file and for the manager to sign (:mod:`.full`);
- ``young-person`` — "My pathway plan", in the first person, their own words first, and nothing
  they should not see (:mod:`.young_person`);
- ``staying-put`` — the Living Together Agreement with the Staying Put carers (:mod:`.staying_put`);
- ``staying-close`` — the Staying Close plan with the children's home (:mod:`.staying_close`).

The two agreements are built from the plan as their audience may see it
(:func:`pathway_app.domain.audiences.view`), never from the whole record.

A new edition is a module with a ``TITLE`` and a ``build(plan, today, prompts)`` returning the
cover blocks and the sections, added to :data:`REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ...domain.model import Plan
from ..blocks import adviser_name
from ..model import MARKING, Block, Document, Section
from . import full, staying_close, staying_put, young_person

Build = Callable[[Plan, date, Sequence | None], tuple[list[Block], list[Section]]]


@dataclass(frozen=True)
class Edition:
    title: str
    build: Build
    marking_every_page: bool = True  # False: the protective marking once, on the first page
    header_note: str = ""  # a few words at the top of every page
    has_appendix: bool = False  # an appendix of research prompts the adviser may leave out
    agreement: bool = False  # the edition prints one version of an agreement (``agreement=`` its id)


REGISTRY: dict[str, Edition] = {
    "full": Edition(full.TITLE, full.build, has_appendix=True),
    "young-person": Edition(young_person.TITLE, young_person.build, marking_every_page=False,
                            header_note=young_person.HEADER_NOTE),
    "staying-put": Edition(staying_put.TITLE, staying_put.build, agreement=True),
    "staying-close": Edition(staying_close.TITLE, staying_close.build, agreement=True),
}

#: Edition code → its title, in the order they are offered.
EDITIONS: dict[str, str] = {code: e.title for code, e in REGISTRY.items()}


def build_document(plan: Plan, today: date, edition: str = "full", prompts=None, *, appendix: bool = True,
                   agreement: str | None = None) -> Document:
    """The document model for ``edition`` of ``plan`` as produced on ``today``.

    ``prompts`` are the prompts considered (raised and answered); when ``None`` they come from
    :func:`pathway_app.domain.guidance.engine.considered` (or none while that module is absent).
    Only the full edition shows them, in an appendix left out when ``appendix`` is False.
    ``agreement`` picks the version of a Staying Put or Staying Close agreement to print (by its
    id; by default the one in force, else the draft).
    """
    if edition not in REGISTRY:
        raise ValueError(f"unknown edition {edition!r}; choose one of: {', '.join(REGISTRY)}")
    ed = REGISTRY[edition]
    if ed.has_appendix:
        cover, sections = ed.build(plan, today, prompts, appendix)  # type: ignore[call-arg]
    elif ed.agreement:
        cover, sections = ed.build(plan, today, prompts, agreement=agreement)  # type: ignore[call-arg]
    else:
        cover, sections = ed.build(plan, today, prompts)
    name = plan.person.display_name
    adviser = adviser_name(plan)
    la = plan.person.local_authority
    return Document(
        edition=edition,
        title=ed.title,
        person_name=name,
        produced_on=today,
        version=plan.version,
        sections=sections,
        cover=cover,
        author=", ".join(x for x in (adviser, la) if x) or "Pathway Planner",
        subject=f"{ed.title} for {name}",
        keywords="pathway plan, leaving care, " + MARKING,
        marking_every_page=ed.marking_every_page,
        header_note=ed.header_note,
    )
