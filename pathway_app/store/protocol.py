"""What the desktop app uses of a store: the contract between ``ui`` and ``store``.

:class:`~pathway_app.store.store.Store` is the one implementation; the UI is typed against
:class:`StoreProtocol` instead, so it asks only for these members and never probes a store
for what it might have. ``tests/store/test_protocol.py`` checks that ``Store`` still provides
every member here with the same parameters, so a change to the store that would break the app
fails there first.

Nothing here imports SQLAlchemy: the UI imports this module.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol, runtime_checkable

from ..domain import model as m
from ..domain.summary import PlanSummary


@runtime_checkable
class StoreProtocol(Protocol):
    """Young people's plans, as the app reads and writes them.

    Errors a person can act on are :class:`~pathway_app.errors.UserFacingError` in plain
    words (:class:`~pathway_app.errors.NotFound`, ``StaleSaveError``, ``RetentionRefused``,
    ``DatabaseProblem`` …); the app shows them and carries on.
    """

    #: Who is using the app; every audit entry names them.
    user: str
    #: The records are encrypted at rest (False for plain SQLite and for a server).
    encrypted: bool
    #: Things the person should know about where the records are (shown as banners).
    warnings: list[str]
    #: The records can only be read here (a read-only folder or file, or opened to look at):
    #: the app turns editing off and says why, in :attr:`read_only_reason`'s plain words.
    read_only: bool
    read_only_reason: str

    def load(self, plan_id: str, *, opened: bool = True) -> m.Plan:
        """The whole plan; ``opened=False`` for reads that are not someone reading it (a count)."""
        ...

    def save(self, plan: m.Plan, today: date | None = None) -> None:
        """Validate and save the whole plan in one transaction (``StaleSaveError`` if overtaken)."""
        ...

    def delete(self, plan_id: str, today: date | None = None) -> None:
        """Delete a plan, unless it must still be kept (``RetentionRefused``)."""
        ...

    def summaries(
        self, search: str = "", adviser: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[PlanSummary]:
        """Rows of the list of young people (``limit``/``offset``: one page of a long list)."""
        ...

    def count_summaries(self, search: str = "", adviser: str | None = None) -> int:
        """How many young people :meth:`summaries` would list."""
        ...

    def record_event(self, action: str, plan_id: str, detail: dict[str, Any] | None = None) -> None:
        """Note in the plan's history something done outside the records ("printed", "exported")."""
        ...

    def audit_history(self, plan_id: str) -> list[dict[str, Any]]:
        """Everything recorded about one plan, oldest first.

        The app reads ``user``, ``when`` (an aware datetime), ``action``, ``detail`` (a dict) and
        ``changes`` (dicts with ``field``, ``before`` and ``after``) of each entry.
        """
        ...

    def close(self) -> None:
        """Let go of the records (no open connection, no key in use)."""
        ...


__all__ = ["StoreProtocol"]
