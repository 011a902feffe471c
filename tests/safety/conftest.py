"""Fixtures for the safety tests: a data folder with a few realistic plans in it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builders import valid_realistic_plan  # noqa: E402
from safety_helpers import TODAY, content_digest  # noqa: E402


@pytest.fixture
def populated(tmp_path):
    """(db path, {plan id: content digest}) for a store holding five plans."""
    from pathway_app.store import open_store

    data = tmp_path / "data"
    data.mkdir()
    rng = random.Random(42)
    store = open_store(data_dir=data, create_unencrypted=True)
    digests = {}
    try:
        for size in ("small", "typical", "typical", "small", "typical"):
            plan = valid_realistic_plan(rng, size)
            store.save(plan, today=TODAY)
            digests[plan.id] = content_digest(plan)
    finally:
        store.close()
    return data / "pathway.db", digests

