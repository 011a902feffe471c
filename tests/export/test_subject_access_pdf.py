""""Everything we hold about you" read back from the PDF: sections, every field's words, the
"For review" marks beside information about other people, page furniture, outline, metadata."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from pathway_app.domain.model import LifeStoryEntry
from pathway_app.export import subject_access as sa
from pathway_app.store import audit, open_store
from pathway_app.store.store import Store
from pathway_app.store.subject_access import subject_access_bundle

import plans as _plans
from pdfcheck import normalise, pdf_text, words_present

TODAY = _plans.TODAY
HEADINGS = (
    "Everything we hold about you",
    "About this document",
    "Your rights",
    "Your plan",
    "Things to think about",  # the prompts' answers: the catalogue's name for them
    "The history of your record",
    "Information about other people",
)
LONG_NOTE_LAST = "KINGFISHERLASTWORD"


def _plan():
    plan = _plans.rich_plan()
    body = _plans.long_text(12_000).rsplit(" ", 1)[0]
    plan.life_story.append(LifeStoryEntry(title="My long story", text=body + " " + LONG_NOTE_LAST))
    return plan


def _recorded(folder: Path):
    """A real store holding the plan with a history: Jo Patel creates it, then adds a phone number
    and a safety note; Ben Ode prints it. Returns Asha Khan's store (open; she answers the
    request) and the plan as stored."""
    plan = _plan()
    sam = next(r for r in plan.relationships if r.name == "Sam Carter")
    note = sam.safety_notes
    sam.safety_notes, plan.person.phone, plan.version = "", "", 0
    jo = open_store(url=f"sqlite:///{folder / 'records.db'}", create_unencrypted=True, user="Jo Patel")
    jo.save(plan, TODAY)
    plan.person.phone = "07700 900777"
    next(r for r in plan.relationships if r.name == "Sam Carter").safety_notes = note
    jo.save(plan, TODAY)
    Store(jo.engine, user="Ben Ode (manager)").record_event(audit.PRINTED, plan.id, {"edition": "full"})
    asha = Store(jo.engine, user="Asha Khan (PA)")
    return asha, asha.load(plan.id, opened=False)


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sar")
    store, plan = _recorded(folder)
    try:
        bundle = subject_access_bundle(store, plan.id, today=TODAY)
    finally:
        store.close()
    path = sa.render_subject_access_pdf(bundle, folder / "everything.pdf")
    return plan, bundle, path


def _reader_text(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(str(path)).pages]


def _outline(reader: PdfReader) -> list[str]:
    out = []

    def walk(items):
        for it in items:
            walk(it) if isinstance(it, list) else out.append(it.title)

    walk(reader.outline)
    return out


def test_sections_name_and_the_end_of_a_long_note_are_there(produced):
    plan, bundle, path = produced
    assert path.exists() and path.read_bytes().startswith(b"%PDF")
    text = " ".join(_reader_text(path))
    for h in HEADINGS:
        assert h in text, h
    assert "Zoë Ørsted" in text
    assert LONG_NOTE_LAST in text
    # the request and the dates that matter, in words
    assert "23 December 2026" in text and "14 March 2083" in text  # answer due; 75th birthday
    # user text that looks like markup is printed as typed
    assert "<font size=5000>" in text


def test_every_page_is_marked_and_numbered(produced):
    _plan_, _b, path = produced
    pages = _reader_text(path)
    assert len(pages) > 5
    for i, p in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in p
        assert f"Page {i} of {len(pages)}" in p


def test_metadata_and_bookmarks(produced):
    _plan_, _b, path = produced
    r = PdfReader(str(path))
    assert r.metadata.title == "Everything we hold about you — Zoë Ørsted"
    assert r.metadata.author == "Asha Khan (PA)"
    assert "Subject access" in r.metadata.subject
    titles = _outline(r)
    for h in HEADINGS[1:]:
        if h != "Your rights":
            assert h in titles, h
    assert "People who matter" in titles and "Staying Put" in titles


def test_the_review_mark_sits_beside_information_about_other_people(produced):
    plan, bundle, path = produced
    text = " ".join(_reader_text(path))
    marks = [m.start() for m in re.finditer(re.escape(sa.MARK), text)]
    assert len(marks) >= len(bundle["third_party"])  # each marked part, and its line in the list at the end

    def marked(value: str) -> bool:
        """A 'For review' mark within a short distance before ``value`` in the reading order."""
        at = [m.start() for m in re.finditer(re.escape(value), text)]
        return any(any(0 < v - m < 120 for m in marks) for v in at)

    assert marked(_plans.SAFETY_NOTE[:30])
    assert marked(_plans.RESTRICTION[:30])
    assert marked("Sam Carter")
    assert marked("07700 900123")  # a foster carer's phone number
    # the young person's own words are not marked
    own = plan.person.strengths[:30]
    assert own in text and not marked(own)


def test_the_history_is_a_table_of_who_did_what(produced):
    _plan_, bundle, path = produced
    text = " ".join(_reader_text(path))
    first = datetime.fromisoformat(bundle["history"]["entries"][0]["at"].replace("Z", "+00:00"))
    for words in ("Jo Patel", "Ben Ode (manager)", "Created the record", "Changed the record", "Printed the record",
                  f"{first.day} {first:%B %Y, %H:%M} UTC", "07700 900777"):
        assert words in text, words
    # the safety-note change is marked in the history too
    at = text.index("About me: Phone changed")
    assert "Safety notes" in text[at:]


def test_names_in_every_script_are_drawn(produced):
    _plan_, _b, path = produced
    text = pdf_text(path)
    for name in _plans.NAMES.values():
        assert words_present(name, text), name
    assert "[U+" not in text  # no character fell back to a marker


def test_a_failed_render_leaves_the_old_file_and_no_temporary_file(produced, tmp_path, monkeypatch):
    _plan_, bundle, _path = produced
    out = tmp_path / "sar.pdf"
    out.write_bytes(b"the old copy")

    def boom(_bundle):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(sa, "render_subject_access_bytes", boom)
    with pytest.raises(RuntimeError):
        sa.render_subject_access_pdf(bundle, out)
    assert out.read_bytes() == b"the old copy"
    assert [p.name for p in tmp_path.iterdir()] == ["sar.pdf"]


def test_a_record_with_no_history_and_nobody_else_still_reads_well(tmp_path):
    """A plan with nothing in it, on records whose history has been removed (said, not hidden)."""
    from pathway_app.store import open_store

    plan = _plans.empty_plan()
    store = open_store(data_dir=tmp_path / "data", create_unencrypted=True)
    try:
        plan.person.date_of_birth = date(2008, 1, 1)  # a store saves nothing without one ...
        store.save(plan, TODAY)
        with store.engine.begin() as conn:  # ... but records from elsewhere may lack it
            conn.exec_driver_sql("UPDATE plans SET date_of_birth = NULL WHERE id = ?", (plan.id,))
            conn.exec_driver_sql("DROP TABLE audit_log")
            conn.exec_driver_sql("DROP TABLE audit_head")
        store = Store(store.engine)  # a store that has not yet looked for the trail
        bundle = subject_access_bundle(store, plan.id, today=TODAY)
    finally:
        store.close()
    assert bundle["third_party"] == []
    path = sa.render_subject_access_pdf(bundle, tmp_path / "empty.pdf")
    text = normalise(" ".join(_reader_text(path)))
    assert "no history of who opened or changed your record to show here" in text
    assert "has been removed" in text
    assert "Nothing in this document is about anyone else." in text
    assert "Nothing recorded for:" in text  # empty fields are named, not silently left out


def test_every_field_of_the_plan_appears_by_name(produced):
    """Each scalar field's label is in the PDF, as a row or in a "Nothing recorded for" line."""
    plan, bundle, path = produced
    text = " ".join(_reader_text(path))
    for title, _key, groups in sa.plan_outline(bundle["plan"]):
        assert title in text
        for g in groups:
            for row in g.rows:
                assert row.key in text, (title, row.key)
            for name in g.empty:
                assert name in text, (title, name)


