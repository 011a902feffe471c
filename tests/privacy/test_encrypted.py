"""The SQLCipher database: nothing readable on disk, damage vs wrong passphrase, SQLite settings,
encrypting an existing plain database (pathway_app.store.encrypted)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest
import sqlcipher3
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from pathway_app.store import crypto
from pathway_app.store.encrypted import (
    DatabaseDamaged,
    backup_encrypted,
    encrypt_database,
    integrity_problems,
    open_encrypted,
)
from pathway_app.store.engine import APPLICATION_ID, WRITE, make_engine
from pathway_app.store.keyfile import keyfile_path
from pathway_app.store.sqlitefile import raw_connect
from pathway_app.store.target import encryption_state, resolve_file

from .conftest import MARKER, files_containing

PASS = "correct horse battery staple"


def _fill(engine, rows: int = 200) -> None:
    with engine.connect().execution_options(**{WRITE: True}) as c:
        with c.begin():
            c.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            c.exec_driver_sql(
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                "REFERENCES parent(id) ON DELETE CASCADE, note TEXT)"
            )
            c.execute(text("INSERT INTO parent (id, name) VALUES (1, :n)"), {"n": MARKER})
            for i in range(rows):
                c.execute(text("INSERT INTO child (parent_id, note) VALUES (1, :n)"), {"n": f"{MARKER} {i} " + "x" * 200})


@pytest.fixture
def enc_db(tmp_path, fast_kdf):
    db = tmp_path / "pathway.db"
    key = crypto.create_keyfile(keyfile_path(db), PASS)
    engine = make_engine(resolve_file(db), key)
    yield db, key, engine
    engine.dispose()


def test_no_file_on_disk_holds_the_records_in_clear(enc_db):
    db, key, engine = enc_db
    _fill(engine)
    folder = db.parent
    # while open, with the write-ahead log holding the latest pages
    assert (folder / "pathway.db-wal").exists()
    assert files_containing(folder, MARKER) == []
    # a backup through the backup API from the encrypted connection
    backup_encrypted(engine, folder / "backups" / "copy.db", key)
    with raw_connect(folder / "backups" / "copy.db", key) as con:
        assert con.execute("SELECT name FROM parent").fetchone()[0] == MARKER
    engine.dispose()
    assert files_containing(folder, MARKER) == []
    # the key file holds neither the key nor anything readable about the records
    assert key.hex() not in keyfile_path(db).read_text()


def test_a_backup_cannot_be_made_into_an_unencrypted_file(enc_db, tmp_path):
    db, key, engine = enc_db
    _fill(engine, 3)
    src = raw_connect(db, key)
    dest = raw_connect(tmp_path / "plain-copy.db", None)
    try:
        with pytest.raises(sqlcipher3.DatabaseError):
            src.backup(dest)
    finally:
        src.close()
        dest.close()
    assert files_containing(tmp_path, MARKER) == []


def test_stdlib_sqlite_sees_no_database(enc_db):
    db, _key, engine = enc_db
    _fill(engine, 3)
    engine.dispose()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(db).execute("SELECT * FROM sqlite_master").fetchall()


def test_the_key_never_appears_when_the_engine_is_printed(enc_db):
    _db, key, engine = enc_db
    for shown in (repr(engine), str(engine.url), repr(engine.url)):
        assert key.hex() not in shown


def test_sqlite_settings_still_hold_on_sqlcipher(enc_db):
    db, key, engine = enc_db
    _fill(engine, 1)
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert c.exec_driver_sql("PRAGMA cipher_version").scalar()
    # foreign keys enforced
    with pytest.raises(sa_exc.IntegrityError):
        with engine.connect().execution_options(**{WRITE: True}) as c, c.begin():
            c.exec_driver_sql("INSERT INTO child (parent_id, note) VALUES (99, 'orphan')")
    # a write transaction takes the write lock at BEGIN (BEGIN IMMEDIATE)
    with engine.connect().execution_options(**{WRITE: True}) as c, c.begin():
        c.exec_driver_sql("SELECT count(*) FROM parent").scalar()  # only read so far
        other = raw_connect(db, key)
        other.execute("PRAGMA busy_timeout = 0")
        try:
            with pytest.raises(Exception, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    # cascade works
    with engine.connect().execution_options(**{WRITE: True}) as c, c.begin():
        c.exec_driver_sql("DELETE FROM parent")
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM child").scalar() == 0


def test_cipher_integrity_check_finds_a_one_byte_change(enc_db):
    db, key, engine = enc_db
    _fill(engine, 50)
    engine.dispose()
    assert integrity_problems(make_engine(resolve_file(db), key)) == []
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 100] ^= 0x01  # page 3
    db.write_bytes(bytes(data))
    eng = make_engine(resolve_file(db), key)
    problems = integrity_problems(eng)
    eng.dispose()
    assert problems and any("hmac" in p.lower() or "page" in p.lower() for p in problems)


def test_damaged_database_and_wrong_passphrase_are_told_apart(enc_db):
    db, _key, engine = enc_db
    _fill(engine, 10)
    engine.dispose()
    data = bytearray(db.read_bytes())
    data[50] ^= 0xFF  # the first page: SQLCipher then says "file is not a database" for any key
    db.write_bytes(bytes(data))
    with pytest.raises(crypto.WrongPassphrase):
        open_encrypted(db, "not the passphrase")
    with pytest.raises(DatabaseDamaged) as e:
        open_encrypted(db, PASS)
    assert "passphrase is right" in str(e.value)


def test_open_encrypted_round_trip(enc_db):
    db, _key, engine = enc_db
    _fill(engine, 5)
    engine.dispose()
    eng = open_encrypted(db, PASS)
    with eng.connect() as c:
        assert c.exec_driver_sql("SELECT name FROM parent").scalar() == MARKER
    eng.dispose()
    assert encryption_state(db) == "encrypted"


def test_sqlcipher_says_nothing_on_stderr_for_a_wrong_key(enc_db, tmp_path):
    db, _key, engine = enc_db
    _fill(engine, 1)
    engine.dispose()
    code = textwrap.dedent(f"""
        from pathway_app.store.engine import make_engine
        from pathway_app.store.target import resolve_file
        e = make_engine(resolve_file({str(db)!r}), bytes(32))
        try:
            e.connect()
        except Exception as exc:
            print("refused", type(exc).__name__)
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(tmp_path),
                       env={"PYTHONPATH": str(__import__("pathlib").Path(__file__).resolve().parents[2])})
    assert "refused" in r.stdout
    assert r.stderr == ""


