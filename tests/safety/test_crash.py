"""Crash safety: SIGKILL the saving process at random moments; nothing acknowledged is lost.

A child process (``crash_child.py``) opens the store and saves plans in a loop — new plans and
edits of stored ones — printing ``ACK <id> <version> <digest>`` after each committed save.
The test kills it with SIGKILL at a random moment (sometimes while it is still opening or
recovering the database), reopens the store and checks:

- every acknowledged save is there with exactly that content (the digest of the whole plan);
- the one save in flight, if any, is either wholly there or wholly absent (no half plan);
- every plan loads and validates; each has exactly one row per 1:1 section table;
- ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` is empty.

Each chain of trials keeps its database, so later trials also crash during WAL recovery and
checkpoints of earlier crashes. Most trials fork from an already-imported "zygote" helper (so
50+ trials fit in CI); a few start a fresh interpreter. ``PATHWAY_CRASH_TRIALS=500`` runs more.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pathway_app.domain.validation import validate
from pathway_app.store import open_store

from safety_helpers import TODAY, content_digest, raw_problems

HERE = Path(__file__).resolve().parent
CHILD = HERE / "crash_child.py"
TRIALS = int(os.environ.get("PATHWAY_CRASH_TRIALS", "50"))
FRESH_TRIALS = 4


@dataclass
class Chain:
    data_dir: Path
    expected: dict[str, tuple[int, str]] = field(default_factory=dict)
    acks: int = 0
    inflight_committed: int = 0
    inflight_absent: int = 0


class Lines:
    """Lines from a pipe, read by a thread so the test can wait with a timeout."""

    def __init__(self, stream):
        self.q: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for raw in stream:
            self.q.put(raw.decode("utf-8", "replace"))
        self.q.put(None)

    def get(self, timeout: float = 20.0) -> str:
        line = self.q.get(timeout=timeout)
        if line is None:
            raise EOFError("the crash helper closed its output")
        return line.rstrip("\n")


def _kill_at_random(lines: Lines, rng: random.Random) -> tuple[list[str], str]:
    """Wait for PID, kill at a random moment, return the run's lines and the final line."""
    first = lines.get()
    assert first.startswith("PID "), first
    pid = int(first.split()[1])
    got: list[str] = []
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0, 0.25))  # often while opening / recovering / migrating
    else:
        while True:
            line = lines.get()
            got.append(line)
            if line == "OPEN":
                break
        time.sleep(rng.uniform(0.0, 0.3))
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return got, ""


def _parse(lines: list[str]):
    acks: list[tuple[str, int, str]] = []
    inflight = None
    for line in lines:
        parts = line.split()
        if parts[0] == "SAVING":
            inflight = (parts[1], int(parts[2]), parts[3])
        elif parts[0] == "ACK":
            acks.append((parts[1], int(parts[2]), parts[3]))
            assert inflight == acks[-1], (inflight, acks[-1])
            inflight = None
    return acks, inflight


def _verify(chain: Chain, acks, inflight) -> None:
    for pid_, version, digest in acks:
        chain.expected[pid_] = (version, digest)
    chain.acks += len(acks)
    db = chain.data_dir / "pathway.db"
    if not db.exists():
        assert not chain.expected
        return
    problems = raw_problems(db) if db.stat().st_size else []
    store = open_store(data_dir=chain.data_dir, create_unencrypted=True)
    try:
        present = set(store.ids())
        missing = set(chain.expected) - present
        assert not missing, f"acknowledged plans lost: {missing}"
        extra = present - set(chain.expected)
        if extra:
            assert inflight is not None and extra == {inflight[0]} and inflight[1] == 1, f"unexpected plans {extra}"
        for plan_id in present:
            plan = store.load(plan_id)
            assert validate(plan, TODAY) == [], (plan_id, validate(plan, TODAY))
            got = (plan.version, content_digest(plan))
            want = chain.expected.get(plan_id)
            if got == want:
                if inflight and inflight[0] == plan_id:
                    chain.inflight_absent += 1
                continue
            assert inflight is not None and plan_id == inflight[0] and got == inflight[1:], (
                f"plan {plan_id} is {got}, acknowledged {want}, in flight {inflight}"
            )
            chain.expected[plan_id] = got  # the save in flight committed before the kill
            chain.inflight_committed += 1
    finally:
        store.close()
    problems += raw_problems(db)
    assert not problems, problems


def _run_chains(tmp_path: Path, n_trials: int, seed: int) -> list[Chain]:
    rng = random.Random(seed)
    chains = [Chain(tmp_path / f"chain{i}") for i in range(3)]
    for c in chains:
        c.data_dir.mkdir()
    with open(tmp_path / "zygote.stderr", "wb") as err:
        z = subprocess.Popen([sys.executable, str(CHILD), "zygote"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
        try:
            lines = Lines(z.stdout)
            assert lines.get(timeout=60) == "READY"
            for trial in range(n_trials):
                chain = chains[trial % len(chains)]
                z.stdin.write(f"RUN {chain.data_dir} {rng.randrange(1 << 30)}\n".encode())
                z.stdin.flush()
                got, _ = _kill_at_random(lines, rng)
                while True:
                    line = lines.get()
                    if line.startswith("DONE "):
                        status = int(line.split()[1])
                        break
                    got.append(line)
                if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                    pytest.fail(f"trial {trial}: the child ended by itself ({status}), not by the kill:\n"
                                + (tmp_path / "zygote.stderr").read_text(errors="replace")[-3000:])
                acks, inflight = _parse(got)
                try:
                    _verify(chain, acks, inflight)
                except AssertionError as exc:
                    raise AssertionError(f"trial {trial} ({chain.data_dir.name}): {exc}") from None
        finally:
            z.stdin.close()
            z.wait(timeout=30)
    return chains


@pytest.mark.slow
def test_sigkill_mid_save_loses_nothing_acknowledged(tmp_path):
    chains = _run_chains(tmp_path, TRIALS, seed=int(os.environ.get("PATHWAY_CRASH_SEED", "20261123")))
    total_acks = sum(c.acks for c in chains)
    plans = sum(len(c.expected) for c in chains)
    assert total_acks >= TRIALS // 2, "the children hardly saved anything before being killed"
    assert plans > 0
    print(f"{TRIALS} trials, {total_acks} acknowledged saves, {plans} plans, "
          f"in flight: {sum(c.inflight_committed for c in chains)} committed / "
          f"{sum(c.inflight_absent for c in chains)} absent")


@pytest.mark.slow
def test_sigkill_of_a_fresh_interpreter(tmp_path):
    """The same, literally: a new Python process per trial (no fork)."""
    rng = random.Random(7)
    chain = Chain(tmp_path / "fresh")
    chain.data_dir.mkdir()
    for _trial in range(FRESH_TRIALS):
        p = subprocess.Popen([sys.executable, str(CHILD), "run", str(chain.data_dir), str(rng.randrange(1 << 30))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        lines = Lines(p.stdout)
        got, _ = _kill_at_random(lines, rng)
        p.wait(timeout=30)
        while True:
            try:
                got.append(lines.get(timeout=5))
            except EOFError:
                break
        assert p.returncode == -signal.SIGKILL, p.stderr.read().decode()[-2000:]
        acks, inflight = _parse(got)
        _verify(chain, acks, inflight)
    assert chain.acks > 0
