"""The relationship map's layout: where each person, name, sector title and legend entry goes.

Where people go comes from :func:`pathway_app.domain.geometry.ecomap_layout`, the same layout
the PDF draws, so the picture in the app and the one on paper match: the young person in the
middle, people on three rings by closeness (very close nearest), in four sectors by group.
This module turns that unit-circle layout into widget pixels (:func:`layout_map` →
:class:`MapFrame`) and gives each name a place where it touches no other name or node. It also
says the map in words (:func:`describe`, :func:`in_words`) for tooltips and screen readers.

Nothing here paints (:mod:`.map_paint`) or handles input (:mod:`.map_view`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ..domain import geometry
from ..domain.fields import label as field_label
from ..domain.labels import label
from ..domain.model import Plan, Relationship
from ..domain.vocab import RELATIONSHIP_GROUP, Closeness, PeopleGroup, RelationshipStatus, ThereAt25

MIN_NODE_RADIUS = 11.0  # px: below this the map shows fewer people instead
MAX_NODE_RADIUS = 24.0
LABEL_GAP = 4.0


def initials(name: str) -> str:
    """Up to two initials: "Amira Hassan" → "AH", "nan" → "N", "" → "?"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def group_title(group: PeopleGroup) -> str:
    return label(group)


def describe(rel: Relationship) -> str:
    """One person, in words, for tooltips and the text alternative."""
    bits = [rel.name.strip() or "(no name)"]
    kind = rel.description.strip() or label(rel.relationship_type)
    bits.append(kind)
    bits.append(label(rel.closeness).lower())
    if rel.status is RelationshipStatus.ENDED:
        bits.append("relationship ended")
    else:
        bits.append("in touch: " + label(rel.contact_frequency).lower())
        if rel.status is RelationshipStatus.ENDING:
            bits.append("ending with a move")
    bits.append("there at 25: " + label(rel.there_at_25).lower())
    return ", ".join(bits)


def in_words(plan: Plan | None) -> str:
    """The map in words: everyone, who will be there at 25, by group (for screen readers)."""
    if plan is None:
        return "No young person open."
    who = plan.person.preferred_name.strip() or plan.person.given_name.strip() or "the young person"
    rels = plan.relationships
    if not rels:
        return f"Relationship map for {who}. No one has been added yet."
    yes = [r for r in rels if r.there_at_25 is ThereAt25.YES and r.status is not RelationshipStatus.ENDED]
    maybe = [r for r in rels if r.there_at_25 is ThereAt25.MAYBE and r.status is not RelationshipStatus.ENDED]
    out = [f"Relationship map for {who}: {len(rels)} {'person' if len(rels) == 1 else 'people'}."]
    if yes:
        out.append("Will be there at 25: " + "; ".join(short_who(r) for r in yes) + ".")
    else:
        out.append("No one is marked yet as someone who will be there at 25.")
    if maybe:
        out.append("Maybe there at 25: " + "; ".join(short_who(r) for r in maybe) + ".")
    for g in geometry.SECTOR_ORDER:
        members = [r for r in rels if RELATIONSHIP_GROUP.get(r.relationship_type) is g]
        if members:
            out.append(f"{group_title(g)}: " + "; ".join(describe(r) for r in members) + ".")
    return " ".join(out)


@dataclass
class PlacedPerson:
    """A person on the widget, in pixels."""

    node: geometry.MapNode
    rel: Relationship
    x: float
    y: float
    r: float
    label_rect: QRectF | None = None
    label_text: str = ""
    label_align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter

    @property
    def id(self) -> str:
        return self.node.id

    def contains(self, p: QPointF, slack: float = 2.0) -> bool:
        return math.hypot(p.x() - self.x, p.y() - self.y) <= self.r + slack


@dataclass
class PlacedSector:
    sector: geometry.Sector
    title_rect: QRectF


@dataclass
class MapFrame:
    """Everything the painter needs, worked out for one size, font and plan."""

    cx: float
    cy: float
    scale: float  # pixels per unit (the outer ring has radius 0.93 units)
    node_r: float
    centre_r: float
    people: list[PlacedPerson]
    sectors: list[PlacedSector]
    ecomap: geometry.EcoMap
    more_rect: QRectF | None  # the "+N more" chip
    not_shown: list[Relationship]

    def to_px(self, x: float, y: float) -> QPointF:
        return QPointF(self.cx + x * self.scale, self.cy - y * self.scale)


