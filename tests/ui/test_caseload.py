"""Your young people: the list, search as you type, sorting, opening."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pathway_app.domain import dates
from pathway_app.domain.summary import PlanSummary
from pathway_app.ui.caseload import NAME, PROMPTS, WHEN, CaseloadView, make_row

from .conftest import TODAY
from builders import minimal_plan


def _summaries(n: int, seed: int = 1) -> list[PlanSummary]:
    rng = random.Random(seed)
    first = ["Amara", "Jade", "Kayla", "Reece", "Nadia", "Callum", "Dawit", "Shannon", "Tom", "Mia", "Zoë", "Łucja"]
    last = ["Lewis", "Okafor", "Smith", "Nguyen", "Brown", "Haile", "Kowalski", "Ahmed", "O'Neill"]
    out = []
    for _i in range(n):
        plan = minimal_plan(given_name=rng.choice(first), family_name=rng.choice(last),
                            date_of_birth=date(2004 + rng.randrange(8), 1 + rng.randrange(12), 1 + rng.randrange(28)))
        if rng.random() < 0.5:
            plan.plan_agreed_on = date(2025, 1 + rng.randrange(12), 1)
        out.append(PlanSummary.of(plan, TODAY))
    return out


def test_search_filters_as_you_type(qtbot):
    view = CaseloadView()
    qtbot.addWidget(view)
    view.set_summaries(_summaries(300), TODAY)
    view.show()
    total = view.proxy.rowCount()
    assert total == 300
    qtbot.keyClicks(view.search, "ok")
    shown = [view.proxy.index(i, NAME).data() for i in range(view.proxy.rowCount())]
    assert shown and all("ok" in s.casefold() for s in shown)
    assert view.count.text() == f"{len(shown)} of 300 shown"
    view.search.clear()
    qtbot.keyClicks(view.search, "ZOË okaf")  # casefolded, several words
    shown = [view.proxy.index(i, NAME).data() for i in range(view.proxy.rowCount())]
    assert shown and all(s.startswith("Zoë Okafor") for s in shown)
    view.search.clear()
    qtbot.keyClicks(view.search, "nobody-has-this-name")
    assert view.proxy.rowCount() == 0 and view.no_match.isVisible()
    view.search.clear()
    assert view.proxy.rowCount() == 300


def test_search_keeps_the_sort_and_sorting_works_on_every_column(qtbot):
    view = CaseloadView()
    qtbot.addWidget(view)
    view.set_summaries(_summaries(200), TODAY)
    for col in range(view.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            view.table.sortByColumn(col, order)
            rows = [view.model.rows[view.proxy.mapToSource(view.proxy.index(i, 0)).row()]
                    for i in range(view.proxy.rowCount())]
            key = {0: lambda r: r.sort_name, 1: lambda r: (r.age is None, r.age or 0), 2: lambda r: r.category,
                   3: lambda r: r.next_label, 4: lambda r: (r.next_date is None, r.next_date or date.max),
                   5: lambda r: r.prompts}[col]
            keys = [key(r) for r in rows]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), (col, order)
    view.table.sortByColumn(WHEN, Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(view.search, "a")
    dates_shown = [view.model.rows[view.proxy.mapToSource(view.proxy.index(i, 0)).row()].next_date
                   for i in range(view.proxy.rowCount())]
    real = [d for d in dates_shown if d is not None]
    assert real == sorted(real)


def test_overdue_is_highlighted(qtbot):
    plan = minimal_plan(date_of_birth=date(2008, 1, 1))
    plan.plan_agreed_on = date(2025, 1, 1)  # review due July 2025: overdue on TODAY
    row = make_row(PlanSummary.of(plan, TODAY), TODAY)
    assert row.overdue
    view = CaseloadView()
    qtbot.addWidget(view)
    view.set_summaries([PlanSummary.of(plan, TODAY)], TODAY)
    idx = view.model.index(0, WHEN)
    assert "overdue" in idx.data()
    assert idx.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert idx.data(Qt.ItemDataRole.FontRole).bold()


def test_filtering_10000_rows_narrows_and_widens_the_list(qtbot):
    """Typing narrows the list and deleting widens it again (benchmarks/bench_ui.py times it)."""
    view = CaseloadView()
    qtbot.addWidget(view)
    summaries = _summaries(10_000)
    view.set_summaries(summaries, TODAY)
    view.show()
    qtbot.waitExposed(view)
    shown = []
    for text in ("o", "oka", "okaf", ""):
        view.search.setText(text)
        QApplication.processEvents()
        shown.append(view.proxy.rowCount())
    assert shown[-1] == len(summaries)
    assert shown[0] >= shown[1] >= shown[2] and shown[2] < len(summaries)


def test_enter_in_search_opens_the_first_match_and_down_moves_to_the_list(qtbot, window, store):
    a = minimal_plan(given_name="Amara", family_name="Lewis")
    b = minimal_plan(given_name="Reece", family_name="Brown")
    for p in (a, b):
        store.save(p, today=TODAY)
    window.load_caseload()
    window.caseload.focus_search()
    qtbot.keyClicks(window.caseload.search, "ree")
    qtbot.keyClick(window.caseload.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.caseload.table
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_Return)
    assert window.session.plan.id == b.id
    window.show_caseload()
    assert window.caseload.table.currentIndex().data(Qt.ItemDataRole.UserRole) == b.id


def test_caseload_row_follows_saves(qtbot, window, store, saved_plan):
    window.load_caseload()
    window.open_plan(saved_plan.id)
    page = window.plan_view.show_area("about")
    given = page._forms[1][0].widget("preferred_name")
    qtbot.keyClicks(given, "JJ")
    window.session.save_now()
    names = [window.caseload.model.index(i, NAME).data() for i in range(window.caseload.model.rowCount())]
    assert names == ["JJ Okafor"]
    assert window.caseload.model.index(0, PROMPTS).data() != ""  # the prompt engine counted some


def test_age_and_category_columns(qtbot):
    plan = minimal_plan(date_of_birth=date(2008, 11, 24))
    s = PlanSummary.of(plan, TODAY)
    row = make_row(s, TODAY)
    assert row.age == dates.age_on(date(2008, 11, 24), TODAY) == 17
    assert row.category == "Not yet a care leaver"


def test_a_very_long_list_holds_one_page_and_the_search_asks_the_records(qtbot, window, store):
    """A team's shared records can hold tens of thousands: the list keeps one page, says how
    many there are, and searching finds anyone, not only those on the page."""
    from pathway_app.demo import demo_plans

    from .conftest import TODAY

    for p in demo_plans(TODAY):
        store.save(p, today=TODAY)
    window.caseload_control.list_limit = window.caseload_control.list_page = 3
    window.load_caseload()
    view = window.caseload
    assert len(view.model.rows) == 3
    assert "of 8 shown" in view.count.text()
    assert not any("Tekle" in r.name for r in view.model.rows)
    qtbot.keyClicks(view.search, "tekle")
    qtbot.waitUntil(lambda: any("Tekle" in r.name for r in view.model.rows), timeout=3000)
    assert view.proxy.rowCount() == 1
    view.search.clear()
    qtbot.waitUntil(lambda: len(view.model.rows) == 3, timeout=3000)
