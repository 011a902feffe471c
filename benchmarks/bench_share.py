"""Share files for foster carers and key workers (issue 10).

- Making a share file for a heavy plan, *including* the Argon2id key derivation at the app's
  own cost (64 MiB, t=3, p=4): ≤ 300 ms.
- ``share import`` of a returned file for the heavy plan with its diff (opening the file,
  including the key derivation, lining every change up with the plan as it is now, and saving
  the accepted ones with their audit entry): ≤ 300 ms.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks._common import Result, median_ms

TODAY = date(2026, 11, 23)
ISSUE = 10  # who sees what
PASS = "correct horse battery staple"


def run() -> list[Result]:
    from benchmarks.synthetic import synthetic_plan
    from pathway_app.domain import agreements as ag
    from pathway_app.store import open_store
    from pathway_app.store import share as S

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="pathway-bench-") as tmp:
        store = open_store(url=f"sqlite:///{Path(tmp) / 'pathway.db'}", create_unencrypted=True, user="bench")
        heavy = synthetic_plan(random.Random(2), TODAY, "heavy")
        if not heavy.staying_put.agreements:
            ag.start(heavy, ag.STAYING_PUT, TODAY)
        store.save(heavy, TODAY)
        path = Path(tmp) / "heavy.pathway-share"
        results.append(Result(ISSUE, "make a share file, heavy plan, incl. Argon2id, median",
                              median_ms(lambda: S.export_share(store, heavy.id, "foster_carer", path, PASS),
                                        repeat=7, warmup=1), 300, "ms"))
        share = S.open_share(path, PASS)
        ws = share.workspace()
        draft = ws.staying_put.draft() or ag.start(ws, ag.STAYING_PUT, TODAY)
        for r in draft.house_rules:
            r.agreed = f"Agreed about {r.topic.value}."
        S.save_share(path, PASS, share, ws)
        returned = Path(tmp) / "returned.pathway-share"
        returned.write_bytes(path.read_bytes())

        def import_once() -> float:
            t0 = time.perf_counter()
            report = S.read_return(store, returned, PASS)
            S.import_return(store, report, [c.path for c in report.to_decide], TODAY)
            took = (time.perf_counter() - t0) * 1000
            # undo (not timed), so every round imports the same changes into the same plan
            plan = store.load(heavy.id, opened=False)
            before = {a.id: a for a in heavy.staying_put.agreements}
            plan.staying_put.agreements = [before[a.id] for a in plan.staying_put.agreements if a.id in before]
            store.save(plan, TODAY)
            return took

        import_once()
        times = [import_once() for _ in range(7)]
        results.append(Result(ISSUE, "share import with its diff, heavy plan, incl. Argon2id, median",
                              statistics.median(times), 300, "ms"))
        store.close()
    return results
