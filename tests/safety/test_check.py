"""Damaged or wrong files: each kind is recognised, explained, moved aside or refused."""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
from pathlib import Path

import pytest

from pathway_app.cli import main
from pathway_app.errors import DatabaseProblem
from pathway_app.store import backup as b
from pathway_app.store import open_store
from pathway_app.store.check import (
    DatabaseMovedAside,
    DatabaseRefused,
    check_database,
    guard_open,
)
from pathway_app.store.sqlitefile import move_aside

from safety_helpers import load_digests


def _page_size(db: Path) -> int:
    return int.from_bytes(db.read_bytes()[16:18], "big")


def _checkpointed(db: Path) -> None:
    """No -wal left: the main file holds everything (as after a clean close)."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for c in ("-wal", "-shm"):
        db.with_name(db.name + c).unlink(missing_ok=True)


def make_bad(kind: str, db: Path) -> None:
    """Turn the good database at ``db`` into a bad file of ``kind``."""
    _checkpointed(db)
    data = db.read_bytes()
    if kind == "empty":
        db.write_bytes(b"")
    elif kind == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif kind == "truncated_header":
        db.write_bytes(data[:40])
    elif kind == "damaged":
        # SQLite keeps no checksums, so a flip inside a text value goes unnoticed by any check;
        # flips in the b-tree structure (page headers, cell pointers) are what quick_check sees.
        ps = _page_size(db)
        buf = bytearray(data)
        rng = random.Random(11)
        for page in range(2, len(buf) // ps):
            for off in rng.sample(range(0, 12), 3):
                buf[page * ps + off] ^= 0xFF
        db.write_bytes(bytes(buf))
    elif kind == "not_database":
        db.write_bytes(random.Random(5).randbytes(len(data)))
    elif kind == "text_file":
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["Name", "Date of birth", "Social worker"])
        for i in range(50):
            w.writerow([f"Young person {i}", "2008-01-01", "J. Smith"])
        db.write_text(out.getvalue(), encoding="utf-8")
    elif kind == "foreign":
        db.unlink()
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        con.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
        con.commit()
        con.close()
    elif kind == "foreign_app_id":
        db.unlink()
        con = sqlite3.connect(db)
        con.execute("PRAGMA application_id = 1234")
        con.execute("CREATE TABLE notes (t TEXT)")
        con.commit()
        con.close()
    elif kind == "newer":
        con = sqlite3.connect(db)
        con.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
        con.commit()
        con.close()
    else:  # pragma: no cover
        raise AssertionError(kind)


BAD = ["empty", "truncated", "truncated_header", "damaged", "not_database", "text_file", "foreign", "foreign_app_id", "newer"]
EXPECTED_KIND = {"truncated_header": "truncated", "foreign_app_id": "foreign"}
MOVED = {"empty", "truncated", "truncated_header", "damaged", "not_database", "text_file"}


@pytest.mark.parametrize("kind", BAD)
def test_each_bad_kind_is_recognised_with_a_plain_message(populated, kind):
    db, _ = populated
    backup = b.make_backup(db)
    make_bad(kind, db)
    before = db.read_bytes()
    r = check_database(db)
    assert not r.ok
    assert r.kind == EXPECTED_KIND.get(kind, kind)
    assert db.name in r.message and "Traceback" not in r.message
    assert r.newest_good_backup == backup
    assert db.read_bytes() == before  # checking never changes the file


def test_good_missing_blank_and_encrypted_are_fine(populated, tmp_path):
    db, _ = populated
    assert check_database(db).kind == "good" and check_database(db).ok
    assert check_database(db).newest_good_backup is None
    r = check_database(tmp_path / "nothing-here.db")
    assert r.ok and r.kind == "missing" and "new" in r.message
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).execute("PRAGMA user_version = 0").connection.close()
    blank.write_bytes(b"")  # sqlite3.connect alone writes nothing; make a real empty db:
    con = sqlite3.connect(blank)
    con.execute("CREATE TABLE t(x)")
    con.execute("DROP TABLE t")
    con.close()
    assert check_database(blank).kind == "blank" and check_database(blank).ok
    enc = tmp_path / "secret.db"
    enc.write_bytes(random.Random(1).randbytes(4096))
    enc.with_name("secret.db.key").write_text("{}")
    assert check_database(enc).kind == "encrypted"
    assert check_database(tmp_path).kind == "unreadable"


def test_missing_file_offers_the_newest_good_backup(populated):
    db, _ = populated
    older = b.make_backup(db)
    newer = b.make_backup(db)
    newer.write_bytes(newer.read_bytes()[:1000])  # the newest backup is damaged: skip it
    db.unlink()
    r = check_database(db)  # backups show there were records: not "a new one will be made"
    assert not r.ok and r.kind == "lost" and r.newest_good_backup == older
    assert "missing" in r.message and "Nothing new is made" in r.message


@pytest.mark.parametrize("kind", sorted(MOVED))
def test_guard_open_moves_a_damaged_file_aside_and_offers_a_backup(populated, kind):
    db, digests = populated
    backup = b.make_backup(db)
    make_bad(kind, db)
    before = db.read_bytes()
    with pytest.raises(DatabaseMovedAside) as exc:
        guard_open(db)
    e = exc.value
    assert isinstance(e, DatabaseProblem)
    assert not db.exists()
    assert e.moved_to.exists() and e.moved_to.read_bytes() == before
    assert e.moved_to.parent == db.parent and ".damaged-" in e.moved_to.name
    assert e.newest_good_backup == backup
    assert backup.name in str(e) and "nothing was deleted" in str(e)
    # the offered backup brings everything back
    b.restore_backup(e.newest_good_backup, db)
    assert load_digests(db) == digests


@pytest.mark.parametrize("kind", ["foreign", "foreign_app_id", "newer"])
def test_guard_open_refuses_foreign_and_newer_files_without_touching_them(populated, kind):
    db, _ = populated
    make_bad(kind, db)
    before = db.read_bytes()
    with pytest.raises(DatabaseRefused) as exc:
        guard_open(db)
    assert exc.value.result.kind == EXPECTED_KIND.get(kind, kind)
    assert db.read_bytes() == before
    names = sorted(p.name for p in db.parent.iterdir() if p.name.startswith("pathway."))
    if before[18:20] == b"\x02\x02":  # a WAL database: reading it may add SQLite's -wal/-shm
        assert [n for n in names if not n.endswith(("-wal", "-shm"))] == ["pathway.db"]
    else:
        assert names == ["pathway.db"]


def test_move_aside_never_overwrites_and_takes_the_wal_along(tmp_path):
    db = tmp_path / "pathway.db"
    for i in range(3):
        db.write_bytes(f"copy {i}".encode())
        db.with_name("pathway.db-wal").write_bytes(f"wal {i}".encode())
        moved = move_aside(db, now=None)
        assert moved.read_bytes() == f"copy {i}".encode()
        assert moved.with_name(moved.name + "-wal").read_bytes() == f"wal {i}".encode()
        assert not db.exists() and not db.with_name("pathway.db-wal").exists()
    assert len([p for p in tmp_path.iterdir() if p.suffix == ".db"]) == 3


def test_check_command_exit_codes(populated, capsys):
    db, _ = populated
    data_dir = str(db.parent)
    assert main(["check", "--data-dir", data_dir]) == 0
    assert "OK" in capsys.readouterr().out
    backup = b.make_backup(db)
    make_bad("damaged", db)
    assert main(["check", "--data-dir", data_dir]) == 1
    out = capsys.readouterr().out
    assert "damaged" in out and str(backup) in out and "pathway-planner restore" in out
    assert main(["check", "--data-dir", data_dir, "--json"]) == 1
    j = json.loads(capsys.readouterr().out)
    assert j["kind"] == "damaged" and j["newest_good_backup"] == str(backup) and j["ok"] is False


@pytest.mark.parametrize("kind", BAD)
def test_check_command_is_non_zero_for_every_bad_kind(populated, kind, capsys):
    db, _ = populated
    make_bad(kind, db)
    assert main(["check", "--db", f"sqlite:///{db}"]) == 1
    assert "PROBLEM" in capsys.readouterr().out


def test_check_command_missing_file_is_fine(tmp_path, capsys):
    assert main(["check", "--data-dir", str(tmp_path / "new")]) == 0
    assert "new, empty one will be made" in capsys.readouterr().out


# --------------------------------------------------------------------------- through open_store

@pytest.mark.parametrize("kind", ["damaged", "text_file", "truncated"])
def test_open_store_moves_damaged_files_aside(populated, kind):
    db, _ = populated
    b.make_backup(db)
    make_bad(kind, db)
    before = db.read_bytes()
    with pytest.raises(DatabaseMovedAside) as exc:
        open_store(data_dir=db.parent, create_unencrypted=True)
    assert exc.value.moved_to.read_bytes() == before and exc.value.newest_good_backup is not None


@pytest.mark.parametrize("kind", ["foreign", "foreign_app_id", "newer"])
def test_open_store_never_initialises_or_moves_a_foreign_or_newer_file(populated, kind):
    db, _ = populated
    make_bad(kind, db)
    before = db.read_bytes()
    with pytest.raises(DatabaseProblem):
        open_store(data_dir=db.parent, create_unencrypted=True)
    assert db.read_bytes() == before
    assert not db.with_name("pathway.db-wal").exists() or kind == "newer"
