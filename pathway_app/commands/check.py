"""`pathway-planner check`: is the records file sound? Exit 0 if so (or if there is none, and never was)."""

from __future__ import annotations

NAME = "check"
HELP = "check the records file for damage (exit 1 if it is damaged, foreign or too new)"
DESCRIPTION = (
    "Read the records file without changing it and say whether it is sound: missing (a new "
    "one will be made — unless a key file, backups or a damaged file moved aside show records "
    "were kept here), empty, cut short, damaged, not a database, another program's database, "
    "or made by a newer version; whether it is encrypted (and whether an interrupted encryption "
    "left an unencrypted copy beside it); and whether it can only be read here. Encrypted records "
    "are checked inside (every page) when the passphrase is given (--passphrase-file, or asked at "
    "a terminal); a wrong passphrase is told apart from a damaged file. Names the newest good "
    "backup you could restore. Exits 0 for a sound file, or none where nothing was ever kept, "
    "and 1 otherwise. Also says which scripts the PDFs can print and, for any whose "
    "font is missing, which Debian package provides it."
)
ORDER = 82


def add_arguments(parser) -> None:
    pass


def run(args, ctx) -> int:
    from ..store.check import CheckResult, check_database, check_encrypted
    from ..store.encrypted import plain_leftovers
    from ..store.locations import risky_location
    from ..store.target import State

    target = ctx.target()
    db = target.file
    encrypted = target.state in (State.ENCRYPTED, State.KEY_ONLY)  # KEY_ONLY: encrypted records, now missing
    if target.state is State.ENCRYPTED:
        key = ctx.data_key(target.keyfile)  # a wrong passphrase is an error of its own (exit 1)
        if key is None:
            r = CheckResult(True, "encrypted",
                            f"{db.name} is an encrypted records file. Give the passphrase (--passphrase-file "
                            "FILE) to check inside it.", path=db)
        else:
            r = check_encrypted(target, key)
    elif target.state is State.INTERRUPTED:
        r = CheckResult(False, "interrupted",
                        f"Encrypting {db.name} was interrupted before it finished: the records in it are "
                        "complete and unencrypted. Run `pathway-planner encrypt` again to finish.", path=db)
    else:
        r = check_database(target)
    leftovers = plain_leftovers(target)
    if leftovers:
        r.ok = False
    warning = risky_location(db)
    if ctx.as_json:
        d = r.as_dict()
        d["encrypted"] = encrypted
        d["read_only"] = target.read_only_reason or None
        d["unencrypted_copies"] = [str(p) for p in leftovers]
        d["location_warning"] = warning
        d["fonts"] = font_report()
        ctx.print_json(d)
    else:
        for line in report_lines(r, encrypted, target.read_only_reason, leftovers, warning) + font_lines(font_report()):
            ctx.print(line)
    return 0 if r.ok else 1


def report_lines(r, encrypted: bool, read_only: str, leftovers: list, warning: str | None) -> list[str]:
    """What ``check`` prints, one line each."""
    lines = [("OK: " if r.ok else "PROBLEM: ") + r.message]
    lines += [f"  {extra}" for extra in r.details[1:5]]
    if leftovers:
        lines.append(
            "PROBLEM: an unencrypted copy of the records was left beside them by an interrupted encryption ("
            + ", ".join(p.name for p in leftovers)
            + "). It is overwritten and removed the next time the records are opened, or run "
            "`pathway-planner encrypt` again."
        )
    if r.kind != "missing":
        lines.append(f"encrypted: {'yes' if encrypted else 'no'}")
    if read_only:
        lines.append(f"read-only: yes ({read_only}); nothing can be changed here")
    if r.newest_good_backup:
        lines.append(f"Newest good backup: {r.newest_good_backup}")
        lines.append(f"  restore it with: pathway-planner restore \"{r.newest_good_backup}\"")
    elif not r.ok and r.kind not in ("good", "encrypted", "interrupted"):
        lines.append("No good backup was found beside it.")
    if warning:
        lines.append(f"Warning: {warning}")
    return lines


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
