"""pathway_app/ui/fields.py: reading typed dates, and forms bound to one record of a plan."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from pathway_app.domain import model as m
from pathway_app.domain.vocab import LegalStatus
from pathway_app.ui.fields import FieldBlock, Form, OwnWordsPanel, format_date, grid, parse_date, pretty_date
from pathway_app.ui.session import PlanSession

from .conftest import TODAY
from builders import minimal_plan

# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("text,expected", [
    ("", None), ("  ", None), ("23/11/2026", date(2026, 11, 23)), ("3/3/2027", date(2027, 3, 3)),
    ("2027-03-03", date(2027, 3, 3)), ("3 March 2027", date(2027, 3, 3)), ("3rd Mar 2027", date(2027, 3, 3)),
    ("29.02.2028", date(2028, 2, 29)), ("01-12-2026", date(2026, 12, 1)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2026", "yesterday", "12/2026", "1/13/2026", "32 Jan 2026", "3 Smarch 2026"])
def test_parse_date_refuses_with_a_reason(text):
    with pytest.raises(ValueError, match="day/month/year"):
        parse_date(text)


def test_format_round_trips():
    d = date(2009, 7, 2)
    assert parse_date(format_date(d)) == d and format_date(None) == ""
    assert pretty_date(d) == "2 Jul 2009" and pretty_date(None) == ""


# --------------------------------------------------------------------------- a form on one record


@pytest.fixture
def session(qtbot, store):
    plan = minimal_plan()
    store.save(plan, today=TODAY)
    s = PlanSession(store, lambda: TODAY)
    s.open(plan)
    yield s
    s._timer.stop()


@pytest.fixture
def form(qtbot, session):
    f = Form(session, fields="person")
    blocks = [
        f.text("given_name", "G"),
        f.date("date_of_birth", "D"),
        f.choice("legal_status", LegalStatus),
        f.check("youth_justice"),
        f.notes("strengths", lines=2),
    ]
    box = grid(blocks)
    qtbot.addWidget(box)
    f.set_target(session.plan.person, "person")
    yield f
    box.deleteLater()  # kept until here: the form's widgets live in it


def test_fields_show_the_record_and_are_off_without_one(form, session):
    assert form.widget("given_name").text() == "Jade"
    assert form.widget("date_of_birth").text() == "14/03/2009"
    assert form.widget("given_name").isEnabled()
    form.set_target(None)
    assert not form.widget("given_name").isEnabled() and form.widget("given_name").text() == ""


def test_typing_changes_the_plan_through_the_undo_stack(qtbot, form, session):
    qtbot.keyClicks(form.widget("given_name"), "ine")
    assert session.plan.person.given_name == "Jadeine"
    assert session.undo_stack.count() == 1  # the letters merged into one step
    session.undo_stack.undo()
    assert session.plan.person.given_name == "Jade" and form.widget("given_name").text() == "Jade"


def test_choices_and_check_boxes_set_their_values(form, session):
    combo = form.widget("legal_status")
    combo.setCurrentIndex(combo.findData(LegalStatus.CARE_ORDER.value))
    assert session.plan.person.legal_status is LegalStatus.CARE_ORDER
    form.widget("youth_justice").setChecked(True)
    assert session.plan.person.youth_justice is True
    form.widget("strengths").setPlainText("Kind to her brother")
    assert session.plan.person.strengths == "Kind to her brother"


def test_a_date_that_cannot_be_read_stays_and_stops_saving(qtbot, form, session):
    dob = form.widget("date_of_birth")
    dob.set_text("31/02/2009")
    dob.edited.emit("31/02/2009")
    assert session.plan.person.date_of_birth == date(2009, 3, 14)  # unchanged
    assert "person.date_of_birth" in session.input_errors
    assert session.state == "error" and "not a real date" in session.status_text
    session.set_field(session.plan.person, "pronouns", "she/her")
    assert not session.save_now()  # nothing is saved while a field holds what it cannot read
    dob.finished.emit()
    assert "not a real date" in form.block("date_of_birth").error_text()
    dob.set_text("2/3/2009")
    dob.edited.emit("2/3/2009")
    dob.finished.emit()
    assert session.plan.person.date_of_birth == date(2009, 3, 2)
    assert dob.text() == "02/03/2009"  # tidied to the standard form
    assert session.input_errors == {} and form.block("date_of_birth").error_text() == ""


def test_a_problem_shows_beside_its_field(form, session):
    form.widget("given_name").setText("")
    form.widget("given_name").textEdited.emit("")
    assert not session.save_now()
    assert form.block("given_name").error_text() == "A given name (or a preferred name) is needed."
    assert "Problem:" in form.widget("given_name").accessibleDescription()


def test_field_block_errors_and_width():
    block = FieldBlock("&Phone", QLabel("0161"), "A number to call")
    assert block.error_text() == "" and not block.wide
    block.set_error("is not a phone number")
    assert block.error_text() == "is not a phone number"
    block.set_error("")
    assert block.error_text() == ""
    block.wide = True
    assert block.wide and block.property("wide") is True


def test_grid_gives_wide_blocks_a_row_of_their_own(qtbot):
    narrow = [FieldBlock(f"Field {i}", QLabel("x")) for i in range(3)]
    long = FieldBlock("Notes", QLabel("x"), wide=True)
    box = grid([narrow[0], long, narrow[1], narrow[2]])
    qtbot.addWidget(box)
    g = box.layout()
    spans = {g.itemAtPosition(r, c).widget(): (r, c) for r in range(g.rowCount()) for c in range(2)
             if g.itemAtPosition(r, c) is not None}
    assert spans[narrow[0]] == (0, 0)
    assert spans[long] in ((1, 0), (1, 1)) and g.getItemPosition(g.indexOf(long))[3] == 2
    assert spans[narrow[1]] == (2, 0) and spans[narrow[2]] == (2, 1)


@pytest.mark.parametrize("name,heading", [("Kayla", "❝ In Kayla’s words"), ("Jess", "❝ In Jess’ words"),
                                          ("", "❝ In their words")])
def test_own_words_are_headed_with_their_name(qtbot, session, name, heading):
    panel = OwnWordsPanel(Form(session, fields="person"), "about_me_own_words", "What would you like people to know about you?")
    qtbot.addWidget(panel)
    panel.set_name(name)
    assert panel.heading.text() == heading
    assert panel.edit.accessibleName().endswith("What would you like people to know about you?")


def test_a_form_sees_an_undo_made_elsewhere(form, session):
    session.set_field(session.plan.person, "given_name", "Jayden", "given name")
    assert form.widget("given_name").text() == "Jayden"
    session.undo_stack.undo()
    assert form.widget("given_name").text() == "Jade"


def test_a_new_record_is_empty_everywhere(qtbot, session):
    f = Form(session, fields="care_episodes")
    box = grid([f.text("home_name"), f.date("start")])
    qtbot.addWidget(box)
    episode = m.CareEpisode()
    f.set_target(episode, "care_episodes[0]")
    assert f.widget("home_name").text() == "" and f.widget("start").text() == ""
    assert f.path_of("start") == "care_episodes[0].start"


def test_form_labels_wrap_rather_than_widen_their_column(form):
    """A two-column form at a large font: the labels may wrap, so two long ones side by side
    never set a width wider than the page (test_desktop checks whole pages at 16 pt)."""
    label = form.block("date_of_birth").label
    assert label is not None and label.wordWrap()
    assert label.minimumSizeHint().width() < label.sizeHint().width()
    assert not FieldBlock("&Passphrase", QLabel("x")).label.wordWrap()  # dialogs keep their own layout
