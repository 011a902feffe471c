"""Shared by the safety tests and the crash child: plans, digests, raw-file checks."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import uuid
from datetime import date, timedelta
from pathlib import Path

from pathway_app.domain import model as m
from pathway_app.domain.serialize import plan_to_dict
from pathway_app.domain.vocab import ActionStatus, SkillLevel

TODAY = date(2026, 11, 23)


def content_digest(plan: m.Plan) -> str:
    """What the plan says, without the bookkeeping the store sets on save."""
    d = plan_to_dict(plan)
    d.pop("version", None)
    d.pop("updated_at", None)
    return hashlib.sha256(json.dumps(d, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def _text(rng: random.Random, n: int) -> str:
    words = ("care", "home", "sister", "college", "flat", "money", "ناصر", "ትግርኛ", "зима", "😀", "review", "plan")
    return " ".join(rng.choice(words) for _ in range(n))


def mutate(plan: m.Plan, rng: random.Random, today: date = TODAY) -> None:
    """Edit a plan the way a PA would: text, lists grown and shrunk, levels changed."""
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        if r < 0.2:
            plan.person.about_me_own_words = _text(rng, rng.randint(1, 40))
        elif r < 0.35:
            plan.relationships.append(m.Relationship(name=_text(rng, 2), description=_text(rng, 5), id=str(uuid.UUID(int=rng.getrandbits(128)))))
        elif r < 0.45 and plan.relationships:
            plan.relationships.pop(rng.randrange(len(plan.relationships)))
        elif r < 0.6:
            sa = rng.choice(plan.support_areas)
            sa.actions.append(m.Action(what=_text(rng, 4), who="PA", by_when=today + timedelta(days=rng.randint(1, 90)),
                                       status=rng.choice(list(ActionStatus)), id=str(uuid.UUID(int=rng.getrandbits(128)))))
        elif r < 0.7:
            sa = rng.choice(plan.support_areas)
            sa.assessment = _text(rng, rng.randint(0, 60))
        elif r < 0.8 and plan.skills:
            rng.choice(plan.skills).level = rng.choice(list(SkillLevel))
        elif r < 0.85:
            plan.health.physical = _text(rng, 10) * rng.choice((1, 1, 50))  # sometimes a long note
        elif r < 0.93:
            plan.life_story.append(m.LifeStoryEntry(title=_text(rng, 2), text=_text(rng, 30), when=today - timedelta(days=rng.randint(1, 3000)),
                                                    id=str(uuid.UUID(int=rng.getrandbits(128)))))
        else:
            plan.money.notes = _text(rng, 8)


SECTION_TABLES = ("education", "home", "staying_put", "staying_close", "health", "money", "identity", "contingency")


def raw_problems(db: Path) -> list[str]:
    """integrity_check, foreign_key_check and per-plan row consistency on the file itself."""
    out = []
    con = sqlite3.connect(db)
    try:
        ic = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if ic != ["ok"]:
            out.append(f"integrity_check: {ic[:3]}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            out.append(f"foreign_key_check: {fk[:3]}")
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name='plans'").fetchone():
            return out  # killed before the first migration committed: nothing to check yet
        n_plans = con.execute("SELECT count(*) FROM plans").fetchone()[0]
        for t in SECTION_TABLES:
            bad = con.execute(
                f"SELECT count(*) FROM plans p WHERE (SELECT count(*) FROM {t} s WHERE s.plan_id = p.id) != 1"
            ).fetchone()[0]
            if bad:
                out.append(f"{bad} of {n_plans} plans lack exactly one {t} row")
        bad = con.execute(
            "SELECT count(*) FROM actions a WHERE NOT EXISTS (SELECT 1 FROM support_areas s WHERE s.plan_id=a.plan_id AND s.area=a.area)"
        ).fetchone()[0]
        if bad:
            out.append(f"{bad} actions belong to no support area")
    finally:
        con.close()
    return out


def load_digests(db: Path) -> dict[str, str]:
    """{plan id: content digest} of every plan, read back through the store."""
    from pathway_app.store import open_store

    store = open_store(url=f"sqlite:///{db}", create_unencrypted=True)
    try:
        # opened=False: reading for the comparison must not add to the audit trail it compares
        return {i: content_digest(store.load(i, opened=False)) for i in store.ids()}
    finally:
        store.close()


def run_unprivileged(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` (from the repository root) without the power to ignore file permissions.

    As root, permissions do not stop anything, so the child runs under ``setpriv`` with the
    capabilities that override them (``dac_override``, ``dac_read_search``, ``fowner``) dropped;
    as anyone else it runs as it is.
    """
    root = Path(__file__).resolve().parents[2]
    if os.geteuid() == 0:
        drop = "-dac_override,-dac_read_search,-fowner"
        argv = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", *argv]
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", cwd=root, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(root)}, **kwargs)  # type: ignore[call-overload]

