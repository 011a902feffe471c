"""`pathway-planner handover`: move plans to another adviser or authority in a passphrase-locked file."""

from __future__ import annotations

NAME = "handover"
HELP = "export plans to, or import them from, a passphrase-locked handover file"
DESCRIPTION = (
    "handover export FILE [ID ...] seals the plans (all when no ID is given) into FILE, "
    "encrypted with a passphrase; handover import FILE opens it and imports the plans (all or "
    "nothing). Use a passphrase that is not your records passphrase and give it to the other "
    "person another way (on the phone, not in the same email). The handover passphrase is read "
    "from --handover-passphrase-file F (--passphrase-file is the records' own passphrase)."
)
ORDER = 70


def add_arguments(parser) -> None:
    from ..cli import _common

    sub = parser.add_subparsers(dest="handover_action", metavar="ACTION", required=True)
    ex = sub.add_parser("export", help="seal plans into a handover file",
                        description="Seal the plans (all when no ID is given) into FILE, encrypted with the "
                        "handover passphrase.")
    _common(ex, top=False)  # --db, --passphrase-file ... also after the action, as for every command
    ex.add_argument("file", metavar="FILE", help="the handover file to write")
    ex.add_argument("ids", nargs="*", metavar="ID", help="young people's identifiers (or their first characters)")
    ex.add_argument("--handover-passphrase-file", metavar="F",
                    help="read the handover file's passphrase from F (- for standard input)")
    im = sub.add_parser("import", help="import the plans in a handover file",
                        description="Open the handover FILE with its handover passphrase and import the "
                        "plans in it (all or nothing).")
    _common(im, top=False)
    im.add_argument("file", metavar="FILE", help="the handover file you were sent")
    im.add_argument("--handover-passphrase-file", metavar="F",
                    help="read the handover file's passphrase from F (- for standard input)")


def run(args, ctx) -> int:
    from ..fileio import output_path
    from ..store.handover import export_handover, import_handover
    from ._secret import read_passphrase

    if args.handover_action == "export":
        output_path(args.file)  # a device, a FIFO or a folder is refused before anything is read
    store = ctx.store_to_change("Making a handover file" if args.handover_action == "export" else "Importing")
    if args.handover_action == "export":
        ids = [store.resolve_id(i) for i in args.ids] if args.ids else None
        passphrase = read_passphrase(args.handover_passphrase_file, "handover passphrase", confirm=True,
                                     option="--handover-passphrase-file")
        done = export_handover(store, args.file, passphrase, ids)  # records "exported" for each plan
        if ctx.as_json:
            ctx.print_json({"file": str(args.file), "plans": done})
        else:
            ctx.print(f"Sealed {len(done)} plan{'s' if len(done) != 1 else ''} into {args.file}.")
        return 0
    passphrase = read_passphrase(args.handover_passphrase_file, "handover passphrase",
                                 option="--handover-passphrase-file")
    report = import_handover(store, args.file, passphrase, ctx.today)  # records "imported" for each plan
    if ctx.as_json:
        ctx.print_json({
            "created": [i for i, _ in report.created],
            "updated": [i for i, _ in report.updated],
            "unchanged": [i for i, _ in report.unchanged],
            "notes": report.notes,
        })
    else:
        ctx.print(f"Imported: {len(report.created)} new, {len(report.updated)} updated, "
                  f"{len(report.unchanged)} unchanged.")
        for n in report.notes:
            ctx.print(f"  {n}")
    return 0
