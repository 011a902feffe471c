"""Records that existed are never silently replaced by an empty database (issue 14 items 1 and 8).

Run as a user would (``python -m pathway_app …``): a key file, backups or a damaged file moved
aside all say there were records here, so an emptied or missing records file is reported and
the newest good backup offered, never taken for a new, empty database.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery staple"


def cli(data: Path, *args: str, passphrase: Path | None = None) -> subprocess.CompletedProcess:
    extra = ["--passphrase-file", str(passphrase)] if passphrase else []
    return subprocess.run(
        [sys.executable, "-m", "pathway_app", "--data-dir", str(data), *extra, *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=180,
    )


@pytest.fixture
def encrypted_with_backups(tmp_path):
    """An encrypted data folder holding the demo young people, with two backups."""
    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    assert cli(data, "demo", "--today", "2026-11-23", passphrase=pw).returncode == 0
    for _ in range(2):
        r = cli(data, "backup", passphrase=pw)
        assert r.returncode == 0, r.stderr
    return data, pw


def test_an_emptied_encrypted_database_is_not_taken_for_a_new_one(encrypted_with_backups):
    data, pw = encrypted_with_backups
    db = data / "pathway.db"
    names = json.loads(cli(data, "list", "--json", passphrase=pw).stdout)
    db.write_bytes(b"")  # truncated to 0 bytes; its key file and backups are still there

    r = cli(data, "check", passphrase=pw)
    assert r.returncode == 1, r.stdout
    assert "new, empty one" not in r.stdout and "empty (0 bytes)" in r.stdout
    assert "encrypted: yes" in r.stdout and "Newest good backup:" in r.stdout

    r = cli(data, "list", passphrase=pw)
    assert r.returncode == 1 and "No young people yet" not in r.stdout
    assert "moved aside" in r.stderr and "newest good backup" in r.stderr and "Traceback" not in r.stderr
    moved = sorted(data.glob("pathway.damaged-*.db"))
    assert len(moved) == 1 and moved[0].stat().st_size == 0
    assert not db.exists()  # nothing was made in its place

    for command in ("list", "demo"):  # and never on a later try either
        r = cli(data, command, passphrase=pw)
        assert r.returncode == 1 and "missing" in r.stderr and "newest good backup" in r.stderr, (command, r.stderr)
        assert not db.exists()
    r = cli(data, "check", passphrase=pw)
    assert r.returncode == 1 and "missing, but records were kept here before" in r.stdout

    newest = r.stdout.split("Newest good backup: ", 1)[1].splitlines()[0]
    assert cli(data, "restore", newest, passphrase=pw).returncode == 0
    assert json.loads(cli(data, "list", "--json", passphrase=pw).stdout) == names


def test_a_missing_plain_database_with_backups_is_not_replaced(populated):
    from pathway_app.errors import PassphraseNeeded
    from pathway_app.store import RecordsMissing, open_store
    from pathway_app.store.backup import make_backup

    db, _digests = populated
    kept = make_backup(db)
    db.unlink()
    for kwargs in ({}, {"create_unencrypted": True}, {"passphrase": PASS}):
        with pytest.raises(RecordsMissing) as exc:
            open_store(data_dir=db.parent, **kwargs)
        assert exc.value.newest_good_backup == kept and not isinstance(exc.value, PassphraseNeeded)
        assert not db.exists() and not (db.parent / "pathway.db.key").exists()


def test_check_says_a_damaged_file_was_moved_aside(tmp_path):
    """Item 8: after a damaged file was moved aside, `check` no longer says 'no records file' and exits 0."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "pathway.db").write_bytes(b"SQLite format 3\x00" + b"\x07" * 300)  # cut short
    r = cli(data, "list")
    assert r.returncode == 1 and "moved aside" in r.stderr
    r = cli(data, "check")
    assert r.returncode == 1, r.stdout
    assert "damaged records file was moved aside to pathway.damaged-" in r.stdout
    assert "no backup" in r.stdout
    # with nothing else left, opening makes new records, and says what happened
    r = cli(data, "--unencrypted", "list")
    assert r.returncode == 0 and "moved aside" in r.stderr and "was made" in r.stderr
    assert cli(data, "check").returncode == 0


def test_another_alembic_programs_database_is_foreign_not_newer(tmp_path):
    """Item 8: a database of another Alembic program with a "plans" table is not 'ours, newer'."""
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('3f2a9c1d7b21');"
        "CREATE TABLE plans (id INTEGER PRIMARY KEY, name TEXT);"
        "INSERT INTO plans (name) VALUES ('a flight plan');"
    )
    con.close()
    before = db.read_bytes()
    r = subprocess.run([sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{db}", "check"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 1 and "newer version" not in r.stdout
    assert "not a Pathway Planner database" in r.stdout and "another program" in r.stdout
    r = subprocess.run([sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{db}", "list"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 1 and "newer version" not in r.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_newer_database_is_refused_and_nothing_is_left_beside_it(tmp_path, encrypted):
    """Item 8: refusing a database made by a newer version leaves no -wal/-shm beside it."""
    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    args = ("demo", "--today", "2026-11-23")
    r = cli(data, *args, passphrase=pw) if encrypted else cli(data, "--unencrypted", *args)
    assert r.returncode == 0, r.stderr
    db = data / "pathway.db"
    if encrypted:
        from pathway_app.store import crypto
        from pathway_app.store.keyfile import keyfile_path
        from pathway_app.store.sqlitefile import raw_connect

        con = raw_connect(db, crypto.unlock(keyfile_path(db), PASS))
    else:
        con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.close()
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    files = sorted(p.name for p in data.iterdir())
    before = db.read_bytes()
    r = cli(data, "list", passphrase=pw if encrypted else None)
    assert r.returncode == 1 and "newer version" in r.stderr, r.stderr
    assert sorted(p.name for p in data.iterdir()) == files
    assert db.read_bytes() == before


def test_a_journal_left_by_a_full_disk_is_settled(tmp_path):
    """Item 8: on a nearly full disk a failed `demo` leaves its saved changes in the -wal file;
    later commands still read the records, say what is waiting, and move it in once there is room."""
    disk = tmp_path / "disk"
    disk.mkdir()
    child = Path(__file__).with_name("disk_full_child.py")
    r = subprocess.run(["unshare", "-m", sys.executable, str(child), str(disk)], capture_output=True, text=True,
                       timeout=600)
    if r.returncode != 0 and ("unshare" in r.stderr or "mount" in r.stderr) and not r.stdout:
        pytest.skip(f"a small disk cannot be made here (unshare -m and mount need privileges): {r.stderr.strip()}")
    assert r.returncode == 0, r.stderr
    steps = json.loads(r.stdout)
    fails = steps["demo_fails"]
    assert fails["rc"] == 1 and "disk is full" in fails["err"] and fails["wal"] > 0
    full = steps["list_full"]
    assert full["rc"] == 0 and "young people" in full["out"]  # what was saved can still be read
    assert "waiting in pathway.db-wal" in full["err"] and "disk is full" in full["err"]
    room = steps["list_room"]
    assert room["rc"] == 0 and room["wal"] == 0 and "waiting" not in room["err"]
    assert steps["demo_again"]["rc"] == 0, steps["demo_again"]["err"]
    assert steps["check"]["rc"] == 0
