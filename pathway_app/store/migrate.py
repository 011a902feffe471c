"""Bring a database to the schema this app expects, with Alembic, safely.

- A database made by a newer version of the app (its revision is unknown here) is refused.
- A database holding tables but no Alembic revision belongs to someone else: refused.
- Before an existing database is migrated, it is copied by the copier the caller passes
  (:func:`pathway_app.store.open_store` passes :func:`.backup.make_backup` with reason
  ``before-migration-<oldrev>``: a checked backup with its manifest, kept in the rotation, and
  encrypted when the records are). If the copy cannot be made, nothing is migrated.
- On PostgreSQL, migrations run under an advisory lock (:func:`.pg.migration_lock`).
- A new SQLite database gets our ``application_id`` before anything else is written.

Alembic is configured in code (no ``alembic.ini``); ``migrations/env.py`` takes the connection
from ``config.attributes["connection"]`` and turns SQLite's foreign keys off around the
migration (batch mode would otherwise cascade-delete child rows).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect

from .. import paths
from ..errors import DatabaseProblem
from .engine import APPLICATION_ID

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

VERSION_TABLE = "alembic_version"

#: The newest revision in ``migrations/versions`` (a test keeps the two in step). Opening a
#: database already at this revision skips Alembic altogether, which keeps the app's start fast.
HEAD_REVISION = "0006"
_SHIPPED = paths.migrations_dir()


def at_shipped_head(revision: str | None) -> bool:
    """True when ``revision`` is the newest one of the migrations this app ships (and those are
    the migrations in use), so there is nothing to check or run."""
    return revision == HEAD_REVISION and paths.migrations_dir() == _SHIPPED


def alembic_config(connection: Connection | None = None, script_location: Path | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or paths.migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
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
    backup: Callable[[str], str | os.PathLike[str]] | None = None,
) -> str | None:
    """Migrate to head. Returns the path of the copy taken before migrating, or None.

    ``backup(reason)`` makes that copy of an existing database (one that has a revision) and
    returns its path; if it fails, nothing is migrated (its error is raised). Without it no
    copy is made (a server keeps its own backups). On PostgreSQL the whole
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


def would_upgrade(engine: Engine, where: str) -> None:
    """For records that can only be read: refuse (in plain words) a database that is not at
    the schema this app uses, since it cannot be brought up to date (or is newer)."""
    with engine.connect() as conn:
        if _at_head(conn):
            return
        names = set(inspect(conn).get_table_names())
        current = current_revision(conn) if VERSION_TABLE in names else None
        conn.rollback()
    newer = newer_than_app(current)
    if newer:
        raise DatabaseProblem(f"{where.capitalize()} was made by a newer version of Pathway Planner. {newer}")
    if current is None and names:
        raise DatabaseProblem(f"{where.capitalize()} is not a Pathway Planner database; it was left untouched.")
    raise DatabaseProblem(
        f"{where.capitalize()} can only be read here, and it is in an older format that this version of "
        "Pathway Planner would have to bring up to date first. Open it once where it can be changed "
        "(or copy it somewhere that can be written to); it was left untouched."
    )


def _at_head(conn: Connection) -> bool:
    """True when the database is already at :data:`HEAD_REVISION` (nothing to migrate)."""
    try:
        rows = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    except Exception:  # no version table yet: a new database, migrated the long way
        conn.rollback()
        return False
    conn.rollback()
    return len(rows) == 1 and at_shipped_head(rows[0][0])


def _upgrade(conn: Connection, engine: Engine, where: str, script_location: Path | None,
             backup: Callable[[str], str | os.PathLike[str]] | None) -> str | None:
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
    if current is not None and backup is not None:
        copy = os.fspath(backup(f"before-migration-{current}"))  # raises (BackupFailed): then nothing is migrated
    if is_sqlite and app_id == 0:
        # autocommit (no transaction is open): mark the file as ours first
        driver: Any = conn.connection.driver_connection
        driver.execute(f"PRAGMA application_id={APPLICATION_ID}")
    command.upgrade(alembic_config(conn, script_location), "head")
    if conn.in_transaction():
        conn.commit()
    return copy


# --------------------------------------------------------------------------- is it newer than the app?


def known_revisions(script_location: str | None = None) -> frozenset[str]:
    """Every revision in the migrations this app ships (or in ``script_location``)."""
    return _known_revisions(str(script_location or paths.migrations_dir()))


@lru_cache(maxsize=4)
def _known_revisions(script_location: str) -> frozenset[str]:
    script = script_directory(Path(script_location))
    return frozenset(r.revision for r in script.walk_revisions())


def newer_than_app(revision: str | None, script_location: str | None = None) -> str:
    """A sentence if ``revision`` is unknown to this version of the app (so newer), else ''."""
    if not revision:
        return ""
    if script_location is None and at_shipped_head(revision):
        return ""
    unknown = [r for r in revision.split(",") if r not in known_revisions(script_location)]
    if not unknown:
        return ""
    return (
        f"Its records are in format '{revision}', which this version of Pathway Planner does not "
        "know. Please install the newer version to open them."
    )
