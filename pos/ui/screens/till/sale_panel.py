"""The till's right column, top: the total, the items and VAT, the change to give back
shown big after a sale, and the message line.

The change ("À rendre : 12,40 €", or "Payé par carte" when nothing is given back)
stays until the next scan or key: the cashier counts it out with the customer watching,
so it must read from arm's length (``CHANGE_FACTOR`` × the screen's zoom).
"""

from __future__ import annotations

from pos.domain.sale import CompletedSale
from pos.services.basket_view import BasketView
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money, format_rate
from pos.ui.qt import QLabel, Qt, QVBoxLayout, QWidget
from pos.ui.sale_outcome import change_text, outcome_text
from pos.ui.widgets.coupon_list import CouponList
from pos.ui.widgets.message_line import MessageLine
from pos.ui.zoom import set_font

#: The change's size, relative to the application's font: the total's, in its place
#: (on one line: at 1024×768 the right column holds "À rendre : 1 234,56 €").
CHANGE_FACTOR = 2.6
CHANGE_STYLE = (
    "#saleOutcome { background: #1b5e20; color: white; border-radius: 8px; padding: 8px; }"
)
PAID_STYLE = (
    "#saleOutcome { background: #e3f4e4; color: #1b5e20; border-radius: 8px; padding: 8px; }"
)


class SalePanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salePanel")
        self.view: BasketView | None = None
        self.sale: CompletedSale | None = None  # the last sale, while its outcome shows
        right = Qt.AlignmentFlag.AlignRight
        self.total_label = QLabel(self)
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(right)
        self.outcome_label = QLabel(self)
        self.outcome_label.setObjectName("saleOutcome")
        self.outcome_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome_label.hide()
        self.details_label = QLabel(self)
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setAlignment(right)
        self.vat_label = QLabel(self)
        self.vat_label.setObjectName("vatLabel")
        self.vat_label.setAlignment(right)
        self.coupons = CouponList(self)  # the sale's coupons, each with its remove key
        self.message_label = MessageLine(self)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.total_label,
            self.outcome_label,
            self.details_label,
            self.vat_label,
            self.coupons,
            self.message_label,
        ):
            layout.addWidget(widget)

    def retranslate_ui(self) -> None:
        if self.view is not None:
            self.show_totals(self.view)
        if self.sale is not None:
            self._word_outcome(self.sale)

    def apply_zoom(self, zoom: float) -> None:
        set_font(self.total_label, 2.6, zoom, bold=True)
        set_font(self.outcome_label, CHANGE_FACTOR, zoom, bold=True)
        set_font(self.message_label, 1.2, zoom, bold=True)

    # -- the sale's outcome ------------------------------------------------------------

    def show_sale(self, sale: CompletedSale) -> None:
        """Big until ``clear_sale``: the next scan, key or line."""
        self.sale = sale
        self.outcome_label.setStyleSheet(CHANGE_STYLE if change_text(sale) else PAID_STYLE)
        self._word_outcome(sale)
        self.total_label.hide()  # 0,00 € of the emptied basket: the change takes its place
        self.outcome_label.show()

    def clear_sale(self) -> None:
        self.sale = None
        self.outcome_label.hide()
        self.total_label.show()

    def _word_outcome(self, sale: CompletedSale) -> None:
        self.outcome_label.setText(outcome_text(sale))
        self.outcome_label.setProperty("change_cents", sale.draft.change_cents)

    # -- the basket's totals -----------------------------------------------------------

    def show_totals(self, view: BasketView) -> None:
        self.view = view
        self.total_label.setText(format_money(view.total_cents))
        details = []
        if view.item_count or not view.returned_count:
            details.append(self.tr("%1 items").replace("%1", str(view.item_count)))
        if view.returned_count:
            details.append(self.tr("Taken back: %1").replace("%1", str(view.returned_count)))
        if view.discount_cents > 0:  # promotions and the staff's discounts
            details.append(self.tr("Savings: %1").replace("%1", format_money(view.discount_cents)))
        if view.paid_cents:
            details.append(self.tr("Paid: %1").replace("%1", format_money(view.paid_cents)))
        self.details_label.setText("  ·  ".join(details))
        self.coupons.show_coupons(view.coupons)
        self.vat_label.setText(
            "\n".join(
                self.tr("VAT %1: %2 on %3 excl. VAT")
                .replace("%1", format_rate(line.vat_bp))
                .replace("%2", format_money(line.vat_cents))
                .replace("%3", format_money(line.base_cents))
                for line in view.vat
            )
        )
