"""pathway_app/ui/session.py: the open plan — undo, autosave, refused saves, nothing lost."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.domain import model as m
from pathway_app.ui.session import AUTOSAVE_MS, PlanSession

from .conftest import TODAY
from builders import minimal_plan


@pytest.fixture
def plan(store):
    p = minimal_plan()
    store.save(p, today=TODAY)
    return p


@pytest.fixture
def session(qtbot, store, plan):
    s = PlanSession(store, lambda: TODAY)
    s.open(plan)
    yield s
    s._timer.stop()


def _saved_name(store, plan_id: str) -> str:
    return store.load(plan_id, opened=False).person.given_name


# --------------------------------------------------------------------------- undo


def test_typing_in_one_field_is_one_undo_step_until_it_loses_focus(session, plan):
    for text in ("J", "Ja", "Jay"):
        session.set_field(plan.person, "given_name", text, "given name")
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Edit given name"
    session.close_merge()
    session.set_field(plan.person, "given_name", "Jayd", "given name")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert plan.person.given_name == "Jay"
    session.undo_stack.undo()
    assert plan.person.given_name == "Jade"
    session.undo_stack.redo()
    assert plan.person.given_name == "Jay"


def test_setting_the_same_value_is_no_change(session, plan):
    session.set_field(plan.person, "given_name", "Jade")
    assert session.undo_stack.count() == 0 and not session.dirty


def test_every_change_is_announced_for_the_widgets(qtbot, session, plan):
    with qtbot.waitSignal(session.fieldChanged) as field:
        session.set_field(plan.person, "pronouns", "she/her")
    assert field.args == [plan.person, "pronouns"]
    with qtbot.waitSignal(session.fieldChanged) as field:
        session.undo_stack.undo()
    assert field.args == [plan.person, "pronouns"] and plan.person.pronouns == ""


def test_adding_and_removing_records_can_be_undone(qtbot, session, plan):
    nan = m.Relationship(name="Nan")
    with qtbot.waitSignal(session.listChanged) as changed:
        session.insert_record(plan.relationships, nan, label="person who matters")
    assert changed.args == [plan.relationships] and plan.relationships == [nan]
    assert session.undo_stack.undoText() == "Add person who matters"
    session.remove_record(plan.relationships, nan, label="person who matters")
    assert plan.relationships == []
    session.undo_stack.undo()
    assert plan.relationships == [nan]
    session.undo_stack.undo()
    assert plan.relationships == []


def test_opening_another_plan_clears_the_undo_history(session, plan):
    session.set_field(plan.person, "pronouns", "she/her")
    other = minimal_plan(given_name="Kai")
    session.open(other)
    assert session.undo_stack.count() == 0 and session.plan is other and not session.dirty


# --------------------------------------------------------------------------- saving


def test_changes_are_saved_in_one_batch_after_a_pause(qtbot, session, store, plan, monkeypatch):
    saves: list = []
    real = store.save
    monkeypatch.setattr(store, "save", lambda p, today=None: (saves.append(p.id), real(p, today=today)))
    for text in ("K", "Ka", "Kay"):
        session.set_field(plan.person, "given_name", text)
    session.set_field(plan.person, "pronouns", "she/her")
    assert session.state == "pending" and session.dirty
    with qtbot.waitSignal(session.saved, timeout=AUTOSAVE_MS + 2000):
        pass
    assert saves == [plan.id]
    assert _saved_name(store, plan.id) == "Kay" and session.state == "saved" and not session.dirty


def test_save_now_saves_at_once_and_says_so(qtbot, session, store, plan):
    session.set_field(plan.person, "given_name", "Kayla")
    said: list = []
    session.statusChanged.connect(lambda state, text: said.append((state, text)))
    assert session.save_now()
    assert said == [("saving", "Saving…"), ("saved", "Saved")]
    assert _saved_name(store, plan.id) == "Kayla" and plan.version == 2


def test_a_plan_with_problems_is_not_saved_and_the_text_is_kept(qtbot, session, store, plan):
    with qtbot.waitSignal(session.problemsChanged) as problems:
        session.set_field(plan.person, "given_name", "")
        assert not session.save_now()
    assert [p.field for p in problems.args[0]] == ["person.given_name"]
    assert session.state == "error" and "Your text is kept" in session.status_text
    assert plan.person.given_name == "" and _saved_name(store, plan.id) == "Jade"
    session.set_field(plan.person, "given_name", "Jade B")
    assert session.save_now() and session.problems == []


def test_text_a_field_cannot_read_holds_back_the_save(session, store, plan):
    session.set_field(plan.person, "pronouns", "she/her")
    session.set_input_error("person.date_of_birth", "Date of birth: “31/02” is not a date I can read.")
    assert not session.save_now() and session.state == "error"
    assert "31/02" in session.status_text
    session.set_input_error("person.date_of_birth", None)
    assert session.state == "pending"
    assert session.save_now() and store.load(plan.id, opened=False).person.pronouns == "she/her"


def test_someone_else_saving_first_is_caught_and_nothing_is_written(qtbot, session, store, plan):
    theirs = store.load(plan.id, opened=False)
    theirs.person.phone = "0161 496 0000"
    store.save(theirs, today=TODAY)
    session.set_field(plan.person, "pronouns", "she/her")
    with qtbot.waitSignal(session.staleSave):
        assert not session.save_now()
    assert session.state == "error" and "newer version" in session.status_text
    assert plan.person.pronouns == "she/her"  # my change is still here
    assert store.load(plan.id, opened=False).person.pronouns == ""


def test_while_locked_changes_wait_in_memory(session, store, plan):
    session.set_store(None)
    session.set_field(plan.person, "pronouns", "she/her")
    assert not session.save_now() and session.dirty
    session.set_store(store)
    assert session.save_now() and store.load(plan.id, opened=False).person.pronouns == "she/her"


def test_replacing_the_plan_keeps_my_changes_to_save(qtbot, session, store, plan):
    session.set_field(plan.person, "pronouns", "she/her")
    newer = store.load(plan.id, opened=False)
    newer.person.pronouns = "she/her"
    with qtbot.waitSignal(session.planReplaced) as replaced:
        session.replace_plan(newer, keep_dirty=True)
    assert replaced.args == [newer] and session.plan is newer
    assert session.undo_stack.count() == 0 and session.dirty and session.state == "pending"
    assert session.save_now()


def test_who_is_answering_comes_from_the_store(session, store):
    assert session.user_name == store.user
    session.set_store(None)
    assert session.user_name  # the computer's login while locked


def test_today_is_asked_each_time(store, plan):
    days = [date(2026, 11, 23)]
    s = PlanSession(store, lambda: days[-1])
    days.append(date(2027, 1, 1))
    assert s.today == date(2027, 1, 1)
