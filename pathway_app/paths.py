"""Where things live: the user's data directory, the shipped resources and migrations.

In a wheel, ``resources/`` and ``migrations/`` are installed inside the package as
``_resources`` and ``_migrations``; in a source checkout (editable install, tests) they sit
beside the package. ``PATHWAY_DATA_DIR`` overrides the data directory (portable installs,
tests).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "PathwayPlanner"
_PKG = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PKG / f"_{name}"
    if inside.is_dir():
        return inside
    return _PKG.parent / name


def resources_dir() -> Path:
    return _shipped("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return _shipped("migrations")


def data_dir() -> Path:
    """The user's data directory (created on first use)."""
    override = os.environ.get("PATHWAY_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # young people's records: only for this user
    return path


def default_db_path(base: Path | None = None) -> Path:
    return (base or data_dir()) / "pathway.db"
