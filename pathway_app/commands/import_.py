"""`pathway-planner import FILE`: add or update young people's plans from a plans file.

All or nothing: if anything in the file is wrong, nothing is changed and every problem is
listed (exit status 2).
"""

from __future__ import annotations

from ..cli import CliError

NAME = "import"
HELP = "import young people's plans from a Pathway Planner plans file (all or nothing)"
ORDER = 40


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the plans file (.json) to import")


def run(args, ctx) -> int:
    from ..errors import ImportRefused
    from ..store.interchange import import_plans

    try:
        with open(args.file, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise CliError(f"could not read {args.file}: {exc.strerror or exc}", code=1) from None
    try:
        report = import_plans(ctx.store(), data, today=ctx.today, detail={"file": str(args.file)})
    except ImportRefused as exc:
        raise CliError(str(exc), code=2) from None
    if ctx.as_json:
        ctx.print_json(
            {
                "created": [{"id": i, "name": n} for i, n in report.created],
                "updated": [{"id": i, "name": n} for i, n in report.updated],
                "unchanged": [{"id": i, "name": n} for i, n in report.unchanged],
                "notes": report.notes,
            }
        )
        return 0
    for title, entries in (("Added", report.created), ("Updated", report.updated), ("Unchanged", report.unchanged)):
        ctx.print(f"{title}: {len(entries)}")
        for pid, name in entries:
            ctx.print(f"  {name}  ({pid})")
    for note in report.notes:
        ctx.print(f"Note: {note}")
    return 0
