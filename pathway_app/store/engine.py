"""Engines (SQLite, SQLCipher, PostgreSQL) for a :class:`~.target.Target`, and plain-words errors.

SQLite settings (see ``shared/design/reliability.md``):

- foreign keys ON in the ``connect`` event with a plain cursor (the pragma is ignored inside a
  transaction, and SQLAlchemy's ``autocommit`` recipe fails on Python 3.11);
- the DBAPI connection in autocommit (``isolation_level = None``) and the transaction begun by
  us in the ``begin`` event: ``BEGIN IMMEDIATE`` for writes (take the write lock up front, so a
  read-then-write never fails half way with "database is locked"), plain ``BEGIN`` for reads;
- WAL with ``synchronous=FULL``; a busy timeout so a second writer waits instead of failing;
- records that can only be read (:attr:`.target.Target.read_only`) are opened ``mode=ro`` and
  their journal mode is left alone.

Before an existing SQLite file is opened through an engine (which would switch it to WAL and
so change it), :func:`.check.guard_open` makes sure it is ours and sound.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.pool import StaticPool

from ..errors import DatabaseProblem
from .target import Target, parse_url, sqlite_file  # noqa: F401 - parse_url, sqlite_file: asked by ui.unlock

#: ``PRAGMA application_id`` of a Pathway Planner database: "PWPL".
APPLICATION_ID = 0x5057504C
BUSY_TIMEOUT_S = 5.0
CACHE_KIB = 32 * 1024  # page cache per connection
WRITE = "pathway_write"  # execution option: this connection's transaction will write


def make_engine(target: Target, data_key: bytes | None = None) -> Engine:
    """The engine for ``target``: a server's (:func:`.pg.team_engine`), or SQLite with the settings
    above; with ``data_key``, the encrypted file through SQLCipher (raw key: the passphrase was
    already stretched by Argon2id in :mod:`.crypto`)."""
    if target.is_server:
        from .pg import team_engine

        return team_engine(target.url)
    url = target.engine_url(data_key)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}}
    if target.path is None:
        kwargs["poolclass"] = StaticPool  # one shared in-memory database
    engine = create_engine(url, **kwargs)
    if data_key is not None:
        # first of the connect handlers: SQLCipher's own settings before any read (which would log)
        event.listen(engine, "connect", _cipher_settings)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:  # pragma: no branch
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see the begin event)
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            if not target.read_only:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # keep the caseload's pages in memory
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _cipher_settings(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA cipher_log_level = NONE")  # no "HMAC check failed" noise on stderr
        cur.execute("PRAGMA temp_store = MEMORY")  # sorts never spill personal data to /tmp
    finally:
        cur.close()


# --------------------------------------------------------------------------- errors in plain words


def translate_error(exc: BaseException, where: str) -> BaseException:
    """A :class:`DatabaseProblem` for errors a person can act on; ``exc`` itself otherwise."""
    if isinstance(exc, DatabaseProblem):
        return exc
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return DatabaseProblem(
            f"{where.capitalize()} is busy: another copy of Pathway Planner, or another program, "
            "is using it. Please wait a moment and try again."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return DatabaseProblem(
            f"{where.capitalize()} can only be read, not changed. Check that you have permission "
            "to change the file and its folder, and that the disk is not write-protected."
        )
    if "disk is full" in text or "database or disk is full" in text or "no space left" in text:
        return DatabaseProblem(
            "The disk is full, so nothing more could be saved. Free some space and try again; "
            "what was saved before is safe."
        )
    if "unable to open database" in text or "could not translate host" in text or "connection refused" in text:
        return DatabaseProblem(
            f"{where.capitalize()} could not be opened. Check that the folder exists, that you "
            "have permission to use it, and (for a server) that it is running."
        )
    if "disk i/o error" in text:  # e.g. a write failed: file size limit, removed or failing disk
        return DatabaseProblem(
            f"{where.capitalize()} could not be written to or read: the disk may be full, "
            "disconnected or failing. Nothing more was saved; free some space or check the disk "
            "and try again. What was saved before is safe."
        )
    if "not a database" in text or "malformed" in text:
        return DatabaseProblem(
            f"{where.capitalize()} is damaged or could not be read. Restore it from a backup."
        )
    return exc


@contextlib.contextmanager
def plain_errors(where: str) -> Iterator[None]:
    """Turn the database errors a person can act on into :class:`DatabaseProblem`."""
    try:
        yield
    except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error, OSError) as exc:
        new = translate_error(exc, where)
        if new is exc:
            raise
        raise new from exc
