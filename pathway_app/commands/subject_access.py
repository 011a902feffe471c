"""`pathway-planner subject-access ID --out FILE`: everything held about a young person.

Writes FILE (the readable PDF, "Everything we hold about you") and FILE with a ``.json``
suffix (the same information as data, UTF-8), each through a temporary file moved into place.
Both are drawn up in memory first, so a failure writes neither. Parts about other people are
marked for review in both.
"""

from __future__ import annotations

NAME = "subject-access"
HELP = "write everything held about a young person (a subject access request) as PDF and JSON"
DESCRIPTION = (
    "Write everything held about a young person, for a subject access request: their whole plan, "
    "the prompts answered and the history of who opened, changed, exported or printed their record. "
    "FILE gets a readable PDF and FILE with a .json suffix the same information as data. Information "
    "about other people is marked for review in both: check it before release. The answer is due "
    "one calendar month after the request (--requested-on, default today)."
)
ORDER = 42


def add_arguments(parser) -> None:
    from ..cli import parse_day

    parser.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    parser.add_argument("--out", metavar="FILE", required=True, help="where to write the PDF (the JSON goes beside it)")
    parser.add_argument("--requested-on", type=parse_day, metavar="YYYY-MM-DD",
                        help="the day the young person asked (default: today); the answer is due a month later")
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help="produce it as on this day")


def run(args, ctx) -> int:
    import json
    from pathlib import Path

    from ..cli import CliError
    from ..fileio import output_path, write_atomically
    from . import output_place

    out = Path(args.out)
    if out.suffix.lower() == ".json" and not out.is_dir():
        raise CliError(f"{out} ends in .json, which is the name used for the data file; give a name ending in .pdf")
    output_place(out, "everything-held.pdf")  # refused before anything is read
    json_path = out.with_suffix(".json")
    output_path(json_path)
    today = ctx.today
    requested = args.requested_on or today
    if requested > today:
        raise CliError(f"the request date {requested.isoformat()} is after today ({today.isoformat()})")

    store = ctx.store_to_change("Answering a subject access request")
    plan_id = store.resolve_id(args.id)
    from ..store.subject_access import subject_access_bundle

    bundle = subject_access_bundle(store, plan_id, today=today, requested_on=requested)
    from ..export.subject_access import render_subject_access_bytes

    pdf = render_subject_access_bytes(bundle)
    data = (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomically(json_path, data)  # OutputRefused (exit 1) if it cannot be written
    write_atomically(out, pdf)
    _record_export(store, plan_id)
    if ctx.as_json:
        ctx.print_json({
            "pdf": str(out), "json": str(json_path), "id": plan_id,
            "response_due_by": bundle["about"]["response_due_by"],
            "marked_for_review": len(bundle["third_party"]),
        })
    else:
        ctx.print(str(out))
        ctx.print(str(json_path))
    return 0


def _record_export(store, plan_id: str) -> None:
    """An "exported" entry in the audit trail (nothing on a database without one yet)."""
    store.record_event("exported", plan_id, {"document": "subject access"})
