"""`pathway-planner demo`: add the fictional demo young people (again: updates, never copies)."""

from __future__ import annotations

NAME = "demo"
HELP = "add the demo young people"
DESCRIPTION = (
    "Add the demo young people: fictional plans with dates worked out from today, so they always "
    "look current. Running it again updates the same young people rather than adding copies "
    "(any changes made to them in the app are replaced)."
)
ORDER = 90


def add_arguments(parser) -> None:
    from ..cli import parse_day

    parser.add_argument(
        "--today", type=parse_day, metavar="DATE",
        help="work the demo's dates out from DATE (like 2026-11-23) instead of today",
    )


def run(args, ctx) -> int:
    from ..demo import demo_plans
    from ..errors import NotFound

    store = ctx.store()  # records that can only be read refuse the first save, in plain words
    today = ctx.today
    done: list[tuple[str, str, str]] = []  # (added | updated, id, name)
    for plan in demo_plans(today):
        try:
            existing = store.load(plan.id)
        except NotFound:
            existing = None
        if existing is not None:
            plan.version = existing.version
            plan.created_at = existing.created_at
        store.save(plan, today=today)
        done.append(("updated" if existing is not None else "added", plan.id, plan.person.display_name))

    if ctx.as_json:
        ctx.print_json([{"id": pid, "name": name} for _what, pid, name in done])
        return 0
    added = sum(1 for what, _i, _n in done if what == "added")
    ctx.print(f"Demo young people: {added} added, {len(done) - added} updated.")
    for what, pid, name in done:
        ctx.print(f"  {what:<8} {name}  ({pid})")
    return 0
