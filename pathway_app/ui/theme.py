"""Palette-aware styling: nothing here fixes a colour or a pixel font size.

Fonts are scaled relative to the application's font, so the system font size is respected;
colours come from the palette (``palette(role)`` in style sheets), so dark mode works.

Contrast: :func:`readable` makes any palette's text meet WCAG 2.2 AA (4.5:1 against its
background) without changing a palette that already does; :func:`follow_system` applies it to
the application and switches to :func:`high_contrast_palette` while the system asks for high
contrast (and back when it stops). :func:`contrast` measures a pair of colours the way WCAG
does; ``tests/ui/test_contrast.py`` measures every pair the app draws text in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: WCAG 2.2 AA: text against its background, and other things a person must see (the focus ring).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


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


def is_high_contrast(palette: QPalette | None = None) -> bool:
    """The palette is the app's high-contrast one (see :func:`high_contrast_palette`)."""
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window) in (QColor("#000000"), QColor("#ffffff")) and \
        pal.color(QPalette.ColorRole.WindowText) in (QColor("#000000"), QColor("#ffffff"))


# --------------------------------------------------------------------------- contrast


def luminance(c: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def over(fg: QColor, bg: QColor) -> QColor:
    """``fg`` (which may be see-through) as it shows on ``bg``."""
    a = fg.alphaF()
    return QColor.fromRgbF(fg.redF() * a + bg.redF() * (1 - a), fg.greenF() * a + bg.greenF() * (1 - a),
                           fg.blueF() * a + bg.blueF() * (1 - a))


def contrast(fg: QColor, bg: QColor) -> float:
    """The WCAG contrast ratio of ``fg`` drawn on ``bg`` (1 to 21)."""
    a, b = luminance(over(fg, bg)), luminance(over(bg, QColor("#ffffff")))
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def toward_contrast(fg: QColor, bgs: list[QColor], ratio: float = TEXT_CONTRAST) -> QColor:
    """``fg``, darkened or lightened (its hue kept) until it reaches ``ratio`` on every ``bgs``."""
    if all(contrast(fg, b) >= ratio for b in bgs):
        return fg
    dark_bg = sum(luminance(over(b, QColor("#ffffff"))) for b in bgs) / len(bgs) < 0.18
    target = QColor("#ffffff") if dark_bg else QColor("#000000")
    c = over(fg, bgs[0])
    for step in range(1, 21):
        t = step / 20
        mixed = QColor.fromRgbF(c.redF() + (target.redF() - c.redF()) * t, c.greenF() + (target.greenF() - c.greenF()) * t,
                                c.blueF() + (target.blueF() - c.blueF()) * t)
        if all(contrast(mixed, b) >= ratio for b in bgs):
            return mixed
    return target


#: (text role, the background roles it is drawn on) for every pair the app shows text in.
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, tuple[QPalette.ColorRole, ...]], ...] = (
    (QPalette.ColorRole.WindowText, (QPalette.ColorRole.Window, QPalette.ColorRole.AlternateBase)),
    (QPalette.ColorRole.Text, (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)),
    (QPalette.ColorRole.ButtonText, (QPalette.ColorRole.Button,)),
    (QPalette.ColorRole.HighlightedText, (QPalette.ColorRole.Highlight,)),
    (QPalette.ColorRole.PlaceholderText, (QPalette.ColorRole.Base,)),
    (QPalette.ColorRole.ToolTipText, (QPalette.ColorRole.ToolTipBase,)),
    (QPalette.ColorRole.Link, (QPalette.ColorRole.Base, QPalette.ColorRole.Window)),
)


def readable(palette: QPalette) -> QPalette:
    """``palette`` with every text colour at 4.5:1 or more on what it is drawn on.

    A palette that already does is returned as it is; otherwise only the failing text colours
    move (towards black on a light background, white on a dark one). The selection colour is
    darkened or lightened instead of its text when that text is already black or white.
    """
    pal = QPalette(palette)
    group = QPalette.ColorGroup
    for g in (group.Active, group.Inactive):
        for fg_role, bg_roles in TEXT_PAIRS:
            fg = pal.color(g, fg_role)
            bgs = [pal.color(g, r) for r in bg_roles]
            if all(contrast(fg, b) >= TEXT_CONTRAST for b in bgs):
                continue
            if fg_role is QPalette.ColorRole.HighlightedText and fg in (QColor("#ffffff"), QColor("#000000")):
                pal.setColor(g, QPalette.ColorRole.Highlight, toward_contrast(bgs[0], [fg]))
            else:
                pal.setColor(g, fg_role, toward_contrast(fg, bgs))
    return pal


