"""Run every benchmark and print measured against target.

    python -m benchmarks.run            # all of them
    python -m benchmarks.run store pdf  # only benchmarks/bench_store.py and bench_pdf.py
    python -m benchmarks.run --json     # machine-readable

Each ``benchmarks/bench_*.py`` module has ``run() -> list[Result]``. Exit status is 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run")
    ap.add_argument("only", nargs="*", help="benchmark module names without bench_ (default: all)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    names = [m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_")]
    if args.only:
        names = [n for n in names if n[len("bench_"):] in args.only]
    results = []
    for name in sorted(names):
        mod = importlib.import_module(f"benchmarks.{name}")
        for r in mod.run():
            results.append(r)
            if not args.json:
                mark = "info" if r.target is None else ("ok  " if r.ok else "MISS")
                target = "no target" if r.target is None else f"target ≤ {r.target:g} {r.unit}"
                print(f"{mark} #{r.issue} {r.name:<58} {r.measured:>10.2f} {r.unit:<3} ({target})", flush=True)
    if args.json:
        json.dump([r.as_dict() for r in results], sys.stdout, indent=2)
        print()
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
