"""Issue 16, "The app in a PA's hands": one regression test per thing that got in the way,
driving the real widgets as the PA, the foster carer and the key worker did.

The keyboard walk through every page is in test_keyboard.py, the screen-reader walk in
test_screen_reader.py and the contrast check in test_contrast.py.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from pathway_app.domain import model as m
from pathway_app.domain.vocab import Area, PromptAnswer
from pathway_app.ui import focus

from .conftest import OFFSCREEN_NOISE, TODAY, open_in, wait_saved
from builders import minimal_plan


def eligible_plan(**person) -> m.Plan:
    """Jade, 17, in care since she was 10: her needs assessment is overdue."""
    plan = minimal_plan(**person)
    plan.care_episodes.append(m.CareEpisode(home_name="Oak House", start=date(2020, 1, 6)))
    return plan


def focus_on(qtbot, w) -> None:
    w.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(w.hasFocus, timeout=2000)


def click_in_view(qtbot, scroll, button) -> None:
    """Click ``button`` as a person would: scrolled into sight in its column first."""
    qtbot.wait(30)  # the column is laid out
    scroll.ensureWidgetVisible(button)
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty(), timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --------------------------------------------------------------------------- 1. focus


def test_1_focus_is_seen_and_never_lost(qtbot, window, store):
    plan = eligible_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    # the list of areas shows where the keyboard is
    focus_on(qtbot, view.area_list)
    ring = focus.ring_of(window)
    qtbot.waitUntil(lambda: ring is not None and ring.isVisible() and ring.target is view.area_list, timeout=2000)
    # Money: Tab from Notes goes on to the prompts' answers, not to an invisible stop or back up
    page = view.show_area("money")
    qtbot.waitUntil(lambda: bool(page.prompts.cards), timeout=2000)
    notes = page._forms[1][0].widget("notes")
    focus_on(qtbot, notes)
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    card = page.prompts.cards[0]
    assert QApplication.focusWidget() is card.buttons[PromptAnswer.DONE]
    for answer in (PromptAnswer.NOT_RELEVANT, PromptAnswer.LATER):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is card.buttons[answer]  # Done, Not relevant, Later: all reached


#: What the offscreen platform says whenever a menu pops up (not about our code).
MENU_NOISE = r"^This plugin does not support (raise\(\)|grabbing the keyboard)$"


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, MENU_NOISE)
def test_1_a_menu_opened_on_the_lock_screen_gives_the_passphrase_box_back(qtbot, data_dir, store):
    from pathway_app.ui.app import make_application, open_window
    from pathway_app.ui.unlock import StoreAccess

    access = StoreAccess(data_dir=data_dir)
    access.encrypted = True  # the lock screen asks for the passphrase
    make_application([])
    win = open_window(store, data_dir, lambda: TODAY, access=access, lock_after_ms=60_000)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    win.lock()
    box = win.lock_screen.form.passphrase
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    menu: QMenu = win.menuBar().actions()[0].menu()
    QTimer.singleShot(50, menu.close)
    menu.exec(win.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    win.locking.stop()


# --------------------------------------------------------------------------- 2. error text


def test_2_what_stops_a_save_is_said_in_words_not_paths(qtbot, window, store):
    plan = eligible_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("support")
    page.select_area(Area.SUPPORT)
    page.actions.add()  # an action with nothing written yet
    episode = window.session.plan.care_episodes[0]
    window.session.set_field(episode, "start", None)
    assert not window.session.save_now()
    status = window.save_label.text()
    assert status.startswith("Not saved: ")
    for technical in ("[", "]", "actions", ".what", "start:", "entry 1", "is needed:"):
        assert technical not in status, status
    assert "Care history — Oak House: the date they moved in is needed" in status or \
        "the action needs to say what will be done" in status
    about = view.show_area("about")
    editor = about.episodes
    assert editor.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "The date they moved in is needed"
    window.show_first_problem()
    assert QApplication.focusWidget() is not None


# --------------------------------------------------------------------------- 3. together mode


def test_3_together_mode_never_types_a_shortcut_into_their_words(qtbot, window, store):
    plan = minimal_plan()
    store.save(plan, today=TODAY)
    open_in(window, qtbot, plan.id)
    from pathway_app.ui.together import QUESTIONS

    window.enter_together()
    view = window.together
    view.show_question(len(QUESTIONS) - 1)
    answer = view.answer
    focus_on(qtbot, answer)
    qtbot.keyClicks(answer, "I agree with most of it")
    qtbot.keyClick(answer, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the Next mnemonic
    # Alt+N finishes, as Next does on every other question; no "n" is added to their words
    qtbot.waitUntil(lambda: not window.together_action.isChecked(), timeout=2000)
    assert window.session.plan.sign_off.young_person_comments == "I agree with most of it"  # the last question


def test_3_the_next_button_stays_put_from_question_to_question(qtbot, window, store):
    from pathway_app.ui.together import QUESTIONS

    plan = minimal_plan()
    store.save(plan, today=TODAY)
    open_in(window, qtbot, plan.id)
    window.resize(1000, 700)
    window.enter_together()
    view = window.together
    qtbot.wait(20)
    where = set()
    for i in range(len(QUESTIONS)):
        view.show_question(i)
        qtbot.wait(5)
        where.add((view.next.mapTo(view, QPoint(0, 0)).y(), view.answer.mapTo(view, QPoint(0, 0)).y()))
    assert len(where) == 1, where  # a question on two lines moves nothing
    window.leave_together()


# --------------------------------------------------------------------------- 4. answered prompt


def test_4_done_records_the_date_and_the_warning_goes_everywhere(qtbot, window, store):
    plan = eligible_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    assert "overdue" in view.header.next.text()
    page = view.show_area("support")
    qtbot.waitUntil(lambda: any(c.prompt.rule_id == "S-needs-assessment-overdue" for c in page.prompts.cards),
                    timeout=2000)
    card = next(c for c in page.prompts.cards if c.prompt.rule_id == "S-needs-assessment-overdue")
    click_in_view(qtbot, page.prompts.scroll, card.buttons[PromptAnswer.DONE])
    form = card.form
    [asked] = form.inputs  # the one field behind the prompt: its date
    assert asked.block.isVisible()
    assert asked.block.label.text().replace("&", "") == "Needs assessment done on"
    asked.widget.set_text("2/11/2026")
    click_in_view(qtbot, page.prompts.scroll, form.save)
    session = window.session
    assert session.plan.needs_assessment_done_on == date(2026, 11, 2)
    assert "overdue" not in view.header.next.text()
    wait_saved(qtbot, window)
    assert store.load(plan.id).needs_assessment_done_on == date(2026, 11, 2)
    model = window.caseload.model  # the list of young people no longer says it is overdue
    texts = [model.index(r, c).data() or "" for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not any("overdue" in t for t in texts), texts
    session.undo_stack.undo()  # one step takes back the answer and the date
    assert session.plan.needs_assessment_done_on is None and session.plan.prompt_responses == []


def test_4_done_asks_for_a_real_day_not_after_today(qtbot, window, store):
    plan = eligible_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("reviews")
    qtbot.waitUntil(lambda: bool(page.prompts.cards), timeout=2000)
    card = next(c for c in page.prompts.cards if c.prompt.rule_id == "S-needs-assessment-overdue")
    card.buttons[PromptAnswer.DONE].click()
    [asked] = card.form.inputs
    asked.widget.set_text("1/1/2027")
    card.form.save.click()
    assert "after today" in asked.block.error_text()
    assert window.session.plan.needs_assessment_done_on is None and window.session.plan.prompt_responses == []


# --------------------------------------------------------------------------- 5. layout while typing


def test_5_a_problem_waits_until_the_field_is_left_so_nothing_jumps(qtbot, window, store):
    plan = minimal_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("about")
    form = page._forms[1][0]
    given, family = form.widget("given_name"), form.widget("family_name")
    below = form.widget("preferred_name")
    before = below.mapTo(page.content, QPoint(0, 0))
    focus_on(qtbot, given)
    given.selectAll()
    qtbot.keyClick(given, Qt.Key.Key_Delete)  # no name: the save is refused
    qtbot.waitUntil(lambda: window.session.state == "error", timeout=3000)
    qtbot.wait(50)
    assert form.block("given_name").error_text() == ""  # not while they type
    assert below.mapTo(page.content, QPoint(0, 0)) == before
    qtbot.keyClicks(given, "J")  # typing on: still nothing moves
    assert below.mapTo(page.content, QPoint(0, 0)) == before
    given.selectAll()
    qtbot.keyClick(given, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.session.state == "error", timeout=3000)
    qtbot.keyClick(given, Qt.Key.Key_Tab)  # leaving the field: now it is said
    assert family.hasFocus()
    assert "given name" in form.block("given_name").error_text().lower()


# --------------------------------------------------------------------------- 6. defaults


def test_6_immigration_status_is_not_assumed(qtbot, window, store):
    plan = m.Plan(person=m.YoungPerson(given_name="Sam", date_of_birth=date(2009, 5, 1)))
    assert plan.immigration == []  # no status assumed: matters are recorded when known
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    form = view.show_area("about")._forms[1][0]
    assert form.widget("legal_status").currentText() == "Not recorded"


def test_6_export_pdf_starts_on_the_copy_for_the_part_on_screen(qtbot, window, store, monkeypatch):
    import pathway_app.ui.pdf_dialog as pdf_dialog

    plan = minimal_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    asked = []
    monkeypatch.setattr(pdf_dialog.PdfExportDialog, "ask",
                        classmethod(lambda cls, parent, plan, today, edition="full", folder="": asked.append(edition)))
    window.export_pdf()
    home = view.show_area("home")
    qtbot.wait(20)
    close_form = home._forms[-1][0]
    focus_on(qtbot, close_form.widget("decision"))
    window.export_pdf()
    focus_on(qtbot, home._forms[-2][0].widget("decision"))
    window.export_pdf()
    assert asked == ["full", "staying-close", "staying-put"]
    # the agreements' own pages: their own copy, whatever has the keyboard there
    view.show_area("staying_close")
    qtbot.wait(20)
    window.export_pdf()
    view.show_area("staying_put")
    qtbot.wait(20)
    window.export_pdf()
    view.show_area("money")
    qtbot.wait(20)
    window.export_pdf()
    assert asked[3:] == ["staying-close", "staying-put", "full"]


def test_6_file_dialogs_start_in_documents_then_the_last_folder(qtbot, window, store, monkeypatch, tmp_path):
    from PySide6.QtCore import QStandardPaths

    plan = minimal_plan()
    store.save(plan, today=TODAY)
    open_in(window, qtbot, plan.id)
    started = []
    chosen = tmp_path / "exports"
    chosen.mkdir()

    def save_as(parent, caption, start, *rest, **kw):
        started.append(start)
        return str(chosen / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.export_plan()
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first = Path(started[0]).parent
    assert first == (Path(docs) if docs and os.path.isdir(docs) else Path.home())
    assert first != Path.cwd() or Path.cwd() == Path(docs)
    window.export_plan()
    assert Path(started[1]).parent == chosen  # the folder used last time


# --------------------------------------------------------------------------- 7. flows


def test_7_in_care_since_on_add_a_young_person_starts_the_care_history_and_home_now(qtbot, window, store):
    from pathway_app.ui.dialogs import NewPersonDialog

    def fill():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, NewPersonDialog)
        qtbot.keyClicks(dlg.given, "Amara")
        qtbot.keyClicks(dlg.dob.line, "02/07/2009")
        qtbot.keyClicks(dlg.in_care.line, "15/01/2019")
        dlg._accept()

    QTimer.singleShot(0, fill)
    window.add_person()
    plan = window.session.plan
    assert plan is not None and [e.start for e in plan.care_episodes] == [date(2019, 1, 15)]
    assert plan.home.current_since == date(2019, 1, 15)  # not typed twice
    view = window.plan_view
    about = view.show_area("about")
    editor = about.episodes
    editor.select(plan.care_episodes[0])
    editor.form.widget("home_name").setText("Birch Lodge")
    editor.form.widget("home_name").textEdited.emit("Birch Lodge")
    home = view.show_area("home")  # Home now follows the care history while it is empty
    form = home._forms[1][0]
    assert form.widget("current_name").text() == "Birch Lodge"
    assert form.widget("current_since").text() == "15/01/2019"
    window.session.undo_stack.undo()  # one step
    assert window.session.plan.home.current_name == ""


def test_7_the_person_chosen_on_the_map_is_in_view_to_edit(qtbot, window, store):
    plan = minimal_plan()
    plan.relationships = [m.Relationship(name=f"Person {i}") for i in range(6)]
    store.save(plan, today=TODAY)
    window.resize(1200, 700)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("people")
    qtbot.wait(20)
    page.scroll.verticalScrollBar().setValue(0)
    page.map.personActivated.emit(plan.relationships[3].id)
    name = page.people.form.widget("name")
    assert name.hasFocus() and name.text() == "Person 3"
    assert not name.visibleRegion().isEmpty()  # no scrolling to find it


def test_7_the_later_form_opens_in_sight(qtbot, window, store):
    plan = eligible_plan()
    store.save(plan, today=TODAY)
    window.resize(1200, 640)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("support")
    qtbot.waitUntil(lambda: len(page.prompts.cards) > 2, timeout=2000)
    card = page.prompts.cards[-1]
    click_in_view(qtbot, page.prompts.scroll, card.buttons[PromptAnswer.LATER])
    qtbot.wait(20)
    viewport = page.prompts.scroll.viewport()
    top = card.form.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + card.form.height() <= viewport.height()


# --------------------------------------------------------------------------- 8. small things


def test_8_the_passphrase_dialog_says_each_problem_once_and_in_full(qtbot):
    from PySide6.QtWidgets import QLabel

    from pathway_app.ui.unlock import NewPassphraseDialog

    dlg = NewPassphraseDialog(None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.keyClicks(dlg.passphrase, "short")
    assert not dlg.validate()
    said = [lab.text() for lab in dlg.findChildren(QLabel) if lab.isVisible() and "8" in lab.text()
            and ("short" in lab.text().lower() or "characters" in lab.text())]
    assert len(said) == 1, said
    for lab in dlg.findChildren(QLabel):  # no line of help is cut off
        if lab.isVisible() and lab.wordWrap():
            assert lab.height() >= lab.heightForWidth(lab.width()), lab.text()
    qtbot.keyClicks(dlg.passphrase, " and longer")
    qtbot.keyClicks(dlg.repeat, "short and longe")
    assert not dlg.validate() and "not the same" in dlg.blocks["repeat"].error_text()
    qtbot.keyClicks(dlg.repeat, "r")  # they match now: the message goes at once
    assert dlg.blocks["repeat"].error_text() == ""


def test_8_window_titles_never_repeat_the_app_name(qtbot, window, store):
    from pathway_app.ui.window.shell import TITLE

    plan = minimal_plan()
    store.save(plan, today=TODAY)
    titles = [window.windowTitle()]
    open_in(window, qtbot, plan.id)
    titles.append(window.windowTitle())
    window.enter_together()
    titles.append(window.windowTitle())
    window.leave_together()
    window.lock()
    titles.append(window.windowTitle())
    for t in titles:  # the desktop adds the app's name to a title that does not end with it
        assert t.endswith(TITLE) and t.count(TITLE) == 1, t
    assert titles[-1] == f"Locked — {TITLE}"
    window.locking.stop()


def test_8_no_research_codes_in_what_a_page_says(qtbot, window, store):
    import re

    from PySide6.QtWidgets import QLabel

    plan = minimal_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    for key in view.pages:
        page = view.show_area(key)
        for lab in page.content.findChildren(QLabel):
            assert not re.search(r"\bM\d+\b|research message", lab.text()), (key, lab.text())
        for w in page.content.findChildren(QWidget):
            assert not re.search(r"\bM\d+\b|research message", w.toolTip()), (key, w.toolTip())


def test_8_the_at25_name_hint_is_read_in_full(qtbot):
    from pathway_app.ui.at25_dialog import At25Dialog

    dlg = At25Dialog(m.Plan())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    box = dlg.name
    room = box.width() - 2 * box.style().pixelMetric(box.style().PixelMetric.PM_DefaultFrameWidth) - 8
    assert box.fontMetrics().horizontalAdvance(box.placeholderText()) <= room


def test_8_timeline_markers_keep_off_the_birthdays_and_the_today_line(qtbot):
    from PySide6.QtCore import QRectF

    from pathway_app.ui.timeline_view import MARKER_R, TimelineWidget

    plan = minimal_plan(date_of_birth=date(2009, 3, 14))
    for days in (-3, 0, 2, 5, 40):  # actions bundled around today, and around the 18th birthday
        plan.area(Area.HEALTH).actions.append(m.Action(what=f"Step {days}", who="PA",
                                                       by_when=date.fromordinal(TODAY.toordinal() + days)))
    for days in (-2, 1):
        plan.area(Area.FINANCE).actions.append(m.Action(what="Bank", who="PA",
                                                        by_when=date.fromordinal(date(2027, 3, 14).toordinal() + days)))
    w = TimelineWidget()
    qtbot.addWidget(w)
    for width in (700, 900, 1100, 1400):
        w.resize(width, 260)
        w.set_plan(plan, TODAY)
        f = w.frame()
        assert f is not None
        for mk in f.markers:
            r = MARKER_R + 1.5
            box = QRectF(mk.x - r, mk.y - r, 2 * r, 2 * r)
            for a, b, _when in w.obstacles(f):
                assert not (a + 2 < mk.x < b - 2), (width, mk.placed.event.label)
            assert not box.contains(f.today_x, mk.y)


def test_8_the_side_panel_has_one_name_on_every_page(qtbot, window, store):
    plan = eligible_plan()
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    assert {p.prompts.title.text() for p in view.pages.values()} == {"Things to think about"}
