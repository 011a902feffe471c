"""The encrypted SQLite database (SQLCipher through SQLAlchemy's ``sqlite+pysqlcipher`` dialect).

- :func:`encrypted_engine` opens ``db_path`` with the raw 32-byte data key (``PRAGMA key =
  "x'…'"``, so SQLCipher's own PBKDF2 is skipped: the passphrase was already stretched by
  Argon2id in :mod:`.crypto`). The URL is built with ``URL.create(password=…)``, never by
  formatting a string; SQLAlchemy hides the password whenever the URL is printed. The engine
  gets exactly the SQLite settings of :func:`.engine.make_engine` (foreign keys, WAL,
  ``synchronous=FULL``, ``BEGIN IMMEDIATE`` for writes) plus SQLCipher's logging silenced and
  temporary tables kept in memory (so sorts never spill personal data to /tmp).
- :func:`open_encrypted` = unlock the key file + open + check. Because the key file proved the
  passphrase right, "file is not a database" now means the *database* is damaged: the person is
  told so (:class:`DatabaseDamaged`) instead of being asked for their passphrase again.
- :func:`encrypt_database` turns an existing plain database into an encrypted one in place.
- :func:`backup_encrypted` copies a live encrypted database (backup API, same key) — the copy
  is encrypted too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from ..fileio import make_private
from ..errors import DatabaseProblem, UserFacingError
from . import crypto
from .keyfile import KdfParams, fsync_dir, keyfile_path
from .sqlitefile import raw_connect

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseDamaged(DatabaseProblem):
    """The passphrase is right but the database file cannot be read: restore from a backup."""


# --------------------------------------------------------------------------- what is on disk


def file_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(16)
    except FileNotFoundError:
        return b""


def is_encrypted(db_path: str | os.PathLike[str]) -> bool:
    """True when a key file sits beside ``db_path`` and the file is not plain SQLite."""
    p = Path(db_path)
    return keyfile_path(p).exists() and file_header(p) != SQLITE_HEADER


def encryption_state(db_path: str | os.PathLike[str]) -> str:
    """One of:

    - ``"new"``: no database and no key file yet;
    - ``"plain"``: an unencrypted database (or empty file), no key file;
    - ``"encrypted"``: a key file, and a database that is not plain SQLite (or not made yet);
    - ``"interrupted"``: a key file beside a *plain* database — an encryption stopped before the
      swap; the plain database is complete, run :func:`encrypt_database` again;
    - ``"keyfile-missing"``: a non-empty file that is not plain SQLite and no key file.
    """
    p = Path(db_path)
    has_key = keyfile_path(p).exists()
    exists = p.exists() and p.stat().st_size > 0
    header = file_header(p) if exists else b""
    if not exists:
        return "encrypted" if has_key else "new"
    if header == SQLITE_HEADER:
        return "interrupted" if has_key else "plain"
    return "encrypted" if has_key else "keyfile-missing"


# --------------------------------------------------------------------------- engines


def cipher_url(db_path: str | os.PathLike[str], data_key: bytes) -> URL:
    if len(data_key) != crypto.DATA_KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    # x'<64 hex>' tells SQLCipher this is a raw key: no key derivation of its own.
    return URL.create("sqlite+pysqlcipher", password=f"x'{data_key.hex()}'", database=os.fspath(db_path))


def _cipher_settings(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA cipher_log_level = NONE")  # no "HMAC check failed" noise on stderr
        cur.execute("PRAGMA temp_store = MEMORY")
    finally:
        cur.close()


def encrypted_engine(db_path: str | os.PathLike[str], data_key: bytes) -> Engine:
    """An engine on the SQLCipher database at ``db_path`` (created on first write)."""
    from .engine import make_engine

    engine = make_engine(cipher_url(db_path, data_key))
    # insert=True: before make_engine's own connect handler, whose first read would log.
    event.listen(engine, "connect", _cipher_settings, insert=True)
    return engine


def integrity_problems(engine: Engine) -> list[str]:
    """SQLCipher's page check (HMAC of every page) and SQLite's quick_check; [] when sound."""
    out: list[str] = []
    for pragma in ("cipher_integrity_check", "quick_check"):
        try:
            with engine.connect() as conn:
                out += [str(r[0]) for r in conn.exec_driver_sql(f"PRAGMA {pragma}") if r[0] != "ok"]
        except sa_exc.DatabaseError as exc:
            out.append(f"{pragma}: {exc.orig}")
    return out


def open_encrypted(db_path: str | os.PathLike[str], passphrase: str) -> Engine:
    """Unlock the key file beside ``db_path`` and open the database; checks it can be read.

    Raises :class:`.crypto.WrongPassphrase` / :class:`.crypto.TryAgainLater` /
    :class:`.keyfile.KeyFileDamaged` / :class:`DatabaseDamaged`.
    """
    db_path = Path(db_path)
    data_key = crypto.unlock(keyfile_path(db_path), passphrase)
    engine = encrypted_engine(db_path, data_key)
    check_readable(engine, db_path)
    return engine


def check_readable(engine: Engine, db_path: Path) -> None:
    """First read with a key known to be right; damage is reported as :class:`DatabaseDamaged`."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            result = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except sa_exc.DatabaseError as exc:
        engine.dispose()
        text = str(exc.orig).lower()
        if "not a database" in text or "malformed" in text or "hmac" in text:
            raise DatabaseDamaged(_damaged(db_path)) from None
        raise
    if result != ["ok"]:
        engine.dispose()
        raise DatabaseDamaged(_damaged(db_path, result[0]))


