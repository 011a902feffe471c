"""A second copy of the app on the same records is told, and can open them read-only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest

from pathway_app.errors import DatabaseProblem
from pathway_app.store import open_store
from pathway_app.store.lock import AlreadyOpen, acquire, lock_path_for, read_holder, read_only_url

from builders import valid_realistic_plan
from safety_helpers import TODAY

ROOT = str(__import__("pathlib").Path(__file__).resolve().parents[2])


def test_second_acquire_is_refused_with_who_holds_it(tmp_path):
    db = tmp_path / "pathway.db"
    first = acquire(db)
    try:
        holder = read_holder(db)
        assert holder["pid"] == os.getpid() and holder["host"] == socket.gethostname()
        with pytest.raises(AlreadyOpen) as exc:
            acquire(db)
        assert isinstance(exc.value, DatabaseProblem)
        assert "already open in another copy" in str(exc.value) and "read-only" in str(exc.value)
        assert exc.value.holder["pid"] == os.getpid()
    finally:
        first.release()
    with acquire(db) as again:  # free once released
        assert again.held
    assert not again.held and read_holder(db) == {}


def test_lock_held_by_another_process_and_freed_when_it_is_killed(tmp_path):
    db = tmp_path / "pathway.db"
    code = textwrap.dedent(f"""
        import sys, time
        from pathway_app.store.lock import acquire
        lock = acquire({str(db)!r})
        print("HELD", flush=True)
        time.sleep(60)
    """)
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert p.stdout.readline().strip() == "HELD"
        with pytest.raises(AlreadyOpen) as exc:
            acquire(db)
        assert exc.value.holder["pid"] == p.pid
    finally:
        p.kill()
        p.wait()
    acquire(db).release()  # the OS dropped the dead process's lock: no stale lock


def test_the_second_copy_can_read_but_not_write(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    db = data / "pathway.db"
    store = open_store(data_dir=data, create_unencrypted=True)
    plan = valid_realistic_plan(__import__("random").Random(1))
    store.save(plan, today=TODAY)
    lock = acquire(db)
    try:
        with pytest.raises(AlreadyOpen):
            acquire(db)
        ro = open_store(url=read_only_url(db), create_unencrypted=True)
        try:
            assert ro.load(plan.id).person.given_name == plan.person.given_name
            other = ro.load(plan.id)
            other.person.about_me_own_words = "changed by the second copy"
            with pytest.raises(DatabaseProblem, match="only be read"):
                ro.save(other, today=TODAY)
        finally:
            ro.close()
    finally:
        lock.release()
        store.close()


def test_lock_file_sits_beside_the_database(tmp_path):
    assert lock_path_for(tmp_path / "pathway.db") == tmp_path / "pathway.db.lock"


def test_the_lock_file_is_for_its_owner_only(tmp_path):
    """Issue 14 item 8: it says who has the records open (user, computer, process)."""
    import stat

    db = tmp_path / "pathway.db"
    old = tmp_path / "pathway.db.lock"
    old.write_text("")
    old.chmod(0o644)  # as an older version left it
    with acquire(db) as lock:
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    fresh = tmp_path / "other.db"
    with acquire(fresh) as lock:
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
