"""Prompts answered by doing the thing (issue 12 item 11, issue 16 item 4), in the app.

A rule with a field behind it (``answered_by``) asks, on *Done*, for the value of that field —
a date (never after today), yes or no, words, one of a list, or a new record field by field —
labelled with the field's words; what is given goes into the plan where it belongs, as one
undoable step with the answer, the window goes there, and says so when the prompt still
applies. Each card says from when its prompt applies.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit

from pathway_app.domain import model as m
from pathway_app.domain.fields import label
from pathway_app.domain.vocab import HomeRegistration, PromptAnswer, RelationshipType
from pathway_app.ui.fields import DateField

from .conftest import TODAY, open_in, wait_saved
from builders import minimal_plan


def eligible() -> m.Plan:
    """Jade, 17, in care since she was 10, in a home not registered with Ofsted."""
    plan = minimal_plan()
    plan.care_episodes.append(m.CareEpisode(home_name="Oak House", start=date(2020, 1, 6)))
    plan.home.registration = HomeRegistration.UNREGISTERED
    return plan


def nearly_21() -> m.Plan:
    """Jade, nearly 21, who left care at 18: adviser support ends at 21 unless she asks."""
    plan = minimal_plan(date_of_birth=date(2006, 2, 1))
    plan.care_episodes.append(m.CareEpisode(home_name="Oak House", start=date(2018, 1, 6), end=date(2024, 2, 1)))
    return plan


def card_for(qtbot, view, key: str, rule_id: str):
    page = view.show_area(key)
    qtbot.waitUntil(lambda: any(c.prompt.rule_id == rule_id for c in page.prompts.cards), timeout=3000)
    card = next(c for c in page.prompts.cards if c.prompt.rule_id == rule_id)
    page.prompts.scroll.ensureWidgetVisible(card)
    return page, card


def click(qtbot, card, button) -> None:
    """Click ``button`` as a person would: scrolled into sight in the prompts column first."""
    scroll = card.parentWidget()
    while not hasattr(scroll, "ensureWidgetVisible"):
        scroll = scroll.parentWidget()
    qtbot.wait(30)  # the column is laid out
    scroll.ensureWidgetVisible(button)
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty(), timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def done(qtbot, card):
    click(qtbot, card, card.buttons[PromptAnswer.DONE])
    assert card.form.value_box.isVisible()
    return card.form.inputs


def save(qtbot, card) -> None:
    click(qtbot, card, card.form.save)


@pytest.fixture
def jade(qtbot, window, store):
    plan = eligible()
    store.save(plan, today=TODAY)
    return plan, open_in(window, qtbot, plan.id)


def test_a_date_asks_for_the_day_and_offers_no_day_after_today(qtbot, window, jade):
    plan, view = jade
    page, card = card_for(qtbot, view, "reviews", "S-needs-assessment-overdue")
    [asked] = done(qtbot, card)
    assert isinstance(asked.widget, DateField) and asked.widget.text() == "23/11/2026"  # today, to start with
    assert asked.block.label.text().replace("&", "") == card.prompt.answered_by.label
    _menu, calendar = asked.widget.calendar_menu()
    assert calendar.maximumDate().toPython() == TODAY
    asked.widget.set_text("2/11/2026")
    save(qtbot, card)
    assert window.session.plan.needs_assessment_done_on == date(2026, 11, 2)
    # the window goes to where it was written
    assert view.current_key() == "reviews"
    field = next(f for f, _t, p in page._forms if p == "").widget("needs_assessment_done_on")
    qtbot.waitUntil(lambda: field.isAncestorOf(QApplication.focusWidget()) or field is QApplication.focusWidget(),
                    timeout=2000)
    assert field.text() == "02/11/2026"


def test_words_go_into_the_field_behind_the_prompt(qtbot, window, store, jade):
    plan, view = jade
    page, card = card_for(qtbot, view, "contingency", "S-no-contingency")
    [asked] = done(qtbot, card)
    assert isinstance(asked.widget, QPlainTextEdit)
    save(qtbot, card)  # nothing given: said under the box, nothing recorded
    assert "is needed" in asked.block.error_text()
    assert window.session.plan.prompt_responses == []
    asked.widget.setFocus()
    qtbot.keyClicks(asked.widget, "Back to Oak House for a night; call the duty team")
    qtbot.keyClicks(card.form.note, "Agreed with Jade")
    save(qtbot, card)
    s = window.session.plan
    assert s.contingency.plan == "Back to Oak House for a night; call the duty team"
    resp = s.prompt_responses[-1]
    assert (resp.rule_id, resp.answer, resp.by) == ("S-no-contingency", PromptAnswer.DONE, window.session.user_name)
    assert resp.note.startswith("Agreed with Jade")
    assert view.current_key() == "contingency"
    wait_saved(qtbot, window)
    assert store.load(plan.id).contingency.plan.startswith("Back to Oak House")


def test_a_choice_offers_only_the_answers_that_settle_it(qtbot, window, jade):
    plan, view = jade
    page, card = card_for(qtbot, view, "home", "S-unregistered-accommodation")
    [asked] = done(qtbot, card)
    assert isinstance(asked.widget, QComboBox)
    codes = [asked.widget.itemData(i) for i in range(asked.widget.count())]
    assert codes == [None, "registered", "not_applicable"]
    asked.widget.setCurrentIndex(codes.index("registered"))
    save(qtbot, card)
    assert window.session.plan.home.registration is HomeRegistration.REGISTERED
    assert "S-unregistered-accommodation" not in [c.prompt.rule_id for c in page.prompts.cards]
    home = next(f for f, _t, p in page._forms if p == "home")
    assert home.widget("registration").currentData() == "registered"


def test_a_new_record_is_asked_for_field_by_field_and_undone_in_one_step(qtbot, window, jade):
    plan, view = jade
    page, card = card_for(qtbot, view, "reviews", "S-no-personal-adviser")
    name, start = done(qtbot, card)
    assert [i.block.label.text().replace("&", "") for i in (name, start)] == [label("advisers.name"), label("advisers.start")]
    name.widget.setFocus()
    qtbot.keyClicks(name.widget, "Leon Carter")
    start.widget.set_text("1/11/2026")
    save(qtbot, card)
    s = window.session.plan
    [adviser] = s.advisers
    assert (adviser.name, adviser.start) == ("Leon Carter", date(2026, 11, 1))
    # the record is shown, chosen, on its page
    assert view.current_key() == "advisers"
    editor = view.pages["advisers"]._lists[0]
    assert editor.current() is adviser
    # one Ctrl+Z takes back the adviser and the answer together
    window.session.undo_stack.undo()
    assert s.advisers == [] and s.prompt_responses == []
    window.session.undo_stack.redo()
    assert [a.name for a in s.advisers] == ["Leon Carter"] and len(s.prompt_responses) == 1


def test_a_record_with_a_choice_in_it(qtbot, window, jade):
    plan, view = jade
    page, card = card_for(qtbot, view, "people", "M6-only-professionals")
    name, kind = done(qtbot, card)
    assert isinstance(kind.widget, QComboBox)
    name.widget.setFocus()
    qtbot.keyClicks(name.widget, "Nan")
    kind.widget.setCurrentIndex(kind.widget.findData("grandparent"))
    save(qtbot, card)
    nan = window.session.plan.relationships[-1]
    assert (nan.name, nan.relationship_type) == ("Nan", RelationshipType.GRANDPARENT)
    assert view.pages["people"].people.current() is nan


def test_yes_or_no_and_a_warning_when_the_answer_does_not_settle_it(qtbot, window, store, boxes):
    plan = nearly_21()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    page, card = card_for(qtbot, view, "reviews", "S-support-after-21")
    [asked] = done(qtbot, card)
    assert [asked.widget.itemText(i) for i in range(asked.widget.count())] == ["Choose…", "Yes", "No"]
    asked.widget.setCurrentIndex(asked.widget.findData(False))
    save(qtbot, card)
    assert window.session.plan.pa_support_to_25 is False
    assert window.session.plan.prompt_responses[-1].rule_id == "S-support-after-21"
    [(kind, title, text)] = [c for c in boxes.calls if c[1] == "Still to do"]
    assert "still applies" in text and card.prompt.practitioner_text in text
    # "yes" settles it
    window.session.undo_stack.undo()
    page, card = card_for(qtbot, view, "reviews", "S-support-after-21")
    [asked] = done(qtbot, card)
    asked.widget.setCurrentIndex(asked.widget.findData(True))
    save(qtbot, card)
    assert window.session.plan.pa_support_to_25 is True
    assert len([c for c in boxes.calls if c[1] == "Still to do"]) == 1
    wait_saved(qtbot, window)
    assert store.load(plan.id).pa_support_to_25 is True


def test_each_card_says_from_when_its_prompt_applies(qtbot, window, jade):
    plan, view = jade
    page, card = card_for(qtbot, view, "reviews", "S-no-personal-adviser")
    assert card.prompt.applies_from
    assert card.applies is not None and card.applies.text() == card.prompt.applies_from
    assert card.applies.isVisible() and card.applies.accessibleName() == "When this applies"
    assert card.applies.text().startswith("From ")
