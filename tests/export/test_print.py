"""Print that reads well: type sizes read back from the PDF, rows never torn apart, pictures
that fit, and busy maps and timelines drawn without a name over another."""

from __future__ import annotations

import collections
from datetime import timedelta
from pathlib import Path

import pdfplumber
import pytest

from pathway_app.domain.model import Action, Relationship
from pathway_app.domain.vocab import Area, Closeness, RelationshipType, ThereAt25
from pathway_app.export import build_document, render_document

from pdfcheck import EDITIONS, normalise, pdf_pages_text

#: The smallest body text each edition may print, and the smallest text of any kind.
BODY_MINIMUM = {"full": 10.5, "young-person": 12.0, "staying-put": 10.5, "staying-close": 10.5}
NOTHING_UNDER = 8.0


def _sizes(path: Path) -> collections.Counter:
    with pdfplumber.open(path) as pdf:
        return collections.Counter(round(c["size"], 1) for page in pdf.pages for c in page.chars if c["text"].strip())


@pytest.mark.parametrize("edition", EDITIONS)
def test_type_sizes_meet_the_minimums(rendered, edition):
    sizes = _sizes(rendered[edition])
    body, _count = sizes.most_common(1)[0]
    assert body >= BODY_MINIMUM[edition], (edition, sizes.most_common(5))
    assert min(sizes) >= NOTHING_UNDER, (edition, sorted(sizes)[:5])


def test_the_heavy_plan_too(rendered):
    for ed in ("heavy-full", "heavy-young-person"):
        assert min(_sizes(rendered[ed])) >= NOTHING_UNDER


def _pdf(plan, edition="full", today=None):
    import plans as _plans

    return render_document(build_document(plan, today or _plans.TODAY, edition, prompts=[]))


def test_a_row_that_fits_on_a_page_is_never_split(tmp_path, plans):
    plan = plans.rich_plan()
    health = plan.area(Area.HEALTH)
    # 30 actions of about eight lines each: several page breaks fall in the table
    health.actions = [Action(what=f"START{i:02d} " + "Go with them to the appointment and help. " * 14 + f"END{i:02d}",
                             who="PA") for i in range(30)]
    path = tmp_path / "rows.pdf"
    path.write_bytes(_pdf(plan))
    pages = pdf_pages_text(path)
    for i in range(30):
        start = next(n for n, p in enumerate(pages) if f"START{i:02d}" in p)
        assert f"END{i:02d}" in pages[start], f"action {i} was split across pages {start + 1} and {start + 2}"


def test_a_row_taller_than_a_page_continues_with_its_first_column_repeated(tmp_path, plans):
    plan = plans.rich_plan()
    plan.person.strengths = "Kind, funny and brave. " * 700
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf(plan))
    pages = pdf_pages_text(path)
    starts = [n for n, p in enumerate(pages) if "Kind, funny and brave." in p]
    assert len(starts) >= 2  # it runs over a page
    assert "Strengths (continued)" in pages[starts[1]]


def _busy_plan(plans, people: int, dates: int):
    plan = plans.rich_plan()
    kinds = list(RelationshipType)
    plan.relationships = [Relationship(name=f"Person number {i}", relationship_type=kinds[i % len(kinds)],
                                       closeness=list(Closeness)[i % 3], there_at_25=list(ThereAt25)[i % 4])
                          for i in range(people)]
    start = plan.person.date_of_birth.replace(year=plan.person.date_of_birth.year + 16)
    plan.area(Area.SUPPORT).actions = [Action(what=f"Step {i}", who="PA", by_when=start + timedelta(days=60 * i))
                                       for i in range(dates)]
    return plan


@pytest.mark.parametrize("people", [1, 10, 50, 200])
def test_the_map_says_how_many_more_when_not_everyone_fits(tmp_path, plans, people):
    path = tmp_path / "map.pdf"
    path.write_bytes(_pdf(_busy_plan(plans, people, 3), "young-person"))
    text = normalise(" ".join(pdf_pages_text(path)))
    if people >= 50:
        assert "more people, listed in the table" in text
    else:  # everyone on the map, their names whole
        assert "more people, listed in the table" not in text
        for i in range(people):
            assert f"Person number {i}" in text


REF = Path(__file__).resolve().parent / "_reference"


@pytest.mark.parametrize("name, people, dates", [("map-200", 200, 3), ("timeline-40", 4, 40)])
def test_busy_pictures_match_their_golden_page(tmp_path, plans, name, people, dates):
    import os
    import shutil

    from test_golden import THRESHOLD, mean_diff, page1_png

    doc = build_document(_busy_plan(plans, people, dates), plans.TODAY, "young-person", prompts=[])
    section = "people" if name.startswith("map") else "timeline"
    doc.sections = [s for s in doc.sections if s.bookmark == section]
    doc.cover = []
    assert doc.sections, [s.bookmark for s in build_document(plans.rich_plan(), plans.TODAY, "young-person").sections]
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(render_document(doc))
    got = page1_png(pdf, tmp_path / f"{name}.png")
    ref = REF / f"{name}-page1.png"
    if os.environ.get("PATHWAY_REGEN_GOLDEN"):
        shutil.copyfile(got, ref)
    assert ref.exists(), f"no reference {ref.name}: run with PATHWAY_REGEN_GOLDEN=1 and look at it"
    assert mean_diff(got, ref) < THRESHOLD
