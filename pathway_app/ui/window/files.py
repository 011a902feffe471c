"""Files in and out of the records: plans files, PDFs, everything held about a young person.

:class:`FilesController` runs each of these from the window's menus: it asks where (a file
dialog), reads or writes through the store and :mod:`pathway_app.export`, and notes in the
plan's history what was made (who, when, which file). Files are written through a temporary
file and moved into place, readable by their owner only
(:func:`pathway_app.fileio.write_atomically`).

The window decides whether an action may run at all (not in together mode, only with a plan
on screen); this object is handed the plan or the young people to act on.

Every file dialog starts in the folder used last (kept in window.ini), or the person's
Documents folder the first time — never the folder the app happened to be started from.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ...domain import model as m
from ...errors import OutputRefused, UserFacingError
from ...fileio import write_atomically
from ...store.protocol import StoreProtocol
from ..dialogs import ChooseEditionDialog

#: The folder the last file was saved to or read from (window.ini; never a young person's data).
LAST_FOLDER = "files/last_folder"


class FilesController(QObject):
    """Import, export, PDFs, subject access and the plan's history (see the module docstring).

    ``parent`` owns the dialogs and message boxes it opens.

    Signals:
        imported(list ids): plans were imported; ``ids`` were created or updated.
        status(str text, int ms): a line for the status bar.
    """

    imported = Signal(list)
    status = Signal(str, int)

    def __init__(self, store: StoreProtocol | None, today: Callable[[], date], parent: QWidget,
                 settings: QSettings | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self._parent = parent
        self.settings = settings
        self.locked = False
        #: files made while the app was locked, noted in the history once it is unlocked
        self._pending: list[tuple[str, str, dict[str, Any] | None]] = []
        #: shared plans opened from here (ui/workspace.py): put away while the app is locked
        self.workspaces: list[Any] = []

    def set_store(self, store: StoreProtocol | None) -> None:
        self.store = store

    # ------------------------------------------------------------------ where files go

    def folder(self) -> str:
        """Where a file dialog starts: the folder used last, else the person's Documents."""
        last = self.settings.value(LAST_FOLDER) if self.settings is not None else None
        if isinstance(last, str) and last and os.path.isdir(last):
            return last
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs if docs and os.path.isdir(docs) else str(Path.home())

    def in_folder(self, name: str) -> str:
        return str(Path(self.folder()) / name)

    def remember(self, path: str, is_folder: bool = False) -> None:
        """Start the next file dialog where this file (or folder) was chosen."""
        if self.settings is None or not path:
            return
        self.settings.setValue(LAST_FOLDER, path if is_folder else os.path.dirname(os.path.abspath(path)))
        self.settings.sync()

    def set_locked(self, locked: bool) -> None:
        """The app locked (a PDF may still be finishing) or was unlocked (note what was made)."""
        self.locked = locked
        if locked:  # the shared plans open go out of sight, and come back after unlocking
            self.workspaces = [w for w in self.workspaces if w.isVisible()]
        for win in self.workspaces:
            win.setVisible(not locked)
        if not locked:
            pending, self._pending = self._pending, []
            for action, plan_id, detail in pending:
                self.record(action, plan_id, detail)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def record(self, action: str, plan_id: str, detail: dict[str, Any] | None = None) -> None:
        """Note in the plan's history that it was exported or printed (who, when, what)."""
        if self.store is None:  # locked: the records are closed
            self._pending.append((action, plan_id, detail))
            return
        try:
            self.store.record_event(action, plan_id, detail)
        except UserFacingError as exc:
            self._warn("Not noted in the history", f"The file was made, but it could not be noted in the plan's "
                       f"history: {exc}")

    # ------------------------------------------------------------------ plans files

    def export_plan(self, plan: m.Plan) -> None:
        """One young person's plan to a plans file (JSON) another copy of the app can import."""
        from ...store.interchange import export_plans

        assert self.store is not None
        safe = "".join(c if c.isalnum() else "-" for c in plan.person.display_name).strip("-").lower() or "plan"
        path, _f = QFileDialog.getSaveFileName(self._parent, "Export the plan", self.in_folder(f"{safe}.pathway.json"),
                                               "Pathway plans (*.json)")
        if not path:
            return
        self.remember(path)
        try:
            write_atomically(path, export_plans(self.store, [plan.id]))
        except OutputRefused as exc:  # a device, a pipe, a folder …: nothing there was touched
            self._warn("The plan could not be exported", str(exc))
            return
        except OSError as exc:
            self._warn("The plan could not be exported", f"{path}: {exc.strerror or exc}")
            return
        except UserFacingError as exc:
            self._warn("The plan could not be exported", str(exc))
            return
        self.record("exported", plan.id, {"file": os.path.basename(path)})
        self.status.emit(f"Exported to {path}", 8000)

    def import_plans(self, may_go_on: Callable[[], bool]) -> None:
        """Read plans from a file chosen by the person; ``may_go_on()`` is asked once the file
        is chosen (the open plan is saved first; False: the person went back to fix it)."""
        from ...store.interchange import import_plans

        assert self.store is not None
        path, _f = QFileDialog.getOpenFileName(self._parent, "Import plans", self.folder(),
                                               "Pathway plans (*.json);;All files (*)")
        if not path:
            return
        self.remember(path)
        if not may_go_on():
            return
        try:
            data = Path(path).read_bytes()
            report = import_plans(self.store, data, today=self._today())
        except OSError as exc:
            self._warn("The file could not be read", f"{path}: {exc.strerror or exc}")
            return
        except UserFacingError as exc:
            self._warn("Nothing was imported", str(exc))
            return
        self.imported.emit([i for i, _n in report.created + report.updated])
        text = (f"Imported {len(report.created)} new and {len(report.updated)} updated; "
                f"{len(report.unchanged)} unchanged.")
        if report.notes:
            QMessageBox.information(self._parent, "Import finished", text + "\n\n" + "\n".join(report.notes))
        self.status.emit(text, 8000)

    # ------------------------------------------------------------------ shared plans (carers, key workers)

    def import_return(self, may_go_on: Callable[[], bool]) -> None:
        """A shared plan the carers or key worker saved: each change kept or not, as one change."""
        from ...store.share import SUFFIX
        from ..import_return import import_returned_plan

        assert self.store is not None
        path, _f = QFileDialog.getOpenFileName(self._parent, "Import a returned plan", self.folder(),
                                               f"Shared plans (*{SUFFIX});;All files (*)")
        if not path:
            return
        self.remember(path)
        if not may_go_on():  # the open plan is saved first: the changes meet it as it is now
            return
        plan_id, text = import_returned_plan(self._parent, self.store, path, self._today())
        if plan_id is not None:
            self.imported.emit([plan_id])  # the list, and the plan if it is open, show it now
        if text:
            self.status.emit(text, 8000)

    def open_shared_plan(self) -> None:
        """A shared plan as the carers or key worker see it, in a window of its own."""
        from ..workspace import open_shared_plan

        win = open_shared_plan(self._parent, None, self.folder(), self._today)
        if win is not None:
            self.remember(win.session.path)
            self.workspaces = [w for w in self.workspaces if w.isVisible()] + [win]
            win.show()

    # ------------------------------------------------------------------ PDFs

    def export_pdf(self, plan: m.Plan, edition: str = "full") -> None:
        """The PDF dialog: choose an edition (``edition`` chosen to start with), see the first
        page, save it."""
        from ..pdf_dialog import PdfExportDialog  # reportlab is imported only when a PDF is made

        got = PdfExportDialog.ask(self._parent, plan, self._today(), edition=edition, folder=self.folder())
        if not got:
            return
        path, edition, detail = got
        self.remember(str(path))
        self.record("printed", plan.id, {"edition": edition, "file": path.name, **detail})
        if not self.locked:
            self.status.emit(f"PDF saved to {path}", 8000)

    def make_pdfs(self, ids: list[str]) -> None:
        """PDFs of the young people ``ids`` into a folder, with progress (can be stopped)."""
        if not ids:
            self.status.emit("There is no one to make a PDF for yet.", 6000)
            return
        from ..pdf_dialog import EDITION_CHOICES, export_many_with_progress

        assert self.store is not None
        who = "this young person" if len(ids) == 1 else f"all {len(ids)} young people shown"
        edition = ChooseEditionDialog.ask(self._parent, who, list(EDITION_CHOICES[:2]))
        if edition is None or self.locked:
            return
        folder = QFileDialog.getExistingDirectory(self._parent, "Choose a folder for the PDFs", self.folder())
        if not folder or self.locked:
            return
        self.remember(folder, is_folder=True)
        plans = []
        for plan_id in ids:
            try:
                plans.append(self.store.load(plan_id))
            except UserFacingError as exc:
                self._warn("A plan could not be read", str(exc))
                return
        written = export_many_with_progress(self._parent, plans, folder, edition, self._today())
        for path in written:
            for plan in plans:
                if plan.id[:8] in path.name:
                    self.record("printed", plan.id, {"edition": edition, "file": path.name})
                    break
        if not self.locked:
            self.status.emit(f"Made {len(written)} of {len(plans)} PDFs in {folder}.", 8000)

    def export_html(self, plan: m.Plan, first: str | None = None) -> None:
        """An accessible copy: the plan as one HTML page (a screen reader, a phone), noted in its
        history as the ``html`` command notes it; ``first`` is the copy chosen to start with (the
        young person's when None)."""
        from ..html_export import HtmlCopyDialog, html_bytes, html_filename

        edition = HtmlCopyDialog.ask(self._parent, plan, first)
        if edition is None or self.locked:
            return
        today = self._today()
        path, _f = QFileDialog.getSaveFileName(self._parent, "Save the accessible copy",
                                               self.in_folder(html_filename(plan, edition, today)),
                                               "Web page (*.html)")
        if not path or self.locked:
            return
        self.remember(path)
        if not path.lower().endswith((".html", ".htm")):
            path += ".html"
        try:
            written = write_atomically(path, html_bytes(plan, edition, today))
        except OutputRefused as exc:
            self._warn("The accessible copy could not be saved", str(exc))
            return
        except UserFacingError as exc:
            self._warn("The accessible copy could not be saved", str(exc))
            return
        self.record("exported", plan.id, {"to": "accessible page", "edition": edition, "file": written.name})
        self.status.emit(f"Accessible copy saved to {written}", 8000)

    # ------------------------------------------------------------------ what is held about them

    def subject_access(self, plan: m.Plan) -> None:
        """Everything held about the young person: a readable PDF and the same as data beside it."""
        from ...export import default_filename
        from ...export.subject_access import render_subject_access_pdf
        from ...store.subject_access import subject_access_bundle

        assert self.store is not None
        name = default_filename(plan, "everything-held", self._today())
        path, _f = QFileDialog.getSaveFileName(self._parent, "Save everything held about them",
                                               self.in_folder(name), "PDF (*.pdf)")
        if not path or self.locked:
            return
        self.remember(path)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            bundle = subject_access_bundle(self.store, plan.id, today=self._today())
            render_subject_access_pdf(bundle, path)
            data = json.dumps(bundle, ensure_ascii=False, indent=2, default=str).encode("utf-8")
            write_atomically(path[:-4] + ".json", data)
        except OutputRefused as exc:
            self._warn("The copy could not be made", str(exc))
            return
        except OSError as exc:
            self._warn("The copy could not be made", f"{path}: {exc.strerror or exc}")
            return
        except UserFacingError as exc:
            self._warn("The copy could not be made", str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.record("exported", plan.id, {"what": "everything held (subject access)", "file": os.path.basename(path)})
        n = len(bundle.get("third_party") or [])
        more = (f"\n\n{n} piece{'s' if n != 1 else ''} of information about other people "
                "are marked for someone to check before it is given to them.") if n else ""
        QMessageBox.information(self._parent, "Everything held",
                                f"Saved {path}\nand the same as data beside it (.json).{more}")

    def show_history(self, plan: m.Plan) -> None:
        """Who opened, changed, exported or printed the plan, and when."""
        from ..history import HistoryDialog

        assert self.store is not None
        try:
            entries = self.store.audit_history(plan.id)
        except UserFacingError as exc:
            self._warn("The history could not be read", str(exc))
            return
        HistoryDialog.run(self._parent, plan.person.display_name, entries)


__all__ = ["FilesController"]
