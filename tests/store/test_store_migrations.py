"""Migrations: empty → head, schema = models, batch mode keeps child rows, refusals."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from pathway_app import paths
from pathway_app.errors import DatabaseProblem
from pathway_app.store import migrate, open_store
from pathway_app.store.engine import APPLICATION_ID
from pathway_app.store.models import metadata

TODAY = date(2026, 11, 23)  # as the store tests' conftest


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_database_is_brought_to_head(db_path):
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    st.close()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        con.close()


def test_an_empty_file_is_moved_aside_then_a_new_database_is_made(db_path):
    """A 0-byte records file has lost whatever it held (issue 6): it is kept aside, not reused."""
    from pathway_app.store.check import DatabaseMovedAside

    db_path.write_bytes(b"")
    with pytest.raises(DatabaseMovedAside) as exc:
        open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    assert exc.value.moved_to.exists() and exc.value.moved_to.stat().st_size == 0
    assert not db_path.exists()
    open_store(url=f"sqlite:///{db_path}", create_unencrypted=True).close()
    assert db_path.stat().st_size > 0


def test_schema_after_migrations_matches_the_models(db_path):
    open_store(url=f"sqlite:///{db_path}", create_unencrypted=True).close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert diff == []


def test_a_model_change_without_migration_would_be_seen(db_path):
    """The comparison above can fail: a column missing from the database is reported."""
    from sqlalchemy import Column, MetaData, Text

    open_store(url=f"sqlite:///{db_path}", create_unencrypted=True).close()
    md = MetaData()
    for t in metadata.tables.values():
        t.to_metadata(md)
    md.tables["plans"].append_column(Column("new_field", Text))
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), md)
    engine.dispose()
    assert any(d[0] == "add_column" for d in diff)


def _scripts_with_batch_migration(tmp_path):
    """A copy of our migrations plus 0099, which rebuilds ``plans`` in batch mode."""
    loc = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), loc, ignore=shutil.ignore_patterns("__pycache__", "pending"))
    (loc / "versions" / "0002_test_batch.py").write_text(textwrap.dedent('''
        import sqlalchemy as sa
        from alembic import op

        revision = "0099"
        down_revision = "{head}"
        branch_labels = None
        depends_on = None

        def upgrade():
            with op.batch_alter_table("plans", recreate="always") as batch:
                batch.add_column(sa.Column("nickname", sa.Text(), nullable=True))

        def downgrade():
            with op.batch_alter_table("plans") as batch:
                batch.drop_column("nickname")
    ''').replace("{head}", migrate.head_revision()))
    return loc


def _child_counts(path):
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("relationships", "actions", "care_episodes", "education", "reviews")}
    finally:
        con.close()


def test_batch_alter_on_plans_keeps_child_rows_and_backs_up_first(db_path, tmp_path, make_plan, monkeypatch):
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    plan = make_plan(1, "heavy")
    st.save(plan, TODAY)
    st.close()
    before = _child_counts(db_path)
    assert before["relationships"] == 100 and before["actions"] == 200

    released = migrate.head_revision()
    loc = _scripts_with_batch_migration(tmp_path)
    monkeypatch.setattr(paths, "migrations_dir", lambda: loc)
    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    try:
        assert st.backup_path is not None
        assert f"-before-migration-{released}.db" in st.backup_path
        assert st.load(plan.id) == plan
    finally:
        st.close()
    assert _child_counts(db_path) == before
    con = sqlite3.connect(db_path)
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(plans)")]
        assert "nickname" in cols
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0099"
    finally:
        con.close()
    backup = sqlite3.connect(st.backup_path)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == released
        assert backup.execute("SELECT count(*) FROM relationships").fetchone()[0] == 100
    finally:
        backup.close()


def test_the_trap_is_real_batch_with_foreign_keys_on_loses_children(db_path, make_plan):
    """Why env.py turns foreign keys off: the same batch rebuild with them on deletes children."""
    from alembic.operations import Operations
    from sqlalchemy import Column, Text, event

    st = open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    st.save(make_plan(2), TODAY)
    st.close()
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
    with engine.begin() as conn:
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("plans", recreate="always") as batch:
            batch.add_column(Column("nickname", Text, nullable=True))
    engine.dispose()
    assert _child_counts(db_path)["relationships"] == 0


def test_a_database_from_a_newer_version_is_refused_and_left_alone(db_path):
    open_store(url=f"sqlite:///{db_path}", create_unencrypted=True).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem, match="newer version of Pathway Planner"):
        open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    assert _digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_another_apps_database_is_refused_and_left_byte_identical(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO recipes (name) VALUES ('soup')")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem, match="is not a Pathway Planner database; it was left untouched"):
        open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    assert _digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_database_with_another_application_id_is_refused(db_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA application_id = 12345")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem, match="not a Pathway Planner database"):
        open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    assert _digest(db_path) == before


def test_a_file_that_is_not_a_database_is_refused(db_path):
    """A text file renamed .db is never initialised: it is moved aside, byte for byte (issue 6)."""
    from pathway_app.store.check import DatabaseMovedAside

    db_path.write_bytes(b"Dear diary, " * 1000)
    before = _digest(db_path)
    with pytest.raises(DatabaseMovedAside, match="not a records database"):
        open_store(url=f"sqlite:///{db_path}", create_unencrypted=True)
    assert _digest(exc_path := next(db_path.parent.glob("*.damaged-*"))) == before
    assert not db_path.exists() and exc_path.read_bytes().startswith(b"Dear diary")


def test_a_missing_folder_is_told_in_plain_words(tmp_path):
    with pytest.raises(DatabaseProblem, match="does not exist"):
        open_store(url=f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}", create_unencrypted=True)


def test_the_fast_start_knows_the_newest_migration():
    """Opening a database at HEAD_REVISION skips Alembic; it must be the real head."""
    from pathway_app.store import migrate

    assert migrate.HEAD_REVISION == migrate.head_revision()


def test_opening_a_database_at_head_does_not_load_alembic(tmp_path):
    import subprocess
    import sys

    from pathway_app.store import open_store

    db = tmp_path / "fast.db"
    open_store(url=f"sqlite:///{db}", create_unencrypted=True).close()
    code = (
        "import sys; from pathway_app.store import open_store; "
        f"s = open_store(url='sqlite:///{db}'); s.close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


def test_0004_makes_the_old_arrangements_version_1_of_a_draft_agreement(tmp_path):
    """What the 0003 database said about Staying Put and Staying Close is all in the agreements,
    with the identifiers the plans-file upgrade gives the same plan."""
    from pathway_app.store import upgrades

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "0003.db"
    db = tmp_path / "data" / "pathway.db"
    db.parent.mkdir()
    shutil.copy(fixture, db)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    old_put = {r["plan_id"]: dict(r) for r in con.execute("SELECT * FROM staying_put")}
    old_close = {r["plan_id"]: dict(r) for r in con.execute("SELECT * FROM staying_close")}
    old_staff = [dict(r) for r in con.execute("SELECT * FROM staying_close_staff ORDER BY plan_id, position")]
    con.close()
    st = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        plans = {i: st.load(i, opened=False) for i in st.ids()}
    finally:
        st.close()
    moved = 0
    for pid, plan in plans.items():
        sp, was = plan.staying_put, old_put[pid]
        assert sp.decision.value == was["decision"] and sp.notes == was["notes"]
        if was["carer_name"] or was["money"] or was["start"]:
            moved += 1
            (a,) = sp.agreements
            assert a.id == upgrades._v3_id({"id": pid}, "staying_put", "1")
            assert [c.name for c in a.carers] == [was["carer_name"]]
            assert (a.money_notes, a.house_rules_notes) == (was["money"], was["house_agreements"])
            assert str(a.end) == was["end"] and a.status.value == "draft"
        sc, was = plan.staying_close, old_close[pid]
        staff = [s for s in old_staff if s["plan_id"] == pid]
        if staff or was["home_name"]:
            (a,) = sc.agreements
            assert a.id == upgrades._v3_id({"id": pid}, "staying_close", "1")
            assert (a.home_name, a.new_home, a.come_back_notes) == (was["home_name"], was["new_home"], was["come_back"])
            assert [(s.id, s.name, s.role) for s in a.staff] == [(s["id"], s["name"], s["role"]) for s in staff]
    assert moved >= 1
