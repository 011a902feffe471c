"""pathway_app/ui/window/files.py: plans files and copies made from the window, safely written."""

from __future__ import annotations

import json
import stat

from PySide6.QtWidgets import QFileDialog

from pathway_app.store.interchange import export_plans

from ..conftest import TODAY, open_in
from builders import minimal_plan


def _save_to(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _owner_only(path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_export_writes_the_plan_readable_by_its_owner_only_and_notes_it(qtbot, window, store, saved_plan, tmp_path,
                                                                         monkeypatch):
    target = tmp_path / "jade.pathway.json"
    _save_to(monkeypatch, target)
    open_in(window, qtbot, saved_plan.id)
    window.export_action.trigger()
    data = json.loads(target.read_bytes())
    assert [p["person"]["given_name"] for p in data["plans"]] == ["Jade"]
    assert _owner_only(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jade.pathway.json"]  # no temporary file left
    assert any(e["action"] == "exported" and e["detail"].get("file") == target.name
               for e in store.audit_history(saved_plan.id))
    assert "Exported to" in window.statusBar().currentMessage()


def test_an_export_that_cannot_be_written_is_explained(qtbot, window, saved_plan, tmp_path, monkeypatch, boxes):
    (tmp_path / "file").write_text("not a folder")
    _save_to(monkeypatch, tmp_path / "file" / "plan.json")
    open_in(window, qtbot, saved_plan.id)
    window.export_plan()
    assert boxes.calls[-1][:2] == ("warning", "The plan could not be exported")


def test_import_reads_a_plans_file_into_the_list(qtbot, window, store, data_dir, tmp_path, monkeypatch, boxes):
    other_dir = tmp_path / "elsewhere"
    other_dir.mkdir()
    from pathway_app.store import open_store

    elsewhere = open_store(data_dir=str(other_dir), create_unencrypted=True)
    plan = minimal_plan(given_name="Dawit", family_name="Tekle")
    elsewhere.save(plan, today=TODAY)
    path = tmp_path / "dawit.pathway.json"
    path.write_bytes(export_plans(elsewhere, [plan.id]))
    elsewhere.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.import_action.trigger()
    assert store.load(plan.id, opened=False).person.given_name == "Dawit"
    assert [r.name for r in window.caseload.model.rows] == ["Dawit Tekle"]
    assert window.statusBar().currentMessage().startswith("Imported 1 new and 0 updated")


def test_importing_a_newer_copy_of_the_open_plan_shows_the_newer_one(qtbot, window, store, saved_plan, tmp_path,
                                                                     monkeypatch):
    newer = store.load(saved_plan.id, opened=False)
    newer.person.strengths = "Brave"
    newer.version += 5  # saved five more times somewhere else
    path = tmp_path / "newer.json"
    open_in(window, qtbot, saved_plan.id)
    from pathway_app.domain.serialize import plan_to_dict

    data = json.loads(export_plans(store, [saved_plan.id]))
    data["plans"] = [plan_to_dict(newer)]
    path.write_text(json.dumps(data, default=str))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.import_plans()
    assert window.session.plan is not None and window.session.plan.person.strengths == "Brave"


def test_everything_held_is_written_readable_by_its_owner_only(qtbot, window, saved_plan, tmp_path, monkeypatch,
                                                               boxes):
    _save_to(monkeypatch, tmp_path / "everything")  # no .pdf: it is added
    open_in(window, qtbot, saved_plan.id)
    window.subject_access()
    pdf, data = tmp_path / "everything.pdf", tmp_path / "everything.json"
    assert _owner_only(pdf) and _owner_only(data)
    assert json.loads(data.read_text(encoding="utf-8"))
    assert boxes.calls[-1][:2] == ("information", "Everything held")


def test_nothing_practitioners_only_happens_in_together_mode(qtbot, window, saved_plan, monkeypatch):
    def no_dialog(*_a, **_k):
        raise AssertionError("a file dialog was opened in together mode")

    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(no_dialog))
    open_in(window, qtbot, saved_plan.id)
    window.enter_together()
    for act in (window.export_plan, window.import_plans, window.subject_access, window.make_pdfs,
                window.export_pdf, window.show_history):
        act()
    window.leave_together()



# --------------------------------------------------------------------------- the accessible copy, and places not to write


def test_an_accessible_copy_is_written_from_the_file_menu_and_noted(qtbot, window, store, saved_plan, tmp_path,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QDialog

    from pathway_app.ui.html_export import HtmlCopyDialog

    offered = []

    def choose_the_full_plan(self):
        offered.append({code: (b.isEnabled(), b.isChecked()) for code, b in self.buttons.items()})
        self.buttons["full"].click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HtmlCopyDialog, "exec", choose_the_full_plan)
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, caption, start, filters: (suggested.append(start), (str(tmp_path / "jade"), ""))[1]))
    open_in(window, qtbot, saved_plan.id)
    assert window.html_action.isEnabled()
    assert window.html_action.text().replace("&", "") == "Export accessible copy (HTML)…"
    window.html_action.trigger()
    # the young person's copy is offered first; an agreement's only once there is one
    assert offered == [{"full": (True, False), "young-person": (True, True), "staying-put": (False, False),
                        "staying-close": (False, False)}]
    assert suggested[0].endswith(".html") and "jade-okafor" in suggested[0]
    target = tmp_path / "jade.html"
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>") and 'lang="en' in page
    assert "Jade" in page and "<script" not in page.lower()
    assert _owner_only(target) and sorted(p.name for p in tmp_path.iterdir()) == ["jade.html"]
    [entry] = [e for e in store.audit_history(saved_plan.id) if e["action"] == "exported"]
    assert entry["detail"] == {"to": "accessible page", "edition": "full", "file": "jade.html"}
    assert "Accessible copy saved to" in window.statusBar().currentMessage()


def test_the_accessible_copy_starts_on_the_agreement_whose_page_is_open(qtbot, window, demo, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from pathway_app.ui.html_export import HtmlCopyDialog

    chosen = []

    def look(self):
        chosen.append(next(code for code, b in self.buttons.items() if b.isChecked()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(HtmlCopyDialog, "exec", look)
    view = open_in(window, qtbot, demo["Tanner"].id)  # Reece: a Staying Close plan
    for area in ("staying_close", "about"):
        view.show_area(area)
        qtbot.wait(20)
        window.html_action.trigger()
    assert chosen == ["staying-close", "young-person"]


def test_save_dialogs_refuse_a_pipe_or_a_folder_in_plain_words(qtbot, window, saved_plan, tmp_path, monkeypatch, boxes):
    import os

    from PySide6.QtWidgets import QDialog

    from pathway_app.ui.html_export import HtmlCopyDialog

    open_in(window, qtbot, saved_plan.id)
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    _save_to(monkeypatch, fifo)
    window.export_plan()  # never blocks on the pipe
    kind, title, text = boxes.calls[-1]
    assert (kind, title) == ("warning", "The plan could not be exported")
    assert "is a pipe (FIFO), not a file" in text and "nothing was written" in text
    assert fifo.is_fifo()
    folder = tmp_path / "copy.html"
    folder.mkdir()
    monkeypatch.setattr(HtmlCopyDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    _save_to(monkeypatch, folder)
    window.export_html()
    kind, title, text = boxes.calls[-1]
    assert (kind, title) == ("warning", "The accessible copy could not be saved")
    assert "is a folder, not a file" in text
    assert folder.is_dir() and list(folder.iterdir()) == []
