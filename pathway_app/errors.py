"""Errors a person can act on. They carry a plain message; anything else is a bug."""

from __future__ import annotations


class UserFacingError(Exception):
    """A problem with the user's data, file or machine, explained in plain words."""


class CliError(Exception):
    """A problem with a command line the user can fix; printed without a traceback, exit ``code``."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


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


class RecordsReadOnly(DatabaseProblem):
    """The records were opened read-only (see ``store.read_only_reason``), so nothing was saved."""


class OutputRefused(UserFacingError, OSError):
    """A file could not be written where asked (a device, a folder, no permission, a full disk);
    nothing there was changed. (An ``OSError`` too, so code that catches failed writes still does.)"""


class PassphraseNeeded(UserFacingError):
    """The records need a passphrase (``new``: none exist yet, so one must be chosen).

    ``new`` True: there is no database at ``path`` yet and the caller did not say how to make
    one: give a passphrase (encrypted, the default) or ask for an unencrypted one explicitly.
    Nothing was created. ``new`` False: the records at ``path`` are encrypted.
    """

    def __init__(self, message: str | None = None, *, new: bool, path=None):
        self.new = new
        self.path = path
        if message is None:
            where = f" at {path}" if path else ""
            message = (
                f"There are no records{where} yet. Choose a passphrase to create them encrypted "
                "(recommended), or ask for an unencrypted database explicitly."
                if new
                else f"The records{where} are encrypted: give the passphrase to open them."
            )
        super().__init__(message)


def _plain_seconds(s: float) -> str:
    s = int(round(s + 0.499))
    if s < 60:
        return f"{s} second{'s' if s != 1 else ''}"
    m, r = divmod(s, 60)
    return f"{m} minute{'s' if m != 1 else ''}" + (f" {r} s" if r else "")


class WrongPassphrase(UserFacingError):
    """The passphrase does not unlock these records. Nothing was changed or deleted."""

    def __init__(self, message: str, wait_seconds: float = 0.0):
        super().__init__(message)
        self.wait_seconds = wait_seconds


class TryAgainLater(UserFacingError):
    """Too many wrong passphrases in a row; the next try must wait ``wait_seconds``."""

    def __init__(self, wait_seconds: float):
        self.wait_seconds = wait_seconds
        super().__init__(
            f"Too many wrong passphrases in a row. Please wait {_plain_seconds(wait_seconds)} and "
            "try again. Your records are safe: nothing has been changed or deleted."
        )


class RetentionRefused(UserFacingError):
    """A young person's record may not be deleted yet (kept until their 75th birthday).

    ``may_delete_on`` is the first day it may be deleted (None when it cannot be worked out,
    e.g. no date of birth is recorded).
    """

    def __init__(self, message: str, may_delete_on=None):
        super().__init__(message)
        self.may_delete_on = may_delete_on
