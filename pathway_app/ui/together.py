"""Together mode: a calm, large-text view for writing the young person's own words with them.

One question at a time, in plain first-person language; the answer goes straight into the
plan's own-words field for that area (and is autosaved like any other edit). Nothing else is
on screen: no other young people, no contact restrictions, safety notes or assessments.

What is asked is decided by the audience policy (:mod:`pathway_app.domain.audiences`): a
question is shown only when the young person may see its field, and answered only when they
may change it (:func:`questions`). The last two ask what they think of their plan and what
they would like to say about it (agreeing the plan), in their words.

Signals (TogetherView):
    leaveRequested(): back to the normal view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ..domain import model as m
from ..domain.audiences import Access, access
from ..domain.fields import label
from ..domain.introspect import field_ids
from ..domain.labels import label as vocab_label
from ..domain.vocab import Area
from . import theme
from .fields import Form
from .session import PlanSession


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    target: Callable[[m.Plan], Any]
    fields: str  # the catalogue id of the record the answer goes in ("person", "support_areas")
    attr: str
    prefix: Callable[[m.Plan], str]
    area: Area | None = None
    choice: bool = False  # answered by choosing (what they think of their plan), not in words

    @property
    def field_id(self) -> str:
        return f"{self.fields}.{self.attr}"

    @property
    def topic(self) -> str:
        """What the question is about, in the young person's words from the catalogue."""
        if self.area is not None:
            return vocab_label(self.area, "AreaFirstPerson")
        return label(self.fields.split(".")[0], young_person=True)


def _area(a: Area) -> Callable[[m.Plan], Any]:
    def get(p: m.Plan) -> Any:
        return p.area(a)

    return get


def _area_prefix(a: Area) -> Callable[[m.Plan], str]:
    def get(p: m.Plan) -> str:
        return f"support_areas[{a.value}]"

    return get


def _const(s: str) -> Callable[[m.Plan], str]:
    def get(_p: m.Plan) -> str:
        return s

    return get


def _about_area(key: str, a: Area, text: str, hint: str) -> Question:
    return Question(key, text, hint, _area(a), "support_areas", "own_words", _area_prefix(a), a)


#: Every question together mode may ask, in order (:func:`questions`: those the policy allows).
ALL_QUESTIONS: list[Question] = [
    Question("about", "What would you like people to know about you?",
             "Things you like, things you're good at, what makes you you.",
             lambda p: p.person, "person", "about_me_own_words", _const("person")),
    _about_area("people", Area.RELATIONSHIPS, "Who do you want to still be in your life when you're 25?",
                "Family, friends, carers, workers — anyone who matters to you."),
    _about_area("home", Area.ACCOMMODATION, "What do you want your next home to be like?",
                "Where it is, who's near, what would make it feel like home."),
    _about_area("education", Area.EDUCATION, "What do you want to learn, or get better at?",
                "School, college, university, a course, a skill — it's never too late."),
    _about_area("work", Area.EMPLOYMENT, "What kind of work, or other things, would you like to do?",
                "Jobs you'd like to try, volunteering, things you enjoy doing."),
    _about_area("health", Area.HEALTH, "How are you feeling at the moment, and what helps you stay well?",
                "Your body and your feelings both count."),
    _about_area("money", Area.FINANCE, "How do you feel about managing money? What would help?",
                "Bills, saving, what you're entitled to."),
    _about_area("skills", Area.SKILLS,
                "Which everyday things do you feel ready for, and which would you like to practise?",
                "Cooking, shopping on a budget, bills, getting around."),
    Question("identity", "How would you describe who you are?",
             "Your background, culture, faith, languages — whatever matters to you.",
             lambda p: p.identity, "identity", "own_words", _const("identity")),
    _about_area("support", Area.SUPPORT, "Who do you want to support you, and how often?",
                "What kind of help works for you, and what doesn't."),
    Question("contingency", "If things go wrong, what would help you most?",
             "Who you'd want to call, where you could go.",
             lambda p: p.contingency, "contingency", "own_words", _const("contingency")),
    Question("plan_view", "What do you think of your plan?", "Do you agree with it, some of it, or not?",
             lambda p: p.sign_off, "sign_off", "young_person_view", _const("sign_off"), choice=True),
    Question("plan_words", "What would you like to say about your plan?",
             "What you agree with, and what you don't — in your own words.",
             lambda p: p.sign_off, "sign_off", "young_person_comments", _const("sign_off")),
]


