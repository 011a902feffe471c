"""The law and the facts (issue 12): immigration matters, children, orders that ended care, the
return home, the date of birth's basis, the home's registration, and the care basis in the
words "completed on" and "from".

Data is moved, never dropped (the same moves as the plans file's upgrade to version 2, see
``pathway_app/store/upgrades.py``; repeated here, frozen, because a migration imports no app
code):

- ``plans.immigration_status`` / ``immigration_notes`` → the plan's first row of
  ``immigration_matters``; "age_disputed" also marks the date of birth as disputed;
- a care episode whose legal status was "sgo" or "cao" → a ``permanence_orders`` row (same
  code, made on the episode's start, with whom = the home's name, notes kept plus a note of
  where it came from); "left_care" → "other", with a note;
- the care basis kept for the caseload: ``basis_thirteen_weeks_on`` is the 91st day, now called
  ``basis_thirteen_weeks_completed_on``; ``basis_eligible_on`` / ``basis_eligible_if_stays_on``
  were that 91st day where eligibility came with the 13 weeks, and are now the day after it
  (``basis_eligible_from`` / ``basis_eligible_from_if_stays``); otherwise (eligibility from the
  16th birthday or a later return to care) unchanged;
- every plan gets an empty ``return_home`` row and ``home.registration`` = "not_recorded".

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(length=36)
CODE = sa.String(length=40)
NAMESPACE = uuid.UUID("8f0b7f0e-6a43-4a7e-9d1c-1a2f3e4d5c6b")  # as the plans file's upgrade

HOME_WORDS = {
    "foster": "Foster home",
    "kinship": "Kinship or connected person's home",
    "residential": "Children's home",
    "semi_independent": "Semi-independent home",
    "supported_lodgings": "Supported lodgings",
    "with_parent": "Living with a parent",
    "custody": "Custody",
    "staying_put": "Staying Put (with former foster carers)",
    "staying_close": "Staying Close (near the children's home)",
    "own_tenancy": "Own tenancy",
    "university": "University accommodation",
    "supported_housing": "Supported housing",
    "other": "Other",
}
ORDER_WORDS = {"sgo": "Special guardianship order", "cao": "Child arrangements order"}
LEFT_CARE_NOTE = "Legal status recorded as “Left care”, which is not a way of being looked after."


def _day(d) -> str:
    return f"{d.day} {d:%B %Y}" if isinstance(d, date) else str(d)


def _order_note(code: str, start, end, home_type: str, short_break: bool) -> str:
    when = f"from {_day(start)}" + (f" to {_day(end)}" if end else "")
    home = HOME_WORDS.get(home_type, home_type)
    brk = ", a planned short break" if short_break else ""
    return (f"Moved from the care history, where it was recorded as a time in care {when} "
            f"({home}{brk}) with the legal status “{ORDER_WORDS[code]}”: the order ended "
            "being looked after on the day it was made.")


def _joined(*texts: str) -> str:
    return "\n".join(t for t in texts if t and t.strip())


def _list_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", ID, nullable=False),
        sa.Column("plan_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f(f"fk_{name}_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_plan_id"), name, ["plan_id"], unique=False)


def upgrade() -> None:
    bind = op.get_bind()
    _list_table(
        "immigration_matters",
        sa.Column("status", CODE, nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    _list_table(
        "children",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("born_on", sa.Date(), nullable=True),
        sa.Column("lives_with_young_person", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    _list_table(
        "permanence_orders",
        sa.Column("kind", CODE, nullable=False),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("with_whom", sa.Text(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    return_home = op.create_table(
        "return_home",
        sa.Column("plan_id", ID, nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("with_whom", sa.Text(), nullable=False),
        sa.Column("support", sa.Text(), nullable=False),
        sa.Column("support_until", sa.Date(), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_return_home_plan_id_plans"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_return_home")),
    )
    with op.batch_alter_table("home") as batch:
        batch.add_column(sa.Column("registration", CODE, nullable=False, server_default="not_recorded"))
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("date_of_birth_basis", CODE, nullable=False, server_default="stated"))
        batch.add_column(sa.Column("age_assessed_on", sa.Date(), nullable=True))
        for col in ("basis_eligible_from", "basis_thirteen_weeks_completed_on", "basis_eligible_from_if_stays",
                    "basis_sgo_made_on", "basis_sgo_ended_on", "basis_with_family_from", "basis_with_family_to"):
            batch.add_column(sa.Column(col, sa.Date(), nullable=True))

    plans = sa.table(
        "plans",
        sa.column("id", ID),
        sa.column("immigration_status", CODE),
        sa.column("immigration_notes", sa.Text()),
        sa.column("date_of_birth_basis", CODE),
        sa.column("basis_eligible_on", sa.Date()),
        sa.column("basis_thirteen_weeks_on", sa.Date()),
        sa.column("basis_eligible_if_stays_on", sa.Date()),
        sa.column("basis_eligible_from", sa.Date()),
        sa.column("basis_thirteen_weeks_completed_on", sa.Date()),
        sa.column("basis_eligible_from_if_stays", sa.Date()),
    )
    matters = sa.table(
        "immigration_matters", sa.column("id", ID), sa.column("plan_id", ID), sa.column("position", sa.Integer()),
        sa.column("status", CODE), sa.column("since", sa.Date()), sa.column("until", sa.Date()),
        sa.column("notes", sa.Text()),
    )
    rows = bind.execute(sa.select(
        plans.c.id, plans.c.immigration_status, plans.c.immigration_notes, plans.c.basis_eligible_on,
        plans.c.basis_thirteen_weeks_on, plans.c.basis_eligible_if_stays_on,
    )).all()
    new_matters = []
    for pid, status, notes, eligible, thirteen, if_stays in rows:
        def later(d):
            return d + timedelta(days=1) if d is not None and d == thirteen else d  # noqa: B023 - used at once

        bind.execute(plans.update().where(plans.c.id == pid).values(
            basis_thirteen_weeks_completed_on=thirteen,
            basis_eligible_from=later(eligible),
            basis_eligible_from_if_stays=later(if_stays),
            date_of_birth_basis="disputed" if status == "age_disputed" else "stated",
        ))
        new_matters.append({
            "id": str(uuid.uuid5(NAMESPACE, f"{pid}/immigration/0")), "plan_id": pid, "position": 0,
            "status": status, "since": None, "until": None, "notes": notes or "",
        })
    if new_matters:
        bind.execute(matters.insert(), new_matters)
    if rows:
        bind.execute(return_home.insert(), [
            {"plan_id": pid, "returned_on": None, "with_whom": "", "support": "", "support_until": None,
             "review_on": None, "ended_on": None, "notes": ""} for pid, *_rest in rows
        ])
    _episodes(bind)

    with op.batch_alter_table("plans") as batch:
        for col in ("basis_eligible_on", "basis_thirteen_weeks_on", "basis_eligible_if_stays_on",
                    "immigration_status", "immigration_notes"):
            batch.drop_column(col)


def _episodes(bind) -> None:
    episodes = sa.table(
        "care_episodes", sa.column("id", ID), sa.column("plan_id", ID), sa.column("start", sa.Date()),
        sa.column("end", sa.Date()), sa.column("home_type", CODE), sa.column("legal_status", CODE),
        sa.column("short_break", sa.Boolean()), sa.column("home_name", sa.Text()), sa.column("notes", sa.Text()),
        sa.column("position", sa.Integer()),
    )
    orders = sa.table(
        "permanence_orders", sa.column("id", ID), sa.column("plan_id", ID), sa.column("position", sa.Integer()),
        sa.column("kind", CODE), sa.column("made_on", sa.Date()), sa.column("with_whom", sa.Text()),
        sa.column("ended_on", sa.Date()), sa.column("notes", sa.Text()),
    )
    found = bind.execute(
        sa.select(episodes.c.id, episodes.c.plan_id, episodes.c.start, episodes.c.end, episodes.c.home_type,
                  episodes.c.legal_status, episodes.c.short_break, episodes.c.home_name, episodes.c.notes)
        .where(episodes.c.legal_status.in_(("sgo", "cao", "left_care")))
        .order_by(episodes.c.plan_id, episodes.c.position)
    ).all()
    position: dict[str, int] = {}
    for eid, pid, start, end, home_type, code, short_break, home_name, notes in found:
        if code == "left_care":
            bind.execute(episodes.update().where(episodes.c.id == eid).values(
                legal_status="other", notes=_joined(notes, LEFT_CARE_NOTE)))
            continue
        note = _order_note(code, start, end, home_type, short_break)
        if start is None:
            bind.execute(episodes.update().where(episodes.c.id == eid).values(
                legal_status="other", notes=_joined(notes, note)))
            continue
        n = position.get(pid, 0)
        position[pid] = n + 1
        bind.execute(episodes.delete().where(episodes.c.id == eid))
        bind.execute(orders.insert().values(
            id=eid, plan_id=pid, position=n, kind=code, made_on=start, with_whom=home_name or "",
            ended_on=None, notes=_joined(notes, note)))


def downgrade() -> None:
    """Back to 0002's tables. What only 0003 can hold (dates of immigration matters past the
    first, children, orders, the return home, the date of birth's basis) is dropped."""
    bind = op.get_bind()
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("immigration_status", CODE, nullable=False, server_default="unknown"))
        batch.add_column(sa.Column("immigration_notes", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("basis_eligible_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("basis_thirteen_weeks_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("basis_eligible_if_stays_on", sa.Date(), nullable=True))
    bind.execute(sa.text(
        "UPDATE plans SET basis_thirteen_weeks_on = basis_thirteen_weeks_completed_on, "
        "basis_eligible_on = basis_eligible_from, basis_eligible_if_stays_on = basis_eligible_from_if_stays"
    ))
    bind.execute(sa.text(
        "UPDATE plans SET immigration_status = (SELECT status FROM immigration_matters m "
        "WHERE m.plan_id = plans.id AND m.position = 0), immigration_notes = (SELECT notes FROM "
        "immigration_matters m WHERE m.plan_id = plans.id AND m.position = 0) "
        "WHERE EXISTS (SELECT 1 FROM immigration_matters m WHERE m.plan_id = plans.id AND m.position = 0)"
    ))
    with op.batch_alter_table("plans") as batch:
        for col in ("date_of_birth_basis", "age_assessed_on", "basis_eligible_from", "basis_thirteen_weeks_completed_on",
                    "basis_eligible_from_if_stays", "basis_sgo_made_on", "basis_sgo_ended_on",
                    "basis_with_family_from", "basis_with_family_to"):
            batch.drop_column(col)
    with op.batch_alter_table("home") as batch:
        batch.drop_column("registration")
    op.drop_table("return_home")
    for name in ("permanence_orders", "children", "immigration_matters"):
        op.drop_index(op.f(f"ix_{name}_plan_id"), table_name=name)
        op.drop_table(name)
