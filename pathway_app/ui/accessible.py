"""Pictures a screen reader can read: the relationship map and the timeline.

A picture drawn with QPainter is one blank widget to a screen reader. Here it becomes what it
is: an *image* (Qt's Graphic role, "image" to AT-SPI, with the picture in words as its
description), whose *children* are the people or events on it, each named in words and placed
where it is drawn — so Orca reads "Nan, grandparent, there at 25: yes" and a magnifier can go to
her. A person can be pressed (the screen reader's "press" action opens them, like a click).

- :func:`install` — once: Qt asks :func:`_interface` for the pictures' accessibility (a
  :class:`QAccessibleWidget` in the Graphic role);
- :class:`Marks` — the children of one picture: see-through, drawn by the picture itself, taking
  no clicks and no focus (the picture handles the mouse and the arrow keys itself);
- :func:`name_message_box_icons` — a message box's icon is said in words ("Warning"), not as a
  blank image (Qt's own boxes, opened by ``QMessageBox.warning`` and the like, leave it blank).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QApplication, QLabel, QMessageBox, QWidget

#: Widget classes shown to screen readers as images (the map and the timeline add themselves).
PICTURES: list[type] = []


def _interface(_key: str, obj: object) -> QAccessibleWidget | None:
    if isinstance(obj, tuple(PICTURES)):
        return QAccessibleWidget(obj, QAccessible.Role.Graphic)  # type: ignore[arg-type]
    return None


_installed = False


def install(picture: type) -> None:
    """Show widgets of class ``picture`` to screen readers as images (call at import)."""
    global _installed
    if picture not in PICTURES:
        PICTURES.append(picture)
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True


def soon(owner: QWidget, slot: Callable[[], None]) -> QTimer:
    """A timer of ``owner`` that calls ``slot`` once the event loop is next free (start() it)."""
    t = QTimer(owner)
    t.setSingleShot(True)
    t.setInterval(0)
    t.timeout.connect(slot)
    return t


class _PersonMark(QAbstractButton):
    """One person on the map: a button to a screen reader, nothing on screen."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.press: Callable[[], None] | None = None
        self.clicked.connect(self._pressed)

    def _pressed(self) -> None:
        if self.press is not None:
            self.press()

    def paintEvent(self, _event) -> None:  # noqa: N802 - the map draws the person
        pass


class _EventMark(QLabel):
    """One event on the timeline: a label to a screen reader, nothing on screen."""

    def paintEvent(self, _event) -> None:  # noqa: N802 - the timeline draws the event
        pass


class Marks:
    """The accessible children of one picture, kept in step with what it draws.

    ``pressable``: the children are buttons (people, who can be opened); otherwise labels.
    """

    def __init__(self, picture: QWidget, pressable: bool = False):
        self.picture = picture
        self.pressable = pressable
        self.widgets: list[QWidget] = []

    def _make(self) -> QWidget:
        w: QWidget = _PersonMark(self.picture) if self.pressable else _EventMark(self.picture)
        w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        w.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        return w

    def sync(self, items: list[tuple[QRect, str, str, Callable[[], None] | None]]) -> None:
        """One child per ``(where, name, description, press)``, in reading order."""
        while len(self.widgets) < len(items):
            self.widgets.append(self._make())
        for w in self.widgets[len(items):]:  # nothing of anyone is left behind in them
            w.hide()
            w.setAccessibleName("")
            w.setAccessibleDescription("")
            if isinstance(w, (QLabel, _PersonMark)):
                w.setText("")
            w.deleteLater()
        del self.widgets[len(items):]
        for w, (rect, name, description, press) in zip(self.widgets, items):
            w.setGeometry(rect)
            w.setAccessibleName(name)
            w.setAccessibleDescription(description)
            if isinstance(w, QLabel):
                w.setText(name)
            if isinstance(w, _PersonMark):
                w.setText(name)
                w.press = press
            w.show()

    def names(self) -> list[str]:
        return [w.accessibleName() for w in self.widgets]


#: What a message box's icon means, in words.
ICON_WORDS = {
    QMessageBox.Icon.Question: "Question",
    QMessageBox.Icon.Warning: "Warning",
    QMessageBox.Icon.Critical: "Problem",
    QMessageBox.Icon.Information: "For your information",
}


class _BoxIcons(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(obj, QMessageBox):
            words = ICON_WORDS.get(obj.icon(), "")
            icon = obj.findChild(QLabel, "qt_msgboxex_icon_label")
            if icon is not None and words:
                icon.setAccessibleName(words)
                icon.setAccessibleDescription(f"{words}: {obj.text()}")
        return False


_box_icons: _BoxIcons | None = None


def name_message_box_icons() -> None:
    """Every message box the app opens says what its icon means (once is enough)."""
    global _box_icons
    if _box_icons is None:
        _box_icons = _BoxIcons()
        QApplication.instance().installEventFilter(_box_icons)


__all__ = ["ICON_WORDS", "Marks", "PICTURES", "install", "name_message_box_icons", "soon"]
