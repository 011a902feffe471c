"""Rebuild subject-access.pdf, subject-access.json and subject-access-page1.png in this folder
for the fictional demo young person Kayla Brennan, through a real (temporary, unencrypted)
store so the history section has real entries:

    /work/venv/bin/python docs/samples/subject-access-sample.py
"""

import inspect
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from pathway_app.demo import demo_plans  # noqa: E402
from pathway_app.export.subject_access import render_subject_access_pdf  # noqa: E402
from pathway_app.store import open_store  # noqa: E402
from pathway_app.store.subject_access import subject_access_bundle  # noqa: E402

TODAY = date(2026, 11, 23)
REQUESTED = date(2026, 11, 20)

with tempfile.TemporaryDirectory() as tmp:
    kw = {"create_unencrypted": True} if "create_unencrypted" in inspect.signature(open_store).parameters else {}
    os.environ["PATHWAY_USER"] = "Leon Carter (PA)"
    store = open_store(url=f"sqlite:///{tmp}/sample.db", **kw)
    plan = demo_plans(TODAY)[0]  # Kayla Brennan
    store.save(plan, TODAY)
    plan = store.load(plan.id)
    donna = next(r for r in plan.relationships if r.name == "Donna Brennan")
    donna.contact_restrictions += " Reviewed at the November meeting: no change."
    plan.person.phone = "07700 900111"
    store.save(plan, TODAY)
    if hasattr(store, "record_event"):
        store.record_event("printed", plan.id, {"edition": "young-person"})
    bundle = subject_access_bundle(store, plan.id, today=TODAY, requested_on=REQUESTED)
    bundle["about"]["database"] = "(a temporary sample database)"
    store.close()

pdf = render_subject_access_pdf(bundle, HERE / "subject-access.pdf")
(HERE / "subject-access.json").write_text(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(HERE / "subject-access-page1")], check=True)
print(pdf)
