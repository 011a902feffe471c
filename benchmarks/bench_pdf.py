"""PDF speed (the PDF export issue): a heavy plan's full edition, the cold `pdf` command, 100 plans.

The heavy plan is the PDF tests' own (``tests/export/plans.py``): a 10,000-character field,
200 people and 300 actions; it is timed again with every name and text in mixed scripts
(shaping, bidi and the fonts found on the system at work). The command is timed as a fresh process (imports, opening and
migrating the store, loading the plan, rendering, writing), against a SQLite database in a
temporary folder. The batch uses 100 typical synthetic plans through ``export_many``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks._common import Result, median_ms, once_s

ISSUE = 5  # the pathway plan as a PDF
TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]


def _plans_module():
    sys.path.insert(0, str(ROOT / "tests" / "export"))
    try:
        import plans  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    return plans


#: Names and sentences in many scripts, for a heavy plan written in all of them (issue 13).
MIXED_NAMES = ("Zoë Łukasz", "Ελένη", "Дмитрий", "مريم أحمد", "נועה", "ሰላም", "प्रिया", "রবীন্দ্র",
               "ਗੁਰਪ੍ਰੀਤ", "தமிழ்செல்வி", "王小明", "さくら", "김민준", "สมชาย", "Sam 😀")
MIXED_SENTENCES = (
    "I want to live near my sister.", "أريد أن أعيش قرب أختي ٤٠ دقيقة.", "मैं अपनी बहन के पास रहना चाहती हूँ।",
    "我想住在我姐姐附近。", "אני רוצה לגור ליד אחותי.", "ฉันอยากอยู่ใกล้พี่สาว", "나는 언니 근처에 살고 싶어요.",
    "আমি আমার বোনের কাছে থাকতে চাই।", "Я хочу жить рядом с сестрой.",
)


def mixed_heavy_plan(plans):
    """The heavy plan with every name, description, action and the long field in mixed scripts."""
    from pathway_app.domain.vocab import Area

    p = plans.heavy_plan()
    for i, r in enumerate(p.relationships):
        r.name = f"{MIXED_NAMES[i % len(MIXED_NAMES)]} {i}"
        r.description = MIXED_SENTENCES[i % len(MIXED_SENTENCES)]
    text = " ".join(MIXED_SENTENCES)
    p.area(Area.ACCOMMODATION).own_words = ((text + " ") * (10_000 // len(text) + 1))[:10_000].rsplit(" ", 1)[0]
    i = 0
    for sa in p.support_areas:
        for a in sa.actions:
            a.what = f"{MIXED_SENTENCES[i % len(MIXED_SENTENCES)]} ({MIXED_NAMES[i % len(MIXED_NAMES)]})"
            i += 1
    return p


def _full_edition_results(label: str, plan) -> list[Result]:
    from pathway_app.export import build_document, render_document

    def full():
        render_document(build_document(plan, TODAY, "full", prompts=[]))

    out = [Result(ISSUE, f"full edition of {label}, median", median_ms(full, repeat=7), 500, "ms")]
    # CPU time as well: on a shared, loaded machine wall time mostly measures the neighbours.
    cpu = []
    for _ in range(5):
        c0 = time.process_time()
        full()
        cpu.append((time.process_time() - c0) * 1000)
    out.append(Result(ISSUE, "  the same, CPU time, median", sorted(cpu)[2], 500, "ms"))
    return out


def run() -> list[Result]:
    from pathway_app.export import export_many

    plans = _plans_module()
    heavy = plans.heavy_plan()
    results = _full_edition_results("a heavy plan (10k chars, 200 people, 300 actions)", heavy)
    results += _full_edition_results("the heavy plan in mixed scripts (Arabic, Hebrew, Indic, CJK, Thai, emoji)",
                                     mixed_heavy_plan(plans))

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        from pathway_app.store import open_store

        store = open_store(data_dir=str(tmp_path / "data"), create_unencrypted=True)
        heavy.version = 0
        store.save(heavy, TODAY)
        store.close()
        env = dict(os.environ, PATHWAY_DATA_DIR=str(tmp_path / "data"))
        cmd = [sys.executable, "-m", "pathway_app", "pdf", heavy.id[:8], "--data-dir", str(tmp_path / "data"),
               "--out", str(tmp_path / "heavy.pdf"), "--today", TODAY.isoformat()]
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)  # warm the OS file cache
        times, cpu_s = [], []
        for _ in range(3):
            before = os.times()
            times.append(once_s(lambda: subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)))
            after = os.times()
            cpu_s.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
        results.append(Result(ISSUE, "`pathway-planner pdf` (full, heavy plan), cold process, median of 3", sorted(times)[1], 2, "s"))
        results.append(Result(ISSUE, "  the same, CPU time of the process, median", sorted(cpu_s)[1], 2, "s"))

        from benchmarks.synthetic import synthetic_plan

        rng = random.Random(6)
        batch = [synthetic_plan(rng, TODAY, "typical") for _ in range(100)]
        out = tmp_path / "batch"
        results.append(Result(ISSUE, "export 100 typical plans (full edition)", once_s(lambda: export_many(batch, out, "full", TODAY, prompts_for=lambda p: [])), 30, "s"))
    return results


if __name__ == "__main__":  # pragma: no cover
    for r in run():
        print(f"{'ok  ' if r.ok else 'MISS'} {r.name}: {r.measured:.2f} {r.unit} (target ≤ {r.target:g})")
