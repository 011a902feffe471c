"""Words: everything a person can read in the app is checked the same way.

Every message comes from the field catalogue or from the app's message table
(:mod:`pathway_app.ui.messages`); both are read here, and so is every text on screen — labels,
buttons, tips, placeholders, what a screen reader is told, table cells and headings, window
titles — on every page of two demo young people, in together mode and in every dialog. None
may show a plan path or an id, make a slip of English ("21th", "a action", "the the"), or use
the words the app promises never to use ("placement", "case").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pathway_app.demo import demo_plans
from pathway_app.domain.fields import catalogue
from pathway_app.ui.messages import MESSAGES, say

from .conftest import TODAY, open_in

UI = Path(__file__).resolve().parents[2] / "pathway_app" / "ui"

PROMISED_NOT_TO_SAY = re.compile(r"\b(placements?|cases?|caseworkers?)\b", re.IGNORECASE)
#: Names that contain those words and mean something else: the titles of documents cited.
PROPER_NAMES = ("Case for Change",)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}")
RULE_ID = re.compile(r"\b(?:M\d{1,2}|S)-[a-z]|\bM\d{1,2}\b|research message")
BRACKET_PATH = re.compile(r"[a-z_]+\[[^\]\s]*\]")
ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th)\b")
REPEATED = re.compile(r"\b([A-Za-z]+) \1\b", re.IGNORECASE)
ARTICLE = re.compile(r"\b(a) ([aeio]\w+)|\b(an) ([bcdfgjklmnpqrstvwxz]\w+)", re.IGNORECASE)
SPACE_BEFORE = re.compile(r"\w \s*[,;:!?](\s|$)")


def _plan_names() -> set[str]:
    """Attribute names a path would show ("there_at_25", "by_when")."""
    names = set()
    for fid in catalogue():
        for part in fid.split("."):
            if "_" in part:
                names.add(part)
    return names


PLAN_NAMES = _plan_names()
FIELD_IDS = {fid for fid in catalogue() if "." in fid}


def ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def slips(text: str) -> list[str]:
    """What is wrong with ``text`` as words for a person to read ([] when nothing is)."""
    out = []
    plain = re.sub(r"<[^>]+>", " ", text)  # rich text: its words only
    for name in PROPER_NAMES:
        plain = plain.replace(name, "")
    m = PROMISED_NOT_TO_SAY.search(plain)
    if m:
        out.append(f"says {m.group(0)!r}")
    if UUID.search(plain):
        out.append("shows an id")
    m = RULE_ID.search(plain)
    if m:
        out.append(f"shows a rule or research code {m.group(0)!r}")
    m = BRACKET_PATH.search(plain)
    if m:
        out.append(f"shows a path {m.group(0)!r}")
    words = set(re.findall(r"[A-Za-z0-9_.]+", plain))
    for w in words:
        if w.strip(".") in PLAN_NAMES or w.strip(".") in FIELD_IDS:
            out.append(f"shows a field's name {w!r}")
    for num, suffix in ORDINAL.findall(plain):
        if suffix != ordinal(int(num)):
            out.append(f"says {num}{suffix}")
    m = REPEATED.search(plain)
    if m and m.group(1).lower() not in ("that", "had", "you"):  # "what makes you you"
        out.append(f"says {m.group(0)!r}")
    m = ARTICLE.search(plain)
    if m:
        out.append(f"says {m.group(0)!r}")
    m = SPACE_BEFORE.search(plain)
    if m:
        out.append(f"has a space before a stop: {m.group(0)!r}")
    return out


def test_the_check_finds_what_it_looks_for():
    assert slips("Your 21th birthday") == ["says 21th"]
    assert slips("Not saved: actions[0].what: is needed")
    assert slips("There is no placement yet")
    assert slips("Changed there_at_25")
    assert slips("See M22 for more") and slips("(research message M22)")
    assert slips("Add a action") and slips("the the plan") and slips("Saved , thank you")
    assert slips("Add an person")
    assert slips("Care history — Oak House: the date they moved in is needed") == []
    assert slips("The 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd and 23rd") == []
    assert slips("Add an action, a review, a university course, an hour") == []


# --------------------------------------------------------------------------- the tables


def test_the_message_table_is_clean():
    samples = {"problem": "Care history — Oak House: the date they moved in is needed", "more": "",
               "count": 2, "error": "The disk is full", "text": "31/02/2026", "hint": MESSAGES["date_hint"],
               "today": "23 Nov 2026", "field": "Needs assessment done on", "least": 8,
               "prompt": "No personal adviser is recorded for her.",
               "reason": "the folder /media/usb/records cannot be written to",
               "name": "Living Together Agreement", "version": 2, "on": "3 May 2027", "path": "/home/pa/tom.pdf",
               "when": "1 December 2026 at 10:04 UTC by Priya Nair", "accepted": 2, "total": 3,
               "who": "Staying Put carer"}
    for key, template in MESSAGES.items():
        values = {k: v for k, v in samples.items() if "{" + k + "}" in template}
        text = say(key, **values)
        assert "{" not in text, key
        assert slips(text) == [], (key, text, slips(text))


def test_the_catalogue_s_words_are_clean():
    for f in catalogue().values():
        for text in (f.label, f.yp, f.help, f.noun):
            assert slips(text) == [], (f.id, text, slips(text))


def test_the_ui_never_writes_the_words_it_promises_not_to_use():
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                m = PROMISED_NOT_TO_SAY.search(node.value)
                assert m is None, f"{path.relative_to(UI)}:{node.lineno} says {m.group(0)!r}"


def test_birthdays_are_said_right():
    from pathway_app.domain.dates import ordinal  # the one helper the timeline and every document use

    for n in range(1, 120):
        assert slips(f"the {ordinal(n)} birthday") == [], n


# --------------------------------------------------------------------------- what is on screen


def _texts_of(w: QWidget) -> list[str]:
    out = [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip(), w.whatsThis()]
    if w.isWindow():
        out.append(w.windowTitle())
    if isinstance(w, QLabel):
        out.append(w.text())
    if isinstance(w, QAbstractButton):
        out.append(w.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
    if isinstance(w, (QLineEdit, QPlainTextEdit)):
        out.append(w.placeholderText())
    if isinstance(w, QComboBox):
        out += [w.itemText(i) for i in range(w.count())]
    if isinstance(w, QAbstractItemView) and w.model() is not None:
        model = w.model()
        for c in range(model.columnCount()):
            out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
        for r in range(min(model.rowCount(), 60)):
            for c in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    out.append(str(model.index(r, c, QModelIndex()).data(role) or ""))
    for a in QWidget.actions(w):  # (a page may have an attribute called "actions")
        out += [a.text().replace("&", ""), a.toolTip(), a.statusTip()]
    return [t for t in out if t]


def screen_texts(root: QWidget) -> dict[str, set[str]]:
    """Every text under ``root`` that is on screen (or told to a screen reader), with where."""
    found: dict[str, set[str]] = {}
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        for t in _texts_of(w):
            found.setdefault(t, set()).add(type(w).__name__)
    return found


def assert_clean(texts: dict[str, set[str]], where: str) -> None:
    bad = {t: slips(t) for t in texts if slips(t)}
    assert bad == {}, f"{where}: {bad}"


@pytest.fixture
def demo(store):
    plans = demo_plans(TODAY)[:2]
    for p in plans:
        store.save(p, today=TODAY)
    return plans


def test_every_page_says_things_cleanly(qtbot, window, demo):
    window.load_caseload()
    assert_clean(screen_texts(window), "your young people")
    for plan in demo:
        view = open_in(window, qtbot, plan.id)
        for key in view.pages:
            page = view.show_area(key)
            qtbot.wait(5)
            assert_clean(screen_texts(window), f"{plan.person.display_name}: {key}")
            for card in page.prompts.cards[:2]:  # the questions an answer asks
                for b in card.buttons.values():
                    b.click()
                    assert_clean(screen_texts(card), f"{key}: answering a prompt")
                    card.close_form()


def test_together_mode_says_things_cleanly(qtbot, window, demo):
    from pathway_app.ui.together import QUESTIONS

    open_in(window, qtbot, demo[0].id)
    window.enter_together()
    for i in range(len(QUESTIONS)):
        window.together.show_question(i)
        assert_clean(screen_texts(window.together), f"together mode, question {i + 1}")
    window.leave_together()


def test_every_dialog_says_things_cleanly(qtbot, window, demo):
    from pathway_app.ui.at25_dialog import At25Dialog
    from pathway_app.ui.dialogs import ChooseEditionDialog, LockSettingsDialog, NewPersonDialog, StaleSaveDialog
    from pathway_app.ui.history import HistoryDialog
    from pathway_app.ui.pdf_dialog import EDITION_CHOICES, PdfExportDialog
    from pathway_app.ui.unlock import NewPassphraseDialog, UnlockDialog

    plan = window.session.plan or demo[0]
    open_in(window, qtbot, plan.id)
    window.session.set_field(window.session.plan.person, "pronouns", "she/her")
    assert window.session.save_now()
    dialogs = []
    person = NewPersonDialog(window, TODAY)
    person.dob.set_text("31/02/2009")
    person.validate()
    dialogs.append(person)
    words = NewPassphraseDialog(window)
    words.passphrase.setText("short")
    words.validate()
    dialogs += [words, UnlockDialog("Records: pathway.db", window), LockSettingsDialog(5, window),
                ChooseEditionDialog("all 2 young people shown", list(EDITION_CHOICES[:2]), window),
                StaleSaveDialog(plan.person.display_name, "About me — Pronouns: she/her", window,
                                theirs="About me — Phone: 07700 900123", both=["About me — Pronouns"]),
                HistoryDialog(plan.person.display_name, window.store.audit_history(plan.id), window),
                At25Dialog(window.session.plan, window)]
    pdf = PdfExportDialog(window.session.plan, TODAY, window)
    dialogs.append(pdf)
    for dlg in dialogs:
        dlg.show()
        qtbot.waitExposed(dlg)
        assert_clean(screen_texts(dlg), type(dlg).__name__)
        if isinstance(dlg, At25Dialog):
            for step in range(len(dlg.questions)):
                dlg.show_step(step)
                assert_clean(screen_texts(dlg), f"At25Dialog step {step + 1}")
        if isinstance(dlg, HistoryDialog):
            for row in range(dlg.model.rowCount()):
                dlg.table.selectRow(row)
                assert_clean({dlg.detail.toPlainText(): {"history"}}, "the history's detail")
        dlg.reject()
    QApplication.processEvents()


def test_the_new_facts_their_dialogs_and_read_only_records_say_things_cleanly(qtbot, window, store, data_dir):
    """Dawit (an assessed age, immigration matters), Shannon (a daughter), Tom (two versions of
    a Living Together Agreement): the pages that show them, the prompts' questions for a value,
    the PDF and accessible-copy dialogs, and the banner of records that can only be read."""
    from pathway_app.domain.vocab import PromptAnswer
    from pathway_app.ui.html_export import HtmlCopyDialog
    from pathway_app.ui.pdf_dialog import PdfExportDialog

    plans = demo_plans(TODAY)
    chosen = [p for p in plans if p.immigration or p.children or len(p.staying_put.agreements) > 1]
    assert len(chosen) >= 3
    for p in chosen:
        store.save(p, today=TODAY)
    for plan in chosen:
        view = open_in(window, qtbot, plan.id)
        for key in ("about", "home", "reviews", "advisers", "support"):
            page = view.show_area(key)
            qtbot.wait(5)
            assert_clean(screen_texts(window), f"{plan.person.display_name}: {key}")
            for card in page.prompts.cards:
                if card.prompt.answered_by is not None:
                    card.buttons[PromptAnswer.DONE].click()
                    assert_clean(screen_texts(card), f"{key}: a prompt answered with a value")
                    card.close_form()
        for dlg in (HtmlCopyDialog(plan, window), PdfExportDialog(plan, TODAY, window, edition="staying-put")):
            dlg.show()
            qtbot.waitExposed(dlg)
            assert_clean(screen_texts(dlg), type(dlg).__name__)
            dlg.reject()
    window.session.set_read_only("the folder /media/usb/records cannot be written to")
    window.read_only_state.reason = window.session.read_only_reason
    window._update_actions()
    assert_clean(screen_texts(window), "records that can only be read")
    assert_clean({say("read_only_banner", reason=window.session.read_only_reason): {"banner"}}, "the banner")
