"""pathway_app/ui/records.py: a list of records in a table, and the editor for the chosen one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from pathway_app.domain import model as m
from pathway_app.ui.fields import Form, pretty_date
from pathway_app.ui.records import Column, RecordListEditor, RecordTableModel, column
from pathway_app.ui.session import PlanSession

from .conftest import TODAY
from builders import minimal_plan

# --------------------------------------------------------------------------- the table model


def test_record_table_model(qtmodeltester):
    model = RecordTableModel([Column("Name", lambda r: r.name), Column("Phone", lambda r: r.phone)])
    model.set_rows([m.Relationship(name=f"P{i}") for i in range(5)])
    model.set_problems({2: "Name is needed"})
    qtmodeltester.check(model, force_py=True)
    empty = RecordTableModel([Column("Name", lambda r: r.name)])
    qtmodeltester.check(empty, force_py=True)


def test_rows_are_the_plan_s_own_records_in_one_line_each():
    people = [m.Relationship(name="Nan"), m.Relationship(name="Tyler\nBrennan " + "x" * 200)]
    model = RecordTableModel([Column("Name", lambda r: r.name)])
    model.set_rows(people)
    assert model.record(1) is people[1] and model.row_of(people[0]) == 0 and model.record(9) is None
    shown = model.index(1, 0).data()
    assert "\n" not in shown and len(shown) == 118 and shown.endswith("…")  # 117 and an ellipsis
    assert model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole) == people[1].name  # read out in full
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_a_row_with_a_problem_is_marked_and_says_why():
    model = RecordTableModel([Column("Name", lambda r: r.name)])
    model.set_rows([m.Relationship(name=""), m.Relationship(name="Nan")])
    model.set_problems({0: "People who matter, entry 1: name is needed"})
    assert model.index(0, 0).data() == "⚠ (empty)"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).endswith("name is needed")
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None


# --------------------------------------------------------------------------- the editor


@pytest.fixture
def session(qtbot, store):
    plan = minimal_plan()
    plan.reviews.append(m.Review(held_on=date(2026, 5, 1), summary="First review"))
    store.save(plan, today=TODAY)
    s = PlanSession(store, lambda: TODAY)
    s.open(plan)
    yield s
    s._timer.stop()


def _build_review(form: Form) -> list[QWidget]:
    return [form.date("held_on"), form.text("participants"), form.notes("summary", lines=2)]


@pytest.fixture
def editor(qtbot, session):
    ed = RecordListEditor(
        session, "reviews",
        [column("reviews.held_on", lambda r: pretty_date(r.held_on)), column("reviews.summary")],
        lambda p: p.reviews, lambda p: "reviews", _build_review,
        factory=m.Review, empty_text="No reviews recorded yet.",
    )
    qtbot.addWidget(ed)
    ed.set_plan(session.plan)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_the_first_record_is_chosen_and_edited_below(editor, session):
    review = session.plan.reviews[0]
    assert editor.current() is review and editor.form.target is review
    assert editor.form.widget("held_on").text() == "01/05/2026"
    assert editor.editor_title.text() == "Review on 1 May 2026"
    assert editor.list_path() == "reviews"


def test_keyboard_in_a_list_enter_edits_delete_removes(qtbot, editor, session):
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    held = QApplication.focusWidget()
    assert held is editor.form.widget("held_on").line
    qtbot.keyClicks(held, "01/10/2026")
    qtbot.keyClick(held, Qt.Key.Key_Return)
    assert session.plan.reviews[1].held_on == date(2026, 10, 1)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.form.widget("held_on").line
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert [r.summary for r in session.plan.reviews] == ["First review"]


def test_removing_the_last_record_shows_the_empty_words_and_undo_brings_it_back(editor, session):
    editor.remove_selected()
    assert session.plan.reviews == []
    assert editor.table.isHidden() and editor.empty.isVisible()
    assert editor.empty.text() == "No reviews recorded yet."
    assert editor.form.target is None and not editor.remove_button.isEnabled()
    session.undo_stack.undo()
    assert editor.model.rowCount() == 1 and editor.current() is session.plan.reviews[0]


def test_an_edit_shows_in_the_row_and_the_title(editor, session):
    review = session.plan.reviews[0]
    session.set_field(review, "summary", "Agreed the plan")
    assert editor.model.index(0, 1).data() == "Agreed the plan"
    session.set_field(review, "held_on", date(2026, 6, 2))
    assert editor.editor_title.text() == "Review on 2 June 2026"


def test_a_record_with_a_problem_is_marked_in_the_table(editor, session):
    editor.add()
    new = session.plan.reviews[-1]
    session.set_field(new, "held_on", date(2030, 1, 1))  # in the future: refused
    assert not session.save_now()
    row = editor.model.row_of(new)
    assert editor.model.index(row, 0).data().startswith("⚠")
    assert f"reviews[{new.id}]" in [p.field.split(".")[0] for p in session.problems]


def test_choosing_by_id(editor, session):
    first = session.plan.reviews[0]
    editor.add()
    assert editor.current() is not first
    editor.select_id(first.id)
    assert editor.current() is first


def test_a_list_without_a_factory_cannot_add_or_remove(qtbot, session):
    ed = RecordListEditor(session, "skills", [column("skills.key")], lambda p: p.skills,
                          lambda p: "skills", lambda form: [form.notes("notes")])
    qtbot.addWidget(ed)
    ed.set_plan(session.plan)
    assert not ed.can_add and not ed.can_remove
    assert ed.add_button.isHidden() and ed.remove_button.isHidden()
    count = len(session.plan.skills)
    ed.add()
    assert len(session.plan.skills) == count
