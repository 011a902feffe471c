"""Where they live: Home (with Staying Put and Staying Close), and If things go wrong."""

from __future__ import annotations

from ...domain.vocab import Area, Decision, HomeType
from ..fields import grid
from .base import AreaPage, area_of, area_prefix


class HomePage(AreaPage):
    key = "home"
    intro = ("Where they live now, where they want to live next, and Staying Put or Staying Close. "
             "Keep the last home open until the next one is secure.")

    def build(self) -> None:
        self.own_words(area_of(Area.ACCOMMODATION), area_prefix(Area.ACCOMMODATION), "own_words",
                       "What do you want your next home to be like?")
        f = self.form_for(lambda p: p.home, "home")
        lay = self.section("Home now")
        lay.addWidget(grid([
            f.choice("current_type", HomeType, "Kind of home"),
            f.text("current_name", "Name or address"),
            f.date("current_since", "Living there since"),
            f.notes("suitability", "Is it right for them?",
                    "Facilities, safety, location, support, affordability, their views (Schedule 2)", lines=3),
        ]))
        lay = self.section("The next home")
        lay.addWidget(grid([
            f.choice("planned_type", HomeType, "Kind of home", none_text="Not decided yet"),
            f.date("planned_move_date", "Planned move date"),
            f.notes("planned_description", "What the next home will be", lines=2),
            f.notes("fallback", "If it doesn't work out", "Can the last home stay open?", lines=2),
        ]))
        # the decisions here; the agreements themselves have a page of their own each
        sp = self.form_for(lambda p: p.staying_put, "staying_put")
        lay = self.section("Staying Put", "Staying with their foster carers after 18, up to 21.")
        lay.addWidget(grid([
            sp.choice("decision", Decision, "Decision"),
            sp.notes("notes", "Notes", lines=2),
        ]))
        sc = self.form_for(lambda p: p.staying_close, "staying_close")
        lay = self.section("Staying Close", "Living near the children’s home and keeping its people, up to 25.")
        lay.addWidget(grid([
            sc.choice("decision", Decision, "Decision"),
            sc.notes("notes", "Notes", lines=2),
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
            f.notes("plan", "If the plan stops working", lines=3),
            f.notes("fallback_home", "A fallback home", lines=2),
            f.notes("who_to_call", "Who to call", lines=2),
        ]))


__all__ = ["ContingencyPage", "HomePage"]
