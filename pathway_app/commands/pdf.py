"""`pathway-planner pdf ID --edition … --out FILE`: write a young person's plan as a PDF.

Imports are inside :func:`run` so the command line starts fast; reportlab is loaded only when
the PDF is drawn.
"""

from __future__ import annotations

NAME = "pdf"
HELP = "write a young person's plan as a PDF"
DESCRIPTION = (
    "Write a young person's pathway plan as a PDF: the full plan, their own copy "
    "('young-person'), the Staying Put agreement or the Staying Close plan."
)
ORDER = 40
EDITION_NAMES = ("full", "young-person", "staying-put", "staying-close")


def add_arguments(parser) -> None:
    from ..cli import parse_day

    parser.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    parser.add_argument("--edition", choices=EDITION_NAMES, default="full", help="which document to write (default: full)")
    parser.add_argument("--out", metavar="FILE", required=True, help="where to write the PDF")
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help="produce the plan as on this day")
    parser.add_argument("--agreement-version", type=int, metavar="N",
                        help="with --edition staying-put or staying-close: print version N of the agreement "
                             "(default: the one in force, or the newest)")
    parser.add_argument("--no-prompts", action="store_true",
                        help="leave the appendix of research prompts out of the full plan")


def run(args, ctx) -> int:
    from . import output_place

    out = output_place(args.out, "plan.pdf")  # refused before the plan is drawn
    store = ctx.store_to_change("Printing a plan")
    plan = store.load(store.resolve_id(args.id), opened=False)  # "printed" is recorded instead
    agreement = _agreement_id(plan, args.edition, args.agreement_version)
    from ..export import render_pdf

    path = render_pdf(plan, args.edition, ctx.today, out, appendix=not args.no_prompts, agreement=agreement)  # OutputRefused (exit 1) if it cannot be written
    store.record_event("printed", plan.id, {"edition": args.edition, "file": str(path)})
    if ctx.as_json:
        ctx.print_json({"path": str(path), "edition": args.edition, "id": plan.id})
    else:
        ctx.print(str(path))
    return 0


def _agreement_id(plan, edition: str, version: int | None) -> str | None:
    """The agreement asked for by ``--agreement-version`` (None: the edition's own choice)."""
    if version is None:
        return None
    from ..cli import CliError
    from ..domain import agreements as ag

    kind = {"staying-put": ag.STAYING_PUT, "staying-close": ag.STAYING_CLOSE}.get(edition)
    if kind is None:
        raise CliError("--agreement-version goes with --edition staying-put or staying-close")
    versions = {a.version: a for a in ag.section(plan, kind).agreements}
    if version not in versions:
        have = ", ".join(str(v) for v in sorted(versions)) or "none yet"
        raise CliError(f"{plan.person.display_name}'s {ag.NAMES[kind]} has no version {version} (versions: {have})")
    return versions[version].id
