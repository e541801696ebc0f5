"""The stock screen (Ctrl+3): find an article by name, SKU or scan, read its figures and
last movements, list what runs low or below zero, and adjust it.

Everyone signed in reads it; adjusting is a manager's act (a cashier's goes to a
manager's approval, and the service checks it again). Every read runs on the stock
worker; typing is debounced and answers to older requests are dropped, so the screen
never waits and never shows a stale list over a newer one.
"""

from __future__ import annotations

from functools import partial

from pos.domain.rights import Actor, Right
from pos.services.stock_desk import LOW_STOCK_THRESHOLD, StockDetail, StockFilter, StockRow
from pos.ui.i18n import Retranslating
from pos.ui.messages import user_message
from pos.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    isValid,
)
from pos.ui.screens.stock.adjust_dialog import AdjustDialog
from pos.ui.screens.stock.count_dialog import CountDialog
from pos.ui.screens.stock.detail_panel import StockDetailPanel, quantity_text
from pos.ui.screens.stock.receiving_dialog import ReceivingDialog
from pos.ui.screens.stock.transfer_dialog import TransferDialog
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.stock_controller import StockController
from pos.ui.widgets.message_line import MessageLine

TYPING_DELAY_MS = 200  # a pause in typing before searching; Enter (a scan) searches at once


