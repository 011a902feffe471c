"""The PDF dialog: a preview made off the GUI thread, saving where chosen; batch export that stops."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QPushButton, QWidget

from pathway_app import export
from pathway_app.ui.pdf_dialog import EDITION_CHOICES, PdfExportDialog, export_many_with_progress

from .conftest import TODAY


@pytest.fixture(scope="module")
def plans():
    from pathway_app.demo import demo_plans

    return demo_plans(TODAY)


@pytest.fixture
def plan(plans):
    return plans[0]


@pytest.fixture
def dialog(qtbot, plan):
    dlg = PdfExportDialog(plan, TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg
    if dlg.isVisible():
        dlg.reject()  # waits for a render in hand


def _choose_file(monkeypatch, path: Path | str, seen: list | None = None):
    def fake(parent, caption, suggested, filters):
        if seen is not None:
            seen.append(suggested)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def test_offers_the_four_copies_full_first(dialog):
    assert list(dialog.edition_buttons) == [c for c, _w, _a in EDITION_CHOICES]
    assert set(dialog.edition_buttons) == set(export.EDITIONS)
    assert dialog.edition == "full"
    assert dialog.edition_buttons["full"].isEnabled() and dialog.edition_buttons["young-person"].isEnabled()


def _open(qtbot, plan, **kw):
    dlg = PdfExportDialog(plan, TODAY, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _text(path: Path) -> str:
    import pypdf

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)


def test_an_agreement_s_copy_is_offered_once_the_plan_has_one_agreed_or_not(qtbot, plans):
    import copy

    from pathway_app.domain import agreements

    kayla = _open(qtbot, plans[0])  # no agreement of either kind
    for code, words in (("staying-put", "Living Together Agreement"), ("staying-close", "Staying Close plan")):
        b = kayla.edition_buttons[code]
        assert not b.isEnabled()
        assert f"no {words} has been written" in b.toolTip() and words in kayla.edition_notes[code].text()
    kayla.set_edition("staying-put")
    assert kayla.edition == "full"
    kayla.reject()
    plan = copy.deepcopy(plans[3])  # Callum: a Living Together Agreement in force
    agreements.start(plan, agreements.STAYING_CLOSE, TODAY)  # and a Staying Close plan only drafted
    assert plan.staying_close.decision.value != "agreed"
    dlg = _open(qtbot, plan, edition="staying-close")
    assert all(b.isEnabled() for b in dlg.edition_buttons.values())
    assert dlg.edition == "staying-close"  # the copy for the part on screen, now it can be made
    dlg.reject()


def test_the_full_plan_may_leave_out_the_research_prompts(qtbot, monkeypatch, plans, tmp_path):
    dlg = _open(qtbot, plans[0])
    assert dlg.appendix.isChecked() and dlg.appendix.isEnabled()  # in, unless the adviser leaves them out
    assert dlg.appendix.text().replace("&", "") == "Include the research prompts (appendix)"
    dlg.set_edition("young-person")
    assert not dlg.appendix.isEnabled()  # only the full plan has one
    dlg.set_edition("full")
    qtbot.mouseClick(dlg.appendix, Qt.MouseButton.LeftButton)
    assert dlg.options == ("full", False, None)
    assert dlg.history_detail() == {"appendix": "left out"}
    _choose_file(monkeypatch, tmp_path / "plan.pdf")
    qtbot.mouseClick(dlg.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result_path is not None, timeout=30000)
    assert "Appendix" not in _text(dlg.result_path)


def test_which_version_of_an_agreement_is_printed(qtbot, monkeypatch, plans, tmp_path):
    from pathway_app.domain import agreements

    tom = plans[6]  # version 2 in force; version 1 replaced
    dlg = _open(qtbot, tom, edition="staying-put")
    box = dlg.versions["staying-put"]
    assert box.isVisible() and box.isEnabled()
    assert [box.itemText(i) for i in range(box.count())] == [
        agreements.title("staying_put", a) for a in agreements.in_order(tom, "staying_put")]
    assert box.currentData() == tom.staying_put.current().id  # the one in force
    assert not dlg.versions["staying-close"].isVisible()  # Tom has no Staying Close plan
    old = agreements.in_order(tom, "staying_put")[1]
    box.setCurrentIndex(box.findData(old.id))
    assert dlg.options == ("staying-put", True, old.id)
    _choose_file(monkeypatch, tmp_path / "agreement.pdf")
    qtbot.mouseClick(dlg.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result_path is not None, timeout=30000)
    assert "Version 1 was replaced" in _text(dlg.result_path)
    assert dlg.history_detail() == {"version": agreements.title("staying_put", old)}


def test_a_pipe_or_a_folder_is_refused_in_plain_words(qtbot, monkeypatch, dialog, tmp_path):
    import os

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    _choose_file(monkeypatch, fifo)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=30000)
    assert "could not be saved" in dialog.error.text() and "a pipe (FIFO), not a file" in dialog.error.text()
    assert fifo.is_fifo() and dialog.result_path is None and dialog.save.isEnabled()


def test_preview_is_made_off_the_gui_thread(qtbot, dialog):
    assert dialog.preview.text() == "Making the preview…"  # shown while the worker renders
    assert dialog.preview_pixmap().isNull()
    qtbot.waitUntil(lambda: not dialog.preview_pixmap().isNull(), timeout=30000)
    pix = dialog.preview_pixmap()
    assert pix.width() > 100 and pix.height() > pix.width()  # a portrait page
    img = pix.toImage()
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 2  # something is drawn on the page

    dialog.set_edition("young-person")
    assert dialog.preview.text() == "Making the preview…"
    qtbot.waitUntil(lambda: not dialog.preview_pixmap().isNull(), timeout=30000)
    assert {options[0] for options in dialog._cache} == {"full", "young-person"}


def test_saving_writes_a_pdf_where_chosen(qtbot, monkeypatch, dialog, tmp_path):
    seen: list[str] = []
    _choose_file(monkeypatch, tmp_path / "kayla", seen)  # no .pdf: it is added
    dialog.set_edition("young-person")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=30000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_path == tmp_path / "kayla.pdf"
    assert dialog.result_path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["kayla.pdf"]  # nothing left over
    assert seen and seen[0].endswith(export.default_filename(dialog.plan, "young-person", TODAY))


def test_cancelling_the_file_dialog_writes_nothing(qtbot, monkeypatch, dialog, tmp_path):
    _choose_file(monkeypatch, "")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.isVisible() and dialog.result_path is None
    assert list(tmp_path.iterdir()) == []


def test_a_save_that_fails_is_explained_and_the_dialog_stays(qtbot, monkeypatch, dialog, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    _choose_file(monkeypatch, blocker / "plan.pdf")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=30000)
    assert "could not be saved" in dialog.error.text()
    assert dialog.isVisible() and dialog.result_path is None
    assert dialog.save.isEnabled()


def test_a_preview_that_fails_says_so(qtbot, monkeypatch, plan):
    def broken(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(export, "render_pdf", broken)
    monkeypatch.setattr(export, "render_document", broken)  # the preview is made in memory
    dlg = PdfExportDialog(plan, TODAY)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: "could not be made" in dlg.preview.text(), timeout=10000)
    assert "disk full" in dlg.error.text()
    dlg.reject()


def test_run_returns_the_path_written(qtbot, monkeypatch, plans, tmp_path):
    plan = plans[3]  # Callum: a Living Together Agreement to print
    _choose_file(monkeypatch, tmp_path / "plan.pdf")

    def save_straight_away(self):
        self.set_edition("staying-put")
        self.choose_and_save()
        qtbot.waitUntil(lambda: self.result_path is not None, timeout=30000)
        return self.result()

    monkeypatch.setattr(PdfExportDialog, "exec", save_straight_away)
    path = PdfExportDialog.run(None, plan, TODAY)
    assert path == tmp_path / "plan.pdf"
    assert path.read_bytes()[:4] == b"%PDF"

    monkeypatch.setattr(PdfExportDialog, "exec", lambda self: (self.reject(), self.result())[1])
    assert PdfExportDialog.run(None, plan, TODAY) is None


# --------------------------------------------------------------------------- batch


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_batch_export_writes_every_pdf(qtbot, parent, plans, tmp_path):
    written = export_many_with_progress(parent, plans[:3], tmp_path, "young-person", TODAY)
    assert len(written) == 3
    assert sorted(written) == sorted(tmp_path.iterdir())
    assert all(p.read_bytes().startswith(b"%PDF") for p in written)
    assert parent.findChildren(QProgressDialog) == [] or not parent.findChild(QProgressDialog).isVisible()


def test_stopping_a_batch_keeps_finished_pdfs_and_leaves_no_partial_file(qtbot, monkeypatch, parent, plans, tmp_path):
    real = export.render_document
    gate = threading.Event()
    calls = []

    def gated(doc):
        calls.append(doc.person_name)
        if len(calls) == 2:  # hold the second PDF until the person has pressed Stop
            assert gate.wait(20)
        return real(doc)

    monkeypatch.setattr(export, "render_document", gated)
    pressed = []

    def press_stop_after_the_first():
        dlg = parent.findChild(QProgressDialog)
        if dlg is not None and len(calls) == 2 and not pressed:  # the second PDF is in hand
            pressed.append(dlg.labelText())
            [stop] = dlg.findChildren(QPushButton)
            assert stop.text() == "Stop"
            stop.click()  # as a person would
            gate.set()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(press_stop_after_the_first)
    timer.start()
    try:
        written = export_many_with_progress(parent, plans[:5], tmp_path, "full", TODAY)
    finally:
        timer.stop()
        gate.set()
    assert pressed, "the progress dialog never showed the first PDF"
    assert len(calls) == 2  # the third was never started
    assert len(written) == 1
    files = sorted(tmp_path.iterdir())
    assert files == written  # no partial or temporary file
    data = files[0].read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_a_batch_that_fails_keeps_what_was_made_and_says_so(qtbot, monkeypatch, parent, plans, tmp_path, boxes):
    real = export.render_document
    calls = []

    def fails_second(doc):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("no space left")
        return real(doc)

    monkeypatch.setattr(export, "render_document", fails_second)
    written = export_many_with_progress(parent, plans[:3], tmp_path, "full", TODAY)
    assert len(written) == 1 and sorted(tmp_path.iterdir()) == written
    assert boxes.calls and boxes.calls[-1][0] == "warning"
    assert "no space left" in boxes.calls[-1][2]


def test_the_preview_is_made_in_memory_never_in_a_file(qtbot, monkeypatch, plan, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))

    def no_files(*_a, **_k):
        raise AssertionError("the preview wrote a file")

    monkeypatch.setattr(export, "render_pdf", no_files)
    dlg = PdfExportDialog(plan, TODAY)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: not dlg.preview_pixmap().isNull(), timeout=15000)
    assert list(tmp_path.iterdir()) == []
    dlg.reject()
