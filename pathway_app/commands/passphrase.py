"""`pathway-planner passphrase`: change the passphrase of encrypted records."""

from __future__ import annotations

NAME = "passphrase"
HELP = "change the passphrase of encrypted records"
DESCRIPTION = (
    "Lock the records' key with a new passphrase. Only the small key file beside the records "
    "changes; older backups still open with the key file kept with them. The current passphrase "
    "is read from --passphrase-file FILE (or --old-file FILE) and the new one from "
    "--new-passphrase-file FILE (- reads one of them from standard input); at a terminal they are "
    "asked for."
)
ORDER = 86


def add_arguments(parser) -> None:
    parser.add_argument("--old-file", metavar="FILE",
                        help="read the current passphrase from FILE (default: the --passphrase-file one)")
    parser.add_argument("--new-file", "--new-passphrase-file", dest="new_file", metavar="FILE",
                        help="read the new passphrase from FILE")


def run(args, ctx) -> int:
    from ..cli import CliError
    from ..store.crypto import change_passphrase
    from ._secret import read_passphrase

    target = ctx.target()
    db = target.file
    kf = target.keyfile
    if not target.has_key:
        raise CliError(f"{db} is not encrypted (there is no key file {kf.name}); use `pathway-planner encrypt`", 1)
    old_file = args.old_file or getattr(args, "passphrase_file", None)
    if old_file == "-" and args.new_file == "-":
        raise CliError("only one of the passphrases can come from standard input")
    old = read_passphrase(old_file, "current passphrase", option="--passphrase-file")
    new = read_passphrase(args.new_file, "new passphrase", confirm=True, option="--new-passphrase-file")
    change_passphrase(kf, old, new)
    if ctx.as_json:
        ctx.print_json({"changed": True, "key_file": str(kf)})
    else:
        ctx.print("The passphrase was changed.")
    return 0
