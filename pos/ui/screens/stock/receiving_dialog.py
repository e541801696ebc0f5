"""Receive a delivery: choose it (or scan its delivery note), scan what arrived against the
expected list, mark broken units, validate once.

Not blind: the expected quantity shows on each line, since the point of the check is the
gaps. The sheet lives here (``pos.domain.receiving``); every read and the final write run
on the stock worker. Validating records the whole receipt in one transaction with its
outbox operation; a refusal shows here and the sheet stays as counted, so nothing is lost.
"""

from __future__ import annotations

from functools import partial

from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.receiving import LineState, ReceivingSheet, SheetLine
from pos.services.deliveries import Delivery
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.qt import (
    QColor,
    QComboBox,
    QCoreApplication,
    QDate,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLocale,
    QPushButton,
    Qt,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pos.ui.screens.stock.scan_entry import ScanEntry, WorkerRequests
from pos.ui.stock_controller import StockController
from pos.ui.widgets.message_line import MessageLine
from pos.ui.widgets.tables import text_table
from pos.ui.zoom import set_font

_STATE_COLOURS = {
    LineState.OK: "#1b5e20",
    LineState.MISSING: "#b00020",
    LineState.EXTRA: "#8a4b00",
    LineState.DAMAGED: "#6a1b9a",
}


def state_name(state: LineState) -> str:
    names = {
        LineState.OK: QCoreApplication.translate("Receiving", "OK"),
        LineState.MISSING: QCoreApplication.translate("Receiving", "Missing"),
        LineState.EXTRA: QCoreApplication.translate("Receiving", "Extra"),
        LineState.DAMAGED: QCoreApplication.translate("Receiving", "Damaged"),
    }
    return names[state]


class ReceivingDialog(WorkerRequests, Retranslating, QDialog):
    def __init__(self, controller: StockController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receivingDialog")
        self.controller = controller
        self.deliveries: list[Delivery] = []
        self.delivery: Delivery | None = None
        self.sheet: ReceivingSheet | None = None
        self.received: Delivery | None = None
        self._build()
        worker = controller.worker
        self._connect(
            (worker.deliveries_listed, self._listed), (worker.delivery_opened, self._opened),
            (worker.article_found, self._found), (worker.delivery_received, self._received),
            (worker.refused, self._refused),
        )  # fmt: skip
        self.finished.connect(self._disconnect)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.entry.scanned.connect(self._scanned)
        self.damaged_button.clicked.connect(self._mark_damaged)
        self.reset_button.clicked.connect(self._reset_line)
        self.ok_button.clicked.connect(self.validate)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self._ask("list_deliveries")

    def _build(self) -> None:
        self.title = QLabel(self)
        set_font(self.title, 1.3, 1.0, bold=True)
        self.choice_label = QLabel(self)
        self.choice = QComboBox(self)
        self.choice.setObjectName("receivingChoice")
        self.choice.setMinimumHeight(44)
        self.source = QLabel(self)
        self.source.setObjectName("receivingSource")
        self.source.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.entry = ScanEntry(self)
        self.table = text_table(self, 6, "receivingLines", selectable=True)
        self.table.horizontalHeader().setMinimumSectionSize(96)  # "Attendu" whole
        self.summary = QLabel(self)
        self.summary.setObjectName("receivingSummary")
        self.message = MessageLine(self)
        self.message.setObjectName("receivingMessage")
        self.message.setWordWrap(True)
        self.damaged_button, self.reset_button = QPushButton(self), QPushButton(self)
        self.ok_button, self.close_button = QPushButton(self), QPushButton(self)
        self.ok_button.setObjectName("receivingValidate")
        self.damaged_button.setObjectName("receivingDamaged")
        for button in (self.damaged_button, self.reset_button, self.ok_button, self.close_button):
            button.setMinimumHeight(44)
        top = QHBoxLayout()
        top.addWidget(self.choice_label)
        top.addWidget(self.choice, 1)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.damaged_button)
        line_buttons.addWidget(self.reset_button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        for part in (self.title, top, self.source, self.hint, self.entry, self.table,
                     line_buttons, self.message, buttons):  # fmt: skip
            if isinstance(part, QWidget):
                layout.addWidget(part, 1 if part is self.table else 0)
            else:
                layout.addLayout(part)
        self.resize(880, 620)
        self._enable()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Receive a delivery"))
        self.title.setText(self.tr("Receive a delivery"))
        self.choice_label.setText(self.tr("Delivery"))
        if self.choice.count():
            self.choice.setItemText(0, self.tr("Choose a delivery, or scan its delivery note…"))
        self.hint.setText(
            self.tr(
                "Scan each article that arrived; the expected quantities show, count what is "
                "really there. Broken units: select the line, then Mark damaged (they are "
                "reported, not put in stock)."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("SKU"), self.tr("Expected"), self.tr("Received"),
             self.tr("Damaged"), self.tr("State")]
        )  # fmt: skip
        self.damaged_button.setText(self.tr("Mark damaged"))
        self.reset_button.setText(self.tr("Clear the line"))
        self.ok_button.setText(self.tr("Validate the receipt"))
        self.close_button.setText(self.tr("Close"))
        self._show_source()
        self._fill()

    # -- the worker's answers --------------------------------------------------------------

    def _listed(self, deliveries: list[Delivery], unlisted: bool = False) -> None:
        self._answered()
        self.deliveries = list(deliveries)
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self.tr("Choose a delivery, or scan its delivery note…"), "")
        for delivery in self.deliveries:
            self.choice.addItem(f"{delivery.source} — {delivery.id}", delivery.id)
        self.choice.blockSignals(False)
        if unlisted:  # Medusa: the note's number opens a delivery received without a list
            self.message.say(
                self.tr(
                    "Medusa announces no deliveries: scan or type the delivery note's number, "
                    "then every article that arrived. Only what goes on the shelf reaches "
                    "Medusa; the differences stay at this till."
                )
            )
        elif not self.deliveries:
            self.message.say(self.tr("No delivery is expected at this store right now."))

    def _chosen(self, index: int) -> None:
        delivery_id = str(self.choice.itemData(index) or "")
        if delivery_id:
            self._ask("open_delivery", delivery_id)

    def _opened(self, delivery: Delivery) -> None:
        self._answered()
        self.delivery = delivery
        self.sheet = ReceivingSheet(
            [SheetLine(x.product_id, x.sku, x.name or x.sku, x.quantity) for x in delivery.lines]
        )
        index = self.choice.findData(delivery.id)
        if index >= 0 and index != self.choice.currentIndex():
            self.choice.blockSignals(True)
            self.choice.setCurrentIndex(index)
            self.choice.blockSignals(False)
        self.message.clear()
        self._show_source()
        self._fill()
        self.entry.field.setFocus()

    def _scanned(self, code: str, quantity: int) -> None:
        if self.sheet is None:  # no delivery yet: a delivery note's number
            self._ask("open_delivery", code)
            return
        self._ask("find_article", "receive", code, quantity)

    def scan(self, code: str) -> None:
        self.entry.scan(code)

    def _found(self, purpose: str, product: Product, quantity: int) -> None:
        if purpose != "receive" or self.sheet is None:
            return
        self._answered()
        on_sheet = self.sheet.line(product.id) is not None
        try:
            line = self.sheet.scan(product.id, product.sku, product.name, quantity)
        except PosError as exc:
            self._say(exc.code, exc.message, exc.params)
            return
        if not on_sheet or not line.expected:
            self.message.say(
                self.tr("%1 is not on this delivery: counted as extra.").replace("%1", line.name)
            )
        else:
            self.message.clear()
        self._fill(select=product.id)

    def _received(self, delivery: Delivery) -> None:
        self._answered()
        self.received = delivery
        self.accept()

    def _refused(self, code: str, message: str, params: dict) -> None:
        if not self._pending:
            return  # not this dialog's request
        self._answered()
        self.ok_button.setEnabled(self.sheet is not None)
        self._say(code, message, params)

    def _say(self, code: str, message: str, params: dict) -> None:
        self.message.say(partial(user_message, code, message, params))

    # -- acting on the sheet ---------------------------------------------------------------

    def _selected_product(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.sheet is None:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _mark_damaged(self) -> None:
        product_id = self._selected_product()
        if product_id is None or self.sheet is None:
            self.message.say(self.tr("Select the line of the broken article first."))
            return
        try:
            self.sheet.mark_damaged(product_id, self.entry.quantity.value())
        except PosError as exc:
            self._say(exc.code, exc.message, exc.params)
            return
        self.entry.quantity.setValue(1)
        self._fill(select=product_id)

    def _reset_line(self) -> None:
        product_id = self._selected_product()
        if product_id is not None and self.sheet is not None:
            self.sheet.set_counts(product_id, 0, 0)
            self._fill(select=product_id)

    def validate(self) -> None:
        if self.delivery is None or self.sheet is None:
            self.message.say(self.tr("Choose the delivery first."))
            return
        try:
            lines = self.sheet.counted()
        except PosError as exc:
            self._say(exc.code, exc.message, exc.params)
            return
        self.ok_button.setEnabled(False)
        self._ask("receive", self.delivery.id, lines, "")

    # -- showing ---------------------------------------------------------------------------

    def _show_source(self) -> None:
        delivery = self.delivery
        if delivery is None:
            self.source.setText("")
            return
        text = (
            self.tr("Transfer from %1, sent on %2.")
            if delivery.source_kind == "transfer"
            else self.tr("Delivery note %1, without an expected list (opened on %2).")
            if not delivery.lines and delivery.source == delivery.id
            else self.tr("Supplier: %1, announced on %2.")
        )
        day = QLocale().toString(
            QDate.fromString(delivery.created_at[:10], "yyyy-MM-dd"), QLocale.FormatType.ShortFormat
        )
        self.source.setText(text.replace("%1", delivery.source).replace("%2", day))

    def _fill(self, select: int | None = None) -> None:
        lines = self.sheet.lines if self.sheet is not None else []
        self.table.setRowCount(len(lines))
        locale = QLocale()
        for row, line in enumerate(lines):
            state = line.state
            cells = (line.name, line.sku, locale.toString(line.expected),
                     locale.toString(line.received), locale.toString(line.damaged),
                     state_name(state))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, line.product_id)
                if 2 <= column <= 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 5:
                    item.setForeground(QColor(_STATE_COLOURS[state]))
                self.table.setItem(row, column, item)
            if line.product_id == select:
                self.table.selectRow(row)
        self.summary.setText(self._summary(lines))
        self._enable()

    def _summary(self, lines: list[SheetLine]) -> str:
        if not lines:
            return ""
        counts = {state: sum(1 for x in lines if x.state is state) for state in LineState}
        return (
            self.tr("%1 OK, %2 missing, %3 extra, %4 damaged")
            .replace("%1", str(counts[LineState.OK]))
            .replace("%2", str(counts[LineState.MISSING]))
            .replace("%3", str(counts[LineState.EXTRA]))
            .replace("%4", str(counts[LineState.DAMAGED]))
        )

    def _enable(self) -> None:
        opened = self.sheet is not None
        for widget in (self.damaged_button, self.reset_button, self.ok_button):
            widget.setEnabled(opened)
