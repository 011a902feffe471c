"""The audit trail: who opened, changed, exported, printed, imported or deleted whose plan, when.

Each entry is one row of ``audit_log`` (created by migration ``0002_audit``):

- ``seq`` 1, 2, 3 … with no gaps; ``at`` the UTC moment as text (``2026-11-23T10:04:05.123456Z``,
  exactly what was hashed); ``user_name``; ``action``; ``plan_id`` and ``plan_version`` (no
  foreign key: the trail outlives a deleted plan); ``detail`` canonical JSON — for a change, the
  field-level difference between the two versions (:func:`pathway_app.domain.diff.diff`).
- ``prev_hash`` and ``hash``: ``hash = sha256(prev_hash + "\\n" + canonical JSON of the row)``,
  starting from 64 zeros. Editing, deleting or inserting a row anywhere breaks the chain, and
  :func:`verify_chain` says where. ``audit_head`` (one row) holds the newest ``seq``/``hash``:
  it is locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already
  serialises writers) so two people appending at once cannot fork the chain, and it lets
  :func:`verify_chain` notice the newest entries being cut off.
- Triggers (in the migration) refuse ``UPDATE`` and ``DELETE`` (and ``TRUNCATE`` on
  PostgreSQL) on ``audit_log``: the app has no way to change history, and anyone going round
  the app is caught by the chain. (Someone who can rewrite the *whole* file can rewrite the
  whole chain too; record :func:`chain_head` somewhere else — a backup manifest, a printout —
  to pin it.)

Writing an entry must happen in the same transaction as the thing it records (a save and its
"changed" entry commit or roll back together): call :func:`record` with the store's connection.
Reading (:func:`history`, :func:`verify_chain`) takes an engine or a connection.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ..domain.diff import diff
from . import models as _models

OPENED = "opened"
CREATED = "created"
CHANGED = "changed"
EXPORTED = "exported"
PRINTED = "printed"
IMPORTED = "imported"
DELETED = "deleted"
ACTIONS = (OPENED, CREATED, CHANGED, EXPORTED, PRINTED, IMPORTED, DELETED)
GENESIS = "0" * 64
#: schema revisions from before the audit trail (migration ``0002_audit`` made its tables)
BEFORE_TRAIL = frozenset({"0001"})
GONE = ("the audit trail has disappeared: these records are in a format that keeps one, but its tables "
        "have been removed")

#: The tables live in the plan tables' metadata (:mod:`.models`), so the models-vs-migrations
#: comparison sees them.
metadata = _models.metadata
SEQ = _models.AUDIT_SEQ
AUDIT = _models.audit_log
HEAD = _models.audit_head
assert ACTIONS == _models.AUDIT_ACTIONS


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    user_name: str
    action: str
    plan_id: str | None
    plan_version: int | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at.replace("Z", "+00:00"))


def current_user() -> str:
    """Who is using the app: ``PATHWAY_USER`` if set, else the operating system's user name."""
    name = os.environ.get("PATHWAY_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no user name at all (some containers)
        return "unknown"


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _utc_text(moment: datetime | None) -> str:
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(prev_hash: str, seq: int, at: str, user_name: str, action: str,
               plan_id: str | None, plan_version: int | None, detail_json: str) -> str:
    body = canonical({
        "seq": seq, "at": at, "user": user_name, "action": action,
        "plan_id": plan_id, "plan_version": plan_version, "detail": detail_json,
    })
    return hashlib.sha256((prev_hash + "\n" + body).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- writing


def record(conn: Connection, *, user: str, action: str, plan_id: str | None = None,
           plan_version: int | None = None, detail: dict[str, Any] | None = None,
           at: datetime | None = None) -> AuditEntry:
    """Append one entry inside the caller's (write) transaction."""
    return record_many(conn, [(action, plan_id, plan_version, detail)], user=user, at=at)[0]


def record_many(conn: Connection, entries: Iterable[tuple[str, str | None, int | None, dict[str, Any] | None]],
                *, user: str, at: datetime | None = None) -> list[AuditEntry]:
    """Append ``(action, plan_id, plan_version, detail)`` entries in order, in one go."""
    rows = list(entries)
    if not rows:
        return []
    head = conn.execute(select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1).with_for_update()).first()
    if head is None:
        raise RuntimeError("the audit trail is not set up (migration 0002_audit has not run)")
    seq, prev = int(head.seq), head.hash
    when = _utc_text(at)
    if conn.dialect.name == "postgresql":
        # The database login is the identity the server vouches for; keep it beside the name.
        role = conn.exec_driver_sql("SELECT session_user").scalar()
    else:
        role = None
    out: list[AuditEntry] = []
    for action, plan_id, plan_version, detail in rows:
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        d = dict(detail or {})
        if role and role != user:
            d.setdefault("db_role", role)
        detail_json = canonical(d)
        seq += 1
        h = entry_hash(prev, seq, when, user, action, plan_id, plan_version, detail_json)
        out.append(AuditEntry(seq, when, user, action, plan_id, plan_version, d, prev, h))
        prev = h
    conn.execute(insert(AUDIT), [
        {"seq": e.seq, "at": e.at, "user_name": e.user_name, "action": e.action, "plan_id": e.plan_id,
         "plan_version": e.plan_version, "detail": canonical(e.detail), "prev_hash": e.prev_hash, "hash": e.hash}
        for e in out
    ])
    conn.execute(update(HEAD).where(HEAD.c.id == 1).values(seq=seq, hash=prev))
    return out


def record_change(conn: Connection, *, user: str, plan_id: str, plan_version: int,
                  before: dict[str, Any] | None, after: dict[str, Any],
                  extra: dict[str, Any] | None = None) -> AuditEntry:
    """A save: ``created`` when there was no ``before``, else ``changed`` with the field diff;
    ``extra`` is added to the detail (where the change came from)."""
    if before is None:
        return record(conn, user=user, action=CREATED, plan_id=plan_id, plan_version=plan_version,
                      detail={"name": _name(after), **(extra or {})})
    return record(conn, user=user, action=CHANGED, plan_id=plan_id, plan_version=plan_version,
                  detail={**(extra or {}), "changes": [c.as_list() for c in diff(before, after)]})


def _name(d: dict[str, Any]) -> str:
    p = d.get("person") or {}
    first = (p.get("preferred_name") or "").strip() or (p.get("given_name") or "").strip()
    return " ".join(x for x in (first, (p.get("family_name") or "").strip()) if x)


def trail_removed(conn: Connection) -> bool:
    """True when the database's format keeps an audit trail (its schema revision is not one from
    before the trail) but the trail's tables are not there."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    if inspect(conn).has_table("audit_head"):
        return False
    revision = MigrationContext.configure(conn).get_current_revision()
    conn.rollback()
    return revision is not None and revision not in BEFORE_TRAIL


def has_audit_tables(bind: Engine | Connection) -> bool:
    from sqlalchemy import inspect

    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return inspect(conn).has_table("audit_head")
    return inspect(bind).has_table("audit_head")


# --------------------------------------------------------------------------- reading


def _rows(bind: Engine | Connection, stmt: Any) -> Iterator[Any]:
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            yield from conn.execute(stmt)
    else:
        yield from bind.execute(stmt)


def _entry(r: Any) -> AuditEntry:
    return AuditEntry(int(r.seq), r.at, r.user_name, r.action, r.plan_id, r.plan_version,
                      json.loads(r.detail), r.prev_hash, r.hash)


def history(bind: Engine | Connection, plan_id: str) -> list[AuditEntry]:
    """Every entry about one young person's plan, oldest first."""
    stmt = select(AUDIT).where(AUDIT.c.plan_id == plan_id).order_by(AUDIT.c.seq)
    return [_entry(r) for r in _rows(bind, stmt)]


def entries(bind: Engine | Connection, *, since_seq: int = 0, limit: int | None = None) -> list[AuditEntry]:
    stmt = select(AUDIT).where(AUDIT.c.seq > since_seq).order_by(AUDIT.c.seq)
    if limit:
        stmt = stmt.limit(limit)
    return [_entry(r) for r in _rows(bind, stmt)]


def chain_head(bind: Engine | Connection) -> tuple[int, str]:
    """(newest seq, its hash): write it down elsewhere to pin the whole trail."""
    r = next(iter(_rows(bind, select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1))), None)
    return (int(r.seq), r.hash) if r is not None else (0, GENESIS)


