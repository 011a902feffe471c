"""Research and statutory prompts for one part of the plan, as cards that can be answered.

:class:`PromptsPanel` asks the prompt engine what to raise for some plan areas and shows each
prompt as a card: how urgent it is (a word and a colour), what it means for the adviser, from
when it applies, what to ask the young person together, ideas for what to do, and where it
comes from. Each card can be answered here (the questions it asks:
:mod:`pathway_app.ui.prompt_answer`):

- **Done** — asks what was done (optional) and, for a prompt answered by doing the thing (the
  rule's ``answered_by``: the date the needs assessment was done, the adviser's name and start,
  a yes or no …), the value itself: it goes into the plan where it belongs
  (:func:`pathway_app.domain.guidance.answers.record_done`), so the prompt goes everywhere;
- **Not relevant** — asks why (required);
- **Later** — asks when to come back to it (a date after today, required).

The answer goes into ``plan.prompt_responses`` and the panel emits ``planChanged`` so the
window saves. Answered prompts can be shown with who answered and when.

Signals (PromptsPanel):
    planChanged(): the plan was changed (a prompt was answered); save it.
    responded(object response, list changes): the
        :class:`~pathway_app.domain.model.PromptResponse` recorded, and what the answer wrote in
        the plan: ``("field", record, attr, before, after)`` or ``("record", list, record,
        field id)``.
    recorded(str path): *Done* wrote a value into the plan at ``path`` (the window goes there).
    countChanged(int open): how many prompts are open in this panel's areas.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import label
from ..domain.guidance import Prompt, ResponseError, Urgency, considered, evaluate, respond
from ..domain.guidance.answers import record_done
from ..domain.model import Plan, PromptResponse, utcnow
from ..domain.vocab import PromptAnswer
from . import theme
from .fields import DateField, pretty_date
from .messages import say
from .prompt_answer import ResponseForm

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

_ANSWER_TIPS = {
    PromptAnswer.DONE: "We have talked about this or done it",
    PromptAnswer.NOT_RELEVANT: "This does not apply; say why",
    PromptAnswer.LATER: "Come back to it on a date",
}



class PromptCard(QFrame):
    """One prompt: urgency, wording for the adviser and for the young person, ideas, source.

    Signals:
        answered(object card, str answer, str note, object until, object value): Save was
            pressed (``value``: what *Done* records in the plan, for a prompt answered by doing
            the thing; else None).
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
        self.applies: QLabel | None = None
        if prompt.applies_from and not answered_view:
            self.applies = _muted(_wrapping(prompt.applies_from, self))
            theme.set_font(self.applies, 0.9)
            self.applies.setAccessibleName("When this applies")
            lay.addWidget(self.applies)

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
        self.form: ResponseForm | None = None
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
        for answer, text in ((PromptAnswer.DONE, "Done…"), (PromptAnswer.NOT_RELEVANT, "Not relevant…"),
                             (PromptAnswer.LATER, "Later…")):
            tip = _ANSWER_TIPS[answer]
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

        self.form = ResponseForm(self, prompt.answered_by)
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
        for inp in self.form.inputs:
            if isinstance(inp.widget, DateField):
                inp.widget.line.returnPressed.connect(self._save)
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
        return self.form.validate(self.today)

    @property
    def values(self) -> tuple[PromptAnswer, str, date | None, Any]:
        """(answer, note, until, the value *Done* records in the plan or None)."""
        assert self.form is not None
        return self.form.values(self.today)

    def show_error(self, message: str) -> None:
        """A problem the engine reported (under the value it is about, else under the note)."""
        assert self.form is not None
        self.form.show_error(message)

    def set_read_only(self, reason: str) -> None:
        """The records can only be read: the answers are off, and say why."""
        for answer, b in self.buttons.items():
            b.setEnabled(not reason)
            b.setToolTip(say("read_only_tip", reason=reason) if reason else _ANSWER_TIPS[answer])
        if reason and self.form is not None and self.form.isVisible():
            self.form.setVisible(False)

    def _save(self) -> None:
        if self.form is None or self.form.isHidden() or not self.validate():
            return
        answer, note, until, value = self.values
        self.answered.emit(self, answer.value, note, until, value)


