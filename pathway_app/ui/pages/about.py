"""The young person themselves: About me, and Identity and life story."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain import model as m
from ...domain.labels import label as vocab_label
from ...domain.vocab import CareLegalStatus, HomeType, LegalStatus, LifeStoryKind, Parenting
from ..fields import Form, grid, pretty_date
from ..records import Column
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
        lay = self.section("Strengths and interests",
                           "Strengths and achievements, not only needs (research message M22).")
        lay.addWidget(grid([
            f.notes("strengths", "S&trengths", "What they are good at", lines=2),
            f.notes("interests", "Interests", "What they enjoy doing", lines=2),
            f.notes("achievements", "Achievements", "Things they are proud of", lines=2),
        ]))
        lay = self.section("Name and contact")
        lay.addWidget(grid([
            f.text("given_name", "&Given name"),
            f.text("family_name", "&Family name"),
            f.text("preferred_name", "&Preferred name", "The name they want to be called"),
            f.text("pronouns", "Pro&nouns", placeholder="e.g. she/her"),
            f.date("date_of_birth", "&Date of birth"),
            f.text("phone", "Phone"),
            f.text("email", "Email"),
            f.text("local_authority", "Local authority"),
            f.notes("address", "Address", lines=2),
        ]))
        lay = self.section("Legal status and circumstances")
        lay.addWidget(grid([
            f.choice("legal_status", LegalStatus, "Legal status"),
            f.choice("parenting", Parenting, "Being a parent"),
            f.notes("parenting_notes", "Notes about being a parent", lines=2),
            f.check("youth_justice", "Involved with youth justice"),
            wide(f.check("detained_or_in_hospital_on_16th_birthday", "Detained or in hospital on their 16th birthday",
                          "Counts towards being a relevant young person")),
            f.notes("youth_justice_notes", "Youth justice notes", lines=2),
        ]))
        lay = self.section("Care history",
                           "Each home they were looked after in. The care-leaver category is worked out from these dates.")

        def build_episode(form: Form) -> list[QWidget]:
            return [
                form.text("home_name", "Name of the home"),
                form.choice("home_type", HomeType, "Kind of home"),
                form.date("start", "Moved in on"),
                form.date("end", "Left on", "Leave empty while they still live there"),
                form.choice("legal_status", CareLegalStatus, "Legal status"),
                form.check("short_break", "A planned short break",
                           "Short breaks of 4 weeks or less do not count towards the 13 weeks"),
                form.notes("notes", "Notes", lines=2),
            ]

        lay.addWidget(self.list_editor(
            "care episode",
            [Column("Home", _episode_text), Column("Kind", lambda e: vocab_label(e.home_type)),
             Column("From", lambda e: pretty_date(e.start)), Column("To", lambda e: pretty_date(e.end) or "now")],
            lambda p: p.care_episodes, lambda p: "care_episodes", build_episode,
            factory=m.CareEpisode, describe=lambda e: f"Care episode: {_episode_text(e)}",
            empty_text="No care history recorded yet.",
        ))


class IdentityPage(AreaPage):
    key = "identity"
    intro = "Ask, don't assume: who they are in their own words, and the story of their life so far."

    def build(self) -> None:
        self.own_words(lambda p: p.identity, "identity", "own_words",
                       "How would you describe who you are? What matters to you about your background?")
        f = self.form_for(lambda p: p.identity, "identity")
        lay = self.section("Identity")
        lay.addWidget(grid([
            f.text("ethnicity", "Ethnicity"), f.text("religion", "Religion or beliefs"),
            f.text("languages", "Languages"), f.text("culture", "Culture"),
            f.text("gender", "Gender"), f.text("sexuality", "Sexuality"),
            f.check("recorded_with_young_person", "Recorded with the young person"),
        ]))
        lay = self.section("Life story", "Memories, people, places, photos and documents.")

        def build_entry(form: Form) -> list[QWidget]:
            return [form.text("title", "Title"), form.choice("kind", LifeStoryKind, "Kind"),
                    form.date("when", "When"), form.notes("text", "The story", lines=4)]

        lay.addWidget(self.list_editor(
            "life story entry",
            [Column("Title", lambda e: e.title), Column("Kind", lambda e: vocab_label(e.kind)),
             Column("When", lambda e: pretty_date(e.when))],
            lambda p: p.life_story, lambda p: "life_story", build_entry,
            factory=m.LifeStoryEntry, describe=lambda e: e.title or "A new entry",
            empty_text="No life story entries yet.",
        ))


__all__ = ["AboutPage", "IdentityPage"]
