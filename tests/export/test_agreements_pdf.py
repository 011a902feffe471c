"""The Living Together Agreement and the Staying Close plan, read back from the PDF.

Every part's heading is on the page; each party has a signature block of their own (each carer
separately); "copies to" lists every party; an agreement that has ended is printed as a record
with no lines to sign; and pages of the demo agreements match their reference images (see
``test_golden.py`` for how references are made and compared).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain import agreements as ag
from pathway_app.export import render_pdf

from pdfcheck import pdf_pages_text, pdf_text
from test_golden import REF, THRESHOLD, mean_diff


@pytest.fixture(scope="module")
def demo(plans):
    return {p.person.family_name: p for p in demo_plans(plans.TODAY)}


@pytest.fixture(scope="module")
def pdfs(demo, plans, tmp_path_factory):
    d = tmp_path_factory.mktemp("agreements")
    return {
        "tom": render_pdf(demo["Whitfield"], "staying-put", plans.TODAY, d / "tom.pdf"),
        "callum": render_pdf(demo["Price"], "staying-put", plans.TODAY, d / "callum.pdf"),
        "reece": render_pdf(demo["Tanner"], "staying-close", plans.TODAY, d / "reece.pdf"),
    }


def _signature_blocks(path: Path) -> list[str]:
    """The text of each signature block: the lines above each "Signature … Date" line, back to
    the blank line that separates it from the block before."""
    lines = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                           capture_output=True).stdout.decode("utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if line.strip() == "Signatures")
    blocks, current = [], []
    for line in lines[start + 1:]:
        if line.strip().startswith("Copies to"):
            break
        current = [] if not line.strip() else current + [line]
        if re.search(r"Signature\s+Date", line):
            blocks.append(" ".join(" ".join(current).split()))
            current = []
    return blocks


@pytest.mark.parametrize("who, kind", [("tom", ag.STAYING_PUT), ("reece", ag.STAYING_CLOSE), ("callum", ag.STAYING_PUT)])
def test_every_part_has_its_heading(pdfs, who, kind):
    text = pdf_text(pdfs[who])
    for part in ag.PARTS[kind]:
        assert part.heading in text, part.heading
    pages = pdf_pages_text(pdfs[who])
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))


def test_each_party_signs_in_a_block_of_their_own(pdfs, demo):
    blocks = _signature_blocks(pdfs["tom"])
    a = demo["Whitfield"].staying_put.in_force()
    carers = [c.name for c in a.carers]
    assert len(carers) == 2
    for name in carers:
        (mine,) = [b for b in blocks if name in b]
        assert "Staying Put carer" in mine
        assert not any(other in mine for other in carers if other != name)
    assert len(blocks) == len(ag.parties(demo["Whitfield"], ag.STAYING_PUT, a)) == 6
    assert any("Young person" in b and "Tom Whitfield" in b for b in blocks)
    assert any("Supervising social worker" in b and "Dev Sharma" in b for b in blocks)


def test_copies_go_to_every_party(pdfs, demo):
    text = pdf_text(pdfs["tom"])
    copies = text[text.index("Copies to"):]
    plan = demo["Whitfield"]
    for line in ag.copies_to(plan, ag.STAYING_PUT, plan.staying_put.in_force()):
        assert line in copies, line
    text = pdf_text(pdfs["reece"])
    copies = text[text.index("Copies to"):]
    for name in ("Reece Tanner", "Dee Campbell", "Jan Morris", "Priya Nair", "Northmoor Council"):
        assert name in copies


def test_an_ended_agreement_is_a_record_with_nothing_to_sign(pdfs, demo):
    text = pdf_text(pdfs["callum"])
    assert "Ended — kept as a record" in text and "it is not for signing" in text
    assert "This was the Living Together Agreement" in text
    assert _signature_blocks_or_none(pdfs["callum"]) == []
    assert "Who signed it" in text and "Linda Shaw" in text


def _signature_blocks_or_none(path: Path) -> list[str]:
    lines = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                           capture_output=True).stdout.decode("utf-8")
    return re.findall(r"Signature\s+Date", lines)


def test_the_agreed_copy_says_who_signed_and_that_it_is_kept_as_signed(pdfs):
    text = pdf_text(pdfs["tom"])
    assert "It is kept as it was signed" in text and "Signed on" in text
    assert "Versions of this agreement" in text and "Replaced by a later version" in text


def test_a_chosen_version_is_printed(demo, plans, tmp_path):
    plan = demo["Whitfield"]
    old = next(a for a in plan.staying_put.agreements if a.version == 1)
    text = pdf_text(render_pdf(plan, "staying-put", plans.TODAY, tmp_path / "v1.pdf", agreement=old.id))
    assert "Replaced — kept as a record" in text and "£30 a week board" in text
    assert _signature_blocks_or_none(tmp_path / "v1.pdf") == []


def test_a_carer_who_shares_the_young_persons_first_name_is_named_in_full(demo, plans, tmp_path):
    import copy

    plan = copy.deepcopy(demo["Whitfield"])
    current = next(a for a in plan.staying_put.agreements if a.version == 2)
    current.carers[1].name = "Tom Lowe"  # Tom Whitfield lives with Karen and Tom Lowe
    text = " ".join(pdf_text(render_pdf(plan, "staying-put", plans.TODAY, tmp_path / "tom.pdf",
                                        agreement=current.id)).split())
    assert "Tom and Tom" not in text and "Tom, Karen" not in text
    assert "how Tom and Karen and Tom Lowe will live together" in text
    responsibilities = text.split("What each of us will do", 2)[-1].split("Living together", 1)[0]
    assert "Karen and Tom Lowe" in responsibilities


@pytest.mark.parametrize("who, page", [("tom", 1), ("tom", 5), ("callum", 1), ("reece", 2)])
def test_pages_match_their_reference(pdfs, tmp_path, who, page):
    stem = tmp_path / f"{who}-{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdfs[who]), str(stem)], check=True)
    got = stem.with_suffix(".png")
    ref = REF / f"agreement-{who}-page{page}.png"
    if os.environ.get("PATHWAY_REGEN_GOLDEN"):
        shutil.copyfile(got, ref)
    assert ref.exists(), f"no reference {ref.name}: run with PATHWAY_REGEN_GOLDEN=1 and look at it"
    diff = mean_diff(got, ref)
    assert diff < THRESHOLD, f"page {page} of {who}'s agreement differs from {ref.name} by {diff:.2f} (saved as {got})"
