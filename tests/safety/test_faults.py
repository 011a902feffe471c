"""Disk full and read-only: a plain message, what was typed is kept, and it saves later.

Disk full is simulated two ways (see reliability.md): ``PRAGMA max_page_count`` (SQLite's own
"database or disk is full", as on a truly full disk: ENOSPC) and ``RLIMIT_FSIZE`` in a child
process (the write fails with EFBIG, as on a FAT32 stick at 4 GB). Read-only uses a
``mode=ro`` URI, because root ignores ``chmod 444``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event

from pathway_app.errors import DatabaseProblem
from pathway_app.store import open_store
from pathway_app.store.lock import read_only_url

from builders import valid_realistic_plan
from safety_helpers import TODAY, content_digest, load_digests, raw_problems

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _big_plan(seed: int):
    plan = valid_realistic_plan(random.Random(seed))
    plan.person.about_me_own_words = "I want to live near my sister. " * 30_000  # ~0.9 MB
    return plan


def test_disk_full_max_page_count(populated):
    db, digests = populated
    store = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    try:
        pages = db.stat().st_size // 4096 + 20
        store._engine.dispose()
        event.listen(store._engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages}"))
        plan = _big_plan(1)
        typed = content_digest(plan)
        with pytest.raises(DatabaseProblem) as exc:
            store.save(plan, today=TODAY)
        msg = str(exc.value)
        assert "disk is full" in msg and "Free some space" in msg
        assert plan.version == 0 and content_digest(plan) == typed  # what was typed is kept
        assert set(load_digests(db)) == set(digests)  # nothing half-saved; the rest intact
    finally:
        store.close()
    # space is freed (a new engine has no page cap): the same object saves
    store = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    try:
        store.save(plan, today=TODAY)
        assert plan.version == 1 and content_digest(store.load(plan.id)) == typed
    finally:
        store.close()
    assert raw_problems(db) == []


FSIZE_CHILD = textwrap.dedent(
    """
    import json, os, random, resource, signal, sys
    sys.path[:0] = [{root!r}, {tests!r}, {here!r}]
    from builders import valid_realistic_plan
    from safety_helpers import TODAY, content_digest
    from pathway_app.errors import DatabaseProblem
    from pathway_app.store import open_store
    data = sys.argv[1]
    store = open_store(data_dir=data, create_unencrypted=True)
    first = valid_realistic_plan(random.Random(1)); store.save(first, today=TODAY)
    plan = valid_realistic_plan(random.Random(2))
    plan.person.about_me_own_words = "I want to live near my sister. " * 30_000
    typed = content_digest(plan)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # the write fails with EFBIG instead of killing us
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    used = max(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data))
    resource.setrlimit(resource.RLIMIT_FSIZE, (used + 65536, hard))
    out = {{}}
    try:
        store.save(plan, today=TODAY)
        out["error"] = None
    except DatabaseProblem as exc:
        out["error"] = str(exc)
    out["kept"] = plan.version == 0 and content_digest(plan) == typed
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))   # space freed
    store.save(plan, today=TODAY)
    out["saved_after"] = content_digest(store.load(plan.id)) == typed and plan.version == 1
    out["first_intact"] = store.load(first.id).version == 1
    store.close()
    print(json.dumps(out))
    """
).format(root=str(ROOT), tests=str(HERE.parent), here=str(HERE))


@pytest.fixture(scope="module")
def fsize_run(tmp_path_factory) -> dict:
    data = tmp_path_factory.mktemp("fsize")
    p = subprocess.run([sys.executable, "-c", FSIZE_CHILD, str(data)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-3000:]
    out = json.loads(p.stdout.strip().splitlines()[-1])
    assert raw_problems(data / "pathway.db") == []
    return out


def test_disk_full_rlimit_fsize_keeps_what_was_typed_and_saves_later(fsize_run):
    out = fsize_run
    assert out["error"], "the save should have failed while the file size was capped"
    assert out["kept"] and out["saved_after"] and out["first_intact"]


def test_disk_full_rlimit_fsize_message_is_about_space_not_damage(fsize_run):
    # (a failed write is SQLITE_IOERR_WRITE "disk I/O error", not SQLITE_FULL: it must not
    # be reported as damage with "restore from a backup")
    out = fsize_run
    assert "damaged" not in out["error"] and "restore" not in out["error"].lower()
    assert "disk" in out["error"] and "space" in out["error"]
    assert "saved before is safe" in out["error"]


def test_read_only_database_says_so_and_keeps_the_plan(populated):
    db, digests = populated
    ro = open_store(url=read_only_url(db), create_unencrypted=True)
    try:
        plan = ro.load(next(iter(digests)))
        plan.person.about_me_own_words = "typed while read-only"
        typed, version = content_digest(plan), plan.version
        with pytest.raises(DatabaseProblem) as exc:
            ro.save(plan, today=TODAY)
        assert "only be read" in str(exc.value)
        assert plan.version == version and content_digest(plan) == typed
        new = valid_realistic_plan(random.Random(8))
        with pytest.raises(DatabaseProblem):
            ro.save(new, today=TODAY)
        assert new.version == 0
    finally:
        ro.close()
    rw = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    try:
        rw.save(plan, today=TODAY)  # write access back: the same object saves
        assert content_digest(rw.load(plan.id)) == typed
    finally:
        rw.close()
