"""The return dialog: find the original sale (its receipt's code, "123", "T02 123", a
web order, or its day and amount), then per line what was sold, what was already
returned and what remains, with the quantity taken back, the reason and whether it goes
back to stock. Emits requests; the till worker does the lookups and the adding."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.domain.returns import OriginSale, ReturnReason
from pos.ui.dialogs.no_receipt_panel import NoReceiptPanel
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

NAME, SOLD, RETURNED, REMAINING, QUANTITY, REASON, RESTOCK = range(7)


def reason_labels() -> dict[ReturnReason, str]:
    """The return reasons in the cashier's language."""
    return {
        ReturnReason.CHANGED_MIND: QCoreApplication.translate("ReturnReason", "Changed their mind"),
        ReturnReason.DEFECTIVE: QCoreApplication.translate("ReturnReason", "Defective"),
        ReturnReason.WRONG_SIZE: QCoreApplication.translate("ReturnReason", "Wrong size or model"),
        ReturnReason.NOT_AS_DESCRIBED: QCoreApplication.translate(
            "ReturnReason", "Not as described"
        ),
        ReturnReason.DAMAGED_IN_TRANSIT: QCoreApplication.translate(
            "ReturnReason", "Damaged in transit"
        ),
        ReturnReason.MISSING_AT_PICKUP: QCoreApplication.translate(
            "ReturnReason", "Missing at pickup"
        ),
        ReturnReason.OTHER: QCoreApplication.translate("ReturnReason", "Other"),
    }