def test_the_document_is_the_model_every_edition_is_built_as(produced):
    """Built structurally, like the editions: every part the bundle marks is a Marked value."""
    from pathway_app.export import model as dm

    _plan_, bundle, _path = produced
    doc = sa.document_model(bundle)
    assert isinstance(doc, dm.Document) and doc.title == sa.TITLE
    keys = [s.bookmark for s in doc.sections]
    assert len(keys) == len(set(keys))
    parts = [s.title for s in doc.sections if s.level == 1]
    assert "People who matter" in parts and "Staying Put" in parts
    assert doc.section("plan").new_page

    marked: list[dm.Marked] = []

    def walk(x):
        if isinstance(x, dm.Marked):
            marked.append(x)
        elif isinstance(x, (dm.KeyValues, dm.Table)):
            walk(x.rows)
        elif isinstance(x, (list, tuple)):
            for y in x:
                walk(y)

    for s in doc.sections:
        walk(s.blocks)
    # each marked part where it is, and again in the list at the end (the staff in the history
    # are marked once, by a note above the table)
    assert len(marked) >= 2 * (len(bundle["third_party"]) - 1)
    assert any(_plans.SAFETY_NOTE in m.text and m.mark.startswith(sa.MARK + " · ") for m in marked)
    assert all(m.mark.startswith(sa.MARK) for m in marked)
