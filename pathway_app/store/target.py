"""Where the records are, worked out once: a :class:`Target`.

Opening the records, checking, backing up, encrypting or restoring them all begin by turning
the address they were given (``--db`` URL, ``--data-dir``, or nothing: the user's data
folder) into one :class:`Target`, and hand that on. It says:

- which kind of records they are: a SQLite **file**, a database **in memory**, or a
  PostgreSQL **server**;
- for a file: its path, what is on disk (:class:`State`: none yet, plain SQLite, encrypted,
  an encryption that was interrupted, a key file with no records beside it …) and its size;
- whether the records can only be read, and why in plain words (opened read-only on purpose,
  a read-only file, a folder or disk that cannot be written to);
- the SQLAlchemy URL an engine opens (:meth:`Target.engine_url`, given the data key for
  encrypted records; the key is never kept here).

A Target is a snapshot: after something changes the file (it is created, encrypted, moved
aside), :meth:`Target.refreshed` looks again.

Read-only files are opened with SQLite's ``mode=ro`` (which holds for root too, unlike
``chmod``); where the folder cannot be written to either, SQLite could not make the
``-shm`` file a WAL database needs to be read, so such a file is also opened ``immutable``
(safe: nobody can change it there), unless a ``-wal`` with saved changes in it lies beside it.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from .. import paths
from ..errors import DatabaseProblem
from .keyfile import keyfile_path

SQLITE_HEADER = b"SQLite format 3\x00"


class Kind(enum.Enum):
    FILE = "file"
    MEMORY = "memory"
    SERVER = "server"


class State(enum.StrEnum):
    """What is on disk at a records file's path (the values are what older code compared with)."""

    NONE = "none"  # not a file: in memory, or on a server
    NEW = "new"  # no records file (or an empty one) and no key file
    PLAIN = "plain"  # an unencrypted SQLite database, no key file
    ENCRYPTED = "encrypted"  # a key file, and a records file that is not plain SQLite
    INTERRUPTED = "interrupted"  # a key file beside a PLAIN database: an encryption stopped before the swap
    KEYFILE_MISSING = "keyfile-missing"  # bytes that are not plain SQLite, and no key file
    KEY_ONLY = "key-only"  # a key file, but the records file beside it is missing or empty


def parse_url(url: str | URL) -> URL:
    """A SQLAlchemy URL, or a :class:`DatabaseProblem` saying the address is not understood."""
    try:
        return make_url(url) if isinstance(url, str) else url
    except sa_exc.ArgumentError:
        raise DatabaseProblem(f"'{url}' is not a database address Pathway Planner understands.") from None


def file_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except OSError:
        return b""


@dataclass(frozen=True)
class Target:
    """Where the records are and what they are (see the module notes)."""

    kind: Kind
    url: URL  # the address as given, as SQLAlchemy reads it (a file's is rebuilt: no driver, no key)
    path: Path | None = None  # the SQLite file (None in memory and on a server)
    state: State = State.NONE
    size: int = 0  # bytes in the file (0 when there is none)
    exists: bool = False
    has_key: bool = False  # a key file sits beside the file
    read_only: bool = False
    read_only_reason: str = ""  # why, in plain words ("" when it can be changed)
    asked_read_only: bool = False  # the address itself said read-only (``mode=ro``)
    default_folder: bool = False  # the user's own data folder (made, owner-only, when missing)

    # ------------------------------------------------------------------ what it is

    @property
    def is_file(self) -> bool:
        return self.kind is Kind.FILE

    @property
    def is_server(self) -> bool:
        return self.kind is Kind.SERVER

    @property
    def encrypted(self) -> bool:
        """The records file is encrypted (a key file beside a file that is not plain SQLite)."""
        return self.state is State.ENCRYPTED

    @property
    def keyfile(self) -> Path:
        return keyfile_path(self.file)

    @property
    def file(self) -> Path:
        """The records file; a :class:`DatabaseProblem` for records that are not in a file."""
        if self.path is None:
            if self.kind is Kind.SERVER:
                raise DatabaseProblem(
                    f"The records are on a database server ({self.url.get_backend_name()}), not in a file on "
                    "this computer. Use your server's backups (for example pg_dump, or your IT team's "
                    "backups); Pathway Planner's backup, restore, check and encrypt work on a SQLite "
                    "records file."
                )
            raise DatabaseProblem("An in-memory database has no file to back up, restore, check or encrypt.")
        return self.path

    def companion(self, suffix: str) -> Path:
        """``-wal``, ``-shm``, ``-journal``, ``.lock`` … beside the records file."""
        return self.file.with_name(self.file.name + suffix)

    @property
    def where(self) -> str:
        """How to name these records to a person."""
        if self.path is not None:
            return f"the database file {self.path}"
        return f"the database {self.url.render_as_string(hide_password=True)}"

    # ------------------------------------------------------------------ opening it

    def engine_url(self, data_key: bytes | None = None) -> URL:
        """The URL an engine opens; with ``data_key``, the SQLCipher one (raw key, no key derivation)."""
        if self.path is None:
            return self.url
        if self.read_only:
            uri = f"file:{quote(os.fspath(self.path.resolve()))}?mode=ro"
            if self.quiet_read:  # nothing is left beside it (a folder that cannot be written to, a file not in use)
                uri += "&immutable=1"
            url = URL.create("sqlite", database=uri, query={"uri": "true"})
        else:
            url = URL.create("sqlite", database=os.fspath(self.path))
        if data_key is not None:
            if len(data_key) != 32:
                raise ValueError("a data key is 32 bytes")
            url = url.set(drivername="sqlite+pysqlcipher", password=f"x'{data_key.hex()}'")
        return url

    @property
    def immutable(self) -> bool:
        """Open read-only as ``immutable``: nothing can change the file where it is (see the notes)."""
        if not self.read_only or self.path is None:
            return False
        folder_locked = not _writable(self.path.parent)
        wal = self.companion("-wal")
        return folder_locked and not (wal.exists() and wal.stat().st_size > 0)

    @property
    def quiet_read(self) -> bool:
        """Check the file as ``immutable``, so that SQLite leaves no ``-wal``/``-shm`` beside it.

        Besides :attr:`immutable` records: a database in WAL mode with no ``-wal`` file beside
        it (nobody has it open; a writer who starts meanwhile writes to a new ``-wal``, not to
        the file being read). Encrypted files do not show their mode; the app keeps them in WAL.
        """
        if self.immutable:
            return True
        if self.path is None or self.companion("-wal").exists():
            return False
        if self.state is State.ENCRYPTED:
            return True
        try:
            with open(self.path, "rb") as fh:
                header = fh.read(20)
        except OSError:
            return False
        return header.startswith(SQLITE_HEADER) and header[18:20] == b"\x02\x02"

    def refreshed(self) -> Target:
        """The same address looked at again (after the file was made, encrypted or moved)."""
        if self.path is None:
            return self
        return replace(self, **_disk_facts(self.path, self.asked_read_only))


