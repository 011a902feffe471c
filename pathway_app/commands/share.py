"""`pathway-planner share`: a young person's plan for their foster carers or key worker.

``share export ID --for foster-carer|key-worker --out FILE`` seals what that audience may see
into a passphrase-protected file; ``share show FILE`` prints what a file holds; ``share import
FILE`` shows what came back, field by field, against the plan as it is now, and saves the
changes accepted (``--accept``, or asked one by one at a terminal) as one audited change.
"""

from __future__ import annotations

from typing import Any

from ..cli import CliError

NAME = "share"
HELP = "share a young person's agreement with their foster carers or key worker, and bring it back"
DESCRIPTION = (
    "share export ID --for foster-carer|key-worker --out FILE writes a passphrase-protected file "
    "holding only what that audience may see; share show FILE prints what a file holds; share "
    "import FILE shows what changed against the plan as it is now and saves the changes you "
    "accept. The file's passphrase is read from --share-passphrase-file F (- for standard input), "
    "or asked for at a terminal; give it to the carer or key worker another way (say it on the phone)."
)
ORDER = 75
AUDIENCES = ("foster-carer", "key-worker")


def add_arguments(parser) -> None:
    from ..cli import _common

    sub = parser.add_subparsers(dest="share_action", metavar="ACTION", required=True)
    ex = sub.add_parser("export", help="write a share file for a foster carer or key worker",
                        description="Write FILE holding only what the audience may see of ID's plan.")
    _common(ex, top=False)
    ex.add_argument("id", metavar="ID", help="the young person's identifier (or its first 4+ characters)")
    ex.add_argument("--for", dest="audience", required=True, choices=AUDIENCES, help="who the file is for")
    ex.add_argument("--out", required=True, metavar="FILE", help="the file to write (.pathway-share)")
    _passphrase_option(ex)
    sh = sub.add_parser("show", help="print what a share file holds", description="Print what FILE holds.")
    _common(sh, top=False)
    sh.add_argument("file", metavar="FILE")
    _passphrase_option(sh)
    im = sub.add_parser("import", help="bring back a returned share file",
                        description="Show what FILE changes against the plan as it is now, and save the changes "
                        "accepted as one audited change.")
    _common(im, top=False)
    im.add_argument("file", metavar="FILE")
    im.add_argument("--accept", metavar="WHICH",
                    help="the changes to accept: all, none, or their numbers (1,3,4); asked one by one at a "
                    "terminal when not given")
    _passphrase_option(im)


def _passphrase_option(p) -> None:
    p.add_argument("--share-passphrase-file", metavar="F",
                   help="read the share file's passphrase from F (- for standard input)")


def run(args, ctx) -> int:
    from ..store.share import ShareFileProblem

    try:
        return {"export": _export, "show": _show, "import": _import}[args.share_action](args, ctx)
    except ShareFileProblem as exc:
        raise CliError(str(exc), 2) from None


def _passphrase(args, *, new: bool = False) -> str:
    from ._secret import read_passphrase

    return read_passphrase(args.share_passphrase_file, "share file passphrase", confirm=new,
                           option="--share-passphrase-file")


def _export(args, ctx) -> int:
    from ..store.share import export_share

    store = ctx.store()
    pid = store.resolve_id(args.id)
    share = export_share(store, pid, args.audience, args.out, _passphrase(args, new=True))
    if ctx.as_json:
        ctx.print_json({"file": str(args.out), "id": pid, "for": share.audience.value, "file_id": share.file_id})
    else:
        who = "foster carers" if share.audience.value == "foster_carer" else "key worker"
        ctx.print(f"Wrote {args.out}: {share.name}'s plan as the {who} may see it.")
    return 0


