"""Fixtures for the PDF tests: fictional plans and their editions rendered once per session."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import plans as _plans  # noqa: E402

EDITIONS = ("full", "young-person", "staying-put", "staying-close")
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def normalise(s: str) -> str:
    """Extracted PDF text made comparable with what was typed.

    Shaped Arabic comes back from pdftotext as presentation forms (U+FExx: the joined shapes),
    wrapped in bidi embedding controls; NFKC turns the forms back into the ordinary letters and
    the controls are dropped. pdftotext already returns the letters of a right-to-left word in
    logical (reading) order, so no reversal is needed for a single word; for several words,
    :func:`words_present` checks each word on its own. Runs of spaces and line breaks become
    one space.
    """
    s = unicodedata.normalize("NFKC", s).translate(_BIDI_CONTROLS)
    return re.sub(r"\s+", " ", s)


def pdf_pages_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return [normalise(p) for p in out.decode("utf-8").split("\f") if p.strip()]


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return normalise(out.decode("utf-8"))


def words_present(needle: str, haystack: str) -> bool:
    return all(normalise(w) in haystack for w in needle.split())


@pytest.fixture(scope="session")
def plans():
    return _plans


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Every edition of the rich plan, and the full and young-person editions of the heavy one."""
    from pathway_app.export import render_pdf

    d = tmp_path_factory.mktemp("pdf")
    rich = _plans.rich_plan()
    prompts = _plans.sample_prompts(rich)
    out = {}
    for ed in EDITIONS:
        out[ed] = render_pdf(rich, ed, _plans.TODAY, d / f"{ed}.pdf", prompts=prompts)
    heavy = _plans.heavy_plan()
    for ed in ("full", "young-person"):
        out["heavy-" + ed] = render_pdf(heavy, ed, _plans.TODAY, d / f"heavy-{ed}.pdf", prompts=[])
    return out
