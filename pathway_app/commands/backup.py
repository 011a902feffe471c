"""`pathway-planner backup`: copy the records into a new, checked backup and print its path."""

from __future__ import annotations

NAME = "backup"
HELP = "make a backup of the records now (prints where it is)"
DESCRIPTION = (
    "Copy the records into a new backup in the 'backups' folder beside them, with a manifest "
    "(checksum, row counts, a digest of the data) that proves it later. The newest 30 backups "
    "are kept. --list shows the backups there are, newest first, and whether each is sound."
)
ORDER = 80


def add_arguments(parser) -> None:
    parser.add_argument("--reason", default="manual", help="a word saved in the backup's name (default: manual)")
    parser.add_argument("--list", action="store_true", help="list the backups instead of making one")


def run(args, ctx) -> int:
    from ..store import backup as b
    from ..store.check import sqlite_path_for

    db = sqlite_path_for(ctx.db_url(), getattr(args, "data_dir", None))
    if args.list:
        rows = []
        for path in b.list_backups(db):
            problems = b.verify_backup(path, deep=False)
            t = b.backup_time(path)
            rows.append({
                "path": str(path),
                "made": t.isoformat() if t else None,
                "reason": b.backup_reason(path),
                "ok": not problems,
                "problems": problems,
            })
        if ctx.as_json:
            ctx.print_json({"database": str(db), "backups": rows})
        else:
            if not rows:
                ctx.print(f"No backups of {db} yet.")
            for r in rows:
                mark = "ok     " if r["ok"] else "DAMAGED"
                ctx.print(f"{mark} {r['path']}")
        return 0
    path = b.make_backup(db, reason=args.reason)
    if ctx.as_json:
        m = b.read_manifest(path)
        ctx.print_json({
            "path": str(path),
            "manifest": str(b.manifest_path(path)),
            "sha256": m["sha256"],
            "row_counts": m["row_counts"],
            "schema_revision": m["schema_revision"],
        })
    else:
        ctx.print(str(path))
    return 0
