"""`pathway-planner export FILE [ID...]`: write young people's plans to a plans file.

The file is written to a temporary file beside it and moved into place, so an existing file
is never left half-written; only a new file or an existing ordinary file is written (see
:mod:`pathway_app.fileio`). ``-`` writes to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..fileio import write_atomically
from . import output_place

NAME = "export"
HELP = "export young people's plans to a plans file (all of them, or those given)"
ORDER = 45


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="where to write the plans file ('-' for standard output)")
    parser.add_argument("ids", metavar="ID", nargs="*", help="only these young people (identifier or its first 4+ characters)")


def run(args, ctx) -> int:
    from ..store.interchange import export_plans

    if args.file != "-":
        output_place(args.file, "plans.json")  # before anything is read or recorded as exported
    store = ctx.store_to_change("Exporting")
    ids = [store.resolve_id(i) for i in args.ids] if args.ids else None
    data = export_plans(store, ids, detail={"file": "standard output" if args.file == "-" else str(args.file)})
    count = len(ids) if ids is not None else store.count()
    if args.file == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    path = Path(args.file)
    write_atomically(path, data)  # OutputRefused (exit 1) if it cannot be written
    ctx.print(f"Exported {count} young {'person' if count == 1 else 'people'} to {path}")
    return 0
