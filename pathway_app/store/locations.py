"""Is the database somewhere its locking cannot be trusted?

SQLite relies on the operating system's file locks. Folders kept in step by a sync client
(OneDrive, Dropbox, Google Drive, iCloud Drive, Nextcloud …) copy the file behind SQLite's back
and can hand another laptop a half-written copy or a "conflicted copy"; network filesystems
(NFS, SMB/CIFS, sshfs, WSL's 9p view of a Windows drive) often don't honour the locks at all.
Either can lose a young person's record, so the app warns when the database lives there.

:func:`risky_location` returns the warning to show, or ``None``. It never blocks opening: a PA
may have no choice today, but should know. Pure path and mount-table logic, so tests pass fake
paths and a fake mounts table.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

# Folder names a sync client creates, matched against each part of the path (case-insensitive).
# Regexes, so that "OneDrive - Anytown Council" and "Dropbox (Personal)" match too.
_SYNC_FOLDERS: list[tuple[str, re.Pattern[str]]] = [
    ("OneDrive", re.compile(r"^onedrive( - .*)?$|^onedrive-.*$", re.I)),
    ("Dropbox", re.compile(r"^dropbox( \(.*\))?$", re.I)),
    ("Google Drive", re.compile(r"^(google ?drive|googledrive-.*|my drive|shared drives)$", re.I)),
    ("iCloud Drive", re.compile(r"^(icloud ?drive|icloud drive \(archive\)|mobile documents|com~apple~clouddocs)$", re.I)),
    ("Nextcloud", re.compile(r"^nextcloud$", re.I)),
    ("ownCloud", re.compile(r"^owncloud$", re.I)),
    ("Box", re.compile(r"^box( sync)?$", re.I)),
    ("pCloud", re.compile(r"^pcloud ?drive$", re.I)),
    ("MEGA", re.compile(r"^mega(sync)?$", re.I)),
    ("Sync.com", re.compile(r"^sync$", re.I)),
]
# macOS File Provider folders: ~/Library/CloudStorage/OneDrive-Personal, GoogleDrive-x@y.z, ...
_CLOUD_STORAGE = re.compile(r"^cloudstorage$", re.I)

# Filesystem types whose locking SQLite cannot rely on.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "afs", "ncpfs", "coda",
        "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse",
        "fuse.onedriver", "fuse.gdfuse", "fuse.google-drive-ocamlfuse", "glusterfs",
        "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "fuse.dropbox",
        "drvfs",  # WSL 1 view of a Windows drive
    }
)
_NETWORK_NAMES = {
    "nfs": "a network share (NFS)", "nfs4": "a network share (NFS)",
    "cifs": "a Windows network share (SMB)", "smb": "a Windows network share (SMB)",
    "smb2": "a Windows network share (SMB)", "smb3": "a Windows network share (SMB)",
    "smbfs": "a Windows network share (SMB)", "fuse.sshfs": "a remote folder (sshfs)",
    "sshfs": "a remote folder (sshfs)", "9p": "a shared folder (9p, e.g. a Windows drive seen from WSL)",
    "drvfs": "a Windows drive seen from WSL",
}


@dataclass(frozen=True)
class Mount:
    point: str
    fstype: str
    source: str = ""


def _unescape_mount(field: str) -> str:
    # /proc/mounts escapes space, tab, newline and backslash as octal (\040 ...).
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mounts(text: str) -> list[Mount]:
    """Parse ``/proc/mounts`` (or ``/proc/self/mountinfo``-free fstab-style) text."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append(Mount(point=_unescape_mount(parts[1]), fstype=parts[2].lower(), source=parts[0]))
    return out


def read_mounts(path: str | os.PathLike[str] = "/proc/mounts") -> list[Mount]:
    try:
        return parse_mounts(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []  # macOS, Windows: no mount table to read here


def mount_for(path: PurePath, mounts: list[Mount]) -> Mount | None:
    """The mount that holds ``path``: the longest mount point that is a prefix of it."""
    best: Mount | None = None
    p = str(path)
    for m in mounts:
        point = m.point.rstrip("/") or "/"
        within = p == point or p.startswith(point + "/") or point == "/"
        if within and (best is None or len(point) > len(best.point.rstrip("/") or "/")):
            best = m
    return best


def _sync_service(path: PurePath) -> str | None:
    parts = path.parts
    for i, part in enumerate(parts):
        for service, pattern in _SYNC_FOLDERS:
            if pattern.match(part):
                # "Sync" and "Box" are common words; only trust them directly under a home folder.
                if service in ("Sync.com", "Box") and not _under_home(parts, i):
                    continue
                return service
        if _CLOUD_STORAGE.match(part) and i + 1 < len(parts):
            nxt = parts[i + 1]
            for service, pattern in _SYNC_FOLDERS:
                if pattern.match(nxt) or nxt.lower().startswith(service.lower().replace(" ", "")):
                    return service
            return "a cloud storage service"
    return None


def _under_home(parts: tuple[str, ...], i: int) -> bool:
    return i >= 2 and parts[i - 2].lower() in ("home", "users")


def _windows_network_drive(path: PureWindowsPath) -> bool:  # pragma: no cover - Windows only
    try:
        import ctypes

        root = path.anchor or str(path)[:3]
        windll: Any = getattr(ctypes, "windll")  # noqa: B009 - Windows only (not in the Linux type stubs)
        return bool(windll.kernel32.GetDriveTypeW(root) == 4)  # DRIVE_REMOTE
    except Exception:
        return False


def risky_location(
    path: str | os.PathLike[str],
    *,
    mounts: list[Mount] | None = None,
    mounts_file: str | os.PathLike[str] = "/proc/mounts",
    resolve: bool = True,
) -> str | None:
    """Warning text when ``path`` is in a synced folder or on a network filesystem, else None.

    ``mounts`` (or ``mounts_file``) lets tests give a fake mount table. ``resolve`` follows
    symlinks first, so a link into Dropbox is still caught.
    """
    raw = os.fspath(path)
    if raw.startswith("\\\\") or raw.startswith("//") and os.name == "nt":
        return _warning("a network share", raw)
    if re.match(r"^[A-Za-z]:[\\/]", raw) or os.name == "nt":
        wp = PureWindowsPath(raw)
        service = _sync_service(wp)
        if service:
            return _sync_warning(service, raw)
        if os.name == "nt" and _windows_network_drive(wp):  # pragma: no cover
            return _warning("a network drive", raw)
        return None
    p = Path(raw)
    if resolve:
        try:
            p = p.resolve()
        except OSError:
            pass
    pp = PurePosixPath(p)
    service = _sync_service(pp)
    if service:
        return _sync_warning(service, raw)
    table = read_mounts(mounts_file) if mounts is None else mounts
    m = mount_for(pp, table)
    if m is not None and (m.fstype in NETWORK_FS_TYPES or m.fstype.startswith(("nfs", "smb", "cifs"))):
        return _warning(_NETWORK_NAMES.get(m.fstype, f"a network filesystem ({m.fstype})"), raw)
    return None


def _sync_warning(service: str, raw: str) -> str:
    return (
        f"The records file {raw} is in a folder kept in step by {service}. Sync services copy the "
        "file while it is being written and can leave a damaged or conflicting copy, so records "
        "may be lost. Please move the records to a folder on this computer that is not synced "
        "(your backups are still made as usual)."
    )


def _warning(what: str, raw: str) -> str:
    return (
        f"The records file {raw} is on {what}. The file locking that keeps records safe does not "
        "work reliably there, so two people or a dropped connection could damage it. Please keep "
        "the records on this computer's own disk."
    )
