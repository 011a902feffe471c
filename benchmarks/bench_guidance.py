"""Research prompts: evaluating every rule for one heavy plan, and for a whole caseload.

Targets (issue "Research prompts"): one heavy plan ≤ 5 ms (median); a 10,000-person caseload
≤ 10 s. Plans come from :func:`benchmarks.synthetic.synthetic_plan` (built before timing);
the rules are loaded (and cached) before timing too, as the app does at start.
"""

from __future__ import annotations

import random
from datetime import date

from ._common import Result, median_ms, once_s

ISSUE = 4  # Research prompts
TODAY = date(2026, 6, 1)
CASELOAD = 10_000


def _plans(n: int, size: str, seed: int) -> list:
    from benchmarks.synthetic import synthetic_plan

    rng = random.Random(seed)
    return [synthetic_plan(rng, TODAY, size=size) for _ in range(n)]


def run() -> list[Result]:
    from pathway_app.domain.guidance import count_open, evaluate, load_rules
    from pathway_app.domain.guidance.rules import clear_cache

    clear_cache()
    load_ms = once_s(load_rules) * 1000
    results = [Result(ISSUE, "load and check every rule file (first time)", load_ms, 200, "ms")]

    heavy = _plans(20, "heavy", 1)
    prompts = [len(evaluate(p, TODAY)) for p in heavy]
    worst = max(heavy, key=lambda p: len(evaluate(p, TODAY)))
    results.append(Result(ISSUE, f"evaluate a heavy plan ({max(prompts)} prompts raised), median", median_ms(lambda: evaluate(worst, TODAY), repeat=51), 5, "ms"))

    caseload = _plans(CASELOAD, "typical", 2)
    results.append(Result(ISSUE, f"evaluate a caseload of {CASELOAD:,} typical plans", once_s(lambda: [evaluate(p, TODAY) for p in caseload]), 10, "s"))
    results.append(Result(ISSUE, f"count open prompts for {CASELOAD:,} typical plans", once_s(lambda: [count_open(p, TODAY) for p in caseload]), 10, "s"))
    return results


if __name__ == "__main__":  # pragma: no cover
    for r in run():
        print(f"{'ok  ' if r.ok else 'MISS'} {r.name:<60} {r.measured:>9.2f} {r.unit} (target ≤ {r.target:g} {r.unit})")
