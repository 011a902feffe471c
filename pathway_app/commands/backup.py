"""`pathway-planner backup`: copy the records into a new, checked backup and print its path."""

from __future__ import annotations

NAME = "backup"
HELP = "make a backup of the records now (prints where it is)"
DESCRIPTION = (
    "Copy the records into a new backup in the 'backups' folder beside them, with a manifest "
    "(checksum, row counts, a digest of the data) that proves it later. The newest 30 backups "
    "are kept. Encrypted records stay encrypted in the backup (give the passphrase with "
    "--passphrase-file; the key file is copied beside it). --list shows the backups there are, "
    "newest first, and whether each is sound."
)
ORDER = 80


def add_arguments(parser) -> None:
    parser.add_argument("--reason", default="manual", help="a word saved in the backup's name (default: manual)")
    parser.add_argument("--list", action="store_true", help="list the backups instead of making one")


def run(args, ctx) -> int:
    from ..cli import CliError
    from ..store import backup as b
    from ..store.keyfile import keyfile_path

    target = ctx.target()
    db = target.file
    kf = target.keyfile
    if args.list:
        key = None
        if target.has_key and getattr(args, "passphrase_file", None):
            key = ctx.data_key(kf)
        rows = []
        for path in b.list_backups(db):
            problems = b.verify_backup(path, deep=False, data_key=key)
            t = b.backup_time(path)
            rows.append({
                "path": str(path),
                "made": t.isoformat() if t else None,
                "reason": b.backup_reason(path),
                "encrypted": b.is_encrypted_backup(path),
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
                ctx.print(f"{mark} {r['path']}" + ("  (encrypted)" if r["encrypted"] else ""))
        return 0
    key = None
    if target.has_key:
        key = ctx.data_key(kf)
        if key is None:
            raise CliError(
                f"the records at {db} are encrypted: give the passphrase with --passphrase-file FILE "
                "(- reads it from standard input) so the backup can be made (it stays encrypted)", 1)
    path = b.make_backup(target, reason=args.reason, data_key=key)
    if ctx.as_json:
        m = b.read_manifest(path)
        ctx.print_json({
            "path": str(path),
            "manifest": str(b.manifest_path(path)),
            "sha256": m["sha256"],
            "row_counts": m["row_counts"],
            "schema_revision": m["schema_revision"],
            "encrypted": bool(m.get("encrypted")),
            "key_file": str(keyfile_path(path)) if m.get("encrypted") else None,
        })
    else:
        ctx.print(str(path))
    return 0
