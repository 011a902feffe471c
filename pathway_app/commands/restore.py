"""`pathway-planner restore FILE`: put the records back as they were in a backup."""

from __future__ import annotations

NAME = "restore"
HELP = "restore the records from a backup (the current records are backed up first)"
DESCRIPTION = (
    "Check the backup FILE against its manifest and refuse it if it is damaged; back up the "
    "records as they are now (or move them aside if they are too damaged to copy); then copy "
    "the backup in and check the result matches it. An encrypted backup needs the passphrase "
    "(--passphrase-file) and is restored encrypted. Close Pathway Planner first."
)
ORDER = 81


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the backup to restore (a .db file in the backups folder)")


def run(args, ctx) -> int:
    from pathlib import Path

    from ..cli import CliError
    from ..errors import DatabaseProblem
    from ..store.backup import is_encrypted_backup, restore_backup
    from ..store.keyfile import keyfile_path

    target = ctx.target()
    db = target.file
    key = None
    if is_encrypted_backup(args.file):
        # the data key never changes for the life of the records, so either key file unlocks it
        kf = target.keyfile if target.has_key else keyfile_path(Path(args.file))
        if not kf.exists():
            raise CliError(f"the key file of the encrypted backup ({kf.name}) is missing", 1)
        key = ctx.data_key(kf)
        if key is None:
            raise CliError("the backup is encrypted: give the passphrase with --passphrase-file FILE "
                           "(- reads it from standard input)", 1)
    try:
        r = restore_backup(args.file, target, data_key=key)
    except DatabaseProblem as exc:
        if ctx.as_json:
            ctx.print_json({
                "ok": False,
                "database": str(db),
                "backup": str(args.file),
                "message": str(exc),
                "problems": list(getattr(exc, "problems", [])),
            })
            return 1
        raise
    if ctx.as_json:
        ctx.print_json({
            "ok": True,
            "database": str(r.db_path),
            "backup": str(r.from_backup),
            "safety_backup": str(r.safety_backup) if r.safety_backup else None,
            "moved_aside": str(r.moved_aside) if r.moved_aside else None,
            "row_counts": r.row_counts,
            "encrypted": key is not None,
        })
        return 0
    ctx.print(f"Restored {r.db_path} from {r.from_backup}.")
    plans = r.row_counts.get("plans")
    if plans is not None:
        ctx.print(f"It holds {plans} young {'person' if plans == 1 else 'people'}'s plans.")
    if r.safety_backup:
        ctx.print(f"The records as they were just before are kept in {r.safety_backup}.")
    if r.moved_aside:
        ctx.print(f"The damaged file that was there was moved aside to {r.moved_aside}.")
    return 0
