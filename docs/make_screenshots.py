"""Render the app's main screens with the demo young people to PNG files in docs/screenshots/.

    python docs/make_screenshots.py [--out docs/screenshots] [--dark]

Runs offscreen (no display needed) on a throwaway database; uses ``widget.grab()``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)
SIZE = (1360, 860)


PASSPHRASE = "screenshot passphrase only"
SHARE_PASSPHRASE = "shared plan passphrase"


def crowd_plan(n: int = 200, seed: int = 3):
    """A made-up young person with ``n`` people who matter (for the crowded map)."""
    import random

    from pathway_app.domain.model import Plan, Relationship, YoungPerson
    from pathway_app.domain.vocab import Closeness, ContactFrequency, RelationshipStatus, RelationshipType, ThereAt25

    rnd = random.Random(seed)
    p = Plan(person=YoungPerson(given_name="Kai", date_of_birth=date(2009, 2, 28)))
    for i in range(n):
        p.relationships.append(Relationship(
            name=f"Person {i}", relationship_type=rnd.choice(list(RelationshipType)),
            closeness=rnd.choice(list(Closeness)), contact_frequency=rnd.choice(list(ContactFrequency)),
            there_at_25=rnd.choice(list(ThereAt25)), status=rnd.choice(list(RelationshipStatus))))
    return p


class AgreementShots:
    """The agreements' screens (section 4i), shot again in dark mode by :meth:`dark`."""

    def __init__(self, w, plans, data: Path, shoot, settle):
        from pathway_app.store.share import export_share, open_share, read_return, save_share

        self.w, self.shoot, self.settle = w, shoot, settle
        self.tom = next(p for p in plans if p.person.family_name == "Whitfield")
        self.reece = next(p for p in plans if p.person.family_name == "Tanner")
        self.dawit = next(p for p in plans if p.person.family_name == "Tekle")
        self.tom_file = data / "tom-whitfield-staying-put.pathway-share"
        export_share(w.store, self.tom.id, "foster_carer", self.tom_file, SHARE_PASSPHRASE)
        # Dawit's carers filled in some of their draft and sent it back
        dawit_file = data / "dawit-tekle-staying-put.pathway-share"
        export_share(w.store, self.dawit.id, "foster_carer", dawit_file, SHARE_PASSPHRASE)
        share = open_share(dawit_file, SHARE_PASSPHRASE)
        copy = share.workspace()
        draft = copy.staying_put.draft()
        draft.house_rules[1].agreed = "Text Hiwet or Daniel if staying at a friend's."
        draft.house_rules[1].young_person_words = "That's fair."
        draft.money_notes = "Please pay the allowance monthly."
        draft.practical_support = "Cooking together on Sundays; help with the bus pass."
        save_share(dawit_file, SHARE_PASSPHRASE, share, copy)
        plan = w.store.load(self.dawit.id, opened=False)  # meanwhile, at the adviser's
        plan.staying_put.draft().money_notes = "Allowance to be confirmed by the fostering team."
        w.store.save(plan)
        self.report = read_return(w.store, dawit_file, SHARE_PASSPHRASE)

    def light(self) -> None:
        w, shoot = self.w, self.shoot
        w.open_plan(self.tom.id)
        page = w.plan_view.show_area("staying_put")
        shoot(w, "30-agreement-staying-put")
        page.go_to_part("house-rules")
        shoot(w, "30-agreement-staying-put-house-rules")
        w.open_plan(self.reece.id)
        page = w.plan_view.show_area("staying_close")
        shoot(w, "31-agreement-staying-close")
        from pathway_app.ui.agreement_dialogs import SigningDialog

        dlg = SigningDialog(self.reece, "staying_close", w.session.plan.staying_close.draft(), TODAY, w)
        dlg.show()
        shoot(dlg, "32-agreement-signing")
        dlg.reject()
        dlg.deleteLater()
        self.workspace("33-workspace")
        self.importing("34-import-returned-plan")

    def workspace(self, name: str, together: bool = True) -> None:
        from PySide6.QtCore import Qt

        from pathway_app.store.share import open_share
        from pathway_app.ui.workspace import ShareSession, WorkspaceWindow

        share = open_share(self.tom_file, SHARE_PASSPHRASE)
        session = ShareSession(str(self.tom_file), SHARE_PASSPHRASE, share, lambda: TODAY)
        session.open(share.workspace())
        ws = WorkspaceWindow(session)
        ws.resize(*SIZE)
        ws.show()
        ws.page.start()  # the carers start a new version with Tom
        self.settle(50)
        ws.page.scroll.verticalScrollBar().setValue(0)
        ws.page.versions.setFocus()  # the ring round what has the keyboard follows it here
        self.settle(100)
        self.shoot(ws, name)
        if together:
            ws.together_action.trigger()
            ws.setWindowState(Qt.WindowState.WindowNoState)  # full screen on a real screen; this size here
            ws.resize(*SIZE)
            ws.page.go_to_part("house-rules")
            self.shoot(ws, name + "-together")
            ws.together_action.trigger()
        session.dirty = False
        ws.close()
        ws.deleteLater()

    def importing(self, name: str) -> None:
        from pathway_app.ui.import_return import ImportReturnDialog

        dlg = ImportReturnDialog(self.report, self.w)
        dlg.show()
        self.shoot(dlg, name)
        dlg.reject()
        dlg.deleteLater()

    def dark(self, palette) -> None:
        self.w.open_plan(self.tom.id)
        self.w.plan_view.show_area("staying_put")
        self.shoot(self.w, "35-dark-agreement-staying-put")
        self.workspace("35-dark-workspace", together=False)
        self.importing("35-dark-import-returned-plan")


