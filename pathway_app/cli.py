"""`pathway-planner`: with no command, opens the app; sub-commands for scripts and CI.

``pathway-planner FILE`` (one existing file) opens a shared plan in the carer's or key worker's
workspace (:mod:`pathway_app.ui.workspace`): no records are opened.

Each command lives in its own module under :mod:`pathway_app.commands` with ``NAME``,
``HELP``, ``add_arguments(parser)`` and ``run(args, ctx) -> int``. Modules import what they
need inside ``run`` so that starting the app stays fast.

Errors go to stderr with a non-zero exit: 2 for a wrong command line or bad input, 1 for a
problem with the database or a file.

Every command takes ``--passphrase-file FILE`` (the records passphrase, read from FILE, or
from standard input with ``-``; at a terminal it is asked for when needed, never taken from
the command line itself) and ``--unencrypted`` (only when a NEW local database is made: make
it without encryption). A script that would create a new database without either is refused
with a message saying to choose; an existing unencrypted database needs neither.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from . import __version__
from .errors import CliError  # noqa: F401 - commands raise it (``from ..cli import CliError``)

#: The days a command can be asked to work dates out on ("--today"): wide enough for any real
#: use, narrow enough that 25 years on (and back) is still a date Python can hold.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2199, 12, 31)


def parse_day(text: str) -> date:
    import re

    try:
        day = date.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise argparse.ArgumentTypeError(f"'{text}' is not a real date (check the month and day)") from None
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-23 (year-month-day)") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside the dates Pathway Planner works with "
            f"({EARLIEST_DAY.year} to {LATEST_DAY.year})"
        )
    return day


class Context:
    """What a command needs: the parsed options, a store opened on demand, output helpers."""

    def __init__(self, args: argparse.Namespace, stdout=None, stderr=None):
        self.args = args
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._store: Any = None
        self._passphrase: str | None = None
        self._passphrase_read = False
        self._asked = False

    @property
    def today(self) -> date:
        return getattr(self.args, "today", None) or date.today()

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def db_url(self) -> str | None:
        return getattr(self.args, "db", None)

    def target(self) -> Any:
        """Where the records are (``--db``/``--data-dir``): a :class:`~pathway_app.store.target.Target`."""
        from .store.target import resolve

        return resolve(self.db_url(), getattr(self.args, "data_dir", None))

    # ------------------------------------------------------------------ the records passphrase

    def passphrase(self) -> str | None:
        """The records passphrase from ``--passphrase-file`` (read once), or None."""
        if not self._passphrase_read:
            self._passphrase_read = True
            source = getattr(self.args, "passphrase_file", None)
            if source:
                from .commands._secret import read_passphrase

                self._passphrase = read_passphrase(source, "passphrase")
        return self._passphrase

    def can_ask(self) -> bool:
        try:
            return sys.stdin.isatty()
        except (AttributeError, ValueError):  # pragma: no cover - closed or replaced stdin
            return False

    def ask_passphrase(self, *, new: bool, where: Any = None) -> str:
        """Ask at the terminal (no echo); a new passphrase is typed twice."""
        import getpass

        self._asked = True
        if new:
            print(f"Choose a passphrase for the new records{f' at {where}' if where else ''} "
                  "(at least 8 characters; a few words are easy to remember):", file=self.stderr)
            value = getpass.getpass("New passphrase: ")
            if getpass.getpass("Type it again: ") != value:
                raise CliError("the two passphrases were not the same; nothing was created")
        else:
            value = getpass.getpass("Passphrase: ")
        if not value:
            raise CliError("the passphrase is empty")
        self._passphrase, self._passphrase_read = value, True
        return value

    def data_key(self, keyfile: Any) -> bytes | None:
        """The data key in ``keyfile`` unlocked with the records passphrase (asked for at a
        terminal); None when no passphrase was given and none can be asked for."""
        from .store import crypto

        pw = self.passphrase()
        if pw is None:
            if not self.can_ask():
                return None
            pw = self.ask_passphrase(new=False)
        return crypto.unlock(keyfile, pw)

    def store(self):
        """The store for ``--db``/``--data-dir`` (migrated to the current schema)."""
        if self._store is None:
            from .errors import PassphraseNeeded, WrongPassphrase
            from .store import open_store

            pw = self.passphrase()
            unencrypted = bool(getattr(self.args, "unencrypted", False))
            tries = 0
            while True:
                try:
                    self._store = open_store(url=self.db_url(), data_dir=getattr(self.args, "data_dir", None),
                                             passphrase=pw, create_unencrypted=unencrypted)
                    break
                except PassphraseNeeded as exc:
                    if pw is None and self.can_ask():
                        pw = self.ask_passphrase(new=exc.new, where=exc.path)
                        continue
                    raise CliError(_passphrase_needed(exc), 2 if exc.new else 1) from None
                except WrongPassphrase:
                    if self._asked and tries < 2 and self.can_ask():
                        tries += 1
                        print("That passphrase does not unlock these records; try again.", file=self.stderr)
                        pw = self.ask_passphrase(new=False)
                        continue
                    raise
            for w in self._store.warnings:
                print(f"pathway-planner: warning: {w}", file=self.stderr)
            if self._store.read_only:
                print(f"pathway-planner: note: these records can only be read here ({self._store.read_only_reason}); "
                      "nothing in them will be changed.", file=self.stderr)
        return self._store

    def store_to_change(self, doing: str) -> Any:
        """:meth:`store`, refusing records that can only be read: ``doing`` changes them, or is
        recorded in their audit trail (printing, exporting)."""
        store = self.store()
        if store.read_only:
            raise CliError(f"{doing} needs records that can be changed (even printing or exporting is recorded "
                           f"in their audit trail), and these can only be read here ({store.read_only_reason}). "
                           "Nothing was done.", 1)
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def print(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def print_json(self, obj: Any) -> None:
        json.dump(obj, self.stdout, ensure_ascii=False, indent=2, default=_json_default)
        self.stdout.write("\n")

    def error(self, text: str) -> None:
        print(f"pathway-planner: {text}", file=self.stderr)


def _passphrase_needed(exc: Any) -> str:
    where = f" at {exc.path}" if getattr(exc, "path", None) else ""
    if exc.new:
        return (
            f"there is no database{where} yet, and nothing was created. Choose how to make it: "
            "--passphrase-file FILE to create it encrypted with the passphrase in FILE (recommended; "
            "- reads it from standard input), or --unencrypted to create it without encryption."
        )
    return (
        f"the records{where} are encrypted: give the passphrase with --passphrase-file FILE "
        "(- reads it from standard input)."
    )


def _json_default(o: Any) -> Any:
    if isinstance(o, date):
        return o.isoformat()
    raise TypeError(f"cannot write {type(o).__name__} as JSON")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On sub-parsers the defaults are SUPPRESS so a value given before the command survives.
    d = None if top else argparse.SUPPRESS
    g = parser.add_argument_group("where the records are")
    g.add_argument("--db", metavar="URL", default=d, help="a database URL (default: SQLite in your data folder)")
    g.add_argument("--data-dir", metavar="DIR", default=d, help="use DIR as the data folder")
    g.add_argument("--passphrase-file", metavar="FILE", default=d,
                   help="read the records passphrase from FILE ('-' for standard input); asked for at a terminal")
    g.add_argument("--unencrypted", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="when a new database is made, make it without encryption (not recommended)")
    parser.add_argument("--json", action="store_true", default=False if top else argparse.SUPPRESS, help="print JSON")


def command_modules() -> list[Any]:
    from . import commands

    mods = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mods.append(importlib.import_module(f"{commands.__name__}.{info.name}"))
    return sorted(mods, key=lambda m: getattr(m, "ORDER", 50))


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Any]]:
    parser = argparse.ArgumentParser(
        prog="pathway-planner",
        description="Plan a young person's move from care into adult life. "
        "With no command, opens the app; with a shared plan FILE, opens it to work on.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the app with the demo young people added")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    table: dict[str, Any] = {}
    for mod in command_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP))
        _common(p, top=False)
        mod.add_arguments(p)
        table[mod.NAME] = mod
    return parser, table


def main(argv: Sequence[str] | None = None) -> int:
    parser, table = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    if len(given) == 1 and given[0] not in table and not given[0].startswith("-") and os.path.isfile(given[0]):
        from .ui.app import run_workspace  # `pathway-planner FILE`: a shared plan, in its workspace

        return run_workspace(given[0])
    args = parser.parse_args(argv)
    if args.command is None:
        from .ui.app import run_app

        return run_app(db_url=args.db, data_dir=args.data_dir, demo=args.demo)
    ctx = Context(args)
    try:
        return int(table[args.command].run(args, ctx) or 0)
    except CliError as exc:
        ctx.error(str(exc))
        return exc.code
    except KeyboardInterrupt:
        ctx.error("stopped")
        return 130
    except BrokenPipeError:
        # The reader went away (`pathway-planner list | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # errors the user can act on are turned into CliError by stores
        from .errors import UserFacingError

        if isinstance(exc, UserFacingError):
            ctx.error(str(exc))
            return 1
        raise
    finally:
        ctx.close()
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # pragma: no cover - `| head`
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
