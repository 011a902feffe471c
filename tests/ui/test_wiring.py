"""The finished pieces wired into the window: prompts, who at 25, PDFs, history, deleting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

from pathway_app.domain import model as m
from pathway_app.domain.vocab import PromptAnswer, RelationshipType, ThereAt25
from pathway_app.ui.prompts_panel import PromptsPanel

from .conftest import TODAY, open_in, wait_saved
from builders import minimal_plan


@pytest.fixture
def demo(store):
    from pathway_app.demo import demo_plans

    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    return plans


def test_every_area_has_the_new_prompts_panel_and_the_caseload_still_counts(qtbot, window, demo):
    window.load_caseload()
    qtbot.waitUntil(lambda: not window.caseload_control.is_counting(), timeout=5000)
    assert window.caseload.model.index(0, 5).data() != ""
    view = open_in(window, qtbot, demo[0].id)
    total = 0
    for key, page in view.pages.items():
        assert isinstance(page.prompts, PromptsPanel), key
        if key != "reviews":
            total += page.prompts.open_count()
    assert total > 0
    # one name for the side panel on every page (issue 16, item 8), the law's prompts included
    assert {page.prompts.title.text() for page in view.pages.values()} == {"Things to think about"}
    assert all(not p.message for p in view.pages["reviews"].prompts.open_prompts)


def test_counting_prompts_in_the_background_is_not_recorded_as_opening_a_plan(qtbot, window, store, demo):
    """The audit trail says who looked at a young person's plan; a count is not a look."""
    window.load_caseload()
    qtbot.waitUntil(lambda: not window.caseload_control.is_counting(), timeout=5000)
    assert window.caseload.model.index(0, 5).data() != ""  # the counts were made
    for p in demo:
        assert [e for e in store.audit_history(p.id) if e["action"] == "opened"] == [], p.person.display_name


def test_answering_a_prompt_saves_and_ctrl_z_takes_it_back(qtbot, window, store, demo):
    view = open_in(window, qtbot, demo[0].id)
    page = view.show_area("people")
    panel = page.prompts
    before = panel.open_count()
    assert before
    card = panel.cards[0]
    rule = card.prompt.rule_id
    qtbot.mouseClick(card.buttons[PromptAnswer.DONE], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(card.form.note, "Talked it through")
    qtbot.mouseClick(card.form.save, Qt.MouseButton.LeftButton)
    plan = window.session.plan
    assert [r.rule_id for r in plan.prompt_responses][-1:] == [rule]
    assert panel.open_count() == before - 1
    assert window.undo_action.isEnabled()
    wait_saved(qtbot, window)
    assert any(r.rule_id == rule for r in store.load(plan.id).prompt_responses)
    window.activateWindow()
    qtbot.keyClick(view.area_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not any(r.rule_id == rule for r in plan.prompt_responses)
    assert rule in [c.prompt.rule_id for c in panel.cards]
    wait_saved(qtbot, window)
    assert not any(r.rule_id == rule for r in store.load(plan.id).prompt_responses)


def test_who_at_25_from_the_people_page_marks_the_map_and_saves(qtbot, window, store):
    from pathway_app.ui.at25_dialog import At25Dialog

    plan = minimal_plan()
    plan.relationships = [m.Relationship(name="Nan", relationship_type=RelationshipType.GRANDPARENT)]
    store.save(plan, today=TODAY)
    view = open_in(window, qtbot, plan.id)
    page = view.show_area("people")
    answered = []

    def answer_yes():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, At25Dialog), dlg
        qtbot.mouseClick(dlg.answer_buttons[ThereAt25.YES], Qt.MouseButton.LeftButton)
        answered.append(True)
        dlg.accept()

    QTimer.singleShot(0, answer_yes)
    qtbot.mouseClick(page.at25_button, Qt.MouseButton.LeftButton)
    assert answered
    nan = window.session.plan.relationships[0]
    assert nan.there_at_25 is ThereAt25.YES
    node = next(p for p in page.map.frame().people if p.id == nan.id).node
    assert node.there_at_25  # the star on the map
    assert store.load(plan.id).relationships[0].there_at_25 is ThereAt25.YES  # saved at once
    assert page.people.model.index(0, 2).data() == "Yes"
    window.undo_action.trigger()  # one step takes the whole conversation back
    assert nan.there_at_25 is ThereAt25.NOT_ASKED
    assert window.at25_action.isEnabled()


def test_export_pdf_writes_the_file_and_notes_it_was_printed(qtbot, window, store, saved_plan, tmp_path,
                                                              monkeypatch):
    from pathway_app.ui.pdf_dialog import PdfExportDialog

    target = tmp_path / "jade.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    open_in(window, qtbot, saved_plan.id)

    def save_young_persons_copy():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, PdfExportDialog), dlg
        dlg.set_edition("young-person")
        dlg.save.click()

    QTimer.singleShot(0, save_young_persons_copy)
    window.export_pdf()
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    history = store.audit_history(saved_plan.id)
    printed = [e for e in history if e["action"] == "printed"]
    assert printed, history
    detail = printed[-1].get("detail") or {}
    assert detail.get("edition") == "young-person"


