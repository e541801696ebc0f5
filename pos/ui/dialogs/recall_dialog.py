"""Recall a parked sale: the list of sales put aside on this till, newest last."""

from __future__ import annotations

from pos.domain.basket_codec import basket_from_dict
from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class RecallDialog(Retranslating, QDialog):
    chosen = Signal(str)  # the parked sale's id

    def __init__(self, parked: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallDialog")
        self.parked = parked
        self.list = QListWidget(self)
        for sale in parked:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, sale.id)
            self.list.addItem(item)
        self.list.setCurrentRow(self.list.count() - 1)
        self.list.itemActivated.connect(lambda _item: self.resume())
        resume = self.resume_button = QPushButton(self)
        resume.setObjectName("resumeButton")
        resume.setMinimumHeight(52)
        resume.clicked.connect(self.resume)
        close = self.close_button = QPushButton(self)
        close.setMinimumHeight(52)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addWidget(resume)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.resize(520, 360)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Parked sales"))
        self.resume_button.setText(self.tr("Resume"))
        self.close_button.setText(self.tr("Close"))
        for row, sale in enumerate(self.parked):  # the totals in the new locale
            total = basket_from_dict(sale.payload["basket"]).totals().total_cents
            time = sale.parked_at[11:16]
            text = f"{time} · {sale.cashier} · {format_money(total)} {sale.label}".strip()
            self.list.item(row).setText(text)

    def resume(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
