"""Bring a database to the schema this app expects, with Alembic, safely.

- A database made by a newer version of the app (its revision is unknown here) is refused.
- A database holding tables but no Alembic revision belongs to someone else: refused.
- Before an existing SQLite database is migrated, it is copied with the backup API to
  ``<db folder>/backups/pre-migration-<oldrev>-<timestamp>.db``.
- A new SQLite database gets our ``application_id`` before anything else is written.

Alembic is configured in code (no ``alembic.ini``); ``migrations/env.py`` takes the connection
from ``config.attributes["connection"]`` and turns SQLite's foreign keys off around the
migration (batch mode would otherwise cascade-delete child rows).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, inspect

from .. import paths
from ..errors import DatabaseProblem
from .engine import APPLICATION_ID, sqlite_file

VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None, script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or paths.migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(script_location=script_location))


def head_revision(script_location: Path | None = None) -> str:
    head = script_directory(script_location).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, where: str, script_location: Path | None = None) -> str | None:
    """Migrate to head. Returns the path of the backup taken, or None."""
    script = script_directory(script_location)
    head = script.get_current_head()
    is_sqlite = engine.dialect.name == "sqlite"
    backup: str | None = None
    with engine.connect() as conn:
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
        if is_sqlite:
            if app_id not in (0, APPLICATION_ID):  # pragma: no cover - checked before opening
                raise DatabaseProblem(f"{where.capitalize()} is not a Pathway Planner database.")
            file = sqlite_file(engine.url)
            if current is not None and file is not None:
                stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
                dest = file.parent / "backups" / f"pre-migration-{current}-{stamp}.db"
                from .engine import backup_sqlite

                backup_sqlite(file, dest)
                backup = str(dest)
            if app_id == 0:
                # autocommit (no transaction is open): mark the file as ours first
                conn.connection.driver_connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        command.upgrade(alembic_config(conn, script_location), "head")
        if conn.in_transaction():
            conn.commit()
    return backup
