"""Together mode shows one question at a time and nothing the young person should not see."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pathway_app.ui.together import QUESTIONS

from .conftest import TODAY, open_in, wait_saved


def visible_text(root: QWidget) -> str:
    """Every piece of text a person could read in the window right now."""
    out = [root.windowTitle()]
    for w in [root] + root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QLineEdit)):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(min(m.rowCount(), 500)):
                for c in range(m.columnCount()):
                    out.append(str(m.index(r, c).data() or ""))
        out.append(w.toolTip())
    return "\n".join(out)


def _demo(window, store):
    from pathway_app.demo import demo_plans

    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    window.load_caseload()
    return plans


def test_together_mode_shows_no_other_names_and_no_restrictions(qtbot, window, store):
    plans = _demo(window, store)
    me = next(p for p in plans if any(r.contact_restrictions or r.safety_notes for r in p.relationships))
    view = open_in(window, qtbot, me.id)
    view.show_area("people")  # a page with the restrictions on it, so they were on screen
    window.plan_view.pages["people"].people.select_id(
        next(r for r in me.relationships if r.contact_restrictions or r.safety_notes).id)
    before = visible_text(window)
    secret = [s for r in me.relationships for s in (r.contact_restrictions, r.safety_notes) if s]
    assert any(s in before for s in secret)  # the check below can fail
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.pages.currentWidget() is window.together
    for i in range(len(QUESTIONS)):
        text = visible_text(window)
        for other in plans:
            if other.id == me.id:
                continue
            for n in (other.person.given_name, other.person.family_name):
                if n and n not in (me.person.given_name, me.person.family_name, me.person.preferred_name):
                    assert n not in text, (n, QUESTIONS[i].key)
        for s in secret:
            assert s not in text
        for sa in me.support_areas:
            if sa.assessment.strip():
                assert sa.assessment not in text
        window.together.go_next() if i < len(QUESTIONS) - 1 else None
    # the find shortcut does not bring the list of young people back
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.together


def test_together_mode_writes_their_own_words(qtbot, window, store, saved_plan):
    view = open_in(window, qtbot, saved_plan.id)
    window.together_action.trigger()
    tv = window.together
    assert tv.question.text() == QUESTIONS[0].text
    assert QApplication.focusWidget() is tv.answer
    qtbot.keyClicks(tv.answer, "I love music.")
    qtbot.mouseClick(tv.next, Qt.MouseButton.LeftButton)
    assert tv.question.text() == "Who do you want to still be in your life when you're 25?"
    tv.answer.setFocus()
    qtbot.keyClicks(tv.answer, "My nan and my sister.")
    qtbot.mouseClick(tv.next, Qt.MouseButton.LeftButton)
    assert "next home" in tv.question.text()
    qtbot.mouseClick(tv.back, Qt.MouseButton.LeftButton)
    assert tv.answer.toPlainText() == "My nan and my sister."
    wait_saved(qtbot, window)
    saved = store.load(saved_plan.id)
    assert saved.person.about_me_own_words == "I love music."
    assert saved.area("relationships").own_words == "My nan and my sister."
    qtbot.keyClick(tv, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is view
    assert not window.together_action.isChecked()
    # the words show in the normal view, set apart as theirs
    page = view.show_area("people")
    panel = page._own_words[0]
    assert panel.edit.toPlainText() == "My nan and my sister."
    assert panel.heading.text() == "❝ In Jade’s words"


def test_together_needs_an_open_plan(window):
    window.together_action.trigger()
    assert not window.together_action.isChecked()
    assert window.pages.currentWidget() is window.caseload


def test_together_mode_offers_no_practitioner_actions(qtbot, window, store, monkeypatch):
    """With the young person at the screen, the menus and shortcuts cannot open a full PDF, the
    plan's history, everything held, the list of other young people or delete the plan."""
    plans = _demo(window, store)
    me = plans[0]
    open_in(window, qtbot, me.id)
    window.together_action.trigger()
    assert window.together_action.isChecked()
    blocked = (window.pdf_action, window.history_action, window.subject_access_action, window.delete_action,
               window.export_action, window.import_action, window.new_action, window.demo_action,
               window.find_action, window.many_pdfs_action, window.lock_settings_action)
    assert [a.text() for a in blocked if a.isEnabled()] == []
    # still there: leaving, locking, undo, and the at-25 questions (written for the young person)
    assert window.together_action.isEnabled() and window.lock_action.isEnabled()
    assert window.at25_action.isEnabled() and window.caseload_action.isEnabled()
    opened = []
    import pathway_app.ui.history as history
    import pathway_app.ui.pdf_dialog as pdf_dialog

    monkeypatch.setattr(pdf_dialog.PdfExportDialog, "ask", classmethod(lambda cls, *a: opened.append("pdf")))
    monkeypatch.setattr(history.HistoryDialog, "run", classmethod(lambda cls, *a: opened.append("history")))
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    window.export_pdf()
    window.show_history()
    window.delete_plan()
    assert opened == [] and store.load(me.id) is not None
    window.leave_together()
    assert window.pdf_action.isEnabled() and window.history_action.isEnabled() and window.find_action.isEnabled()


