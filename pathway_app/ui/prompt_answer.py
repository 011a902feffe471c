"""The question a prompt's card asks when it is answered, and the boxes it asks with.

:class:`ResponseForm` opens under a card's *Done…*, *Not relevant…* and *Later…* buttons:

- **Done** asks what was done (optional). A prompt answered by doing the thing (the rule's
  ``answered_by``: "needs assessment overdue" is answered by the date it was done, "no personal
  adviser" by the adviser's name and start) asks for that too, with one box per field — a date
  (never after today), yes or no, words, one of a list — labelled with the field's words from
  the catalogue. What is given goes into the plan where it belongs
  (:func:`pathway_app.domain.guidance.answers.record_done`), so the prompt goes everywhere.
- **Not relevant** asks why (required).
- **Later** asks when to come back to it (a date after today, required).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import help_text, label
from ..domain.guidance.types import AnswerField
from ..domain.introspect import field_ids
from ..domain.labels import choices as vocab_choices
from ..domain.model import Plan
from ..domain.vocab import PromptAnswer
from . import theme
from .fields import DATE_HINT, DateField, FieldBlock, fit_lines, format_date, parse_date, pretty_date, with_mnemonic
from .messages import say


class AnswerInput:
    """One box asking for the value of a field of the plan (``fid``) of a kind: ``date``,
    ``bool``, ``text`` or ``choice`` (``allowed``: the codes offered, all when empty)."""

    def __init__(self, fid: str, kind: str, parent: QWidget, words: str = "", allowed: tuple[str, ...] = (),
                 key: str = ""):
        self.fid = fid
        self.kind = kind
        self.words = words or label(fid)
        help_words = help_text(fid)
        w: QWidget
        if kind == "date":
            w = DateField(parent)
            w.latest = date.today()  # set again when asked: the calendar offers no day after today
            help_words = f"{help_words}. {DATE_HINT}" if help_words else DATE_HINT
        elif kind in ("bool", "choice"):
            w = QComboBox(parent)
            w.addItem("Choose…", None)
            if kind == "bool":
                w.addItem("Yes", True)
                w.addItem("No", False)
            else:
                vocab = field_ids(Plan)[fid].type.__name__
                for code, text in vocab_choices(vocab):
                    if not allowed or code in allowed:
                        w.addItem(text, code)
        else:
            w = QPlainTextEdit(parent)
            w.setTabChangesFocus(True)
            fit_lines(w, 2)
        self.widget = w
        self.block = FieldBlock(with_mnemonic(self.words, key), w, help_words, parent=parent, wrap=True)

    def reset(self, today: date) -> None:
        """Ready for a new answer: a date box shows today (the usual answer), the rest are empty."""
        w: Any = self.widget
        self.block.set_error("")
        if self.kind == "date":
            w.latest = today
            w.set_text(format_date(today))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(0)
        else:
            w.setPlainText("")

    def focus(self) -> None:
        w: Any = self.widget
        w.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.kind == "date":
            w.line.selectAll()

    def read(self, today: date) -> Any:
        """The value given, as the field holds it; ValueError with the problem in words."""
        w: Any = self.widget
        if self.kind == "date":
            try:
                value = parse_date(w.text())
            except ValueError as exc:
                raise ValueError(say("done_unreadable", field=self.words, problem=exc)) from None
            if value is not None and value > today:
                raise ValueError(say("value_not_after_today", field=self.words, today=pretty_date(today)))
        elif isinstance(w, QComboBox):
            value = w.currentData()
        else:
            value = w.toPlainText().strip() or None
        if value is None:
            raise ValueError(say("done_needed" if self.kind == "date" else "value_needed", field=self.words))
        return value


class ResponseForm(QFrame):
    """The question a card asks when it is answered: a note, a date for "later", and for a
    prompt answered by doing the thing, the value of the field behind it (see the module)."""

    QUESTIONS = {
        PromptAnswer.DONE: ("What was done?", "What was &done (optional)",
                            "A few words on what was done or agreed"),
        PromptAnswer.NOT_RELEVANT: ("Why is this not relevant?", "&Why it is not relevant",
                                    "Say why this does not apply to the young person"),
        PromptAnswer.LATER: ("When should we come back to this?", "A note (&optional)",
                             "Anything to remember when you come back to it"),
    }

    def __init__(self, parent: QWidget, answered_by: AnswerField | None = None):
        super().__init__(parent)
        self.setObjectName("ResponseForm")
        self.answer = PromptAnswer.DONE
        self.answered_by = answered_by
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
        #: the boxes for the value *Done* records in the plan (none for most prompts)
        self.inputs: list[AnswerInput] = []
        self.value_box = QWidget(self)
        box = QVBoxLayout(self.value_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        if answered_by is not None:
            if answered_by.kind == "record":
                heading = QLabel(answered_by.label, self.value_box)
                heading.setWordWrap(True)
                theme.set_font(heading, 0.95, bold=True)
                box.addWidget(heading)
                specs = field_ids(Plan)
                for i, name in enumerate(answered_by.fields):
                    fid = f"{answered_by.field}.{name}"
                    self.inputs.append(AnswerInput(fid, specs[fid].kind, self.value_box, key="o" if i == 0 else ""))
            else:
                self.inputs.append(AnswerInput(answered_by.field, answered_by.kind, self.value_box,
                                               words=answered_by.label, allowed=answered_by.choices, key="o"))
            for inp in self.inputs:
                box.addWidget(inp.block)
        self.value_box.setVisible(False)
        lay.addWidget(self.value_box)
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

    @property
    def asks_value(self) -> bool:
        """*Done* is being answered, and it records a value in the plan."""
        return self.answer is PromptAnswer.DONE and bool(self.inputs)

    def ask(self, answer: PromptAnswer, today: date) -> None:
        self.answer = answer
        question, note_label, help_words = self.QUESTIONS[answer]
        self.question.setText(question)
        assert self.note_block.label is not None
        self.note_block.label.setText(note_label)
        plain = note_label.replace("&", "")
        self.note.setAccessibleName(plain)
        self.note.setAccessibleDescription(help_words)
        self.note_block._help = help_words
        self.note.setToolTip(help_words)
        self.note.setPlaceholderText(help_words)
        self.note.clear()
        self.note_block.set_error("")
        self.date_block.set_error("")
        later = answer is PromptAnswer.LATER
        self.date_block.setVisible(later)
        self.date.set_text(format_date(today + timedelta(days=28)) if later else "")
        for inp in self.inputs:
            inp.reset(today)
        self.value_box.setVisible(self.asks_value)
        self.setVisible(True)
        if self.asks_value:
            self.inputs[0].focus()
        elif later:
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)
            self.date.line.selectAll()
        else:
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ reading the answer

    def validate(self, today: date) -> bool:
        """Check the answer; show each problem under its box. True when it can be saved."""
        self.note_block.set_error("")
        self.date_block.set_error("")
        ok = True
        first_wrong: QWidget | None = None
        if self.answer is PromptAnswer.NOT_RELEVANT and not self.note.text().strip():
            self.note_block.set_error(say("why_needed"))
            first_wrong = self.note
        if self.answer is PromptAnswer.LATER:
            try:
                until = parse_date(self.date.text())
            except ValueError as exc:
                self.date_block.set_error(say("later_unreadable", problem=exc))
            else:
                if until is None:
                    self.date_block.set_error(say("later_needed"))
                elif until <= today:
                    self.date_block.set_error(say("later_after_today", today=pretty_date(today)))
            if self.date_block.error_text():
                first_wrong = self.date
        if self.asks_value:
            for inp in self.inputs:
                try:
                    inp.read(today)
                except ValueError as exc:
                    inp.block.set_error(str(exc))
                    first_wrong = first_wrong or inp.widget
                else:
                    inp.block.set_error("")
        if first_wrong is not None:
            ok = False
            first_wrong.setFocus(Qt.FocusReason.OtherFocusReason)
        return ok

    def values(self, today: date) -> tuple[PromptAnswer, str, date | None, Any]:
        """(answer, note, until, value): ``value`` is what *Done* records in the plan (a dict of
        the fields asked for a new record), or None."""
        until = None
        if self.answer is PromptAnswer.LATER:
            try:
                until = parse_date(self.date.text())
            except ValueError:
                until = None
        value: Any = None
        if self.asks_value:
            assert self.answered_by is not None
            got = {inp.fid.rsplit(".", 1)[-1]: inp.read(today) for inp in self.inputs}
            value = got if self.answered_by.kind == "record" else next(iter(got.values()))
        return self.answer, self.note.text().strip(), until, value

    def show_error(self, message: str) -> None:
        """A problem the engine reported: under the value it is about, else under the note."""
        target = self.inputs[0].block if self.asks_value else self.note_block
        target.set_error(message)


__all__ = ["AnswerInput", "ResponseForm"]
