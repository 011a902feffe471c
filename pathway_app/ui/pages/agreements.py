"""The Staying Put agreement and the Staying Close plan: one page each, easy to fill in together.

An :class:`AgreementPage` shows one kind of agreement (:mod:`pathway_app.domain.agreements`):

- its versions, newest first, each with its title and where it is in its life; the draft (or,
  without one, the version in force) is shown to start with. A signed version — agreed, ended
  or replaced — is read-only except its practitioners' notes;
- what can be done next: *Start the agreement* / *Start a new version*, *Discard this draft*,
  *Record signing…*, *Record the ending…*, each one undoable step (the plan's list of versions
  is set through the session, so Ctrl+Z takes the whole step back); a step the domain refuses
  (:class:`~pathway_app.domain.agreements.AgreementRefused`) is said beside the buttons and
  nothing changes;
- the agreement's parts in the documents' order (:mod:`.agreement_parts`), and beside them a
  checklist of the parts not yet agreed, kept up to date as they type (each part a button that
  goes to it);
- *Print…* and *Share with the carers…* / *Share with the key worker…* (:mod:`..agreement_files`).

The same page is the carer's or key worker's workspace (:mod:`pathway_app.ui.workspace`): made
for an ``audience`` other than the practitioner, it hides what the audience policy hides from
them and lets them change only what it lets them change (:func:`~pathway_app.domain.audiences.access`).
:meth:`AgreementPage.set_together` is together mode: the young person's words for every field,
nothing only practitioners see.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import agreements as ag
from ...domain import fields as catalogue
from ...domain import model as m
from ...domain.audiences import Access, Audience, access, may_change
from ...domain.dates import fmt
from ...domain.labels import label as vocab_label
from ...domain.vocab import SIGNED_STATUSES, AgreementStatus
from .. import theme
from ..date_field import DateField
from ..fields import Form, with_mnemonic
from ..messages import say
from ..session import PlanSession
from .agreement_parts import PART_FIELDS, PRIVATE, build_part, private_block
from .base import AreaPage, muted


def set_editable(form: Form, widget: QWidget, on: bool) -> None:
    """Let a field be changed, or only read (a text stays readable and reachable by Tab)."""
    if isinstance(widget, DateField):
        widget.line.setReadOnly(not on)
        widget.button.setEnabled(on)
    elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.setReadOnly(not on)
    else:
        widget.setEnabled(on and form.target is not None)


class Checklist(QFrame):
    """The parts of an agreement, each marked agreed or not yet, each a button to go to it.

    Signals:
        partRequested(str key): go to the part ``key`` (a :class:`~pathway_app.domain.agreements.Part`'s key).
    """

    partRequested = Signal(str)

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AgreementChecklist")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 12)
        lay.setSpacing(4)
        self.heading = QLabel("Still to agree", self)
        self.heading.setAccessibleName("Still to agree")
        theme.set_font(self.heading, 1.15, bold=True)
        lay.addWidget(self.heading)
        self.summary = muted(QLabel(self))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.buttons: dict[str, QPushButton] = {}
        for part in ag.PARTS[kind]:
            b = QPushButton(part.heading, self)  # named from the start; its state is added once there is an agreement
            b.setAccessibleName(part.heading)
            b.setObjectName("ChecklistItem")
            b.setFlat(True)
            b.setStyleSheet("text-align: left; padding: 0.2em 0.4em;")
            b.clicked.connect(lambda _c=False, key=part.key: self.partRequested.emit(key))
            lay.addWidget(b)
            self.buttons[part.key] = b
        self.kind = kind
        self.done: tuple[dict[str, bool], Any] = ({}, None)

    def set_agreement(self, agreement: ag.Agreement | None) -> None:
        self.setVisible(agreement is not None)
        if agreement is None:
            return
        done = {p.key: ok for p, (_h, ok) in zip(ag.PARTS[self.kind], ag.checklist(agreement))}
        if (done, agreement.status) == self.done:
            return
        self.done = (done, agreement.status)
        for part in ag.PARTS[self.kind]:
            b = self.buttons[part.key]
            b.setText(("✓ " if done[part.key] else "○ ") + part.heading)
            state = "agreed" if done[part.key] else "not agreed yet"
            b.setAccessibleName(f"{part.heading}: {state}")
            b.setAccessibleDescription("Go to this part of the agreement")
        left = sum(not ok for ok in done.values())
        ready = " Ready to sign." if agreement.status is AgreementStatus.DRAFT else ""
        self.summary.setText(f"Every part is agreed.{ready}" if not left else
                             f"{left} of {len(done)} parts not agreed yet. Choose one to go to it.")


class AgreementPage(AreaPage):
    """One kind of agreement (see the module docstring); ``audience`` is who is using the page."""

    kind = ag.STAYING_PUT
    edition = "staying-put"  # the PDF edition of this kind of agreement
    share_audience = Audience.FOSTER_CARER

    def __init__(self, session: PlanSession, parent: QWidget | None = None,
                 audience: Audience | str = Audience.PRACTITIONER):
        super().__init__(session, parent)
        self.audience = Audience(audience)
        self.chosen_id: str | None = None
        self.together = False
        self.part_sections: dict[str, QWidget] = {}
        self.topic_title: Any = None  # the house rules' "topic of our own" (set by agreement_parts)
        self._agreement_lists: list[tuple[Any, str]] = []
        from ..agreement_files import documents_folder

        self.start_folder: Callable[[], str] = documents_folder
        self.prompts.setVisible(False)  # an agreement's prompts are on the Home page; here, its checklist
        self.checklist = Checklist(self.kind, self.prompt_side)
        self.prompt_side.layout().insertWidget(0, self.checklist)
        self.prompt_side.layout().addStretch(1)
        self.checklist.partRequested.connect(self.go_to_part)
        self.checklist.setVisible(False)
        fm = self.fontMetrics()  # the column is as wide as its longest part, no wider
        longest = max(fm.horizontalAdvance("○ " + p.heading) for p in ag.PARTS[self.kind])
        self.prompt_side.widest = max(self.prompt_side.minimumWidth(), longest + fm.horizontalAdvance("M") * 6)
        self.prompt_side.setMaximumWidth(self.prompt_side.widest)
        session.fieldChanged.connect(self._on_field_changed)
        session.listChanged.connect(self._on_list_changed)

    # ----------------------------------------------------------- which version

    def agreement_in(self, plan: m.Plan | None) -> ag.Agreement | None:
        """The version shown: the one chosen, else the draft, else the one in force, else the newest."""
        if plan is None:
            return None
        sec = ag.section(plan, self.kind)
        for a in sec.agreements:
            if a.id == self.chosen_id:
                return a  # type: ignore[no-any-return]
        return sec.draft() or sec.in_force() or sec.latest()  # type: ignore[no-any-return]

    def edition_sections(self) -> dict[str, QWidget]:
        """The whole page is the agreement: Export PDF starts on its copy here."""
        return {self.edition: self.content}

    def agreement(self) -> ag.Agreement | None:
        return self.agreement_in(self.plan)

    def _prefix(self) -> str:
        a = self.agreement()
        return ag.path_of(self.kind, a) if a is not None else ""

    def choose(self, agreement_id: str) -> None:
        """Show the version ``agreement_id``."""
        self.chosen_id = agreement_id
        self._fill_versions()
        self._rebind()

    # ----------------------------------------------------------- building

    def build(self) -> None:
        k = self.kind
        self.form = Form(self.session, self, f"{k}.agreements")
        self._forms.append((self.form, self.agreement_in, self._prefix))
        lay = self.section(catalogue.label(f"{k}.agreements"), catalogue.help_text(f"{k}.agreements"))
        self.none_note = QLabel(self.content)
        self.none_note.setWordWrap(True)
        lay.addWidget(self.none_note)
        self.version_model = QStandardItemModel(self)
        self.versions = QListView(self.content)
        self.versions.setModel(self.version_model)
        self.versions.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.versions.setAccessibleName(catalogue.label(f"{k}.agreements"))
        self.versions.setAccessibleDescription("Choose a version to see it. Arrow keys: move.")
        self.versions.selectionModel().currentRowChanged.connect(self._on_version)
        lay.addWidget(self.versions)
        self.state_note = QLabel(self.content)
        self.state_note.setWordWrap(True)
        self.state_note.setAccessibleName("Where this version is")
        lay.addWidget(self.state_note)
        self.record_note = muted(QLabel(self.content))
        self.record_note.setWordWrap(True)
        self.record_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.record_note)
        self.start_button = self._button("&Start the agreement", self.start, "Start writing the agreement")
        self.discard_button = self._button("&Discard this draft…", self.discard, "Remove the draft (Undo brings it back)")
        self.sign_button = self._button("Record s&igning…", self.record_signing,
                                        "Who signed this draft, and when: it becomes the agreement in force")
        self.end_button = self._button("Record the endin&g…", self.record_ending, "When the arrangement ended, and why")
        self.print_button = self._button("P&rint…", self.print_agreement, "Make a PDF of this version")
        who = "the carers" if k == ag.STAYING_PUT else "the key worker"
        self.share_button = self._button(f"S&hare with {who}…", self.share,
                                         f"A passphrase-locked file holding only what {who} may see, to fill in "
                                         "together and send back")
        for buttons in ((self.start_button, self.discard_button, self.sign_button, self.end_button),
                        (self.print_button, self.share_button)):
            row = QHBoxLayout()
            row.setSpacing(8)
            for b in buttons:
                row.addWidget(b)
            row.addStretch(1)
            lay.addLayout(row)
        self.notice = QLabel(self.content)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("What happened")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setVisible(False)
        lay.addWidget(self.notice)
        for part in ag.PARTS[k]:
            part_lay = self.section(part.heading)
            self.part_sections[part.key] = part_lay.parentWidget()
            build_part(self, self.form, PART_FIELDS[k][part.key], part_lay)
        self.private = self.practitioner_only([private_block(self.form)])
        self.body.addWidget(self.private)
        for ed in self._lists:
            self._agreement_lists.append((ed, ed.field_id.rsplit(".", 1)[-1]))
            ed.currentChanged.connect(lambda _r, ed=ed: self._apply_list(ed))

    def _button(self, text: str, slot: Callable[[], Any], tip: str) -> QPushButton:
        b = QPushButton(text, self.content)
        b.setAccessibleName(text.replace("&", "").rstrip("…"))
        b.setAccessibleDescription(tip)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        theme.fit_text(b)
        return b

    def focus_chain(self) -> list[QWidget]:
        """The page, then its checklist (then the prompts, which agreements do not have)."""
        chain = super().focus_chain()
        inside = [w for w in chain if self.content.isAncestorOf(w)]
        return inside + list(self.checklist.buttons.values()) + [w for w in chain if w not in inside]

    # ----------------------------------------------------------- showing the chosen version

    def after_bind(self) -> None:
        self._fill_versions()
        self._apply_state()

    def _rebind(self) -> None:
        if not self._built:
            return
        self.form.set_target(self.agreement(), self._prefix)
        for ed, _attr in self._agreement_lists:
            ed.set_plan(self.plan)
        self._apply_state()

    def _fill_versions(self) -> None:
        if not self._built:
            return
        shown = self.agreement()
        selection = self.versions.selectionModel()
        selection.blockSignals(True)
        self.version_model.clear()
        items = ag.in_order(self.plan, self.kind) if self.plan is not None else []
        for a in items:
            text = ag.title(self.kind, a) + (" — in force" if a.status is AgreementStatus.AGREED else "")
            item = QStandardItem(text)
            item.setData(a.id, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.version_model.appendRow(item)
            if a is shown:
                selection.setCurrentIndex(item.index(), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        rows = max(1, min(len(items), 5))
        self.versions.setFixedHeight(self.versions.sizeHintForRow(0) * rows + 2 * self.versions.frameWidth() + 4
                                     if items else 0)

    def _on_version(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.chosen_id = current.data(Qt.ItemDataRole.UserRole)
        self.tell("")
        self._rebind()

    def _access(self, attr: str) -> Access:
        fid = f"{self.kind}.agreements.{attr}"
        if self.together and access(Audience.YOUNG_PERSON, fid) is Access.HIDDEN:
            return Access.HIDDEN
        return access(self.audience, fid)

    def _apply_state(self) -> None:
        if not self._built:
            return
        a = self.agreement()
        has = a is not None
        signed = has and a.status in SIGNED_STATUSES
        self.none_note.setText(say("agreement_none", name=ag.NAMES[self.kind]))
        self.none_note.setVisible(self.plan is not None and not has)
        self.versions.setVisible(has)
        for section in self.part_sections.values():
            section.setVisible(has)
        for f in self.form.fields:
            level = self._access(f.attr)
            f.block.setVisible(level is not Access.HIDDEN)
            set_editable(self.form, f.widget, has and level is Access.CHANGE and (not signed or f.attr == PRIVATE))
        self.private.setVisible(has and self._access(PRIVATE) is not Access.HIDDEN)
        for ed, _attr in self._agreement_lists:
            self._apply_list(ed)
        self._apply_buttons(a)
        self._apply_notes(a)
        self.checklist.set_agreement(a)
        self.prompt_side.setVisible(has)  # the checklist's column, with nothing in it yet

    def _apply_list(self, ed: Any) -> None:
        a = self.agreement()
        attr = ed.field_id.rsplit(".", 1)[-1]
        editable = a is not None and a.status not in SIGNED_STATUSES and self._access(attr) is Access.CHANGE
        ed.add_button.setVisible(editable)
        ed.remove_button.setVisible(editable)
        for f in ed.form.fields:
            level = self._access(f"{attr}.{f.attr}")
            f.block.setVisible(level is not Access.HIDDEN and (f.block is not self.topic_title or
                                                                 self._own_topic(ed.current())))
            set_editable(ed.form, f.widget, editable and level is Access.CHANGE)

    @staticmethod
    def _own_topic(rule: Any) -> bool:
        from ...domain.vocab import HouseRuleTopic

        return isinstance(rule, m.HouseRule) and rule.topic is HouseRuleTopic.OWN

    def _apply_buttons(self, a: ag.Agreement | None) -> None:
        has = a is not None
        sec = ag.section(self.plan, self.kind) if self.plan is not None else None
        may_list = may_change(self.audience, f"{self.kind}.agreements")
        may_life = may_change(self.audience, f"{self.kind}.agreements.status")
        self.start_button.setVisible(sec is not None and may_list and sec.draft() is None)
        self.start_button.setText("&Start a new version" if sec is not None and sec.agreements else "&Start the agreement")
        self.start_button.setAccessibleName(self.start_button.text().replace("&", ""))
        draft = has and a.status is AgreementStatus.DRAFT
        self.discard_button.setVisible(draft and may_list)
        self.sign_button.setVisible(draft and may_life)
        self.end_button.setVisible(has and a.status is AgreementStatus.AGREED and may_life)
        record = has and a.status in (AgreementStatus.ENDED, AgreementStatus.SUPERSEDED)
        self.print_button.setVisible(has)
        self.print_button.setText("P&rint record…" if record else "P&rint…")
        self.print_button.setAccessibleName(self.print_button.text().replace("&", "").rstrip("…"))
        self.share_button.setVisible(has and self.audience is Audience.PRACTITIONER and not self.together
                                     and self.session.store is not None)
        for b in (self.start_button, self.print_button):
            theme.fit_text(b)

    def _apply_notes(self, a: ag.Agreement | None) -> None:
        if a is None:
            self.state_note.setVisible(False)
            self.record_note.setVisible(False)
            return
        text = {
            AgreementStatus.DRAFT: say("agreement_draft", version=a.version),
            AgreementStatus.AGREED: say("agreement_in_force", on=fmt(a.agreed_on) if a.agreed_on else "a day not recorded"),
            AgreementStatus.ENDED: say("agreement_ended", on=fmt(a.ended_on) if a.ended_on else "a day not recorded"),
            AgreementStatus.SUPERSEDED: say("agreement_replaced",
                                            on=fmt(a.superseded_on) if a.superseded_on else "a day not recorded"),
        }[a.status]
        self.state_note.setText(text)
        self.state_note.setVisible(True)
        theme.tone(self.state_note, "calm" if a.status is AgreementStatus.AGREED else "muted")
        self.record_note.setText(self._record_words(a))
        self.record_note.setVisible(bool(self.record_note.text()))

    def _record_words(self, a: ag.Agreement) -> str:
        """Who signed, when it ended and why: the record of a signed version, in words."""
        if self._access("signatures") is Access.HIDDEN:
            return ""
        k = f"{self.kind}.agreements"
        lines = []
        if a.signatures:
            lines.append(f"{catalogue.label(f'{k}.signatures')}:")
            lines += [f"  •  {s.name} — {vocab_label(s.party)}" + (f" — {fmt(s.signed_on)}" if s.signed_on else "")
                      for s in a.signatures]
        if a.status is AgreementStatus.ENDED and a.end_reason.strip():
            lines.append(f"{catalogue.label(f'{k}.end_reason')}: {a.end_reason.strip()}")
        return "\n".join(lines)

    # ----------------------------------------------------------- together mode

    def set_together(self, on: bool) -> None:
        """Together mode: every field in the young person's words; nothing only practitioners see."""
        self.ensure_built()
        self.together = on
        forms = [self.form] + [ed.form for ed, _a in self._agreement_lists]
        for form in forms:
            for f in form.fields:
                words = catalogue.label(form.field_id(f.attr), young_person=on)
                key = _mnemonic_key(f.block.label.text() if f.block.label is not None else f.widget.text())
                if f.block.label is not None:
                    f.block.label.setText(with_mnemonic(words, key))
                else:
                    f.widget.setText(with_mnemonic(words, key))
                f.widget.setAccessibleName(words)
        self._apply_state()

    # ----------------------------------------------------------- going to a part, or a problem

    def go_to_part(self, key: str) -> None:
        """Scroll to the part ``key`` and put the cursor in its first field that can be changed."""
        section = self.part_sections[key]
        self.content.layout().activate()
        bar = self.scroll.verticalScrollBar()
        bar.setValue(section.y())
        QTimer.singleShot(0, lambda: bar.setValue(section.y()))  # again once a new version is laid out
        for w in super().focus_chain():
            if section.isAncestorOf(w) and w.isVisibleTo(self) and w.isEnabled() and not (
                    isinstance(w, (QLineEdit, QPlainTextEdit)) and w.isReadOnly()):
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def show_problem(self, path: str) -> None:
        found = re.match(rf"{self.kind}\.agreements\[([^\]]+)\]", path)
        a = self.agreement()
        if found and (a is None or a.id != found.group(1)):
            self.choose(found.group(1))
        super().show_problem(path)

    # ----------------------------------------------------------- what the session says changed

    def _on_field_changed(self, record: Any, attr: str) -> None:
        if not self._built or self.plan is None:
            return
        if record is ag.section(self.plan, self.kind) and attr == "agreements":
            self._fill_versions()
            self._rebind()
            return
        self.checklist.set_agreement(self.agreement())

    def _on_list_changed(self, _lst: Any) -> None:
        if self._built and self.plan is not None:
            self.checklist.set_agreement(self.agreement())

    # ----------------------------------------------------------- its life, one undoable step each

    def tell(self, text: str, problem: bool = False) -> None:
        """Say beside the buttons what happened, or why it could not (``problem``)."""
        self.notice.setText(("⚠ " + text) if problem and text else text)
        theme.tone(self.notice, "attention" if problem else "calm")
        self.notice.setVisible(bool(text))

    def _step(self, words: str, step: Callable[[m.Plan], ag.Agreement | None]) -> bool:
        """Take one step in the agreement's life on a copy of the plan; if the domain allows it,
        set the plan's list of versions to the result as one undoable step. Nothing changes when
        it is refused; the reason is said beside the buttons."""
        plan = self.plan
        if plan is None:
            return False
        trial = copy.deepcopy(plan)
        try:
            result = step(trial)
        except ag.AgreementRefused as exc:
            self.tell(str(exc), problem=True)
            return False
        sec = ag.section(plan, self.kind)
        before = {a.id: a for a in sec.agreements}
        after = [before[a.id] if a.id in before and before[a.id] == a else a
                 for a in ag.section(trial, self.kind).agreements]
        self.chosen_id = result.id if result is not None else None
        self.session.undo_stack.beginMacro(words)
        self.session.set_field(sec, "agreements", after, catalogue.label(f"{self.kind}.agreements").lower())
        self.session.undo_stack.endMacro()
        self.tell("")
        return True

    def start(self) -> None:
        words = "Start a new version" if self.plan is not None and ag.section(self.plan, self.kind).agreements \
            else "Start the agreement"
        if self._step(words, lambda p: ag.start(p, self.kind, self.session.today)):
            self.go_to_part(ag.PARTS[self.kind][0].key)

    def discard(self) -> None:
        a = self.agreement()
        if a is None:
            return
        answer = QMessageBox.question(self, "Discard this draft", say("agreement_discard", name=ag.NAMES[self.kind]),
                                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return

        def step(p: m.Plan) -> None:
            ag.discard(p, self.kind, a.id)

        self._step("Discard this draft", step)

    def record_signing(self) -> None:
        from ..agreement_dialogs import SigningDialog

        a = self.agreement()
        if a is None or self.plan is None:
            return
        got = SigningDialog.ask(self, self.plan, self.kind, a, self.session.today)
        if got is not None:
            on, signatures = got
            self._step("Record the signing", lambda p: ag.agree(p, self.kind, a.id, on, signatures))

    def record_ending(self) -> None:
        from ..agreement_dialogs import EndingDialog

        a = self.agreement()
        if a is None:
            return
        got = EndingDialog.ask(self, self.kind, a, self.session.today)
        if got is not None:
            on, why = got
            self._step("Record the ending", lambda p: ag.end(p, self.kind, a.id, on, why))

    # ----------------------------------------------------------- print and share

    def print_agreement(self) -> None:
        from ..agreement_files import print_agreement

        a = self.agreement()
        if a is None or self.plan is None:
            return
        done = print_agreement(self, self.plan, self.kind, a, self.session.today, self.start_folder(),
                               self.session.store if self.audience is Audience.PRACTITIONER else None)
        if done is not None:
            self.tell(*done)

    def share(self) -> None:
        from ..agreement_files import share_agreement

        if self.plan is None or self.session.store is None:
            return
        if not self.session.save_now():
            self.tell(say("share_save_first", problem=self.session.status_text), problem=True)
            return
        done = share_agreement(self, self.session.store, self.plan, self.kind, self.share_audience,
                               self.start_folder())
        if done is not None:
            self.tell(*done)


def _mnemonic_key(text: str) -> str:
    """The letter after the "&" of a label ("" when it has none)."""
    plain = text.replace("&&", "")
    i = plain.find("&")
    return plain[i + 1] if 0 <= i < len(plain) - 1 else ""


class StayingPutPage(AgreementPage):
    key = "staying_put"
    kind = ag.STAYING_PUT
    edition = "staying-put"
    share_audience = Audience.FOSTER_CARER
    intro = ("The Living Together Agreement, written with the young person and their Staying Put carers: "
             "who does what, the house rules, the support, the money and the dates.")


class StayingClosePage(AgreementPage):
    key = "staying_close"
    kind = ag.STAYING_CLOSE
    edition = "staying-close"
    share_audience = Audience.KEY_WORKER
    intro = ("The Staying Close plan, written with the young person and the children’s home: the new home, "
             "the staff who stay involved, coming back, the support and the dates.")


__all__ = ["AgreementPage", "Checklist", "StayingClosePage", "StayingPutPage", "set_editable"]
