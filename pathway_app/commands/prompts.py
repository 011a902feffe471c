"""`pathway-planner prompts ID`: the research and statutory prompts for one young person."""

from __future__ import annotations

from typing import Any

NAME = "prompts"
HELP = "the research prompts for a plan, with citations and responses"
DESCRIPTION = (
    "List the prompts the planner raises for a young person's plan: most urgent first, each with "
    "its area, what to consider and the research or law it comes from. --all adds the prompts "
    "already answered (done, not relevant, later) with their answers."
)
ORDER = 40


def add_arguments(parser) -> None:
    from ..cli import parse_day

    parser.add_argument("id", metavar="ID", help="the young person's id (or the start of it, if unique)")
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help="work out the prompts as on this day")
    parser.add_argument("--all", action="store_true", help="include prompts already answered")


def resolve_id(store: Any, text: str) -> str:
    """A full id from a unique prefix (or the id itself)."""
    from ..cli import CliError

    text = text.strip()
    ids = list(store.ids())
    if text in ids:
        return text
    matches = [i for i in ids if i.startswith(text)] if text else []
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CliError(f"no young person with an id starting '{text}'")
    raise CliError(f"'{text}' could be {len(matches)} young people; give more of the id")


def response_json(resp) -> dict[str, Any] | None:
    if resp is None:
        return None
    return {
        "answer": resp.answer.value,
        "note": resp.note,
        "until": resp.until.isoformat() if resp.until else None,
        "by": resp.by,
        "at": resp.at.isoformat() if resp.at else None,
    }


def prompt_json(p) -> dict[str, Any]:
    return {
        "id": p.rule_id,
        "message": p.message,
        "area": p.area,
        "urgency": p.urgency.label,
        "practitioner_text": p.practitioner_text,
        "young_person_text": p.young_person_text,
        "citation": p.citation,
        "suggested_actions": list(p.suggested_actions),
        "why": p.why,
        "fingerprint": p.fingerprint,
        "response": response_json(p.response),
    }


def _area_words(code: str) -> str:
    from ..domain.labels import label

    if code == "about_me":
        return "About me"
    return label(code, "Area")


def render_text(prompts, name: str, today) -> list[str]:
    from ..domain.dates import fmt
    from ..domain.labels import label

    if not prompts:
        return [f"No prompts for {name} on {fmt(today)}."]
    lines = [f"Prompts for {name} on {fmt(today)}: {len(prompts)}", ""]
    for p in prompts:
        lines.append(f"{p.urgency.label.upper():<9}{_area_words(p.area)}  [{p.rule_id}]")
        lines.append(f"         {p.practitioner_text}")
        if p.why:
            lines.append(f"         Why: {p.why}")
        lines.append(f"         Source: {p.citation}")
        r = p.response
        if r is not None:
            said = label(r.answer)
            if r.until:
                said += f" until {fmt(r.until)}"
            if r.note:
                said += f": {r.note}"
            who = ", ".join(x for x in (r.by, fmt(r.at.date()) if r.at else "") if x)
            lines.append(f"         Answered: {said}" + (f" ({who})" if who else ""))
        lines.append("")
    return lines


def run(args, ctx) -> int:
    from ..domain.guidance import engine

    store = ctx.store()
    resolver = getattr(store, "resolve_id", None)  # the store resolves a prefix in one query
    plan = store.load(resolver(args.id) if resolver else resolve_id(store, args.id))
    today = ctx.today
    prompts = engine.evaluate(plan, today, include_answered=bool(getattr(args, "all", False)))
    if ctx.as_json:
        ctx.print_json([prompt_json(p) for p in prompts])
    else:
        for line in render_text(prompts, plan.person.display_name, today):
            ctx.print(line)
    return 0
