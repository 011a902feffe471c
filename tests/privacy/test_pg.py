"""Team mode on PostgreSQL: migrations, round trip, no silent overwrite (pathway_app.store.pg).

Needs ``PATHWAY_TEST_PG_URL`` (``.ci/postgres start``); skipped with the reason otherwise."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect, text

from pathway_app.domain.serialize import plan_to_dict
from pathway_app.errors import DatabaseProblem, StaleSaveError
from pathway_app.store import pg
from pathway_app.store.migrate import current_revision, head_revision

from .conftest import TODAY, migrated_store
from builders import realistic_plan


@pytest.fixture
def team(pg_url, script_location):
    store = migrated_store(pg.team_engine(pg_url), script_location)
    yield store
    store.close()


@pytest.mark.postgres
def test_the_same_migrations_run_on_postgresql(team, script_location):
    eng = team._engine
    with eng.connect() as conn:
        assert current_revision(conn) == head_revision(script_location)
        names = set(inspect(conn).get_table_names())
        assert {"plans", "audit_log", "audit_head"} <= names
        assert conn.exec_driver_sql("SHOW application_name").scalar() == "pathway-planner"
        assert conn.exec_driver_sql("SHOW TimeZone").scalar() == "UTC"
    assert pg.server_version(eng) >= (13, 0)


@pytest.mark.postgres
def test_migrating_twice_is_a_no_op(team, script_location):
    from pathway_app.store.migrate import upgrade

    assert upgrade(team._engine, "the team database", script_location=script_location) is None


@pytest.mark.postgres
@pytest.mark.parametrize("size", ["typical", "heavy"])
def test_save_load_round_trip(team, size):
    plan = realistic_plan(11, size)
    team.save(plan, TODAY)
    back = team.load(plan.id)
    assert plan_to_dict(back) == plan_to_dict(plan)
    assert [s.id for s in team.summaries()] == [plan.id]


@pytest.mark.postgres
def test_two_people_editing_one_plan_never_overwrite_each_other(team):
    plan = realistic_plan(12)
    team.save(plan, TODAY)
    asha = team.load(plan.id)
    ben = team.load(plan.id)
    asha.person.about_me_own_words = "Asha's careful notes"
    team.save(asha, TODAY)
    ben.person.about_me_own_words = "Ben's different notes"
    with pytest.raises(StaleSaveError) as e:
        team.save(ben, TODAY)
    assert e.value.current_version == 2
    # Ben keeps his text to copy across; the database keeps Asha's
    assert ben.person.about_me_own_words == "Ben's different notes" and ben.version == 1
    assert team.load(plan.id).person.about_me_own_words == "Asha's careful notes"


@pytest.mark.postgres
def test_simultaneous_saves_of_the_same_version_one_wins(team):
    plan = realistic_plan(13, "heavy")
    team.save(plan, TODAY)
    copies = [team.load(plan.id) for _ in range(4)]
    results: list[object] = [None] * 4
    barrier = threading.Barrier(4)

    def save(i):
        copies[i].person.strengths = f"writer {i}"
        barrier.wait()
        try:
            team.save(copies[i], TODAY)
            results[i] = "saved"
        except StaleSaveError:
            results[i] = "stale"
        except Exception as exc:  # pragma: no cover
            results[i] = exc

    threads = [threading.Thread(target=save, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, results)) == ["saved", "stale", "stale", "stale"]
    winner = results.index("saved")
    stored = team.load(plan.id)
    assert stored.version == 2 and stored.person.strengths == f"writer {winner}"


@pytest.mark.postgres
def test_migration_lock_keeps_a_second_app_waiting(team):
    eng = team._engine
    with eng.connect() as a, eng.connect() as b:
        with pg.migration_lock(a):
            assert b.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": pg.MIGRATION_LOCK_KEY}).scalar() is False
        assert b.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": pg.MIGRATION_LOCK_KEY}).scalar() is True
        b.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": pg.MIGRATION_LOCK_KEY})


def test_records_never_go_over_a_network_unencrypted():
    assert pg.transport_problem("postgresql+psycopg://u:p@localhost/db") is None
    assert pg.transport_problem("postgresql+psycopg://u:p@127.0.0.1:5432/db") is None
    assert pg.transport_problem("postgresql+psycopg://u@/db?host=/run/postgresql") is None
    assert pg.transport_problem("postgresql+psycopg://u:p@db.council.example/db?sslmode=verify-full") is None
    problem = pg.transport_problem("postgresql+psycopg://u:p@db.council.example/db")
    assert problem and "not be encrypted" in problem
    assert pg.transport_problem("postgresql://u:p@db.council.example/db?sslmode=prefer")
    with pytest.raises(DatabaseProblem):
        pg.team_engine("postgresql://u:p@db.council.example/db")


def test_team_engine_hides_the_password():
    eng = pg.team_engine("postgresql://asha:s3cret-pw@localhost/records")
    assert eng.dialect.driver == "psycopg"
    assert "s3cret-pw" not in repr(eng) and "s3cret-pw" not in str(eng.url)
    eng.dispose()
