"""The storage commands, run as a user would: `python -m pathway_app --db sqlite:///… COMMAND`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pathway_app.domain.serialize import plan_to_dict
from pathway_app.store import open_store
from pathway_app.store.interchange import FORMAT_VERSION

from builders import realistic_plan

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]


def run(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{db}", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    store = open_store(url=f"sqlite:///{path}", create_unencrypted=True)
    plans = [realistic_plan(seed) for seed in (1, 2, 3)]
    plans[0].person.given_name, plans[0].person.family_name, plans[0].person.preferred_name = "أمل", "الحسيني", ""
    for p in plans:
        store.save(p, TODAY)
    store.close()
    return path, plans


def test_list_json(db):
    path, plans = db
    rows = json.loads(run(path, "list", "--json", "--today", "2026-11-23").stdout)
    assert {r["id"] for r in rows} == {p.id for p in plans}
    for r in rows:
        assert set(r) >= {"id", "name", "date_of_birth", "category", "category_reason", "next_due", "next_due_what"}
        assert r["next_due"] is None or date.fromisoformat(r["next_due"])
    assert "أمل الحسيني" in {r["name"] for r in rows}


def test_list_text_and_search(db):
    path, plans = db
    out = run(path, "list", "--today", "2026-11-23").stdout
    assert "3 young people" in out and "أمل الحسيني" in out
    out = run(path, "list", "--search", "الحسيني").stdout
    assert "1 young person" in out


def test_show_by_prefix_text_and_json(db):
    path, plans = db
    out = run(path, "show", plans[1].id[:6]).stdout
    assert plans[1].person.display_name in out and "People who matter" in out and plans[1].id in out
    data = json.loads(run(path, "show", plans[1].id, "--json").stdout)
    assert data == plan_to_dict(plans[1])


def test_dates_text_and_json(db):
    path, plans = db
    p = plans[2]
    data = json.loads(run(path, "dates", p.id[:8], "--today", "2026-11-23", "--json").stdout)
    assert data["id"] == p.id and data["today"] == "2026-11-23"
    assert set(data["birthdays"]) == {"16", "17", "18", "21", "25"}
    assert data["category"] and data["category_reason"]
    out = run(path, "dates", p.id[:8], "--today", "2026-11-23").stdout
    assert "Category:" in out and "Next review due:" in out and "PA support ends:" in out


def test_export_then_import_into_an_empty_database(db, tmp_path):
    path, plans = db
    out_file = tmp_path / "plans.json"
    run(path, "export", str(out_file))
    assert not list(tmp_path.glob(".plans.json.*"))  # no temporary file left behind
    empty = tmp_path / "empty.db"
    out = run(empty, "import", str(out_file), "--unencrypted").stdout  # a new database: say how to make it
    assert "Added: 3" in out
    again = tmp_path / "again.json"
    run(empty, "export", str(again))
    assert again.read_bytes() == out_file.read_bytes()
    out = run(empty, "import", str(out_file)).stdout
    assert "Unchanged: 3" in out


def test_export_some_ids(db, tmp_path):
    path, plans = db
    out_file = tmp_path / "one.json"
    run(path, "export", str(out_file), plans[0].id[:5])
    assert [p["id"] for p in json.loads(out_file.read_text("utf-8"))["plans"]] == [plans[0].id]


def test_a_refused_import_prints_to_stderr_exits_2_and_writes_nothing(db, tmp_path):
    path, plans = db
    bad = tmp_path / "bad.json"
    doc = {"format": "pathway-planner-plans", "format_version": FORMAT_VERSION,
           "plans": [plan_to_dict(realistic_plan(9))]}
    doc["plans"][0]["person"]["date_of_birth"] = "2026-02-30"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    proc = run(path, "import", str(bad), check=False)
    assert proc.returncode == 2
    assert "Date of birth" in proc.stderr and "not a real date" in proc.stderr and doc["plans"][0]["id"] in proc.stderr
    assert proc.stdout == ""
    assert len(json.loads(run(path, "list", "--json").stdout)) == 3


def test_unknown_id_and_missing_file_are_errors_on_stderr(db, tmp_path):
    path, _plans = db
    proc = run(path, "show", "ffffffff", check=False)
    assert proc.returncode == 1 and "No young person" in proc.stderr and proc.stdout == ""
    proc = run(path, "import", str(tmp_path / "missing.json"), check=False)
    assert proc.returncode == 1 and "could not read" in proc.stderr


def test_a_foreign_database_is_refused_on_the_command_line(tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = other.read_bytes()
    proc = run(other, "list", check=False)
    assert proc.returncode == 1 and "not a Pathway Planner database" in proc.stderr
    assert other.read_bytes() == before


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path):
    """`pathway-planner show ID | head -1` ends quietly, without a traceback."""
    import subprocess as sp
    import sys as _sys
    from datetime import date as _date

    from pathway_app.store import open_store

    from builders import realistic_plan

    path = tmp_path / "pipe.db"
    store = open_store(url=f"sqlite:///{path}", create_unencrypted=True)
    plan = realistic_plan(7, "heavy", _date(2026, 11, 23))
    store.save(plan, _date(2026, 11, 23))
    store.close()
    cmd = [_sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{path}", "show", plan.id]
    proc = sp.Popen(cmd, stdout=sp.PIPE, stderr=sp.PIPE)
    proc.stdout.read(10)  # far less than the plan's text, which does not fit in the pipe
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err