class StockScreen(Retranslating, QWidget):
    # A product's availability in the other stores (part O's dialog opens on it).
    other_stores_requested = Signal(int)

    def __init__(
        self,
        controller: StockController,
        approver: RequestApproval | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockScreen")
        self.controller = controller
        self.approver = approver
        self.actor: Actor | None = None
        self.rows: list[StockRow] = []
        self.adjust_dialog: AdjustDialog | None = None
        self.moves_dialog: ReceivingDialog | TransferDialog | None = None  # issue 16, part R1
        self.count_dialog: CountDialog | None = None
        self._asked = 0  # number of the latest search sent; older answers are dropped
        self._build()
        self._typing = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._typing.timeout.connect(self.search_now)
        self.search_field.textEdited.connect(lambda _text: self._typing.start())
        self.search_field.returnPressed.connect(self.search_now)
        self.filter_box.currentIndexChanged.connect(self.search_now)
        self.threshold.valueChanged.connect(self.search_now)
        self.results.itemSelectionChanged.connect(self._selected)
        self.adjust_button.clicked.connect(self.open_adjust)
        self.other_button.clicked.connect(self._other_stores)
        self.receive_button.clicked.connect(self.open_receiving)
        self.transfer_button.clicked.connect(self.open_transfer)
        self.count_button.clicked.connect(self.open_count)
        worker = controller.worker
        worker.searched.connect(self._searched)
        worker.detail_loaded.connect(self._detail_loaded)
        worker.adjusted.connect(self._detail_loaded)
        worker.refused.connect(self.show_refusal)
        self.retranslate_ui()

    def _build(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("stockSearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumHeight(44)
        self.filter_box = QComboBox(self)
        self.filter_box.setObjectName("stockFilter")
        for which in StockFilter:
            self.filter_box.addItem("", which.value)
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("stockThreshold")
        self.threshold.setRange(0, 10_000)
        self.threshold.setValue(LOW_STOCK_THRESHOLD)
        self.threshold_label = QLabel(self)
        self.message = MessageLine(self)
        self.message.setObjectName("stockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.results = QTableWidget(0, 5, self)
        self.results.setObjectName("stockResults")
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.verticalHeader().hide()
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.panel = StockDetailPanel(self)
        self.adjust_button = QPushButton(self)
        self.adjust_button.setObjectName("stockAdjust")
        self.other_button = QPushButton(self)
        self.other_button.setObjectName("stockOtherStores")
        self.other_button.setEnabled(False)  # until a dialog is connected (``set_other_stores``)
        self._other_connected = False
        self.receive_button, self.transfer_button = QPushButton(self), QPushButton(self)
        self.receive_button.setObjectName("stockReceive")
        self.transfer_button.setObjectName("stockTransfer")
        self.count_button = QPushButton(self)
        self.count_button.setObjectName("stockCount")
        for button in (self.adjust_button, self.other_button, self.receive_button,
                       self.transfer_button, self.count_button):  # fmt: skip
            button.setMinimumHeight(44)
        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.filter_box)
        top.addWidget(self.threshold_label)
        top.addWidget(self.threshold)
        top.addWidget(self.count_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.panel, 1)
        column.addLayout(buttons)
        left = QWidget(self)  # the list, and the acts on the store's stock as a whole
        list_column = QVBoxLayout(left)
        list_column.setContentsMargins(0, 0, 0, 0)
        list_column.addWidget(self.results, 1)
        store_acts = QHBoxLayout()
        store_acts.addWidget(self.receive_button)
        store_acts.addWidget(self.transfer_button)
        store_acts.addStretch(1)
        list_column.addLayout(store_acts)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def retranslate_ui(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Name, SKU or scan a barcode"))
        names = {
            StockFilter.ALL: self.tr("All articles"),
            StockFilter.LOW: self.tr("Low stock"),
            StockFilter.NEGATIVE: self.tr("Negative stock"),
        }
        for index in range(self.filter_box.count()):
            self.filter_box.setItemText(index, names[StockFilter(self.filter_box.itemData(index))])
        self.threshold_label.setText(self.tr("Low means at most"))
        self.results.setHorizontalHeaderLabels(
            [self.tr("Article"), self.tr("SKU"), self.tr("On hand"), self.tr("Reserved"),
             self.tr("Available")]
        )  # fmt: skip
        self.adjust_button.setText(self.tr("Adjust…"))
        self.other_button.setText(self.tr("Other stores"))
        self.receive_button.setText(self.tr("Receive a delivery…"))
        self.transfer_button.setText(self.tr("Transfer to a store…"))
        self.count_button.setText(self.tr("Count the stock…"))
        self._explain_buttons()

    # -- who is signed in, and the network -------------------------------------------------

    def set_actor(self, actor: Actor | None) -> None:
        """A cashier reads; adjusting asks a manager (the service checks it again)."""
        self.actor = actor
        self.controller.request("set_actor", actor)
        self._explain_buttons()

    def set_online(self, online: bool | None) -> None:
        """None: no central server (a demo till); False: offline, the figures' age shows."""
        self.panel.set_online(online)

    def set_other_stores(self, connected: bool) -> None:
        """Enable "Other stores" once something listens to ``other_stores_requested``."""
        self._other_connected = connected
        self._explain_buttons()

    def _explain_buttons(self) -> None:
        chosen = self.panel.detail is not None
        self.adjust_button.setEnabled(chosen and self.actor is not None)
        manager = self.actor is not None and self.actor.may(Right.ADJUST_STOCK)
        self.adjust_button.setToolTip(
            "" if manager else self.tr("A manager adjusts stock, or approves your adjustment.")
        )
        self.count_button.setEnabled(self.actor is not None)
        self.other_button.setEnabled(chosen and self._other_connected)
        self.receive_button.setEnabled(self.actor is not None)
        self.transfer_button.setEnabled(self.actor is not None)
        self.other_button.setToolTip(
            "" if self._other_connected
            else self.tr("Other stores' stock is not available on this till yet.")
        )  # fmt: skip

    # -- searching -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def scan(self, code: str) -> None:
        """A scanner's code while the stock screen shows: look the article up (or, in the
        receiving or transfer dialog, count it there)."""
        for dialog in (self.moves_dialog, self.count_dialog):
            if dialog is not None and isValid(dialog) and dialog.isVisible():
                dialog.scan(code)
                return
        self.search_field.setText(code)
        self.search_now()

    def search_now(self) -> None:
        self._typing.stop()
        self._asked += 1
        which = str(self.filter_box.currentData())
        self.controller.request(
            "search", self._asked, self.search_field.text(), which, self.threshold.value()
        )

    def _searched(self, number: int, rows: list[StockRow]) -> None:
        if number != self._asked:
            return  # an older search answered late
        self.message.hide()
        self.rows = list(rows)
        self.results.setRowCount(len(self.rows))
        for row, found in enumerate(self.rows):
            sold_by, level = found.product.sold_by, found.level
            figures = (level.on_hand, level.reserved, level.available)
            cells = (found.product.name, found.product.sku,
                     *(quantity_text(value, sold_by) for value in figures))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.results.setItem(row, column, item)
        if len(self.rows) == 1 or (self.rows and self._exact(self.rows[0])):
            self.results.selectRow(0)
        elif not self.rows and self.search_field.text().strip():
            self.message.say(self.tr("No article matches this search."))
            self.message.show()

    def _exact(self, row: StockRow) -> bool:
        text = self.search_field.text().strip()
        return text in (row.product.sku, str(row.product.id)) or text.isdigit()

    def _selected(self) -> None:
        chosen = self.results.selectionModel().selectedRows()
        if chosen and chosen[0].row() < len(self.rows):
            self.controller.request("detail", self.rows[chosen[0].row()].product.id)

    def _detail_loaded(self, detail: StockDetail) -> None:
        self.panel.show_detail(detail)
        for row, found in enumerate(self.rows):  # the list follows an adjustment
            if found.product.id == detail.product.id:
                sold_by = found.product.sold_by
                for column, value in ((2, detail.level.on_hand), (3, detail.level.reserved),
                                      (4, detail.level.available)):  # fmt: skip
                    item = self.results.item(row, column)
                    if item is not None:
                        item.setText(quantity_text(value, sold_by))
        self._explain_buttons()

    # -- acting ----------------------------------------------------------------------------

    def open_adjust(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        manager = self.actor is not None and self.actor.may(Right.ADJUST_STOCK)
        dialog = AdjustDialog(
            self.controller, detail, self.approver, self, needs_approval=not manager
        )
        dialog.finished.connect(dialog.deleteLater)
        self.adjust_dialog = dialog
        dialog.open()

    def open_receiving(self) -> ReceivingDialog:
        dialog = ReceivingDialog(self.controller, self)
        dialog.accepted.connect(lambda: self._moved(dialog))
        self._open_moves(dialog)
        return dialog

    def open_transfer(self) -> TransferDialog:
        dialog = TransferDialog(self.controller, self.actor, self.approver, self)
        dialog.accepted.connect(lambda: self._moved(dialog))
        self._open_moves(dialog)
        return dialog

    def _open_moves(self, dialog: ReceivingDialog | TransferDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.moves_dialog = dialog
        dialog.open()

    def _moved(self, dialog: ReceivingDialog | TransferDialog) -> None:
        """Say what was recorded, and show the figures after it."""
        if isinstance(dialog, ReceivingDialog):
            self.message.say(self.tr("Delivery received: the stock and its differences are "
                                     "recorded, and sent to central."))  # fmt: skip
        else:
            self.message.say(self.tr("Transfer recorded: the goods left this store's stock; "
                                     "the other store receives them as a delivery."))  # fmt: skip
        self.message.show()
        if self.panel.detail is not None:
            self.controller.request("detail", self.panel.detail.product.id)

    def open_count(self) -> None:
        """The count under way at this till reopens where it was; else a new one."""
        manager = self.actor is not None and self.actor.may(Right.ADJUST_STOCK)
        dialog = CountDialog(self.controller, self.approver, self, needs_approval=not manager)
        dialog.finished.connect(dialog.deleteLater)
        dialog.accepted.connect(self.search_now)  # the list shows the counted figures
        self.count_dialog = dialog
        dialog.open()

    def _other_stores(self) -> None:
        if self.panel.detail is not None:
            self.other_stores_requested.emit(self.panel.detail.product.id)

    def show_refusal(self, code: str, message: str, params: dict) -> None:
        for dialog in (self.adjust_dialog, self.moves_dialog, self.count_dialog):
            if dialog is not None and isValid(dialog) and dialog.isVisible():
                return  # the dialog says it
        self.message.say(partial(user_message, code, message, params))
        self.message.show()
