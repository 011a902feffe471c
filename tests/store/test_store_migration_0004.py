"""Migration 0004 moves the facts issue 12 restructured, nothing lost: an old database's
immigration status, care episodes recorded as orders, and the care basis kept for the caseload.

The 0002 fixture (``tests/fixtures/db/0002.db``) is copied and edited with plain SQL into the
shapes the old app could hold, then opened (which migrates it) and read back.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from pathway_app.domain import dates as D
from pathway_app.domain.summary import PlanSummary
from pathway_app.domain.vocab import CareLegalStatus, DateOfBirthBasis, HomeRegistration, ImmigrationStatus, OrderKind
from pathway_app.store import open_store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "0002.db"


def _old_db(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "pathway.db"
    shutil.copy(FIXTURE, db)
    return db


def _plan_ids(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT id FROM plans ORDER BY id")]
    finally:
        con.close()


def test_immigration_status_and_notes_become_the_first_matter(tmp_path):
    db = _old_db(tmp_path)
    a, b, *_ = _plan_ids(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE plans SET immigration_status='age_disputed', immigration_notes='Age assessment challenged by JR' WHERE id=?", (a,))
    con.execute("UPDATE plans SET immigration_status='british', immigration_notes='' WHERE id=?", (b,))
    con.commit()
    con.close()
    store = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        pa, pb = store.load(a, opened=False), store.load(b, opened=False)
    finally:
        store.close()
    (m,) = pa.immigration
    assert m.status is ImmigrationStatus.AGE_DISPUTED and m.notes == "Age assessment challenged by JR"
    assert m.since is None and m.until is None
    assert pa.person.date_of_birth_basis is DateOfBirthBasis.DISPUTED
    assert [x.status for x in pb.immigration] == [ImmigrationStatus.BRITISH]
    assert pb.person.date_of_birth_basis is DateOfBirthBasis.STATED
    assert pa.home.registration is HomeRegistration.NOT_RECORDED
    assert pa.return_home.returned_on is None


def test_an_episode_recorded_as_an_order_becomes_the_order_made_on_its_start(tmp_path):
    db = _old_db(tmp_path)
    pid = _plan_ids(db)[0]
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, start, home_type FROM care_episodes WHERE plan_id=? ORDER BY position", (pid,)).fetchall()
    last_id, last_start, _home = rows[-1]
    # the old app let the last time "in care" be a special guardianship order; and another a "left care" status
    con.execute("UPDATE care_episodes SET legal_status='sgo', home_type='kinship', home_name='Aunt Jo', notes='Settled' WHERE id=?", (last_id,))
    first_id = rows[0][0]
    con.execute("UPDATE care_episodes SET legal_status='left_care', notes='' WHERE id=?", (first_id,))
    con.commit()
    con.close()
    store = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        plan = store.load(pid, opened=False)
    finally:
        store.close()
    assert last_id not in {e.id for e in plan.care_episodes}
    (order,) = plan.orders
    assert order.id == last_id and order.kind is OrderKind.SPECIAL_GUARDIANSHIP
    assert order.made_on == date.fromisoformat(last_start) and order.with_whom == "Aunt Jo"
    assert order.notes.startswith("Settled\n") and "Kinship or connected person's home" in order.notes
    assert "Special guardianship order" in order.notes and D.fmt(order.made_on) in order.notes
    first = next(e for e in plan.care_episodes if e.id == first_id)
    assert first.legal_status is CareLegalStatus.OTHER and "Left care" in first.notes


def test_the_kept_care_basis_is_moved_to_completed_on_and_eligible_from(tmp_path):
    """The caseload reads the basis kept at the last save; after the migration it must give the
    same category and dates as working them out afresh, on every day after."""
    db = _old_db(tmp_path)
    store = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        plans = [store.load(i, opened=False) for i in store.ids()]
        summaries = {s.id: s for s in store.summaries()}
    finally:
        store.close()
    con = sqlite3.connect(FIXTURE)
    basis_on = {r[0]: date.fromisoformat(r[1]) for r in con.execute("SELECT id, basis_on FROM plans")}
    con.close()
    for plan in plans:
        kept = summaries[plan.id]
        fresh = PlanSummary.of(plan, basis_on[plan.id])
        assert kept.basis == fresh.basis, plan.person.display_name
        day = basis_on[plan.id]
        for later in (day, day + timedelta(days=40), day + timedelta(days=400)):
            assert kept.category(later) == D.care_leaver_category(plan, later)


def test_eligibility_after_16_moves_to_the_day_after_the_91st(tmp_path):
    """Two plans edited to what the old app kept for someone who came into care after 16: one
    saved after the 13 weeks (eligible on the 91st day, old words), one saved before them
    (projected to the 91st day). After the migration both say the day after, as the app now does."""
    db = _old_db(tmp_path)
    a, b, *_ = _plan_ids(db)
    con = sqlite3.connect(db)
    starts = {}
    for pid, saved_after in ((a, 200), (b, 5)):
        dob = date.fromisoformat(con.execute("SELECT date_of_birth FROM plans WHERE id=?", (pid,)).fetchone()[0])
        start = D.birthday(dob, 16) + timedelta(days=10)
        starts[pid] = start
        con.execute("DELETE FROM care_episodes WHERE plan_id=?", (pid,))
        con.execute("INSERT INTO care_episodes (id, plan_id, position, start, \"end\", home_type, legal_status, "
                    "short_break, home_name, notes) VALUES (?, ?, 0, ?, NULL, 'foster', 'care_order', 0, '', '')",
                    (f"00000000-0000-4000-8000-00000000000{1 if pid == a else 2}", pid, start.isoformat()))
        ninety_first = (start + timedelta(days=90)).isoformat()
        basis_on = start + timedelta(days=saved_after)
        eligible, if_stays = (ninety_first, ninety_first) if saved_after > 90 else (None, ninety_first)
        con.execute("UPDATE plans SET basis_on=?, basis_thirteen_weeks_on=?, basis_eligible_on=?, "
                    "basis_eligible_if_stays_on=?, basis_in_care_to=NULL, basis_ever_in_care=1, "
                    "basis_looked_after_since_16=1, basis_detained_at_16=0 WHERE id=?",
                    (basis_on.isoformat(), ninety_first, eligible, if_stays, pid))
    con.commit()
    con.close()
    store = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        kept = {s.id: s for s in store.summaries()}
        plans = {i: store.load(i, opened=False) for i in (a, b)}
    finally:
        store.close()
    for pid in (a, b):
        basis = kept[pid].basis
        assert basis.thirteen_weeks_completed_on == starts[pid] + timedelta(days=90)
        assert (basis.eligible_from or basis.eligible_from_if_stays) == starts[pid] + timedelta(days=91)
        for later in (starts[pid] + timedelta(days=90), starts[pid] + timedelta(days=91), starts[pid] + timedelta(days=300)):
            assert kept[pid].category(later) == D.care_leaver_category(plans[pid], later)
