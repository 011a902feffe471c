"""Issue 12's new facts, and issue 13's agreeing the plan, in the app: each typed into its page
as a PA would, saved, read back from the records, and shown where the plan shows it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from pathway_app.domain import model as m
from pathway_app.domain.fields import label
from pathway_app.domain.vocab import (
    DateOfBirthBasis,
    HomeRegistration,
    ImmigrationStatus,
    OrderKind,
    PlanView,
)
from pathway_app.ui.caseload import AGE, NAME

from .conftest import TODAY, open_in, wait_saved
from builders import minimal_plan


def choose(combo, code) -> None:
    """Pick ``code`` in a drop-down as a person would (the form hears it)."""
    i = combo.findData(code)
    assert i >= 0, code
    combo.setCurrentIndex(i)


def type_date(qtbot, box, text: str) -> None:
    box.line.setFocus()
    box.line.selectAll()
    qtbot.keyClicks(box.line, text)
    qtbot.keyClick(box.line, Qt.Key.Key_Tab)


def type_text(qtbot, box, text: str) -> None:
    box.setFocus()
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


# --------------------------------------------------------------------------- About me


def test_how_the_date_of_birth_is_known_shows_wherever_the_date_of_birth_is(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("about")
    form = page._forms[1][0]
    assert form.block("date_of_birth_basis").label.text().replace("&", "") == label("person.date_of_birth_basis")
    choose(form.widget("date_of_birth_basis"), "assessed")
    type_date(qtbot, form.widget("age_assessed_on"), "03/03/2025")
    assert "born 14 March 2009 (assessed on 3 March 2025)" in view.header.facts.text()
    wait_saved(qtbot, window)
    saved = store.load(saved_plan.id).person
    assert (saved.date_of_birth_basis, saved.age_assessed_on) == (DateOfBirthBasis.ASSESSED, date(2025, 3, 3))
    window.show_caseload()
    model = window.caseload.model
    [row] = [r for r in range(model.rowCount()) if model.index(r, NAME).data() == "Jade Okafor"]
    for col in (NAME, AGE):
        assert model.index(row, col).data(Qt.ItemDataRole.ToolTipRole) == "Born 14 March 2009 (assessed on 3 March 2025)"


def test_immigration_is_a_list_of_matters_each_with_its_dates(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("about")
    ed = page.immigration
    assert ed.table.accessibleName() == label("immigration")
    for status, since, until in (("limited_leave", "01/02/2024", "31/01/2027"), ("appeal_pending", "05/06/2026", "")):
        qtbot.mouseClick(ed.add_button, Qt.MouseButton.LeftButton)
        choose(ed.form.widget("status"), status)
        type_date(qtbot, ed.form.widget("since"), since)
        if until:
            type_date(qtbot, ed.form.widget("until"), until)
    assert ed.model.rowCount() == 2
    assert ed.model.index(0, 2).data() == "31 Jan 2027"
    wait_saved(qtbot, window)
    matters = store.load(saved_plan.id).immigration
    assert [(x.status, x.since, x.until) for x in matters] == [
        (ImmigrationStatus.LIMITED_LEAVE, date(2024, 2, 1), date(2027, 1, 31)),
        (ImmigrationStatus.APPEAL_PENDING, date(2026, 6, 5), None)]
    # leave ending is on the timeline
    reviews = view.show_area("reviews")
    assert "ends: 31 January 2027" in reviews.timeline.text_alternative()


def test_children_and_a_baby_due_are_listed_and_on_the_timeline(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("about")
    ed = page.children
    headings = [w.text() for w in page.content.findChildren(QLabel)]
    assert label("person.parenting") in headings  # the list sits in the "Being a parent" section
    qtbot.mouseClick(ed.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.form.widget("name"), "Ava")
    type_date(qtbot, ed.form.widget("born_on"), "02/04/2026")
    choose(ed.form.widget("lives_with_young_person"), True)
    qtbot.mouseClick(ed.add_button, Qt.MouseButton.LeftButton)
    type_date(qtbot, ed.form.widget("due_on"), "10/02/2027")
    assert [ed.model.index(r, 0).data() for r in range(2)] == ["Ava", "Baby"]
    wait_saved(qtbot, window)
    kids = store.load(saved_plan.id).children
    assert [(c.name, c.born_on, c.due_on, c.lives_with_young_person) for c in kids] == [
        ("Ava", date(2026, 4, 2), None, True), ("", None, date(2027, 2, 10), None)]
    timeline = view.show_area("reviews").timeline
    words = timeline.text_alternative()
    assert "Ava born on 2 April 2026" in words and "Baby due: 10 February 2027" in words
    kinds = {m.placed.event.kind for m in timeline.frame().markers}
    assert "baby" in kinds


def test_an_order_that_ended_care_shows_its_problem_on_the_care_episode_it_cuts(qtbot, window, store):
    plan = minimal_plan()
    plan.care_episodes.append(m.CareEpisode(home_name="Oak House", start=date(2020, 1, 6)))
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("about")
    orders = page.orders
    assert orders.table.accessibleName() == "Orders that ended care"
    qtbot.mouseClick(orders.add_button, Qt.MouseButton.LeftButton)
    choose(orders.form.widget("kind"), "sgo")
    type_text(qtbot, orders.form.widget("with_whom"), "Aunt Grace")
    type_date(qtbot, orders.form.widget("made_on"), "01/09/2023")
    window.session.save_now()
    # the episode still running past the order is where the problem is, and it says so there
    episodes = page.episodes
    assert episodes.model.index(0, 0).data().startswith("⚠ ")
    tip = episodes.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "should end on that day" in tip
    episodes.select(window.session.plan.care_episodes[0])
    assert "should end on that day" in episodes.form.block("end").error_text()
    type_date(qtbot, episodes.form.widget("end"), "01/09/2023")
    wait_saved(qtbot, window)
    [order] = store.load(plan.id).orders
    assert (order.kind, order.with_whom, order.made_on) == (OrderKind.SPECIAL_GUARDIANSHIP, "Aunt Grace",
                                                           date(2023, 9, 1))
    # its notes are for practitioners only
    frames = [f for f in orders.findChildren(QFrame) if f.property("practitioner_only")]
    assert frames and frames[0].isAncestorOf(orders.form.widget("notes"))


# --------------------------------------------------------------------------- Home


def test_home_records_ofsted_registration_and_going_back_to_family(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("home")
    home = next(f for f, _t, p in page._forms if p == "home")
    choose(home.widget("registration"), "unregistered")
    back = next(f for f, _t, p in page._forms if p == "return_home")
    assert back.block("support").label.text().replace("&", "") == label("return_home.support")
    type_date(qtbot, back.widget("returned_on"), "01/10/2026")
    type_text(qtbot, back.widget("with_whom"), "Mum")
    type_text(qtbot, back.widget("support"), "Weekly visits from the PA")
    type_date(qtbot, back.widget("review_on"), "01/02/2027")
    assert page.return_home_section.isVisible()
    frames = [f for f in page.return_home_section.findChildren(QFrame) if f.property("practitioner_only")]
    assert frames and frames[0].isAncestorOf(back.widget("notes"))
    wait_saved(qtbot, window)
    saved = store.load(saved_plan.id)
    assert saved.home.registration is HomeRegistration.UNREGISTERED
    rh = saved.return_home
    assert (rh.returned_on, rh.with_whom, rh.support, rh.review_on) == (
        date(2026, 10, 1), "Mum", "Weekly visits from the PA", date(2027, 2, 1))
    assert "Review of support after returning home: 1 February 2027" in \
        view.show_area("reviews").timeline.text_alternative()


# --------------------------------------------------------------------------- agreeing the plan


def test_agreeing_the_plan_keeps_their_words_apart_and_the_rest_beside(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("reviews")
    panel = page.sign_off_words
    assert panel.objectName() == "OwnWords"  # quote-styled: their words
    assert panel.heading.text() == "❝ In Jade’s words"
    panel.edit.setFocus()
    qtbot.keyClicks(panel.edit, "I want more help with college.")
    words = next(f for f, _t, p in page._forms if p == "sign_off" and "young_person_view" in f._by_attr)
    choose(words.widget("young_person_view"), "partly")
    rest = next(f for f, _t, p in page._forms if p == "sign_off" and "advocate" in f._by_attr)
    choose(rest.widget("advocacy_offered"), True)
    type_text(qtbot, rest.widget("advocate"), "Sam, Coram Voice")
    choose(rest.widget("interpreter_used"), False)
    type_text(qtbot, rest.widget("reviewing_officer"), "Priya Shah")
    type_text(qtbot, rest.widget("copies_to"), "Jade\nHer foster carers")
    wait_saved(qtbot, window)
    so = store.load(saved_plan.id).sign_off
    assert (so.young_person_view, so.young_person_comments, so.advocacy_offered, so.advocate,
            so.interpreter_used, so.reviewing_officer, so.copies_to) == (
        PlanView.PARTLY, "I want more help with college.", True, "Sam, Coram Voice", False, "Priya Shah",
        "Jade\nHer foster carers")


def test_an_adviser_can_be_reached_by_phone_and_email(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("advisers")
    ed = page._lists[0]
    qtbot.mouseClick(ed.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.form.widget("name"), "Leon Carter")
    type_text(qtbot, ed.form.widget("phone"), "07700 900123")
    type_text(qtbot, ed.form.widget("email"), "leon.carter@example.org")
    assert ed.form.block("phone").label.text().replace("&", "") == label("advisers.phone")
    wait_saved(qtbot, window)
    [adviser] = store.load(saved_plan.id).advisers
    assert (adviser.phone, adviser.email) == ("07700 900123", "leon.carter@example.org")