def test_make_pdfs_for_everyone_can_be_stopped_without_partial_files(qtbot, window, store, demo, tmp_path,
                                                                     monkeypatch):
    from pathway_app import export
    from pathway_app.ui.dialogs import ChooseEditionDialog

    monkeypatch.setattr(ChooseEditionDialog, "ask", classmethod(lambda cls, parent, who, choices: "full"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    real = export.render_document
    calls: list = []

    def counted(doc):
        calls.append(doc)
        return real(doc)

    monkeypatch.setattr(export, "render_document", counted)
    stopped: list = []

    def stop_after_the_first():
        dlg = window.findChild(QProgressDialog)
        if dlg is not None and dlg.isVisible() and dlg.value() >= 1 and not stopped:  # one PDF made
            stopped.append(True)
            next(b for b in dlg.findChildren(QPushButton) if b.text() == "Stop").click()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(stop_after_the_first)
    timer.start()
    try:
        window.load_caseload()
        window.caseload.table.clearSelection()
        window.make_pdfs()
    finally:
        timer.stop()
    assert stopped
    files = sorted(tmp_path.iterdir())
    assert 0 < len(files) < len(demo)
    for f in files:
        assert f.suffix == ".pdf" and not f.name.startswith(".")
        assert f.read_bytes().rstrip().endswith(b"%%EOF")
    printed = [e for p in demo for e in store.audit_history(p.id) if e["action"] == "printed"]
    assert len(printed) == len(files)


def test_history_lists_who_changed_what(qtbot, window, store, saved_plan):
    from pathway_app.ui.history import HistoryDialog

    view = open_in(window, qtbot, saved_plan.id)
    page = view.show_area("about")
    f = page._forms[1][0]
    qtbot.keyClicks(f.widget("pronouns"), "she/her")
    wait_saved(qtbot, window)
    seen: list = []

    def look():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, HistoryDialog), dlg
        rows = [[dlg.model.index(r, c).data() for c in range(3)] for r in range(dlg.model.rowCount())]
        changed = [i for i, r in enumerate(rows) if r[2].startswith("Changed")]
        if changed:
            dlg.table.selectRow(changed[0])
        seen.append((rows, dlg.detail.toPlainText()))
        dlg.accept()

    QTimer.singleShot(0, look)
    window.history_action.trigger()
    assert seen
    rows, detail = seen[0]
    changed = [r for r in rows if r[2].startswith("Changed the plan")]
    assert changed and "About me: Pronouns" in changed[0][2], rows
    assert changed[0][0] and changed[0][1]  # when and who
    assert rows[-1][2] == "Started the plan"  # newest first, so the start is last
    assert "she/her" in detail and "(empty)" in detail


def test_history_model_passes_the_model_tester(qtmodeltester):
    from pathway_app.ui.history import HistoryModel, entry_from

    model = HistoryModel()
    model.set_rows([entry_from({"user": "sam", "when": datetime(2026, 11, 23, 10, tzinfo=UTC),
                                "action": "changed", "detail": {},
                                "changes": [{"field": "person.phone", "label": "phone", "before": "1", "after": "2"}]})])
    qtmodeltester.check(model, force_py=True)


def test_deleting_before_75_is_refused_with_the_reason(qtbot, window, store, saved_plan, boxes):
    open_in(window, qtbot, saved_plan.id)
    boxes.answer = QMessageBox.StandardButton.Yes
    window.delete_plan()
    kinds = [c for c in boxes.calls if c[0] == "warning"]
    assert kinds[-1][1] == "The plan was not deleted"
    assert "75" in kinds[-1][2]
    assert store.exists(saved_plan.id)
    assert window.session.plan is not None


def test_everything_held_writes_a_pdf_and_the_data(qtbot, window, store, saved_plan, tmp_path, monkeypatch, boxes):
    target = tmp_path / "everything.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    open_in(window, qtbot, saved_plan.id)
    window.subject_access_action.trigger()
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "everything.json").exists()
    assert any(e["action"] == "exported" for e in store.audit_history(saved_plan.id))


def test_locking_stops_making_pdfs_and_notes_the_ones_made_once_unlocked(qtbot, store, data_dir, demo, tmp_path,
                                                                          monkeypatch):
    """Locking while "Make PDFs…" runs stops it (no more PDFs of anyone are written while
    locked), and the PDFs made before the lock are still noted in each plan's history."""
    from pathway_app.ui.dialogs import ChooseEditionDialog
    from pathway_app.ui.unlock import StoreAccess

    from .conftest import make_window

    window = make_window(qtbot, store, data_dir, access=StoreAccess(data_dir=data_dir))  # locking closes the records
    monkeypatch.setattr(ChooseEditionDialog, "ask", classmethod(lambda cls, parent, who, choices: "full"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))

    def lock_after_the_first():
        dlg = window.findChild(QProgressDialog)
        if dlg is not None and dlg.isVisible() and dlg.value() >= 1 and not window.locked:
            window.lock()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lock_after_the_first)
    timer.start()
    try:
        window.load_caseload()
        window.caseload.table.clearSelection()
        window.make_pdfs()
    finally:
        timer.stop()
    assert window.locked
    files = sorted(tmp_path.iterdir())
    assert 0 < len(files) < len(demo)
    assert "PDFs" not in window.statusBar().currentMessage()
    window.lock_screen.form.submit()  # unencrypted records: Continue
    assert not window.locked
    printed = [e for p in demo for e in window.store.audit_history(p.id) if e["action"] == "printed"]
    assert len(printed) == len(files)
    window.session._timer.stop()
    window.store.close()
