"""Writing files so that a crash leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where directories can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(path: Path | str, data: bytes, mode: int = 0o600) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    The file is created readable by its owner only (``mode``): what we write is personal data.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)
    return path


def make_private(*paths: Path | str) -> None:
    """Readable and writable by the owner only (0600), where the file exists and is ours.

    Young people's records, their backups and key files are never left readable by other
    accounts on the same computer. SQLite gives the -wal and -shm files the database's mode.
    """
    for p in paths:
        try:
            os.chmod(p, 0o600)
        except (FileNotFoundError, PermissionError):
            pass


def create_private(path: Path | str) -> None:
    """Create an empty file readable by its owner only, so SQLite opens it with that mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
