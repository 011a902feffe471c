"""People who matter: their people, the relationship map, and who will be there at 25."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain import model as m
from ...domain.vocab import Area, Closeness, ContactFrequency, RelationshipStatus, RelationshipType, ThereAt25
from .. import theme
from ..fields import Form
from ..messages import say
from ..records import column
from .base import AreaPage, area_of, area_prefix, muted


def _rel_describe(r: m.Relationship) -> str:
    return f"About {r.name}" if r.name.strip() else "A new person"


def build_relationship_editor(form: Form) -> list[QWidget]:
    return [
        form.text("name", "N"),
        form.choice("relationship_type", RelationshipType),
        form.text("description"),
        form.choice("there_at_25", ThereAt25),
        form.choice("closeness", Closeness),
        form.choice("contact_frequency", ContactFrequency),
        form.text("contact_means", placeholder="visits, phone, video…"),
        form.choice("status", RelationshipStatus),
        form.check("in_support_plan"),
        form.notes("keep_in_touch_plan", lines=2),
        form.notes("what_they_bring", lines=2),
    ]


class PeoplePage(AreaPage):
    """Signals:
        at25Requested(): "Who will be there at 25?" was pressed.
    """

    at25Requested = Signal()
    key = "people"
    intro = ("Family, friends, carers and workers — and who will still be there at 25 and beyond. "
             "Don't break what's already there.")

    def build(self) -> None:
        self.own_words(area_of(Area.RELATIONSHIPS), area_prefix(Area.RELATIONSHIPS), "own_words",
                       "Who do you want to still be in your life when you're 25?")
        lay = self.section("Their people")
        row = QHBoxLayout()
        ask = muted(QLabel("Go through everyone together, one at a time: who will still be there for them at 25?",
                            self.content))
        ask.setWordWrap(True)
        row.addWidget(ask, 1)
        self.at25_button = QPushButton("Who will be there at &25?", self.content)
        self.at25_button.setAccessibleName("Who will be there at 25?")
        self.at25_button.setAccessibleDescription(
            "Ask the young person, one person at a time, who will still be there for them at 25")
        self.at25_button.clicked.connect(self.at25Requested)
        theme.fit_text(self.at25_button)
        row.addWidget(self.at25_button, 0)
        lay.addLayout(row)
        from ..map_view import RelationshipMapWidget  # with the page, not the plan: a quicker first plan

        self.map = RelationshipMapWidget(self.content)
        self.map.setMinimumHeight(self.map.fontMetrics().lineSpacing() * 18)
        lay.addWidget(self.map)

        def build(form: Form) -> list[QWidget]:
            blocks = build_relationship_editor(form)
            self._private = self.practitioner_only([
                form.notes("contact_restrictions", lines=2, wide=False),
                form.notes("safety_notes", lines=2, wide=False),
                form.text("phone"),
            ])
            self._private.setProperty("wide", True)  # a row of its own in the editor
            return blocks + [self._private]

        self.people = self.list_editor(
            "relationships",
            [column("relationships.name"), column("relationships.relationship_type"),
             column("relationships.there_at_25"), column("relationships.contact_frequency")],
            lambda p: p.relationships, lambda p: "relationships", build,
            factory=m.Relationship, describe=_rel_describe,
            empty_text="No one recorded yet. Who matters to them?",
        )
        lay.addWidget(self.people)
        self.map.personActivated.connect(self._open_person)
        self.map.addPersonRequested.connect(self.people.add)
        self.session.readOnlyChanged.connect(self._read_only)
        self._read_only(self.session.read_only_reason)
        self.session.listChanged.connect(self._refresh_map)
        self.session.fieldChanged.connect(self._field_changed)

    def _read_only(self, reason: str) -> None:
        """Nothing that changes the plan while the records can only be read (the tip says why)."""
        tip = say("read_only_tip", reason=reason) if reason else ""
        for b in (self.at25_button, self.map.add_button()):
            if b.property("usual_tip") is None:
                b.setProperty("usual_tip", b.toolTip())
            b.setEnabled(not reason)
            b.setToolTip(tip or b.property("usual_tip"))

    def _open_person(self, relationship_id: str) -> None:
        """A person chosen on the map: their details below it, in view, ready to edit."""
        self.people.select_id(relationship_id)
        self.people.focus_editor()

    def after_bind(self) -> None:
        self._refresh_map()

    def _refresh_map(self, *_args: Any) -> None:
        self.map.set_plan(self.plan)  # None clears it (when the app locks)

    def _field_changed(self, record: Any, _attr: str) -> None:
        if isinstance(record, m.Relationship):
            self._refresh_map()


__all__ = ["PeoplePage", "build_relationship_editor"]
