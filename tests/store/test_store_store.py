"""Saving and loading whole plans; versions; summaries; SQLite settings."""

from __future__ import annotations

import sqlite3
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import text

from pathway_app.domain.model import Action, Plan, Relationship
from pathway_app.domain.summary import PlanSummary
from pathway_app.domain.validation import ValidationError
from pathway_app.errors import NotFound, StaleSaveError
from pathway_app.store import open_store

from strategies import TODAY, plans

AFTER_75 = __import__("datetime").date(2200, 1, 1)  # deletion is refused before the 75th birthday


def _purge(store, plan_id):
    """Clean up between hypothesis examples round the store (which refuses deletion before 75)."""
    from sqlalchemy import delete

    from pathway_app.store.mapping import PLANS

    with store.engine.begin() as conn:
        conn.execute(delete(PLANS).where(PLANS.c.id == plan_id))


def test_save_then_load_gives_the_same_plan(store, make_plan):
    plan = make_plan(1, "heavy")
    store.save(plan, TODAY)
    assert plan.version == 1
    loaded = store.load(plan.id)
    assert loaded == plan
    assert [r.id for r in loaded.relationships] == [r.id for r in plan.relationships]


def test_reopening_the_database_file_finds_the_plan(db_path, make_plan):
    plan = make_plan(2)
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    st.save(plan, TODAY)
    st.close()
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        assert st.load(plan.id) == plan
        assert st.ids() == [plan.id] and st.count() == 1
    finally:
        st.close()


def test_default_location_is_the_data_folder(tmp_path, make_plan):
    st = open_store(data_dir=tmp_path, create_unencrypted=True)
    try:
        st.save(make_plan(3), TODAY)
        assert (tmp_path / "pathway.db").exists()
        assert st.url.endswith("pathway.db")
    finally:
        st.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_any_valid_plan_round_trips(store, plan):
    try:
        store.save(plan, TODAY)
        loaded = store.load(plan.id)
        assert loaded == plan
        for pr in loaded.prompt_responses:
            assert pr.at is None or pr.at.tzinfo is UTC
        assert loaded.created_at.tzinfo is UTC and loaded.updated_at.tzinfo is UTC
    finally:
        _purge(store, plan.id)


def test_lists_keep_their_order_after_editing(store, make_plan):
    plan = make_plan(4)
    store.save(plan, TODAY)
    plan.relationships.reverse()
    plan.relationships.insert(1, Relationship(name="New friend"))
    sa = plan.support_areas[3]
    sa.actions.insert(0, Action(what="First thing"))
    store.save(plan, TODAY)
    loaded = store.load(plan.id)
    assert loaded == plan and loaded.version == 2


def test_version_goes_up_only_after_the_save_commits(store, make_plan):
    plan = make_plan(5)
    store.save(plan, TODAY)
    first = plan.updated_at
    store.save(plan, TODAY)
    assert plan.version == 2 and plan.updated_at >= first
    assert store.load(plan.id).version == 2


def test_a_stale_save_is_refused_and_nothing_is_written(store, make_plan):
    plan = make_plan(6)
    store.save(plan, TODAY)
    mine = store.load(plan.id)
    theirs = store.load(plan.id)
    theirs.person.strengths = "Theirs"
    store.save(theirs, TODAY)
    mine.person.strengths = "Mine"
    mine.relationships.clear()
    with pytest.raises(StaleSaveError) as err:
        store.save(mine, TODAY)
    assert err.value.current_version == 2
    assert "changed by someone else" in str(err.value) and "now version 2" in str(err.value)
    assert plan.person.display_name in str(err.value)
    assert mine.version == 1  # untouched: the save did not happen
    stored = store.load(plan.id)
    assert stored == theirs and stored.relationships


def test_saving_a_new_plan_twice_from_two_copies_is_refused(store, make_plan):
    plan = make_plan(7)
    import copy

    twin = copy.deepcopy(plan)
    store.save(plan, TODAY)
    with pytest.raises(StaleSaveError):
        store.save(twin, TODAY)


def test_saving_a_deleted_plan_is_refused(store, make_plan):
    plan = make_plan(8)
    store.save(plan, TODAY)
    store.delete(plan.id, today=AFTER_75)
    with pytest.raises(StaleSaveError, match="deleted by someone else"):
        store.save(plan, TODAY)
    assert store.count() == 0


def test_invalid_plan_lists_every_problem_and_writes_nothing(store):
    plan = Plan()
    plan.relationships.append(Relationship(name=""))
    with pytest.raises(ValidationError) as err:
        store.save(plan, TODAY)
    fields = {p.field for p in err.value.problems}
    assert {"person.given_name", "person.date_of_birth", f"relationships[{plan.relationships[0].id}].name"} <= fields
    assert store.count() == 0 and plan.version == 0


def test_load_and_delete_unknown_id_raise_not_found(store):
    with pytest.raises(NotFound):
        store.load("00000000-0000-4000-8000-000000000000")
    with pytest.raises(NotFound):
        store.delete("00000000-0000-4000-8000-000000000000")


