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


def calendar_icon(palette: QPalette | None = None, size: int = 16) -> "QIcon":
    """A small calendar drawn in the palette's text colour (so it works in dark mode)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap

    pal = palette or QApplication.palette()
    colour = pal.color(QPalette.ColorRole.ButtonText)
    pm = QPixmap(size * 2, size * 2)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size * 2
    pen = QPen(colour, s * 0.08)
    p.setPen(pen)
    body = QRectF(s * 0.12, s * 0.2, s * 0.76, s * 0.68)
    p.drawRoundedRect(body, s * 0.08, s * 0.08)
    p.drawLine(body.left(), s * 0.38, body.right(), s * 0.38)
    p.drawLine(s * 0.32, s * 0.1, s * 0.32, s * 0.28)
    p.drawLine(s * 0.68, s * 0.1, s * 0.68, s * 0.28)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    for row in range(2):
        for col in range(3):
            p.drawRect(QRectF(s * (0.24 + col * 0.2), s * (0.5 + row * 0.18), s * 0.11, s * 0.1))
    p.end()
    pm.setDevicePixelRatio(2.0)
    return QIcon(pm)


def fit_text(button: QWidget, extra_em: float = 3.0) -> None:
    """Make sure a button with a scaled font and style-sheet padding never clips its text."""
    fm = button.fontMetrics()
    text = button.text().replace("&", "")  # type: ignore[attr-defined]
    button.setMinimumWidth(fm.horizontalAdvance(text) + int(fm.horizontalAdvance("M") * extra_em))


_TONES = {"muted": muted_colour, "calm": calm_colour, "attention": attention_colour}


def tone(widget: QWidget, name: str) -> QWidget:
    """Colour a label's text "muted", "calm" or "attention", worked out from the palette.

    The tone is remembered on the widget, so :func:`retone` can work it out again when the
    palette changes (the system switching to dark mode while the app is open).
    """
    widget.setProperty("tone", name)
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.WindowText, _TONES[name](QApplication.palette()))
    widget.setPalette(pal)
    return widget


def retone(root: QWidget) -> None:
    for w in root.findChildren(QWidget):
        name = w.property("tone")
        if name in _TONES:
            tone(w, name)


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
QFrame#PromptPanel QListView {
    background: transparent;
    border: none;
}
QFrame#PromptPanel QListView::item {
    padding: 0.4em 0.2em;
    border-bottom: 1px solid palette(mid);
}
QFrame#PromptPanel QListView::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-radius: 0.3em;
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
    border: 2px solid transparent;
    border-radius: 0.35em;
    padding: 0.5em 1.2em;
}
QPushButton#Primary:focus {
    border: 2px solid palette(text);
}
"""
