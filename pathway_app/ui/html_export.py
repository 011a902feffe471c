"""File → Export accessible copy (HTML)…: which copy of the plan to write as one HTML page.

The page is made from the same document as the PDF (:func:`pathway_app.export.html.render_html`
of :func:`pathway_app.export.build_document`): real headings, lists and tables, the map and the
timeline with text alternatives, nothing fetched from anywhere — for a screen reader, or a
phone. :class:`HtmlCopyDialog` asks which copy; :func:`html_bytes` makes it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from ..domain.model import Plan
from .dialogs import ChooseEditionDialog
from .pdf_dialog import EDITION_CHOICES, cannot_make_yet

#: The copy offered first: the young person's own, the one most often read on a phone.
FIRST = "young-person"


class HtmlCopyDialog(ChooseEditionDialog):
    """Which copy of the plan to export as an accessible page (the copies that can be made)."""

    def __init__(self, plan: Plan, parent: QWidget | None = None, first: str | None = None):
        super().__init__(plan.person.display_name, list(EDITION_CHOICES), parent, title="Export an accessible copy",
                         question=f"An accessible copy of {plan.person.display_name}’s plan: one page that reads well "
                                  "with a screen reader and on a phone. Which copy?",
                         ok="Choose where to save it…", first=first or FIRST, not_yet=lambda code: cannot_make_yet(plan, code))

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan, first: str | None = None) -> str | None:
        """The copy chosen ("young-person", "full" …), or None."""
        dlg = cls(plan, parent, first)
        try:
            return dlg.edition if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()


def html_bytes(plan: Plan, edition: str, today: date) -> bytes:
    """The accessible page of ``edition`` of ``plan`` (UTF-8)."""
    from ..export import build_document
    from ..export.html import render_html

    return render_html(build_document(plan, today, edition)).encode("utf-8")


def html_filename(plan: Plan, edition: str, today: date) -> str:
    """The PDF's safe file name, as a web page: ``my-pathway-plan_kayla-brennan_2026-11-23_1a2b3c4d.html``."""
    from ..export import default_filename

    return default_filename(plan, edition, today).removesuffix(".pdf") + ".html"


__all__ = ["HtmlCopyDialog", "html_bytes", "html_filename"]
