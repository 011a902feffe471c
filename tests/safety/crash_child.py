"""Helper run by test_crash.py: save plans in a loop, acknowledging each committed save.

    python crash_child.py run DATA_DIR SEED     # one run in a fresh interpreter
    python crash_child.py zygote                # import once, then fork one run per request

Protocol on stdout (one line each, flushed):
    PID <pid>                       the saving process (the one to SIGKILL)
    OPEN                            the store is open (migrated)
    SAVING <plan id> <version> <digest>   about to save (may or may not commit)
    ACK <plan id> <version> <digest>      committed: must survive the kill exactly
The zygote reads "RUN <data dir> <seed>" lines and answers "DONE <wait status>" after the
forked run ends; forking saves ~0.6 s of imports per trial so 50+ trials fit in CI.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: builders
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathway_app.store import open_store  # noqa: E402

from builders import valid_realistic_plan  # noqa: E402
from safety_helpers import TODAY, content_digest, mutate  # noqa: E402


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write(2): a line is all there or not at all


def run(data_dir: str, seed: int) -> None:
    say(f"PID {os.getpid()}")
    rng = random.Random(seed)
    store = open_store(data_dir=data_dir, create_unencrypted=True)
    say("OPEN")
    ids = store.ids()
    while True:
        if ids and rng.random() < 0.65:
            plan = store.load(rng.choice(ids))
            mutate(plan, rng)
        else:
            plan = valid_realistic_plan(rng, rng.choice(("small", "typical", "typical")))
            ids.append(plan.id)
        d = content_digest(plan)
        say(f"SAVING {plan.id} {plan.version + 1} {d}")
        store.save(plan, today=TODAY)
        say(f"ACK {plan.id} {plan.version} {d}")


def zygote() -> None:
    say("READY")
    for line in sys.stdin:
        cmd, data_dir, seed = line.split()
        assert cmd == "RUN"
        pid = os.fork()
        if pid == 0:  # the saving child
            try:
                run(data_dir, int(seed))
            finally:
                os._exit(3)
        _, status = os.waitpid(pid, 0)
        say(f"DONE {status}")


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote()
    else:
        run(sys.argv[2], int(sys.argv[3]))
