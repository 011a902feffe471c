"""Layout faults found by looking at the demo PDFs: a header row repeated at the foot of a page,
a quote's label left alone at the bottom of a page, the signature lines parted from their
heading, timeline leader lines drawn through other events' labels."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Line, Rect

from pathway_app.domain import geometry
from pathway_app.export import drawings
from pathway_app.export import model as dm
from pathway_app.export.render import FRAME_W, render_bytes
from pathway_app.export.theme import theme_for


def _doc(sections: list[dm.Section], edition: str = "full") -> dm.Document:
    return dm.Document(edition=edition, title="Pathway plan", person_name="Test Person", produced_on=date(2026, 11, 23),
                       version=1, sections=sections, author="t", subject="t")


def _pages(tmp_path: Path, doc: dm.Document) -> list[str]:
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render_bytes(doc))
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [p for p in out.split("\f") if p.strip()]


def test_a_table_header_appears_only_at_the_top_of_each_page(tmp_path):
    # rows of very different heights: some fall across a page break
    rows = [(f"Row{i} " + "words here " * (20 if i % 2 == 0 else 3), "x", "y") for i in range(40)]
    doc = _doc([dm.Section("Prompts considered", "p", [dm.Para("Intro " * 80), dm.Table(("Prompthead", "Area", "Done"), rows, (0.3, 0.35, 0.35))])])
    pages = _pages(tmp_path, doc)
    assert len(pages) > 2
    for n, page in enumerate(pages, 1):
        assert page.count("Prompthead") <= 1, f"page {n} repeats the header row"
        lines = [ln for ln in page.splitlines() if ln.strip() and "OFFICIAL" not in ln]
        heads = [i for i, ln in enumerate(lines) if "Prompthead" in ln]
        # the header is the first thing on a continuation page, or follows the section heading
        assert all(i <= 8 for i in heads), f"page {n}: a header row in the middle of the page"
    joined = " ".join(pages)
    assert all(f"Row{i} " in joined for i in range(40))


def test_a_short_quote_keeps_its_label_with_its_words(tmp_path):
    quote = dm.Quote("I am Eritrean and I am proud of it. " * 3, "Dawit", "Who I am, in Dawit's words")
    for n in (17, 39):  # filler that brings the quote to the foot of a page
        doc = _doc([dm.Section("Identity", "i", [dm.Para("Line of filler text here. " * 6) for _ in range(n)] + [quote])])
        for page in _pages(tmp_path, doc):
            if "Dawit's words" in page:
                assert "I am Eritrean" in page, "the quote's label is on a page without its words"


def test_the_signature_lines_stay_with_their_heading(tmp_path):
    for n in range(0, 40, 4):
        sig = dm.Section("Signatures", "signatures", [dm.Para("We have read this plan and agree it."),
                                                       dm.Signatures([("Young person", "A"), ("Personal adviser", "B"), ("Manager", "")])])
        doc = _doc([dm.Section("Notes", "n", [dm.Para("Some words " * 40) for _ in range(6)] + [dm.Para("More " * n)]), sig])
        pages = _pages(tmp_path, doc)
        page = next(p for p in pages if "We have read this plan" in p)
        assert "Manager" in page and "Signature" in page, "the signature lines are parted from their heading"


def _crosses(line: Line, rect: Rect) -> bool:
    x = line.x1
    if line.x1 != line.x2 or not (rect.x < x < rect.x + rect.width):
        return False
    lo, hi = sorted((line.y1, line.y2))
    return lo < rect.y + rect.height - 0.5 and hi > rect.y + 0.5


def test_no_timeline_line_runs_through_a_label():
    bdays = {age: date(2009 + age, 5, 23) for age in range(16, 26)}
    events = [geometry.TimelineEvent(date(2026, 12, 2 + 3 * i), f"An action with a long description {i}", "action") for i in range(5)]
    events.append(geometry.TimelineEvent(date(2027, 2, 23), "My next review", "review"))
    spec = dm.TimelineSpec(bdays, events, date(2026, 11, 23))
    d = drawings.timeline_drawing(spec, FRAME_W, theme_for("young-person"))
    shapes = list(d.contents)
    boxes = [(i, s) for i, s in enumerate(shapes) if isinstance(s, Rect) and s.fillColor is not None
             and s.fillColor.hexval() == "0xffffff"]
    assert len(boxes) >= 5
    for i, line in enumerate(shapes):
        if isinstance(line, Line):
            for j, box in boxes:
                assert not (i > j and _crosses(line, box)), "a line is drawn over a label"


def test_the_signatures_do_not_leave_a_half_empty_page_when_there_is_room(tmp_path):
    sig = dm.Section("Signatures", "signatures", [dm.Para("We agree to this arrangement."),
                                                   dm.Signatures([("Young person", "A"), ("Foster carer", "B"), ("Personal adviser", "C"), ("For the local authority", "")])])
    doc = _doc([dm.Section("Notes", "n", [dm.Para("A few words.")]), sig], edition="staying-put")
    assert len(_pages(tmp_path, doc)) == 1
