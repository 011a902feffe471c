"""The young person themselves: About me, and Identity and life story."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain import model as m
from ...domain.fields import label
from ...domain.labels import label as vocab_label
from ...domain.vocab import CareLegalStatus, HomeType, LegalStatus, LifeStoryKind, Parenting
from ..fields import Form, grid, pretty_date
from ..records import column
from .base import AreaPage, person_of, wide


def _episode_text(e: m.CareEpisode) -> str:
    return e.home_name or vocab_label(e.home_type)


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
            f.text("phone"),
            f.text("email"),
            f.text("local_authority"),
            f.notes("address", lines=2),
        ]))
        lay = self.section("Legal status and circumstances")
        lay.addWidget(grid([
            f.choice("legal_status", LegalStatus),
            f.choice("parenting", Parenting),
            f.notes("parenting_notes", lines=2),
            f.check("youth_justice"),
            wide(f.check("detained_or_in_hospital_on_16th_birthday")),
            f.notes("youth_justice_notes", lines=2),
        ]))
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

        lay.addWidget(self.list_editor(
            "care_episodes",
            [column("care_episodes.home_name", _episode_text), column("care_episodes.home_type"),
             column("care_episodes.start", lambda e: pretty_date(e.start)),
             column("care_episodes.end", lambda e: pretty_date(e.end) or "now")],
            lambda p: p.care_episodes, lambda p: "care_episodes", build_episode,
            factory=m.CareEpisode, describe=_episode_text,
            empty_text="No care history recorded yet.",
        ))


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
