"""The audit trail pinned from outside the table it protects: anchors in backup manifests.

The hash chain (:mod:`.audit`) shows an entry changed in place, but someone who can rewrite the
database file can also cut the newest entries off and rewind ``audit_head``, wipe the trail, or
recompute every hash after a change: the chain is then whole again. So every backup's manifest
records the trail's newest entry at the time (``"audit_head": {"seq": …, "hash": …}``) and, for
encrypted records, a keyed MAC of it (the key is derived from the data key, so only someone who
can unlock the records can make one). :func:`anchor_problems` checks the trail against every
backup: each recorded entry must still be in the trail, with the same hash.

A manifest written before anchors existed has no ``audit_head``; its backup file carries the
trail as it was, so for unencrypted records the anchor is read from the copy itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .sqlitefile import DB_ERROR, open_ro, user_tables

#: The trail's own entry ``seq`` → its hash (None: there is no such entry).
Lookup = Callable[[int], "str | None"]


def head_of(conn: Any) -> tuple[int, str] | None:
    """(seq, hash) of the newest entry recorded in a database's ``audit_head`` (None: no trail)."""
    if "audit_head" not in user_tables(conn):
        return None
    row = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    return (int(row[0]), str(row[1])) if row is not None else None


def _mac(key: bytes, seq: int, digest: str) -> str:
    body = json.dumps({"seq": seq, "hash": digest}, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, b"audit head\n" + body, hashlib.sha256).hexdigest()


def manifest_anchor(conn: Any, audit_key: bytes | None) -> dict[str, Any]:
    """What a backup's manifest records about the trail in the copy ``conn`` ({} without one)."""
    head = head_of(conn)
    if head is None:
        return {}
    anchor: dict[str, Any] = {"seq": head[0], "hash": head[1]}
    if audit_key is not None:
        anchor["mac"] = _mac(audit_key, *head)
    return {"audit_head": anchor}


def _recorded(backup: Path, manifest: dict[str, Any]) -> dict[str, Any] | None:
    anchor = manifest.get("audit_head")
    if isinstance(anchor, dict):
        return anchor
    if manifest.get("encrypted"):
        return None  # an older encrypted backup: its trail cannot be read without the key
    try:
        conn = open_ro(backup)
        try:
            head = head_of(conn)
        finally:
            conn.close()
    except DB_ERROR:
        return None
    return {"seq": head[0], "hash": head[1]} if head is not None else None


def anchor_problems(lookup: Lookup, backups: list[tuple[Path, dict[str, Any]]],
                    audit_key: bytes | None) -> list[str]:
    """Plain-words problems where the trail no longer holds what a backup recorded of it.

    ``backups`` are (backup file, its manifest), newest first; each kind of problem is reported
    once, for the newest backup that shows it.
    """
    problems: dict[str, str] = {}
    for backup, manifest in backups:
        anchor = _recorded(backup, manifest)
        if anchor is None:
            continue
        try:
            seq, digest = int(anchor["seq"]), str(anchor["hash"])
        except (KeyError, TypeError, ValueError):
            problems.setdefault("form", f"the record of the audit trail in the manifest of {backup.name} is damaged")
            continue
        when = str(manifest.get("created_at", ""))[:16].replace("T", " ")
        if audit_key is not None and "mac" in anchor and not hmac.compare_digest(
                str(anchor["mac"]), _mac(audit_key, seq, digest)):
            problems.setdefault("mac", f"the record of the audit trail in the manifest of {backup.name} was changed")
            continue
        if seq == 0:
            continue
        have = lookup(seq)
        if have is None:
            problems.setdefault(
                "cut", f"entries are missing: when the backup {backup.name} was made ({when} UTC) the trail went up "
                f"to entry {seq}, and now it has no entry {seq} (it was cut back or wiped)")
        elif have != digest:
            problems.setdefault(
                "rewritten", f"the trail was rewritten: entry {seq} is not the one recorded when the backup "
                f"{backup.name} was made ({when} UTC)")
    return list(problems.values())
