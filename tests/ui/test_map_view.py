"""The relationship map widget: drawing, clicks, keyboard, text alternative, crowds."""

from __future__ import annotations

import math
import random
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage

from pathway_app.demo import demo_plans
from pathway_app.domain.model import Plan, Relationship, YoungPerson
from pathway_app.domain.vocab import (
    Closeness,
    ContactFrequency,
    RelationshipStatus,
    RelationshipType,
    ThereAt25,
)
from pathway_app.ui.map_layout import MIN_NODE_RADIUS
from pathway_app.ui.map_view import RelationshipMapWidget
from pathway_app.ui.theme import dark_palette

TODAY = date(2026, 11, 23)



def rel(name, kind, closeness=Closeness.CLOSE, freq=ContactFrequency.MONTHLY,
        at25=ThereAt25.NOT_ASKED, status=RelationshipStatus.CONTINUING, **kw) -> Relationship:
    return Relationship(name=name, relationship_type=kind, closeness=closeness,
                        contact_frequency=freq, there_at_25=at25, status=status, **kw)


def demo_like_plan() -> Plan:
    T, C, F, A = RelationshipType, Closeness, ContactFrequency, ThereAt25
    p = Plan(person=YoungPerson(given_name="Amira", preferred_name="Amira", family_name="Hassan",
                                date_of_birth=date(2008, 5, 14)))
    p.relationships = [
        rel("Sam Hassan", T.SIBLING, C.VERY_CLOSE, F.WEEKLY, A.YES, description="My big brother"),
        rel("Leila", T.SIBLING, C.CLOSE, F.MONTHLY, A.MAYBE),
        rel("Nan (Fatima)", T.GRANDPARENT, C.VERY_CLOSE, F.WEEKLY, A.YES),
        rel("Mum", T.PARENT, C.NOT_CLOSE, F.RARELY),
        rel("Jade", T.FRIEND, C.VERY_CLOSE, F.DAILY, A.YES),
        rel("Coach Dee", T.COMMUNITY, C.CLOSE, F.WEEKLY, A.MAYBE),
        rel("Helen & Mark", T.FOSTER_CARER, C.VERY_CLOSE, F.DAILY, A.YES),
        rel("Joanne", T.RESIDENTIAL_KEY_WORKER, C.CLOSE, F.NONE, A.NO, RelationshipStatus.ENDED),
        rel("Rachel Okafor", T.PERSONAL_ADVISER, C.CLOSE, F.MONTHLY, A.MAYBE),
        rel("Dan", T.SOCIAL_WORKER, C.NOT_CLOSE, F.MONTHLY, status=RelationshipStatus.ENDING),
        rel("زينب", T.OTHER_FAMILY, C.CLOSE, F.FEW_TIMES_A_YEAR),
    ]
    return p


def crowd_plan(n: int = 200, seed: int = 3) -> Plan:
    rnd = random.Random(seed)
    p = Plan(person=YoungPerson(given_name="Kai", date_of_birth=date(2009, 2, 28)))
    for i in range(n):
        p.relationships.append(rel(
            f"Person {i}", rnd.choice(list(RelationshipType)), rnd.choice(list(Closeness)),
            rnd.choice(list(ContactFrequency)), rnd.choice(list(ThereAt25)),
            rnd.choice(list(RelationshipStatus)),
        ))
    return p


@pytest.fixture
def plan() -> Plan:
    return demo_like_plan()


@pytest.fixture
def widget(qtbot, plan):
    w = RelationshipMapWidget()
    qtbot.addWidget(w)
    w.set_plan(plan)
    w.resize(900, 680)
    w.show()
    qtbot.waitExposed(w)
    return w


