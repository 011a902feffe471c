"""Bring a database to the schema this app expects, with Alembic, safely.

- A database made by a newer version of the app (its revision is unknown here) is refused.
- A database holding tables but no Alembic revision belongs to someone else: refused.
- Before an existing database is migrated, it is copied: a plain SQLite file with
  :func:`.backup.make_backup` (reason ``before-migration-<oldrev>``, with its manifest, kept in
  the rotation); encrypted records by the copier :func:`pathway_app.store.open_store` passes
  (the copy stays encrypted). If the copy cannot be made, nothing is migrated.
- On PostgreSQL, migrations run under an advisory lock (:func:`.pg.migration_lock`).
- A new SQLite database gets our ``application_id`` before anything else is written.

Alembic is configured in code (no ``alembic.ini``); ``migrations/env.py`` takes the connection
from ``config.attributes["connection"]`` and turns SQLite's foreign keys off around the
migration (batch mode would otherwise cascade-delete child rows).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

from .. import paths
from ..errors import DatabaseProblem
from .engine import APPLICATION_ID, sqlite_file

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

VERSION_TABLE = "alembic_version"

#: The newest revision in ``migrations/versions`` (a test keeps the two in step). Opening a
#: database already at this revision skips Alembic altogether, which keeps the app's start fast.
HEAD_REVISION = "0004"
_SHIPPED = paths.migrations_dir()


def at_shipped_head(revision: str | None) -> bool:
    """True when ``revision`` is the newest one of the migrations this app ships (and those are
    the migrations in use), so there is nothing to check or run."""
    return revision == HEAD_REVISION and paths.migrations_dir() == _SHIPPED


def alembic_config(connection: Connection | None = None, script_location: Path | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or paths.migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory(script_location: Path | None = None) -> "ScriptDirectory":
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location=script_location))


def head_revision(script_location: Path | None = None) -> str:
    head = script_directory(script_location).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine,
    where: str,
    script_location: Path | None = None,
    *,
    backup: Callable[[str], "str | os.PathLike[str]"] | None = None,
) -> str | None:
    """Migrate to head. Returns the path of the copy taken before migrating, or None.

    ``backup(reason)`` makes that copy of an existing database (one that has a revision) and
    returns its path; if it fails, nothing is migrated (its error is raised). For a plain SQLite
    file the default is :func:`.backup.make_backup` with reason ``before-migration-<rev>``;
    encrypted records pass their own (the copy must stay encrypted). On PostgreSQL the whole
    check-and-migrate runs under :func:`.pg.migration_lock`, so two people starting the app on
    the day of an upgrade do not both migrate (the second finds the work done).
    """
    if engine.dialect.name == "postgresql":
        from .pg import migration_lock

        with engine.connect() as conn:
            with migration_lock(conn):
                conn.commit()  # the advisory lock is the session's; let the migration begin afresh
                try:
                    return _upgrade(conn, engine, where, script_location, backup)
                finally:
                    if conn.in_transaction():
                        conn.rollback()
    with engine.connect() as conn:
        if script_location is None and _at_head(conn):
            return None
        return _upgrade(conn, engine, where, script_location, backup)


def _at_head(conn: Connection) -> bool:
    """True when the database is already at :data:`HEAD_REVISION` (nothing to migrate)."""
    try:
        rows = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    except Exception:  # no version table yet: a new database, migrated the long way
        conn.rollback()
        return False
    conn.rollback()
    return len(rows) == 1 and at_shipped_head(rows[0][0])


def _upgrade(conn: Connection, engine: Engine, where: str, script_location: Path | None, backup) -> str | None:
    from alembic import command
    from alembic.util.exc import CommandError

    script = script_directory(script_location)
    head = script.get_current_head()
    is_sqlite = engine.dialect.name == "sqlite"
    copy: str | None = None
    names = set(inspect(conn).get_table_names())
    current = current_revision(conn) if VERSION_TABLE in names else None
    app_id = conn.exec_driver_sql("PRAGMA application_id").scalar() if is_sqlite else None
    conn.rollback()
    if current is None and names - {VERSION_TABLE}:
        raise DatabaseProblem(
            f"{where.capitalize()} is not a Pathway Planner database; it was left untouched."
        )
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except CommandError:
            known = False
        if not known:
            raise DatabaseProblem(
                f"{where.capitalize()} was made by a newer version of Pathway Planner "
                f"(its records are in format '{current}'). Please install the newer version "
                "to open it; it was left untouched."
            )
    if current == head:
        return None
    if is_sqlite and app_id not in (0, APPLICATION_ID):  # pragma: no cover - checked before opening
        raise DatabaseProblem(f"{where.capitalize()} is not a Pathway Planner database.")
    if current is not None:
        reason = f"before-migration-{current}"
        if backup is None and is_sqlite:
            file = sqlite_file(engine.url)
            if file is not None:
                from .backup import make_backup

                def backup(reason: str, _file: Path = file):
                    return make_backup(_file, reason=reason)
        if backup is not None:
            copy = os.fspath(backup(reason))  # raises (BackupFailed): then nothing is migrated
    if is_sqlite and app_id == 0:
        # autocommit (no transaction is open): mark the file as ours first
        conn.connection.driver_connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    command.upgrade(alembic_config(conn, script_location), "head")
    if conn.in_transaction():
        conn.commit()
    return copy
