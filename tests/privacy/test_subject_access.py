"""Everything held about a young person (issue 7 item 4): the bundle, what is marked for review,
and the `subject-access` command run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pathway_app.demo import demo_plans
from pathway_app.domain.dates import birthday
from pathway_app.domain.model import (
    AdviserPeriod,
    Carer,
    LifeStoryEntry,
    PromptResponse,
    Relationship,
    Review,
    StayingCloseAgreement,
    StayingCloseContact,
    StayingPutAgreement,
)
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.domain.vocab import Decision, PromptAnswer
from pathway_app.errors import NotFound
from pathway_app.store import audit
from pathway_app.store.engine import WRITE
from pathway_app.store.store import Store
from pathway_app.store.subject_access import generic_path, resolve_path, response_due, subject_access_bundle

from .conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def kayla():
    plan = demo_plans(TODAY)[0]
    assert plan.person.given_name == "Kayla"
    return plan


def flagged(bundle) -> dict[str, dict]:
    return {t["path"]: t for t in bundle["third_party"]}


# --------------------------------------------------------------------------- the bundle


def test_the_bundle_holds_the_whole_plan_and_the_dates_that_matter(plain_store, monkeypatch):
    monkeypatch.setenv("PATHWAY_USER", "Asha Khan (PA)")
    plan = kayla()
    plain_store.save(plan, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY, requested_on=date(2026, 11, 20))
    assert b["plan"] == plan_to_dict(plain_store.load(plan.id))  # every field, empty or not
    json.loads(json.dumps(b, ensure_ascii=False))  # JSON-ready as it is
    a = b["about"]
    assert a["young_person"] == "Kayla Brennan" and a["plan_id"] == plan.id
    assert a["requested_on"] == "2026-11-20" and a["response_due_by"] == "2026-12-20"
    assert a["produced_on"] == TODAY.isoformat()
    assert a["produced_by"] == (getattr(plain_store, "user", None) or "Asha Khan (PA)")
    assert a["keep_until"] == birthday(plan.person.date_of_birth, 75).isoformat() == "2084-08-11"
    assert a["marked_for_review"] == len(b["third_party"]) > 0
    assert {"plan", "prompt_responses", "history", "third_party"} <= set(b)


def test_the_request_defaults_to_today_and_is_due_a_calendar_month_later(plain_store):
    plan = kayla()
    plain_store.save(plan, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    assert b["about"]["requested_on"] == "2026-11-23" and b["about"]["response_due_by"] == "2026-12-23"
    assert response_due(date(2027, 1, 31)) == date(2027, 2, 28)
    assert response_due(date(2028, 1, 31)) == date(2028, 2, 29)
    assert response_due(date(2026, 12, 15)) == date(2027, 1, 15)


def test_no_date_of_birth_means_no_retention_date_and_says_why(plain_store):
    plan = kayla()
    plain_store.save(plan, TODAY)
    with plain_store.engine.begin() as conn:  # a store refuses to save this; records from elsewhere may hold it
        conn.exec_driver_sql("UPDATE plans SET date_of_birth = NULL")
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    assert b["about"]["keep_until"] is None and b["about"]["date_of_birth"] is None
    assert "not recorded" in b["about"]["retention_note"]


def test_an_unknown_young_person_is_not_found(plain_store):
    with pytest.raises(NotFound):
        subject_access_bundle(plain_store, "00000000-0000-0000-0000-000000000000", today=TODAY)


def test_every_relationship_detail_is_marked_with_its_path(plain_store):
    plan = kayla()
    plan.relationships.append(Relationship(
        name="Gary Stone", description="mum's partner", phone="07700 900999",
        safety_notes="Must not be told where Kayla lives.", contact_restrictions="No contact at all.",
    ))
    plain_store.save(plan, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    marks = flagged(b)
    checked = 0
    for i, r in enumerate(plan.relationships):
        for field in ("name", "description", "phone", "safety_notes", "contact_restrictions"):
            value = getattr(r, field)
            path = f"plan.relationships[{i}].{field}"
            if not value.strip():
                assert path not in marks  # nothing there, nothing to check
                continue
            assert path in marks, path
            assert resolve_path(b, path) == value == marks[path]["value"]
            assert marks[path]["about"] == r.name and marks[path]["why"]
            checked += 1
    assert checked >= 20
    safety = marks[f"plan.relationships[{len(plan.relationships) - 1}].safety_notes"]
    assert safety["kind"] == "safety" and "risk" in safety["why"]


def test_other_people_recorded_elsewhere_are_marked(plain_store):
    plan = kayla()
    plan.staying_close.decision = Decision.DISCUSSING
    plan.staying_close.agreements = [StayingCloseAgreement(staff=[
        StayingCloseContact(name="Jan Morris", role="key worker", how_keep_in_touch="texts weekly")])]
    plan.staying_put.agreements = [StayingPutAgreement(carers=[Carer(name="Maureen Ellis"), Carer(name="Tony Ellis")],
                                                       carer_payment="£100 a week to the carers")]
    plan.advisers.append(AdviserPeriod(name="Priya Nair", organisation="Leaving Care Team", start=date(2026, 10, 1)))
    plan.reviews.append(Review(held_on=date(2026, 11, 1), participants="Kayla, Priya, Maureen", summary="ok"))
    plain_store.save(plan, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    marks = flagged(b)
    expect = {
        "plan.staying_close.agreements[0].staff[0].name": "staff",
        "plan.staying_close.agreements[0].staff[0].role": "staff",
        "plan.staying_close.agreements[0].staff[0].how_keep_in_touch": "staff",
        "plan.staying_put.agreements[0].carers[0].name": "carer",
        "plan.staying_put.agreements[0].carers[1].name": "carer",
        "plan.staying_put.agreements[0].carer_payment": "carer",
        f"plan.advisers[{len(plan.advisers) - 1}].name": "staff",
        f"plan.reviews[{len(plan.reviews) - 1}].participants": "person",
        "plan.education.designated_contact": "staff",
        "plan.contingency.who_to_call": "contact",
    }
    for path, kind in expect.items():
        assert path in marks, path
        assert marks[path]["kind"] == kind
        assert resolve_path(b, path) == marks[path]["value"]
    for t in b["third_party"]:
        assert set(t) >= {"path", "where", "kind", "about", "value", "why"} and t["why"].strip()


def test_free_text_that_names_a_recorded_person_is_marked(plain_store):
    plan = kayla()
    plan.life_story.append(LifeStoryEntry(title="Beach day", text="Went to the beach with Tyler and his new family."))
    plan.life_story.append(LifeStoryEntry(title="Netball", text="Won the county cup. Brennan on the back of my shirt!"))
    plan.life_story.append(LifeStoryEntry(title="Mum", text="A card from mum for my birthday."))
    plain_store.save(plan, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    marks = flagged(b)
    n = len(plan.life_story)
    beach = marks[f"plan.life_story[{n - 3}].text"]
    assert beach["kind"] == "mention" and beach["mentions"] == ["Tyler Brennan"]
    # the young person's own family name is not someone else's
    assert f"plan.life_story[{n - 2}].text" not in marks
    # "my mum" (Donna Brennan's description) is found as a role, and by the full-plan scan
    assert "Donna Brennan" in marks[f"plan.life_story[{n - 1}].text"]["mentions"]
    assert f"plan.life_story[{n - 1}].title" in marks
    # identifiers and codes are never scanned
    assert not [p for p in marks if p.endswith((".id", ".rule_id", ".fingerprint"))]
    assert {generic_path(p) for p in marks} >= {"relationships[].name", "life_story[].text"}


def test_prompt_responses_are_in_the_bundle_and_who_answered_is_marked(plain_store):
    plan = kayla()
    plan.prompt_responses.append(PromptResponse(
        rule_id="staying-put-discussed", answer=PromptAnswer.LATER, note="Talk with Maureen first.",
        until=date(2027, 1, 10), by="Leon Carter", at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
    ))
    plain_store.save(plan, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    (pr,) = b["prompt_responses"]
    assert pr["note"] == "Talk with Maureen first." and pr["by"] == "Leon Carter" and pr["answer"] == "later"
    assert "prompt" in pr
    marks = flagged(b)
    assert marks["plan.prompt_responses[0].by"]["kind"] == "staff"
    assert marks["plan.prompt_responses[0].note"]["mentions"] == ["Maureen Ellis"]


# --------------------------------------------------------------------------- the history of the record


def _write(store):
    conn = store.engine.connect()
    conn.execution_options(**{WRITE: True})
    return conn


def test_the_history_holds_each_look_and_change_with_before_and_after(any_store):
    plan = kayla()
    any_store.save(plan, TODAY)
    before = plan_to_dict(any_store.load(plan.id))
    edited = any_store.load(plan.id)
    donna = next(i for i, r in enumerate(edited.relationships) if r.name == "Donna Brennan")
    edited.relationships[donna].safety_notes += " New address must not be shared."
    edited.person.phone = "07700 900555"
    any_store.save(edited, TODAY)
    after = plan_to_dict(any_store.load(plan.id))
    already = {e.seq for e in audit.history(any_store.engine, plan.id)}  # what the store records itself, if anything
    with _write(any_store) as conn, conn.begin():
        audit.record_change(conn, user="Asha (PA)", plan_id=plan.id, plan_version=1, before=None, after=before)
        audit.record_change(conn, user="Asha (PA)", plan_id=plan.id, plan_version=2, before=before, after=after)
    ben = Store(any_store.engine, user="Ben (manager)")
    ben.record_events(audit.OPENED, [plan.id])
    ben.record_event(audit.PRINTED, plan.id, {"edition": "full"})
    ben.record_events(audit.OPENED, ["someone-else"])

    b = subject_access_bundle(any_store, plan.id, today=TODAY)
    h = b["history"]
    assert h["available"] is True
    mine = [e for e in h["entries"] if e["seq"] not in already]
    assert [(e["action"], e["user"]) for e in mine] == [
        ("created", "Asha (PA)"), ("changed", "Asha (PA)"), ("opened", "Ben (manager)"), ("printed", "Ben (manager)"),
    ]
    assert all(e["at"].endswith("Z") for e in h["entries"])
    assert [e["seq"] for e in h["entries"]] == sorted(e["seq"] for e in h["entries"])  # oldest first
    changed = mine[1]
    paths = {c["path"]: c for c in changed["changes"]}
    assert paths["person.phone"]["before"] == "07700 900101" and paths["person.phone"]["after"] == "07700 900555"
    rel_id = edited.relationships[donna].id
    sn = paths[f"relationships[{rel_id}].safety_notes"]
    assert sn["after"].endswith("New address must not be shared.")
    assert mine[3]["detail"]["edition"] == "full"  # (PostgreSQL adds the database login as db_role)
    # a change to information about another person is marked, at its place in the history
    i = h["entries"].index(changed)
    j = changed["changes"].index(sn)
    marks = flagged(b)
    assert marks[f"history.entries[{i}].changes[{j}]"]["kind"] == "safety"
    assert resolve_path(b, f"history.entries[{i}].changes[{j}]") == sn
    # the young person's own phone number is theirs: not marked
    k = changed["changes"].index(paths["person.phone"])
    assert f"history.entries[{i}].changes[{k}]" not in marks
    assert "Asha (PA)" in marks["history.entries[].user"]["value"]


def test_saves_and_opens_recorded_by_the_store_are_in_the_bundle(plain_store):
    """The store's own recording (issue 7 item 3): saves and opens appear without anyone writing them."""
    plan = kayla()
    plain_store.save(plan, TODAY)
    edited = plain_store.load(plan.id)
    edited.person.phone = "07700 900555"
    plain_store.save(edited, TODAY)
    b = subject_access_bundle(plain_store, plan.id, today=TODAY)
    actions = [(e["action"], e["plan_version"]) for e in b["history"]["entries"]]
    assert actions == [("created", 1), ("opened", 1), ("changed", 2)]  # producing the bundle adds no "opened"
    (change,) = b["history"]["entries"][2]["changes"]
    assert (change["path"], change["before"], change["after"]) == ("person.phone", "07700 900101", "07700 900555")
    json.dumps(b)  # the store's datetimes were turned into text


