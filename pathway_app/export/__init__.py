"""The pathway plan as a PDF: build a document model from a plan (pure), render it with reportlab.

    from pathway_app.export import render_pdf
    render_pdf(plan, "young-person", date.today(), "my-plan.pdf")

Editions: ``full`` (the pathway plan), ``young-person`` ("My pathway plan"), ``staying-put``
(the Staying Put agreement) and ``staying-close`` (the Staying Close plan); see
:mod:`pathway_app.export.editions`. Every PDF is built as the document model of
:mod:`pathway_app.export.model` and drawn by :mod:`pathway_app.export.render`.

This package imports no Qt and no SQLAlchemy. reportlab is imported only when a PDF is
rendered, so importing the package (the CLI, the app's menus) stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from ..fileio import write_atomically
from .editions import EDITIONS, build_document
from .model import Document

__all__ = ["EDITIONS", "Document", "build_document", "render_pdf", "render_document", "export_many", "Cancelled", "default_filename"]


class Cancelled(Exception):
    """A batch export was stopped by the user; files already finished are kept."""


def render_document(doc: Document) -> bytes:
    """The PDF bytes for a built document model."""
    from .render import render_bytes

    return render_bytes(doc)


def _write_atomically(data: bytes, out_path: Path) -> Path:
    return write_atomically(out_path, data)


def render_pdf(plan, edition: str, today: date, out_path, prompts=None, *, appendix: bool = True,
               agreement: str | None = None) -> Path:
    """Write ``edition`` of ``plan`` to ``out_path`` atomically (temp file + ``os.replace``).

    Nothing is written if building or rendering fails. Returns the path written. ``appendix``
    False leaves the research prompts out of the full plan; ``agreement`` picks the version of a
    Staying Put or Staying Close agreement (see :func:`build_document`).
    """
    doc = build_document(plan, today, edition, prompts, appendix=appendix, agreement=agreement)
    return _write_atomically(render_document(doc), Path(out_path))


def default_filename(plan, edition: str, today: date) -> str:
    """A safe file name: ``pathway-plan_zoe-orsted_2026-11-23_1a2b3c4d.pdf``."""
    import unicodedata

    name = unicodedata.normalize("NFKD", plan.person.display_name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower() or "young-person"
    kind = {"full": "pathway-plan", "young-person": "my-pathway-plan"}.get(edition, edition)
    return f"{kind}_{slug[:40]}_{today.isoformat()}_{plan.id[:8]}.pdf"


def export_many(
    items: Iterable,
    out_dir,
    edition: str,
    today: date,
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    prompts_for: Callable[[object], Sequence] | None = None,
) -> list[Path]:
    """Export each plan in ``items`` to ``out_dir``; returns the paths written, in order.

    ``progress(done, total, path)`` is called after each plan. ``cancelled()`` is asked before
    each plan and again before each file is moved into place: when it returns True the export
    stops cleanly — the files already finished stay, the one in hand is never written (each is
    written through a temporary file), and the paths finished so far are returned.
    ``items`` may be plans or ``(plan, prompts)`` pairs.
    """
    plans = list(items)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = len(plans)
    for i, item in enumerate(plans, 1):
        if cancelled is not None and cancelled():
            break
        plan, prompts = item if isinstance(item, tuple) else (item, prompts_for(item) if prompts_for else None)
        data = render_document(build_document(plan, today, edition, prompts))
        if cancelled is not None and cancelled():
            break
        path = _write_atomically(data, out_dir / default_filename(plan, edition, today))
        written.append(path)
        if progress is not None:
            progress(i, total, path)
    return written
