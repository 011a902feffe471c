"""Palette-aware styling: nothing here fixes a colour or a pixel font size.

Fonts are scaled relative to the application's font, so the system font size is respected;
colours come from the palette (``palette(role)`` in style sheets), so dark mode works.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def scaled_font(widget: QWidget, factor: float = 1.0, bold: bool = False, italic: bool = False) -> QFont:
    """The widget's font scaled by ``factor`` (relative sizing only)."""
    f = QFont(widget.font())
    size = f.pointSizeF()
    if size > 0:
        f.setPointSizeF(size * factor)
    else:  # a pixel-sized system font: scale that instead
        f.setPixelSize(max(1, round(f.pixelSize() * factor)))
    f.setBold(bold)
    f.setItalic(italic)
    return f


def set_font(widget: QWidget, factor: float = 1.0, bold: bool = False, italic: bool = False) -> None:
    widget.setFont(scaled_font(widget, factor, bold, italic))


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def attention_colour(palette: QPalette | None = None) -> QColor:
    """A colour for "overdue" and errors that reads well on the current background."""
    return QColor("#ffb4ab") if is_dark(palette) else QColor("#b3261e")


def calm_colour(palette: QPalette | None = None) -> QColor:
    """A quiet accent for "saved" and the young person's own words."""
    return QColor("#8bd3a8") if is_dark(palette) else QColor("#1e6b43")


def muted_colour(palette: QPalette | None = None) -> QColor:
    pal = palette or QApplication.palette()
    c = pal.color(QPalette.ColorRole.WindowText)
    c.setAlphaF(0.68)
    return c


def dark_palette() -> QPalette:
    """A dark palette, used to check the app in dark mode (screenshots, tests)."""
    p = QPalette()
    R = QPalette.ColorRole
    window, base, text = QColor("#1f2228"), QColor("#272b33"), QColor("#e8eaed")
    p.setColor(R.Window, window)
    p.setColor(R.WindowText, text)
    p.setColor(R.Base, base)
    p.setColor(R.AlternateBase, QColor("#2e333c"))
    p.setColor(R.Text, text)
    p.setColor(R.Button, QColor("#2e333c"))
    p.setColor(R.ButtonText, text)
    p.setColor(R.Highlight, QColor("#7fb2f0"))
    p.setColor(R.HighlightedText, QColor("#10141a"))
    p.setColor(R.ToolTipBase, base)
    p.setColor(R.ToolTipText, text)
    p.setColor(R.PlaceholderText, QColor("#9aa0a6"))
    p.setColor(R.Link, QColor("#8ab4f8"))
    p.setColor(R.Mid, QColor("#3c414b"))
    p.setColor(R.Midlight, QColor("#353a44"))
    p.setColor(R.Dark, QColor("#16181c"))
    p.setColor(R.Light, QColor("#454b56"))
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return p


#: Style sheet for the whole window; only palette roles and relative (em) sizes.
STYLE = """
QFrame#OwnWords {
    background: palette(alternate-base);
    border-left: 0.3em solid palette(highlight);
    border-radius: 0.4em;
}
QFrame#HeaderStrip {
    background: palette(alternate-base);
    border-bottom: 1px solid palette(mid);
}
QFrame#PromptPanel {
    background: palette(alternate-base);
    border-radius: 0.5em;
}
QFrame#Card {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 0.6em;
}
QFrame#PractitionerOnly {
    border: 1px dashed palette(mid);
    border-radius: 0.4em;
}
QListView#AreaList {
    border: none;
    background: palette(window);
    outline: none;
}
QListView#AreaList::item {
    padding: 0.45em 0.7em;
    border-radius: 0.35em;
}
QListView#AreaList::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QWidget#TogetherView {
    background: palette(base);
}
QPlainTextEdit#TogetherAnswer {
    border: 1px solid palette(mid);
    border-radius: 0.6em;
    padding: 0.6em;
}
QPushButton {
    padding: 0.35em 1em;
}
QPushButton#Primary {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: none;
    border-radius: 0.35em;
    padding: 0.5em 1.2em;
}
QPushButton#Primary:focus {
    border: 2px solid palette(text);
}
"""