def high_contrast_palette(dark: bool = True) -> QPalette:
    """The high-contrast palette: pure black and white, a yellow (or blue) selection."""
    p = QPalette()
    R = QPalette.ColorRole
    bg, fg = (QColor("#000000"), QColor("#ffffff")) if dark else (QColor("#ffffff"), QColor("#000000"))
    sel, sel_text = (QColor("#ffff00"), QColor("#000000")) if dark else (QColor("#00007f"), QColor("#ffffff"))
    for role in (R.Window, R.Base, R.AlternateBase, R.Button, R.ToolTipBase):
        p.setColor(role, bg)
    for role in (R.WindowText, R.Text, R.ButtonText, R.ToolTipText, R.PlaceholderText, R.BrightText):
        p.setColor(role, fg)
    p.setColor(R.Highlight, sel)
    p.setColor(R.HighlightedText, sel_text)
    p.setColor(R.Link, QColor("#00ffff") if dark else QColor("#00007f"))
    for role in (R.Mid, R.Dark, R.Midlight, R.Light, R.Shadow):
        p.setColor(role, fg)
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9a9a9a") if dark else QColor("#5a5a5a"))
    return p


_hints: list = []  # Qt's style hints and accessibility hints, held: PySide would otherwise delete them


def _accessibility_hints():
    if not _hints:
        style_hints = QGuiApplication.styleHints()
        _hints.extend([style_hints, style_hints.accessibility()])
    return _hints[1]


def wants_high_contrast() -> bool:
    """The system asks for high contrast (Qt's accessibility hints, from the desktop's setting)."""
    return _accessibility_hints().contrastPreference() == Qt.ContrastPreference.HighContrast


class _Follower:
    """Keeps the application's palette readable, and high-contrast while the system asks."""

    def __init__(self, app: QApplication):
        self.app = app
        _accessibility_hints().contrastPreferenceChanged.connect(self.apply)
        _hints[0].colorSchemeChanged.connect(lambda _scheme: self.apply())

    def apply(self, preference: Qt.ContrastPreference | None = None) -> None:
        high = (preference == Qt.ContrastPreference.HighContrast) if preference is not None else wants_high_contrast()
        self.app.setPalette(QPalette())  # the system's own palette again (light or dark, as it is now)
        system = self.app.palette()
        if high:
            self.app.setPalette(high_contrast_palette(dark=is_dark(system)))
            return
        fixed = readable(system)
        if fixed != system:
            self.app.setPalette(fixed)


_follower: _Follower | None = None


def follow_system(app: QApplication) -> None:
    """Make the app's palette readable now, and follow the system's high-contrast setting
    and its light or dark colours from now on (called once, when the app starts)."""
    global _follower
    if _follower is None:
        _follower = _Follower(app)
        _follower.apply()


def attention_colour(palette: QPalette | None = None) -> QColor:
    """A colour for "overdue" and errors that reads well on the current background."""
    pal = palette or QApplication.palette()
    if is_high_contrast(pal):
        return pal.color(QPalette.ColorRole.WindowText)
    return QColor("#ffb4ab") if is_dark(pal) else QColor("#b3261e")


def calm_colour(palette: QPalette | None = None) -> QColor:
    """A quiet accent for "saved" and the young person's own words."""
    pal = palette or QApplication.palette()
    if is_high_contrast(pal):
        return pal.color(QPalette.ColorRole.WindowText)
    return QColor("#8bd3a8") if is_dark(pal) else QColor("#1e6b43")


def muted_colour(palette: QPalette | None = None) -> QColor:
    """Quieter text (help, notes), still at 4.5:1 on the window and the panels."""
    pal = palette or QApplication.palette()
    c = QColor(pal.color(QPalette.ColorRole.WindowText))
    if is_high_contrast(pal):
        return c
    c.setAlphaF(0.68)
    bgs = [pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.AlternateBase),
           pal.color(QPalette.ColorRole.Base)]
    return toward_contrast(over(c, bgs[0]), bgs)


def focus_colour(palette: QPalette | None = None) -> QColor:
    """The focus ring: at least 3:1 on every background a control sits on."""
    pal = palette or QApplication.palette()
    if is_high_contrast(pal):
        return pal.color(QPalette.ColorRole.Highlight)
    wanted = QColor("#8ab4f8") if is_dark(pal) else QColor("#1558b0")
    bgs = [pal.color(r) for r in (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
                                   QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Button)]
    return toward_contrast(wanted, bgs, GRAPHIC_CONTRAST)


def calendar_icon(palette: QPalette | None = None, size: int = 16) -> QIcon:
    """A small calendar drawn in the palette's text colour (so it works in dark mode)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPainter, QPen, QPixmap

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
QPushButton#Primary:disabled {
    background: palette(button);
    color: palette(mid);
    border: 1px solid palette(mid);
}
"""

#: Added in high contrast: every box a person types in has a border they can see (Fusion draws
#: a box's frame in a shade of the background, which is no shade at all on pure black).
HIGH_CONTRAST_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QAbstractItemView {
    border: 1px solid palette(window-text);
}
QPushButton {
    border: 1px solid palette(button-text);
    border-radius: 0.25em;
}
"""


def style(palette: QPalette | None = None) -> str:
    """The window's style sheet for ``palette`` (the application's by default)."""
    return STYLE + (HIGH_CONTRAST_STYLE if is_high_contrast(palette) else "")
