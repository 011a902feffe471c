"""The timeline: the road from the 16th to the 25th birthday, with what happens along it.

Where things go comes from :func:`pathway_app.domain.geometry.timeline_layout`, the same
layout the PDF draws. The road is marked with every birthday (16, 17, 18, 21 and 25 as big
milestones), the reviews held and the next one due, the needs assessment, the end of Staying
Put, a planned move, when adviser support ends and open actions (close-together actions are
bundled: "3 actions"). Labels alternate above and below the road so they don't overlap; a
label with no room left is dropped and its marker keeps a tooltip. Today is a red line, as in
the PDF. With no date of birth the widget says so, kindly, instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from ..domain import dates, geometry
from ..domain.model import Action, Plan
from ..domain.vocab import OPEN_ACTION
from . import accessible
from .theme import is_dark, scaled_font

#: What each key birthday means (tooltips and the text alternative).
MILESTONE_NOTES: dict[int, str] = {
    16: "leaving-care support can start",
    17: "a year to get ready for 18",
    18: "an adult in law: care ends, leaving-care support carries on",
    21: "Staying Put ends at the latest; adviser support ends unless asked to go on",
    25: "adviser support ends",
}

#: Hue per kind of event (HSL degrees) and marker shape.
KIND_STYLE: dict[str, tuple[int, str]] = {
    "review_held": (210, "circle"),
    "review": (210, "ring"),
    "assessment": (330, "diamond"),
    "staying_put": (145, "diamond"),
    "move": (28, "square"),
    "pa_support": (180, "circle"),
    "action": (268, "square"),
    "baby": (340, "circle"),
    "immigration": (45, "diamond"),
    "return_home": (100, "ring"),
}

MARKER_R = 6.5
ACTION_BUNDLE_DAYS = 45  # open actions due within this many days of each other share a marker


@dataclass
class EventInfo:
    """What the app knows about one marker beyond the shared layout: words and ids."""

    detail: str
    ids: tuple[str, ...] = ()
    count: int = 1


def build_events(plan: Plan, today: date) -> tuple[list[geometry.TimelineEvent], dict[int, EventInfo]]:
    """The events for the road (the same kinds and words as the PDF) and their details.

    The details are keyed by ``id(event)``; the layout hands the same objects back.
    """
    events: list[geometry.TimelineEvent] = []
    info: dict[int, EventInfo] = {}

    def add(when: date, words: str, kind: str, detail: str, ids: tuple[str, ...] = (), count: int = 1) -> None:
        e = geometry.TimelineEvent(when, words, kind)
        events.append(e)
        info[id(e)] = EventInfo(detail, ids, count)

    for r in plan.reviews:
        if r.held_on:
            add(r.held_on, "Review", "review_held", f"Review held on {dates.fmt(r.held_on)}", (r.id,))
    due = dates.next_review_due(plan, today)
    if due:
        late = due < today
        add(due, "Review overdue" if late else "Review due", "review",
            f"{'Review overdue: it was due' if late else 'Next review due'} {dates.fmt(due)}")
    assess = dates.needs_assessment_due(plan, today)
    if assess:
        add(assess, "Needs assessment due", "assessment", f"Needs assessment due {dates.fmt(assess)}")
    move = plan.home.planned_move_date
    if move:
        where = plan.home.planned_description.strip()
        add(move, "Planned move", "move", f"Planned move on {dates.fmt(move)}" + (f": {where}" if where else ""))
    sp = dates.staying_put_end(plan)
    if sp:
        add(sp, "Staying Put ends", "staying_put", f"Staying Put ends {dates.fmt(sp)}")
    pa = dates.pa_support_end(plan)
    if pa:
        add(pa, "Adviser support ends", "pa_support", f"Personal adviser support ends {dates.fmt(pa)}")
    for child in plan.children:  # a birth is a milestone of the young person's own road, as in the PDF
        if child.born_on is not None:
            name = child.name.strip() or "Baby"
            add(child.born_on, _short(f"{name} born", 30), "baby", f"{name} born on {dates.fmt(child.born_on)}",
                (child.id,))
    for item in dates.plan_dates(plan, today):  # a baby due, leave ending, support after going home
        if item.kind in ("baby", "immigration", "return_home"):
            add(item.when, _short(item.label, 30), item.kind, f"{item.label}: {dates.fmt(item.when)}")

    acts = sorted(
        (a for _area, a in plan.all_actions() if a.by_when and a.status in OPEN_ACTION),
        key=lambda a: (a.by_when, a.what),
    )
    bundles: list[list[Action]] = []
    for a in acts:
        if bundles and (a.by_when - bundles[-1][0].by_when).days <= ACTION_BUNDLE_DAYS:  # type: ignore[operator]
            bundles[-1].append(a)
        else:
            bundles.append([a])
    for b in bundles:
        lines = [_action_line(a, today) for a in b]
        ids = tuple(a.id for a in b)
        when = b[0].by_when
        assert when is not None
        if len(b) == 1:
            add(when, _short(b[0].what or "Action", 30), "action", "Action: " + lines[0], ids)
        else:
            add(when, f"{len(b)} actions", "action", f"{len(b)} actions due:\n" + "\n".join(lines), ids, len(b))
    return events, info


def _action_line(a: Action, today: date) -> str:
    who = f" ({a.who.strip()})" if a.who.strip() else ""
    late = " — overdue" if a.by_when and a.by_when < today else ""
    return f"{a.what.strip() or 'Action'}{who} by {dates.fmt(a.by_when)}{late}"


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


@dataclass
class PlacedMarker:
    placed: geometry.PlacedEvent
    info: EventInfo
    x: float
    y: float  # on the road, or on the rim of a milestone disc it would hide
    label_rect: QRectF | None
    overdue: bool
    past: bool


@dataclass
class TimelineFrame:
    x0: float
    x1: float
    road_y: float
    disc_r: float
    top: float
    bottom: float
    timeline: geometry.Timeline
    markers: list[PlacedMarker]
    ticks: list[tuple[geometry.Tick, float]]  # tick and its x in pixels
    today_x: float  # clamped to the road
    today_in_range: bool

    def x_px(self, unit_x: float) -> float:
        return self.x0 + (self.x1 - self.x0) * unit_x


class TimelineWidget(QWidget):
    """The road from 16 to 25. Call :meth:`set_plan` with the plan and today's date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._today: date = date.today()
        self._frame: TimelineFrame | None = None
        self._hover: int | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(420, 170)
        self.setAccessibleName("Timeline from 16 to 25")
        self.setAccessibleDescription(self.text_alternative())
        self.marks = accessible.Marks(self)  # the birthdays and events, for screen readers
        self._marks_soon = accessible.soon(self, self._sync_marks)

    # ------------------------------------------------------------------ public API

    def set_plan(self, plan: Plan | None, today: date) -> None:
        self._plan = plan
        self._today = today
        self._frame = None
        self._hover = None
        self.setAccessibleDescription(self.text_alternative())
        self.update()
        self._sync_marks()  # now: when the app locks, nothing of anyone may stay behind

    def _sync_marks(self) -> None:
        """The key birthdays and every event, in date order, as children a screen reader reads
        (laid out only once the timeline is on screen, at its real size)."""
        if self._plan is not None and not self.isVisible():
            return
        f = self.frame()
        if f is None:
            self.marks.sync([])
            return
        items = []
        for tick, x in f.ticks:
            if tick.age in dates.KEY_AGES:
                r = f.disc_r
                note = MILESTONE_NOTES.get(tick.age, "")
                items.append((tick.when, QRect(int(x - r), int(f.road_y - r), int(2 * r), int(2 * r)),
                              f"{dates.ordinal(tick.age)} birthday: {dates.fmt(tick.when)}", note))
        for m in f.markers:
            box = QRectF(m.x - MARKER_R, m.y - MARKER_R, 2 * MARKER_R, 2 * MARKER_R)
            if m.label_rect is not None:
                box = box.united(m.label_rect)
            first, _nl, rest = m.info.detail.partition("\n")
            items.append((m.placed.event.when, box.toRect(), first.rstrip(":"), rest.replace("\n", "; ")))
        items.sort(key=lambda t: t[0])
        self.marks.sync([(rect, name, more, None) for _when, rect, name, more in items])

    def frame(self) -> TimelineFrame | None:
        """The layout in widget pixels (None when there is nothing to draw: no date of birth)."""
        if self._frame is None:
            self._frame = self._layout()
        return self._frame

    def message(self) -> str:
        """What the widget says instead of a road, or "" when it draws one."""
        if self._plan is None:
            return "No young person open."
        if self._plan.person.date_of_birth is None:
            who = self._plan.person.preferred_name.strip() or self._plan.person.given_name.strip()
            whose = f"{who}’s" if who else "the young person’s"
            return f"Add {whose} date of birth to see the road from 16 to 25."
        return ""

    def today_x(self) -> float | None:
        f = self.frame()
        return None if f is None else f.today_x

    def x_for(self, when: date) -> float | None:
        f = self.frame()
        if f is None:
            return None
        return f.x_px(min(1.0, max(0.0, geometry.x_of(when, f.timeline.start, f.timeline.end))))

    def text_alternative(self) -> str:
        msg = self.message()
        if msg:
            return msg
        plan = self._plan
        assert plan is not None and plan.person.date_of_birth is not None
        dob = plan.person.date_of_birth
        today = self._today
        items: list[tuple[date, int, str]] = []
        for age, d in dates.key_birthdays(dob).items():
            items.append((d, 0, f"{dates.ordinal(age)} birthday, {dates.fmt(d)} ({MILESTONE_NOTES[age]})"))
        events, info = build_events(plan, today)
        for e in events:
            items.append((e.when, 1, info[id(e)].detail.replace("\n", "; ")))
        items.sort(key=lambda t: (t[0], t[1]))
        age = dates.age_on(dob, today)
        head = (
            f"Timeline from the 16th birthday ({dates.fmt(dates.birthday(dob, 16))}) to the 25th "
            f"({dates.fmt(dates.birthday(dob, 25))}). Today is {dates.fmt(today)}, age {age}."
        )
        return head + " In order: " + "; ".join(t[2] for t in items) + "."

    # ------------------------------------------------------------------ layout

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return scaled_font(self, 0.9), scaled_font(self, 0.95, bold=True), scaled_font(self, 0.8)

    def _layout(self) -> TimelineFrame | None:
        if self.message():
            return None
        plan = self._plan
        assert plan is not None and plan.person.date_of_birth is not None
        dob = plan.person.date_of_birth
        label_font, _age_font, small_font = self._fonts()
        fm, sfm = QFontMetricsF(label_font), QFontMetricsF(small_font)
        margin = max(28.0, fm.horizontalAdvance("25") * 2 + 8)
        x0, x1 = margin, max(margin + 10, self.width() - margin)
        road_w = x1 - x0
        row_h = fm.height() + 9
        disc_r = max(10.0, fm.height() * 0.78)
        today_row = fm.height() + 12
        year_row = sfm.height() + 4
        fixed = today_row + 2 * disc_r + year_row + 16
        per_side = max(1, min(4, int((self.height() - fixed) / 2 / row_h)))

        birthdays = {age: dates.birthday(dob, age) for age in range(16, 26)}
        events, info = build_events(plan, self._today)
        pad = 6.0
        text_pad = 14.0  # room inside a label's pill, beyond the text itself

        gap = 6.0  # between neighbouring labels on one level

        def measure(text: str) -> float:  # the shared layout adds ``pad`` itself
            return fm.horizontalAdvance(text) + text_pad + gap - pad

        tl = geometry.timeline_layout(
            birthdays, events, self._today, width=road_w, measure=measure, max_levels=per_side
        )
        above_n = max(1, tl.levels_above)
        below_n = max(1, tl.levels_below)
        content = today_row + above_n * row_h + 2 * disc_r + year_row + below_n * row_h + 8
        top = max(0.0, (self.height() - content) / 2)
        road_y = top + today_row + above_n * row_h + disc_r + 2
        frame = TimelineFrame(
            x0, x1, road_y, disc_r, top, top + content, tl, [],
            [(t, x0 + road_w * t.x) for t in tl.ticks],
            x0 + road_w * (tl.today_x if tl.today_x is not None else (0.0 if self._today < tl.start else 1.0)),
            tl.today_x is not None,
        )
        taken: list[QRectF] = []
        h = fm.height() + 4
        for pe in tl.events:
            x = x0 + road_w * pe.x
            rect: QRectF | None = None
            if pe.labelled:
                # the box the shared layout reserved, less the gap
                reserved = measure(pe.event.label) + pad
                left = min(max(pe.x * road_w - reserved / 2, 0.0), road_w - reserved) + gap / 2
                w = reserved - gap
                if pe.above:
                    y = road_y - disc_r - 6 - pe.level * row_h - h
                else:
                    y = road_y + disc_r + year_row + 6 + pe.level * row_h
                rect = QRectF(x0 + left, y, w, h)
                if any(rect.intersects(o) for o in taken) or rect.top() < top + today_row - 4:
                    rect = None
                else:
                    taken.append(rect)
            kind = pe.event.kind
            past = pe.event.when < self._today
            overdue = past and kind in ("review", "assessment", "action")
            frame.markers.append(PlacedMarker(pe, info[id(pe.event)], x, road_y, rect, overdue, past))
        _spread_markers(frame.markers, MARKER_R * 2 + 3)
        _keep_clear(frame.markers, self.obstacles(frame), MARKER_R * 2 + 3)
        return frame

    def obstacles(self, f: TimelineFrame) -> list[tuple[float, float, date]]:
        """Where on the road a marker must not sit, with the date each stands for: every
        birthday disc, and the Today line (a marker moves to the side its date is on)."""
        out = []
        reach = MARKER_R + 1.5 + 2  # the largest marker, and a little air
        for t, tx in f.ticks:
            r = f.disc_r if t.age in dates.KEY_AGES else f.disc_r * 0.62
            out.append((tx - r - reach, tx + r + reach, t.when))
        if f.today_in_range:
            out.append((f.today_x - 1 - reach, f.today_x + 1 + reach, self._today))
        return out

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        pal = self.palette()
        dark = is_dark(pal)
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlphaF(0.62)
        label_font, age_font, small_font = self._fonts()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        f = self.frame()
        if f is None:
            font = scaled_font(self, 1.05)
            p.setFont(font)
            p.setPen(muted)
            p.drawText(QRectF(self.rect()).adjusted(24, 12, -24, -12),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message())
            p.end()
            return
        self._paint_road(p, f, pal, dark)
        self._paint_today_line(p, f, dark, label_font)
        self._paint_leaders(p, f, dark, muted)
        self._paint_ticks(p, f, pal, dark, age_font, small_font, text, muted)
        self._paint_markers(p, f, pal, dark)
        self._paint_labels(p, f, pal, dark, label_font, text)
        self._paint_today_pill(p, f, dark, label_font)
        p.end()

    def _today_colour(self, dark: bool) -> QColor:
        return QColor("#ff8a80") if dark else QColor("#d23a3a")

    def _kind_colours(self, kind: str, dark: bool) -> tuple[QColor, QColor, QColor]:
        """(strong, soft fill, text) for a kind of event."""
        hue = KIND_STYLE.get(kind, (0, "circle"))[0] / 360
        if dark:
            return (QColor.fromHslF(hue, 0.60, 0.68), QColor.fromHslF(hue, 0.35, 0.24),
                    QColor.fromHslF(hue, 0.60, 0.90))
        return (QColor.fromHslF(hue, 0.50, 0.45), QColor.fromHslF(hue, 0.75, 0.93),
                QColor.fromHslF(hue, 0.55, 0.22))

    def _paint_road(self, p: QPainter, f: TimelineFrame, pal: QPalette, dark: bool) -> None:
        h = max(8.0, f.disc_r * 0.8)
        road = QRectF(f.x0 - 8, f.road_y - h / 2, f.x1 - f.x0 + 16, h)
        base = QColor(pal.color(QPalette.ColorRole.Mid))
        if not dark:
            base = QColor("#dfe3e8")
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(base)
        p.drawRoundedRect(road, h / 2, h / 2)
        travelled = QColor.fromHslF(205 / 360, 0.55, 0.80 if not dark else 0.36)
        w = f.today_x - road.left()
        if w > 0:
            p.setBrush(travelled)
            p.drawRoundedRect(QRectF(road.left(), road.top(), min(w, road.width()), h), h / 2, h / 2)

    def _paint_ticks(self, p: QPainter, f: TimelineFrame, pal: QPalette, dark: bool,
                     age_font: QFont, small_font: QFont, text: QColor, muted: QColor) -> None:
        sfm = QFontMetricsF(small_font)
        for tick, x in f.ticks:
            key = tick.age in dates.KEY_AGES
            r = f.disc_r if key else f.disc_r * 0.62
            reached = tick.when <= self._today
            accent = QColor.fromHslF(205 / 360, 0.60, 0.42 if not dark else 0.66)
            if key:
                p.setPen(QPen(accent, 2.0))
                p.setBrush(accent if reached else pal.color(QPalette.ColorRole.Base))
            else:
                edge = QColor(text)
                edge.setAlphaF(0.35)
                p.setPen(QPen(edge, 1.2))
                p.setBrush(pal.color(QPalette.ColorRole.Base))
            p.drawEllipse(QPointF(x, f.road_y), r, r)
            font = QFont(age_font)
            if not key:
                font.setBold(False)
                font.setPointSizeF(max(6.0, font.pointSizeF() * 0.78))
            p.setFont(font)
            if key and reached:
                p.setPen(pal.color(QPalette.ColorRole.Base))
            else:
                p.setPen(accent if key else muted)
            p.drawText(QRectF(x - r, f.road_y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(tick.age))
            p.setFont(small_font)
            p.setPen(muted)
            year = str(tick.when.year)
            w = sfm.horizontalAdvance(year) + 4
            p.drawText(QRectF(x - w / 2, f.road_y + f.disc_r + 2, w, sfm.height()), Qt.AlignmentFlag.AlignCenter, year)

    def _paint_leaders(self, p: QPainter, f: TimelineFrame, dark: bool, muted: QColor) -> None:
        for m in f.markers:
            if m.label_rect is None:
                continue
            strong = self._kind_colours(m.placed.event.kind, dark)[0]
            c = QColor(strong)
            c.setAlphaF(0.7)
            p.setPen(QPen(c, 1.2))
            y = m.label_rect.bottom() if m.placed.above else m.label_rect.top()
            x = min(max(m.x, m.label_rect.left() + 8), m.label_rect.right() - 8)
            p.drawLine(QPointF(m.x, m.y), QPointF(x, y))

    def _paint_markers(self, p: QPainter, f: TimelineFrame, pal: QPalette, dark: bool) -> None:
        attention = QColor("#ffb4ab") if dark else QColor("#b3261e")
        for i, m in enumerate(f.markers):
            kind = m.placed.event.kind
            strong, soft, _t = self._kind_colours(kind, dark)
            shape = KIND_STYLE.get(kind, (0, "circle"))[1]
            r = MARKER_R if m.info.count == 1 else MARKER_R + 1.5
            if i == self._hover:
                r += 2
            edge = attention if m.overdue else strong
            p.setPen(QPen(edge, 2.2 if m.overdue else 1.6))
            p.setBrush(pal.color(QPalette.ColorRole.Base) if shape == "ring" else strong)
            c = QPointF(m.x, m.y)
            if shape in ("circle", "ring"):
                p.drawEllipse(c, r, r)
            elif shape == "diamond":
                p.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r - 1), QPointF(c.x() + r + 1, c.y()),
                                         QPointF(c.x(), c.y() + r + 1), QPointF(c.x() - r - 1, c.y())]))
            else:
                p.drawRoundedRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 2.5, 2.5)

    def _paint_labels(self, p: QPainter, f: TimelineFrame, pal: QPalette, dark: bool,
                      font: QFont, text: QColor) -> None:
        attention = QColor("#ffb4ab") if dark else QColor("#b3261e")
        for i, m in enumerate(f.markers):
            if m.label_rect is None:
                continue
            strong, soft, ink = self._kind_colours(m.placed.event.kind, dark)
            rect = m.label_rect
            edge = attention if m.overdue else strong
            p.setPen(QPen(edge, 1.8 if i == self._hover or m.overdue else 1.0))
            fill = QColor(soft)
            if m.past and not m.overdue:
                fill.setAlphaF(0.55)
            p.setBrush(fill)
            p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            ff = QFont(font)
            ff.setBold(m.overdue)
            p.setFont(ff)
            p.setPen(attention if m.overdue else ink)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, m.placed.event.label)

    def _paint_today_line(self, p: QPainter, f: TimelineFrame, dark: bool, font: QFont) -> None:
        fm = QFontMetricsF(font)
        p.setPen(QPen(self._today_colour(dark), 2.0))
        p.drawLine(QPointF(f.today_x, f.top + fm.height() + 6), QPointF(f.today_x, f.bottom))

    def _paint_today_pill(self, p: QPainter, f: TimelineFrame, dark: bool, font: QFont) -> None:
        fm = QFontMetricsF(font)
        words = self._today_words()
        w = fm.horizontalAdvance(words) + 16
        h = fm.height() + 4
        left = min(max(f.today_x - w / 2, 2.0), self.width() - w - 2)
        rect = QRectF(left, f.top + 2, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._today_colour(dark))
        p.drawRoundedRect(rect, h / 2, h / 2)
        p.setFont(font)
        p.setPen(QColor("#1b1b1b") if dark else QColor("white"))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, words)

    def _today_words(self) -> str:
        dob = self._plan.person.date_of_birth if self._plan else None
        if dob is None:
            return "Today"
        age = dates.age_on(dob, self._today)
        f = self._frame
        if f is not None and not f.today_in_range:
            return f"Today: age {age}"
        return f"Today · {age}"

    # ------------------------------------------------------------------ events

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(960, 280)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 170)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._frame = None
        super().resizeEvent(event)
        self._marks_soon.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._marks_soon.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._frame = None
            self.update()
        super().changeEvent(event)

    def _marker_at(self, pos: QPointF) -> int | None:
        f = self.frame()
        if f is None:
            return None
        best, best_d = None, 1e9
        for i, m in enumerate(f.markers):
            d = abs(pos.x() - m.x)
            on_marker = d <= 9 and abs(pos.y() - m.y) <= 10
            on_label = m.label_rect is not None and m.label_rect.contains(pos)
            if (on_marker or on_label) and d < best_d:
                best, best_d = i, d
        return best

    def tooltip_at(self, pos: QPointF) -> str:
        f = self.frame()
        if f is None:
            return ""
        i = self._marker_at(pos)
        if i is not None:
            m = f.markers[i]
            return m.info.detail
        for tick, x in f.ticks:
            r = f.disc_r if tick.age in dates.KEY_AGES else f.disc_r * 0.62
            if abs(pos.x() - x) <= r + 1 and abs(pos.y() - f.road_y) <= r + 1:
                note = MILESTONE_NOTES.get(tick.age)
                return f"{dates.ordinal(tick.age)} birthday: {dates.fmt(tick.when)}" + (f"\n{note[0].upper()}{note[1:]}" if note else "")
        if abs(pos.x() - f.today_x) <= 4 and f.top <= pos.y() <= f.bottom:
            return f"Today: {dates.fmt(self._today)}"
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            tip = self.tooltip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        i = self._marker_at(event.position())
        if i != self._hover:
            self._hover = i
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)


