"""The accessible copy: valid HTML from the same model as the PDF, that a screen reader can use."""

from __future__ import annotations

import re
import subprocess
import sys

import html5lib
import pytest

from pathway_app.export import EDITIONS, build_document
from pathway_app.export.html import render_html

import plans as _plans

HTML_NS = "{http://www.w3.org/1999/xhtml}"
SVG_NS = "{http://www.w3.org/2000/svg}"


def _tree(text: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(text)  # raises on any parse error


@pytest.fixture(scope="module", params=sorted(EDITIONS))
def page(request):
    plan = _plans.rich_plan()
    doc = build_document(plan, _plans.TODAY, request.param)
    return doc, render_html(doc)


def test_it_is_valid_html_with_its_language(page):
    doc, text = page
    root = _tree(text)
    assert root.get("lang") == "en-GB"
    assert root.find(f"{HTML_NS}head/{HTML_NS}title").text == doc.full_title
    assert text.startswith("<!DOCTYPE html>")


def test_headings_come_in_order_and_every_section_has_one(page):
    doc, text = page
    root = _tree(text)
    levels = [int(el.tag[-1]) for el in root.iter() if re.fullmatch(rf"{re.escape(HTML_NS)}h[1-6]", el.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    heading_text = {"".join(el.itertext()) for el in root.iter() if el.tag.startswith(f"{HTML_NS}h")}
    for s in doc.sections:
        assert s.title in heading_text


def test_every_picture_has_a_text_alternative_and_a_list_beside_it(page):
    doc, text = page
    root = _tree(text)
    svgs = list(root.iter(f"{SVG_NS}svg"))
    pictures = [b for s in doc.sections for b in s.blocks if b.__class__.__name__ == "Picture"]
    assert len(svgs) == len(pictures)
    for svg in svgs:
        assert svg.get("role") == "img"
        labelled = svg.get("aria-labelledby").split()
        title = svg.find(f"{SVG_NS}title")
        desc = svg.find(f"{SVG_NS}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert {title.get("id"), desc.get("id")} == set(labelled)
    for pic in pictures:
        if pic.kind == "ecomap":
            for person in pic.data.people:  # everyone is in the list, on the map or not
                assert f'<li><span dir="auto">{person.name}</span>:' in text


def test_no_scripts_and_nothing_fetched_from_anywhere(page):
    _doc, text = page
    assert "<script" not in text.lower()
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:|//)", text, re.I)
    assert "http://" not in text and "https://" not in text
    assert "@import" not in text and "url(" not in text


def test_the_young_persons_words_and_every_script_are_there_as_typed():
    plan = _plans.rich_plan()
    text = render_html(build_document(plan, _plans.TODAY, "young-person"))
    for name in _plans.NAMES.values():
        assert name in text
    assert 'dir="auto"' in text


def test_user_text_cannot_become_markup():
    plan = _plans.rich_plan()
    plan.person.about_me_own_words = "<script>alert(1)</script> & <b>bold</b>"
    text = render_html(build_document(plan, _plans.TODAY, "young-person"))
    assert "<script>" not in text and "&lt;script&gt;" in text
    _tree(text)


def test_a_table_has_header_cells():
    plan = _plans.rich_plan()
    root = _tree(render_html(build_document(plan, _plans.TODAY, "full")))
    tables = list(root.iter(f"{HTML_NS}table"))
    assert tables
    for t in tables:
        assert t.find(f".//{HTML_NS}th") is not None


def test_the_command_writes_the_page(tmp_path):
    from pathway_app.store import open_store

    data = tmp_path / "data"
    store = open_store(data_dir=data, create_unencrypted=True)
    plan = _plans.rich_plan()
    plan.version = 0  # a new plan to this database
    store.save(plan, _plans.TODAY)
    store.close()
    out = tmp_path / "my-plan.html"
    proc = subprocess.run([sys.executable, "-m", "pathway_app", "--data-dir", str(data), "--unencrypted", "html",
                           plan.id[:8], "--edition", "young-person", "--out", str(out), "--today", "2026-11-23"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    _tree(out.read_text(encoding="utf-8"))
    assert oct(out.stat().st_mode & 0o777) == "0o600"
