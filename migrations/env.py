"""Alembic environment for Pathway Planner, configured in code (there is no alembic.ini).

The app passes an open connection in ``config.attributes["connection"]``
(see ``pathway_app/store/migrate.py``). On SQLite:

- ``render_as_batch`` so that ALTERs work (batch mode copies a table and swaps it in);
- foreign keys are turned OFF before the migration's transaction and ON again after it:
  with them on, batch mode's ``DROP TABLE`` of a parent table silently cascade-deletes every
  child row. ``PRAGMA foreign_key_check`` must find nothing before the migration commits.
"""

from __future__ import annotations

from alembic import context

from pathway_app.store.models import metadata

config = context.config
target_metadata = metadata


class ForeignKeyProblem(RuntimeError):
    """A migration left rows pointing at rows that do not exist; it was rolled back."""


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Pathway Planner's migrations are run by the app (pathway_app.store.migrate)")
    is_sqlite = connection.dialect.name == "sqlite"
    raw = connection.connection.driver_connection if is_sqlite else None
    if raw is not None:
        if connection.in_transaction():
            connection.commit()  # the pragma is ignored inside a transaction
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=is_sqlite,
            compare_type=True,
        )
        # One transaction for the whole upgrade (BEGIN IMMEDIATE on SQLite, via the write
        # option the engine's begin event looks for).
        connection.execution_options(pathway_write=True)
        with context.begin_transaction():
            context.run_migrations()
            if raw is not None:
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise ForeignKeyProblem(
                        f"the migration would leave {len(problems)} rows pointing at missing "
                        f"records (first: {tuple(problems[0])}); nothing was changed"
                    )
    finally:
        if raw is not None:
            if connection.in_transaction():
                connection.rollback()
            raw.execute("PRAGMA foreign_keys=ON")


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not used by Pathway Planner")
run_migrations_online()
