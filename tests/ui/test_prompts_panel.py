"""The prompts panel: cards with urgency, wording, source; answering Done / Not relevant / Later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html import escape

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from pathway_app.domain.guidance import evaluate
from pathway_app.domain.vocab import PromptAnswer
from pathway_app.ui.fields import format_date
from pathway_app.ui.prompts_panel import URGENCY_WORDS, PromptsPanel

from .conftest import TODAY


@pytest.fixture
def plan():
    from pathway_app.demo import demo_plans

    return demo_plans(TODAY)[0]  # Kayla: six prompts across six areas


@pytest.fixture
def panel(qtbot, plan):
    w = PromptsPanel()
    qtbot.addWidget(w)
    w.resize(520, 900)
    w.set_prompts(plan, None, TODAY, "Sam Patel")
    w.show()
    qtbot.waitExposed(w)
    return w


def _card(panel, rule_id):
    return next(c for c in panel.cards if c.prompt.rule_id == rule_id)


def _plain(panel, n: int = 0):
    """The ``n``th card of a prompt with no field behind it: *Done* asks only what was done."""
    return [c for c in panel.cards if c.prompt.answered_by is None][n]


def test_every_open_prompt_is_a_card_with_urgency_words_quote_and_source(panel, plan):
    expected = evaluate(plan, TODAY)
    assert [c.prompt.rule_id for c in panel.cards] == [p.rule_id for p in expected]
    assert len(panel.cards) >= 3
    for card, p in zip(panel.cards, expected):
        assert URGENCY_WORDS[p.urgency] in card.urgency.text()  # a word, not colour alone
        assert card.text.text() == p.practitioner_text
        assert "To ask together:" in card.quote.text()
        assert escape(p.young_person_text) in card.quote.text()  # rich text: quoted, in italics
        assert p.citation in card.source.text()
    assert not panel.empty.isVisible()


def test_area_codes_filter_the_cards(qtbot, plan):
    w = PromptsPanel()
    qtbot.addWidget(w)
    w.set_prompts(plan, ["accommodation", "finance"], TODAY, "Sam")
    assert {c.prompt.area for c in w.cards} == {"accommodation", "finance"}
    assert w.open_count() == 2


def test_empty_state_is_calm(qtbot, plan):
    w = PromptsPanel()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.countChanged) as sig:
        w.set_prompts(plan, ["identity"], TODAY, "Sam")  # nothing about identity for Kayla
    w.show()
    qtbot.waitExposed(w)
    assert sig.args == [0]
    assert w.cards == []
    assert w.empty.isVisible()
    assert w.empty.text() == "Nothing to raise here right now."


def test_done_records_who_and_when_and_the_card_goes(qtbot, panel, plan):
    card = _plain(panel)
    rule = card.prompt.rule_id
    qtbot.mouseClick(card.buttons[PromptAnswer.DONE], Qt.MouseButton.LeftButton)
    assert card.form.isVisible()
    assert card.form.question.text() == "What was done?"
    qtbot.keyClicks(card.form.note, "Booked the review for 10 December")
    before = datetime.now(UTC) - timedelta(seconds=2)
    with qtbot.waitSignals([panel.planChanged, panel.responded]):
        qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    resp = plan.prompt_responses[-1]
    assert resp.rule_id == rule
    assert resp.answer is PromptAnswer.DONE
    assert resp.note == "Booked the review for 10 December"
    assert resp.by == "Sam Patel"
    assert resp.at is not None and resp.at.tzinfo is not None
    assert before <= resp.at <= datetime.now(UTC) + timedelta(seconds=2)
    assert rule not in [c.prompt.rule_id for c in panel.cards]


def test_not_relevant_needs_a_reason_named_in_a_visible_error(qtbot, panel, plan):
    card = panel.cards[1]
    rule = card.prompt.rule_id
    qtbot.mouseClick(card.buttons[PromptAnswer.NOT_RELEVANT], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(panel.planChanged):
        qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    err = card.form.note_block.error
    assert err.isVisible()
    assert "Why it is not relevant" in err.text()
    assert plan.prompt_responses == []
    assert rule in [c.prompt.rule_id for c in panel.cards]

    qtbot.keyClicks(card.form.note, "She has decided with her carers already")
    with qtbot.waitSignal(panel.planChanged):
        qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    resp = plan.prompt_responses[-1]
    assert (resp.rule_id, resp.answer, resp.by) == (rule, PromptAnswer.NOT_RELEVANT, "Sam Patel")
    assert resp.note == "She has decided with her carers already"
    assert rule not in [c.prompt.rule_id for c in panel.cards]


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("", "is needed"), (format_date(TODAY), "after today"), ("31/02/2027", "Come back to it on")],
)
def test_later_needs_a_date_after_today(qtbot, panel, plan, typed, problem):
    card = panel.cards[0]
    qtbot.mouseClick(card.buttons[PromptAnswer.LATER], Qt.MouseButton.LeftButton)
    assert card.form.date_block.isVisible()
    card.form.date.set_text(typed)
    with qtbot.assertNotEmitted(panel.planChanged):
        qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    err = card.form.date_block.error
    assert err.isVisible() and problem in err.text()
    assert "Come back to it on" in err.text()
    assert plan.prompt_responses == []


def test_later_with_a_date_hides_the_card_until_then(qtbot, panel, plan):
    card = panel.cards[0]
    rule = card.prompt.rule_id
    qtbot.mouseClick(card.buttons[PromptAnswer.LATER], Qt.MouseButton.LeftButton)
    card.form.date.set_text("")
    qtbot.keyClicks(card.form.date.line, "15/01/2027")
    with qtbot.waitSignal(panel.planChanged):
        qtbot.keyClick(card.form.date.line, Qt.Key.Key_Return)  # Enter saves
    resp = plan.prompt_responses[-1]
    assert (resp.rule_id, resp.answer, resp.until, resp.by) == (
        rule, PromptAnswer.LATER, TODAY.replace(year=2027, month=1, day=15), "Sam Patel")
    assert rule not in [c.prompt.rule_id for c in panel.cards]


def test_cancel_closes_the_form_without_recording(qtbot, panel, plan):
    card = panel.cards[0]
    qtbot.mouseClick(card.buttons[PromptAnswer.DONE], Qt.MouseButton.LeftButton)
    assert not card.buttons[PromptAnswer.LATER].isEnabled()
    qtbot.mouseClick(card.form.cancel, Qt.MouseButton.LeftButton)
    assert not card.form.isVisible()
    assert all(b.isEnabled() for b in card.buttons.values())
    assert plan.prompt_responses == []


def test_engine_refusal_is_shown_on_the_card(qtbot, plan):
    w = PromptsPanel()
    qtbot.addWidget(w)
    w.set_prompts(plan, None, TODAY, "")  # nobody signed in: the engine asks who is answering
    w.show()
    card = _plain(w)
    qtbot.mouseClick(card.buttons[PromptAnswer.DONE], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(w.planChanged):
        qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    assert "who is answering" in card.form.note_block.error.text()
    assert plan.prompt_responses == []


def test_show_answered_lists_who_and_when(qtbot, panel, plan):
    assert not panel.toggle.isVisible()
    card = _plain(panel)
    qtbot.mouseClick(card.buttons[PromptAnswer.DONE], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.form.note, "Talked it through")
    with qtbot.waitSignal(panel.planChanged):
        qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    assert panel.toggle.isVisible()
    assert panel.toggle.text() == "Show answered (1)"
    assert panel.answered_cards == []
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.toggle.text() == "Hide answered (1)"
    [answered] = panel.answered_cards
    assert answered.isVisible()
    assert "Sam Patel" in answered.status.text()
    assert "Done" in answered.status.text() and "Talked it through" in answered.status.text()
    assert answered.buttons == {}  # answered cards are for reading


def test_keyboard_only(qtbot, panel, plan):
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    card = _plain(panel)
    rule = card.prompt.rule_id
    card.buttons[PromptAnswer.DONE].setFocus()
    qtbot.keyClick(card.buttons[PromptAnswer.DONE], Qt.Key.Key_Space)
    qtbot.waitUntil(card.form.note.hasFocus, timeout=2000)
    qtbot.keyClicks(card.form.note, "Agreed a date")
    index = panel.cards.index(card)
    with qtbot.waitSignal(panel.planChanged):
        qtbot.keyClick(card.form.note, Qt.Key.Key_Return)
    assert plan.prompt_responses[-1].rule_id == rule
    # focus lands on the next card, not lost
    qtbot.waitUntil(panel.cards[index].buttons[PromptAnswer.DONE].hasFocus, timeout=2000)


def test_every_control_has_an_accessible_name(qtbot, panel):
    panel.cards[0].buttons[PromptAnswer.LATER].click()
    controls = [w for w in panel.findChildren(QWidget) if isinstance(w, (QAbstractButton, QLineEdit, QComboBox))]
    assert len(controls) > 10
    unnamed = [(type(w).__name__, w.text() if hasattr(w, "text") else "") for w in controls
               if not w.accessibleName().strip()]
    assert unnamed == []


def test_the_window_may_set_the_prompts_again_when_told_the_plan_changed(qtbot, panel, plan):
    # What the main window does: save, then hand every panel its prompts again.
    calls = []

    def reset():
        calls.append(1)
        panel.set_prompts(plan, None, TODAY, "Sam Patel")

    panel.planChanged.connect(reset)
    card = _plain(panel)
    index = panel.cards.index(card)
    first, second = card.prompt.rule_id, panel.cards[index + 1].prompt.rule_id
    card.buttons[PromptAnswer.DONE].click()
    card.form.save.click()
    assert calls == [1]
    assert [c.prompt.rule_id for c in panel.cards][index] == second
    assert first not in [c.prompt.rule_id for c in panel.cards]
    assert panel.toggle.text() == "Show answered (1)"
