"""`pathway-planner encrypt`: encrypt an existing records file in place, locked with a passphrase."""

from __future__ import annotations

NAME = "encrypt"
HELP = "encrypt the records file (once), locked with a passphrase"
DESCRIPTION = (
    "Encrypt the records file in place with a random key, locked by your passphrase (kept in the "
    "key file beside it: pathway.db.key — back it up with the records; it is useless without the "
    "passphrase). The records are checked table by table before the unencrypted file is removed. "
    "Close the app first. The new passphrase is read from --passphrase-file FILE (- for standard "
    "input), or asked for twice at a terminal."
)
ORDER = 85


def add_arguments(parser) -> None:
    pass  # --passphrase-file (every command has it) gives the new passphrase


def run(args, ctx) -> int:
    from ..store.encrypted import check_can_encrypt, encrypt_database
    from ..store.target import State
    from ._secret import read_passphrase

    target = ctx.target()
    check_can_encrypt(target)  # before a passphrase is asked for
    already = target.state is State.ENCRYPTED
    passphrase = read_passphrase(getattr(args, "passphrase_file", None), "passphrase" if already else "new passphrase",
                                 confirm=not already, option="--passphrase-file")
    report = encrypt_database(target, passphrase)
    if ctx.as_json:
        ctx.print_json({
            "database": str(report.db_path),
            "key_file": str(report.keyfile),
            "already_encrypted": report.already,
            "rows": report.tables,
            "unencrypted_copies_removed": [str(p) for p in report.removed],
            "unencrypted_copies_left": [str(p) for p in report.plain_copies_left],
        })
        return 0
    if report.already:
        ctx.print(f"{report.db_path} was already encrypted. An earlier encryption had been interrupted; "
                  "the unencrypted copy it left was overwritten and removed:")
        for p in report.removed:
            ctx.print(f"  {p}")
    else:
        ctx.print(f"Encrypted {report.db_path} ({sum(report.tables.values())} rows checked).")
        ctx.print(f"Key file: {report.keyfile} — keep a copy with your backups; without it and your "
                  "passphrase nobody, including you, can open the records.")
    if report.plain_copies_left:
        ctx.print("These older copies are NOT encrypted and still hold personal data; delete them "
                  "once you have a good encrypted backup:")
        for p in report.plain_copies_left:
            ctx.print(f"  {p}")
    return 0
