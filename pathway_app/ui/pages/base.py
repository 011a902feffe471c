"""What every area page of a plan has: a scrolling form, and prompts in a column beside it.

Every page starts with the young person's own words (a quote-styled panel), then the facts,
then the lists of records. Fields that must never be shown to the young person (contact
restrictions, safety notes, assessments) are marked "for practitioners" and are left out of
together mode. Each page has a column on the right for research prompts (:class:`PromptSide`
holding a :class:`~pathway_app.ui.prompts_panel.PromptsPanel`).

Pages are built the first time they are shown and refreshed lazily: opening another young
person only re-binds the page on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from ...domain import fieldpath
from ...domain import model as m
from ...domain.vocab import Area
from .. import theme
from ..areas import title_of
from ..fields import FieldBlock, Form, OwnWordsPanel, grid
from ..prompts_panel import PromptsPanel
from ..records import RecordListEditor, plan_path_of
from ..session import PlanSession


def muted(label: QLabel) -> QLabel:
    theme.tone(label, "muted")
    return label


# --------------------------------------------------------------------------- prompt panel


class PromptSide(QFrame):
    """The column beside an area's form that holds its prompts ("Things to think about").

    ``panel`` is a :class:`~pathway_app.ui.prompts_panel.PromptsPanel`; the plan view fills it.
    """

    def __init__(self, panel: PromptsPanel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PromptPanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 10, 12)
        lay.addWidget(panel)
        # wide enough for a card's three answer buttons side by side, with a little room
        fm = self.fontMetrics()
        pad = fm.height() * 2 + 12  # a button's padding (1em each side) and frame
        need = sum(fm.horizontalAdvance(t) + pad for t in ("Done…", "Not relevant…", "Later…")) + 12 + 28 + 24
        em = fm.horizontalAdvance("x")
        self._preferred = need + 40
        self.setMinimumWidth(em * 30)  # a narrow window still has room for the form
        self.widest = max(em * 56, need + 80)
        self.setMaximumWidth(self.widest)
        # narrower than a card: scroll sideways rather than cut it off
        panel.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._preferred), hint.height())


class StatutoryPromptsPanel(PromptsPanel):
    """Only the prompts that come from the law and statutory guidance (no research message)."""

    def _mine(self, p: Any) -> bool:  # PromptsPanel's hook: which prompts belong here
        return not p.message


def make_prompts_panel(key: str, parent: QWidget) -> PromptsPanel:
    """The prompts panel for the page ``key`` (Reviews shows the duties the law sets)."""
    if key == "reviews":
        return StatutoryPromptsPanel(parent, lazy=True)
    return PromptsPanel(parent, lazy=True)


# --------------------------------------------------------------------------- base page


class AreaPage(QWidget):
    """One area of the plan: a scrolling form with the prompt panel beside it.

    Subclasses add fields in ``build()`` with ``self.form_for(...)``, ``self.own_words(...)``
    and ``self.list_editor(...)``; binding to a plan is handled here.
    """

    key = ""  # one of areas.AREAS: the page's title comes from there
    intro = ""

    @property
    def title(self) -> str:
        return title_of(self.key)

    def __init__(self, session: PlanSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.plan: m.Plan | None = None
        self._bound_plan: m.Plan | None = None
        self._forms: list[tuple[Form, Callable[[m.Plan], Any], str]] = []
        self._lists: list[RecordListEditor] = []
        self._own_words: list[OwnWordsPanel] = []
        self._built = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(28, 20, 28, 28)
        self.body.setSpacing(14)
        self.scroll.setWidget(self.content)
        self.content.installEventFilter(self)
        outer.addWidget(self.scroll, 1)
        side = QVBoxLayout()
        side.setContentsMargins(0, 16, 16, 16)
        self.prompts = make_prompts_panel(self.key, self)
        self.prompt_side = PromptSide(self.prompts, self)
        side.addWidget(self.prompt_side)
        outer.addLayout(side, 0)
        self.session.planReplaced.connect(self._on_plan_replaced)

    # ----------------------------------------------------------- building helpers

    def ensure_built(self) -> None:
        if self._built:
            return
        self._built = True
        heading = QLabel(self.title, self.content)
        heading.setAccessibleName(self.title)
        theme.set_font(heading, 1.6, bold=True)
        self.body.addWidget(heading)
        if self.intro:
            intro = muted(QLabel(self.intro, self.content))
            intro.setWordWrap(True)
            self.body.addWidget(intro)
        self.build()
        self.body.addStretch(1)
        self._fit_side()

    def build(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_side()

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        if obj is self.content and event.type() == QEvent.Type.LayoutRequest:
            self._fit_side()  # the form's width needs changed (a record shown, a plan bound)
        return super().eventFilter(obj, event)

    def _fit_side(self) -> None:
        """Narrow the prompts column before the form has to scroll sideways (a small window,
        or a large system font), never below the column's own minimum."""
        side = self.prompt_side
        if not self._built:
            return
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        need = self.content.minimumSizeHint().width() + bar + 2 * self.scroll.frameWidth()
        margins = self.layout().contentsMargins()
        room = self.width() - need - 16 - margins.left() - margins.right()  # 16: the column's margin
        width = max(side.minimumWidth(), min(side.widest, room))
        if side.maximumWidth() != width:
            side.setMaximumWidth(width)

    def focus_chain(self) -> list[QWidget]:
        """The page's keyboard-focusable widgets in reading order (content, then prompts)."""
        out: list[QWidget] = []

        def walk(w: QWidget) -> None:
            for child in w.children():
                if not isinstance(child, QWidget) or child.isWindow():
                    continue
                takes_tab = child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.focusProxy() is None
                inner = isinstance(child, QScrollBar) or child.metaObject().className() == "QComboBoxPrivateContainer"
                if takes_tab and not inner:
                    out.append(child)
                if not isinstance(child, (QAbstractItemView, QComboBox, QPlainTextEdit)):
                    walk(child)

        walk(self.content)
        walk(self.prompts)
        return out

    def form_for(self, target: Callable[[m.Plan], Any], prefix: str) -> Form:
        """A form on ``target(plan)``, the record at ``prefix`` (its words: the catalogue's)."""
        form = Form(self.session, self, fieldpath.field_id(prefix) if prefix else "")
        self._forms.append((form, target, prefix))
        return form

    def section(self, title: str, note: str = "") -> QVBoxLayout:
        box = QWidget(self.content)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 14, 0, 0)
        lay.setSpacing(8)
        h = QLabel(title, box)
        theme.set_font(h, 1.2, bold=True)
        lay.addWidget(h)
        if note:
            n = muted(QLabel(note, box))
            n.setWordWrap(True)
            lay.addWidget(n)
        self.body.addWidget(box)
        return lay

    def own_words(self, target: Callable[[m.Plan], Any], prefix: str, attr: str, question: str) -> OwnWordsPanel:
        form = self.form_for(target, prefix)
        panel = OwnWordsPanel(form, attr, question, parent=self.content)
        self._own_words.append(panel)
        self.body.addWidget(panel)
        return panel

    def practitioner_only(self, blocks: list[QWidget], title: str = "For practitioners") -> QFrame:
        """Fields never shown in together mode or in the young person's copy."""
        frame = QFrame(self.content)
        frame.setObjectName("PractitionerOnly")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(12, 10, 12, 12)
        note = muted(QLabel(f"{title} — not shown in together mode or in the young person’s copy", frame))
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addWidget(grid(blocks, 2, frame))
        frame.setProperty("practitioner_only", True)
        return frame

    def list_editor(self, *args: Any, **kwargs: Any) -> RecordListEditor:
        ed = RecordListEditor(self.session, *args, parent=self.content, **kwargs)
        self._lists.append(ed)
        return ed

    # ----------------------------------------------------------- binding

    def set_plan(self, plan: m.Plan | None) -> None:
        self.plan = plan
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Bind every field to the current plan (only when it changed since last time)."""
        self.ensure_built()
        if self._bound_plan is self.plan and self.plan is not None:
            return
        self._bound_plan = self.plan
        plan = self.plan
        for form, target, prefix in self._forms:
            form.set_target(target(plan) if plan is not None else None, prefix)
        for ed in self._lists:
            ed.set_plan(plan)
        name = (plan.person.preferred_name.strip() or plan.person.given_name.strip()) if plan else ""
        for panel in self._own_words:
            panel.set_name(name)
        self.after_bind()
        self._fit_side()

    def after_bind(self) -> None:
        """Hook for pages with extra widgets to refresh."""

    def edition_sections(self) -> dict[str, QWidget]:
        """The sections of this page that have a copy of the plan of their own (PDF edition →
        the section), so Export PDF starts on that copy there."""
        return {}

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def _on_plan_replaced(self, plan: m.Plan) -> None:
        self.plan = plan
        self._bound_plan = None
        if self.isVisible():
            self.refresh()

    def show_problem(self, path: str) -> None:
        """Select the record a problem is about (``relationships[<id>].name``) and put the cursor
        in the first field that shows a problem."""
        for ed in self._lists:
            if ed.records is None:
                continue
            for row, rec in enumerate(ed.records):
                if path.startswith(plan_path_of(ed.list_path(), rec, row) + "."):
                    ed.select(rec)
        block = self.first_error_block()
        if block is not None:
            self.scroll.ensureWidgetVisible(block)
            block.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_path(self, path: str) -> None:
        """Bring the field at ``path`` into view with the cursor in it ("home.registration"),
        or the record ("advisers[<id>]") selected with the cursor in its first field."""
        self.ensure_built()
        found: RecordListEditor | None = None
        for ed in self._lists:
            list_path = ed.list_path()
            if list_path is None or ed.records is None:
                continue
            for row, rec in enumerate(ed.records):
                at = plan_path_of(list_path, rec, row)
                if path == at or path.startswith(at + "."):
                    ed.select(rec)
                    found = ed
        for form in [f for f, _t, _p in self._forms] + [ed.form for ed in self._lists]:
            if form.target is None:
                continue
            for f in form.fields:
                if form.path_of(f.attr) == path:
                    self.content.layout().activate()
                    self.scroll.ensureWidgetVisible(f.block)
                    f.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        if found is not None:
            found.focus_editor()

    def first_error_block(self) -> FieldBlock | None:
        for form, _t, _p in self._forms:
            for f in form.fields:
                if f.block.error_text():
                    return f.block
        for ed in self._lists:
            for b in ed.blocks():
                if b.error_text():
                    return b
        return None


# --------------------------------------------------------------------------- helpers for the pages


def wide(block: FieldBlock) -> FieldBlock:
    """A block with a long label that cannot wrap (a check box): a row of its own."""
    block.wide = True
    return block


def person_of(p: m.Plan) -> m.YoungPerson:
    return p.person


def area_of(a: Area) -> Callable[[m.Plan], m.SupportArea]:
    """The plan's support area ``a`` (its own words, assessment and actions)."""
    def get(p: m.Plan) -> m.SupportArea:
        return p.area(a)

    return get


def area_prefix(a: Area) -> str:
    """The path of the support area ``a`` in the plan, for validation problems."""
    return f"support_areas[{a.value}]"


__all__ = ["AreaPage", "PromptSide", "StatutoryPromptsPanel", "area_of", "area_prefix", "make_prompts_panel",
           "muted", "person_of", "wide"]
