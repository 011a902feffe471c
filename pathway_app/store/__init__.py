"""Storage: young people's plans in SQLite (default) or any SQLAlchemy database.

    from pathway_app.store import open_store
    store = open_store()                 # SQLite in the user's data folder
    plan = store.load(plan_id); store.save(plan)

:func:`open_store` checks the database is ours, copies it and migrates it to the current
schema before returning. Only this package imports SQLAlchemy and Alembic.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..errors import DatabaseProblem
from .engine import check_sqlite_file, describe, make_engine, parse_url, plain_errors, sqlite_file
from .store import Store

__all__ = ["Store", "open_store"]

_SYNCED = ("onedrive", "dropbox", "google drive", "googledrive", "icloud")


def open_store(url: str | None = None, data_dir: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``url`` None means the SQLite file ``pathway.db`` in ``data_dir`` (or the user's data
    folder). Raises :class:`~pathway_app.errors.DatabaseProblem` with plain words for a file
    that is not ours, a database made by a newer version, or one that is locked, read-only,
    damaged or on a full disk.
    """
    if url is None:
        path = paths.default_db_path(Path(data_dir) if data_dir else None)
        path.parent.mkdir(parents=True, exist_ok=True)
        sa_url = parse_url(f"sqlite:///{path}")
    else:
        sa_url = parse_url(url)
    where = describe(sa_url)
    file = sqlite_file(sa_url)
    if file is not None:
        if not file.parent.is_dir():
            raise DatabaseProblem(f"The folder {file.parent} does not exist, so the database could not be opened.")
        check_sqlite_file(file)
    from .migrate import upgrade

    engine = make_engine(sa_url)
    try:
        with plain_errors(where):
            backup = upgrade(engine, where)
    except BaseException:
        engine.dispose()
        raise
    store = Store(engine, backup_path=backup)
    store.warnings = _location_warnings(file)
    return store


def _location_warnings(file: Path | None) -> list[str]:
    """Places where SQLite's locking is unreliable (network shares, synced folders)."""
    if file is None:
        return []
    text = str(file.resolve()).lower()
    if text.startswith("\\\\") or text.startswith("//") or any(s in text for s in _SYNCED):
        return [
            f"The database {file} seems to be on a network share or in a synced folder "
            "(OneDrive, Dropbox…). Records can be damaged there; keep it on this computer's own disk."
        ]
    return []
