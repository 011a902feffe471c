"""Make a PDF of a plan: choose the copy, see its first page, choose where to save it.

- :class:`PdfExportDialog` — ``PdfExportDialog.run(parent, plan, today)`` returns the path
  written, or ``None`` (``PdfExportDialog.ask`` returns the path, the edition and what to note
  in the plan's history). The preview is rendered in memory (never to a temporary file) off the
  GUI thread (a one-thread :class:`QThreadPool`), so the dialog stays responsive while the PDF
  is made. The full plan may leave out its appendix of research prompts; the Staying Put and
  Staying Close copies are offered once the plan has such an agreement, and print the version
  chosen (by default the one in force, else the draft).
- :func:`export_many_with_progress` — PDFs for many plans into a folder, with a progress
  dialog that can be stopped; finished files are kept, a file being made when stopped is never
  written (the export writes each file through a temporary file).

Both call :mod:`pathway_app.export`; nothing here builds documents itself.
"""

from __future__ import annotations

import copy
import gc
import threading
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium  # here, on the GUI thread: a first import inside a worker races PySide's import hook
from PySide6.QtCore import QEventLoop, QObject, QRunnable, QStandardPaths, Qt, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .. import export
from ..domain import agreements
from ..domain.model import Plan
from ..errors import OutputRefused
from . import theme

#: (edition code, words on the button, what it is for) in the order they are offered.
EDITION_CHOICES: tuple[tuple[str, str, str], ...] = (
    ("full", "Full pathway plan", "Everything, for the record and for the manager to sign."),
    ("young-person", "My pathway plan (for the young person)",
     "In their words, first person; leaves out safety notes, contact restrictions and other people's numbers."),
    ("staying-put", "Staying Put agreement", "The agreement with the foster carers, to sign together."),
    ("staying-close", "Staying Close plan", "The plan with the children's home, to sign together."),
)

#: Preview width in "x" widths of the dialog font (an A4 page is 1 : 1.414).
_PREVIEW_EMS = 46

_STYLE = """
QLabel#PdfPreview {
    background: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 0.4em;
}
QPushButton#Primary {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: none;
    border-radius: 0.35em;
    padding: 0.5em 1.2em;
}
QPushButton#Primary:focus {
    border: 2px solid palette(text);
}
QPushButton#Primary:disabled {
    background: palette(mid);
}
"""


_gc_holds = 0


def hold_gc(on: bool) -> None:
    """Collect Python's garbage on the GUI thread only, while a PDF is made off it.

    Python collects reference cycles in whichever thread happens to allocate; a worker making
    a PDF allocates a great deal, and a cycle holding a Qt widget would then be destroyed on
    the worker's thread — which crashes Qt. So automatic collection waits while a worker runs
    (``hold_gc(True)``), and the garbage is collected here, on the GUI thread, after.
    """
    global _gc_holds
    _gc_holds += 1 if on else -1
    if on and _gc_holds == 1:
        gc.collect()
        gc.disable()
    elif not on and _gc_holds == 0:
        gc.enable()
        gc.collect()


def first_page_image(pdf: Path | bytes, width_px: int) -> QImage:
    """The first page of a PDF (its bytes, or a file) as an image ``width_px`` wide.

    Safe off the GUI thread. Given bytes, nothing is written anywhere: the preview of a young
    person's plan never leaves memory.
    """
    doc = pdfium.PdfDocument(bytes(pdf) if isinstance(pdf, (bytes, bytearray)) else str(pdf))
    try:
        page = doc[0]
        try:
            scale = max(0.2, width_px / page.get_width())
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBX8888)
                return image.copy()  # own the pixels before the buffer goes
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()


#: The kind of agreement each agreement's copy prints.
AGREEMENT_KINDS = {"staying-put": agreements.STAYING_PUT, "staying-close": agreements.STAYING_CLOSE}


def cannot_make_yet(plan: Plan, edition: str) -> str:
    """Why an agreement's copy cannot be made yet ("" when it can)."""
    kind = AGREEMENT_KINDS.get(edition)
    if kind is not None and not agreements.section(plan, kind).agreements:
        return f"Not yet: no {agreements.NAMES[kind]} has been written for this plan."
    return ""


#: What a copy is made with: the edition, the appendix (full plan), the agreement's version.
Options = tuple[str, bool, "str | None"]


# --------------------------------------------------------------------------- workers


