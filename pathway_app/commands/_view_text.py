"""A plan as one audience sees it (its view's dict: what they may not see left out), as readable
text in the field catalogue's words. Used by ``show --as`` and ``share show``."""

from __future__ import annotations

from typing import Any

from ..domain.fields import catalogue, record_title, value_words

_SKIP = frozenset({"structural"})


def render_view(d: dict[str, Any], heading: str) -> str:
    out = [heading, "=" * len(heading)]
    for name, value in d.items():
        f = catalogue().get(name)
        if f is None or value in ({}, [], "", None) or (f.audience in _SKIP and not isinstance(value, (dict, list))):
            continue
        lines: list[str] = []
        _value(name, value, "  ", lines)
        if lines:
            out.append("")
            out.append(f.label)
            out.append("-" * len(f.label))
            out.extend(lines)
    return "\n".join(out)


def _value(fid: str, value: Any, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        for name, v in value.items():
            _field(f"{fid}.{name}", v, indent, out)
    elif isinstance(value, list):
        for i, item in enumerate(value, 1):
            title = record_title(fid, item) if isinstance(item, dict) else ""
            out.append(f"{indent}{i}. {title}".rstrip())
            _value(fid, item, indent + "   ", out)


def _field(fid: str, v: Any, indent: str, out: list[str]) -> None:
    f = catalogue().get(fid)
    if f is None or (f.audience in _SKIP and not isinstance(v, (dict, list))):
        return
    if isinstance(v, (dict, list)):
        if v:
            out.append(f"{indent}{f.label}:")
            _value(fid, v, indent + "  ", out)
        return
    text = value_words(fid, v)
    if text == "":
        return
    first, *rest = text.splitlines() or [""]
    out.append(f"{indent}{f.label}: {first}")
    out.extend(f"{indent}  {line}" for line in rest)

