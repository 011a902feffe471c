"""Where they live: Home (with Staying Put and Staying Close), and If things go wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain.fields import label
from ...domain.home_now import fill_from_care_history
from ...domain.vocab import Area, Decision, HomeRegistration, HomeType
from ..fields import grid
from .base import AreaPage, area_of, area_prefix


class HomePage(AreaPage):
    key = "home"
    intro = ("Where they live now, where they want to live next, and Staying Put or Staying Close. "
             "Keep the last home open until the next one is secure.")

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.fill_from_care_history()

    def fill_from_care_history(self) -> None:
        """Home now, where still empty, from the newest care episode: one undoable step."""
        plan = self.plan
        if plan is None or self.session.read_only:
            return
        values = fill_from_care_history(plan)
        if not values:
            return
        self.session.undo_stack.beginMacro("Fill home now from the care history")
        for attr, value in values.items():
            self.session.set_field(plan.home, attr, value)
        self.session.undo_stack.endMacro()

    def edition_sections(self) -> dict[str, QWidget]:
        if not self._built:
            return {}
        return {"staying-put": self.staying_put_section, "staying-close": self.staying_close_section}

    def build(self) -> None:
        self.own_words(area_of(Area.ACCOMMODATION), area_prefix(Area.ACCOMMODATION), "own_words",
                       "What do you want your next home to be like?")
        f = self.form_for(lambda p: p.home, "home")
        lay = self.section("Where they live now")
        lay.addWidget(grid([
            f.choice("current_type", HomeType),
            f.text("current_name"),
            f.date("current_since"),
            f.choice("registration", HomeRegistration),
            f.notes("suitability", lines=3),
        ]))
        lay = self.section("The next home")
        lay.addWidget(grid([
            f.choice("planned_type", HomeType, none_text="Not decided yet"),
            f.date("planned_move_date"),
            f.notes("planned_description", lines=2),
            f.notes("fallback", lines=2),
        ]))
        rh = self.form_for(lambda p: p.return_home, "return_home")
        lay = self.section(label("return_home"), "Going back to live with family, and the support the council "
                                                 "still gives after it (at least six months), with its review.")
        self.return_home_section = lay.parentWidget()
        private = self.practitioner_only([rh.notes("notes", lines=2, wide=False)])
        private.setProperty("wide", True)
        lay.addWidget(grid([
            rh.date("returned_on"),
            rh.text("with_whom"),
            rh.notes("support", lines=2),
            rh.date("support_until"),
            rh.date("review_on"),
            rh.date("ended_on"),
            private,
        ]))
        # the decisions here; the agreements themselves have a page of their own each
        sp = self.form_for(lambda p: p.staying_put, "staying_put")
        lay = self.section(label("staying_put"), "Staying with their foster carers after 18, up to 21.")
        self.staying_put_section = lay.parentWidget()
        lay.addWidget(grid([
            sp.choice("decision", Decision),
            sp.notes("notes", lines=2),
        ]))
        sc = self.form_for(lambda p: p.staying_close, "staying_close")
        lay = self.section(label("staying_close"), "Living near the children’s home and keeping its people, up to 25.")
        self.staying_close_section = lay.parentWidget()
        lay.addWidget(grid([
            sc.choice("decision", Decision),
            sc.notes("notes", lines=2),
        ]))


class ContingencyPage(AreaPage):
    key = "contingency"
    intro = "What happens if the plan stops working: a fallback home, and who to call."

    def build(self) -> None:
        self.own_words(lambda p: p.contingency, "contingency", "own_words",
                       "If things go wrong, what would help you most? Who would you want to call?")
        f = self.form_for(lambda p: p.contingency, "contingency")
        lay = self.section("The plan B")
        lay.addWidget(grid([
            f.notes("plan", lines=3),
            f.notes("fallback_home", lines=2),
            f.notes("who_to_call", lines=2),
        ]))


__all__ = ["ContingencyPage", "HomePage"]
