"""`pathway-planner check`: is the records file sound? Exit 0 if so (or if there is none yet)."""

from __future__ import annotations

NAME = "check"
HELP = "check the records file for damage (exit 1 if it is damaged, foreign or too new)"
DESCRIPTION = (
    "Read the records file without changing it and say whether it is sound: missing (a new "
    "one will be made), empty, cut short, damaged, not a database, another program's "
    "database, or made by a newer version. Names the newest good backup you could restore. "
    "Exits 0 for a sound or missing file and 1 otherwise."
)
ORDER = 82


def add_arguments(parser) -> None:
    pass


def run(args, ctx) -> int:
    from ..store.check import check_database, sqlite_path_for
    from ..store.locations import risky_location

    db = sqlite_path_for(ctx.db_url(), getattr(args, "data_dir", None))
    r = check_database(db)
    warning = risky_location(db)
    if ctx.as_json:
        d = r.as_dict()
        d["location_warning"] = warning
        ctx.print_json(d)
    else:
        ctx.print(("OK: " if r.ok else "PROBLEM: ") + r.message)
        for extra in r.details[1:5]:
            ctx.print(f"  {extra}")
        if r.newest_good_backup:
            ctx.print(f"Newest good backup: {r.newest_good_backup}")
            ctx.print(f"  restore it with: pathway-planner restore \"{r.newest_good_backup}\"")
        elif not r.ok:
            ctx.print("No good backup was found beside it.")
        if warning:
            ctx.print(f"Warning: {warning}")
    return 0 if r.ok else 1