class ReturnDialog(Retranslating, QDialog):
    find_requested = Signal(str)  # the code or number typed or scanned
    search_requested = Signal(object, int)  # day, amount in cents
    origin_chosen = Signal(object)  # OriginSale picked in the day-and-amount list
    lines_chosen = Signal(str, object)  # sale id, [(line no, quantity, reason, restock)]
    articles_requested = Signal(str)  # no receipt: a scanned code or a name
    article_chosen = Signal(int, int, str, bool)  # no receipt: product, quantity, reason, stock

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnDialog")
        self.origin: OriginSale | None = None
        self.found: list[OriginSale] = []
        self.code_field = QLineEdit(self)
        self.code_field.setObjectName("returnCodeField")
        self.code_field.returnPressed.connect(self.find)
        self.find_button = QPushButton(self)
        self.find_button.clicked.connect(self.find)
        self.day_field = QDateEdit(self)
        self.day_field.setCalendarPopup(True)
        self.day_field.setDate(date.today())
        self.amount_field = QLineEdit(self)
        self.amount_field.returnPressed.connect(self.search)
        self.search_button = QPushButton(self)
        self.search_button.clicked.connect(self.search)
        self.results = QListWidget(self)
        self.results.hide()
        self.results.itemActivated.connect(self._pick)
        self.scope_label = QLabel(self)  # offline or unlinked: only this till's sales
        self.scope_label.setObjectName("returnScopeLabel")
        self.scope_label.setWordWrap(True)
        self.scope_label.hide()
        self._scope = ""
        self.no_receipt_button = QPushButton(self)
        self.no_receipt_button.setObjectName("noReceiptButton")
        self.no_receipt_button.setCheckable(True)
        self.no_receipt_button.setMinimumHeight(52)
        self.no_receipt_button.toggled.connect(self.set_no_receipt)
        self.no_receipt = NoReceiptPanel(reason_labels, self)
        self.no_receipt.hide()
        self.no_receipt.articles_requested.connect(self.articles_requested)
        self.no_receipt.article_chosen.connect(self.article_chosen)
        self.ticket_label = QLabel(self)
        self.ticket_label.setObjectName("returnTicketLabel")
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("returnLines")
        self.table.verticalHeader().hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("returnAddButton")
        self.add_button.setMinimumHeight(52)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add)
        self.close_button = QPushButton(self)
        self.close_button.setMinimumHeight(52)
        self.close_button.clicked.connect(self.reject)
        self._layout()
        self.resize(960, 600)
        self.retranslate_ui()

    def _layout(self) -> None:
        find = QHBoxLayout()
        find.addWidget(self.code_field, 1)
        find.addWidget(self.find_button)
        search = QHBoxLayout()
        self.day_label, self.amount_label = QLabel(self), QLabel(self)
        for widget in (self.day_label, self.day_field, self.amount_label, self.amount_field):
            search.addWidget(widget)
        search.addWidget(self.search_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.no_receipt_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(find)
        layout.addLayout(search)
        layout.addWidget(self.results)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.ticket_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_receipt, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Return"))
        self.code_field.setPlaceholderText(
            self.tr("Scan the receipt, or type the ticket number or web order")
        )
        self.find_button.setText(self.tr("Find"))
        self.day_label.setText(self.tr("Or by day"))
        self.amount_label.setText(self.tr("and amount"))
        self.search_button.setText(self.tr("Search"))
        self.add_button.setText(self.tr("Add to the ticket"))
        self.no_receipt_button.setText(self.tr("No receipt"))
        self.close_button.setText(self.tr("Close"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("Sold"), self.tr("Already returned"),
             self.tr("Remaining"), self.tr("Quantity returned"), self.tr("Reason"),
             self.tr("Back to stock")]
        )  # fmt: skip
        self.show_scope(self._scope)
        if self.origin is not None:
            self.show_origin(self.origin)

    # -- requests -----------------------------------------------------------------------

    def find(self) -> None:
        text = self.code_field.text().strip()
        if text:
            self.message.clear()
            self.find_requested.emit(text)

    def search(self) -> None:
        try:
            amount = parse_eur(self.amount_field.text())
        except (PosError, ValueError):
            amount = 0
        if amount <= 0:
            self.message.setText(self.tr("Type the ticket's amount, e.g. 12,50."))
            return
        self.message.clear()
        self.search_requested.emit(self.day_field.date().toPython(), amount)

    def set_no_receipt(self, on: bool) -> None:
        """The "no receipt" page instead of the original ticket (a scan then names the
        article), or back."""
        for widget in (self.code_field, self.find_button, self.day_label, self.day_field,
                       self.amount_label, self.amount_field, self.search_button,
                       self.ticket_label, self.table):  # fmt: skip
            widget.setVisible(not on)
        self.results.setVisible(not on and self.results.count() > 0)
        self.no_receipt.setVisible(on)
        self.no_receipt_button.setChecked(on)
        self.message.clear()
        self.add_button.setEnabled(on or self.origin is not None)
        (self.no_receipt.field if on else self.code_field).setFocus()

    def scan(self, code: str) -> None:
        """A scanned code: the article of a return without receipt, else the sale's."""
        if self.no_receipt.isVisible():
            self.no_receipt.field.setText(code.strip())
            self.no_receipt.search()
            return
        self.code_field.setText(code.strip())
        self.find()

    def add(self) -> None:
        if self.no_receipt.isVisible():
            if self.no_receipt.add():
                self.accept()
            return
        if self.origin is None:
            return
        chosen = []
        for row, line in enumerate(self.origin.lines):
            spin = self.table.cellWidget(row, QUANTITY)
            if not isinstance(spin, QSpinBox) or spin.value() == 0:
                continue
            reason = self.table.cellWidget(row, REASON)
            restock = self.table.cellWidget(row, RESTOCK)
            chosen.append((line.line_no, spin.value(), reason.currentData(), restock.isChecked()))
        if not chosen:
            self.message.setText(self.tr("Choose the quantity to take back on a line."))
            return
        self.lines_chosen.emit(self.origin.sale_id, chosen)
        self.accept()

    # -- answers ------------------------------------------------------------------------

    def show_scope(self, scope: str) -> None:
        """``"unlinked"`` (no central server), ``"offline"`` (it cannot be reached) or
        ``""``: the line telling the cashier only this till's sales can be returned."""
        self._scope = scope
        texts = {
            "unlinked": self.tr("This till has no central server: only its own sales can "
                                "be returned."),
            "offline": self.tr("The central server cannot be reached: only this till's "
                               "own sales can be returned."),
        }  # fmt: skip
        self.scope_label.setText(texts.get(scope, ""))
        self.scope_label.setVisible(scope in texts)

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)

    def show_found(self, origins: list[OriginSale]) -> None:
        self.found = list(origins)
        self.results.clear()
        if not origins:
            self.message.setText(self.tr("No ticket of that day has that amount."))
        for origin in origins:
            item = QListWidgetItem(f"{_when(origin)} · {origin.label} · "
                                   f"{format_money(origin.total_cents)}")  # fmt: skip
            item.setData(Qt.ItemDataRole.UserRole, origin.sale_id)
            self.results.addItem(item)
        self.results.setVisible(bool(origins))

    def _pick(self, item: QListWidgetItem) -> None:
        sale_id = item.data(Qt.ItemDataRole.UserRole)
        origin = next((o for o in self.found if o.sale_id == sale_id), None)
        if origin is not None:
            self.origin_chosen.emit(origin)

    def show_origin(self, origin: OriginSale) -> None:
        self.origin = origin
        self.results.hide()
        self.message.clear()
        # The label names the till already ("T02 n°41"): say where only when it is not here.
        where = (
            self.tr("web order") if origin.channel == "web"
            else self.tr("store %1").replace("%1", origin.store_id) if origin.store_id
            else ""
        )  # fmt: skip
        parts = (origin.label, _when(origin), where, format_money(origin.total_cents))
        self.ticket_label.setText(" · ".join(part for part in parts if part))
        labels = reason_labels()
        self.table.setRowCount(len(origin.lines))
        for row, line in enumerate(origin.lines):
            for column, text in ((NAME, line.name), (SOLD, str(line.quantity)),
                                 (RETURNED, str(line.returned_quantity)),
                                 (REMAINING, str(line.remaining))):  # fmt: skip
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            spin = QSpinBox(self.table)
            spin.setRange(0, max(line.remaining, 0))
            spin.setEnabled(line.remaining > 0)
            self.table.setCellWidget(row, QUANTITY, spin)
            reasons = QComboBox(self.table)
            for reason, label in labels.items():
                reasons.addItem(label, reason.value)
            restock = QCheckBox(self.table)
            restock.setChecked(True)
            reasons.currentIndexChanged.connect(
                lambda _i, box=reasons, check=restock: check.setChecked(
                    box.currentData() != ReturnReason.DEFECTIVE.value
                )
            )
            self.table.setCellWidget(row, REASON, reasons)
            self.table.setCellWidget(row, RESTOCK, restock)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.add_button.setEnabled(True)


def _when(origin: OriginSale) -> str:
    """The sale's day and time in the store's time (Europe/Paris), as on its receipt."""
    moment = datetime.fromisoformat(origin.completed_at.replace("Z", "+00:00"))
    return moment.astimezone(ZoneInfo("Europe/Paris")).strftime("%d/%m/%Y %H:%M")