def _show(args, ctx) -> int:
    from ..domain.diff import diff, leaves
    from ..domain.fields import describe_change
    from ..store.share import open_share
    from ._view_text import render_view

    share = open_share(args.file, _passphrase(args))
    if ctx.as_json:
        ctx.print_json(share.to_json())
        return 0
    who = "foster carers (Staying Put)" if share.audience.value == "foster_carer" else "key worker (Staying Close)"
    ctx.print(f"Shared plan for {share.name}, for the {who}")
    ctx.print(f"Made {share.made_at} by {share.made_by or 'someone'} from version {share.plan_version} of the plan")
    saved = f"saved back {share.revision} time{'s' if share.revision != 1 else ''}, last {share.saved_at}" \
        if share.revision else "not saved back yet"
    ctx.print(f"Identifier {share.plan_id}; {saved}")
    changes = leaves(diff(share.base, share.plan))
    ctx.print("")
    ctx.print("Changed since it was made:" if changes else "Nothing changed since it was made.")
    for ch in changes:
        ctx.print(f"  • {describe_change(ch.path, ch.before, ch.after, share.plan)}")
    ctx.print("")
    ctx.print(render_view(share.plan, "What the file holds"))
    return 0


def _words(rc: Any) -> tuple[str, str, str]:
    from ..domain.fieldpath import field_id
    from ..domain.fields import field, record_title, value_words

    def say(v: Any) -> str:
        if isinstance(v, dict):
            return record_title(field_id(rc.path), v) or "a record"
        if v is None or v == "":
            return "(nothing)"
        try:
            return value_words(field(rc.path).id, v) or "(nothing)"
        except KeyError:
            return str(v)

    return say(rc.change.before), say(rc.change.after), say(rc.now)


def _import(args, ctx) -> int:
    from ..store.share import ALREADY, CONFLICT, import_return, read_return

    store = ctx.store()
    report = read_return(store, args.file, _passphrase(args))
    decide = report.to_decide
    if report.already_imported:
        msg = f"This returned file was imported already ({report.already_imported}); nothing was changed."
        if ctx.as_json:
            ctx.print_json({"imported_before": report.already_imported, "accepted": [], "rejected": []})
        else:
            ctx.print(msg)
        return 0
    if not ctx.as_json:
        for n in report.notes:
            ctx.print(f"Note: {n}")
        if not decide:
            ctx.print("Nothing in the file is different from the plan as it is now.")
        for i, rc in enumerate(decide, 1):
            before, after, now = _words(rc)
            flag = "  CONFLICT: changed here since the file was made" if rc.state == CONFLICT else ""
            ctx.print(f"{i}. {rc.words}{flag}")
            ctx.print(f"     in the file: {after}")
            ctx.print(f"     was: {before}" + (f"; now here: {now}" if rc.state == CONFLICT else ""))
    chosen = _chosen(args, ctx, decide)
    out = import_return(store, report, [decide[i].path for i in chosen], ctx.today)
    if ctx.as_json:
        ctx.print_json({
            "changes": [{"number": i, "where": rc.words, "state": rc.state, "path": rc.path,
                         "accepted": (i - 1) in chosen} for i, rc in enumerate(decide, 1)],
            "already_there": [rc.words for rc in report.changes if rc.state == ALREADY],
            "saved_version": out.saved_version,
        })
    elif out.saved_version is not None:
        ctx.print(f"Saved {len(out.accepted)} change{'s' if len(out.accepted) != 1 else ''} "
                  f"(version {out.saved_version}); {len(out.rejected)} not taken.")
    else:
        ctx.print("Nothing was changed.")
    return 0


def _chosen(args, ctx, decide: list) -> list[int]:
    if not decide:
        return []
    which = (args.accept or "").strip().lower()
    if which == "all":
        return list(range(len(decide)))
    if which == "none":
        return []
    if which:
        try:
            nums = sorted({int(x) for x in which.replace(" ", "").split(",") if x})
        except ValueError:
            raise CliError(f"--accept takes all, none or change numbers like 1,3 (not “{args.accept}”)") from None
        bad = [n for n in nums if not 1 <= n <= len(decide)]
        if bad:
            raise CliError(f"there is no change {bad[0]}: the changes are numbered 1 to {len(decide)}; nothing was changed")
        return [n - 1 for n in nums]
    if not ctx.can_ask() or ctx.as_json:
        raise CliError("say which changes to accept with --accept all, none or their numbers (1,3); nothing was changed")
    out = []
    for i in range(len(decide)):
        if input(f"Accept change {i + 1}? [y/N] ").strip().lower() in ("y", "yes"):
            out.append(i)
    return out