def test_the_history_and_who_produced_it_come_from_the_store(plain_store):
    plan = kayla()
    plain_store.save(plan, TODAY)
    dee = Store(plain_store.engine, user="Dee (team manager)")
    dee.record_event(audit.OPENED, plan.id)
    b = subject_access_bundle(dee, plan.id, today=TODAY)
    assert b["history"]["available"] is True
    last = b["history"]["entries"][-1]
    assert (last["action"], last["user"]) == ("opened", "Dee (team manager)")
    assert last["hash"] == audit.chain_head(dee.engine)[1]
    assert b["about"]["produced_by"] == "Dee (team manager)"


def test_a_history_that_was_removed_is_reported_not_called_new(plain_store):
    plan = kayla()
    plain_store.save(plan, TODAY)
    with plain_store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE audit_log")
        conn.exec_driver_sql("DROP TABLE audit_head")
    again = Store(plain_store.engine)
    b = subject_access_bundle(again, plan.id, today=TODAY)
    assert b["history"]["available"] is False and "has been removed" in b["history"]["note"]
    assert again.verify_audit() == [audit.GONE]


# --------------------------------------------------------------------------- the command


def _new_plain_db(path: Path):
    """A new unencrypted database (or the one already there)."""
    from pathway_app.store import open_store

    return open_store(url=f"sqlite:///{path}", create_unencrypted=True)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATHWAY_USER="Asha Khan (PA)")
    return subprocess.run(
        [sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{db}", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=180, env=env,
    )


@pytest.fixture
def cli_db(tmp_path):
    db = tmp_path / "records.db"
    store = _new_plain_db(db)
    plan = kayla()
    store.save(plan, TODAY)
    store.close()
    return db, plan


def test_the_command_writes_the_pdf_and_the_json(cli_db, tmp_path):
    db, plan = cli_db
    out = tmp_path / "out" / "kayla-sar.pdf"
    out.parent.mkdir()
    proc = _cli(db, "subject-access", plan.id[:8], "--out", str(out), "--requested-on", "2026-11-20", "--today", "2026-11-23")
    assert proc.returncode == 0, proc.stderr
    json_path = out.with_suffix(".json")
    assert proc.stdout.split() == [str(out), str(json_path)]
    assert out.read_bytes().startswith(b"%PDF")
    b = json.loads(json_path.read_text(encoding="utf-8"))
    assert b["plan"]["id"] == plan.id and b["plan"]["person"]["given_name"] == "Kayla"
    assert b["about"]["requested_on"] == "2026-11-20" and b["about"]["response_due_by"] == "2026-12-20"
    assert b["about"]["produced_on"] == "2026-11-23"
    assert any(t["path"].endswith("safety_notes") for t in b["third_party"])
    assert sorted(p.name for p in out.parent.iterdir()) == ["kayla-sar.json", "kayla-sar.pdf"]  # no temp files left
    # the request is in the record's history: one "exported" entry, by the person who ran it
    store = _new_plain_db(db)
    try:
        hist = store.audit_history(plan.id)
        last = hist[-1]
        assert (last["action"], last["user"], last["detail"]) == ("exported", "Asha Khan (PA)", {"document": "subject access"})
        assert not [e for e in hist if e["action"] == "opened"]  # the bundle read it quietly
    finally:
        store.close()
    # a second run replaces both
    proc = _cli(db, "subject-access", plan.id, "--out", str(out), "--today", "2026-11-24")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(json_path.read_text(encoding="utf-8"))["about"]["requested_on"] == "2026-11-24"


def test_the_command_refuses_an_unknown_young_person_and_bad_places(cli_db, tmp_path):
    db, plan = cli_db
    out = tmp_path / "x.pdf"
    proc = _cli(db, "subject-access", "ffffffff", "--out", str(out))
    assert proc.returncode != 0
    assert "ffffffff" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and not out.with_suffix(".json").exists()
    proc = _cli(db, "subject-access", plan.id, "--out", str(tmp_path / "missing" / "x.pdf"))
    assert proc.returncode == 1 and "does not exist" in proc.stderr
    proc = _cli(db, "subject-access", plan.id, "--out", str(tmp_path / "x.json"))
    assert proc.returncode == 2 and ".json" in proc.stderr
    proc = _cli(db, "subject-access", plan.id, "--out", str(out), "--requested-on", "2026-13-01")
    assert proc.returncode == 2 and "2026-13-01" in proc.stderr
