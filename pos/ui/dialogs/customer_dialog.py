"""The customer dialog (the till's "Client" key): find a customer, create one, read
their history.

Results come as the cashier types (after a short pause: ``DEBOUNCE_MS``), this till's
customers first, then central's added when the till is online; offline a note says
only this till's customers are searched. Each result shows the name, the email and
phone half hidden (GDPR: read at the counter) and the points. Enter attaches the
selected customer (the first one if none is). Nothing here reads the store or central:
the dialog asks, through its signals, and the till worker answers.
"""

from __future__ import annotations

from pos.services.customer_accounts import Customer, CustomerHistory
from pos.ui.customer_masks import mask_email, mask_phone
from pos.ui.dialogs.customer_form import CustomerForm
from pos.ui.dialogs.customer_history_panel import CustomerHistoryPanel
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QLocale,
    QPushButton,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.till_customer_worker import CustomerExists, CustomerResults

DEBOUNCE_MS = 250
BUTTON_HEIGHT = 52
SEARCH, FORM, HISTORY = range(3)


class CustomerDialog(Retranslating, QDialog):
    find_requested = Signal(str, bool)  # text, ask central too
    attach_requested = Signal(object)  # Customer
    create_requested = Signal(object)  # CustomerDraft
    use_existing = Signal(str, object)  # id created here (or ""), the existing Customer
    history_requested = Signal(str)  # customer id
    withdraw_requested = Signal(str)  # customer id

    def __init__(self, online: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.online = online
        self.results: CustomerResults | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._search_page())
        self.form = CustomerForm(self)
        self.form.create_requested.connect(self.create_requested)
        self.form.use_existing.connect(self.use_existing)
        self.form.back.connect(lambda: self.show_page(SEARCH))
        self.pages.addWidget(self.form)
        self.history = CustomerHistoryPanel(self)
        self.history.withdraw_requested.connect(self.withdraw_requested)
        self.history.back.connect(lambda: self.show_page(SEARCH))
        self.pages.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.resize(640, 520)
        self.retranslate_ui()

    def _search_page(self) -> QWidget:
        page = QWidget(self)
        self.search_field = QLineEdit(page)
        self.search_field.setObjectName("customerSearch")
        self.search_field.textEdited.connect(lambda _text: self._timer.start())
        self.search_field.returnPressed.connect(self.attach_selected)
        self.note = QLabel(page)
        self.note.setObjectName("customerNote")
        self.note.setWordWrap(True)
        self.list = QListWidget(page)
        self.list.setObjectName("customerResults")
        self.list.itemActivated.connect(lambda _item: self.attach_selected())
        self.attach_button = self._button(page, "attachCustomer", self.attach_selected)
        self.history_button = self._button(page, "customerHistory", self.open_history)
        self.new_button = self._button(page, "newCustomer", self.open_form)
        self.close_button = self._button(page, "closeCustomers", self.reject)
        buttons = QHBoxLayout()
        for button in (self.close_button, self.new_button, self.history_button):
            buttons.addWidget(button)
        buttons.addWidget(self.attach_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.search_field)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        return page

    def _button(self, parent: QWidget, name: str, slot) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(name)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setAutoDefault(False)
        button.clicked.connect(lambda *_: slot())
        return button

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Customer"))
        self.search_field.setPlaceholderText(self.tr("Phone, email or name"))
        self.attach_button.setText(self.tr("Attach to the sale"))
        self.history_button.setText(self.tr("History"))
        self.new_button.setText(self.tr("New customer"))
        self.close_button.setText(self.tr("Close"))
        self._paint_results()

    # -- searching ----------------------------------------------------------------------

    def search_now(self) -> None:
        self._timer.stop()
        self.find_requested.emit(self.search_field.text(), self.online)

    def set_online(self, online: bool) -> None:
        self.online = online
        self._paint_note()

    def show_results(self, results: CustomerResults) -> None:
        """The worker's answer, if still for what the field holds."""
        if results.query != self.search_field.text():
            return  # typed on since: a newer answer follows
        self.results = results
        self._paint_results()

    def _paint_results(self) -> None:
        chosen = self.selected()
        self.list.clear()
        customers = self.results.customers if self.results is not None else ()
        for customer in customers:
            item = QListWidgetItem(self._line(customer))
            item.setData(Qt.ItemDataRole.UserRole, customer)
            self.list.addItem(item)
        rows = [c.customer_id for c in customers]
        row = rows.index(chosen.customer_id) if chosen and chosen.customer_id in rows else 0
        if customers:
            self.list.setCurrentRow(row)
        self._paint_note()

    def _line(self, customer: Customer) -> str:
        contact = " · ".join(
            p for p in (mask_email(customer.email), mask_phone(customer.phone)) if p
        )
        points = self.tr("%1 points").replace("%1", QLocale().toString(customer.loyalty_points))
        where = "" if customer.local else " · " + self.tr("central")
        return f"{customer.name}\n{contact} · {points}{where}"

    def _paint_note(self) -> None:
        results = self.results
        if results is not None and results.offline and (results.final or not self.online):
            self.note.setText(self.tr("Offline: this till's customers only."))
        elif results is not None and not results.customers and results.final:
            self.note.setText(self.tr("No customer found: check the spelling, or create one."))
        else:
            self.note.clear()

    def selected(self) -> Customer | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def attach_selected(self) -> None:
        if self._timer.isActive():
            self.search_now()  # Enter before the pause ends: search first, attach after
            return
        customer = self.selected()
        if customer is not None:
            self.attach_requested.emit(customer)

    # -- the other pages ----------------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        if page == SEARCH:
            self.search_field.setFocus()

    def open_form(self) -> None:
        self.form.clear(self.search_field.text())
        self.show_page(FORM)

    def show_exists(self, exists: CustomerExists) -> None:
        self.show_page(FORM)
        self.form.show_existing(exists.created_id, exists.existing)

    def open_history(self, customer: Customer | None = None) -> None:
        customer = customer or self.selected()
        if customer is None:
            return
        self.history.show_customer(customer)
        self.show_page(HISTORY)
        self.history_requested.emit(customer.customer_id)

    def show_history(self, customer_id: str, history: CustomerHistory) -> None:
        shown = self.history.customer
        if shown is not None and shown.customer_id == customer_id:
            self.history.show_history(history)

    def consent_withdrawn(self, customer: Customer) -> None:
        """Also the customer's details as the till holds them (``customer_detail``)."""
        shown = self.history.customer
        if shown is not None and shown.customer_id == customer.customer_id:
            self.history.consent_withdrawn(customer)

    def done(self, result: int) -> None:
        self._timer.stop()  # no search after the dialog is gone
        super().done(result)
