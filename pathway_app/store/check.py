"""Is this file our records, safe to open? Tell damaged, wrong and foreign files apart.

:func:`check_database` never changes the file (it reads the header bytes, then opens it with
``mode=ro``) and returns a :class:`CheckResult` with a plain message. Kinds:

==============  =====  ==========================================================
kind            ok     what happens on open (:func:`guard_open`)
==============  =====  ==========================================================
``good``        yes    opened
``missing``     yes    a new database is made
``blank``       yes    an SQLite file with no tables yet: it is set up
``encrypted``   yes    left to the encrypted opener (a key file sits beside it)
``empty``       no     0 bytes: moved aside, newest good backup offered
``truncated``   no     cut short: moved aside, newest good backup offered
``damaged``     no     ``quick_check`` fails: moved aside, newest good backup offered
``not_database`` no    random bytes: moved aside, newest good backup offered
``text_file``   no     a CSV or other text renamed .db: moved aside, backup offered
``foreign``     no     another program's SQLite database: refused, NEVER moved or changed
``newer``       no     ours, from a newer version of the app: refused, never changed
``unreadable``  no     no permission / a folder / I/O error: refused, never changed
==============  =====  ==========================================================

A zero-length file would open as a valid empty database, and byte flips often leave
``count(*)`` working, so neither is trusted: the first is reported, the second is caught by
``PRAGMA quick_check`` (0.06 s for 64 MB).

"Moved aside" means renamed to ``<stem>.damaged-<UTC time><suffix>`` in the same folder, with
its ``-wal``/``-shm``/``-journal`` companions: never overwritten, never deleted.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import DatabaseProblem
from . import backup as _backup
from . import sqlitefile as _file
from .engine import APPLICATION_ID
from .migrate import newer_than_app
from .sqlitefile import move_aside

SQLITE_MAGIC = b"SQLite format 3\x00"

OK_KINDS = frozenset({"good", "missing", "blank", "encrypted"})
MOVE_ASIDE_KINDS = frozenset({"empty", "truncated", "damaged", "not_database", "text_file"})
REFUSE_KINDS = frozenset({"foreign", "newer", "unreadable"})


@dataclass
class CheckResult:
    ok: bool
    kind: str
    message: str
    newest_good_backup: Path | None = None
    path: Path | None = None
    details: list[str] = field(default_factory=list)
    schema_revision: str | None = None

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "kind": self.kind,
            "message": self.message,
            "path": str(self.path) if self.path else None,
            "newest_good_backup": str(self.newest_good_backup) if self.newest_good_backup else None,
            "schema_revision": self.schema_revision,
            "details": self.details,
        }


class DatabaseRefused(DatabaseProblem):
    """Not opened and left exactly as it was (foreign, newer, unreadable)."""

    def __init__(self, result: CheckResult):
        super().__init__(result.message)
        self.result = result


class DatabaseMovedAside(DatabaseProblem):
    """A damaged records file was renamed out of the way; a backup can be restored."""

    def __init__(self, result: CheckResult, moved_to: Path):
        self.result = result
        self.moved_to = moved_to
        self.newest_good_backup = result.newest_good_backup
        offer = (
            f" The newest good backup is {result.newest_good_backup.name} "
            f"(made {_when(result.newest_good_backup)}); you can restore it."
            if result.newest_good_backup
            else " No good backup was found; if you have a copy elsewhere, restore that."
        )
        super().__init__(
            f"{result.message} It has been moved aside to {moved_to.name} (nothing was deleted)."
            + offer
        )


def _when(b: Path) -> str:
    t = _backup.backup_time(b)
    return t.astimezone().strftime("%d %B %Y at %H:%M") if t else "at an unknown time"


# --------------------------------------------------------------------------- what we know


# --------------------------------------------------------------------------- checking


def _looks_like_text(head: bytes) -> bool:
    """Mostly printable UTF-8 (or an 8-bit text encoding) with no NUL bytes."""
    if not head or b"\x00" in head:
        return False
    text = head.decode("utf-8", "replace")
    if text.count("\ufffd") > max(2, len(text) // 50):  # a few: a cut character or cp1252 accents
        return False
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return printable >= 0.95 * len(text)


def _header_app_id(header: bytes) -> int | None:
    if len(header) < 72:
        return None
    return int.from_bytes(header[68:72], "big")


def check_database(
    path: str | os.PathLike[str],
    *,
    backups_dir: str | os.PathLike[str] | None = None,
    script_location: str | None = None,
    offer_backup: bool = True,
) -> CheckResult:
    """Classify the file at ``path`` without changing it (see the module's table)."""
    p = Path(path)
    r = _classify(p, script_location)
    r.path = p
    if offer_backup and r.kind not in ("good", "blank", "encrypted"):
        r.newest_good_backup = _backup.newest_good_backup(p, backups_dir)
    return r


def _classify(p: Path, script_location: str | None) -> CheckResult:
    name = p.name
    try:
        st = p.stat()
    except FileNotFoundError:
        return CheckResult(True, "missing", f"There is no records file at {p} yet; a new, empty one will be made.")
    except OSError as exc:
        return CheckResult(False, "unreadable", f"The records file {p} could not be read ({exc.strerror}).")
    if p.is_dir():
        return CheckResult(False, "unreadable", f"{p} is a folder, not a records file.")
    from .keyfile import keyfile_path

    if keyfile_path(p).exists() and st.st_size > 0:
        return CheckResult(True, "encrypted", f"{name} is an encrypted records file; it is checked when it is unlocked.")
    if st.st_size == 0:
        return CheckResult(
            False,
            "empty",
            f"The records file {name} is empty (0 bytes): whatever it held is not in it any more.",
        )
    try:
        with open(p, "rb") as fh:
            header = fh.read(100)
            head = header + fh.read(4096 - len(header))
    except OSError as exc:
        return CheckResult(False, "unreadable", f"The records file {p} could not be read ({exc.strerror}).")
    if not header.startswith(SQLITE_MAGIC):
        if SQLITE_MAGIC.startswith(header) or (len(header) < 100 and header.startswith(SQLITE_MAGIC[:6])):
            return _truncated(name, f"only {st.st_size} bytes are left")
        if _looks_like_text(head):
            first = head.split(b"\n", 1)[0][:60].decode("utf-8", "replace")
            kind_of = "a spreadsheet (CSV) file" if ("," in first or ";" in first or "\t" in first) else "a text file"
            return CheckResult(
                False,
                "text_file",
                f"{name} is not a records database: it is {kind_of} (it starts \"{first}\"). "
                "It may have been renamed or saved over by mistake.",
            )
        return CheckResult(
            False,
            "not_database",
            f"{name} is not a records database that Pathway Planner can read: its contents are "
            "unrecognisable (damaged, or a different kind of file). If it is an encrypted database, "
            f"its key file {name}.key is missing.",
        )
    if len(header) < 100:
        return _truncated(name, f"only {st.st_size} bytes are left")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    n_pages = int.from_bytes(header[28:32], "big")
    size_valid = n_pages > 0 and header[92:96] == header[24:28]
    has_wal = p.with_name(name + "-wal").exists()
    if not has_wal and page_size >= 512:
        if size_valid and st.st_size < page_size * n_pages:
            return _truncated(name, f"{st.st_size:,} of {page_size * n_pages:,} bytes are left")
        if st.st_size % page_size:
            return _truncated(name, f"it ends part-way through a page ({st.st_size:,} bytes)")
    hdr_id = _header_app_id(header)
    ours = APPLICATION_ID
    try:
        conn = _file.connect_ro(p)
    except sqlite3.Error as exc:
        return CheckResult(False, "unreadable", f"The records file {p} could not be opened ({exc}).")
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = _file.user_tables(conn)
        except sqlite3.DatabaseError as exc:
            if hdr_id not in (0, ours, None):
                return _foreign(name)
            return _damaged(name, str(exc))
        revision = _file.schema_revision(conn) if "alembic_version" in tables else None
        if app_id != ours:
            if app_id == 0 and not tables:
                return CheckResult(True, "blank", f"{name} is an empty database; it will be set up.")
            if not (app_id == 0 and revision and "plans" in tables):
                return _foreign(name, tables)
        newer = newer_than_app(revision, script_location)
        if newer:
            return CheckResult(False, "newer", f"{name} was made by a newer version of Pathway Planner. {newer}",
                               schema_revision=revision)
        try:
            problems = _file.quick_check(conn)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems:
            r = _damaged(name, problems[0])
            r.details = problems[:20]
            r.schema_revision = revision
            return r
        return CheckResult(True, "good", f"{name} is a sound Pathway Planner records file.", schema_revision=revision)
    except sqlite3.OperationalError as exc:
        return CheckResult(False, "unreadable", f"The records file {p} could not be read ({exc}).")
    finally:
        conn.close()


def _truncated(name: str, detail: str) -> CheckResult:
    return CheckResult(
        False,
        "truncated",
        f"The records file {name} has been cut short ({detail}); records in the missing part are lost from it.",
    )


def _damaged(name: str, detail: str) -> CheckResult:
    return CheckResult(
        False,
        "damaged",
        f"The records file {name} is damaged (SQLite reports: {detail}). It must not be used as it is.",
        details=[detail],
    )


def _foreign(name: str, tables: list[str] | None = None) -> CheckResult:
    some = f" (it holds tables such as {', '.join(tables[:3])})" if tables else ""
    return CheckResult(
        False,
        "foreign",
        f"{name} is not a Pathway Planner database; it was left untouched, exactly as it was. "
        f"It is a database made by another program{some}. Choose your Pathway Planner records "
        "file, or a new file name.",
    )


def check_encrypted(
    path: str | os.PathLike[str],
    data_key: bytes,
    *,
    backups_dir: str | os.PathLike[str] | None = None,
    script_location: str | None = None,
) -> CheckResult:
    """Check an encrypted records file from the inside, without changing it.

    ``data_key`` is the key unlocked from the key file (so the passphrase is known to be right):
    every page's authentication code (``cipher_integrity_check``), ``quick_check``, our
    application id and the schema revision. Kinds as :func:`check_database` (``good``,
    ``damaged``, ``foreign``, ``newer``, ``unreadable``).
    """
    p = Path(path)
    name = p.name
    if not p.exists() or p.stat().st_size == 0:
        r = CheckResult(True, "missing", f"There is no records file at {p} yet; a new, empty one will be made.")
        r.path = p
        return r
    errors = _file.DB_ERROR
    try:
        conn = _file.raw_connect_ro(p, data_key)
    except errors as exc:
        r = CheckResult(False, "unreadable", f"The records file {p} could not be opened ({exc}).")
        r.path = p
        return r
    try:
        try:
            problems = [str(x[0]) for x in conn.execute("PRAGMA cipher_integrity_check")]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = _file.user_tables(conn)
            if not problems:
                problems = _file.quick_check(conn)
        except errors as exc:
            r = _damaged(name, str(exc))
        else:
            revision = _file.schema_revision(conn) if "alembic_version" in tables else None
            newer = newer_than_app(revision, script_location)
            if problems:
                r = _damaged(name, problems[0])
                r.details = problems[:20]
            elif app_id != APPLICATION_ID and tables:
                r = _foreign(name, tables)
            elif newer:
                r = CheckResult(False, "newer", f"{name} was made by a newer version of Pathway Planner. {newer}",
                                schema_revision=revision)
            else:
                r = CheckResult(True, "good", f"{name} is a sound, encrypted Pathway Planner records file.",
                                schema_revision=revision)
            r.schema_revision = revision
    finally:
        conn.close()
    r.path = p
    if not r.ok:
        r.newest_good_backup = _backup.newest_good_backup(p, backups_dir, data_key=data_key)
    return r


# --------------------------------------------------------------------------- on open


def guard_open(
    path: str | os.PathLike[str],
    *,
    backups_dir: str | os.PathLike[str] | None = None,
    script_location: str | None = None,
) -> CheckResult:
    """Run before any connection touches the file. Returns the result when it may be opened.

    Raises :class:`DatabaseRefused` (foreign, newer, unreadable: the file is left exactly as
    it was) or :class:`DatabaseMovedAside` (damaged kinds: the file was renamed aside and
    ``exc.newest_good_backup`` can be offered for :func:`~.backup.restore_backup`).
    """
    r = check_database(path, backups_dir=backups_dir, script_location=script_location)
    if r.ok:
        return r
    if r.kind in MOVE_ASIDE_KINDS:
        moved = move_aside(path)
        raise DatabaseMovedAside(r, moved)
    raise DatabaseRefused(r)


def sqlite_path_for(url: str | None, data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file for ``--db``/``--data-dir``; a server URL gets a plain refusal.

    File-level safety (backup, restore, check) needs the file itself; a database server has
    its own backups, which are the right tool there.
    """
    from .. import paths

    if not url:
        return paths.default_db_path(Path(data_dir) if data_dir else None)
    from .engine import parse_url

    u = parse_url(url)
    if u.get_backend_name() != "sqlite":
        raise DatabaseProblem(
            f"The records are on a database server ({u.get_backend_name()}), not in a file on this "
            "computer. Use your server's backups (for example pg_dump, or your IT team's backups); "
            "Pathway Planner's backup, restore and check work on a SQLite records file."
        )
    db = u.database or ""
    if not db or db == ":memory:" or u.query.get("mode") == "memory":
        raise DatabaseProblem("An in-memory database has no file to back up, restore or check.")
    if db.startswith("file:"):
        from urllib.parse import unquote

        db = unquote(db[len("file:"):].split("?", 1)[0])
    return Path(db)
