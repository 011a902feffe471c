"""Golden pages: page 1 of each edition of a fixed plan, compared with a reference PNG.

The plan and "today" are fixed (``plans.rich_plan``, ``plans.TODAY``) and the fonts are
embedded, so page 1 renders the same everywhere up to anti-aliasing. Pages are rasterised with
``pdftoppm -r 50 -png`` and compared by mean absolute pixel difference (0-255 scale, over RGB);
a real layout change moves text by whole lines and lands far above the threshold.

To accept a deliberate change, regenerate the references and look at them before committing:

    PATHWAY_REGEN_GOLDEN=1 /work/venv/bin/python -m pytest -q tests/export/test_golden.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from pdfcheck import EDITIONS

REF = Path(__file__).resolve().parent / "_reference"
THRESHOLD = 1.5  # mean absolute difference per channel


def page1_png(pdf: Path, out: Path) -> Path:
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def mean_diff(a: Path, b: Path) -> float:
    ia, ib = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    if ia.size != ib.size:
        return 255.0
    return sum(ImageStat.Stat(ImageChops.difference(ia, ib)).mean) / 3


@pytest.mark.parametrize("edition", EDITIONS)
def test_page_one_matches_the_reference(rendered, tmp_path, edition):
    got = page1_png(rendered[edition], tmp_path / f"{edition}.png")
    ref = REF / f"{edition}-page1.png"
    if os.environ.get("PATHWAY_REGEN_GOLDEN"):
        REF.mkdir(exist_ok=True)
        shutil.copyfile(got, ref)
    assert ref.exists(), f"no reference {ref.name}: run with PATHWAY_REGEN_GOLDEN=1 and look at it"
    diff = mean_diff(got, ref)
    assert diff < THRESHOLD, f"page 1 of {edition} differs from {ref.name} by {diff:.2f} (saved as {got})"


def test_the_comparison_notices_a_change(rendered, tmp_path):
    got = page1_png(rendered["full"], tmp_path / "full.png")
    moved = tmp_path / "moved.png"
    im = Image.open(got).convert("RGB")
    shifted = Image.new("RGB", im.size, "white")
    shifted.paste(im, (0, 12))  # everything one line lower
    shifted.save(moved)
    assert mean_diff(got, moved) > THRESHOLD
