"""Till → Fiscal record…: shown only to staff who may close periods or archive, and the
dialog it opens for them.

The menu entry follows who is signed in; locking the till (F1, idle) closes the dialog,
since it acts as the manager who opened it. The services check the rights again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pos.config import Settings
from pos.services.archives import Archives
from pos.services.fiscal_record import FiscalRecord
from pos.ui.qt import QObject

if TYPE_CHECKING:
    from pos.ui.dialogs.fiscal_record_dialog import FiscalRecordDialog
    from pos.ui.main_window import MainWindow
    from pos.ui.till_staff_worker import SignedIn


class FiscalRecordFlow(QObject):
    def __init__(self, record: FiscalRecord, archives: Archives, window: MainWindow) -> None:
        super().__init__(window)
        self.record, self.archives, self.window = record, archives, window
        self.dialog: FiscalRecordDialog | None = None
        self.action = window.fiscal_record_action
        self.action.setVisible(False)
        self.action.triggered.connect(self.open)
        window.staff.signed_in.connect(self._signed_in)
        window.staff.locked_changed.connect(self._locked)

    def _signed_in(self, signed: SignedIn) -> None:
        mine = FiscalRecord.concerns(signed.actor)
        self.action.setVisible(mine)
        if self.dialog is not None and self.dialog.actor != signed.actor:
            self.dialog.reject()

    def _locked(self, locked: bool) -> None:
        if locked:
            self.action.setVisible(False)
            if self.dialog is not None:
                self.dialog.reject()

    def open(self) -> None:
        from pos.ui.dialogs.fiscal_record_dialog import FiscalRecordDialog

        actor = self.window.staff.actor
        if self.window.staff.locked or not FiscalRecord.concerns(actor):
            return
        assert actor is not None
        if self.dialog is not None:
            self.dialog.raise_()
            return
        dialog = self.dialog = FiscalRecordDialog(self.record, self.archives, actor, self.window)
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def fiscal_record_flow(data_dir: Path, settings: Settings, window: MainWindow) -> FiscalRecordFlow:
    """The till's menu entry and dialog over this till's services (its data folder)."""
    terminal = settings.till.terminal_id
    record = FiscalRecord(data_dir, terminal, year_start_month=settings.fiscal.year_start_month)
    return FiscalRecordFlow(record, Archives(data_dir, terminal), window)
