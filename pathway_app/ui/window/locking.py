"""Keeping the records safe while the app is open: locking, unlocking, encrypting.

:class:`LockController` decides *when* to lock (after the "lock after" time without use, or
on Ctrl+L), closes the records, runs the lock screen's attempt to open them again, and
encrypts plain records in place. What is on screen belongs to the window: just before locking
it is asked (``aboutToLock``) to save, remember where it is and clear every young person's
details away; after unlocking (``lockedChanged(False)``) it goes back there.

It also says what state the records are in: a banner when they are not encrypted (with
"Encrypt them…"), the store's own warnings, and a badge in the status bar.

Locking never wipes anything: statutory records stay; retries are only slowed down
(:mod:`pathway_app.ui.unlock`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QProgressDialog, QWidget

from ...errors import UserFacingError
from ...store.protocol import StoreProtocol
from .. import theme
from ..banner import Banner
from ..dialogs import LockSettingsDialog, TextWindow
from ..idle import DEFAULT_MINUTES, IdleWatcher, clamp_minutes
from ..session import PlanSession
from ..unlock import LockScreen, NewPassphraseDialog, StoreAccess

if TYPE_CHECKING:
    from ...store.encrypted import EncryptionReport

#: The one setting about privacy kept in window.ini (a number of minutes; never personal data).
LOCK_SETTING = "privacy/lock_minutes"


class LockController(QObject):
    """Locks the app and opens the records again (see the module docstring).

    ``access`` says how to open the records again after locking; without it, locking only
    clears the screen and Continue shows the same records again. ``lock_after_ms`` overrides
    the "lock after" setting (minutes in window.ini, default 5, at most 15). The lock screen,
    the banner area and the badge are the window's widgets; this object fills them.
    ``parent`` owns the dialogs it opens.

    Signals:
        aboutToLock(): the app is about to lock: save, remember where you are, clear the screen.
        storeChanged(object store): the records were closed (None) or opened again.
        lockedChanged(bool locked): locking finished (True), or the records are open again (False).
        encryptRequested(): "Encrypt them…" was pressed on the banner.
    """

    aboutToLock = Signal()
    storeChanged = Signal(object)
    lockedChanged = Signal(bool)
    encryptRequested = Signal()

    def __init__(self, store: StoreProtocol | None, access: StoreAccess | None, settings: QSettings,
                 session: PlanSession, lock_screen: LockScreen, banner_area: QWidget, badge: QLabel,
                 parent: QWidget, lock_after_ms: int | None = None):
        super().__init__(parent)
        self.store = store
        self.access = access
        self.settings = settings
        self.session = session
        self.lock_screen = lock_screen
        self._banner_area = banner_area
        self.badge = badge
        self._parent = parent
        self.locked = False
        self._lock_after_ms = lock_after_ms
        self.banners: list[Banner] = []
        self.unencrypted_banner: Banner | None = None
        lock_screen.unlocked.connect(self._on_unlocked)
        lock_screen.problem.connect(self._on_unlock_problem)
        self.idle = IdleWatcher(self.lock_after_ms(), self)
        self.idle.idle.connect(self._lock_when_idle)
        self.idle.start()

    # ------------------------------------------------------------------ the "lock after" setting

    def lock_after_ms(self) -> int:
        if self._lock_after_ms is not None:
            return int(self._lock_after_ms)
        return clamp_minutes(self.settings.value(LOCK_SETTING, DEFAULT_MINUTES)) * 60_000

    def ask_lock_after(self) -> None:
        """Ask how many minutes without use before the app locks itself; keep it in window.ini."""
        minutes = clamp_minutes(self.settings.value(LOCK_SETTING, DEFAULT_MINUTES))
        chosen = LockSettingsDialog.ask(self._parent, minutes)
        if chosen is None:
            return
        self.settings.setValue(LOCK_SETTING, clamp_minutes(chosen))
        self.settings.sync()
        self._lock_after_ms = None
        self.idle.set_timeout_ms(self.lock_after_ms())

    # ------------------------------------------------------------------ locking

    def _lock_when_idle(self) -> None:
        self.lock(idle=True)

    def lock(self, idle: bool = False) -> None:
        """Close every dialog, have the window put everything away, close the records and ask
        for the passphrase (or a plain Continue for unencrypted records) to carry on.

        ``idle``: it is locking itself because no one used it (the lock screen says so)."""
        if self.locked:
            return
        self._close_dialogs()
        self.aboutToLock.emit()
        self.locked = True
        if self.access is not None and self.store is not None:
            self.store.close()  # disposes the engine: no open connection, no key in use
            self._set_store(None)
        needs = bool(self.access is not None and self.access.needs_passphrase)
        minutes = round(self.idle.timeout_ms / 60000)
        if idle:
            why = (f"It locked itself after {minutes} minute{'s' if minutes != 1 else ''} without use, to keep "
                   "young people's records private." if minutes >= 1 else "It locked itself to keep young "
                   "people's records private.")
        else:
            why = "It was locked to keep young people's records private."
        self.lock_screen.show_locked(self._reopen, needs, why)
        self.idle.stop()
        self.lockedChanged.emit(True)

    def _close_dialogs(self) -> None:
        """Close every dialog (they may show a young person's details); keep what they changed.

        The windows of unsaved changes to copy from (:class:`TextWindow`) are put away by
        their owner instead, to be shown again after unlocking.
        """
        from ..at25_dialog import At25Dialog  # imported when first needed: a quicker start

        for w in QApplication.topLevelWidgets():
            if not isinstance(w, QDialog) or isinstance(w, TextWindow) or not w.isVisible():
                continue
            if isinstance(w, At25Dialog) and w.changed and self.session.plan is w.plan:
                self.session.mark_changed()  # its answers are already in the plan: save them
            if isinstance(w, QProgressDialog):
                w.canceled.emit()  # as if Stop were pressed: the work behind it stops too
            w.reject()

    def _reopen(self, passphrase: str | None) -> StoreProtocol | None:
        """The lock screen's attempt: open the same records again (raises if it cannot)."""
        if self.access is None:
            return self.store
        return self.access.open(passphrase=passphrase)

    def _on_unlocked(self, store: StoreProtocol) -> None:
        self.locked = False
        self._set_store(store)
        self.idle.start()
        self.lockedChanged.emit(False)

    def _on_unlock_problem(self, error: BaseException) -> None:
        QMessageBox.warning(self._parent, "The records could not be opened", str(error))

    def stop(self) -> None:
        """The window is closing: no more locking."""
        self.idle.stop()

    def _set_store(self, store: StoreProtocol | None) -> None:
        self.store = store
        self.storeChanged.emit(store)

    # ------------------------------------------------------------------ encrypting

    def can_encrypt(self) -> bool:
        """Plain local records that this copy of the app may change."""
        if self.locked or self.store is None or self.access is None or self.access.path is None:
            return False
        return not (self.store.encrypted or self.store.read_only or self.access.read_only)

    def ask_passphrase(self) -> str | None:
        values = NewPassphraseDialog.ask(self._parent, allow_unencrypted=False, title="Encrypt these records")
        return values.get("passphrase") if values else None

    def encrypt(self, passphrase: str) -> EncryptionReport | None:
        """Close the records, encrypt the file in place with ``passphrase`` and open it again.

        Returns what was done (None when it was not encrypted: the records are as they were).
        ``store`` is None afterwards if they could not be opened again (the person was told).
        """
        from ...store.encrypted import encrypt_database

        access = self.access
        assert access is not None and access.path is not None and self.store is not None
        self.store.close()
        self._set_store(None)
        access.release_lock()
        report = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            try:
                report = encrypt_database(access.path, passphrase)
            except UserFacingError as exc:
                QMessageBox.warning(self._parent, "The records were not encrypted", f"{exc}\n\nThey are as they were.")
            access.acquire_lock()
            store = access.open(passphrase=passphrase) if report is not None else access.open()
        except UserFacingError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._parent, "The records could not be opened again",
                                f"{exc}\n\nPlease close and reopen the app.")
            return report
        QApplication.restoreOverrideCursor()
        self._set_store(store)
        return report

    def tell_encrypted(self, report: EncryptionReport | None) -> None:
        if report is None:
            return
        more = ""
        if report.plain_copies_left:
            more = ("\n\nThese older backups were made before encryption and are NOT encrypted. "
                    "Delete them when you are sure you no longer need them:\n"
                    + "\n".join(str(x) for x in report.plain_copies_left))
        QMessageBox.information(self._parent, "Records encrypted",
                                "The records are now encrypted. You will need the passphrase each time "
                                "you open Pathway Planner." + more)

    # ------------------------------------------------------------------ saying how the records are kept

    def show_store_state(self) -> None:
        """Say plainly when the records are not encrypted; show warnings about where they are."""
        for b in self.banners:
            b.hide()
            b.deleteLater()
        self.banners = []
        self.unencrypted_banner = None
        if self.store is None:
            return
        for warning in self.store.warnings:
            self._add_banner(Banner(str(warning), parent=self._banner_area))
        local = self.access is not None and self.access.path is not None
        badge = self.badge
        if local and not self.store.encrypted:
            action = "Encrypt them…" if self.can_encrypt() else ""
            text = "These records are not encrypted: anyone who gets this computer's files can read them."
            if not action:
                text += " To encrypt them, close the app and run: pathway-planner encrypt"
            self.unencrypted_banner = Banner(text, action, attention=True, parent=self._banner_area)
            self.unencrypted_banner.setAccessibleName("These records are not encrypted")
            self.unencrypted_banner.actionRequested.connect(self.encryptRequested)
            self._add_banner(self.unencrypted_banner)
            badge.setText("⚠ Not encrypted")
            badge.setToolTip("These records are not encrypted. File → Encrypt these records…")
            theme.tone(badge, "attention")
        elif self.store.encrypted:
            badge.setText("Encrypted ✓")
            badge.setToolTip("These records are encrypted with your passphrase.")
            theme.tone(badge, "calm")
        else:
            badge.setText("")
        badge.setAccessibleDescription(badge.toolTip())

    def _add_banner(self, banner: Banner) -> None:
        self.banners.append(banner)
        layout = self._banner_area.layout()
        assert layout is not None
        layout.addWidget(banner)
        banner.setVisible(True)


__all__ = ["LOCK_SETTING", "LockController"]
