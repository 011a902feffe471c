"""The pages of a plan, one per area (the areas, their order and titles: :mod:`..areas`).

    base        AreaPage (a scrolling form with the prompts column beside it), PromptSide
    about       About me; Identity and life story
    people      People who matter, with the relationship map and "who will be there at 25?"
    home        Home (Staying Put, Staying Close); If things go wrong
    agreements  the Staying Put agreement and the Staying Close plan (their parts: agreement_parts)
    daily_life  Education and work; Health and wellbeing; Money; Skills for living
    support     the support plan: the ten areas, each with its actions
    reviews     Reviews and key dates, with the timeline; Adviser history
"""

from __future__ import annotations

from .about import AboutPage, IdentityPage
from .agreements import StayingClosePage, StayingPutPage
from .base import AreaPage, PromptSide, make_prompts_panel
from .daily_life import EducationPage, HealthPage, MoneyPage, SkillsPage
from .home import ContingencyPage, HomePage
from .people import PeoplePage
from .reviews import AdvisersPage, ReviewsPage
from .support import SupportPlanPage

#: The page class of each area, by its key in :data:`~pathway_app.ui.areas.AREAS`.
PAGE_CLASSES: dict[str, type[AreaPage]] = {
    cls.key: cls
    for cls in (AboutPage, PeoplePage, HomePage, StayingPutPage, StayingClosePage, EducationPage, HealthPage,
                MoneyPage, SkillsPage, IdentityPage, SupportPlanPage, ContingencyPage, ReviewsPage, AdvisersPage)
}

__all__ = ["PAGE_CLASSES", "AreaPage", "PromptSide", "make_prompts_panel"]
