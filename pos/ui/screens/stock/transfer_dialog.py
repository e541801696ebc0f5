"""Send goods to another store: choose it from the network this till knows, scan the
articles, send once. The goods leave this store's stock at once (one transaction with the
``transfer_sent`` operation); the other store receives them as a delivery. A manager's
act: a cashier's goes to a manager's approval, then the same transfer is sent again.
Below, the transfers this store sent and what the other store received of them ("sent 5,
received 4"), as the last sync told."""

from __future__ import annotations

from functools import partial

from pos.domain.errors import PosError
from pos.domain.product import Product
from pos.domain.receiving import TransferLine, TransferSheet
from pos.domain.rights import Actor, Approval, Right
from pos.domain.stock_adjustment import MAX_NOTE_CHARS
from pos.services.deliveries import Destination, Sent, TransferOutcome
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.qt import (
    QComboBox,
    QDate,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QPushButton,
    Qt,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pos.ui.screens.stock.scan_entry import ScanEntry, WorkerRequests
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.stock_controller import StockController
from pos.ui.widgets.message_line import MessageLine
from pos.ui.widgets.tables import fill_rows, text_table
from pos.ui.zoom import set_font

SendArgs = tuple[str, list[TransferLine], str]


class TransferDialog(WorkerRequests, Retranslating, QDialog):
    def __init__(
        self,
        controller: StockController,
        actor: Actor | None,
        request_approval: RequestApproval | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.controller = controller
        self.actor = actor
        self.request_approval = request_approval
        self.sheet = TransferSheet()
        self.sent: Sent | None = None
        self.outcomes: list[TransferOutcome] = []
        self._sending: SendArgs | None = None
        self._build()
        worker = controller.worker
        self._connect(
            (worker.destinations_listed, self._listed), (worker.article_found, self._found),
            (worker.transfer_sent, self._done), (worker.refused, self._refused),
            (worker.sent_transfers_listed, self._sent_listed),
        )  # fmt: skip
        self.finished.connect(self._disconnect)
        self.entry.scanned.connect(self._scanned)
        self.remove_button.clicked.connect(self._remove)
        self.ok_button.clicked.connect(lambda: self.send())
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self._ask("list_destinations")
        self.controller.request("list_sent_transfers")  # a refusal here is not the dialog's

    def _build(self) -> None:
        self.title = QLabel(self)
        set_font(self.title, 1.3, 1.0, bold=True)
        self.store_label, self.note_label = QLabel(self), QLabel(self)
        self.store_box = QComboBox(self)
        self.store_box.setObjectName("transferStore")
        self.store_box.setMinimumHeight(44)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.entry = ScanEntry(self)
        self.table = text_table(self, 3, "transferLines", selectable=True)
        self.note_field = QLineEdit(self)
        self.note_field.setMaxLength(MAX_NOTE_CHARS)
        self.message = MessageLine(self)
        self.message.setObjectName("transferMessage")
        self.message.setWordWrap(True)
        self.remove_button = QPushButton(self)
        self.sent_label = QLabel(self)
        self.sent_table = text_table(self, 5, "sentTransfers")
        self.ok_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.ok_button.setObjectName("transferSend")
        for widget in (self.remove_button, self.ok_button, self.cancel_button, self.note_field):
            widget.setMinimumHeight(44)
        top = QHBoxLayout()
        top.addWidget(self.store_label)
        top.addWidget(self.store_box, 1)
        note = QHBoxLayout()
        note.addWidget(self.note_label)
        note.addWidget(self.note_field, 1)
        note.addWidget(self.remove_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.entry)
        layout.addWidget(self.table, 1)
        layout.addLayout(note)
        layout.addWidget(self.message)
        layout.addWidget(self.sent_label)
        layout.addWidget(self.sent_table)
        layout.addLayout(buttons)
        self.resize(760, 700)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Transfer to a store"))
        self.title.setText(self.tr("Transfer to a store"))
        self.store_label.setText(self.tr("To"))
        self.note_label.setText(self.tr("Note"))
        self.note_field.setPlaceholderText(self.tr("Optional: why, the parcel's number…"))
        info = self.tr(
            "Scan what leaves the store: it goes out of this store's stock when sent; the "
            "other store receives it as a delivery."
        )
        if self.actor is None or not self.actor.may(Right.TRANSFER_STOCK):
            info += " " + self.tr("A manager approves it with their code.")
        self.info.setText(info)
        self.table.setHorizontalHeaderLabels([self.tr("Article"), self.tr("SKU"),
                                              self.tr("Quantity")])  # fmt: skip
        self.remove_button.setText(self.tr("Remove the line"))
        self.sent_label.setText(self.tr("Transfers sent from this store"))
        self.sent_table.setHorizontalHeaderLabels(
            [self.tr("To"), self.tr("Sent on"), self.tr("Sent"), self.tr("Received"),
             self.tr("Difference")]
        )  # fmt: skip
        self._sent_listed(self.outcomes)
        self.ok_button.setText(self.tr("Send the transfer"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _listed(self, destinations: list[Destination], medusa: bool = False) -> None:
        self._answered()
        self.store_box.clear()
        for destination in destinations:
            self.store_box.addItem(destination.name, destination.store_id)
        if not destinations and medusa:
            self.message.say(
                self.tr(
                    "This till knows no other store yet: look up an article in the other "
                    "stores once online, then retry."
                )
            )
        elif not destinations:
            self.message.say(
                self.tr("This till knows no other store yet: sync it once online, then retry.")
            )
        elif medusa:
            self.message.say(
                self.tr(
                    "With Medusa the other store is not told: it receives the goods as a "
                    "delivery without an expected list."
                )
            )
        self.ok_button.setEnabled(bool(destinations))
        self._sent_listed(self.outcomes)  # the stores' names now known

    def _sent_listed(self, outcomes: list[TransferOutcome]) -> None:
        """Each sent transfer: units sent, received there (sound), and the difference, or
        "not received yet" while the other store has not checked it."""
        self.outcomes = list(outcomes)
        names = {self.store_box.itemData(i): self.store_box.itemText(i)
                 for i in range(self.store_box.count())}  # fmt: skip
        rows = []
        for t in self.outcomes:
            day = QLocale().toString(QDate.fromString(t.sent_at[:10], "yyyy-MM-dd"),
                                     QLocale.FormatType.ShortFormat)  # fmt: skip
            received, difference = self.tr("not received yet"), "—"
            if t.received:
                received = QLocale().toString(t.units_received)
                difference = self._difference(t)
            rows.append((names.get(t.to_store_id, t.to_store_id), day,
                         QLocale().toString(t.units_sent), received, difference))  # fmt: skip
        fill_rows(self.sent_table, rows, 2)
        for row, t in enumerate(self.outcomes):
            if t.differing:
                self.sent_table.item(row, 4).setForeground(Qt.GlobalColor.darkRed)

    def _difference(self, t: TransferOutcome) -> str:
        gap = t.units_received - t.units_sent
        if gap:
            return ("+" if gap > 0 else "−") + QLocale().toString(abs(gap))
        return self.tr("one article for another") if t.differing else self.tr("none")

    def _scanned(self, code: str, quantity: int) -> None:
        self._ask("find_article", "transfer", code, quantity)

    def scan(self, code: str) -> None:
        self.entry.scan(code)

    def _found(self, purpose: str, product: Product, quantity: int) -> None:
        if purpose != "transfer":
            return
        self._answered()
        try:
            self.sheet.add(product.id, product.sku, product.name, quantity)
        except PosError as exc:
            self.message.say(partial(user_message, exc.code, exc.message, exc.params))
            return
        self.message.clear()
        self._fill()

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item = self.table.item(rows[0].row(), 0)
            if item is not None:
                self.sheet.remove(int(item.data(Qt.ItemDataRole.UserRole)))
                self._fill()

    def _fill(self) -> None:
        lines = self.sheet.lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.name, line.sku, QLocale().toString(line.quantity))):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, line.product_id)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def send(self, approval: Approval | None = None) -> None:
        args = (str(self.store_box.currentData() or ""), self.sheet.lines,
                self.note_field.text())  # fmt: skip
        self._sending = args
        self.ok_button.setEnabled(False)
        self.message.clear()
        self._ask("send_transfer", *args, approval)

    def _done(self, sent: Sent) -> None:
        self._answered()
        self._sending = None
        self.sent = sent
        self.accept()

    def _refused(self, code: str, message: str, params: dict) -> None:
        if not self._pending:
            return  # not this dialog's request
        sending = self._sending
        self._answered()
        self._sending = None
        self.ok_button.setEnabled(True)
        if sending is not None and code == "right_refused" and params.get("approvable"):
            approval = self._approval(sending) if sending else None
            if approval is not None and sending is not None:
                self._sending = sending
                self.ok_button.setEnabled(False)
                self._ask("send_transfer", *sending, approval)
                return
            code, message, params = "transfer_not_approved", "Not approved.", {}
        self.message.say(partial(user_message, code, message, params))

    def _approval(self, sending: SendArgs) -> Approval | None:
        if self.request_approval is None:
            return None
        units = sum(x.quantity for x in sending[1])
        what = (
            self.tr("Transfer of %1 units to %2")
            .replace("%1", QLocale().toString(units))
            .replace("%2", self.store_box.currentText())
        )
        return self.request_approval(Right.TRANSFER_STOCK, what, None)
