"""Backups of the SQLite records file, each with a manifest that proves it.

A backup is made with SQLite's online backup API (never a file copy: copying a live WAL
database can miss committed pages), so it is a consistent snapshot even while the app is
saving. It is written under ``<folder of the db>/backups/`` as
``<db stem>-<UTC time>-<reason>.db`` with a JSON manifest beside it
(``….manifest.json``) holding:

- ``sha256`` and ``size`` of the backup file (a later bit of rot is noticed);
- ``row_counts`` per table, ``content_digest`` (a hash of every row of every table, in key
  order, computed from the data, not the bytes) and ``table_digests``;
- ``schema_revision`` (Alembic) and ``application_id``; ``created_at``; ``reason``;
- ``audit_head``: the audit trail's newest entry in the copy (and, for encrypted records, a
  keyed MAC of it), which pins the trail from outside the database (:mod:`.anchors`). Older
  manifests have none; they are still read and verified as before.

A backup is never byte-equal to its source (page layout, the WAL header flag), so it is proved
by the manifest and by restoring it and comparing the data (:func:`restore_backup` does that
comparison itself before it reports success).

Rotation keeps the newest :data:`KEEP` backups of each database; a backup of a damaged database
is refused (it would push out good ones). :func:`backup_on_start` makes at most one start
backup per day. Errors are :class:`BackupFailed` / :class:`BackupRefused`
(:class:`~pathway_app.errors.DatabaseProblem`), with plain messages.

Only stdlib ``sqlite3`` (or, for encrypted records, ``sqlcipher3`` with the same DBAPI) is
used here, never the app's models, so these work on any schema revision, old or new.

**Encrypted records.** Give ``data_key=`` (the 32-byte key unlocked from the key file with the
passphrase: :func:`.crypto.unlock`) and the same functions work on a SQLCipher database: the
copy is made with the backup API between two connections keyed with the same data key, so it
is encrypted too (it is never written in clear, not even for a moment), and the key file is
copied beside it (``<backup>.db.key``: useless without the passphrase, but it is what unlocks
that copy if the main key file is ever lost). The manifest says ``"encrypted": true``; its
checksum, sizes, row counts and digests are of the data as for a plain backup (digests are
one-way hashes; the manifest holds no personal data). Without the key, :func:`verify_backup`
can still prove the file's checksum and size, but not its contents.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import DatabaseProblem
from ..fileio import fsync_dir, make_private, write_atomically
from .anchors import manifest_anchor
from .crypto import anchor_key
from .keyfile import keyfile_path, read_keyfile
from .migrate import newer_than_app
from .sqlitefile import (
    DB_DATABASE_ERROR,
    DB_ERROR,
    database_facts,
    file_sha256,
    move_aside,
    open_ro,
    open_rw,
    quick_check,
    user_tables,
)
from .target import Target, as_target

KEEP = 30
MANIFEST_FORMAT = 1
_NAME = re.compile(r"^(?P<stem>.+)-(?P<when>\d{8}T\d{6}\.\d{6}Z)(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9-]+)\.db$")


class BackupFailed(DatabaseProblem):
    """A backup could not be made (no space, no permission, the records are damaged)."""


class BackupRefused(DatabaseProblem):
    """A backup cannot be restored (damaged, incomplete, from a newer version of the app)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


# --------------------------------------------------------------------------- where backups live


def backups_dir_for(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).resolve().parent / "backups"


def manifest_path(backup: str | os.PathLike[str]) -> Path:
    b = Path(backup)
    return b.with_name(b.name[: -len(".db")] + ".manifest.json" if b.name.endswith(".db") else b.name + ".manifest.json")


