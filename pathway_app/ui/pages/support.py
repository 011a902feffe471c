"""The support plan: the ten areas the plan must cover, each with their words, the
assessment and the actions (what, who, by when)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QSizePolicy, QVBoxLayout, QWidget

from ...domain import model as m
from ...domain.labels import label as vocab_label
from ...domain.vocab import SCHEDULE_1_AREAS, ActionStatus, Area
from .. import theme
from ..fields import Form, OwnWordsPanel, pretty_date
from ..records import column
from .base import AreaPage

#: One question per support area, in the young person's voice.
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
        self.words_form = Form(self.session, self, "support_areas")
        self.words = OwnWordsPanel(self.words_form, "own_words", "", parent=self.content)
        right.addWidget(self.words)
        self.assess_form = Form(self.session, self, "support_areas")
        assess = self.assess_form.notes("assessment", lines=3)
        right.addWidget(self.practitioner_only([assess], "Assessment — for practitioners"))
        self.actions = self.list_editor(
            "support_areas.actions",
            [column("support_areas.actions.what"), column("support_areas.actions.who"),
             column("support_areas.actions.by_when", lambda a: pretty_date(a.by_when)),
             column("support_areas.actions.status")],
            self._actions_of, self._actions_path, self._build_action,
            factory=m.Action, empty_text="No actions yet. What will be done, by whom and by when?",
        )
        right.addWidget(self.actions)
        row.addLayout(right, 1)
        self.body.addLayout(row)

    @staticmethod
    def _build_action(form: Form) -> list[QWidget]:
        return [form.notes("what", lines=2), form.text("who"), form.date("by_when"),
                form.choice("status", ActionStatus)]

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


__all__ = ["AREA_QUESTIONS", "SupportPlanPage"]
