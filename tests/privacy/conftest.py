"""Fixtures for the privacy tests: cheap Argon2 parameters for most tests (the real ones are
checked on their own), a marker string to hunt for on disk; the PostgreSQL database per test
(``pg_url``) is in tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathway_app.store.keyfile import KdfParams

FAST = KdfParams(memory_kib=1024, time_cost=1, parallelism=1)
MARKER = "ZEBRA-MARKER-7f3a Siobhán Ní Bhriain"


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file under ``folder`` holding ``needle`` as UTF-8 or UTF-16 (SQLite text encodings)."""
    pats = [needle.encode("utf-8"), needle.encode("utf-16-le"), needle.encode("utf-16-be")]
    hits = []
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            data = f.read_bytes()
            if any(p in data for p in pats):
                hits.append(f)
    return hits


@pytest.fixture
def fast_kdf(monkeypatch):
    """Make new key files with cheap Argon2 parameters (the file records what was used)."""
    from pathway_app.store import crypto

    monkeypatch.setattr(crypto, "DEFAULT_PARAMS", FAST)
    return FAST


# --------------------------------------------------------------------------- stores with the audit trail

TODAY = __import__("datetime").date(2026, 11, 23)


@pytest.fixture(scope="session")
def script_location(tmp_path_factory) -> Path:
    """The app's migrations plus any revision still waiting in ``migrations/pending``."""
    import shutil

    from pathway_app import paths

    src = paths.migrations_dir()
    pending = sorted((src / "pending").glob("*.py")) if (src / "pending").is_dir() else []
    if not pending:
        return src
    dest = tmp_path_factory.mktemp("migrations") / "migrations"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "pending"))
    for f in pending:
        if not (dest / "versions" / f.name).exists():
            shutil.copy2(f, dest / "versions" / f.name)
    return dest


def migrated_store(engine, script_location):
    from pathway_app.store.migrate import upgrade
    from pathway_app.store.store import Store

    upgrade(engine, "the test database", script_location=script_location)
    return Store(engine)


@pytest.fixture
def plain_store(tmp_path, script_location):
    from pathway_app.store.engine import make_engine
    from pathway_app.store.target import resolve_file

    store = migrated_store(make_engine(resolve_file(tmp_path / "pathway.db")), script_location)
    yield store
    store.close()


@pytest.fixture
def enc_store(tmp_path, script_location, fast_kdf):
    from pathway_app.store import crypto
    from pathway_app.store.engine import make_engine
    from pathway_app.store.keyfile import keyfile_path
    from pathway_app.store.target import resolve_file

    db = tmp_path / "pathway.db"
    key = crypto.create_keyfile(keyfile_path(db), "correct horse battery staple")
    store = migrated_store(make_engine(resolve_file(db), key), script_location)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "sqlcipher", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request, tmp_path, script_location):
    """The same store on plain SQLite, encrypted SQLite and (when available) PostgreSQL."""
    if request.param == "sqlite":
        yield request.getfixturevalue("plain_store")
    elif request.param == "sqlcipher":
        yield request.getfixturevalue("enc_store")
    else:
        url = request.getfixturevalue("pg_url")
        from pathway_app.store import pg

        store = migrated_store(pg.team_engine(url), script_location)
        yield store
        store.close()
