"""The till screen's price acts: F4 opens the discount dialog, Ctrl+P (or "Change the
price…" in it) the price dialog, each on the selected line; their choices go to the till
worker as requests. A refusal for want of a right comes back as the manager's approval
dialog (``StaffGate``), never as a dead end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.services.basket_view import LineView
from pos.ui.dialogs.discount_dialog import LINE, DiscountDialog
from pos.ui.dialogs.price_dialog import PriceDialog
from pos.ui.qt import QKeySequence, QObject, QShortcut

if TYPE_CHECKING:
    from pos.ui.screens.till_screen import TillScreen

PRICE_SHORTCUT = "Ctrl+P"


class PriceActs(QObject):
    def __init__(self, screen: TillScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.discount_dialog: DiscountDialog | None = None
        self.price_dialog: PriceDialog | None = None
        QShortcut(QKeySequence(PRICE_SHORTCUT), screen, activated=self.change_price)

    def _selected(self) -> LineView | None:
        line_id, view = self.screen.selected_line_id(), self.screen.view
        if line_id is None or view is None:
            return None
        return next((ln for ln in view.lines if ln.line_id == line_id and not ln.voided), None)

    def discount(self) -> None:
        """F4: on the selected line, or on the whole ticket when none is selected."""
        if not self.screen._has_items():
            return
        line, view = self._selected(), self.screen.view
        dialog = self.discount_dialog = DiscountDialog(
            line.name if line else None,
            line_discounted=bool(line and line.discount_cents > _promoted_cents(line)),
            ticket_discounted=bool(view and view.ticket_discount_cents),
            parent=self.screen,
        )
        line_id = line.line_id if line else None
        dialog.chosen.connect(lambda target, bp, cents: self._discount(target, line_id, bp, cents))
        dialog.removed.connect(lambda target: self._remove(target, line_id))
        dialog.price_asked.connect(self.change_price)
        dialog.open()

    def _discount(self, target: str, line_id: int | None, percent_bp: int, cents: int) -> None:
        request = self.screen.controller.request
        if target == LINE and line_id is not None:
            request("line_discount", line_id, percent_bp, cents)
        else:
            request("ticket_discount", percent_bp, cents)

    def _remove(self, target: str, line_id: int | None) -> None:
        request = self.screen.controller.request
        if target == LINE and line_id is not None:
            request("clear_line_discount", line_id)
        else:
            request("ticket_discount", 0, 0)

    def change_price(self) -> None:
        line = self._selected()
        if line is None:
            self.screen.show_refusal("usage", self.tr("Select the line whose price changes."))
            return
        catalog = line.catalog_price_cents or line.unit_price_cents
        dialog = self.price_dialog = PriceDialog(
            line.name, line.unit_price_cents, catalog, self.screen
        )
        dialog.chosen.connect(
            lambda cents, reason, note: self.screen.controller.request(
                "price_override", line.line_id, cents, reason, note
            )
        )
        dialog.open()


def _promoted_cents(line: LineView) -> int:
    """What promotions take off ``line``: the staff's own discount is the rest."""
    return sum(cents for _name, cents in line.promotions)
