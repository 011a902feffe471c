""""Everything we hold about you" read back from the PDF: sections, every field's words, the
"For review" marks beside information about other people, page furniture, outline, metadata."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import plans as _plans
from conftest import normalise, pdf_text, words_present
from pathway_app.domain.model import LifeStoryEntry
from pathway_app.export import subject_access as sa
from pathway_app.store import audit
from pathway_app.store.subject_access import subject_access_bundle

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


class FakeStore:
    """What the bundle needs from a store: load, and (optionally) the record's history."""

    user = "Asha Khan (PA)"

    def __init__(self, plan, history=None):
        self.plan, self.history = plan, history

    def load(self, plan_id):
        assert plan_id == self.plan.id
        return copy.deepcopy(self.plan)

    def audit_history(self, plan_id):
        return list(self.history or [])


def _plan():
    plan = _plans.rich_plan()
    body = _plans.long_text(12_000).rsplit(" ", 1)[0]
    plan.life_story.append(LifeStoryEntry(title="My long story", text=body + " " + LONG_NOTE_LAST))
    return plan


def _history(plan):
    sam = next(r for r in plan.relationships if r.name == "Sam Carter")
    E = audit.AuditEntry
    return [
        E(1, "2026-11-01T09:00:00.000000Z", "Jo Patel", "created", plan.id, 1, {"name": "Zoë Ørsted"}, audit.GENESIS, "a" * 64),
        E(2, "2026-11-02T10:30:00.000000Z", "Jo Patel", "changed", plan.id, 2, {"changes": [
            ["person.phone", "", "07700 900777"],
            [f"relationships[{sam.id}].safety_notes", "", _plans.SAFETY_NOTE],
        ]}, "a" * 64, "b" * 64),
        E(3, "2026-11-03T11:00:00.000000Z", "Ben Ode (manager)", "printed", plan.id, 2, {"edition": "full"}, "b" * 64, "c" * 64),
    ]


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    plan = _plan()
    bundle = subject_access_bundle(FakeStore(plan, _history(plan)), plan.id, today=TODAY)
    out = tmp_path_factory.mktemp("sar") / "everything.pdf"
    path = sa.render_subject_access_pdf(bundle, out)
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
    _plan_, _b, path = produced
    text = " ".join(_reader_text(path))
    for words in ("Jo Patel", "Ben Ode (manager)", "Created the record", "Changed the record", "Printed the record",
                  "1 November 2026, 09:00 UTC", "07700 900777"):
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
    plan = _plans.empty_plan()

    class Old:
        def load(self, plan_id):
            return plan

    bundle = subject_access_bundle(Old(), plan.id, today=TODAY)
    assert bundle["third_party"] == []
    path = sa.render_subject_access_pdf(bundle, tmp_path / "empty.pdf")
    text = normalise(" ".join(_reader_text(path)))
    assert "does not yet keep a history" in text
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
