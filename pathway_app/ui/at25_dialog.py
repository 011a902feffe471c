""""Who will be there for you at 25?" — a calm question flow to go through with the young person.

One question at a time, in their words: "Do you think Nan will still be there for you when
you're 25?" — Yes / Maybe / No / Skip. Then "Is there anyone else…?", where they can add people
with their answer. Answers go into the plan as they are given (through
:mod:`pathway_app.domain.guidance.at25`), so stopping half-way keeps what was said.

Open it with :meth:`At25Dialog.run`; it returns whether the plan changed, so the caller saves
and refreshes the map. The dialog emits nothing itself. :func:`ask_at25` runs it on the plan a
:class:`~pathway_app.ui.session.PlanSession` has open and makes all its answers one undo step.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import label as field_label
from ..domain.guidance import at25
from ..domain.labels import choices, label
from ..domain.model import Plan, Relationship
from ..domain.vocab import RelationshipType, ThereAt25
from . import theme
from .fields import FieldBlock, with_mnemonic
from .session import PlanSession

#: The words on the answer buttons (first person, to the young person).
ANSWER_WORDS = {ThereAt25.YES: "&Yes", ThereAt25.MAYBE: "&Maybe", ThereAt25.NO: "&No"}

_STYLE = """
QDialog#At25Dialog {
    background: palette(base);
}
QPushButton[answer="true"] {
    padding: 0.7em 1.6em;
    border: 1px solid palette(mid);
    border-radius: 0.6em;
    background: palette(button);
}
QPushButton[answer="true"]:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(highlight);
}
QPushButton[answer="true"]:focus {
    border: 2px solid palette(highlight);
}
QPushButton#Primary {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: none;
    border-radius: 0.35em;
    padding: 0.5em 1.2em;
}
QPushButton#Primary:focus {
    border: 2px solid palette(text);
}
QFrame#At25Added {
    background: palette(alternate-base);
    border-radius: 0.5em;
}
"""


def _muted(lab: QLabel) -> QLabel:
    pal = lab.palette()
    pal.setColor(QPalette.ColorRole.WindowText, theme.muted_colour(pal))
    lab.setPalette(pal)
    return lab


class At25Dialog(QDialog):
    """Walk through :func:`~pathway_app.domain.guidance.at25.at25_questions` one at a time.

    ``changed`` tells whether the plan was changed (answers given or people added).
    """

    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("At25Dialog")
        self.setStyleSheet(_STYLE)
        self.plan = plan
        self.questions = at25.at25_questions(plan)
        self.step = 0
        #: What each person's answer was when the dialog opened (Skip puts it back).
        self._before: dict[str, ThereAt25] = {r.id: r.there_at_25 for r in plan.relationships}
        self.added: list[Relationship] = []
        self.setWindowTitle("Who will be there for you at 25?")
        theme.set_font(self, 1.15)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 24)
        lay.setSpacing(18)
        self.progress = _muted(QLabel(self))
        self.progress.setAccessibleName("Where we are")
        lay.addWidget(self.progress)

        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question.setAccessibleName("Question")
        theme.set_font(self.question, 1.55)
        lay.addWidget(self.question)

        self.pages = QStackedWidget(self)
        lay.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_answers())
        self.pages.addWidget(self._build_anyone_else())

        self.note = _muted(QLabel(self))
        self.note.setWordWrap(True)
        self.note.setAccessibleName("For the adult helping")
        theme.set_font(self.note, 0.78)
        lay.addWidget(self.note)

        nav = QHBoxLayout()
        self.back = QPushButton("← &Back", self)
        self.back.setAccessibleName("Back to the last question")
        self.back.setAutoDefault(False)
        self.back.clicked.connect(self.go_back)
        self.stop = QPushButton("&Stop for now", self)
        self.stop.setAccessibleName("Stop for now")
        self.stop.setAccessibleDescription("Close; the answers given so far are kept")
        self.stop.setToolTip("The answers given so far are kept")
        self.stop.setAutoDefault(False)
        self.stop.clicked.connect(self.accept)
        self.next = QPushButton("N&ext →", self)
        self.next.setObjectName("Primary")
        self.next.setAccessibleName("Next question")
        self.next.setAutoDefault(False)
        self.next.clicked.connect(self.go_next)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.stop)
        nav.addWidget(self.next)
        lay.addLayout(nav)

        em = self.fontMetrics().horizontalAdvance("x")
        self.setMinimumWidth(em * 90)
        self.show_step(0)

    # ------------------------------------------------------------------ building

    def _build_answers(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 8, 0, 8)
        row.setSpacing(12)
        self.answer_group = QButtonGroup(page)
        self.answer_group.setExclusive(False)  # an answer can be taken back with Skip
        self.answer_buttons: dict[ThereAt25, QPushButton] = {}
        for value in at25.ANSWERS:
            b = QPushButton(ANSWER_WORDS[value], page)
            b.setProperty("answer", True)
            b.setCheckable(True)
            b.setAutoDefault(False)
            b.setAccessibleName(label(value).rstrip("."))
            theme.set_font(b, 1.2)
            b.clicked.connect(partial(self.choose, value))
            self.answer_group.addButton(b)
            self.answer_buttons[value] = b
            row.addWidget(b)
        self.skip = QPushButton("S&kip", page)
        self.skip.setFlat(True)
        self.skip.setAutoDefault(False)
        self.skip.setAccessibleName("Skip this one")
        self.skip.setAccessibleDescription("Leave this person for another time")
        theme.set_font(self.skip, 1.05)
        self.skip.clicked.connect(self.skip_person)
        row.addWidget(self.skip)
        row.addStretch(1)
        return page

    def _build_anyone_else(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.suggest = _muted(QLabel(page))
        self.suggest.setWordWrap(True)
        self.suggest.setAccessibleName("Ideas")
        lay.addWidget(self.suggest)

        self.name = QLineEdit(page)
        self.name.setPlaceholderText("A first name, or what you call them")
        # the hint is read in full: the box is at least as wide as it
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance(self.name.placeholderText()) + 32)
        self.name.returnPressed.connect(self.add_current_person)
        self.kind = QComboBox(page)
        for code, words in choices("RelationshipType"):
            self.kind.addItem(words, code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(RelationshipType.FRIEND.value)))
        self.there = QComboBox(page)
        for value in at25.ANSWERS:
            self.there.addItem(
                {ThereAt25.YES: "Yes, I think so", ThereAt25.MAYBE: "Maybe", ThereAt25.NO: "No, I don't think so"}[value],
                value.value)
        self.name_block = FieldBlock(with_mnemonic(field_label("relationships.name"), "N"), self.name,
                                     "Their name, or what you call them", parent=page)
        self.kind_block = FieldBlock("&Who they are to you", self.kind, "Brother, teacher, friend …", parent=page)
        self.there_block = FieldBlock("&There for you at 25?", self.there,
                                      "Do you think they will be there for you at 25?", parent=page)
        g = QGridLayout()
        g.setHorizontalSpacing(16)
        g.addWidget(self.name_block, 0, 0)
        g.addWidget(self.kind_block, 0, 1)
        g.addWidget(self.there_block, 0, 2)
        g.setColumnStretch(0, 3)
        g.setColumnStretch(1, 3)
        g.setColumnStretch(2, 2)
        lay.addLayout(g)
        row = QHBoxLayout()
        self.add = QPushButton("&Add this person", page)
        self.add.setAccessibleName("Add this person")
        self.add.setAutoDefault(False)
        self.add.clicked.connect(self.add_current_person)
        row.addWidget(self.add)
        row.addStretch(1)
        lay.addLayout(row)

        self.added_box = QFrame(page)
        self.added_box.setObjectName("At25Added")
        box = QVBoxLayout(self.added_box)
        box.setContentsMargins(12, 10, 12, 10)
        self.added_label = QLabel(self.added_box)
        self.added_label.setWordWrap(True)
        self.added_label.setAccessibleName("People added")
        box.addWidget(self.added_label)
        self.added_box.setVisible(False)
        lay.addWidget(self.added_box)
        lay.addStretch(1)
        return page

    # ------------------------------------------------------------------ steps

    @property
    def current(self) -> at25.Question:
        return self.questions[self.step]

    def show_step(self, step: int) -> None:
        self.step = max(0, min(step, len(self.questions) - 1))
        q = self.current
        n = len(self.questions)
        self.progress.setText(f"Question {self.step + 1} of {n}")
        self.question.setText(q.young_person_text)
        self.note.setText(f"For the adult helping: {q.practitioner_text}  Source: {q.citation}")
        last = self.step == n - 1
        self.back.setEnabled(self.step > 0)
        self.next.setText("&Finish" if last else "N&ext →")
        self.next.setAccessibleName("Finish" if last else "Next question")
        if q.kind == "person":
            self.pages.setCurrentIndex(0)
            rel = self._relationship(q.relationship_id)
            for value, b in self.answer_buttons.items():
                b.setChecked(rel is not None and rel.there_at_25 is value)
                b.setAccessibleDescription(f"{label(value)}: {q.young_person_text}")
            checked = [b for b in self.answer_buttons.values() if b.isChecked()]
            (checked[0] if checked else self.answer_buttons[ThereAt25.YES]).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.pages.setCurrentIndex(1)
            extra = q.suggestions[4:]  # the question names the first four
            self.suggest.setText("Or maybe " + ", ".join(extra) + "." if extra else "")
            self.suggest.setVisible(bool(extra))
            self._show_added()
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Grow (never shrink) so a long question is not squeezed; no jumping back and forth."""
        lay = self.layout()
        lay.activate()
        need = max(lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else 0,
                   lay.totalMinimumSize().height())
        if need > self.height():
            self.resize(self.width(), need)

    def go_next(self) -> None:
        if self.step < len(self.questions) - 1:
            self.show_step(self.step + 1)
            return
        # Finish: a name typed but not yet added is added now (or the problem is shown).
        if self.name.text().strip() and not self.add_current_person():
            return
        self.accept()

    def go_back(self) -> None:
        if self.step > 0:
            self.show_step(self.step - 1)

    # ------------------------------------------------------------------ answers

    def _relationship(self, rel_id: str | None) -> Relationship | None:
        return next((r for r in self.plan.relationships if r.id == rel_id), None)

    def choose(self, value: ThereAt25) -> None:
        """Record the answer for the person asked about and show it chosen; Next moves on (an
        answer never moves on by itself, so a second click cannot land on the next question's
        buttons or on Finish)."""
        q = self.current
        if q.kind != "person" or q.relationship_id is None:
            return
        at25.apply_answer(self.plan, q.relationship_id, value)
        for v, b in self.answer_buttons.items():
            b.setChecked(v is value)
        self.next.setFocus(Qt.FocusReason.OtherFocusReason)

    def skip_person(self) -> None:
        """Leave this person as they were before (not asked) and go on."""
        q = self.current
        if q.kind == "person" and q.relationship_id is not None:
            before = self._before.get(q.relationship_id, ThereAt25.NOT_ASKED)
            at25.apply_answer(self.plan, q.relationship_id, before)
        self.show_step(self.step + 1)

    @property
    def values(self) -> dict[str, str]:
        """The person being typed in on the "anyone else" page."""
        return {
            "name": self.name.text().strip(),
            "relationship_type": self.kind.currentData(),
            "there_at_25": self.there.currentData(),
        }

    def validate(self) -> bool:
        ok = bool(self.values["name"])
        self.name_block.set_error("" if ok else "A name is needed: a first name, or what you call them, is fine.")
        if not ok:
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        return ok

    def add_current_person(self) -> bool:
        if not self.validate():
            return False
        v = self.values
        rel = at25.add_person(self.plan, v["name"], v["relationship_type"], v["there_at_25"])
        self.added.append(rel)
        self.name.clear()
        self._show_added()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _show_added(self) -> None:
        if not self.added:
            self.added_box.setVisible(False)
            return
        lines = [f"{r.name} ({label(r.relationship_type).lower()}), there at 25: {label(r.there_at_25).lower()}"
                 for r in self.added]
        self.added_label.setText("Added: " + "; ".join(lines))
        self.added_box.setVisible(True)
        self._grow_to_fit()

    @property
    def changed(self) -> bool:
        if self.added:
            return True
        return any(self._before.get(r.id) is not r.there_at_25 for r in self.plan.relationships)

    # ------------------------------------------------------------------ opening

    @classmethod
    def run(cls, parent: QWidget | None, plan: Plan) -> bool:
        """Ask the questions; True when the plan changed (save it and refresh the map)."""
        dlg = cls(plan, parent)
        try:
            dlg.exec()
            return dlg.changed
        finally:
            dlg.deleteLater()


