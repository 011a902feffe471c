"""Form widgets bound to one field of a plan record, with a visible error beside each.

A :class:`Form` edits one record (``plan.person``, a selected relationship ...). Each field it
makes is a :class:`FieldBlock`: a label, the input widget and an error line under it. The label
and the help come from the field catalogue (:mod:`pathway_app.domain.fields`) by the field's
id: a page names the field (``form.text("given_name", key="G")``), never its words. Edits go
through the :class:`~pathway_app.ui.session.PlanSession` as undo commands; the form listens for
``fieldChanged`` to show undo/redo and edits made elsewhere (the same field may appear on two
pages, e.g. the young person's words for "Home" on the Home page and in the support plan).

Text a widget cannot read (a date like "31/02/2026") stays in the widget, is reported beside
it and in the status line, and nothing is saved until it is fixed. A problem with the field
being typed in is shown (or cleared) when the cursor leaves it, so the form never jumps while
someone types.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain import fields as catalogue
from ..domain.labels import choices
from ..domain.labels import label as vocab_label
from ..domain.validation import Problem
from . import theme
from .date_field import DATE_HINT, DateField, format_date, parse_date, pretty_date  # noqa: F401 - used from here too
from .session import PlanSession


def fit_lines(edit: QPlainTextEdit, lines: int) -> None:
    """A text box ``lines`` tall in its own font (longer text scrolls inside it)."""
    fm = edit.fontMetrics()
    margins = edit.contentsMargins()
    doc_margin = edit.document().documentMargin()
    edit.setFixedHeight(int(fm.lineSpacing() * lines + 2 * doc_margin + margins.top() + margins.bottom() + 4))
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


# --------------------------------------------------------------------------- blocks


def with_mnemonic(text: str, key: str = "") -> str:
    """``text`` with Alt+``key`` as its keyboard shortcut: ("Given name", "G") → "&Given name".

    The letter is underlined where it first appears in the words; words an organisation
    changed so that they lack the letter simply have no shortcut.
    """
    text = text.replace("&", "&&")
    if not key:
        return text
    i = text.lower().find(key.lower())
    return text if i < 0 else text[:i] + "&" + text[i:]



class FieldBlock(QWidget):
    """A label above its input and an error line below (hidden when all is well).

    ``wrap``: the label may wrap onto a second line rather than set the width of its column —
    in a two-column form at a large system font, two long labels side by side would otherwise
    push the form off the side of the page (:class:`Form` makes its blocks so).
    """

    def __init__(self, label: str, widget: QWidget, help_text: str = "", wide: bool = False,
                 parent: QWidget | None = None, wrap: bool = False):
        super().__init__(parent)
        self.wide = wide
        self.widget = widget
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        if isinstance(widget, QCheckBox):
            self.label = None
            lay.addWidget(widget)
        else:
            self.label = QLabel(label, self)
            self.label.setWordWrap(wrap)
            self.label.setBuddy(widget.focusProxy() or widget)
            theme.set_font(self.label, 0.95, bold=True)
            lay.addWidget(self.label)
            lay.addWidget(widget)
        plain = label.replace("&", "")
        widget.setAccessibleName(plain)
        widget.setAccessibleDescription(help_text or plain)
        self._help = help_text or plain
        if help_text:
            widget.setToolTip(help_text)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.error.setAccessibleName(f"Problem with {plain.lower()}")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.error)
        self.hint: QLabel | None = None

    @property
    def wide(self) -> bool:
        """It takes a whole row of a :func:`grid` (a text box for notes, a long check box)."""
        return bool(self.property("wide"))

    @wide.setter
    def wide(self, on: bool) -> None:
        self.setProperty("wide", on)

    def add_hint(self, text: str) -> None:
        self.hint = QLabel(text, self)
        self.hint.setWordWrap(True)
        theme.set_font(self.hint, 0.9)
        theme.tone(self.hint, "muted")
        self.layout().insertWidget(self.layout().count() - 1, self.hint)

    def set_error(self, message: str) -> None:
        if message:
            theme.tone(self.error, "attention")
            self.error.setText("⚠ " + message)
            self.error.setVisible(True)
            self.widget.setAccessibleDescription(f"{self._help}. Problem: {message}")
        elif not self.error.isHidden() or self.error.text():
            self.error.setText("")
            self.error.setVisible(False)
            self.widget.setAccessibleDescription(self._help)

    def error_text(self) -> str:
        return self.error.text()[2:] if not self.error.isHidden() else ""


def grid(blocks: list[QWidget], columns: int = 2, parent: QWidget | None = None) -> QWidget:
    """Lay blocks out in ``columns``; a block whose ``wide`` property is true takes a whole row
    (:attr:`FieldBlock.wide`; any other widget: ``setProperty("wide", True)``)."""
    w = QWidget(parent)
    g = QGridLayout(w)
    g.setContentsMargins(0, 0, 0, 0)
    g.setHorizontalSpacing(18)
    g.setVerticalSpacing(10)
    row = col = 0
    for b in blocks:
        if b.property("wide"):
            if col:
                row, col = row + 1, 0
            g.addWidget(b, row, 0, 1, columns)
            row += 1
            continue
        g.addWidget(b, row, col, Qt.AlignmentFlag.AlignTop)
        col += 1
        if col == columns:
            row, col = row + 1, 0
    for c in range(columns):
        g.setColumnStretch(c, 1)
    return w


# --------------------------------------------------------------------------- the form


class _Field:
    __slots__ = ("attr", "kind", "block", "widget", "label", "enum", "allow_none")

    def __init__(self, attr: str, kind: str, block: FieldBlock, widget: QWidget, label: str,
                 enum: type[Enum] | None = None, allow_none: bool = False):
        self.attr = attr
        self.kind = kind
        self.block = block
        self.widget = widget
        self.label = label
        self.enum = enum
        self.allow_none = allow_none


class _FocusOut(QObject):
    """When a field loses focus: close the current undo step and show its problems."""

    def __init__(self, form: Form):
        super().__init__(form)
        self._form = form

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self._form.session.close_merge()
            self._form._show_errors()
        return False


def _combo() -> QComboBox:
    """A drop-down whose width follows its column, not its longest choice.

    Without this a two-column form is as wide as its longest choice twice over, and a large
    system font pushes the form off the side of the page (a sideways scroll bar). The list
    that drops down still shows every choice in full.
    """
    w = QComboBox()
    w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    w.setMinimumContentsLength(12)
    return w


class Form(QObject):
    """Fields of one record; ``set_target(record, prefix)`` points them at a record.

    ``fields`` is the catalogue id of the record ("person", "relationships",
    "support_areas.actions"; "" for the plan itself): each field's words are looked up as
    ``<fields>.<attr>``. ``prefix`` is the record's path in the plan ("person",
    "relationships[<id>]") — a string, or a callable when it may change — used to match the
    validation problems that name its fields.
    """

    def __init__(self, session: PlanSession, parent: QObject | None = None, fields: str = ""):
        super().__init__(parent)
        self.session = session
        self.field_base = fields
        self.target: Any = None
        self._prefix: str | Callable[[], str] = ""
        self.fields: list[_Field] = []
        self._by_attr: dict[str, list[_Field]] = {}
        self._focus = _FocusOut(self)
        session.fieldChanged.connect(self._on_field_changed)
        session.problemsChanged.connect(self._on_problems)
        session.inputErrorsChanged.connect(self._on_input_errors)
        session.planReplaced.connect(self._on_plan_replaced)
        session.readOnlyChanged.connect(self._on_read_only)

    # ----------------------------------------------------------- building

    def field_id(self, attr: str) -> str:
        """The catalogue id of ``attr`` of this form's record ("person.given_name")."""
        return f"{self.field_base}.{attr}" if self.field_base else attr

    def words(self, attr: str) -> tuple[str, str]:
        """(label, help) of ``attr`` from the field catalogue."""
        fid = self.field_id(attr)
        return catalogue.label(fid), catalogue.help_text(fid)

    def _add(self, attr: str, kind: str, widget: QWidget, key: str, wide: bool = False,
             enum: type[Enum] | None = None, allow_none: bool = False, hint: str = "") -> FieldBlock:
        label, help_text = self.words(attr)
        if hint:
            help_text = f"{help_text} {hint}" if help_text else hint
        block = FieldBlock(with_mnemonic(label, key), widget, help_text, wide, wrap=True)
        f = _Field(attr, kind, block, widget, label, enum, allow_none)
        self.fields.append(f)
        self._by_attr.setdefault(attr, []).append(f)
        widget.setEnabled(False)
        return block

    def text(self, attr: str, key: str = "", placeholder: str = "") -> FieldBlock:
        w = QLineEdit()
        if placeholder:
            w.setPlaceholderText(placeholder)
        block = self._add(attr, "text", w, key)
        w.textEdited.connect(self._text_edited)
        w.installEventFilter(self._focus)
        w.setProperty("_attr", attr)
        return block

    def notes(self, attr: str, key: str = "", placeholder: str = "", lines: int = 3,
              wide: bool = True) -> FieldBlock:
        w = QPlainTextEdit()
        w.setTabChangesFocus(True)  # Tab moves on: keyboard users can leave the box
        if placeholder:
            w.setPlaceholderText(placeholder)
        fit_lines(w, lines)
        block = self._add(attr, "notes", w, key, wide=wide)
        w.textChanged.connect(self._notes_changed)
        w.installEventFilter(self._focus)
        w.setProperty("_attr", attr)
        return block

    def date(self, attr: str, key: str = "") -> FieldBlock:
        w = DateField()
        block = self._add(attr, "date", w, key, hint=DATE_HINT)
        w.setProperty("_attr", attr)
        w.edited.connect(self._date_edited)
        w.finished.connect(self._date_finished)
        w.line.installEventFilter(self._focus)
        return block

    def choice(self, attr: str, enum: type[Enum], key: str = "", none_text: str = "") -> FieldBlock:
        w = _combo()
        if none_text:
            w.addItem(none_text, None)
        for code, words in choices(enum.__name__):
            w.addItem(words, code)
        w.setProperty("_attr", attr)
        block = self._add(attr, "choice", w, key, enum=enum, allow_none=bool(none_text))
        w.currentIndexChanged.connect(self._choice_changed)
        return block

    def check(self, attr: str, key: str = "") -> FieldBlock:
        w = QCheckBox()
        w.setProperty("_attr", attr)
        block = self._add(attr, "check", w, key)
        w.setText(with_mnemonic(self.words(attr)[0], key))
        w.toggled.connect(self._check_toggled)
        return block

    def yes_no(self, attr: str, key: str = "") -> FieldBlock:
        """A yes / no / not known answer (``bool | None``)."""
        w = _combo()
        w.addItem("Not known yet", None)
        w.addItem("Yes", True)
        w.addItem("No", False)
        w.setProperty("_attr", attr)
        block = self._add(attr, "yes_no", w, key)
        w.currentIndexChanged.connect(self._yes_no_changed)
        return block

    # ----------------------------------------------------------- target

    @property
    def prefix(self) -> str:
        p = self._prefix
        return p() if callable(p) else p

    def set_target(self, record: Any, prefix: str | Callable[[], str] = "") -> None:
        self.target = record
        self._prefix = prefix
        for f in self.fields:
            self._editable(f)
            self._refresh(f)
        self._show_errors()

    def _editable(self, f: _Field) -> None:
        """A field takes typing while it has a record and the records can be changed; when they
        can only be read, its words stay on screen to read, select and copy."""
        on = self.target is not None
        read_only = self.session.read_only
        w: Any = f.widget
        if f.kind in ("text", "notes"):
            w.setEnabled(on)
            w.setReadOnly(read_only)
        elif f.kind == "date":
            w.setEnabled(on)
            w.line.setReadOnly(read_only)
            w.button.setEnabled(not read_only)
        else:
            w.setEnabled(on and not read_only)

    def _on_read_only(self, _reason: str) -> None:
        for f in self.fields:
            self._editable(f)

    def rebind(self, widget: QWidget, attr: str, fields: str | None = None) -> None:
        """Point an existing field's widget at another attribute — of another kind of record
        when ``fields`` is given (together mode reuses one box for every question)."""
        if fields is not None:
            self.field_base = fields
        for f in self.fields:
            if f.widget is widget:
                f.label = self.words(attr)[0]
                old = f.attr
                self._by_attr[old] = [x for x in self._by_attr.get(old, []) if x is not f]
                if not self._by_attr[old]:
                    del self._by_attr[old]
                f.attr = attr
                self._by_attr.setdefault(attr, []).append(f)
                widget.setProperty("_attr", attr)
                return

    def path_of(self, attr: str) -> str:
        p = self.prefix
        return f"{p}.{attr}" if p else attr

    def block(self, attr: str) -> FieldBlock:
        return self._by_attr[attr][0].block

    def widget(self, attr: str) -> QWidget:
        return self._by_attr[attr][0].widget

    # ----------------------------------------------------------- model → widgets

    def _refresh(self, f: _Field) -> None:
        w = f.widget
        value = getattr(self.target, f.attr) if self.target is not None else None
        blocked = w.blockSignals(True)
        try:
            if f.kind == "text":
                text = value or ""
                if w.text() != text:
                    w.setText(text)
            elif f.kind == "notes":
                text = value or ""
                if w.toPlainText() != text:
                    w.setPlainText(text)
            elif f.kind == "date":
                text = format_date(value)
                if w.text() != text:
                    w.set_text(text)
                if self.target is not None:
                    self.session.set_input_error(self.path_of(f.attr), None)
            elif f.kind == "choice":
                code = value.value if isinstance(value, Enum) else value
                i = w.findData(code)
                if i < 0 and value is not None:  # a code the vocabulary file lacks: show it
                    w.addItem(vocab_label(value), code)
                    i = w.count() - 1
                w.setCurrentIndex(max(i, 0))
            elif f.kind == "check":
                w.setChecked(bool(value))
            elif f.kind == "yes_no":
                w.setCurrentIndex(w.findData(value) if value is not None else 0)
        finally:
            w.blockSignals(blocked)

    def _on_field_changed(self, record: Any, attr: str) -> None:
        if record is self.target and self.target is not None:
            for f in self._by_attr.get(attr, ()):
                self._refresh(f)

    def _on_plan_replaced(self, _plan: Any) -> None:
        pass  # the page that owns the form re-targets it

    # ----------------------------------------------------------- widgets → model

    def _field_for(self, widget: QObject) -> _Field | None:
        attr = widget.property("_attr")
        for f in self._by_attr.get(attr, ()):
            if f.widget is widget:
                return f
        return None

    def _set(self, f: _Field, value: Any) -> None:
        if self.target is None:
            return
        self.session.set_field(self.target, f.attr, value, f.label.lower())

    def _text_edited(self, text: str) -> None:
        f = self._field_for(self.sender())
        if f:
            self._set(f, text)

    def _notes_changed(self) -> None:
        w = self.sender()
        f = self._field_for(w)
        if f:
            self._set(f, w.toPlainText())

    def _date_value(self, f: _Field) -> tuple[bool, date | None, str]:
        try:
            return True, parse_date(f.widget.text()), ""
        except ValueError as exc:
            return False, None, str(exc)

    def _date_edited(self, _text: str) -> None:
        f = self._field_for(self.sender())
        if not f or self.target is None:
            return
        ok, value, message = self._date_value(f)
        path = self.path_of(f.attr)
        if ok:
            self.session.set_input_error(path, None)
            self._set(f, value)
            self._show_errors()
        else:
            self.session.set_input_error(path, f"{self._where(path, f)}: {message}")

    def _date_finished(self) -> None:
        f = self._field_for(self.sender())
        if not f or self.target is None:
            return
        ok, value, _message = self._date_value(f)
        if ok and value is not None:  # tidy "3/3/27" style input into the standard form
            blocked = f.widget.blockSignals(True)
            if f.widget.text() != format_date(value):
                f.widget.set_text(format_date(value))
            f.widget.blockSignals(blocked)
        self.session.close_merge()
        self._show_errors(skip_focused=False)

    def _where(self, path: str, f: _Field) -> str:
        """The field in words, with the record it is in ("Care history — Oak House — Left on")."""
        try:
            place = catalogue.where(path, self.session.plan)
        except ValueError:  # a path this form made up (no plan open): the field's own label
            place = ""
        return f"{place} — {f.label}" if place else f.label

    def _choice_changed(self, _index: int) -> None:
        w = self.sender()
        f = self._field_for(w)
        if not f:
            return
        code = w.currentData()
        self._set(f, None if code is None else f.enum(code))  # type: ignore[misc]

    def _check_toggled(self, on: bool) -> None:
        f = self._field_for(self.sender())
        if f:
            self._set(f, bool(on))

    def _yes_no_changed(self, _index: int) -> None:
        w = self.sender()
        f = self._field_for(w)
        if f:
            self._set(f, w.currentData())

    # ----------------------------------------------------------- errors

    def _on_problems(self, _problems: list) -> None:
        self._show_errors()

    def _on_input_errors(self) -> None:
        pass  # shown when the field is left (see _date_finished), or with the next problems

    def _show_errors(self, skip_focused: bool = True) -> None:
        if self.target is None:
            for f in self.fields:
                f.block.set_error("")
            return
        problems: list[Problem] = self.session.problems
        inputs = self.session.input_errors
        focus = QApplication.focusWidget()
        for f in self.fields:
            if skip_focused and focus is not None and (focus is f.widget or f.widget.isAncestorOf(focus)):
                continue  # being typed in: shown when the cursor leaves it, so nothing jumps
            path = self.path_of(f.attr)
            msg = ""
            if path in inputs:
                msg = inputs[path].split(": ", 1)[-1]
            else:
                for p in problems:
                    if p.field == path:
                        msg = p.message[:1].upper() + p.message[1:] + "."
                        break
            f.block.set_error(msg)


