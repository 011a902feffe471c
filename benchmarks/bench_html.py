"""The accessible HTML copy (issue 13): made from the same document as the PDF.

- The HTML copy of the heavy plan (10k characters, 200 people, 300 actions), full and the young
  person's, in process, from the plan to the finished page (building the document, laying out
  the map and the timeline as SVG, writing the HTML): ≤ 200 ms each.
- The same for the heavy plan written in many scripts, for the record beside it.
"""

from __future__ import annotations

from benchmarks._common import Result, median_ms
from benchmarks.bench_pdf import TODAY, _plans_module, mixed_heavy_plan

ISSUE = 13  # My pathway plan: readable by everyone


def run() -> list[Result]:
    from pathway_app.export import build_document
    from pathway_app.export.html import render_html

    plans = _plans_module()
    results: list[Result] = []
    for label, plan in (("the heavy plan", plans.heavy_plan()),
                        ("the heavy plan in mixed scripts", mixed_heavy_plan(plans))):
        for edition in ("full", "young-person"):
            page = render_html(build_document(plan, TODAY, edition))
            assert page.startswith("<!DOCTYPE html>") and "<script" not in page, "not a page without scripts"
            results.append(Result(ISSUE, f"HTML copy ({edition}) of {label}, median",
                                  median_ms(lambda p=plan, e=edition: render_html(build_document(p, TODAY, e)),
                                            repeat=9), 200, "ms"))
    return results
