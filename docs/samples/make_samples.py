"""Rebuild the sample PDFs and first-page PNGs in this folder from the fictional plan used by the
PDF tests:  /work/venv/bin/python docs/samples/make_samples.py"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "export")]

from pathway_app.export import render_pdf  # noqa: E402

import plans  # noqa: E402

plan = plans.rich_plan()
for edition in ("full", "young-person", "staying-put", "staying-close"):
    pdf = render_pdf(plan, edition, plans.TODAY, HERE / f"{edition}.pdf", prompts=plans.sample_prompts(plan))
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(HERE / f"{edition}-page1")], check=True)
    print(pdf)

# the accessible copy (HTML) of the young person's plan and of the full plan, from the same document model
from pathway_app.export import build_document  # noqa: E402
from pathway_app.export.html import render_html  # noqa: E402

for edition in ("young-person", "full"):
    out = HERE / f"{edition}.html"
    out.write_text(render_html(build_document(plan, plans.TODAY, edition)), encoding="utf-8")
    print(out)
