"""`pathway-planner audit`: who opened, changed, exported, printed or deleted a young person's plan."""

from __future__ import annotations

NAME = "audit"
HELP = "show the audit trail of a young person's plan, or check the whole trail"
DESCRIPTION = (
    "audit ID lists every time the plan was opened, changed (with what changed), exported, "
    "printed, imported or deleted, by whom and when (UTC). audit --verify checks that no entry "
    "has been changed or removed since it was written; it exits 1 if one has."
)
ORDER = 75


def add_arguments(parser) -> None:
    parser.add_argument("id", nargs="?", metavar="ID", help="the young person's identifier (or its first characters)")
    parser.add_argument("--verify", action="store_true", help="check the whole trail's hash chain")


def _describe(e) -> str:
    if e.action == "changed":
        changes = e.detail.get("changes", [])
        fields = ", ".join(c[0] for c in changes[:6]) + (f" and {len(changes) - 6} more" if len(changes) > 6 else "")
        return f"changed {len(changes)} field{'s' if len(changes) != 1 else ''}: {fields}" if changes else "saved (no change)"
    extra = ", ".join(f"{k}: {v}" for k, v in sorted(e.detail.items()) if k != "changes")
    return e.action + (f" ({extra})" if extra else "")


def run(args, ctx) -> int:
    from ..cli import CliError
    from ..store import audit

    store = ctx.store()
    trail = store.audit_trail()
    if trail == "not yet":
        raise CliError("this database has no audit trail yet (it needs the app's newest format)", 1)
    if args.verify:
        problems = store.verify_audit()
        seq, head = audit.chain_head(store.engine) if trail == "kept" else (0, audit.GENESIS)
        if ctx.as_json:
            ctx.print_json({"ok": not problems, "entries": seq, "head": head, "problems": problems})
        elif problems:
            ctx.print("The audit trail has been tampered with:")
            for p in problems:
                ctx.print(f"  {p}")
        else:
            ctx.print(f"The audit trail is intact: {seq} entries, newest {head[:16]}…")
        return 1 if problems else 0
    if trail == "gone":
        raise CliError(audit.GONE[0].upper() + audit.GONE[1:] + ".", 1)
    if not args.id:
        raise CliError("give a young person's identifier, or --verify")
    unknown = None
    try:
        plan_id = store.resolve_id(args.id)
    except Exception as exc:
        plan_id = args.id  # a deleted plan keeps its trail
        unknown = exc
    entries = audit.history(store.engine, plan_id)
    if unknown is not None and not entries:
        # a mistyped identifier is not "nothing recorded": say which young person was not found
        raise CliError(f"{unknown} The audit trail has nothing under '{args.id}' either "
                       "(a deleted young person's trail is found by their whole identifier).", 2)
    if ctx.as_json:
        ctx.print_json([
            {"seq": e.seq, "at": e.at, "user": e.user_name, "action": e.action,
             "plan_version": e.plan_version, "detail": e.detail}
            for e in entries
        ])
        return 0
    if not entries:
        ctx.print(f"Nothing recorded about {plan_id} yet.")
        return 0
    for e in entries:
        v = f" v{e.plan_version}" if e.plan_version is not None else ""
        ctx.print(f"{e.at[:19].replace('T', ' ')} UTC  {e.user_name:<20} {_describe(e)}{v}")
    return 0
