"""Each edition read back from the PDF: headings, words, names in every script, metadata, outline."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from pathway_app.domain.vocab import SCHEDULE_1_AREAS
from pathway_app.export import Cancelled, build_document, export_many, render_pdf  # noqa: F401

from pdfcheck import EDITIONS, normalise, pdf_pages_text, pdf_text, words_present


def _outline_titles(reader: PdfReader) -> list[str]:
    out = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(it.title)

    walk(reader.outline)
    return out


@pytest.mark.parametrize("edition", EDITIONS)
def test_headings_metadata_outline_and_marking(rendered, plans, edition):
    path = rendered[edition]
    doc = build_document(plans.rich_plan(), plans.TODAY, edition, prompts=plans.sample_prompts(plans.rich_plan()))
    text = pdf_text(path)
    for s in doc.sections:
        assert words_present(s.title, text), s.title
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta.title == doc.full_title
    assert meta.author and meta.subject == doc.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    titles = [normalise(t) for t in _outline_titles(reader)]
    for s in doc.sections:
        assert normalise(s.title) in titles
    pages = pdf_pages_text(path)
    n = len(reader.pages)
    assert len(pages) == n
    for i, page in enumerate(pages, 1):
        if doc.marking_every_page:
            assert page.count("OFFICIAL-SENSITIVE") >= 2, f"page {i}: header and footer"
        else:  # the young person's own copy: the marking once, small, on the first page
            assert page.count("OFFICIAL-SENSITIVE") == (1 if i == 1 else 0), f"page {i}"
        assert f"Page {i} of {n}" in page
        assert "Produced 23 November 2026" in page and "Plan version 7" in page


def test_full_edition_has_every_area_own_words_and_actions(rendered, plans):
    text = pdf_text(rendered["full"])
    plan = plans.rich_plan()
    for area in SCHEDULE_1_AREAS:
        assert words_present(plan.area(area).own_words, text)
        for a in plan.area(area).actions:
            assert words_present(a.what, text)
    assert "In Zoë's words" in text
    assert plans.SAFETY_NOTE in text and plans.RESTRICTION in text
    for who in ("Young person", "Personal adviser", "Manager"):
        assert who in text
    assert "Signature" in text
    assert "Talked with Zoë; Łukasz and her grandma said yes." in text


def test_young_person_edition_leaves_out_safety_notes_and_restrictions(rendered, plans):
    text = pdf_text(rendered["young-person"])
    assert "SAFETY-NOTE" not in text and "RESTRICTION-" not in text
    assert "supervised contact" not in text
    assert "07700 900123" not in text
    assert "In my words" in text and "Who will help me, and by when" in text
    for area in SCHEDULE_1_AREAS:
        assert words_present(plans.rich_plan().area(area).own_words, text)
    heavy = pdf_text(rendered["heavy-young-person"])
    assert "SAFETY-NOTE" not in heavy and "RESTRICTION-" not in heavy


@pytest.mark.parametrize("edition", ["full", "young-person"])
def test_names_in_every_script_come_back(rendered, plans, edition):
    text = pdf_text(rendered[edition])
    for script, name in plans.NAMES.items():
        assert words_present(name, text), script


def test_user_markup_appears_literally(rendered, plans):
    for ed in ("full", "young-person"):
        assert "<font size=5000>" in pdf_text(rendered[ed])


def test_long_text_paginates_and_nothing_is_clipped(rendered, plans):
    for ed in ("heavy-full", "heavy-young-person"):
        text = pdf_text(rendered[ed])
        assert plans.LAST_WORD in text
        assert "Person 188" in text  # the last of the 200 people
    full = pdf_text(rendered["heavy-full"])
    assert sum(len(sa.actions) for sa in plans.heavy_plan().support_areas) == 300
    for i in (0, 150, 280):
        assert f"Action number {i}:" in full
    # the table header repeats on the pages the actions table continues onto
    pages = pdf_pages_text(rendered["heavy-full"])
    assert sum(1 for p in pages if "What Who By when Status" in p) > 10


def test_an_uncovered_character_gets_a_visible_marker(tmp_path, plans):
    # unassigned and private-use: no font has them (Chinese, Cherokee… render: test_scripts.py)
    plan = plans.rich_plan()
    plan.relationships[0].name = "Unassigned \u0378 and private \ue000"
    path = render_pdf(plan, "full", plans.TODAY, tmp_path / "m.pdf", prompts=[])
    text = pdf_text(path)
    assert "[U+0378]" in text and "[U+E000]" in text


def test_a_mostly_arabic_paragraph_keeps_every_word(tmp_path, plans):
    # Wrapped into lines by us (see pathway_app.export.text.layout); every word must survive,
    # lam-alef (لا, one ligature drawn) too: it carries its letters as /ActualText.
    vocab = ["نور", "بيت", "مدرسة", "صديق", "عائلة", "كتاب", "سلام"]
    plan = plans.rich_plan()
    plan.person.about_me_own_words = " ".join(vocab * 25) + " نهاية"
    path = render_pdf(plan, "young-person", plans.TODAY, tmp_path / "ar.pdf")
    text = pdf_text(path)
    for w in vocab:
        assert text.count(w) == 25, w
    assert "نهاية" in text


def test_render_writes_atomically_and_leaves_no_temp_file(tmp_path, plans):
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    render_pdf(plans.rich_plan(), "staying-put", plans.TODAY, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_failed_render_keeps_the_old_file(tmp_path, plans, monkeypatch):
    import pathway_app.export as ex

    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    monkeypatch.setattr(ex, "render_document", lambda doc: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        render_pdf(plans.rich_plan(), "full", plans.TODAY, out, prompts=[])
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_export_many_reports_progress(tmp_path, plans):
    items = [plans.rich_plan(), plans.empty_plan()]
    seen = []
    paths = export_many(items, tmp_path, "young-person", plans.TODAY, progress=lambda i, n, p: seen.append((i, n)))
    assert seen == [(1, 2), (2, 2)]
    assert all(p.exists() and p.read_bytes().startswith(b"%PDF") for p in paths)


def test_export_many_cancel_leaves_no_partial_file(tmp_path, plans, monkeypatch):
    import pathway_app.export as ex

    items = [plans.rich_plan(), plans.empty_plan(), plans.empty_plan()]
    items[2].id = "ffffffff" + items[2].id[8:]
    state = {"asked": 0, "stop": False}
    real = ex.render_document

    def render_then_cancel(doc):
        data = real(doc)
        if doc.person_name == "Alex":
            state["stop"] = True  # the user presses Cancel while the 2nd PDF is being drawn
        return data

    monkeypatch.setattr(ex, "render_document", render_then_cancel)
    paths = export_many(items, tmp_path, "full", plans.TODAY, cancelled=lambda: state["stop"])
    assert len(paths) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [paths[0].name]


def test_pages_are_a4_and_fonts_are_embedded(rendered):
    import subprocess

    out = subprocess.run(["pdffonts", str(rendered["full"])], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    noto = [r for r in rows if "Noto" in r[0]]
    assert noto and all("yes" in r[-5:-2] for r in noto)
    page = PdfReader(rendered["full"]).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_unknown_edition_raises_before_writing(tmp_path, plans):
    with pytest.raises(ValueError):
        render_pdf(plans.rich_plan(), "nope", date(2026, 1, 1), tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("edition", ["full", "young-person"])
def test_bookmarks_are_nested_and_the_viewer_shows_the_title(rendered, edition):
    reader = PdfReader(rendered[edition])
    outline = reader.outline
    nested = [item for item in outline if isinstance(item, list)]
    assert nested, "the areas sit under their own bookmark"
    assert len(nested[0]) == 10
    prefs = reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/DisplayDocTitle"] == True  # noqa: E712 - a PDF boolean object, not Python True
