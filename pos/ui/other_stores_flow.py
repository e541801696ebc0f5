"""Opening the other stores dialog from the till (Ctrl+Shift+S on the selected line) or
from another screen (``open``, e.g. the stock screen), with the sale's customer and the
signed-in person. The dialog's modules load on first use, off the start-up path."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pos.domain.rights import Actor, Role
from pos.ui.qt import QObject

if TYPE_CHECKING:
    from pos.ui.dialogs.other_stores_dialog import OtherStoresDialog
    from pos.ui.main_window import MainWindow


class OtherStoresFlow(QObject):
    def __init__(self, window: MainWindow, data_dir: Path, cashier: str) -> None:
        super().__init__(window)
        self.window, self.data_dir, self.cashier = window, data_dir, cashier
        self.dialog: OtherStoresDialog | None = None

    def open_for_line(self) -> None:
        """Ctrl+Shift+S: the other stores' stock of the selected line's product."""
        screen = self.window.till_screen
        if self.window.stack.currentWidget() is not screen:
            return
        line = screen.model.line_at(screen.table.currentIndex().row())
        if line is None or not line.product_id:
            screen.show_refusal("usage", self.tr("Select a line, then Ctrl+Shift+S."))
            return
        self.open(line.product_id, line.sku, line.name)

    def open(self, product_id: int, sku: str, name: str) -> OtherStoresDialog:
        """The dialog for one product; the stock screen calls this too."""
        from pos.services.other_stores import for_till
        from pos.ui.dialogs.other_stores_dialog import open_other_stores

        actor = self.window.staff.actor or Actor(self.cashier, self.cashier, Role.CASHIER)
        customer = self.window.till_screen.customers.row.customer
        self.dialog = open_other_stores(
            self.window, partial(for_till, self.data_dir), (product_id, sku, name),
            customer, actor,
        )  # fmt: skip
        self.dialog.pay_here.connect(self.pay_here)
        return self.dialog

    def pay_here(self, order: object) -> None:
        """ "Pay here": the order joins the till's open sale (on its worker thread)."""
        self.window.show_till()
        self.window.till_screen.controller.request("take_customer_order", order)