def questions() -> list[Question]:
    """The questions the young person may see, as the audience policy says, field by field."""
    return [q for q in ALL_QUESTIONS if access("young_person", q.field_id) in (Access.SEE, Access.CHANGE)]


#: What together mode asks, as the policy stands.
QUESTIONS: list[Question] = questions()


class TogetherView(QWidget):
    """One question at a time, big and calm; Back / Next; their answer saved as they type."""

    leaveRequested = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TogetherView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.session = session
        self.plan: m.Plan | None = None
        self.index = 0
        self.questions = questions()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 28)
        top = QHBoxLayout()
        self.hello = QLabel(self)
        theme.set_font(self.hello, 1.3)
        self.hello.setAccessibleName("Who we are planning with")
        top.addWidget(self.hello)
        top.addStretch(1)
        self.leave = QPushButton("Leave together mode", self)
        self.leave.setAccessibleName("Leave together mode")
        self.leave.setAccessibleDescription("Go back to the full plan (F11 or Escape)")
        theme.set_font(self.leave, 1.1)
        self.leave.clicked.connect(self.leaveRequested)
        top.addWidget(self.leave)
        outer.addLayout(top)
        outer.addStretch(1)

        column = QWidget(self)
        column.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 110)
        col = QVBoxLayout(column)
        col.setSpacing(16)
        self.progress = QProgressBar(column)
        self.progress.setRange(0, len(self.questions))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(self.fontMetrics().height() // 2)
        self.progress.setAccessibleName("How far through the questions")
        col.addWidget(self.progress)
        self.topic = QLabel(column)
        theme.set_font(self.topic, 1.2, bold=True)
        self.topic.setAccessibleName("What the question is about")
        col.addWidget(self.topic)
        self.question = QLabel(column)
        self.question.setWordWrap(True)
        theme.set_font(self.question, 2.1, bold=True)
        self.question.setAccessibleName("Question")
        col.addWidget(self.question)
        self.hint = QLabel(column)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Ideas for answering")
        theme.set_font(self.hint, 1.3)
        col.addWidget(self.hint)
        words = next(q for q in ALL_QUESTIONS if not q.choice)
        self.form = Form(session, self, words.fields)
        block = self.form.notes(words.attr, placeholder="Type here, in your own words…", lines=6)
        block.label.setVisible(False)
        self.answer = block.widget
        self.answer.installEventFilter(self)  # Alt+letter is a shortcut, never a letter of their words
        self.answer.setObjectName("TogetherAnswer")
        self.answer.setFont(theme.scaled_font(self.answer, 1.6))
        from .fields import fit_lines

        fit_lines(self.answer, 5)
        # a question answered by choosing shows its choice where the words would go (nothing moves)
        self.choice_form = Form(session, self, "sign_off")
        chosen = next(q for q in ALL_QUESTIONS if q.choice)
        self.choice_block = self.choice_form.choice(chosen.attr, field_ids(m.Plan)[chosen.field_id].type)
        assert self.choice_block.label is not None
        self.choice_block.label.setVisible(False)
        self.choice = self.choice_block.widget
        self.choice.setFont(theme.scaled_font(self.choice, 1.6))
        self.answers = QStackedWidget(column)
        self.answers.addWidget(block)
        holder = QWidget(self.answers)
        hold = QVBoxLayout(holder)
        hold.setContentsMargins(0, 0, 0, 0)
        hold.addWidget(self.choice_block)
        hold.addStretch(1)
        self.answers.addWidget(holder)
        col.addWidget(self.answers)
        nav = QHBoxLayout()
        self.back = QPushButton("← &Back", column)
        self.back.setAccessibleName("Previous question")
        self.back.clicked.connect(self.go_back)
        self.step = QLabel(column)
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step.setAccessibleName("Question number")
        self.next = QPushButton("&Next →", column)
        self.next.setObjectName("Primary")
        self.next.setAccessibleName("Next question")
        self.next.clicked.connect(self.go_next)
        for b in (self.back, self.next, self.step):
            theme.set_font(b, 1.3, bold=b is self.next)
        theme.fit_text(self.next)
        theme.fit_text(self.back)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.step)
        nav.addStretch(1)
        nav.addWidget(self.next)
        col.addLayout(nav)
        self.saved = QLabel(column)
        self.saved.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.saved.setAccessibleName("Saved")
        theme.set_font(self.saved, 0.95)
        col.addWidget(self.saved)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        session.statusChanged.connect(self._on_status)
        session.planReplaced.connect(self._on_plan_replaced)
        self.setTabOrder(self.choice, self.answer)
        self.setTabOrder(self.answer, self.next)
        self.setTabOrder(self.next, self.back)
        self.setTabOrder(self.back, self.leave)

    def set_plan(self, plan: m.Plan | None) -> None:
        self.plan = plan
        name = (plan.person.preferred_name.strip() or plan.person.given_name.strip()) if plan else ""
        self.hello.setText(f"Planning together with {name}" if name else "Planning together")
        self.show_question(self.index)

    def _on_plan_replaced(self, plan: m.Plan) -> None:
        if self.plan is not None:
            self.set_plan(plan)

    def show_question(self, index: int) -> None:
        self.index = max(0, min(index, len(self.questions) - 1))
        q = self.questions[self.index]
        self.topic.setText(q.topic)
        self.question.setText(q.text)
        self.hint.setText(q.hint)
        self.step.setText(f"{self.index + 1} of {len(self.questions)}")
        self.progress.setValue(self.index + 1)
        self.back.setEnabled(self.index > 0)
        last = self.index == len(self.questions) - 1
        # the same letter on the last question: Alt+N always moves on, never types an "n"
        self.next.setText("Fi&nish ✓" if last else "&Next →")
        self.next.setAccessibleName("Finish" if last else "Next question")
        # one box for every question in words, one for the question answered by choosing:
        # point it at this question's field
        form, box = (self.choice_form, self.choice) if q.choice else (self.form, self.answer)
        other = self.form if q.choice else self.choice_form
        other.set_target(None)
        self.answers.setCurrentIndex(1 if q.choice else 0)
        box.setAccessibleName(q.text)
        box.setAccessibleDescription(q.hint)
        form.rebind(box, q.attr, q.fields)
        form.set_target(q.target(self.plan) if self.plan is not None else None,
                        q.prefix(self.plan) if self.plan is not None else "")
        if access("young_person", q.field_id) is not Access.CHANGE:  # theirs to read, not to change
            box.setEnabled(box is self.answer)
            self.answer.setReadOnly(True)
        self.session.close_merge()

    def input(self) -> QWidget:
        """Where the young person answers the question on screen (their words, or a choice)."""
        return self.choice if self.questions[self.index].choice else self.answer

    def go_next(self) -> None:
        if self.index == len(self.questions) - 1:
            self.leaveRequested.emit()
            return
        self.show_question(self.index + 1)
        self.input().setFocus()

    def go_back(self) -> None:
        self.show_question(self.index - 1)
        self.input().setFocus()

    def _fit_text(self) -> None:
        """The question and its hint keep the height of the longest one at this width, so the
        answer box and the Next button stay where they are from question to question."""
        for lab, texts in ((self.question, [q.text for q in self.questions]),
                           (self.hint, [q.hint for q in self.questions])):
            width = lab.width() if lab.width() > 0 else lab.sizeHint().width()
            fm = lab.fontMetrics()
            tallest = max(fm.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, t).height()
                          for t in texts)
            lab.setMinimumHeight(tallest)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_text()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_text()

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        if (obj is self.answer and event.type() == QEvent.Type.KeyPress
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):  # AltGr is Ctrl+Alt on Windows
            return True  # no character is typed while Alt is held; a shortcut would have taken it
        return super().eventFilter(obj, event)

    def _on_status(self, state: str, text: str) -> None:
        self.saved.setText({"saved": "✓ Saved", "pending": "Saving…", "saving": "Saving…"}.get(state, text))

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.leaveRequested.emit()
            return
        super().keyPressEvent(event)
