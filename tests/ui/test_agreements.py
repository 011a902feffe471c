"""The Staying Put agreement and Staying Close plan pages (issue 11, "in the app"), driven as a
personal adviser drives them: versions, their life (start, discard, sign, end — each one
undoable step, each refusal said beside the buttons), the parts in the documents' order with the
catalogue's words, the checklist, together mode, printing and sharing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit

from pathway_app.domain import agreements as ag
from pathway_app.domain import fields as catalogue
from pathway_app.domain import model as m
from pathway_app.domain.vocab import AgreementStatus, HouseRuleTopic
from pathway_app.ui.agreement_dialogs import EndingDialog, SharePassphraseDialog, SigningDialog
from pathway_app.ui.pages.agreement_parts import PART_FIELDS
from pathway_app.ui.pages.agreements import StayingClosePage, StayingPutPage

from .conftest import TODAY, open_in, wait_saved
from builders import minimal_plan

pytestmark = pytest.mark.usefixtures("quick_share_files")




def page_of(qtbot, window, plan, key="staying_put"):
    view = open_in(window, qtbot, plan.id)
    page = view.show_area(key)
    qtbot.waitUntil(page.isVisible, timeout=2000)
    return page


def versions(page) -> list[str]:
    return [page.version_model.item(r).text() for r in range(page.version_model.rowCount())]


def editable(widget) -> bool:
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return not widget.isReadOnly() and widget.isEnabled()
    if hasattr(widget, "line"):
        return not widget.line.isReadOnly()
    return widget.isEnabled()


def in_dialog(qtbot, kind, act) -> list:
    """Run ``act(dialog)`` on the modal dialog of ``kind`` once it is open."""
    done: list = []

    def go():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, kind), dlg
        act(dlg)
        done.append(dlg)

    QTimer.singleShot(0, go)
    return done


def ok(dlg) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = dlg.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


# --------------------------------------------------------------------------- the versions


def test_the_pages_come_after_home_with_their_names(qtbot, window, demo):
    view = open_in(window, qtbot, demo["Whitfield"].id)
    keys = [view.area_model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(view.area_model.rowCount())]
    assert keys[2:5] == ["home", "staying_put", "staying_close"]
    assert [view.area_model.item(r).text() for r in (3, 4)] == ["Staying Put agreement", "Staying Close plan"]
    assert isinstance(view.pages["staying_put"], StayingPutPage)
    assert isinstance(view.pages["staying_close"], StayingClosePage)


def test_the_versions_in_order_and_the_one_in_force_read_only_but_its_notes(qtbot, window, demo):
    tom = demo["Whitfield"]
    page = page_of(qtbot, window, tom)
    assert versions(page) == ["Living Together Agreement, version 2 (agreed on 8 September 2026) — in force",
                              "Living Together Agreement, version 1 (replaced by a later version)"]
    assert page.agreement().version == 2
    assert "kept as it was signed" in page.state_note.text()
    assert "Karen Lowe — Staying Put carer" in page.record_note.text()
    assert not editable(page.form.widget("contribution")) and not editable(page.form.widget("end_basis"))
    assert editable(page.form.widget("notes"))  # the practitioners' notes are never part of what was signed
    carers = next(ed for ed, attr in page._agreement_lists if attr == "carers")
    assert carers.add_button.isHidden() and not editable(carers.form.widget("name"))
    visible = {b.text().replace("&", "") for b in (page.start_button, page.discard_button, page.sign_button,
                                                    page.end_button, page.print_button, page.share_button)
               if b.isVisible()}
    assert visible == {"Start a new version", "Record the ending…", "Print…", "Share with the carers…"}
    # the replaced version opens read-only too, to print as a record
    page.versions.setCurrentIndex(page.version_model.index(1, 0))
    assert page.agreement().version == 1 and page.form.widget("contribution").toPlainText() == "£30 a week board."
    assert not editable(page.form.widget("contribution"))
    assert page.print_button.text().replace("&", "") == "Print record…" and page.end_button.isHidden()
    assert page.state_note.text().startswith("A later version was agreed in its place on 8 September 2026")


def test_the_parts_in_the_documents_order_with_every_field_and_the_catalogue_s_words(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Whitfield"])
    headings = [page.part_sections[p.key].findChild(type(page.state_note)).text() for p in ag.PARTS[ag.STAYING_PUT]]
    assert headings == [p.heading for p in ag.PARTS[ag.STAYING_PUT]]
    tops = [page.part_sections[p.key].y() for p in ag.PARTS[ag.STAYING_PUT]]
    assert tops == sorted(tops)
    # every field of the agreement that is not its life is on the page, in the catalogue's words
    content = {f.name for f in __import__("dataclasses").fields(m.StayingPutAgreement)} - set(ag.LIFE)
    shown = {f.attr for f in page.form.fields} | {attr for _ed, attr in page._agreement_lists}
    assert content <= shown
    for f in page.form.fields:
        words = catalogue.label(f"staying_put.agreements.{f.attr}")
        assert (f.block.label.text() if f.block.label else f.widget.text()).replace("&", "") == words
    # the young person's words beside the carers' (one row)
    yp, carers = page.form.widget("young_person_words"), page.form.widget("carers_words")
    assert abs(yp.mapTo(page.content, yp.rect().topLeft()).y() - carers.mapTo(page.content, carers.rect().topLeft()).y()) < 4
    assert set(PART_FIELDS) == set(ag.KINDS)


def test_the_staying_close_plan_with_its_staff(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Tanner"], "staying_close")
    assert versions(page) == ["Staying Close plan, version 1 (draft)"]
    staff = next(ed for ed, attr in page._agreement_lists if attr == "staff")
    assert staff.model.rowCount() == 2 and not staff.add_button.isHidden()
    content = {f.name for f in __import__("dataclasses").fields(m.StayingCloseAgreement)} - set(ag.LIFE)
    assert content <= {f.attr for f in page.form.fields} | {"staff"}
    assert page.sign_button.isVisible() and page.discard_button.isVisible()
    assert page.share_button.text().replace("&", "") == "Share with the key worker…"


# --------------------------------------------------------------------------- its life


def test_starting_the_agreement_fills_it_in_from_the_plan_as_one_undoable_step(qtbot, window, store):
    plan = minimal_plan()
    plan.advisers.append(m.AdviserPeriod(name="Priya Nair", start=date(2026, 3, 1)))
    plan.person.local_authority = "Northmoor Council"
    store.save(plan, today=TODAY)
    page = page_of(qtbot, window, plan)
    assert page.none_note.isVisible() and "no Living Together Agreement yet" in page.none_note.text()
    assert page.start_button.text().replace("&", "") == "Start the agreement"
    assert not page.checklist.isVisible()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    draft = window.session.plan.staying_put.draft()
    assert draft is not None and draft.version == 1 and page.agreement() is draft
    assert page.form.widget("worker_name").text() == "Priya Nair" and editable(page.form.widget("worker_name"))
    rules = next(ed for ed, attr in page._agreement_lists if attr == "house_rules")
    assert rules.model.rowCount() == len(ag.STANDARD_TOPICS)
    assert page.start_button.isHidden() and page.sign_button.isVisible()
    assert page.checklist.isVisible() and not page.checklist.done[0]["money"]
    window.session.undo_stack.undo()
    assert window.session.plan.staying_put.agreements == [] and page.none_note.isVisible()
    window.session.undo_stack.redo()
    assert window.session.plan.staying_put.draft().id == draft.id
    wait_saved(qtbot, window)
    assert store.load(plan.id, opened=False).staying_put.draft().worker_name == "Priya Nair"


def test_a_new_version_copies_the_one_in_force_which_stays_in_force(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Whitfield"])
    in_force = page.agreement()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    draft = page.agreement()
    assert draft.version == 3 and draft.status is AgreementStatus.DRAFT and draft.contribution == in_force.contribution
    assert window.session.plan.staying_put.in_force() is in_force  # the very version, untouched
    contribution = page.form.widget("contribution")
    contribution.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(contribution, " From May: £45.")
    assert draft.contribution.endswith("From May: £45.") and in_force.contribution == "£40 a week board."
    assert versions(page)[0] == "Living Together Agreement, version 3 (draft)"


def test_discarding_a_draft_asks_first_and_can_be_undone(qtbot, window, demo, boxes):
    page = page_of(qtbot, window, demo["Tekle"])
    draft = page.agreement()
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert boxes.calls[-1][:2] == ("question", "Discard this draft")
    assert window.session.plan.staying_put.draft() is draft
    boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert window.session.plan.staying_put.agreements == []
    assert window.session.undo_stack.undoText() == "Discard this draft"
    window.session.undo_stack.undo()
    assert window.session.plan.staying_put.draft() is draft and page.agreement() is draft


def test_recording_the_signing_with_the_dialog_makes_it_the_one_in_force(qtbot, window, demo, store):
    reece = demo["Tanner"]
    page = page_of(qtbot, window, reece, "staying_close")
    draft = page.agreement()

    def sign(dlg):
        names = {tick.text(): who.text() for _p, tick, who in dlg.rows}
        assert names["Key worker (children's home)"] == "Dee Campbell"
        assert all(tick.isChecked() for _p, tick, who in dlg.rows if who.text())
        assert dlg.day.text() == "23/11/2026"
        dlg.day.set_text("20/11/2026")
        ok(dlg)

    done = in_dialog(qtbot, SigningDialog, sign)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert done
    agreed = window.session.plan.staying_close.in_force()
    assert agreed is not None and agreed.id == draft.id and agreed.agreed_on == date(2026, 11, 20)
    assert {s.name for s in agreed.signatures} >= {"Reece Tanner", "Dee Campbell", "Jan Morris"}
    assert not editable(page.form.widget("new_home")) and page.sign_button.isHidden() and page.end_button.isVisible()
    assert window.session.undo_stack.undoText() == "Record the signing"
    wait_saved(qtbot, window)
    assert store.load(reece.id, opened=False).staying_close.in_force().agreed_on == date(2026, 11, 20)
    window.session.undo_stack.undo()
    assert page.agreement().status is AgreementStatus.DRAFT and editable(page.form.widget("new_home"))


def test_a_refusal_is_said_beside_the_buttons_and_nothing_changes(qtbot, window, store):
    plan = minimal_plan()
    store.save(plan, today=TODAY)
    page = page_of(qtbot, window, plan)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    steps = window.session.undo_stack.count()
    done = in_dialog(qtbot, SigningDialog, ok)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert done
    assert page.notice.isVisible() and page.notice.text() == "⚠ Name the Staying Put carers before the agreement is agreed."
    assert window.session.plan.staying_put.draft() is not None and window.session.undo_stack.count() == steps


def test_the_signing_dialog_asks_for_a_name_it_does_not_have(qtbot, demo):
    reece = demo["Tanner"]
    a = reece.staying_close.draft()
    a.authority_contact = ""
    dlg = SigningDialog(reece, ag.STAYING_CLOSE, a, TODAY)
    qtbot.addWidget(dlg)
    authority = next((tick, who) for party, tick, who in dlg.rows if party.value == "authority")
    assert not authority[0].isChecked() and authority[1].text() == ""
    authority[0].setChecked(True)
    assert not dlg.validate() and "Type the name of who signed as For Northmoor Council" in dlg.problem.text()
    authority[1].setText("Ruth Okafor")
    dlg.day.set_text("24/11/2026")
    assert not dlg.validate() and dlg.day_block.error_text().startswith("That day is after today")
    dlg.day.set_text("23/11/2026")
    assert dlg.validate()
    day, signatures = dlg.values
    assert day == TODAY and ("Ruth Okafor", day) in {(s.name, s.signed_on) for s in signatures}


def test_recording_the_ending_needs_a_reason(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Whitfield"])
    assert page.end_button.isVisible()
    done = in_dialog(qtbot, EndingDialog, ok)  # no reason given
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    assert done and page.notice.text() == "⚠ Say why the Living Together Agreement ended."
    assert page.agreement().status is AgreementStatus.AGREED

    def why(dlg):
        dlg.why.setPlainText("Tom moved into his own flat near work.")
        ok(dlg)

    done = in_dialog(qtbot, EndingDialog, why)
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    ended = page.agreement()
    assert ended.status is AgreementStatus.ENDED and ended.ended_on == TODAY
    assert "ended on 23 November 2026" in versions(page)[0] and not page.notice.isVisible()
    assert "Tom moved into his own flat" in page.record_note.text()
    assert page.start_button.isVisible() and page.print_button.text().replace("&", "") == "Print record…"


# --------------------------------------------------------------------------- filling it in


def test_the_checklist_follows_their_typing_and_takes_them_to_a_part(qtbot, window, store):
    plan = minimal_plan()
    store.save(plan, today=TODAY)
    page = page_of(qtbot, window, plan)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    money = page.checklist.buttons["money"]
    assert money.text() == "○ Money" and money.accessibleName() == "Money: not agreed yet"
    qtbot.mouseClick(money, Qt.MouseButton.LeftButton)
    first = page.form.widget("carer_payment")
    assert first.hasFocus() and not first.visibleRegion().isEmpty()
    for attr, text in (("carer_payment", "£260 a week"), ("contribution", "£40 a week"), ("housing_costs", "None")):
        page.form.widget(attr).setFocus()
        qtbot.keyClicks(page.form.widget(attr), text)
    assert money.text() == "✓ Money" and "1 of 8" not in page.checklist.summary.text()
    window.session.undo_stack.undo()
    assert money.text() == "○ Money"


def test_the_house_rules_a_table_of_topics_and_one_of_their_own(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Tekle"])
    rules = next(ed for ed, attr in page._agreement_lists if attr == "house_rules")
    headers = [rules.model.headerData(c, Qt.Orientation.Horizontal) for c in range(rules.model.columnCount())]
    assert headers == ["Topic", "Same as before 18", "What we agree", "The young person's words", "The carers' words"]
    assert not page.topic_title.isVisible()  # a standard topic is named already
    qtbot.mouseClick(rules.add_button, Qt.MouseButton.LeftButton)
    assert rules.add_button.text().replace("&", "") == "Add a topic of our own"
    new = rules.current()
    assert new.topic is HouseRuleTopic.OWN and page.topic_title.isVisible()
    qtbot.keyClicks(rules.form.widget("title"), "The car")
    rules.form.widget("same_as_before").click()
    qtbot.keyClicks(rules.form.widget("young_person_words"), "Can I borrow it on Sundays?")
    row = rules.model.row_of(new)
    assert [rules.model.index(row, c).data() for c in range(3)] == ["The car", "✓", ""]
    assert rules.model.index(row, 3).data() == "Can I borrow it on Sundays?"


def test_together_mode_speaks_to_the_young_person_and_hides_the_practitioners_notes(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Lawson"])
    assert page.private.isVisible() and page.form.widget("notes").toPlainText()
    page.set_together(True)
    assert not page.private.isVisible() and not page.share_button.isVisible()
    assert page.form.block("young_person_responsibilities").label.text().replace("&", "") == "What I will do"
    page.set_together(False)
    assert page.private.isVisible()
    assert page.form.block("young_person_responsibilities").label.text() == "The young person's responsibilities"


def test_a_problem_with_an_agreement_is_shown_on_its_page_on_the_right_version(qtbot, window, demo):
    page = page_of(qtbot, window, demo["Whitfield"])
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    draft = page.agreement()
    page.form.widget("end").set_text("01/01/2035")
    page.form.widget("end").edited.emit("01/01/2035")
    page.choose(window.session.plan.staying_put.in_force().id)
    assert not window.session.save_now()
    window.show_first_problem()
    assert window.plan_view.current_key() == "staying_put" and page.agreement() is draft
    assert "21st birthday" in page.form.block("end").error_text()


# --------------------------------------------------------------------------- print and share


def test_print_makes_the_pdf_of_the_version_named_after_the_young_person_and_notes_it(qtbot, window, demo, store,
                                                                                       tmp_path, monkeypatch):
    from tests.export.pdfcheck import pdf_text

    tom = demo["Whitfield"]
    page = page_of(qtbot, window, tom)
    page.versions.setCurrentIndex(page.version_model.index(1, 0))  # version 1, a record now
    asked: list = []

    def save_as(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "tom-v1"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("living-together-agreement-v1_tom-whitfield_2026-11-23.pdf")
    assert tom.id[:8] not in asked[0]
    text = pdf_text(tmp_path / "tom-v1.pdf")
    assert "£30 a week board." in text and "Agreed at the 17-year review." not in text
    assert page.notice.text().startswith("PDF saved to")
    entry = store.audit_history(tom.id)[-1]
    assert entry["action"] == "printed" and entry["detail"] == {"edition": "staying-put", "file": "tom-v1.pdf",
                                                                "version": 1}


def test_share_with_the_carers_asks_a_passphrase_twice_and_writes_the_file(qtbot, window, demo, store, tmp_path,
                                                                          monkeypatch):
    from pathway_app.store.share import open_share

    dawit = demo["Tekle"]
    page = page_of(qtbot, window, dawit)
    asked: list = []

    def save_as(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "d"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))

    def passphrase(dlg):
        dlg.passphrase.setText("short")
        ok(dlg)
        assert dlg.isVisible() and "at least 8 characters" in dlg.blocks["passphrase"].error_text()
        dlg.passphrase.setText("seven green bottles")
        dlg.repeat.setText("seven green bottle")
        ok(dlg)
        assert dlg.isVisible() and dlg.blocks["repeat"].error_text()
        dlg.repeat.setText("seven green bottles")
        ok(dlg)

    done = in_dialog(qtbot, SharePassphraseDialog, passphrase)
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    assert done and asked[0].endswith("dawit-tekle-staying-put.pathway-share")
    share = open_share(tmp_path / "d.pathway-share", "seven green bottles")
    assert share.audience.value == "foster_carer" and share.plan_id == dawit.id
    assert "Depends on the outcome" not in str(share.plan)  # the practitioners' notes stay here
    assert "Give them the passphrase another way" in page.notice.text()
    entry = store.audit_history(dawit.id)[-1]
    assert entry["action"] == "exported" and entry["detail"]["audience"] == "foster_carer"
