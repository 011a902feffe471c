"""Fixtures for the PDF tests: fictional plans and their editions rendered once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import plans as _plans  # noqa: E402
from pdfcheck import EDITIONS  # noqa: E402


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
