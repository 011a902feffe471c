"""`pathway-planner show ID`: the whole of a young person's plan as readable text (or JSON)."""

from __future__ import annotations

NAME = "show"
HELP = "show a young person's whole plan"
ORDER = 20

SECTION_TITLES = {
    "person": "About the young person",
    "care_episodes": "Care history",
    "relationships": "People who matter",
    "education": "Education and work",
    "home": "Home",
    "staying_put": "Staying Put",
    "staying_close": "Staying Close",
    "health": "Health and wellbeing",
    "money": "Money",
    "skills": "Practical skills",
    "identity": "Identity",
    "life_story": "Life story",
    "support_areas": "Support plan",
    "contingency": "If things don't work out",
    "reviews": "Reviews",
    "advisers": "Personal advisers",
    "prompt_responses": "Responses to prompts",
}
HIDDEN = {"id"}
#: Field names that do not read well with just the underscores taken out.
FIELD_WORDS = {
    "about_me_own_words": "About me (own words)",
    "own_words": "Own words",
    "gp_registered": "Registered with a GP",
    "pa_support_to_25": "PA support to 25 asked for",
    "detained_or_in_hospital_on_16th_birthday": "Detained or in hospital on 16th birthday",
    "there_at_25": "There at 25",
    "key": "Skill",
    "review_requested_on": "Review asked for on",
}


def add_arguments(parser) -> None:
    parser.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    parser.add_argument("--as", dest="audience", default="practitioner",
                        choices=("practitioner", "young-person", "foster-carer", "key-worker"),
                        help="show the plan as this audience sees it (the view the PDFs and share files are made from)")


def _words(name: str) -> str:
    return FIELD_WORDS.get(name) or name.replace("_", " ").capitalize()


def _value(v) -> str:
    import dataclasses
    from datetime import date, datetime
    from enum import Enum

    from ..domain.dates import fmt
    from ..domain.labels import label

    if isinstance(v, Enum):
        return label(v)
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, datetime):
        return v.strftime("%d %B %Y %H:%M UTC").lstrip("0")
    if isinstance(v, date):
        return fmt(v)
    if v is None:
        return ""
    assert not dataclasses.is_dataclass(v)
    return str(v)


def _record(obj, indent: str, out: list[str], skip: frozenset[str] = frozenset()) -> None:
    import dataclasses

    from ..domain.labels import label

    for f in dataclasses.fields(obj):
        if f.name in HIDDEN or f.name in skip:
            continue
        v = getattr(obj, f.name)
        if isinstance(v, list):
            if v:
                out.append(f"{indent}{_words(f.name)}:")
                for i, item in enumerate(v, 1):
                    out.append(f"{indent}  {i}.")
                    _record(item, indent + "     ", out)
            continue
        text = label(v, "Skill") if f.name == "key" and isinstance(v, str) else _value(v)
        if text == "":
            continue
        lines = text.splitlines() or [""]
        out.append(f"{indent}{_words(f.name)}: {lines[0]}")
        out.extend(f"{indent}  {line}" for line in lines[1:])


def render(plan) -> str:
    import dataclasses

    out: list[str] = [plan.person.display_name, "=" * len(plan.person.display_name)]
    out.append(f"Identifier: {plan.id}  (version {plan.version}, last saved {_value(plan.updated_at)})")
    for f in dataclasses.fields(plan):
        if f.name in SECTION_TITLES:
            v = getattr(plan, f.name)
            out.append("")
            out.append(SECTION_TITLES[f.name])
            out.append("-" * len(SECTION_TITLES[f.name]))
            if isinstance(v, list):
                if not v:
                    out.append("  (nothing yet)")
                for i, item in enumerate(v, 1):
                    if f.name == "support_areas":
                        out.append(f"  {i}. {_value(item.area)}")
                        _record(item, "     ", out, frozenset({"area"}))  # the area is the title
                    else:
                        out.append(f"  {i}.")
                        _record(item, "     ", out)
            else:
                _record(v, "  ", out)
    out.append("")
    out.append("Milestones")
    out.append("----------")
    for name in ("needs_assessment_done_on", "plan_agreed_on", "review_requested_on", "pa_support_to_25"):
        out.append(f"  {_words(name)}: {_value(getattr(plan, name)) or '—'}")
    return "\n".join(out)


def run(args, ctx) -> int:
    from ..domain.serialize import plan_to_dict

    store = ctx.store()
    plan = store.load(store.resolve_id(args.id))
    audience = getattr(args, "audience", "practitioner").replace("-", "_")
    if audience != "practitioner":  # the audience's view: what they may not see is left out
        from ..domain.audiences import policy, view
        from ._view_text import render_view

        v = view(plan, audience)
        if ctx.as_json:
            ctx.print_json(v.dict())
        else:
            ctx.print(render_view(v.dict(), f"{plan.person.display_name}, as seen by: {policy().labels[v.audience]}"))
        return 0
    if ctx.as_json:
        ctx.print_json(plan_to_dict(plan))
    else:
        ctx.print(render(plan))
    return 0
