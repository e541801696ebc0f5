"""The till menu's windows for looking at the store rather than selling: the attention
list (Ctrl+5, the status bar's count), the promotions in force (Ctrl+Shift+P) and sales at
a glance (Ctrl+4). Each is built on first use, so none of them is on the start-up path
(QtCharts loads when the dashboard first opens)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pos.ui.qt import QObject, isValid

if TYPE_CHECKING:
    from pos.ui.dialogs.outbox_dialog import OutboxDialog
    from pos.ui.main_window import MainWindow
    from pos.ui.screens.sales_dashboard import SalesDashboard


class ManagerMenu(QObject):
    def __init__(
        self, window: MainWindow, data_dir: Path, terminal_id: Callable[[], str],
        wake_sync: Callable[[], None],
    ) -> None:  # fmt: skip
        super().__init__(window)
        self.window, self.data_dir = window, data_dir
        self._terminal_id, self._wake_sync = terminal_id, wake_sync
        self.outbox_dialog: OutboxDialog | None = None
        self.sales_dashboard: SalesDashboard | None = None
        window.outbox_requested.connect(self.open_outbox)
        window.promotions_requested.connect(self.open_promotions)
        window.sales_requested.connect(self.open_sales)

    def open_outbox(self) -> None:
        """The attention list; "Send again" wakes the engine."""
        from pos.services.outbox_review import OutboxReview
        from pos.ui.dialogs.outbox_dialog import OutboxDialog

        shown = self.outbox_dialog
        if shown is not None and isValid(shown) and shown.isVisible():
            shown.refresh()  # a second click reads it again, never a second window
            shown.raise_()
            return
        review = OutboxReview(self.data_dir, self._terminal_id())
        staff = self.window.staff
        dialog = OutboxDialog(
            review, self.window, actor=lambda: staff.actor if not staff.locked else None,
            request_approval=staff.request_approval,
        )  # fmt: skip
        dialog.changed.connect(self._wake_sync)  # sends what came back, recounts the rest
        dialog.finished.connect(dialog.deleteLater)
        self.outbox_dialog = dialog
        dialog.open()

    def open_promotions(self) -> None:
        from pos.ui.dialogs.promotions_dialog import open_promotions

        open_promotions(self.window, self.data_dir)

    def open_sales(self) -> None:
        """Sales at a glance. The service refuses whoever lacks the right, and the screen
        says so."""
        from pos.config import DATABASE_FILE
        from pos.services.sales_glance import SalesGlance
        from pos.ui.screens.sales_dashboard import SalesDashboard

        if self.sales_dashboard is None:
            glance = SalesGlance(self.data_dir / DATABASE_FILE)
            self.sales_dashboard = SalesDashboard(glance, lambda: self.window.staff.actor)
        else:
            self.sales_dashboard.refresh()
        self.window.show_screen(self.sales_dashboard)
