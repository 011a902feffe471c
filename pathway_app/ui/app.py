"""Start the desktop app: ``run_app()`` (called by ``pathway-planner`` with no command).

Kept light: the PDF module, reportlab and the plan pages are imported only when first used.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

APP_NAME = "Pathway Planner"
ORG_NAME = "PathwayPlanner"


def settings_for(data_dir: str | Path | None = None) -> Any:
    """Window state lives beside the data (an INI file), so a test's data folder holds its own."""
    from PySide6.QtCore import QSettings

    from .. import paths

    base = Path(data_dir) if data_dir else paths.data_dir()
    base.mkdir(parents=True, exist_ok=True)
    return QSettings(str(base / "window.ini"), QSettings.Format.IniFormat)


def make_application(argv: list[str] | None = None) -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def open_window(store: Any, data_dir: str | Path | None = None, today: Any = date.today) -> Any:
    """The main window on ``store`` with the list loaded (not shown yet)."""
    from .main_window import MainWindow

    win = MainWindow(store, settings_for(data_dir), today)
    win.load_caseload()
    return win


class _StoreOpener:
    """Opens the store on a worker thread while Qt starts on the main one.

    Importing and migrating the store takes about as long as starting Qt; doing both at once
    shortens a cold start. The store's engine allows use from another thread
    (``check_same_thread=False``), and the worker is joined before the store is used.
    """

    def __init__(self, db_url: str | None, data_dir: str | None):
        import threading

        self.store: Any = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, args=(db_url, data_dir), name="open-store", daemon=True)
        self._thread.start()

    def _open(self, db_url: str | None, data_dir: str | None) -> None:
        try:
            from ..store import open_store

            self.store = open_store(url=db_url, data_dir=data_dir)
        except BaseException as exc:  # handed to the main thread by result()
            self.error = exc

    def result(self) -> Any:
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.store


def run_app(db_url: str | None = None, data_dir: str | None = None, demo: bool = False) -> int:
    """Open the app; returns the exit status."""
    opener = _StoreOpener(db_url, data_dir)
    app = make_application()
    from PySide6.QtWidgets import QMessageBox

    from ..errors import UserFacingError
    from . import main_window  # noqa: F401 - imported while the store opens

    try:
        store = opener.result()
    except UserFacingError as exc:
        QMessageBox.critical(None, "The records could not be opened", str(exc))
        return 1
    try:
        win = open_window(store, data_dir)
        for warning in getattr(store, "warnings", []) or []:
            win.statusBar().showMessage(warning, 20000)
        if demo:
            win.add_demo()
        win.show()
        return int(app.exec())
    finally:
        store.close()
