"""`pathway-planner share export|show|import` and `show --as`, as a script would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pathway_app.demo import demo_plans
from pathway_app.store import open_store
from pathway_app.store import share as S

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 1)
PASS = "seven green bottles"


def cli(*args: str, user: str = "Priya Nair") -> subprocess.CompletedProcess:
    import os

    proc = subprocess.run([sys.executable, "-m", "pathway_app", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120, input="", env={**os.environ, "PATHWAY_USER": user})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    """The demo young people in records on a SQLite file, and in a team's PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'pathway.db'}"
        store = open_store(url=url, create_unencrypted=True)
    else:
        url = request.getfixturevalue("pg_url")
        store = open_store(url=url)
    for p in demo_plans(TODAY):
        store.save(p, TODAY)
    store.close()
    pw = tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    dawit = next(p for p in demo_plans(TODAY) if p.person.family_name == "Tekle")
    return url, str(pw), dawit


def test_export_show_and_import_with_some_changes_accepted(db, tmp_path):
    url, pw, dawit = db
    f = tmp_path / "dawit.pathway-share"
    out = cli("share", "export", dawit.id[:8], "--for", "foster-carer", "--out", str(f), "--share-passphrase-file", pw,
              "--db", url, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["for"] == "foster_carer" and f.exists()
    # the carers work on it in their workspace and save it back into the same file
    share = S.open_share(f, PASS)
    ws = share.workspace()
    draft = ws.staying_put.draft()
    draft.house_rules[1].agreed = "Text if staying at a friend's."
    draft.money_notes = "Monthly, please."
    S.save_share(f, PASS, share, ws)
    shown = cli("share", "show", str(f), "--share-passphrase-file", pw)
    assert shown.returncode == 0, shown.stderr
    assert "for the foster carers (Staying Put)" in shown.stdout and "Changed since it was made:" in shown.stdout
    assert "House rule “Staying over and staying away”: What we agree" in shown.stdout
    assert "Depends on the outcome of Dawit's asylum claim" not in shown.stdout  # practitioners' notes never left
    raw = json.loads(cli("share", "show", str(f), "--share-passphrase-file", pw, "--json").stdout)
    assert raw["format"] == "pathway-planner-share" and raw["revision"] == 1
    # without saying which changes to take, a script is told how, and nothing changes
    refused = cli("share", "import", str(f), "--share-passphrase-file", pw, "--db", url)
    assert refused.returncode == 2 and "--accept" in refused.stderr
    done = cli("share", "import", str(f), "--share-passphrase-file", pw, "--db", url, "--accept", "1", "--json",
               user="Jo Manager")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [c["accepted"] for c in report["changes"]] == [True, False] and report["saved_version"] == 2
    store = open_store(url=url)
    try:
        d = store.load(dawit.id).staying_put.draft()
        assert d.house_rules[1].agreed == "Text if staying at a friend's." and d.money_notes == ""
        entry = [e for e in store.audit_history(dawit.id) if e["action"] == "changed"][-1]
        assert entry["user"] == "Jo Manager" and entry["detail"]["audience"] == "foster_carer"
        assert len(entry["detail"]["rejected"]) == 1
    finally:
        store.close()
    again = cli("share", "import", str(f), "--share-passphrase-file", pw, "--db", url, "--accept", "all")
    assert again.returncode == 0 and "imported already" in again.stdout


def test_a_wrong_passphrase_is_a_plain_error(db, tmp_path):
    url, pw, dawit = db
    f = tmp_path / "dawit.pathway-share"
    assert cli("share", "export", dawit.id, "--for", "key-worker", "--out", str(f), "--share-passphrase-file", pw,
               "--db", url).returncode == 0
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    out = cli("share", "import", str(f), "--share-passphrase-file", str(wrong), "--db", url, "--accept", "all")
    assert out.returncode == 2 and "passphrase does not open this shared plan" in out.stderr


def test_show_as_each_audience(db):
    url, _pw, dawit = db
    carers = cli("show", dawit.id, "--as", "foster-carer", "--db", url)
    assert carers.returncode == 0 and "as seen by: Foster carer (Staying Put)" in carers.stdout
    assert "Hiwet Berhe" in carers.stdout and "asylum claim" not in carers.stdout
    key_worker = json.loads(cli("show", dawit.id, "--as", "key-worker", "--db", url, "--json").stdout)
    assert "staying_put" not in key_worker
    full = cli("show", dawit.id, "--as", "practitioner", "--db", url)
    assert "asylum claim" in full.stdout
