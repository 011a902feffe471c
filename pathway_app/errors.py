"""Errors a person can act on. They carry a plain message; anything else is a bug."""

from __future__ import annotations


class UserFacingError(Exception):
    """A problem with the user's data, file or machine, explained in plain words."""


class NotFound(UserFacingError):
    """No young person with that identifier."""


class StaleSaveError(UserFacingError):
    """Someone else saved this plan since it was opened; nothing was written."""

    def __init__(self, message: str, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version


class ImportRefused(UserFacingError):
    """An import file was refused as a whole; ``problems`` are (plan, field, message)."""

    def __init__(self, message: str, problems: list[tuple[str, str, str]] | None = None):
        self.problems = problems or []
        super().__init__(message)


class DatabaseProblem(UserFacingError):
    """The database is locked, read-only, full, damaged, foreign, or newer than the app."""
