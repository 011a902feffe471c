"""Every citation names a real section of a real source, and the wording is our own.

The source texts live beside the repository (``../shared/research/sources``); nothing from them
is copied into the repository except the section list in ``resources/sources.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pathway_app.domain.guidance import format_citation, load_rules, load_sources
from pathway_app.domain.guidance.at25 import CITATION as AT25_CITATION
from pathway_app.paths import resource

REPO = Path(__file__).resolve().parents[2]
SOURCES_DIR = (REPO / ".." / "shared" / "research" / "sources").resolve()
RULES = load_rules()
REGISTRY = load_sources()

needs_texts = pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason=f"source texts not found at {SOURCES_DIR}")


def _norm(text: str) -> str:
    text = text.replace("*", "").replace("#", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _text(key: str) -> str:
    return (SOURCES_DIR / REGISTRY[key].file).read_text(encoding="utf-8")


def _cited() -> list[tuple[str, str, str]]:
    out = [(r.id, c.source, c.section) for r in RULES for c in r.citations]
    out += [("at25", c["source"], c["section"]) for c in AT25_CITATION]
    return out


def test_the_registry_has_the_five_sources_and_the_statutes():
    research = {k for k, s in REGISTRY.items() if s.kind == "research"}
    assert research == {"care_inquiry", "kee4", "thoburn", "afc", "cfc"}
    titles = {s.title for s in REGISTRY.values()}
    assert "Making not Breaking: building relationships for our most vulnerable children" in titles
    assert "Routes to permanence for children who need out-of-home care: an evidence overview" in titles
    statutory = {s.title for s in REGISTRY.values() if s.kind == "statutory"}
    assert {"Care Leavers (England) Regulations 2010", "Children Act 1989"} <= statutory
    assert REGISTRY["care_leavers_regs"].sections["Schedule 1"]
    assert REGISTRY["care_planning_regs"].sections["reg 42"]
    assert REGISTRY["children_act_1989"].sections["s.23CZA"]
    for s in REGISTRY.values():
        assert s.author and s.year and s.sections
        assert bool(s.file) is (s.kind == "research")


def test_every_source_listed_is_cited_and_every_cited_section_listed():
    cited = {(src, sec) for _, src, sec in _cited()}
    for src, sec in cited:
        assert sec in REGISTRY[src].sections
    listed = {(k, sid) for k, s in REGISTRY.items() for sid in s.sections}
    assert listed - cited == set(), "sections listed in sources.json but cited by no rule"


def test_format_citation():
    assert format_citation({"source": "care_inquiry", "section": "5.5"}) == "Making not Breaking (The Care Inquiry, 2013), para 5.5"
    assert (
        format_citation([{"source": "care_inquiry", "section": "5.5"}, {"source": "care_inquiry", "section": "7.3"}])
        == "Making not Breaking (The Care Inquiry, 2013), paras 5.5, 7.3"
    )
    assert format_citation({"source": "care_leavers_regs", "section": "Schedule 1"}) == "Care Leavers (England) Regulations 2010, Schedule 1"
    kee = format_citation({"source": "kee4", "section": "stein-do-well"})
    assert kee.startswith("KEE4: Children in care and care leavers (APSW / Research in Practice, 2021), Stein")
    two = format_citation([{"source": "thoburn", "section": "residential"}, {"source": "afc", "section": "reunification"}])
    assert two == (
        "Routes to permanence (June Thoburn, 2021), Residential care as a permanence option for older young people; "
        "Action for Children response to the Case for Change (Action for Children, 2021), Reunification"
    )


@needs_texts
@pytest.mark.parametrize("key", sorted(k for k, s in REGISTRY.items() if s.kind == "research"))
def test_every_listed_section_exists_in_the_source_text(key):
    src = REGISTRY[key]
    raw = _text(key)
    missing = []
    if src.section_style == "paragraph":
        for sid in src.sections:
            if not re.search(rf"(?m)^\s*{re.escape(sid)}\s*$", raw):
                missing.append(sid)
    else:
        flat = _norm(raw)
        for sec in src.sections.values():
            if not sec.heading or _norm(sec.heading) not in flat:
                missing.append(sec.id)
    assert missing == [], f"{key}: not found in {src.file}: {missing}"


@needs_texts
def test_the_care_inquiry_titles_match_the_file():
    src = REGISTRY["care_inquiry"]
    assert _norm(src.title) in _norm(_text("care_inquiry"))


@needs_texts
def test_paragraph_check_would_catch_a_made_up_number():
    raw = _text("care_inquiry")
    assert not re.search(r"(?m)^\s*5\.55\s*$", raw)
    assert re.search(r"(?m)^\s*7\.3\s*$", raw)


def _shingles(text: str, n: int = 8) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.casefold().replace("’", "'"))
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@needs_texts
def test_the_wording_is_our_own():
    """No eight words in a row of any prompt appear in a source."""
    source_shingles = set()
    for key, s in REGISTRY.items():
        if s.kind == "research":
            source_shingles |= _shingles(_text(key))
    copied = []
    for r in RULES:
        for text in (r.practitioner_text, r.young_person_text, *r.suggested_actions):
            hit = _shingles(text) & source_shingles
            if hit:
                copied.append((r.id, sorted(hit)[0]))
    assert copied == []


def test_no_source_text_is_copied_into_the_repository():
    """Only sources.json's section list refers to the texts; no .txt copies are shipped."""
    assert not list((REPO / "resources" / "guidance").rglob("*.txt"))
    data = json.loads(resource("sources.json").read_text(encoding="utf-8"))
    for s in data["sources"]:
        assert set(s) <= {"key", "kind", "title", "short_title", "author", "year", "file", "section_style", "sections"}
