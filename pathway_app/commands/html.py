"""`pathway-planner html ID --edition … --out FILE`: the plan as one accessible HTML page.

The same document as the PDF, built from the same model, for reading with a screen reader or
on a phone: real headings, lists and tables, the pictures with text alternatives, nothing
fetched from anywhere.
"""

from __future__ import annotations

NAME = "html"
HELP = "write a young person's plan as one accessible HTML page"
DESCRIPTION = (
    "Write a young person's plan as one self-contained HTML page that works with a screen "
    "reader and on a phone: the full plan or their own copy ('young-person')."
)
ORDER = 41
EDITION_NAMES = ("young-person", "full", "staying-put", "staying-close")


def add_arguments(parser) -> None:
    from ..cli import parse_day

    parser.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    parser.add_argument("--edition", choices=EDITION_NAMES, default="young-person",
                        help="which document to write (default: young-person)")
    parser.add_argument("--out", metavar="FILE", required=True, help="where to write the HTML file")
    parser.add_argument("--today", type=parse_day, metavar="YYYY-MM-DD", help="produce the plan as on this day")


def run(args, ctx) -> int:
    from ..cli import CliError
    from ..export import build_document
    from ..export.html import render_html
    from ..fileio import write_atomically
    from . import output_place

    out = output_place(args.out, "plan.html")
    store = ctx.store_to_change("Exporting a plan")
    plan = store.load(store.resolve_id(args.id), opened=False)  # "exported" is recorded instead
    data = render_html(build_document(plan, ctx.today, args.edition)).encode("utf-8")
    try:
        path = write_atomically(out, data)
    except OSError as exc:
        raise CliError(f"could not write {out}: {exc.strerror or exc}", code=1) from None
    store.record_event("exported", plan.id, {"to": "accessible page", "edition": args.edition, "file": str(path)})
    if ctx.as_json:
        ctx.print_json({"path": str(path), "edition": args.edition, "id": plan.id})
    else:
        ctx.print(str(path))
    return 0