def ask_at25(parent: QWidget | None, session: PlanSession) -> None:
    """Go through the open plan's people with the young person; their answers are one undoable
    step ("Who will be there at 25"), saved at once."""
    plan = session.plan
    if plan is None:
        return
    before = {r.id: r.there_at_25 for r in plan.relationships}
    if not At25Dialog.run(parent, plan) or session.plan is not plan:
        return  # nothing changed, or the app locked meanwhile (it saved the answers then)
    _replay(session, plan, before)
    session.save_now()


def _replay(session: PlanSession, plan: Plan, before: dict[str, ThereAt25]) -> None:
    """The dialog changed the plan in place: put it back, then make the same changes through
    the undo stack."""
    changed = [(r, before[r.id], r.there_at_25) for r in plan.relationships
               if r.id in before and r.there_at_25 is not before[r.id]]
    added = [r for r in plan.relationships if r.id not in before]
    for r, old, _new in changed:
        r.there_at_25 = old
    plan.relationships[:] = [r for r in plan.relationships if r.id in before]
    session.undo_stack.beginMacro("Who will be there at 25")
    for r, _old, new in changed:
        session.set_field(r, "there_at_25", new, label=f"there at 25: {r.name}")
    for r in added:
        session.insert_record(plan.relationships, r, label="person who matters")
    session.undo_stack.endMacro()


__all__ = ["At25Dialog", "ask_at25"]