class _JobSignals(QObject):
    """Signals of a job run on the pool; delivered to the dialog on the GUI thread."""

    previewed = Signal(str, int, QImage)  # edition, generation, first page
    saved = Signal(str)  # path written
    failed = Signal(str, int, str)  # what ("preview" or "save"), generation, message


class _PreviewJob(QRunnable):
    def __init__(self, plan: Plan, options: Options, today: date, width_px: int, generation: int):
        super().__init__()
        self.plan, self.options, self.today = plan, options, today
        self.edition = options[0]
        self.width_px, self.generation = width_px, generation
        self.signals = _JobSignals()

    def run(self) -> None:  # noqa: D401 - Qt override
        edition, appendix, agreement = self.options
        try:
            # In memory only: no temporary file holds the young person's plan.
            data = export.render_document(export.build_document(self.plan, self.today, edition, appendix=appendix,
                                                                agreement=agreement))
            image = first_page_image(data, self.width_px)
        except Exception as exc:  # a worker must report, not raise into Qt
            self.signals.failed.emit("preview", self.generation, str(exc) or type(exc).__name__)
            return
        self.signals.previewed.emit(self.edition, self.generation, image)


class _SaveJob(QRunnable):
    def __init__(self, plan: Plan, options: Options, today: date, path: Path):
        super().__init__()
        self.plan, self.options, self.today, self.path = plan, options, today, path
        self.signals = _JobSignals()

    def run(self) -> None:  # noqa: D401 - Qt override
        edition, appendix, agreement = self.options
        try:
            written = export.render_pdf(self.plan, edition, self.today, self.path, appendix=appendix,
                                        agreement=agreement)
        except OutputRefused as exc:  # a device, a pipe, a folder …: said plainly
            self.signals.failed.emit("save", 0, str(exc))
            return
        except Exception as exc:  # OSError, UserFacingError, or a bug: shown, never lost
            self.signals.failed.emit("save", 0, str(exc) or type(exc).__name__)
            return
        self.signals.saved.emit(str(written))


# --------------------------------------------------------------------------- the dialog