def resolve(url: str | URL | None = None, data_dir: str | os.PathLike[str] | None = None) -> Target:
    """The :class:`Target` for an address (``None``: ``pathway.db`` in ``data_dir`` or the user's
    data folder). Nothing is created or changed (but the user's own data folder, made on first use)."""
    if url is None:
        path = paths.default_db_path(Path(data_dir) if data_dir else None)
        return resolve_file(path, default_folder=True)
    u = parse_url(url)
    backend = u.get_backend_name()
    if backend == "postgresql":
        return Target(Kind.SERVER, u)
    if backend != "sqlite":
        raise DatabaseProblem(
            f"'{u.render_as_string(hide_password=True)}' is not a database Pathway Planner can use: give a "
            "SQLite file or a PostgreSQL server."
        )
    db = u.database or ""
    if not db or db == ":memory:" or u.query.get("mode") == "memory":
        return Target(Kind.MEMORY, u)
    if db.startswith("file:"):
        name, _, query = db[len("file:"):].partition("?")
        options = {**{k: str(v) for k, v in u.query.items()}, **dict(parse_qsl(query))}
        if options.get("mode") == "memory" or unquote(name) in ("", ":memory:"):
            return Target(Kind.MEMORY, u)
        return resolve_file(Path(unquote(name)), read_only=options.get("mode") == "ro")
    return resolve_file(Path(db))


def resolve_file(path: str | os.PathLike[str], *, read_only: bool = False, default_folder: bool = False) -> Target:
    """The :class:`Target` for a SQLite records file at ``path``."""
    p = Path(path)
    return Target(Kind.FILE, URL.create("sqlite", database=os.fspath(p)), p, asked_read_only=read_only,
                  default_folder=default_folder, **_disk_facts(p, read_only))


def as_target(where: Target | str | os.PathLike[str]) -> Target:
    """``where`` itself, or the :class:`Target` of the records file at that path."""
    return where if isinstance(where, Target) else resolve_file(where)


def encryption_state(db_path: str | os.PathLike[str]) -> State:
    """What is on disk at ``db_path`` (see :class:`State`)."""
    return resolve_file(db_path).state


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite URL that names one plainly (not a ``file:`` URI), else None."""
    u = parse_url(url)
    db = u.database or ""
    if u.get_backend_name() != "sqlite" or db.startswith("file:"):
        return None
    t = resolve(u)
    return t.path


# --------------------------------------------------------------------------- looking at the disk


def _writable(path: Path) -> bool:
    """Can this process change ``path``? (``access`` also answers for a read-only disk.)"""
    return os.access(path, os.W_OK)


def _disk_facts(p: Path, asked_read_only: bool) -> dict[str, Any]:
    try:
        st = p.stat()
        exists, size = True, st.st_size
    except OSError:
        exists, size = False, 0
    has_key = keyfile_path(p).exists()
    header = file_header(p) if exists and size > 0 else b""
    if not exists or size == 0:
        state = State.KEY_ONLY if has_key else State.NEW
    elif header == SQLITE_HEADER:
        state = State.INTERRUPTED if has_key else State.PLAIN
    else:
        state = State.ENCRYPTED if has_key else State.KEYFILE_MISSING
    reason = ""
    if asked_read_only:
        reason = "they were opened read-only, to look at"
    elif p.parent.is_dir() and not _writable(p.parent):
        reason = f"the folder {p.parent} cannot be written to"
    elif exists and not _writable(p):
        reason = f"the file {p.name} can only be read"
    return {
        "state": state,
        "size": size,
        "exists": exists,
        "has_key": has_key,
        "read_only": bool(reason),
        "read_only_reason": reason,
    }