def colours(img: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            seen.add(img.pixel(x, y))
    return len(seen)


def by_name(plan: Plan, name: str) -> Relationship:
    return next(r for r in plan.relationships if r.name == name)


# --------------------------------------------------------------------------- drawing


def test_draws_demo_like_data_without_warnings(widget):
    img = widget.grab().toImage()
    assert img.width() >= 900 and colours(img) > 40


def test_dark_palette_draws_and_differs(widget):
    light = widget.grab().toImage()
    widget.setPalette(dark_palette())
    dark = widget.grab().toImage()
    assert colours(dark) > 40
    assert light.pixel(3, 3) != dark.pixel(3, 3)


@pytest.mark.parametrize("demo", demo_plans(TODAY), ids=lambda p: p.person.given_name)
def test_every_demo_plan_draws(qtbot, demo):
    w = RelationshipMapWidget()
    qtbot.addWidget(w)
    w.set_plan(demo)
    w.resize(800, 600)
    assert colours(w.grab().toImage()) > 10


def test_empty_and_no_plan_draw(qtbot):
    w = RelationshipMapWidget()
    qtbot.addWidget(w)
    w.resize(500, 400)
    assert not w.grab().isNull()
    w.set_plan(Plan())
    assert colours(w.grab().toImage()) > 5
    assert "No one has been added yet" in w.accessibleDescription()


def test_everyone_is_on_the_map_with_their_flags(widget, plan):
    frame = widget.frame()
    assert {p.id for p in frame.people} == {r.id for r in plan.relationships}
    ended = [p for p in frame.people if p.node.ended]
    assert [p.rel.name for p in ended] == ["Joanne"]
    sam = next(p for p in frame.people if p.rel.name == "Sam Hassan")
    assert sam.node.there_at_25 and not sam.node.maybe_at_25
    leila = next(p for p in frame.people if p.rel.name == "Leila")
    assert leila.node.maybe_at_25 and not leila.node.there_at_25
    # daily contact draws a heavier line than rare contact; ended is dashed
    jade = next(p for p in frame.people if p.rel.name == "Jade")
    mum = next(p for p in frame.people if p.rel.name == "Mum")
    assert jade.node.line_width > mum.node.line_width and mum.node.line_dash
    assert ended[0].node.line_dash


def test_nodes_labels_and_titles_do_not_overlap(widget):
    frame = widget.frame()
    people = frame.people
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r
    rects = [p.label_rect for p in people if p.label_rect is not None]
    rects += [s.title_rect for s in frame.sectors]
    assert len(rects) >= len(people) // 2 + 4  # most people keep their name on the map
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)
    bounds = QRectF(widget.rect())
    for r in rects:
        assert bounds.contains(r)


def test_scales_with_the_widget(widget, qtbot):
    small = widget.frame().scale
    widget.resize(1400, 1000)
    assert widget.frame().scale > small * 1.3


# --------------------------------------------------------------------------- interaction


def test_click_on_a_person_emits_their_id(widget, plan, qtbot):
    for name in ("Sam Hassan", "Joanne", "Dan"):
        target = by_name(plan, name)
        pos = widget.node_center(target.id)
        assert pos is not None
        with qtbot.waitSignal(widget.personActivated, timeout=1000) as blocker:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos.toPoint())
        assert blocker.args == [target.id]


def test_click_on_empty_space_emits_nothing(widget, qtbot):
    with qtbot.assertNotEmitted(widget.personActivated):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, widget.height() // 2))


def test_add_button_and_double_click_on_empty_space_ask_to_add(widget, qtbot):
    button = widget.add_button()
    assert button.isVisible() and button.text() == "Add a person"
    assert widget.rect().contains(button.geometry())
    with qtbot.waitSignal(widget.addPersonRequested, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(widget.addPersonRequested, timeout=1000):
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def test_keyboard_moves_between_people_and_enter_opens(widget, qtbot):
    people = widget.frame().people
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    assert widget.focused_person_id() == people[0].id
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    qtbot.keyClick(widget, Qt.Key.Key_Left)
    assert widget.focused_person_id() == people[1].id
    assert people[1].rel.name in widget.accessibleName()
    with qtbot.waitSignal(widget.personActivated, timeout=1000) as blocker:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert blocker.args == [people[1].id]
    qtbot.keyClick(widget, Qt.Key.Key_End)
    with qtbot.waitSignal(widget.personActivated, timeout=1000) as blocker:
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert blocker.args == [people[-1].id]


def test_tab_leaves_the_map_the_arrows_walk_the_people(widget, qtbot):
    """Tab goes from control to control (issue 16): from the map to the next one, never
    person by person; the arrow keys move between the people."""
    widget.activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    people = widget.frame().people
    assert widget.focused_person_id() == people[0].id
    for expected in people[1:]:
        qtbot.keyClick(widget, Qt.Key.Key_Right)
        assert widget.focused_person_id() == expected.id
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)  # on to the add button, after one Tab
    qtbot.waitUntil(widget.add_button().hasFocus, timeout=2000)


