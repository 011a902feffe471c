"""Output files go only to a new path or an existing regular file (issue 14 item 3).

``export``, ``pdf``, ``subject-access`` and ``handover export`` (and the app's windows, through
the same :func:`pathway_app.fileio.write_atomically`) write through a temporary file and
``os.replace``. That must never replace a symbolic link (the file it points to is written), a
FIFO (refused without hanging), a device node or a folder (refused in plain words).
"""

from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pathway_app.errors import OutputRefused
from pathway_app.fileio import output_path, write_atomically
from pathway_app.store import open_store

from builders import valid_realistic_plan
from safety_helpers import TODAY, run_unprivileged

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery staple"


@pytest.fixture
def records(tmp_path):
    db = tmp_path / "records.db"
    store = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    plan = valid_realistic_plan(random.Random(3))
    store.save(plan, today=TODAY)
    store.close()
    return db, plan


def cli(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pathway_app", "--db", f"sqlite:///{db}", *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120, input=stdin)


def _commands(plan_id: str, out: Path) -> dict[str, list[str]]:
    return {
        "export": ["export", str(out), plan_id],
        "pdf": ["pdf", plan_id, "--out", str(out), "--today", TODAY.isoformat()],
        "subject-access": ["subject-access", plan_id, "--out", str(out), "--today", TODAY.isoformat()],
        "handover": ["handover", "export", str(out), plan_id, "--handover-passphrase-file", "-"],
    }


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node (mknod) needs root; this test runs as an ordinary user")
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null, made here
    elif kind == "folder":
        path.mkdir()
    elif kind == "dangling-link":
        path.symlink_to(path.with_name("nowhere.out"))


@pytest.mark.parametrize("command", ["export", "pdf", "subject-access", "handover"])
@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "dangling-link"])
def test_commands_refuse_what_is_not_a_file(records, tmp_path, command, kind):
    db, plan = records
    out = tmp_path / "out.pdf"
    _special(kind, out)
    before = os.lstat(out)
    r = cli(db, *_commands(plan.id, out)[command], stdin=PASS + "\n")  # never hangs on the FIFO (timeout)
    assert r.returncode == 1, r.stderr  # a place that cannot be written to, whatever the command
    assert "Traceback" not in r.stderr and str(out) in r.stderr
    if kind in ("fifo", "device"):
        assert "is a pipe (FIFO), not a file" in r.stderr or "is a device, not a file" in r.stderr
    after = os.lstat(out)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "nowhere.out").exists()


@pytest.mark.parametrize("command", ["export", "pdf", "subject-access", "handover"])
def test_commands_write_through_a_link_to_a_regular_file(records, tmp_path, command):
    db, plan = records
    real = tmp_path / "kept" / "real.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old contents")
    link = tmp_path / "out.pdf"
    link.symlink_to(real)
    r = cli(db, *_commands(plan.id, link)[command], stdin=PASS + "\n")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()  # the link is still the link
    assert real.read_bytes() != b"old contents" and real.stat().st_size > 100
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert [p.name for p in real.parent.iterdir()] == ["real.pdf"]  # no temporary file left


def test_the_writer_itself(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused, match="a pipe"):
        write_atomically(fifo, b"x")
    with pytest.raises(OutputRefused, match="a folder"):
        write_atomically(tmp_path, b"x")
    sock = tmp_path / "s.sock"
    import socket

    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock))
    try:
        with pytest.raises(OutputRefused, match="a socket"):
            output_path(sock)
    finally:
        s.close()
    new = write_atomically(tmp_path / "new.txt", b"hello")
    assert new.read_bytes() == b"hello" and stat.S_IMODE(new.stat().st_mode) == 0o600
    link = tmp_path / "link.txt"
    link.symlink_to(new)
    assert write_atomically(link, b"again") == new.resolve()
    assert link.is_symlink() and new.read_bytes() == b"again"
    if os.geteuid() == 0:
        dev = tmp_path / "full"
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # /dev/full's numbers
        with pytest.raises(OutputRefused, match="a device"):
            write_atomically(dev, b"a young person's plan")
        assert stat.S_ISCHR(os.lstat(dev).st_mode)


def test_a_failed_write_is_an_output_refused_and_changes_nothing(tmp_path):
    target = tmp_path / "plans.json"
    target.write_bytes(b"what was there")
    os.chmod(tmp_path, 0o500)  # the folder cannot take the temporary file
    code = (
        "from pathway_app.errors import OutputRefused\n"
        "from pathway_app.fileio import write_atomically\n"
        "try:\n"
        f"    write_atomically({str(target)!r}, b'new')\n"
        "except OutputRefused as exc:\n"
        "    print('refused:', exc)\n"
    )
    try:
        r = run_unprivileged([sys.executable, "-c", code])
    finally:
        os.chmod(tmp_path, 0o700)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("refused:") and "could not be written" in r.stdout and "Permission denied" in r.stdout
    assert target.read_bytes() == b"what was there"
