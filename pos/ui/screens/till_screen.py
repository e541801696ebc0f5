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
from pos.ui.dialogs.drawer_reason_dialog import DrawerReasonDialog
from pos.ui.dialogs.payment_dialog import PaymentDialog
from pos.ui.dialogs.recall_dialog import RecallDialog
from pos.ui.dialogs.recovery_dialog import RecoveryDialog
from pos.ui.i18n import is_language_change, retranslate_model
from pos.ui.messages import user_message
from pos.ui.models.basket_model import BasketModel
from pos.ui.money import format_money, format_rate
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import (
    QApplication,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QResizeEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.receipt_flow import ReceiptFlow, ReceiptPolicy
from pos.ui.screens.price_acts import PriceActs
from pos.ui.till_controller import TillController
from pos.ui.widgets.message_line import Message, MessageLine
from pos.ui.widgets.quick_keys_panel import QuickKeysPanel
from pos.ui.widgets.receipt_offer import ReceiptOffer
from pos.ui.widgets.tables import row_table
from pos.ui.widgets.till_keys import TillKeys
from pos.ui.zoom import set_font, zoom_for
from sync.contract.codes import CART_QR_PREFIX, PICKUP_QR_PREFIX

if TYPE_CHECKING:
    from pos.services.online_cart import LoadedCart

SEARCH_DEBOUNCE_MS = 150


class TillScreen(QWidget):
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
        self.model = BasketModel(self)
        self.receipt_offer = ReceiptOffer(self)
        self._build()
        self.price_acts = PriceActs(self)
        self.receipts = ReceiptFlow(
            controller, printer, self.receipt_offer, policy or ReceiptPolicy(), self
        )
        self.receipts.message.connect(self._flow_message)
        worker = controller.worker
        worker.changed.connect(self.show_basket)
        worker.refused.connect(self.show_refusal)
        worker.searched.connect(self.show_results)
        worker.completed.connect(self.on_completed)
        worker.parked_listed.connect(self.show_parked)
        worker.cart_loaded.connect(self.on_cart_loaded)
        worker.recovery_found.connect(self.settle_recovery)
        worker.quick_keys_listed.connect(self.quick_keys.set_pages)
        worker.drawer_recorded.connect(self._drawer_recorded)
        self.retranslate_ui()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.scan_field = QLineEdit(self)
        self.scan_field.setObjectName("scanField")
        self.scan_field.returnPressed.connect(self.submit_scan_field)
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.textEdited.connect(self._schedule_search)
        self.search_field.returnPressed.connect(self.add_first_result)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.itemActivated.connect(self.add_result)
        self.results.hide()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._run_search)

        self.table = row_table(self.model, "basketTable", self)
        # Fixed widths: resizing to contents would measure every row on every scan.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(BasketModel.NAME, QHeaderView.ResizeMode.Stretch)

        left = QVBoxLayout()
        left.addWidget(self.scan_field)
        left.addWidget(self.search_field)
        left.addWidget(self.results)
        left.addWidget(self.table, 1)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.vat_label = QLabel(self)
        self.vat_label.setObjectName("vatLabel")
        self.vat_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.message_label = MessageLine(self)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)

        right = QVBoxLayout()
        right.addWidget(self.total_label)
        right.addWidget(self.details_label)
        right.addWidget(self.vat_label)
        right.addWidget(self.message_label)
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

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Hints and the basket's totals in the new language (the keys and the message
        line word themselves again)."""
        self.scan_field.setPlaceholderText(self.tr("Scan or type a barcode, then Enter"))
        self.search_field.setPlaceholderText(self.tr("Search a product by name, brand or SKU (F2)"))
        retranslate_model(self.model)
        if self.view is not None:
            self._show_totals(self.view)

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
            (self.total_label, 2.6, True),
            (self.message_label, 1.2, True),
        ):
            set_font(widget, factor, zoom, bold=bold)
        self.table.verticalHeader().setDefaultSectionSize(round(40 * zoom))
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, sample in (
            (BasketModel.QUANTITY, "00,000 kg"),
            (BasketModel.UNIT_PRICE, "0 000,00 €"),
            (BasketModel.DISCOUNT, "-000,00 €"),
            (BasketModel.TOTAL, "00 000,00 €"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self.quick_keys.apply_zoom(zoom)
        self.keys.apply_zoom(zoom)

    def _keys(self) -> TillKeys:
        self.keys = TillKeys(
            [
                ("F2", self.focus_search),
                ("F3", self.apply_quantity),
                ("F4", self.apply_discount),
                ("F5", self.load_cart),
                ("F6", self.void_selected),
                ("F7", self.park),
                ("F8", self.recall),
                ("F9", self.cancel_sale),
                ("F10", self.open_drawer),
                ("F11", self.reprint_last),
                ("F12", self.pay),
            ],
            self,
        )
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
        self._show_totals(view)
        self.basket_shown.emit(view)

    def _show_totals(self, view: BasketView) -> None:
        self.total_label.setText(format_money(view.total_cents))
        details = [self.tr("%1 items").replace("%1", str(view.item_count))]
        if view.discount_cents:
            details.append(
                self.tr("Discounts: %1").replace("%1", f"-{format_money(view.discount_cents)}")
            )
        if view.paid_cents:
            details.append(self.tr("Paid: %1").replace("%1", format_money(view.paid_cents)))
        self.details_label.setText("  ·  ".join(details))
        self.vat_label.setText(
            "\n".join(
                self.tr("VAT %1: %2 on %3 excl. VAT")
                .replace("%1", format_rate(line.vat_bp))
                .replace("%2", format_money(line.vat_cents))
                .replace("%3", format_money(line.base_cents))
                for line in view.vat
            )
        )

    def show_refusal(self, code: str, message: str, params: dict | None = None) -> None:
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.say(partial(user_message, code, message, params))
        self.message_label.setProperty("code", code)
        QApplication.beep()
        self.refusal_shown.emit(code)

    def show_info(self, message: Message) -> None:
        """``message``: a sentence, or how to word it (then it follows a language change)."""
        self.message_label.setStyleSheet("color: #1b5e20;")
        self.message_label.say(message)
        self.message_label.setProperty("code", "")

    def on_completed(self, sale) -> None:
        self.show_info(partial(self._sale_text, sale))
        self.controller.request("mark_shown", sale.sale_id)  # a restart won't announce it
        self.sale_shown.emit(sale)

    def _sale_text(self, sale) -> str:
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

    def show_results(self, query: str, products: list) -> None:
        if query != self.search_field.text().strip():
            return  # an older search answered late
        self.results.clear()
        for product in products:
            item = QListWidgetItem(f"{product.name} — {format_money(product.price_cents)}")
            item.setData(Qt.ItemDataRole.UserRole, product.id)
            self.results.addItem(item)
        self.results.setVisible(bool(products))
        self.results_shown.emit(len(products))

    # -- actions ------------------------------------------------------------------------

    def scan(self, code: str) -> None:
        """From the scan field, a wedge scanner burst, a serial scanner or the camera.
        A web cart's QR loads the cart; a pickup order's QR goes to the pickup desk."""
        self.message_label.clear()
        self.receipts.decline_pending()
        if code.startswith(CART_QR_PREFIX):
            self.controller.request("load_cart", code)
        elif code.startswith(PICKUP_QR_PREFIX):
            self.pickup_code_scanned.emit(code)
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
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.scan(code)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _schedule_search(self) -> None:
        self._search_timer.start(SEARCH_DEBOUNCE_MS)

    def _run_search(self) -> None:
        query = self.search_field.text().strip()
        if len(query) >= 2:
            self.controller.request("search", query)
        else:
            self.results.clear()
            self.results.hide()

    def add_result(self, item: QListWidgetItem) -> None:
        self.controller.request("add_product", item.data(Qt.ItemDataRole.UserRole), 1)
        self.search_field.clear()
        self.results.clear()
        self.results.hide()
        self.scan_field.setFocus()

    def add_first_result(self) -> None:
        if self.results.count():
            self.add_result(self.results.item(0))

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
        self.controller.request("cancel")

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
        self.payment_dialog = PaymentDialog(self)
        self.payment_dialog.open()
