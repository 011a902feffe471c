"""Noticing when no one is using the app, so it can lock itself.

:class:`IdleWatcher` is an application-wide event filter: any key press, click, mouse move,
wheel or touch restarts a single-shot timer; when the timer runs out it emits ``idle``.

Signals:
    idle(): no keyboard, mouse or touch input for ``timeout_ms``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

#: Lock after this many minutes without use unless the person chose otherwise …
DEFAULT_MINUTES = 5
#: … and never later than this (records must not sit open on an unattended screen).
MAX_MINUTES = 15
MIN_MINUTES = 1

_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
    QEvent.Type.InputMethod, QEvent.Type.ShortcutOverride,
})


def clamp_minutes(value: object) -> int:
    """Minutes from a setting (any type), kept between 1 and 15; the default when unreadable."""
    try:
        minutes = int(float(str(value)))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return max(MIN_MINUTES, min(MAX_MINUTES, minutes))


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without input anywhere in the application."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(timeout_ms)))
        self._timer.timeout.connect(self.idle)
        self._running = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, int(ms)))
        if self._running:
            self._timer.start()

    def start(self) -> None:
        self._running = True
        self._timer.start()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def is_running(self) -> bool:
        return self._running

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._running and event.type() in _INPUT:
            self._timer.start()
        return False


__all__ = ["DEFAULT_MINUTES", "IdleWatcher", "MAX_MINUTES", "clamp_minutes"]