class PdfExportDialog(QDialog):
    """Choose a copy of the plan, see its first page, save it as a PDF.

    ``result_path`` is the file written (``None`` until saved).
    """

    def __init__(self, plan: Plan, today: date, parent: QWidget | None = None, edition: str = "full",
                 folder: str = ""):
        super().__init__(parent)
        self.folder = folder  # where the save dialog starts (else the person's Documents)
        self.setWindowTitle("Make a PDF")
        self.setStyleSheet(_STYLE)
        self.plan = plan
        self.today = today
        self.result_path: Path | None = None
        self.versions: dict[str, QComboBox] = {}
        self._generation = 0
        self._cache: dict[Options, QImage] = {}
        self._jobs: set[QRunnable] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # pdfium is not thread-safe; one render at a time

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        outer.setSpacing(14)
        body = QHBoxLayout()
        body.setSpacing(24)
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        left.setSpacing(14)
        heading = QLabel(f"Which copy of {plan.person.display_name}’s plan?", self)
        heading.setWordWrap(True)
        theme.set_font(heading, 1.15, bold=True)
        left.addWidget(heading)
        self.editions = QButtonGroup(self)
        self.edition_buttons: dict[str, QRadioButton] = {}
        self.edition_notes: dict[str, QLabel] = {}
        for code, words, about in EDITION_CHOICES:
            b = QRadioButton(words, self)
            b.setAccessibleName(words)
            b.setAccessibleDescription(about)
            b.toggled.connect(partial(self._on_edition, code))
            self.editions.addButton(b)
            self.edition_buttons[code] = b
            group = QVBoxLayout()
            group.setSpacing(2)
            group.addWidget(b)
            text = about
            note = cannot_make_yet(plan, code)
            if note:
                text += " " + note
            hint = QLabel(text, self)
            hint.setWordWrap(True)
            hint.setIndent(self.style().pixelMetric(self.style().PixelMetric.PM_ExclusiveIndicatorWidth) + 8)
            hint.setAccessibleName(f"About the {words}")
            theme.set_font(hint, 0.9)
            pal = hint.palette()
            pal.setColor(QPalette.ColorRole.WindowText, theme.muted_colour(pal))
            hint.setPalette(pal)
            self.edition_notes[code] = hint
            group.addWidget(hint)
            if note:  # no such agreement yet: nothing to print
                b.setEnabled(False)
                b.setToolTip(note)
            if code == "full":
                group.addWidget(self._appendix_box())
            if code in AGREEMENT_KINDS:
                group.addWidget(self._version_box(code, words))
            left.addLayout(group)
        left.addStretch(1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        pal = self.error.palette()
        pal.setColor(QPalette.ColorRole.WindowText, theme.attention_colour(pal))
        self.error.setPalette(pal)
        self.error.setVisible(False)
        left.addWidget(self.error)
        body.addLayout(left, 1)

        right = QVBoxLayout()
        right.setSpacing(6)
        cap = QLabel("First page", self)
        theme.set_font(cap, 0.9, bold=True)
        right.addWidget(cap)
        em = self.fontMetrics().horizontalAdvance("x")
        self._preview_w = em * _PREVIEW_EMS
        self.preview = QLabel(self)
        self.preview.setObjectName("PdfPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setFixedSize(self._preview_w + 12, round(self._preview_w * 1.4142) + 12)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.preview.setAccessibleName("Preview of the first page")
        self.preview.setAccessibleDescription("The first page of the copy chosen, as it will be printed")
        right.addWidget(self.preview)
        right.addStretch(1)
        body.addLayout(right, 0)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(line)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setAccessibleName("Cancel")
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.save = QPushButton("&Save as PDF…", self)
        self.save.setObjectName("Primary")
        self.save.setAccessibleName("Save as PDF")
        self.save.setAccessibleDescription("Choose where to save the PDF")
        self.save.setDefault(True)
        self.save.clicked.connect(self.choose_and_save)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        outer.addLayout(buttons)

        start = self.edition_buttons.get(edition)
        (start if start is not None and start.isEnabled() else self.edition_buttons["full"]).setChecked(True)

    def _indented(self, w: QWidget) -> QWidget:
        """``w`` under its copy's words, in line with them."""
        holder = QWidget(self)
        lay = QHBoxLayout(holder)
        lay.setContentsMargins(self.style().pixelMetric(self.style().PixelMetric.PM_ExclusiveIndicatorWidth) + 8,
                               2, 0, 2)
        lay.addWidget(w, 1)
        return holder

    def _appendix_box(self) -> QWidget:
        """"Include the research prompts (appendix)": on, unless the adviser leaves them out."""
        self.appendix = QCheckBox("Include the research &prompts (appendix)", self)
        self.appendix.setAccessibleName("Include the research prompts (appendix)")
        self.appendix.setAccessibleDescription("The prompts considered for this plan, with their sources, at the "
                                               "end of the full plan. Untick to leave them out.")
        self.appendix.setChecked(True)
        self.appendix.toggled.connect(self._options_changed)
        return self._indented(self.appendix)

    def _version_box(self, code: str, words: str) -> QWidget:
        """Which version of the agreement to print: the one in force by default, else the draft."""
        kind = AGREEMENT_KINDS[code]
        box = QComboBox(self)
        box.setAccessibleName(f"Which version of the {words}")
        box.setAccessibleDescription("The version in force is printed unless another is chosen")
        versions = agreements.in_order(self.plan, kind)
        for a in versions:
            box.addItem(agreements.title(kind, a), a.id)
        current = agreements.section(self.plan, kind).current()
        if current is not None:
            box.setCurrentIndex(max(0, box.findData(current.id)))
        box.setVisible(bool(versions))
        box.setEnabled(False)
        box.currentIndexChanged.connect(self._options_changed)
        self.versions[code] = box
        return self._indented(box)

    # ------------------------------------------------------------------ values

    @property
    def options(self) -> Options:
        """(edition, appendix, agreement id) of the copy chosen."""
        edition = self.edition
        box = self.versions.get(edition)
        agreement = box.currentData() if box is not None and box.count() else None
        return edition, self.appendix.isChecked() if edition == "full" else True, agreement

    def history_detail(self) -> dict[str, str]:
        """What the plan's history notes about the copy made, beyond its edition and file."""
        edition, appendix, _agreement = self.options
        box = self.versions.get(edition)
        if box is not None and box.count():
            return {"version": box.currentText()}
        return {"appendix": "left out"} if edition == "full" and not appendix else {}

    @property
    def edition(self) -> str:
        for code, b in self.edition_buttons.items():
            if b.isChecked():
                return code
        return "full"

    def set_edition(self, code: str) -> None:
        """Choose the copy ``code`` (not one that cannot be made yet)."""
        if self.edition_buttons[code].isEnabled():
            self.edition_buttons[code].setChecked(True)

    def preview_pixmap(self) -> QPixmap:
        return self.preview.pixmap()

    # ------------------------------------------------------------------ preview

    def _on_edition(self, code: str, checked: bool) -> None:
        if checked:
            words = dict((c, w) for c, w, _a in EDITION_CHOICES)[code]
            self.preview.setAccessibleDescription(f"The first page, as it will be printed: {words}")
            self._options_changed()

    def _options_changed(self, *_args: object) -> None:
        edition = self.edition
        self.appendix.setEnabled(edition == "full" and self.save.isEnabled())
        for code, box in self.versions.items():
            box.setEnabled(code == edition and self.save.isEnabled())
        self._request_preview(self.options)

    def _request_preview(self, options: Options) -> None:
        self._generation += 1
        cached = self._cache.get(options)
        if cached is not None:
            self._show_image(cached)
            return
        self.preview.setPixmap(QPixmap())
        self.preview.setText("Making the preview…")
        # A copy, so the worker never reads the plan while something edits it.
        width = round(self._preview_w * max(1.0, self.devicePixelRatioF()))
        job = _PreviewJob(copy.deepcopy(self.plan), options, self.today, width, self._generation)
        self._start(job)

    def _start(self, job: QRunnable) -> None:
        job.setAutoDelete(False)
        job.signals.previewed.connect(self._on_previewed)
        job.signals.saved.connect(self._on_saved)
        job.signals.failed.connect(self._on_failed)
        if not self._jobs:
            hold_gc(True)
        self._jobs.add(job)
        self._pool.start(job)

    def _forget(self) -> None:
        sender = self.sender()
        had = bool(self._jobs)
        self._jobs = {j for j in self._jobs if j.signals is not sender}
        if had and not self._jobs:
            hold_gc(False)

    def _on_previewed(self, edition: str, generation: int, image: QImage) -> None:
        job = next((j for j in self._jobs if j.signals is self.sender()), None)
        self._forget()
        if isinstance(job, _PreviewJob):
            self._cache[job.options] = image
        if generation == self._generation and edition == self.edition:
            self._show_image(image)

    def _show_image(self, image: QImage) -> None:
        pix = QPixmap.fromImage(image)
        pix.setDevicePixelRatio(max(1.0, image.width() / self._preview_w))  # sharp on high-DPI screens
        self.preview.setText("")
        self.preview.setPixmap(pix)

    def _on_failed(self, what: str, generation: int, message: str) -> None:
        self._forget()
        if what == "preview":
            if generation == self._generation:
                self.preview.setText("The preview could not be made. You can still save the PDF.")
            self._show_error(f"Preview: {message}")
        else:
            self._set_busy(False)
            self._show_error(f"The PDF could not be saved: {message}")

    def _show_error(self, message: str) -> None:
        self.error.setText("⚠ " + message)
        self.error.setVisible(True)

    # ------------------------------------------------------------------ saving

    def _suggested_path(self) -> str:
        name = export.default_filename(self.plan, self.edition, self.today)
        folder = self.folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / name) if folder else name

    def choose_and_save(self) -> None:
        """Ask where to save, then write the PDF (off the GUI thread); closes when written."""
        path, _filter = QFileDialog.getSaveFileName(self, "Save the PDF", self._suggested_path(), "PDF (*.pdf)")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.error.setVisible(False)
        self._set_busy(True)
        self._start(_SaveJob(copy.deepcopy(self.plan), self.options, self.today, target))

    def _set_busy(self, busy: bool) -> None:
        self.save.setEnabled(not busy)
        for code, b in self.edition_buttons.items():
            b.setEnabled(not busy and not cannot_make_yet(self.plan, code))
        self.appendix.setEnabled(not busy and self.edition == "full")
        for code, box in self.versions.items():
            box.setEnabled(not busy and code == self.edition)
        self.save.setText("Saving…" if busy else "&Save as PDF…")

    def _on_saved(self, path: str) -> None:
        self._forget()
        self._set_busy(False)
        self.result_path = Path(path)
        self.accept()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        """Wait for a render in hand, so nothing writes or reports after the dialog closes."""
        self._pool.clear()
        self._pool.waitForDone()
        if self._jobs:  # a job taken off the queue never reports
            self._jobs.clear()
            hold_gc(False)
        super().done(result)

    # ------------------------------------------------------------------ opening

    @classmethod
    def run(cls, parent: QWidget | None, plan: Plan, today: date, edition: str = "full") -> Path | None:
        """Show the dialog; the path of the PDF written, or None if nothing was saved."""
        got = cls.ask(parent, plan, today, edition=edition)
        return got[0] if got else None

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan, today: date, edition: str = "full",
            folder: str = "") -> tuple[Path, str, dict[str, str]] | None:
        """Show the dialog, starting on ``edition``; (the path written, the edition, what else
        the plan's history notes about it) or None if nothing was saved. The save dialog starts
        in ``folder`` (else Documents)."""
        dlg = cls(plan, today, parent, edition, folder)
        try:
            dlg.exec()
            return (dlg.result_path, dlg.edition, dlg.history_detail()) if dlg.result_path is not None else None
        finally:
            dlg._cache.clear()
            dlg.preview.clear()
            dlg.deleteLater()