def list_backups(db_path: str | os.PathLike[str], backups_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Backups of ``db_path`` (complete: file and manifest), newest first."""
    d = Path(backups_dir) if backups_dir is not None else backups_dir_for(db_path)
    stem = Path(db_path).stem
    found = []
    try:
        entries = list(d.iterdir())
    except OSError:
        return []
    for p in entries:
        m = _NAME.match(p.name)
        if m and m.group("stem") == stem and manifest_path(p).exists():
            found.append((m.group("when"), int(m.group("n") or 0), p))
    found.sort(reverse=True)
    return [p for _w, _n, p in found]


def backup_reason(path: Path) -> str:
    m = _NAME.match(path.name)
    return m.group("reason") if m else ""


def backup_time(path: Path) -> datetime | None:
    m = _NAME.match(path.name)
    if not m:
        return None
    return datetime.strptime(m.group("when"), "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)


def backups_with_manifests(db_path: Target | str | os.PathLike[str]) -> list[tuple[Path, dict[str, Any]]]:
    """Every backup of the records with its manifest, newest first (unreadable ones left out)."""
    out = []
    for b in list_backups(as_target(db_path).file):
        try:
            manifest = read_manifest(b)
        except (OSError, ValueError):
            continue
        if isinstance(manifest, dict):
            out.append((b, manifest))
    return out


def read_manifest(backup: str | os.PathLike[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
    return data


# --------------------------------------------------------------------------- making one


def _clean_reason(reason: str) -> str:
    r = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return r or "manual"


def make_backup(
    db_path: Target | str | os.PathLike[str],
    backups_dir: str | os.PathLike[str] | None = None,
    reason: str = "manual",
    *,
    keep: int = KEEP,
    now: datetime | None = None,
    data_key: bytes | None = None,
) -> Path:
    """Copy ``db_path`` with the backup API into a new timestamped file; return its path.

    The copy is checked (``quick_check``) before it counts: a damaged database is not backed
    up (:class:`BackupFailed`), so it can never push a good backup out of the rotation.
    Encrypted records need ``data_key``; their copy is encrypted with it (see the module notes).
    """
    records = as_target(db_path)
    src_path = records.file
    if not src_path.is_file() or src_path.stat().st_size == 0:
        raise BackupFailed(f"There are no records at {src_path} to back up.")
    encrypted = records.has_key
    if encrypted and data_key is None:
        raise BackupFailed(
            f"{src_path.name} is encrypted, so it is backed up by the app once it is unlocked "
            "(the copy stays encrypted). This plain-file backup cannot read it."
        )
    d = Path(backups_dir) if backups_dir is not None else backups_dir_for(src_path)
    try:
        d.mkdir(mode=0o700, parents=True, exist_ok=True)  # copies of the records: only for this user
    except OSError as exc:
        raise BackupFailed(f"Could not make the backups folder {d}: {exc.strerror or exc}.") from exc
    size = src_path.stat().st_size
    wal = src_path.with_name(src_path.name + "-wal")
    needed = size + (wal.stat().st_size if wal.exists() else 0) + (1 << 20)
    free = shutil.disk_usage(d).free
    if free < needed:
        raise BackupFailed(
            f"There is not enough free space for a backup in {d} "
            f"(about {needed / 1e6:.0f} MB needed, {free / 1e6:.0f} MB free). "
            "Free some space and try again."
        )
    when = (now or datetime.now(UTC)).astimezone(UTC)
    stamp = when.strftime("%Y%m%dT%H%M%S.%fZ")
    reason = _clean_reason(reason)
    target = d / f"{src_path.stem}-{stamp}-{reason}.db"
    n = 1
    while any(os.path.lexists(p) for p in (target, manifest_path(target), keyfile_path(target))):  # never over anything
        target = d / f"{src_path.stem}-{stamp}-{n}-{reason}.db"
        n += 1
    partial = target.with_name(target.name + ".partial")
    mpartial = manifest_path(target).with_name(manifest_path(target).name + ".partial")
    key_copy = keyfile_path(target)
    kpartial = key_copy.with_name(key_copy.name + ".partial")
    synced: Future[str] | None = None
    if not encrypted:
        data_key = None
    try:
        try:
            src = open_ro(src_path, data_key)
        except DB_ERROR as exc:
            raise BackupFailed(f"Could not read the records to back them up: {exc}.") from exc
        try:
            dst = open_rw(partial, data_key)
            try:
                src.backup(dst)  # one step: a consistent snapshot, writers are not blocked (WAL)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                problems = quick_check(dst)
                if not problems and encrypted:
                    problems = [str(r[0]) for r in dst.execute("PRAGMA cipher_integrity_check")]
                if problems:
                    raise BackupFailed(
                        "The records file is damaged, so it was not backed up "
                        f"({problems[0]}). Your earlier backups are kept."
                    )
                # The copy is complete and is only read from here on: flush it to disk and
                # checksum it on a second thread (both release the GIL) while this one
                # digests the rows.
                synced = _in_background(_fsync_and_hash, partial)
                facts = database_facts(dst)
                facts.update(manifest_anchor(dst, anchor_key(data_key) if data_key is not None else None))
            finally:
                dst.close()
        except DB_DATABASE_ERROR as exc:
            raise _backup_error(exc, src_path) from exc
        finally:
            src.close()
        sha = synced.result()
        if encrypted:
            # the key file travels with the copy it unlocks (written durably before the manifest)
            shutil.copyfile(keyfile_path(src_path), kpartial)
            with open(kpartial, "rb+") as f:
                os.fsync(f.fileno())
        manifest = {
            "format": MANIFEST_FORMAT,
            "app": "Pathway Planner",
            "file": target.name,
            "sha256": sha,
            "size": partial.stat().st_size,
            "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "reason": reason,
            "source": str(src_path.resolve()),
            "sqlite_version": sqlite3.sqlite_version,
            "encrypted": encrypted,
            **facts,
        }
        if encrypted:
            manifest["key_file"] = key_copy.name
        with open(mpartial, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        make_private(partial, mpartial, kpartial if encrypted else partial)
        if encrypted:
            os.replace(kpartial, key_copy)
        os.replace(partial, target)
        os.replace(mpartial, manifest_path(target))
        fsync_dir(d)
    except BaseException:
        if synced is not None:
            wait([synced])
        for p in (partial, mpartial, kpartial):
            try:
                p.unlink()
            except OSError:
                pass
        raise
    rotate(src_path, d, keep=keep)
    return target


def _fsync_and_hash(path: Path) -> str:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())
    return file_sha256(path)


def _in_background(fn: Callable[[Path], str], path: Path) -> Future[str]:
    """``fn(path)`` on a thread of its own; the future's ``result()`` re-raises its error."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup")
    try:
        return pool.submit(fn, path)
    finally:
        pool.shutdown(wait=False)  # the task still runs; no more are taken


def _backup_error(exc: BaseException, src: Path) -> BackupFailed:
    text = str(exc).lower()
    if "full" in text:
        return BackupFailed("The disk is full, so the backup could not be made. Free some space and try again.")
    if "malformed" in text or "not a database" in text:
        return BackupFailed(f"The records file {src} is damaged, so it was not backed up. Your earlier backups are kept.")
    return BackupFailed(f"The backup could not be made: {exc}.")


def rotate(db_path: str | os.PathLike[str], backups_dir: str | os.PathLike[str] | None = None, *, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``db_path``; return what was deleted."""
    gone = []
    for old in list_backups(db_path, backups_dir)[keep:]:
        for p in (old, manifest_path(old), keyfile_path(old)):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
        gone.append(old)
    return gone


def backup_on_start(
    db_path: Target | str | os.PathLike[str],
    backups_dir: str | os.PathLike[str] | None = None,
    *,
    now: datetime | None = None,
    keep: int = KEEP,
    data_key: bytes | None = None,
) -> Path | None:
    """The daily backup: one on the first start of each (local) day; None when not needed.

    Nothing is made for a missing or empty file, or one that has no plans table yet (a brand
    new database). Raises :class:`BackupFailed` when a backup was due but could not be made:
    the caller should tell the user but still open the records.
    """
    records = as_target(db_path)
    p = records.file
    if not p.is_file() or p.stat().st_size == 0:
        return None
    if records.has_key and data_key is None:
        return None  # only the app, once unlocked, can back up encrypted records
    try:
        with closing(open_ro(p, data_key if records.has_key else None)) as conn:
            if "plans" not in user_tables(conn):
                return None
    except DB_ERROR:
        return None  # the open-time check reports damage; nothing to back up here
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    for b in list_backups(p, backups_dir):
        if backup_reason(b) == "start":
            t = backup_time(b)
            if t is not None and t.astimezone().date() == today:
                return None
            break
    return make_backup(records, backups_dir, reason="start", now=now, keep=keep, data_key=data_key)


# --------------------------------------------------------------------------- checking one


def is_encrypted_backup(path: str | os.PathLike[str]) -> bool:
    try:
        return bool(read_manifest(path).get("encrypted"))
    except (OSError, ValueError, AttributeError):
        return False


def verify_backup(path: str | os.PathLike[str], *, deep: bool = True, data_key: bytes | None = None) -> list[str]:
    """Everything wrong with a backup, in plain words; an empty list means it is good.

    Checks the file's checksum against its manifest, ``quick_check``, and (``deep``) the row
    counts and content digest recomputed from the data. An encrypted backup is opened with
    ``data_key``; without it only its checksum and size can be checked.
    """
    b = Path(path)
    if not b.is_file():
        return [f"{b} is a folder, not a backup file." if b.is_dir() else f"The backup file {b} does not exist."]
    mp = manifest_path(b)
    try:
        manifest = read_manifest(b)
    except FileNotFoundError:
        return [f"The backup has no manifest ({mp.name}), so it cannot be proved complete."]
    except (OSError, ValueError) as exc:
        return [f"The backup's manifest cannot be read ({exc})."]
    if not isinstance(manifest, dict) or "sha256" not in manifest:
        return ["The backup's manifest is not one this app wrote."]
    problems = []
    if b.stat().st_size != manifest.get("size"):
        problems.append(
            f"The backup file is {b.stat().st_size:,} bytes but was {manifest.get('size', 0):,} bytes when made: it has been cut short or changed."
        )
    if file_sha256(b) != manifest["sha256"]:
        problems.append("The backup file's checksum does not match its manifest: it has been damaged or changed.")
    encrypted = bool(manifest.get("encrypted"))
    if encrypted and data_key is None:
        return problems  # the contents can only be checked once unlocked
    try:
        with closing(open_ro(b, data_key if encrypted else None)) as conn:
            qc = quick_check(conn)
            if qc:
                problems.append(f"SQLite's integrity check failed on the backup: {qc[0]}")
            elif deep:
                facts = database_facts(conn)
                for table, n in sorted(manifest.get("row_counts", {}).items()):
                    got = facts["row_counts"].get(table)
                    if got != n:
                        problems.append(f"Table {table} has {got} rows but had {n} when the backup was made.")
                if not problems and facts["content_digest"] != manifest.get("content_digest"):
                    problems.append("The backup's data does not match its manifest.")
    except DB_DATABASE_ERROR as exc:
        problems.append(f"The backup cannot be read as a database ({exc}).")
    return problems


def newest_good_backup(
    db_path: str | os.PathLike[str], backups_dir: str | os.PathLike[str] | None = None, *, deep: bool = False,
    data_key: bytes | None = None,
) -> Path | None:
    """The newest backup of ``db_path`` that passes :func:`verify_backup`."""
    for b in list_backups(db_path, backups_dir):
        if not verify_backup(b, deep=deep, data_key=data_key):
            return b
    return None


# --------------------------------------------------------------------------- restoring one


@dataclass
class Restored:
    db_path: Path
    from_backup: Path
    safety_backup: Path | None  # the records as they were just before, as a backup
    moved_aside: Path | None  # the old file, if it was too damaged to back up
    row_counts: dict[str, int]


def restore_backup(path: str | os.PathLike[str], db_path: Target | str | os.PathLike[str], *, lock: Any = None,
                   data_key: bytes | None = None) -> Restored:
    """Put the records back as they were in backup ``path``.

    Refuses a damaged backup or one from a newer version of the app (:class:`BackupRefused`).
    First the current records are backed up (reason ``before-restore``) or, if too damaged for
    that, moved aside; then the backup is copied in with the backup API and the result is
    compared with the backup's manifest. Holds the single-copy lock while it works (pass
    ``lock=`` the app's own :class:`~pathway_app.store.lock.Lock` if it already holds it).

    An encrypted backup needs ``data_key`` and is restored encrypted (its key file comes back
    too when the records' own key file is missing or holds a different key). An unencrypted
    backup is not restored over encrypted records: that would leave them unencrypted.
    """
    from .lock import acquire

    b = Path(path)
    records = as_target(db_path)
    db = records.file
    if not b.is_file() or not manifest_path(b).is_file():
        # not a backup this app made (or not there at all): say so, before any talk of encryption
        problems = verify_backup(b, deep=False)
        raise BackupRefused(
            f"{b.name} cannot be restored: " + " ".join(problems)
            + " Nothing was changed. Choose a backup from the backups folder (pathway-planner backup --list).",
            problems,
        )
    encrypted = is_encrypted_backup(b)
    if encrypted and data_key is None:
        raise BackupRefused(f"The backup {b.name} is encrypted: give the passphrase to restore it. Nothing was changed.")
    if not encrypted and records.has_key:
        raise BackupRefused(
            f"The backup {b.name} is not encrypted, but the records are: restoring it would leave young "
            "people's records unencrypted on this computer. Nothing was changed. Choose an encrypted backup."
        )
    if encrypted and records.size > 0 and not records.has_key:
        raise BackupRefused(
            f"The backup {b.name} is encrypted but the records here are not. Encrypt them first "
            "(pathway-planner encrypt), or restore the backup into a new, empty folder. Nothing was changed."
        )
    problems = verify_backup(b, data_key=data_key if encrypted else None)
    if problems:
        raise BackupRefused(
            f"The backup {b.name} cannot be restored because it is damaged: " + " ".join(problems)
            + " Nothing was changed. Choose an older backup.",
            problems,
        )
    manifest = read_manifest(b)
    newer = newer_than_app(manifest.get("schema_revision"))
    if newer:
        raise BackupRefused(f"The backup {b.name} was made by a newer version of Pathway Planner. {newer} Nothing was changed.")
    own_lock = None
    if lock is None:
        own_lock = acquire(db)
    try:
        safety = moved = None
        if db.exists() and db.stat().st_size > 0:
            try:
                safety = make_backup(records, backups_dir_for(db), reason="before-restore", data_key=data_key)
            except BackupFailed as exc:
                if "damaged" not in str(exc) and "not a database" not in str(exc):
                    raise BackupFailed(f"{exc} The backup was not restored, so nothing is lost.") from exc
                moved = move_aside(db)
        elif db.exists():
            moved = move_aside(db)
        if encrypted:
            _restore_keyfile(b, db)
        src = open_ro(b, data_key if encrypted else None)
        try:
            dst = open_rw(db, data_key if encrypted else None)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                qc = quick_check(dst)
                facts = database_facts(dst)
            finally:
                dst.close()
        except DB_DATABASE_ERROR as exc:
            raise _restore_error(exc, safety, moved) from exc
        finally:
            src.close()
        if qc or facts["content_digest"] != manifest["content_digest"]:
            raise DatabaseProblem(
                "The restored records do not match the backup. "
                + (f"The records as they were are kept in {safety or moved}." if (safety or moved) else "")
            )
        return Restored(db, b, safety, moved, facts["row_counts"])
    finally:
        if own_lock is not None:
            own_lock.release()


def _restore_keyfile(b: Path, db: Path) -> None:
    """Make sure the key file beside ``db`` unlocks backup ``b`` (the data key never changes for
    the life of a database, so usually it already does)."""
    mine, theirs = keyfile_path(db), keyfile_path(b)
    if not theirs.exists():
        if mine.exists():
            return  # trust the records' own key file (the restore is checked afterwards)
        raise BackupRefused(f"The key file of the backup {b.name} ({theirs.name}) is missing. Nothing was changed.")
    if mine.exists():
        try:
            if read_keyfile(mine).key_check == read_keyfile(theirs).key_check:
                return
        except DatabaseProblem:
            pass  # a damaged key file of the records: replaced by the backup's below
        # a different key: keep the old key file (it unlocks the records moved aside or backed up)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        write_atomically(mine.with_name(f"{mine.name}.before-restore-{stamp}"), mine.read_bytes())
    write_atomically(mine, theirs.read_bytes())


def _restore_error(exc: BaseException, safety: Path | None, moved: Path | None) -> DatabaseProblem:
    kept = f" The records as they were are kept in {safety or moved}." if (safety or moved) else ""
    if "full" in str(exc).lower():
        return DatabaseProblem("The disk is full, so the backup could not be restored. Free some space and try again." + kept)
    return DatabaseProblem(f"The backup could not be restored: {exc}." + kept)
