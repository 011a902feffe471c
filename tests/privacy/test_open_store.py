"""Encrypted by default, wired into open_store and the command line (issue 7 with issue 6).

- a new database is never made without a choice (passphrase → encrypted; --unencrypted →
  plain), and nothing is created when the choice is missing;
- a marker written into a plan appears in no file in the data folder (database, WAL, SHM,
  backups, key file, lock file) after save + backup + closing;
- wrong passphrase and damaged file are told apart, in Python and at the command line;
- backups of encrypted records stay encrypted, carry the key file and restore;
- the audit trail records open/change/export/print from the commands; `audit --verify` passes
  and finds a tampered entry; deletion before the 75th birthday is refused.
"""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date

import pytest

from pathway_app import cli
from pathway_app.errors import DatabaseProblem, PassphraseNeeded, RetentionRefused, UserFacingError
from pathway_app.store import DatabaseDamaged, TryAgainLater, WrongPassphrase, open_store, sqlitefile
from pathway_app.store import backup as b
from pathway_app.store.keyfile import keyfile_path
from pathway_app.store.lock import acquire
from pathway_app.store.target import encryption_state

from .conftest import MARKER, TODAY, files_containing
from builders import realistic_plan

PASS = "correct horse battery staple"


def _cli(monkeypatch, *argv, stdin: str = ""):
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    code = cli.main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pw(tmp_path):
    f = tmp_path / "pw.txt"
    f.write_text(PASS + "\n", encoding="utf-8")
    return f


# --------------------------------------------------------------------------- open_store


def test_a_new_database_needs_a_choice_and_nothing_is_created(tmp_path):
    data = tmp_path / "data"
    with pytest.raises(PassphraseNeeded) as e:
        open_store(data_dir=data)
    assert e.value.new is True and isinstance(e.value, UserFacingError)
    assert not data.exists()
    with pytest.raises(PassphraseNeeded):
        open_store(url=f"sqlite:///{tmp_path / 'x.db'}")
    assert list(tmp_path.iterdir()) == []


def test_a_passphrase_makes_it_encrypted(tmp_path, fast_kdf):
    with open_store(data_dir=tmp_path, passphrase=PASS, user="Asha") as s:
        assert s.encrypted is True and s.path == tmp_path / "pathway.db" and s.user == "Asha"
        plan = realistic_plan(1)
        s.save(plan, TODAY)
    db = tmp_path / "pathway.db"
    assert encryption_state(db) == "encrypted" and keyfile_path(db).exists()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()
    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        assert s.load(plan.id).person.given_name == plan.person.given_name
    with pytest.raises(PassphraseNeeded) as e:
        open_store(data_dir=tmp_path)
    assert e.value.new is False


def test_unencrypted_only_when_asked_and_the_passphrase_is_ignored_then(tmp_path):
    with open_store(data_dir=tmp_path, create_unencrypted=True) as s:
        assert s.encrypted is False
        s.save(realistic_plan(2), TODAY)
    assert encryption_state(tmp_path / "pathway.db") == "plain"
    with open_store(data_dir=tmp_path) as s:  # an existing plain database needs no flag
        assert s.count() == 1 and s.encrypted is False
    with open_store(data_dir=tmp_path, passphrase="anything at all") as s:
        assert s.count() == 1 and s.encrypted is False


def test_a_weak_passphrase_creates_nothing(tmp_path):
    with pytest.raises(UserFacingError, match="at least 8"):
        open_store(data_dir=tmp_path, passphrase="short")
    assert list(tmp_path.iterdir()) == []


def test_wrong_passphrase_slows_down_and_damage_is_told_apart(tmp_path, fast_kdf):
    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        s.save(realistic_plan(3), TODAY)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            open_store(data_dir=tmp_path, passphrase="not the passphrase")
    with pytest.raises((WrongPassphrase, TryAgainLater)) as e:
        open_store(data_dir=tmp_path, passphrase="not the passphrase")
    assert e.value.wait_seconds > 0
    db = tmp_path / "pathway.db"
    data = bytearray(db.read_bytes())
    data[50] ^= 0xFF
    db.write_bytes(bytes(data))
    (tmp_path / "pathway.db.key.attempts").unlink()
    with pytest.raises(DatabaseDamaged) as d:
        open_store(data_dir=tmp_path, passphrase=PASS)
    assert isinstance(d.value, DatabaseProblem) and "damaged" in str(d.value) and "passphrase is right" in str(d.value)
    assert db.exists()  # left as it is


