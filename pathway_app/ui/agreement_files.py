"""An agreement printed, or shared with the carers or the key worker, from its page.

- :func:`print_agreement` asks where (a save dialog), writes the PDF of one version through the
  export's safe writer (:func:`pathway_app.export.render_pdf`: a temporary file moved into place)
  and, at the adviser's, notes it in the plan's history;
- :func:`share_agreement` asks for the file's passphrase (typed twice) and where, and writes the
  share file (:func:`pathway_app.store.share.export_share`, which notes it in the history).

Both suggest a file name made from the young person's name, never from an identifier, and
return what to say beside the buttons — ``(text, is_a_problem)`` — or None when the person
stopped.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from ..domain import agreements as ag
from ..domain.audiences import Audience
from ..domain.model import Plan
from ..domain.vocab import AgreementStatus
from ..errors import UserFacingError
from .messages import say

EDITIONS = {ag.STAYING_PUT: "staying-put", ag.STAYING_CLOSE: "staying-close"}
#: Who a share file is for, in a sentence.
WHO = {Audience.FOSTER_CARER: "the carers", Audience.KEY_WORKER: "the key worker"}


def documents_folder() -> str:
    """Where a save dialog starts: the person's Documents folder (else their home folder)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and os.path.isdir(docs) else str(Path.home())


def safe_name(plan: Plan) -> str:
    """The young person's name, made safe for a file name ("Zoë Ørsted" → "zoe-rsted")."""
    name = unicodedata.normalize("NFKD", plan.person.display_name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:40] or "young-person"


def pdf_name(plan: Plan, kind: str, agreement: ag.Agreement, today: date) -> str:
    what = "living-together-agreement" if kind == ag.STAYING_PUT else "staying-close-plan"
    return f"{what}-v{agreement.version}_{safe_name(plan)}_{today.isoformat()}.pdf"


def share_name(plan: Plan, kind: str) -> str:
    from ..store.share import SUFFIX

    return f"{safe_name(plan)}-{EDITIONS[kind]}{SUFFIX}"


def print_agreement(parent: QWidget, plan: Plan, kind: str, agreement: ag.Agreement, today: date, folder: str,
                    store: Any = None) -> tuple[str, bool] | None:
    """The PDF of ``agreement`` (see the module docstring); ``store``, where there is one, notes it."""
    from .. import export

    title = "Print the record" if agreement.status in (AgreementStatus.ENDED, AgreementStatus.SUPERSEDED) \
        else "Print the agreement"
    path, _f = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / pdf_name(plan, kind, agreement, today)),
                                           "PDF (*.pdf)")
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export.render_pdf(plan, EDITIONS[kind], today, path, agreement=agreement.id)
    except OSError as exc:
        return say("agreement_print_failed", error=f"{path}: {exc.strerror or exc}"), True
    except (UserFacingError, ValueError) as exc:
        return say("agreement_print_failed", error=exc), True
    finally:
        QApplication.restoreOverrideCursor()
    if store is not None:
        try:
            store.record_event("printed", plan.id, {"edition": EDITIONS[kind], "file": os.path.basename(path),
                                                    "version": agreement.version})
        except UserFacingError as exc:
            return say("agreement_print_failed", error=exc), True
    return say("agreement_printed", path=path), False


def share_agreement(parent: QWidget, store: Any, plan: Plan, kind: str, audience: Audience,
                    folder: str) -> tuple[str, bool] | None:
    """The share file for ``audience`` of the saved ``plan`` (see the module docstring)."""
    from ..store.share import SUFFIX, export_share
    from .agreement_dialogs import SharePassphraseDialog

    who = WHO[audience]
    passphrase = SharePassphraseDialog.ask(parent, who, plan.person.display_name)
    if passphrase is None:
        return None
    path, _f = QFileDialog.getSaveFileName(parent, f"Share with {who}", str(Path(folder) / share_name(plan, kind)),
                                           f"Shared plans (*{SUFFIX})")
    if not path:
        return None
    if not path.endswith(SUFFIX):
        path += SUFFIX
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        export_share(store, plan.id, audience, path, passphrase)
    except OSError as exc:
        return say("share_failed", error=f"{path}: {exc.strerror or exc}"), True
    except UserFacingError as exc:
        return say("share_failed", error=exc), True
    finally:
        QApplication.restoreOverrideCursor()
    return say("share_made", path=path), False


__all__ = ["EDITIONS", "WHO", "documents_folder", "pdf_name", "print_agreement", "safe_name", "share_agreement",
           "share_name"]
