"""The encrypted SQLite database (SQLCipher through SQLAlchemy's ``sqlite+pysqlcipher`` dialect).

- :func:`.engine.make_engine` opens a file with the raw 32-byte data key (``PRAGMA key =
  "x'…'"``, so SQLCipher's own PBKDF2 is skipped: the passphrase was already stretched by
  Argon2id in :mod:`.crypto`), with the SQLite settings of every engine plus SQLCipher's logging
  silenced and temporary tables kept in memory.
- :func:`open_encrypted` = unlock the key file + open + check. Because the key file proved the
  passphrase right, "file is not a database" now means the *database* is damaged: the person is
  told so (:class:`DatabaseDamaged`) instead of being asked for their passphrase again.
- :func:`encrypt_database` turns an existing plain database into an encrypted one in place,
  crash-safe end to end: whenever it is stopped, the records are either the complete plain file
  or the complete encrypted one, and an unencrypted copy it leaves behind
  (:func:`plain_leftovers`) is overwritten and removed the next time the records are opened
  or encrypted (:func:`remove_leftovers`); ``check`` reports it meanwhile.
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

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from ..errors import DatabaseProblem, UserFacingError
from ..fileio import fsync_dir, make_private
from . import crypto
from .engine import make_engine
from .keyfile import KdfParams
from .sqlitefile import COMPANIONS, raw_connect
from .target import SQLITE_HEADER, State, Target, file_header, resolve_file

ENCRYPTING = ".encrypting"  # the encrypted copy while it is made
BEFORE = ".before-encryption"  # the plain file's second name until the encrypted one is checked


class DatabaseDamaged(DatabaseProblem):
    """The passphrase is right but the database file cannot be read: restore from a backup."""


# --------------------------------------------------------------------------- engines


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
    target = resolve_file(db_path)
    engine = make_engine(target, crypto.unlock(target.keyfile, passphrase))
    check_readable(engine, target.file)
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
    dest_con = raw_connect(dest, data_key)
    try:
        if isinstance(src, Engine):
            with src.connect() as conn:
                driver: Any = conn.connection.driver_connection
                driver.backup(dest_con)
        else:
            src_con = raw_connect(src, data_key)
            try:
                src_con.backup(dest_con)
            finally:
                src_con.close()
    finally:
        dest_con.close()


# --------------------------------------------------------------------------- encrypting in place


@dataclass
class EncryptionReport:
    db_path: Path
    keyfile: Path
    tables: dict[str, int] = field(default_factory=dict)  # rows per table, checked before and after
    plain_copies_left: list[Path] = field(default_factory=list)  # older plain backups to deal with
    #: unencrypted copies an interrupted encryption had left, overwritten and removed now
    removed: list[Path] = field(default_factory=list)
    #: the records were already encrypted: this run only cleared up after an interrupted one
    already: bool = False


def _table_fingerprints(con: Any) -> dict[str, tuple[int, str]]:
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


def _db_meta(con: Any) -> tuple[int, int]:
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


def _leftover_paths(target: Target) -> tuple[Path, list[Path]]:
    """(the plain file's second name, the half-made encrypted copy and its journal)."""
    db = target.file
    tmp = db.with_name(db.name + ENCRYPTING)
    return db.with_name(db.name + BEFORE), [tmp] + [tmp.with_name(tmp.name + c) for c in COMPANIONS]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def plain_leftovers(target: Target) -> list[Path]:
    """Unencrypted copies of the records an interrupted encryption left beside ENCRYPTED records.

    (Beside plain or half-encrypted records, the plain file's second name is the records file
    itself, not a copy; it goes when the encryption is run again.)
    """
    if target.path is None or target.state is not State.ENCRYPTED:
        return []
    saved, _tmp = _leftover_paths(target)
    if saved.is_file() and not _same_file(saved, target.file):
        return [saved]
    return []


def remove_leftovers(target: Target) -> list[Path]:
    """Clear up after an interrupted encryption; returns the unencrypted copies removed.

    A second name of the plain records file itself is only unlinked; an unencrypted copy is
    overwritten before it is deleted (as far as the file system allows); the half-made
    encrypted copy is deleted. Call it only once the records themselves are known to be sound
    (encrypted records: unlocked and read; plain ones: before encrypting them again).
    """
    saved, tmp = _leftover_paths(target)
    removed = []
    changed = False
    if saved.exists():
        if _same_file(saved, target.file):
            saved.unlink()
        else:
            _shred(saved)
            removed.append(saved)
        changed = True
    for p in tmp:
        if p.exists():
            p.unlink()
            changed = True
    if changed:
        fsync_dir(target.file.parent)
    return removed


def encrypt_database(plain_path: str | os.PathLike[str] | Target, passphrase: str, *,
                     params: KdfParams | None = None) -> EncryptionReport:
    """Encrypt the plain database at ``plain_path`` in place, locked with ``passphrase``.

    1. the plain file is checkpointed (no WAL left) and its tables fingerprinted;
    2. ``sqlcipher_export`` writes an encrypted copy beside it (``.encrypting``), which is
       checked (integrity, every table's rows, schema version, application id);
    3. the key file is written (durably) and unlocked again *before* the swap, so the encrypted
       file is never on disk without a key file known to open it;
    4. the plain file gets a second name (``.before-encryption``, a hard link: no copy of the
       data is made), the encrypted copy atomically takes its place and is checked again; only
       then is the plain file overwritten and deleted. If the check fails the plain file is put
       back and the key file removed.

    Stopped at any point, the records are whole (plain, or encrypted); what an interrupted run
    left is cleared by the next run or the next opening (:func:`remove_leftovers`). Run on
    records that are already encrypted, it only clears such leftovers (``report.already``), or
    says they are encrypted. The app must not have the database open (the records lock is taken).
    """
    from .lock import acquire

    target = plain_path if isinstance(plain_path, Target) else resolve_file(plain_path)
    db_path = target.file
    kf_path = target.keyfile
    check_can_encrypt(target)
    with acquire(db_path):
        target = target.refreshed()
        if target.state is State.ENCRYPTED:
            return _finish_encrypted(target, passphrase)
        check_can_encrypt(target)
        crypto.check_new_passphrase(passphrase)
        remove_leftovers(target)  # of an earlier run that stopped before the swap: start again
        if target.state is State.INTERRUPTED:
            kf_path.unlink()
        tmp = db_path.with_name(db_path.name + ENCRYPTING)
        saved = db_path.with_name(db_path.name + BEFORE)
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
            make_private(tmp)
            crypto.create_keyfile(kf_path, passphrase, params=params, data_key=data_key)
            if crypto.unlock(kf_path, passphrase) != data_key:  # pragma: no cover - written, then read back
                raise DatabaseProblem("The key file did not read back as written; the records were left unencrypted.")
        except BaseException:
            _shred(tmp)
            raise
        _second_name(db_path, saved)
        os.replace(tmp, db_path)
        fsync_dir(db_path.parent)
        try:
            _verify_copy(db_path, data_key, before, meta)
        except BaseException:
            os.replace(saved, db_path)
            kf_path.unlink(missing_ok=True)
            fsync_dir(db_path.parent)
            raise
        _shred(saved)
        fsync_dir(db_path.parent)
        for side in ("-wal", "-shm", "-journal"):
            stale = db_path.with_name(db_path.name + side)
            if stale.exists():  # pragma: no cover - removed by journal_mode=DELETE
                _shred(stale)
    return EncryptionReport(db_path, kf_path, {k: v[0] for k, v in before.items()}, plain_copies(db_path))


def check_can_encrypt(target: Target) -> None:
    """Refuse (:class:`UserFacingError`) records that cannot be encrypted where they are:
    read-only, missing, or not a Pathway Planner database. Encrypted ones pass (to clear up)."""
    db_path = target.file
    if target.read_only:
        raise UserFacingError(f"{db_path} can only be read here ({target.read_only_reason}), so it cannot be "
                              "encrypted where it is. Nothing was changed.")
    if target.state not in (State.PLAIN, State.INTERRUPTED, State.ENCRYPTED):
        raise UserFacingError(f"{db_path} is not a Pathway Planner database that can be encrypted.")


def _second_name(db_path: Path, saved: Path) -> None:
    """Give the plain records file a second name, durably (a copy where hard links are not possible)."""
    try:
        os.link(db_path, saved)
    except OSError:  # FAT and some network shares have no hard links
        shutil.copy2(db_path, saved)
        with open(saved, "rb+") as fh:
            os.fsync(fh.fileno())
    make_private(saved)
    fsync_dir(db_path.parent)


def _finish_encrypted(target: Target, passphrase: str) -> EncryptionReport:
    """Records already encrypted: clear what an interrupted run left, or say there is nothing to do."""
    if not plain_leftovers(target):
        raise UserFacingError(f"{target.file} is already encrypted.")
    engine = make_engine(target, crypto.unlock(target.keyfile, passphrase))
    try:
        check_readable(engine, target.file)  # never remove a plain copy beside damaged records
    finally:
        engine.dispose()
    removed = remove_leftovers(target)
    return EncryptionReport(target.file, target.keyfile, plain_copies_left=plain_copies(target.file),
                            removed=removed, already=True)


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
