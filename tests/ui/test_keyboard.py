"""The keyboard: Tab goes from control to control in reading order, to every one of them.

Every page of a plan is walked with the Tab key alone, as a person who cannot use a mouse
would: from the list of areas through the page top to bottom, into the prompts column and
round again (issue 16: Tab walked a table cell by cell and jumped back to the top, so the
buttons, the form under a table and the prompts were never reached). Every control on screen
that takes the keyboard must be reached, once, in reading order, with the focus ring round it;
the arrow keys move within a table, a list and the map.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QPlainTextEdit, QScrollBar, QWidget

from pathway_app.demo import demo_plans
from pathway_app.ui import focus, theme
from pathway_app.ui.areas import AREAS

from .conftest import TODAY, open_in


@pytest.fixture
def plan_view(qtbot, window, store):
    plan = next(p for p in demo_plans(TODAY) if p.relationships and p.reviews)
    store.save(plan, today=TODAY)
    window.resize(1360, 900)
    return open_in(window, qtbot, plan.id)


def tab_walk(qtbot, start: QWidget, limit: int = 400, back: bool = False, each=None) -> list[QWidget]:
    """Press Tab (Shift+Tab with ``back``) from ``start`` until the focus comes back to it;
    ``each(widget)`` is called on every control reached."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=2000)
    seen: list[QWidget] = [start]
    for _ in range(limit):
        if back:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus_now = QApplication.focusWidget()
        if focus_now is start:
            return seen
        seen.append(focus_now)
        if each is not None:
            each(focus_now)
    raise AssertionError(f"Tab never came back to the start: {[describe(w) for w in seen[-12:]]}")


def describe(w: QWidget) -> str:
    return f"{type(w).__name__}({w.accessibleName()})"


def _inside(w: QWidget, kinds: tuple[type, ...]) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, kinds):
            return True
        p = p.parentWidget()
    return False


def interactive_controls(root: QWidget) -> list[QWidget]:
    """What a keyboard user must be able to reach under ``root``, found without asking the
    app: every control on screen, enabled, that takes focus from the Tab key."""
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if w.focusProxy() is not None or isinstance(w, QScrollBar) or w.isWindow():
            continue
        if _inside(w, (QAbstractItemView, QComboBox, QPlainTextEdit)):
            continue  # a view's or a box's own parts: the view itself is the stop
        out.append(w)
    return out


def box(w: QWidget, ref: QWidget) -> QRect:
    return QRect(w.mapTo(ref, QPoint(0, 0)), w.size())


def assert_reading_order(walked: list[QWidget], page) -> None:
    """The page top to bottom (left before right on a row), then the prompts column."""
    content = [w for w in walked if page.content.isAncestorOf(w)]
    prompts = [w for w in walked if page.prompts.isAncestorOf(w)]
    if content and prompts:
        assert walked.index(content[-1]) < walked.index(prompts[0]), "the prompts come after the page"
    for seq, ref in ((content, page.content), (prompts, page.prompts.list)):
        for before, after in zip(seq, seq[1:]):
            a, b = box(before, ref), box(after, ref)
            assert b.bottom() >= a.top(), f"{describe(after)} is above {describe(before)}"
            if b.top() < a.bottom() and b.bottom() > a.top() and b.left() < a.left():  # the same row
                assert a.contains(b) or b.contains(a) or b.right() > a.left(), \
                    f"{describe(after)} is left of {describe(before)} on the same row"


def assert_ring_round(qtbot, w: QWidget) -> None:
    ring = focus.ring_of(w.window())
    assert ring is not None and ring.target is w, describe(w)
    qtbot.waitUntil(ring.isVisible, timeout=1000)
    seen = w.visibleRegion().boundingRect()
    assert not seen.isEmpty(), f"{describe(w)} has the focus out of sight"
    inner = QRect(w.mapTo(w.window(), seen.topLeft()), seen.size())
    qtbot.waitUntil(lambda: ring.geometry().contains(inner), timeout=1000)
    colour = theme.focus_colour(w.palette())
    for role in ("window", "base"):
        bg = w.palette().window().color() if role == "window" else w.palette().base().color()
        assert theme.contrast(colour, bg) >= theme.GRAPHIC_CONTRAST


@pytest.mark.parametrize("key", [k for k, _t in AREAS])
def test_tab_reaches_every_control_of_a_page_in_reading_order(qtbot, plan_view, key):
    page = plan_view.show_area(key)
    qtbot.waitUntil(lambda: page.isVisible(), timeout=2000)
    qtbot.wait(20)
    walked = tab_walk(qtbot, plan_view.area_list)
    assert len(walked) == len(set(map(id, walked))), "a control was reached twice"
    expected = [w for w in interactive_controls(plan_view)]
    missing = [describe(w) for w in expected if w not in walked]
    assert missing == [], f"never reached with Tab: {missing}"
    assert walked[0] is plan_view.area_list and walked[-1] is plan_view.header.back
    assert_reading_order(walked, page)
    if page.prompts.cards:  # the answers to a prompt can be reached (issue 16, item 1)
        card = page.prompts.cards[0]
        assert all(b in walked for b in card.buttons.values())


@pytest.mark.parametrize("key", ["people", "money", "support"])
def test_every_control_reached_shows_the_focus_ring(qtbot, plan_view, key):
    plan_view.show_area(key)
    qtbot.wait(20)
    walked = tab_walk(qtbot, plan_view.area_list, each=lambda w: assert_ring_round(qtbot, w))
    assert len(walked) > 5


def test_shift_tab_goes_back_the_same_way(qtbot, plan_view):
    plan_view.show_area("money")
    qtbot.wait(20)
    forward = tab_walk(qtbot, plan_view.area_list)
    backward = tab_walk(qtbot, plan_view.area_list, back=True)
    assert backward[1:] == list(reversed(forward[1:]))


def test_arrow_keys_move_within_a_table_and_tab_leaves_it(qtbot, plan_view):
    page = plan_view.show_area("people")
    qtbot.wait(20)
    table = page.people.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=1000)
    first = page.people.current()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert page.people.current() is not first  # the next person, and their editor below
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.people.add_button  # not the next cell


def test_arrow_keys_move_within_the_list_of_areas(qtbot, plan_view):
    plan_view.show_area("about")
    plan_view.area_list.setFocus()
    qtbot.waitUntil(plan_view.area_list.hasFocus, timeout=1000)
    qtbot.keyClick(plan_view.area_list, Qt.Key.Key_Down)
    assert plan_view.current_key() == "people"
    assert plan_view.area_list.hasFocus()