# --------------------------------------------------------------------------- own words


class OwnWordsPanel(QFrame):
    """The young person's own words, set apart in a quote style: "In Jade's words"."""

    def __init__(self, form: Form, attr: str, question: str, placeholder: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("OwnWords")
        self.question = question
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(6)
        self.heading = QLabel(self)
        theme.set_font(self.heading, 1.1, bold=True)
        theme.tone(self.heading, "calm")
        self.prompt = QLabel(question, self)
        self.prompt.setWordWrap(True)
        theme.set_font(self.prompt, 1.0, italic=True)
        block = form.notes(attr, placeholder=placeholder or "Write down what they say, in their words…", lines=3)
        block.label.setVisible(False)
        block.widget.setAccessibleDescription(question)
        block._help = question
        self.edit: QPlainTextEdit = block.widget  # type: ignore[assignment]
        self.edit.setFont(theme.scaled_font(self.edit, 1.08))
        fit_lines(self.edit, 4)
        self.block = block
        lay.addWidget(self.heading)
        lay.addWidget(self.prompt)
        lay.addWidget(block)
        self.set_name("")

    def set_name(self, name: str) -> None:
        who = f"{name}’s" if name and not name.endswith("s") else (f"{name}’" if name else "their")
        self.heading.setText(f"❝ In {who} words")
        self.heading.setAccessibleName(f"In {who} words")
        self.edit.setAccessibleName(f"In {who} words: {self.question}")
