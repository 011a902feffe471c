"""Where the keyboard is: a ring drawn round whatever has the focus, in every window.

Styles draw focus their own way, and some draw nothing a person can see (a push button, a
drop-down or a check box in Fusion, a list whose style sheet turns its outline off). So the app
draws one ring of its own, the same everywhere: :class:`FocusRing` is a see-through overlay on
each window that follows the focus (``QApplication.focusChanged``) and outlines the visible
part of the control that has it, in :func:`~pathway_app.ui.theme.focus_colour` — which is
checked for contrast against the background in the light, dark and high-contrast palettes.

Call :func:`watch` once the application exists (the main window does); it is harmless to call
again. The ring takes no clicks and no focus, and screen readers do not see it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from . import theme

#: How far outside the control the ring is drawn, and how thick it is (pixels at 1x).
GAP = 2
WIDTH = 2


class FocusRing(QWidget):
    """The ring on one window; :attr:`target` is the control it is drawn round (or None)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._follow = QTimer(self)  # the control moves when its page scrolls: keep up with it
        self._follow.setInterval(120)
        self._follow.timeout.connect(self.place)
        self._soon = QTimer(self)  # once more, when a control just shown has been laid out
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.place)
        self.hide()

    def show_on(self, target: QWidget | None) -> None:
        if self.target is not None and self.target is not target:
            try:
                self.target.removeEventFilter(self)
            except RuntimeError:  # it has gone already
                pass
        self.target = target
        if target is None:
            self._follow.stop()
            self.hide()
            return
        target.installEventFilter(self)  # it moves or changes size: the ring goes with it at once
        self.place()
        self._soon.start()
        self._follow.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
                            QEvent.Type.LayoutRequest) and self.target is not None:
            self._soon.start()
        return False

    def ring_rect(self) -> QRect:
        """The ring's rectangle in the window (empty when the control is out of sight)."""
        t = self.target
        window = self.parentWidget()
        if t is None or window is None or not t.isVisible():
            return QRect()
        seen = t.visibleRegion().boundingRect()
        if seen.isEmpty():
            return QRect()
        top_left = t.mapTo(window, seen.topLeft())
        pad = GAP + WIDTH
        return QRect(top_left, seen.size()).adjusted(-pad, -pad, pad, pad).intersected(window.rect())

    def place(self) -> None:
        rect = self.ring_rect()
        if rect.isEmpty():
            self.hide()
            return
        if self.geometry() != rect:
            self.setGeometry(rect)
        self.raise_()
        if self.isHidden():
            self.show()
        self.update()

    def paintEvent(self, _event: QEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(theme.focus_colour(self.palette()), WIDTH)
        p.setPen(pen)
        half = WIDTH / 2
        r = self.rect().toRectF().adjusted(half, half, -half, -half)
        p.drawRoundedRect(r, 3, 3)
        p.end()


class _Watcher(QObject):
    """Moves each window's ring to the control that has the focus."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.rings: dict[int, FocusRing] = {}
        app.focusChanged.connect(self._on_focus)

    def ring_for(self, window: QWidget) -> FocusRing:
        ring = self.rings.get(id(window))
        if ring is None or ring.parentWidget() is not window:
            ring = FocusRing(window)
            self.rings[id(window)] = ring
            key = id(window)
            window.destroyed.connect(lambda *_a, key=key: self.rings.pop(key, None))
        return ring

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and (new is None or old.window() is not new.window()):
            ring = self.rings.get(id(old.window()))
            if ring is not None:
                ring.show_on(None)
        if new is None or isinstance(new, FocusRing) or new.isWindow() and new.windowType() == Qt.WindowType.Popup:
            return
        window = new.window()
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            return  # menus and drop-down lists show their own current item
        self.ring_for(window).show_on(new)


_watcher: _Watcher | None = None


def watch() -> None:
    """Draw the ring in every window of the application from now on."""
    global _watcher
    if _watcher is None:
        _watcher = _Watcher(QApplication.instance())  # type: ignore[arg-type]


def ring_of(window: QWidget) -> FocusRing | None:
    """The ring on ``window`` (None before anything in it had the focus)."""
    return _watcher.rings.get(id(window)) if _watcher is not None else None


__all__ = ["FocusRing", "GAP", "WIDTH", "ring_of", "watch"]
