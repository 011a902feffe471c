"""Engines, SQLite settings, checks on a database file before we touch it, and plain-words errors.

SQLite settings (see ``shared/design/reliability.md``):

- foreign keys ON in the ``connect`` event with a plain cursor (the pragma is ignored inside a
  transaction, and SQLAlchemy's ``autocommit`` recipe fails on Python 3.11);
- the DBAPI connection in autocommit (``isolation_level = None``) and the transaction begun by
  us in the ``begin`` event: ``BEGIN IMMEDIATE`` for writes (take the write lock up front, so a
  read-then-write never fails half way with "database is locked"), plain ``BEGIN`` for reads;
- WAL with ``synchronous=FULL``; a busy timeout so a second writer waits instead of failing.

Before an existing SQLite file is opened through the engine (which would switch it to WAL and
so change it), :func:`check_sqlite_file` makes sure it is ours: our ``application_id``, or an
empty database. Anything else is refused and left byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from ..errors import DatabaseProblem

#: ``PRAGMA application_id`` of a Pathway Planner database: "PWPL".
APPLICATION_ID = 0x5057504C
BUSY_TIMEOUT_S = 5.0
CACHE_KIB = 32 * 1024  # page cache per connection
WRITE = "pathway_write"  # execution option: this connection's transaction will write


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None (another database, or in memory)."""
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:") or url.query.get("mode") == "memory":
        return None
    return Path(db)


def describe(url: URL) -> str:
    """How to name this database to a person."""
    f = sqlite_file(url)
    if f is None and url.get_backend_name() == "sqlite" and (url.database or "").startswith("file:"):
        f = Path(url.database[5:].split("?", 1)[0])  # a URI filename, e.g. opened read-only
    return f"the database file {f}" if f is not None else f"the database {url.render_as_string(hide_password=True)}"


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    kwargs: dict = {"connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}}
    if sqlite_file(url) is None:
        kwargs["poolclass"] = StaticPool  # one shared in-memory database
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no branch
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see the begin event)
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # keep the caseload's pages in memory
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get(WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


# --------------------------------------------------------------------------- checking a file


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not one of our databases, without changing it.

    An empty file, or an empty database with no tables, may be initialised; a database
    carrying our application id is checked for damage (``PRAGMA quick_check``).
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file.")
    not_ours = (
        f"{path} is not a Pathway Planner database; it was left untouched. "
        "Choose another file, or a new file name to start a new database."
    )
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseProblem(f"{path} could not be read ({exc.strerror}).") from None
    if header != b"SQLite format 3\x00":
        raise DatabaseProblem(not_ours)
    try:
        con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise translate_error(exc, f"the database file {path}") from None
    try:
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                tables = con.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')"
                ).fetchone()[0]
                if app_id != 0 or tables:
                    raise DatabaseProblem(not_ours)
                return
            result = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise DatabaseProblem(
                    f"{path} is damaged or is not a Pathway Planner database; it was left untouched. "
                    "Restore it from a backup."
                ) from None
            raise translate_error(exc, f"the database file {path}") from None
        if result != ["ok"]:
            raise DatabaseProblem(
                f"{path} is damaged ({result[0]}). It was left as it is; restore it from a backup."
            )
    finally:
        con.close()


def backup_sqlite(src: Path, dest: Path) -> None:
    """Copy a live SQLite database with the backup API (safe with WAL, unlike a file copy)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    s = sqlite3.connect(str(src), timeout=BUSY_TIMEOUT_S)
    try:
        d = sqlite3.connect(str(dest))
        try:
            s.backup(d)
        finally:
            d.close()
    finally:
        s.close()


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


def parse_url(url: str | URL) -> URL:
    try:
        return make_url(url) if isinstance(url, str) else url
    except sa_exc.ArgumentError:
        raise DatabaseProblem(f"'{url}' is not a database address Pathway Planner understands.") from None
