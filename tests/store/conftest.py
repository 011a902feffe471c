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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_url(request, tmp_path):
    """The same tests on a SQLite file and on a PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pathway.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def backend_store(backend_url):
    st = open_store(url=backend_url, create_unencrypted=True, user="Asha (PA)")
    yield st
    st.close()
