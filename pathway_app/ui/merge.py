"""Put my unsaved changes back on top of a newer copy of a plan (after a stale save).

Works on the plain-dict form of a plan (``domain.serialize``): every field I changed since my
copy was loaded (``base`` → ``mine``) is applied to the newer copy (``theirs``); records are
matched by their ``id``, so records I added are added, records I removed are removed, and a
record someone else added is kept. Where we both changed the same field, mine wins — the user
asked for their changes to be re-applied — and :func:`changed_fields` lists those fields so
the user can check them.
"""

from __future__ import annotations

from typing import Any

_MISSING = object()


def _is_record_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, dict) and "id" in x for x in v)


def reapply(base: Any, mine: Any, theirs: Any) -> Any:
    """Three-way merge preferring my changes; the inputs are not modified."""
    if mine == base:
        return theirs
    if isinstance(mine, dict) and isinstance(base, dict) and isinstance(theirs, dict):
        out = dict(theirs)
        for k in mine:
            out[k] = reapply(base.get(k, _MISSING), mine[k], theirs.get(k, _MISSING))
            if out[k] is _MISSING:
                out[k] = mine[k]
        return out
    if _is_record_list(mine) and _is_record_list(base) and _is_record_list(theirs):
        b = {x["id"]: x for x in base}
        mi = {x["id"]: x for x in mine}
        out = []
        for x in theirs:
            i = x["id"]
            if i in b and i not in mi:
                continue  # I removed it
            if i in mi:
                out.append(reapply(b.get(i, _MISSING), mi[i], x))
            else:
                out.append(x)
        have = {x["id"] for x in out}
        for x in mine:
            if x["id"] not in b and x["id"] not in have:
                out.append(x)  # I added it
        return out
    return mine


def changed_fields(base: Any, mine: Any, path: str = "") -> list[tuple[str, Any]]:
    """(path, my value) for every leaf I changed — shown so the user can copy them."""
    if base == mine:
        return []
    if isinstance(mine, dict) and isinstance(base, dict):
        out: list[tuple[str, Any]] = []
        for k in mine:
            out += changed_fields(base.get(k), mine[k], f"{path}.{k}" if path else k)
        return out
    if _is_record_list(mine) and _is_record_list(base):
        b = {x["id"]: x for x in base}
        out = []
        for i, x in enumerate(mine):
            out += changed_fields(b.get(x["id"], {}), x, f"{path}[{i}]")
        return out
    return [(path, mine)]
