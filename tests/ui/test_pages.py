"""pathway_app/ui/areas.py and ui/pages/: the areas of a plan and the page that shows each one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QFrame, QLabel

from pathway_app.domain import model as m
from pathway_app.domain.vocab import Area
from pathway_app.ui.areas import AREAS, PROMPT_AREAS, page_for_path, title_of
from pathway_app.ui.pages import PAGE_CLASSES
from pathway_app.ui.session import PlanSession

from .conftest import TODAY
from builders import minimal_plan

# --------------------------------------------------------------------------- the areas


def test_every_area_has_a_page_and_prompt_areas_in_the_same_order():
    keys = [k for k, _t in AREAS]
    assert list(PAGE_CLASSES) == keys and list(PROMPT_AREAS) == keys
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("path,key", [
    ("person.given_name", "about"), ("care_episodes[0].end", "about"), ("relationships[3].name", "people"),
    ("staying_put.end", "home"), ("home.planned_move_date", "home"), ("support_areas[4].actions[0].what", "support"),
    ("life_story[1].title", "identity"), ("plan_agreed_on", "reviews"), ("advisers[0].start", "advisers"),
    ("something.new", "about"),
])
def test_a_problem_is_shown_on_the_page_that_has_its_field(path, key):
    assert page_for_path(path) == key


# --------------------------------------------------------------------------- the pages


@pytest.fixture
def plan(store):
    p = minimal_plan()
    p.relationships += [m.Relationship(name="Nan"), m.Relationship(name="Tyler Brennan")]
    store.save(p, today=TODAY)
    return p


@pytest.fixture
def session(qtbot, store, plan):
    s = PlanSession(store, lambda: TODAY)
    s.open(plan)
    yield s
    s._timer.stop()


@pytest.fixture
def make_page(qtbot, session):
    """``make_page(key)``: the page shown with the plan. Pages live until the test is torn
    down (ask for this fixture before ``qtmodeltester``, which checks their models to the end)."""
    made: list = []

    def make(key):
        page = PAGE_CLASSES[key](session)
        made.append(page)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.set_plan(session.plan)
        page.show()  # a page is built the first time it is shown
        qtbot.waitExposed(page)
        return page

    yield make
    made.clear()


@pytest.mark.parametrize("key", [k for k, _t in AREAS])
def test_each_page_is_headed_with_its_area_and_binds_the_plan(make_page, qtmodeltester, session, key):
    page = make_page(key)
    assert page.title == title_of(key)
    headings = [w.text() for w in page.content.findChildren(QLabel)]
    assert headings[0] == title_of(key) and page.intro in headings
    for ed in page._lists:
        assert ed.plan is session.plan
        qtmodeltester.check(ed.model, force_py=True)
    for form, target, _prefix in page._forms:
        assert form.target is target(session.plan)


def test_a_page_binds_again_only_when_the_plan_changed(qtbot, make_page, session):
    page = make_page("about")
    form = page._forms[1][0]
    page.refresh()
    assert form.target is session.plan.person
    other = minimal_plan(given_name="Kai")
    page.set_plan(other)
    assert form.target is other.person and form.widget("given_name").text() == "Kai"


def test_practitioners_only_fields_are_set_apart(make_page):
    people = make_page("people")
    frames = [f for f in people.content.findChildren(QFrame) if f.property("practitioner_only")]
    assert frames and "not shown in together mode" in frames[0].findChild(QLabel).text()
    labels = {b.label.text() for b in people.people.blocks() if b.label is not None}
    assert {"Contact restrictions", "Safety notes"} <= labels


def test_show_problem_chooses_the_record_and_the_field(qtbot, make_page, session):
    page = make_page("people")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    session.set_field(session.plan.relationships[1], "name", "")
    assert not session.save_now()
    page.show_problem(f"relationships[{session.plan.relationships[1].id}].name")
    assert page.people.current() is session.plan.relationships[1]
    assert QApplication.focusWidget() is page.people.form.widget("name")


def test_the_map_follows_the_people(qtbot, make_page, session):
    page = make_page("people")
    assert page.map.plan() is session.plan and len(page.map.frame().people) == 2
    page.people.add()
    assert len(page.map.frame().people) == 3
    nan = session.plan.relationships[0]
    page.map.personActivated.emit(nan.id)
    assert page.people.current() is nan
    page.set_plan(None)
    assert page.map.plan() is None  # cleared (the app locks)


def test_who_at_25_is_asked_from_the_people_page(qtbot, make_page, session):
    page = make_page("people")
    with qtbot.waitSignal(page.at25Requested):
        page.at25_button.click()


def test_the_support_plan_shows_one_area_at_a_time(make_page, qtmodeltester, session):
    page = make_page("support")
    qtmodeltester.check(page.area_model, force_py=True)
    assert page.current is Area.SUPPORT and page.area_title.text().startswith("1. ")
    page.select_area(Area.HEALTH)
    assert page.current is Area.HEALTH
    assert page.words.prompt.text() == "How are you feeling at the moment, and what helps you stay well?"
    page.actions.add()
    assert len(session.plan.area(Area.HEALTH).actions) == 1
    assert session.plan.area(Area.SUPPORT).actions == []
    assert page.actions.list_path().endswith(".actions")


def test_the_reviews_page_has_the_law_s_prompts_and_a_timeline_that_follows_saves(qtbot, make_page, session):
    page = make_page("reviews")
    assert page.prompts.title.text() == "Things to think about"  # the same name as on every page
    before = page.timeline.frame()
    assert before is not None
    session.set_field(session.plan, "plan_agreed_on", date(2026, 10, 1))
    assert session.save_now()
    assert page.timeline.frame() is not before  # laid out again for the saved plan


def test_a_page_shows_the_copy_loaded_after_a_stale_save(qtbot, make_page, session, store):
    page = make_page("about")
    newer = store.load(session.plan.id, opened=False)
    newer.person.strengths = "Brave"
    session.replace_plan(newer)
    assert page._forms[1][0].target is newer.person
    assert page._forms[1][0].widget("strengths").toPlainText() == "Brave"
