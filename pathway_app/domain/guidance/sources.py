"""The source registry (``resources/sources.json``) and how a citation is written.

A citation is ``{"source": "care_inquiry", "section": "5.5"}``: a source key and one of that
source's section ids. :func:`format_citation` turns one citation, or a list of them, into the
words shown under a prompt::

    Making not Breaking (The Care Inquiry, 2013), para 5.5
    Making not Breaking (The Care Inquiry, 2013), paras 5.5, 7.3; Case for Change – ...
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...paths import resource


@dataclass(frozen=True)
class Section:
    id: str  # "5.5", "stein-do-well", "Schedule 1"
    label: str  # how the app shows it
    heading: str = ""  # heading sources: the heading text as printed in the document
    verify: bool = False  # statutory: not yet checked against the primary text


@dataclass(frozen=True)
class Source:
    key: str
    kind: str  # "research" | "statutory"
    title: str
    short_title: str
    author: str
    year: int
    file: str  # the plain-text copy in shared/research/sources ("" for legislation)
    section_style: str  # "paragraph" | "heading" | "statutory"
    sections: Mapping[str, Section]

    def section(self, sid: str) -> Section:
        return self.sections[sid]


@dataclass(frozen=True)
class Citation:
    source: str
    section: str

    def as_dict(self) -> dict[str, str]:
        return {"source": self.source, "section": self.section}


class SourceError(ValueError):
    """``resources/sources.json`` is missing something or malformed."""


def sources_path() -> Path:
    return resource("sources.json")


@lru_cache(maxsize=4)
def load_sources(path: str | None = None) -> dict[str, Source]:
    """The registry, keyed by source key (read once)."""
    p = Path(path) if path else sources_path()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read {p.name}: {exc}") from None
    out: dict[str, Source] = {}
    for i, raw in enumerate(data.get("sources", [])):
        try:
            style = raw["section_style"]
            sections: dict[str, Section] = {}
            for s in raw["sections"]:
                sid = str(s["id"])
                if style == "paragraph":
                    label = f"para {sid}"
                else:
                    label = s.get("label") or s.get("heading") or sid
                sections[sid] = Section(sid, label, s.get("heading", ""), bool(s.get("verify", False)))
            src = Source(
                key=raw["key"],
                kind=raw["kind"],
                title=raw["title"],
                short_title=raw.get("short_title") or raw["title"],
                author=raw["author"],
                year=int(raw["year"]),
                file=raw.get("file", ""),
                section_style=style,
                sections=sections,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceError(f"{p.name}: source {i + 1} is missing or has a bad {exc}") from None
        if src.key in out:
            raise SourceError(f"{p.name}: source key {src.key!r} is used twice")
        out[src.key] = src
    return out


def _as_citations(citation: Any) -> list[Citation]:
    if isinstance(citation, Citation):
        return [citation]
    if isinstance(citation, Mapping):
        return [Citation(str(citation["source"]), str(citation["section"]))]
    if isinstance(citation, Iterable) and not isinstance(citation, (str, bytes)):
        out: list[Citation] = []
        for c in citation:
            out.extend(_as_citations(c))
        return out
    raise TypeError(f"not a citation: {citation!r}")


def _source_words(src: Source) -> str:
    if src.kind == "statutory":
        return src.title
    return f"{src.short_title} ({src.author}, {src.year})"


def format_citation(citation: Any, sources: Mapping[str, Source] | None = None) -> str:
    """One citation or a list of them, as words: sections of one source are grouped.

    >>> format_citation({"source": "care_inquiry", "section": "5.5"})
    'Making not Breaking (The Care Inquiry, 2013), para 5.5'
    """
    reg = sources if sources is not None else load_sources()
    groups: list[tuple[Source, list[Section]]] = []
    for c in _as_citations(citation):
        src = reg[c.source]
        sec = src.sections[c.section]
        if groups and groups[-1][0].key == src.key:
            if sec not in groups[-1][1]:
                groups[-1][1].append(sec)
        else:
            groups.append((src, [sec]))
    parts = []
    for src, secs in groups:
        if src.section_style == "paragraph":
            nums = ", ".join(s.id for s in secs)
            where = ("paras " if len(secs) > 1 else "para ") + nums
        elif src.section_style == "statutory":
            where = ", ".join(s.id for s in secs)
        else:
            where = ", ".join(s.label for s in secs)
        parts.append(f"{_source_words(src)}, {where}")
    return "; ".join(parts)