# --------------------------------------------------------------------------- many at once


class _BatchThread(QThread):
    """Runs :func:`pathway_app.export.export_many`; reports after each file."""

    step = Signal(int, int, str)  # done, total, path

    def __init__(self, plans: Sequence[Plan], out_dir: Path, edition: str, today: date):
        super().__init__()
        self.plans, self.out_dir, self.edition, self.today = plans, out_dir, edition, today
        self.stop = threading.Event()
        self.written: list[Path] = []
        self.error = ""

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            self.written = export.export_many(
                self.plans, self.out_dir, self.edition, self.today,
                progress=self._progress, cancelled=self.stop.is_set)
        except Exception as exc:  # reported by the GUI thread
            self.error = str(exc) or type(exc).__name__

    def _progress(self, done: int, total: int, path: Path) -> None:
        self.written.append(path)  # kept in step, in case a later plan fails (then replaced by the result)
        self.step.emit(done, total, str(path))


class _BatchExport(QObject):
    def __init__(self, parent: QWidget | None, plans: Sequence[Plan], out_dir: Path, edition: str, today: date):
        super().__init__()
        self.total = len(plans)
        self.dialog = QProgressDialog("Making the PDFs…", "Stop", 0, self.total, parent)
        self.dialog.setWindowTitle("Making PDFs")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setAccessibleName("Making the PDFs")
        self.dialog.setValue(0)
        self.thread = _BatchThread([copy.deepcopy(p) for p in plans], out_dir, edition, today)
        self.thread.step.connect(self._on_step)
        self.dialog.canceled.connect(self._on_cancel)
        self.loop = QEventLoop()
        self.thread.finished.connect(self.loop.quit)

    def _on_step(self, done: int, total: int, path: str) -> None:
        self.dialog.setValue(done)
        if not self.thread.stop.is_set():
            self.dialog.setLabelText(f"Made {done} of {total}: {Path(path).name}")

    def _on_cancel(self) -> None:
        self.thread.stop.set()
        self.dialog.setLabelText("Stopping after the PDF in hand… (it will not be kept)")

    def exec(self) -> list[Path]:
        self.dialog.show()
        hold_gc(True)
        try:
            self.thread.start()
            if not self.thread.isFinished():
                self.loop.exec()
            self.thread.wait()
        finally:
            hold_gc(False)
        self.dialog.close()
        self.dialog.deleteLater()
        return list(self.thread.written)


def export_many_with_progress(parent: QWidget | None, plans: Sequence[Plan], out_dir, edition: str,
                              today: date) -> list[Path]:
    """PDFs of ``plans`` into ``out_dir`` with a progress dialog that can be stopped.

    Returns the paths written, in order. When stopped, the PDFs already made are kept and the
    one in hand is never written. A failure is shown in a message box; the PDFs made before it
    are kept and returned.
    """
    if not plans:
        return []
    job = _BatchExport(parent, plans, Path(out_dir), edition, today)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        written = job.exec()
    finally:
        QApplication.restoreOverrideCursor()
    if job.thread.error:
        QMessageBox.warning(parent, "Not all the PDFs were made",
                            f"{len(written)} of {len(plans)} PDFs were made. The problem: {job.thread.error}")
    return written


__all__ = ["AGREEMENT_KINDS", "EDITION_CHOICES", "PdfExportDialog", "cannot_make_yet", "export_many_with_progress", "first_page_image"]
