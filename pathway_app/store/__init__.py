"""Storage: young people's plans in SQLite (default, encrypted), or on a PostgreSQL server.

    from pathway_app.store import open_store
    store = open_store(passphrase=...)   # SQLite in the user's data folder, encrypted
    plan = store.load(plan_id); store.save(plan)

:func:`open_store` checks the database is ours, backs it up, copies it before migrating and
migrates it to the current schema before returning. Only this package imports SQLAlchemy and
Alembic.
"""

from __future__ import annotations

import os
from pathlib import Path

from typing import TYPE_CHECKING

from .. import paths
from ..errors import DatabaseProblem, PassphraseNeeded, TryAgainLater, WrongPassphrase

if TYPE_CHECKING:  # SQLAlchemy is imported when a store is opened, not when the package is:
    from .store import Store  # the app imports store.lock first, before Qt has started.

__all__ = [
    "Store",
    "open_store",
    "PassphraseNeeded",
    "WrongPassphrase",
    "TryAgainLater",
    "DatabaseDamaged",
    "DatabaseMovedAside",
    "DatabaseRefused",
    "KeyFileDamaged",
]


def __getattr__(name: str):  # Store and the error classes, without importing their modules up front
    if name == "Store":
        from .store import Store

        return Store
    if name == "DatabaseDamaged":
        from .encrypted import DatabaseDamaged

        return DatabaseDamaged
    if name in ("DatabaseMovedAside", "DatabaseRefused"):
        from . import check

        return getattr(check, name)
    if name == "KeyFileDamaged":
        from .keyfile import KeyFileDamaged

        return KeyFileDamaged
    raise AttributeError(name)


def open_store(
    url: str | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    *,
    passphrase: str | None = None,
    create_unencrypted: bool = False,
    user: str | None = None,
) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``url`` None means the SQLite file ``pathway.db`` in ``data_dir`` (or the user's data
    folder). For a local SQLite file:

    - no file yet: with ``passphrase``, it is created ENCRYPTED (a key file beside it holds the
      random data key, locked by the passphrase); with ``create_unencrypted=True``, as plain
      SQLite; with neither, :class:`~pathway_app.errors.PassphraseNeeded` (``new=True``) is
      raised and nothing is created.
    - an encrypted file: ``passphrase`` None → ``PassphraseNeeded(new=False)``; a wrong one →
      :class:`WrongPassphrase` / :class:`TryAgainLater` (``.wait_seconds``); a right passphrase
      but a damaged file → :class:`DatabaseDamaged` (a ``DatabaseProblem`` that says so).
    - a plain file: opened as it is (``passphrase`` is ignored; ``store.encrypted`` is False).
    - before anything touches it, the file is checked (:func:`.check.guard_open`): a damaged one
      is moved aside (:class:`DatabaseMovedAside`, with ``.moved_to`` and
      ``.newest_good_backup``); a foreign, newer or unreadable one is refused untouched
      (:class:`DatabaseRefused`). Then the daily backup is made (once a day, 30 kept; a failed
      backup becomes a warning in ``store.warnings``, not a failure).

    A PostgreSQL URL opens the team database (migrations under an advisory lock). Any problem
    the user can act on is a :class:`~pathway_app.errors.UserFacingError` in plain words.
    """
    from .audit import current_user
    from .engine import describe, make_engine, parse_url, sqlite_file

    who = (user or "").strip() or current_user()
    if url is None:
        path = paths.default_db_path(Path(data_dir) if data_dir else None)
        sa_url = parse_url(f"sqlite:///{path}")
    else:
        sa_url = parse_url(url)
    where = describe(sa_url)
    backend = sa_url.get_backend_name()
    if backend == "postgresql":
        from . import pg

        engine = pg.team_engine(sa_url)
        return _migrated(engine, where, user=who, encrypted=False, path=None, warnings=[])
    file = sqlite_file(sa_url)
    if file is None:
        ro_file = _read_only_file(sa_url)
        if ro_file is not None and _encryption_state(ro_file) == "encrypted":
            return _open_encrypted_read_only(ro_file, sa_url, passphrase, where, who)
        engine = make_engine(sa_url)  # in memory, or a read-only URI of a plain file
        return _migrated(engine, where, user=who, encrypted=False, path=ro_file, warnings=[])
    return _open_local(file, where, passphrase=passphrase, create_unencrypted=create_unencrypted, user=who,
                       default_folder=url is None)


# --------------------------------------------------------------------------- a local file


def _encryption_state(file: Path) -> str:
    from .encrypted import encryption_state

    return encryption_state(file)


def _open_local(file: Path, where: str, *, passphrase: str | None, create_unencrypted: bool, user: str,
                default_folder: bool) -> Store:
    from . import check
    from .backup import BackupFailed, backup_on_start

    state = _encryption_state(file)
    if state == "new" and not file.exists() and passphrase is None and not create_unencrypted:
        raise PassphraseNeeded(new=True, path=file)  # before any file or folder is made
    if default_folder:
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # only this user may look inside
    if not file.parent.is_dir():
        raise DatabaseProblem(f"The folder {file.parent} does not exist, so the database could not be opened.")
    if state == "interrupted":
        raise DatabaseProblem(
            f"Encrypting the records file {file} was interrupted before it finished. The records in it "
            "are complete and still unencrypted, and nothing was lost. Run `pathway-planner encrypt` "
            f"again to finish (or, to keep them unencrypted, remove the key file {file.name}.key)."
        )
    if state == "encrypted":
        return _open_encrypted_local(file, where, passphrase, user)
    # plain, new (no file, or an empty one) or unrecognisable bytes without a key file
    if file.exists():
        check.guard_open(file)  # damaged → moved aside; foreign/newer/unreadable → refused untouched
    if not file.exists() or file.stat().st_size == 0:
        # a new database (guard_open moves an empty file aside, so this is "no file")
        if passphrase is not None:
            return _create_encrypted(file, where, passphrase, user)
        if not create_unencrypted:
            raise PassphraseNeeded(new=True, path=file)
    warnings = _location_warnings(file)
    try:
        backup_on_start(file)
    except BackupFailed as exc:
        warnings.append(f"Today's backup could not be made: {exc}")
    from ..fileio import create_private, make_private
    from .engine import make_engine, parse_url

    if file.exists():
        make_private(file, f"{file}-wal", f"{file}-shm")
    else:
        create_private(file)
    engine = make_engine(parse_url(f"sqlite:///{file}"))
    return _migrated(engine, where, user=user, encrypted=False, path=file, warnings=warnings)


def _create_encrypted(file: Path, where: str, passphrase: str, user: str) -> Store:
    from . import crypto
    from .encrypted import encrypted_engine
    from .keyfile import keyfile_path

    from ..fileio import create_private

    crypto.check_new_passphrase(passphrase)  # WeakPassphrase before anything is written
    data_key = crypto.create_keyfile(keyfile_path(file), passphrase)
    if not file.exists():
        create_private(file)
    engine = encrypted_engine(file, data_key)
    return _migrated(engine, where, user=user, encrypted=True, path=file, warnings=_location_warnings(file),
                     data_key=data_key)


def _open_encrypted_local(file: Path, where: str, passphrase: str | None, user: str) -> Store:
    from . import crypto
    from .backup import BackupFailed, backup_on_start
    from .encrypted import check_readable, encrypted_engine
    from .keyfile import keyfile_path

    if passphrase is None:
        raise PassphraseNeeded(new=False, path=file)
    data_key = crypto.unlock(keyfile_path(file), passphrase)  # WrongPassphrase / TryAgainLater / KeyFileDamaged
    engine = encrypted_engine(file, data_key)
    if file.exists() and file.stat().st_size > 0:
        check_readable(engine, file)  # the key is right, so a failure here is damage: DatabaseDamaged
    warnings = _location_warnings(file)
    try:
        backup_on_start(file, data_key=data_key)
    except BackupFailed as exc:
        warnings.append(f"Today's backup could not be made: {exc}")
    except BaseException:
        engine.dispose()
        raise
    return _migrated(engine, where, user=user, encrypted=True, path=file, warnings=warnings, data_key=data_key)


def _read_only_file(sa_url) -> Path | None:
    """The file behind a read-only ``sqlite:///file:…?mode=ro&uri=true`` URL, if that is what it is."""
    if sa_url.get_backend_name() != "sqlite":
        return None
    db = sa_url.database or ""
    if not db.startswith("file:"):
        return None
    from urllib.parse import unquote

    return Path(unquote(db[len("file:"):].split("?", 1)[0]))


