"""`pathway-planner list`: the young people in the database, with category and what is due next."""

from __future__ import annotations

from ..cli import parse_day

NAME = "list"
HELP = "list the young people, with their category and what is due next"
ORDER = 10


def add_arguments(parser) -> None:
    parser.add_argument("--search", default="", metavar="TEXT", help="only names containing TEXT")
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help="work dates out as on this day")


def rows(store, today, search: str = "") -> list[dict]:
    out = []
    for s in store.summaries(search):
        cat = s.category(today)
        due = s.next_due(today)
        out.append(
            {
                "id": s.id,
                "name": s.display_name,
                "date_of_birth": s.date_of_birth.isoformat() if s.date_of_birth else None,
                "category": cat.category.value,
                "category_reason": cat.reason,
                "category_since": cat.since.isoformat() if cat.since else None,
                "next_due": due.when.isoformat() if due else None,
                "next_due_what": due.label if due else None,
                "overdue": bool(due and due.when < today),
                "adviser": s.adviser,
                "version": s.version,
            }
        )
    return out


def run(args, ctx) -> int:
    from datetime import date

    from ..domain.dates import fmt

    today = ctx.today
    store = ctx.store()
    data = rows(store, today, args.search)
    if ctx.as_json:
        ctx.print_json(data)
        return 0
    if store.path is not None and not store.encrypted:
        ctx.error(f"note: these records ({store.path}) are NOT encrypted; `pathway-planner encrypt` encrypts them.")
    if not data:
        ctx.print("No young people yet." if not args.search else f"No young person's name contains '{args.search}'.")
        return 0
    table = [("ID", "Name", "Date of birth", "Category", "Next due")]
    for r in data:
        due = ""
        if r["next_due"]:
            due = f"{fmt(date.fromisoformat(r['next_due']))}: {r['next_due_what']}"
            if r["overdue"]:
                due += " (overdue)"
        dob = fmt(date.fromisoformat(r["date_of_birth"])) if r["date_of_birth"] else ""
        table.append((r["id"], r["name"], dob, r["category"].replace("_", " "), due))
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        ctx.print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    ctx.print(f"\n{len(data)} young {'person' if len(data) == 1 else 'people'}")
    return 0
