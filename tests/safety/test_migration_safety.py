"""Migrations cannot lose data.

- Every released schema revision has a checked-in database WITH data
  (``tests/fixtures/db/<rev>.db``, built by ``make_fixtures.py``); each is upgraded to the
  newest schema and every row and value it held is compared.
- A migration that fails half way leaves the database exactly as it was (same data, same
  revision) and the pre-migration copy exists and holds the same data.
- A database made by a newer version of the app is refused and left byte-for-byte as it was.
- Regression: Alembic batch mode on a parent table with child rows (foreign keys ON would
  cascade-delete every child row).

Failing and batch migrations are injected with a temporary copy of ``migrations/`` that has an
extra revision, by pointing ``pathway_app.paths.migrations_dir`` at it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest

from pathway_app import paths
from pathway_app.domain.validation import validate
from pathway_app.errors import DatabaseProblem
from pathway_app.store import open_store, sqlitefile
from pathway_app.store.migrate import head_revision, known_revisions, script_directory

from safety_helpers import TODAY, raw_problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
FIXTURE_FILES = sorted(FIXTURES.glob("*.db"))
#: Tables a migration folded into records held as JSON on another table's rows: old table →
#: (new table, JSON column). Migration 0006 moved the Staying Close staff into the staff of the
#: plan's Staying Close agreement. Every old row must be found there, by id, with its values.
MOVED_INTO_RECORDS = {"staying_close_staff": ("staying_close_agreements", "staff")}


def _rows(db: Path) -> dict[str, dict[tuple, dict]]:
    """{table: {primary key: {column: value}}} for every table of the file."""
    con = sqlitefile.connect_ro(db)
    try:
        out = {}
        for t in sqlitefile.user_tables(con):
            cols = con.execute(f'PRAGMA table_info("{t}")').fetchall()
            pk = [c[1] for c in sorted((c for c in cols if c[5]), key=lambda c: c[5])] or [c[1] for c in cols]
            cur = con.execute(f'SELECT * FROM "{t}"')
            names = [d[0] for d in cur.description]
            out[t] = {}
            for row in cur:
                d = dict(zip(names, row))
                out[t][tuple(d[k] for k in pk)] = d
        return out
    finally:
        con.close()


def _facts(db: Path) -> dict:
    con = sqlitefile.connect_ro(db)
    try:
        return sqlitefile.database_facts(con)
    finally:
        con.close()


def test_every_released_revision_has_a_fixture_with_data():
    revisions = {r.revision for r in script_directory().walk_revisions()}
    have = {f.stem for f in FIXTURE_FILES}
    assert revisions <= have, f"make a fixture for {sorted(revisions - have)} (tests/fixtures/db/make_fixtures.py)"
    for f in FIXTURE_FILES:
        facts = _facts(f)
        assert facts["schema_revision"] == f.stem
        assert facts["row_counts"]["plans"] >= 3 and facts["row_counts"]["relationships"] > 0


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_upgrading_a_fixture_keeps_every_row_and_value(fixture, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "pathway.db"
    shutil.copy(fixture, db)
    old = _rows(db)
    store = open_store(data_dir=data, create_unencrypted=True)
    try:
        ids = store.ids()
        assert len(ids) == len(old["plans"])
        for i in ids:
            assert validate(store.load(i, opened=False), TODAY) == []
        migrated = fixture.stem != head_revision()
        if migrated:
            assert store.backup_path and Path(store.backup_path).exists()
    finally:
        store.close()
    new = _rows(db)
    assert new["alembic_version"] == {(head_revision(),): {"version_num": head_revision()}}
    for table, rows in old.items():
        if table in ("alembic_version", "audit_head"):  # audit_head points at the newest entry: it moves
            continue
        if table in MOVED_INTO_RECORDS and table not in new:
            _moved_rows_kept(table, rows, new)
            continue
        assert table in new, f"table {table} disappeared"
        assert len(new[table]) == len(rows), f"{table}: {len(rows)} rows before, {len(new[table])} after"
        for key, row in rows.items():
            after = new[table][key]
            for col, value in row.items():
                if col in after:
                    assert after[col] == value, f"{table}{key}.{col}: {value!r} became {after[col]!r}"
    assert raw_problems(db) == []


def _moved_rows_kept(table: str, rows: dict[tuple, dict], new: dict[str, dict[tuple, dict]]) -> None:
    into, column = MOVED_INTO_RECORDS[table]
    found = {rec["id"]: (parent["plan_id"], rec) for parent in new[into].values() for rec in json.loads(parent[column])}
    for key, row in rows.items():
        assert row["id"] in found, f"{table}{key} was not moved into {into}.{column}"
        plan_id, rec = found[row["id"]]
        assert plan_id == row["plan_id"], f"{table}{key} moved to another young person's plan"
        for col, value in row.items():
            if col in rec:
                assert rec[col] == value, f"{table}{key}.{col}: {value!r} became {rec[col]!r}"


def _scripts_with(tmp_path: Path, body: str) -> Path:
    loc = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), loc, ignore=shutil.ignore_patterns("__pycache__"))
    (loc / "versions" / "0099_injected.py").write_text(
        textwrap.dedent(
            '''
            """An injected test migration."""
            import sqlalchemy as sa
            from alembic import op

            revision = "0099"
            down_revision = "{head}"
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
            {body}


            def downgrade() -> None:
                pass
            '''
        ).format(head=head_revision(), body=textwrap.indent(textwrap.dedent(body), "    "))
    )
    return loc


@pytest.fixture
def fixture_copy(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "pathway.db"
    shutil.copy(FIXTURE_FILES[-1], db)
    open_store(data_dir=data, create_unencrypted=True).close()  # at the newest released revision
    return db


def test_a_failing_migration_leaves_the_database_as_it_was(fixture_copy, tmp_path, monkeypatch):
    db = fixture_copy
    before = _facts(db)
    loc = _scripts_with(
        tmp_path,
        """
        with op.batch_alter_table("plans", recreate="always") as batch:
            batch.add_column(sa.Column("nickname", sa.Text(), nullable=True))
        op.execute("UPDATE relationships SET name = 'overwritten'")
        op.execute("DELETE FROM reviews")
        raise RuntimeError("injected failure half way through a migration")
        """,
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: loc)
    with pytest.raises(Exception) as exc:
        open_store(data_dir=db.parent, create_unencrypted=True)
    assert "injected failure" in str(exc.value)
    after = _facts(db)
    assert after["schema_revision"] == before["schema_revision"]
    assert after["row_counts"] == before["row_counts"]
    assert after["content_digest"] == before["content_digest"]
    assert raw_problems(db) == []
    # the copy taken before migrating exists and holds the same data
    copies = [p for p in (db.parent / "backups").glob("*.db")]
    assert copies, "no pre-migration copy was made"
    assert any(_facts(c)["content_digest"] == before["content_digest"] for c in copies)
    # and the app still opens it with its own migrations
    monkeypatch.undo()
    open_store(data_dir=db.parent, create_unencrypted=True).close()


def test_batch_mode_on_a_parent_table_keeps_child_rows(fixture_copy, tmp_path, monkeypatch):
    db = fixture_copy
    before = _rows(db)
    loc = _scripts_with(
        tmp_path,
        """
        with op.batch_alter_table("plans", recreate="always") as batch:
            batch.add_column(sa.Column("nickname", sa.Text(), nullable=True))
        """,
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: loc)
    store = open_store(data_dir=db.parent, create_unencrypted=True)
    try:
        assert all(validate(store.load(i, opened=False), TODAY) == [] for i in store.ids())
    finally:
        store.close()
    after = _rows(db)
    for table in before:
        if table != "alembic_version":
            assert len(after[table]) == len(before[table]), f"{table} lost rows in batch mode"
    assert after["alembic_version"] == {("0099",): {"version_num": "0099"}}
    assert raw_problems(db) == []
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_a_database_from_a_newer_app_is_refused_untouched(fixture_copy):
    db = fixture_copy
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer version"):
        open_store(data_dir=db.parent, create_unencrypted=True)
    assert db.read_bytes() == before
    assert "0999" not in known_revisions()
