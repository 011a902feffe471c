"""Everyday life: Education and work, Health and wellbeing, Money, Skills for living."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.vocab import Area, EetStatus, SkillLevel
from ..fields import Form, grid
from ..records import column
from .base import AreaPage, area_of, area_prefix


class EducationPage(AreaPage):
    key = "education"
    intro = "School, college, training, work — and that it is never too late."

    def build(self) -> None:
        self.own_words(area_of(Area.EDUCATION), area_prefix(Area.EDUCATION), "own_words",
                       "What do you want to learn, or get better at?")
        self.own_words(area_of(Area.EMPLOYMENT), area_prefix(Area.EMPLOYMENT), "own_words",
                       "What kind of work, or other things, would you like to do?")
        f = self.form_for(lambda p: p.education, "education")
        lay = self.section("Now")
        lay.addWidget(grid([
            f.choice("status", EetStatus),
            f.text("provider"),
            f.text("course"),
            f.text("designated_contact"),
            f.date("start"),
            f.date("expected_end"),
            f.yes_no("year_round_housing"),
            f.yes_no("bursary"),
            f.notes("plans", lines=3),
        ]))


class HealthPage(AreaPage):
    key = "health"
    intro = "Feelings and emotional wellbeing as much as the practical side."

    def build(self) -> None:
        self.own_words(area_of(Area.HEALTH), area_prefix(Area.HEALTH), "own_words",
                       "How are you feeling at the moment, and what helps you stay well?")
        f = self.form_for(lambda p: p.health, "health")
        lay = self.section("Health")
        lay.addWidget(grid([
            f.notes("emotional_wellbeing", lines=3),
            f.notes("physical", lines=2),
            f.check("mental_health_need"),
            f.yes_no("gp_registered"),
            f.notes("mental_health", lines=2),
            f.notes("services", lines=2),
            f.notes("adult_services_transition", lines=2),
        ]))


class MoneyPage(AreaPage):
    key = "money"
    intro = "What they have coming in, what they are entitled to, and who explains it."

    def build(self) -> None:
        self.own_words(area_of(Area.FINANCE), area_prefix(Area.FINANCE), "own_words",
                       "How do you feel about managing money? What would help?")
        f = self.form_for(lambda p: p.money, "money")
        lay = self.section("What they have and owe")
        lay.addWidget(grid([
            f.notes("income", lines=2),
            f.yes_no("bank_account"),
            f.yes_no("council_tax_exemption"),
            f.date("local_offer_explained_on"),
            f.notes("savings", lines=2),
            f.notes("debts", lines=2),
            f.notes("notes", lines=2),
        ]))


class SkillsPage(AreaPage):
    key = "skills"
    intro = "Cooking, bills, a tenancy, getting help — practised before they are needed."

    def build(self) -> None:
        self.own_words(area_of(Area.SKILLS), area_prefix(Area.SKILLS), "own_words",
                       "Which everyday things do you feel ready for, and which would you like to practise?")
        lay = self.section("Checklist", "Choose a skill to record how it is going.")

        def build_skill(form: Form) -> list[QWidget]:
            return [form.choice("level", SkillLevel), form.notes("notes", lines=2)]

        lay.addWidget(self.list_editor(
            "skills",
            [column("skills.key"), column("skills.level")],
            lambda p: p.skills, lambda p: "skills", build_skill, factory=None,
        ))


__all__ = ["EducationPage", "HealthPage", "MoneyPage", "SkillsPage"]
