"""Contrast, measured from the theme's own colours: every pair the app draws text in meets
WCAG 2.2 AA (4.5:1) in the light, dark and high-contrast palettes, the focus ring stands out
(3:1) against every background a control sits on, and the app follows the system's
high-contrast setting.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from pathway_app.domain.guidance import Urgency
from pathway_app.ui import theme
from pathway_app.ui.prompts_panel import urgency_colour

R = QPalette.ColorRole


def palettes() -> dict[str, QPalette]:
    """What the app shows: the system's light palette (Fusion's, as on a plain desktop) and the
    dark one, each made readable as the app does; and the two high-contrast palettes."""
    light = QStyleFactory.create("Fusion").standardPalette()
    return {
        "light": theme.readable(light),
        "dark": theme.readable(theme.dark_palette()),
        "high contrast": theme.high_contrast_palette(dark=True),
        "high contrast (light)": theme.high_contrast_palette(dark=False),
    }


PALETTES = list(palettes())


def ratio(fg: QColor, bg: QColor) -> float:
    return round(theme.contrast(fg, bg), 2)


@pytest.fixture(params=PALETTES)
def palette(request, qapp) -> QPalette:
    return palettes()[request.param]


def test_the_measure_is_wcag_s():
    assert ratio(QColor("#000000"), QColor("#ffffff")) == 21.0
    assert ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert ratio(QColor("#ffffff"), QColor("#ffffff")) == 1.0
    half = QColor("#000000")
    half.setAlphaF(0.5)
    assert ratio(half, QColor("#ffffff")) == ratio(QColor("#808080"), QColor("#ffffff")) or \
        abs(ratio(half, QColor("#ffffff")) - ratio(QColor("#7f7f7f"), QColor("#ffffff"))) < 0.1


def test_every_text_colour_of_the_palette_reads_on_its_background(palette):
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg_role, bg_roles in theme.TEXT_PAIRS:
            for bg_role in bg_roles:
                r = ratio(palette.color(group, fg_role), palette.color(group, bg_role))
                assert r >= theme.TEXT_CONTRAST, (fg_role.name, bg_role.name, r)


def test_the_app_s_own_text_colours_read_on_every_background_they_are_drawn_on(palette):
    window, base, alt = palette.color(R.Window), palette.color(R.Base), palette.color(R.AlternateBase)
    own = {
        "muted (help, notes)": (theme.muted_colour(palette), (window, alt, base)),
        "attention (overdue, problems)": (theme.attention_colour(palette), (window, alt, base)),
        "calm (saved, their words)": (theme.calm_colour(palette), (window, alt)),
    }
    for urgency in Urgency:  # the prompt cards are drawn on base
        own[f"urgency {urgency.label}"] = (urgency_colour(urgency, palette), (base,))
    for what, (fg, bgs) in own.items():
        for bg in bgs:
            assert ratio(fg, bg) >= theme.TEXT_CONTRAST, (what, fg.name(), bg.name(), ratio(fg, bg))


def test_the_focus_ring_stands_out_on_every_background(palette):
    ring = theme.focus_colour(palette)
    for role in (R.Window, R.Base, R.AlternateBase, R.Button):
        assert ratio(ring, palette.color(role)) >= theme.GRAPHIC_CONTRAST, (role.name, ring.name())


def test_timeline_words_read_on_their_pills(qtbot, palette):
    from pathway_app.ui.timeline_view import KIND_STYLE, TimelineWidget

    w = TimelineWidget()
    qtbot.addWidget(w)
    dark = theme.is_dark(palette)
    for kind in KIND_STYLE:
        _strong, soft, ink = w._kind_colours(kind, dark)
        assert ratio(ink, soft) >= theme.TEXT_CONTRAST, (kind, ink.name(), soft.name())
    today = w._today_colour(dark)
    words = QColor("#1b1b1b") if dark else QColor("white")
    assert ratio(words, today) >= theme.TEXT_CONTRAST, (today.name(), ratio(words, today))


def test_readable_leaves_a_good_palette_alone_and_mends_a_poor_one(qapp):
    good = theme.dark_palette()
    assert theme.readable(good) == good
    poor = QPalette(good)
    poor.setColor(R.PlaceholderText, QColor("#3a3f48"))  # grey on grey
    mended = theme.readable(poor)
    assert ratio(mended.color(R.PlaceholderText), mended.color(R.Base)) >= theme.TEXT_CONTRAST
    assert mended.color(R.Text) == good.color(R.Text)  # what was fine is untouched


def test_the_app_follows_the_system_s_high_contrast_setting(qtbot, qapp):
    from pathway_app.ui.app import make_application

    make_application([])  # the app starts following the system
    before = QPalette(qapp.palette())
    hints = theme._accessibility_hints()
    try:
        hints.contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
        assert theme.is_high_contrast(qapp.palette())
        assert theme.focus_colour(qapp.palette()) == qapp.palette().color(R.Highlight)
        hints.contrastPreferenceChanged.emit(Qt.ContrastPreference.NoPreference)
        assert not theme.is_high_contrast(qapp.palette())
    finally:
        QApplication.setPalette(before)


def test_a_window_opened_in_high_contrast_uses_its_colours(qtbot, window, qapp):
    before = QPalette(qapp.palette())
    try:
        theme._accessibility_hints().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
        qtbot.wait(10)
        label = window.caseload.findChildren(type(window.save_label))[0]
        pal = label.palette()
        assert ratio(pal.color(R.WindowText), pal.color(R.Window)) == 21.0
        assert theme.HIGH_CONTRAST_STYLE in window.styleSheet()  # boxes to type in have a border to see
    finally:
        QApplication.setPalette(before)
