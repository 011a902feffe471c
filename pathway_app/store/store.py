"""The store: load and save whole plans, list summaries. Plain domain objects in and out.

Every method opens one short connection and transaction and gives it back before returning;
no session, row or ORM object ever leaves this module. Reads and writes use SQLAlchemy Core
(one ``SELECT`` per table by ``plan_id``; ``DELETE`` then ``executemany`` ``INSERT`` for the
children), which keeps a heavy plan's load and save within a few milliseconds so the UI can
call them on its own thread.

The audit trail (:mod:`.audit`) is written by the store itself, so no caller can forget it:
``save`` records "created"/"changed" (with the field-level difference) in the same transaction
as the save; ``load`` records "opened"; ``delete`` records "deleted" in the deletion's
transaction; import and export (:mod:`.interchange`) record "imported"/"exported";
:meth:`Store.record_event` is for what happens outside the database ("printed", "exported" from
the app). The "before" of a change comes from a small cache of the plans this store last saved
(else it is read in the save's transaction), so a save stays a few milliseconds.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, String, and_, bindparam, cast, delete, func, insert, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.sql.elements import BindParameter, ColumnElement, Label

from ..domain import model as m
from ..domain.agreements import signed_changes
from ..domain.serialize import plan_to_dict
from ..domain.summary import PlanSummary
from ..domain.validation import ValidationError, validate
from ..errors import DatabaseProblem, NotFound, RecordsReadOnly, RetentionRefused, StaleSaveError
from . import audit as _audit
from . import mapping as mp
from .anchors import anchor_problems
from .backup import backups_with_manifests
from .engine import WRITE, plain_errors
from .target import Target, resolve

PLANS = mp.PLANS
MIN_PREFIX = 4
RETENTION_AGE = 75  # care records are kept until the young person's 75th birthday
_SNAPSHOTS = 16  # plans whose last saved state is kept for the next change's "before"


@lru_cache(maxsize=1)
def _load_statements() -> dict[str, Any]:
    """The SELECTs a load runs, built once (SQLAlchemy caches their compiled SQL too)."""
    stmts: dict[str, Any] = {}
    pcols = mp.class_plan(m.Plan).scalars + mp.class_plan(m.YoungPerson).scalars
    stmts["plan"] = select(*(PLANS.c[n] for n in pcols)).where(PLANS.c.id == _pid())
    for name, (cls, tbl) in mp.SECTIONS.items():
        cols = mp.class_plan(cls).columns
        stmts["section:" + name] = select(*(tbl.c[n] for n in cols)).where(tbl.c.plan_id == _pid())
    for name, (cls, tbl) in mp.LISTS.items():
        cols = mp.class_plan(cls).columns
        stmts["list:" + name] = (
            select(*(tbl.c[n] for n in cols)).where(tbl.c.plan_id == _pid()).order_by(tbl.c.position)
        )
    a = mp.ACTIONS
    stmts["actions"] = (
        select(a.c.area, *(a.c[n] for n in mp.class_plan(m.Action).scalars))
        .where(a.c.plan_id == _pid())
        .order_by(a.c.area, a.c.position)
    )
    return stmts


def _pid() -> BindParameter[Any]:
    return bindparam("pid")


def _caseload_filter(search: str, adviser: str | None) -> ColumnElement[bool] | None:
    """The WHERE clause shared by the caseload's rows and its count (None: everyone)."""
    cond: ColumnElement[bool] | None = None
    key = mp.search_key(search)
    if key:
        cond = PLANS.c.search_text.contains(key, autoescape=True)  # "%" and "_" typed are matched as typed
    if adviser is not None:
        by = PLANS.c.summary_adviser == adviser
        cond = by if cond is None else and_(cond, by)
    return cond


