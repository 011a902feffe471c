"""Fixtures for the storage tests: every test gets its own migrated SQLite database."""

from __future__ import annotations

import random
from datetime import date

import pytest

from pathway_app.store import open_store
from pathway_app.synthetic import synthetic_plan

TODAY = date(2026, 11, 23)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "pathway.db"


@pytest.fixture
def store(db_path):
    st = open_store(url=f"sqlite:///{db_path}")
    yield st
    st.close()


@pytest.fixture
def make_plan():
    """A realistic plan; ``make_plan(seed, size)``."""

    def make(seed: int = 1, size: str = "typical"):
        return synthetic_plan(random.Random(seed), TODAY, size)

    return make
