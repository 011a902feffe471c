"""The young person themselves: About me, and Identity and life story."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain import model as m
from ...domain.fields import label
from ...domain.labels import label as vocab_label
from ...domain.vocab import (
    CareLegalStatus,
    DateOfBirthBasis,
    HomeType,
    ImmigrationStatus,
    LegalStatus,
    LifeStoryKind,
    OrderKind,
    Parenting,
)
from ..fields import Form, grid, pretty_date
from ..records import column
from .base import AreaPage, person_of, wide


def _episode_text(e: m.CareEpisode) -> str:
    return e.home_name or vocab_label(e.home_type)


def _dated(fid: str, attr: str, empty: str = ""):  # noqa: ANN202 - a column's cell
    def cell(record: object) -> str:
        return pretty_date(getattr(record, attr)) or empty

    return column(fid, cell)


class AboutPage(AreaPage):
    key = "about"
    intro = "Who they are, what they are good at and what they enjoy — then the facts the plan needs."

    def build(self) -> None:
        self.own_words(person_of, "person", "about_me_own_words",
                       "What would you like people to know about you?")
        f = self.form_for(person_of, "person")
        lay = self.section("Strengths and interests", "Strengths and achievements, not only needs.")
        lay.addWidget(grid([
            f.notes("strengths", "t", lines=2),
            f.notes("interests", lines=2),
            f.notes("achievements", lines=2),
        ]))
        lay = self.section("Name and contact")
        lay.addWidget(grid([
            f.text("given_name", "G"),
            f.text("family_name", "F"),
            f.text("preferred_name", "P"),
            f.text("pronouns", "n", placeholder="e.g. she/her"),
            f.date("date_of_birth", "D"),
            f.choice("date_of_birth_basis", DateOfBirthBasis),
            f.date("age_assessed_on"),
            f.text("phone"),
            f.text("email"),
            f.text("local_authority"),
            f.notes("address", lines=2),
        ]))
        lay = self.section("Legal status and circumstances")
        lay.addWidget(grid([
            f.choice("legal_status", LegalStatus),
            f.check("youth_justice"),
            wide(f.check("detained_or_in_hospital_on_16th_birthday")),
            f.notes("youth_justice_notes", lines=2),
        ]))
        self._immigration(self.section(label("immigration"),
                                       "Each status, claim, appeal or age dispute, with its dates: "
                                       "several can hold at once."))
        self._parent(f)
        self._care_history()

    def _immigration(self, lay) -> None:  # noqa: ANN001 - a section's layout
        def build(form: Form) -> list[QWidget]:
            return [form.choice("status", ImmigrationStatus), form.date("since"), form.date("until"),
                    form.notes("notes", lines=2)]

        self.immigration = self.list_editor(
            "immigration",
            [column("immigration.status"), _dated("immigration.since", "since"),
             _dated("immigration.until", "until")],
            lambda p: p.immigration, lambda p: "immigration", build,
            factory=m.ImmigrationMatter, empty_text="No immigration matters recorded.",
        )
        lay.addWidget(self.immigration)

    def _parent(self, f: Form) -> None:
        lay = self.section(label("person.parenting"), "A baby on the way, or their own children: "
                                                      "due dates and birthdays show on the timeline.")
        lay.addWidget(grid([
            f.choice("parenting", Parenting),
            f.notes("parenting_notes", lines=2),
        ]))

        def build(form: Form) -> list[QWidget]:
            return [form.text("name"), form.yes_no("lives_with_young_person"), form.date("due_on"),
                    form.date("born_on"), form.notes("notes", lines=2)]

        self.children = self.list_editor(
            "children",
            [column("children.name", lambda c: c.name or "Baby"), _dated("children.due_on", "due_on"),
             _dated("children.born_on", "born_on"), column("children.lives_with_young_person")],
            lambda p: p.children, lambda p: "children", build,
            factory=m.Child, empty_text="No children or baby on the way recorded.",
        )
        lay.addWidget(self.children)

    def _care_history(self) -> None:
        lay = self.section(label("care_episodes"),
                           "Each home they were looked after in. The care-leaver category is worked out from these dates.")

        def build_episode(form: Form) -> list[QWidget]:
            return [
                form.text("home_name"),
                form.choice("home_type", HomeType),
                form.date("start"),
                form.date("end"),
                form.choice("legal_status", CareLegalStatus),
                form.check("short_break"),
                form.notes("notes", lines=2),
            ]

        self.episodes = self.list_editor(
            "care_episodes",
            [column("care_episodes.home_name", _episode_text), column("care_episodes.home_type"),
             _dated("care_episodes.start", "start"), _dated("care_episodes.end", "end", "now")],
            lambda p: p.care_episodes, lambda p: "care_episodes", build_episode,
            factory=m.CareEpisode, describe=_episode_text,
            empty_text="No care history recorded yet.",
        )
        lay.addWidget(self.episodes)
        lay = self.section(label("orders"), "A special guardianship order, a child arrangements order or "
                                            "adoption ends being looked after on the day it is made.")

        def build_order(form: Form) -> list[QWidget]:
            private = self.practitioner_only([form.notes("notes", lines=2, wide=False)])
            private.setProperty("wide", True)
            return [form.choice("kind", OrderKind), form.text("with_whom"), form.date("made_on"),
                    form.date("ended_on"), private]

        self.orders = self.list_editor(
            "orders",
            [column("orders.kind"), column("orders.with_whom"), _dated("orders.made_on", "made_on"),
             _dated("orders.ended_on", "ended_on")],
            lambda p: p.orders, lambda p: "orders", build_order,
            factory=m.PermanenceOrder, empty_text="No order has ended their time in care.",
        )
        lay.addWidget(self.orders)


class IdentityPage(AreaPage):
    key = "identity"
    intro = "Ask, don't assume: who they are in their own words, and the story of their life so far."

    def build(self) -> None:
        self.own_words(lambda p: p.identity, "identity", "own_words",
                       "How would you describe who you are? What matters to you about your background?")
        f = self.form_for(lambda p: p.identity, "identity")
        lay = self.section(label("identity"))
        lay.addWidget(grid([
            f.text("ethnicity"), f.text("religion"),
            f.text("languages"), f.text("culture"),
            f.text("gender"), f.text("sexuality"),
            f.check("recorded_with_young_person"),
        ]))
        lay = self.section(label("life_story"), "Memories, people, places, photos and documents.")

        def build_entry(form: Form) -> list[QWidget]:
            return [form.text("title"), form.choice("kind", LifeStoryKind),
                    form.date("when"), form.notes("text", lines=4)]

        lay.addWidget(self.list_editor(
            "life_story",
            [column("life_story.title"), column("life_story.kind"),
             column("life_story.when", lambda e: pretty_date(e.when))],
            lambda p: p.life_story, lambda p: "life_story", build_entry,
            factory=m.LifeStoryEntry, empty_text="No life story entries yet.",
        ))


__all__ = ["AboutPage", "IdentityPage"]
