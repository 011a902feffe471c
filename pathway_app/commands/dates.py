"""`pathway-planner dates ID`: key birthdays, care-leaver category and what is due when."""

from __future__ import annotations

from ..cli import parse_day

NAME = "dates"
HELP = "show a young person's key dates: birthdays, category, reviews and what is due"
ORDER = 30


def add_arguments(parser) -> None:
    parser.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help="work dates out as on this day")


def _iso(d):
    return d.isoformat() if d is not None else None


def as_dict(plan, today) -> dict:
    from ..domain.dates import dates_summary

    s = dates_summary(plan, today)
    cat = s["category"]
    return {
        "id": plan.id,
        "name": plan.person.display_name,
        "today": today.isoformat(),
        "date_of_birth": _iso(plan.person.date_of_birth),
        "age": s["age"],
        "birthdays": {str(age): d.isoformat() for age, d in s["birthdays"].items()},
        "category": cat.category.value,
        "category_reason": cat.reason,
        "category_since": _iso(cat.since),
        "needs_assessment_due": _iso(s["needs_assessment_due"]),
        "next_review_due": _iso(s["next_review_due"]),
        "staying_put_end": _iso(s["staying_put_end"]),
        "pa_support_end": _iso(s["pa_support_end"]),
        "upcoming": [
            {"when": i.when.isoformat(), "what": i.label, "kind": i.kind, "overdue": i.when < today}
            for i in s["upcoming"]
        ],
    }


def run(args, ctx) -> int:
    from datetime import date

    from ..domain.dates import fmt

    store = ctx.store()
    plan = store.load(store.resolve_id(args.id))
    today = ctx.today
    d = as_dict(plan, today)
    if ctx.as_json:
        ctx.print_json(d)
        return 0

    def f(iso):
        return fmt(date.fromisoformat(iso)) if iso else "—"

    ctx.print(f"{d['name']}  (as on {f(d['today'])})")
    if d["age"] is None:
        age = ""
    elif d["age"] < 0:
        age = " (not yet born on that day)"
    else:
        age = f", aged {d['age']}"
    ctx.print(f"Date of birth: {f(d['date_of_birth'])}{age}")
    if d["birthdays"]:
        ctx.print("Birthdays:     " + "; ".join(f"{age}: {f(iso)}" for age, iso in d["birthdays"].items()))
    since = f" (since {f(d['category_since'])})" if d["category_since"] else ""
    ctx.print(f"Category:      {d['category'].replace('_', ' ')}{since}")
    ctx.print(f"               {d['category_reason']}")
    ctx.print(f"Needs assessment due: {f(d['needs_assessment_due'])}")
    ctx.print(f"Next review due:      {f(d['next_review_due'])}")
    ctx.print(f"Staying Put ends:     {f(d['staying_put_end'])}")
    ctx.print(f"PA support ends:      {f(d['pa_support_end'])}")
    ctx.print("Coming up:" if d["upcoming"] else "Coming up: nothing")
    for i in d["upcoming"]:
        ctx.print(f"  {f(i['when']):<18} {i['what']}" + ("  (overdue)" if i["overdue"] else ""))
    return 0