# --------------------------------------------------------------------------- encrypting in place


def _plain_db(path, rows=300):
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA user_version = 3")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE plans (id TEXT PRIMARY KEY, name TEXT)")
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, plan_id TEXT REFERENCES plans(id), body TEXT)")
    con.execute("CREATE INDEX ix_notes_plan ON notes(plan_id)")
    con.execute("INSERT INTO plans VALUES ('p1', ?)", (MARKER,))
    con.executemany("INSERT INTO notes (plan_id, body) VALUES ('p1', ?)", [(f"{MARKER} note {i}",) for i in range(rows)])
    return con  # left open: the latest pages are still only in the WAL


def test_encrypt_database_in_place(tmp_path, fast_kdf):
    db = tmp_path / "pathway.db"
    con = _plain_db(db)
    assert (tmp_path / "pathway.db-wal").exists()
    con.close()
    assert encryption_state(db) == "plain"
    report = encrypt_database(db, PASS)
    assert report.tables == {"plans": 1, "notes": 300}
    assert encryption_state(db) == "encrypted"
    assert files_containing(tmp_path, MARKER) == []
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["pathway.db", "pathway.db.key"]
    eng = open_encrypted(db, PASS)
    with eng.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM notes").scalar() == 300
        assert c.exec_driver_sql("PRAGMA user_version").scalar() == 3
        assert c.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert c.exec_driver_sql("SELECT name FROM sqlite_master WHERE name='ix_notes_plan'").scalar()
    eng.dispose()


def test_encrypt_database_refuses_twice_and_reports_old_plain_backups(tmp_path, fast_kdf):
    db = tmp_path / "pathway.db"
    _plain_db(db, 2).close()
    (tmp_path / "backups").mkdir()
    sqlite3.connect(tmp_path / "backups" / "pre-migration-0001.db").execute("CREATE TABLE t(x)").connection.close()
    report = encrypt_database(db, PASS)
    assert [p.name for p in report.plain_copies_left] == ["pre-migration-0001.db"]
    with pytest.raises(Exception, match="already encrypted"):
        encrypt_database(db, PASS)


def test_a_failed_check_after_the_swap_puts_the_plain_file_back(tmp_path, fast_kdf, monkeypatch):
    from pathway_app.store import encrypted as enc

    db = tmp_path / "pathway.db"
    _plain_db(db, 20).close()
    real = enc._verify_copy
    calls = []

    def second_fails(path, *a):
        calls.append(path)
        if len(calls) == 2:
            raise enc.DatabaseProblem("simulated")
        return real(path, *a)

    monkeypatch.setattr(enc, "_verify_copy", second_fails)
    with pytest.raises(enc.DatabaseProblem):
        encrypt_database(db, PASS)
    assert encryption_state(db) == "plain"
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM notes").fetchone()[0] == 20
    con.close()
    assert not keyfile_path(db).exists()


def test_an_interrupted_encryption_is_recognised_and_can_be_redone(tmp_path, fast_kdf):
    db = tmp_path / "pathway.db"
    _plain_db(db, 5).close()
    crypto.create_keyfile(keyfile_path(db), "an abandoned passphrase")  # crash before the swap
    (tmp_path / "pathway.db.encrypting").write_bytes(b"half")
    assert encryption_state(db) == "interrupted"
    encrypt_database(db, PASS)
    assert encryption_state(db) == "encrypted"
    assert not (tmp_path / "pathway.db.encrypting").exists()
    open_encrypted(db, PASS).dispose()


def test_encrypt_refuses_while_the_records_are_open(tmp_path, fast_kdf):
    from pathway_app.store.lock import AlreadyOpen, acquire

    db = tmp_path / "pathway.db"
    _plain_db(db, 1).close()
    with acquire(db):
        with pytest.raises(AlreadyOpen):
            encrypt_database(db, PASS)
    assert encryption_state(db) == "plain"
