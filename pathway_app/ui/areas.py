"""The plan, area by area: one page per area, each a scrolling form.

Every page starts with the young person's own words (a quote-styled panel), then the facts,
then the lists of records. Fields that must never be shown to the young person (contact
restrictions, safety notes, assessments) are marked "for practitioners" and are left out of
together mode. Each page has a column on the right for research prompts (:class:`PromptSide` holding a
:class:`~pathway_app.ui.prompts_panel.PromptsPanel`).

Pages are built the first time they are shown and refreshed lazily: opening another young
person only re-binds the page on screen.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QPlainTextEdit,
    QScrollBar,
    QFrame,
    QPushButton,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain import model as m
from ..domain.dates import fmt
from ..domain.labels import label as vocab_label
from ..domain.vocab import (
    ActionStatus,
    Area,
    Closeness,
    ContactFrequency,
    Decision,
    EetStatus,
    HomeType,
    ImmigrationStatus,
    LegalStatus,
    LifeStoryKind,
    Parenting,
    RelationshipStatus,
    RelationshipType,
    SCHEDULE_1_AREAS,
    SkillLevel,
    ThereAt25,
)
from . import theme
from .fields import FieldBlock, Form, OwnWordsPanel, grid, pretty_date
from .prompts_panel import PromptsPanel
from .records import Column, RecordListEditor
from .session import PlanSession

#: (key, title shown in the list of areas)
AREAS: list[tuple[str, str]] = [
    ("about", "About me"),
    ("people", "People who matter"),
    ("home", "Home"),
    ("education", "Education and work"),
    ("health", "Health and wellbeing"),
    ("money", "Money"),
    ("skills", "Skills for living"),
    ("identity", "Identity and life story"),
    ("support", "Support plan"),
    ("contingency", "If things go wrong"),
    ("reviews", "Reviews and key dates"),
    ("advisers", "Adviser history"),
]

#: Prompt-engine area codes that belong on each page.
PROMPT_AREAS: dict[str, tuple[str, ...]] = {
    "about": ("about_me",),
    "people": ("relationships",),
    "home": ("accommodation",),
    "education": ("education", "employment"),
    "health": ("health",),
    "money": ("finance",),
    "skills": ("skills",),
    "identity": ("identity",),
    "support": ("support",),
    "contingency": ("contingency",),
    "reviews": (),
    "advisers": (),
}


def _muted(label: QLabel) -> QLabel:
    theme.tone(label, "muted")
    return label


def _yn(v: bool | None) -> str:
    return "" if v is None else ("Yes" if v else "No")


# --------------------------------------------------------------------------- prompt panel


class PromptSide(QFrame):
    """The column beside an area's form that holds its prompts ("Things to think about").

    ``panel`` is a :class:`~pathway_app.ui.prompts_panel.PromptsPanel`; the plan view fills it.
    """

    def __init__(self, panel: QWidget, parent: QWidget | None = None):
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
        scroll = getattr(panel, "scroll", None)
        if scroll is not None:  # narrower than a card: scroll sideways rather than cut it off
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

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
        return StatutoryPromptsPanel(parent, title="What the law asks for", lazy=True)
    return PromptsPanel(parent, lazy=True)


# --------------------------------------------------------------------------- base page


class AreaPage(QWidget):
    """One area of the plan: a scrolling form with the prompt panel beside it.

    Subclasses add fields in ``build()`` with ``self.form_for(...)``, ``self.own_words(...)``
    and ``self.list_editor(...)``; binding to a plan is handled here.
    """

    key = ""
    title = ""
    intro = ""

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
            intro = _muted(QLabel(self.intro, self.content))
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
                if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.focusProxy() is None:
                    if not isinstance(child, QScrollBar) and child.metaObject().className() != "QComboBoxPrivateContainer":
                        out.append(child)
                if not isinstance(child, (QAbstractItemView, QComboBox, QPlainTextEdit)):
                    walk(child)

        walk(self.content)
        walk(self.prompts)
        return out

    def form_for(self, target: Callable[[m.Plan], Any], prefix: str) -> Form:
        form = Form(self.session, self)
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
            n = _muted(QLabel(note, box))
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
        note = _muted(QLabel(f"{title} — not shown in together mode or in the young person’s copy", frame))
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

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def _on_plan_replaced(self, plan: m.Plan) -> None:
        self.plan = plan
        self._bound_plan = None
        if self.isVisible():
            self.refresh()

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


# --------------------------------------------------------------------------- pages


def _wide(block: FieldBlock) -> FieldBlock:
    """A block with a long label that cannot wrap (a check box): a row of its own."""
    block.wide = True
    return block


def _person(p: m.Plan) -> m.YoungPerson:
    return p.person


def _area(a: Area) -> Callable[[m.Plan], m.SupportArea]:
    def get(p: m.Plan) -> m.SupportArea:
        return p.area(a)

    return get


def _area_prefix(a: Area) -> str:
    return f"support_areas[{a.value}]"


def _episode_text(e: m.CareEpisode) -> str:
    return e.home_name or vocab_label(e.home_type)


class AboutPage(AreaPage):
    key = "about"
    title = "About me"
    intro = "Who they are, what they are good at and what they enjoy — then the facts the plan needs."

    def build(self) -> None:
        self.own_words(_person, "person", "about_me_own_words",
                       "What would you like people to know about you?")
        f = self.form_for(_person, "person")
        lay = self.section("Strengths and interests",
                           "Strengths and achievements, not only needs (research message M22).")
        lay.addWidget(grid([
            f.notes("strengths", "S&trengths", "What they are good at", lines=2),
            f.notes("interests", "Interests", "What they enjoy doing", lines=2),
            f.notes("achievements", "Achievements", "Things they are proud of", lines=2),
        ]))
        lay = self.section("Name and contact")
        lay.addWidget(grid([
            f.text("given_name", "&Given name"),
            f.text("family_name", "&Family name"),
            f.text("preferred_name", "&Preferred name", "The name they want to be called"),
            f.text("pronouns", "Pro&nouns", placeholder="e.g. she/her"),
            f.date("date_of_birth", "&Date of birth"),
            f.text("phone", "Phone"),
            f.text("email", "Email"),
            f.text("local_authority", "Local authority"),
            f.notes("address", "Address", lines=2),
        ]))
        lay = self.section("Legal status and circumstances")
        lay.addWidget(grid([
            f.choice("legal_status", LegalStatus, "Legal status"),
            f.choice("immigration_status", ImmigrationStatus, "Immigration status"),
            f.notes("immigration_notes", "Immigration notes", lines=2),
            f.choice("parenting", Parenting, "Being a parent"),
            f.notes("parenting_notes", "Notes about being a parent", lines=2),
            f.check("youth_justice", "Involved with youth justice"),
            _wide(f.check("detained_or_in_hospital_on_16th_birthday", "Detained or in hospital on their 16th birthday",
                          "Counts towards being a relevant young person")),
            f.notes("youth_justice_notes", "Youth justice notes", lines=2),
        ]))
        lay = self.section("Care history",
                           "Each home they were looked after in. The care-leaver category is worked out from these dates.")

        def build_episode(form: Form) -> list[QWidget]:
            return [
                form.text("home_name", "Name of the home"),
                form.choice("home_type", HomeType, "Kind of home"),
                form.date("start", "Moved in on"),
                form.date("end", "Left on", "Leave empty while they still live there"),
                form.choice("legal_status", LegalStatus, "Legal status"),
                form.check("short_break", "A planned short break",
                           "Short breaks of 4 weeks or less do not count towards the 13 weeks"),
                form.notes("notes", "Notes", lines=2),
            ]

        lay.addWidget(self.list_editor(
            "care episode",
            [Column("Home", _episode_text), Column("Kind", lambda e: vocab_label(e.home_type)),
             Column("From", lambda e: pretty_date(e.start)), Column("To", lambda e: pretty_date(e.end) or "now")],
            lambda p: p.care_episodes, lambda p: "care_episodes", build_episode,
            factory=m.CareEpisode, describe=lambda e: f"Care episode: {_episode_text(e)}",
            empty_text="No care history recorded yet.",
        ))


def _rel_describe(r: m.Relationship) -> str:
    return f"About {r.name}" if r.name.strip() else "A new person"


def build_relationship_editor(form: Form) -> list[QWidget]:
    return [
        form.text("name", "&Name", "Their name"),
        form.choice("relationship_type", RelationshipType, "Who they are", "Sister, foster carer, friend…"),
        form.text("description", "In their words", "How the young person describes them: “my big sister”"),
        form.choice("there_at_25", ThereAt25, "Will they be there at 25?",
                    "Who will be there for them at 25 and beyond? (Care Inquiry, M1)"),
        form.choice("closeness", Closeness, "How close"),
        form.choice("contact_frequency", ContactFrequency, "How often in touch"),
        form.text("contact_means", "How they keep in touch", placeholder="visits, phone, video…"),
        form.choice("status", RelationshipStatus, "Continuing?"),
        form.check("in_support_plan", "Has a part in the support plan"),
        form.notes("keep_in_touch_plan", "How this will carry on after a move", lines=2),
        form.notes("what_they_bring", "What they bring", "What the young person values in them", lines=2),
    ]


class PeoplePage(AreaPage):
    """Signals:
        at25Requested(): "Who will be there at 25?" was pressed.
    """

    at25Requested = Signal()
    key = "people"
    title = "People who matter"
    intro = ("Family, friends, carers and workers — and who will still be there at 25 and beyond. "
             "Don't break what's already there.")

    def build(self) -> None:
        self.own_words(_area(Area.RELATIONSHIPS), _area_prefix(Area.RELATIONSHIPS), "own_words",
                       "Who do you want to still be in your life when you're 25?")
        lay = self.section("Their people")
        row = QHBoxLayout()
        ask = _muted(QLabel("Go through everyone together, one at a time: who will still be there for them at 25?",
                            self.content))
        ask.setWordWrap(True)
        row.addWidget(ask, 1)
        self.at25_button = QPushButton("Who will be there at &25?", self.content)
        self.at25_button.setAccessibleName("Who will be there at 25?")
        self.at25_button.setAccessibleDescription(
            "Ask the young person, one person at a time, who will still be there for them at 25")
        self.at25_button.clicked.connect(self.at25Requested)
        theme.fit_text(self.at25_button)
        row.addWidget(self.at25_button, 0)
        lay.addLayout(row)
        self.map = _make_map(self.content)
        lay.addWidget(self.map)

        def build(form: Form) -> list[QWidget]:
            blocks = build_relationship_editor(form)
            self._private = self.practitioner_only([
                form.notes("contact_restrictions", "Contact restrictions", lines=2, wide=False),
                form.notes("safety_notes", "Safety notes", lines=2, wide=False),
                form.text("phone", "Phone"),
            ])
            self._private.wide = True  # type: ignore[attr-defined]
            return blocks + [self._private]

        self.people = self.list_editor(
            "person",
            [Column("Name", lambda r: r.name), Column("Who", lambda r: vocab_label(r.relationship_type)),
             Column("There at 25?", lambda r: vocab_label(r.there_at_25)),
             Column("In touch", lambda r: vocab_label(r.contact_frequency))],
            lambda p: p.relationships, lambda p: "relationships", build,
            factory=m.Relationship, describe=_rel_describe,
            empty_text="No one recorded yet. Who matters to them?",
        )
        lay.addWidget(self.people)
        if hasattr(self.map, "personActivated"):
            self.map.personActivated.connect(self.people.select_id)
        if hasattr(self.map, "addPersonRequested"):
            self.map.addPersonRequested.connect(self.people.add)
        self.session.listChanged.connect(self._refresh_map)
        self.session.fieldChanged.connect(self._field_changed)

    def after_bind(self) -> None:
        self._refresh_map()

    def _refresh_map(self, *_args: Any) -> None:
        if hasattr(self.map, "set_plan"):
            self.map.set_plan(self.plan)  # None clears it (when the app locks)

    def _field_changed(self, record: Any, _attr: str) -> None:
        if isinstance(record, m.Relationship):
            self._refresh_map()


def _placeholder(text: str, parent: QWidget) -> QLabel:
    lab = _muted(QLabel(text, parent))
    lab.setObjectName("Placeholder")
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lab.setMinimumHeight(lab.fontMetrics().lineSpacing() * 5)
    lab.setFrameShape(QFrame.Shape.StyledPanel)
    lab.setWordWrap(True)
    return lab


def _make_map(parent: QWidget) -> QWidget:
    """The relationship map (a colleague's widget) or a placeholder until it exists."""
    try:
        from .map_view import RelationshipMapWidget
    except ImportError:
        return _placeholder("The map of the people who matter will appear here.", parent)
    w = RelationshipMapWidget(parent)
    w.setMinimumHeight(w.fontMetrics().lineSpacing() * 18)
    return w


def _make_timeline(parent: QWidget) -> QWidget:
    try:
        from .timeline_view import TimelineWidget
    except ImportError:
        return _placeholder("The timeline of key dates will appear here.", parent)
    w = TimelineWidget(parent)
    w.setMinimumHeight(w.fontMetrics().lineSpacing() * 9)
    return w


class HomePage(AreaPage):
    key = "home"
    title = "Home"
    intro = ("Where they live now, where they want to live next, and Staying Put or Staying Close. "
             "Keep the last home open until the next one is secure.")

    def build(self) -> None:
        self.own_words(_area(Area.ACCOMMODATION), _area_prefix(Area.ACCOMMODATION), "own_words",
                       "What do you want your next home to be like?")
        f = self.form_for(lambda p: p.home, "home")
        lay = self.section("Home now")
        lay.addWidget(grid([
            f.choice("current_type", HomeType, "Kind of home"),
            f.text("current_name", "Name or address"),
            f.date("current_since", "Living there since"),
            f.notes("suitability", "Is it right for them?",
                    "Facilities, safety, location, support, affordability, their views (Schedule 2)", lines=3),
        ]))
        lay = self.section("The next home")
        lay.addWidget(grid([
            f.choice("planned_type", HomeType, "Kind of home", none_text="Not decided yet"),
            f.date("planned_move_date", "Planned move date"),
            f.notes("planned_description", "What the next home will be", lines=2),
            f.notes("fallback", "If it doesn't work out", "Can the last home stay open?", lines=2),
        ]))
        # The written agreements have pages of their own (domain.agreements); here, the decisions.
        sp = self.form_for(lambda p: p.staying_put, "staying_put")
        lay = self.section("Staying Put", "Staying with their foster carers after 18, up to 21.")
        lay.addWidget(grid([
            sp.choice("decision", Decision, "Decision"),
            sp.notes("notes", "Notes", lines=2),
        ]))
        sc = self.form_for(lambda p: p.staying_close, "staying_close")
        lay = self.section("Staying Close", "Living near the children’s home and keeping its people, up to 25.")
        lay.addWidget(grid([
            sc.choice("decision", Decision, "Decision"),
            sc.notes("notes", "Notes", lines=2),
        ]))


class EducationPage(AreaPage):
    key = "education"
    title = "Education and work"
    intro = "School, college, training, work — and that it is never too late."

    def build(self) -> None:
        self.own_words(_area(Area.EDUCATION), _area_prefix(Area.EDUCATION), "own_words",
                       "What do you want to learn, or get better at?")
        self.own_words(_area(Area.EMPLOYMENT), _area_prefix(Area.EMPLOYMENT), "own_words",
                       "What kind of work, or other things, would you like to do?")
        f = self.form_for(lambda p: p.education, "education")
        lay = self.section("Now")
        lay.addWidget(grid([
            f.choice("status", EetStatus, "Doing now"),
            f.text("provider", "School, college or employer"),
            f.text("course", "Course or job"),
            f.text("designated_contact", "Care-leaver contact there"),
            f.date("start", "Started"),
            f.date("expected_end", "Expected to finish"),
            f.yes_no("year_round_housing", "Housing all year round", "For university: 52-week accommodation"),
            f.yes_no("bursary", "Bursary"),
            f.notes("plans", "Plans and career ideas", lines=3),
        ]))


class HealthPage(AreaPage):
    key = "health"
    title = "Health and wellbeing"
    intro = "Feelings and emotional wellbeing as much as the practical side."

    def build(self) -> None:
        self.own_words(_area(Area.HEALTH), _area_prefix(Area.HEALTH), "own_words",
                       "How are you feeling at the moment, and what helps you stay well?")
        f = self.form_for(lambda p: p.health, "health")
        lay = self.section("Health")
        lay.addWidget(grid([
            f.notes("emotional_wellbeing", "Emotional wellbeing", lines=3),
            f.notes("physical", "Physical health", lines=2),
            f.check("mental_health_need", "Has a mental health need"),
            f.yes_no("gp_registered", "Registered with a GP"),
            f.notes("mental_health", "Mental health", lines=2),
            f.notes("services", "Services", "GP, dentist, CAMHS, adult services…", lines=2),
            f.notes("adult_services_transition", "Moving to adult services", lines=2),
        ]))


class MoneyPage(AreaPage):
    key = "money"
    title = "Money"
    intro = "What they have coming in, what they are entitled to, and who explains it."

    def build(self) -> None:
        self.own_words(_area(Area.FINANCE), _area_prefix(Area.FINANCE), "own_words",
                       "How do you feel about managing money? What would help?")
        f = self.form_for(lambda p: p.money, "money")
        lay = self.section("Money")
        lay.addWidget(grid([
            f.notes("income", "Income", "Wages, Universal Credit, bursary, allowance", lines=2),
            f.yes_no("bank_account", "Has a bank account"),
            f.yes_no("council_tax_exemption", "Council tax exemption"),
            f.date("local_offer_explained_on", "Local offer explained on"),
            f.notes("savings", "Savings", lines=2),
            f.notes("debts", "Debts", lines=2),
            f.notes("notes", "Notes", lines=2),
        ]))


class SkillsPage(AreaPage):
    key = "skills"
    title = "Skills for living"
    intro = "Cooking, bills, a tenancy, getting help — practised before they are needed."

    def build(self) -> None:
        self.own_words(_area(Area.SKILLS), _area_prefix(Area.SKILLS), "own_words",
                       "Which everyday things do you feel ready for, and which would you like to practise?")
        lay = self.section("Checklist", "Choose a skill to record how it is going.")

        def build_skill(form: Form) -> list[QWidget]:
            return [form.choice("level", SkillLevel, "How it’s going"), form.notes("notes", "Notes", lines=2)]

        lay.addWidget(self.list_editor(
            "skill",
            [Column("Skill", lambda s: vocab_label(s.key, "Skill")), Column("How it’s going", lambda s: vocab_label(s.level))],
            lambda p: p.skills, lambda p: "skills", build_skill,
            factory=None, describe=lambda s: vocab_label(s.key, "Skill"),
        ))


class IdentityPage(AreaPage):
    key = "identity"
    title = "Identity and life story"
    intro = "Ask, don't assume: who they are in their own words, and the story of their life so far."

    def build(self) -> None:
        self.own_words(lambda p: p.identity, "identity", "own_words",
                       "How would you describe who you are? What matters to you about your background?")
        f = self.form_for(lambda p: p.identity, "identity")
        lay = self.section("Identity")
        lay.addWidget(grid([
            f.text("ethnicity", "Ethnicity"), f.text("religion", "Religion or beliefs"),
            f.text("languages", "Languages"), f.text("culture", "Culture"),
            f.text("gender", "Gender"), f.text("sexuality", "Sexuality"),
            f.check("recorded_with_young_person", "Recorded with the young person"),
        ]))
        lay = self.section("Life story", "Memories, people, places, photos and documents.")

        def build_entry(form: Form) -> list[QWidget]:
            return [form.text("title", "Title"), form.choice("kind", LifeStoryKind, "Kind"),
                    form.date("when", "When"), form.notes("text", "The story", lines=4)]

        lay.addWidget(self.list_editor(
            "life story entry",
            [Column("Title", lambda e: e.title), Column("Kind", lambda e: vocab_label(e.kind)),
             Column("When", lambda e: pretty_date(e.when))],
            lambda p: p.life_story, lambda p: "life_story", build_entry,
            factory=m.LifeStoryEntry, describe=lambda e: e.title or "A new entry",
            empty_text="No life story entries yet.",
        ))


#: One question per support area, in the young person's voice (also used by together mode).
AREA_QUESTIONS: dict[Area, str] = {
    Area.SUPPORT: "Who do you want to support you, and how often?",
    Area.EDUCATION: "What do you want to learn, or get better at?",
    Area.EMPLOYMENT: "What kind of work, or other things, would you like to do?",
    Area.CONTINGENCY: "If things go wrong, what would help you most?",
    Area.ACCOMMODATION: "What do you want your next home to be like?",
    Area.RELATIONSHIPS: "Who do you want to still be in your life when you're 25?",
    Area.SKILLS: "Which everyday things do you feel ready for, and which would you like to practise?",
    Area.FINANCE: "How do you feel about managing money? What would help?",
    Area.HEALTH: "How are you feeling at the moment, and what helps you stay well?",
    Area.IDENTITY: "How would you describe who you are?",
}


class SupportPlanPage(AreaPage):
    key = "support"
    title = "Support plan"
    intro = ("The ten areas the plan must cover: for each, their words, the assessment, and what will "
             "be done — by whom and by when.")

    def build(self) -> None:
        self.current = Area.SUPPORT
        row = QHBoxLayout()
        row.setSpacing(16)
        self.area_model = QStandardItemModel(self)
        for a in SCHEDULE_1_AREAS:
            item = QStandardItem(f"{SCHEDULE_1_AREAS.index(a) + 1}. {vocab_label(a)}")
            item.setData(a.value, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.area_model.appendRow(item)
        self.area_list = QListView(self.content)
        self.area_list.setModel(self.area_model)
        self.area_list.setAccessibleName("Support plan areas")
        self.area_list.setAccessibleDescription("Choose one of the ten areas of the support plan")
        self.area_list.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * 34)
        self.area_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.area_list.setMinimumHeight(self.area_list.sizeHintForRow(0) * 10 + 8)
        self.area_list.selectionModel().currentRowChanged.connect(self._on_area)
        row.addWidget(self.area_list, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        self.area_title = QLabel(self.content)
        theme.set_font(self.area_title, 1.25, bold=True)
        right.addWidget(self.area_title)
        self.words_form = Form(self.session, self)
        self.words = OwnWordsPanel(self.words_form, "own_words", "", parent=self.content)
        right.addWidget(self.words)
        self.assess_form = Form(self.session, self)
        assess = self.assess_form.notes("assessment", "Assessment", "The assessment of needs in this area", lines=3)
        right.addWidget(self.practitioner_only([assess], "Assessment — for practitioners"))
        self.actions = self.list_editor(
            "action",
            [Column("What", lambda a: a.what), Column("Who", lambda a: a.who),
             Column("By when", lambda a: pretty_date(a.by_when)), Column("Status", lambda a: vocab_label(a.status))],
            self._actions_of, self._actions_path, self._build_action,
            factory=m.Action, describe=lambda a: a.what or "A new action",
            empty_text="No actions yet. What will be done, by whom and by when?",
        )
        right.addWidget(self.actions)
        row.addLayout(right, 1)
        self.body.addLayout(row)

    @staticmethod
    def _build_action(form: Form) -> list[QWidget]:
        return [form.notes("what", "What", "What will be done", lines=2), form.text("who", "Who"),
                form.date("by_when", "By when"), form.choice("status", ActionStatus, "Status")]

    def _actions_of(self, plan: m.Plan) -> list:
        return plan.area(self.current).actions

    def _actions_path(self, plan: m.Plan) -> str:
        return f"support_areas[{self.current.value}].actions"

    def after_bind(self) -> None:
        if not self.area_list.currentIndex().isValid():
            self.area_list.selectionModel().setCurrentIndex(
                self.area_model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._bind_area()

    def _on_area(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.current = Area(current.data(Qt.ItemDataRole.UserRole))
            self._bind_area()

    def select_area(self, area: Area) -> None:
        self.ensure_built()
        self.area_list.setCurrentIndex(self.area_model.index(SCHEDULE_1_AREAS.index(area), 0))

    def _bind_area(self) -> None:
        plan = self.plan
        self.area_title.setText(f"{SCHEDULE_1_AREAS.index(self.current) + 1}. {vocab_label(self.current)}")
        self.words.question = AREA_QUESTIONS[self.current]
        self.words.prompt.setText(AREA_QUESTIONS[self.current])
        if plan is None:
            self.words_form.set_target(None)
            self.assess_form.set_target(None)
            self.actions.set_plan(None)
            return
        sa = plan.area(self.current)
        prefix = f"support_areas[{self.current.value}]"
        self.words_form.set_target(sa, prefix)
        self.assess_form.set_target(sa, prefix)
        self.actions.set_plan(plan)
        name = plan.person.preferred_name.strip() or plan.person.given_name.strip()
        self.words.set_name(name)


class ContingencyPage(AreaPage):
    key = "contingency"
    title = "If things go wrong"
    intro = "What happens if the plan stops working: a fallback home, and who to call."

    def build(self) -> None:
        self.own_words(lambda p: p.contingency, "contingency", "own_words",
                       "If things go wrong, what would help you most? Who would you want to call?")
        f = self.form_for(lambda p: p.contingency, "contingency")
        lay = self.section("The plan B")
        lay.addWidget(grid([
            f.notes("plan", "If the plan stops working", lines=3),
            f.notes("fallback_home", "A fallback home", lines=2),
            f.notes("who_to_call", "Who to call", lines=2),
        ]))


class ReviewsPage(AreaPage):
    key = "reviews"
    title = "Reviews and key dates"
    intro = "The needs assessment, the plan, its reviews at least every six months, and what's coming up."

    def build(self) -> None:
        lay = self.section("Timeline")
        self.timeline = _make_timeline(self.content)
        lay.addWidget(self.timeline)
        f = self.form_for(lambda p: p, "")
        lay = self.section("Milestones")
        lay.addWidget(grid([
            f.date("needs_assessment_done_on", "Needs assessment done on"),
            f.date("plan_agreed_on", "Plan agreed on"),
            f.date("review_requested_on", "Review asked for on",
                   "The young person or PA asked for a review: due within 28 days"),
            f.check("pa_support_to_25", "Asked for PA support from 21 to 25"),
        ]))
        lay = self.section("Reviews")

        def build_review(form: Form) -> list[QWidget]:
            return [form.date("held_on", "Held on"), form.text("participants", "Who took part"),
                    form.notes("young_person_views", "Their views", lines=2),
                    form.notes("summary", "Summary", lines=3)]

        lay.addWidget(self.list_editor(
            "review",
            [Column("Held on", lambda r: pretty_date(r.held_on)), Column("Who took part", lambda r: r.participants),
             Column("Summary", lambda r: r.summary)],
            lambda p: p.reviews, lambda p: "reviews", build_review,
            factory=m.Review, describe=lambda r: f"Review on {fmt(r.held_on)}" if r.held_on else "A new review",
            empty_text="No reviews recorded yet.",
        ))
        self.session.saved.connect(self._refresh_timeline)

    def after_bind(self) -> None:
        self._refresh_timeline()

    def _refresh_timeline(self, *_args: Any) -> None:
        if hasattr(self.timeline, "set_plan"):
            self.timeline.set_plan(self.plan, self.session.today)  # None clears it


class AdvisersPage(AreaPage):
    key = "advisers"
    title = "Adviser history"
    intro = "Their personal advisers over time, with handovers — continuity matters."

    def build(self) -> None:
        lay = self.section("Personal advisers")

        def build_adviser(form: Form) -> list[QWidget]:
            return [form.text("name", "Name"), form.text("organisation", "Organisation"),
                    form.date("start", "From"), form.date("end", "To", "Leave empty for their adviser now"),
                    form.notes("handover_notes", "Handover", lines=2)]

        lay.addWidget(self.list_editor(
            "adviser",
            [Column("Name", lambda a: a.name), Column("Organisation", lambda a: a.organisation),
             Column("From", lambda a: pretty_date(a.start)), Column("To", lambda a: pretty_date(a.end) or "now")],
            lambda p: p.advisers, lambda p: "advisers", build_adviser,
            factory=m.AdviserPeriod, describe=lambda a: a.name or "A new adviser",
            empty_text="No personal adviser recorded yet.",
        ))


PAGE_CLASSES: dict[str, type[AreaPage]] = {
    cls.key: cls
    for cls in (AboutPage, PeoplePage, HomePage, EducationPage, HealthPage, MoneyPage, SkillsPage,
                IdentityPage, SupportPlanPage, ContingencyPage, ReviewsPage, AdvisersPage)
}

#: Which page shows a problem about a field path (for "take me to the problem").
PATH_PAGES: list[tuple[str, str]] = [
    ("person.", "about"), ("care_episodes", "about"), ("relationships", "people"),
    ("home.", "home"), ("staying_put", "home"), ("staying_close", "home"),
    ("education", "education"), ("health", "health"), ("money", "money"), ("skills", "skills"),
    ("identity", "identity"), ("life_story", "identity"), ("support_areas", "support"),
    ("contingency", "contingency"), ("reviews", "reviews"), ("needs_assessment", "reviews"),
    ("plan_agreed", "reviews"), ("review_requested", "reviews"), ("advisers", "advisers"),
]


def page_for_path(path: str) -> str:
    for prefix, key in PATH_PAGES:
        if path.startswith(prefix):
            return key
    return "about"


__all__ = ["AREAS", "PAGE_CLASSES", "AreaPage", "PromptSide", "make_prompts_panel", "page_for_path"]
