"""The timeline widget: the road from 16 to 25, its events, today and the words for it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from pathway_app.demo import demo_plans
from pathway_app.domain import dates
from pathway_app.domain.model import Action, Home, Plan, Review, StayingPut, StayingPutAgreement, YoungPerson
from pathway_app.domain.vocab import ActionStatus, Area, Decision
from pathway_app.ui.theme import dark_palette
from pathway_app.ui.timeline_view import TimelineWidget, build_events

TODAY = date(2026, 11, 23)
DOB = date(2008, 5, 14)



def demo_like_plan() -> Plan:
    p = Plan(person=YoungPerson(given_name="Amira", preferred_name="Amira", date_of_birth=DOB))
    p.reviews = [Review(held_on=date(2024, 11, 2)), Review(held_on=date(2025, 5, 20)),
                 Review(held_on=date(2025, 11, 18)), Review(held_on=date(2026, 6, 9))]
    p.plan_agreed_on = date(2024, 8, 1)
    p.needs_assessment_done_on = date(2024, 7, 10)
    p.home = Home(planned_description="Flat near college", planned_move_date=date(2027, 9, 1))
    p.staying_put = StayingPut(decision=Decision.AGREED, agreements=[StayingPutAgreement(end=date(2027, 8, 31))])
    p.pa_support_to_25 = True
    for what, when in [("Open a bank account", date(2026, 12, 15)), ("Register with a dentist", date(2027, 1, 10)),
                       ("Apply for a bursary", date(2027, 1, 20)), ("Visit the flat", date(2027, 6, 1)),
                       ("Passport application", date(2026, 10, 1)), ("Learn to cook", date(2027, 3, 1))]:
        p.area(Area.FINANCE).actions.append(Action(what=what, who="Rachel", by_when=when))
    p.area(Area.HEALTH).actions.append(Action(what="Done already", by_when=date(2027, 2, 1), status=ActionStatus.DONE))
    return p


def colours(img: QImage, step: int = 5) -> int:
    return len({img.pixel(x, y) for y in range(0, img.height(), step) for x in range(0, img.width(), step)})


@pytest.fixture
def plan() -> Plan:
    return demo_like_plan()


@pytest.fixture
def widget(qtbot, plan):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.set_plan(plan, TODAY)
    w.resize(1100, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


# --------------------------------------------------------------------------- drawing


def test_draws_without_warnings(widget):
    img = widget.grab().toImage()
    assert colours(img) > 30


def test_dark_palette(widget):
    light = widget.grab().toImage()
    widget.setPalette(dark_palette())
    dark = widget.grab().toImage()
    assert colours(dark) > 30 and dark.pixel(2, 2) != light.pixel(2, 2)


@pytest.mark.parametrize("demo", demo_plans(TODAY), ids=lambda p: p.person.given_name)
def test_every_demo_plan_draws(qtbot, demo):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.set_plan(demo, TODAY)
    w.resize(900, 260)
    assert not w.grab().isNull()


def test_no_date_of_birth_says_so_kindly(qtbot):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.set_plan(Plan(person=YoungPerson(given_name="Jo")), TODAY)
    w.resize(600, 200)
    assert w.frame() is None and w.today_x() is None
    assert w.message() == "Add Jo’s date of birth to see the road from 16 to 25."
    assert w.accessibleDescription() == w.message()
    assert colours(w.grab().toImage()) > 2


# --------------------------------------------------------------------------- geometry


def test_today_marker_is_proportional_between_16_and_25(widget):
    f = widget.frame()
    d16, d25 = dates.birthday(DOB, 16), dates.birthday(DOB, 25)
    share = (TODAY - d16).days / (d25 - d16).days
    assert f.x0 < widget.today_x() < f.x1
    assert widget.today_x() == pytest.approx(f.x0 + share * (f.x1 - f.x0), abs=0.5)
    assert f.today_in_range


def test_birthday_ticks_sit_on_the_road_in_order(widget):
    f = widget.frame()
    ages = [t.age for t, _x in f.ticks]
    assert ages == list(range(16, 26))
    xs = [x for _t, x in f.ticks]
    assert xs == sorted(xs) and xs[0] == pytest.approx(f.x0) and xs[-1] == pytest.approx(f.x1)


@pytest.mark.parametrize("today", [date(2023, 1, 1), date(2035, 1, 1)])
def test_today_outside_the_road_is_pinned_to_its_end(qtbot, plan, today):
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.set_plan(plan, today)
    w.resize(900, 260)
    f = w.frame()
    assert not f.today_in_range
    assert w.today_x() == pytest.approx(f.x0 if today < DOB.replace(year=2024) else f.x1)
    assert not w.grab().isNull()


def test_labels_do_not_overlap_and_stay_inside(widget):
    f = widget.frame()
    rects = [m.label_rect for m in f.markers if m.label_rect is not None]
    assert len(rects) >= 8
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)
    for r in rects:
        assert widget.rect().contains(r.toRect())
    above = [m for m in f.markers if m.label_rect is not None and m.label_rect.bottom() < f.road_y]
    below = [m for m in f.markers if m.label_rect is not None and m.label_rect.top() > f.road_y]
    assert above and below  # staggered both sides


def test_crowded_actions_are_bundled(qtbot):
    p = Plan(person=YoungPerson(given_name="Kai", date_of_birth=DOB))
    for i in range(5):
        p.area(Area.SKILLS).actions.append(Action(what=f"Skill {i}", by_when=TODAY + timedelta(days=3 * i)))
    events, info = build_events(p, TODAY)
    actions = [e for e in events if e.kind == "action"]
    assert len(actions) == 1 and actions[0].label == "5 actions"
    assert info[id(actions[0])].count == 5 and "Skill 4" in info[id(actions[0])].detail


def test_many_events_still_lay_out(qtbot):
    p = demo_like_plan()
    for i in range(40):
        p.area(Area.EDUCATION).actions.append(Action(what=f"Step {i}", by_when=date(2025, 1, 1) + timedelta(days=70 * i)))
    p.reviews += [Review(held_on=date(2024, 6, 1) + timedelta(days=91 * i)) for i in range(12)]
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.set_plan(p, TODAY)
    w.resize(700, 220)
    f = w.frame()
    rects = [m.label_rect for m in f.markers if m.label_rect is not None]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b)
    assert colours(w.grab().toImage()) > 20


# --------------------------------------------------------------------------- words


def test_accessible_description_lists_events_in_order(widget):
    desc = widget.accessibleDescription()
    assert widget.accessibleName() == "Timeline from 16 to 25"
    assert "Today is 23 November 2026, age 18." in desc
    order = ["16th birthday", "Review held on 2 November 2024", "18th birthday",
             "Action: Passport application", "Next review due", "Staying Put ends 31 August 2027",
             "Planned move on 1 September 2027", "21st birthday", "25th birthday"]
    positions = [desc.index(words) for words in order]
    assert positions == sorted(positions)
    assert "Done already" not in desc  # finished actions are not on the road


def test_tooltips_for_events_and_milestones(widget, plan):
    f = widget.frame()
    move = next(m for m in f.markers if m.placed.event.kind == "move")
    assert "Planned move on 1 September 2027: Flat near college" == widget.tooltip_at(QPointF(move.x, move.y))
    tick, x = next((t, x) for t, x in f.ticks if t.age == 18)
    tip = widget.tooltip_at(QPointF(x, f.road_y))
    assert tip.startswith("18th birthday: 14 May 2026")
    overdue = next(m for m in f.markers if "Passport" in m.placed.event.label)
    assert overdue.overdue and "overdue" in overdue.info.detail


def test_the_young_person_s_own_road_shows_births_a_baby_due_leave_ending_and_support_after_home():
    """The same family dates as the PDF's timeline: a child born, a baby due, immigration leave
    ending, the review of support after going back to family — each drawn in a style of its own."""
    from pathway_app.domain.model import Child, ImmigrationMatter, ReturnHome
    from pathway_app.domain.vocab import ImmigrationStatus
    from pathway_app.export.blocks import timeline as pdf_timeline
    from pathway_app.ui.timeline_view import KIND_STYLE

    p = demo_like_plan()
    p.children = [Child(name="Ava", born_on=date(2026, 4, 2)), Child(due_on=date(2027, 2, 10))]
    p.immigration = [ImmigrationMatter(status=ImmigrationStatus.LIMITED_LEAVE, since=date(2024, 2, 1),
                                       until=date(2027, 1, 31))]
    p.return_home = ReturnHome(returned_on=date(2026, 9, 1), support="Visits", review_on=date(2027, 1, 15))
    events, info = build_events(p, TODAY)
    mine = {(e.when, e.kind) for e in events if e.kind in ("baby", "immigration", "return_home")}
    assert mine == {(date(2026, 4, 2), "baby"), (date(2027, 2, 10), "baby"), (date(2027, 1, 31), "immigration"),
                    (date(2027, 1, 15), "return_home")}
    pdf = {(e.when, e.kind) for e in pdf_timeline(p, TODAY, first_person=False).data.events
           if e.kind in ("baby", "immigration", "return_home")}
    assert mine == pdf  # the app and the PDF show the same dates
    assert all(e.kind in KIND_STYLE for e in events)
    details = [info[id(e)].detail for e in events]
    assert "Ava born on 2 April 2026" in details and "Baby due: 10 February 2027" in details
