"""Other stores and the web warehouse for one product, and "order for the customer".

Opened at the till with Ctrl+Shift+S on the selected line (and by the stock screen,
through ``open_other_stores``). The figures this till keeps show at once with their age;
central's follow when it answers; offline, the kept ones stay, marked with their age.
An order (pickup at the chosen store, or home delivery from the web warehouse) needs the
sale's customer and the network: without either, the dialog says so and loses nothing
(an order kept while offline is sent again, same id, by "Try again"). Once placed, "Pay
here" hands the order to the till (``pay_here``): it joins the open sale, to pay now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from hardware.receipt.formatting import local_time_text
from pos.domain.rights import Actor
from pos.services.attached_customer import AttachedCustomer
from pos.services.other_stores import (
    CUSTOMER_UNKNOWN,
    NETWORK_UNSUPPORTED,
    ORDER_INVALID,
    ORDER_NEEDS_NETWORK,
    ORDER_REFUSED,
    Address,
    LocationLevel,
    OrderDraft,
    OtherStores,
    OtherStoresView,
)
from pos.ui.messages import user_message
from pos.ui.money import format_money
from pos.ui.other_stores_worker import OtherStoresWorker
from pos.ui.qt import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QLocale,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.worker_thread import WorkerThread
from pos.ui.zoom import set_font
from sync.contract.network import CustomerOrder


class OtherStoresDialog(QDialog):
    pay_here = Signal(object)  # CustomerOrder: the till takes it into the open sale

    def __init__(
        self,
        make_service: Callable[[], OtherStores],
        product: tuple[int, str, str],
        customer: AttachedCustomer | None,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("otherStoresDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.product_id, self.sku, self.name = product
        self.customer = None if customer is None or customer.erased else customer
        self.actor, self._now = actor, now
        self.view: OtherStoresView | None = None
        self.draft: OrderDraft | None = None
        self.placed: CustomerOrder | None = None
        self.setWindowTitle(self.tr("Other stores"))
        self.resize(760, 560)
        self._build()
        self.worker = OtherStoresWorker(make_service)
        self.thread = WorkerThread(self.worker, "comptoir-other-stores")  # outlives a close
        self.worker.figures.connect(self.show_figures)
        self.worker.placed.connect(self.show_placed)
        self.worker.prepared.connect(self._prepared)
        self.worker.refused.connect(self.show_refusal)
        self.finished.connect(lambda _result: self.thread.retire())
        self.thread.start()
        self.thread.request("show", self.product_id)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel(f"{self.name}  ·  {self.sku}", self)
        self.title.setObjectName("otherStoresProduct")
        set_font(self.title, 1.4, 1.0)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.status = QLabel(self.tr("Asking for the figures…"), self)
        self.status.setObjectName("otherStoresStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("otherStoresTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Location"),
                self.tr("Kind"),
                self.tr("Available"),
                self.tr("On hand"),
                self.tr("Reserved"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.customer_label = QLabel(self._customer_text(), self)
        self.customer_label.setObjectName("otherStoresCustomer")
        self.customer_label.setWordWrap(True)
        layout.addWidget(self.customer_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Quantity"), self))
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("otherStoresQuantity")
        self.quantity.setRange(1, 999)
        row.addWidget(self.quantity)
        self.pickup_button = QPushButton(self.tr("Reserve for pickup at…"), self)
        self.pickup_button.setObjectName("otherStoresPickup")
        self.pickup_button.setMinimumHeight(48)
        self.pickup_button.clicked.connect(self.order_pickup)
        row.addWidget(self.pickup_button, 1)
        layout.addLayout(row)
        self.delivery_label = QLabel(self.tr("Home delivery from the web warehouse:"), self)
        layout.addWidget(self.delivery_label)
        layout.addLayout(self._address_form())
        self.result = QLabel("", self)
        self.result.setObjectName("otherStoresResult")
        self.result.setWordWrap(True)
        set_font(self.result, 1.15, 1.0)
        layout.addWidget(self.result)
        bottom = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.setObjectName("otherStoresRetry")
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        bottom.addWidget(self.retry_button)
        self.pay_here_button = QPushButton(self.tr("Pay here"), self)
        self.pay_here_button.setObjectName("otherStoresPayHere")
        self.pay_here_button.setMinimumHeight(48)
        self.pay_here_button.setToolTip(
            self.tr("The order joins the open sale: the customer pays it at this till.")
        )
        self.pay_here_button.clicked.connect(self.take_payment_here)
        self.pay_here_button.hide()
        bottom.addWidget(self.pay_here_button)
        bottom.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setMinimumHeight(44)
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._update_buttons()

    def _address_form(self) -> QGridLayout:
        grid = QGridLayout()
        self.street = QLineEdit(self)
        self.street.setObjectName("otherStoresStreet")
        self.street.setPlaceholderText(self.tr("Street and number"))
        self.street.setMaxLength(200)
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("otherStoresPostcode")
        self.postcode.setPlaceholderText(self.tr("Postcode"))
        self.postcode.setMaxLength(16)
        self.city = QLineEdit(self)
        self.city.setObjectName("otherStoresCity")
        self.city.setPlaceholderText(self.tr("Town"))
        self.city.setMaxLength(100)
        self.delivery_button = QPushButton(self.tr("Home delivery"), self)
        self.delivery_button.setObjectName("otherStoresDelivery")
        self.delivery_button.setMinimumHeight(44)
        self.delivery_button.clicked.connect(self.order_delivery)
        grid.addWidget(self.street, 0, 0, 1, 3)
        grid.addWidget(self.postcode, 1, 0)
        grid.addWidget(self.city, 1, 1)
        grid.addWidget(self.delivery_button, 0, 3, 2, 1)
        return grid

    def _customer_text(self) -> str:
        if self.customer is None:
            return self.tr("No customer on the sale: attach one to order for them.")
        return self.tr("Order for %1, left to pay (at the pickup desk, or online).").replace(
            "%1", self.customer.name
        )

    # -- figures ------------------------------------------------------------------------

    def show_figures(self, view: OtherStoresView) -> None:
        self.view = view
        selected = self.selected_location()
        self.table.setRowCount(len(view.locations))
        for row, level in enumerate(view.locations):
            self._put_row(row, level)
            if selected is not None and level.store_id == selected.store_id:
                self.table.selectRow(row)
        self.status.setText(self._status_text(view))
        self._update_buttons()

    def _put_row(self, row: int, level: LocationLevel) -> None:
        locale = QLocale()
        kind = self.tr("Web warehouse") if level.kind == "warehouse" else self.tr("Store")
        cells = [
            level.name,
            kind,
            locale.toString(level.available),
            locale.toString(level.on_hand),
            locale.toString(level.reserved),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column > 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 2 and level.available <= 0:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, column, item)

    def _status_text(self, view: OtherStoresView) -> str:
        if view.unsupported:
            return self.tr(
                "Not available with Medusa: other stores' stock and orders for a customer "
                "need Comptoir's central server."
            )
        text = self._figures_text(view)
        if view.orders_unavailable:
            text += " " + self.tr(
                "Ordering for a customer is not available with this central platform."
            )
        return text

    def _figures_text(self, view: OtherStoresView) -> str:
        if view.as_of is None:
            if view.offline and view.lookup_only:
                return self.tr(
                    "Offline: Medusa sends no figures for the till to keep, and this article "
                    "was never looked up here."
                )
            if view.offline:
                return self.tr("Offline: this till has no figures of the other stores yet.")
            return self.tr("No other store holds this article.")
        when = local_time_text(view.as_of)
        if view.live:
            return self.tr("Live figures (%1).").replace("%1", when)
        if view.offline and view.lookup_only:
            return (
                self.tr("Offline: figures of this till's last lookup in Medusa, %1 (%2 ago).")
                .replace("%1", when)
                .replace("%2", self._age(view.as_of))
            )
        if view.offline:
            return (
                self.tr("Offline: figures as of %1 (%2 ago).")
                .replace("%1", when)
                .replace("%2", self._age(view.as_of))
            )
        return self.tr("Figures kept by this till (%1); asking central…").replace("%1", when)

    def _age(self, stamp: str) -> str:
        then = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        minutes = max(0, int((self._now() - then).total_seconds()) // 60)
        hours, days = minutes // 60, minutes // 1440
        if days >= 2:
            return self.tr("%1 days").replace("%1", str(days))
        return self.tr("%1 h").replace("%1", str(hours)) if hours else (
            self.tr("%1 min").replace("%1", str(minutes))
        )  # fmt: skip

    def selected_location(self) -> LocationLevel | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.view is None or rows[0].row() >= len(self.view.locations):
            return None
        return self.view.locations[rows[0].row()]

    def _update_buttons(self) -> None:
        chosen = self.selected_location()
        usable = self.view is None or not (self.view.unsupported or self.view.orders_unavailable)
        store = chosen is not None and chosen.kind == "store"
        self.pickup_button.setText(
            self.tr("Reserve for pickup at %1").replace("%1", chosen.name)
            if store and chosen is not None
            else self.tr("Reserve for pickup at… (choose a store)")
        )
        self.pickup_button.setEnabled(usable and store)
        self.delivery_button.setEnabled(usable)

    # -- ordering -----------------------------------------------------------------------

    def _customer_id(self) -> str | None:
        if self.customer is None:
            self.result.setText(
                self.tr("Attach a customer to the sale first: the order is in their name.")
            )
            return None
        return self.customer.customer_id

    def order_pickup(self) -> None:
        chosen, customer_id = self.selected_location(), self._customer_id()
        if chosen is None or customer_id is None:
            return
        self._send(pickup_store_id=chosen.store_id, customer_id=customer_id)

    def order_delivery(self) -> None:
        customer_id = self._customer_id()
        if customer_id is None:
            return
        address = Address(self.street.text(), self.postcode.text(), self.city.text())
        self._send(address=address, customer_id=customer_id)

    def _send(self, **fields: object) -> None:
        self.result.setText(self.tr("Placing the order…"))
        self.retry_button.hide()
        order = {"actor": self.actor, "sku": self.sku, "quantity": self.quantity.value()}
        self.thread.request("order", order | fields)

    def retry(self) -> None:
        if self.draft is not None:
            self.result.setText(self.tr("Placing the order…"))
            self.retry_button.hide()
            self.thread.request("retry", self.draft)

    def _prepared(self, draft: OrderDraft) -> None:
        self.draft = draft

    def show_placed(self, order: CustomerOrder) -> None:
        self.draft, self.placed = None, order
        medusa = self.view is not None and self.view.lookup_only  # pays at its store only
        self.pay_here_button.setVisible(not order.paid and not medusa)
        total = format_money(order.total_cents)
        if order.fulfilment == "pickup":
            text = (
                self.tr("Order placed: pickup at %1, code %2, %3 to pay at its desk.")
                .replace("%1", order.location_name)
                .replace("%2", order.pickup_code or "")
                .replace("%3", total)
            )
        else:
            text = (
                self.tr("Order placed: home delivery from %1, %2 to pay online.")
                .replace("%1", order.location_name)
                .replace("%2", total)
            )
        self.result.setText(text)
        self.thread.request("refresh", self.product_id)  # the reservation, seen at once

    def take_payment_here(self) -> None:
        """Hand the placed order to the till and close: it is paid like any sale."""
        if self.placed is None:
            return
        self.pay_here.emit(self.placed)
        self.accept()

    def show_refusal(self, code: str, message: str, params: dict | None = None) -> None:
        params = params or {}
        kept = code == ORDER_NEEDS_NETWORK or params.get("field") == CUSTOMER_UNKNOWN
        self.retry_button.setVisible(kept and self.draft is not None)
        self.result.setText(self._refusal_text(code, message, params))

    def _refusal_text(self, code: str, message: str, params: dict) -> str:
        if code == ORDER_NEEDS_NETWORK:
            return self.tr(
                "Central cannot be reached: an order needs the network. It is kept; press "
                "Try again once the till is back online."
            )
        if code == ORDER_REFUSED:
            return self.tr("Central refused the order: %1").replace(
                "%1", str(params.get("reason", message))
            )
        if code == NETWORK_UNSUPPORTED:
            return self.tr("Ordering for a customer is not available with this central platform.")
        if code == ORDER_INVALID:
            field = params.get("field")
            if field == "customer":
                return self.tr("Attach a customer to the sale first: the order is in their name.")
            if field == CUSTOMER_UNKNOWN:
                return self.tr(
                    "Central does not know this customer yet (created at this till while "
                    "offline?). The order is kept: press Try again once the till has synced."
                )
            if field == "quantity":
                return self.tr("Order from 1 to 999 units.")
            if field == "store":
                return self.tr("Choose the store of the pickup.")
            return self.tr("Check the address: a street, a postcode and a town.")
        return user_message(code, message, params)


def open_other_stores(
    parent: QWidget,
    make_service: Callable[[], OtherStores],
    product: tuple[int, str, str],
    customer: AttachedCustomer | None,
    actor: Actor,
) -> OtherStoresDialog:
    """Open the dialog for ``product`` (id, sku, name); the stock screen calls this too."""
    dialog = OtherStoresDialog(make_service, product, customer, actor, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
