"""One copy of the app per database: a lock file beside it.

SQLite would let two copies of the app write the same file one after the other, and the
version check on each plan stops a silent overwrite, but a PA who opens the app twice (or on
two laptops over a shared folder) is better told at once. So the app holds an exclusive
``flock`` on ``<db>.lock`` for as long as it has the records open. The operating system drops
the lock when the process ends, however it ends, so a crash never leaves a stale lock; the
file's text (pid, host, user, since) only says who holds it, and only its owner may read it.

API for the UI::

    from pathway_app.store.lock import acquire, AlreadyOpen, read_only_url

    try:
        lock = acquire(db_path)          # keep it for the life of the main window
    except AlreadyOpen as exc:
        # str(exc) is the plain message; exc.holder is a dict (pid, host, user, since).
        # Offer: [Open read-only] -> open_store(url=read_only_url(db_path)), or [Quit].
        ...
    ...
    lock.release()                       # on close (also released if the process dies)

``Lock`` is a context manager too. ``acquire`` is not re-entrant: a second ``acquire`` of the
same database in the same process raises ``AlreadyOpen`` as well (flock locks belong to the
open file, not the process), which is what the tests use.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import DatabaseProblem

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class AlreadyOpen(DatabaseProblem):
    """Another copy of the app has these records open."""

    def __init__(self, message: str, holder: dict[str, Any] | None = None, lock_path: Path | None = None):
        super().__init__(message)
        self.holder = holder or {}
        self.lock_path = lock_path


def lock_path_for(db_path: str | os.PathLike[str]) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".lock")


def read_only_url(db_path: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL that opens ``db_path`` read-only (works for root too, unlike chmod)."""
    path = Path(db_path).resolve()
    return f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true"


class Lock:
    """An exclusive hold on one database; release it when the records are closed."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # nobody holds it now; keep the file (unlinking it races)
        except OSError:
            pass
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            else:  # pragma: no cover
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:  # pragma: no cover - belt and braces
        try:
            self.release()
        except Exception:
            pass


def _holder_text() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # pragma: no cover
        user = ""
    return json.dumps(
        {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "app": "Pathway Planner",
        }
    )


def read_holder(db_path: str | os.PathLike[str]) -> dict[str, Any]:
    """Who holds the lock, as written by them (empty when nobody or unreadable)."""
    try:
        text = lock_path_for(db_path).read_text(encoding="utf-8")
        data = json.loads(text) if text.strip() else {}
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _try_lock(fd: int) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:  # e.g. ENOLCK on a network share without lock support
            raise DatabaseProblem(
                f"Could not lock the records file ({exc.strerror}). This happens on some network "
                "folders; please keep the records on this computer's own disk."
            ) from exc
    try:  # pragma: no cover - Windows
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError:  # pragma: no cover
        return False


def acquire(db_path: str | os.PathLike[str]) -> Lock:
    """Hold ``db_path`` for this copy of the app, or raise :class:`AlreadyOpen`."""
    lp = lock_path_for(db_path)
    lp.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(lp, os.O_RDWR | os.O_CREAT, 0o600)  # who has the records open is for their owner only
    except PermissionError:
        # A read-only folder: nobody can write there, so nobody can hold the write lock either.
        raise AlreadyOpen(
            f"The folder holding the records ({lp.parent}) cannot be written to, so the records "
            "can only be opened read-only.",
            lock_path=lp,
        ) from None
    try:
        os.fchmod(fd, 0o600)  # a lock file left by an older version was readable by everyone
    except OSError:
        pass
    if not _try_lock(fd):
        os.close(fd)
        holder = read_holder(db_path)
        raise AlreadyOpen(_already_open_message(holder), holder=holder, lock_path=lp)
    os.ftruncate(fd, 0)
    os.write(fd, _holder_text().encode("utf-8"))
    os.fsync(fd)
    return Lock(lp, fd)


def _already_open_message(holder: dict[str, Any]) -> str:
    who = []
    if holder.get("user"):
        who.append(f"by {holder['user']}")
    if holder.get("host"):
        here = holder["host"] == socket.gethostname()
        who.append("on this computer" if here else f"on the computer {holder['host']}")
    if holder.get("since"):
        who.append(f"since {holder['since'].replace('T', ' ').replace('Z', ' UTC')}")
    detail = (" (" + ", ".join(who) + ")") if who else ""
    return (
        f"These records are already open in another copy of Pathway Planner{detail}. "
        "Switch to that window, or close it and try again. You can also open the records "
        "read-only to look without changing anything."
    )
