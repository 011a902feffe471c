"""Show the app scene by scene and have :mod:`walk` read each one off the accessibility bus.

Run by ``run.sh`` on a virtual X display with the AT-SPI bus up (``QT_QPA_PLATFORM=xcb``)::

    python drive.py OUT.json DATA_DIR

Opens the app on made-up young people in DATA_DIR, then shows, one at a time: your young
people; every page of a plan (each with its prompts); a prompt being answered (with a value
it records in the plan, too); together mode (with its question answered by choosing); every
dialog; the calendar; records that can only be read; the lock screen. For each it runs the walker — in another process,
while this one keeps answering the bus — and writes everything read to OUT.json as
``{"scenes": {name: [node, ...] | {"error": ...}}}``.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

TODAY = date(2026, 11, 23)
SHARE_PASSPHRASE = "seven green bottles"
WALKER = ["/usr/bin/python3", str(HERE / "walk.py")]


def main(out: str, data_dir: str) -> int:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QProcess, QTimer
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from pathway_app.demo import demo_plans
    from pathway_app.domain.vocab import PromptAnswer
    from pathway_app.store import open_store
    from pathway_app.ui.app import make_application, open_window
    from pathway_app.ui.unlock import StoreAccess

    app = make_application([])
    store = open_store(data_dir=data_dir, create_unencrypted=True)
    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    access = StoreAccess(data_dir=data_dir)
    access.encrypted = True  # the lock screen asks for a passphrase
    win = open_window(store, data_dir, lambda: TODAY, access=access, lock_after_ms=3_600_000)
    win.resize(1360, 900)
    win.show()
    results: dict[str, object] = {}

    def settle(ms: int = 250) -> None:
        t = QElapsedTimer()
        t.start()
        while t.elapsed() < ms:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def read(name: str) -> None:
        settle()
        proc = QProcess()
        loop = QEventLoop()
        proc.finished.connect(loop.quit)
        proc.start(WALKER[0], WALKER[1:] + [str(app.applicationPid())])
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()  # the app keeps answering the walker's questions meanwhile
        text = bytes(proc.readAllStandardOutput()).decode("utf-8", "replace")
        try:
            results[name] = json.loads(text)
        except ValueError:
            err = bytes(proc.readAllStandardError()).decode("utf-8", "replace")
            results[name] = {"error": f"the walker said: {text[:500]} {err[-2000:]}"}

    only = [s for s in os.environ.get("SCENES", "").split(",") if s]  # for a look at a few scenes

    def scene(name: str, show, hide=None) -> None:
        if only and not any(name.startswith(s) for s in only):
            return
        try:
            show()
            read(name)
        except Exception:  # recorded and failed by the test, the other scenes still run
            results[name] = {"error": traceback.format_exc()}
        finally:
            if hide is not None:
                try:
                    hide()
                except Exception:
                    results.setdefault(name + " (closing)", {"error": traceback.format_exc()})
            settle(50)

    # your young people
    scene("your young people", win.load_caseload)

    # every page of a plan, with its prompts
    plan = next(p for p in plans if p.relationships and p.reviews)
    win.open_plan(plan.id)
    view = win.plan_view
    for key in view.pages:
        scene(f"page: {key}", lambda key=key: view.show_area(key))

    # a prompt being answered (its question and date box)
    def answering(answer):
        page = view.show_area("support")
        settle()
        card = page.prompts.cards[0]
        card.buttons[answer].click()
        return card

    for answer in (PromptAnswer.DONE, PromptAnswer.LATER):
        holder: list = []
        scene(f"answering a prompt: {answer.value}", lambda a=answer, h=holder: h.append(answering(a)),
              lambda h=holder: h and h[0].close_form())

    # a prompt answered by doing the thing: the value it records, chosen from a list
    def answering_by_choosing():
        page = view.show_area("home")
        settle()
        card = next(c for c in page.prompts.cards if c.prompt.answered_by and c.prompt.answered_by.kind == "choice")
        page.prompts.scroll.ensureWidgetVisible(card)
        card.buttons[PromptAnswer.DONE].click()
        return card

    chosen: list = []
    scene("answering a prompt: done, choosing", lambda: chosen.append(answering_by_choosing()),
          lambda: chosen and chosen[0].close_form())

    # the calendar of a date box: the very widget that drops down, shown in a window here (a
    # screen reader meets a popup through its focus events; a walk from the application's
    # root does not reach popups)
    def calendar():
        from PySide6.QtWidgets import QDialog, QVBoxLayout

        page = view.show_area("about")
        box = page._forms[1][0].widget("date_of_birth")
        menu, cal = box.calendar_menu()
        holder = QDialog(win)
        holder.setWindowTitle("Pick a date")
        QVBoxLayout(holder).addWidget(cal)
        cal.show()
        calendar.parts = (menu, holder)
        holder.show()

    def close_calendar():
        for w in calendar.parts:
            w.deleteLater()

    scene("calendar", calendar, close_calendar)

    # together mode
    scene("together mode", win.enter_together, win.leave_together)

    def together_choosing():
        win.enter_together()
        keys = [q.key for q in win.together.questions]
        win.together.show_question(keys.index("plan_view"))

    scene("together mode: what I think of my plan", together_choosing, win.leave_together)

    # every dialog, shown as it is when it opens
    from pathway_app.ui.at25_dialog import At25Dialog
    from pathway_app.ui.dialogs import (
        ChooseEditionDialog,
        LockSettingsDialog,
        NewPersonDialog,
        StaleSaveDialog,
        TextWindow,
    )
    from pathway_app.ui.history import HistoryDialog
    from pathway_app.ui.html_export import HtmlCopyDialog
    from pathway_app.ui.pdf_dialog import EDITION_CHOICES, PdfExportDialog
    from pathway_app.ui.unlock import NewPassphraseDialog, UnlockDialog

    def person_with_problems():
        dlg = NewPersonDialog(win, TODAY)
        dlg.dob.set_text("31/02/2009")
        dlg.validate()
        return dlg

    def passphrase_with_problems():
        dlg = NewPassphraseDialog(win)
        dlg.passphrase.setText("short")
        dlg.validate()
        return dlg

    def at25_last():
        dlg = At25Dialog(win.session.plan, win)
        dlg.show_step(len(dlg.questions) - 1)
        return dlg

    def question_box():
        box = QMessageBox(QMessageBox.Icon.Question, "Changes not saved",
                          "Not saved: About me: the date of birth is needed. Go back and put it right?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard, win)
        return box

    def progress():
        dlg = QProgressDialog("Making the PDFs…", "Stop", 0, 3, win)
        dlg.setWindowTitle("Making PDFs")
        dlg.setValue(1)
        return dlg

    name = win.session.plan.person.display_name
    # the agreements' dialogs, and a shared plan come back from the key worker (ui/import_return.py)
    from pathway_app.store.share import export_share, open_share, read_return, save_share
    from pathway_app.ui.agreement_dialogs import AskPassphraseDialog, EndingDialog, SharePassphraseDialog, SigningDialog
    from pathway_app.ui.import_return import ImportReturnDialog

    tom = next(p for p in plans if p.person.family_name == "Whitfield")
    reece = next(p for p in plans if p.person.family_name == "Tanner")
    share_path = Path(data_dir) / "reece.pathway-share"
    export_share(store, reece.id, "key_worker", share_path, SHARE_PASSPHRASE)
    returned = open_share(share_path, SHARE_PASSPHRASE)
    copy = returned.workspace()
    copy.staying_close.draft().come_back_notes = "Sunday dinner at Larch House once a month."
    copy.staying_close.draft().staff[0].how_often = "Every week, and more in the first month"
    save_share(share_path, SHARE_PASSPHRASE, returned, copy)
    report = read_return(store, share_path, SHARE_PASSPHRASE)
    dialogs = {
        "Record the signing": lambda: SigningDialog(reece, "staying_close", reece.staying_close.draft(), TODAY, win),
        "Record the ending": lambda: EndingDialog("staying_put", tom.staying_put.in_force(), TODAY, win),
        "Share with the carers": lambda: SharePassphraseDialog("the carers", tom.person.display_name, win),
        "Open a shared plan": lambda: AskPassphraseDialog(
            "Open a shared plan", "reece.pathway-share: type the passphrase you were given with it.",
            "That passphrase does not open this shared plan.", win),
        "Import returned plan": lambda: ImportReturnDialog(report, win),
        "Add a young person": lambda: NewPersonDialog(win, TODAY),
        "Add a young person, with problems": person_with_problems,
        "Keep these records safe": lambda: NewPassphraseDialog(win),
        "Keep these records safe, with a problem": passphrase_with_problems,
        "Unlock your records": lambda: UnlockDialog("Records: pathway.db", win),
        "Locking": lambda: LockSettingsDialog(5, win),
        "Make PDFs": lambda: ChooseEditionDialog("all 8 young people shown", list(EDITION_CHOICES[:2]), win),
        "Make a PDF": lambda: PdfExportDialog(win.session.plan, TODAY, win),
        "Make a PDF of an agreement": lambda: PdfExportDialog(
            next(p for p in plans if len(p.staying_put.agreements) > 1), TODAY, win, edition="staying-put"),
        "Export an accessible copy": lambda: HtmlCopyDialog(win.session.plan, win),
        "Someone else changed this plan": lambda: StaleSaveDialog(
            name, "About me — Pronouns: she/her", win, theirs="About me — Phone: 07700 900123",
            both=["About me — Pronouns"]),
        "Your changes": lambda: TextWindow("Your changes", "Copy what you need.", "About me — Pronouns: she/her", win),
        "History": lambda: HistoryDialog(name, win.store.audit_history(win.session.plan.id), win),
        "Who will be there at 25?": lambda: At25Dialog(win.session.plan, win),
        "Who will be there at 25? Anyone else": at25_last,
        "A question": question_box,
        "Making PDFs": progress,
    }
    for title, make in dialogs.items():
        holder = []

        def show(make=make, holder=holder):
            dlg = make()
            holder.append(dlg)
            dlg.show()
            dlg.raise_()
            dlg.activateWindow()

        def hide(holder=holder):
            for dlg in holder:
                dlg.hide()
                dlg.deleteLater()

        scene(f"dialog: {title}", show, hide)

    # records that can only be read: a second window on them, read-only
    def read_only():
        from pathway_app.store.lock import read_only_url

        ro = open_store(url=read_only_url(Path(data_dir) / "pathway.db"))
        other = open_window(ro, data_dir, lambda: TODAY, lock_after_ms=3_600_000)
        other.resize(1360, 900)
        other.show()
        other.open_plan(plan.id)
        other.plan_view.show_area("about")
        read_only.parts = (other, ro)

    def close_read_only():
        other, ro = read_only.parts
        other.locking.stop()
        other.hide()
        other.deleteLater()
        ro.close()

    scene("read-only records", read_only, close_read_only)
    # the agreements: one in force, one being written; a shared plan in the key worker's workspace
    scene("agreement: a Staying Put agreement in force",
          lambda: (win.open_plan(tom.id), win.plan_view.show_area("staying_put")))
    scene("agreement: a Staying Close plan being written",
          lambda: (win.open_plan(reece.id), win.plan_view.show_area("staying_close")))
    from pathway_app.ui.workspace import ShareSession, WorkspaceWindow

    spaces: list = []

    def open_workspace():
        share = open_share(share_path, SHARE_PASSPHRASE)
        session = ShareSession(str(share_path), SHARE_PASSPHRASE, share, lambda: TODAY)
        session.open(share.workspace())
        ws = WorkspaceWindow(session)
        ws.resize(1360, 900)
        spaces.append(ws)
        ws.show()
        ws.activateWindow()

    def close_workspace():
        for ws in spaces:
            ws.session.dirty = False
            ws.close()
            ws.deleteLater()

    scene("workspace: a shared plan", open_workspace, close_workspace)

    # the lock screen (last: the records are closed)
    scene("locked", win.lock)

    Path(out).write_text(json.dumps({"scenes": results}), encoding="utf-8")
    win.locking.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
