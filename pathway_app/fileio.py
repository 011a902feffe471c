"""Writing files so that a crash leaves either the old file or the new one, never half of one.

:func:`write_atomically` is the one writer for every file the app makes from young people's
records (exports, PDFs, handover files, key files, the app's own save dialogs). It writes only
to a new path or over an existing regular file (following a symbolic link to one), never over a
device, a FIFO, a socket or a folder — ``os.replace`` would otherwise replace the link, the FIFO
or the device node itself (as root, ``/dev/full`` was once replaced by a young person's plan).
A place it will not write to, or a write that fails, is an :class:`~pathway_app.errors.OutputRefused`
with a plain message; nothing that was there is changed.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputRefused


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


def output_path(path: Path | str) -> Path:
    """The file that writing to ``path`` will make or replace: ``path`` itself when it is new or a
    regular file, or the regular file a symbolic link points to. Anything else is refused
    (:class:`OutputRefused`) without being opened, so a FIFO never blocks."""
    given = Path(path)
    target = given
    if given.is_symlink():
        target = given.resolve()
        if not target.exists():
            raise OutputRefused(f"{given} is a link to {target}, which does not exist. Give the file name itself.")
    try:
        st = target.stat()
    except FileNotFoundError:
        return target  # a new file (its folder is made if need be)
    except OSError as exc:
        raise OutputRefused(f"{given} cannot be written to ({exc.strerror}).") from None
    if stat.S_ISREG(st.st_mode):
        return target
    raise OutputRefused(f"{given} is {_what(st.st_mode)}, not a file; nothing was written. Give a file name.")


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"  # pragma: no cover - door files and the like


def write_atomically(path: Path | str, data: bytes, mode: int = 0o600) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    ``path`` must be new or a regular file (or a link to one: the file it points to is
    replaced, the link stays); see :func:`output_path`. The file is created readable by its
    owner only (``mode``): what we write is personal data. Returns the path written.
    """
    target = output_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputRefused(f"{path} could not be written ({exc.strerror or exc}); nothing was changed.") from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputRefused(f"{path} could not be written ({exc.strerror or exc}); nothing was changed.") from None
        raise
    fsync_dir(target.parent)
    return target


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
