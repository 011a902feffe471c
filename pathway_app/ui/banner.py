"""A strip across the top of the window: something the person should know, with an action.

Signals (Banner):
    actionRequested(): the banner's action button was pressed.
    dismissed(): "Dismiss" was pressed (the banner hides itself).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from . import theme

STYLE = """
QFrame#Banner {
    background: palette(alternate-base);
    border-bottom: 2px solid palette(highlight);
}
QFrame#Banner[tone="attention"] {
    border-bottom: 2px solid #b3261e;
}
"""


class Banner(QFrame):
    actionRequested = Signal()
    dismissed = Signal()

    def __init__(self, text: str, action: str = "", dismissible: bool = True, attention: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setProperty("tone", "attention" if attention else "")
        self.setStyleSheet(STYLE)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(18, 8, 12, 8)
        lay.setSpacing(10)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(text)
        if attention:
            theme.set_font(self.label, 1.0, bold=True)
        lay.addWidget(self.label, 1)
        self.action: QPushButton | None = None
        if action:
            self.action = QPushButton(action, self)
            self.action.setAccessibleName(action.replace("&", "").rstrip("…"))
            self.action.clicked.connect(self.actionRequested)
            lay.addWidget(self.action)
        self.dismiss: QPushButton | None = None
        if dismissible:
            self.dismiss = QPushButton("Dismiss", self)
            self.dismiss.setAccessibleName("Dismiss this message")
            self.dismiss.clicked.connect(self._dismiss)
            lay.addWidget(self.dismiss)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


__all__ = ["Banner"]