def test_tooltip_describes_the_person(widget, plan):
    sam = by_name(plan, "Sam Hassan")
    tip = widget.tooltip_at(widget.node_center(sam.id))
    assert "Sam Hassan" in tip and "My big brother" in tip and "there at 25: yes" in tip
    assert "every week" in tip


def test_hover_highlights(widget, plan, qtbot):
    sam = by_name(plan, "Sam Hassan")
    qtbot.mouseMove(widget, widget.node_center(sam.id).toPoint())
    qtbot.waitUntil(lambda: widget._hover == sam.id, timeout=1000)
    assert colours(widget.grab().toImage()) > 40


# --------------------------------------------------------------------------- words


def test_text_alternative_names_who_will_be_there_at_25(widget, plan):
    desc = widget.accessibleDescription()
    assert widget.accessibleName().startswith("Relationship map")
    assert "Will be there at 25:" in desc
    there = desc.split("Will be there at 25:")[1].split(".")[0]
    for name in ("Sam Hassan", "Nan (Fatima)", "Jade", "Helen & Mark"):
        assert name in there
    assert "Leila" not in there and "Joanne" not in there
    assert "Maybe there at 25:" in desc and "Rachel Okafor" in desc
    assert "relationship ended" in desc  # Joanne
    assert "ending with a move" in desc  # Dan


def test_text_alternative_says_when_no_one_is_there_at_25(qtbot):
    w = RelationshipMapWidget()
    qtbot.addWidget(w)
    p = Plan(person=YoungPerson(given_name="Jo"))
    p.relationships = [rel("Alex", RelationshipType.FRIEND)]
    w.set_plan(p)
    assert "No one is marked yet" in w.accessibleDescription()


# --------------------------------------------------------------------------- crowds


def test_two_hundred_people_lay_out_readably(qtbot):
    plan = crowd_plan(200)
    w = RelationshipMapWidget()
    qtbot.addWidget(w)
    w.set_plan(plan)
    w.resize(900, 680)
    w.show()
    frame = w.frame()
    people = frame.people
    assert 5 <= len(people) <= 36
    assert len(people) + len(frame.not_shown) == 200
    assert frame.more_rect is not None
    min_gap = 2 * MIN_NODE_RADIUS
    for i, a in enumerate(people):
        assert a.r >= MIN_NODE_RADIUS
        for b in people[i + 1:]:
            assert math.hypot(a.x - b.x, a.y - b.y) >= min_gap
    bounds = QRectF(w.rect())
    for p in people:
        assert bounds.contains(QRectF(p.x - p.r, p.y - p.r, 2 * p.r, 2 * p.r))
        if p.label_rect is not None:
            assert bounds.contains(p.label_rect)
    assert bounds.contains(frame.more_rect)
    assert f"+{len(frame.not_shown)} more" in w.tooltip_at(frame.more_rect.center()) or \
        f"{len(frame.not_shown)} more people" in w.tooltip_at(frame.more_rect.center())
    # the text alternative still names everyone
    desc = w.accessibleDescription()
    assert all(f"Person {i}," in desc for i in (0, 57, 199))
    assert colours(w.grab().toImage()) > 30


@pytest.mark.parametrize("size", [(360, 320), (600, 900), (1600, 500)])
def test_odd_sizes_keep_everything_inside(qtbot, size):
    w = RelationshipMapWidget()
    qtbot.addWidget(w)
    w.set_plan(crowd_plan(60, seed=9))
    w.resize(*size)
    frame = w.frame()
    bounds = QRectF(w.rect())
    for p in frame.people:
        assert bounds.contains(QPointF(p.x, p.y))
    for i, a in enumerate(frame.people):
        for b in frame.people[i + 1:]:
            assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r
    assert not w.grab().isNull()
