"""`pathway-planner show ID`: the whole of a young person's plan as readable text (or JSON).

Every section and field is named by the field catalogue (:mod:`pathway_app.domain.fields`) and
every value goes through its words (codes through the vocabularies, dates written out); a record
is named by its title ("1. Nan"). The plan's identifier is printed on purpose, once, at the top.
"""

from __future__ import annotations

NAME = "show"
HELP = "show a young person's whole plan"
ORDER = 20

#: The heading over the plan's own dates (the fields of the plan that are in no section).
MILESTONES = "Milestones"
#: Fields that are not words: a checksum of the plan kept with a prompt's answer.
NOT_SHOWN = frozenset({"prompt_responses.fingerprint"})
#: Fields printed in the heading line rather than under "Milestones".
HEADING_FIELDS = ("id", "version", "created_at", "updated_at")


def add_arguments(parser) -> None:
    parser.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    parser.add_argument("--as", dest="audience", default="practitioner",
                        choices=("practitioner", "young-person", "foster-carer", "key-worker"),
                        help="show the plan as this audience sees it (the view the PDFs and share files are made from)")


def _value(fid: str, v) -> str:
    from datetime import datetime

    from ..domain import fields

    words = fields.value_words(fid, v)
    return f"{words} UTC" if isinstance(v, datetime) else words


def _shown(fid: str) -> bool:
    from ..domain import fields

    return fid not in NOT_SHOWN and fields.field(fid).audience != "structural"


def _lines(label: str, text: str, indent: str, out: list[str]) -> None:
    lines = text.splitlines() or [""]
    out.append(f"{indent}{label}{'' if label.endswith('?') else ':'} {lines[0]}")  # "Continuing? Yes"
    out.extend(f"{indent}  {line}" for line in lines[1:])


def _records(fid: str, items: list, indent: str, out: list[str]) -> None:
    """The records of list ``fid``, numbered and named by their title."""
    from ..domain import fields

    f = fields.field(fid)
    for i, item in enumerate(items, 1):
        title = fields.record_title(fid, item)
        out.append(f"{indent}{i}." + (f" {title}" if title else ""))
        # the field naming the record is not said again underneath, unless the title had to
        # shorten it
        said = f"{fid}.{f.title}" if title and f.title and _value(f"{fid}.{f.title}", getattr(item, f.title)) in title else ""
        _record(item, fid, indent + " " * (len(str(i)) + 2), out, said)


def _record(obj, fid: str, indent: str, out: list[str], said: str = "") -> None:
    from ..domain import fields
    from ..domain.introspect import specs

    for s in specs(type(obj)):
        sub = f"{fid}.{s.name}"
        if sub == said or not _shown(sub):
            continue
        v = getattr(obj, s.name)
        if s.kind == "records":
            if v:
                out.append(f"{indent}{fields.label(sub)}:")
                _records(sub, v, indent + "  ", out)
            continue
        if s.kind == "record":
            out.append(f"{indent}{fields.label(sub)}:")
            _record(v, sub, indent + "  ", out)
            continue
        text = _value(sub, v)
        if text:
            _lines(fields.label(sub), text, indent, out)


def render(plan) -> str:
    from ..domain import fields
    from ..domain.introspect import specs

    name = plan.person.display_name
    out: list[str] = [name, "=" * len(name)]
    heading = " · ".join(f"{fields.label(fid).lower()} {_value(fid, getattr(plan, fid))}" for fid in HEADING_FIELDS[1:])
    out.append(f"{fields.label('id')}: {plan.id}  ({heading})")
    milestones: list[str] = []
    for s in specs(type(plan)):
        fid = s.name
        if fid in HEADING_FIELDS:
            continue
        v = getattr(plan, fid)
        if s.kind not in ("record", "records"):
            _lines(fields.label(fid), _value(fid, v) or "—", "  ", milestones)
            continue
        title = fields.label(fid)
        out.extend(["", title, "-" * len(title)])
        if s.kind == "records":
            if not v:
                out.append("  (nothing yet)")
            _records(fid, v, "  ", out)
        else:
            _record(v, fid, "  ", out)
    out.extend(["", MILESTONES, "-" * len(MILESTONES), *milestones])
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
