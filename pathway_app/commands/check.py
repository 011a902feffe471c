"""`pathway-planner check`: is the records file sound? Exit 0 if so (or if there is none yet)."""

from __future__ import annotations

NAME = "check"
HELP = "check the records file for damage (exit 1 if it is damaged, foreign or too new)"
DESCRIPTION = (
    "Read the records file without changing it and say whether it is sound: missing (a new "
    "one will be made), empty, cut short, damaged, not a database, another program's "
    "database, or made by a newer version; and whether it is encrypted. Encrypted records are "
    "checked inside (every page) when the passphrase is given (--passphrase-file, or asked at a "
    "terminal); a wrong passphrase is told apart from a damaged file. Names the newest good "
    "backup you could restore. Also says which scripts the PDFs can print and, for any whose "
    "font is missing, which Debian package provides it. Exits 0 for a sound or missing file and "
    "1 otherwise."
)
ORDER = 82


def add_arguments(parser) -> None:
    pass


def run(args, ctx) -> int:
    from ..store.check import CheckResult, check_database, check_encrypted, sqlite_path_for
    from ..store.encrypted import encryption_state
    from ..store.keyfile import keyfile_path
    from ..store.locations import risky_location

    db = sqlite_path_for(ctx.db_url(), getattr(args, "data_dir", None))
    state = encryption_state(db)
    encrypted = state == "encrypted"
    if encrypted:
        key = ctx.data_key(keyfile_path(db))  # a wrong passphrase is an error of its own (exit 1)
        if key is None:
            r = CheckResult(True, "encrypted",
                            f"{db.name} is an encrypted records file. Give the passphrase (--passphrase-file "
                            "FILE) to check inside it.", path=db)
        else:
            r = check_encrypted(db, key)
    elif state == "interrupted":
        r = CheckResult(False, "interrupted",
                        f"Encrypting {db.name} was interrupted before it finished: the records in it are "
                        "complete and unencrypted. Run `pathway-planner encrypt` again to finish.", path=db)
    else:
        r = check_database(db)
    warning = risky_location(db)
    if ctx.as_json:
        d = r.as_dict()
        d["encrypted"] = encrypted
        d["location_warning"] = warning
        d["fonts"] = font_report()
        ctx.print_json(d)
    else:
        ctx.print(("OK: " if r.ok else "PROBLEM: ") + r.message)
        for extra in r.details[1:5]:
            ctx.print(f"  {extra}")
        if r.kind != "missing":
            ctx.print(f"encrypted: {'yes' if encrypted else 'no'}")
        if r.newest_good_backup:
            ctx.print(f"Newest good backup: {r.newest_good_backup}")
            ctx.print(f"  restore it with: pathway-planner restore \"{r.newest_good_backup}\"")
        elif not r.ok:
            ctx.print("No good backup was found beside it.")
        if warning:
            ctx.print(f"Warning: {warning}")
        for line in font_lines(font_report()):
            ctx.print(line)
    return 0 if r.ok else 1


def font_report() -> list[dict]:
    from ..export.fonts import report

    return report()


def font_lines(rows: list[dict]) -> list[str]:
    """The fonts for the PDFs: how many kinds of script print, and what to install for the rest."""
    found = [r for r in rows if r["found"]]
    missing = [r for r in rows if not r["found"]]
    shipped = sum(1 for r in found if r["shipped"])
    where = f"{shipped} shipped with the app, {len(found) - shipped} found on this computer"
    if not missing:
        return [f"PDF fonts: every script covered ({where})."]
    out = [f"PDF fonts: {len(found)} of {len(rows)} kinds of script covered ({where}). Missing:"]
    by_package: dict[str, list[str]] = {}
    for r in missing:
        by_package.setdefault(r["package"] or "", []).append(r["scripts"])
    for package, scripts in by_package.items():
        install = f"install the Debian package {package}" if package else "no known package"
        out.append(f"  {'; '.join(scripts)}: {install}")
    out.append("  Until then those characters print as red codes such as [U+0C24].")
    return out
