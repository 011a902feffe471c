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