def _open_encrypted_read_only(file: Path, sa_url, passphrase: str | None, where: str, user: str) -> Store:
    """Encrypted records opened read-only (a second copy of the app; see :mod:`.lock`)."""
    from sqlalchemy import event
    from sqlalchemy.engine import URL

    from . import crypto
    from .encrypted import _cipher_settings, check_readable
    from .engine import make_engine
    from .keyfile import keyfile_path
    from .store import Store

    if passphrase is None:
        raise PassphraseNeeded(new=False, path=file)
    data_key = crypto.unlock(keyfile_path(file), passphrase)
    cipher_url = URL.create(
        "sqlite+pysqlcipher", password=f"x'{data_key.hex()}'", database=sa_url.database,
        query=dict(sa_url.query),
    )
    engine = make_engine(cipher_url)
    event.listen(engine, "connect", _cipher_settings, insert=True)
    check_readable(engine, file)
    store = Store(engine, user=user, encrypted=True, path=file, warnings=_location_warnings(file))
    store._read_only = True
    return store


def _migrated(engine, where: str, *, user: str, encrypted: bool, path: Path | None, warnings: list[str],
              data_key: bytes | None = None) -> Store:
    from .engine import plain_errors
    from .migrate import upgrade
    from .store import Store

    copier = None
    if path is not None:
        from .backup import make_backup

        def copier(reason: str, _file: Path = path, _key: bytes | None = data_key):
            return make_backup(_file, reason=reason, data_key=_key)

    try:
        with plain_errors(where):
            copy = upgrade(engine, where, backup=copier)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, backup_path=copy, user=user, encrypted=encrypted, path=path, warnings=warnings)


def _location_warnings(file: Path | None) -> list[str]:
    """Places where SQLite's locking is unreliable (network shares, synced folders)."""
    if file is None:
        return []
    from .locations import risky_location

    try:
        warning = risky_location(file)
    except OSError:  # pragma: no cover - an unreadable mount table never stops anyone opening
        return []
    return [warning] if warning else []
