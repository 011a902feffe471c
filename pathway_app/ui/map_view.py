"""The relationship map: the people who matter to a young person, as a picture (an ecomap).

:class:`RelationshipMapWidget` is the widget the People who matter page shows: it works out
where everyone goes (:mod:`.map_layout`, the same layout the PDF draws) for its size and font,
paints it (:mod:`.map_paint`), and answers the mouse and keyboard: hovering shows a name and
tooltip, clicking or Enter chooses a person, double-clicking empty space adds one, and Tab or
the arrow keys move between people. Screen readers get the whole map in words.

Signals:
    personActivated(str relationship_id): a person was clicked, or chosen with Enter/Space.
    addPersonRequested(): "Add a person" was pressed, or empty space double-clicked.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QPushButton, QToolTip, QWidget

from ..domain.fields import label
from ..domain.model import Plan
from . import accessible
from .map_layout import (
    MapFrame,
    PlacedPerson,
    describe,
    group_title,
    in_words,
    layout_map,
    legend_items,
    legend_rects,
)
from .map_paint import MapFonts, MapPainter
from .theme import scaled_font


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
        self.marks = accessible.Marks(self, pressable=True)  # the people, for screen readers
        self._marks_soon = accessible.soon(self, self._sync_marks)
        self._update_text_alternative()

    # ------------------------------------------------------------------ public API

    def set_plan(self, plan: Plan | None) -> None:
        """Show ``plan``'s relationships (call again after they change)."""
        self._plan = plan
        self._frame = None
        self._hover = None
        self._focus_index = -1 if plan is None else min(self._focus_index, len(plan.relationships) - 1)
        self._update_text_alternative()
        self._sync_marks()  # now: when the app locks, no one's name may stay behind
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
        return in_words(self._plan)

    # ------------------------------------------------------------------ layout

    def _fonts(self) -> MapFonts:
        return MapFonts(
            names=scaled_font(self, 0.95),
            initials=scaled_font(self, 1.0, bold=True),
            title=scaled_font(self, 1.25, bold=True),
            small=scaled_font(self, 0.9),
            centre=scaled_font(self, 1.15, bold=True),
        )

    def _header_height(self) -> float:
        fm = QFontMetricsF(self._fonts().title)
        return max(fm.height(), self._add.sizeHint().height()) + 16

    def _legend(self) -> tuple[list[tuple[str, str, QRectF]], float]:
        """The legend's entries placed across the widget, and its height."""
        return legend_rects(legend_items(small=self.height() < 520), self.width(), self._fonts().small)

    def _map_rect(self) -> QRectF:
        top = self._header_height()
        _items, legend_h = self._legend()
        return QRectF(0, top, self.width(), max(40.0, self.height() - top - legend_h))

    def _layout(self) -> MapFrame:
        fonts = self._fonts()
        return layout_map(self._plan, self._map_rect(), fonts.names, fonts.small)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        name = ""
        if self._plan is not None:
            name = self._plan.person.preferred_name.strip() or self._plan.person.given_name.strip()
        painter = MapPainter(self.palette(), self._fonts(), self.width(), self.height(), hover=self._hover,
                             focus_index=self._focus_index if self.hasFocus() else -1, centre_name=name,
                             legend=self._legend())
        head = QRectF(14, 0, self.width() - self._add.width() - 36, self._header_height())
        p = QPainter(self)
        painter.paint(p, self.frame(), self._title(), head)
        p.end()

    def _title(self) -> str:
        people = label("relationships")
        if self._plan is None:
            return people
        who = self._plan.person.preferred_name.strip() or self._plan.person.given_name.strip()
        return f"{people} to {who}" if who else people

    # ------------------------------------------------------------------ events

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 680)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 320)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._frame = None
        self._place_button()
        super().resizeEvent(event)
        self._marks_soon.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._marks_soon.start()

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
            return self._title().replace(f"{label('relationships')} to ", "") or "The young person"
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

    # keyboard: the arrow keys move between people, Enter or Space opens the person; Tab leaves

    def focusInEvent(self, event) -> None:  # noqa: N802
        people = self.frame().people
        reason = event.reason()
        if people and reason == Qt.FocusReason.BacktabFocusReason:
            self._set_focus_index(len(people) - 1)
        elif people and reason == Qt.FocusReason.TabFocusReason or people and not 0 <= self._focus_index < len(people):
            self._set_focus_index(0)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.setAccessibleName("Relationship map")
        super().focusOutEvent(event)
        self.update()

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
        self._marks_soon.start()

    def _sync_marks(self) -> None:
        """Everyone drawn, as children a screen reader reads (and can press to open); none
        with no plan, and laid out only once the map is on screen (at its real size)."""
        if self._plan is None or not self.isVisible():
            if self._plan is None:
                self.marks.sync([])
            return
        frame = self.frame()
        items = []
        for p in frame.people:
            r = max(p.r, 8.0)
            items.append((QRect(int(p.x - r), int(p.y - r), int(2 * r), int(2 * r)), describe(p.rel), "",
                          lambda rid=p.id: self.personActivated.emit(rid)))
        if frame.more_rect is not None and frame.not_shown:
            names = ", ".join(r.name.strip() or "(no name)" for r in frame.not_shown[:25])
            items.append((frame.more_rect.toRect(), f"{len(frame.not_shown)} more people, not drawn", names, None))
        self.marks.sync(items)


accessible.install(RelationshipMapWidget)

__all__ = ["RelationshipMapWidget"]