def agreement_scenes(w, plans, data: Path, shoot, settle) -> AgreementShots:
    shots = AgreementShots(w, plans, data, shoot, settle)
    shots.light()
    return shots


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE / "screenshots"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="pathway-shots-"))
    os.environ["PATHWAY_DATA_DIR"] = str(data)

    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtGui import QFont, QFontDatabase

    from pathway_app.demo import demo_plans
    from pathway_app.domain.vocab import ThereAt25
    from pathway_app.paths import resource
    from pathway_app.ui import theme
    from pathway_app.ui.app import make_application, open_window
    from pathway_app.ui.unlock import NewPassphraseDialog, StoreAccess, UnlockDialog

    app = make_application([])
    # A font shipped with the app, so screenshots look the same on every machine.
    for f in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", f)))
    app.setFont(QFont("Noto Sans", 10))
    app.setStyle("Fusion")
    light = app.palette()

    def settle(ms: int = 0) -> None:
        t = QElapsedTimer()
        t.start()
        while True:
            app.processEvents()
            if t.elapsed() >= ms:
                break
        for _ in range(3):
            app.processEvents()

    def shoot(widget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    def wait_for(condition, ms: int = 20000) -> None:
        t = QElapsedTimer()
        t.start()
        while not condition() and t.elapsed() < ms:
            app.processEvents()

    def window(store, ddir, access=None):
        w = open_window(store, ddir, lambda: TODAY, access=access)
        w.resize(*SIZE)
        w.show()
        return w

    # 0. the first run: choose a passphrase; later, unlock
    dlg = NewPassphraseDialog(None)
    dlg.passphrase.setText("blue kettle morning walk")
    dlg.repeat.setText("blue kettle morning walk")
    dlg.show()
    shoot(dlg, "00-first-run-passphrase")
    dlg.unencrypted.setChecked(True)
    shoot(dlg, "00-first-run-unencrypted-choice")
    dlg.close()
    dlg.deleteLater()
    dlg = UnlockDialog("Records: ~/.local/share/PathwayPlanner/pathway.db")
    dlg.form._say("That passphrase does not unlock these records. Nothing has been changed or deleted.")
    dlg.show()
    shoot(dlg, "00-unlock")
    dlg.close()
    dlg.deleteLater()

    # 1. the empty first run (encrypted records)
    empty_dir = data / "empty"
    empty_dir.mkdir()
    access = StoreAccess(data_dir=empty_dir)
    st = access.open(passphrase=PASSPHRASE)
    w = window(st, empty_dir, access)
    shoot(w, "01-first-run")
    w.close()
    st.close()

    # 1b. records kept unencrypted: the window says so
    plain_dir = data / "plain"
    plain_dir.mkdir()
    access = StoreAccess(data_dir=plain_dir)
    st = access.open(create_unencrypted=True)
    for p in demo_plans(TODAY):
        st.save(p, today=TODAY)
    w = window(st, plain_dir, access)
    shoot(w, "01-unencrypted-warning")
    w.close()
    st.close()

    # 2. the demo young people
    demo_dir = data / "demo"
    demo_dir.mkdir()
    access = StoreAccess(data_dir=demo_dir)
    st = access.open(passphrase=PASSPHRASE)
    plans = demo_plans(TODAY)
    for p in plans:
        st.save(p, today=TODAY)
    w = window(st, demo_dir, access)
    settle(300)  # the prompt counts are worked out in idle moments
    shoot(w, "02-your-young-people")
    w.caseload.search.setText("ka")
    shoot(w, "03-search")
    w.caseload.search.setText("")

    me = plans[0]
    w.open_plan(me.id)
    from pathway_app.ui.areas import AREAS

    for i, (key, _title) in enumerate(AREAS):
        page = w.plan_view.show_area(key)
        if key == "people" and page.people.model.rowCount():
            page.people.select(page.people.model.record(0))
        if key == "support":
            page.select_area(page.current)
        shoot(w, f"1{i:02d}-area-{key}")
        page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
        shoot(w, f"1{i:02d}-area-{key}-end")
        page.scroll.verticalScrollBar().setValue(0)

    # a prompt being answered, and the prompts panel on its own
    page = w.plan_view.show_area("people")
    from pathway_app.domain.vocab import PromptAnswer

    card = page.prompts.cards[0]
    card._open_form(PromptAnswer.NOT_RELEVANT)
    shoot(w, "12-prompt-answering")
    card.close_form()
    side = page.prompt_side
    side.setMaximumHeight(16777215)
    shoot(side, "prompts")

    # 3. a validation error beside the field
    page = w.plan_view.show_area("about")
    care = page.episodes
    care.add()
    care.form.widget("start").set_text("01/06/2024")
    care.form.widget("start").edited.emit("01/06/2024")
    care.form.widget("end").set_text("01/01/2024")
    care.form.widget("end").edited.emit("01/01/2024")
    w.session.save_now()
    page.scroll.ensureWidgetVisible(care.form.block("end"))
    shoot(w, "04-validation-error")
    w.undo_action.trigger()
    w.undo_action.trigger()
    w.undo_action.trigger()
    w.session.save_now()

    # 4. together mode
    w.together_action.trigger()
    w.together.show_question(1)
    shoot(w, "05-together-mode")
    w.leave_together()
    w.resize(*SIZE)

    # 4b. who will be there at 25 (over the People who matter page)
    from pathway_app.ui.at25_dialog import At25Dialog

    w.plan_view.show_area("people")
    import copy

    at25 = At25Dialog(copy.deepcopy(w.session.plan), w)
    at25.show()
    shoot(at25, "at25")
    at25.choose(ThereAt25.YES)
    shoot(at25, "at25-next")
    at25.reject()
    at25.deleteLater()

    # 4c. the map and timeline on their own
    from pathway_app.ui.map_view import RelationshipMapWidget
    from pathway_app.ui.timeline_view import TimelineWidget

    def alone(widget, size, name, plan, *extra) -> None:
        widget.resize(*size)
        widget.set_plan(plan, *extra)
        widget.show()
        shoot(widget, name)

    mp = RelationshipMapWidget()
    alone(mp, (960, 700), "map", me)
    alone(mp, (480, 420), "map-small", me)
    alone(mp, (960, 700), "map-200", crowd_plan())
    tl = TimelineWidget()
    alone(tl, (1100, 300), "timeline", me, TODAY)

    # 4d. the PDF, with its first page
    from pathway_app.ui.pdf_dialog import PdfExportDialog

    pdf = PdfExportDialog(w.session.plan, TODAY, w)
    pdf.show()
    wait_for(lambda: not pdf.preview_pixmap().isNull())
    shoot(pdf, "pdf-export")
    pdf.set_edition("young-person")
    wait_for(lambda: "Making" not in pdf.preview.text() and not pdf.preview_pixmap().isNull())
    shoot(pdf, "pdf-export-young-person")
    pdf.reject()
    pdf.deleteLater()

    # 4e. the plan's history
    from pathway_app.ui.history import HistoryDialog

    page = w.plan_view.show_area("about")
    page._forms[1][0].widget("pronouns").setText("she/they")
    w.session.set_field(w.session.plan.person, "pronouns", "she/they", "pronouns")
    w.session.save_now()
    hist = HistoryDialog(me.person.display_name, w.store.audit_history(me.id), w)
    for r in range(hist.model.rowCount()):
        if hist.model.rows[r].action == "changed":
            hist.table.selectRow(r)
            break
    hist.show()
    shoot(hist, "13-history")
    hist.reject()
    hist.deleteLater()
    w.session.undo_stack.undo()
    w.session.save_now()

    # 4f. where the keyboard is: the focus ring on the list of areas, on a field, on a prompt
    w.activateWindow()
    view = w.plan_view
    view.show_area("about")
    view.area_list.setFocus()
    shoot(w, "16-focus-area-list")
    about = view.current_page()
    about._forms[1][0].widget("given_name").setFocus()
    about.scroll.ensureWidgetVisible(about._forms[1][0].widget("given_name"))
    shoot(w, "16-focus-field")
    support = view.show_area("support")
    settle(50)
    if support.prompts.cards:
        done = support.prompts.cards[0].buttons[PromptAnswer.DONE]
        support.prompts.scroll.ensureWidgetVisible(done)
        done.setFocus()
        shoot(w, "16-focus-prompt-answer")

    # 4g. adding a young person: when they came into care starts their care history
    from pathway_app.ui.dialogs import NewPersonDialog

    new = NewPersonDialog(w, TODAY)
    new.given.setText("Amara")
    new.dob.set_text("02/07/2009")
    new.in_care.set_text("15/01/2019")
    new.show()
    shoot(new, "17-add-a-young-person")
    new.reject()
    new.deleteLater()

    # 4h. Done on a prompt that stands for a date asks for the date
    import copy as _copy

    from pathway_app.domain import model as m_model
    from pathway_app.domain.model import new_id

    late = _copy.deepcopy(me)  # the same young person before her needs assessment was recorded
    late.id, late.needs_assessment_done_on, late.version = new_id(), None, 0
    late.prompt_responses = []
    if late is not None:  # shown, never saved: the records keep only the demo young people
        w._set_plan(late)
        w._show_plan_page()
        w.activateWindow()  # back from the dialog: the keyboard is in the window again
        support = w.plan_view.show_area("support")
        settle(50)
        card = next((c for c in support.prompts.cards if c.prompt.rule_id == "S-needs-assessment-overdue"), None)
        if card is not None:
            card._open_form(PromptAnswer.DONE)
            settle(50)
            shoot(w, "18-prompt-done-on-a-date")
            card.close_form()
        w.open_plan(me.id)

    # 4h2. the new facts (issue 12), agreeing the plan (issue 13), prompts answered with a value
    def scrolled_to(page, widget, name: str) -> None:
        settle(50)
        page.content.layout().activate()
        bar = page.scroll.verticalScrollBar()
        bar.setValue(widget.mapTo(page.content, widget.rect().topLeft()).y() - 12)
        shoot(w, name)
        bar.setValue(0)

    dawit = next(p for p in plans if p.immigration)
    shannon = next(p for p in plans if p.children)
    w.open_plan(dawit.id)
    about = w.plan_view.show_area("about")
    scrolled_to(about, about._forms[1][0].block("date_of_birth"), "20-about-date-of-birth-assessed")
    scrolled_to(about, about.immigration, "20-about-immigration")
    w.open_plan(shannon.id)
    about = w.plan_view.show_area("about")
    about.children.select(about.children.model.record(0))
    scrolled_to(about, about.children, "21-about-being-a-parent")
    scrolled_to(about, about.orders, "21-about-orders-that-ended-care")
    timeline = TimelineWidget()
    alone(timeline, (1100, 300), "timeline-family", shannon, TODAY)
    timeline.close()
    back = _copy.deepcopy(shannon)  # shown, never saved
    back.id, back.version = new_id(), 0
    back.return_home = m_model.ReturnHome(returned_on=date(2026, 9, 1), with_whom="Her mum, Siobhan",
                                          support="Fortnightly visits from her PA; help with a nursery place",
                                          support_until=date(2027, 3, 1), review_on=date(2027, 1, 15))
    w._set_plan(back)
    w._show_plan_page()
    home = w.plan_view.show_area("home")
    scrolled_to(home, home.return_home_section, "22-home-back-with-family")
    w.open_plan(me.id)
    reviews = w.plan_view.show_area("reviews")
    scrolled_to(reviews, reviews.sign_off_section, "23-reviews-agreeing-the-plan")
    home = w.plan_view.show_area("home")
    settle(50)
    card = next((c for c in home.prompts.cards if c.prompt.answered_by is not None), None)
    if card is not None:
        home.prompts.scroll.ensureWidgetVisible(card)
        card._open_form(PromptAnswer.DONE)
        settle(50)
        shoot(w, "26-prompt-answered-by-choosing")
        card.close_form()
    support = w.plan_view.show_area("support")
    settle(50)
    card = next((c for c in support.prompts.cards if c.prompt.answered_by is not None
                 and c.prompt.answered_by.kind == "record"), None)
    if card is not None:
        card._open_form(PromptAnswer.DONE)
        settle(50)
        shoot(w, "27-prompt-answered-with-a-record")
        card.close_form()
    tom = next(p for p in plans if len(p.staying_put.agreements) > 1)
    pdf = PdfExportDialog(tom, TODAY, w, edition="staying-put")
    pdf.show()
    wait_for(lambda: "Making" not in pdf.preview.text() and not pdf.preview_pixmap().isNull())
    shoot(pdf, "pdf-export-agreement-version")
    pdf.reject()
    pdf.deleteLater()
    from pathway_app.ui.html_export import HtmlCopyDialog

    html = HtmlCopyDialog(me, w)
    html.show()
    shoot(html, "html-export")
    html.reject()
    html.deleteLater()

    # 4h3. records that can only be read: a banner says why, and editing is off
    from pathway_app.store import open_store
    from pathway_app.store.lock import read_only_url

    ro = open_store(url=read_only_url(plain_dir / "pathway.db"))
    ro_window = window(ro, plain_dir)
    ro_window.load_caseload()
    shoot(ro_window, "25-read-only-your-young-people")
    ro_window.open_plan(me.id)
    ro_window.plan_view.show_area("about")
    shoot(ro_window, "25-read-only-plan")
    ro_window.locking.stop()
    ro_window.close()
    ro.close()

    # 4i. the agreements: Tom's Staying Put agreement in force, Reece's Staying Close plan being
    # written, signing it, a shared plan in the carers' workspace, and bringing it back
    shots = agreement_scenes(w, plans, data, shoot, settle)

    # 4j. locked after idle time: nothing of anyone on screen
    w.lock()
    shoot(w, "14-locked")
    w.lock_screen.form.passphrase.setText(PASSPHRASE)
    w.lock_screen.form.submit()

    # 5. dark mode
    app.setPalette(theme.dark_palette())
    w.show_caseload()
    shoot(w, "06-dark-your-young-people")
    w.open_plan(me.id)
    w.plan_view.show_area("people")
    shoot(w, "07-dark-people")
    w.plan_view.show_area("support")
    shoot(w, "08-dark-support-plan")
    w.together_action.trigger()
    shoot(w, "09-dark-together-mode")
    w.leave_together()
    shots.dark(app.palette())
    mp.setPalette(app.palette())
    alone(mp, (960, 700), "map-dark", me)
    tl.setPalette(app.palette())
    alone(tl, (1100, 300), "timeline-dark", me, TODAY)
    w.lock()
    shoot(w, "15-dark-locked")
    w.lock_screen.form.passphrase.setText(PASSPHRASE)
    w.lock_screen.form.submit()

    # 6. high contrast (what the app switches to when the system asks for it)
    app.setPalette(theme.high_contrast_palette(dark=True))
    w.show_caseload()
    shoot(w, "19-high-contrast-your-young-people")
    w.open_plan(me.id)
    w.activateWindow()
    w.plan_view.show_area("people")
    w.plan_view.area_list.setFocus()
    shoot(w, "19-high-contrast-people")
    w.plan_view.show_area("support")
    shoot(w, "19-high-contrast-support-plan")
    w.together_action.trigger()
    shoot(w, "19-high-contrast-together-mode")
    w.leave_together()
    mp.setPalette(app.palette())
    alone(mp, (960, 700), "map-high-contrast", me)
    tl.setPalette(app.palette())
    alone(tl, (1100, 300), "timeline-high-contrast", me, TODAY)
    w.lock()
    shoot(w, "19-high-contrast-locked")
    w.lock_screen.form.passphrase.setText(PASSPHRASE)
    w.lock_screen.form.submit()
    app.setPalette(light)
    mp.close()
    tl.close()
    w.close()
    w.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
