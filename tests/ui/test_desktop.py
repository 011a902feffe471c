"""Fits the desktop: accessible names everywhere, menus and shortcuts, dark mode, fonts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pathway_app.ui import theme

from .conftest import TODAY, make_window, open_in

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)


def _unnamed(root: QWidget) -> list[str]:
    bad = []
    for w in root.findChildren(QWidget):
        if isinstance(w, INTERACTIVE) and not w.accessibleName().strip():
            if w.objectName().startswith("qt_") or (w.parent() and w.parent().objectName().startswith("qt_")):
                continue  # Qt's own parts (calendar internals, scroll-area corners)
            if type(w).__name__ in ("QScrollBar", "QTableCornerButton"):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
                continue
            if w.parent() is not None and w.parent().metaObject().className() == "QComboBoxPrivateContainer":
                continue  # a combo box's own drop-down list (the combo box has the name)
            bad.append(f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''!r} in {type(w.parent()).__name__}")
    return bad


def test_every_interactive_control_has_an_accessible_name(qtbot, window, store):
    from pathway_app.demo import demo_plans

    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    window.load_caseload()
    view = open_in(window, qtbot, plans[0].id)
    for key in view.pages:
        view.show_area(key)
    window.together_action.trigger()
    window.leave_together()
    assert _unnamed(window) == []


def test_menus_and_shortcuts(window):
    names = {a.text(): a for m in window.menuBar().actions() for a in m.menu().actions() if a.text()}
    for text in ("&New young person…", "&Import…", "&Export…", "Export &PDF…", "&Undo", "&Redo",
                 "&Find a young person", "&Together mode"):
        assert text in names, text
    assert names["&New young person…"].shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert names["&Find a young person"].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert names["&Together mode"].shortcut().toString() == "F11"


def test_dark_mode_uses_the_palette(qtbot, store, data_dir, saved_plan):
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(theme.dark_palette())
    try:
        win = make_window(qtbot, store, data_dir)
        open_in(win, qtbot, saved_plan.id)
        for key in ("about", "people", "support"):
            win.plan_view.show_area(key)
            img = win.grab().toImage()
            light = 0
            n = 0
            for x in range(0, img.width(), 7):
                for y in range(0, img.height(), 7):
                    n += 1
                    if QColor(img.pixel(x, y)).lightnessF() > 0.8:
                        light += 1
            assert light / n < 0.05, (key, light / n)  # no big white panels in dark mode
        win.close()
    finally:
        app.setPalette(old)


def test_fonts_follow_the_system_font(qtbot, store, data_dir, saved_plan):
    app = QApplication.instance()
    old = app.font()
    f = app.font()
    f.setPointSizeF(old.pointSizeF() * 1.5)
    app.setFont(f)
    try:
        win = make_window(qtbot, store, data_dir)
        open_in(win, qtbot, saved_plan.id)
        page = win.plan_view.show_area("about")
        field = page._forms[1][0].widget("given_name")
        assert field.font().pointSizeF() >= f.pointSizeF() - 0.01
        assert win.plan_view.header.name.font().pointSizeF() > f.pointSizeF()
        win.close()
    finally:
        app.setFont(old)


@pytest.mark.parametrize("family", [None, "DejaVu Sans"], ids=["system font", "DejaVu Sans"])
def test_a_large_system_font_never_pushes_a_page_off_the_side(qtbot, store, data_dir, family):
    """16 pt in a 1360 × 860 window: every area of a full plan, its prompt cards and the list of
    areas fit their width (no sideways scroll bar, nothing cut off at the right).

    Also in DejaVu Sans, a wide font that is the system font on many Linux desktops (it was
    here until Noto was installed): field labels side by side were too wide in it."""
    from PySide6.QtWidgets import QScrollArea

    from pathway_app.demo import demo_plans
    from pathway_app.ui.areas import AREAS

    app = QApplication.instance()
    old = app.font()
    f = app.font()
    if family:
        f.setFamily(family)
    f.setPointSizeF(16)
    app.setFont(f)
    try:
        plans = demo_plans(TODAY)
        for p in plans:
            store.save(p, today=TODAY)
        win = make_window(qtbot, store, data_dir)
        win.resize(1360, 860)
        view = open_in(win, qtbot, plans[0].id)
        sideways = []
        for key, _title in AREAS:
            page = view.show_area(key)
            qtbot.wait(200)  # let the page and its prompt cards settle (lazy cards, a busy machine)
            for area in [page.scroll, *page.prompt_side.findChildren(QScrollArea)]:
                if area.isVisible() and area.horizontalScrollBar().isVisible():
                    sideways.append((key, area.objectName() or "form"))
        assert sideways == []
        assert not view.area_list.horizontalScrollBar().isVisible()
        win.session._timer.stop()
        win.close()
    finally:
        app.setFont(old)


def test_the_styles_use_no_fixed_colours_or_pixel_font_sizes():
    import re

    assert not re.search(r"#[0-9a-fA-F]{3,6}|rgb\(", theme.STYLE)
    assert "font-size" not in theme.STYLE


def test_the_what_column_of_actions_gets_the_room(qtbot, window, store):
    """In the support plan, "What" is the column that matters; the short ones fit their text."""
    from pathway_app.domain import model as m

    from builders import minimal_plan

    plan = minimal_plan()
    plan.area("support").actions.append(
        m.Action(what="Agree how often Leon and Kayla meet, and where", who="Leon Carter",
                 by_when=TODAY)
    )
    store.save(plan, today=TODAY)
    window.resize(1360, 860)
    view = open_in(window, qtbot, plan.id)
    view.show_area("support")
    table = view.pages["support"].actions.table
    qtbot.waitUntil(table.isVisible)
    table.setFixedWidth(420)  # as narrow as it is beside a full prompts column
    qtbot.waitUntil(lambda: table.viewport().width() < 420)
    hh = table.horizontalHeader()
    total = sum(hh.sectionSize(i) for i in range(hh.count()))
    assert hh.sectionSize(0) >= 0.4 * total, [hh.sectionSize(i) for i in range(hh.count())]
