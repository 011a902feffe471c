"""`pathway-planner`: with no command, opens the app; sub-commands for scripts and CI.

Each command lives in its own module under :mod:`pathway_app.commands` with ``NAME``,
``HELP``, ``add_arguments(parser)`` and ``run(args, ctx) -> int``. Modules import what they
need inside ``run`` so that starting the app stays fast.

Errors go to stderr with a non-zero exit: 2 for a wrong command line or bad input, 1 for a
problem with the database or a file.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
from datetime import date
from typing import Any, Sequence

from . import __version__


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-23") from None


class Context:
    """What a command needs: the parsed options, a store opened on demand, output helpers."""

    def __init__(self, args: argparse.Namespace, stdout=None, stderr=None):
        self.args = args
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._store: Any = None

    @property
    def today(self) -> date:
        return getattr(self.args, "today", None) or date.today()

    @property
    def as_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def db_url(self) -> str | None:
        return getattr(self.args, "db", None)

    def store(self):
        """The store for ``--db``/``--data-dir`` (migrated to the current schema)."""
        if self._store is None:
            from .store import open_store

            self._store = open_store(url=self.db_url(), data_dir=getattr(self.args, "data_dir", None))
        return self._store

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
        "With no command, opens the app.",
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
