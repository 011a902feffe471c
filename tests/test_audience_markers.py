"""Who sees what, end to end: for each audience, a unique marker is planted in every text field of a
plan, and the audience's PDF edition, ``show --as`` and (for carers and key workers) the share file
hold none of the markers the policy hides from them — and every one it shows them.

The fields hidden and shown come from the policy itself (``audiences.view``), not from a list
written here, so a field added to the plan is covered the day it is added.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain import audiences as A
from pathway_app.domain import fieldpath
from pathway_app.domain.introspect import specs
from pathway_app.domain.model import Action, SharingChoice
from pathway_app.domain.validation import validate
from pathway_app.domain.vocab import AgreementStatus, Area, ShareAudience
from pathway_app.export import render_pdf
from pathway_app.store import open_store
from pathway_app.store import share as S
from pathway_app.store.keyfile import KdfParams

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 1)
FAST = KdfParams(memory_kib=1024, time_cost=1, parallelism=1)
KEEP = {"id", "key", "rule_id", "path", "fingerprint"}  # identifiers and codes: not text anyone reads
EDITIONS = {A.Audience.YOUNG_PERSON: "young-person", A.Audience.FOSTER_CARER: "staying-put",
            A.Audience.KEY_WORKER: "staying-close"}


def marked_plan():
    """Tom's plan with Reece's Staying Close plan too, something shared by consent with each of the
    carers and the key worker, an action for the carers, and a marker in every text field.
    Returns the plan and {marker: plan path}."""
    plans = {p.person.family_name: p for p in demo_plans(TODAY)}
    plan = copy.deepcopy(plans["Whitfield"])
    plan.staying_close = copy.deepcopy(plans["Tanner"].staying_close)
    karen = plan.relationships[0]
    plan.sharing = [SharingChoice(f"relationships[{karen.id}]", ShareAudience.FOSTER_CARER, True, TODAY),
                    SharingChoice("support_areas[accommodation].own_words", ShareAudience.KEY_WORKER, True, TODAY)]
    plan.area(Area.HEALTH).actions.append(Action(what="Go with Tom to the dentist", who="Karen Lowe"))
    plan.relationships[1].safety_notes = "A safety note."
    markers: dict[str, str] = {}

    def fill(obj, path, fid):
        for s in specs(type(obj)):
            sub = fieldpath.child(path, s.name)
            sub_fid = f"{fid}.{s.name}" if fid else s.name
            value = getattr(obj, s.name)
            if s.kind == "text" and s.name not in KEEP:
                marker = f"mk{len(markers):04d}q"
                markers[marker] = sub
                setattr(obj, s.name, f"{marker}@example.org" if s.name == "email" else f"{value} {marker}".strip())
            elif s.kind == "record":
                fill(value, sub, sub_fid)
            elif s.kind == "records":
                for i, item in enumerate(value):
                    fill(item, fieldpath.child(path, s.name, fieldpath.record_key(sub_fid, item) or fieldpath.position_key(i)), sub_fid)

    fill(plan, "", "")
    assert validate(plan, TODAY) == []
    return plan, markers


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    plan, markers = marked_plan()
    d = tmp_path_factory.mktemp("markers")
    store = open_store(url=f"sqlite:///{d / 'pathway.db'}", create_unencrypted=True)
    store.save(plan, TODAY)
    store.close()
    return plan, markers, d


def _show_as(d: Path, plan_id: str, audience: A.Audience, *extra: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "pathway_app", "show", plan_id, "--as", audience.value.replace("_", "-"),
                           "--db", f"sqlite:///{d / 'pathway.db'}", *extra],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.casefold()


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8").casefold()


def _split(plan, markers, audience):
    v = A.view(plan, audience)
    hidden = {m: p for m, p in markers.items() if not v.sees(p)}
    shown = {m: p for m, p in markers.items() if v.sees(p)}
    assert hidden and shown
    return v, hidden, shown


@pytest.mark.parametrize("audience", list(EDITIONS), ids=lambda a: a.value)
def test_show_as_holds_what_the_audience_sees_and_nothing_else(marked, audience):
    plan, markers, d = marked
    _v, hidden, shown = _split(plan, markers, audience)
    for out in (_show_as(d, plan.id, audience), _show_as(d, plan.id, audience, "--json")):
        leaked = [p for m, p in hidden.items() if m in out]
        missing = [p for m, p in shown.items() if m not in out]
        assert leaked == [] and missing == []


@pytest.mark.parametrize("audience", list(EDITIONS), ids=lambda a: a.value)
def test_the_pdf_holds_nothing_hidden_and_all_of_the_agreement(marked, audience, tmp_path):
    plan, markers, _d = marked
    v, hidden, shown = _split(plan, markers, audience)
    text = _pdf_text(render_pdf(plan, EDITIONS[audience], TODAY, tmp_path / "out.pdf"))
    assert [p for m, p in hidden.items() if m in text] == []
    if audience is A.Audience.YOUNG_PERSON:
        return  # their own copy is written for them; what it may hold is what is checked
    kind = "staying_put" if audience is A.Audience.FOSTER_CARER else "staying_close"
    printed = getattr(v.plan, kind).current()
    prefix = f"{kind}.agreements[{printed.id}]"
    expected = {m: p for m, p in shown.items() if p.startswith(prefix + ".")
                and not (p.endswith(".end_reason") and printed.status is not AgreementStatus.ENDED)}
    assert expected and [p for m, p in expected.items() if m not in text] == []


@pytest.mark.parametrize("audience", [A.Audience.FOSTER_CARER, A.Audience.KEY_WORKER], ids=lambda a: a.value)
def test_the_share_file_holds_what_the_audience_sees_and_nothing_else(marked, audience):
    plan, markers, _d = marked
    _v, hidden, shown = _split(plan, markers, audience)
    share = S.make_share(plan, audience, made_by="Priya Nair")
    content = json.dumps(S.unseal_share(S.seal_share(share, "seven green bottles", FAST), "seven green bottles").to_json(),
                         ensure_ascii=False).casefold()
    assert [p for m, p in hidden.items() if m in content] == []
    assert [p for m, p in shown.items() if m not in content] == []
