"""The carer's or key worker's workspace for a shared plan, and bringing it back at the adviser's
(issue 10, "in the app"): File → Open shared plan… and ``pathway-planner FILE``; the agreement as
the audience may see and change it; saving back into the same file; File → Import returned plan…
with each change kept or not; and the carer's round trip, driven through the real widgets."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from pathway_app.domain.vocab import HouseRuleTopic
from pathway_app.store import handover
from pathway_app.store import share as S
from pathway_app.ui import workspace
from pathway_app.ui.agreement_dialogs import AskPassphraseDialog, SharePassphraseDialog
from pathway_app.ui.history import HistoryEntry, entry_from
from pathway_app.ui.import_return import ImportReturnDialog
from pathway_app.ui.pages.agreements import StayingClosePage, StayingPutPage

from .conftest import TODAY, open_in
from .test_agreements import editable, in_dialog, ok, page_of
from .test_words import assert_clean, screen_texts

PASS = "seven green bottles"

pytestmark = pytest.mark.usefixtures("quick_share_files")




def passphrases(monkeypatch, *answers) -> list:
    """The passphrase dialog answers ``answers`` in turn; returns what it was asked (and told)."""
    asked: list = []
    left = list(answers)

    def ask(_parent, title, intro, error=""):
        asked.append((title, intro, error))
        return left.pop(0) if left else None

    monkeypatch.setattr(AskPassphraseDialog, "ask", staticmethod(ask))
    return asked


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def opened(qtbot, path) -> workspace.WorkspaceWindow:
    win = workspace.open_shared_plan(None, str(path), today=lambda: TODAY)
    assert win is not None
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


# --------------------------------------------------------------------------- the workspace


def test_file_open_shared_plan_shows_only_that_agreement_as_the_carers_may_see_it(qtbot, window, demo, store,
                                                                                  tmp_path, monkeypatch):
    tom = demo["Whitfield"]
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, tom.id, "foster_carer", path, PASS)
    choose_file(monkeypatch, path)
    asked = passphrases(monkeypatch, PASS)
    window.open_share_action.trigger()
    ws = window.files.workspaces[-1]
    assert ws.isVisible() and asked[0][0] == "Open a shared plan" and "tom.pathway-share" in asked[0][1]
    assert ws.windowTitle() == "Tom Whitfield’s Staying Put agreement (shared copy) — Pathway Planner"
    assert "Tom Whitfield’s Living Together Agreement" in ws.banner_label.text() and "shared copy" in ws.banner_label.text()
    page = ws.page
    assert isinstance(page, StayingPutPage) and page.audience.value == "foster_carer"
    assert ws.session.store is None  # no database here
    assert not page.private.isVisible()  # the practitioners' notes never reached the file
    texts = " ".join(screen_texts(ws))
    assert "Board went up with Tom's wage rise" not in texts and "Karen Lowe" in texts
    assert page.record_note.isVisible()  # who signed: the carers are party to it
    shown = {b.text().replace("&", "") for b in (page.start_button, page.discard_button, page.sign_button,
                                                 page.end_button, page.print_button, page.share_button)
             if b.isVisible()}
    assert shown == {"Start a new version", "Print…"}  # signing and ending are recorded by the adviser
    assert_clean(screen_texts(ws), "the workspace")
    ws.close()


@pytest.mark.parametrize("what, said", [
    ("wrong passphrase", "That passphrase does not open this shared plan"),
    ("damaged", "damaged or cut short"),
    ("not a shared plan", "This is not a Pathway Planner shared plan"),
    ("newer app", "made by a newer version of Pathway Planner"),
])
def test_a_file_that_cannot_be_opened_is_said_plainly_and_nothing_opens(qtbot, demo, store, tmp_path, monkeypatch,
                                                                       boxes, what, said):
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, demo["Whitfield"].id, "foster_carer", path, PASS)
    answers = [PASS]
    if what == "wrong passphrase":
        answers = ["not the right one"]
    elif what == "damaged":
        blob = path.read_bytes()
        path.write_bytes(blob[:-40] + bytes([blob[-40] ^ 1]) + blob[-39:])
    elif what == "not a shared plan":
        path.write_text("hello", encoding="utf-8")
    else:
        doc = S.open_share(path, PASS).to_json()
        doc["format_version"] = 99
        path.write_bytes(handover.seal(json.dumps(doc).encode(), PASS))
    asked = passphrases(monkeypatch, *answers)
    before = set(QApplication.topLevelWidgets())
    assert workspace.open_shared_plan(None, str(path)) is None
    if what == "wrong passphrase":  # said in the passphrase box, and asked again
        assert len(asked) == 2 and said in asked[1][2]
    else:
        assert boxes.calls[-1][:2] == ("warning", "Open a shared plan") and said in boxes.calls[-1][2]
        assert "Nothing was changed" in boxes.calls[-1][2]
    assert not [w for w in set(QApplication.topLevelWidgets()) - before if isinstance(w, workspace.WorkspaceWindow)]


def test_save_puts_the_work_back_into_the_same_file(qtbot, demo, store, tmp_path, monkeypatch):
    path = tmp_path / "dawit.pathway-share"
    S.export_share(store, demo["Tekle"].id, "foster_carer", path, PASS)
    passphrases(monkeypatch, PASS)
    ws = opened(qtbot, path)
    page = ws.page
    assert page.agreement().version == 1 and page.sign_button.isHidden() and page.discard_button.isVisible()
    money = page.form.widget("money_notes")
    money.setFocus()
    qtbot.keyClicks(money, "Monthly, please.")
    assert ws.save_label.text() == "Not saved into the file yet" and ws.session.dirty
    qtbot.keyClick(ws, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ws.save_label.text() == "✓ Saved into the file" and not ws.session.dirty
    back = S.open_share(path, PASS)
    assert back.revision == 1 and back.plan["staying_put"]["agreements"][0]["money_notes"] == "Monthly, please."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dawit.pathway-share"]  # no temporary file left


def test_a_change_the_file_may_not_hold_is_refused_and_nothing_is_written(qtbot, demo, store, tmp_path,
                                                                          monkeypatch, boxes):
    path = tmp_path / "tom.pathway-share"
    S.export_share(store, demo["Whitfield"].id, "foster_carer", path, PASS)
    passphrases(monkeypatch, PASS)
    ws = opened(qtbot, path)
    signed = ws.session.plan.staying_put.in_force()
    ws.session.set_field(signed, "contribution", "£1 a week")  # the page never lets them; the file refuses too
    ws.save_action.trigger()
    assert boxes.calls[-1][:2] == ("warning", "Not saved") and "kept as it was signed" in boxes.calls[-1][2]
    assert S.open_share(path, PASS).revision == 0 and ws.session.dirty
    boxes.answer = QMessageBox.StandardButton.Cancel
    ws.close()
    assert ws.isVisible()  # unsaved work is never dropped without asking
    boxes.answer = QMessageBox.StandardButton.Discard
    ws.close()
    assert not ws.isVisible() and S.open_share(path, PASS).revision == 0


def test_a_key_worker_gets_the_staying_close_plan_and_can_print_it(qtbot, demo, store, tmp_path, monkeypatch):
    from tests.export.pdfcheck import pdf_text

    path = tmp_path / "reece.pathway-share"
    S.export_share(store, demo["Tanner"].id, "key-worker", path, PASS)
    passphrases(monkeypatch, PASS)
    ws = opened(qtbot, path)
    assert isinstance(ws.page, StayingClosePage) and "Staying Close plan (shared copy)" in ws.windowTitle()
    staff = next(ed for ed, attr in ws.page._agreement_lists if attr == "staff")
    assert staff.add_button.isVisible() and editable(staff.form.widget("how_often"))
    asked: list = []

    def save_as(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "reece.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    ws.print_action.trigger()
    assert asked[0].startswith(str(tmp_path)) and asked[0].endswith("staying-close-plan-v1_reece-tanner_2026-11-23.pdf")
    assert "Dee Campbell" in pdf_text(tmp_path / "reece.pdf")


def test_together_mode_in_the_workspace(qtbot, demo, store, tmp_path, monkeypatch):
    path = tmp_path / "mia.pathway-share"
    S.export_share(store, demo["Lawson"].id, "foster_carer", path, PASS)
    passphrases(monkeypatch, PASS)
    ws = opened(qtbot, path)
    ws.together_action.trigger()
    assert ws.page.together and "Together with Mia" in ws.banner_label.text()
    assert ws.page.form.block("carer_responsibilities").label.text().replace("&", "") == "What my carers will do"
    ws.together_action.trigger()
    assert not ws.page.together and "shared copy" in ws.banner_label.text()


def test_pathway_planner_file_opens_the_shared_plan_in_the_workspace(tmp_path, monkeypatch):
    from pathway_app import cli
    from pathway_app.ui import app

    path = tmp_path / "tom.pathway-share"
    path.write_bytes(b"sealed")
    calls: list = []
    monkeypatch.setattr(app, "run_workspace", lambda p: calls.append(p) or 0)
    assert cli.main([str(path)]) == 0 and calls == [str(path)]
    with pytest.raises(SystemExit):  # not a file: the command line as before
        cli.main([str(tmp_path / "missing.pathway-share")])
    assert calls == [str(path)]


# --------------------------------------------------------------------------- at the adviser's again


def _carer_changes(path) -> None:
    """What the carers saved (the round trip test below makes them through the widgets)."""
    share = S.open_share(path, PASS)
    ws = share.workspace()
    draft = ws.staying_put.draft()
    draft.house_rules[1].agreed = "Text if staying at a friend's."
    draft.carers[0].phone = "07700 900999"
    draft.money_notes = "Monthly, please."
    S.save_share(path, PASS, share, ws)


def test_import_returned_plan_asks_about_each_change_and_conflicts_start_unticked(qtbot, window, demo, store,
                                                                                tmp_path, monkeypatch):
    dawit = demo["Tekle"]
    path = tmp_path / "dawit.pathway-share"
    S.export_share(store, dawit.id, "foster_carer", path, PASS)
    _carer_changes(path)
    page = page_of(qtbot, window, dawit)
    page.form.widget("money_notes").setFocus()
    qtbot.keyClicks(page.form.widget("money_notes"), "To be confirmed.")  # meanwhile, here
    choose_file(monkeypatch, path)
    passphrases(monkeypatch, PASS)

    def decide(dlg):
        assert set(dlg.boxes) == {c.path for c in dlg.report.to_decide} and len(dlg.boxes) == 3
        money = next(b for p, b in dlg.boxes.items() if p.endswith("money_notes"))
        assert money.text().startswith("⚠") and not money.isChecked()  # a conflict: not taken unless ticked
        assert "To be confirmed." in money.accessibleDescription()
        phone = next(b for p, b in dlg.boxes.items() if "phone" in p)
        assert phone.isChecked()
        phone.setChecked(False)
        assert_clean(screen_texts(dlg), "the import dialog")
        ok(dlg)

    done = in_dialog(qtbot, ImportReturnDialog, decide)
    window.import_return_action.trigger()
    assert done
    now = window.session.plan.staying_put.draft()  # the open plan shows what was imported
    assert now.house_rules[1].agreed == "Text if staying at a friend's."
    assert now.money_notes == "To be confirmed." and now.carers[0].phone == ""
    assert window.statusBar().currentMessage() == "Kept 1 of 3 changes from the returned plan, as one change to the plan."
    entry = [e for e in store.audit_history(dawit.id) if e["action"] == "changed"][-1]
    assert entry["detail"]["audience"] == "foster_carer" and len(entry["detail"]["rejected"]) == 2


def test_a_file_imported_before_changes_nothing(qtbot, window, demo, store, tmp_path, monkeypatch, boxes):
    dawit = demo["Tekle"]
    path = tmp_path / "dawit.pathway-share"
    S.export_share(store, dawit.id, "foster_carer", path, PASS)
    _carer_changes(path)
    report = S.read_return(store, path, PASS)
    S.import_return(store, report, [c.path for c in report.to_decide], TODAY)
    version = store.load(dawit.id, opened=False).version
    open_in(window, qtbot, dawit.id)
    choose_file(monkeypatch, path)
    passphrases(monkeypatch, PASS)
    window.import_return_action.trigger()
    assert boxes.calls[-1][0] == "information" and "imported already" in boxes.calls[-1][2]
    assert "Nothing was changed" in boxes.calls[-1][2] and store.load(dawit.id, opened=False).version == version


def test_the_carers_round_trip_through_the_widgets(qtbot, window, demo, store, tmp_path, monkeypatch):
    """Issue 10: share from the adviser's page; the carers open it (File → Open shared plan), fill
    in the house rules with the young person in together mode and save; back at the adviser's,
    File → Import returned plan, some changes kept and others not; the history says who did what."""
    dawit = demo["Tekle"]
    path = tmp_path / "dawit-staying-put.pathway-share"
    # at the adviser's: share with the carers
    page = page_of(qtbot, window, dawit)
    monkeypatch.setattr(SharePassphraseDialog, "ask", staticmethod(lambda *a: PASS))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    assert path.exists()
    # at the carers': open it, and fill in the house rules with Dawit
    choose_file(monkeypatch, path)
    passphrases(monkeypatch, PASS)
    window.open_share_action.trigger()
    ws = window.files.workspaces[-1]
    qtbot.waitExposed(ws)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow, timeout=2000)
    ws.together_action.trigger()
    carers = ws.page
    assert carers.together and not carers.private.isVisible()
    rules = next(ed for ed, attr in carers._agreement_lists if attr == "house_rules")
    carers.go_to_part("house-rules")
    rules.table.setFocus()
    qtbot.keyClick(rules.table, Qt.Key.Key_Down)  # "Staying over and staying away"
    qtbot.keyClick(rules.table, Qt.Key.Key_Return)  # into its editor
    assert rules.current().topic is HouseRuleTopic.STAYING_AWAY
    agreed = rules.form.widget("agreed")
    agreed.setFocus()
    qtbot.keyClicks(agreed, "Text Hiwet if staying at a friend's.")
    words = rules.form.widget("young_person_words")
    assert words.accessibleName() == "My words"  # together mode: the young person's own words
    words.setFocus()
    qtbot.keyClicks(words, "That's fair.")
    qtbot.mouseClick(rules.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(rules.form.widget("title"), "Music")
    rules.form.widget("agreed").setFocus()
    qtbot.keyClicks(rules.form.widget("agreed"), "Headphones after 10pm.")
    notes = carers.form.widget("money_notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "Please pay the allowance monthly.")
    qtbot.keyClick(ws, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ws.save_label.text() == "✓ Saved into the file", ws.save_label.text()
    assert not ws.session.dirty and S.open_share(path, PASS).revision == 1
    ws.together_action.trigger()
    ws.close()
    # back at the adviser's: keep the house rules, not the money notes
    window.activateWindow()
    passphrases(monkeypatch, PASS)
    seen: list = []

    def decide(dlg):
        seen.extend(dlg.boxes)
        for p, box in dlg.boxes.items():
            box.setChecked("house_rules" in p)
        ok(dlg)

    done = in_dialog(qtbot, ImportReturnDialog, decide)
    window.import_return_action.trigger()
    assert done and len(seen) >= 4
    plan = store.load(dawit.id, opened=False)
    draft = plan.staying_put.draft()
    away = next(r for r in draft.house_rules if r.topic is HouseRuleTopic.STAYING_AWAY)
    assert away.agreed == "Text Hiwet if staying at a friend's." and away.young_person_words == "That's fair."
    assert [(r.title, r.agreed) for r in draft.house_rules if r.topic is HouseRuleTopic.OWN] == [
        ("Music", "Headphones after 10pm.")]
    assert draft.money_notes == "" and draft.notes == dawit.staying_put.draft().notes  # rejected; and kept here
    assert window.session.plan.staying_put.draft().money_notes == "" and window.session.plan.version == plan.version
    # the history: who shared it with whom, and whose changes were kept by whom
    trail = store.audit_history(dawit.id)
    shared = [e for e in trail if e["action"] == "exported"][-1]
    changed = [e for e in trail if e["action"] == "changed"][-1]
    assert shared["user"] == store.user and shared["detail"]["audience"] == "foster_carer"
    assert changed["user"] == store.user and changed["detail"]["from"] == "share file"
    assert changed["detail"]["audience"] == "foster_carer"
    assert [p for p in changed["detail"]["rejected"] if p.endswith("money_notes")]
    words = entry_from(changed).what
    assert words.startswith("Changed the plan (from the foster carers): ")
    assert HistoryEntry(None, "", "exported", detail=shared["detail"]).what == \
        "Exported the plan (a shared copy for the foster carers)"
