"""The areas of a plan as the app shows them: one page each, in this order.

This module is data: each area's key and title (:data:`AREAS`, in the catalogue's words), the prompt-engine areas whose
prompts its page shows (:data:`PROMPT_AREAS`), and which page shows a problem with a field
(:func:`page_for_path`). The pages themselves are in :mod:`pathway_app.ui.pages`.
"""

from __future__ import annotations

from ..domain.fields import label

#: (key, title shown in the list of areas and as the page's heading). An area that is one
#: section of the plan is called what the field catalogue calls that section.
AREAS: list[tuple[str, str]] = [
    ("about", label("person")),
    ("people", label("relationships")),
    ("home", label("home")),
    ("staying_put", f"{label('staying_put')} agreement"),
    ("staying_close", f"{label('staying_close')} plan"),
    ("education", label("education")),
    ("health", label("health")),
    ("money", label("money")),
    ("skills", label("skills")),
    ("identity", f"{label('identity')} and {label('life_story').lower()}"),
    ("support", label("support_areas")),
    ("contingency", label("contingency")),
    ("reviews", f"{label('reviews')} and key dates"),
    ("advisers", label("advisers")),
]

#: Prompt-engine area codes that belong on each page.
PROMPT_AREAS: dict[str, tuple[str, ...]] = {
    "about": ("about_me",),
    "people": ("relationships",),
    "home": ("accommodation",),
    "staying_put": (),  # the agreements' prompts are on the Home page; their pages have a checklist
    "staying_close": (),
    "education": ("education", "employment"),
    "health": ("health",),
    "money": ("finance",),
    "skills": ("skills",),
    "identity": ("identity",),
    "support": ("support",),
    "contingency": ("contingency",),
    "reviews": (),
    "advisers": (),
}

#: Which page shows a problem about a field path (for "take me to the problem").
PATH_PAGES: list[tuple[str, str]] = [
    ("person.", "about"), ("care_episodes", "about"), ("relationships", "people"),
    ("immigration", "about"), ("children", "about"), ("orders", "about"), ("return_home", "home"),
    ("sign_off", "reviews"), ("pa_support_to_25", "reviews"),
    ("home.", "home"), ("staying_put.agreements", "staying_put"), ("staying_close.agreements", "staying_close"),
    ("staying_put", "home"), ("staying_close", "home"),
    ("education", "education"), ("health", "health"), ("money", "money"), ("skills", "skills"),
    ("identity", "identity"), ("life_story", "identity"), ("support_areas", "support"),
    ("contingency", "contingency"), ("reviews", "reviews"), ("needs_assessment", "reviews"),
    ("plan_agreed", "reviews"), ("review_requested", "reviews"), ("advisers", "advisers"),
]


def title_of(key: str) -> str:
    """The title of the area ``key`` ("people" → "People who matter")."""
    return dict(AREAS)[key]


def page_for_path(path: str) -> str:
    """The key of the page that shows the field ``path`` ("relationships[2].name" → "people")."""
    for prefix, key in PATH_PAGES:
        if path.startswith(prefix):
            return key
    return "about"


__all__ = ["AREAS", "PATH_PAGES", "PROMPT_AREAS", "page_for_path", "title_of"]