def test_an_interrupted_encryption_is_explained(tmp_path, fast_kdf):
    with open_store(data_dir=tmp_path, create_unencrypted=True) as s:
        s.save(realistic_plan(4), TODAY)
    from pathway_app.store import crypto

    crypto.create_keyfile(keyfile_path(tmp_path / "pathway.db"), "an abandoned passphrase")
    with pytest.raises(DatabaseProblem, match="interrupted"):
        open_store(data_dir=tmp_path, passphrase=PASS)


def test_the_marker_is_in_no_file_after_save_backup_and_close(tmp_path, fast_kdf):
    data = tmp_path / "data"
    s = open_store(data_dir=data, passphrase=PASS)
    lock = acquire(s.path)
    try:
        plan = realistic_plan(5)
        plan.person.about_me_own_words = MARKER
        plan.relationships[0].name = MARKER
        s.save(plan, TODAY)
        plan.health.physical = MARKER + " (changed)"
        s.save(plan, TODAY)  # the audit diff holds the marker too: encrypted with the rest
        assert files_containing(data, MARKER) == []  # while open, WAL and all
        from pathway_app.store import crypto

        key = crypto.unlock(keyfile_path(s.path), PASS)
        backup = b.make_backup(s.path, reason="manual", data_key=key)
        assert b.verify_backup(backup, data_key=key) == []
        assert b.verify_backup(backup) == []  # checksum and size, without the key
        assert keyfile_path(backup).exists() and b.read_manifest(backup)["encrypted"] is True
    finally:
        s.close()
        lock.release()
    names = {p.name for p in data.rglob("*")}
    assert {"pathway.db", "pathway.db.key", "pathway.db.lock"} <= names
    assert files_containing(data, MARKER) == []
    assert files_containing(data, MARKER.split()[0]) == []


def test_encrypted_backups_on_start_before_migrating_and_restore(tmp_path, fast_kdf):
    from pathway_app.store import crypto

    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        plan = realistic_plan(6)
        s.save(plan, TODAY)
    with open_store(data_dir=tmp_path, passphrase=PASS) as s:  # the day's first start with plans
        assert s.warnings == []
    starts = [p for p in b.list_backups(tmp_path / "pathway.db") if b.backup_reason(p) == "start"]
    assert len(starts) == 1 and b.is_encrypted_backup(starts[0])
    key = crypto.unlock(keyfile_path(tmp_path / "pathway.db"), PASS)
    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        p = s.load(plan.id)
        p.person.strengths = "changed after the backup"
        s.save(p, TODAY)
    r = b.restore_backup(starts[0], tmp_path / "pathway.db", data_key=key)
    assert r.safety_backup is not None and b.is_encrypted_backup(r.safety_backup)
    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        assert s.load(plan.id).person.strengths == plan.person.strengths
    assert encryption_state(tmp_path / "pathway.db") == "encrypted"
    with pytest.raises(b.BackupRefused, match="passphrase"):
        b.restore_backup(starts[0], tmp_path / "pathway.db")


def test_a_failed_start_backup_is_a_warning_not_a_failure(tmp_path, monkeypatch):
    with open_store(data_dir=tmp_path, create_unencrypted=True) as s:
        s.save(realistic_plan(7), TODAY)

    def fails(*a, **k):
        raise b.BackupFailed("The disk is full, so the backup could not be made.")

    monkeypatch.setattr(b, "make_backup", fails)
    with open_store(data_dir=tmp_path) as s:
        assert s.count() == 1
        assert any("backup could not be made" in w for w in s.warnings)