# --------------------------------------------------------------------------- the panel


class PromptsPanel(QWidget):
    """The prompts for one part of the plan, each a card that can be answered.

    Call :meth:`set_prompts` with the plan, the prompt-engine area codes for this part
    (``["relationships"]``; ``None`` for every area), today and the name of the person using
    the app. The panel edits ``plan.prompt_responses`` and emits ``planChanged``.

    Signals:
        planChanged(): a prompt was answered; the plan needs saving.
        responded(object response, list changes): the PromptResponse just recorded, and what
            the answer wrote in the plan (see the module).
        recorded(str path): *Done* wrote a value into the plan there.
        countChanged(int open): the number of open prompts shown.
    """

    planChanged = Signal()
    responded = Signal(object, list)
    recorded = Signal(str)
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
        #: why the records can only be read ("" when the prompts can be answered)
        self.read_only_reason = ""

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

    def set_read_only(self, reason: str) -> None:
        """The records can only be read (``reason``), or can be changed again (""): the cards'
        answers are off meanwhile, with the reason in their tips."""
        self.read_only_reason = reason
        for card in self.cards:
            card.set_read_only(reason)

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
            if self.read_only_reason:
                card.set_read_only(self.read_only_reason)
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
                     value: Any = None) -> None:
        if self.plan is None or self.read_only_reason:
            return
        changes: list[tuple[Any, ...]] = []
        path, still = "", False
        try:
            if value is not None:  # done by doing the thing: the value goes into the plan first
                changes = self._change_of(card.prompt)
                done = record_done(self.plan, card.prompt, value, by=self.user_name, today=self.today, note=note)
                resp, path, still = done.response, done.path, done.still_raised
                changes = self._after(changes)
            else:
                resp = respond(self.plan, card.prompt, answer, note, self.user_name, utcnow(), until,
                               today=self.today)
        except ResponseError as exc:
            card.show_error(str(exc)[:1].upper() + str(exc)[1:] + ".")
            return
        index = self.cards.index(card) if card in self.cards else 0
        self.refresh()
        self.responded.emit(resp, changes)
        self.planChanged.emit()  # the window may set the prompts again here
        self._focus_after(index)
        if still:
            QMessageBox.information(self, "Still to do", say("still_raised", prompt=card.prompt.practitioner_text))
        if path:
            self.recorded.emit(path)

    def _change_of(self, prompt: Prompt) -> list[tuple[Any, ...]]:
        """Where *Done* will write, as it is before: ``("field", record, attr, before)`` or
        ``("record", list, length)`` (completed by :meth:`_after`)."""
        spec = prompt.answered_by
        assert spec is not None and self.plan is not None
        owner: Any = self.plan
        *parents, attr = spec.field.split(".")
        for part in parents:
            owner = getattr(owner, part)
        if spec.kind == "record":
            lst = getattr(owner, attr)
            return [("record", lst, len(lst), spec.field)]
        return [("field", owner, attr, getattr(owner, attr))]

    @staticmethod
    def _after(before: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for change in before:
            if change[0] == "record":
                _kind, lst, length, fid = change
                out.extend(("record", lst, rec, fid) for rec in lst[length:])
            else:
                _kind, owner, attr, old = change
                out.append(("field", owner, attr, old, getattr(owner, attr)))
        return out

    def _focus_after(self, index: int) -> None:
        """Keep keyboard focus nearby: the next card's first button, else the toggle or title."""
        if self.cards:
            card = self.cards[min(index, len(self.cards) - 1)]
            card.buttons[PromptAnswer.DONE].setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(card)
        elif self.toggle.isVisible():
            self.toggle.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["PromptCard", "PromptsPanel", "URGENCY_WORDS", "describe_response", "urgency_colour"]
