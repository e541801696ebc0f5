"""The manager's "Fiscal record" dialog: closures, archives and the verification, one tab
each, acting as the manager who opened it.

It gets services (``FiscalRecord``, ``Archives``), never the store; every call runs off
the GUI thread and the services check the rights themselves. Opened with ``open()``
(never ``exec()``): the till behind it keeps taking scans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.ui.dialogs.fiscal_archives_page import ArchivesPage
from pos.ui.dialogs.fiscal_closures_page import ClosuresPage
from pos.ui.dialogs.fiscal_verification_page import VerificationPage
from pos.ui.i18n import Retranslating
from pos.ui.qt import QDialog, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from pos.domain.rights import Actor
    from pos.services.archives import Archives
    from pos.services.fiscal_record import DeskOverview, FiscalRecord


class FiscalRecordDialog(Retranslating, QDialog):
    def __init__(
        self,
        record: FiscalRecord,
        archives: Archives,
        actor: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fiscalRecordDialog")
        self.actor = actor
        self.tabs = QTabWidget(self)
        self.closures = ClosuresPage(record, actor, self)
        self.archives = ArchivesPage(archives, actor, self)
        self.verification = VerificationPage(record, actor, self)
        for page in (self.closures, self.archives, self.verification):
            self.tabs.addTab(page, "")
        self.closures.loaded.connect(self._loaded)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(960, 600)  # inside a 1024×768 screen, menu and status bar included
        self.retranslate_ui()
        self.closures.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Fiscal record — %1").replace("%1", self.actor.display_name))
        for index, text in enumerate(
            (self.tr("Closures"), self.tr("Archives"), self.tr("Verification"))
        ):
            self.tabs.setTabText(index, text)
        self.close_button.setText(self.tr("Close"))

    def _loaded(self, overview: DeskOverview) -> None:
        self.archives.set_default_period(overview.previous_month)
