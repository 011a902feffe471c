"""The audit trail cannot be rewound (issue 14 item 6).

On an unencrypted database anyone who can write the file can drop the triggers, cut off the
newest entries and rewind ``audit_head``, wipe the trail, or change an entry and recompute every
hash after it: the chain is whole again. Each backup's manifest pins the trail as it was
(``audit_head``; a keyed MAC of it for encrypted records), and ``audit --verify`` checks the
trail against them. A trail whose tables have gone is reported, not called "no trail yet".
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pathway_app.store import audit

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery staple"


def cli(data: Path, *args: str, passphrase: Path | None = None) -> subprocess.CompletedProcess:
    extra = ["--passphrase-file", str(passphrase)] if passphrase else ["--unencrypted"]
    return subprocess.run([sys.executable, "-m", "pathway_app", "--data-dir", str(data), *extra, *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=180)


@pytest.fixture
def trail(tmp_path):
    """Plain records with a trail, a backup pinning it, and newer entries after the backup."""
    data = tmp_path / "data"
    assert cli(data, "demo", "--today", "2026-11-23").returncode == 0
    r = cli(data, "backup")
    assert r.returncode == 0, r.stderr
    pinned = json.loads(Path(r.stdout.strip()).with_suffix(".manifest.json").read_text())["audit_head"]
    ids = [row["id"] for row in json.loads(cli(data, "list", "--json").stdout)]
    for i in ids[:3]:
        assert cli(data, "show", i).returncode == 0  # "opened" entries after the backup
    r = cli(data, "audit", "--verify")
    assert r.returncode == 0 and "intact" in r.stdout, r.stdout + r.stderr
    return data, pinned


def _raw(data: Path) -> sqlite3.Connection:
    con = sqlite3.connect(data / "pathway.db", isolation_level=None)
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    return con


def _rewind(data: Path, keep: int) -> None:
    con = _raw(data)
    con.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
    row = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone() or (0, audit.GENESIS)
    con.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", row)
    con.close()


def _recompute_from(data: Path, seq: int) -> None:
    """Change entry ``seq`` and recompute the chain from there: every link holds again."""
    con = _raw(data)
    rows = con.execute("SELECT seq, at, user_name, action, plan_id, plan_version, detail, prev_hash FROM audit_log "
                       "WHERE seq >= ? ORDER BY seq", (seq,)).fetchall()
    prev = rows[0][7]
    for s, at, user, action, pid, version, detail, _old_prev in rows:
        if s == seq:
            user = "someone else"
        h = audit.entry_hash(prev, s, at, user, action, pid, version, detail)
        con.execute("UPDATE audit_log SET user_name = ?, prev_hash = ?, hash = ? WHERE seq = ?", (user, prev, h, s))
        prev = h
    con.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (prev,))
    con.close()


def _verify(data: Path, passphrase: Path | None = None) -> tuple[int, str]:
    r = cli(data, "audit", "--verify", passphrase=passphrase)
    assert "Traceback" not in r.stderr, r.stderr
    return r.returncode, r.stdout + r.stderr


def test_cutting_off_the_newest_entries_and_rewinding_the_head_is_found(trail):
    data, pinned = trail
    _rewind(data, pinned["seq"] - 2)
    code, out = _verify(data)
    assert code == 1 and f"the trail went up to entry {pinned['seq']}" in out and "cut back" in out


def test_a_wiped_trail_is_found(trail):
    data, _pinned = trail
    _rewind(data, 0)
    code, out = _verify(data)
    assert code == 1 and "cut back or wiped" in out


def test_a_recomputed_chain_is_found(trail):
    data, pinned = trail
    _recompute_from(data, 2)
    from pathway_app.store.engine import make_engine
    from pathway_app.store.target import resolve_file

    engine = make_engine(resolve_file(data / "pathway.db"))
    assert audit.verify_chain(engine) == []  # the chain alone holds again
    engine.dispose()
    code, out = _verify(data)
    assert code == 1 and f"entry {pinned['seq']} is not the one recorded" in out


def test_a_trail_whose_tables_are_gone_is_reported_not_called_new(trail):
    data, _pinned = trail
    con = _raw(data)
    con.execute("DROP TABLE audit_log")
    con.execute("DROP TABLE audit_head")
    con.close()
    code, out = _verify(data)
    assert code == 1 and "disappeared" in out and "no audit trail yet" not in out
    r = cli(data, "audit", json.loads(cli(data, "list", "--json").stdout)[0]["id"])
    assert r.returncode == 1 and "disappeared" in r.stderr and "no audit trail yet" not in r.stderr


def test_an_old_manifest_without_the_head_is_still_read_and_still_pins_the_trail(trail):
    from pathway_app.store import backup as b

    data, pinned = trail
    for copy in b.list_backups(data / "pathway.db"):
        m = b.manifest_path(copy)
        old = json.loads(m.read_text())
        del old["audit_head"]  # as a manifest written before anchors existed
        m.write_text(json.dumps(old, indent=2, sort_keys=True))
        assert b.verify_backup(copy) == []
    r = cli(data, "backup", "--list")
    assert r.returncode == 0 and "DAMAGED" not in r.stdout and r.stdout.startswith("ok")
    _rewind(data, pinned["seq"] - 1)  # the backup file itself still holds the trail as it was
    code, out = _verify(data)
    assert code == 1 and "cut back" in out


def test_encrypted_records_anchor_with_a_keyed_mac(tmp_path):
    from pathway_app.store import backup as b
    from pathway_app.store import crypto
    from pathway_app.store.keyfile import keyfile_path
    from pathway_app.store.sqlitefile import raw_connect

    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text(PASS + "\n")
    assert cli(data, "demo", "--today", "2026-11-23", passphrase=pw).returncode == 0
    assert cli(data, "backup", passphrase=pw).returncode == 0
    assert _verify(data, pw)[0] == 0
    (copy,) = [c for c in b.list_backups(data / "pathway.db") if b.backup_reason(c) == "manual"]
    m = b.manifest_path(copy)
    manifest = json.loads(m.read_text())
    anchor = manifest["audit_head"]
    assert len(anchor["mac"]) == 64
    forged = dict(manifest, audit_head=dict(anchor, seq=anchor["seq"] - 3))  # someone edits the plain-text manifest
    m.write_text(json.dumps(forged))
    code, out = _verify(data, pw)
    assert code == 1 and "was changed" in out
    m.write_text(json.dumps(manifest))
    # someone with the passphrase rewinds the trail itself: the anchor still holds
    con = raw_connect(data / "pathway.db", crypto.unlock(keyfile_path(data / "pathway.db"), PASS))
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE seq > 1")
    con.execute("UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_log WHERE seq = 1)")
    con.close()
    code, out = _verify(data, pw)
    assert code == 1 and "cut back" in out