def _spread_markers(markers: list[PlacedMarker], step: float) -> None:
    """Set markers that would cover each other side by side, centred where they were."""
    rows: dict[float, list[PlacedMarker]] = {}
    for m in markers:
        rows.setdefault(round(m.y, 1), []).append(m)
    for row in rows.values():
        row.sort(key=lambda m: m.x)
        run: list[PlacedMarker] = []
        for m in row + [None]:  # type: ignore[list-item]
            if m is not None and run and m.x - run[-1].x < step:
                run.append(m)
                continue
            if len(run) > 1:
                mid = sum(r.x for r in run) / len(run)
                first = mid - step * (len(run) - 1) / 2
                for k, r in enumerate(run):
                    r.x = first + k * step
            run = [m] if m is not None else []


def _keep_clear(markers: list[PlacedMarker], obstacles: list[tuple[float, float, date]], step: float) -> None:
    """Move markers off the birthday discs and the Today line to the nearest free place,
    keeping them in date order and ``step`` apart (a marker is drawn close to its date, never
    on top of a birthday or the line that says where today is)."""

    def free(x: float) -> bool:
        return not any(a < x < b for a, b, _w in obstacles)

    edges = [e for a, b, _w in obstacles for e in (a, b)]
    last = -1e9
    for m in sorted(markers, key=lambda m: (m.x, m.placed.event.when)):
        want = m.x
        lowest = last + step
        candidates = [c for c in [max(want, lowest), lowest, *edges] if c >= lowest and free(c)]
        m.x = min(candidates, key=lambda c: abs(c - want)) if candidates else max(want, lowest)
        last = m.x


accessible.install(TimelineWidget)
