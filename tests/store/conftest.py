"""Fixtures for the storage tests: every test gets its own migrated SQLite database."""

from __future__ import annotations

from datetime import date

import pytest

from pathway_app.store import open_store

from builders import realistic_plan

TODAY = date(2026, 11, 23)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "pathway.db"


@pytest.fixture
def store(db_path):
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    yield st
    st.close()


@pytest.fixture
def make_plan():
    """:func:`builders.realistic_plan` as a fixture: ``make_plan(seed, size)``."""
    return realistic_plan


# --------------------------------------------------------------------------- both backends


def _pg_admin_url() -> str | None:
    import os

    url = os.environ.get("PATHWAY_TEST_PG_URL") or None
    if url is None and os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("PATHWAY_TEST_PG_URL is not set: in CI the PostgreSQL tests must run, not be skipped "
                    "(.ci/run starts a server with .ci/postgres)", pytrace=False)
    return url


@pytest.fixture
def pg_store_url():
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    import uuid

    admin = _pg_admin_url()
    if not admin:
        pytest.skip("PostgreSQL tests need PATHWAY_TEST_PG_URL (eval \"$(bash .ci/postgres start)\")")
    from pathway_app.store import pg

    name = f"pp_store_{uuid.uuid4().hex[:12]}"
    url = pg.create_database(admin, name)
    try:
        yield url
    finally:
        pg.drop_database(admin, name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_url(request, tmp_path):
    """The same tests on a SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pathway.db'}"
    return request.getfixturevalue("pg_store_url")


@pytest.fixture
def backend_store(backend_url):
    st = open_store(url=backend_url, create_unencrypted=True, user="Asha (PA)")
    yield st
    st.close()
