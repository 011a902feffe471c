"""The desktop app's speed and memory (issue: the desktop app, in PySide6).

- cold start: process start to an interactive window showing a 500-person list (≤ 1.0 s);
  the app prints "READY <time>" when the first list is on screen if PATHWAY_STARTUP_PROBE is
  set, then quits;
- opening another young person (≤ 100 ms): load, bind the page on screen, header, prompts;
- filtering a 10,000-person list (≤ 50 ms per keystroke, median, including repainting);
- memory (≤ 300 MB RSS) with 10,000 young people in the list, measured by the probe.

Runs offscreen; databases are built in a temporary folder through the store's bulk path.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks._common import Result

ISSUE = 3  # the desktop app
TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]


def _db(folder: Path, count: int, size: str = "small", seed: int = 7) -> None:
    from benchmarks.synthetic import synthetic_plan
    from pathway_app.store import open_store

    store = open_store(data_dir=str(folder), create_unencrypted=True)
    rng = random.Random(seed)
    batch = []
    for _ in range(count):
        batch.append(synthetic_plan(rng, TODAY, size))
        if len(batch) == 1000:
            store._import_plans(batch, TODAY)
            batch = []
    if batch:
        store._import_plans(batch, TODAY)
    store.close()


def _probe(folder: Path) -> tuple[float, int, float]:
    """(seconds from process start to the list on screen, rows shown, RSS in MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PATHWAY_STARTUP_PROBE="1",
               PATHWAY_DATA_DIR=str(folder))
    t0 = time.time()
    out = subprocess.run([sys.executable, "-m", "pathway_app", "--data-dir", str(folder)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("READY ")), None)
    if line is None:
        raise RuntimeError(f"the app did not report READY:\n{out.stdout}\n{out.stderr}")
    parts = dict(p.split("=", 1) for p in line.split()[2:])
    rss = int(parts.get("rss_kb") or 0) / 1024
    return float(line.split()[1]) - t0, int(parts["rows"]), rss


def _cold_start(folder: Path) -> float:
    _probe(folder)  # warm the disk cache and .pyc files, as a second start would be
    return statistics.median(_probe(folder)[0] for _ in range(5))


def _open_another(folder: Path) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pathway_app.store import open_store
    from pathway_app.ui.app import make_application, open_window

    app = make_application([])
    store = open_store(data_dir=str(folder), create_unencrypted=True)
    win = open_window(store, folder, lambda: TODAY)
    win.show()
    ids = [s.id for s in store.summaries()][:12]
    win.open_plan(ids[0])
    win.plan_view.show_area("people")
    app.processEvents()
    times = []
    for i in range(1, 40):
        t0 = time.perf_counter()
        win.open_plan(ids[i % len(ids)])
        QApplication.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    win.caseload_control.stop()
    win.close()
    store.close()
    return statistics.median(times)


def _heavy_plan_and_autosave(folder: Path) -> tuple[float, float]:
    """(seconds to open a plan with 200 people and 10,000-character notes on its people page,
    seconds from a keystroke to "Saved" without anyone pressing save)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest

    from benchmarks.synthetic import synthetic_plan
    from pathway_app.domain import model as m
    from pathway_app.store import open_store
    from pathway_app.ui.app import make_application, open_window

    app = make_application([])
    store = open_store(data_dir=str(folder), create_unencrypted=True)
    plan = synthetic_plan(random.Random(11), TODAY, "small")
    long_text = ("All the things I want to say about where I live and who I see. " * 160)[:10_000]
    plan.person.about_me_own_words = long_text
    plan.relationships = [m.Relationship(name=f"Person {i:03d}", description=long_text[:200]) for i in range(200)]
    plan.sharing = []
    store.save(plan, TODAY)
    win = open_window(store, folder, lambda: TODAY)
    win.show()
    t0 = time.perf_counter()
    win.open_plan(plan.id)
    win.plan_view.show_area("people")
    app.processEvents()
    opened = time.perf_counter() - t0
    page = win.plan_view.show_area("about")
    form = page._forms[1][0]
    t0 = time.perf_counter()
    QTest.keyClicks(form.widget("pronouns"), "x")
    while win.session.state != "saved" and time.perf_counter() - t0 < 10:
        app.processEvents()
        time.sleep(0.005)
    saved = time.perf_counter() - t0
    win.caseload_control.stop()
    win.close()
    store.close()
    return opened, saved


def _filter_10000() -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.synthetic import synthetic_plan
    from pathway_app.domain.summary import PlanSummary
    from pathway_app.ui.app import make_application
    from pathway_app.ui.caseload import CaseloadView

    make_application([])
    rng = random.Random(3)
    summaries = [PlanSummary.of(synthetic_plan(rng, TODAY, "small"), TODAY) for _ in range(10_000)]
    view = CaseloadView()
    view.resize(1200, 800)
    view.set_summaries(summaries, TODAY)
    view.show()
    QApplication.processEvents()
    times = []
    for word in ("okafor", "smith", "ja", "lewis"):
        for n in list(range(1, len(word) + 1)) + list(range(len(word) - 1, -1, -1)):
            t0 = time.perf_counter()
            view.search.setText(word[:n])
            QApplication.processEvents()
            times.append((time.perf_counter() - t0) * 1000)
    view.close()
    return statistics.median(times)


def run() -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        small = Path(tmp) / "500"
        small.mkdir()
        _db(small, 500, "typical")
        results.append(Result(ISSUE, "cold start to a 500-person list (s)", _cold_start(small), 1.0, "s"))
        results.append(Result(ISSUE, "open another young person (typical plan)", _open_another(small), 100, "ms"))
        results.append(Result(ISSUE, "filter a 10,000-person list, per keystroke", _filter_10000(), 50, "ms"))
        heavy = Path(tmp) / "heavy"
        heavy.mkdir()
        opened, saved = _heavy_plan_and_autosave(heavy)
        results.append(Result(ISSUE, "open a plan with 200 people and 10,000-character notes", opened, 2.0, "s"))
        results.append(Result(ISSUE, "an edit saved without pressing save", saved, 1.0, "s"))
        big = Path(tmp) / "10000"
        big.mkdir()
        _db(big, 10_000, "small")
        _t, rows, rss = _probe(big)
        assert rows == 10_000, rows
        results.append(Result(ISSUE, "memory with 10,000 young people (RSS)", rss, 300, "MB"))
    return results


if __name__ == "__main__":
    for r in run():
        print(f"{'ok  ' if r.ok else 'MISS'} {r.name:<50} {r.measured:>9.2f} {r.unit} (target ≤ {r.target:g})")
