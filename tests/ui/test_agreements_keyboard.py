"""The agreement pages, the workspace and the agreements' dialogs with the keyboard alone: every
control reached with Tab, once, in reading order (the walk of tests/ui/test_keyboard.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from pathway_app.domain import agreements as ag
from pathway_app.store import share as S
from pathway_app.ui.agreement_dialogs import EndingDialog, SharePassphraseDialog, SigningDialog

from .conftest import TODAY, open_in
from .test_keyboard import assert_reading_order, describe, interactive_controls, tab_walk

PASS = "seven green bottles"

pytestmark = pytest.mark.usefixtures("quick_share_files")


def walk_all(qtbot, root, start, page):
    walked = tab_walk(qtbot, start)
    assert len(walked) == len(set(map(id, walked))), "a control was reached twice"
    missing = [describe(w) for w in interactive_controls(root) if w not in walked]
    assert missing == [], f"never reached with Tab: {missing}"
    assert_reading_order([w for w in walked if not page.checklist.isAncestorOf(w)], page)
    return walked


@pytest.mark.parametrize("who, key", [("Whitfield", "staying_put"), ("Tekle", "staying_put"),
                                      ("Tanner", "staying_close")])
def test_tab_reaches_every_control_of_an_agreement_page_in_reading_order(qtbot, window, demo, who, key):
    window.resize(1360, 900)
    view = open_in(window, qtbot, demo[who].id)
    page = view.show_area(key)
    qtbot.wait(20)
    walked = walk_all(qtbot, view, view.area_list, page)
    checklist = [w for w in walked if page.checklist.isAncestorOf(w)]
    content = [w for w in walked if page.content.isAncestorOf(w)]
    assert len(checklist) == len(ag.PARTS[page.kind]) and walked.index(content[-1]) < walked.index(checklist[0])
    assert page.versions in walked and page.print_button in walked


def test_tab_goes_round_the_workspace_in_reading_order(qtbot, demo, store, tmp_path, monkeypatch):
    from .test_workspace import opened, passphrases

    path = tmp_path / "dawit.pathway-share"
    S.export_share(store, demo["Tekle"].id, "foster_carer", path, PASS)
    passphrases(monkeypatch, PASS)
    ws = opened(qtbot, path)
    ws.resize(1360, 900)
    qtbot.wait(20)
    walked = walk_all(qtbot, ws, ws.page.versions, ws.page)
    assert ws.page.discard_button in walked and walked[-1] is list(ws.page.checklist.buttons.values())[-1]
    ws.session.dirty = False
    ws.close()


def _returned(store, reece, tmp_path):
    from pathway_app.ui.import_return import ImportReturnDialog

    path = tmp_path / "reece.pathway-share"
    S.export_share(store, reece.id, "key_worker", path, PASS)
    share = S.open_share(path, PASS)
    copy = share.workspace()
    copy.staying_close.draft().come_back_notes = "Sunday dinner once a month."
    copy.staying_close.draft().staff[0].how_often = "Every week"
    S.save_share(path, PASS, share, copy)
    return ImportReturnDialog(S.read_return(store, path, PASS))


@pytest.mark.parametrize("make", ["signing", "ending", "share", "import"])
def test_the_dialogs_are_walked_with_tab_and_say_things_cleanly(qtbot, demo, store, tmp_path, make):
    from .test_words import assert_clean, screen_texts

    reece, tom = demo["Tanner"], demo["Whitfield"]
    dlg = {"signing": lambda: SigningDialog(reece, ag.STAYING_CLOSE, reece.staying_close.draft(), TODAY),
           "ending": lambda: EndingDialog(ag.STAYING_PUT, tom.staying_put.in_force(), TODAY),
           "share": lambda: SharePassphraseDialog("the carers", tom.person.display_name),
           "import": lambda: _returned(store, reece, tmp_path)}[make]()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=2000)
    first = interactive_controls(dlg)[0]
    walked = tab_walk(qtbot, first)
    assert [describe(w) for w in interactive_controls(dlg) if w not in walked] == []
    assert_clean(screen_texts(dlg), make)
    QApplication.processEvents()