def test_delete_removes_every_child_row(store, make_plan, db_path):
    plan = make_plan(9)
    store.save(plan, TODAY)
    store.delete(plan.id, today=AFTER_75)
    con = sqlite3.connect(db_path)
    try:
        for table in ("relationships", "actions", "care_episodes", "education", "support_areas", "skills"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    finally:
        con.close()


def test_summaries_match_the_full_plan(store, make_plan):
    plans_ = [make_plan(s) for s in range(10, 30)]
    for p in plans_:
        store.save(p, TODAY)
    got = {s.id: s for s in store.summaries()}
    assert set(got) == {p.id for p in plans_}
    for p in plans_:
        assert got[p.id] == PlanSummary.of(p, TODAY)
        assert got[p.id].category(TODAY) == PlanSummary.of(p, TODAY).category(TODAY)
        assert got[p.id].next_due(TODAY) == PlanSummary.of(p, TODAY).next_due(TODAY)


def test_summaries_follow_saves_and_deletes(store, make_plan):
    a, b = make_plan(31), make_plan(32)
    store.save(a, TODAY)
    store.save(b, TODAY)
    assert len(store.summaries()) == 2
    a.person.family_name = "Changed"
    store.save(a, TODAY)
    assert {s.family_name for s in store.summaries() if s.id == a.id} == {"Changed"}
    store.delete(b.id, today=AFTER_75)
    assert [s.id for s in store.summaries()] == [a.id]
    first = store.summaries()[0]
    first.open_prompts = 99  # callers may change what they get back
    assert store.summaries()[0].open_prompts == 0


def test_summaries_see_saves_made_through_another_store(db_path, make_plan):
    one = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    two = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        plan = make_plan(33)
        one.save(plan, TODAY)
        assert two.summaries()[0].version == 1
        plan.person.given_name = "Renamed"
        one.save(plan, TODAY)
        assert two.summaries()[0].given_name == "Renamed"
    finally:
        one.close()
        two.close()


def test_search_matches_any_name_ignoring_case_in_any_script(store, make_plan):
    names = [("Ωμέγα", "Παπαδόπουλος", ""), ("Dmytro", "ШЕВЧЕНКО", ""), ("Kwame", "Mensah", "Kay"), ("100%", "under_score", "")]
    for i, (g, f, pref) in enumerate(names):
        p = make_plan(40 + i)
        p.person.given_name, p.person.family_name, p.person.preferred_name = g, f, pref
        store.save(p, TODAY)
    assert [s.family_name for s in store.summaries("ωμέγα")] == ["Παπαδόπουλος"]
    assert [s.family_name for s in store.summaries("шевченко")] == ["ШЕВЧЕНКО"]
    assert [s.family_name for s in store.summaries("KAY")] == ["Mensah"]
    assert [s.family_name for s in store.summaries("%")] == ["under_score"]
    assert [s.family_name for s in store.summaries("r_s")] == ["under_score"]
    assert store.summaries("nobody") == []
    assert len(store.summaries("  ")) == 4


def test_resolve_id_by_prefix(store, make_plan):
    plan = make_plan(50)
    store.save(plan, TODAY)
    assert store.resolve_id(plan.id[:4]) == plan.id
    assert store.resolve_id(plan.id) == plan.id
    with pytest.raises(NotFound, match="too short"):
        store.resolve_id(plan.id[:3])
    with pytest.raises(NotFound, match="No young person"):
        store.resolve_id("zzzz")


def test_pooled_connections_have_foreign_keys_and_wal(store):
    for _ in range(3):
        with store._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_writes_take_the_lock_up_front(db_path, make_plan, store):
    """A second writer waits at BEGIN IMMEDIATE instead of failing half way."""
    from pathway_app.errors import DatabaseProblem
    from pathway_app.store import engine as eng

    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    old = eng.BUSY_TIMEOUT_S
    eng.BUSY_TIMEOUT_S = 0.2
    try:
        quick = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
        with pytest.raises(DatabaseProblem, match="busy"):
            quick.save(make_plan(51), TODAY)
        other.execute("ROLLBACK")
        assert quick.count() == 0
        quick.close()
    finally:
        eng.BUSY_TIMEOUT_S = old
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def test_url_hides_the_password():
    from pathway_app.store.engine import parse_url

    url = parse_url("postgresql://pa:secret@db.example/pathway")
    assert "secret" not in url.render_as_string(hide_password=True)


def test_datetimes_are_stored_as_utc(store, make_plan, db_path):
    plan = make_plan(52)
    store.save(plan, TODAY)
    raw = sqlite3.connect(db_path).execute("SELECT updated_at FROM plans").fetchone()[0]
    assert raw.startswith(plan.updated_at.strftime("%Y-%m-%d %H:%M:%S"))
    with store._engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM plans")).scalar() == 1


def test_a_read_only_database_can_be_read_but_a_save_is_refused_in_plain_words(store, db_path, make_plan):
    from pathway_app.errors import DatabaseProblem

    plan = make_plan(60)
    store.save(plan, TODAY)
    ro = open_store(url=f"sqlite:///file:{db_path}?mode=ro&uri=true", create_unencrypted=True)
    try:
        assert ro.load(plan.id) == plan
        plan.person.strengths = "changed"
        with pytest.raises(DatabaseProblem, match="can only be read, not changed") as err:
            ro.save(plan, TODAY)
        assert str(db_path) in str(err.value) and "%" not in str(err.value)
    finally:
        ro.close()
    assert store.load(plan.id).person.strengths != "changed"
