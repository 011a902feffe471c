"""Agreeing the plan, and how to reach an adviser (issue 13).

- a ``sign_off`` row per plan: what the young person thinks of the plan and their comments,
  whether advocacy was offered and an interpreter used, the independent reviewing officer and
  who gets a copy — every existing plan gets an empty one;
- ``advisers.phone`` and ``advisers.email``, empty for advisers already recorded.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(length=36)
CODE = sa.String(length=40)


def upgrade() -> None:
    sign_off = op.create_table(
        "sign_off",
        sa.Column("plan_id", ID, nullable=False),
        sa.Column("young_person_view", CODE, nullable=False),
        sa.Column("young_person_comments", sa.Text(), nullable=False),
        sa.Column("advocacy_offered", sa.Boolean(), nullable=True),
        sa.Column("advocate", sa.Text(), nullable=False),
        sa.Column("interpreter_used", sa.Boolean(), nullable=True),
        sa.Column("interpreter_language", sa.Text(), nullable=False),
        sa.Column("reviewing_officer", sa.Text(), nullable=False),
        sa.Column("copies_to", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_sign_off_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_sign_off")),
    )
    with op.batch_alter_table("advisers") as batch:
        batch.add_column(sa.Column("phone", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("email", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    plans = sa.table("plans", sa.column("id", ID))
    ids = [r[0] for r in bind.execute(sa.select(plans.c.id)).all()]
    if ids:
        bind.execute(sign_off.insert(), [
            {"plan_id": pid, "young_person_view": "not_asked", "young_person_comments": "", "advocacy_offered": None,
             "advocate": "", "interpreter_used": None, "interpreter_language": "", "reviewing_officer": "",
             "copies_to": ""} for pid in ids
        ])


def downgrade() -> None:
    with op.batch_alter_table("advisers") as batch:
        batch.drop_column("email")
        batch.drop_column("phone")
    op.drop_table("sign_off")
