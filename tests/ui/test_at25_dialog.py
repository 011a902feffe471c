"""'Who will be there for you at 25?': one question at a time, answers go into the plan."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pathway_app.domain import model as m
from pathway_app.domain.vocab import RelationshipType, ThereAt25
from pathway_app.ui.at25_dialog import At25Dialog


@pytest.fixture
def plan():
    p = m.Plan(person=m.YoungPerson(given_name="Jade", family_name="Okafor", date_of_birth=date(2009, 3, 14)))
    p.relationships = [
        m.Relationship(name="Miss Khan", relationship_type=RelationshipType.TEACHER),
        m.Relationship(name="Nan", relationship_type=RelationshipType.GRANDPARENT),
        m.Relationship(name="Amira", relationship_type=RelationshipType.FRIEND, there_at_25=ThereAt25.YES),
    ]
    return p


def _rel(plan, name):
    return next(r for r in plan.relationships if r.name == name)


@pytest.fixture
def dialog(qtbot, plan):
    dlg = At25Dialog(plan)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_asks_family_first_one_at_a_time_and_skips_people_already_asked(dialog):
    assert dialog.progress.text() == "Question 1 of 3"  # Nan, Miss Khan, anyone else — not Amira
    assert "Nan" in dialog.question.text() and "25" in dialog.question.text()
    assert dialog.pages.currentIndex() == 0
    assert not dialog.back.isEnabled()
    big = dialog.question.font().pointSizeF()
    assert big > dialog.progress.font().pointSizeF() * 1.3  # large, calm text


def test_answers_set_there_at_25_on_the_right_person(qtbot, dialog, plan):
    qtbot.mouseClick(dialog.answer_buttons[ThereAt25.YES], Qt.MouseButton.LeftButton)
    assert _rel(plan, "Nan").there_at_25 is ThereAt25.YES
    assert _rel(plan, "Miss Khan").there_at_25 is ThereAt25.NOT_ASKED
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert "Miss Khan" in dialog.question.text()
    qtbot.mouseClick(dialog.answer_buttons[ThereAt25.MAYBE], Qt.MouseButton.LeftButton)
    assert _rel(plan, "Miss Khan").there_at_25 is ThereAt25.MAYBE
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert _rel(plan, "Nan").there_at_25 is ThereAt25.YES
    assert _rel(plan, "Amira").there_at_25 is ThereAt25.YES
    assert dialog.progress.text() == "Question 3 of 3"
    assert dialog.question.text().startswith("Is there anyone else")
    assert dialog.changed


def test_an_answer_waits_for_next_so_a_second_click_never_lands_on_finish(qtbot, dialog, plan):
    """Issue 16, item 7: clicking an answer moved on at once, so the next click (a change of
    mind, a double click) landed on the next person's answer or on Finish."""
    yes = dialog.answer_buttons[ThereAt25.YES]
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert "Nan" in dialog.question.text() and yes.isChecked()
    assert dialog.next.hasFocus()  # Enter or Space moves on when they are ready
    qtbot.mouseClick(dialog.answer_buttons[ThereAt25.MAYBE], Qt.MouseButton.LeftButton)  # a change of mind
    assert _rel(plan, "Nan").there_at_25 is ThereAt25.MAYBE and not yes.isChecked()
    assert "Nan" in dialog.question.text()
    qtbot.keyClick(dialog.next, Qt.Key.Key_Space)
    assert "Miss Khan" in dialog.question.text()
    dialog.show_step(len(dialog.questions) - 1)
    assert dialog.result() != QDialog.DialogCode.Accepted  # nothing has finished it


def test_back_shows_the_answer_and_skip_takes_it_back(qtbot, dialog, plan):
    qtbot.mouseClick(dialog.answer_buttons[ThereAt25.NO], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.back, Qt.MouseButton.LeftButton)
    assert "Nan" in dialog.question.text()
    assert dialog.answer_buttons[ThereAt25.NO].isChecked()
    assert not dialog.answer_buttons[ThereAt25.YES].isChecked()
    qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton)
    assert _rel(plan, "Nan").there_at_25 is ThereAt25.NOT_ASKED
    assert "Miss Khan" in dialog.question.text()
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)  # Next leaves it as it is
    assert _rel(plan, "Miss Khan").there_at_25 is ThereAt25.NOT_ASKED
    assert not dialog.changed


def test_anyone_else_adds_a_person_with_their_answer(qtbot, dialog, plan):
    dialog.show_step(len(dialog.questions) - 1)
    assert dialog.pages.currentIndex() == 1
    assert dialog.next.text().replace("&", "") == "Finish"
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)  # no name yet
    assert dialog.name_block.error.isVisible()
    assert "name is needed" in dialog.name_block.error.text()
    assert len(plan.relationships) == 3

    qtbot.keyClicks(dialog.name, "Jordan")
    dialog.kind.setCurrentIndex(dialog.kind.findData(RelationshipType.SIBLING.value))
    dialog.there.setCurrentIndex(dialog.there.findData(ThereAt25.MAYBE.value))
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    new = plan.relationships[-1]
    assert (new.name, new.relationship_type, new.there_at_25) == ("Jordan", RelationshipType.SIBLING, ThereAt25.MAYBE)
    assert not dialog.name_block.error.isVisible()
    assert dialog.name.text() == ""
    assert "Jordan" in dialog.added_label.text() and dialog.added_box.isVisible()

    qtbot.keyClicks(dialog.name, "Mr Obi")  # typed but not added: Finish adds it
    dialog.kind.setCurrentIndex(dialog.kind.findData(RelationshipType.MENTOR.value))
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(r.name, r.relationship_type) for r in plan.relationships[-2:]] == [
        ("Jordan", RelationshipType.SIBLING), ("Mr Obi", RelationshipType.MENTOR)]
    assert dialog.changed


def test_relationship_kinds_come_from_the_vocabulary(dialog):
    from pathway_app.domain.labels import choices

    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [c for c, _w in choices("RelationshipType")]
    assert dialog.kind.itemText(0) == choices("RelationshipType")[0][1]


def test_run_returns_whether_the_plan_changed(qtbot, monkeypatch, plan):
    def answer_no_then_stop(self):
        self.choose(ThereAt25.NO)
        self.stop.click()
        return self.result()

    monkeypatch.setattr(At25Dialog, "exec", answer_no_then_stop)
    assert At25Dialog.run(None, plan) is True
    assert _rel(plan, "Nan").there_at_25 is ThereAt25.NO

    def close_straight_away(self):
        self.reject()
        return self.result()

    monkeypatch.setattr(At25Dialog, "exec", close_straight_away)
    assert At25Dialog.run(None, plan) is False


def test_a_plan_with_nobody_yet_goes_straight_to_who_would_you_want(qtbot):
    p = m.Plan()
    dlg = At25Dialog(p)
    qtbot.addWidget(dlg)
    assert dlg.progress.text() == "Question 1 of 1"
    assert dlg.question.text().startswith("Who would you want in your life")
    assert not dlg.changed


def test_every_control_has_an_accessible_name(dialog):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, (QAbstractButton, QLineEdit, QComboBox))]
    assert len(controls) >= 9
    assert [w for w in controls if not w.accessibleName().strip()] == []
