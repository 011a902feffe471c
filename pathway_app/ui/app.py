"""Start the desktop app: ``run_app()`` (called by ``pathway-planner`` with no command).

Kept light: the PDF module, reportlab and the plan pages are imported only when first used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ..store.check import DatabaseMovedAside
    from ..store.lock import AlreadyOpen
    from ..store.protocol import StoreProtocol
    from .unlock import StoreAccess
    from .window import MainWindow

APP_NAME = "Pathway Planner"
ORG_NAME = "PathwayPlanner"


def settings_for(data_dir: str | Path | None = None) -> QSettings:
    """Window state lives beside the data (an INI file), so a test's data folder holds its own."""
    from PySide6.QtCore import QSettings

    from .. import paths

    base = Path(data_dir) if data_dir else paths.data_dir()
    base.mkdir(parents=True, exist_ok=True)
    return QSettings(str(base / "window.ini"), QSettings.Format.IniFormat)


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    from . import accessible, focus, theme

    theme.follow_system(app)  # readable text, and high contrast while the system asks for it
    focus.watch()  # a ring round whatever has the keyboard, in every window
    accessible.name_message_box_icons()
    return app


def run_workspace(path: str) -> int:
    """``pathway-planner FILE``: the workspace on one shared plan; returns the exit status."""
    from .workspace import open_shared_plan

    app = make_application()
    win = open_shared_plan(None, path)
    if win is None:
        return 1
    win.show()
    return int(app.exec())


def open_window(store: StoreProtocol, data_dir: str | Path | None = None, today: Callable[[], date] = date.today,
                access: StoreAccess | None = None, lock_after_ms: int | None = None) -> MainWindow:
    """The main window on ``store`` with the list loaded (not shown yet)."""
    from .window import MainWindow

    win = MainWindow(store, settings_for(data_dir), today, access=access, lock_after_ms=lock_after_ms)
    win.load_caseload()
    return win


class _StoreOpener:
    """Opens the store on a worker thread while Qt starts on the main one.

    Importing and migrating the store takes about as long as starting Qt; doing both at once
    shortens a cold start. The store's engine allows use from another thread
    (``check_same_thread=False``), and the worker is joined before the store is used. Encrypted
    records stop at "a passphrase is needed", which the main thread then asks for.
    """

    def __init__(self, access: StoreAccess):
        import threading

        self.store: StoreProtocol | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, args=(access,), name="open-store", daemon=True)
        self._thread.start()

    def _open(self, access: StoreAccess) -> None:
        try:
            self.store = access.open()
        except BaseException as exc:  # handed to the main thread by result()
            self.error = exc

    def result(self) -> StoreProtocol | None:
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.store


def open_records(access: StoreAccess, first: _StoreOpener | None = None) -> StoreProtocol | None:
    """Open the records, asking what is needed: a new passphrase on the first run, the
    passphrase for encrypted records, whether to restore a backup of a damaged file.

    ``first`` is an :class:`_StoreOpener` already trying without a passphrase. Returns the
    store, or None when the person chose to stop. Raises ``UserFacingError`` for a problem
    they cannot fix here (the caller shows it).
    """
    from ..errors import PassphraseNeeded
    from ..store.check import DatabaseMovedAside
    from .unlock import NewPassphraseDialog, UnlockDialog

    attempt = first.result if first is not None else access.open
    for _ in range(4):
        try:
            return attempt()
        except PassphraseNeeded as exc:
            if exc.new:
                values = NewPassphraseDialog.ask(None)
                if not values:
                    return None
                return access.open(**values)
            where = f"Records: {access.path}" if access.path is not None else ""
            return UnlockDialog.run(None, access.open, where)
        except DatabaseMovedAside as exc:
            if not _offer_restore(exc, access):
                return None
            attempt = access.open
    return None


def _offer_restore(exc: DatabaseMovedAside, access: StoreAccess) -> bool:
    """The damaged file was moved aside: offer the newest good backup. True when restored."""
    from PySide6.QtWidgets import QMessageBox

    backup = exc.newest_good_backup
    if backup is None or access.path is None:
        QMessageBox.critical(None, "The records could not be opened",
                             f"{exc}\n\nNo good backup was found to restore. The damaged file was kept "
                             "as it was; please ask for help before starting again.")
        return False
    answer = QMessageBox.question(
        None, "The records are damaged",
        f"{exc}\n\nRestore the newest good backup ({Path(str(backup)).name})? Changes made after it "
        "was taken will not be in it.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from ..store.backup import restore_backup

    restore_backup(backup, access.path)
    return True


def _already_open(exc: AlreadyOpen, access: StoreAccess) -> bool:
    """Another copy of the app has these records. True: carry on read-only; False: quit."""
    from PySide6.QtWidgets import QMessageBox

    if access.path is None:
        QMessageBox.information(None, "Already open", str(exc))
        return False
    answer = QMessageBox.question(
        None, "Already open",
        f"{exc}\n\nOpen them read-only? You can look, but nothing you type will be saved.",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Close)
    if answer != QMessageBox.StandardButton.Open:
        return False
    access.use_read_only()
    return True


def run_app(db_url: str | None = None, data_dir: str | None = None, demo: bool = False) -> int:
    """Open the app; returns the exit status."""
    from ..store.lock import AlreadyOpen
    from .unlock import StoreAccess

    access = StoreAccess(db_url, data_dir)
    lock_error: AlreadyOpen | None = None
    try:
        access.acquire_lock()
    except AlreadyOpen as exc:
        lock_error = exc
    opener = _StoreOpener(access) if lock_error is None else None
    app = make_application()
    from PySide6.QtWidgets import QMessageBox

    from ..errors import UserFacingError
    from . import window  # noqa: F401 - imported while the store opens

    if lock_error is not None and not _already_open(lock_error, access):
        return 1
    try:
        store = open_records(access, opener)
    except UserFacingError as exc:
        QMessageBox.critical(None, "The records could not be opened", str(exc))
        access.release_lock()
        return 1
    if store is None:
        access.release_lock()
        return 1
    win: MainWindow | None = None
    try:
        win = open_window(store, data_dir, access=access)
        if access.read_only:
            win.statusBar().showMessage("Opened read-only: another copy of Pathway Planner has these records open.")
        if demo:
            win.add_demo()
        win.show()
        return int(app.exec())
    finally:
        current = win.store if win is not None else store
        if current is not None:
            current.close()
        access.release_lock()
