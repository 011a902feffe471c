"""Research and statutory prompts for one part of the plan, as cards that can be answered.

:class:`PromptsPanel` asks the prompt engine what to raise for some plan areas and shows each
prompt as a card: how urgent it is (a word and a colour), what it means for the adviser, what
to ask the young person together, ideas for what to do, and where it comes from. Each card can
be answered here:

- **Done** — asks what was done (optional) and, for a prompt that stands for a date (the needs
  assessment), the day it was done: the date goes into the plan where it belongs, so the
  warning goes everywhere (:mod:`pathway_app.domain.guidance.done_dates`);
- **Not relevant** — asks why (required);
- **Later** — asks when to come back to it (a date after today, required).

The answer goes into ``plan.prompt_responses`` through
:func:`pathway_app.domain.guidance.engine.respond` and the panel emits ``planChanged`` so the
window saves. Answered prompts can be shown with who answered and when.

Signals (PromptsPanel):
    planChanged(): the plan was changed (a prompt was answered); save it.
    responded(object response, list changes): the
        :class:`~pathway_app.domain.model.PromptResponse` recorded, and the fields the answer
        set as ``(record, attr, before, after)`` (the date a prompt stands for).
    countChanged(int open): how many prompts are open in this panel's areas.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from html import escape
from typing import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import help_text, label
from ..domain.guidance import Prompt, ResponseError, Urgency, considered, evaluate, respond
from ..domain.guidance.done_dates import done_changes, done_field
from ..domain.model import Plan, PromptResponse, utcnow
from ..domain.vocab import PromptAnswer
from . import theme
from .fields import DATE_HINT, DateField, FieldBlock, format_date, parse_date, pretty_date, with_mnemonic
from .messages import say

#: Words for each urgency, so it is never shown by colour alone.
URGENCY_WORDS = {
    Urgency.NOW: "Now",
    Urgency.SOON: "Soon",
    Urgency.CONSIDER: "Worth talking about",
}
_URGENCY_MARK = {Urgency.NOW: "●", Urgency.SOON: "◐", Urgency.CONSIDER: "○"}

_STYLE = """
QFrame#PromptCard {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 0.6em;
}
QFrame#PromptCardAnswered {
    background: transparent;
    border: 1px dashed palette(mid);
    border-radius: 0.6em;
}
QFrame#PromptQuote {
    background: palette(alternate-base);
    border-left: 0.25em solid palette(highlight);
    border-radius: 0.3em;
}
QFrame#ResponseForm {
    border-top: 1px solid palette(mid);
}
QScrollArea#PromptsScroll, QWidget#PromptsList {
    background: transparent;
    border: none;
}
"""


def urgency_colour(urgency: Urgency, palette: QPalette | None = None) -> QColor:
    """A colour for the urgency that reads on the current background (always paired with a word)."""
    dark = theme.is_dark(palette)
    if urgency is Urgency.NOW:
        return theme.attention_colour(palette)
    if urgency is Urgency.SOON:
        return QColor("#f2c46d") if dark else QColor("#8a5300")
    return theme.calm_colour(palette)


def _tint(label: QLabel, colour: QColor) -> QLabel:
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(pal)
    return label


def _muted(label: QLabel) -> QLabel:
    return _tint(label, theme.muted_colour(label.palette()))


def _wrapping(text: str, parent: QWidget, rich: bool = False) -> QLabel:
    lab = QLabel(text, parent)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def describe_response(resp: PromptResponse) -> str:
    """"Done by Sam on 3 Nov 2026: talked it through" — for answered cards and tooltips."""
    when = pretty_date(resp.at.date()) if resp.at is not None else "an unknown date"
    who = resp.by or "someone"
    if resp.answer is PromptAnswer.DONE:
        head = f"Done — {who}, {when}"
    elif resp.answer is PromptAnswer.NOT_RELEVANT:
        head = f"Not relevant — {who}, {when}"
    else:
        head = f"Later, on {pretty_date(resp.until)} — {who}, {when}"
    return f"{head}: {resp.note}" if resp.note else head


# --------------------------------------------------------------------------- one card


class _ResponseForm(QFrame):
    """The question a card asks when it is answered: a note, and a date for "later"."""

    QUESTIONS = {
        PromptAnswer.DONE: ("What was done?", "What was &done (optional)",
                            "A few words on what was done or agreed"),
        PromptAnswer.NOT_RELEVANT: ("Why is this not relevant?", "&Why it is not relevant",
                                    "Say why this does not apply to the young person"),
        PromptAnswer.LATER: ("When should we come back to this?", "A note (&optional)",
                             "Anything to remember when you come back to it"),
    }

    def __init__(self, parent: QWidget, done_on: str = ""):
        super().__init__(parent)
        self.setObjectName("ResponseForm")
        self.answer = PromptAnswer.DONE
        self.done_path = done_on  # the date *Done* records ("" when the prompt has none)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(6)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        theme.set_font(self.question, 1.0, bold=True)
        lay.addWidget(self.question)
        self.date = DateField(self)
        self.date_block = FieldBlock("Come &back to it on", self.date, DATE_HINT, parent=self)
        lay.addWidget(self.date_block)
        self.done_date: DateField | None = None  # only on a prompt that stands for a date
        self.done_block: FieldBlock | None = None
        if done_on:
            self.done_date = DateField(self)
            self.done_block = FieldBlock(with_mnemonic(label(done_on), "o"), self.done_date,
                                         f"{help_text(done_on) or 'The day it was done'}. {DATE_HINT}", parent=self)
            self.done_block.setVisible(False)
            lay.addWidget(self.done_block)
        self.note = QLineEdit(self)
        self.note_block = FieldBlock(with_mnemonic(label("prompt_responses.note"), "N"), self.note, "", parent=self)
        lay.addWidget(self.note_block)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setAccessibleName("Cancel this answer")
        self.save = QPushButton("Save", self)
        self.save.setObjectName("Primary")
        self.save.setAccessibleName("Save this answer")
        self.save.setDefault(True)
        row.addWidget(self.cancel)
        row.addWidget(self.save)
        lay.addLayout(row)

    def ask(self, answer: PromptAnswer, today: date) -> None:
        self.answer = answer
        question, note_label, help_text = self.QUESTIONS[answer]
        self.question.setText(question)
        self.note_block.label.setText(note_label)
        plain = note_label.replace("&", "")
        self.note.setAccessibleName(plain)
        self.note.setAccessibleDescription(help_text)
        self.note_block._help = help_text
        self.note.setToolTip(help_text)
        self.note.setPlaceholderText(help_text)
        self.note.clear()
        self.note_block.set_error("")
        self.date_block.set_error("")
        later = answer is PromptAnswer.LATER
        dated = answer is PromptAnswer.DONE and self.done_date is not None
        self.date_block.setVisible(later)
        self.date.set_text(format_date(today + timedelta(days=28)) if later else "")
        if self.done_block is not None and self.done_date is not None:
            self.done_block.set_error("")
            self.done_block.setVisible(dated)
            self.done_date.set_text(format_date(today) if dated else "")
        self.setVisible(True)
        first = self.date if later else self.done_date if dated else self.note
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        if later or dated:
            first.line.selectAll()


class PromptCard(QFrame):
    """One prompt: urgency, wording for the adviser and for the young person, ideas, source.

    Signals:
        answered(object card, str answer, str note, object until, object done_on): Save was
            pressed (``done_on``: the day it was done, for a prompt that stands for a date).
    """

    answered = Signal(object, str, str, object, object)

    def __init__(self, prompt: Prompt, today: date, answered_view: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.prompt = prompt
        self.today = today
        self.setObjectName("PromptCardAnswered" if answered_view else "PromptCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        words = URGENCY_WORDS[prompt.urgency]
        self.setAccessibleName(f"Prompt, {words.lower()}: {prompt.practitioner_text}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(8)

        self.urgency = QLabel(f"{_URGENCY_MARK[prompt.urgency]}  {words}", self)
        self.urgency.setAccessibleName(f"How urgent: {words}")
        theme.set_font(self.urgency, 0.9, bold=True)
        _tint(self.urgency, urgency_colour(prompt.urgency, self.palette()))
        lay.addWidget(self.urgency)

        self.text = _wrapping(prompt.practitioner_text, self)
        self.text.setAccessibleName("What to think about")
        lay.addWidget(self.text)
        if prompt.why and not answered_view:
            why = _muted(_wrapping(f"Why now: {prompt.why}", self))
            theme.set_font(why, 0.9)
            why.setAccessibleName("Why this came up")
            lay.addWidget(why)

        self.quote: QLabel | None = None
        if prompt.young_person_text and not answered_view:
            box = QFrame(self)
            box.setObjectName("PromptQuote")
            bl = QVBoxLayout(box)
            bl.setContentsMargins(10, 8, 10, 8)
            self.quote = _wrapping(
                f"<b>To ask together:</b> <i>“{escape(prompt.young_person_text)}”</i>", box, rich=True)
            self.quote.setAccessibleName("To ask together")
            bl.addWidget(self.quote)
            lay.addWidget(box)

        if prompt.suggested_actions and not answered_view:
            items = "".join(f"<li>{escape(a)}</li>" for a in prompt.suggested_actions)
            ideas = _wrapping(
                f"<b>Ideas</b><ul style='margin-left:-1.2em; margin-top:0.2em'>{items}</ul>", self, rich=True)
            ideas.setAccessibleName("Ideas for what to do")
            lay.addWidget(ideas)

        self.source: QLabel | None = None
        if prompt.citation:
            self.source = _muted(_wrapping(f"Source: {prompt.citation}", self))
            theme.set_font(self.source, 0.85)
            self.source.setAccessibleName("Where this comes from")
            lay.addWidget(self.source)

        self.buttons: dict[PromptAnswer, QPushButton] = {}
        self.form: _ResponseForm | None = None
        self.status: QLabel | None = None
        self._button_row: QBoxLayout | None = None  # the answer buttons (none on an answered card)
        if answered_view:
            if prompt.response is not None:
                self.status = _wrapping(describe_response(prompt.response), self)
                theme.set_font(self.status, 0.95, italic=True)
                self.status.setAccessibleName("The answer")
                lay.insertWidget(2, self.status)  # under the prompt, above the source
            return

        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(6)
        self._button_row = row
        short = prompt.practitioner_text if len(prompt.practitioner_text) < 90 else prompt.practitioner_text[:87] + "…"
        for answer, text, tip in (
            (PromptAnswer.DONE, "Done…", "We have talked about this or done it"),
            (PromptAnswer.NOT_RELEVANT, "Not relevant…", "This does not apply; say why"),
            (PromptAnswer.LATER, "Later…", "Come back to it on a date"),
        ):
            b = QPushButton(text, self)
            b.setAccessibleName(f"{text.rstrip('…')}")
            b.setAccessibleDescription(f"{tip}. Prompt: {short}")
            b.setToolTip(tip)
            b.setAutoDefault(False)
            b.clicked.connect(partial(self._open_form, answer))
            # a narrow column stacks the buttons (see resizeEvent) rather than cutting them off
            b.setMinimumWidth(1)
            row.addWidget(b)
            self.buttons[answer] = b
        row.addStretch(1)
        lay.addLayout(row)

        self.form = _ResponseForm(self, done_field(prompt.rule_id) or "")
        self.form.setVisible(False)
        self._scroll_to: QScrollArea | None = None
        self._form_soon = QTimer(self)
        self._form_soon.setSingleShot(True)
        self._form_soon.setInterval(0)
        self._form_soon.timeout.connect(self._show_form_again)
        self.form.cancel.clicked.connect(self.close_form)
        self.form.save.clicked.connect(self._save)
        self.form.note.returnPressed.connect(self._save)
        self.form.date.line.returnPressed.connect(self._save)
        if self.form.done_date is not None:
            self.form.done_date.line.returnPressed.connect(self._save)
        lay.addWidget(self.form)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        row = self._button_row
        if row is None:
            return
        m = self.layout().contentsMargins()
        one_row = sum(b.sizeHint().width() for b in self.buttons.values()) + row.spacing() * 2
        wanted = (QBoxLayout.Direction.LeftToRight if one_row <= self.width() - m.left() - m.right()
                  else QBoxLayout.Direction.TopToBottom)
        if row.direction() != wanted:
            row.setDirection(wanted)

    # ------------------------------------------------------------------ answering

    def _open_form(self, answer: PromptAnswer) -> None:
        assert self.form is not None
        for a, b in self.buttons.items():
            b.setEnabled(a is answer)
        self.form.ask(answer, self.today)
        self.bring_form_into_view()

    def bring_form_into_view(self) -> None:
        """Scroll the prompts column so the question just opened shows in full (it opens under
        the card, which may be at the bottom of the column)."""
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is None or self.form is None:
            return
        for w in (self.form, self, scroll.widget()):  # the form's height counts before scrolling to it
            if w is not None and w.layout() is not None:
                w.layout().activate()
        scroll.ensureWidgetVisible(self.form, 0, 12)
        self._scroll_to = scroll  # again once the layout has settled
        self._form_soon.start()

    def _show_form_again(self) -> None:
        if self.form is not None and self.form.isVisible() and self._scroll_to is not None:
            self._scroll_to.ensureWidgetVisible(self.form, 0, 12)

    def close_form(self) -> None:
        if self.form is None:
            return
        self.form.setVisible(False)
        for b in self.buttons.values():
            b.setEnabled(True)
        self.buttons[self.form.answer].setFocus(Qt.FocusReason.OtherFocusReason)

    def validate(self) -> bool:
        """Check the form; show each problem under its field. True when it can be saved."""
        assert self.form is not None
        f = self.form
        f.note_block.set_error("")
        f.date_block.set_error("")
        ok = True
        if f.answer is PromptAnswer.NOT_RELEVANT and not f.note.text().strip():
            f.note_block.set_error(say("why_needed"))
            f.note.setFocus(Qt.FocusReason.OtherFocusReason)
            ok = False
        if f.answer is PromptAnswer.LATER:
            try:
                until = parse_date(f.date.text())
            except ValueError as exc:
                f.date_block.set_error(say("later_unreadable", problem=exc))
                ok = False
            else:
                if until is None:
                    f.date_block.set_error(say("later_needed"))
                    ok = False
                elif until <= self.today:
                    f.date_block.set_error(say("later_after_today", today=pretty_date(self.today)))
                    ok = False
            if not ok:
                f.date.setFocus(Qt.FocusReason.OtherFocusReason)
        if f.answer is PromptAnswer.DONE and f.done_block is not None and f.done_date is not None:
            words = label(f.done_path)
            try:
                done_on = parse_date(f.done_date.text())
            except ValueError as exc:
                f.done_block.set_error(say("done_unreadable", field=words, problem=exc))
                done_on, ok = None, False
            else:
                if done_on is None:
                    f.done_block.set_error(say("done_needed", field=words))
                    ok = False
                elif done_on > self.today:
                    f.done_block.set_error(say("done_not_after_today", field=words, today=pretty_date(self.today)))
                    ok = False
            if not ok:
                f.done_date.setFocus(Qt.FocusReason.OtherFocusReason)
        return ok

    @property
    def values(self) -> tuple[PromptAnswer, str, date | None, date | None]:
        """(answer, note, until, done on)."""
        assert self.form is not None
        f = self.form

        def read(box: DateField) -> date | None:
            try:
                return parse_date(box.text())
            except ValueError:
                return None

        until = read(f.date) if f.answer is PromptAnswer.LATER else None
        done_on = read(f.done_date) if f.answer is PromptAnswer.DONE and f.done_date is not None else None
        return f.answer, f.note.text().strip(), until, done_on

    def show_error(self, message: str) -> None:
        """A problem the engine reported (shown under the note)."""
        assert self.form is not None
        self.form.note_block.set_error(message)

    def _save(self) -> None:
        if self.form is None or self.form.isHidden() or not self.validate():
            return
        answer, note, until, done_on = self.values
        self.answered.emit(self, answer.value, note, until, done_on)


# --------------------------------------------------------------------------- the panel


class PromptsPanel(QWidget):
    """The prompts for one part of the plan, each a card that can be answered.

    Call :meth:`set_prompts` with the plan, the prompt-engine area codes for this part
    (``["relationships"]``; ``None`` for every area), today and the name of the person using
    the app. The panel edits ``plan.prompt_responses`` and emits ``planChanged``.

    Signals:
        planChanged(): a prompt was answered; the plan needs saving.
        responded(object response): the PromptResponse just recorded.
        countChanged(int open): the number of open prompts shown.
    """

    planChanged = Signal()
    responded = Signal(object, list)
    countChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, title: str = "", lazy: bool = False):
        super().__init__(parent)
        #: With ``lazy``, cards are only built while the panel is on screen (a plan has a panel
        #: on every page; building them all on every change would make opening a plan slow).
        self.lazy = lazy
        self._stale = False
        self.setObjectName("PromptsPanel")
        self.setStyleSheet(_STYLE)
        self.plan: Plan | None = None
        self.area_codes: tuple[str, ...] | None = None
        self.today: date = date.today()
        self.user_name = ""
        self.open_prompts: list[Prompt] = []
        self.answered_prompts: list[Prompt] = []
        self.cards: list[PromptCard] = []
        self.answered_cards: list[PromptCard] = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        title = title or label("prompt_responses")  # one name for the panel on every page
        self.title = QLabel(title, self)
        theme.set_font(self.title, 1.1, bold=True)
        self.title.setAccessibleName(title)
        lay.addWidget(self.title)

        self.empty = _muted(_wrapping("Nothing to raise here right now.", self))
        theme.set_font(self.empty, 1.0, italic=True)
        self.empty.setAccessibleName("Nothing to raise here right now")
        self.empty.setVisible(False)
        lay.addWidget(self.empty)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("PromptsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAccessibleName("Prompts")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the cards' buttons, not the frame
        self.list = QWidget(self.scroll)
        self.list.setObjectName("PromptsList")
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.setSpacing(10)
        self.list_layout.addStretch(1)
        self.scroll.setWidget(self.list)
        lay.addWidget(self.scroll, 1)
        lay.addStretch(0)  # with no cards, the title and "nothing to raise" stay at the top

        self.toggle = QPushButton(self.list)
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleDescription("Show or hide the prompts that have been answered, with who and when")
        self.toggle.toggled.connect(self._on_toggle)
        self.toggle.setVisible(False)
        self.list_layout.insertWidget(0, self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._set_toggle_text()

    # ------------------------------------------------------------------ public

    def set_prompts(self, plan: Plan | None, area_codes: Iterable[str] | None, today: date,
                    user_name: str, evaluated: tuple[list[Prompt], list[Prompt]] | None = None) -> None:
        """Show the prompts for ``area_codes`` of ``plan`` on ``today``; answers are by ``user_name``.

        ``evaluated`` is ``(evaluate(plan, today), considered(plan, today))`` when the caller
        has already asked the engine (a plan view does it once for all its pages).
        """
        self.plan = plan
        self.area_codes = tuple(area_codes) if area_codes is not None else None
        self.today = today
        self.user_name = user_name
        self.refresh(evaluated)

    def refresh(self, evaluated: tuple[list[Prompt], list[Prompt]] | None = None) -> None:
        """Ask the engine again (after the plan changed elsewhere)."""
        if self.plan is None:
            self.open_prompts, self.answered_prompts = [], []
        else:
            raised, seen = evaluated if evaluated is not None else (
                evaluate(self.plan, self.today), considered(self.plan, self.today))
            self.open_prompts = [p for p in raised if self._mine(p)]
            open_ids = {p.rule_id for p in self.open_prompts}
            self.answered_prompts = [
                p for p in seen if p.response is not None and p.rule_id not in open_ids and self._mine(p)
            ]
        if self.lazy and not self.isVisible():
            self._stale = True
        else:
            self._rebuild()
        self.countChanged.emit(len(self.open_prompts))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._rebuild()
        super().showEvent(event)

    def open_count(self) -> int:
        return len(self.open_prompts)

    # ------------------------------------------------------------------ building

    def _mine(self, p: Prompt) -> bool:
        return self.area_codes is None or p.area in self.area_codes

    def _clear(self, cards: list[PromptCard]) -> None:
        for c in cards:
            self.list_layout.removeWidget(c)
            c.hide()
            c.deleteLater()
        cards.clear()

    def _rebuild(self) -> None:
        self._stale = False
        self._clear(self.cards)
        self._clear(self.answered_cards)
        at = 0
        for p in self.open_prompts:
            card = PromptCard(p, self.today, parent=self.list)
            card.answered.connect(self._on_answered)
            self.list_layout.insertWidget(at, card)
            card.show()  # now, not when the layout gets round to it: focus may move to it
            self.cards.append(card)
            at += 1
        # the toggle sits under the open prompts, just above the answered ones it shows
        self.list_layout.removeWidget(self.toggle)
        self.list_layout.insertWidget(at, self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        at += 1
        if self.toggle.isChecked():
            for p in self.answered_prompts:
                card = PromptCard(p, self.today, answered_view=True, parent=self.list)
                self.list_layout.insertWidget(at, card)
                card.show()
                self.answered_cards.append(card)
                at += 1
        self.empty.setVisible(self.plan is not None and not self.open_prompts)
        self.scroll.setVisible(bool(self.cards or self.answered_prompts))
        self.toggle.setVisible(bool(self.answered_prompts))
        if not self.answered_prompts and self.toggle.isChecked():
            self.toggle.blockSignals(True)
            self.toggle.setChecked(False)
            self.toggle.blockSignals(False)
        self._set_toggle_text()

    def _set_toggle_text(self) -> None:
        n = len(self.answered_prompts)
        text = f"Hide answered ({n})" if self.toggle.isChecked() else f"Show answered ({n})"
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)

    def _on_toggle(self, _checked: bool) -> None:
        self._rebuild()

    # ------------------------------------------------------------------ answering

    def _on_answered(self, card: PromptCard, answer: str, note: str, until: date | None,
                     done_on: date | None = None) -> None:
        if self.plan is None:
            return
        try:
            resp = respond(self.plan, card.prompt, answer, note, self.user_name, utcnow(), until,
                           today=self.today)
        except ResponseError as exc:
            card.show_error(str(exc).capitalize() + ".")
            return
        changes = []
        if done_on is not None:  # the date the prompt stands for, where it belongs in the plan
            for record, attr, value in done_changes(self.plan, card.prompt.rule_id, done_on):
                changes.append((record, attr, getattr(record, attr), value))
                setattr(record, attr, value)
        index = self.cards.index(card) if card in self.cards else 0
        self.refresh()
        self.responded.emit(resp, changes)
        self.planChanged.emit()  # the window may set the prompts again here
        self._focus_after(index)

    def _focus_after(self, index: int) -> None:
        """Keep keyboard focus nearby: the next card's first button, else the toggle or title."""
        if self.cards:
            card = self.cards[min(index, len(self.cards) - 1)]
            card.buttons[PromptAnswer.DONE].setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(card)
        elif self.toggle.isVisible():
            self.toggle.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["PromptCard", "PromptsPanel", "URGENCY_WORDS", "describe_response", "urgency_colour"]