def verify_chain(bind: Engine | Connection) -> list[str]:
    """Plain-words problems with the trail; ``[]`` when every entry is as it was written."""
    problems: list[str] = []
    expected_seq, prev = 1, GENESIS
    last_seq, last_hash = 0, GENESIS
    for r in _rows(bind, select(AUDIT).order_by(AUDIT.c.seq)):
        seq = int(r.seq)
        if seq != expected_seq:
            if seq > expected_seq:
                gone = f"{expected_seq}" if seq == expected_seq + 1 else f"{expected_seq} to {seq - 1}"
                problems.append(f"entry {gone} is missing: removed after it was written")
            else:  # pragma: no cover - seq is the primary key, so never repeated or out of order
                problems.append(f"entry {seq} is out of order")
        if r.prev_hash != prev and seq == expected_seq:
            problems.append(f"entry {seq} does not follow on from entry {seq - 1}: an entry before it was changed or replaced")
        computed = entry_hash(r.prev_hash, seq, r.at, r.user_name, r.action, r.plan_id, r.plan_version, r.detail)
        if computed != r.hash:
            problems.append(f"entry {seq} ({r.action}, {r.at}) was changed after it was written")
        prev = r.hash
        expected_seq = seq + 1
        last_seq, last_hash = seq, r.hash
    head_seq, head_hash = chain_head(bind)
    if head_seq > last_seq:
        problems.append(
            f"the newest entries were removed: the trail should go up to entry {head_seq} but stops at {last_seq}")
    elif (head_seq, head_hash) != (last_seq, last_hash):
        problems.append("the record of the newest entry does not match the trail: it was changed")
    return problems
