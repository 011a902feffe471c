"""A SQLite records file on disk, read without the app's models, and moved out of the way.

Only stdlib ``sqlite3`` (or, for encrypted records, ``sqlcipher3``, which has the same DBAPI) is
used here, never the app's models, so these work on any schema revision, old or new: the
checks before opening (:mod:`.check`), backups and restores (:mod:`.backup`) read files with
them.

- :func:`connect_ro` / :func:`open_ro` open a file read-only (``mode=ro``, which holds for root
  too, unlike ``chmod``); :func:`open_rw` read-write;
- :func:`user_tables`, :func:`schema_revision`, :func:`quick_check`, :func:`database_facts`
  (row counts and digests computed from the data) and :func:`file_sha256` describe a file;
- :func:`move_aside` renames a damaged file (with its ``-wal``/``-shm``/``-journal``) to
  ``<stem>.damaged-<UTC time><suffix>``: never overwritten, never deleted.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3

#: Errors of either driver (stdlib ``sqlite3`` for plain files, ``sqlcipher3`` for encrypted ones).
DB_ERROR: tuple[type[BaseException], ...] = (sqlite3.Error, sqlcipher3.dbapi2.Error)
DB_DATABASE_ERROR: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, sqlcipher3.dbapi2.DatabaseError)
DB_OPERATIONAL_ERROR: tuple[type[BaseException], ...] = (sqlite3.OperationalError, sqlcipher3.dbapi2.OperationalError)
COMPANIONS = ("-wal", "-shm", "-journal")


# --------------------------------------------------------------------------- reading a file


def _ro_uri(path: str | os.PathLike[str], immutable: bool) -> str:
    uri = f"file:{quote(os.fspath(Path(path).resolve()))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def connect_ro(path: str | os.PathLike[str], *, immutable: bool = False) -> sqlite3.Connection:
    """Open a SQLite file read-only (``mode=ro`` works for root too, unlike chmod). ``immutable``
    where nothing can change it (a read-only folder: see :attr:`.target.Target.immutable`)."""
    return sqlite3.connect(_ro_uri(path, immutable), uri=True, isolation_level=None)


def raw_connect(db_path: str | os.PathLike[str], data_key: bytes | None) -> Any:
    """A plain sqlcipher3 DBAPI connection (autocommit), keyed when ``data_key`` is given."""
    con = sqlcipher3.connect(os.fspath(db_path), isolation_level=None, timeout=5.0)
    con.execute("PRAGMA cipher_log_level = NONE")
    if data_key is not None:
        con.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    con.execute("PRAGMA temp_store = MEMORY")
    return con


def raw_connect_ro(db_path: str | os.PathLike[str], data_key: bytes, *, immutable: bool = False) -> Any:
    """A keyed sqlcipher3 connection that can only read (``mode=ro``, which holds for root too)."""
    con = sqlcipher3.connect(_ro_uri(db_path, immutable), uri=True, isolation_level=None, timeout=5.0)
    con.execute("PRAGMA cipher_log_level = NONE")
    con.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    con.execute("PRAGMA temp_store = MEMORY")
    return con


def open_ro(path: str | os.PathLike[str], data_key: bytes | None = None) -> Any:
    """Read-only connection: stdlib sqlite3, or a keyed sqlcipher3 one when ``data_key`` is given."""
    if data_key is None:
        return connect_ro(path)
    return raw_connect_ro(path, data_key)


def open_rw(path: str | os.PathLike[str], data_key: bytes | None = None) -> Any:
    """Read-write connection (autocommit), keyed when ``data_key`` is given."""
    if data_key is None:
        return sqlite3.connect(path, isolation_level=None)
    return raw_connect(path, data_key)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def schema_revision(conn: sqlite3.Connection) -> str | None:
    """The Alembic revision recorded in the file, or None if it has none."""
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except DB_OPERATIONAL_ERROR:
        return None
    if not rows:
        return None
    return ",".join(sorted(r[0] for r in rows))


def table_digest(conn: sqlite3.Connection, table: str) -> tuple[int, str]:
    """(row count, sha256 of every row) for one table, computed from the values.

    Rows are read in the table's own storage order (rowid, or the key for WITHOUT ROWID
    tables), which the backup API and a restore keep exactly; sorting by the text keys
    instead costs three times as long on a 64 MB database. Rows are hashed in chunks
    (``repr`` of a list of tuples: one C call per 5,000 rows).
    """
    h = hashlib.sha256()
    n = 0
    cur = conn.execute(f"SELECT * FROM {_q(table)}")
    h.update(repr([d[0] for d in cur.description]).encode())
    while True:
        rows = cur.fetchmany(5000)
        if not rows:
            break
        n += len(rows)
        h.update(repr(rows).encode("utf-8", "surrogatepass"))
    return n, h.hexdigest()


def database_facts(conn: Any) -> dict[str, Any]:
    """Row counts, digests, revision and application id of an open database."""
    counts: dict[str, int] = {}
    digests: dict[str, str] = {}
    whole = hashlib.sha256()
    for table in user_tables(conn):
        n, d = table_digest(conn, table)
        counts[table] = n
        digests[table] = d
        whole.update(f"{table}\0{n}\0{d}\n".encode())
    return {
        "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
        "schema_revision": schema_revision(conn),
        "row_counts": counts,
        "table_digests": digests,
        "content_digest": whole.hexdigest(),
    }


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check`` problems (empty when the file is sound)."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- moving a file aside


def move_aside(path: str | os.PathLike[str], *, now: datetime | None = None, label: str = "damaged") -> Path:
    """Rename ``path`` (and its -wal/-shm/-journal) out of the way; never overwrite anything."""
    p = Path(path)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    n = 0
    while True:
        extra = f"-{n}" if n else ""
        target = p.with_name(f"{p.stem}.{label}-{stamp}{extra}{p.suffix}")
        if not target.exists() and not any(target.with_name(target.name + c).exists() for c in COMPANIONS):
            break
        n += 1
    _rename_no_clobber(p, target)
    for c in COMPANIONS:
        comp = p.with_name(p.name + c)
        if comp.exists():
            _rename_no_clobber(comp, target.with_name(target.name + c))
    return target


def _rename_no_clobber(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)  # fails if dst exists: nothing is ever overwritten
    except OSError:
        if dst.exists():
            raise
        os.rename(src, dst)  # filesystems without hard links (FAT, some shares)
        return
    os.unlink(src)
