"""Records that can only be read (issue 14 item 4): a read-only folder, disk or file.

They are opened read-only and nothing is changed — no file beside them, no permissions, no
backup, no move aside. ``check`` calls them sound (not "damaged: attempt to write a readonly
database"), ``list`` lists them, commands that would write say why they cannot, and the store
says so (``store.read_only``, ``store.read_only_reason``) for the app's banner.

Running as root ignores permissions, so the commands run under ``setpriv`` without the
capabilities that override them (:func:`safety_helpers.run_unprivileged`).
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from safety_helpers import run_unprivileged

PASS = "correct horse battery staple"


def cli(data: Path, *args: str, passphrase: Path | None = None):
    extra = ["--passphrase-file", str(passphrase)] if passphrase else ["--unencrypted"]
    return run_unprivileged([sys.executable, "-m", "pathway_app", "--data-dir", str(data), *extra, *args])


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    return {p.name: (stat.S_IMODE(p.stat().st_mode), p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"")
            for p in sorted(folder.iterdir())}


@pytest.fixture(params=["plain", "encrypted"])
def records(request, tmp_path):
    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text(PASS + "\n", encoding="utf-8")
    passphrase = pw if request.param == "encrypted" else None
    r = cli(data, "demo", "--today", "2026-11-23", passphrase=passphrase)
    assert r.returncode == 0, r.stderr
    r = cli(data, "list", "--json", passphrase=passphrase)  # a second start: today's backup is made
    names = sorted(row["name"] for row in json.loads(r.stdout))
    return data, passphrase, names


@pytest.mark.parametrize("locked", ["folder", "file"])
def test_read_only_records_are_read_and_left_exactly_as_they_were(records, locked):
    data, passphrase, names = records
    db = data / "pathway.db"
    target = data if locked == "folder" else db
    os.chmod(target, 0o500 if locked == "folder" else 0o400)
    try:
        before = snapshot(data)
        r = cli(data, "check", passphrase=passphrase)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "OK: pathway.db is a sound" in r.stdout and "damaged" not in r.stdout
        assert "read-only: yes" in r.stdout

        r = cli(data, "list", "--json", passphrase=passphrase)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
        assert sorted(row["name"] for row in json.loads(r.stdout)) == names
        assert "can only be read here" in r.stderr

        for command in (["demo", "--today", "2026-11-23"], ["pdf", names and json.loads(
                cli(data, "list", "--json", passphrase=passphrase).stdout)[0]["id"], "--out", "/tmp/never.pdf"]):
            r = cli(data, *command, passphrase=passphrase)
            assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
            assert "can only be read" in r.stderr
            assert "Nothing was done" in r.stderr or "nothing was saved" in r.stderr
        r = cli(data, "encrypt", passphrase=passphrase)
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert snapshot(data) == before  # no -wal, -shm, lock, backup, chmod or move aside
    finally:
        os.chmod(target, 0o700 if locked == "folder" else 0o600)


def test_the_store_says_it_is_read_only(records):
    """For the app's banner: ``store.read_only`` and ``store.read_only_reason``; saving is refused."""
    data, passphrase, _names = records
    os.chmod(data, 0o500)
    code = (
        "import json, sys\n"
        "from pathway_app.errors import RecordsReadOnly\n"
        "from pathway_app.store import open_store\n"
        f"s = open_store(data_dir={str(data)!r}, passphrase={PASS if passphrase else None!r})\n"
        "plan = s.load(s.ids()[0])\n"
        "try:\n"
        "    s.save(plan)\n"
        "    saved = True\n"
        "except RecordsReadOnly as exc:\n"
        "    saved = str(exc)\n"
        "print(json.dumps({'read_only': s.read_only, 'reason': s.read_only_reason, 'saved': saved,\n"
        "                  'target': s.target.read_only}))\n"
    )
    try:
        r = run_unprivileged([sys.executable, "-c", code])
    finally:
        os.chmod(data, 0o700)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["read_only"] is True and out["target"] is True
    assert out["reason"] == f"the folder {data} cannot be written to"
    assert "can only be read, not changed" in out["saved"]


def test_a_damaged_file_where_nothing_can_be_written_is_refused_not_moved(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "pathway.db").write_bytes(b"SQLite format 3\x00" + bytes(44))  # cut short
    os.chmod(data, 0o500)
    try:
        r = cli(data, "list")
    finally:
        os.chmod(data, 0o700)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "could not be moved aside because the folder" in r.stderr
    assert sorted(p.name for p in data.iterdir()) == ["pathway.db"]
