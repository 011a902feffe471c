"""The parts of a Staying Put or Staying Close agreement as the page lays them out.

:data:`PART_FIELDS` says, for each part of each kind (:data:`pathway_app.domain.agreements.PARTS`,
in the documents' order), which fields of the agreement it holds and how each is edited; the
page builds one section per part from it, every label and help from the field catalogue. A
``("words", yp, others)`` item is the young person's words beside the carers' (or on its own
when ``others`` is ""), set apart like the young person's words elsewhere in the app. The lists
— the carers, the house rules, the staff — are record editors made by :func:`carers_editor`,
:func:`house_rules_editor` and :func:`staff_editor`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QFrame, QHeaderView, QVBoxLayout, QWidget

from ...domain import agreements as ag
from ...domain import model as m
from ...domain.labels import label as vocab_label
from ...domain.vocab import EndBasis, HouseRuleTopic
from ..fields import FieldBlock, Form, grid
from ..records import RecordListEditor, column


class PartsHost(Protocol):
    """What the parts need of the page they are built on (:class:`.agreements.AgreementPage`)."""

    kind: str
    content: QWidget
    topic_title: Any

    def agreement_in(self, plan: m.Plan | None) -> Any: ...

    def list_editor(self, *args: Any, **kwargs: Any) -> RecordListEditor: ...

#: Items: ("text" | "notes" | "date", attr), ("choice", attr, Enum), ("words", yp attr, others attr),
#: ("list", "carers" | "house_rules" | "staff").
Item = tuple[Any, ...]

PART_FIELDS: dict[str, dict[str, list[Item]]] = {
    ag.STAYING_PUT: {
        "parties": [("list", "carers"),
                    ("text", "worker_name"), ("text", "worker_contact"),
                    ("text", "supervising_name"), ("text", "supervising_agency"), ("text", "supervising_contact"),
                    ("text", "authority"), ("text", "authority_contact"),
                    ("words", "young_person_words", "carers_words")],
        "responsibilities": [("notes", "young_person_responsibilities"), ("notes", "carer_responsibilities"),
                             ("notes", "worker_responsibilities"), ("notes", "supervising_responsibilities"),
                             ("notes", "authority_responsibilities")],
        "house-rules": [("list", "house_rules"), ("notes", "house_rules_notes")],
        "support": [("notes", "practical_support"), ("notes", "emotional_support"), ("notes", "skills"),
                    ("words", "support_words", "")],
        "money": [("notes", "carer_payment"), ("notes", "contribution"), ("text", "contribution_from"),
                  ("notes", "housing_costs"), ("text", "housing_costs_claimed_by"), ("notes", "council_tax"),
                  ("notes", "contracts"), ("notes", "money_notes")],
        "education-work-health": [("notes", "education_support"), ("notes", "work_support"),
                                  ("notes", "health_support")],
        "dates": [("date", "start"), ("date", "end"), ("choice", "end_basis", EndBasis), ("text", "course"),
                  ("date", "review_date"), ("notes", "move_on")],
        "ending": [("notes", "disagreements"), ("notes", "notice"), ("notes", "ending_early")],
    },
    ag.STAYING_CLOSE: {
        "parties": [("text", "home_name"), ("text", "home_contact"), ("text", "manager_name"),
                    ("text", "worker_name"), ("text", "worker_contact"),
                    ("text", "authority"), ("text", "authority_contact"),
                    ("words", "young_person_words", "")],
        "new-home": [("notes", "new_home"), ("text", "distance")],
        "staff": [("list", "staff"), ("notes", "basket_of_hours")],
        "responsibilities": [("notes", "young_person_responsibilities"), ("notes", "home_responsibilities"),
                             ("notes", "worker_responsibilities"), ("notes", "authority_responsibilities")],
        "come-back": [("notes", "come_back_meals"), ("notes", "come_back_activities"),
                      ("notes", "come_back_celebrations"), ("notes", "come_back_hard_times"),
                      ("words", "come_back_words", ""), ("notes", "come_back_notes")],
        "support": [("notes", "out_of_hours"), ("notes", "independence_support")],
        "dates": [("date", "start"), ("date", "end"), ("date", "review_date")],
        "ending": [("notes", "disagreements"), ("notes", "ending")],
    },
}

#: Where the practitioners' own notes about the version go (never in together mode or a copy).
PRIVATE = "notes"


def words_frame(form: Form, yp: str, others: str, parent: QWidget) -> QFrame:
    """The young person's words, beside the carers' where the agreement has both."""
    frame = QFrame(parent)
    frame.setObjectName("OwnWords")
    frame.setProperty("wide", True)
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(16, 10, 16, 12)
    lay.setSpacing(6)
    blocks = [form.notes(yp, lines=3, wide=not others)]
    if others:
        blocks.append(form.notes(others, lines=3, wide=False))
    lay.addWidget(grid(blocks, 2, frame))
    return frame


def build_part(page: PartsHost, form: Form, items: list[Item], lay: QVBoxLayout) -> None:
    """Add the fields ``items`` of one part to its section ``lay``."""
    run: list[QWidget] = []

    def flush() -> None:
        if run:
            lay.addWidget(grid(list(run), 2, page.content))
            run.clear()

    for item in items:
        kind, attr = item[0], item[1]
        if kind == "list":
            flush()
            lay.addWidget({"carers": carers_editor, "house_rules": house_rules_editor, "staff": staff_editor}[attr](page))
        elif kind == "words":
            run.append(words_frame(form, attr, item[2], page.content))
        elif kind == "text":
            run.append(form.text(attr))
        elif kind == "notes":
            run.append(form.notes(attr, lines=2, wide=False))
        elif kind == "date":
            run.append(form.date(attr))
        elif kind == "choice":
            run.append(form.choice(attr, item[2]))
    flush()


# --------------------------------------------------------------------------- the lists


def _list_of(page: PartsHost, attr: str) -> Callable[[m.Plan], Any]:
    def get(plan: m.Plan) -> Any:
        a = page.agreement_in(plan)
        return getattr(a, attr) if a is not None else None

    return get


def _path_of(page: PartsHost, attr: str) -> Callable[[m.Plan], str]:
    def get(plan: m.Plan) -> str:
        a = page.agreement_in(plan)
        return f"{ag.path_of(page.kind, a)}.{attr}" if a is not None else ""

    return get


def carers_editor(page: PartsHost) -> RecordListEditor:
    fid = "staying_put.agreements.carers"

    def build(form: Form) -> list[QWidget]:
        return [form.text("name", "N"), form.text("pronouns", placeholder="she/her, he/him, they/them"),
                form.text("phone"), form.text("email")]

    return page.list_editor(
        fid, [column(f"{fid}.name"), column(f"{fid}.pronouns"), column(f"{fid}.phone"), column(f"{fid}.email")],
        _list_of(page, "carers"), _path_of(page, "carers"), build, factory=m.Carer,
        empty_text="No carer is named yet. Each carer signs for themselves: add each one.")


def topic_words(rule: m.HouseRule) -> str:
    """What a house rule is about: its topic, or the name of a topic of their own."""
    if rule.topic is HouseRuleTopic.OWN:
        return rule.title.strip() or vocab_label(rule.topic)
    return vocab_label(rule.topic) + (f" — {rule.title.strip()}" if rule.title.strip() else "")


def house_rules_editor(page: PartsHost) -> RecordListEditor:
    fid = "staying_put.agreements.house_rules"

    def build(form: Form) -> list[QWidget]:
        page.topic_title = form.text("title", "o")
        return [form.check("same_as_before", "b"), page.topic_title, form.notes("agreed", lines=3),
                words_frame(form, "young_person_words", "carers_words", page.content)]

    def same(rule: m.HouseRule) -> str:
        return "✓" if rule.same_as_before else ""

    ed = page.list_editor(
        fid, [column(f"{fid}.topic", topic_words), column(f"{fid}.same_as_before", same), column(f"{fid}.agreed"),
              column(f"{fid}.young_person_words"), column(f"{fid}.carers_words")],
        _list_of(page, "house_rules"), _path_of(page, "house_rules"), build,
        factory=lambda: m.HouseRule(topic=HouseRuleTopic.OWN), describe=topic_words,
        empty_text="No house rules are written yet.")
    own = f"Add {vocab_label(HouseRuleTopic.OWN).lower()}"
    ed.add_button.setText(own.replace(" topic", " &topic", 1))
    ed.add_button.setAccessibleName(own)
    ed.add_button.setAccessibleDescription(f"{own}: give it a name, then say what you agree")
    hh = ed.table.horizontalHeader()
    hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    for c in (2, 3, 4):
        hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    ed.currentChanged.connect(lambda rule: page.topic_title.setVisible(
        rule is not None and rule.topic is HouseRuleTopic.OWN))
    return ed


def staff_editor(page: PartsHost) -> RecordListEditor:
    fid = "staying_close.agreements.staff"

    def build(form: Form) -> list[QWidget]:
        return [form.text("name", "N"), form.text("role"), form.notes("how_keep_in_touch", lines=2, wide=False),
                form.text("how_often"), form.text("phone")]

    return page.list_editor(
        fid, [column(f"{fid}.name"), column(f"{fid}.role"), column(f"{fid}.how_often")],
        _list_of(page, "staff"), _path_of(page, "staff"), build, factory=m.StayingCloseContact,
        empty_text="No member of staff is named yet. Who from the home stays in their life?")


def private_block(form: Form) -> FieldBlock:
    return form.notes(PRIVATE, lines=2, wide=False)


def content_fields(kind: str) -> set[str]:
    """Every field of the agreement the parts hold (the lists by their name)."""
    return {item[1] for items in PART_FIELDS[kind].values() for item in items} | {
        item[2] for items in PART_FIELDS[kind].values() for item in items if item[0] == "words" and item[2]}


__all__ = ["PART_FIELDS", "PRIVATE", "build_part", "content_fields", "house_rules_editor", "topic_words"]
