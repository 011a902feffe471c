"""Storage speed (issue 2): heavy plan load/save, a 10,000-person caseload, importing 1,000 plans.

The caseload figure is a refresh: the store keeps summary rows it has read, keyed by plan
version, and re-reads only changed rows; the first read after opening is measured separately.

Targets are for a 2-core machine with the database on a local disk (SQLite, WAL,
synchronous=FULL). Databases are built in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path

from benchmarks._common import Result, median_ms, once_s

TODAY = date(2026, 11, 23)
CASELOAD = 10_000
IMPORT_COUNT = 1_000


def _caseload_db(folder: Path) -> object:
    """A database with CASELOAD small plans, written in bulk through the import path."""
    from benchmarks.synthetic import synthetic_plan
    from pathway_app.store import open_store

    store = open_store(url=f"sqlite:///{folder / 'caseload.db'}", create_unencrypted=True)
    rng = random.Random(10)
    batch = []
    for _ in range(CASELOAD):
        batch.append(synthetic_plan(rng, TODAY, "small"))
        if len(batch) == 1000:
            store._import_plans(batch, TODAY)
            batch = []
    if batch:
        store._import_plans(batch, TODAY)
    return store


def run() -> list[Result]:
    from benchmarks.synthetic import synthetic_plan
    from pathway_app.store import open_store
    from pathway_app.store.interchange import dumps_plans, import_plans

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="pathway-bench-") as tmp:
        folder = Path(tmp)

        # heavy plan, among 200 typical ones so indexes matter
        store = open_store(url=f"sqlite:///{folder / 'heavy.db'}", create_unencrypted=True)
        rng = random.Random(1)
        store._import_plans([synthetic_plan(rng, TODAY) for _ in range(200)], TODAY)
        heavy = synthetic_plan(random.Random(2), TODAY, "heavy")
        store.save(heavy, TODAY)
        results.append(Result(2, "load a heavy plan (100 people, 200 actions), median",
                              median_ms(lambda: store.load(heavy.id), repeat=25), 20, "ms"))

        def save() -> None:
            heavy.relationships[0].description += "."
            store.save(heavy, TODAY)

        results.append(Result(2, "save a heavy plan, median", median_ms(save, repeat=25), 50, "ms"))
        store.close()

        _caseload_db(folder).close()
        store = open_store(url=f"sqlite:///{folder / 'caseload.db'}", create_unencrypted=True)
        # The first refresh after opening reads every summary row; later refreshes (after a
        # save, while typing a search) read only the rows whose version changed. The issue's
        # target is for the refresh; the first read has a looser guard of our own.
        results.append(Result(2, f"caseload, first read after opening ({CASELOAD:,} young people)",
                              once_s(store.summaries) * 1000, 400, "ms"))
        results.append(Result(2, f"caseload summaries for {CASELOAD:,} young people, median",
                              median_ms(store.summaries, repeat=9), 50, "ms"))
        results.append(Result(2, f"caseload search among {CASELOAD:,} young people, median",
                              median_ms(lambda: store.summaries("ko"), repeat=9), 50, "ms"))
        store.close()

        rng = random.Random(3)
        data = dumps_plans(synthetic_plan(rng, TODAY) for _ in range(IMPORT_COUNT))
        store = open_store(url=f"sqlite:///{folder / 'import.db'}", create_unencrypted=True)
        seconds = once_s(lambda: import_plans(store, data, today=TODAY))
        assert store.count() == IMPORT_COUNT
        results.append(Result(2, f"import {IMPORT_COUNT:,} typical plans from a file", seconds, 10, "s"))
        store.close()
    return results