def _damaged(db_path: Path, detail: str = "") -> str:
    more = f" ({detail})" if detail else ""
    return (
        f"Your passphrase is right, but the records file {db_path} is damaged{more} and cannot be "
        "read. It was left as it is. Restore it from a backup (the key file beside it still "
        "unlocks every backup)."
    )


def backup_encrypted(src: Engine | str | os.PathLike[str], dest: str | os.PathLike[str], data_key: bytes) -> None:
    """Copy a live encrypted database to ``dest`` with the backup API; the copy uses the same key."""
    Path(dest).parent.mkdir(parents=True, exist_ok=True)
    src_con = raw_connect(src, data_key) if not isinstance(src, Engine) else None
    dest_con = raw_connect(dest, data_key)
    try:
        if src_con is not None:
            src_con.backup(dest_con)
        else:
            with src.connect() as conn:  # type: ignore[union-attr]
                conn.connection.driver_connection.backup(dest_con)
    finally:
        dest_con.close()
        if src_con is not None:
            src_con.close()


# --------------------------------------------------------------------------- encrypting in place


@dataclass
class EncryptionReport:
    db_path: Path
    keyfile: Path
    tables: dict[str, int] = field(default_factory=dict)  # rows per table, checked before and after
    plain_copies_left: list[Path] = field(default_factory=list)  # older plain backups to deal with


def _table_fingerprints(con) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        h = hashlib.sha256()
        n = 0
        rows = con.execute(f'SELECT * FROM "{name.replace(chr(34), chr(34) * 2)}"').fetchall()
        for row in sorted(repr(r) for r in rows):
            h.update(row.encode("utf-8", "surrogatepass"))
            n += 1
        out[name] = (n, h.hexdigest())
    return out


def _db_meta(con) -> tuple[int, int]:
    return (con.execute("PRAGMA user_version").fetchone()[0], con.execute("PRAGMA application_id").fetchone()[0])


def _shred(path: Path) -> None:
    """Overwrite then delete. (On SSDs and copy-on-write filesystems the old blocks may survive;
    full-disk encryption is what protects those — see the report.)"""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            chunk = b"\0" * 65536
            left = size
            while left > 0:
                fh.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except FileNotFoundError:
        pass


def plain_copies(db_path: Path) -> list[Path]:
    """Unencrypted SQLite files in the database's folder and its ``backups/`` folder."""
    found = []
    for folder in (db_path.parent, db_path.parent / "backups"):
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            if f.is_file() and f != db_path and file_header(f) == SQLITE_HEADER:
                found.append(f)
    return found


