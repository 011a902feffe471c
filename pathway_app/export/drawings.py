"""The pictures, as reportlab vector graphics: the relationship map and the 16-to-25 timeline.

Positions come from :mod:`pathway_app.domain.geometry` (shared with the app's widget); this
module only decides colours, sizes and how text is drawn. Names and labels are drawn by
:func:`pathway_app.export.text.draw_on_canvas` (:class:`RichString`), so a name in any script
is drawn in its own font, shaped and in bidi order, and a character no font has becomes a
visible code.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, DirectDraw, Drawing, Line, Polygon, Rect, String, Wedge
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain import geometry
from ..domain.labels import label
from ..domain.vocab import ContactFrequency, PeopleGroup, RelationshipStatus
from . import text
from .theme import Theme

GROUP_COLOURS = {
    PeopleGroup.FAMILY: ("#e07a3f", "#fde9dc"),  # (node, sector tint)
    PeopleGroup.FRIENDS: ("#3f9a6b", "#e1f3e8"),
    PeopleGroup.CARERS: ("#8a5cc2", "#eee6f8"),
    PeopleGroup.PROFESSIONALS: ("#2f7fb5", "#e0eef8"),
}
ENDED_GREY = colors.HexColor("#9a9a9a")
STAR_GOLD = colors.HexColor("#f2b705")
STAR_EDGE = colors.HexColor("#9c7400")


# --------------------------------------------------------------------------- text in drawings


def text_width(s: str, size: float, bold: bool = False) -> float:
    return text.text_width(s, size, bold=bold)


class RichString(DirectDraw):
    """``s`` drawn at (x, y) by :func:`pathway_app.export.text.draw_on_canvas`: each script in
    its own font, shaped, in bidi order, with codes for missing characters."""

    def __init__(self, x: float, y: float, s: str, size: float, colour, anchor: str = "start", bold: bool = False):
        super().__init__()
        self.x, self.y, self.text, self.size = x, y, s, size
        self.colour, self.anchor, self.bold = colour, anchor, bold

    def drawDirectly(self, renderer):
        text.draw_on_canvas(renderer._canvas, self.x, self.y, self.text, self.size, self.colour,
                            bold=self.bold, anchor=self.anchor)

    def getBounds(self):
        w = text_width(self.text, self.size, self.bold)
        x0 = self.x - (w if self.anchor == "end" else w / 2 if self.anchor == "middle" else 0)
        return (x0, self.y - 0.25 * self.size, x0 + w, self.y + self.size)


def rich_string(x: float, y: float, s: str, size: float, colour, anchor: str = "start", bold: bool = False) -> RichString:
    return RichString(x, y, s, size, colour, anchor, bold)


def _fit(s: str, size: float, max_w: float) -> str:
    s = " ".join(s.split())
    if text_width(s, size) <= max_w:
        return s
    g = text.graphemes(s)  # never cut a letter from its marks
    while g and text_width("".join(g) + "…", size) > max_w:
        g.pop()
    return "".join(g).rstrip() + "…"


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    # start in an embedded font (the default, Helvetica, would be listed in the PDF unembedded)
    d.initialFontName = text.font_name("sans")
    return d


def star(cx: float, cy: float, r: float, fill=STAR_GOLD, stroke=STAR_EDGE) -> Polygon:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.45
        a = math.radians(90 + i * 36)
        pts += [cx + rad * math.cos(a), cy + rad * math.sin(a)]
    return Polygon(pts, fillColor=fill, strokeColor=stroke, strokeWidth=0.5)


# --------------------------------------------------------------------------- relationship map


#: Type sizes in the pictures: never under 8 pt (they are read on paper).
LABEL_SIZE = 8.5
SECTOR_SIZE = 8.0
LEGEND_SIZE = 8.0


def ecomap_drawing(spec, width: float, theme: Theme) -> Drawing:
    """The relationship map ``width`` points wide, with its legend underneath.

    ``spec`` is a :class:`~pathway_app.export.model.MapSpec`. Every name is placed where it
    overlaps nothing and is never cut short (:func:`pathway_app.domain.geometry.ecomap_layout`
    with these type sizes); people who cannot fit are counted under the map.
    """
    label_room = 78.0
    r_px = min((width - 2 * label_room) / 2, 170.0)
    map_h = 2 * r_px + 70
    legend_h = 62
    note_h = 16
    bold = text.font_name("sans", bold=True)
    metrics = geometry.LabelMetrics(
        measure=lambda s: text_width(s, LABEL_SIZE) / r_px,
        line_height=LABEL_SIZE * 1.2 / r_px,
        bounds=(width / 2 / r_px, map_h / 2 / r_px),
        max_width=118 / r_px,
        sector_label_width=lambda s: stringWidth(s, bold, SECTOR_SIZE) / r_px,
    )
    sector_names = {g: label(g).upper() for g in geometry.SECTOR_ORDER}
    m = geometry.ecomap_layout(spec.people, labels=metrics, sector_names=sector_names)
    d = _drawing(width, map_h + legend_h + note_h)
    cx, cy = width / 2, legend_h + note_h + map_h / 2
    ink = colors.HexColor(theme.ink)

    def at(x: float, y: float) -> tuple[float, float]:
        return cx + x * r_px, cy + y * r_px

    # sector tints and dividers
    for sec in m.sectors:
        tint = colors.HexColor(GROUP_COLOURS[sec.group][1])
        d.add(Wedge(cx, cy, r_px * 1.0, sec.start, sec.end, fillColor=tint, strokeColor=None))
    for rad in sorted(m.rings, reverse=True):
        d.add(Circle(cx, cy, rad * r_px, fillColor=None, strokeColor=colors.HexColor("#d9cfc4"), strokeWidth=0.7, strokeDashArray=(2, 2)))
    for sec in m.sectors:
        a = math.radians(sec.start)
        d.add(Line(cx, cy, cx + r_px * math.cos(a), cy + r_px * math.sin(a), strokeColor=colors.white, strokeWidth=2))
    for sl in m.sector_labels:
        lx, ly = at(sl.x, sl.y)
        col = colors.HexColor(GROUP_COLOURS[sl.group][0])
        d.add(String(lx, ly, sector_names[sl.group], fontName=bold, fontSize=SECTOR_SIZE, fillColor=col, textAnchor=sl.anchor))

    # lines first, then people on top
    for n in m.nodes:
        x, y = at(n.x, n.y)
        # start the line at the edge of the centre disc
        ux, uy = n.x / n.radius, n.y / n.radius
        sx, sy = cx + ux * geometry.CENTRE_RADIUS * r_px, cy + uy * geometry.CENTRE_RADIUS * r_px
        col = ENDED_GREY if n.ended else colors.HexColor(GROUP_COLOURS[n.group][0])
        ln = Line(sx, sy, x, y, strokeColor=col, strokeWidth=n.line_width, strokeLineCap=1)
        if n.line_dash:
            ln.strokeDashArray = list(n.line_dash)
        d.add(ln)
    node_r = geometry.NODE_RADIUS * r_px
    for n in m.nodes:
        x, y = at(n.x, n.y)
        fill = colors.HexColor("#eeeeee") if n.ended else colors.HexColor(GROUP_COLOURS[n.group][0])
        c = Circle(x, y, node_r, fillColor=fill, strokeColor=ENDED_GREY if n.ended else colors.white, strokeWidth=1.2)
        if n.ended:
            c.strokeDashArray = [2, 1.5]
        d.add(c)
        initial = next((ch for ch in n.name.strip() if ch.isalnum()), "?")
        if text.script_of(initial) == "latin" or initial.isdigit():
            d.add(String(x, y - 3, initial.upper(), fontName=bold, fontSize=8, fillColor=ENDED_GREY if n.ended else colors.white, textAnchor="middle"))
        if n.there_at_25 or n.maybe_at_25:
            sx, sy = x + node_r * 0.8, y + node_r * 0.8
            d.add(star(sx, sy, 5.2, fill=STAR_GOLD if n.there_at_25 else colors.white))
        # the name where the layout found room for it, whole
        lx, ly = at(n.label_x, n.label_y)
        for i, line in enumerate(n.label_lines):
            d.add(rich_string(lx, ly - i * LABEL_SIZE * 1.2, line, LABEL_SIZE, ENDED_GREY if n.ended else ink, n.label_anchor))

    # the young person at the centre
    d.add(Circle(cx, cy, geometry.CENTRE_RADIUS * r_px, fillColor=colors.HexColor(theme.accent), strokeColor=colors.white, strokeWidth=2))
    cname = _fit(spec.centre, 9, geometry.CENTRE_RADIUS * r_px * 1.9)
    d.add(rich_string(cx, cy - 3, cname, 9, colors.white, "middle", bold=True))

    if m.not_shown:
        more = (f"and {m.not_shown} more {'people' if m.not_shown != 1 else 'person'}, listed in the table "
                "(there is not room for every name on the map)")
        d.add(String(width / 2, legend_h + 4, more, fontName=text.font_name("sans"), fontSize=LEGEND_SIZE,
                     fillColor=colors.HexColor(theme.muted), textAnchor="middle"))
    _legend(d, width, theme)
    return d


def _legend(d: Drawing, width: float, theme: Theme) -> None:
    """Line weights, stars and group colours, laid out by measured width so nothing overlaps."""
    ink = colors.HexColor(theme.ink)
    f = text.font_name("sans")
    fs = LEGEND_SIZE
    d.add(Rect(0, 0, width, 54, rx=6, ry=6, fillColor=colors.HexColor("#faf6f1"), strokeColor=colors.HexColor("#e8dfd4"), strokeWidth=0.6))
    lines: list[tuple[str, float, tuple[float, ...], object]] = [
        (label(fq), geometry.LINE_WIDTH[fq], geometry.LINE_DASH[fq], ink)
        for fq in (ContactFrequency.DAILY, ContactFrequency.WEEKLY, ContactFrequency.MONTHLY, ContactFrequency.FEW_TIMES_A_YEAR, ContactFrequency.RARELY)
    ]
    lines.append((label(RelationshipStatus.ENDED), 1.0, geometry.ENDED_DASH, ENDED_GREY))
    widths = [20 + 4 + stringWidth(t, f, fs) for t, *_ in lines]
    gap = max(8.0, (width - 20 - sum(widths)) / (len(lines) - 1))
    x, y = 10.0, 35.0
    for (words, lw, dash, col), w in zip(lines, widths):
        ln = Line(x, y + 2.5, x + 20, y + 2.5, strokeColor=col, strokeWidth=lw)
        if dash:
            ln.strokeDashArray = list(dash)
        d.add(ln)
        d.add(String(x + 24, y, words, fontName=f, fontSize=fs, fillColor=ink))
        x += w + gap
    items: list[tuple[str, object]] = [("There at 25", "star"), ("Maybe at 25", "hollow")]
    items += [(label(g), colors.HexColor(GROUP_COLOURS[g][0])) for g in geometry.SECTOR_ORDER]
    widths = [14 + stringWidth(t, f, fs) for t, _ in items]
    gap = max(8.0, (width - 20 - sum(widths)) / (len(items) - 1))
    x, y = 10.0, 12.0
    for (words, mark), w in zip(items, widths):
        if mark == "star":
            d.add(star(x + 5, y + 2.5, 5))
        elif mark == "hollow":
            d.add(star(x + 5, y + 2.5, 5, fill=colors.white))
        else:
            d.add(Circle(x + 4, y + 2.5, 4, fillColor=mark, strokeColor=None))
        d.add(String(x + 14, y, words, fontName=f, fontSize=fs, fillColor=ink))
        x += w + gap


# --------------------------------------------------------------------------- timeline

KIND_COLOURS = {
    "review": "#2f7fb5",
    "review_held": "#9a9a9a",
    "assessment": "#b3261e",
    "move": "#e07a3f",
    "staying_put": "#8a5cc2",
    "pa_support": "#1f7a74",
    "action": "#3f9a6b",
}
KEY_AGES = (16, 18, 21, 25)


def timeline_drawing(spec, width: float, theme: Theme) -> Drawing:
    """The 16-to-25 timeline, ``width`` points wide; its height follows the labels."""
    size = LABEL_SIZE
    level_h = size * 1.75
    bold = text.font_name("sans", bold=True)
    regular = text.font_name("sans")
    inset = 14.0
    axis_w = width - 2 * inset

    def lab(e: geometry.TimelineEvent) -> str:
        return f"{e.label} · {e.when.day} {e.when:%b %Y}"

    events = [geometry.TimelineEvent(e.when, lab(e), e.kind) if e.kind != "review_held" else e for e in spec.events]
    tl = geometry.timeline_layout(
        spec.birthdays, events, spec.today, width=axis_w, measure=lambda s: text_width(s, size)
    )
    above = max(tl.levels_above, 1)
    below = max(tl.levels_below, 1)
    top_pad, bottom_pad = 16.0, 10.0
    axis_y = bottom_pad + 26 + below * level_h
    height = axis_y + above * level_h + top_pad + 8
    d = _drawing(width, height)
    ink = colors.HexColor(theme.ink)
    muted = colors.HexColor(theme.muted)

    def x_of(x: float) -> float:
        return inset + x * axis_w

    # years as soft bands, with the age under each birthday
    ticks = tl.ticks
    for i, t in enumerate(ticks[:-1]):
        if i % 2 == 0:
            d.add(Rect(x_of(t.x), axis_y - 5, x_of(ticks[i + 1].x) - x_of(t.x), 10, fillColor=colors.HexColor("#f6efe6"), strokeColor=None))
    d.add(Line(x_of(0), axis_y, x_of(1), axis_y, strokeColor=colors.HexColor(theme.accent), strokeWidth=2.2, strokeLineCap=1))
    for t in ticks:
        key = t.age in KEY_AGES
        d.add(Line(x_of(t.x), axis_y - (7 if key else 4), x_of(t.x), axis_y + (7 if key else 4), strokeColor=ink, strokeWidth=1.2 if key else 0.6))
        d.add(String(x_of(t.x), axis_y - 20 - below * level_h, str(t.age), fontName=bold if key else regular, fontSize=9.5 if key else 8, fillColor=ink if key else muted, textAnchor="middle"))
    d.add(String(x_of(0), bottom_pad - 6, "Age", fontName=regular, fontSize=LEGEND_SIZE, fillColor=muted, textAnchor="start"))

    # today
    if tl.today_x is not None:
        tx = x_of(tl.today_x)
        d.add(Line(tx, axis_y - below * level_h - 8, tx, axis_y + above * level_h + 6, strokeColor=colors.HexColor("#d1495b"), strokeWidth=1.2))
        d.add(String(tx, height - 10, "Today", fontName=bold, fontSize=LABEL_SIZE, fillColor=colors.HexColor("#d1495b"), textAnchor="middle"))

    # Two passes: every leader line and dot first, then every label on its paper-coloured box,
    # so no line (another event's leader, or "today") ever runs through the words of a label.
    labels = []
    for pe in tl.events:
        x = x_of(pe.x)
        col = colors.HexColor(KIND_COLOURS.get(pe.event.kind, theme.accent))
        if not pe.labelled:
            d.add(Circle(x, axis_y, 1.8, fillColor=col, strokeColor=None))
            continue
        if pe.event.kind == "review_held":
            d.add(Circle(x, axis_y, 2.4, fillColor=col, strokeColor=colors.white, strokeWidth=0.5))
            continue
        sign = 1 if pe.above else -1
        base = axis_y + sign * (level_h * (pe.level + 1)) + (0 if pe.above else -3)
        d.add(Line(x, axis_y, x, base + (-1 if pe.above else size), strokeColor=col, strokeWidth=0.7))
        d.add(Circle(x, axis_y, 3.2, fillColor=col, strokeColor=colors.white, strokeWidth=0.8))
        labels.append((x, base, pe.event.label))
    for x, base, words in labels:
        w = text_width(words, size)
        left = min(max(x - w / 2, 0.0), width - w)
        d.add(Rect(left - 2, base - 2.2, w + 4, size + 2.6, fillColor=colors.white, strokeColor=None))
        d.add(rich_string(left, base, words, size, ink, "start"))
    notes = []
    if tl.unlabelled_actions:
        notes.append(f"small green dots: {tl.unlabelled_actions} actions due")
    if tl.crowded:
        notes.append(f"{tl.crowded} more {'dates' if tl.crowded != 1 else 'date'} without room for words")
    if notes:
        words = "; ".join(notes) + " (all listed in the key dates)"
        d.add(String(width, bottom_pad - 6, words[0].upper() + words[1:], fontName=regular, fontSize=LEGEND_SIZE,
                     fillColor=muted, textAnchor="end"))
    return d

