"""Reading a passphrase for a command: from a file (``-`` = the first line of standard input) or,
at a terminal, typed without echo. Never from the command line itself (it would be visible to
other users in the process list and kept in shell history)."""

from __future__ import annotations

import sys

from ..errors import CliError


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0]
    return line[:-1] if line.endswith("\r") else line


def read_passphrase(path: str | None, what: str = "passphrase", *, confirm: bool = False,
                    option: str = "--passphrase-file") -> str:
    """The passphrase in file ``path`` (or typed at a terminal). ``option`` is the command-line
    option that gives this passphrase, named in the message when it is missing."""
    if path == "-":
        value = _first_line(sys.stdin.read())
    elif path:
        try:
            with open(path, encoding="utf-8") as fh:
                value = _first_line(fh.read())
        except OSError as exc:
            raise CliError(f"the {what} file {path} could not be read ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise CliError(f"the {what} file {path} is not UTF-8 text") from None
    elif sys.stdin.isatty():
        import getpass

        value = getpass.getpass(f"{what.capitalize()}: ")
        if confirm and getpass.getpass(f"Type the {what} again: ") != value:
            raise CliError(f"the two {what}s were not the same; nothing was changed")
    else:
        raise CliError(f"give the {what} with a file: {option} FILE (- reads it from standard input)")
    if not value:
        raise CliError(f"the {what} is empty")
    return value
