"""Staying Put and Staying Close as agreements with a life of their own.

Each version of the Living Together Agreement and of the Staying Close plan is a row of
``staying_put_agreements`` / ``staying_close_agreements``; the records inside one (carers,
house rules, staff, signatures) are JSON text on its row. What the old ``staying_put`` and
``staying_close`` rows said about an arrangement becomes version 1 of a draft agreement, exactly
as the plans-file upgrade to format 3 does it (``pathway_app/store/upgrades.py``): the money
and house agreements go into the money notes and the notes about living together, coming back
into the notes about coming back, and the Staying Close staff (their table is dropped) into the
plan's staff. The decision and the practitioners' notes stay where they were.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The same identifiers as the plans-file upgrade gives (pathway_app/store/upgrades.py, _V3_IDS).
_IDS = uuid.UUID("6d1f7a52-3c4e-4b8a-9f0e-2a7c5b1d8e93")


def _id(plan_id: str, *parts: str) -> str:
    return str(uuid.uuid5(_IDS, "/".join((plan_id, *parts))))


def _list_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f(f"fk_{name}_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_plan_id"), name, ["plan_id"], unique=False)


def upgrade() -> None:
    _list_table(
        "staying_put_agreements",
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("carers", sa.Text(), nullable=False),
        sa.Column("worker_name", sa.Text(), nullable=False),
        sa.Column("worker_contact", sa.Text(), nullable=False),
        sa.Column("supervising_name", sa.Text(), nullable=False),
        sa.Column("supervising_agency", sa.Text(), nullable=False),
        sa.Column("supervising_contact", sa.Text(), nullable=False),
        sa.Column("authority", sa.Text(), nullable=False),
        sa.Column("authority_contact", sa.Text(), nullable=False),
        sa.Column("young_person_words", sa.Text(), nullable=False),
        sa.Column("carers_words", sa.Text(), nullable=False),
        sa.Column("young_person_responsibilities", sa.Text(), nullable=False),
        sa.Column("carer_responsibilities", sa.Text(), nullable=False),
        sa.Column("worker_responsibilities", sa.Text(), nullable=False),
        sa.Column("supervising_responsibilities", sa.Text(), nullable=False),
        sa.Column("authority_responsibilities", sa.Text(), nullable=False),
        sa.Column("house_rules", sa.Text(), nullable=False),
        sa.Column("house_rules_notes", sa.Text(), nullable=False),
        sa.Column("practical_support", sa.Text(), nullable=False),
        sa.Column("emotional_support", sa.Text(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("support_words", sa.Text(), nullable=False),
        sa.Column("carer_payment", sa.Text(), nullable=False),
        sa.Column("contribution", sa.Text(), nullable=False),
        sa.Column("contribution_from", sa.Text(), nullable=False),
        sa.Column("housing_costs", sa.Text(), nullable=False),
        sa.Column("housing_costs_claimed_by", sa.Text(), nullable=False),
        sa.Column("council_tax", sa.Text(), nullable=False),
        sa.Column("contracts", sa.Text(), nullable=False),
        sa.Column("money_notes", sa.Text(), nullable=False),
        sa.Column("education_support", sa.Text(), nullable=False),
        sa.Column("work_support", sa.Text(), nullable=False),
        sa.Column("health_support", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("end_basis", sa.String(length=40), nullable=False),
        sa.Column("course", sa.Text(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("disagreements", sa.Text(), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.Column("ending_early", sa.Text(), nullable=False),
        sa.Column("move_on", sa.Text(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("signatures", sa.Text(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("superseded_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    _list_table(
        "staying_close_agreements",
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("home_name", sa.Text(), nullable=False),
        sa.Column("home_contact", sa.Text(), nullable=False),
        sa.Column("manager_name", sa.Text(), nullable=False),
        sa.Column("staff", sa.Text(), nullable=False),
        sa.Column("worker_name", sa.Text(), nullable=False),
        sa.Column("worker_contact", sa.Text(), nullable=False),
        sa.Column("authority", sa.Text(), nullable=False),
        sa.Column("authority_contact", sa.Text(), nullable=False),
        sa.Column("young_person_words", sa.Text(), nullable=False),
        sa.Column("new_home", sa.Text(), nullable=False),
        sa.Column("distance", sa.Text(), nullable=False),
        sa.Column("young_person_responsibilities", sa.Text(), nullable=False),
        sa.Column("home_responsibilities", sa.Text(), nullable=False),
        sa.Column("worker_responsibilities", sa.Text(), nullable=False),
        sa.Column("authority_responsibilities", sa.Text(), nullable=False),
        sa.Column("come_back_meals", sa.Text(), nullable=False),
        sa.Column("come_back_activities", sa.Text(), nullable=False),
        sa.Column("come_back_celebrations", sa.Text(), nullable=False),
        sa.Column("come_back_hard_times", sa.Text(), nullable=False),
        sa.Column("come_back_words", sa.Text(), nullable=False),
        sa.Column("come_back_notes", sa.Text(), nullable=False),
        sa.Column("out_of_hours", sa.Text(), nullable=False),
        sa.Column("basket_of_hours", sa.Text(), nullable=False),
        sa.Column("independence_support", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("disagreements", sa.Text(), nullable=False),
        sa.Column("ending", sa.Text(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("signatures", sa.Text(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("superseded_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    _move_staying_put()
    _move_staying_close()
    with op.batch_alter_table("staying_put") as batch:
        for col in ("carer_name", "start", "end", "money", "house_agreements", "review_date"):
            batch.drop_column(col)
    with op.batch_alter_table("staying_close") as batch:
        for col in ("home_name", "new_home", "start", "end", "come_back"):
            batch.drop_column(col)
    op.drop_index(op.f("ix_staying_close_staff_plan_id"), table_name="staying_close_staff")
    op.drop_table("staying_close_staff")


def _blank(cols: Sequence[sa.Column]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in cols:
        if isinstance(c.type, sa.Text):
            out[c.name] = "[]" if c.name in _JSON else ""
        elif isinstance(c.type, sa.Date):
            out[c.name] = None
    return out


_JSON = frozenset({"carers", "house_rules", "signatures", "staff"})


def _table(name: str, *names: str, dates: Sequence[str] = ()) -> sa.Table:
    meta = sa.MetaData()
    return sa.Table(name, meta, *(sa.Column(n, sa.Date() if n in dates else sa.Text()) for n in names))


def _insert(name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    insp = sa.inspect(op.get_bind())
    cols = [sa.Column(c["name"], c["type"]) for c in insp.get_columns(name)]
    table = sa.Table(name, sa.MetaData(), *cols)
    blank = _blank(cols)
    op.get_bind().execute(sa.insert(table), [{**blank, **r} for r in rows])


def _has_text(*values: Any) -> bool:
    return any(v not in (None, "") for v in values)


def _move_staying_put() -> None:
    conn = op.get_bind()
    sp = _table("staying_put", "plan_id", "carer_name", "money", "house_agreements", "start", "end", "review_date",
                dates=("start", "end", "review_date"))
    rows = []
    for r in conn.execute(sa.select(sp)).mappings():
        if not _has_text(r["carer_name"], r["start"], r["end"], r["money"], r["house_agreements"], r["review_date"]):
            continue
        pid = r["plan_id"]
        carers = [{"name": r["carer_name"], "pronouns": "", "phone": "", "email": "",
                   "id": _id(pid, "staying_put", "1", "carer", "1")}] if (r["carer_name"] or "").strip() else []
        rows.append({
            "id": _id(pid, "staying_put", "1"), "plan_id": pid, "position": 0, "status": "draft", "version": 1,
            "end_basis": "twenty_first_birthday", "carers": json.dumps(carers, ensure_ascii=False, separators=(",", ":")),
            "house_rules_notes": r["house_agreements"] or "", "money_notes": r["money"] or "",
            "start": r["start"], "end": r["end"], "review_date": r["review_date"],
        })
    _insert("staying_put_agreements", rows)


def _move_staying_close() -> None:
    conn = op.get_bind()
    sc = _table("staying_close", "plan_id", "home_name", "new_home", "come_back", "start", "end", dates=("start", "end"))
    st = _table("staying_close_staff", "id", "plan_id", "position", "name", "role", "how_keep_in_touch")
    staff: dict[str, list[dict[str, str]]] = {}
    for s in conn.execute(sa.select(st).order_by(st.c.plan_id, sa.cast(st.c.position, sa.Integer))).mappings():
        staff.setdefault(s["plan_id"], []).append({
            "name": s["name"], "role": s["role"], "how_keep_in_touch": s["how_keep_in_touch"],
            "how_often": "", "phone": "", "id": s["id"],
        })
    rows = []
    for r in conn.execute(sa.select(sc)).mappings():
        pid = r["plan_id"]
        mine = staff.get(pid, [])
        if not mine and not _has_text(r["home_name"], r["new_home"], r["start"], r["end"], r["come_back"]):
            continue
        rows.append({
            "id": _id(pid, "staying_close", "1"), "plan_id": pid, "position": 0, "status": "draft", "version": 1,
            "home_name": r["home_name"] or "", "new_home": r["new_home"] or "", "come_back_notes": r["come_back"] or "",
            "staff": json.dumps(mine, ensure_ascii=False, separators=(",", ":")),
            "start": r["start"], "end": r["end"],
        })
    _insert("staying_close_agreements", rows)


def downgrade() -> None:  # pragma: no cover - the app never moves a database back
    raise NotImplementedError("Pathway Planner databases are never downgraded; restore a backup instead.")
