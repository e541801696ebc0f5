"""The till: scan field always ready, the basket, totals with VAT, and the actions.

Every action is a request to the till worker; the screen repaints from the
``BasketView`` it answers with. F-keys and big touch buttons do the same things.
A number typed in the scan field before F3 is the quantity; F4 opens the discount dialog.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pos.services.basket_view import BasketView
from pos.services.quick_keys import QuickKey, needs_weight
from pos.ui.dialogs.cancel_sale_dialog import CancelSaleDialog
from pos.ui.dialogs.drawer_reason_dialog import DrawerReasonDialog
from pos.ui.dialogs.payment_dialog import PaymentDialog, is_credit_note, pay_with_credit_note
from pos.ui.dialogs.recall_dialog import RecallDialog
from pos.ui.dialogs.recovery_dialog import RecoveryDialog
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.models.basket_model import BasketModel
from pos.ui.money import format_money
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QResizeEvent,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.receipt_flow import ReceiptFlow, ReceiptPolicy
from pos.ui.screens.coupon_acts import COUPON_SHORTCUT, CouponActs
from pos.ui.screens.price_acts import PriceActs
from pos.ui.screens.return_acts import ReturnActs
from pos.ui.screens.till.basket_table import basket_table, size_columns
from pos.ui.screens.till.customer_acts import CustomerActs, is_customer_card
from pos.ui.screens.till.product_search import ProductSearch
from pos.ui.screens.till.sale_panel import SalePanel
from pos.ui.terminal_messages import interrupted_notice, settled_notice
from pos.ui.till_controller import TillController
from pos.ui.widgets.message_line import Message
from pos.ui.widgets.quick_keys_panel import QuickKeysPanel
from pos.ui.widgets.receipt_offer import ReceiptOffer
from pos.ui.widgets.till_keys import TillKeys
from pos.ui.zoom import set_font, zoom_for
from sync.contract.codes import CART_QR_PREFIX, PICKUP_QR_PREFIX

if TYPE_CHECKING:
    from pos.services.online_cart import LoadedCart


class TillScreen(Retranslating, QWidget):
    # Emitted on the GUI thread once the screen shows what the worker answered.
    basket_shown = Signal(object)  # BasketView
    refusal_shown = Signal(str)  # code
    sale_shown = Signal(object)  # CompletedSale
    results_shown = Signal(int)  # number of products listed
    pickup_code_scanned = Signal(str)  # a pickup order's QR, for the pickup desk

    def __init__(
        self,
        controller: TillController,
        printer: PrinterThread | None = None,
        policy: ReceiptPolicy | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tillScreen")
        self.controller = controller
        self.view: BasketView | None = None
        self.cancel_dialog: CancelSaleDialog | None = None  # F9's question, while it shows
        self.payment_dialog: PaymentDialog | None = None  # F12's, once opened
        self.model = BasketModel(self)
        self.receipt_offer = ReceiptOffer(self)
        self._build()
        self.price_acts = PriceActs(self)
        self.returns = ReturnActs(self)
        self.coupons = CouponActs(self)
        self.customers = CustomerActs(self)
        self.sale_panel.layout().insertWidget(4, self.customers.row)  # before the message
        self.receipts = ReceiptFlow(
            controller, printer, self.receipt_offer, policy or ReceiptPolicy(), self
        )
        self.receipts.message.connect(self._flow_message)
        worker = controller.worker
        worker.changed.connect(self.show_basket)
        worker.refused.connect(self.show_refusal)
        worker.completed.connect(self.on_completed)
        worker.parked_listed.connect(self.show_parked)
        worker.cart_loaded.connect(self.on_cart_loaded)
        worker.recovery_found.connect(self.settle_recovery)
        worker.quick_keys_listed.connect(self.quick_keys.set_pages)
        worker.drawer_recorded.connect(self._drawer_recorded)
        worker.terminal_notice.connect(self._terminal_notice)
        self.retranslate_ui()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("scanField")
        self.scan_field.returnPressed.connect(self.submit_scan_field)
        self.scan_field.textEdited.connect(self.clear_sale)  # a key: the next sale starts
        self.search = ProductSearch(self.controller, self)
        self.search.results_shown.connect(self.results_shown)
        self.search.product_chosen.connect(self.scan_field.setFocus)
        self.search_field, self.results = self.search.field, self.search.results

        self.table = basket_table(self.model, self)

        left = QVBoxLayout()
        left.addWidget(self.scan_field)
        left.addWidget(self.search_field)
        left.addWidget(self.results)
        left.addWidget(self.table, 1)

        panel = self.sale_panel = SalePanel(self)
        self.total_label, self.message_label = panel.total_label, panel.message_label
        self.details_label, self.vat_label = panel.details_label, panel.vat_label

        right = QVBoxLayout()
        right.addWidget(panel)
        right.addWidget(self.receipt_offer)
        self.quick_keys = QuickKeysPanel(self)
        self.quick_keys.key_pressed.connect(self.ring_quick_key)
        right.addWidget(self.quick_keys, 1)  # takes the free space, empty or not
        right.addWidget(self._keys())

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.zoom = 0.0
        self.apply_zoom(1.0)
        self.scan_field.setFocus()

    def retranslate_ui(self) -> None:
        """Hints and the basket's totals in the new language (the keys and the message
        line word themselves again)."""
        self.scan_field.setPlaceholderText(self.tr("Scan or type a barcode, then Enter"))
        self.search.retranslate_ui()
        self.model.retranslate_ui()

    # -- size ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Text grows with the screen: what reads well at 1024×768 is tiny at 1080p."""
        super().resizeEvent(event)
        self.apply_zoom(zoom_for(event.size().height()))

    def apply_zoom(self, zoom: float) -> None:
        if zoom == self.zoom:
            return
        self.zoom = zoom
        for widget, factor, bold in (
            (self, 1.0, False),
            (self.table, 1.25, False),
            (self.scan_field, 1.4, False),
            (self.search_field, 1.1, False),
        ):
            set_font(widget, factor, zoom, bold=bold)
        self.sale_panel.apply_zoom(zoom)
        set_font(self.table.horizontalHeader(), 1.0, zoom, bold=True)  # else a bigger zoom's
        size_columns(self.table, zoom)
        self.quick_keys.apply_zoom(zoom)
        self.keys.apply_zoom(zoom)

    def _keys(self) -> TillKeys:
        self.keys = TillKeys(
            [
                ("F2", self.search.focus),
                ("F3", self.apply_quantity),
                ("F4", self.apply_discount),
                ("F5", self.load_cart),
                ("F6", self.void_selected),
                ("F7", self.park),
                ("F8", self.recall),
                ("F9", self.cancel_sale),
                ("F10", self.open_drawer),
                ("F11", self.reprint_last),
                ("Shift+F1", lambda: self.returns.open()),  # F1 locks the till
                (COUPON_SHORTCUT, lambda: self.coupons.ask()),
                ("Shift+F2", lambda: self.customers.open()),
                ("F12", self.pay),
            ],
            self,
        )
        self.keys.pressed.connect(self.clear_sale)
        self.buttons = self.keys.buttons
        return self.keys

    # -- what the worker says ---------------------------------------------------------

    def show_basket(self, view: BasketView) -> None:
        self.view = view
        self.model.set_view(view)
        row = self.model.row_of(view.last_line_id)
        if row < 0 and view.lines:
            row = len(view.lines) - 1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        if view.lines:
            self.clear_sale()
        self.sale_panel.show_totals(view)
        self.basket_shown.emit(view)

    def clear_sale(self) -> None:
        """The last sale's change leaves the screen: the next sale has begun."""
        self.sale_panel.clear_sale()

    def show_refusal(self, code: str, message: str, params: dict | None = None) -> None:
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.say(partial(user_message, code, message, params))
        self.message_label.setProperty("code", code)
        QApplication.beep()
        self.refusal_shown.emit(code)

    def _terminal_notice(self, kind: str, exchange) -> None:
        """A card exchange a restart found unfinished (see ``pos.services.card_terminal``)."""
        amount = format_money(exchange.amount_cents)
        if kind == "settled":
            self.show_info(partial(settled_notice, amount))
        else:
            self.show_refusal("terminal_interrupted", interrupted_notice(amount))

    def show_info(self, message: Message) -> None:
        """``message``: a sentence, or how to word it (then it follows a language change)."""
        self.message_label.setStyleSheet("color: #1b5e20;")
        self.message_label.say(message)
        self.message_label.setProperty("code", "")

    def on_completed(self, sale) -> None:
        self.show_info(partial(self._sale_text, sale))
        self.sale_panel.show_sale(sale)  # the change, big, until the next scan or key
        self.controller.request("mark_shown", sale.sale_id)  # a restart won't announce it
        self.sale_shown.emit(sale)

    def _sale_text(self, sale) -> str:
        if sale.training:
            text = self.tr("Training ticket %1: not a sale.").replace("%1", str(sale.ticket_no))
        else:
            text = self.tr("Ticket %1 recorded.").replace("%1", str(sale.ticket_no))
        if sale.draft.change_cents:
            text += " " + self.tr("Change due: %1").replace(
                "%1", format_money(sale.draft.change_cents)
            )
        return text

    def settle_recovery(self, view) -> None:
        """At start: the sale committed but never shown, or the basket left open."""
        self.recovery_dialog = RecoveryDialog(view, self.controller, self)
        self.recovery_dialog.open()

    # -- actions ------------------------------------------------------------------------

    def scan(self, code: str) -> None:
        """From the scan field, a wedge scanner burst, a serial scanner or the camera.
        A web cart's QR loads the cart; a pickup order's QR goes to the pickup desk; a
        credit note's (or its code typed) pays the sale in the payment dialog."""
        self.message_label.clear()
        self.clear_sale()
        self.receipts.decline_pending()
        if code.startswith(CART_QR_PREFIX):
            self.controller.request("load_cart", code)
        elif code.startswith(PICKUP_QR_PREFIX):
            self.pickup_code_scanned.emit(code)
        elif is_customer_card(code):
            self.customers.scanned(code)
        elif is_credit_note(code):
            pay_with_credit_note(self, code)
        else:
            self.controller.request("scan", code)

    def load_cart(self) -> None:
        """F5: the web cart whose code is typed in the scan field."""
        code = self.scan_field.text().strip()
        if not code:
            self.show_refusal("usage", self.tr("Type the web cart's code, then F5."))
            return
        self.scan_field.clear()
        self.message_label.clear()
        self.controller.request("load_cart", code)

    def on_cart_loaded(self, loaded: LoadedCart) -> None:
        self.show_info(
            lambda: (
                self.tr("Web cart %1 loaded at its online prices: %2 lines.")
                .replace("%1", loaded.code)
                .replace("%2", str(len(loaded.lines)))
            )
        )

    def submit_scan_field(self) -> None:
        """Enter in the scan field: routed as a scanner's burst is (a scanner too slow for
        the burst filter types its code here), so a receipt's code opens its return."""
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.returns.route(code)

    def focus_search(self) -> None:
        self.search.focus()

    def add_first_result(self) -> None:
        self.search.add_first_result()

    def selected_line_id(self) -> int | None:
        line = self.model.line_at(self.table.currentIndex().row())
        return line.line_id if line else None

    def _number_from_scan_field(self) -> int | None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        return int(text) if text.isdigit() else None

    def ring_quick_key(self, key: QuickKey) -> None:
        """A number typed first is the quantity, or the weight in grams of loose goods."""
        number = self._number_from_scan_field()
        if key.product is None:
            return
        if needs_weight(key) and number is None:
            self.show_refusal(
                "usage", self.tr("Weigh it, type the weight in grams, then press the key.")
            )
            return
        self.controller.request("add_product", key.product.id, number or 1)

    def apply_quantity(self) -> None:
        quantity, line_id = self._number_from_scan_field(), self.selected_line_id()
        if quantity is None or line_id is None:
            self.show_refusal("usage", self.tr("Type the quantity, select a line, then F3."))
            return
        self.controller.request("set_quantity", line_id, quantity)

    def apply_discount(self) -> None:
        self.price_acts.discount()  # F4: the discount dialog (Ctrl+P: the price)

    def void_selected(self) -> None:
        line_id = self.selected_line_id()
        if line_id is None:
            self.show_refusal("usage", self.tr("Select the line to void."))
            return
        self.controller.request("void", line_id)

    def park(self) -> None:
        if not self._has_items():
            return
        self.controller.request("park", "")
        self.show_info(lambda: self.tr("Sale parked: F8 to resume it."))

    def recall(self) -> None:
        self.controller.request("list_parked")

    def show_parked(self, parked: list) -> None:
        if not parked:
            self.show_info(lambda: self.tr("No sale is parked on this till."))
            return
        self.recall_dialog = RecallDialog(parked, self)
        self.recall_dialog.chosen.connect(partial(self.controller.request, "resume"))
        self.recall_dialog.open()

    def open_drawer(self) -> None:
        """F10: the reason first; the drawer opens once the opening is recorded (a
        cashier's needs a manager's approval: ``StaffGate``)."""
        self.drawer_dialog = DrawerReasonDialog(self)
        self.drawer_dialog.chosen.connect(
            lambda reason: self.controller.request("drawer", reason, "")
        )
        self.drawer_dialog.open()

    def _drawer_recorded(self, _reason: str) -> None:
        if self.receipts.printer is not None:
            self.receipts.printer.request("drawer")
        self.show_info(lambda: self.tr("Drawer opened (recorded)."))

    def reprint_last(self) -> None:
        self.receipts.reprint_last()

    def _flow_message(self, code: str, text: str, is_error: bool) -> None:
        if is_error:
            self.show_refusal(code, text)
        else:
            self.show_info(text)

    def cancel_sale(self) -> None:
        """F9: the whole basket, once the cashier confirmed (then a manager, if needed)."""
        if not self._has_items():
            return
        lines = [line for line in self.view.lines if not line.voided]
        dialog = self.cancel_dialog = CancelSaleDialog(len(lines), self.view.total_cents, self)
        dialog.confirmed.connect(lambda: self.controller.request("cancel"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _has_items(self) -> bool:
        """Refuse, with the message, an action that needs at least one line."""
        if self.view is not None and any(not line.voided for line in self.view.lines):
            return True
        self.show_refusal("empty_basket", self.tr("The basket is empty: scan an item first."))
        return False

    def pay(self) -> None:
        """Open the payment dialog (window-modal: the event loop keeps running)."""
        if not self._has_items():
            return
        if self.returns.refunding():
            return self.returns.pay()
        self.payment_dialog = PaymentDialog(self)
        self.payment_dialog.open()
