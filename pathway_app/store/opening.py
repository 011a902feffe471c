"""Opening the records at a :class:`~.target.Target` (see :func:`pathway_app.store.open_store`).

One function per kind of records, each handed the Target (so nothing here asks again what
the address means):

- a **server**: the team engine, migrated under its advisory lock;
- **in memory**: a fresh database, migrated;
- a **file**, by what is on disk (:class:`~.target.State`): none yet (made encrypted with a
  passphrase, or plain when asked; never where records were kept before), plain (checked,
  backed up once a day, migrated), encrypted (unlocked, read, backed up, migrated; copies an
  interrupted encryption left are removed), half-encrypted or a key file alone (refused with
  what to do).

Records that can only be read (:attr:`~.target.Target.read_only`) are opened ``mode=ro`` and
nothing is changed: no daily backup, no permissions set, no migration (a database that would
need one is refused), and the store refuses every save (:class:`~pathway_app.errors.RecordsReadOnly`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from ..errors import DatabaseProblem, PassphraseNeeded
from ..fileio import create_private, make_private
from . import backup as _backup
from . import crypto
from .backup import BackupFailed
from .check import guard_encrypted, guard_open
from .encrypted import check_readable, remove_leftovers
from .engine import make_engine, plain_errors, translate_error
from .locations import risky_location
from .migrate import upgrade, would_upgrade
from .store import Store
from .target import State, Target


def open_target(target: Target, *, passphrase: str | None, create_unencrypted: bool, user: str) -> Store:
    if target.is_file:
        return _open_file(target, passphrase=passphrase, create_unencrypted=create_unencrypted, user=user)
    return _migrated(make_engine(target), target, user=user, warnings=[])


# --------------------------------------------------------------------------- a local file


def _open_file(t: Target, *, passphrase: str | None, create_unencrypted: bool, user: str) -> Store:
    file = t.file
    notes: list[str] = []
    if t.state is State.NEW and not t.exists:
        # nothing was ever kept here? (a key file or backups say otherwise: RecordsMissing)
        found = guard_open(t)
        if not found.ok:  # a damaged file was moved aside earlier, and nothing else is left
            notes.append(found.message.replace(" will be made when the records are next opened", " was made"))
        if passphrase is None and not create_unencrypted:
            raise PassphraseNeeded(new=True, path=file)  # before any file or folder is made
        if t.read_only:
            raise DatabaseProblem(f"There are no records at {file} yet, and none can be made there: {t.read_only_reason}.")
    if t.default_folder:
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # only this user may look inside
    if not file.parent.is_dir():
        raise DatabaseProblem(f"The folder {file.parent} does not exist, so the database could not be opened.")
    if t.state is State.INTERRUPTED:
        raise DatabaseProblem(
            f"Encrypting the records file {file} was interrupted before it finished. The records in it "
            "are complete and still unencrypted, and nothing was lost. Run `pathway-planner encrypt` "
            f"again to finish (or, to keep them unencrypted, remove the key file {t.keyfile.name})."
        )
    if t.state is State.ENCRYPTED:
        return _open_encrypted(t, passphrase, user)
    # plain, an empty file, unrecognisable bytes without a key file, or a key file alone
    if t.exists or t.state is State.KEY_ONLY:
        guard_open(t)  # damaged → moved aside; lost, foreign, newer, unreadable → refused untouched
    if not t.exists:
        if passphrase is not None:
            return _create_encrypted(t, passphrase, user)
        create_private(file)
        t = t.refreshed()
    warnings = notes + _location_warnings(t)
    engine = make_engine(t)
    if not t.read_only:
        make_private(file, t.companion("-wal"), t.companion("-shm"))
        try:
            warnings += _settle_wal(engine, t)
            _backup.backup_on_start(t)
        except BackupFailed as exc:
            warnings.append(f"Today's backup could not be made: {exc}")
        except BaseException:
            engine.dispose()
            raise
    return _migrated(engine, t, user=user, warnings=warnings)


def _create_encrypted(t: Target, passphrase: str, user: str) -> Store:
    crypto.check_new_passphrase(passphrase)  # WeakPassphrase before anything is written
    data_key = crypto.create_keyfile(t.keyfile, passphrase)
    create_private(t.file)
    t = t.refreshed()
    return _migrated(make_engine(t, data_key), t, user=user, warnings=_location_warnings(t), data_key=data_key)


def _open_encrypted(t: Target, passphrase: str | None, user: str) -> Store:
    if passphrase is None:
        raise PassphraseNeeded(new=False, path=t.file)
    data_key = crypto.unlock(t.keyfile, passphrase)  # WrongPassphrase / TryAgainLater / KeyFileDamaged
    guard_encrypted(t, data_key)  # newer or foreign: refused before anything touches the file
    engine = make_engine(t, data_key)
    check_readable(engine, t.file)  # the key is right, so a failure here is damage: DatabaseDamaged
    warnings = _location_warnings(t)
    if not t.read_only:
        try:
            warnings += _settle_wal(engine, t)
            removed = remove_leftovers(t)
            _backup.backup_on_start(t, data_key=data_key)
        except BackupFailed as exc:
            removed = []
            warnings.append(f"Today's backup could not be made: {exc}")
        except BaseException:
            engine.dispose()
            raise
        warnings += [
            f"An unencrypted copy of the records left by an interrupted encryption ({p.name}) was found "
            "and removed." for p in removed
        ]
    return _migrated(engine, t, user=user, warnings=warnings, data_key=data_key)


# --------------------------------------------------------------------------- every kind


def _migrated(engine: Engine, t: Target, *, user: str, warnings: list[str], data_key: bytes | None = None) -> Store:
    """The store on ``engine``, once the database is at the schema this app expects."""
    copier: Callable[[str], Path] | None = None
    if t.is_file and not t.read_only:

        def copier(reason: str) -> Path:
            return _backup.make_backup(t, reason=reason, data_key=data_key)

    try:
        with plain_errors(t.where):
            if t.read_only:
                would_upgrade(engine, t.where)  # refuses what would have to change
                copy = None
            else:
                copy = upgrade(engine, t.where, backup=copier)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, target=t, backup_path=copy, user=user, encrypted=data_key is not None, warnings=warnings,
                 audit_key=crypto.anchor_key(data_key) if data_key is not None else None)


def _settle_wal(engine: Engine, t: Target) -> list[str]:
    """Saved changes still in the ``-wal`` file (a command that ran out of disk space could not
    move them into the records file when it finished): move them now, before anything else
    needs room, so the journal stops growing. If the disk is still full, say so (what is
    there can still be read)."""
    wal = t.companion("-wal")
    try:
        waiting = wal.stat().st_size
    except OSError:
        return []
    if waiting == 0:
        return []
    try:
        raw = engine.raw_connection()
        try:
            driver: Any = raw.driver_connection
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # autocommit: no transaction open
        finally:
            raw.close()
    except (sa_exc.DBAPIError, sqlite3.Error, sqlcipher3.dbapi2.Error) as exc:
        problem = translate_error(exc, t.where)
        if problem is exc:
            raise
        return [
            f"{waiting / 1e6:.1f} MB of saved changes are waiting in {wal.name} to be moved into the records "
            f"file, and this could not be done yet: {problem} The records can still be read."
        ]
    return []


def _location_warnings(t: Target) -> list[str]:
    """Places where SQLite's locking is unreliable (network shares, synced folders)."""
    try:
        warning = risky_location(t.file)
    except OSError:  # pragma: no cover - an unreadable mount table never stops anyone opening
        return []
    return [warning] if warning else []
