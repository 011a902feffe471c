"""Is this file our records, safe to open? Tell damaged, wrong and foreign files apart.

:func:`check_database` never changes the file (it reads the header bytes, then opens it with
``mode=ro``) and returns a :class:`CheckResult` with a plain message. Kinds:

==============  =====  ==========================================================
kind            ok     what happens on open (:func:`guard_open`)
==============  =====  ==========================================================
``good``        yes    opened
``missing``     yes    a new database is made (nothing shows records were ever kept here)
``lost``        no     no records file, but a key file or backups show records were kept
                       here: nothing is made in their place, newest good backup offered
``replaced``    no     no records file, but a damaged one was moved aside (no key file, no
                       backups): said so; a new, empty one is made (with a warning)
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

Records that can only be read (a read-only folder, file or disk) are checked without being
changed, like any other; a damaged one is then refused instead of moved aside.

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
from pathlib import Path
from typing import Any

from ..errors import DatabaseProblem
from . import backup as _backup
from . import sqlitefile as _file
from .engine import APPLICATION_ID
from .migrate import newer_than_app
from .sqlitefile import move_aside
from .target import SQLITE_HEADER as SQLITE_MAGIC
from .target import Target, as_target

OK_KINDS = frozenset({"good", "missing", "blank", "encrypted"})
MOVE_ASIDE_KINDS = frozenset({"empty", "truncated", "damaged", "not_database", "text_file"})
REFUSE_KINDS = frozenset({"foreign", "newer", "unreadable", "lost"})
NOTE_KINDS = frozenset({"replaced"})  # not sound, but opening goes ahead (and says so)


@dataclass
class CheckResult:
    ok: bool
    kind: str
    message: str
    newest_good_backup: Path | None = None
    path: Path | None = None
    details: list[str] = field(default_factory=list)
    schema_revision: str | None = None

    def as_dict(self) -> dict[str, Any]:
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

    def __init__(self, result: CheckResult, moved_to: Path | None):
        self.result = result
        self.moved_to = moved_to
        self.newest_good_backup = result.newest_good_backup
        moved = f" It has been moved aside to {moved_to.name} (nothing was deleted)." if moved_to else ""
        super().__init__(result.message + moved + _offer(result.newest_good_backup))


class RecordsMissing(DatabaseMovedAside):
    """No records file, where a key file, backups or a damaged file moved aside show there were
    records: nothing is made in their place. (A :class:`DatabaseMovedAside` without ``moved_to``,
    so the app offers ``newest_good_backup`` the same way.)"""

    def __init__(self, result: CheckResult):
        super().__init__(result, None)


def _offer(backup: Path | None) -> str:
    if backup is None:
        return " No good backup was found; if you have a copy elsewhere, restore that."
    return f" The newest good backup is {backup.name} (made {_when(backup)}); you can restore it."


def _when(b: Path) -> str:
    t = _backup.backup_time(b)
    return t.astimezone().strftime("%d %B %Y at %H:%M") if t else "at an unknown time"


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
    where: Target | str | os.PathLike[str],
    *,
    backups_dir: str | os.PathLike[str] | None = None,
    script_location: str | None = None,
    offer_backup: bool = True,
) -> CheckResult:
    """Classify the records file (a :class:`~.target.Target` or a path) without changing it
    (see the module's table)."""
    t = as_target(where)
    p = t.file
    r = _classify(t, script_location, backups_dir)
    r.path = p
    if offer_backup and r.kind not in ("good", "blank", "encrypted"):
        r.newest_good_backup = _backup.newest_good_backup(p, backups_dir)
    return r


def _classify(t: Target, script_location: str | None, backups_dir: str | os.PathLike[str] | None) -> CheckResult:
    p = t.file
    name = p.name
    try:
        st = p.stat()
    except FileNotFoundError:
        return _missing(t, backups_dir)
    except OSError as exc:
        return CheckResult(False, "unreadable", f"The records file {p} could not be read ({exc.strerror}).")
    if p.is_dir():
        return CheckResult(False, "unreadable", f"{p} is a folder, not a records file.")
    if t.has_key and st.st_size > 0:
        return CheckResult(True, "encrypted", f"{name} is an encrypted records file; it is checked when it is unlocked.")
    if st.st_size == 0:
        held = " (the encrypted records its key file unlocks)" if t.has_key else ""
        return CheckResult(
            False,
            "empty",
            f"The records file {name} is empty (0 bytes): whatever it held{held} is not in it any more.",
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
        conn = _file.connect_ro(p, immutable=t.quiet_read)
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
        newer = newer_than_app(revision, script_location)
        if app_id != ours:
            if app_id == 0 and not tables:
                return CheckResult(True, "blank", f"{name} is an empty database; it will be set up.")
            # ours from before the application id was set: a revision of ours and our plans table
            # (another Alembic program's database with a "plans" table is not ours, nor "newer")
            if not (app_id == 0 and revision and not newer and "plans" in tables):
                return _foreign(name, tables)
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


def _missing(t: Target, backups_dir: str | os.PathLike[str] | None) -> CheckResult:
    """No records file: new; lost (a key file or backups show there were records: nothing may be
    made in their place); or replaced (a damaged one was moved aside, and nothing else is left)."""
    p = t.file
    signs = []
    if t.has_key:
        signs.append(f"its key file {t.keyfile.name} is here (so encrypted records were in it)")
    kept = _backup.list_backups(p, backups_dir)
    if kept:
        signs.append(f"{len(kept)} backup{'s' if len(kept) != 1 else ''} of it {'are' if len(kept) != 1 else 'is'} kept")
    moved = moved_aside_files(p)
    moved_text = f"a damaged records file was moved aside to {moved[-1].name}" if moved else ""
    if signs:
        start_again = (
            f"remove the key file {t.keyfile.name}" if t.has_key else "move the backups folder out of this folder"
        )
        return CheckResult(
            False,
            "lost",
            f"The records file {p} is missing, but records were kept here before: "
            + "; ".join(signs + ([moved_text] if moved_text else [])) + ". "
            "Nothing new is made in their place. Restore a backup; or, only if these records are "
            f"not needed any more, {start_again} to start again with none.",
        )
    if moved:
        return CheckResult(
            False,
            "replaced",
            f"There is no records file at {p}: {moved_text}, and there is no backup of it. A new, "
            "empty one will be made when the records are next opened.",
        )
    return CheckResult(True, "missing", f"There is no records file at {p} yet; a new, empty one will be made.")


def moved_aside_files(path: Path) -> list[Path]:
    """Files :func:`.sqlitefile.move_aside` made of the records file at ``path``, oldest first."""
    try:
        found = sorted(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))
    except OSError:
        return []
    return [f for f in found if f.is_file()]


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
    where: Target | str | os.PathLike[str],
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
    t = as_target(where)
    p = t.file
    name = p.name
    if not t.exists or t.size == 0:
        return check_database(t, backups_dir=backups_dir, script_location=script_location)
    errors = _file.DB_ERROR
    try:
        conn = _file.raw_connect_ro(p, data_key, immutable=t.quiet_read)
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
    where: Target | str | os.PathLike[str],
    *,
    backups_dir: str | os.PathLike[str] | None = None,
    script_location: str | None = None,
) -> CheckResult:
    """Run before any connection touches the file. Returns the result when it may be opened.

    Raises :class:`DatabaseRefused` (foreign, newer, unreadable: the file is left exactly as
    it was), :class:`RecordsMissing` (lost: nothing is made in their place) or
    :class:`DatabaseMovedAside` (damaged kinds: the file was renamed aside and
    ``exc.newest_good_backup`` can be offered for :func:`~.backup.restore_backup`). Damaged
    records that can only be read are refused, not moved.
    """
    t = as_target(where)
    r = check_database(t, backups_dir=backups_dir, script_location=script_location)
    if r.ok or r.kind in NOTE_KINDS:
        return r
    if r.kind == "lost":
        raise RecordsMissing(r)
    if r.kind in MOVE_ASIDE_KINDS:
        if t.read_only:
            r.message += f" It could not be moved aside because {t.read_only_reason}; nothing was changed."
            raise DatabaseRefused(r)
        moved = move_aside(t.file)
        raise DatabaseMovedAside(r, moved)
    raise DatabaseRefused(r)


def guard_encrypted(t: Target, data_key: bytes, *, script_location: str | None = None) -> None:
    """Before an engine opens encrypted records (which would change them): refuse, untouched, a
    database made by a newer version of the app or by another program (:class:`DatabaseRefused`).

    Cheap (a few pages); damage is left to the engine's first read, which says so in plain words.
    """
    try:
        conn = _file.raw_connect_ro(t.file, data_key, immutable=t.quiet_read)
    except _file.DB_ERROR:
        return
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = _file.user_tables(conn)
        revision = _file.schema_revision(conn) if "alembic_version" in tables else None
    except _file.DB_ERROR:
        return
    finally:
        conn.close()
    name = t.file.name
    if app_id != APPLICATION_ID and tables:
        r = _foreign(name, tables)
    else:
        newer = newer_than_app(revision, script_location)
        if not newer:
            return
        r = CheckResult(False, "newer", f"{name} was made by a newer version of Pathway Planner. {newer}",
                        schema_revision=revision)
    r.path = t.file
    raise DatabaseRefused(r)

