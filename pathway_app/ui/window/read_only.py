"""When the records can only be read here: say so, and keep everything that would write off.

Records in a read-only folder or file, or opened read-only to look at (another copy of the app
has them), can be opened, read and searched, and nothing else. :class:`ReadOnlyState` reads
``store.read_only`` whenever the records are opened, and then:

- shows a banner saying why, in the store's plain words (``store.read_only_reason``);
- tells the session (:meth:`~pathway_app.ui.session.PlanSession.set_read_only`), so every field
  stops taking typing, the lists' Add and Remove, the prompts' answers and together mode's box
  are off, and no edit reaches the plan;
- switches off every action that would write — adding, deleting, importing, encrypting, undo
  and redo, and exporting or printing (each is noted in the plan's history) — with the reason
  in its tip (:meth:`apply`, after the window's own rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..banner import Banner
from ..messages import say

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from ...store.protocol import StoreProtocol
    from ..caseload import CaseloadView
    from ..session import PlanSession


class ReadOnlyState(QObject):
    """Whether the open records can only be read, and what that switches off (see the module)."""

    def __init__(self, session: PlanSession, banner_area: QWidget, caseload: CaseloadView, parent: QObject):
        super().__init__(parent)
        self.session = session
        self._banner_area = banner_area
        self._caseload = caseload
        self.banner: Banner | None = None
        self.reason = ""
        self._usual: dict[QAction, tuple[str, str]] = {}  # an action's own tips, to give back

    def show(self, store: StoreProtocol | None) -> None:
        """The records were opened (or closed: ``None`` changes nothing until they are open)."""
        if store is None:
            return
        reason = store.read_only_reason if store.read_only else ""
        self.reason = reason
        self.session.set_read_only(reason)
        self._caseload.set_read_only(self.tip())
        if self.banner is not None:
            self.banner.hide()
            self.banner.deleteLater()
            self.banner = None
        if reason:
            self.banner = Banner(say("read_only_banner", reason=reason), dismissible=False, attention=True,
                                 parent=self._banner_area)
            self.banner.setObjectName("ReadOnlyBanner")
            self.banner.setAccessibleName("These records can only be read here")
            layout = self._banner_area.layout()
            assert layout is not None
            layout.insertWidget(0, self.banner)
            self.banner.setVisible(True)

    def tip(self) -> str:
        """Why something that writes is off ("" while the records can be changed)."""
        return say("read_only_tip", reason=self.reason) if self.reason else ""

    def apply(self, writers: tuple[QAction, ...]) -> None:
        """Switch off ``writers`` while the records can only be read, with the reason as their
        tip; give them back their own tips once they can be changed."""
        tip = self.tip()
        for a in writers:
            if a not in self._usual:
                self._usual[a] = (a.toolTip(), a.statusTip())
            if tip:
                a.setEnabled(False)
                a.setToolTip(tip)
                a.setStatusTip(tip)
            else:
                a.setToolTip(self._usual[a][0])
                a.setStatusTip(self._usual[a][1])


__all__ = ["ReadOnlyState"]
