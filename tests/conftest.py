"""Shared test set-up. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """No test ever touches the real user data folder."""
    d = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("PATHWAY_DATA_DIR", str(d))
    yield d


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards. Skipped with the reason
    when ``PATHWAY_TEST_PG_URL`` is not set — except in CI, where it fails: the team-mode tests
    must run there, never be skipped."""
    import uuid

    admin = os.environ.get("PATHWAY_TEST_PG_URL") or None
    if not admin:
        why = "PostgreSQL tests need PATHWAY_TEST_PG_URL (start one with: eval \"$(bash .ci/postgres start)\")"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(why + " — in CI they must run, not be skipped", pytrace=False)
        pytest.skip(why)
    from pathway_app.store import pg

    name = f"pp_test_{uuid.uuid4().hex[:12]}"
    url = pg.create_database(admin, name)
    try:
        yield url
    finally:
        pg.drop_database(admin, name)
