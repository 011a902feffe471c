"""Every item model the app uses passes qtmodeltester (each model's own module has its test too)."""

from __future__ import annotations

from pathway_app.ui.caseload import CaseloadFilter, CaseloadModel, make_row

from .conftest import TODAY, open_in
from .test_caseload import _summaries


def test_caseload_model(qtmodeltester):
    model = CaseloadModel()
    model.set_rows([make_row(s, TODAY) for s in _summaries(40)])
    qtmodeltester.check(model, force_py=True)
    model.sort_rows(4, 0)
    qtmodeltester.check(model, force_py=True)


def test_caseload_filter_proxy(qtmodeltester):
    model = CaseloadModel()
    model.set_rows([make_row(s, TODAY) for s in _summaries(40)])
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    proxy.set_search("a")
    qtmodeltester.check(proxy, force_py=True)
    proxy.sort(0)
    qtmodeltester.check(proxy, force_py=True)


def test_every_model_in_an_open_plan(qtbot, qtmodeltester, window, store):
    from pathway_app.demo import demo_plans

    plans = demo_plans(TODAY)
    for p in plans:
        store.save(p, today=TODAY)
    window.load_caseload()
    # prompts are counted in idle moments: let that finish (the tester follows one model at a time)
    qtbot.waitUntil(lambda: not window.caseload_control.is_counting(), timeout=5000)
    assert window.caseload.model.index(0, 5).data() != ""
    view = open_in(window, qtbot, plans[0].id)
    qtmodeltester.check(view.area_model, force_py=True)
    for key, page in view.pages.items():
        view.show_area(key)
        assert page.prompts.plan is view.plan  # the prompts panel (cards, no item model) is filled
        for ed in page._lists:
            qtmodeltester.check(ed.model, force_py=True)
    sp = view.pages["support"]
    qtmodeltester.check(sp.area_model, force_py=True)
    qtmodeltester.check(window.caseload.proxy, force_py=True)