def encrypt_database(plain_path: str | os.PathLike[str], passphrase: str, *,
                     params: KdfParams | None = None) -> EncryptionReport:
    """Encrypt the plain database at ``plain_path`` in place, locked with ``passphrase``.

    1. the plain file is checkpointed (no WAL left) and its tables fingerprinted;
    2. ``sqlcipher_export`` writes an encrypted copy beside it (``.encrypting``), which is
       checked (integrity, every table's rows, schema version, application id);
    3. the key file is written (durably) *before* the swap, so the encrypted file is never on
       disk without its key; the plain file is copied to ``.before-encryption``;
    4. the encrypted copy atomically replaces the plain file and is opened and checked again
       with the passphrase; only then is the plain copy overwritten and deleted. If the check
       fails the plain file is put back and the key file removed.

    The app must not have the database open (the records lock is taken).
    """
    from .lock import acquire

    db_path = Path(plain_path)
    state = encryption_state(db_path)
    kf_path = keyfile_path(db_path)
    if state == "encrypted":
        raise UserFacingError(f"{db_path} is already encrypted.")
    if state in ("new", "keyfile-missing"):
        raise UserFacingError(f"{db_path} is not a Pathway Planner database that can be encrypted.")
    crypto.check_new_passphrase(passphrase)
    tmp = db_path.with_name(db_path.name + ".encrypting")
    saved = db_path.with_name(db_path.name + ".before-encryption")
    with acquire(db_path):
        if state == "interrupted":  # an earlier run stopped before the swap: start again
            kf_path.unlink()
        for leftover in (tmp, saved):
            if leftover.exists():
                _shred(leftover)
        data_key = crypto.new_data_key()
        con = raw_connect(db_path, None)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm holding plain pages
            before = _table_fingerprints(con)
            meta = _db_meta(con)
            con.execute("ATTACH DATABASE ? AS enc KEY ?", (str(tmp), f"x'{data_key.hex()}'"))
            con.execute("SELECT sqlcipher_export('enc')")
            con.execute(f"PRAGMA enc.user_version = {int(meta[0])}")
            con.execute(f"PRAGMA enc.application_id = {int(meta[1])}")
            con.execute("DETACH DATABASE enc")
        finally:
            con.close()
        try:
            _verify_copy(tmp, data_key, before, meta)
        except BaseException:
            _shred(tmp)
            raise
        crypto.create_keyfile(kf_path, passphrase, params=params, data_key=data_key)
        shutil.copy2(db_path, saved)
        with open(saved, "rb+") as fh:
            os.fsync(fh.fileno())
        make_private(tmp, saved)
        os.replace(tmp, db_path)
        fsync_dir(db_path.parent)
        try:
            check_key = crypto.unlock(kf_path, passphrase)
            _verify_copy(db_path, check_key, before, meta)
        except BaseException:
            os.replace(saved, db_path)
            kf_path.unlink(missing_ok=True)
            fsync_dir(db_path.parent)
            raise
        _shred(saved)
        for side in ("-wal", "-shm", "-journal"):
            stale = db_path.with_name(db_path.name + side)
            if stale.exists():  # pragma: no cover - removed by journal_mode=DELETE
                _shred(stale)
    return EncryptionReport(db_path, kf_path, {k: v[0] for k, v in before.items()}, plain_copies(db_path))


def _verify_copy(path: Path, data_key: bytes, before: dict[str, Any], meta: tuple[int, int]) -> None:
    con = raw_connect(path, data_key)
    try:
        problems = [r[0] for r in con.execute("PRAGMA cipher_integrity_check")]
        ic = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if problems or ic != ["ok"]:
            raise DatabaseProblem(f"The encrypted copy failed its check ({(problems + ic)[0]}); "
                                  "the records were left unencrypted and unchanged.")
        if _table_fingerprints(con) != before or _db_meta(con) != meta:
            raise DatabaseProblem("The encrypted copy did not match the records; they were left "
                                  "unencrypted and unchanged.")
    finally:
        con.close()
