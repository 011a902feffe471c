"""`pathway-planner passphrase`: change the passphrase of encrypted records."""

from __future__ import annotations

NAME = "passphrase"
HELP = "change the passphrase of encrypted records"
DESCRIPTION = (
    "Lock the records' key with a new passphrase. Only the small key file beside the records "
    "changes; older backups still open with the key file kept with them."
)
ORDER = 86


def add_arguments(parser) -> None:
    parser.add_argument("--old-file", metavar="FILE", help="read the current passphrase from FILE")
    parser.add_argument("--new-file", metavar="FILE", help="read the new passphrase from FILE")


def run(args, ctx) -> int:
    from ..cli import CliError
    from ..store.check import sqlite_path_for
    from ..store.crypto import change_passphrase
    from ..store.keyfile import keyfile_path
    from ._secret import read_passphrase

    db = sqlite_path_for(ctx.db_url(), getattr(args, "data_dir", None))
    kf = keyfile_path(db)
    if not kf.exists():
        raise CliError(f"{db} is not encrypted (there is no key file {kf.name}); use `pathway-planner encrypt`", 1)
    if args.old_file == "-" and args.new_file == "-":
        raise CliError("only one of the passphrases can come from standard input")
    old = read_passphrase(args.old_file, "current passphrase")
    new = read_passphrase(args.new_file, "new passphrase", confirm=True)
    change_passphrase(kf, old, new)
    if ctx.as_json:
        ctx.print_json({"changed": True, "key_file": str(kf)})
    else:
        ctx.print("The passphrase was changed.")
    return 0
