"""The relationship map: the people who matter to a young person, as a picture (an ecomap).

Where people go comes from :func:`pathway_app.export.geometry.ecomap_layout`, the same layout
the PDF draws, so the picture in the app and the one on paper match: the young person in the
middle, people on three rings by closeness (very close nearest), in four sectors by group.
This module only turns that unit-circle layout into pixels and paints it: soft colours per
group, initials in round nodes, names beside or under them, lines whose weight and dash show
how often they are in touch, a gold star for everyone who will be there at 25 (an outline star
for "maybe"), and ended relationships faded, grey and dashed.

Nodes shrink to keep apart when there are many people; if they would get too small, the map
shows fewer people (the most important first, as the PDF does) and a "+N more" chip. Names that
would touch another name or node are shortened to the first name, then left to the tooltip
(hovering a node always shows its name).

Signals:
    personActivated(str relationship_id): a person was clicked, or chosen with Enter/Space.
    addPersonRequested(): "Add a person" was pressed, or empty space double-clicked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QPushButton, QToolTip, QWidget

from ..domain.labels import label
from ..domain.model import Plan, Relationship
from ..domain.vocab import (
    RELATIONSHIP_GROUP,
    Closeness,
    ContactFrequency,
    PeopleGroup,
    RelationshipStatus,
    ThereAt25,
)
from ..domain import geometry
from .theme import is_dark, scaled_font

#: Hue of each group's soft colour (HSL degrees).
GROUP_HUE: dict[PeopleGroup, int] = {
    PeopleGroup.FAMILY: 14,  # warm coral
    PeopleGroup.FRIENDS: 145,  # mint green
    PeopleGroup.CARERS: 212,  # calm blue
    PeopleGroup.PROFESSIONALS: 272,  # lavender
}
STAR_GOLD = QColor("#f2b01e")
STAR_EDGE = QColor("#8a5a00")

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


def group_colours(group: PeopleGroup, dark: bool) -> tuple[QColor, QColor, QColor, QColor]:
    """(node fill, node edge / line, initials, sector tint) for a group, light or dark."""
    h = GROUP_HUE[group]
    if dark:
        fill = QColor.fromHslF(h / 360, 0.38, 0.34)
        edge = QColor.fromHslF(h / 360, 0.62, 0.70)
        text = QColor.fromHslF(h / 360, 0.70, 0.93)
        tint = QColor.fromHslF(h / 360, 0.35, 0.30, 0.30)
    else:
        fill = QColor.fromHslF(h / 360, 0.72, 0.87)
        edge = QColor.fromHslF(h / 360, 0.42, 0.46)
        text = QColor.fromHslF(h / 360, 0.55, 0.24)
        tint = QColor.fromHslF(h / 360, 0.75, 0.92, 0.55)
    return fill, edge, text, tint


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


def star_polygon(cx: float, cy: float, outer: float, inner_ratio: float = 0.45) -> QPolygonF:
    pts = []
    for i in range(10):
        rad = outer if i % 2 == 0 else outer * inner_ratio
        a = math.radians(-90 + i * 36)
        pts.append(QPointF(cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return QPolygonF(pts)


class RelationshipMapWidget(QWidget):
    """People who matter, as a picture. See the module docstring for what it shows.

    Signals:
        personActivated(str): the relationship id of the person clicked or chosen.
        addPersonRequested(): the user wants to add someone.
    """

    personActivated = Signal(str)
    addPersonRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._frame: MapFrame | None = None
        self._hover: str | None = None
        self._focus_index = -1
        self._pressed: str | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setMinimumSize(360, 320)
        self.setAccessibleName("Relationship map")
        self._add = QPushButton("Add a person", self)
        self._add.setObjectName("Primary")
        self._add.setAccessibleName("Add a person to the map")
        self._add.setToolTip("Add someone who matters (you can also double-click an empty space)")
        self._add.clicked.connect(self.addPersonRequested)
        self._update_text_alternative()

    # ------------------------------------------------------------------ public API

    def set_plan(self, plan: Plan | None) -> None:
        """Show ``plan``'s relationships (call again after they change)."""
        self._plan = plan
        self._frame = None
        self._hover = None
        self._focus_index = -1 if plan is None else min(self._focus_index, len(plan.relationships) - 1)
        self._update_text_alternative()
        self.update()

    def plan(self) -> Plan | None:
        return self._plan

    def frame(self) -> MapFrame:
        """The layout in widget pixels for the current size (worked out when needed)."""
        if self._frame is None:
            self._frame = self._layout()
        return self._frame

    def node_center(self, relationship_id: str) -> QPointF | None:
        """Where a person's node is drawn, in widget coordinates (None: not on the map)."""
        for p in self.frame().people:
            if p.id == relationship_id:
                return QPointF(p.x, p.y)
        return None

    def person_at(self, pos: QPointF) -> PlacedPerson | None:
        best, best_d = None, math.inf
        for p in self.frame().people:
            d = math.hypot(pos.x() - p.x, pos.y() - p.y)
            if d <= p.r + 2 and d < best_d:
                best, best_d = p, d
        return best

    def focused_person_id(self) -> str | None:
        people = self.frame().people
        if 0 <= self._focus_index < len(people):
            return people[self._focus_index].id
        return None

    def add_button(self) -> QPushButton:
        return self._add

    def text_alternative(self) -> str:
        """The map in words: everyone, who will be there at 25, by group (for screen readers)."""
        plan = self._plan
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
            out.append("Will be there at 25: " + "; ".join(_short_who(r) for r in yes) + ".")
        else:
            out.append("No one is marked yet as someone who will be there at 25.")
        if maybe:
            out.append("Maybe there at 25: " + "; ".join(_short_who(r) for r in maybe) + ".")
        for g in geometry.SECTOR_ORDER:
            members = [r for r in rels if RELATIONSHIP_GROUP.get(r.relationship_type) is g]
            if members:
                out.append(f"{group_title(g)}: " + "; ".join(describe(r) for r in members) + ".")
        return " ".join(out)

    # ------------------------------------------------------------------ layout

    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        return (
            scaled_font(self, 0.95),  # names
            scaled_font(self, 1.0, bold=True),  # initials (resized per node)
            scaled_font(self, 1.25, bold=True),  # title
            scaled_font(self, 0.9),  # legend, sector titles
        )

    def _header_height(self) -> float:
        fm = QFontMetricsF(self._fonts()[2])
        return max(fm.height(), self._add.sizeHint().height()) + 16

    def _legend_items(self) -> list[tuple[str, str]]:
        items = [("group:" + g.value, group_title(g)) for g in geometry.SECTOR_ORDER]
        if self.height() < 520:  # small: the essentials only
            return items + [("star", "There at 25"), ("maybe", "Maybe"), ("ended", "Ended")]
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

    def _legend_rects(self, width: float) -> tuple[list[tuple[str, str, QRectF]], float]:
        """Legend items flowed into lines across ``width``; returns the items and the height."""
        fm = QFontMetricsF(self._fonts()[3])
        line_h = fm.height() + 8
        swatch = 26.0
        x, y = 12.0, 0.0
        placed: list[tuple[str, str, QRectF]] = []
        for key, text in self._legend_items():
            w = swatch + 6 + fm.horizontalAdvance(text) + 16
            if x + w > width - 12 and x > 12:
                x, y = 12.0, y + line_h
            placed.append((key, text, QRectF(x, y, w, line_h)))
            x += w
        return placed, y + line_h + 8

    def _map_rect(self) -> QRectF:
        top = self._header_height()
        _items, legend_h = self._legend_rects(self.width())
        return QRectF(0, top, self.width(), max(40.0, self.height() - top - legend_h))

    def _layout(self) -> MapFrame:
        area = self._map_rect()
        name_font, _init_font, _title_font, small_font = self._fonts()
        fm = QFontMetricsF(name_font)
        sfm = QFontMetricsF(small_font)
        rels = list(self._plan.relationships) if self._plan else []
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
            rect = _clamp(rect, area)
            frame.sectors.append(PlacedSector(s, rect))
            occupied.append(rect)

        if frame.not_shown:
            text = f"+{len(frame.not_shown)} more people"
            w, h = sfm.horizontalAdvance(text) + 22, title_h
            frame.more_rect = QRectF(area.right() - w - 10, area.bottom() - h - 4, w, h)
            occupied.append(frame.more_rect)

        _place_labels(frame, fm, area, occupied)
        return frame

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        frame = self.frame()
        pal = self.palette()
        dark = is_dark(pal)
        text_col = pal.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_col)
        muted.setAlphaF(0.62)
        name_font, init_font, title_font, small_font = self._fonts()

        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))

        # header
        p.setFont(title_font)
        p.setPen(text_col)
        head = QRectF(14, 0, self.width() - self._add.width() - 36, self._header_height())
        p.drawText(head, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   QFontMetricsF(title_font).elidedText(self._title(), Qt.TextElideMode.ElideRight, head.width()))

        self._paint_sectors(p, frame, dark)
        self._paint_rings(p, frame, pal, dark)
        self._paint_lines(p, frame, pal, dark)
        self._paint_centre(p, frame, pal, dark)
        for i, person in enumerate(frame.people):
            self._paint_person(p, person, dark, pal, init_font, focused=(i == self._focus_index and self.hasFocus()))
        self._paint_labels(p, frame, name_font, text_col, muted)
        self._paint_sector_titles(p, frame, small_font, dark, text_col)
        if frame.more_rect is not None:
            self._paint_more(p, frame, small_font, pal, text_col)
        if not frame.people:
            self._paint_empty_hint(p, frame, name_font, muted)
        self._paint_hover_label(p, frame, name_font, pal, text_col)
        self._paint_legend(p, small_font, pal, dark, text_col)
        p.end()

    def _title(self) -> str:
        if self._plan is None:
            return "People who matter"
        who = self._plan.person.preferred_name.strip() or self._plan.person.given_name.strip()
        return f"People who matter to {who}" if who else "People who matter"

    def _paint_sectors(self, p: QPainter, f: MapFrame, dark: bool) -> None:
        r = (geometry.RING_RADIUS[Closeness.NOT_CLOSE]) * f.scale + f.node_r + 4
        box = QRectF(f.cx - r, f.cy - r, 2 * r, 2 * r)
        p.setPen(Qt.PenStyle.NoPen)
        for s in f.ecomap.sectors:
            tint = group_colours(s.group, dark)[3]
            path = QPainterPath()
            path.moveTo(f.cx, f.cy)
            path.arcTo(box, s.start, s.end - s.start)
            path.closeSubpath()
            p.setBrush(tint)
            p.drawPath(path)
        # sector boundaries
        edge = self.palette().color(QPalette.ColorRole.Base)
        p.setPen(QPen(edge, 2.5))
        for s in f.ecomap.sectors:
            a = math.radians(s.start)
            p.drawLine(QPointF(f.cx, f.cy), QPointF(f.cx + r * math.cos(a), f.cy - r * math.sin(a)))

    def _paint_rings(self, p: QPainter, f: MapFrame, pal: QPalette, dark: bool) -> None:
        ring = QColor(pal.color(QPalette.ColorRole.WindowText))
        ring.setAlphaF(0.16 if dark else 0.13)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(ring, 1.2, Qt.PenStyle.SolidLine))
        for rr in f.ecomap.rings:
            r = rr * f.scale
            p.drawEllipse(QPointF(f.cx, f.cy), r, r)

    def _paint_lines(self, p: QPainter, f: MapFrame, pal: QPalette, dark: bool) -> None:
        grey = QColor(pal.color(QPalette.ColorRole.WindowText))
        grey.setAlphaF(0.35)
        thin = f.node_r < 14
        for person in f.people:
            n = person.node
            colour = QColor(grey) if n.ended else QColor(group_colours(n.group, dark)[1])
            if not n.ended:
                colour.setAlphaF(0.78)
            width = max(0.8, n.line_width * (0.7 if thin else 1.0))
            pen = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap if not n.line_dash else Qt.PenCapStyle.FlatCap)
            if n.line_dash:
                pen.setDashPattern([max(0.5, d * 1.4 / width) for d in n.line_dash])
            p.setPen(pen)
            dx, dy = person.x - f.cx, person.y - f.cy
            d = math.hypot(dx, dy) or 1.0
            a = QPointF(f.cx + dx / d * f.centre_r, f.cy + dy / d * f.centre_r)
            b = QPointF(person.x - dx / d * person.r, person.y - dy / d * person.r)
            if d > f.centre_r + person.r:
                p.drawLine(a, b)

    def _paint_centre(self, p: QPainter, f: MapFrame, pal: QPalette, dark: bool) -> None:
        fill = QColor.fromHslF(44 / 360, 0.55, 0.30) if dark else QColor.fromHslF(44 / 360, 0.95, 0.86)
        edge = QColor.fromHslF(40 / 360, 0.80, 0.62) if dark else QColor.fromHslF(38 / 360, 0.70, 0.50)
        p.setPen(QPen(edge, 2.5))
        p.setBrush(fill)
        p.drawEllipse(QPointF(f.cx, f.cy), f.centre_r, f.centre_r)
        name = ""
        if self._plan is not None:
            name = self._plan.person.preferred_name.strip() or self._plan.person.given_name.strip()
        name = name or "Me"
        font = scaled_font(self, 1.15, bold=True)
        fm = QFontMetricsF(font)
        room = f.centre_r * 1.7
        while fm.horizontalAdvance(name) > room and font.pointSizeF() > 7:
            font.setPointSizeF(font.pointSizeF() - 0.5)
            fm = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(pal.color(QPalette.ColorRole.WindowText) if dark else QColor.fromHslF(30 / 360, 0.6, 0.2))
        rect = QRectF(f.cx - f.centre_r, f.cy - f.centre_r, 2 * f.centre_r, 2 * f.centre_r)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, fm.elidedText(name, Qt.TextElideMode.ElideRight, room))

    def _paint_person(self, p: QPainter, person: PlacedPerson, dark: bool, pal: QPalette,
                      init_font: QFont, focused: bool) -> None:
        n = person.node
        fill, edge, text, _tint = group_colours(n.group, dark)
        c = QPointF(person.x, person.y)
        r = person.r
        hovered = person.id == self._hover
        if n.ended:
            fill = QColor(pal.color(QPalette.ColorRole.Mid))
            fill.setAlphaF(0.45)
            edge = QColor(pal.color(QPalette.ColorRole.WindowText))
            edge.setAlphaF(0.45)
            text = QColor(edge)
        if hovered or focused:
            halo = QColor(pal.color(QPalette.ColorRole.Highlight))
            halo.setAlphaF(0.30 if hovered and not focused else 0.55)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(halo)
            p.drawEllipse(c, r + 5, r + 5)
        pen = QPen(edge, 2.0 if not hovered else 2.6)
        if n.ended or person.rel.status is RelationshipStatus.ENDING:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawEllipse(c, r, r)
        if focused:
            fpen = QPen(pal.color(QPalette.ColorRole.Highlight), 2.0)
            p.setPen(fpen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, r + 4, r + 4)
        # initials
        f = QFont(init_font)
        f.setPixelSize(max(7, int(r * 0.78)))
        p.setFont(f)
        p.setPen(text)
        p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                   initials(person.rel.name))
        # there at 25
        if n.there_at_25 or n.maybe_at_25:
            s = max(5.0, r * 0.48)
            sx, sy = c.x() + r * 0.74, c.y() - r * 0.74
            poly = star_polygon(sx, sy, s)
            if n.there_at_25:
                p.setPen(QPen(STAR_EDGE if not dark else QColor("#3b2a00"), 1.0))
                p.setBrush(STAR_GOLD)
            else:
                p.setPen(QPen(STAR_GOLD, 1.6))
                p.setBrush(pal.color(QPalette.ColorRole.Base))
            p.drawPolygon(poly)

    def _paint_labels(self, p: QPainter, f: MapFrame, font: QFont, text: QColor, muted: QColor) -> None:
        halo = QColor(self.palette().color(QPalette.ColorRole.Base))
        halo.setAlphaF(0.78)
        for person in f.people:
            if person.label_rect is None or person.id == self._hover:
                continue
            ff = QFont(font)
            if person.node.ended:
                ff.setItalic(True)
            p.setFont(ff)
            fm = QFontMetricsF(ff)
            tw = min(person.label_rect.width(), fm.horizontalAdvance(person.label_text))
            r = person.label_rect
            if person.label_align == Qt.AlignmentFlag.AlignLeft:
                bg = QRectF(r.left() - 2, r.top(), tw + 4, r.height())
            elif person.label_align == Qt.AlignmentFlag.AlignRight:
                bg = QRectF(r.right() - tw - 2, r.top(), tw + 4, r.height())
            else:
                bg = QRectF(r.center().x() - tw / 2 - 2, r.top(), tw + 4, r.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(halo)
            p.drawRoundedRect(bg, 4, 4)
            p.setPen(muted if person.node.ended else text)
            p.drawText(r, person.label_align | Qt.AlignmentFlag.AlignVCenter, person.label_text)

    def _paint_hover_label(self, p: QPainter, f: MapFrame, font: QFont, pal: QPalette, text: QColor) -> None:
        person = next((x for x in f.people if x.id == self._hover), None)
        if person is None:
            return
        fm = QFontMetricsF(font)
        name = person.rel.name.strip() or "(no name)"
        w, h = fm.horizontalAdvance(name) + 14, fm.height() + 6
        rect = QRectF(person.x - w / 2, person.y + person.r + 4, w, h)
        rect = _clamp(rect, QRectF(self.rect()))
        bg = QColor(pal.color(QPalette.ColorRole.ToolTipBase))
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.setBrush(bg)
        p.drawRoundedRect(rect, 6, 6)
        p.setFont(font)
        p.setPen(pal.color(QPalette.ColorRole.ToolTipText))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_sector_titles(self, p: QPainter, f: MapFrame, font: QFont, dark: bool, text: QColor) -> None:
        p.setFont(font)
        for ps in f.sectors:
            fill, edge, tcol, _tint = group_colours(ps.sector.group, dark)
            p.setPen(QPen(edge, 1.2))
            p.setBrush(fill)
            p.drawRoundedRect(ps.title_rect, ps.title_rect.height() / 2, ps.title_rect.height() / 2)
            p.setPen(tcol)
            p.drawText(ps.title_rect, Qt.AlignmentFlag.AlignCenter, group_title(ps.sector.group))

    def _paint_more(self, p: QPainter, f: MapFrame, font: QFont, pal: QPalette, text: QColor) -> None:
        rect = f.more_rect
        assert rect is not None
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1.2))
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        p.setFont(font)
        p.setPen(text)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{len(f.not_shown)} more people")

    def _paint_empty_hint(self, p: QPainter, f: MapFrame, font: QFont, muted: QColor) -> None:
        p.setFont(font)
        p.setPen(muted)
        w = min(self.width() - 40.0, 360.0)
        rect = QRectF(f.cx - w / 2, f.cy + f.centre_r + 16, w, 60)
        p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                   "No one here yet. Start with the people who matter most: press “Add a person”.")

    def _paint_legend(self, p: QPainter, font: QFont, pal: QPalette, dark: bool, text: QColor) -> None:
        items, h = self._legend_rects(self.width())
        top = self.height() - h
        sep = QColor(pal.color(QPalette.ColorRole.Mid))
        p.setPen(QPen(sep, 1))
        p.drawLine(QPointF(10, top), QPointF(self.width() - 10, top))
        p.setFont(font)
        grey = QColor(text)
        grey.setAlphaF(0.4)
        for key, words, rect in items:
            r = rect.translated(0, top + 4)
            sw = QRectF(r.left(), r.top(), 26, r.height())
            mid = sw.center()
            p.setBrush(Qt.BrushStyle.NoBrush)
            if key.startswith("group:"):
                g = PeopleGroup(key.split(":", 1)[1])
                fill, edge, _t, _tint = group_colours(g, dark)
                p.setPen(QPen(edge, 1.5))
                p.setBrush(fill)
                p.drawEllipse(mid, 8, 8)
            elif key in ("star", "maybe"):
                poly = star_polygon(mid.x(), mid.y(), 8)
                if key == "star":
                    p.setPen(QPen(STAR_EDGE, 1.0))
                    p.setBrush(STAR_GOLD)
                else:
                    p.setPen(QPen(STAR_GOLD, 1.6))
                    p.setBrush(pal.color(QPalette.ColorRole.Base))
                p.drawPolygon(poly)
            elif key.startswith("line:"):
                freq = ContactFrequency(key.split(":", 1)[1])
                width = geometry.LINE_WIDTH[freq]
                dash = geometry.LINE_DASH[freq]
                pen = QPen(text, width)
                if dash:
                    pen.setDashPattern([max(0.5, d * 1.4 / width) for d in dash])
                p.setPen(pen)
                p.drawLine(QPointF(sw.left() + 1, mid.y()), QPointF(sw.right() - 1, mid.y()))
            elif key == "ended":
                pen = QPen(grey, 1.5, Qt.PenStyle.DashLine)
                p.setPen(pen)
                fill = QColor(pal.color(QPalette.ColorRole.Mid))
                fill.setAlphaF(0.45)
                p.setBrush(fill)
                p.drawEllipse(mid, 8, 8)
            elif key == "rings":
                ring = QColor(text)
                ring.setAlphaF(0.45)
                p.setPen(QPen(ring, 1))
                for rr in (3.0, 6.5, 10.0):
                    p.drawEllipse(mid, rr, rr)
            p.setPen(text)
            p.drawText(QRectF(sw.right() + 6, r.top(), r.width() - 32, r.height()),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, words)

    # ------------------------------------------------------------------ events

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 680)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 320)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._frame = None
        self._place_button()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._frame = None
            self._place_button()
            self.update()
        super().changeEvent(event)

    def _place_button(self) -> None:
        hint = self._add.sizeHint()
        h = self._header_height()
        self._add.setGeometry(self.width() - hint.width() - 12, int((h - hint.height()) / 2), hint.width(), hint.height())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            pos = QPointF(event.pos())
            tip = self.tooltip_at(pos)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        person = self.person_at(pos)
        if person is not None:
            return describe(person.rel).replace(", ", "\n", 1)
        f = self.frame()
        if f.more_rect is not None and f.more_rect.contains(pos):
            names = [r.name.strip() or "(no name)" for r in f.not_shown]
            shown = ", ".join(names[:25]) + (" …" if len(names) > 25 else "")
            return f"{len(names)} more people, not drawn so the map stays readable:\n{shown}"
        for ps in f.sectors:
            if ps.title_rect.contains(pos):
                return f"{group_title(ps.sector.group)}: {ps.sector.count} on the map"
        if math.hypot(pos.x() - f.cx, pos.y() - f.cy) <= f.centre_r:
            return self._title().replace("People who matter to ", "") or "The young person"
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        person = self.person_at(event.position())
        hover = person.id if person else None
        if hover != self._hover:
            self._hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self._hover is not None:
            self._hover = None
            self.unsetCursor()
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            person = self.person_at(event.position())
            self._pressed = person.id if person else None
            if person is not None:
                self._focus_index = self.frame().people.index(person)
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._pressed:
            person = self.person_at(event.position())
            pressed, self._pressed = self._pressed, None
            if person is not None and person.id == pressed:
                self.personActivated.emit(person.id)
                return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position()
            f = self.frame()
            on_chip = f.more_rect is not None and f.more_rect.contains(pos)
            if self.person_at(pos) is None and not on_chip:
                self.addPersonRequested.emit()
                return
        super().mouseDoubleClickEvent(event)

    # keyboard: Tab / arrows move between people, Enter or Space opens the person

    def focusInEvent(self, event) -> None:  # noqa: N802
        people = self.frame().people
        reason = event.reason()
        if people and reason == Qt.FocusReason.BacktabFocusReason:
            self._set_focus_index(len(people) - 1)
        elif people and reason == Qt.FocusReason.TabFocusReason:
            self._set_focus_index(0)
        elif people and not 0 <= self._focus_index < len(people):
            self._set_focus_index(0)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.setAccessibleName("Relationship map")
        super().focusOutEvent(event)
        self.update()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        if self.hasFocus():
            people = self.frame().people
            i = self._focus_index + (1 if next else -1)
            if 0 <= i < len(people):
                self._set_focus_index(i)
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        people = self.frame().people
        key = event.key()
        K = Qt.Key
        if not people:
            super().keyPressEvent(event)
            return
        if key in (K.Key_Right, K.Key_Down):
            self._set_focus_index((self._focus_index + 1) % len(people))
        elif key in (K.Key_Left, K.Key_Up):
            self._set_focus_index((self._focus_index - 1) % len(people) if self._focus_index >= 0 else len(people) - 1)
        elif key == K.Key_Home:
            self._set_focus_index(0)
        elif key == K.Key_End:
            self._set_focus_index(len(people) - 1)
        elif key in (K.Key_Return, K.Key_Enter, K.Key_Space):
            pid = self.focused_person_id()
            if pid is None:
                self._set_focus_index(0)
            else:
                self.personActivated.emit(pid)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _set_focus_index(self, i: int) -> None:
        people = self.frame().people
        self._focus_index = i
        if 0 <= i < len(people):
            self.setAccessibleName(f"Relationship map: {describe(people[i].rel)}")
        self.update()

    def _update_text_alternative(self) -> None:
        self.setAccessibleDescription(self.text_alternative())


# ---------------------------------------------------------------------- helpers


def _short_who(rel: Relationship) -> str:
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


def _clamp(rect: QRectF, area: QRectF) -> QRectF:
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
