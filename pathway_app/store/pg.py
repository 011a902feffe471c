"""Team mode: the records on a PostgreSQL server (psycopg 3) instead of a SQLite file.

- :func:`team_engine` — the engine for a ``postgresql+psycopg://`` URL: connections checked
  before use, named ``pathway-planner`` on the server (``pg_stat_activity``), a lock timeout so
  a stuck colleague makes a save fail in plain words instead of hanging the app, and a refusal
  to send young people's records over a network unencrypted (:func:`transport_problem`).
- :func:`migration_lock` — a session advisory lock held while migrations run, so two people
  starting the app on the day of an upgrade do not both migrate.
- :func:`create_database` / :func:`drop_database` — for tests and first set-up.

Everything else (save with the version check, the audit chain) is the same code as on SQLite;
on PostgreSQL the version check holds under READ COMMITTED because the ``UPDATE … WHERE
version = :v`` re-reads the row after waiting for the other writer's commit.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from ..errors import DatabaseProblem
from .target import parse_url

APPLICATION_NAME = "pathway-planner"
LOCK_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10
#: pg_advisory_lock key for migrations: "PWPL" (the SQLite application_id)
MIGRATION_LOCK_KEY = 0x5057504C
_LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}
_ENCRYPTED_SSLMODES = {"require", "verify-ca", "verify-full"}


def is_postgres(bind: Engine | Connection | URL | str) -> bool:
    if isinstance(bind, (Engine, Connection)):
        return bind.dialect.name == "postgresql"
    return parse_url(bind).get_backend_name() == "postgresql"


def transport_problem(url: URL | str) -> str | None:
    """Why connecting to ``url`` would send records unencrypted over a network, or None.

    A server on this computer (localhost, or a Unix socket path as host) is fine; anything else
    needs ``sslmode=require`` (better: ``verify-full`` with the server's certificate).
    """
    u = parse_url(url)
    host = (u.host or u.query.get("host") or "")
    if isinstance(host, tuple):  # pragma: no cover - several hosts given
        host = host[0]
    if host in _LOCAL_HOSTS or host.startswith("/"):
        return None
    if u.query.get("sslmode") in _ENCRYPTED_SSLMODES:
        return None
    return (
        f"The connection to the records server {host} would not be encrypted, so young people's "
        "records could be read on the network. Add ?sslmode=verify-full (or at least "
        "sslmode=require) to the database address, with your IT team's server certificate."
    )


def team_engine(url: URL | str, *, allow_unencrypted: bool = False, pool_size: int = 5) -> Engine:
    u = parse_url(url)
    if u.get_backend_name() != "postgresql":
        raise ValueError(f"not a PostgreSQL URL: {u.render_as_string(hide_password=True)}")
    if u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    problem = None if allow_unencrypted else transport_problem(u)
    if problem:
        raise DatabaseProblem(problem)
    return create_engine(
        u,
        pool_pre_ping=True,
        pool_size=pool_size,
        connect_args={
            "application_name": APPLICATION_NAME,
            "connect_timeout": CONNECT_TIMEOUT_S,
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c timezone=UTC",
        },
    )


@contextlib.contextmanager
def migration_lock(conn: Connection) -> Iterator[None]:
    """Hold the migration advisory lock (waits for another app that is migrating)."""
    conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
    try:
        yield
    finally:
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})


def server_version(bind: Engine | Connection) -> tuple[int, int]:
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return server_version(conn)
    num = int(bind.exec_driver_sql("SHOW server_version_num").scalar_one())
    return num // 10000, num % 10000


def _admin_engine(admin_url: URL | str) -> Engine:
    u = parse_url(admin_url)
    if u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    return create_engine(u, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name[0].isalpha():
        raise ValueError(f"unsafe database name {name!r}")
    return f'"{name}"'


def create_database(admin_url: URL | str, name: str) -> str:
    """Create database ``name`` on the server of ``admin_url``; returns its URL (password kept)."""
    eng = _admin_engine(admin_url)
    try:
        with eng.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {_ident(name)}")
    finally:
        eng.dispose()
    return parse_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: URL | str, name: str) -> None:
    """Drop database ``name``. ``WITH (FORCE)`` ends other sessions in it, but not the server's own
    (an autovacuum worker may be busy in a database that was just filled): wait for those."""
    import time

    from sqlalchemy import exc as sa_exc

    eng = _admin_engine(admin_url)
    try:
        for attempt in range(20):
            try:
                with eng.connect() as conn:
                    conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {_ident(name)} WITH (FORCE)")
                return
            except sa_exc.ProgrammingError as exc:
                if "pg_signal_backend" not in str(exc) or attempt == 19:
                    raise
                time.sleep(0.25)
    finally:
        eng.dispose()
