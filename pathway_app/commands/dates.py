"""`pathway-planner dates ID`: key birthdays, care-leaver category and what is due when.

With ``--json`` every date the category rests on is its own field, not only inside the reason:
each time in care (``care_periods``: its start, end, the days that count and why some do not),
``thirteen_weeks_completed_on`` (the 91st day counted), ``eligible_from`` (the day after, if 16
or over and looked after), ``relevant_from``, ``former_relevant_from``, ``qualifying_from``,
the needs-assessment deadline and the next review.
"""

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
    cd = s["category_dates"]
    p = plan.person
    return {
        "id": plan.id,
        "name": p.display_name,
        "today": today.isoformat(),
        "date_of_birth": _iso(p.date_of_birth),
        "date_of_birth_basis": p.date_of_birth_basis.value,
        "age_assessed_on": _iso(p.age_assessed_on),
        "age": s["age"],
        "birthdays": {str(age): d.isoformat() for age, d in s["birthdays"].items()},
        "category": cat.category.value,
        "category_reason": cat.reason,
        "category_since": _iso(cat.since),
        "care_periods": [
            {
                "start": _iso(pd.start),
                "end": _iso(pd.end),
                "counts": pd.counts,
                "days_counted": pd.days_counted,
                "why_not": pd.why_not,
                "ended_by_order": pd.ended_by.value if pd.ended_by else None,
                "home_name": pd.home_name,
            }
            for pd in cd.periods
        ],
        "days_counted": cd.days_counted,
        "thirteen_weeks_completed_on": _iso(cd.thirteen_weeks_completed_on),
        "eligible_from": _iso(cd.eligible_from),
        "eligible_from_if_still_looked_after": _iso(cd.eligible_from_if_stays),
        "relevant_from": _iso(cd.relevant_from),
        "former_relevant_from": _iso(cd.former_relevant_from),
        "qualifying_from": _iso(cd.qualifying_from),
        "special_guardianship_order_made_on": _iso(cd.sgo_made_on),
        "needs_assessment_due": _iso(s["needs_assessment_due"]),
        "next_review_due": _iso(s["next_review_due"]),
        "staying_put_end": _iso(s["staying_put_end"]),
        "pa_support_end": _iso(s["pa_support_end"]),
        "upcoming": [
            {"when": i.when.isoformat(), "what": i.label, "kind": i.kind, "overdue": i.when < today}
            for i in s["upcoming"]
        ],
    }


#: The category's dates in the text output: (key in as_dict, words).
_CATEGORY_LINES = (
    ("thirteen_weeks_completed_on", "13 weeks completed on"),
    ("eligible_from", "Eligible from"),
    ("eligible_from_if_still_looked_after", "Eligible from, if still looked after"),
    ("relevant_from", "Relevant from"),
    ("former_relevant_from", "Former relevant from"),
    ("qualifying_from", "Qualifying from"),
    ("special_guardianship_order_made_on", "Special guardianship order made on"),
)


def run(args, ctx) -> int:
    from datetime import date

    from ..domain.dates import date_of_birth_words, fmt, ordinal

    store = ctx.store()
    plan = store.load(store.resolve_id(args.id))
    today = ctx.today
    d = as_dict(plan, today)
    if ctx.as_json:
        ctx.print_json(d)
        return 0

    def f(iso):
        return fmt(date.fromisoformat(iso)) if iso else "—"

    p = plan.person
    ctx.print(f"{d['name']}  (as on {f(d['today'])})")
    if d["age"] is None:
        age = ""
    elif d["age"] < 0:
        age = " (not yet born on that day)"
    else:
        age = f", aged {d['age']}"
    dob = date_of_birth_words(p.date_of_birth, p.date_of_birth_basis, p.age_assessed_on) or "—"
    ctx.print(f"Date of birth: {dob}{age}")
    if d["birthdays"]:
        ctx.print("Birthdays:     " + ", ".join(f"{ordinal(int(age))} {f(iso)}" for age, iso in d["birthdays"].items()))
    since = f" (since {f(d['category_since'])})" if d["category_since"] else ""
    ctx.print(f"Category:      {d['category'].replace('_', ' ')}{since}")
    ctx.print(f"               {d['category_reason']}")
    if d["care_periods"]:
        ctx.print(f"Time in care ({d['days_counted']} days count since the 14th birthday):")
        for pd in d["care_periods"]:
            end = f(pd["end"]) if pd["end"] else "now"
            note = f"; {pd['why_not']}" if pd["why_not"] else ""
            ctx.print(f"  {f(pd['start'])} to {end}: {pd['days_counted'] if pd['counts'] else 0} days count{note}")
    for key, words in _CATEGORY_LINES:
        if d[key]:
            ctx.print(f"{words + ':':<22} {f(d[key])}")
    ctx.print(f"Needs assessment due: {f(d['needs_assessment_due'])}")
    ctx.print(f"Next review due:      {f(d['next_review_due'])}")
    ctx.print(f"Staying Put ends:     {f(d['staying_put_end'])}")
    ctx.print(f"PA support ends:      {f(d['pa_support_end'])}")
    ctx.print("Coming up:" if d["upcoming"] else "Coming up: nothing")
    for i in d["upcoming"]:
        ctx.print(f"  {f(i['when']):<18} {i['what']}" + ("  (overdue)" if i["overdue"] else ""))
    return 0