def test_a_failed_pre_migration_backup_stops_the_migration(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "0001.db"
    shutil.copy(fixture, tmp_path / "pathway.db")
    calls = []

    def fails(path, *a, reason="manual", **k):
        calls.append(reason)
        raise b.BackupFailed("no space for the copy")

    monkeypatch.setattr(b, "make_backup", fails)
    with pytest.raises(b.BackupFailed):
        open_store(data_dir=tmp_path)
    assert "before-migration-0001" in calls
    con = sqlitefile.connect_ro(tmp_path / "pathway.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()


def test_deletion_before_75_is_refused_in_plain_words(tmp_path):
    with open_store(data_dir=tmp_path, create_unencrypted=True) as s:
        plan = realistic_plan(8)
        s.save(plan, TODAY)
        with pytest.raises(RetentionRefused) as e:
            s.delete(plan.id)
        assert "75th birthday" in str(e.value) and "Nothing was deleted" in str(e.value)
        assert e.value.may_delete_on.year == plan.person.date_of_birth.year + 75
        assert s.exists(plan.id) and [e["action"] for e in s.audit_history(plan.id)] == ["created"]


# --------------------------------------------------------------------------- the command line


def test_cli_new_database_without_a_choice_is_refused_and_nothing_made(tmp_path, monkeypatch):
    data = tmp_path / "data"
    code, out, err = _cli(monkeypatch, "list", "--data-dir", data)
    assert code == 2 and "--passphrase-file" in err and "--unencrypted" in err and "nothing was created" in err
    assert not data.exists()


def test_cli_encrypted_by_default_and_check_says_so(tmp_path, monkeypatch, pw, fast_kdf):
    d = tmp_path / "enc"
    code, out, err = _cli(monkeypatch, "demo", "--data-dir", d, "--passphrase-file", pw)
    assert code == 0, err
    assert encryption_state(d / "pathway.db") == "encrypted"
    code, out, err = _cli(monkeypatch, "check", "--data-dir", d, "--passphrase-file", pw)
    assert code == 0 and "encrypted: yes" in out and "sound" in out
    code, out, err = _cli(monkeypatch, "--json", "check", "--data-dir", d, "--passphrase-file", "-", stdin=PASS + "\n")
    assert code == 0 and json.loads(out)["encrypted"] is True
    code, out, err = _cli(monkeypatch, "list", "--data-dir", d)
    assert code == 1 and "encrypted" in err and "--passphrase-file" in err
    p = tmp_path / "plain"
    code, out, err = _cli(monkeypatch, "demo", "--data-dir", p, "--unencrypted")
    assert code == 0, err
    code, out, err = _cli(monkeypatch, "check", "--data-dir", p)
    assert code == 0 and "encrypted: no" in out
    code, out, err = _cli(monkeypatch, "list", "--data-dir", p)
    assert code == 0 and "NOT encrypted" in err
    code, out, err = _cli(monkeypatch, "--json", "list", "--data-dir", p)
    assert code == 0 and isinstance(json.loads(out), list)


def test_cli_wrong_passphrase_and_damaged_file_are_told_apart(tmp_path, monkeypatch, pw, fast_kdf):
    d = tmp_path / "d"
    assert _cli(monkeypatch, "demo", "--data-dir", d, "--passphrase-file", pw)[0] == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    code, out, err = _cli(monkeypatch, "list", "--data-dir", d, "--passphrase-file", wrong)
    assert code == 1 and "does not unlock" in err and "damaged" not in err
    code, out, err = _cli(monkeypatch, "check", "--data-dir", d, "--passphrase-file", wrong)
    assert code == 1 and "does not unlock" in err
    assert _cli(monkeypatch, "backup", "--data-dir", d, "--passphrase-file", pw)[0] == 0
    db = d / "pathway.db"
    raw = bytearray(db.read_bytes())
    raw[4096 * 2 + 100] ^= 0x01  # a page in the middle: SQLCipher's page check notices
    db.write_bytes(bytes(raw))
    code, out, err = _cli(monkeypatch, "check", "--data-dir", d, "--passphrase-file", pw)
    assert code == 1 and "damaged" in out and "Newest good backup" in out
    raw[50] ^= 0xFF  # the first page: no key opens it
    db.write_bytes(bytes(raw))
    code, out, err = _cli(monkeypatch, "list", "--data-dir", d, "--passphrase-file", pw)
    assert code == 1 and "passphrase is right" in err and "damaged" in err


def test_cli_backup_and_restore_of_encrypted_records(tmp_path, monkeypatch, pw, fast_kdf):
    d = tmp_path / "d"
    assert _cli(monkeypatch, "demo", "--data-dir", d, "--passphrase-file", pw)[0] == 0
    code, out, err = _cli(monkeypatch, "backup", "--data-dir", d)
    assert code == 1 and "--passphrase-file" in err
    code, out, err = _cli(monkeypatch, "--json", "backup", "--data-dir", d, "--passphrase-file", pw)
    assert code == 0, err
    made = json.loads(out)
    assert made["encrypted"] is True and made["row_counts"]["plans"] == 8
    with open_store(data_dir=d, passphrase=PASS) as s:
        for pid in s.ids()[:3]:
            s.delete(pid, today=date(2200, 1, 1))
        assert s.count() == 5
    code, out, err = _cli(monkeypatch, "restore", made["path"], "--data-dir", d, "--passphrase-file", pw)
    assert code == 0, err
    with open_store(data_dir=d, passphrase=PASS) as s:
        assert s.count() == 8
    code, out, err = _cli(monkeypatch, "--json", "backup", "--list", "--data-dir", d)
    assert code == 0 and all(r["ok"] and r["encrypted"] for r in json.loads(out)["backups"])


def test_cli_audit_of_open_change_export_print_and_tamper(tmp_path, monkeypatch, pw, fast_kdf):
    d = tmp_path / "d"
    monkeypatch.setenv("PATHWAY_USER", "Asha Patel")
    assert _cli(monkeypatch, "demo", "--data-dir", d, "--passphrase-file", pw, "--json")[0] == 0
    with open_store(data_dir=d, passphrase=PASS) as s:
        pid = s.ids()[0]
    common = ["--data-dir", d, "--passphrase-file", pw]
    assert _cli(monkeypatch, "show", pid, *common)[0] == 0
    assert _cli(monkeypatch, "demo", *common)[0] == 0  # changes every demo plan (dates worked out again)
    assert _cli(monkeypatch, "export", tmp_path / "out.json", pid, *common)[0] == 0
    code, out, err = _cli(monkeypatch, "pdf", pid, "--edition", "young-person", "--out", tmp_path / "p.pdf", *common)
    assert code == 0, err
    code, out, err = _cli(monkeypatch, "--json", "audit", pid, *common)
    assert code == 0, err
    actions = [e["action"] for e in json.loads(out)]
    assert actions[0] == "created" and {"opened", "changed", "exported", "printed"} <= set(actions)
    assert all(e["user"] == "Asha Patel" for e in json.loads(out))
    printed = [e for e in json.loads(out) if e["action"] == "printed"][0]
    assert printed["detail"]["edition"] == "young-person"
    code, out, err = _cli(monkeypatch, "audit", "--verify", *common)
    assert code == 0 and "intact" in out
    # tamper with the (decrypted) trail round the app, then check again
    from pathway_app.store import crypto
    from pathway_app.store.sqlitefile import raw_connect

    con = raw_connect(d / "pathway.db", crypto.unlock(keyfile_path(d / "pathway.db"), PASS))
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET user_name = 'Mallory' WHERE seq = 3")
    con.close()
    code, out, err = _cli(monkeypatch, "--json", "audit", "--verify", *common)
    assert code == 1 and any("entry 3" in p for p in json.loads(out)["problems"])


def test_cli_encrypt_converts_an_existing_plain_database(tmp_path, monkeypatch, pw, fast_kdf):
    d = tmp_path / "d"
    assert _cli(monkeypatch, "demo", "--data-dir", d, "--unencrypted")[0] == 0
    code, out, err = _cli(monkeypatch, "encrypt", "--data-dir", d, "--passphrase-file", pw)
    assert code == 0, err
    code, out, err = _cli(monkeypatch, "--json", "list", "--data-dir", d, "--passphrase-file", pw)
    assert code == 0 and len(json.loads(out)) == 8


def test_a_second_copy_opens_encrypted_records_read_only(tmp_path, fast_kdf):
    from pathway_app.store.lock import read_only_url

    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        plan = realistic_plan(9)
        s.save(plan, TODAY)
    url = read_only_url(tmp_path / "pathway.db")
    with pytest.raises(PassphraseNeeded):
        open_store(url=url)
    with pytest.raises(WrongPassphrase):
        open_store(url=url, passphrase="not the passphrase")
    with open_store(url=url, passphrase=PASS) as ro:
        assert ro.encrypted is True
        back = ro.load(plan.id)  # "opened" cannot be recorded read-only; the plan is still shown
        with pytest.raises(DatabaseProblem, match="only be read"):
            ro.save(back, TODAY)
    with open_store(data_dir=tmp_path, passphrase=PASS) as s:
        assert s.load(plan.id).version == 1
