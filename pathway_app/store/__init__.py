"""Storage: young people's plans in SQLite (default, encrypted), or on a PostgreSQL server.

    from pathway_app.store import open_store
    store = open_store(passphrase=...)   # SQLite in the user's data folder, encrypted
    plan = store.load(plan_id); store.save(plan)

:func:`open_store` works out once where the records are (:func:`.target.resolve`: a
:class:`~.target.Target`), checks the database is ours, backs it up, copies it before migrating
and migrates it to the current schema before returning (:mod:`.opening`). Only this package
imports SQLAlchemy and Alembic.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..errors import PassphraseNeeded, RecordsReadOnly, TryAgainLater, WrongPassphrase

if TYPE_CHECKING:  # SQLAlchemy is imported when a store is opened, not when the package is:
    from .store import Store  # the app imports store.lock first, before Qt has started.

__all__ = [
    "Store",
    "open_store",
    "PassphraseNeeded",
    "WrongPassphrase",
    "TryAgainLater",
    "RecordsReadOnly",
    "DatabaseDamaged",
    "DatabaseMovedAside",
    "DatabaseRefused",
    "RecordsMissing",
    "KeyFileDamaged",
]

def __getattr__(name: str) -> Any:  # Store and the error classes, without importing their modules up front
    if name == "Store":
        from .store import Store

        return Store
    if name == "DatabaseDamaged":
        from .encrypted import DatabaseDamaged

        return DatabaseDamaged
    if name in ("DatabaseMovedAside", "DatabaseRefused", "RecordsMissing"):
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
      raised and nothing is created. Where records were kept before (a key file, backups, a
      damaged file moved aside), nothing is made in their place: :class:`RecordsMissing`, with
      ``.newest_good_backup`` to offer.
    - an encrypted file: ``passphrase`` None → ``PassphraseNeeded(new=False)``; a wrong one →
      :class:`WrongPassphrase` / :class:`TryAgainLater` (``.wait_seconds``); a right passphrase
      but a damaged file → :class:`DatabaseDamaged` (a ``DatabaseProblem`` that says so).
    - a plain file: opened as it is (``passphrase`` is ignored; ``store.encrypted`` is False).
    - before anything touches it, the file is checked (:func:`.check.guard_open`): a damaged one
      is moved aside (:class:`DatabaseMovedAside`, with ``.moved_to`` and
      ``.newest_good_backup``); a foreign, newer or unreadable one is refused untouched
      (:class:`DatabaseRefused`). Then the daily backup is made (once a day, 30 kept; a failed
      backup becomes a warning in ``store.warnings``, not a failure).
    - records that can only be read (a ``mode=ro`` address, a read-only file, folder or disk)
      are opened without changing anything: ``store.read_only`` is True and
      ``store.read_only_reason`` says why; saving raises :class:`RecordsReadOnly`.

    A PostgreSQL URL opens the team database (migrations under an advisory lock). Any problem
    the user can act on is a :class:`~pathway_app.errors.UserFacingError` in plain words.
    """
    from .audit import current_user
    from .opening import open_target
    from .target import resolve

    who = (user or "").strip() or current_user()
    return open_target(resolve(url, data_dir), passphrase=passphrase, create_unencrypted=create_unencrypted,
                       user=who)
