"""Backups: made with the backup API, proved by a manifest, rotated, restored exactly."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pathway_app.cli import main
from pathway_app.store import backup as b
from pathway_app.store import open_store, sqlitefile
from pathway_app.store.lock import AlreadyOpen, acquire
from pathway_app.store.migrate import head_revision

from builders import valid_realistic_plan
from safety_helpers import TODAY, load_digests, mutate

AFTER_75 = datetime(2200, 1, 1).date()  # deletion is refused before the young person's 75th birthday


def _facts(db: Path) -> dict:
    con = sqlitefile.connect_ro(db)
    try:
        return sqlitefile.database_facts(con)
    finally:
        con.close()


def test_backup_has_a_manifest_that_matches_the_data(populated):
    db, digests = populated
    path = b.make_backup(db, reason="manual")
    assert path.parent == db.parent / "backups"
    assert path.name.startswith("pathway-") and path.name.endswith("-manual.db")
    m = b.read_manifest(path)
    assert m["sha256"] == sqlitefile.file_sha256(path)
    assert m["size"] == path.stat().st_size
    assert m["schema_revision"] == head_revision()
    assert m["row_counts"]["plans"] == len(digests) == 5
    src = _facts(db)
    assert m["row_counts"] == src["row_counts"]
    assert m["content_digest"] == src["content_digest"]
    assert m["application_id"] == src["application_id"] != 0
    datetime.fromisoformat(m["created_at"].replace("Z", "+00:00"))
    assert b.verify_backup(path) == []
    # a single self-contained file, not a WAL database needing companions
    assert path.read_bytes()[18:20] == b"\x01\x01"
    assert load_digests(path) == digests


def test_backup_of_a_live_database_includes_saves_not_yet_checkpointed(populated):
    db, digests = populated
    store = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    try:
        plan = valid_realistic_plan(random.Random(5))
        store.save(plan, today=TODAY)  # sits in the WAL; the store is still open
        assert db.with_name("pathway.db-wal").stat().st_size > 0
        path = b.make_backup(db)
    finally:
        store.close()
    assert set(load_digests(path)) == set(digests) | {plan.id}


def test_rotation_keeps_the_newest_30(populated):
    db, _ = populated
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    made = [b.make_backup(db, now=t0 + timedelta(hours=i)) for i in range(33)]
    kept = b.list_backups(db)
    assert len(kept) == 30
    assert kept == list(reversed(made[3:]))
    for gone in made[:3]:
        assert not gone.exists() and not b.manifest_path(gone).exists()


def test_backups_with_the_same_timestamp_do_not_overwrite(populated):
    db, _ = populated
    now = datetime(2026, 2, 2, tzinfo=UTC)
    one, two = b.make_backup(db, now=now), b.make_backup(db, now=now)
    assert one != two and one.exists() and two.exists()


def test_backup_on_start_is_daily(populated):
    db, _ = populated
    day1 = datetime(2026, 3, 1, 9, tzinfo=UTC)
    first = b.backup_on_start(db, now=day1)
    assert first is not None and b.backup_reason(first) == "start"
    assert b.backup_on_start(db, now=day1 + timedelta(hours=3)) is None
    assert b.backup_on_start(db, now=day1 + timedelta(days=1)) is not None


def test_backup_on_start_skips_new_and_missing_databases(tmp_path):
    assert b.backup_on_start(tmp_path / "none.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert b.backup_on_start(tmp_path / "empty.db") is None
    sqlite3.connect(tmp_path / "blank.db").execute("PRAGMA user_version=1").connection.close()
    assert b.backup_on_start(tmp_path / "blank.db") is None


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["flip", "truncate", "no-manifest", "manifest-counts", "garbage"])
def test_verify_backup_notices_damage(populated, damage):
    db, _ = populated
    path = b.make_backup(db)
    mp = b.manifest_path(path)
    if damage == "flip":
        _flip(path, path.stat().st_size // 2)
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "no-manifest":
        mp.unlink()
    elif damage == "manifest-counts":
        m = json.loads(mp.read_text())
        m["row_counts"]["plans"] += 1
        mp.write_text(json.dumps(m))
    else:
        path.write_bytes(random.Random(1).randbytes(path.stat().st_size))
    problems = b.verify_backup(path)
    assert problems and all(isinstance(p, str) and p for p in problems)


def test_restore_gives_back_exactly_the_data(populated):
    db, digests = populated
    path = b.make_backup(db)
    before = _facts(db)
    # change everything: edit, add, delete
    store = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    try:
        rng = random.Random(9)
        ids = store.ids()
        p = store.load(ids[0])
        mutate(p, rng)
        store.save(p, today=TODAY)
        store.delete(ids[1], today=AFTER_75)
        store.save(valid_realistic_plan(rng), today=TODAY)
    finally:
        store.close()
    changed = load_digests(db)
    assert changed != digests
    r = b.restore_backup(path, db)
    assert load_digests(db) == digests
    assert _facts(db)["content_digest"] == before["content_digest"]
    # the records as they were just before are kept, as a good backup
    assert r.safety_backup is not None and b.verify_backup(r.safety_backup) == []
    assert load_digests(r.safety_backup) == changed
    assert r.moved_aside is None
    assert r.row_counts["plans"] == 5


def test_restore_refuses_a_damaged_backup_and_changes_nothing(populated):
    db, digests = populated
    path = b.make_backup(db)
    _flip(path, 4096 + 100)
    before = db.read_bytes()
    n_backups = len(b.list_backups(db))
    with pytest.raises(b.BackupRefused) as exc:
        b.restore_backup(path, db)
    assert "damaged" in str(exc.value) and "Nothing was changed" in str(exc.value)
    assert db.read_bytes() == before
    assert len(b.list_backups(db)) == n_backups  # no safety backup needed: nothing happened


def test_restore_over_a_damaged_database_moves_it_aside(populated):
    db, digests = populated
    path = b.make_backup(db)
    db.write_bytes(b"this is not a database any more" * 100)
    r = b.restore_backup(path, db)
    assert r.moved_aside is not None and r.moved_aside.read_bytes().startswith(b"this is not")
    assert load_digests(db) == digests


def test_restore_when_the_database_is_missing(populated):
    db, digests = populated
    path = b.make_backup(db)
    db.unlink()
    r = b.restore_backup(path, db)
    assert r.safety_backup is None and load_digests(db) == digests


def test_restore_waits_for_the_other_copy_of_the_app(populated):
    db, _ = populated
    path = b.make_backup(db)
    with acquire(db):
        with pytest.raises(AlreadyOpen):
            b.restore_backup(path, db)
    lock = acquire(db)
    try:
        b.restore_backup(path, db, lock=lock)
    finally:
        lock.release()


def test_a_damaged_database_is_not_backed_up(populated):
    db, _ = populated
    good = b.make_backup(db)
    data = bytearray(db.read_bytes())
    for off in range(4096 * 3, len(data), 4096):  # wreck every page after the first few
        data[off + 10 : off + 60] = b"\xAA" * 50
    db.write_bytes(bytes(data))
    for c in ("-wal", "-shm"):
        db.with_name(db.name + c).unlink(missing_ok=True)
    with pytest.raises(b.BackupFailed, match="damaged"):
        b.make_backup(db)
    assert b.list_backups(db) == [good]
    assert not [p for p in good.parent.iterdir() if p.name.endswith(".partial")]


def test_no_space_for_a_backup_is_a_plain_message(populated, monkeypatch):
    db, _ = populated
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10**9, 10**9 - 1000, 1000))
    with pytest.raises(b.BackupFailed, match="not enough free space"):
        b.make_backup(db)


def test_backup_refuses_an_encrypted_file_plainly(tmp_path):
    db = tmp_path / "pathway.db"
    db.write_bytes(random.Random(3).randbytes(8192))
    db.with_name("pathway.db.key").write_text("{}")
    with pytest.raises(b.BackupFailed, match="encrypted"):
        b.make_backup(db)


# --------------------------------------------------------------------------- the commands


def test_cli_backup_prints_the_path_and_restore_round_trips(populated, capsys):
    db, digests = populated
    assert main(["backup", "--data-dir", str(db.parent)]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.exists() and b.verify_backup(path) == []
    open_store(data_dir=db.parent, create_unencrypted=True).close()
    store = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        store.delete(store.ids()[0], today=AFTER_75)
    finally:
        store.close()
    assert main(["restore", str(path), "--data-dir", str(db.parent), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["row_counts"]["plans"] == 5 and Path(out["safety_backup"]).exists()
    assert load_digests(db) == digests


def test_cli_backup_json_and_list(populated, capsys):
    db, _ = populated
    assert main(["backup", "--db", f"sqlite:///{db}", "--json", "--reason", "before holiday"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["path"].endswith("-before-holiday.db") and out["row_counts"]["plans"] == 5
    assert main(["backup", "--list", "--data-dir", str(db.parent), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["backups"]
    assert [x["path"] for x in listed] == [out["path"]] and listed[0]["ok"]


def test_cli_restore_refuses_damaged(populated, capsys):
    db, _ = populated
    path = b.make_backup(db)
    _flip(path, 5000)
    before = db.read_bytes()
    assert main(["restore", str(path), "--data-dir", str(db.parent)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert main(["restore", str(path), "--data-dir", str(db.parent), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["problems"]
    assert db.read_bytes() == before


@pytest.mark.parametrize("cmd", [["backup"], ["restore", "x.db"], ["check"]])
def test_cli_on_a_server_database_points_to_server_backups(cmd, capsys):
    assert main([*cmd, "--db", "postgresql://pa@server/records"]) == 1
    assert "server's backups" in capsys.readouterr().err


def test_cli_backup_with_no_records(tmp_path, capsys):
    assert main(["backup", "--data-dir", str(tmp_path)]) == 1
    assert "no records" in capsys.readouterr().err


def test_restore_refuses_a_backup_from_a_newer_app(populated):
    db, _ = populated
    newer = db.with_name("newer.db")
    con = sqlite3.connect(newer)
    sqlite3.connect(db).backup(con)
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.close()
    path = b.make_backup(newer)
    before = db.read_bytes()
    with pytest.raises(b.BackupRefused, match="newer version"):
        b.restore_backup(path, db)
    assert db.read_bytes() == before
