"""Shared helpers for the benchmarks: timing, results and the table/JSON report."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Result:
    issue: int  # which issue set the target
    name: str
    measured: float
    target: float | None  # None: measured for the record, with no target
    unit: str  # "ms", "s", "MB"

    @property
    def ok(self) -> bool:
        return self.target is None or self.measured <= self.target

    def as_dict(self) -> dict:
        d = asdict(self)
        d["ok"] = self.ok
        return d


def median_ms(fn: Callable[[], object], repeat: int = 15, warmup: int = 2) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def once_s(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0
