"""Colours and type sizes for each edition (plain data; the renderer turns them into styles)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    accent: str  # headings, the timeline axis, the centre of the map
    accent_soft: str  # section heading band, table header fill
    warm: str  # the young person's own words
    warm_soft: str
    ink: str
    muted: str
    rule: str
    body_size: float
    leading: float
    heading_size: float
    title_size: float


#: The full plan: calm teal with a warm accent for the young person's words.
FULL = Theme(
    accent="#1f6f6b",
    accent_soft="#e3f0ee",
    warm="#c8553d",
    warm_soft="#fdf0e8",
    ink="#22313a",
    muted="#5f6f78",
    rule="#d6dfe0",
    body_size=10.5,
    leading=14.5,
    heading_size=16,
    title_size=24,
)

#: "My pathway plan": warmer, bigger type, more space.
YOUNG_PERSON = Theme(
    accent="#d0603f",
    accent_soft="#fde7dc",
    warm="#6b4fa0",
    warm_soft="#f1ebfa",
    ink="#2b2b3a",
    muted="#6a6476",
    rule="#eadbd2",
    body_size=12,
    leading=17,
    heading_size=19,
    title_size=30,
)

#: Agreements (Staying Put / Staying Close): clear and friendly, like the full plan but plum.
AGREEMENT = Theme(
    accent="#6b4fa0",
    accent_soft="#efe9f7",
    warm="#c8553d",
    warm_soft="#fdf0e8",
    ink="#26253a",
    muted="#625f74",
    rule="#dfd8ea",
    body_size=11,
    leading=15.5,
    heading_size=17,
    title_size=26,
)


def theme_for(edition: str) -> Theme:
    return {"full": FULL, "young-person": YOUNG_PERSON, "subject-access": FULL}.get(edition, AGREEMENT)
