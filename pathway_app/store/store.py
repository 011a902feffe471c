"""The store: load and save whole plans, list summaries. Plain domain objects in and out.

Every method opens one short connection and transaction and gives it back before returning;
no session, row or ORM object ever leaves this module. Reads and writes use SQLAlchemy Core
(one ``SELECT`` per table by ``plan_id``; ``DELETE`` then ``executemany`` ``INSERT`` for the
children), which keeps a heavy plan's load and save within a few milliseconds so the UI can
call them on its own thread.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Iterable, Iterator

from sqlalchemy import Connection, Engine, String, and_, cast, delete, func, insert, select, update
from sqlalchemy import exc as sa_exc

from ..domain import model as m
from ..domain.summary import PlanSummary
from ..domain.validation import ValidationError, validate
from ..errors import DatabaseProblem, NotFound, StaleSaveError
from . import mapping as mp
from .engine import WRITE, describe, plain_errors

PLANS = mp.PLANS
MIN_PREFIX = 4


@lru_cache(maxsize=1)
def _load_statements() -> dict[str, Any]:
    """The SELECTs a load runs, built once (SQLAlchemy caches their compiled SQL too)."""
    stmts: dict[str, Any] = {}
    pcols = mp.class_plan(m.Plan).scalars + mp.class_plan(m.YoungPerson).scalars
    stmts["plan"] = select(*(PLANS.c[n] for n in pcols)).where(PLANS.c.id == _pid())
    for name, (cls, tbl) in mp.SECTIONS.items():
        cols = mp.class_plan(cls).scalars
        stmts["section:" + name] = select(*(tbl.c[n] for n in cols)).where(tbl.c.plan_id == _pid())
    for name, (cls, tbl) in mp.LISTS.items():
        cols = mp.class_plan(cls).scalars
        stmts["list:" + name] = (
            select(*(tbl.c[n] for n in cols)).where(tbl.c.plan_id == _pid()).order_by(tbl.c.position)
        )
    a = mp.ACTIONS
    stmts["actions"] = (
        select(a.c.area, *(a.c[n] for n in mp.class_plan(m.Action).scalars))
        .where(a.c.plan_id == _pid())
        .order_by(a.c.area, a.c.position)
    )
    s = mp.STAFF
    stmts["staff"] = (
        select(*(s.c[n] for n in mp.class_plan(m.StayingCloseContact).scalars))
        .where(s.c.plan_id == _pid())
        .order_by(s.c.position)
    )
    return stmts


def _pid():
    from sqlalchemy import bindparam

    return bindparam("pid")


class Store:
    """Young people's plans in a database (SQLite by default; any SQLAlchemy URL)."""

    def __init__(self, engine: Engine, backup_path: str | None = None):
        self._engine = engine
        self._where = describe(engine.url)
        #: the copy taken before the last migration on opening, if one was needed
        self.backup_path = backup_path
        #: things the user should know about where the database is (shown by the UI)
        self.warnings: list[str] = []
        self._summary_cache: dict[str, tuple[str, tuple[Any, ...]]] = {}
        self._lock = threading.Lock()

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
        with plain_errors(self._where), self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Store":
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
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as conn:
            rows = conn.execute(
                select(PLANS.c.id, PLANS.c.given_name, PLANS.c.family_name, PLANS.c.preferred_name)
                .where(PLANS.c.id.like(escaped + "%", escape="\\"))
                .order_by(PLANS.c.id)
                .limit(6)
            ).all()
        exact = [r for r in rows if r.id == text]
        if exact:
            return exact[0].id
        if not rows:
            raise NotFound(f"No young person has an identifier starting '{text}'.")
        if len(rows) > 1:
            names = "; ".join(f"{r.id} ({mp.display_name(r.given_name, r.family_name, r.preferred_name)})" for r in rows[:5])
            raise NotFound(f"'{text}' matches more than one young person ({names}); give more of the identifier.")
        return rows[0].id

    def load(self, plan_id: str) -> m.Plan:
        """The whole plan, lists in their saved order. Raises :class:`NotFound`."""
        st = _load_statements()
        params = {"pid": plan_id}
        with self._read() as conn:
            row = conn.execute(st["plan"], params).mappings().first()
            if row is None:
                raise NotFound(f"No young person has the identifier {plan_id}.")
            sections = {}
            for name in mp.SECTIONS:
                sections[name] = conn.execute(st["section:" + name], params).mappings().first()
            lists = {name: conn.execute(st["list:" + name], params).all() for name in mp.LISTS}
            actions = conn.execute(st["actions"], params).all()
            staff = conn.execute(st["staff"], params).all()
        return mp.plan_from_rows(row, sections, lists, actions, staff)

    def summaries(self, search: str = "") -> list[PlanSummary]:
        """Caseload rows from narrow queries on ``plans``; ``search`` matches any name part.

        Rows already read are kept (keyed by id, version and time of saving) so refreshing the
        caseload after a save or while typing a search reads only what changed; each call
        still returns new PlanSummary objects, so callers may change them.
        """
        cond = None
        key = mp.search_key(search)
        if key:
            escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            cond = PLANS.c.search_text.like(f"%{escaped}%", escape="\\")
        # what identifies a row's content: its version and time of saving, as stored
        stamp = (cast(PLANS.c.version, String) + "|" + cast(PLANS.c.updated_at, String)).label("stamp")
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

    def versions(self, ids: Iterable[str]) -> dict[str, tuple[int, datetime, str]]:
        """(version, updated_at, name) of each plan in ``ids`` that exists."""
        with self._read() as conn:
            return _versions(conn, list(ids))

    # ------------------------------------------------------------------ writing

    def save(self, plan: m.Plan, today: date | None = None) -> None:
        """Validate and save the whole plan in one transaction.

        A plan never saved (``version == 0``) is inserted as version 1; otherwise the save
        succeeds only if the stored version is still ``plan.version`` (else
        :class:`StaleSaveError`, nothing written). ``plan.version`` and ``plan.updated_at``
        change only once the transaction has committed.
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
        with self._write() as conn:
            if plan.version == 0:
                current = conn.execute(select(PLANS.c.version).where(PLANS.c.id == plan.id)).scalar()
                if current is not None:
                    raise _stale(name, current)
                conn.execute(insert(PLANS), [row])
            else:
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
        plan.version = new_version
        plan.updated_at = now

    def delete(self, plan_id: str) -> None:
        """Delete a young person's plan and everything in it. Raises :class:`NotFound`."""
        with self._write() as conn:
            n = conn.execute(delete(PLANS).where(PLANS.c.id == plan_id)).rowcount
        if n != 1:
            raise NotFound(f"No young person has the identifier {plan_id}.")

    # used by interchange: plans written exactly as given (version and timestamps kept)
    def _import_plans(self, plans: list[m.Plan], today: date) -> list[tuple[m.Plan, str, int | None]]:
        """Add or replace ``plans`` in ONE transaction; each gets an outcome:
        "created", "updated" (the file's copy was newer), "unchanged" (same version and time)
        or "kept_newer" (the database's copy is newer)."""
        out: list[tuple[m.Plan, str, int | None]] = []
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
        return out


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

