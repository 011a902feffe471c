"""Dates typed by a person in England, and the box they are typed in.

:func:`parse_date` reads "23/11/2026", "23.11.26"-style and "3 March 2027" input and says, in
words, what it cannot read; :class:`DateField` is a text box with a calendar button beside it
(the calendar is :meth:`DateField.calendar_menu`, named for screen readers). Empty means "not
set".
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from . import theme
from .messages import say

# --------------------------------------------------------------------------- dates

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
DATE_HINT = say("date_hint")


def format_date(d: date | None) -> str:
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def pretty_date(d: date | None) -> str:
    """3 Mar 2027 — for tables and the header."""
    return "" if d is None else f"{d.day} {d:%b %Y}"


def parse_date(text: str) -> date | None:
    """A date typed by a person in England; ``None`` for empty; ValueError with a reason."""
    t = text.strip()
    if not t:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})", t)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", t)
            if not m or m.group(2).lower() not in _MONTHS:
                raise ValueError(say("date_unreadable", text=t, hint=DATE_HINT))
            d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(say("date_not_real", text=t, hint=DATE_HINT)) from None


class DateField(QWidget):
    """A date that may be "not set": a text box (day/month/year) and a calendar button.

    Signals:
        edited(str text): the user changed the text.
        finished(): editing finished (Enter or leaving the field).
    """

    edited = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: the last day the calendar offers (None: any); what is typed is checked by the form
        self.latest: date | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("Not set (day/month/year)")
        self.line.textEdited.connect(self.edited)
        self.line.editingFinished.connect(self.finished)
        self.button = QToolButton(self)
        self.button.setIcon(theme.calendar_icon(self.palette()))
        self.button.setAutoRaise(True)
        self.button.setToolTip("Pick from a calendar")
        self.button.setAccessibleName("Pick a date from a calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text box is enough for keyboards
        self.button.clicked.connect(self._pick)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.line)
        em = self.fontMetrics().horizontalAdvance("00/00/00000")
        self.line.setMinimumWidth(em + 24)

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        self.line.setText(text)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)
        self.button.setAccessibleName(f"Pick the date for “{name}” from a calendar")

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802
        super().setAccessibleDescription(text)
        self.line.setAccessibleDescription(text)

    def calendar_menu(self) -> tuple[QMenu, QCalendarWidget]:
        """The calendar that drops down from the button, on the date in the box (if any); its
        month and year buttons are named for screen readers (Qt leaves two of them blank)."""
        menu = QMenu(self)
        menu.setAccessibleName("Calendar")
        cal = QCalendarWidget(menu)
        cal.setGridVisible(False)
        cal.setAccessibleName(self.line.accessibleName() or "Calendar")
        for name, words in (("qt_calendar_prevmonth", "Previous month"), ("qt_calendar_nextmonth", "Next month"),
                            ("qt_calendar_monthbutton", "Month"), ("qt_calendar_yearbutton", "Year"),
                            ("qt_calendar_yearedit", "Year"), ("qt_calendar_calendarview", "Days of the month")):
            part = cal.findChild(QWidget, name)
            if part is not None:
                part.setAccessibleName(words)
        try:
            current = parse_date(self.line.text())
        except ValueError:
            current = None
        if self.latest is not None:
            cal.setMaximumDate(QDate(self.latest.year, self.latest.month, self.latest.day))
        if current:
            cal.setSelectedDate(QDate(current.year, current.month, current.day))
        act = QWidgetAction(menu)
        act.setDefaultWidget(cal)
        menu.addAction(act)
        return menu, cal

    def _pick(self) -> None:
        menu, cal = self.calendar_menu()
        cal.clicked.connect(menu.close)
        cal.activated.connect(menu.close)
        chosen: list[QDate] = []
        cal.clicked.connect(chosen.append)
        cal.activated.connect(chosen.append)
        menu.exec(self.button.mapToGlobal(self.button.rect().bottomLeft()))
        if chosen:
            q = chosen[-1]
            self.line.setText(format_date(date(q.year(), q.month(), q.day())))
            self.edited.emit(self.line.text())
            self.finished.emit()
        menu.deleteLater()


__all__ = ["DATE_HINT", "DateField", "format_date", "parse_date", "pretty_date"]
