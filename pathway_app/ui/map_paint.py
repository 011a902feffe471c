"""Painting the relationship map: soft colours per group, initials in round nodes, names,
lines whose weight and dash show how often they are in touch, a gold star for everyone who
will be there at 25 (an outline star for "maybe"), and ended relationships faded, grey and
dashed. Colours follow the palette, light or dark.

:class:`MapPainter` paints a :class:`~.map_layout.MapFrame` worked out by :mod:`.map_layout`;
the widget (:mod:`.map_view`) makes one for each paint event.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from ..domain import geometry
from ..domain.vocab import Closeness, ContactFrequency, PeopleGroup, RelationshipStatus
from .map_layout import MapFrame, PlacedPerson, clamp, group_title, initials
from .theme import is_dark

#: Hue of each group's soft colour (HSL degrees).
GROUP_HUE: dict[PeopleGroup, int] = {
    PeopleGroup.FAMILY: 14,  # warm coral
    PeopleGroup.FRIENDS: 145,  # mint green
    PeopleGroup.CARERS: 212,  # calm blue
    PeopleGroup.PROFESSIONALS: 272,  # lavender
}
STAR_GOLD = QColor("#f2b01e")
STAR_EDGE = QColor("#8a5a00")


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



def star_polygon(cx: float, cy: float, outer: float, inner_ratio: float = 0.45) -> QPolygonF:
    pts = []
    for i in range(10):
        rad = outer if i % 2 == 0 else outer * inner_ratio
        a = math.radians(-90 + i * 36)
        pts.append(QPointF(cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return QPolygonF(pts)

class MapFonts(NamedTuple):
    """The fonts of the map, scaled from the widget's own font."""

    names: QFont
    initials: QFont  # resized per node
    title: QFont
    small: QFont  # legend, sector titles, the "+N more" chip
    centre: QFont  # the young person's name in the middle


class MapPainter:
    """Paints the map into a ``width`` × ``height`` widget.

    ``hover`` is the person under the mouse, ``focus_index`` the person chosen with the
    keyboard (-1: none, or the widget has no focus), ``centre_name`` the young person's name,
    ``legend`` the legend entries placed by :func:`~.map_layout.legend_rects`.
    """

    def __init__(self, pal: QPalette, fonts: MapFonts, width: float, height: float, *, hover: str | None,
                 focus_index: int, centre_name: str, legend: tuple[list[tuple[str, str, QRectF]], float]):
        self.pal = pal
        self.fonts = fonts
        self.width = width
        self.height = height
        self.hover = hover
        self.focus_index = focus_index
        self.centre_name = centre_name
        self.legend = legend

    def paint(self, p: QPainter, frame: MapFrame, title: str, title_rect: QRectF) -> None:
        pal = self.pal
        dark = is_dark(pal)
        text_col = pal.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_col)
        muted.setAlphaF(0.62)
        fonts = self.fonts
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.fillRect(QRectF(0, 0, self.width, self.height), pal.color(QPalette.ColorRole.Base))

        # header
        p.setFont(fonts.title)
        p.setPen(text_col)
        p.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   QFontMetricsF(fonts.title).elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width()))

        self._paint_sectors(p, frame, dark)
        self._paint_rings(p, frame, pal, dark)
        self._paint_lines(p, frame, pal, dark)
        self._paint_centre(p, frame, pal, dark)
        for i, person in enumerate(frame.people):
            self._paint_person(p, person, dark, pal, fonts.initials, focused=(i == self.focus_index))
        self._paint_labels(p, frame, fonts.names, text_col, muted)
        self._paint_sector_titles(p, frame, fonts.small, dark, text_col)
        if frame.more_rect is not None:
            self._paint_more(p, frame, fonts.small, pal, text_col)
        if not frame.people:
            self._paint_empty_hint(p, frame, fonts.names, muted)
        self._paint_hover_label(p, frame, fonts.names, pal, text_col)
        self._paint_legend(p, fonts.small, pal, dark, text_col)

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
        edge = self.pal.color(QPalette.ColorRole.Base)
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
        name = self.centre_name or "Me"
        font = QFont(self.fonts.centre)
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
        hovered = person.id == self.hover
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
        halo = QColor(self.pal.color(QPalette.ColorRole.Base))
        halo.setAlphaF(0.78)
        for person in f.people:
            if person.label_rect is None or person.id == self.hover:
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
        person = next((x for x in f.people if x.id == self.hover), None)
        if person is None:
            return
        fm = QFontMetricsF(font)
        name = person.rel.name.strip() or "(no name)"
        w, h = fm.horizontalAdvance(name) + 14, fm.height() + 6
        rect = QRectF(person.x - w / 2, person.y + person.r + 4, w, h)
        rect = clamp(rect, QRectF(0, 0, self.width, self.height))
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
        w = min(self.width - 40.0, 360.0)
        rect = QRectF(f.cx - w / 2, f.cy + f.centre_r + 16, w, 60)
        p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                   "No one here yet. Start with the people who matter most: press “Add a person”.")

    def _paint_legend(self, p: QPainter, font: QFont, pal: QPalette, dark: bool, text: QColor) -> None:
        items, h = self.legend
        top = self.height - h
        sep = QColor(pal.color(QPalette.ColorRole.Mid))
        p.setPen(QPen(sep, 1))
        p.drawLine(QPointF(10, top), QPointF(self.width - 10, top))
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


__all__ = ["GROUP_HUE", "MapFonts", "MapPainter", "STAR_EDGE", "STAR_GOLD", "group_colours", "star_polygon"]