class Store:
    """Young people's plans in a database (SQLite by default; any SQLAlchemy URL)."""

    def __init__(
        self,
        engine: Engine,
        backup_path: str | None = None,
        *,
        target: Target | None = None,
        user: str | None = None,
        encrypted: bool = False,
        warnings: list[str] | None = None,
        audit_key: bytes | None = None,
    ):
        self._engine = engine
        #: where the records are (worked out once, when they were opened)
        self.target: Target = target if target is not None else resolve(engine.url)
        self._where = self.target.where
        #: the copy taken before the last migration on opening, if one was needed
        self.backup_path = backup_path
        #: things the user should know (where the database is, a backup that failed): shown by the UI
        self.warnings: list[str] = list(warnings or [])
        #: who is using the app: every audit entry names them
        self.user: str = (user or "").strip() or _audit.current_user()
        #: the records are encrypted at rest (SQLCipher); False for plain SQLite and PostgreSQL
        self.encrypted: bool = encrypted
        #: the local database file (None on a server, or in memory)
        self.path: Path | None = self.target.path
        self._audit_key = audit_key  # keys the audit trail's anchors in backup manifests (encrypted records)
        self._summary_cache: dict[str, tuple[str, tuple[Any, ...]]] = {}
        self._lock = threading.Lock()
        self._audited: bool | None = None  # does this database have the audit tables?
        self._snapshots: OrderedDict[str, tuple[int, dict[str, Any]]] = OrderedDict()

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def read_only(self) -> bool:
        """True when the records can only be read here: every save raises :class:`RecordsReadOnly`.

        The app shows :attr:`read_only_reason` in a banner and turns editing off."""
        return self.target.read_only

    @property
    def read_only_reason(self) -> str:
        """Why the records can only be read, in plain words ("" when they can be changed)."""
        return self.target.read_only_reason

    # ------------------------------------------------------------------ plumbing

    @property
    def url(self) -> str:
        """The database address, with any password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with plain_errors(self._where), self._engine.connect() as conn:
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        if self.read_only:
            raise RecordsReadOnly(
                f"{self._where.capitalize()} can only be read, not changed ({self.read_only_reason}), "
                "so nothing was saved."
            )
        with plain_errors(self._where), self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.url}>"

    # ------------------------------------------------------------------ reading

    def count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(PLANS)).scalar_one())

    def ids(self) -> list[str]:
        with self._read() as conn:
            return list(conn.execute(select(PLANS.c.id).order_by(PLANS.c.id)).scalars())

    def exists(self, plan_id: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(PLANS.c.id).where(PLANS.c.id == plan_id)).first() is not None

    def resolve_id(self, text: str) -> str:
        """The full id of the one plan whose id starts with ``text`` (at least 4 characters)."""
        text = text.strip()
        if len(text) < MIN_PREFIX:
            raise NotFound(f"'{text}' is too short: give at least {MIN_PREFIX} characters of the identifier.")
        with self._read() as conn:
            rows = conn.execute(
                select(PLANS.c.id, PLANS.c.given_name, PLANS.c.family_name, PLANS.c.preferred_name)
                .where(PLANS.c.id.startswith(text, autoescape=True))
                .order_by(PLANS.c.id)
                .limit(6)
            ).all()
        exact: list[str] = [r.id for r in rows if r.id == text]
        if exact:
            return exact[0]
        if not rows:
            raise NotFound(f"No young person has an identifier starting '{text}'.")
        if len(rows) > 1:
            names = "; ".join(f"{r.id} ({mp.display_name(r.given_name, r.family_name, r.preferred_name)})" for r in rows[:5])
            raise NotFound(f"'{text}' matches more than one young person ({names}); give more of the identifier.")
        found: str = rows[0].id
        return found

    def load(self, plan_id: str, *, opened: bool = True) -> m.Plan:
        """The whole plan, lists in their saved order. Raises :class:`NotFound`.

        Records "opened" in the audit trail; ``opened=False`` is for the store's own reads
        (an export records "exported" instead, a PDF "printed").
        """
        with self._read() as conn:
            plan = _load_plan(conn, plan_id)
        if plan is None:
            raise NotFound(f"No young person has the identifier {plan_id}.")
        if opened:
            self._record_quietly(_audit.OPENED, [(plan_id, plan.version)], None)
        return plan

    def summaries(
        self, search: str = "", adviser: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[PlanSummary]:
        """Caseload rows from narrow queries on ``plans``; ``search`` matches any name part.

        Rows already read are kept (keyed by id, version and time of saving) so refreshing the
        caseload after a save or while typing a search reads only what changed; each call
        still returns new PlanSummary objects, so callers may change them.

        ``adviser`` keeps only that adviser's young people; ``limit``/``offset`` give one page
        of the list in its order (family name, given name, id) — for a team's caseload of tens
        of thousands on a server, read a page at a time and :meth:`count_summaries` for the total.
        """
        cond = _caseload_filter(search, adviser)
        # what identifies a row's content: its version and time of saving, as stored
        stamp = (cast(PLANS.c.version, String) + "|" + cast(PLANS.c.updated_at, String)).label("stamp")
        if limit is not None or offset:
            return self._summary_page(cond, stamp, limit, offset)
        keys_stmt = select(PLANS.c.id, stamp).order_by(PLANS.c.family_name, PLANS.c.given_name, PLANS.c.id)
        if cond is not None:
            keys_stmt = keys_stmt.where(cond)
        with self._read() as conn:
            keys = conn.execute(keys_stmt).all()
            cache = self._summary_cache
            get = cache.get
            stale = [pid for pid, st in keys if (c := get(pid)) is None or c[0] != st]
            if stale:
                full = select(stamp, *(PLANS.c[c] for c in mp.summary_columns()))
                if len(stale) * 4 > len(keys):
                    found = conn.execute(full if cond is None else full.where(cond)).all()
                else:
                    found = []
                    for chunk in _chunks(stale, 500):
                        found.extend(conn.execute(full.where(PLANS.c.id.in_(chunk))).all())
                args = mp.summary_args
                with self._lock:
                    for r in found:
                        cache[r[1]] = (r[0], args(r[1:]))
        if cond is None and len(cache) > len(keys):  # forget plans deleted since
            live = {pid for pid, _st in keys}
            with self._lock:
                for gone in [i for i in cache if i not in live]:
                    del cache[gone]
        make = PlanSummary
        return [make(*cache[pid][1]) for pid, _st in keys]

    def _summary_page(self, cond: ColumnElement[bool] | None, stamp: Label[str], limit: int | None,
                      offset: int) -> list[PlanSummary]:
        """One page, read in one query straight from the caseload index."""
        stmt = (
            select(stamp, *(PLANS.c[c] for c in mp.summary_columns()))
            .order_by(PLANS.c.family_name, PLANS.c.given_name, PLANS.c.id)
            .offset(max(0, int(offset)))
        )
        if limit is not None:
            stmt = stmt.limit(max(0, int(limit)))
        if cond is not None:
            stmt = stmt.where(cond)
        with self._read() as conn:
            found = conn.execute(stmt).all()
        args = mp.summary_args
        out = []
        with self._lock:
            for r in found:
                a = args(r[1:])
                self._summary_cache[r[1]] = (r[0], a)
                out.append(PlanSummary(*a))
        return out

    def count_summaries(self, search: str = "", adviser: str | None = None) -> int:
        """How many young people :meth:`summaries` would list (for paging)."""
        stmt = select(func.count()).select_from(PLANS)
        cond = _caseload_filter(search, adviser)
        if cond is not None:
            stmt = stmt.where(cond)
        with self._read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def versions(self, ids: Iterable[str]) -> dict[str, tuple[int, datetime, str]]:
        """(version, updated_at, name) of each plan in ``ids`` that exists."""
        with self._read() as conn:
            return _versions(conn, list(ids))

    # ------------------------------------------------------------------ writing

    def save(self, plan: m.Plan, today: date | None = None, *, audit: dict[str, Any] | None = None) -> None:
        """Validate and save the whole plan in one transaction.

        A plan never saved (``version == 0``) is inserted as version 1; otherwise the save
        succeeds only if the stored version is still ``plan.version`` (else
        :class:`StaleSaveError`, nothing written). ``plan.version`` and ``plan.updated_at``
        change only once the transaction has committed. A save that changes an agreement kept
        as it was signed (:func:`pathway_app.domain.agreements.signed_changes`) is refused with
        :class:`ValidationError` naming it. ``audit`` is added to the audit entry's detail
        (where the change came from, e.g. a returned share file).
        """
        today = today or date.today()
        problems = validate(plan, today)
        if problems:
            raise ValidationError(problems)
        row = mp.plan_row(plan, today)
        children = mp.child_rows(plan)
        now = m.utcnow()
        name = plan.person.display_name
        new_version = plan.version + 1
        row["version"] = new_version
        row["updated_at"] = now
        audited = self._audit_ready()
        after = plan_to_dict(plan)
        before = None
        with self._write() as conn:
            if plan.version == 0:
                current = conn.execute(select(PLANS.c.version).where(PLANS.c.id == plan.id)).scalar()
                if current is not None:
                    raise _stale(name, current)
                conn.execute(insert(PLANS), [row])
            else:
                before = self._before(conn, plan.id, plan.version)
                kept = signed_changes(before, after)
                if kept:  # an agreement is kept as it was signed: nothing is written
                    raise ValidationError(kept)
                del row["id"]
                del row["created_at"]
                result = conn.execute(
                    update(PLANS)
                    .where(and_(PLANS.c.id == plan.id, PLANS.c.version == plan.version))
                    .values(row),
                )
                if result.rowcount != 1:
                    current = conn.execute(select(PLANS.c.version).where(PLANS.c.id == plan.id)).scalar()
                    raise _stale(name, current)
                _delete_children(conn, [plan.id])
            _insert_children(conn, [children], name)
            if audited:
                _audit.record_change(conn, user=self.user, plan_id=plan.id, plan_version=new_version,
                                     before=before, after=after, extra=audit)
        plan.version = new_version
        plan.updated_at = now
        self._remember(plan.id, new_version, after)

    def delete(self, plan_id: str, today: date | None = None) -> None:
        """Delete a young person's plan and everything in it. Raises :class:`NotFound`.

        Care records are kept until the young person's 75th birthday: before then (or when no
        date of birth is recorded, so the day cannot be worked out) the deletion is refused with
        :class:`~pathway_app.errors.RetentionRefused`, naming the first day it is allowed. The
        audit trail keeps a "deleted" entry (written in the same transaction).
        """
        from ..domain.dates import birthday, fmt

        today = today or date.today()
        audited = self._audit_ready()  # before the transaction: it may use this thread's connection
        with self._write() as conn:
            r = conn.execute(
                select(PLANS.c.version, PLANS.c.date_of_birth, PLANS.c.given_name, PLANS.c.family_name,
                       PLANS.c.preferred_name).where(PLANS.c.id == plan_id)
            ).first()
            if r is None:
                raise NotFound(f"No young person has the identifier {plan_id}.")
            name = mp.display_name(r.given_name, r.family_name, r.preferred_name) or "this young person"
            if r.date_of_birth is None:
                raise RetentionRefused(
                    f"{name}'s record cannot be deleted: care records are kept until the young person's "
                    f"{RETENTION_AGE}th birthday, and no date of birth is recorded, so that day cannot be "
                    "worked out. Nothing was deleted."
                )
            try:
                may = birthday(r.date_of_birth, RETENTION_AGE)
            except (ValueError, OverflowError):  # pragma: no cover - validation keeps dates sane
                may = None
            if may is None or today < may:
                when = f"before {fmt(may)} ({name}'s {RETENTION_AGE}th birthday)" if may else "yet"
                raise RetentionRefused(
                    f"{name}'s record cannot be deleted {when}: care records are kept until the young "
                    f"person's {RETENTION_AGE}th birthday. It may be deleted on or after that day. "
                    "Nothing was deleted.",
                    may,
                )
            conn.execute(delete(PLANS).where(PLANS.c.id == plan_id))
            if audited:
                _audit.record(conn, user=self.user, action=_audit.DELETED, plan_id=plan_id,
                              plan_version=r.version, detail={"name": name})
        self._snapshots.pop(plan_id, None)

    # ------------------------------------------------------------------ the audit trail

    def record_event(self, action: str, plan_id: str, detail: dict[str, Any] | None = None) -> None:
        """Record something done with a plan outside the database: "printed" (with the edition in
        ``detail``), "exported" (where to). Any audit action is accepted; an unknown one is a bug
        (``ValueError``)."""
        if action not in _audit.ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        self.record_events(action, [plan_id], detail)

    def record_events(self, action: str, plan_ids: Iterable[str], detail: dict[str, Any] | None = None) -> None:
        """:meth:`record_event` for several plans in one transaction."""
        ids = list(plan_ids)
        if not ids or not self._audit_ready():
            return
        with self._write() as conn:
            have = _versions(conn, ids)
            _audit.record_many(conn, [(action, pid, (have.get(pid) or (None,))[0], detail) for pid in ids],
                               user=self.user)

    def audit_history(self, plan_id: str) -> list[dict[str, Any]]:
        """Everything recorded about one young person's plan, oldest first.

        Each entry: ``seq``, ``when`` (aware UTC datetime), ``at`` (the same as ISO text),
        ``user``, ``action``, ``plan_version``, ``detail`` (dict), ``hash`` and ``changes``: for a
        "changed" entry a list of ``{"field", "label", "before", "after"}`` (``field`` is the path
        in the plan, e.g. ``person.phone`` or ``relationships[<id>].name``; ``label`` says it in
        words), otherwise ``[]``.
        """
        if not self._audit_ready():
            return []
        from ..domain.fields import describe_change

        with plain_errors(self._where):
            entries = _audit.history(self._engine, plan_id)
            current = self._current_dict(plan_id)
        out = []
        for e in entries:
            changes = []
            if e.action == _audit.CHANGED:
                for path, old, new in e.detail.get("changes", []):
                    label = describe_change(path, old, new, current)
                    changes.append({"field": path, "label": label, "before": old, "after": new})
            out.append({
                "seq": e.seq, "when": e.when, "at": e.at, "user": e.user_name, "action": e.action,
                "plan_version": e.plan_version, "detail": e.detail, "changes": changes, "hash": e.hash,
            })
        return out

    def _current_dict(self, plan_id: str) -> dict[str, Any] | None:
        """The plan as it is now (dict form), to name the records a history speaks of."""
        with self._read() as conn:
            plan = _load_plan(conn, plan_id)
        return plan_to_dict(plan) if plan is not None else None

    def verify_audit(self) -> list[str]:
        """Plain-words problems with the audit trail; ``[]`` when it is intact.

        The hash chain must be whole, and (for a records file) hold every entry the backups'
        manifests recorded when they were made (:mod:`.anchors`), so cutting the newest entries
        off, wiping the trail or recomputing it is found too.
        """
        trail = self.audit_trail()
        if trail == "not yet":
            return []
        with plain_errors(self._where):
            problems = [_audit.GONE] if trail == "gone" else _audit.verify_chain(self._engine)
            if self.target.is_file:
                lookup = (lambda _seq: None) if trail == "gone" else self._entry_hash
                problems += anchor_problems(lookup, backups_with_manifests(self.target), self._audit_key)
        return problems

    def _entry_hash(self, seq: int) -> str | None:
        with self._read() as conn:
            found: str | None = conn.execute(select(_audit.AUDIT.c.hash).where(_audit.AUDIT.c.seq == seq)).scalar()
        return found

    def audit_trail(self) -> str:
        """"kept"; "not yet" (a database from before the audit trail); "gone" (the records' format
        keeps one, but its tables have been removed)."""
        if self._audit_ready():
            return "kept"
        with plain_errors(self._where), self._engine.connect() as conn:
            return "gone" if _audit.trail_removed(conn) else "not yet"

    def _audit_ready(self) -> bool:
        if self._audited is None:
            with plain_errors(self._where):
                self._audited = _audit.has_audit_tables(self._engine)
        return self._audited

    def _record_quietly(self, action: str, entries: list[tuple[str, int | None]],
                        detail: dict[str, Any] | None) -> None:
        """Record entries that are not part of a write of ours ("opened"). A read-only or full
        database cannot take them: the person still sees the plan, and is told."""
        if self.read_only or not self._audit_ready():
            return
        try:
            with self._write() as conn:
                _audit.record_many(conn, [(action, pid, v, detail) for pid, v in entries], user=self.user)
        except DatabaseProblem as exc:
            note = f"A look at a plan could not be recorded in the audit trail: {exc}"
            if note not in self.warnings:
                self.warnings.append(note)

    def _before(self, conn: Connection, plan_id: str, version: int) -> dict[str, Any] | None:
        """The stored plan (as a dict) that a save of ``version`` replaces."""
        snap = self._snapshots.get(plan_id)
        if snap is not None and snap[0] == version:
            return snap[1]
        stored = _load_plan(conn, plan_id)
        if stored is None or stored.version != version:
            return None  # the save will be refused as stale
        return plan_to_dict(stored)

    def _remember(self, plan_id: str, version: int, snapshot: dict[str, Any]) -> None:
        with self._lock:
            self._snapshots[plan_id] = (version, snapshot)
            self._snapshots.move_to_end(plan_id)
            while len(self._snapshots) > _SNAPSHOTS:
                self._snapshots.popitem(last=False)

    # used by interchange: plans written exactly as given (version and timestamps kept)
    def _import_plans(self, plans: list[m.Plan], today: date,
                      detail: dict[str, Any] | None = None) -> list[tuple[m.Plan, str, int | None]]:
        """Add or replace ``plans`` in ONE transaction; each gets an outcome:
        "created", "updated" (the file's copy was newer), "unchanged" (same version and time)
        or "kept_newer" (the database's copy is newer). Each plan written gets an "imported"
        audit entry (with ``detail``, the outcome and the version it replaced) in the same
        transaction."""
        out: list[tuple[m.Plan, str, int | None]] = []
        audited = self._audit_ready()
        with self._write() as conn:
            existing = _versions(conn, [p.id for p in plans])
            replace: list[str] = []
            write: list[m.Plan] = []
            for p in plans:
                have = existing.get(p.id)
                if have is None:
                    out.append((p, "created", None))
                    write.append(p)
                    continue
                mine, theirs = (p.version, p.updated_at), (have[0], have[1])
                if mine > theirs:
                    out.append((p, "updated", have[0]))
                    replace.append(p.id)
                    write.append(p)
                elif mine == theirs:
                    out.append((p, "unchanged", have[0]))
                else:
                    out.append((p, "kept_newer", have[0]))
            for chunk in _chunks(replace, 500):
                conn.execute(delete(PLANS).where(PLANS.c.id.in_(chunk)))  # children cascade
            if write:
                conn.execute(insert(PLANS), [mp.plan_row(p, today) for p in write])
                _insert_children(conn, [mp.child_rows(p) for p in write], None)
                if audited:
                    base = dict(detail or {})
                    _audit.record_many(conn, [
                        (_audit.IMPORTED, p.id, p.version,
                         {**base, "outcome": outcome, **({"replaced_version": old} if old is not None else {})})
                        for p, outcome, old in out if outcome in ("created", "updated")
                    ], user=self.user)
        for p in write:
            self._snapshots.pop(p.id, None)
        return out


def _load_plan(conn: Connection, plan_id: str) -> m.Plan | None:
    st = _load_statements()
    params = {"pid": plan_id}
    row = conn.execute(st["plan"], params).mappings().first()
    if row is None:
        return None
    sections = {}
    for name in mp.SECTIONS:
        sections[name] = conn.execute(st["section:" + name], params).mappings().first()
    lists = {name: conn.execute(st["list:" + name], params).all() for name in mp.LISTS}
    actions = conn.execute(st["actions"], params).all()
    return mp.plan_from_rows(row, sections, lists, actions)


def _stale(name: str, current: int | None) -> StaleSaveError:
    if current is None:
        return StaleSaveError(
            f"{name}'s plan was deleted by someone else since you opened it; your changes were not saved.",
            current_version=None,
        )
    return StaleSaveError(
        f"{name}'s plan was changed by someone else since you opened it (now version {current}); "
        "your changes were not saved.",
        current_version=current,
    )


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _delete_children(conn: Connection, plan_ids: list[str]) -> None:
    for tbl in mp.CHILD_TABLES:
        if len(plan_ids) == 1:
            conn.execute(delete(tbl).where(tbl.c.plan_id == plan_ids[0]))
        else:
            for chunk in _chunks(plan_ids, 500):
                conn.execute(delete(tbl).where(tbl.c.plan_id.in_(chunk)))


def _insert_children(conn: Connection, per_plan: list[dict[Any, list[dict[str, Any]]]], name: str | None) -> None:
    for tbl in mp.CHILD_TABLES:
        rows = [r for children in per_plan for r in children[tbl]]
        if not rows:
            continue
        try:
            conn.execute(insert(tbl), rows)
        except sa_exc.IntegrityError as exc:
            who = f"{name}'s plan" if name else "a plan"
            raise DatabaseProblem(
                f"A record in {who} ({tbl.name.replace('_', ' ')}) has the same identifier as a "
                "record in another young person's plan, so nothing was saved."
            ) from exc


def _versions(conn: Connection, ids: list[str]) -> dict[str, tuple[int, datetime, str]]:
    out: dict[str, tuple[int, datetime, str]] = {}
    for chunk in _chunks(ids, 500):
        rows = conn.execute(
            select(
                PLANS.c.id, PLANS.c.version, PLANS.c.updated_at,
                PLANS.c.given_name, PLANS.c.family_name, PLANS.c.preferred_name,
            ).where(PLANS.c.id.in_(chunk))
        )
        for r in rows:
            out[r.id] = (r.version, r.updated_at, mp.display_name(r.given_name, r.family_name, r.preferred_name))
    return out