# --------------------------------------------------------------------------- the audience policy


def plant(obj, markers: dict[str, str], hidden, prefix: str = "") -> None:
    """Fill every text field of ``obj`` for which ``hidden(field id)`` holds with a marker of its
    own (a record is added to every empty list first, so no field is missed)."""
    from pathway_app.domain.introspect import specs

    for s in specs(type(obj)):
        fid = f"{prefix}.{s.name}" if prefix else s.name
        value = getattr(obj, s.name)
        if s.kind == "record":
            plant(value, markers, hidden, fid)
        elif s.kind == "records":
            if not value:
                value.append(s.type())
            for item in value:
                plant(item, markers, hidden, fid)
        elif s.kind == "text" and hidden(fid):
            marker = f"HIDDENMARK{len(markers):04d}"
            setattr(obj, s.name, marker)
            markers[marker] = fid


def test_nothing_the_policy_hides_from_the_young_person_is_on_screen(qtbot, window, store, saved_plan):
    """Markers in every field hidden from the young person (found from the policy, not listed by
    hand); none is on screen on any question of together mode."""
    from pathway_app.domain.audiences import Access, access

    plan = store.load(saved_plan.id)
    markers: dict[str, str] = {}
    plant(plan, markers, lambda fid: access("young_person", fid) is Access.HIDDEN)
    assert {"relationships.safety_notes", "relationships.contact_restrictions", "orders.notes",
            "return_home.notes", "prompt_responses.note"} <= set(markers.values())
    plan.person.about_me_own_words = "SHOWNMARK about me"  # theirs: on screen (the check can fail)
    plan.sign_off.young_person_comments = "SHOWNMARK my plan"
    window._set_plan(plan)  # as it is in memory; nothing here is saved
    window._show_plan_page()
    window.enter_together()
    tv = window.together
    seen = []
    for i in range(len(tv.questions)):
        tv.show_question(i)
        text = visible_text(window)
        leaked = [markers[m] for m in markers if m in text]
        assert leaked == [], (tv.questions[i].key, leaked)
        seen += [w for w in ("SHOWNMARK about me", "SHOWNMARK my plan") if w in text]
    assert seen == ["SHOWNMARK about me", "SHOWNMARK my plan"]
    window.leave_together()


def test_the_questions_are_those_the_policy_lets_the_young_person_see_and_change(qtbot, window, saved_plan,
                                                                                monkeypatch):
    import pathway_app.ui.together as together
    from pathway_app.domain.audiences import Access, access

    assert [q.key for q in together.questions()] == [q.key for q in together.ALL_QUESTIONS]
    assert all(access("young_person", q.field_id) is Access.CHANGE for q in together.QUESTIONS)
    policy = {"identity.own_words": Access.HIDDEN, "contingency.own_words": Access.SEE}
    monkeypatch.setattr(together, "access", lambda audience, fid: policy.get(fid, access(audience, fid)))
    asked = [q.key for q in together.questions()]
    assert "identity" not in asked and "contingency" in asked
    window.together = None  # made again, reading the policy as it now stands
    open_in(window, qtbot, saved_plan.id)
    window.enter_together()
    tv = window.together
    assert [q.key for q in tv.questions] == asked
    tv.show_question(asked.index("contingency"))  # seen, not changed
    assert tv.answer.isReadOnly()
    tv.show_question(asked.index("about"))
    assert not tv.answer.isReadOnly()
    window.leave_together()


def test_what_they_think_of_their_plan_is_asked_by_choosing_then_in_their_words(qtbot, window, store, saved_plan):
    from pathway_app.domain.vocab import PlanView

    open_in(window, qtbot, saved_plan.id)
    window.enter_together()
    tv = window.together
    keys = [q.key for q in tv.questions]
    tv.show_question(keys.index("plan_view"))
    assert tv.topic.text() == "Agreeing my plan"
    assert tv.choice.isVisible() and not tv.answer.isVisible()
    assert tv.input() is tv.choice and tv.choice.accessibleName() == "What do you think of your plan?"
    tv.choice.setCurrentIndex(tv.choice.findData("agree"))
    qtbot.mouseClick(tv.next, Qt.MouseButton.LeftButton)
    assert tv.answer.isVisible() and QApplication.focusWidget() is tv.answer
    qtbot.keyClicks(tv.answer, "It's fair. I want more help with money.")
    wait_saved(qtbot, window)
    so = store.load(saved_plan.id).sign_off
    assert (so.young_person_view, so.young_person_comments) == (PlanView.AGREE, "It's fair. I want more help with money.")
    window.leave_together()
    page = window.plan_view.show_area("reviews")  # shown on the Reviews page, set apart as theirs
    assert page.sign_off_words.edit.toPlainText() == "It's fair. I want more help with money."