def legend_items(small: bool) -> list[tuple[str, str]]:
    """(key, words) of each legend entry; ``small``: the essentials only."""
    items = [("group:" + g.value, group_title(g)) for g in geometry.SECTOR_ORDER]
    if small:
        return items + [("star", field_label("relationships.there_at_25")), ("maybe", "Maybe"), ("ended", "Ended")]
    items += [
        ("star", "Will be there at 25"),
        ("maybe", "Maybe there at 25"),
        ("line:daily", "Every day"),
        ("line:weekly", "Every week"),
        ("line:monthly", "Every month"),
        ("line:rarely", "Rarely"),
        ("ended", "Ended"),
        ("rings", "Nearer the middle: closer"),
    ]
    return items


def legend_rects(items: list[tuple[str, str]], width: float, font: QFont) -> tuple[list[tuple[str, str, QRectF]], float]:
    """Legend ``items`` flowed into lines across ``width``; returns where each goes and the height."""
    fm = QFontMetricsF(font)
    line_h = fm.height() + 8
    swatch = 26.0
    x, y = 12.0, 0.0
    placed: list[tuple[str, str, QRectF]] = []
    for key, text in items:
        w = swatch + 6 + fm.horizontalAdvance(text) + 16
        if x + w > width - 12 and x > 12:
            x, y = 12.0, y + line_h
        placed.append((key, text, QRectF(x, y, w, line_h)))
        x += w
    return placed, y + line_h + 8


def layout_map(plan: Plan | None, area: QRectF, name_font: QFont, small_font: QFont) -> MapFrame:
    """Where everyone goes in ``area`` (widget pixels), for the fonts the widget uses.

    Nodes shrink to keep apart; below :data:`MIN_NODE_RADIUS` fewer people are shown (the most
    important first) and the rest are counted on a "+N more" chip.
    """
    fm = QFontMetricsF(name_font)
    sfm = QFontMetricsF(small_font)
    rels = list(plan.relationships) if plan else []
    by_id = {r.id: r for r in rels}
    title_h = sfm.height() + 8
    side_room = min(110.0, area.width() * 0.16)
    vert_room = title_h + fm.height() * 0.8 + 6
    outer = geometry.RING_RADIUS[Closeness.NOT_CLOSE]
    usable = min(area.width() / 2 - side_room, area.height() / 2 - vert_room)
    usable = max(40.0, usable)
    cx, cy = area.center().x(), area.center().y()

    # Fewer people on the map rather than nodes too small to read or click.
    limit = min(len(rels), geometry.MAX_ON_MAP)
    while True:
        em = geometry.ecomap_layout(rels, max_on_map=limit)
        node_r = min(MAX_NODE_RADIUS, max(12.0, usable * 0.085))
        scale = (usable - node_r) / outer
        gap = _min_distance(em.nodes) * scale
        node_r = min(node_r, gap * 0.46)
        if node_r >= MIN_NODE_RADIUS or limit <= 1:
            break
        limit -= 1
    scale = (usable - node_r) / outer
    inner_gap = geometry.RING_RADIUS[Closeness.VERY_CLOSE] * scale - node_r - 4
    centre_r = max(14.0, min(58.0, max(22.0, geometry.CENTRE_RADIUS * scale), inner_gap))
    frame = MapFrame(cx, cy, scale, node_r, centre_r, [], [], em, None, [])

    shown_ids = {n.id for n in em.nodes}
    frame.not_shown = [r for r in rels if r.id not in shown_ids]
    for n in em.nodes:
        p = frame.to_px(n.x, n.y)
        frame.people.append(PlacedPerson(n, by_id[n.id], p.x(), p.y(), node_r))

    # sector titles just outside the outer ring, on each sector's middle ray
    occupied: list[QRectF] = []
    for s in em.sectors:
        text = group_title(s.group)
        w, h = sfm.horizontalAdvance(text) + 18, title_h
        a = math.radians(s.middle)
        ux, uy = math.cos(a), -math.sin(a)
        support = abs(ux) * w / 2 + abs(uy) * h / 2
        d = outer * scale + node_r + 6 + support
        rect = QRectF(cx + ux * d - w / 2, cy + uy * d - h / 2, w, h)
        rect = clamp(rect, area)
        frame.sectors.append(PlacedSector(s, rect))
        occupied.append(rect)

    if frame.not_shown:
        text = f"+{len(frame.not_shown)} more people"
        w, h = sfm.horizontalAdvance(text) + 22, title_h
        frame.more_rect = QRectF(area.right() - w - 10, area.bottom() - h - 4, w, h)
        occupied.append(frame.more_rect)

    _place_labels(frame, fm, area, occupied)
    return frame


def short_who(rel: Relationship) -> str:
    kind = rel.description.strip() or label(rel.relationship_type)
    return f"{rel.name.strip() or '(no name)'} ({kind})"


def _min_distance(nodes: list[geometry.MapNode]) -> float:
    best = math.inf
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            d = math.hypot(a.x - b.x, a.y - b.y)
            if d < best:
                best = d
    return best if best < math.inf else 1.0


def clamp(rect: QRectF, area: QRectF) -> QRectF:
    x = min(max(rect.left(), area.left() + 2), area.right() - rect.width() - 2)
    y = min(max(rect.top(), area.top() + 2), area.bottom() - rect.height() - 2)
    return QRectF(x, y, rect.width(), rect.height())


def _place_labels(frame: MapFrame, fm: QFontMetricsF, area: QRectF, occupied: list[QRectF]) -> None:
    """Give each person a name box that touches no other name, node or title.

    The most important people (not ended, there at 25, closest) get room first; a name that
    does not fit is shortened to the first name, then elided, then left to the tooltip.
    """
    circles = [QRectF(p.x - p.r - 1, p.y - p.r - 1, 2 * p.r + 2, 2 * p.r + 2) for p in frame.people]
    taken: list[QRectF] = list(occupied)
    max_w = max(48.0, min(140.0, frame.scale * 0.42))
    h = fm.height()
    order = sorted(
        range(len(frame.people)),
        key=lambda i: (
            frame.people[i].node.ended,
            not frame.people[i].node.there_at_25,
            list(geometry.RING_RADIUS).index(frame.people[i].node.closeness),
        ),
    )
    bounds = area.adjusted(2, 2, -2, -2)
    for i in order:
        person = frame.people[i]
        full = person.rel.name.strip() or "(no name)"
        candidates = [full]
        if first_name(full) != full:
            candidates.append(first_name(full))
        placed = False
        for text in candidates:
            w = min(max_w, fm.horizontalAdvance(text) + 2)
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, w)
            if shown in ("…", "") or len(shown) < 3:
                continue
            for rect, align in _label_spots(person, w, h):
                if not bounds.contains(rect):
                    continue
                if any(rect.intersects(o) for o in taken):
                    continue
                if any(rect.intersects(c) for j, c in enumerate(circles) if j != i):
                    continue
                person.label_rect, person.label_text, person.label_align = rect, shown, align
                taken.append(rect.adjusted(-2, -1, 2, 1))
                placed = True
                break
            if placed:
                break


def _label_spots(person: PlacedPerson, w: float, h: float) -> list[tuple[QRectF, Qt.AlignmentFlag]]:
    """Where a name may go, best first: as the shared layout suggests, then the other sides."""
    x, y, r = person.x, person.y, person.r
    below = (QRectF(x - w / 2, y + r + 2, w, h), Qt.AlignmentFlag.AlignHCenter)
    above = (QRectF(x - w / 2, y - r - 2 - h, w, h), Qt.AlignmentFlag.AlignHCenter)
    right = (QRectF(x + r + LABEL_GAP, y - h / 2, w, h), Qt.AlignmentFlag.AlignLeft)
    left = (QRectF(x - r - LABEL_GAP - w, y - h / 2, w, h), Qt.AlignmentFlag.AlignRight)
    anchor = person.node.label_anchor
    if anchor == "start":
        return [right, below, above, left]
    if anchor == "end":
        return [left, below, above, right]
    return [below, above, right, left]


__all__ = ["LABEL_GAP", "MAX_NODE_RADIUS", "MIN_NODE_RADIUS", "MapFrame", "PlacedPerson", "PlacedSector",
           "describe", "first_name", "group_title", "in_words", "initials", "layout_map", "legend_items",
           "legend_rects"]
